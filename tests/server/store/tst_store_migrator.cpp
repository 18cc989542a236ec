// Migrations: a fresh database reaches the latest version, a second run
// changes nothing, a database from a newer release is refused, a failing step
// leaves the previous version, and the PostgreSQL dialect step.

#include "store/dialect.h"
#include "store/migrator.h"
#include "storefixture.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace engage::server::store;

class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embeddedMigrationsAreOrdered();
    void freshDatabase();
    void secondRunChangesNothing();
    void newerDatabaseIsRefused();
    void failingStepRollsBack();
    void postgresDialect();
    void splitStatements();
};

namespace {

int count(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

void TestMigrator::embeddedMigrationsAreOrdered()
{
    const Migrator migrator;
    QVERIFY(migrator.migrations().size() >= 2);
    for (qsizetype i = 0; i < migrator.migrations().size(); ++i)
        QCOMPARE(migrator.migrations().at(i).version, int(i + 1));
    QCOMPARE(migrator.latestVersion(), int(migrator.migrations().size()));
}

void TestMigrator::freshDatabase()
{
    QTemporaryDir dir;
    DatabaseLocation location{QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("a.db")), {}};
    Database database(location);
    const Migrator migrator;
    const auto result = migrator.migrate(database.connection());
    QVERIFY2(result.isOk(), qPrintable(result.isOk() ? QString() : result.error().message));
    QCOMPARE(result.value(), migrator.latestVersion());
    QCOMPARE(count(database.connection(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
             migrator.latestVersion());
    for (const char *table :
         {"tenants", "tenant_keys", "people", "session_families", "session_tokens",
          "idempotency_keys", "access_log", "operation_log", "demo_credentials"}) {
        QVERIFY2(count(database.connection(),
                       QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)) == 0,
                 table);
    }
}

void TestMigrator::secondRunChangesNothing()
{
    QTemporaryDir dir;
    DatabaseLocation location{QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("a.db")), {}};
    Database database(location);
    QVERIFY(Migrator().migrate(database.connection()).isOk());
    const int rows =
        count(database.connection(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    const auto again = Migrator().migrate(database.connection());
    QVERIFY(again.isOk());
    QCOMPARE(again.value(), Migrator().latestVersion());
    QCOMPARE(count(database.connection(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")),
             rows);
}

void TestMigrator::newerDatabaseIsRefused()
{
    QTemporaryDir dir;
    DatabaseLocation location{QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("a.db")), {}};
    Database database(location);
    QVERIFY(Migrator().migrate(database.connection()).isOk());
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(
        QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)")));
    const auto result = Migrator().migrate(database.connection());
    QVERIFY(!result.isOk());
    QCOMPARE(result.errorKind(), StoreErrorKind::TooNew);
    QVERIFY(result.error().message.contains(QLatin1String("9999")));
}

void TestMigrator::failingStepRollsBack()
{
    QTemporaryDir dir;
    DatabaseLocation location{QStringLiteral("QSQLITE"), dir.filePath(QStringLiteral("a.db")), {}};
    Database database(location);
    const Migrator broken({
        {1, QStringLiteral("one"), QStringLiteral("CREATE TABLE one (id TEXT PRIMARY KEY);")},
        {2, QStringLiteral("two"), QStringLiteral("CREATE TABLE two (id TEXT);\nTHIS IS NOT SQL;")},
    });
    const auto result = broken.migrate(database.connection());
    QVERIFY(!result.isOk());
    QCOMPARE(result.errorKind(), StoreErrorKind::Database);
    QCOMPARE(broken.currentVersion(database.connection()).value(), 1);
    // Step two's first statement went with its failed transaction.
    QSqlQuery query(database.connection());
    QVERIFY(!query.exec(QStringLiteral("SELECT COUNT(*) FROM two")));
}

void TestMigrator::postgresDialect()
{
    const QString sql = QStringLiteral(
        "CREATE TABLE t (seq INTEGER PRIMARY KEY, data BLOB NOT NULL, blobby TEXT);\n"
        "CREATE TABLE w (a INTEGER, b INTEGER, PRIMARY KEY (a, b)) without  rowid;");
    QCOMPARE(translateSchema(sql, SqlDialect::Sqlite), sql);
    QCOMPARE(translateSchema(sql, SqlDialect::PostgreSql),
             QStringLiteral("CREATE TABLE t (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                            "data BYTEA NOT NULL, blobby TEXT);\n"
                            "CREATE TABLE w (a INTEGER, b INTEGER, PRIMARY KEY (a, b));"));
    // The shipped schema has nothing SQLite-only left after the mapping.
    const Migrator shipped;
    for (const Migration &migration : shipped.migrations()) {
        const QString pg = translateSchema(migration.sql, SqlDialect::PostgreSql);
        QVERIFY(!pg.contains(QLatin1String("BLOB")));
        QVERIFY(!pg.contains(QLatin1String("AUTOINCREMENT"), Qt::CaseInsensitive));
        QVERIFY(!pg.contains(QLatin1String("INTEGER PRIMARY KEY")));
        QVERIFY(!pg.contains(QLatin1String("PRAGMA"), Qt::CaseInsensitive));
        static const QRegularExpression withoutRowid(QStringLiteral("\\)\\s*WITHOUT\\s+ROWID"),
                                                     QRegularExpression::CaseInsensitiveOption);
        QVERIFY(!pg.contains(withoutRowid));
    }
}

void TestMigrator::splitStatements()
{
    const QStringList statements = engage::server::store::splitStatements(QStringLiteral(
        "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b'); -- 'quoted'\n"
        "CREATE INDEX i ON a (x);\n\n"));
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (x TEXT DEFAULT 'a;b')"));
    QCOMPARE(statements.at(1), QStringLiteral("CREATE INDEX i ON a (x)"));
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_store_migrator.moc"
