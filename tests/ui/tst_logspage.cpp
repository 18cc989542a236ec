// LogsPage against the real engage-server, offscreen: "northwind" (with the
// security option, as the demo has it) and a seeded log (2,000 access rows, 50 changes), its
// owner signed in. Nothing is read before the page is shown; the tabs switch
// logs, columns and the filters that apply; filters go to the service, and
// one the service would refuse is explained beside the fields instead; the
// histogram's bars select a time range by dragging; the detail pane shows a
// change's fields before and after side by side; copy row, jump to a date,
// live tail and "Verify integrity"; a tenant without the security option
// ("sakura-foods", the option taken away) is told so; and the page follows a change of language.

#include "logseed.h"
#include "models/loghistogrammodel.h"
#include "models/logintegritycheck.h"
#include "models/logwindowmodel.h"
#include "ui/pages/logspage.h"
#include "ui/widgets/logdetailpane.h"
#include "ui/widgets/loghistogram.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::ui;
using namespace engage::test;

namespace {

constexpr qint64 kRows = 2000;
constexpr qint64 kChanges = 50;

QString ownerPassword(const ServerProcess &server, const QString &slug, QString *email)
{
    const QJsonArray tenants = server.announcement().value(QLatin1String("tenants")).toArray();
    for (const auto &value : tenants) {
        const QJsonObject tenant = value.toObject();
        if (tenant.value(QLatin1String("slug")).toString() == slug) {
            *email = tenant.value(QLatin1String("adminEmail")).toString();
            return tenant.value(QLatin1String("adminPassword")).toString();
        }
    }
    return {};
}

bool signInAs(ClientUnderTest &client, const ServerProcess &server, const QString &slug)
{
    client.client.setBaseUrl(server.url());
    client.client.setPinnedFingerprint(server.fingerprint());
    QString email;
    const QString password = ownerPassword(server, slug, &email);
    QSignalSpy signedIn(&client.session, &Session::signedIn);
    client.session.signIn(slug, email, password);
    return signedIn.wait(kUiWaitMs) || !signedIn.isEmpty();
}

bool settled(LogsPage &page)
{
    return QTest::qWaitFor(
        [&] {
            return page.model().total() >= 0 && !page.model().isLoading() &&
                   !page.histogramModel().isLoading();
        },
        kUiWaitMs);
}

bool loaded(LogsPage &page, int row)
{
    return QTest::qWaitFor(
        [&] {
            page.view()->scrollTo(page.model().index(row, 0));
            return page.model().isLoaded(row);
        },
        kUiWaitMs);
}

void selectRow(LogsPage &page, int row)
{
    page.view()->selectionModel()->setCurrentIndex(page.model().index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
}

QStringList headers(const LogsPage &page)
{
    QStringList names;
    for (int column = 0; column < page.model().columnCount(); ++column)
        names.append(page.model().headerData(column, Qt::Horizontal).toString());
    return names;
}

} // namespace

class TestLogsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsOnlyOnceShown();
    void tabsSwitchLogsAndFilters();
    void filtersGoToTheService();
    void refusedFilterIsExplained_data();
    void refusedFilterIsExplained();
    void brushingSetsTheTimeRange();
    void detailPaneShowsBeforeAndAfter();
    void copiesTheRow();
    void jumpsToADate();
    void liveTailToggle();
    void verifiesIntegrity();
    void withoutSecurityOption();
    void followsTheLanguage();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    SeedOutcome m_seeded;
    QDateTime m_newest;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ClientUnderTest> m_client;
    std::unique_ptr<LogsPage> m_page;
};

void TestLogsPage::initTestCase()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    m_newest = QDateTime::currentDateTimeUtc().addSecs(-3600);
    m_newest.setTime(QTime(m_newest.time().hour(), 0));
    LogSeed seed{QStringLiteral("northwind"), kRows, m_newest, 5 * 60 * 1000, kChanges};
    QString error;
    m_server = startSeededServer(m_dir.path(), seed, {QStringLiteral("sakura-foods")}, 60000,
                                 &error, &m_seeded);
    QVERIFY2(m_server, qPrintable(error));
    m_client = std::make_unique<ClientUnderTest>(m_settingsDir.filePath(QStringLiteral("s.ini")));
    QVERIFY(signInAs(*m_client, *m_server, QStringLiteral("northwind")));
}

void TestLogsPage::init()
{
    m_page = std::make_unique<LogsPage>(m_client->client, m_client->session);
    m_page->resize(1400, 900);
}

void TestLogsPage::cleanup()
{
    m_page.reset();
    m_server->reportIfFailed();
}

void TestLogsPage::loadsOnlyOnceShown()
{
    QTest::qWait(200);
    QCOMPARE(m_page->model().total(), qint64(-1));
    QVERIFY(m_page->unavailableNotice()->isHidden());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(settled(*m_page));
    QVERIFY(m_page->model().total() >= kRows);
    QVERIFY(m_page->countLabel()->text().contains(QLocale().toString(m_page->model().total())));
    QVERIFY(loaded(*m_page, 0));
    // The seeded rows under the page's own requests, newest first.
    const int first = int(m_page->model().total() - kRows);
    QVERIFY(loaded(*m_page, first));
    QCOMPARE(m_page->model()
                 .index(first, m_page->model().columnOf(LogWindowModel::Field::Path))
                 .data()
                 .toString(),
             seededPath(kRows));
    // Times in the user's zone, with the offset.
    QVERIFY(m_page->model().index(0, 0).data().toString().contains(QLatin1Char(':')));
    QVERIFY(!m_page->histogramModel().buckets().isEmpty());
}

void TestLogsPage::tabsSwitchLogsAndFilters()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().log(), api::LogKind::Access);
    QVERIFY(m_page->addressField()->isEnabled());
    QVERIFY(!m_page->targetTypeField()->isEnabled());

    m_page->tabs()->setCurrentIndex(1);
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().log(), api::LogKind::Operation);
    QVERIFY(headers(*m_page).contains(LogWindowModel::fieldName(LogWindowModel::Field::Action)));
    QVERIFY(m_page->targetTypeField()->isEnabled());
    QVERIFY(!m_page->addressField()->isEnabled());
    QVERIFY(!m_page->statusField()->isEnabled());
    QVERIFY(m_page->model().total() >= kChanges);

    m_page->tabs()->setCurrentIndex(2);
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().log(), api::LogKind::Error);
    QVERIFY(headers(*m_page).contains(LogWindowModel::fieldName(LogWindowModel::Field::Route)));
    QVERIFY(m_page->statusField()->isEnabled());
}

void TestLogsPage::filtersGoToTheService()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    QTest::keyClicks(m_page->statusField(), QStringLiteral("404"));
    QTest::keyClick(m_page->statusField(), Qt::Key_Return);
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().filter().status, std::optional<QString>(QStringLiteral("404")));
    qint64 notFound = 0;
    for (qint64 i = 1; i <= kRows; ++i)
        notFound += seededStatus(i) == 404;
    // The seeded ones, and any of the test's own requests that found nothing.
    QVERIFY(m_page->model().total() >= notFound);
    const int status = m_page->model().columnOf(LogWindowModel::Field::Status);
    for (int row = 0; row < std::min(30, m_page->model().rowCount()); ++row) {
        QVERIFY(loaded(*m_page, row));
        QCOMPARE(m_page->model().index(row, status).data().toString(), QStringLiteral("404"));
    }

    // A person from the list of people; then clear everything.
    QVERIFY(QTest::qWaitFor([&] { return m_page->personBox()->count() > 1; }, kUiWaitMs));
    const int person = m_page->personBox()->findData(m_seeded.personIds.value(1));
    QVERIFY(person > 0);
    m_page->statusField()->clear();
    m_page->personBox()->setCurrentIndex(person);
    m_page->applyAction()->trigger();
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().filter().person, std::optional<QString>(m_seeded.personIds.value(1)));
    QVERIFY(m_page->model().total() > 0);
    const int personColumn = m_page->model().columnOf(LogWindowModel::Field::Person);
    QVERIFY(loaded(*m_page, 0));
    QCOMPARE(m_page->model().index(0, personColumn).data().toString(),
             m_page->personBox()->currentText());

    m_page->clearAction()->trigger();
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().filter(), api::LogQuery());
    QVERIFY(m_page->model().total() >= kRows);
}

void TestLogsPage::refusedFilterIsExplained_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::newRow("status") << "status"
                            << "4x";
    QTest::newRow("address") << "address"
                             << "10.0.0.0/8";
    QTest::newRow("control character") << "q" << QStringLiteral("a\u0007b");
}

void TestLogsPage::refusedFilterIsExplained()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    m_page->show();
    QVERIFY(settled(*m_page));
    QVERIFY(loaded(*m_page, 0));
    QTest::qWait(300);
    const int requests = m_page->model().pageRequests();
    QLineEdit *edit = field == QLatin1String("status")    ? m_page->statusField()
                      : field == QLatin1String("address") ? m_page->addressField()
                                                          : m_page->searchField();
    edit->setText(text);
    m_page->applyAction()->trigger();
    QVERIFY(!m_page->banner()->isHidden());
    QVERIFY(!m_page->banner()->text().isEmpty());
    QVERIFY(edit->hasFocus() || !QApplication::focusWidget());
    // Nothing went to the service; the rows shown are still the unfiltered ones.
    QCOMPARE(m_page->model().filter(), api::LogQuery());
    QTest::qWait(100);
    QCOMPARE(m_page->model().pageRequests(), requests);
}

void TestLogsPage::brushingSetsTheTimeRange()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    LogHistogram *histogram = m_page->histogram();
    // A copy: the histogram is counted again for the range selected.
    const QList<api::LogHistogramBucket> buckets = m_page->histogramModel().buckets();
    const qint64 width = m_page->histogramModel().bucketWidthMs();
    QVERIFY(buckets.size() >= 2);
    // From the first bar to the second: both days, and nothing after.
    const int from = histogram->xOf(buckets.at(0).start) + 1;
    const int to = histogram->xOf(buckets.at(1).start) + 1;
    const int y = histogram->height() / 2;
    QSignalSpy selected(histogram, &LogHistogram::rangeSelected);
    QTest::mousePress(histogram, Qt::LeftButton, {}, QPoint(from, y));
    QTest::mouseMove(histogram, QPoint(to, y));
    QTest::mouseRelease(histogram, Qt::LeftButton, {}, QPoint(to, y));
    QCOMPARE(selected.size(), 1);
    QVERIFY(settled(*m_page));
    QVERIFY(m_page->fromCheck()->isChecked() && m_page->toCheck()->isChecked());
    const api::LogQuery &filter = m_page->model().filter();
    QCOMPARE(filter.from, std::optional<QDateTime>(buckets.at(0).start));
    QCOMPARE(filter.to, std::optional<QDateTime>(buckets.at(1).start.addMSecs(width)));
    QCOMPARE(m_page->model().total(), buckets.at(0).count + buckets.at(1).count);
}

void TestLogsPage::detailPaneShowsBeforeAndAfter()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    m_page->tabs()->setCurrentIndex(1);
    m_page->actionField()->setText(QStringLiteral("member.*"));
    m_page->applyAction()->trigger();
    QVERIFY(settled(*m_page));
    QCOMPARE(m_page->model().total(), kChanges);
    QVERIFY(loaded(*m_page, 0));
    selectRow(*m_page, 0);
    const QString text = m_page->detailPane()->text();
    QVERIFY2(text.contains(QStringLiteral("member.update")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("seed-op-%1").arg(kChanges)), qPrintable(text));
    QTableWidget *changes = m_page->detailPane()->changesTable();
    QVERIFY(changes->isVisible());
    QCOMPARE(changes->rowCount(), 2);
    QCOMPARE(changes->item(0, 0)->text(), QStringLiteral("status"));
    QCOMPARE(changes->item(0, 1)->text(), QStringLiteral("active"));
    QCOMPARE(changes->item(0, 2)->text(), QStringLiteral("onLeave"));
    QCOMPARE(changes->item(1, 0)->text(), QStringLiteral("email"));
    QVERIFY(changes->item(1, 1)->font().italic());
    QCOMPARE(changes->item(1, 1)->text(), changes->item(1, 2)->text());

    // An access row has no changes.
    m_page->actionField()->clear();
    m_page->tabs()->setCurrentIndex(0);
    QVERIFY(settled(*m_page));
    QVERIFY(loaded(*m_page, 0));
    selectRow(*m_page, 0);
    QVERIFY(!changes->isVisible());
    QVERIFY(!m_page->detailPane()->text().isEmpty());
}

void TestLogsPage::copiesTheRow()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    const int row = int(m_page->model().total() - 1); // seeded row 1, the oldest
    QVERIFY(loaded(*m_page, row));
    selectRow(*m_page, row);
    QVERIFY(m_page->copyAction()->isEnabled());
    m_page->copyAction()->trigger();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(seededPath(1)), qPrintable(copied));
    QVERIFY(copied.contains(QStringLiteral("seed-1")));
    QVERIFY(copied.contains(seededAddress(1)));
}

void TestLogsPage::jumpsToADate()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    // The day of the oldest seeded row, in the user's zone.
    const QDate day = m_newest.addMSecs(-(kRows - 1) * 5 * 60 * 1000).toLocalTime().date();
    m_page->jumpDateEdit()->setDate(day);
    m_page->jumpAction()->trigger();
    const int row = m_page->view()->currentIndex().row();
    QCOMPARE(row, m_page->model().rowForDate(day));
    QVERIFY(loaded(*m_page, row));
    QCOMPARE(m_page->model()
                 .index(row, 0)
                 .data(LogWindowModel::TimeRole)
                 .toDateTime()
                 .toLocalTime()
                 .date(),
             day);
}

void TestLogsPage::liveTailToggle()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    const qint64 before = m_page->model().total();
    m_page->liveAction()->trigger();
    QVERIFY(m_page->model().isLiveTail());
    // The page's own requests are in the access log: they come in at the top.
    QVERIFY(QTest::qWaitFor([&] { return m_page->model().total() > before; }, 10000));
    QCOMPARE(m_page->view()->verticalScrollBar()->value(), 0);
    m_page->liveAction()->trigger();
    QVERIFY(!m_page->model().isLiveTail());
}

void TestLogsPage::verifiesIntegrity()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    m_page->verifyAction()->trigger();
    QVERIFY(!m_page->verifyAction()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return m_page->verifyAction()->isEnabled(); }, kUiWaitMs));
    QVERIFY(!m_page->banner()->isHidden());
    const QString text = m_page->banner()->text();
    QVERIFY2(text.contains(QStringLiteral("The logs are intact")), qPrintable(text));
    QVERIFY2(text.contains(LogIntegrityCheck::logName(api::LogKind::Access)), qPrintable(text));
}

void TestLogsPage::withoutSecurityOption()
{
    QTemporaryDir settings;
    ClientUnderTest other(settings.filePath(QStringLiteral("s.ini")));
    QVERIFY(signInAs(other, *m_server, QStringLiteral("sakura-foods")));
    LogsPage page(other.client, other.session);
    page.show();
    QVERIFY(QTest::qWaitFor([&] { return page.unavailableNotice()->isVisible(); }, kUiWaitMs));
    QVERIFY(page.unavailableNotice()->text().contains(QStringLiteral("security option")));
    QVERIFY(page.banner()->isHidden());
    QVERIFY(!page.view()->isVisible());
}

void TestLogsPage::followsTheLanguage()
{
    m_page->show();
    QVERIFY(settled(*m_page));
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    // The event comes through the event loop.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->tabs()->tabText(0).startsWith(QStringLiteral("[T] ")),
                             kUiWaitMs);
    QVERIFY(m_page->liveAction()->text().startsWith(QStringLiteral("[T] ")));
    QVERIFY(headers(*m_page).constFirst().startsWith(QStringLiteral("[T] ")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->tabs()->tabText(0).startsWith(QStringLiteral("[T] ")),
                             kUiWaitMs);
}

QTEST_MAIN(TestLogsPage)
#include "tst_logspage.moc"
