// Durability: a writer is killed with SIGKILL at random moments, a dozen
// times over the same database; every id it acknowledged (printed after its
// commit) is there afterwards, and SQLite's integrity check passes.

#include "store/personrepository.h"
#include "storefixture.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurviveSigkill();
};

void TestCrash::acknowledgedWritesSurviveSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString writer =
        qEnvironmentVariable("ENGAGE_BIN_DIR") + QStringLiteral("/store_crash_writer");
    QVERIFY2(QFile::exists(writer), qPrintable(writer));
    QStringList acknowledged;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    const int rounds = 12;
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.start(writer, {dir.path()});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        // Kill it at a random moment once it writes (sometimes before the
        // first write, right after the migration and tenant).
        const bool early = round % 4 == 3;
        if (!early)
            QVERIFY2(child.waitForReadyRead(30000), child.readAllStandardError().constData());
        QTest::qWait(int(random.bounded(early ? 50 : 400)));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        const QByteArray out = child.readAllStandardOutput();
        // Only whole lines count: a torn line was never fully acknowledged.
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            acknowledged.append(QString::fromLatin1(lines.at(i)));
        qInfo("round %d: %lld acknowledged so far", round, qlonglong(acknowledged.size()));
    }
    QVERIFY(acknowledged.size() > rounds);

    // What a restart sees.
    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = dir.filePath(QStringLiteral("engage.sqlite3"));
    Database database(location);
    QVERIFY(Migrator().migrate(database.connection()).isOk());
    {
        QSqlQuery check(database.connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }
    Keyring keyring(testing::testMasterKey());
    const auto tenant =
        TenantRepository(database.connection(), keyring).findBySlug(QStringLiteral("crash"));
    QVERIFY(tenant.isOk());
    const TenantScope scope(tenant.value().tenant.id);
    PersonRepository people(database.connection(), keyring);
    for (const QString &id : std::as_const(acknowledged)) {
        const auto person = people.get(scope, id);
        QVERIFY2(person.isOk(), qPrintable(QStringLiteral("acknowledged %1 is missing").arg(id)));
    }
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_store_crash.moc"
