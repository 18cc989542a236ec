// `engage-admin export` as a scheduled job runs it: the real executable in a
// QProcess, without a display, with a home of its own. With --demo it starts
// the demo service, exports its members and exits 0; the workbook, read back
// by openpyxl, holds the members under the import headers of the language
// and the cover after them. Wrong command lines exit 2 and a failed export 1,
// each with one line on stderr and no file.

#include "exporttestsupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace engage::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString standardError;
};

} // namespace

class TestExportCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demoMembers_data();
    void demoMembers();
    void demoResults();
    void demoLogs();
    void refused_data();
    void refused();

private:
    Run run(const QStringList &arguments);

    QTemporaryDir m_home;
};

void TestExportCommand::initTestCase()
{
    QVERIFY(m_home.isValid());
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
// (under its colour scale) and trend sheets, a chart each for the factors
// and the trend.
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
    QCOMPARE(sheets.size(), 5);
    int charts = 0;
    int scales = 0;
    for (const QJsonValue sheet : sheets) {
        charts += int(sheet.toObject().value(QLatin1String("charts")).toArray().size());
        scales += int(sheet.toObject().value(QLatin1String("conditional")).toArray().size());
    }
    QCOMPARE(charts, 2);
    QCOMPARE(scales, 1);
    // The trend: a row per closed round of the year.
    QVERIFY(sheets.at(4).toObject().value(QLatin1String("rows")).toArray().size() > 12);
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
}

void TestExportCommand::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QDir(m_home.path()).remove(QStringLiteral("x.xlsx"));
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.standardError.startsWith(QLatin1String("engage-admin export: ")),
             qPrintable(result.standardError));
    QCOMPARE(result.standardError.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("x.xlsx"))));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
