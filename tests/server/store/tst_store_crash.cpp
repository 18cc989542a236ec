// Durability: a writer is killed with SIGKILL at random moments, a dozen
// times over the same database; every id it acknowledged (printed after its
// commit) is there afterwards, and SQLite's integrity check passes. Member
// writes in import-sized transactions are all there or not at all, and the
// member index rebuilt after the restart agrees with the store. Pulse
// responses written by submitMany are a whole round's or none, and a round's
// cells are there exactly when its aggregation was stamped.

#include "engagement/roundaggregator.h"
#include "store/memberindex.h"
#include "store/memberrepository.h"
#include "store/personrepository.h"
#include "store/pulserepository.h"
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
    void memberBatchesAreAllOrNothing();
    void pulseBatchesAreAllOrNothing();

private:
    // Runs the writer `rounds` times over `dir`, killing it at a random moment
    // (sometimes before its first write); the whole lines it printed.
    static QStringList killRepeatedly(const QString &dir, const QStringList &arguments, int rounds,
                                      int maxDelayMs);
};

QStringList TestCrash::killRepeatedly(const QString &dir, const QStringList &arguments, int rounds,
                                      int maxDelayMs)
{
    const QString writer =
        qEnvironmentVariable("ENGAGE_BIN_DIR") + QStringLiteral("/store_crash_writer");
    if (!QFile::exists(writer))
        qFatal("no writer at %s", qPrintable(writer));
    QStringList acknowledged;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.start(writer, QStringList{dir} + arguments);
        if (!child.waitForStarted())
            qFatal("cannot start the writer: %s", qPrintable(child.errorString()));
        // Kill it at a random moment once it writes (sometimes before the
        // first write, right after the migration and tenant).
        const bool early = round % 4 == 3;
        if (!early)
            child.waitForReadyRead(30000);
        QTest::qWait(int(random.bounded(early ? 50 : maxDelayMs)));
        child.kill(); // SIGKILL
        child.waitForFinished(10000);
        const QByteArray out = child.readAllStandardOutput();
        // Only whole lines count: a torn line was never fully acknowledged.
        const QList<QByteArray> lines = out.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            acknowledged.append(QString::fromLatin1(lines.at(i)));
        qInfo("round %d: %lld acknowledged so far", round, qlonglong(acknowledged.size()));
    }
    return acknowledged;
}

void TestCrash::acknowledgedWritesSurviveSigkill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const int rounds = 12;
    const QStringList acknowledged = killRepeatedly(dir.path(), {}, rounds, 400);
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

void TestCrash::memberBatchesAreAllOrNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A batch of 1,000 takes long enough that most kills land inside one.
    const QStringList acknowledged =
        killRepeatedly(dir.path(), {QStringLiteral("members")}, 8, 3000);
    QVERIFY(!acknowledged.isEmpty());

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
    MemberRepository members(database.connection(), keyring);
    const auto all = members.all(scope);
    QVERIFY(all.isOk());
    // Whole batches only, every acknowledged one among them.
    QHash<QString, int> batches;
    for (const StoredMember &member : all.value())
        ++batches[member.member.fields.employeeCode->section(u'-', 0, 0)];
    for (auto it = batches.cbegin(); it != batches.cend(); ++it)
        QVERIFY2(it.value() == 1000,
                 qPrintable(QStringLiteral("%1: %2").arg(it.key()).arg(it.value())));
    for (const QString &batch : acknowledged)
        QVERIFY2(batches.contains(batch), qPrintable(batch));
    qInfo("%lld batches committed, %lld acknowledged", qlonglong(batches.size()),
          qlonglong(acknowledged.size()));
    // The counter moved once per member that exists.
    QCOMPARE(members.changeCounter(scope).value(), qint64(all.value().size()));

    // The index a restarted service builds lists exactly those members.
    MemberIndex index(keyring);
    engage::api::MemberQuery query;
    query.limit = engage::api::kMemberPageMax;
    QSet<QString> listed;
    for (;;) {
        const auto page = index.page(scope, database.connection(), query, std::nullopt);
        QVERIFY(page.isOk());
        QCOMPARE(page.value().total, qint64(all.value().size()));
        for (const QString &id : page.value().ids)
            listed.insert(id);
        if (!page.value().nextCursor)
            break;
        query.cursor = page.value().nextCursor;
    }
    QCOMPARE(listed.size(), all.value().size());
    for (const QString &batch : batches.keys()) {
        engage::api::MemberQuery search;
        search.search = batch + u'-';
        search.limit = 1;
        QCOMPARE(index.page(scope, database.connection(), search, std::nullopt).value().total,
                 1000);
    }
}

void TestCrash::pulseBatchesAreAllOrNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A round of 1,000 responses x 16 answers and its aggregation take long
    // enough that kills land in either.
    const QStringList acknowledged =
        killRepeatedly(dir.path(), {QStringLiteral("pulses")}, 8, 3000);
    QVERIFY(!acknowledged.isEmpty());

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
    const auto rounds = PulseRepository(database.connection(), keyring).rounds(scope);
    QVERIFY(rounds.isOk());
    const auto countOf = [&](const QString &sql, const QString &roundId) {
        QSqlQuery query(database.connection());
        query.prepare(sql);
        query.bindValue(QStringLiteral(":round"), roundId);
        if (!query.exec() || !query.next())
            qFatal("count: %s", qPrintable(sql));
        return query.value(0).toLongLong();
    };
    QSet<QString> submitted;
    QSet<QString> aggregated;
    for (const StoredRound &round : rounds.value()) {
        const qint64 responses =
            countOf(QStringLiteral("SELECT COUNT(*) FROM responses WHERE round_seq = "
                                   "(SELECT seq FROM survey_rounds WHERE id = :round)"),
                    round.id);
        // The whole batch or nothing of it: responses, answers and responded targets.
        QVERIFY2(responses == 0 || (round.targets == 1000 && responses == 1000),
                 qPrintable(QStringLiteral("%1: %2").arg(round.id).arg(responses)));
        QCOMPARE(countOf(QStringLiteral("SELECT COUNT(*) FROM answers a JOIN responses r ON "
                                        "r.id = a.response_id WHERE r.round_seq = (SELECT seq "
                                        "FROM survey_rounds WHERE id = :round)"),
                         round.id),
                 responses * 16);
        QCOMPARE(round.respondents, responses);
        // The counts kept on the round moved with the rows they count.
        QCOMPARE(round.targets,
                 countOf(QStringLiteral("SELECT COUNT(*) FROM round_targets WHERE round_seq = "
                                        "(SELECT seq FROM survey_rounds WHERE id = :round)"),
                         round.id));
        QCOMPARE(round.respondents,
                 countOf(QStringLiteral("SELECT COUNT(responded_at) FROM round_targets WHERE "
                                        "round_seq = (SELECT seq FROM survey_rounds WHERE "
                                        "id = :round)"),
                         round.id));
        if (responses > 0)
            submitted.insert(round.id);
        // Cells exactly when stamped, and they are of the whole batch.
        const auto cells = engage::server::engagement::RoundAggregator::storedCells(
            scope, database.connection(), round.id);
        if (round.aggregatedAt == 0) {
            QCOMPARE(countOf(QStringLiteral("SELECT COUNT(*) FROM round_cells WHERE "
                                            "round_id = :round"),
                             round.id),
                     qint64(0));
            continue;
        }
        aggregated.insert(round.id);
        QVERIFY(cells.isOk());
        QCOMPARE(cells.value().size(), 10);
        engage::server::engagement::CellSums total;
        for (const auto &cell : cells.value())
            total += cell.sums;
        QCOMPARE(total.targets, qint64(1000));
        QCOMPARE(total.roundRespondents, responses);
    }
    for (const QString &line : acknowledged) {
        const QString roundId = line.section(u' ', 1);
        QVERIFY2(line.startsWith(QLatin1String("submitted ")) ? submitted.contains(roundId)
                                                              : aggregated.contains(roundId),
                 qPrintable(line));
    }
    qInfo("%lld rounds, %lld submitted, %lld aggregated", qlonglong(rounds.value().size()),
          qlonglong(submitted.size()), qlonglong(aggregated.size()));
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_store_crash.moc"
