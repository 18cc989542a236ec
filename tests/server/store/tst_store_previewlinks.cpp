// PreviewLinkRepository against a real SQLite file: a link to a survey
// issued and resolved by its hash alone, the token never stored, its expiry,
// a deleted survey, another tenant's survey, another language, expired links
// removed, and unknown, malformed and hostile tokens.

#include "crypto/random.h"
#include "store/previewlinkrepository.h"
#include "store/surveyrepository.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
namespace api = engage::api;
namespace crypto = engage::server::crypto;

namespace {

const QDateTime kNow = QDateTime(QDate(2030, 3, 1), QTime(9, 0), Qt::UTC);

api::SurveyDefinition pulseDefinition()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Pulse;
    definition.name = api::LocalizedText{QStringLiteral("パルス"), QStringLiteral("Pulse")};
    definition.delivery.startDate = QDate(2030, 4, 1);
    return definition;
}

} // namespace

Q_DECLARE_METATYPE(engage::server::store::StoreErrorKind)

class TestPreviewLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createAndResolve();
    void everyLinkIsNew();
    void expires();
    void expiredLinksGoWhenOneIsIssued();
    void deletedSurvey();
    void anotherTenantsSurvey();
    void anotherLanguage();
    void unknownMalformedOrHostile_data();
    void unknownMalformedOrHostile();

private:
    qint64 linkRows();
    QString issue(const QString &language = QStringLiteral("ja"), const QDateTime &at = kNow);

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<PreviewLinkRepository> m_links;
    std::optional<TenantScope> m_tenant;
    api::Survey m_survey;
};

void TestPreviewLinks::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_links = std::make_unique<PreviewLinkRepository>(m_fixture->connection());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    const auto survey = SurveyRepository(m_fixture->connection(), m_fixture->keyring())
                            .create(*m_tenant, pulseDefinition(), kNow);
    QVERIFY(survey.isOk());
    m_survey = survey.value();
}

void TestPreviewLinks::cleanup()
{
    m_links.reset();
    m_fixture.reset();
}

qint64 TestPreviewLinks::linkRows()
{
    QSqlQuery query(m_fixture->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM preview_links")) || !query.next())
        qFatal("counting preview links");
    return query.value(0).toLongLong();
}

QString TestPreviewLinks::issue(const QString &language, const QDateTime &at)
{
    const auto token = m_links->create(*m_tenant, m_survey.id, language, at);
    if (!token)
        qFatal("create: %s", qPrintable(token.error().message));
    return token.value();
}

void TestPreviewLinks::createAndResolve()
{
    const QString token = issue(QStringLiteral("en"));
    QVERIFY(crypto::isTokenShaped(token));
    const auto preview = m_links->resolve(token, kNow.addSecs(60));
    QVERIFY(preview.isOk());
    QCOMPARE(preview.value().tenantId, m_tenant->tenantId());
    QCOMPARE(preview.value().surveyId, m_survey.id);
    QCOMPARE(preview.value().language, QStringLiteral("en"));
    QCOMPARE(preview.value().expiresAt, kNow.addDays(PreviewLinkRepository::kValidDays));

    // Only the hash is kept: no byte of the database holds a working link.
    QSqlQuery stored(m_fixture->connection());
    QVERIFY(stored.exec(QStringLiteral("SELECT token_hash FROM preview_links")));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toString(), crypto::tokenHash(token));
    QVERIFY(!stored.next());
    QVERIFY(!m_fixture->allFileBytes().contains(token.toLatin1()));
}

void TestPreviewLinks::everyLinkIsNew()
{
    const QString first = issue();
    const QString second = issue(QStringLiteral("en"));
    QVERIFY(first != second);
    QCOMPARE(m_links->resolve(first, kNow).value().language, QStringLiteral("ja"));
    QCOMPARE(m_links->resolve(second, kNow).value().language, QStringLiteral("en"));
    QCOMPARE(linkRows(), 2);
}

void TestPreviewLinks::expires()
{
    const QString token = issue();
    const QDateTime end = kNow.addDays(PreviewLinkRepository::kValidDays);
    QVERIFY(m_links->resolve(token, end.addMSecs(-1)).isOk());
    QCOMPARE(m_links->resolve(token, end).errorKind(), StoreErrorKind::Expired);
    QCOMPARE(m_links->resolve(token, end.addYears(1)).errorKind(), StoreErrorKind::Expired);
}

void TestPreviewLinks::expiredLinksGoWhenOneIsIssued()
{
    const QString old = issue();
    const QString recent = issue(QStringLiteral("ja"), kNow.addDays(3));
    QCOMPARE(linkRows(), 2);
    const QDateTime later = kNow.addDays(PreviewLinkRepository::kValidDays + 1);
    const QString newest = issue(QStringLiteral("ja"), later);
    QCOMPARE(linkRows(), 2);
    QCOMPARE(m_links->resolve(old, kNow).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(m_links->resolve(recent, later).isOk());
    QVERIFY(m_links->resolve(newest, later).isOk());

    // Another tenant's expired links are its own to remove.
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    const auto survey = SurveyRepository(m_fixture->connection(), m_fixture->keyring())
                            .create(other, pulseDefinition(), kNow);
    QVERIFY(survey.isOk());
    QVERIFY(m_links->create(other, survey.value().id, QStringLiteral("ja"), later.addYears(1)));
    QCOMPARE(linkRows(), 3);
}

void TestPreviewLinks::deletedSurvey()
{
    const QString token = issue();
    QVERIFY(SurveyRepository(m_fixture->connection(), m_fixture->keyring())
                .remove(*m_tenant, m_survey.id, m_survey.revision, kNow.addSecs(1)));
    QCOMPARE(m_links->resolve(token, kNow.addSecs(2)).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(m_links->create(*m_tenant, m_survey.id, QStringLiteral("ja"), kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(linkRows(), 1);
}

void TestPreviewLinks::anotherTenantsSurvey()
{
    const TenantScope other = m_fixture->createTenant(QStringLiteral("other"));
    QCOMPARE(m_links->create(other, m_survey.id, QStringLiteral("ja"), kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(
        m_links->create(*m_tenant, QStringLiteral("no-such-survey"), QStringLiteral("ja"), kNow)
            .errorKind(),
        StoreErrorKind::NotFound);
    QCOMPARE(linkRows(), 0);
}

void TestPreviewLinks::anotherLanguage()
{
    for (const QString &language :
         {QStringLiteral("fr"), QString(), QStringLiteral("JA"), QStringLiteral("ja'--")})
        QCOMPARE(m_links->create(*m_tenant, m_survey.id, language, kNow).errorKind(),
                 StoreErrorKind::Refused);
    QCOMPARE(linkRows(), 0);
}

void TestPreviewLinks::unknownMalformedOrHostile_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("sameShape"); // of what newToken() makes
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("short") << QStringLiteral("abc") << false;
    QTest::newRow("never issued") << crypto::newToken() << true;
    QTest::newRow("44 characters") << crypto::newToken() + QLatin1Char('A') << false;
    QTest::newRow("padded") << crypto::newToken().left(42) + QLatin1Char('=') << false;
    QTest::newRow("base64 not url") << crypto::newToken().left(42) + QLatin1Char('+') << false;
    QTest::newRow("a trailing new line") << crypto::newToken() + QLatin1Char('\n') << false;
    QTest::newRow("SQL") << QStringLiteral("' OR 1=1 --") << false;
    QTest::newRow("SQL of a token's length")
        << QStringLiteral("x' OR token_hash LIKE '%' --").leftJustified(43, u'-') << false;
    QTest::newRow("a LIKE pattern") << QString(43, u'%') << false;
    QTest::newRow("non-ASCII") << QString(43, QChar(0x3042)) << false;
    QTest::newRow("a NUL") << QString(42, u'A') + QChar(0) << false;
}

void TestPreviewLinks::unknownMalformedOrHostile()
{
    QFETCH(QString, token);
    QFETCH(bool, sameShape);
    const QString issued = issue();
    QCOMPARE(crypto::isTokenShaped(token), sameShape);
    QCOMPARE(m_links->resolve(token, kNow).errorKind(), StoreErrorKind::NotFound);
    // What the database holds is no token either, nor the token with its
    // letters' case turned (base64url tells them apart).
    QString flipped = issued;
    for (QChar &c : flipped)
        c = c.isUpper() ? c.toLower() : c.toUpper();
    QCOMPARE(m_links->resolve(crypto::tokenHash(issued), kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_links->resolve(flipped, kNow).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(m_links->resolve(issued, kNow).isOk());
}

QTEST_GUILESS_MAIN(TestPreviewLinks)
#include "tst_store_previewlinks.moc"
