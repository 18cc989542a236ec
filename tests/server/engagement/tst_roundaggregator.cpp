// RoundAggregator over hand-built answers in three rounds, against a real
// SQLite file: cells and sums exactly as computed by hand, the 100-day
// validity window (99 days in, 101 out), respondents not targeted by a round
// counted in their latest response's cell, a late answer re-aggregating its
// round and the later one within the window, a member purge leaving the
// aggregates identical; and the time of a 20,000-respondent round.

#include "../store/storefixture.h"
#include "engagement/roundaggregator.h"
#include "store/memberpurge.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

using namespace engage::server;
using namespace engage::server::store;
using engagement::Cell;
using engagement::CellSums;
using engagement::RespondentAnswers;
using engagement::RoundAggregator;
namespace api = engage::api;

namespace {

const QDateTime kT3 = QDateTime(QDate(2024, 6, 30), QTime(0, 0), Qt::UTC);
constexpr int kValidity = 100;

QDateTime day(int offset)
{
    return kT3.addDays(offset);
}

// The first bank item of a factor.
int firstItem(api::Factor factor)
{
    for (const api::BankItem &item : api::questionBank()) {
        if (item.factor == factor)
            return item.index;
    }
    qFatal("no item of a factor");
}

const int E = firstItem(api::Factor::Engagement);
const int J = firstItem(api::Factor::Job);
const int G = firstItem(api::Factor::Growth);

QString itemId(int index)
{
    return api::questionBank().at(index).id;
}

RespondentAnswers answersOf(std::initializer_list<std::pair<int, int>> values)
{
    RespondentAnswers answers{};
    for (const auto &[index, value] : values)
        answers[std::size_t(index)] = qint8(value);
    return answers;
}

CellSums expected(qint64 targets, qint64 roundRespondents,
                  std::initializer_list<RespondentAnswers> respondents)
{
    CellSums sums;
    sums.targets = targets;
    sums.roundRespondents = roundRespondents;
    for (const RespondentAnswers &answers : respondents)
        sums.addRespondent(answers);
    return sums;
}

const Cell *findCell(const QList<Cell> &cells, const QString &group, const QString &grade)
{
    for (const Cell &cell : cells) {
        if (cell.groupId == group && cell.snapshot.value(QStringLiteral("grade")) == grade)
            return &cell;
    }
    return nullptr;
}

bool sameCells(const QList<Cell> &a, const QList<Cell> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].groupId != b[i].groupId || a[i].snapshot != b[i].snapshot ||
            a[i].sums != b[i].sums)
            return false;
    }
    return true;
}

} // namespace

class TestRoundAggregator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void threeRounds();
    void lateAnswerReaggregatesWithinWindow();
    void purgeLeavesAggregatesIdentical();
    void otherTenantIsNotFound();
    void twentyThousandRespondents();

private:
    QString member(const QString &name);
    QString round(int number, int opens, int closes, const QList<int> &items,
                  const QList<std::tuple<QString, QString, QString>> &targets);
    void submit(const QString &roundId, const QString &name, int at,
                std::initializer_list<std::pair<int, int>> values);
    QList<Cell> aggregate(const QString &roundId);
    qint64 aggregatedAt(const QString &roundId);
    // The three rounds below, each aggregated once.
    void buildThreeRounds();

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<PulseRepository> m_pulses;
    std::unique_ptr<RoundAggregator> m_aggregator;
    std::optional<TenantScope> m_tenant;
    QString m_surveyId;
    QHash<QString, QString> m_members; // name -> member id
    QString m_r1;
    QString m_r2;
    QString m_r3;
};

void TestRoundAggregator::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_pulses = std::make_unique<PulseRepository>(m_fixture->connection(), m_fixture->keyring());
    m_aggregator = std::make_unique<RoundAggregator>(m_fixture->connection(), m_fixture->keyring());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    const auto survey =
        m_pulses->createSurvey(*m_tenant, SurveyKind::Pulse, QStringLiteral("Pulse"), 4, day(-200));
    QVERIFY(survey.isOk());
    m_surveyId = survey.value().id;
    m_members.clear();
}

void TestRoundAggregator::cleanup()
{
    m_aggregator.reset();
    m_pulses.reset();
    m_fixture.reset();
}

QString TestRoundAggregator::member(const QString &name)
{
    if (!m_members.contains(name)) {
        const auto created =
            MemberRepository(m_fixture->connection(), m_fixture->keyring())
                .create(*m_tenant, testing::memberFields(name, name, QStringLiteral("E-") + name),
                        day(-300));
        if (!created)
            qFatal("member: %s", qPrintable(created.error().message));
        m_members.insert(name, created.value().member.id);
    }
    return m_members.value(name);
}

QString TestRoundAggregator::round(int number, int opens, int closes, const QList<int> &items,
                                   const QList<std::tuple<QString, QString, QString>> &targets)
{
    StoredRound round;
    round.surveyId = m_surveyId;
    round.number = number;
    for (const int index : items)
        round.itemIds.append(itemId(index));
    round.opensAt = day(opens);
    round.closesAt = day(closes);
    round.status = api::RoundStatus::Closed;
    const auto created = m_pulses->createRound(*m_tenant, round, day(opens));
    if (!created)
        qFatal("round: %s", qPrintable(created.error().message));
    QList<RoundTarget> rows;
    for (const auto &[name, group, grade] : targets) {
        RoundTarget target;
        target.memberId = member(name);
        target.groupId = group;
        target.snapshot.insert(QStringLiteral("grade"), grade);
        rows.append(target);
    }
    if (const StoreStatus added = m_pulses->addTargets(*m_tenant, created.value().id, rows); !added)
        qFatal("targets: %s", qPrintable(added.error().message));
    return created.value().id;
}

void TestRoundAggregator::submit(const QString &roundId, const QString &name, int at,
                                 std::initializer_list<std::pair<int, int>> values)
{
    QList<SubmittedAnswer> answers;
    for (const auto &[index, value] : values)
        answers.append(SubmittedAnswer{itemId(index), value});
    const auto submitted = m_pulses->submit(*m_tenant, roundId, member(name), answers, day(at));
    if (!submitted)
        qFatal("submit: %s", qPrintable(submitted.error().message));
}

QList<Cell> TestRoundAggregator::aggregate(const QString &roundId)
{
    const auto cells = m_aggregator->aggregate(*m_tenant, roundId, kValidity, day(10));
    if (!cells)
        qFatal("aggregate: %s", qPrintable(cells.error().message));
    return cells.value();
}

qint64 TestRoundAggregator::aggregatedAt(const QString &roundId)
{
    return m_pulses->round(*m_tenant, roundId).value().aggregatedAt;
}

void TestRoundAggregator::buildThreeRounds()
{
    const QString ga = QStringLiteral("ga");
    const QString g1 = QStringLiteral("G1");
    // Days before the third round's close (T3).
    m_r1 = round(1, -130, -95, {E, J, G},
                 {{QStringLiteral("A"), ga, g1},
                  {QStringLiteral("B"), ga, g1},
                  {QStringLiteral("C"), QStringLiteral("gc"), g1}});
    submit(m_r1, QStringLiteral("A"), -101, {{E, 5}, {J, 4}, {G, 5}});
    submit(m_r1, QStringLiteral("B"), -99, {{E, 3}, {J, 2}, {G, 4}});
    submit(m_r1, QStringLiteral("C"), -120, {{E, 1}});
    m_r2 = round(2, -60, -30, {J, G},
                 {{QStringLiteral("A"), ga, g1},
                  {QStringLiteral("E"), QStringLiteral("g2"), QStringLiteral("G3")},
                  {QStringLiteral("F"), ga, g1}});
    submit(m_r2, QStringLiteral("A"), -40, {{J, 1}});
    submit(m_r2, QStringLiteral("E"), -35, {{J, 3}});
    m_r3 = round(3, -20, 0, {E, J},
                 {{QStringLiteral("A"), ga, g1},
                  {QStringLiteral("B"), ga, g1},
                  {QStringLiteral("D"), QStringLiteral("gb"), QStringLiteral("G2")}});
    submit(m_r3, QStringLiteral("A"), -10, {{E, 2}});
    submit(m_r3, QStringLiteral("D"), -5, {{E, 4}});
}

void TestRoundAggregator::threeRounds()
{
    buildThreeRounds();
    const QString ga = QStringLiteral("ga");
    const QString g1 = QStringLiteral("G1");

    // R1, window (-195, -95]: its own three respondents.
    const QList<Cell> r1 = aggregate(m_r1);
    QCOMPARE(r1.size(), 2);
    QVERIFY(findCell(r1, ga, g1));
    QVERIFY(
        findCell(r1, ga, g1)->sums ==
        expected(2, 2, {answersOf({{E, 5}, {J, 4}, {G, 5}}), answersOf({{E, 3}, {J, 2}, {G, 4}})}));
    QVERIFY(findCell(r1, QStringLiteral("gc"), g1)->sums == expected(1, 1, {answersOf({{E, 1}})}));

    // R2, window (-130, -30]: A's answers merge, latest per item; B and C
    // were not asked but count in their R1 cells; F was asked and silent.
    const QList<Cell> r2 = aggregate(m_r2);
    QCOMPARE(r2.size(), 3);
    QVERIFY(
        findCell(r2, ga, g1)->sums ==
        expected(2, 1, {answersOf({{E, 5}, {J, 1}, {G, 5}}), answersOf({{E, 3}, {J, 2}, {G, 4}})}));
    QVERIFY(findCell(r2, QStringLiteral("g2"), QStringLiteral("G3"))->sums ==
            expected(1, 1, {answersOf({{J, 3}})}));
    QVERIFY(findCell(r2, QStringLiteral("gc"), g1)->sums == expected(0, 0, {answersOf({{E, 1}})}));

    // R3, window (-100, 0]: A's answers of day -101 are out (G), B's of
    // day -99 in; C's of day -120 gone; E not asked, counted in R2's cell.
    const QList<Cell> r3 = aggregate(m_r3);
    QCOMPARE(r3.size(), 3);
    const Cell *main = findCell(r3, ga, g1);
    QVERIFY(main);
    QVERIFY(main->sums ==
            expected(2, 1, {answersOf({{E, 2}, {J, 1}}), answersOf({{E, 3}, {J, 2}, {G, 4}})}));
    // The same by hand, for the window: G rests on B's 99-day-old 4 alone.
    QCOMPARE(main->sums.respondents, qint64(2));
    QCOMPARE(main->sums.items[std::size_t(G)].count, qint64(1));
    QCOMPARE(main->sums.items[std::size_t(G)].sum, qint64(3));
    QCOMPARE(main->sums.items[std::size_t(E)].count, qint64(2));
    QCOMPARE(main->sums.items[std::size_t(E)].sum, qint64(1 + 2));
    QCOMPARE(main->sums.items[std::size_t(J)].sum, qint64(0 + 1));
    QVERIFY(findCell(r3, QStringLiteral("gb"), QStringLiteral("G2"))->sums ==
            expected(1, 1, {answersOf({{E, 4}})}));
    QVERIFY(findCell(r3, QStringLiteral("g2"), QStringLiteral("G3"))->sums ==
            expected(0, 0, {answersOf({{J, 3}})}));
    QVERIFY(!findCell(r3, QStringLiteral("gc"), g1));

    // What is stored is what was returned, and the stamp says when.
    const auto stored = RoundAggregator::storedCells(*m_tenant, m_fixture->connection(), m_r3);
    QVERIFY(stored.isOk());
    QVERIFY(sameCells(stored.value(), r3));
    QCOMPARE(aggregatedAt(m_r3), day(10).toMSecsSinceEpoch());
    // Aggregating again moves the stamp even at the same moment.
    QVERIFY(sameCells(aggregate(m_r3), r3));
    QCOMPARE(aggregatedAt(m_r3), day(10).toMSecsSinceEpoch() + 1);
}

void TestRoundAggregator::lateAnswerReaggregatesWithinWindow()
{
    buildThreeRounds();
    // A fourth round closing past R2's window: a late answer to R2 does not reach it.
    const QString r4 = round(4, 50, 80, {E}, {});
    for (const QString &id : {m_r1, m_r2, m_r3, r4})
        aggregate(id);
    const qint64 r1Stamp = aggregatedAt(m_r1);
    const qint64 r4Stamp = aggregatedAt(r4);
    const QList<Cell> r3Before = aggregate(m_r3);

    // F answers R2 a day after R3 closed.
    submit(m_r2, QStringLiteral("F"), 1, {{J, 5}, {G, 2}});
    const auto ids = m_aggregator->reaggregateFrom(*m_tenant, m_r2, kValidity, day(20));
    QVERIFY(ids.isOk());
    QCOMPARE(ids.value(), (QStringList{m_r2, m_r3}));
    QCOMPARE(aggregatedAt(m_r1), r1Stamp);
    QCOMPARE(aggregatedAt(r4), r4Stamp);
    QCOMPARE(aggregatedAt(m_r3), day(20).toMSecsSinceEpoch());

    const QString ga = QStringLiteral("ga");
    const QString g1 = QStringLiteral("G1");
    const auto r2 = RoundAggregator::storedCells(*m_tenant, m_fixture->connection(), m_r2);
    QVERIFY(findCell(r2.value(), ga, g1)->sums ==
            expected(2, 2,
                     {answersOf({{E, 5}, {J, 1}, {G, 5}}), answersOf({{E, 3}, {J, 2}, {G, 4}}),
                      answersOf({{J, 5}, {G, 2}})}));
    // In R3, F was not asked: counted in the cell of the late R2 response.
    const auto r3 = RoundAggregator::storedCells(*m_tenant, m_fixture->connection(), m_r3);
    QVERIFY(!sameCells(r3.value(), r3Before));
    QVERIFY(findCell(r3.value(), ga, g1)->sums ==
            expected(2, 1,
                     {answersOf({{E, 2}, {J, 1}}), answersOf({{E, 3}, {J, 2}, {G, 4}}),
                      answersOf({{J, 5}, {G, 2}})}));
}

void TestRoundAggregator::purgeLeavesAggregatesIdentical()
{
    buildThreeRounds();
    QList<QList<Cell>> before;
    for (const QString &id : {m_r1, m_r2, m_r3})
        before.append(aggregate(id));

    MemberRepository members(m_fixture->connection(), m_fixture->keyring());
    for (const QString &name : {QStringLiteral("A"), QStringLiteral("B")}) {
        const auto stored = members.get(*m_tenant, m_members.value(name));
        QVERIFY(stored.isOk());
        QVERIFY(members.remove(*m_tenant, stored.value().member.id, stored.value().revision, day(1))
                    .isOk());
    }
    QCOMPARE(MemberPurge(m_fixture->connection(), m_fixture->keyring()).run(day(500)).value(), 2);
    QSqlQuery forgotten(m_fixture->connection());
    QVERIFY(
        forgotten.exec(QStringLiteral("SELECT COUNT(*) FROM round_targets t JOIN respondents p ON "
                                      "p.id = t.respondent_id WHERE p.member_id IS NULL")));
    QVERIFY(forgotten.next());
    QCOMPARE(forgotten.value(0).toInt(), 5); // A in three rounds, B in two

    const QStringList ids{m_r1, m_r2, m_r3};
    for (qsizetype i = 0; i < ids.size(); ++i)
        QVERIFY2(sameCells(aggregate(ids.at(i)), before.at(i)), qPrintable(ids.at(i)));
    // A late answer after the purge still re-aggregates the same way as before it.
    submit(m_r2, QStringLiteral("F"), 1, {{J, 5}});
    QVERIFY(m_aggregator->reaggregateFrom(*m_tenant, m_r2, kValidity, day(20)).isOk());
}

void TestRoundAggregator::otherTenantIsNotFound()
{
    buildThreeRounds();
    aggregate(m_r1);
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QCOMPARE(m_aggregator->aggregate(other, m_r1, kValidity, day(10)).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_aggregator->reaggregateFrom(other, m_r1, kValidity, day(10)).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(RoundAggregator::storedCells(other, m_fixture->connection(), m_r1).errorKind(),
             StoreErrorKind::NotFound);
    // Never aggregated: NotFound too.
    QCOMPARE(RoundAggregator::storedCells(*m_tenant, m_fixture->connection(), m_r2).errorKind(),
             StoreErrorKind::NotFound);
}

void TestRoundAggregator::twentyThousandRespondents()
{
    // Two four-weekly rounds of 16 items for 20,000 members in 40 groups:
    // the second round's window holds both, 640,000 answers.
    constexpr int kRespondents = 20000;
    const QStringList items = api::pulseItems(4, 1);
    QCOMPARE(items.size(), 16);
    QList<RoundTarget> targets;
    for (int i = 0; i < kRespondents; ++i) {
        RoundTarget target;
        target.memberId = QStringLiteral("member-%1").arg(i);
        target.groupId = QStringLiteral("group-%1").arg(i % 40);
        target.snapshot.insert(QStringLiteral("grade"), QStringLiteral("G%1").arg(i % 3));
        targets.append(target);
    }
    QStringList roundIds;
    QElapsedTimer writing;
    writing.start();
    for (int number = 1; number <= 2; ++number) {
        StoredRound round;
        round.surveyId = m_surveyId;
        round.number = number;
        round.itemIds = items;
        round.opensAt = day(-56 + 28 * (number - 1));
        round.closesAt = day(-42 + 28 * (number - 1));
        round.status = api::RoundStatus::Closed;
        const auto created = m_pulses->createRound(*m_tenant, round, round.opensAt);
        QVERIFY(created.isOk());
        QVERIFY(m_pulses->addTargets(*m_tenant, created.value().id, targets).isOk());
        QList<PulseRepository::BulkResponse> responses;
        for (int i = 0; i < kRespondents; ++i) {
            PulseRepository::BulkResponse response;
            response.respondentKey =
                m_pulses->respondentKey(*m_tenant, targets.at(i).memberId).value();
            response.submittedAt = round.opensAt.addSecs(i);
            for (int k = 0; k < items.size(); ++k)
                response.answers.append(SubmittedAnswer{items.at(k), 1 + (i + k) % 5});
            responses.append(response);
        }
        QVERIFY(m_pulses->submitMany(*m_tenant, created.value().id, responses).isOk());
        roundIds.append(created.value().id);
    }
    qInfo("wrote 2 rounds x 20,000 responses x 16 answers in %lld ms",
          qlonglong(writing.elapsed()));

    // What an answer costs on disk, the benchmark tenant's 7.7 million in
    // view: the tables and indexes that grow with answers, per answer, and
    // those that grow with members, once per tenant.
    const auto bytes = [this](const QString &names) {
        QSqlQuery query(m_fixture->connection());
        if (!query.exec(QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE name IN (") + names +
                        u')') ||
            !query.next())
            return -1.0;
        return query.value(0).toDouble();
    };
    const double perAnswer =
        bytes(QStringLiteral("'answers', 'responses', 'responses_round_respondent', "
                             "'round_targets'")) /
        (2.0 * kRespondents * items.size());
    const double perMember = bytes(QStringLiteral("'respondents', 'respondents_key', "
                                                  "'respondents_member', 'placements', "
                                                  "'placements_text'")) /
                             kRespondents;
    qInfo("on disk: %.1f bytes an answer, %.0f bytes a member", perAnswer, perMember);
    QVERIFY2(perAnswer > 0 && perAnswer <= 30, qPrintable(QString::number(perAnswer)));

    QElapsedTimer timer;
    timer.start();
    aggregate(roundIds.at(0));
    qInfo("aggregated 20,000 respondents x 16 items (320,000 answers in the window) in %lld ms",
          qlonglong(timer.restart()));
    const QList<Cell> cells = aggregate(roundIds.at(1));
    qInfo("aggregated 20,000 respondents x 16 items (640,000 answers in the window) in %lld ms",
          qlonglong(timer.elapsed()));
    QCOMPARE(cells.size(), 120); // 40 groups x 3 grades
    CellSums total;
    for (const Cell &cell : cells)
        total += cell.sums;
    QCOMPARE(total.targets, qint64(kRespondents));
    QCOMPARE(total.roundRespondents, qint64(kRespondents));
    QCOMPARE(total.respondents, qint64(kRespondents));
    for (const QString &item : items)
        QCOMPARE(total.items[std::size_t(api::bankItem(item)->index)].count, qint64(kRespondents));
}

QTEST_GUILESS_MAIN(TestRoundAggregator)
#include "tst_roundaggregator.moc"
