#pragma once

#include "exportspec.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

namespace engage::models {

// A table an export source has put together from the service's answers
// (results, logs): headers in the UI language, each column's CellFormat
// (ExportFormatRole), and rows of plain values (an invalid QVariant is an
// empty cell). Read-only; set whole once loaded.
class ExportTable final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportTable)

public:
    struct Column
    {
        QString header;
        CellFormat format = CellFormat::Automatic;
    };

    explicit ExportTable(QObject *parent = nullptr);

    void setColumns(QList<Column> columns);
    // Each row as many values as there are columns.
    void setRows(QList<QVariantList> rows);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Column> m_columns;
    QList<QVariantList> m_rows;
};

} // namespace engage::models
