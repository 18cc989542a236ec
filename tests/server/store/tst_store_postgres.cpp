// The store on PostgreSQL (QPSQL): the same migrations through the dialect
// step, and the repositories on top. Runs when ENGAGE_TEST_POSTGRES_URL names
// a server where the user may create databases
// (postgres://USER@127.0.0.1:PORT/postgres); skipped otherwise.

#include "store/personrepository.h"
#include "store/sessionrepository.h"
#include "storefixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace engage::server::store;

class TestPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void migrationsAndRepositories();

private:
    QUrl m_adminUrl;
    QString m_databaseName;
};

namespace {

bool adminExec(const QUrl &url, const QString &sql, QString *error)
{
    Database admin(*DatabaseLocation::parse(url.toString(), QString(), error));
    QSqlDatabase connection = admin.connection(error);
    if (!connection.isOpen())
        return false;
    QSqlQuery query(connection);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace

void TestPostgres::initTestCase()
{
    const QString url = qEnvironmentVariable("ENGAGE_TEST_POSTGRES_URL");
    if (url.isEmpty())
        QSKIP("ENGAGE_TEST_POSTGRES_URL is not set");
    m_adminUrl = QUrl(url);
    m_databaseName =
        QStringLiteral("engage_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QString error;
    QVERIFY2(adminExec(m_adminUrl, QStringLiteral("CREATE DATABASE ") + m_databaseName, &error),
             qPrintable(error));
}

void TestPostgres::cleanupTestCase()
{
    if (m_databaseName.isEmpty())
        return;
    QString error;
    if (!adminExec(m_adminUrl, QStringLiteral("DROP DATABASE ") + m_databaseName, &error))
        qWarning("could not drop %s: %s", qPrintable(m_databaseName), qPrintable(error));
}

void TestPostgres::migrationsAndRepositories()
{
    QUrl url = m_adminUrl;
    url.setPath(u'/' + m_databaseName);
    QString error;
    Database database(*DatabaseLocation::parse(url.toString(), QString(), &error));
    QVERIFY2(database.connection(&error).isOpen(), qPrintable(error));

    const auto migrated = Migrator().migrate(database.connection());
    QVERIFY2(migrated.isOk(), qPrintable(migrated.isOk() ? QString() : migrated.error().message));
    QCOMPARE(migrated.value(), Migrator().latestVersion());
    QCOMPARE(Migrator().migrate(database.connection()).value(), Migrator().latestVersion());

    Keyring keyring(testing::testMasterKey());
    TenantRepository tenants(database.connection(), keyring);
    NewTenant a;
    a.slug = QStringLiteral("pg-a");
    a.name = QStringLiteral("A");
    const auto tenantA = tenants.create(a);
    QVERIFY2(tenantA.isOk(), qPrintable(tenantA.isOk() ? QString() : tenantA.error().message));
    a.slug = QStringLiteral("pg-b");
    const auto tenantB = tenants.create(a);
    QVERIFY(tenantB.isOk());
    a.slug = QStringLiteral("pg-a");
    QCOMPARE(tenants.create(a).errorKind(), StoreErrorKind::SlugTaken);
    const TenantScope scopeA(tenantA.value().tenant.id);
    const TenantScope scopeB(tenantB.value().tenant.id);

    PersonRepository people(database.connection(), keyring);
    NewPerson person;
    person.email = QStringLiteral("hanako@example.jp");
    person.displayName = QStringLiteral("佐藤 花子");
    person.passwordHash = QStringLiteral("x");
    const auto created = people.create(scopeA, person);
    QVERIFY2(created.isOk(), qPrintable(created.isOk() ? QString() : created.error().message));
    QCOMPARE(people.create(scopeA, person).errorKind(), StoreErrorKind::EmailTaken);
    const auto found = people.findByEmail(scopeA, QStringLiteral("HANAKO@example.jp"));
    QVERIFY(found.isOk());
    QCOMPARE(found.value().person, created.value().person);
    QCOMPARE(people.get(scopeB, created.value().person.id).errorKind(), StoreErrorKind::NotFound);
    PersonChanges changes;
    changes.displayName = QStringLiteral("佐藤 はなこ");
    QVERIFY(people.update(scopeA, created.value().person.id, 1, changes).isOk());
    QCOMPARE(people.update(scopeA, created.value().person.id, 1, changes).errorKind(),
             StoreErrorKind::Conflict);
    QCOMPARE(people.list(scopeA, std::nullopt, 10).value().items.size(), 1);

    SessionRepository sessions(database.connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto issued = sessions.createFamily(scopeA, created.value().person.id, now);
    QVERIFY(issued.isOk());
    const auto rotated = sessions.rotate(scopeA, issued.value().refreshToken, now);
    QVERIFY(rotated.isOk());
    QCOMPARE(sessions.rotate(scopeA, issued.value().refreshToken, now).errorKind(),
             StoreErrorKind::Reused);
    QCOMPARE(sessions.findToken(rotated.value().accessToken, TokenKind::Access, now).errorKind(),
             StoreErrorKind::NotFound);

    // Identity columns: the log's sequence is the database's.
    QSqlQuery seq(database.connection());
    QVERIFY(seq.exec(QStringLiteral("SELECT COUNT(*), MIN(seq) FROM operation_log")));
    QVERIFY(seq.next());
    QCOMPARE(seq.value(0).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_store_postgres.moc"
