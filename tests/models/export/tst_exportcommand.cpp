// `engage-admin export` as a scheduled job runs it: the real executable in a
// QProcess, without a display, with a home of its own. With --demo it starts
// the demo service, exports its members and exits 0; the workbook, read back
// by openpyxl, holds the members under the import headers of the language
// and the cover after them. Wrong command lines exit 2 and a failed export 1,
// each with one line on stderr and no file.
//
// --offline exports from the window's offline cache of a profile: a session
// of that profile signs in to the real engage-server (the demo's year of
// results) and reads what the window's offline sync reads (members, results,
// survey definitions) and the top of the operation log as the Logs page
// shows it, into the cache where the window keeps it, with its key in the
// real Secret Service (scripts/test runs the suite in a D-Bus session with an
// unlocked gnome-keyring). The server is then stopped and the profile points
// at a listener of the test's own, which no offline run may connect to.

#include "exporttestsupport.h"
#include "logtopsupport.h"
#include "models/cache/cachekey.h"
#include "models/cache/offlinecache.h"
#include "models/export/everythingexport.h"
#include "models/export/memberexportsource.h"
#include "models/export/resultexportsource.h"
#include "models/export/surveyexportsource.h"
#include "models/settings.h"
#include "serviceclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace engage;
using namespace engage::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString standardError;
};

// Profile names of the test's own: the tests share one keychain.
constexpr const char *kOfflineProfile = "Export command offline";
constexpr const char *kEmptyProfile = "Export command without offline data";
constexpr const char *kSignedInProfile = "Export command signed in only";

// The cover's value beside `label` (the cover is first, or last for the
// import format); null when no sheet has such a line.
QJsonObject coverValue(const QJsonObject &workbook, const QString &label)
{
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    for (const QJsonValue sheet : sheets) {
        const QJsonArray rows = sheet.toObject().value(QLatin1String("rows")).toArray();
        for (const QJsonValue row : rows) {
            const QJsonArray cells = row.toArray();
            if (cells.size() > 1 &&
                cells.at(0).toObject().value(QLatin1String("v")).toString() == label)
                return cells.at(1).toObject();
        }
    }
    return {};
}

// Lists a zip's entries as Python's zipfile reads them, checks every
// entry's CRC and unpacks them: {"names": [...], "bad": null or the first bad entry}.
const char *const kReadZip = R"(import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    bad = archive.testzip()
    archive.extractall(sys.argv[2])
    print(json.dumps({"names": archive.namelist(), "bad": bad}))
)";

// The zip's entry names, its entries unpacked into `folder`; empty, with the
// reason in `error`, when Python's zipfile cannot read it or a CRC is wrong.
QStringList unzip(const QString &zip, const QString &folder, QString *error)
{
    const ToolResult read =
        runTool(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromUtf8(kReadZip), zip, folder}, {}, 60000);
    if (!read.succeeded()) {
        *error = read.describe();
        return {};
    }
    const QJsonObject listed = QJsonDocument::fromJson(read.standardOutput).object();
    if (!listed.value(QLatin1String("bad")).isNull()) {
        *error = QStringLiteral("bad entry ") + listed.value(QLatin1String("bad")).toString();
        return {};
    }
    QStringList names;
    for (const QJsonValue name : listed.value(QLatin1String("names")).toArray())
        names.append(name.toString());
    return names;
}

// Reads what `source` reads through the client (its cache keeps the answers).
bool load(models::ExportSource &source)
{
    QSignalSpy loaded(&source, &models::ExportSource::loaded);
    QSignalSpy failed(&source, &models::ExportSource::failed);
    source.load();
    return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs) &&
           !loaded.isEmpty();
}

} // namespace

class TestExportCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void demoMembers_data();
    void demoMembers();
    void demoResults();
    void demoLogs();
    void demoEverything();
    void refused_data();
    void refused();
    void offline_data();
    void offline();
    void offlineEverything();
    void offlineFailed_data();
    void offlineFailed();

private:
    Run run(const QStringList &arguments);
    QString homePath(const char *variable) const;
    void fillWindowCache();
    void signInAsWindow(const char *profile, bool readExports, bool *cached);
    void saveProfile(const char *name);
    bool connectedTo() { return m_listener.waitForNewConnection(200); }

    QTemporaryDir m_home;
    // Where the profiles' address points once the server is stopped.
    QTcpServer m_listener;
    ServerProcess m_server;
    Account m_owner;
    models::CredentialStore m_keychain;
    QString m_windowCache;
    bool m_filled = false;
    QDateTime m_filledFrom;
    QDateTime m_filledTo;
    // Each export's tables and its first table's rows, as the session read them.
    struct Read
    {
        int tables = 0;
        int rows = 0;
    };
    QHash<QString, Read> m_read;
};

QString TestExportCommand::homePath(const char *variable) const
{
    return m_home.filePath(QString::fromLatin1(variable).toLower());
}

void TestExportCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(m_listener.listen(QHostAddress::LocalHost));
    // Where the window (and so the command) keeps its offline caches.
    m_windowCache = homePath("XDG_DATA_HOME") + QStringLiteral("/Engage/engage-admin/offline");
    fillWindowCache();
}

// Sessions of the profiles, as the window's: one reads what the members and
// results exports read, one only signs in; then the service stops.
void TestExportCommand::fillWindowCache()
{
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());
    bool cached = false;
    signInAsWindow(kOfflineProfile, true, &cached);
    if (cached)
        signInAsWindow(kSignedInProfile, false, &cached);
    m_server.terminate();
    QVERIFY(m_server.waitForExit(10000));
    if (!cached) {
        qWarning("No keychain in this session (run under dbus-run-session with an unlocked "
                 "gnome-keyring, as scripts/test does): the offline cases are skipped.");
        return;
    }
    for (const char *profile : {kOfflineProfile, kSignedInProfile, kEmptyProfile})
        saveProfile(profile);
    m_filled = true;
}

// `cached`: whether the session had an offline cache (none without a keychain).
void TestExportCommand::signInAsWindow(const char *profile, bool readExports, bool *cached)
{
    models::ApiClient client;
    client.setBaseUrl(m_server.url());
    client.setPinnedFingerprint(m_server.fingerprint());
    models::Session session(client, m_keychain);
    session.setProfileName(QLatin1String(profile));
    session.setOfflineCacheDirectory(m_windowCache);
    QVERIFY(signIn(session, m_owner));
    *cached = QTest::qWaitFor([&client] { return client.offlineCache() != nullptr; }, 5000);
    if (!*cached)
        return;
    if (readExports) {
        m_filledFrom = QDateTime::currentDateTime();
        models::MemberExportSource members(client, QStringLiteral("en"), api::MemberQuery{},
                                           m_owner.tenant, QString());
        QVERIFY(load(members));
        m_read.insert(QStringLiteral("members"), {int(members.sheets().size()),
                                                  members.sheets().constFirst().model->rowCount()});
        models::ResultExportSource results(client, api::DashboardQuery{}, m_owner.tenant,
                                           QString());
        QVERIFY(load(results));
        m_read.insert(QStringLiteral("results"), {int(results.sheets().size()),
                                                  results.sheets().constFirst().model->rowCount()});
        models::SurveyExportSource surveys(client, m_owner.tenant, QString());
        QVERIFY(load(surveys));
        m_read.insert(QStringLiteral("surveys"), {int(surveys.sheets().size()),
                                                  surveys.sheets().constFirst().model->rowCount()});
        const QList<qint64> logRows =
            showTopOfLog(client, api::LogKind::Operation, api::LogQuery{}, kWaitMs);
        QVERIFY(!logRows.isEmpty());
        m_read.insert(QStringLiteral("logs"), {1, int(logRows.size())});
        m_filledTo = QDateTime::currentDateTime();
    }
    QVERIFY(client.offlineCache()->flush());
    session.signOut();
    // The sign-out's keychain removal ends before the store goes.
    QTest::qWait(500);
}

// The profile as the window saves it, in the command's settings, its address
// the test's listener.
void TestExportCommand::saveProfile(const char *name)
{
    models::Settings settings(homePath("XDG_CONFIG_HOME") +
                              QStringLiteral("/Engage/engage-admin.conf"));
    models::ConnectionProfile profile;
    profile.name = QLatin1String(name);
    profile.url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_listener.serverPort()));
    profile.fingerprint = m_server.fingerprint();
    profile.lastTenant = m_owner.tenant;
    profile.lastEmail = m_owner.email;
    settings.saveProfile(profile);
    settings.sync();
}

void TestExportCommand::cleanupTestCase()
{
    if (!m_filled)
        return;
    int removed = 0;
    for (const char *profile : {kOfflineProfile, kSignedInProfile})
        models::removeOfflineCache(
            m_keychain, m_windowCache,
            models::OfflineScope{QLatin1String(profile), m_owner.tenant, m_owner.email},
            [&removed](std::optional<models::ApiError>) { ++removed; });
    QTRY_COMPARE_WITH_TIMEOUT(removed, 2, kWaitMs);
}

Run TestExportCommand::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Its settings and the demo's data in a home of its own; no display.
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(name),
                           m_home.filePath(QString::fromLatin1(name).toLower()));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_home.path());
    process.start(qEnvironmentVariable("ENGAGE_BIN_DIR") + QStringLiteral("/engage-admin"),
                  QStringList{QStringLiteral("export")} + arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.standardError = QStringLiteral("did not finish");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestExportCommand::demoMembers_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("codeHeader");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Employee code");
    QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("社員番号");
}

void TestExportCommand::demoMembers()
{
    QFETCH(QString, language);
    QFETCH(QString, codeHeader);
    const QString out = m_home.filePath(QStringLiteral("members-%1.xlsx").arg(language));
    const Run result =
        run({QStringLiteral("--demo"), QStringLiteral("--what"), QStringLiteral("members"),
             QStringLiteral("--out"), out, QStringLiteral("--lang"), language});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY2(result.standardError.isEmpty(), qPrintable(result.standardError));

    QString error;
    const QJsonObject workbook = readWorkbook(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    const QJsonObject members = sheets.at(0).toObject();
    QCOMPARE(members.value(QLatin1String("freeze")).toString(), QStringLiteral("A2"));
    const QJsonArray rows = members.value(QLatin1String("rows")).toArray();
    QVERIFY(rows.size() > 10);
    const QJsonArray header = rows.at(0).toArray();
    QCOMPARE(header.at(1).toObject().value(QLatin1String("v")).toString(), codeHeader);
    // Every member has an id, as text.
    for (qsizetype row = 1; row < rows.size(); ++row) {
        const QJsonObject id = rows.at(row).toArray().at(0).toObject();
        QCOMPARE(id.value(QLatin1String("t")).toString(), QStringLiteral("s"));
        QCOMPARE(id.value(QLatin1String("v")).toString().size(), 36);
    }
    // The cover says whose members they are.
    const QJsonArray cover = sheets.at(1).toObject().value(QLatin1String("rows")).toArray();
    const QString tenant = language == QLatin1String("ja") ? QStringLiteral("sakura-foods")
                                                           : QStringLiteral("northwind");
    bool named = false;
    for (const auto &line : cover) {
        for (const auto &cell : line.toArray())
            named = named || cell.toObject().value(QLatin1String("v")).toString() == tenant;
    }
    QVERIFY(named);
}

// Sakura Foods' year of pulses: the cover, then the summary, factors, heatmap
// and attributes (each under its colour scale) and trend sheets, a chart each
// for the factors and the trend.
void TestExportCommand::demoResults()
{
    const QString out = m_home.filePath(QStringLiteral("results.xlsx"));
    const Run result =
        run({QStringLiteral("--demo"), QStringLiteral("--what"), QStringLiteral("results"),
             QStringLiteral("--out"), out, QStringLiteral("--lang"), QStringLiteral("ja")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY2(result.standardError.isEmpty(), qPrintable(result.standardError));
    QString error;
    const QJsonObject workbook = readWorkbook(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 6);
    int charts = 0;
    int scales = 0;
    for (const QJsonValue sheet : sheets) {
        charts += int(sheet.toObject().value(QLatin1String("charts")).toArray().size());
        scales += int(sheet.toObject().value(QLatin1String("conditional")).toArray().size());
    }
    QCOMPARE(charts, 2);
    QCOMPARE(scales, 2);
    // The trend: a row per closed round of the year.
    QVERIFY(sheets.at(5).toObject().value(QLatin1String("rows")).toArray().size() > 12);
}

// The operation log of the demo tenant: its rows after the header, newest
// first, none without its action.
void TestExportCommand::demoLogs()
{
    const QString out = m_home.filePath(QStringLiteral("operation.xlsx"));
    const Run result =
        run({QStringLiteral("--demo"), QStringLiteral("--what"), QStringLiteral("logs"),
             QStringLiteral("--log"), QStringLiteral("operation"), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QString error;
    const QJsonObject workbook = readWorkbook(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    const QJsonArray rows = sheets.at(1).toObject().value(QLatin1String("rows")).toArray();
    QVERIFY(rows.size() > 1);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QJsonArray row = rows.at(i).toArray();
        QVERIFY(!row.at(4).toObject().value(QLatin1String("v")).toString().isEmpty());
        if (i > 1)
            QVERIFY(
                row.at(0).toObject().value(QLatin1String("v")).toInteger() <
                rows.at(i - 1).toArray().at(0).toObject().value(QLatin1String("v")).toInteger());
    }
}

// Everything of Northwind: a workbook per area in the zip, in order, each
// one a workbook openpyxl reads, with its data and its cover.
void TestExportCommand::demoEverything()
{
    const QString out = m_home.filePath(QStringLiteral("everything.zip"));
    const Run result =
        run({QStringLiteral("--demo"), QStringLiteral("--what"), QStringLiteral("everything"),
             QStringLiteral("--out"), out, QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY2(result.standardError.isEmpty(), qPrintable(result.standardError));

    const QString folder = m_home.filePath(QStringLiteral("everything"));
    QString unzipped;
    const QStringList names = unzip(out, folder, &unzipped);
    QVERIFY2(unzipped.isEmpty(), qPrintable(unzipped));
    QStringList expected;
    for (const models::EverythingExport::Area area : models::EverythingExport::areas())
        expected.append(models::EverythingExport::entryName(area));
    QCOMPARE(names, expected);
    for (const QString &name : names) {
        QString error;
        const QJsonObject workbook = readWorkbook(QDir(folder).filePath(name), &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + u' ' + error));
        QVERIFY2(workbook.value(QLatin1String("sheets")).toArray().size() >= 2, qPrintable(name));
        QVERIFY2(coverValue(workbook, QStringLiteral("Tenant")).value(QLatin1String("v")) ==
                     QLatin1String("northwind"),
                 qPrintable(name));
    }
}

void TestExportCommand::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString out = QStringLiteral("--out");
    QTest::newRow("unknown area") << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                                                 QStringLiteral("salaries"), out,
                                                 QStringLiteral("x.xlsx")}
                                  << 2;
    QTest::newRow("no file") << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                                            QStringLiteral("members")}
                             << 2;
    QTest::newRow("profile and demo")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--profile"), QStringLiteral("a"),
                       QStringLiteral("--what"), QStringLiteral("members"),   out,
                       QStringLiteral("x.xlsx")}
        << 2;
    QTest::newRow("no such profile") << QStringList{QStringLiteral("--profile"),
                                                    QStringLiteral("nowhere"),
                                                    QStringLiteral("--what"),
                                                    QStringLiteral("members"),
                                                    out,
                                                    QStringLiteral("x.xlsx")}
                                     << 2;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << 2;
    QTest::newRow("results as CSV")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                       QStringLiteral("results"), out, QStringLiteral("x.csv")}
        << 2;
    QTest::newRow("a log without logs")
        << QStringList{QStringLiteral("--demo"),  QStringLiteral("--what"),
                       QStringLiteral("members"), QStringLiteral("--log"),
                       QStringLiteral("access"),  out,
                       QStringLiteral("x.xlsx")}
        << 2;
    QTest::newRow("no such log") << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                                                QStringLiteral("logs"),   QStringLiteral("--log"),
                                                QStringLiteral("debug"),  out,
                                                QStringLiteral("x.xlsx")}
                                 << 2;
    QTest::newRow("offline demo") << QStringList{QStringLiteral("--demo"),
                                                 QStringLiteral("--offline"),
                                                 QStringLiteral("--what"),
                                                 QStringLiteral("members"),
                                                 out,
                                                 QStringLiteral("x.xlsx")}
                                  << 2;
    QTest::newRow("offline sign-in") << QStringList{QStringLiteral("--profile"),
                                                    QLatin1String(kOfflineProfile),
                                                    QStringLiteral("--offline"),
                                                    QStringLiteral("--sign-in"),
                                                    QStringLiteral("--what"),
                                                    QStringLiteral("members"),
                                                    out,
                                                    QStringLiteral("x.xlsx")}
                                     << 2;
    QTest::newRow("everything as a workbook")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                       QStringLiteral("everything"), out, QStringLiteral("x.xlsx")}
        << 2;
    QTest::newRow("members as a zip")
        << QStringList{QStringLiteral("--demo"), QStringLiteral("--what"),
                       QStringLiteral("members"), out, QStringLiteral("x.zip")}
        << 2;
}

void TestExportCommand::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    for (const QString &file : {QStringLiteral("x.xlsx"), QStringLiteral("x.zip")})
        QDir(m_home.path()).remove(file);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.standardError.startsWith(QLatin1String("engage-admin export: ")),
             qPrintable(result.standardError));
    QCOMPARE(result.standardError.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("x.xlsx"))));
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("x.zip"))));
}

// What the window read, without a connection: the members, the results and
// the operation log's recent rows of the profile's last tenant, the cover
// saying as of when.
void TestExportCommand::offline_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("firstTable");
    // Members in the import format, the cover last.
    QTest::newRow("members") << QStringLiteral("members") << QStringList()
                             << QStringLiteral("offline-members.xlsx") << 0;
    QTest::newRow("results") << QStringLiteral("results") << QStringList()
                             << QStringLiteral("offline-results.xlsx") << 1;
    QTest::newRow("operation log")
        << QStringLiteral("logs")
        << QStringList{QStringLiteral("--log"), QStringLiteral("operation")}
        << QStringLiteral("offline-operation.xlsx") << 1;
}

void TestExportCommand::offline()
{
    if (!m_filled)
        QSKIP("No keychain in this session, so no offline cache.");
    QFETCH(QString, what);
    QFETCH(QStringList, options);
    QFETCH(QString, file);
    QFETCH(int, firstTable);
    const QString out = m_home.filePath(file);
    const Run result = run(QStringList{QStringLiteral("--profile"), QLatin1String(kOfflineProfile),
                                       QStringLiteral("--offline"), QStringLiteral("--what"), what,
                                       QStringLiteral("--out"), out, QStringLiteral("--lang"),
                                       QStringLiteral("en")} +
                           options);
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY2(result.standardError.isEmpty(), qPrintable(result.standardError));
    QVERIFY(!connectedTo());

    QString error;
    const QJsonObject workbook = readWorkbook(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray read = workbook.value(QLatin1String("sheets")).toArray();
    // The tables and the cover; the first table's rows after its header, as
    // the window read them.
    const Read expected = m_read.value(what);
    QVERIFY(expected.rows > 0);
    QCOMPARE(read.size(), expected.tables + 1);
    const qsizetype rows =
        read.at(firstTable).toObject().value(QLatin1String("rows")).toArray().size();
    QCOMPARE(rows - 1, expected.rows);
    QCOMPARE(coverValue(workbook, QStringLiteral("Tenant")).value(QLatin1String("v")).toString(),
             m_owner.tenant);
    // As of when the window read it (to the second: Excel keeps no more).
    const QJsonObject asOf = coverValue(workbook, QStringLiteral("Data as of"));
    QCOMPARE(asOf.value(QLatin1String("t")).toString(), QStringLiteral("d"));
    const QDateTime when =
        QDateTime::fromString(asOf.value(QLatin1String("v")).toString(), Qt::ISODate);
    QVERIFY2(when >= m_filledFrom.addSecs(-1) && when <= m_filledTo.addSecs(1),
             qPrintable(asOf.value(QLatin1String("v")).toString()));
}

// Everything offline: the areas the window keeps, and of the logs only the
// one the Logs page showed; the others are named on stderr, and the run
// succeeds.
void TestExportCommand::offlineEverything()
{
    if (!m_filled)
        QSKIP("No keychain in this session, so no offline cache.");
    const QString out = m_home.filePath(QStringLiteral("offline-everything.zip"));
    const Run result =
        run({QStringLiteral("--profile"), QLatin1String(kOfflineProfile),
             QStringLiteral("--offline"), QStringLiteral("--what"), QStringLiteral("everything"),
             QStringLiteral("--out"), out, QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY(!connectedTo());
    using Area = models::EverythingExport::Area;
    const QString &said = result.standardError;
    QVERIFY2(said.count(QLatin1Char('\n')) == 1 &&
                 said.contains(models::EverythingExport::areaLabel(Area::AccessLog)) &&
                 said.contains(models::EverythingExport::areaLabel(Area::ErrorLog)) &&
                 !said.contains(models::EverythingExport::areaLabel(Area::OperationLog)),
             qPrintable(said));

    const QString folder = m_home.filePath(QStringLiteral("offline-everything"));
    QString unzipped;
    const QStringList names = unzip(out, folder, &unzipped);
    QVERIFY2(unzipped.isEmpty(), qPrintable(unzipped));
    const QHash<QString, QString> readAs{
        {models::EverythingExport::entryName(Area::Members), QStringLiteral("members")},
        {models::EverythingExport::entryName(Area::Results), QStringLiteral("results")},
        {models::EverythingExport::entryName(Area::Surveys), QStringLiteral("surveys")},
        {models::EverythingExport::entryName(Area::OperationLog), QStringLiteral("logs")}};
    QStringList expected;
    for (const Area area : models::EverythingExport::areas()) {
        if (readAs.contains(models::EverythingExport::entryName(area)))
            expected.append(models::EverythingExport::entryName(area));
    }
    QCOMPARE(names, expected);
    // Each workbook holds the tables the window read, with as many rows in
    // the first of them (the members' import format has the cover last).
    for (const QString &name : names) {
        QString error;
        const QJsonObject workbook = readWorkbook(QDir(folder).filePath(name), &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + u' ' + error));
        const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
        const Read kept = m_read.value(readAs.value(name));
        QVERIFY2(kept.rows > 0 && sheets.size() == kept.tables + 1, qPrintable(name));
        const int firstTable = name == models::EverythingExport::entryName(Area::Members) ? 0 : 1;
        const qsizetype rows =
            sheets.at(firstTable).toObject().value(QLatin1String("rows")).toArray().size();
        QVERIFY2(rows - 1 == kept.rows, qPrintable(name));
    }
}

// An offline run that cannot export: one line, exit 1, no file, and no
// connection either.
void TestExportCommand::offlineFailed_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("no offline data")
        << QString::fromLatin1(kEmptyProfile) << QStringLiteral("members")
        << QStringLiteral("There is no offline data for the connection");
    // The window signed in, then exported nothing.
    QTest::newRow("not in the offline data")
        << QString::fromLatin1(kSignedInProfile) << QStringLiteral("members")
        << QStringLiteral("does not hold this export");
    // No Logs page showed the access log.
    QTest::newRow("no rows of the log")
        << QString::fromLatin1(kSignedInProfile) << QStringLiteral("logs")
        << QStringLiteral("holds no rows of this log");
}

void TestExportCommand::offlineFailed()
{
    if (!m_filled)
        QSKIP("No keychain in this session, so no offline cache.");
    QFETCH(QString, profile);
    QFETCH(QString, what);
    QFETCH(QString, message);
    const QString out = m_home.filePath(QStringLiteral("offline-failed.xlsx"));
    const Run result = run({QStringLiteral("--profile"), profile, QStringLiteral("--offline"),
                            QStringLiteral("--what"), what, QStringLiteral("--out"), out,
                            QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.startsWith(QLatin1String("engage-admin export: ")) &&
                 result.standardError.contains(message),
             qPrintable(result.standardError));
    QVERIFY2(result.standardError.count(QLatin1Char('\n')) == 1, qPrintable(result.standardError));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!connectedTo());
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
