// Our side of the export benchmark: the table of data.h as a
// QAbstractItemModel (computed per cell, as a view's model answers),
// exported by ModelExporter to .xlsx with the event loop running, as in the
// application. Usage: engage-bench-export ROWS FILE
// Prints one JSON line: {"seconds", "baselineKiB", "peakKiB"}.
#include "data.h"
#include "models/export/modelexporter.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <cstdio>

using namespace engage::models;

namespace {

qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

class BenchModel final : public QAbstractTableModel
{
public:
    explicit BenchModel(int rows)
        : m_rows(rows)
    {
        for (const char *name : bench_names)
            m_names.append(QString::fromUtf8(name));
        for (const char *department : bench_departments)
            m_departments.append(QString::fromUtf8(department));
        for (const char *domain : bench_domains)
            m_domains.append(QString::fromUtf8(domain));
        for (const char *header : bench_headers)
            m_headers.append(QString::fromUtf8(header));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows;
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : BENCH_COLUMNS;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        const long row = index.row();
        switch (index.column()) {
        case 0:
            return qlonglong(row);
        case 1:
            return bench_score(row);
        case 2:
            return bench_rate(row);
        case 3:
            return qlonglong(bench_answers(row));
        case 4:
            return m_serialZero.addDays(bench_joined(row));
        case 5:
            return m_serialZero.addDays(bench_last_answer(row));
        case 6:
            return m_names.at(row % 16);
        case 7:
            return m_departments.at(row % 8);
        case 8:
            return QStringLiteral("E%1").arg(row, 7, 10, QLatin1Char('0'));
        default:
            return QStringLiteral("m%1@%2").arg(row % 100000).arg(m_domains.at(row % 4));
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return m_headers.value(section);
    }

private:
    const int m_rows;
    const QDate m_serialZero{1899, 12, 30};
    QStringList m_names;
    QStringList m_departments;
    QStringList m_domains;
    QStringList m_headers;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: engage-bench-export ROWS FILE\n");
        return 2;
    }
    BenchModel model(arguments.at(1).toInt());
    ExportSheet sheet;
    sheet.title = QStringLiteral("Members");
    sheet.model = &model;
    sheet.columns.insert(2, {Qt::DisplayRole, CellFormat::Percent});

    ModelExporter exporter;
    QElapsedTimer timer;
    int status = 1;
    QObject::connect(&exporter, &ModelExporter::exportFinished, &app, [&status] {
        status = 0;
        QCoreApplication::quit();
    });
    QObject::connect(&exporter, &ModelExporter::exportFailed, &app, [](const QString &message) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(message));
        QCoreApplication::quit();
    });
    const qint64 baseline = statusKiB("VmRSS:");
    timer.start();
    if (!exporter.startXlsx(arguments.at(2), {sheet}, std::nullopt))
        return 1;
    app.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (status == 0)
        std::printf("{\"seconds\": %.3f, \"baselineKiB\": %lld, \"peakKiB\": %lld}\n", seconds,
                    baseline, statusKiB("VmHWM:"));
    return status;
}
