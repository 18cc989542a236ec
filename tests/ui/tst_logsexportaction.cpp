// The Logs page's Export… against the real engage-server (the demo tenant
// "northwind", which has the security option), offscreen: with the access
// log filtered to 4xx on the page, the export holds exactly the rows the
// log's page gives for that filter, every one a 4xx, and its cover names
// the log and the filter.

#include "../models/export/exporttestsupport.h"
#include "../models/serviceclient.h"
#include "exportactionsupport.h"
#include "models/logwindowmodel.h"
#include "ui/export/exportcontroller.h"
#include "ui/pages/logspage.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

constexpr int kMissing = 3;

bool settled(LogsPage &page)
{
    return QTest::qWaitFor(
        [&page] {
            return !page.model().isLoading() && page.model().total() >= 0 &&
                   page.exportController()->action()->isEnabled();
        },
        kWaitMs);
}

} // namespace

class TestLogsExportAction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void exportsTheFilteredLog();

private:
    ServerProcess m_server;
    OwnerAtTwoDesks m_desks;
    QTemporaryDir m_dir;
};

void TestLogsExportAction::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, QStringLiteral("northwind"),
                           QStringLiteral("Engage tst_logsexportaction")));
    for (int i = 0; i < kMissing; ++i)
        QVERIFY(!get(m_desks.other->api, QStringLiteral("/api/v1/groups/no-such-%1").arg(i)).ok);
    // The access log is written behind the answers.
    QVERIFY(QTest::qWaitFor(
        [this] {
            const Outcome page =
                get(m_desks.other->api, QStringLiteral("/api/v1/logs/access?status=4xx&limit=100"));
            return page.json.value(QLatin1String("items")).toArray().size() >= kMissing;
        },
        kWaitMs));
}

void TestLogsExportAction::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_server.reportIfFailed();
}

void TestLogsExportAction::exportsTheFilteredLog()
{
    LogsPage page(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(page, {1400, 900}));
    QVERIFY(settled(page));
    QTest::keyClicks(page.statusField(), QStringLiteral("4xx"));
    QTest::keyClick(page.statusField(), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return page.model().filter().status.has_value(); }, kWaitMs));
    QVERIFY(settled(page));
    // What the log's page gives for the filter (the 4xx rows are the
    // test's own, all written before).
    const Outcome expected =
        get(m_desks.other->api, QStringLiteral("/api/v1/logs/access?status=4xx&limit=1000"));
    QVERIFY(expected.ok);
    const qint64 total = expected.json.value(QLatin1String("items")).toArray().size();
    QVERIFY(total >= kMissing);

    ExportController *controller = page.exportController();
    const QString path = m_dir.filePath(QStringLiteral("logs.xlsx"));
    const QString failure = exportDirectly(*controller, path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    bool named = false;
    for (const QJsonValue row : sheets.at(0).toObject().value(QLatin1String("rows")).toArray()) {
        for (const QJsonValue cell : row.toArray()) {
            const QString text = cell.toObject().value(QLatin1String("v")).toString();
            named = named || (text.contains(QLatin1String("Access log")) &&
                              text.contains(QLatin1String("4xx")));
        }
    }
    QVERIFY2(named, "the cover names the log and the filter");
    const QJsonArray rows = sheets.at(1).toObject().value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), total + 1);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int status = rows.at(i).toArray().at(6).toObject().value(QLatin1String("v")).toInt();
        QVERIFY2(status >= 400 && status < 500, qPrintable(QString::number(status)));
    }
}

QTEST_MAIN(TestLogsExportAction)
#include "tst_logsexportaction.moc"
