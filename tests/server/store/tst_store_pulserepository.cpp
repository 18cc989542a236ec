// PulseRepository against a real SQLite file: surveys and rounds, targets
// snapshotted under respondent keys, submissions with every refusal,
// resubmission, lateness, bulk writes all or nothing, and a purged member's
// targets forgetting the member while the answers stay.

#include "api/questionbank.h"
#include "store/memberpurge.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace engage::server::store;
namespace api = engage::api;

namespace {

const QDateTime kOpens = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
const QDateTime kCloses = kOpens.addDays(14);

QString bankId(int index)
{
    return api::questionBank().at(index).id;
}

RoundTarget target(const QString &memberId, const QString &groupId, const QString &grade)
{
    RoundTarget made;
    made.memberId = memberId;
    made.groupId = groupId;
    made.snapshot.insert(QStringLiteral("grade"), grade);
    return made;
}

} // namespace

Q_DECLARE_METATYPE(engage::server::store::StoreErrorKind)

class TestPulseRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void surveysAndRounds();
    void targetsAreSnapshotted();
    void submitRefuses_data();
    void submitRefuses();
    void resubmitReplacesAnswers();
    void lateFlag();
    void respondentKeys();
    void submitManyIsAllOrNothing();
    void answersBySurveyAndWindow();
    void purgeForgetsMemberAndKeepsAnswers();

private:
    // A pulse survey of the tenant with one round asking bank items 0-3,
    // delivered to m1, m2 (group g1) and m3 (group g2).
    StoredRound createRound(const TenantScope &scope, int number = 1);
    qint64 count(const QString &sql, const QString &roundId);
    // The counts kept on the round, as round() and rounds() read them, equal
    // the rows they stand for.
    void checkCounts(const QString &roundId, qint64 targets, qint64 respondents);

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<PulseRepository> m_pulses;
    std::optional<TenantScope> m_tenant;
    QString m_surveyId;
};

void TestPulseRepository::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_pulses = std::make_unique<PulseRepository>(m_fixture->connection(), m_fixture->keyring());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    QVERIFY(!m_tenant->tenantId().isEmpty());
    const auto survey =
        m_pulses->createSurvey(*m_tenant, SurveyKind::Pulse, QStringLiteral("Pulse"), 4, kOpens);
    QVERIFY(survey.isOk());
    m_surveyId = survey.value().id;
}

void TestPulseRepository::cleanup()
{
    m_pulses.reset();
    m_fixture.reset();
}

StoredRound TestPulseRepository::createRound(const TenantScope &scope, int number)
{
    StoredRound round;
    round.surveyId = m_surveyId;
    round.number = number;
    round.itemIds = QStringList{bankId(0), bankId(1), bankId(2), bankId(3)};
    round.opensAt = kOpens.addDays(28 * (number - 1));
    round.closesAt = kCloses.addDays(28 * (number - 1));
    round.status = api::RoundStatus::Open;
    const auto created = m_pulses->createRound(scope, round, kOpens);
    if (!created)
        qFatal("createRound: %s", qPrintable(created.error().message));
    const StoreStatus added = m_pulses->addTargets(
        scope, created.value().id,
        {target(QStringLiteral("m1"), QStringLiteral("g1"), QStringLiteral("G1")),
         target(QStringLiteral("m2"), QStringLiteral("g1"), QStringLiteral("G2")),
         target(QStringLiteral("m3"), QStringLiteral("g2"), QStringLiteral("G1"))});
    if (!added)
        qFatal("addTargets: %s", qPrintable(added.error().message));
    return created.value();
}

qint64 TestPulseRepository::count(const QString &sql, const QString &roundId)
{
    QSqlQuery query(m_fixture->connection());
    query.prepare(sql);
    if (sql.contains(QLatin1String(":round")))
        query.bindValue(QStringLiteral(":round"), roundId);
    if (!query.exec() || !query.next())
        qFatal("count: %s", qPrintable(sql));
    return query.value(0).toLongLong();
}

void TestPulseRepository::checkCounts(const QString &roundId, qint64 targets, qint64 respondents)
{
    const QString ofRound =
        QStringLiteral(" FROM round_targets WHERE round_seq = (SELECT seq FROM survey_rounds "
                       "WHERE id = :round)");
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*)") + ofRound, roundId), targets);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(responded_at)") + ofRound, roundId), respondents);
    const auto read = m_pulses->round(*m_tenant, roundId);
    QVERIFY(read.isOk());
    QCOMPARE(read.value().targets, targets);
    QCOMPARE(read.value().respondents, respondents);
    const auto all = m_pulses->rounds(*m_tenant);
    QVERIFY(all.isOk());
    const auto listed = std::find_if(all.value().cbegin(), all.value().cend(),
                                     [&roundId](const StoredRound &r) { return r.id == roundId; });
    QVERIFY(listed != all.value().cend());
    QCOMPARE(listed->targets, targets);
    QCOMPARE(listed->respondents, respondents);
}

void TestPulseRepository::surveysAndRounds()
{
    const auto surveys = m_pulses->surveys(*m_tenant);
    QVERIFY(surveys.isOk());
    QCOMPARE(surveys.value().size(), 1);
    QCOMPARE(surveys.value().constFirst().name, QStringLiteral("Pulse"));
    QCOMPARE(surveys.value().constFirst().kind, SurveyKind::Pulse);
    QCOMPARE(surveys.value().constFirst().cadenceWeeks, 4);

    const StoredRound first = createRound(*m_tenant, 1);
    const StoredRound second = createRound(*m_tenant, 2);
    const auto read = m_pulses->round(*m_tenant, first.id);
    QVERIFY(read.isOk());
    QCOMPARE(read.value().itemIds, first.itemIds);
    QCOMPARE(read.value().closesAt, kCloses);
    QCOMPARE(read.value().status, api::RoundStatus::Open);
    QCOMPARE(read.value().targets, qint64(3));
    QCOMPARE(read.value().respondents, qint64(0));
    QCOMPARE(read.value().aggregatedAt, qint64(0));

    const auto all = m_pulses->rounds(*m_tenant);
    QVERIFY(all.isOk());
    QCOMPARE(all.value().size(), 2);
    QCOMPARE(all.value().at(0).id, second.id); // newest close first
    QCOMPARE(all.value().at(1).id, first.id);
    checkCounts(second.id, 3, 0);

    QVERIFY(m_pulses->setRoundStatus(*m_tenant, first.id, api::RoundStatus::Closed).isOk());
    QCOMPARE(m_pulses->round(*m_tenant, first.id).value().status, api::RoundStatus::Closed);

    // The same number again is a conflict.
    StoredRound again = first;
    again.id.clear();
    QCOMPARE(m_pulses->createRound(*m_tenant, again, kOpens).errorKind(), StoreErrorKind::Conflict);

    // Another tenant reaches none of it.
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QCOMPARE(m_pulses->round(other, first.id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(m_pulses->setRoundStatus(other, first.id, api::RoundStatus::Open).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_pulses->targets(other, first.id).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(m_pulses->rounds(other).value().isEmpty());
    QVERIFY(m_pulses->surveys(other).value().isEmpty());
    StoredRound foreign = first;
    foreign.id.clear();
    foreign.number = 9;
    QCOMPARE(m_pulses->createRound(other, foreign, kOpens).errorKind(), StoreErrorKind::NotFound);
}

void TestPulseRepository::targetsAreSnapshotted()
{
    const StoredRound round = createRound(*m_tenant);
    const auto targets = m_pulses->targets(*m_tenant, round.id);
    QVERIFY(targets.isOk());
    QCOMPARE(targets.value().size(), 3);
    QHash<QString, PulseRepository::TargetRow> byKey;
    for (const PulseRepository::TargetRow &row : targets.value())
        byKey.insert(row.respondentKey, row);
    const QString m2 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m2")).value();
    QVERIFY(byKey.contains(m2));
    QCOMPARE(byKey.value(m2).groupId, QStringLiteral("g1"));
    QCOMPARE(byKey.value(m2).snapshot.value(QStringLiteral("grade")), QStringLiteral("G2"));
    QVERIFY(!byKey.value(m2).responded);

    // A member already targeted refuses the whole batch.
    const StoreStatus again = m_pulses->addTargets(
        *m_tenant, round.id,
        {target(QStringLiteral("m4"), QString(), QStringLiteral("G1")),
         target(QStringLiteral("m1"), QStringLiteral("g1"), QStringLiteral("G1"))});
    QCOMPARE(again.errorKind(), StoreErrorKind::Conflict);
    checkCounts(round.id, 3, 0);
    // A second batch adds its size to the count.
    QVERIFY(m_pulses
                ->addTargets(*m_tenant, round.id,
                             {target(QStringLiteral("m4"), QString(), QStringLiteral("G1")),
                              target(QStringLiteral("m5"), QString(), QStringLiteral("G2"))})
                .isOk());
    checkCounts(round.id, 5, 0);
}

void TestPulseRepository::submitRefuses_data()
{
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("otherTenant");
    QTest::addColumn<StoreErrorKind>("expected");

    QTest::newRow("item not asked") << "m1" << bankId(10) << 3 << false << StoreErrorKind::Refused;
    QTest::newRow("unknown item") << "m1"
                                  << "no.such.item" << 3 << false << StoreErrorKind::Refused;
    QTest::newRow("value 0") << "m1" << bankId(0) << 0 << false << StoreErrorKind::Refused;
    QTest::newRow("value 6") << "m1" << bankId(0) << 6 << false << StoreErrorKind::Refused;
    QTest::newRow("member not targeted")
        << "m9" << bankId(0) << 3 << false << StoreErrorKind::NotFound;
    QTest::newRow("other tenant's round")
        << "m1" << bankId(0) << 3 << true << StoreErrorKind::NotFound;
}

void TestPulseRepository::submitRefuses()
{
    QFETCH(QString, memberId);
    QFETCH(QString, itemId);
    QFETCH(int, value);
    QFETCH(bool, otherTenant);
    QFETCH(StoreErrorKind, expected);

    const StoredRound round = createRound(*m_tenant);
    const TenantScope scope =
        otherTenant ? m_fixture->createTenant(QStringLiteral("other")) : *m_tenant;
    // A valid answer first: a refusal writes nothing of the response.
    const auto submitted =
        m_pulses->submit(scope, round.id, memberId,
                         {SubmittedAnswer{bankId(1), 4}, SubmittedAnswer{itemId, value}}, kOpens);
    QVERIFY(!submitted.isOk());
    QCOMPARE(submitted.errorKind(), expected);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM responses WHERE round_seq = "
                                  "(SELECT seq FROM survey_rounds WHERE id = :round)"),
                   round.id),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM answers"), round.id), qint64(0));
    QCOMPARE(m_pulses->round(*m_tenant, round.id).value().respondents, qint64(0));
}

void TestPulseRepository::resubmitReplacesAnswers()
{
    const StoredRound round = createRound(*m_tenant);
    const QDateTime first = kOpens.addDays(1);
    const auto submitted =
        m_pulses->submit(*m_tenant, round.id, QStringLiteral("m1"),
                         {SubmittedAnswer{bankId(0), 2}, SubmittedAnswer{bankId(1), 3}}, first);
    QVERIFY(submitted.isOk());
    QCOMPARE(submitted.value(), round.id);
    checkCounts(round.id, 3, 1);
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m1"),
                         {SubmittedAnswer{bankId(0), 5}, SubmittedAnswer{bankId(2), 1}},
                         first.addDays(2))
                .isOk());

    const auto answers = m_pulses->answers(*m_tenant, m_surveyId, 0, kCloses.toMSecsSinceEpoch());
    QVERIFY(answers.isOk());
    QCOMPARE(answers.value().size(), 3);
    QHash<int, StoredAnswer> byItem;
    for (const StoredAnswer &answer : answers.value())
        byItem.insert(answer.bankIndex, answer);
    QCOMPARE(byItem.value(0).value, 5); // replaced
    QCOMPARE(byItem.value(0).answeredAt, first.addDays(2).toMSecsSinceEpoch());
    QCOMPARE(byItem.value(1).value, 3); // kept
    QCOMPARE(byItem.value(1).answeredAt, first.toMSecsSinceEpoch());
    QCOMPARE(byItem.value(2).value, 1); // added
    QCOMPARE(byItem.value(0).roundId, round.id);
    QCOMPARE(byItem.value(0).respondentKey,
             m_pulses->respondentKey(*m_tenant, QStringLiteral("m1")).value());

    // One response; responded_at stays at the first submission.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM responses WHERE round_seq = "
                                  "(SELECT seq FROM survey_rounds WHERE id = :round)"),
                   round.id),
             qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT MAX(responded_at) FROM round_targets WHERE "
                                  "round_seq = (SELECT seq FROM survey_rounds WHERE id = :round)"),
                   round.id),
             first.toMSecsSinceEpoch());
    QCOMPARE(count(QStringLiteral("SELECT submitted_at FROM responses WHERE round_seq = "
                                  "(SELECT seq FROM survey_rounds WHERE id = :round)"),
                   round.id),
             first.addDays(2).toMSecsSinceEpoch());
    checkCounts(round.id, 3, 1); // the repeated submission counts no one again
}

void TestPulseRepository::lateFlag()
{
    const StoredRound round = createRound(*m_tenant);
    const QString lateSql = QStringLiteral(
        "SELECT r.late FROM responses r JOIN respondents p ON p.id = r.respondent_id "
        "WHERE r.round_seq = (SELECT seq FROM survey_rounds WHERE id = :round) AND "
        "p.respondent_key = ");
    const auto lateOf = [&](const QString &member) {
        return count(lateSql + u'\'' + m_pulses->respondentKey(*m_tenant, member).value() + u'\'',
                     round.id);
    };
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m1"), {SubmittedAnswer{bankId(0), 3}},
                         kCloses)
                .isOk());
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m2"), {SubmittedAnswer{bankId(0), 3}},
                         kCloses.addMSecs(1))
                .isOk());
    QCOMPARE(lateOf(QStringLiteral("m1")), qint64(0)); // at the close: in time
    QCOMPARE(lateOf(QStringLiteral("m2")), qint64(1));
    // A late change to an in-time response makes it late, and stays so.
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m1"), {SubmittedAnswer{bankId(1), 4}},
                         kCloses.addDays(3))
                .isOk());
    QCOMPARE(lateOf(QStringLiteral("m1")), qint64(1));
    // Late answers are dated at the round's close: they answer that round.
    const auto answers =
        m_pulses->answers(*m_tenant, m_surveyId, 0, kCloses.addDays(10).toMSecsSinceEpoch());
    QCOMPARE(answers.value().size(), 3);
    for (const StoredAnswer &answer : answers.value())
        QCOMPARE(answer.answeredAt, kCloses.toMSecsSinceEpoch());
}

void TestPulseRepository::respondentKeys()
{
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    const QString m1 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m1")).value();
    QCOMPARE(m_pulses->respondentKey(*m_tenant, QStringLiteral("m1")).value(), m1); // stable
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(m1).hasMatch());
    QVERIFY(m1 != QStringLiteral("m1"));
    QVERIFY(!m1.contains(QStringLiteral("m1")));
    QVERIFY(m_pulses->respondentKey(*m_tenant, QStringLiteral("m2")).value() != m1);
    QVERIFY(m_pulses->respondentKey(other, QStringLiteral("m1")).value() != m1);

    // The stored rows name the respondent only by key.
    const StoredRound round = createRound(*m_tenant);
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m1"), {SubmittedAnswer{bankId(0), 3}},
                         kOpens)
                .isOk());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM responses r JOIN respondents p ON "
                                  "p.id = r.respondent_id WHERE r.round_seq = (SELECT seq FROM "
                                  "survey_rounds WHERE id = :round) AND p.respondent_key = 'm1'"),
                   round.id),
             qint64(0));
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = "
                             "a.response_id JOIN respondents p ON p.id = r.respondent_id WHERE "
                             "p.respondent_key = '") +
                  m1 + u'\'',
              round.id),
        qint64(1));
}

void TestPulseRepository::submitManyIsAllOrNothing()
{
    const StoredRound round = createRound(*m_tenant);
    const QString m1 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m1")).value();
    const QString m2 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m2")).value();
    const QString m9 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m9")).value();
    const QList<SubmittedAnswer> answers{SubmittedAnswer{bankId(0), 4},
                                         SubmittedAnswer{bankId(3), 2}};
    // The last one was never targeted: nothing of the batch stays.
    QCOMPARE(m_pulses
                 ->submitMany(*m_tenant, round.id,
                              {{m1, kOpens, answers}, {m2, kOpens, answers}, {m9, kOpens, answers}})
                 .errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM answers"), round.id), qint64(0));
    checkCounts(round.id, 3, 0);

    // Inside the caller's transaction, rolled back with it.
    {
        Transaction transaction(m_fixture->connection());
        QVERIFY(
            m_pulses
                ->submitMany(*m_tenant, round.id, {{m1, kOpens, answers}, {m2, kOpens, answers}})
                .isOk());
        transaction.rollback();
    }
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM answers"), round.id), qint64(0));
    checkCounts(round.id, 3, 0);

    QVERIFY(
        m_pulses->submitMany(*m_tenant, round.id, {{m1, kOpens, answers}, {m2, kOpens, answers}})
            .isOk());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM answers"), round.id), qint64(4));
    checkCounts(round.id, 3, 2);
    // One who responded before and one who responds twice in the batch: one more.
    const QString m3 = m_pulses->respondentKey(*m_tenant, QStringLiteral("m3")).value();
    QVERIFY(m_pulses
                ->submitMany(*m_tenant, round.id,
                             {{m1, kOpens.addDays(1), answers},
                              {m3, kOpens, answers},
                              {m3, kOpens.addDays(1), answers}})
                .isOk());
    checkCounts(round.id, 3, 3);
    // Another tenant's round: NotFound.
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QCOMPARE(m_pulses->submitMany(other, round.id, {{m1, kOpens, answers}}).errorKind(),
             StoreErrorKind::NotFound);
}

void TestPulseRepository::answersBySurveyAndWindow()
{
    const StoredRound round = createRound(*m_tenant);
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m1"), {SubmittedAnswer{bankId(0), 3}},
                         kOpens.addDays(1))
                .isOk());
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, QStringLiteral("m2"), {SubmittedAnswer{bankId(1), 5}},
                         kOpens.addDays(2))
                .isOk());
    const qint64 day1 = kOpens.addDays(1).toMSecsSinceEpoch();
    const qint64 day2 = kOpens.addDays(2).toMSecsSinceEpoch();
    const auto both = m_pulses->answers(*m_tenant, m_surveyId, day1 - 1, day2);
    QCOMPARE(both.value().size(), 2);
    QCOMPARE(both.value().at(0).answeredAt, day1); // oldest first
    QCOMPARE(both.value().at(1).bankIndex, 1);
    QCOMPARE(both.value().at(1).value, 5);
    QCOMPARE(m_pulses->answers(*m_tenant, m_surveyId, day1, day2).value().size(), 1);
    QCOMPARE(m_pulses->answers(*m_tenant, m_surveyId, day1 - 1, day2 - 1).value().size(), 1);
    QVERIFY(
        m_pulses->answers(*m_tenant, QStringLiteral("another-survey"), 0, day2).value().isEmpty());
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QVERIFY(m_pulses->answers(other, m_surveyId, 0, day2).value().isEmpty());
}

void TestPulseRepository::purgeForgetsMemberAndKeepsAnswers()
{
    MemberRepository members(m_fixture->connection(), m_fixture->keyring());
    const auto member = members.create(
        *m_tenant,
        testing::memberFields(QStringLiteral("Sato"), QStringLiteral("Aki"), QStringLiteral("E-1")),
        kOpens);
    QVERIFY(member.isOk());
    const QString memberId = member.value().member.id;
    const StoredRound round = createRound(*m_tenant);
    QVERIFY(m_pulses
                ->addTargets(*m_tenant, round.id,
                             {target(memberId, QStringLiteral("g1"), QStringLiteral("G1"))})
                .isOk());
    QVERIFY(m_pulses
                ->submit(*m_tenant, round.id, memberId,
                         {SubmittedAnswer{bankId(0), 4}, SubmittedAnswer{bankId(1), 2}}, kOpens)
                .isOk());
    const QString key = m_pulses->respondentKey(*m_tenant, memberId).value();
    const QString byMember =
        QStringLiteral("SELECT COUNT(*) FROM round_targets t JOIN respondents p ON p.id = "
                       "t.respondent_id WHERE "
                       "t.round_seq = (SELECT seq FROM survey_rounds WHERE id = :round) "
                       "AND p.member_id = '") +
        memberId + u'\'';

    // Deleted but within retention: nothing is forgotten yet.
    QVERIFY(members.remove(*m_tenant, memberId, member.value().revision, kOpens).isOk());
    MemberPurge purge(m_fixture->connection(), m_fixture->keyring());
    QCOMPARE(purge.run(kOpens.addDays(10)).value(), 0);
    QCOMPARE(count(byMember, round.id), qint64(1));

    QCOMPARE(purge.run(kOpens.addDays(401)).value(), 1);
    QCOMPARE(count(byMember, round.id), qint64(0));
    checkCounts(round.id, 4, 1); // the purge changes no count
    // The target and its answers stay, under the same key; the others keep their members.
    const auto targets = m_pulses->targets(*m_tenant, round.id);
    QCOMPARE(targets.value().size(), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM round_targets t JOIN respondents p ON p.id "
                                  "= t.respondent_id WHERE "
                                  "t.round_seq = (SELECT seq FROM survey_rounds WHERE id = :round) "
                                  "AND p.member_id IS NULL"),
                   round.id),
             qint64(1));
    bool responded = false;
    for (const PulseRepository::TargetRow &row : targets.value())
        responded = responded || (row.respondentKey == key && row.responded);
    QVERIFY(responded);
    const auto answers = m_pulses->answers(*m_tenant, m_surveyId, 0, kCloses.toMSecsSinceEpoch());
    QCOMPARE(answers.value().size(), 2);
    for (const StoredAnswer &answer : answers.value())
        QCOMPARE(answer.respondentKey, key);

    // forgetMember alone, for a member of another tenant's id: nothing moves here.
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QVERIFY(m_pulses->forgetMember(other, QStringLiteral("m1")).isOk());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM round_targets t JOIN respondents p ON p.id "
                                  "= t.respondent_id WHERE "
                                  "t.round_seq = (SELECT seq FROM survey_rounds WHERE id = :round) "
                                  "AND p.member_id = 'm1'"),
                   round.id),
             qint64(1));
    QVERIFY(m_pulses->forgetMember(*m_tenant, QStringLiteral("m1")).isOk());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM round_targets t JOIN respondents p ON p.id "
                                  "= t.respondent_id WHERE "
                                  "t.round_seq = (SELECT seq FROM survey_rounds WHERE id = :round) "
                                  "AND p.member_id IS NULL"),
                   round.id),
             qint64(2));
}

QTEST_GUILESS_MAIN(TestPulseRepository)
#include "tst_store_pulserepository.moc"
