// ResponseLinkRepository against a real SQLite file: links issued for a
// round's targets and resolved by their hash alone, tokens never stored,
// unknown and malformed tokens, another tenant's round, the answered flag
// after a submission, and drafts sealed under the tenant key.

#include "api/questionbank.h"
#include "crypto/random.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
namespace api = engage::api;
namespace crypto = engage::server::crypto;

namespace {

const QDateTime kOpens = QDateTime(QDate(2025, 4, 7), QTime(0, 0), Qt::UTC);

RoundTarget target(const QString &memberId, const QString &language)
{
    RoundTarget made;
    made.memberId = memberId;
    made.groupId = QStringLiteral("g1");
    made.language = language;
    return made;
}

} // namespace

Q_DECLARE_METATYPE(engage::server::store::StoreErrorKind)

class TestResponseLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void issueAndResolve();
    void everyLinkOfATargetResolves();
    void unknownOrMalformed_data();
    void unknownOrMalformed();
    void anotherTenantsRound();
    void onlyTheRoundsTargets();
    void answeredAfterSubmit();
    void purgedMember();
    void draftRoundTrip();
    void draftBoundToItsTarget();

private:
    qint64 respondentId(const QString &memberId);
    qint64 linkRows();
    ResolvedLink resolved(const QString &memberId);

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<PulseRepository> m_pulses;
    std::unique_ptr<ResponseLinkRepository> m_links;
    std::optional<TenantScope> m_tenant;
    StoredRound m_round;
};

void TestResponseLinks::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_pulses = std::make_unique<PulseRepository>(m_fixture->connection(), m_fixture->keyring());
    m_links =
        std::make_unique<ResponseLinkRepository>(m_fixture->connection(), m_fixture->keyring());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    const auto survey =
        m_pulses->createSurvey(*m_tenant, SurveyKind::Pulse, QStringLiteral("Pulse"), 4, kOpens);
    QVERIFY(survey.isOk());
    StoredRound round;
    round.surveyId = survey.value().id;
    round.itemIds = QStringList{api::questionBank().at(0).id, api::questionBank().at(1).id};
    round.opensAt = kOpens;
    round.closesAt = kOpens.addDays(7);
    round.status = api::RoundStatus::Open;
    const auto created = m_pulses->createRound(*m_tenant, round, kOpens);
    QVERIFY(created.isOk());
    m_round = m_pulses->round(*m_tenant, created.value().id).value(); // with its seq
    QVERIFY(m_pulses
                ->addTargets(*m_tenant, m_round.id,
                             {target(QStringLiteral("m1"), QStringLiteral("ja")),
                              target(QStringLiteral("m2"), QStringLiteral("en"))})
                .isOk());
}

void TestResponseLinks::cleanup()
{
    m_links.reset();
    m_pulses.reset();
    m_fixture.reset();
}

qint64 TestResponseLinks::respondentId(const QString &memberId)
{
    QSqlQuery query(m_fixture->connection());
    query.prepare(QStringLiteral("SELECT id FROM respondents WHERE member_id = :member"));
    query.bindValue(QStringLiteral(":member"), memberId);
    if (!query.exec() || !query.next())
        qFatal("no respondent");
    return query.value(0).toLongLong();
}

qint64 TestResponseLinks::linkRows()
{
    QSqlQuery query(m_fixture->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM response_links")) || !query.next())
        qFatal("counting links");
    return query.value(0).toLongLong();
}

ResolvedLink TestResponseLinks::resolved(const QString &memberId)
{
    const auto issued = m_links->issue(*m_tenant, m_round.id, {respondentId(memberId)}, kOpens);
    if (!issued)
        qFatal("issue: %s", qPrintable(issued.error().message));
    const auto link = m_links->resolve(issued.value().constFirst().token);
    if (!link)
        qFatal("resolve: %s", qPrintable(link.error().message));
    return link.value();
}

void TestResponseLinks::issueAndResolve()
{
    const qint64 first = respondentId(QStringLiteral("m1"));
    const qint64 second = respondentId(QStringLiteral("m2"));
    const auto issued = m_links->issue(*m_tenant, m_round.id, {second, first}, kOpens);
    QVERIFY(issued.isOk());
    QCOMPARE(issued.value().size(), 2);
    QCOMPARE(issued.value().at(0).respondentId, second);
    QCOMPARE(issued.value().at(1).respondentId, first);
    QCOMPARE(issued.value().at(0).token.size(), 43);
    QVERIFY(issued.value().at(0).token != issued.value().at(1).token);

    const struct
    {
        qint64 respondent;
        QString member;
        QString language;
    } expected[] = {{second, QStringLiteral("m2"), QStringLiteral("en")},
                    {first, QStringLiteral("m1"), QStringLiteral("ja")}};
    for (int i = 0; i < 2; ++i) {
        const auto link = m_links->resolve(issued.value().at(i).token);
        QVERIFY(link.isOk());
        QCOMPARE(link.value().tenantId, m_tenant->tenantId());
        QCOMPARE(link.value().roundId, m_round.id);
        QCOMPARE(link.value().roundSeq, m_round.seq);
        QCOMPARE(link.value().respondentId, expected[i].respondent);
        QCOMPARE(link.value().memberId, expected[i].member);
        QCOMPARE(link.value().language, expected[i].language);
        QVERIFY(!link.value().answered);
    }

    // Only the hash is kept: no byte of the database holds a working link.
    QSqlQuery stored(m_fixture->connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT token_hash FROM response_links ORDER BY rowid")));
    QStringList hashes;
    while (stored.next())
        hashes.append(stored.value(0).toString());
    QCOMPARE(hashes, (QStringList{ResponseLinkRepository::tokenHash(issued.value().at(0).token),
                                  ResponseLinkRepository::tokenHash(issued.value().at(1).token)}));
    QCOMPARE(hashes.first().size(), 64);
    const QByteArray files = m_fixture->allFileBytes();
    for (const IssuedLink &link : issued.value())
        QVERIFY(!files.contains(link.token.toLatin1()));
}

void TestResponseLinks::everyLinkOfATargetResolves()
{
    const qint64 member = respondentId(QStringLiteral("m1"));
    const auto invitation = m_links->issue(*m_tenant, m_round.id, {member}, kOpens);
    const auto reminder = m_links->issue(*m_tenant, m_round.id, {member}, kOpens.addDays(3));
    QVERIFY(invitation.isOk() && reminder.isOk());
    QCOMPARE(m_links->resolve(invitation.value().first().token).value().respondentId, member);
    QCOMPARE(m_links->resolve(reminder.value().first().token).value().respondentId, member);
}

void TestResponseLinks::unknownOrMalformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("abc");
    QTest::newRow("never issued") << crypto::newToken();
    QTest::newRow("44 characters") << crypto::newToken() + QLatin1Char('A');
    QTest::newRow("padded") << crypto::newToken().left(42) + QLatin1Char('=');
    QTest::newRow("base64 not url") << crypto::newToken().left(42) + QLatin1Char('+');
    QTest::newRow("SQL") << QStringLiteral("' OR 1=1 --");
    QTest::newRow("non-ASCII") << QString(43, QChar(0x3042));
}

void TestResponseLinks::unknownOrMalformed()
{
    QFETCH(QString, token);
    QVERIFY(
        m_links->issue(*m_tenant, m_round.id, {respondentId(QStringLiteral("m1"))}, kOpens).isOk());
    QCOMPARE(m_links->resolve(token).errorKind(), StoreErrorKind::NotFound);
}

void TestResponseLinks::anotherTenantsRound()
{
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    const qint64 member = respondentId(QStringLiteral("m1"));
    QCOMPARE(m_links->issue(other, m_round.id, {member}, kOpens).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(linkRows(), qint64(0));
    // The stored hash of a real token is not a token either.
    const auto issued = m_links->issue(*m_tenant, m_round.id, {member}, kOpens);
    QVERIFY(issued.isOk());
    QCOMPARE(m_links->resolve(ResponseLinkRepository::tokenHash(issued.value().first().token))
                 .errorKind(),
             StoreErrorKind::NotFound);
}

void TestResponseLinks::onlyTheRoundsTargets()
{
    // A respondent of the tenant that this round was not delivered to: the
    // whole batch is refused, nothing is stored.
    StoredRound later = m_round;
    later.id.clear();
    later.number = 2;
    const auto second = m_pulses->createRound(*m_tenant, later, kOpens);
    QVERIFY(second.isOk());
    QVERIFY(m_pulses
                ->addTargets(*m_tenant, second.value().id,
                             {target(QStringLiteral("m3"), QStringLiteral("ja"))})
                .isOk());
    QCOMPARE(m_links
                 ->issue(*m_tenant, m_round.id,
                         {respondentId(QStringLiteral("m1")), respondentId(QStringLiteral("m3"))},
                         kOpens)
                 .errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(linkRows(), qint64(0));
}

void TestResponseLinks::answeredAfterSubmit()
{
    const auto issued = m_links->issue(
        *m_tenant, m_round.id,
        {respondentId(QStringLiteral("m1")), respondentId(QStringLiteral("m2"))}, kOpens);
    QVERIFY(issued.isOk());
    QVERIFY(m_pulses
                ->submit(*m_tenant, m_round.id, QStringLiteral("m1"),
                         {SubmittedAnswer{m_round.itemIds.first(), 4}}, kOpens.addDays(1))
                .isOk());
    QVERIFY(m_links->resolve(issued.value().at(0).token).value().answered);
    QVERIFY(!m_links->resolve(issued.value().at(1).token).value().answered);
}

void TestResponseLinks::purgedMember()
{
    const auto issued =
        m_links->issue(*m_tenant, m_round.id, {respondentId(QStringLiteral("m1"))}, kOpens);
    QVERIFY(issued.isOk());
    QVERIFY(m_pulses->forgetMember(*m_tenant, QStringLiteral("m1")).isOk());
    const auto link = m_links->resolve(issued.value().first().token);
    QVERIFY(link.isOk());
    QVERIFY(link.value().memberId.isEmpty());
}

void TestResponseLinks::draftRoundTrip()
{
    const ResolvedLink link = resolved(QStringLiteral("m1"));
    QCOMPARE(m_links->draft(link).errorKind(), StoreErrorKind::NotFound);
    const QByteArray first =
        QByteArrayLiteral(R"({"answers":[{"questionId":"q1","text":"secret-plaintext-42"}]})");
    QVERIFY(m_links->saveDraft(link, first, kOpens.addDays(1)).isOk());
    QCOMPARE(m_links->draft(link).value(), first);

    QSqlQuery stored(m_fixture->connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT answers_sealed, saved_at FROM response_drafts")));
    QVERIFY(stored.next());
    QVERIFY(!stored.value(0).toByteArray().contains("secret-plaintext-42"));
    QCOMPARE(stored.value(1).toLongLong(), kOpens.addDays(1).toMSecsSinceEpoch());
    stored.finish();
    QVERIFY(!m_fixture->allFileBytes().contains("secret-plaintext-42"));

    // A later save replaces it, a removal ends it.
    const QByteArray second = QByteArrayLiteral(R"({"answers":[],"final":false})");
    QVERIFY(m_links->saveDraft(link, second, kOpens.addDays(2)).isOk());
    QCOMPARE(m_links->draft(link).value(), second);
    QVERIFY(m_links->removeDraft(link).isOk());
    QCOMPARE(m_links->draft(link).errorKind(), StoreErrorKind::NotFound);
}

void TestResponseLinks::draftBoundToItsTarget()
{
    const ResolvedLink mine = resolved(QStringLiteral("m1"));
    const ResolvedLink theirs = resolved(QStringLiteral("m2"));
    QVERIFY(m_links->saveDraft(mine, QByteArrayLiteral("{\"a\":1}"), kOpens).isOk());
    QVERIFY(m_links->saveDraft(theirs, QByteArrayLiteral("{\"b\":2}"), kOpens).isOk());
    QCOMPARE(m_links->draft(theirs).value(), QByteArrayLiteral("{\"b\":2}"));
    // The sealed bytes of one target copied onto the other's row do not open.
    QSqlQuery copy(m_fixture->connection());
    copy.prepare(QStringLiteral(
        "UPDATE response_drafts SET answers_sealed = (SELECT answers_sealed FROM response_drafts "
        "WHERE respondent_id = :mine) WHERE respondent_id = :theirs"));
    copy.bindValue(QStringLiteral(":mine"), mine.respondentId);
    copy.bindValue(QStringLiteral(":theirs"), theirs.respondentId);
    QVERIFY(copy.exec());
    QCOMPARE(m_links->draft(theirs).errorKind(), StoreErrorKind::Crypto);
    QCOMPARE(m_links->draft(mine).value(), QByteArrayLiteral("{\"a\":1}"));
}

QTEST_GUILESS_MAIN(TestResponseLinks)
#include "tst_store_responselinks.moc"
