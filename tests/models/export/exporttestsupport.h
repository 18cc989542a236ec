#pragma once

#include "externaltool.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace engage::test {

// The workbook as openpyxl reads it (dump_workbook.py); empty, with the
// reason in `error`, when it cannot.
inline QJsonObject readWorkbook(const QString &path, QString *error)
{
    const ToolResult dumped = runTool(QStringLiteral("/usr/bin/python3"),
                                      {QStringLiteral(ENGAGE_DUMP_WORKBOOK), path}, {}, 120000);
    if (!dumped.succeeded()) {
        *error = dumped.describe();
        return {};
    }
    return QJsonDocument::fromJson(dumped.standardOutput).object();
}

// Every entry of a folder, hidden ones (a temporary file) included.
inline QStringList entriesOf(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                  QDir::NoDotAndDotDot);
}

// RFC 4180 records (quoted fields with doubled quotes, CRLF or LF lines),
// written here rather than borrowed so that the writer is checked against a
// reader it does not share code with.
inline QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(std::exchange(field, {}));
            fieldStarted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
            fieldStarted = false;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

// A table computed from its row and column: numbers, dates, short Japanese
// and ASCII text, as many rows as asked, without holding them.
class GeneratedModel final : public QAbstractTableModel
{
public:
    explicit GeneratedModel(int rows, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_rows(rows)
    {}

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows;
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 4;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case 0:
            return index.row();
        case 1:
            return QDate(2020, 1, 1).addDays(index.row() % 1000);
        case 2:
            return QStringLiteral("社員%1").arg(index.row());
        default:
            return QStringLiteral("member-%1").arg(index.row());
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return QStringLiteral("Column %1").arg(section + 1);
    }
    // Drops the last row, announcing it as a view's model would.
    void removeLastRow()
    {
        beginRemoveRows({}, m_rows - 1, m_rows - 1);
        --m_rows;
        endRemoveRows();
    }

private:
    int m_rows;
};

} // namespace engage::test
