#pragma once

#include "api/logrecord.h"
#include "apierror.h"
#include "logentry.h"
#include "logindex.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;

// One of a tenant's logs (GET /api/v1/logs/{log}), newest first, as a window
// over the service's keyset cursor: the model reports every row the filters
// match, but holds only the pages near the rows the view asks for, so memory
// stays flat however far the user scrolls through millions of rows.
//
// How a row is found: the service counts the rows per day (the histogram
// route), which places every day's rows at known row numbers; a page read
// before a day's end (?to=) therefore starts at a known row, and its cursors
// reach the pages beside it in both directions. A day too full to land near
// a row is counted by hour. data() of a row not loaded answers a placeholder
// (LoadedRole false) and asks for its page; one request at a time, for the
// rows the view asked for last; pages far from them are dropped.
//
// The filters run on the service. The rows counted are those before the
// moment the filters were set (a snapshot, so that the row numbers stay put
// while the log grows); the live tail (long polls of .../tail) adds the rows
// written since at the top, within two seconds.
class LogWindowModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogWindowModel)

public:
    // What a column shows; each log has its own set (columnField()).
    enum class Field
    {
        Time,
        Person, // access, error: who asked; operation: the actor
        Method,
        Path,
        Status,
        Latency,
        Address,
        UserAgent,
        Action,
        Target,
        Summary,
        Route,
        Code,
        Category,
        RequestId,
    };
    enum Roles
    {
        LoadedRole = Qt::UserRole + 1, // false for a placeholder
        SeqRole,                       // qint64, the row's sequence in the tenant's log
        TimeRole,                      // QDateTime, UTC
    };
    // A person's name by id, for the person column; empty when unknown.
    using PersonNames = std::function<QString(const QString &personId)>;

    explicit LogWindowModel(ApiClient &client, QObject *parent = nullptr);
    ~LogWindowModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows `kind` with `filter` (its cursor, direction and limit are the
    // model's own) and counts it again. Check the filter first
    // (checkLogFilter): one the service refuses ends in failed().
    void setQuery(api::LogKind kind, const api::LogQuery &filter);
    api::LogKind log() const { return m_kind; }
    const api::LogQuery &filter() const { return m_filter; }
    // Counts the current query again, from the top.
    void reload();
    // Stops loading and forgets the rows (signed out, page hidden for good).
    void clear();

    // Rows per request (1 to api::kLogPageMax); the default suits a screen.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // Rows held at most, besides those of the live tail; pages beyond are
    // dropped, farthest from the rows the view asked for first.
    void setCacheLimit(int rows);
    int cacheLimit() const { return m_cacheLimit; }
    int cachedRows() const { return m_cachedRows; }
    // Times are shown in `zone` (the system's by default), with its offset.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    void setPersonNames(PersonNames names);
    // The person names changed: the person column repaints.
    void personNamesChanged();

    Field columnField(int column) const;
    int columnOf(Field field) const; // -1 when the log has no such column
    static QList<Field> fieldsOf(api::LogKind kind);
    static QString fieldName(Field field); // the column title, in the UI language

    // Every row the query matches (including the live tail's); -1 until counted.
    qint64 total() const;
    // The filter the count and the pages read: the query's, ending at the
    // snapshot (the rows after it come by the live tail).
    api::LogQuery snapshotFilter() const;
    bool isLoading() const { return !m_reply.isNull() || !m_countReply.isNull(); }
    bool isLoaded(int row) const { return entryAt(row) != nullptr; }
    // The row, or null while it is not loaded.
    const LogEntry *entryAt(int row) const;
    // The row number of the newest row on or before `date` in the time zone
    // (the last row when the log starts after it); -1 before the count.
    int rowForDate(QDate date) const;
    // Every field of the row as "Name: value" lines, for the clipboard.
    QString rowText(int row) const;
    // The text of one field of a loaded row, as the table shows it.
    QString fieldText(const LogEntry &entry, Field field) const;

    // The live tail: rows written after the count appear at the top.
    void setLiveTail(bool on);
    bool isLiveTail() const { return m_liveTail; }

    // Requests sent for pages (for tests and the benchmark).
    int pageRequests() const { return m_pageRequests; }

    // The recent rows of a log, offline: the count and the first page of
    // each query (the newest rows of its filters, as the tab opened) are
    // kept in the offline cache; when the service cannot be reached they are
    // served from it, and this is when the service gave them (UTC, the
    // oldest of the two). Rows further down then fail to load.
    std::optional<QDateTime> asOf() const { return m_asOf; }
    // The offline cache's key for those recent rows (the first page) of
    // `kind` under `filter`, whose cursor, direction and limit do not count,
    // as setQuery() drops them: LogExportSource exports the rows kept under
    // it when the service cannot be reached.
    static QString recentRowsOfflineKey(api::LogKind kind, const api::LogQuery &filter);

Q_SIGNALS:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    // The count starts again from a new snapshot (a new query, a reload, or
    // more live rows than the cache holds): snapshotFilter() is its filter.
    void snapshotTaken();
    // Rows of the live tail went in at the top.
    void liveRowsArrived(int count);
    void liveTailChanged(bool on);
    void failed(const engage::models::ApiError &error);

protected:
    bool event(QEvent *event) override; // LanguageChange → headerDataChanged
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Rows [first, first + rows.size()) in a row, with the cursors that read
    // on above and below them where the service gave them.
    struct Block
    {
        int first = 0;
        QList<LogEntry> rows;
        std::optional<QString> newer; // reads the rows above `first`
        std::optional<QString> older; // reads the rows below the last
        int end() const { return first + int(rows.size()); }
    };
    using Blocks = std::map<int, Block>;

    // A request planned for the rows the view wants.
    struct Fetch
    {
        api::LogQuery query;
        int first = 0;         // where the first row returned goes
        bool upward = false;   // rows returned end at `first` instead (direction newer)
        int refineBucket = -1; // instead of a page: count this day by hour
        LogIndex::Anchor anchor;
    };

    void start();
    void stop();
    void countRows();
    void onCounted(ApiReply *reply);
    void want(int row) const;
    void onWanted();
    void fetchWanted();
    std::optional<Fetch> plan(int row) const;
    void sendFetch(const Fetch &fetch);
    void onPage(ApiReply *reply, const Fetch &fetch);
    void onRefined(ApiReply *reply, const Fetch &fetch);
    void place(int first, QList<LogEntry> rows, std::optional<QString> newer,
               std::optional<QString> older);
    void evict();
    Blocks::const_iterator blockOf(int row) const;
    qint64 snapshotTotal() const { return m_index.total(); }
    void poll();
    // `findEnd`: the answer is a page, read for where the log ends.
    void onTail(ApiReply *reply, bool findEnd);
    void insertLive(QList<LogEntry> rows);
    void setLoadingState();
    void retranslate();
    QString path(const QString &suffix, const QUrlQuery &query) const;
    // The offline cache's key for the count, at the offset its days are
    // counted with.
    QString countOfflineKey() const;
    void noteAsOf(const ApiReply &reply);
    int utcOffsetMinutes() const;

    ApiClient &m_client;
    api::LogKind m_kind = api::LogKind::Access;
    api::LogQuery m_filter;
    QList<Field> m_fields;
    QTimeZone m_zone;
    PersonNames m_personNames;
    int m_pageSize = 200;
    int m_cacheLimit = 4000;

    // The snapshot: rows before m_snapshotAt, counted in m_index; the live
    // tail's rows (m_liveRows of them) sit above.
    bool m_counted = false;
    QDateTime m_snapshotAt;
    int m_offsetMinutes = 0;
    LogIndex m_index;
    QSet<qint64> m_coarse; // days whose hours did not add up: walked instead
    int m_liveRows = 0;
    Blocks m_blocks;
    int m_cachedRows = 0;

    // The rows the view asked for since the last request, and the timer
    // that gathers them into one.
    mutable int m_wantedFirst = -1;
    mutable int m_wantedLast = -1;
    mutable QTimer m_fetchTimer;
    int m_targetFirst = -1; // the rows of the view's last request
    int m_targetLast = -1;
    int m_focus = 0; // the rows the view asked for last: the pages kept are near it

    QPointer<ApiReply> m_countReply;
    QPointer<ApiReply> m_reply;
    QPointer<ApiReply> m_tailReply;
    quint64 m_generation = 0;
    bool m_failed = false;
    std::optional<QDateTime> m_asOf;
    bool m_wasLoading = false;
    int m_pageRequests = 0;

    bool m_liveTail = false;
    std::optional<qint64> m_tailAfter;
    QTimer m_pollTimer;
};

} // namespace engage::models
