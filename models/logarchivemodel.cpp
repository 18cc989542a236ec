#include "logarchivemodel.h"

#include "logintegritycheck.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <algorithm>
#include <climits>
#include <utility>

namespace engage::models {

LogArchiveModel::LogArchiveModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Views are told of a language change through their model's headers.
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

int LogArchiveModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogArchiveModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogArchiveModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::LogArchive &archive = m_rows.at(index.row());
    if (role == ArchiveIdRole)
        return archive.id;
    if (role == FileNameRole)
        return archive.fileName;
    if (role == Qt::ToolTipRole)
        //: %1 the file's name, %2 its SHA-256 in hex.
        return tr("%1\nSHA-256: %2").arg(archive.fileName, archive.sha256);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case LogColumn:
        return LogIntegrityCheck::logName(archive.log);
    case RowsColumn:
        //: %1 the first row's number, %2 the last's; %n how many rows.
        return tr("%1–%2 (%Ln row(s))", nullptr, int(std::min<qint64>(archive.rowCount, INT_MAX)))
            .arg(locale.toString(archive.firstSeq), locale.toString(archive.lastSeq));
    case PeriodColumn:
        //: %1 the oldest row's date, %2 the newest's.
        return tr("%1 to %2")
            .arg(locale.toString(archive.firstAt.toLocalTime().date(), QLocale::ShortFormat),
                 locale.toString(archive.lastAt.toLocalTime().date(), QLocale::ShortFormat));
    case CreatedColumn:
        return locale.toString(archive.createdAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant LogArchiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LogColumn:
        return tr("Log");
    case RowsColumn:
        return tr("Rows");
    case PeriodColumn:
        return tr("Period");
    case CreatedColumn:
        return tr("Archived");
    default:
        return {};
    }
}

void LogArchiveModel::setArchives(QList<api::LogArchive> archives)
{
    beginResetModel();
    m_rows = std::move(archives);
    endResetModel();
}

bool LogArchiveModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool LogArchiveModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

void LogArchiveModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole});
}

} // namespace engage::models
