#pragma once

#include "api/deliverylog.h"
#include "models/apierror.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <optional>

namespace engage::models {

class ApiClient;
class LatestRead;

// The delivery log of a round (GET /api/v1/rounds/{id}/deliveries), newest
// first: one row per invitation or reminder with its time (when it went,
// or is to go), status, kind, channel, recipient and the mail server's
// last answer. A round of 40,000 members logs twice as many rows, so pages
// are read as the view scrolls (canFetchMore/fetchMore by keyset cursor,
// one at a time); the status filter is the service's. A reminder names
// nobody (the service's rule: it would tell who had not answered).
class DeliveryLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryLogModel)

public:
    enum Column
    {
        TimeColumn,
        StatusColumn,
        KindColumn,
        ChannelColumn,
        RecipientColumn,
        DetailColumn,
        ColumnCount
    };
    enum Roles
    {
        StatusRole = Qt::UserRole + 1, // api::DeliveryStatus as int
        KindRole,                      // api::DeliveryKind as int
        ChannelRole,                   // api::DeliveryChannel as int
        TimeRole,                      // QDateTime (UTC): settled, else due
    };

    explicit DeliveryLogModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Reads the first page of `roundId`'s log (empty: none), of `status` only when given.
    void load(const QString &roundId, std::optional<api::DeliveryStatus> status = std::nullopt);
    // The first page again, as the log stands now.
    void reload();
    void setPageSize(int rows);
    QString roundId() const { return m_roundId; }
    std::optional<api::DeliveryStatus> status() const { return m_status; }
    bool isLoading() const;
    // Every row has been read.
    bool isComplete() const { return m_loaded && !m_nextCursor; }
    const api::DeliveryLogEntry &entryAt(int row) const { return m_rows.at(row); }

    static QString statusText(const api::DeliveryLogEntry &entry);
    static QString recipientText(const api::DeliveryLogEntry &entry);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived (the first after load() or reload(), or the next).
    void pageLoaded();
    void failed(const engage::models::ApiError &error);

private:
    void fetch(const std::optional<QString> &cursor);

    LatestRead *m_read;
    QString m_roundId;
    std::optional<api::DeliveryStatus> m_status;
    int m_pageSize = api::kDeliveryLogPageDefault;
    QList<api::DeliveryLogEntry> m_rows;
    std::optional<QString> m_nextCursor;
    bool m_loaded = false;  // the first page arrived
    bool m_stalled = false; // a page failed: no more until reload()
};

} // namespace engage::models
