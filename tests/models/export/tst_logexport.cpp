// The logs export against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "northwind" (which has the
// security option): a handful of requests the service answers 404, then the
// access log filtered to 4xx exported through the service's streaming
// export. The workbook read back by openpyxl holds exactly the rows the
// log's pages give for the same filter (numbers as numbers, times as dates,
// text as text), its cover names the filter; with a sheet of two rows the
// rows continue on further sheets, none lost; the operation log exports
// every row its pages give. Last, with the server stopped: the rows the Logs
// page's table kept offline (its first page of the 4xx access rows) are what
// the export of the same log and filter holds, the cover saying as of when
// and that these are only the most recent rows; a log with nothing kept
// fails, and no file is left.

#include "exporttestsupport.h"
#include "logtopsupport.h"
#include "models/cache/offlinecache.h"
#include "models/export/exporttask.h"
#include "models/export/logexportsource.h"
#include "models/export/modelexporter.h"
#include "serviceclient.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrl>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

constexpr int kMissing = 5;

api::LogQuery clientErrors()
{
    api::LogQuery filter;
    filter.status = QStringLiteral("4xx");
    return filter;
}

QString textOf(const QJsonArray &row, int column)
{
    return row.at(column).toObject().value(QLatin1String("v")).toVariant().toString();
}

// Every data row of the sheets whose name starts with `title`, in order.
QList<QJsonArray> dataRows(const QJsonArray &sheets, const QString &title, int *sheetCount)
{
    QList<QJsonArray> rows;
    *sheetCount = 0;
    for (const QJsonValue sheet : sheets) {
        if (!sheet.toObject().value(QLatin1String("name")).toString().startsWith(title))
            continue;
        ++*sheetCount;
        const QJsonArray lines = sheet.toObject().value(QLatin1String("rows")).toArray();
        for (qsizetype i = 1; i < lines.size(); ++i)
            rows.append(lines.at(i).toArray());
    }
    return rows;
}

} // namespace

class TestLogExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void accessLogAsThePagesGiveIt();
    void rowsContinueOnFurtherSheets();
    void operationLogWhole();
    void exportsTheRowsKeptOfflineWithTheServiceStopped();

private:
    // The seq of every row the log's pages give for `filter`, newest first.
    QList<qint64> pagedSeqs(api::LogKind kind, api::LogQuery filter);
    QString runExport(std::unique_ptr<ExportSource> source, const QString &path);

    ServerProcess m_server;
    OwnerAtTwoDesks m_owner;
    QTemporaryDir m_dir;
};

void TestLogExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_owner.signIn(m_server, QStringLiteral("northwind"),
                           QStringLiteral("Engage tst_logexport")));
    for (int i = 0; i < kMissing; ++i)
        QVERIFY(!get(m_owner.client->api, QStringLiteral("/api/v1/members/no-such-%1").arg(i)).ok);
    // The access log is written behind the answers.
    QVERIFY(QTest::qWaitFor(
        [this] { return pagedSeqs(api::LogKind::Access, clientErrors()).size() >= kMissing; },
        kWaitMs));
}

void TestLogExport::cleanupTestCase()
{
    m_owner.signOut();
}

void TestLogExport::cleanup()
{
    m_server.reportIfFailed();
}

QList<qint64> TestLogExport::pagedSeqs(api::LogKind kind, api::LogQuery filter)
{
    QList<qint64> seqs;
    filter.limit = api::kLogPageMax;
    for (;;) {
        const Outcome page = get(
            m_owner.client->api,
            QStringLiteral("/api/v1/logs/%1?%2")
                .arg(api::logKindName(kind), api::toUrlQuery(filter).toString(QUrl::FullyEncoded)));
        if (!page.ok)
            return {};
        const QJsonArray items = page.json.value(QLatin1String("items")).toArray();
        for (const QJsonValue item : items)
            seqs.append(item.toObject().value(QLatin1String("seq")).toInteger());
        const QString next = page.json.value(QLatin1String("nextCursor")).toString();
        if (next.isEmpty())
            return seqs;
        filter.cursor = next;
    }
}

QString TestLogExport::runExport(std::unique_ptr<ExportSource> source, const QString &path)
{
    ExportTask task(std::move(source));
    QSignalSpy finished(&task, &ExportTask::finished);
    QSignalSpy failed(&task, &ExportTask::failed);
    task.start(path, ExportTask::Format::Xlsx);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return QStringLiteral("the export did not end");
    return failed.isEmpty() ? QString() : failed.constFirst().constFirst().toString();
}

void TestLogExport::accessLogAsThePagesGiveIt()
{
    const QList<qint64> expected = pagedSeqs(api::LogKind::Access, clientErrors());
    QVERIFY(expected.size() >= kMissing);

    const QString filters = LogExportSource::describe(api::LogKind::Access, clientErrors(), {});
    QVERIFY(filters.contains(QLatin1String("4xx")));
    const QString path = m_dir.filePath(QStringLiteral("access.xlsx"));
    const QString failure = runExport(
        std::make_unique<LogExportSource>(m_owner.client->api, api::LogKind::Access, clientErrors(),
                                          nullptr, QStringLiteral("Northwind"), filters),
        path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    bool named = false;
    for (const QJsonValue row : sheets.at(0).toObject().value(QLatin1String("rows")).toArray())
        named = named || textOf(row.toArray(), 1) == filters;
    QVERIFY2(named, "the cover names the filter");
    QCOMPARE(sheets.at(1).toObject().value(QLatin1String("freeze")).toString(),
             QStringLiteral("A2"));

    int sheetCount = 0;
    const QList<QJsonArray> rows = dataRows(sheets, QStringLiteral("Access log"), &sheetCount);
    QCOMPARE(rows.size(), expected.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonArray &row = rows.at(i);
        QCOMPARE(row.at(0).toObject().value(QLatin1String("v")).toInteger(), expected.at(i));
        QCOMPARE(row.at(1).toObject().value(QLatin1String("t")).toString(), QStringLiteral("d"));
        QCOMPARE(row.at(6).toObject().value(QLatin1String("t")).toString(), QStringLiteral("n"));
        const int status = row.at(6).toObject().value(QLatin1String("v")).toInt();
        QVERIFY2(status >= 400 && status < 500, qPrintable(QString::number(status)));
        QCOMPARE(row.at(4).toObject().value(QLatin1String("t")).toString(), QStringLiteral("s"));
    }
    bool missingSeen = false;
    for (const QJsonArray &row : rows)
        missingSeen = missingSeen || textOf(row, 5).startsWith(QLatin1String("/api/v1/members/"));
    QVERIFY(missingSeen);
}

void TestLogExport::rowsContinueOnFurtherSheets()
{
    const QList<qint64> expected = pagedSeqs(api::LogKind::Access, clientErrors());
    QVERIFY(expected.size() >= kMissing);
    LogExportSource source(m_owner.client->api, api::LogKind::Access, clientErrors(), nullptr,
                           QStringLiteral("Northwind"), QString());
    QSignalSpy loaded(&source, &ExportSource::loaded);
    source.load();
    QVERIFY(waitFor(loaded));

    ModelExporter exporter;
    exporter.setDataRowsPerSheet(2);
    QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
    const QString path = m_dir.filePath(QStringLiteral("split.xlsx"));
    ExportCover cover = source.cover();
    cover.exportedAt = QDateTime::currentDateTime();
    QVERIFY(exporter.startXlsx(path, source.sheets(), cover));
    QVERIFY(waitFor(finished));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    int sheetCount = 0;
    const QList<QJsonArray> rows = dataRows(sheets, QStringLiteral("Access log"), &sheetCount);
    // Rows of the test's own reads may have come since: the export's are the newest.
    QVERIFY(rows.size() >= expected.size());
    QCOMPARE(sheetCount, int((rows.size() + 1) / 2));
    QCOMPARE(sheets.at(2).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Access log (2)"));
    for (qsizetype i = 1; i < rows.size(); ++i)
        QVERIFY(rows.at(i).at(0).toObject().value(QLatin1String("v")).toInteger() <
                rows.at(i - 1).at(0).toObject().value(QLatin1String("v")).toInteger());
}

void TestLogExport::operationLogWhole()
{
    const QList<qint64> expected = pagedSeqs(api::LogKind::Operation, {});
    QVERIFY(!expected.isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("operation.xlsx"));
    const QString failure =
        runExport(std::make_unique<LogExportSource>(m_owner.client->api, api::LogKind::Operation,
                                                    api::LogQuery{}, nullptr,
                                                    QStringLiteral("Northwind"), QString()),
                  path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int sheetCount = 0;
    const QList<QJsonArray> rows = dataRows(workbook.value(QLatin1String("sheets")).toArray(),
                                            QStringLiteral("Operation log"), &sheetCount);
    // The reads of the pages are operation rows themselves (log.query), so
    // the export has at least every row the pages gave, the same ones below.
    QVERIFY(rows.size() >= expected.size());
    const qsizetype newer = rows.size() - expected.size();
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(rows.at(newer + i).at(0).toObject().value(QLatin1String("v")).toInteger(),
                 expected.at(i));
    QVERIFY(!textOf(rows.constFirst(), 4).isEmpty()); // the action
}

void TestLogExport::exportsTheRowsKeptOfflineWithTheServiceStopped()
{
    // A desk of its own that keeps an offline cache, as the window does.
    QTemporaryDir offline;
    QVERIFY(offline.isValid());
    Client desk(m_server, *m_owner.store, QStringLiteral("offline"));
    desk.session.setOfflineCacheDirectory(offline.path());
    QVERIFY(signIn(desk.session, m_owner.owner));
    QVERIFY(QTest::qWaitFor(
        [&desk] { return desk.api.offlineCache() && !desk.api.offlineCache()->isLoading(); },
        kWaitMs));

    // The Logs page's table shows the top of the 4xx access rows.
    const QList<qint64> kept =
        showTopOfLog(desk.api, api::LogKind::Access, clientErrors(), kWaitMs);
    QVERIFY(kept.size() >= kMissing);

    // The engagement settings (the cover's threshold), as the dashboard keeps them.
    ApiRequest settings;
    settings.path = QStringLiteral("/api/v1/engagement/settings");
    settings.offlineKey = settings.path;
    QVERIFY(call(desk.api, settings).ok);

    const QDateTime stopped = QDateTime::currentDateTimeUtc();
    m_server.terminate();
    QVERIFY(m_server.waitForExit(kWaitMs));

    const QString filters = LogExportSource::describe(api::LogKind::Access, clientErrors(), {});
    const QString path = m_dir.filePath(QStringLiteral("offline-access.xlsx"));
    QString failure =
        runExport(std::make_unique<LogExportSource>(desk.api, api::LogKind::Access, clientErrors(),
                                                    nullptr, QStringLiteral("Northwind"), filters),
                  path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    int sheetCount = 0;
    const QList<QJsonArray> rows = dataRows(sheets, QStringLiteral("Access log"), &sheetCount);
    QList<qint64> exported;
    for (const QJsonArray &row : rows)
        exported.append(row.at(0).toObject().value(QLatin1String("v")).toInteger());
    QCOMPARE(exported, kept);

    // The cover: as of a date-time before the stop, and the filter saying
    // these are only the recent rows kept offline.
    bool asOf = false;
    QString coverFilters;
    for (const QJsonValue line : sheets.at(0).toObject().value(QLatin1String("rows")).toArray()) {
        const QJsonArray cells = line.toArray();
        if (textOf(cells, 0) == QLatin1String("Data as of"))
            asOf =
                cells.at(1).toObject().value(QLatin1String("t")).toString() == QLatin1String("d");
        if (textOf(cells, 0) == QLatin1String("Filters"))
            coverFilters = textOf(cells, 1);
    }
    QVERIFY(asOf);
    QVERIFY2(coverFilters.startsWith(filters), qPrintable(coverFilters));
    QVERIFY2(coverFilters.contains(QLatin1String("most recent rows")), qPrintable(coverFilters));

    // The source itself says when the rows were given.
    LogExportSource source(desk.api, api::LogKind::Access, clientErrors(), nullptr,
                           QStringLiteral("Northwind"), filters);
    QSignalSpy loaded(&source, &ExportSource::loaded);
    source.load();
    QVERIFY(waitFor(loaded));
    QVERIFY(source.cover().asOf.isValid());
    QVERIFY(source.cover().asOf <= stopped);

    // Nothing kept for the operation log: the export fails as before, no file.
    const QString none = m_dir.filePath(QStringLiteral("offline-operation.xlsx"));
    failure = runExport(std::make_unique<LogExportSource>(desk.api, api::LogKind::Operation,
                                                          api::LogQuery{}, nullptr,
                                                          QStringLiteral("Northwind"), QString()),
                        none);
    ApiError unreachable;
    unreachable.kind = ApiError::Kind::Network;
    QVERIFY2(failure.startsWith(unreachable.message()), qPrintable(failure));
    QVERIFY(!QFile::exists(none));
}

QTEST_MAIN(TestLogExport)
#include "tst_logexport.moc"
