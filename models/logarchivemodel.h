#pragma once

#include "api/logrecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace engage::models {

// The tenant's archive files of old log rows (GET /api/v1/logs/archives), as
// LogRetention loaded them, by log then first row: which log, which rows,
// their time span and when the file was written, in the UI language.
class LogArchiveModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogArchiveModel)

public:
    enum Column
    {
        LogColumn,
        RowsColumn,   // "1–100,000 (100,000 rows)"
        PeriodColumn, // the oldest and newest row's dates
        CreatedColumn,
        ColumnCount
    };
    enum Roles
    {
        ArchiveIdRole = Qt::UserRole + 1,
        FileNameRole,
    };

    explicit LogArchiveModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setArchives(QList<api::LogArchive> archives);
    const api::LogArchive &archiveAt(int row) const { return m_rows.at(row); }

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();

    QList<api::LogArchive> m_rows;
};

} // namespace engage::models
