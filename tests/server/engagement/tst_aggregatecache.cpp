// AggregateCache against a real SQLite file: cells served from memory while
// the round's aggregated_at stays, reloaded when it moves (another writer
// re-aggregated), NotFound across tenants and before the first aggregation,
// and readers on several threads while the round is re-aggregated.

#include "../store/storefixture.h"
#include "engagement/aggregatecache.h"
#include "engagement/roundaggregator.h"
#include "store/pulserepository.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

using namespace engage::server;
using namespace engage::server::store;
using engagement::AggregateCache;
using engagement::Cell;
using engagement::RoundAggregator;
namespace api = engage::api;

namespace {

const QDateTime kOpens = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
const QDateTime kCloses = kOpens.addDays(14);

qint64 respondentsOf(const QList<Cell> &cells)
{
    qint64 respondents = 0;
    for (const Cell &cell : cells)
        respondents += cell.sums.respondents;
    return respondents;
}

} // namespace

class TestAggregateCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reloadsWhenAggregatedAtMoves();
    void otherTenantAndUnaggregatedAreNotFound();
    void concurrentReaders();

private:
    void answer(int member, const QDateTime &at);
    void execute(const QString &sql);

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<PulseRepository> m_pulses;
    std::unique_ptr<RoundAggregator> m_aggregator;
    std::optional<TenantScope> m_tenant;
    QString m_roundId;
};

void TestAggregateCache::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_pulses = std::make_unique<PulseRepository>(m_fixture->connection(), m_fixture->keyring());
    m_aggregator = std::make_unique<RoundAggregator>(m_fixture->connection(), m_fixture->keyring());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    const auto survey =
        m_pulses->createSurvey(*m_tenant, SurveyKind::Pulse, QStringLiteral("Pulse"), 4, kOpens);
    QVERIFY(survey.isOk());
    StoredRound round;
    round.surveyId = survey.value().id;
    round.itemIds = QStringList{api::questionBank().at(0).id};
    round.opensAt = kOpens;
    round.closesAt = kCloses;
    round.status = api::RoundStatus::Closed;
    const auto created = m_pulses->createRound(*m_tenant, round, kOpens);
    QVERIFY(created.isOk());
    m_roundId = created.value().id;
    QList<RoundTarget> targets;
    for (int i = 0; i < 10; ++i) {
        RoundTarget target;
        target.memberId = QStringLiteral("m%1").arg(i);
        target.groupId = QStringLiteral("g%1").arg(i % 2);
        targets.append(target);
    }
    QVERIFY(m_pulses->addTargets(*m_tenant, m_roundId, targets).isOk());
}

void TestAggregateCache::cleanup()
{
    m_aggregator.reset();
    m_pulses.reset();
    m_fixture.reset();
}

void TestAggregateCache::answer(int member, const QDateTime &at)
{
    QVERIFY(m_pulses
                ->submit(*m_tenant, m_roundId, QStringLiteral("m%1").arg(member),
                         {SubmittedAnswer{api::questionBank().at(0).id, 1 + member % 5}}, at)
                .isOk());
}

void TestAggregateCache::execute(const QString &sql)
{
    QSqlQuery query(m_fixture->connection());
    QVERIFY2(query.exec(sql), qPrintable(sql));
}

void TestAggregateCache::reloadsWhenAggregatedAtMoves()
{
    for (int i = 0; i < 6; ++i)
        answer(i, kOpens.addDays(1));
    QVERIFY(m_aggregator->aggregate(*m_tenant, m_roundId, 100, kCloses).isOk());
    AggregateCache cache;
    const auto first = cache.round(*m_tenant, m_fixture->connection(), m_roundId);
    QVERIFY(first.isOk());
    QCOMPARE(respondentsOf(*first.value().cells), qint64(6));

    // Cells spoiled behind the cache's back, the stamp unchanged: still
    // served from memory, so the cells were not read again.
    execute(QStringLiteral("UPDATE round_cells SET sums = X'00'"));
    const auto unchanged = cache.round(*m_tenant, m_fixture->connection(), m_roundId);
    QVERIFY(unchanged.isOk());
    QCOMPARE(unchanged.value().cells.get(), first.value().cells.get());
    // ...with the sums already made of them.
    QCOMPARE(unchanged.value().sums.get(), first.value().sums.get());

    // Another writer re-aggregates (a late answer): the stamp moves, the cache reloads.
    answer(6, kCloses.addDays(1));
    QVERIFY(m_aggregator->reaggregateFrom(*m_tenant, m_roundId, 100, kCloses.addDays(1)).isOk());
    const auto reloaded = cache.round(*m_tenant, m_fixture->connection(), m_roundId);
    QVERIFY(reloaded.isOk());
    QVERIFY(reloaded.value().cells.get() != first.value().cells.get());
    QVERIFY(reloaded.value().sums.get() != first.value().sums.get());
    QCOMPARE(respondentsOf(*reloaded.value().cells), qint64(7));
    // The earlier answer handed out is untouched.
    QCOMPARE(respondentsOf(*first.value().cells), qint64(6));

    // A stamp moved without a sound aggregation: the unreadable cells are an
    // error, not stale cells.
    execute(QStringLiteral("UPDATE round_cells SET sums = X'00'"));
    execute(QStringLiteral("UPDATE survey_rounds SET aggregated_at = aggregated_at + 5"));
    QCOMPARE(cache.round(*m_tenant, m_fixture->connection(), m_roundId).errorKind(),
             StoreErrorKind::Database);
}

void TestAggregateCache::otherTenantAndUnaggregatedAreNotFound()
{
    AggregateCache cache;
    QCOMPARE(cache.round(*m_tenant, m_fixture->connection(), m_roundId).errorKind(),
             StoreErrorKind::NotFound);
    answer(0, kOpens);
    QVERIFY(m_aggregator->aggregate(*m_tenant, m_roundId, 100, kCloses).isOk());
    QVERIFY(cache.round(*m_tenant, m_fixture->connection(), m_roundId).isOk());
    // Cached for the owner, still NotFound for another tenant.
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QCOMPARE(cache.round(other, m_fixture->connection(), m_roundId).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(cache.round(*m_tenant, m_fixture->connection(), QStringLiteral("no-such-round"))
                 .errorKind(),
             StoreErrorKind::NotFound);
}

void TestAggregateCache::concurrentReaders()
{
    for (int i = 0; i < 5; ++i)
        answer(i, kOpens.addDays(1));
    QVERIFY(m_aggregator->aggregate(*m_tenant, m_roundId, 100, kCloses).isOk());
    AggregateCache cache;
    std::atomic<int> failures{0};
    std::atomic<int> reads{0};
    std::atomic<bool> writing{true};
    std::vector<std::unique_ptr<QThread>> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back(QThread::create([&] {
            const QSqlDatabase connection = m_fixture->connection();
            const TenantScope scope = *m_tenant;
            // Every answer is one whole aggregation: 5 respondents, or more
            // once the writer's late answers are in.
            while (writing.load() || reads.load() < 400) {
                const auto cells = cache.round(scope, connection, m_roundId);
                if (!cells || respondentsOf(*cells.value().cells) < 5 ||
                    respondentsOf(*cells.value().cells) > 10)
                    ++failures;
                ++reads;
            }
        }));
        readers.back()->start();
    }
    // Meanwhile the round is re-aggregated with each late answer.
    for (int i = 5; i < 10; ++i) {
        answer(i, kCloses.addDays(i));
        QVERIFY(
            m_aggregator->reaggregateFrom(*m_tenant, m_roundId, 100, kCloses.addDays(i)).isOk());
        QTest::qWait(20);
    }
    writing = false;
    for (const auto &reader : readers)
        QVERIFY(reader->wait(60000));
    QCOMPARE(failures.load(), 0);
    QVERIFY(reads.load() >= 400);
    // The last aggregation is what every reader now sees.
    QCOMPARE(
        respondentsOf(*cache.round(*m_tenant, m_fixture->connection(), m_roundId).value().cells),
        qint64(10));
}

QTEST_GUILESS_MAIN(TestAggregateCache)
#include "tst_aggregatecache.moc"
