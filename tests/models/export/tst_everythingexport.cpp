// The everything export against the real engage-server over TLS on
// loopback. Signed in as the owner of "northwind" (which has the security
// option): the zip, read back by python3's zipfile, holds a deflated
// workbook per area under its name, each one opens in openpyxl, and the
// members workbook's member sheet is the one a members export of the same
// tenant writes. As the owner of "sakura-foods" (its security option taken
// away, as the operator would) the
// service refuses the logs: the zip holds the other areas and no log, and
// the export says the logs were left out. A cancel at any point (reading an
// area, writing one, a later area, the last, packing) leaves neither the zip nor a
// temporary file beside it, nor the folder of workbooks behind. Last, with
// the server stopped, at a desk whose offline cache holds what an online run
// of the export read and the Logs page's first page of the operation log:
// the zip holds members, results and survey definitions from the cache, the
// operation log with exactly the rows kept (its cover saying only the most
// recent), and the access and error logs, never shown, are left out.

#include "exporttestsupport.h"
#include "logseed.h"
#include "logtopsupport.h"
#include "models/cache/offlinecache.h"
#include "models/export/everythingexport.h"
#include "models/export/exporttask.h"
#include "models/export/memberexportsource.h"
#include "serviceclient.h"

#include <QFile>
#include <QJsonArray>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

using Area = EverythingExport::Area;

// The zip as python3's zipfile reads it: its entries (name, whether
// deflated) as JSON, checked (every CRC) and extracted into a folder.
const QString kReadZip = QStringLiteral(R"(
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    bad = archive.testzip()
    if bad is not None:
        sys.exit("bad entry: " + bad)
    archive.extractall(sys.argv[2])
    print(json.dumps([{"name": info.filename,
                       "deflated": info.compress_type == zipfile.ZIP_DEFLATED}
                      for info in archive.infolist()]))
)");

QStringList entryNames(const QList<Area> &areas)
{
    QStringList names;
    for (const Area area : areas)
        names.append(EverythingExport::entryName(area));
    return names;
}

QList<Area> withoutLogs()
{
    QList<Area> areas = EverythingExport::areas();
    areas.removeAll(Area::AccessLog);
    areas.removeAll(Area::OperationLog);
    areas.removeAll(Area::ErrorLog);
    return areas;
}

} // namespace

class TestEverythingExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void exportsEveryArea();
    void leavesTheLogsOutWithoutTheSecurityOption();
    void cancelLeavesNothing_data();
    void cancelLeavesNothing();
    void exportsWhatTheCacheHoldsWithTheServiceStopped();

private:
    // Runs `exporter` to `zipPath` to its end: empty, "cancelled", or why it failed.
    static QString exportEverything(EverythingExport &exporter, const QString &zipPath);
    // The zip's entries and, extracted into `folder`, their files; empty and
    // the reason in `error` when python3 cannot read it.
    static QJsonArray readZip(const QString &zipPath, const QString &folder, QString *error);
    // Empty when the zip, unpacked into `folder`, holds exactly `expected`,
    // in order, each a workbook openpyxl reads; else what is wrong.
    static QString readableWorkbooks(const QString &zipPath, const QString &folder,
                                     const QStringList &expected);

    QTemporaryDir m_data;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_northwind;
    std::unique_ptr<Client> m_sakura;
    QTemporaryDir m_dir;
};

void TestEverythingExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_data.isValid());
    // The demo tenants have the security option: sakura-foods loses it.
    QString error;
    m_server = startSeededServer(m_data.path(), LogSeed{}, {QStringLiteral("sakura-foods")},
                                 ServerProcess::defaultStartTimeoutMs, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_everythingexport"));
    m_northwind = std::make_unique<Client>(*m_server, *m_store, QStringLiteral("northwind"));
    QVERIFY(signIn(m_northwind->session, demoOwner(*m_server, QStringLiteral("northwind"))));
    m_sakura = std::make_unique<Client>(*m_server, *m_store, QStringLiteral("sakura"));
    QVERIFY(signIn(m_sakura->session, demoOwner(*m_server, QStringLiteral("sakura-foods"))));
}

void TestEverythingExport::cleanup()
{
    if (m_server)
        m_server->reportIfFailed();
}

QString TestEverythingExport::exportEverything(EverythingExport &exporter, const QString &zipPath)
{
    QSignalSpy finished(&exporter, &EverythingExport::finished);
    QSignalSpy failed(&exporter, &EverythingExport::failed);
    QSignalSpy cancelled(&exporter, &EverythingExport::cancelled);
    exporter.start(zipPath);
    if (!QTest::qWaitFor(
            [&] { return !finished.isEmpty() || !failed.isEmpty() || !cancelled.isEmpty(); },
            2 * kWaitMs))
        return QStringLiteral("the export did not end");
    if (!failed.isEmpty())
        return failed.constFirst().constFirst().toString();
    if (!cancelled.isEmpty())
        return QStringLiteral("cancelled");
    if (finished.size() != 1 || finished.constFirst().constFirst().toString() != zipPath)
        return QStringLiteral("finished other than once with the file");
    return exporter.isRunning() ? QStringLiteral("still running once finished") : QString();
}

QString TestEverythingExport::readableWorkbooks(const QString &zipPath, const QString &folder,
                                                const QStringList &expected)
{
    QString error;
    const QJsonArray entries = readZip(zipPath, folder, &error);
    if (!error.isEmpty())
        return error;
    QStringList names;
    for (const QJsonValue &entry : entries)
        names.append(entry[u"name"].toString());
    if (names != expected)
        return QStringLiteral("entries %1, not %2").arg(names.join(u','), expected.join(u','));
    for (const QString &name : std::as_const(names)) {
        readWorkbook(QDir(folder).filePath(name), &error);
        if (!error.isEmpty())
            return name + QLatin1String(": ") + error;
    }
    return {};
}

QJsonArray TestEverythingExport::readZip(const QString &zipPath, const QString &folder,
                                         QString *error)
{
    const ToolResult read = runTool(QStringLiteral("/usr/bin/python3"),
                                    {QStringLiteral("-c"), kReadZip, zipPath, folder});
    if (!read.succeeded()) {
        *error = read.describe();
        return {};
    }
    return QJsonDocument::fromJson(read.standardOutput).array();
}

void TestEverythingExport::exportsEveryArea()
{
    const QString tenant = QStringLiteral("northwind");
    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QString zipPath = target.filePath(QStringLiteral("northwind everything.zip"));
    EverythingExport exporter(m_northwind->api, QStringLiteral("en"), tenant);
    QSignalSpy progress(&exporter, &EverythingExport::progressChanged);
    const QString failure = exportEverything(exporter, zipPath);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!exporter.logsLeftOut());
    QVERIFY(exporter.leftOutNote().isEmpty());
    const QStringList expected = entryNames(EverythingExport::areas());
    QCOMPARE(exporter.entries(), expected);
    // Nothing but the zip beside it.
    QCOMPARE(entriesOf(target.path()), QStringList{QFileInfo(zipPath).fileName()});

    // Every area's progress, in order, then the packing.
    const int areaCount = int(EverythingExport::areas().size());
    int lastArea = 0;
    for (const QList<QVariant> &report : std::as_const(progress)) {
        const int area = report.at(0).toInt();
        QVERIFY(area >= lastArea);
        QCOMPARE(report.at(1).toInt(), areaCount);
        lastArea = area;
    }
    QCOMPARE(lastArea, areaCount);
    QCOMPARE(progress.constLast().at(2).value<EverythingExport::Phase>(),
             EverythingExport::Phase::Packing);

    QTemporaryDir extracted;
    QVERIFY(extracted.isValid());
    QString error;
    const QJsonArray entries = readZip(zipPath, extracted.path(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList names;
    for (const QJsonValue &entry : entries) {
        names.append(entry[u"name"].toString());
        QVERIFY2(entry[u"deflated"].toBool(), qPrintable(names.constLast()));
    }
    QCOMPARE(names, expected);

    QJsonObject members;
    for (const QString &name : std::as_const(names)) {
        const QJsonObject workbook = readWorkbook(extracted.filePath(name), &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + QLatin1String(": ") + error));
        const QJsonArray sheets = workbook[u"sheets"].toArray();
        // A sheet of data at least, and the cover.
        QVERIFY2(sheets.size() >= 2, qPrintable(name));
        bool cover = false;
        for (const QJsonValue &sheet : sheets)
            cover = cover || sheet[u"name"].toString() == QLatin1String("About this export");
        QVERIFY2(cover, qPrintable(name));
        if (name == EverythingExport::entryName(Area::Members))
            members = workbook;
    }

    // The members workbook's member sheet is what a members export writes.
    const QString direct = target.filePath(QStringLiteral("members.xlsx"));
    ExportTask task(std::make_unique<MemberExportSource>(m_northwind->api, QStringLiteral("en"),
                                                         api::MemberQuery{}, tenant, QString()));
    QSignalSpy finished(&task, &ExportTask::finished);
    task.start(direct, ExportTask::Format::Xlsx);
    QVERIFY(waitFor(finished));
    const QJsonObject expectedMembers = readWorkbook(direct, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject memberSheet = members[u"sheets"].toArray().at(0).toObject();
    QVERIFY(memberSheet[u"rows"].toArray().size() > 2);
    QCOMPARE(QJsonDocument(memberSheet).toJson(QJsonDocument::Compact),
             QJsonDocument(expectedMembers[u"sheets"].toArray().at(0).toObject())
                 .toJson(QJsonDocument::Compact));
}

void TestEverythingExport::leavesTheLogsOutWithoutTheSecurityOption()
{
    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QString zipPath = target.filePath(QStringLiteral("sakura.zip"));
    EverythingExport exporter(m_sakura->api, QStringLiteral("ja"), QStringLiteral("sakura-foods"));
    const QString failure = exportEverything(exporter, zipPath);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(exporter.logsLeftOut());
    QVERIFY(exporter.leftOutNote().contains(QLatin1String("security option")));
    const QStringList expected = entryNames(withoutLogs());
    QCOMPARE(exporter.entries(), expected);

    QTemporaryDir extracted;
    QVERIFY(extracted.isValid());
    const QString unreadable = readableWorkbooks(zipPath, extracted.path(), expected);
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable));
}

void TestEverythingExport::cancelLeavesNothing_data()
{
    QTest::addColumn<int>("area");
    QTest::addColumn<EverythingExport::Phase>("phase");
    const int areaCount = int(EverythingExport::areas().size());
    QTest::newRow("reading the first area") << 0 << EverythingExport::Phase::Reading;
    QTest::newRow("writing the first area") << 0 << EverythingExport::Phase::Writing;
    QTest::newRow("reading a later area") << 2 << EverythingExport::Phase::Reading;
    QTest::newRow("reading the last area") << areaCount - 1 << EverythingExport::Phase::Reading;
    QTest::newRow("packing") << areaCount << EverythingExport::Phase::Packing;
}

void TestEverythingExport::cancelLeavesNothing()
{
    QFETCH(int, area);
    QFETCH(EverythingExport::Phase, phase);
    QTemporaryDir target;
    QVERIFY(target.isValid());
    // The workbooks' temporary folder goes to a folder of the test's own.
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QByteArray tmpdir = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(temporary.path()));
    const auto restore = qScopeGuard([&tmpdir] {
        if (tmpdir.isEmpty())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", tmpdir);
    });

    EverythingExport exporter(m_northwind->api, QStringLiteral("en"), QStringLiteral("northwind"));
    bool cancelCalled = false;
    connect(&exporter, &EverythingExport::progressChanged, this,
            [&](int reportedArea, int, EverythingExport::Phase reportedPhase) {
                if (!cancelCalled && reportedArea == area && reportedPhase == phase) {
                    cancelCalled = true;
                    exporter.cancel();
                }
            });
    QCOMPARE(exportEverything(exporter, target.filePath(QStringLiteral("everything.zip"))),
             QStringLiteral("cancelled"));
    QVERIFY(cancelCalled);
    QVERIFY(!exporter.isRunning());
    QCOMPARE(entriesOf(target.path()), QStringList());
    QCOMPARE(entriesOf(temporary.path()), QStringList());
}

void TestEverythingExport::exportsWhatTheCacheHoldsWithTheServiceStopped()
{
    QTemporaryDir offline;
    QVERIFY(offline.isValid());
    Client desk(*m_server, *m_store, QStringLiteral("offline"));
    desk.session.setOfflineCacheDirectory(offline.path());
    QVERIFY(signIn(desk.session, demoOwner(*m_server, QStringLiteral("northwind"))));
    QVERIFY(QTest::qWaitFor(
        [&desk] { return desk.api.offlineCache() && !desk.api.offlineCache()->isLoading(); },
        kWaitMs));
    QTemporaryDir target;
    QVERIFY(target.isValid());
    {
        // Online once: every answer the areas read is kept, but no log's rows.
        EverythingExport online(desk.api, QStringLiteral("en"), QStringLiteral("northwind"));
        const QString failure =
            exportEverything(online, target.filePath(QStringLiteral("online.zip")));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(!online.asOf().isValid());
    }
    // The Logs page showed the top of the operation log.
    const QList<qint64> kept =
        showTopOfLog(desk.api, api::LogKind::Operation, api::LogQuery{}, kWaitMs);
    QVERIFY(!kept.isEmpty());

    const QDateTime stopped = QDateTime::currentDateTimeUtc();
    m_server->terminate();
    QVERIFY(m_server->waitForExit(kWaitMs));

    const QString zipPath = target.filePath(QStringLiteral("offline.zip"));
    EverythingExport exporter(desk.api, QStringLiteral("en"), QStringLiteral("northwind"));
    const QString failure = exportEverything(exporter, zipPath);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!exporter.logsLeftOut());
    QCOMPARE(exporter.logsNotCached(), (QList<Area>{Area::AccessLog, Area::ErrorLog}));
    // The note names the logs left out, and only them.
    const QString note = exporter.leftOutNote();
    QVERIFY2(note.contains(EverythingExport::areaLabel(Area::AccessLog)) &&
                 note.contains(EverythingExport::areaLabel(Area::ErrorLog)) &&
                 !note.contains(EverythingExport::areaLabel(Area::OperationLog)),
             qPrintable(note));
    QList<Area> expected = withoutLogs();
    expected.append(Area::OperationLog);
    QCOMPARE(exporter.entries(), entryNames(expected));
    QVERIFY(exporter.asOf().isValid());
    QVERIFY(exporter.asOf() <= stopped);

    QTemporaryDir extracted;
    QVERIFY(extracted.isValid());
    const QString unreadable = readableWorkbooks(zipPath, extracted.path(), entryNames(expected));
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable));
    QString error;

    const QJsonObject operations =
        readWorkbook(extracted.filePath(EverythingExport::entryName(Area::OperationLog)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = operations[u"sheets"].toArray();
    // The cover, then the rows.
    QCOMPARE(sheets.size(), 2);
    QList<qint64> exported;
    const QJsonArray rows = sheets.at(1)[u"rows"].toArray();
    for (qsizetype i = 1; i < rows.size(); ++i)
        exported.append(rows.at(i).toArray().at(0)[u"v"].toInteger());
    QCOMPARE(exported, kept);
    QString coverFilters;
    for (const QJsonValue &line : sheets.at(0)[u"rows"].toArray()) {
        if (line.toArray().at(0)[u"v"].toString() == QLatin1String("Filters"))
            coverFilters = line.toArray().at(1)[u"v"].toString();
    }
    QVERIFY2(coverFilters.contains(QLatin1String("most recent rows")), qPrintable(coverFilters));
}

QTEST_GUILESS_MAIN(TestEverythingExport)
#include "tst_everythingexport.moc"
