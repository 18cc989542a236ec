#pragma once

#include "api/logrecord.h"
#include "exportsource.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QVariantList>
#include <functional>

namespace engage::models {

// Rows of one log as the export endpoint streamed them (NDJSON, newest
// first), kept as the bytes that came and decoded a row at a time as the
// exporter reads it: the memory is the download's, not a table's.
class LogExportTable final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogExportTable)

public:
    // A person's name for an id; empty when unknown (the id is shown).
    using PersonNames = std::function<QString(const QString &personId)>;

    LogExportTable(api::LogKind kind, PersonNames names, QObject *parent = nullptr);

    // False, and nothing kept, when a line is not a row of the log.
    bool setNdjson(QByteArray ndjson, QString *error);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // The row's cells, decoded from its line; nothing when it does not decode.
    std::optional<QVariantList> decode(QByteArrayView line) const;
    QVariantList cellsOf(const api::AccessLogRow &row) const;
    QVariantList cellsOf(const api::OperationLogRow &row) const;
    QVariantList cellsOf(const api::ErrorLogRow &row) const;
    QString personCell(const std::optional<QString> &personId) const;

    api::LogKind m_kind;
    PersonNames m_names;
    QByteArray m_ndjson;
    QList<qsizetype> m_lineStarts; // and the end of the last line
    // The exporter reads a row's cells one after another.
    mutable int m_cachedRow = -1;
    mutable QVariantList m_cachedCells;
};

// Every row of one log that a filter matches, read through the service's
// streaming export (GET /api/v1/logs/{log}/export), as one sheet that the
// exporter continues on further sheets past Excel's row limit; the cover
// names the filter. The service logs the export itself as a log query.
//
// When the service cannot be reached, the rows are the recent ones the Logs
// page kept in the offline cache for the same log and filter (its first
// page), the cover saying so and when the service gave them; with none kept
// the export fails.
class LogExportSource final : public ExportSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogExportSource)

public:
    // `filter` without cursor, direction or limit (they are dropped).
    LogExportSource(ApiClient &client, api::LogKind kind, api::LogQuery filter,
                    LogExportTable::PersonNames names, QString tenant, QString filters,
                    QObject *parent = nullptr);

    // "Access log · From: … · Status: 4xx", in the UI language, for the cover.
    static QString describe(api::LogKind kind, const api::LogQuery &filter,
                            const LogExportTable::PersonNames &names);

    QList<ExportSheet> sheets() const override;
    QString fileLabel() const override;
    const LogExportTable &table() const { return m_table; }

private:
    void startLoading() override;
    void clear() override;
    // The rows kept offline, loaded; false, and nothing loaded, when the
    // cache has none for this log and filter.
    bool loadRecentRows();

    api::LogKind m_kind;
    api::LogQuery m_filter;
    LogExportTable m_table;
};

} // namespace engage::models
