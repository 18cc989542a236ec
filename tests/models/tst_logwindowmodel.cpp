// LogWindowModel against the real engage-server over TLS on loopback, signed
// in as the owner of the demo tenant "northwind" (which has the security
// option): an access log of
// 10,000 seeded rows (plus the requests of the test) read at any row under
// QAbstractItemModelTester, row for row as seeded and with the cache bounded;
// a jump to a date; filters run by the service (including hostile ones, and
// ones the client refuses before sending); the live tail bringing a new row
// within two seconds; and, without the tester (which walks every row on
// every signal), a million rows scrolled from top to bottom with flat memory.

#include "logseed.h"
#include "models/logentry.h"
#include "models/logwindowmodel.h"
#include "processmemory.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

constexpr qint64 kSeededRows = 10000;
constexpr qint64 kSpacingMs = 60 * 1000; // a row a minute: about a week
// The seeded rows are chained already, so a start has nothing to seal; this
// is for a busy machine under the sanitizers.
constexpr int kStartMs = 120000;

struct SeededService
{
    QTemporaryDir dir;
    std::unique_ptr<ServerProcess> server;
    SeedOutcome seeded;
    QDateTime newest;
    qint64 rows = 0;
    qint64 spacingMs = 0;

    bool start(qint64 count, qint64 spacing, QString *error)
    {
        rows = count;
        spacingMs = spacing;
        // Whole minutes an hour ago: clear of the rows the test makes.
        newest = QDateTime::currentDateTimeUtc().addSecs(-3600);
        newest.setTime(QTime(newest.time().hour(), newest.time().minute()));
        LogSeed seed{QStringLiteral("northwind"), rows, newest, spacing};
        server = startSeededServer(dir.path(), seed, {}, kStartMs, error, &seeded);
        return server != nullptr;
    }
    QDateTime timeOf(qint64 i) const { return newest.addMSecs(-(rows - i) * spacingMs); }
};

// The seeded row a path names, or 0.
qint64 seededIndex(const LogEntry &entry)
{
    const auto *row = std::get_if<api::AccessLogRow>(&entry);
    if (!row || !row->path.startsWith(QLatin1String("/api/v1/seeded/")))
        return 0;
    return row->path.mid(15).toLongLong();
}

// Asks for rows [first, first + count) as a view painting them would, and
// waits until they are loaded.
bool show(LogWindowModel &model, int first, int count)
{
    const int last = std::min(first + count, model.rowCount()) - 1;
    return QTest::qWaitFor(
        [&] {
            bool all = true;
            for (int row = first; row <= last; ++row)
                all = model.index(row, 0).data(LogWindowModel::LoadedRole).toBool() && all;
            return all;
        },
        kWaitMs);
}

bool counted(LogWindowModel &model)
{
    return QTest::qWaitFor([&] { return model.total() >= 0 && !model.isLoading(); }, kWaitMs);
}

} // namespace

class TestLogWindowModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void windowUnderTester_data();
    void windowUnderTester();
    void placeholdersUntilLoaded();
    void jumpToDate();
    void filtersRunOnTheService_data();
    void filtersRunOnTheService();
    void hostileFilters_data();
    void hostileFilters();
    void refusedFilters_data();
    void refusedFilters();
    void liveTail();
    void copiesARow();
    void millionRowsFlatMemory();

private:
    std::unique_ptr<LogWindowModel> newModel(bool tester);

    SeededService m_service;
    CredentialStore m_store;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLogWindowModel::initTestCase()
{
    QString error;
    QVERIFY2(m_service.start(kSeededRows, kSpacingMs, &error), qPrintable(error));
    m_client = std::make_unique<Client>(*m_service.server, m_store, QStringLiteral("logs"));
    QVERIFY(signIn(m_client->session, demoOwner(*m_service.server, QStringLiteral("northwind"))));
}

void TestLogWindowModel::cleanup()
{
    m_tester.reset();
    if (m_service.server)
        m_service.server->reportIfFailed();
}

std::unique_ptr<LogWindowModel> TestLogWindowModel::newModel(bool tester)
{
    auto model = std::make_unique<LogWindowModel>(m_client->api);
    model->setTimeZone(QTimeZone("Asia/Tokyo"));
    if (tester)
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    return model;
}

void TestLogWindowModel::windowUnderTester_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("cacheLimit");
    QTest::addColumn<QList<int>>("positions");
    // Down a screen at a time, a jump with the scroll bar, back up, the end.
    QTest::newRow("pages of 100") << 100 << 1000 << QList<int>{0, 40, 80, 5000, 4960, 4920, 9990};
    QTest::newRow("pages of 1,000") << 1000 << 1000 << QList<int>{9990, 2000, 0, 7777, 7700};
    QTest::newRow("pages of 7") << 7 << 1000 << QList<int>{3000, 2980, 3020, 0};
}

void TestLogWindowModel::windowUnderTester()
{
    QFETCH(int, pageSize);
    QFETCH(int, cacheLimit);
    QFETCH(QList<int>, positions);
    auto model = newModel(true);
    model->setPageSize(pageSize);
    model->setCacheLimit(cacheLimit);
    model->setQuery(api::LogKind::Access, {});
    QVERIFY(counted(*model));
    const qint64 total = model->total();
    QVERIFY2(total >= kSeededRows, qPrintable(QString::number(total)));
    QCOMPARE(model->rowCount(), int(total));
    // The rows of the test's own requests are newer than the seeded ones.
    const qint64 newer = total - kSeededRows;
    for (const int position : std::as_const(positions)) {
        const int first = std::min(position, int(total) - 30);
        QVERIFY2(show(*model, first, 30), qPrintable(QString::number(first)));
        for (int row = first; row < first + 30; ++row) {
            const LogEntry *entry = model->entryAt(row);
            QVERIFY(entry);
            if (row < newer) {
                QCOMPARE(seededIndex(*entry), 0);
                continue;
            }
            const qint64 i = kSeededRows - (row - newer);
            const auto &access = std::get<api::AccessLogRow>(*entry);
            QCOMPARE(access.path, seededPath(i));
            QCOMPARE(access.status, seededStatus(i));
            QCOMPARE(access.method, seededMethod(i));
            QCOMPARE(access.address, seededAddress(i));
            QCOMPARE(access.at, m_service.timeOf(i));
            QCOMPARE(access.seq, m_service.seeded.firstSeq + i - 1);
            QCOMPARE(model->index(row, 0).data(LogWindowModel::SeqRole).toLongLong(), access.seq);
        }
        QVERIFY2(model->cachedRows() <= cacheLimit + api::kLogPageMax,
                 qPrintable(QString::number(model->cachedRows())));
    }
}

void TestLogWindowModel::placeholdersUntilLoaded()
{
    auto model = newModel(true);
    model->setQuery(api::LogKind::Access, {});
    QVERIFY(counted(*model));
    const QModelIndex far = model->index(6543, 0);
    QCOMPARE(far.data(LogWindowModel::LoadedRole).toBool(), false);
    QVERIFY(!far.data().toString().isEmpty()); // "Loading…"
    QVERIFY(!model->index(6543, 3).data().isValid());
    const int requests = model->pageRequests();
    // One request lands the page around the row (its day counted by hour
    // first when the day is full).
    QVERIFY(show(*model, 6543, 1));
    QVERIFY(model->pageRequests() - requests <= 2);
    QCOMPARE(far.data(LogWindowModel::LoadedRole).toBool(), true);
}

void TestLogWindowModel::jumpToDate()
{
    auto model = newModel(false);
    const QTimeZone tokyo("Asia/Tokyo");
    model->setQuery(api::LogKind::Access, {});
    QVERIFY(counted(*model));
    // The day of seeded row 4,000 in Tokyo: the jump lands on that day's
    // newest row, and the row above it is of a later day.
    const QDate date = m_service.timeOf(4000).toTimeZone(tokyo).date();
    const int row = model->rowForDate(date);
    QVERIFY(row > 0);
    QVERIFY(show(*model, row - 1, 2));
    QCOMPARE(model->entryAt(row) ? logTimeOf(*model->entryAt(row)).toTimeZone(tokyo).date()
                                 : QDate(),
             date);
    QVERIFY(logTimeOf(*model->entryAt(row - 1)).toTimeZone(tokyo).date() > date);
    // Before the log began: its last row; after today: its first.
    QCOMPARE(model->rowForDate(QDate(2001, 1, 1)), model->rowCount() - 1);
    QCOMPARE(model->rowForDate(QDate::currentDate().addDays(2)), 0);
}

void TestLogWindowModel::filtersRunOnTheService_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected"); // rows of the seeded range it matches
    qint64 notFound = 0;
    qint64 posts = 0;
    qint64 serverErrors = 0;
    for (qint64 i = 1; i <= kSeededRows; ++i) {
        notFound += seededStatus(i) == 404;
        posts += seededMethod(i) == QLatin1String("POST");
        serverErrors += seededStatus(i) >= 500;
    }
    QTest::newRow("status 404") << "status"
                                << "404" << notFound;
    QTest::newRow("status 5xx") << "status"
                                << "5xx" << serverErrors;
    QTest::newRow("method") << "action"
                            << "POST" << posts;
    QTest::newRow("address") << "address" << seededAddress(258) << qint64(1);
    // Paths of rows 999 and 9990-9999, in any case.
    QTest::newRow("text") << "q"
                          << "SEEDED/999" << qint64(11);
    QTest::newRow("nothing") << "q"
                             << "no such text" << qint64(0);
}

void TestLogWindowModel::filtersRunOnTheService()
{
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    api::LogQuery filter;
    filter.from = m_service.timeOf(1);
    filter.to = m_service.newest.addMSecs(1);
    if (parameter == QLatin1String("status"))
        filter.status = value;
    else if (parameter == QLatin1String("action"))
        filter.action = value;
    else if (parameter == QLatin1String("address"))
        filter.address = value;
    else
        filter.search = value;
    QVERIFY(!checkLogFilter(filter, api::LogKind::Access));
    auto model = newModel(true);
    model->setPageSize(50);
    model->setQuery(api::LogKind::Access, filter);
    QVERIFY(counted(*model));
    QCOMPARE(model->total(), expected);
    // Every row matches, also as the client reads the filter.
    const int rows = std::min(model->rowCount(), 120);
    QVERIFY(show(*model, 0, rows));
    for (int row = 0; row < rows; ++row)
        QVERIFY(logEntryMatches(filter, *model->entryAt(row)));
}

void TestLogWindowModel::hostileFilters_data()
{
    QTest::addColumn<QString>("search");
    // None of these is in any path or user agent of the log: each must match
    // exactly nothing, as typed (no wildcard, no escape, no SQL).
    QTest::newRow("percent") << "%";
    QTest::newRow("underscore") << "_";
    QTest::newRow("escape character") << "!";
    QTest::newRow("escaped percent") << "!%";
    QTest::newRow("quote") << "' OR '1'='1";
    QTest::newRow("statement") << "x'); DROP TABLE access_log; --";
    QTest::newRow("backslash") << "\\%";
    QTest::newRow("unicode") << QStringLiteral("髙橋 𠮷野家");
    QTest::newRow("longest") << QString(api::kLogSearchMaxLength, u'%');
}

void TestLogWindowModel::hostileFilters()
{
    QFETCH(QString, search);
    api::LogQuery filter;
    filter.search = search;
    QVERIFY(!checkLogFilter(filter, api::LogKind::Access));
    auto model = newModel(true);
    QSignalSpy failed(model.get(), &LogWindowModel::failed);
    model->setQuery(api::LogKind::Access, filter);
    QVERIFY(counted(*model));
    QVERIFY(failed.isEmpty());
    QCOMPARE(model->total(), 0);
    // The log is still there, whole.
    model->setQuery(api::LogKind::Access, {});
    QVERIFY(counted(*model));
    QVERIFY(model->total() >= kSeededRows);
}

void TestLogWindowModel::refusedFilters_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::newRow("status word") << "status"
                                 << "4x";
    QTest::newRow("status out of range") << "status"
                                         << "600";
    QTest::newRow("address") << "address"
                             << "10.0.0.0/8";
    QTest::newRow("address text") << "address"
                                  << "localhost";
    QTest::newRow("target on the access log") << "targetType"
                                              << "member";
    QTest::newRow("long search") << "q" << QString(api::kLogSearchMaxLength + 1, u'a');
    QTest::newRow("long action") << "action" << QString(api::kLogFilterMaxLength + 1, u'a');
    QTest::newRow("control character") << "q" << QStringLiteral("a\u0007b");
}

void TestLogWindowModel::refusedFilters()
{
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    api::LogQuery filter;
    if (parameter == QLatin1String("status"))
        filter.status = value;
    else if (parameter == QLatin1String("address"))
        filter.address = value;
    else if (parameter == QLatin1String("targetType"))
        filter.targetType = value;
    else if (parameter == QLatin1String("action"))
        filter.action = value;
    else
        filter.search = value;
    const auto error = checkLogFilter(filter, api::LogKind::Access);
    QVERIFY(error);
    QCOMPARE(error->field, parameter);
    // Sent anyway, the service refuses it the same way, and the model says so.
    auto model = newModel(true);
    QSignalSpy failed(model.get(), &LogWindowModel::failed);
    model->setQuery(api::LogKind::Access, filter);
    QVERIFY(waitFor(failed));
    const auto apiError = failed.constFirst().constFirst().value<ApiError>();
    QCOMPARE(apiError.httpStatus, 400);
    QCOMPARE(apiError.field, parameter);
    QCOMPARE(model->rowCount(), 0);
}

void TestLogWindowModel::liveTail()
{
    auto model = newModel(true);
    model->setQuery(api::LogKind::Access, {});
    QVERIFY(counted(*model));
    QVERIFY(show(*model, 0, 20));
    model->setLiveTail(true);
    QVERIFY(model->isLiveTail());
    // The first poll is under way once the log's end is known.
    QTest::qWait(1500);
    for (int attempt = 0; attempt < 3; ++attempt) {
        // A request of the tenant's (one the service could not place in a
        // tenant would not be in its log).
        const QString path =
            QStringLiteral("/api/v1/members/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QElapsedTimer clock;
        clock.start();
        const Outcome outcome = get(m_client->api, path);
        QCOMPARE(outcome.error.httpStatus, 404);
        const bool arrived = QTest::qWaitFor(
            [&] {
                for (int row = 0; row < 20; ++row) {
                    const LogEntry *entry = model->entryAt(row);
                    if (entry && std::get<api::AccessLogRow>(*entry).path == path)
                        return true;
                }
                return false;
            },
            10000);
        QVERIFY(arrived);
        qInfo("live row %d arrived %lld ms after its request was sent", attempt,
              qint64(clock.elapsed()));
        QVERIFY2(clock.elapsed() <= 2000, qPrintable(QString::number(clock.elapsed())));
    }
    // The rows below are still the log's, row for row.
    const qint64 newer = model->total() - kSeededRows;
    QVERIFY(show(*model, int(newer), 5));
    QCOMPARE(seededIndex(*model->entryAt(int(newer))), kSeededRows);
    model->setLiveTail(false);
    QVERIFY(!model->isLiveTail());
}

void TestLogWindowModel::copiesARow()
{
    auto model = newModel(false);
    api::LogQuery filter;
    filter.address = seededAddress(258);
    model->setQuery(api::LogKind::Access, filter);
    QVERIFY(counted(*model));
    QVERIFY(show(*model, 0, 1));
    const QString text = model->rowText(0);
    for (const QString &part : {seededPath(258), seededAddress(258), QStringLiteral("seed-258"),
                                QStringLiteral("seed/1.0"), QStringLiteral("+09:00")})
        QVERIFY2(text.contains(part), qPrintable(text));
    QVERIFY(model->rowText(5).isEmpty()); // no such row
}

// A million rows, scrolled from top to bottom as with the scroll bar (a
// screenful at each of 40 places), then a stretch row by row: every row as
// seeded, the cache within its limit, and the process's memory flat.
void TestLogWindowModel::millionRowsFlatMemory()
{
    constexpr qint64 kRows = 1000000;
    SeededService service;
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(service.start(kRows, 2000, &error), qPrintable(error));
    qInfo("seeded %lld rows and started the server in %lld ms", kRows, qint64(clock.elapsed()));
    Client client(*service.server, m_store, QStringLiteral("million"));
    QVERIFY(signIn(client.session, demoOwner(*service.server, QStringLiteral("northwind"))));

    LogWindowModel model(client.api);
    model.setCacheLimit(3000);
    model.setQuery(api::LogKind::Access, {});
    QVERIFY(counted(model));
    const qint64 newer = model.total() - kRows;
    QVERIFY(newer >= 0);
    const auto check = [&](int first, int count) {
        if (!show(model, first, count))
            return QStringLiteral("rows from %1 did not load").arg(first);
        for (int row = first; row < first + count && row < model.rowCount(); ++row) {
            if (row < newer)
                continue;
            const qint64 expected = kRows - (row - newer);
            const qint64 found = seededIndex(*model.entryAt(row));
            if (found != expected)
                return QStringLiteral("row %1 is seeded row %2, not %3")
                    .arg(row)
                    .arg(found)
                    .arg(expected);
        }
        return QString();
    };

    const qint64 pid = QCoreApplication::applicationPid();
    qint64 settled = -1;
    constexpr int kPlaces = 40;
    clock.restart();
    for (int place = 0; place <= kPlaces; ++place) {
        const int first = int((model.rowCount() - 40) * qint64(place) / kPlaces);
        const QString wrong = check(first, 40);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        QVERIFY(model.cachedRows() <= model.cacheLimit() + api::kLogPageMax);
        if (place == 10)
            settled = residentMemoryKiB(pid).residentKiB;
    }
    qInfo("%d places in %lld ms, %d page requests", kPlaces + 1, qint64(clock.elapsed()),
          model.pageRequests());
    // Row by row through 5,000 rows in the middle.
    for (int first = 500000; first < 505000; first += 40) {
        const QString wrong = check(first, 40);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }
    const qint64 end = residentMemoryKiB(pid).residentKiB;
    qInfo("resident %lld KiB after the first places, %lld KiB at the end", settled, end);
    QVERIFY(settled > 0 && end > 0);
    QVERIFY2(end - settled < 20 * 1024, qPrintable(QString::number(end - settled)));
}

QTEST_GUILESS_MAIN(TestLogWindowModel)
#include "tst_logwindowmodel.moc"
