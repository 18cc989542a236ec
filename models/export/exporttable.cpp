#include "exporttable.h"

namespace engage::models {

ExportTable::ExportTable(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ExportTable::setColumns(QList<Column> columns)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_rows.clear();
    endResetModel();
}

void ExportTable::setRows(QList<QVariantList> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ExportTable::clear()
{
    beginResetModel();
    m_columns.clear();
    m_rows.clear();
    endResetModel();
}

int ExportTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExportTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ExportTable::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_rows.at(index.row()).value(index.column());
}

QVariant ExportTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).header;
    if (role == ExportFormatRole)
        return static_cast<int>(m_columns.at(section).format);
    return {};
}

} // namespace engage::models
