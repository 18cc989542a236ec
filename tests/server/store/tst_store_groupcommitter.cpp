// GroupCommitter against a real SQLite file: writes arriving together share
// one transaction, each is answered exactly once and only when another
// connection can already read it (committed), a write that fails inside a
// batch (an error it answers, a nested transaction rolled back, SQL the
// database refuses) is undone alone while the rest of its batch commits,
// batches stay within their bound, and joinable writes that follow each other
// are written together, in order, and one by one again when that fails.

#include "store/database.h"
#include "store/groupcommitter.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

using namespace engage::server::store;

namespace {

// The writes' own table, so that the test sees only what they wrote.
bool createScratch(const QSqlDatabase &connection)
{
    QSqlQuery query(connection);
    return query.exec(QStringLiteral("CREATE TABLE scratch (n INTEGER PRIMARY KEY)"));
}

StoreStatus insert(const QSqlDatabase &connection, int n)
{
    QSqlQuery query(connection);
    query.prepare(QStringLiteral("INSERT INTO scratch (n) VALUES (?)"));
    query.addBindValue(n);
    if (!query.exec())
        return databaseError(QStringLiteral("insert"), query.lastError().text());
    return Done{};
}

// Holds the first batch open until released, so that the writes submitted
// meanwhile queue up into the next one: batching made deterministic.
class Gate final
{
public:
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_entered = true;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_open; });
    }
    void waitUntilEntered()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_entered; });
    }
    void open()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_entered = false;
    bool m_open = false;
};

// Inserts `value` as write `label`; its runs insert all their values in one
// statement. Every call is logged in order ("together 1 2 3", "alone 5").
class JoinedInsert final : public GroupCommitter::Joinable
{
public:
    JoinedInsert(const void *kind, int label, int value, QStringList &log)
        : m_kind(kind)
        , m_label(label)
        , m_value(value)
        , m_log(log)
    {}

    const void *kind() const override { return m_kind; }

    StoreStatus write(const QSqlDatabase &connection) const override
    {
        m_log.append(QStringLiteral("alone %1").arg(m_label));
        return insert(connection, m_value);
    }

    StoreStatus writeTogether(const QSqlDatabase &connection,
                              const std::vector<const Joinable *> &run) const override
    {
        QString entry = QStringLiteral("together");
        QStringList rows;
        for (const Joinable *joinable : run) {
            entry +=
                QStringLiteral(" %1").arg(static_cast<const JoinedInsert *>(joinable)->m_label);
            rows.append(QStringLiteral("(?)"));
        }
        m_log.append(entry);
        QSqlQuery query(connection);
        query.prepare(QStringLiteral("INSERT INTO scratch (n) VALUES ") +
                      rows.join(QLatin1Char(',')));
        for (const Joinable *joinable : run)
            query.addBindValue(static_cast<const JoinedInsert *>(joinable)->m_value);
        if (!query.exec())
            return databaseError(QStringLiteral("insert"), query.lastError().text());
        return Done{};
    }

private:
    const void *const m_kind;
    const int m_label;
    const int m_value;
    QStringList &m_log;
};

// What the outcomes said, by write number.
class Outcomes final
{
public:
    void add(int n, const StoreStatus &status, bool visible)
    {
        std::lock_guard lock(m_mutex);
        m_calls[n].push_back({status.isOk(), visible});
        m_all.notify_all();
    }
    bool waitFor(std::size_t count)
    {
        std::unique_lock lock(m_mutex);
        return m_all.wait_for(lock, std::chrono::seconds(30), [this, count] {
            std::size_t calls = 0;
            for (const auto &entry : m_calls)
                calls += entry.second.size();
            return calls >= count;
        });
    }
    struct Call
    {
        bool ok = false;
        bool visible = false; // another connection saw the row when the outcome came
    };
    std::map<int, std::vector<Call>> calls() const
    {
        std::lock_guard lock(m_mutex);
        return m_calls;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_all;
    std::map<int, std::vector<Call>> m_calls;
};

} // namespace

class TestGroupCommitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesArrivingTogetherShareACommit();
    void aFailingWriteFailsAlone();
    void batchesStayWithinTheirBound();
    void joinableWritesAreWrittenTogether();

private:
    // Whether a connection other than the committer's sees row `n`.
    bool visibleElsewhere(int n) const;
    std::vector<int> storedRows() const;

    std::unique_ptr<testing::StoreFixture> m_fixture;
    // A second Database on the same file: its connections are not the
    // committer's, so they see only what was committed.
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<QThreadPool> m_workers;
};

void TestGroupCommitter::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    QVERIFY(createScratch(m_fixture->connection()));
    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = m_fixture->sqliteFile();
    m_reader = std::make_unique<Database>(location);
    m_workers = std::make_unique<QThreadPool>();
    // Connections are per thread: the pool's threads live as long as it does.
    m_workers->setExpiryTimeout(-1);
    m_workers->setMaxThreadCount(4);
}

void TestGroupCommitter::cleanup()
{
    m_workers->waitForDone();
    m_workers.reset();
    m_reader.reset();
    m_fixture.reset();
}

bool TestGroupCommitter::visibleElsewhere(int n) const
{
    QSqlQuery query(m_reader->connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM scratch WHERE n = ?"));
    query.addBindValue(n);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

std::vector<int> TestGroupCommitter::storedRows() const
{
    std::vector<int> rows;
    QSqlQuery query(m_fixture->connection());
    if (!query.exec(QStringLiteral("SELECT n FROM scratch ORDER BY n")))
        return rows;
    while (query.next())
        rows.push_back(query.value(0).toInt());
    return rows;
}

void TestGroupCommitter::writesArrivingTogetherShareACommit()
{
    const auto committer = GroupCommitter::create(m_fixture->database(), *m_workers);
    Gate gate;
    Outcomes outcomes;
    const auto answer = [this, &outcomes](int n) {
        return [this, &outcomes, n](const StoreStatus &status) {
            outcomes.add(n, status, visibleElsewhere(n));
        };
    };
    committer->submit(
        [&gate](const QSqlDatabase &connection) {
            gate.wait();
            return insert(connection, 0);
        },
        answer(0));
    gate.waitUntilEntered();
    // 200 writes from 8 threads at once, while the first batch is held open.
    constexpr int threads = 8;
    constexpr int perThread = 25;
    std::vector<std::thread> submitters;
    for (int t = 0; t < threads; ++t) {
        submitters.emplace_back([&committer, &answer, t] {
            for (int i = 0; i < perThread; ++i) {
                const int n = 1 + t * perThread + i;
                committer->submit(
                    [n](const QSqlDatabase &connection) { return insert(connection, n); },
                    answer(n));
            }
        });
    }
    for (std::thread &submitter : submitters)
        submitter.join();
    gate.open();

    constexpr int total = 1 + threads * perThread;
    QVERIFY(outcomes.waitFor(total));
    m_workers->waitForDone();
    const auto calls = outcomes.calls();
    QCOMPARE(int(calls.size()), total);
    for (const auto &[n, answered] : calls) {
        QVERIFY2(
            answered.size() == 1,
            qPrintable(QStringLiteral("write %1 answered %2 times").arg(n).arg(answered.size())));
        QVERIFY2(answered.front().ok, qPrintable(QStringLiteral("write %1 failed").arg(n)));
        QVERIFY2(answered.front().visible,
                 qPrintable(QStringLiteral("write %1 answered before it was committed").arg(n)));
    }
    QCOMPARE(int(storedRows().size()), total);
    // The first alone, then the 200 that queued behind it in one transaction.
    const GroupCommitter::Counts counts = committer->counts();
    QCOMPARE(counts.writes, quint64(total));
    QCOMPARE(counts.batches, quint64(2));
    QCOMPARE(counts.largestBatch, threads * perThread);
}

void TestGroupCommitter::aFailingWriteFailsAlone()
{
    const auto committer = GroupCommitter::create(m_fixture->database(), *m_workers);
    Gate gate;
    Outcomes outcomes;
    const auto answer = [&outcomes](int n) {
        return [&outcomes, n](const StoreStatus &status) {
            outcomes.add(n, status, false);
        };
    };
    committer->submit(
        [&gate](const QSqlDatabase &connection) {
            gate.wait();
            return insert(connection, 0);
        },
        answer(0));
    gate.waitUntilEntered();
    // In the second batch, in this order: fine, a write that answers an
    // error after writing, fine, a nested transaction rolled back (as a
    // repository refusing halfway does), fine, SQL refused (a duplicate
    // key), fine.
    committer->submit([](const QSqlDatabase &connection) { return insert(connection, 1); },
                      answer(1));
    committer->submit(
        [](const QSqlDatabase &connection) -> StoreStatus {
            if (const StoreStatus written = insert(connection, 2); !written)
                return written;
            return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such target")};
        },
        answer(2));
    committer->submit([](const QSqlDatabase &connection) { return insert(connection, 3); },
                      answer(3));
    committer->submit(
        [](const QSqlDatabase &connection) -> StoreStatus {
            Transaction nested(connection);
            if (const StoreStatus written = insert(connection, 4); !written)
                return written;
            nested.rollback();
            return Done{};
        },
        answer(4));
    committer->submit([](const QSqlDatabase &connection) { return insert(connection, 5); },
                      answer(5));
    committer->submit(
        [](const QSqlDatabase &connection) -> StoreStatus {
            if (const StoreStatus written = insert(connection, 6); !written)
                return written;
            return insert(connection, 1);
        },
        answer(6));
    committer->submit([](const QSqlDatabase &connection) { return insert(connection, 7); },
                      answer(7));
    gate.open();

    QVERIFY(outcomes.waitFor(8));
    m_workers->waitForDone();
    const auto calls = outcomes.calls();
    const std::map<int, bool> expected = {{0, true},  {1, true}, {2, false}, {3, true},
                                          {4, false}, {5, true}, {6, false}, {7, true}};
    for (const auto &[n, ok] : expected) {
        QCOMPARE(int(calls.at(n).size()), 1);
        QVERIFY2(calls.at(n).front().ok == ok, qPrintable(QStringLiteral("write %1").arg(n)));
    }
    const std::vector<int> committed{0, 1, 3, 5, 7};
    QCOMPARE(storedRows(), committed);
    QCOMPARE(committer->counts().batches, quint64(2));
}

void TestGroupCommitter::batchesStayWithinTheirBound()
{
    constexpr int bound = 4;
    const auto committer = GroupCommitter::create(m_fixture->database(), *m_workers, bound);
    Gate gate;
    Outcomes outcomes;
    committer->submit(
        [&gate](const QSqlDatabase &connection) {
            gate.wait();
            return insert(connection, 0);
        },
        [&outcomes](const StoreStatus &status) { outcomes.add(0, status, false); });
    gate.waitUntilEntered();
    for (int n = 1; n <= 10; ++n) {
        committer->submit(
            [n](const QSqlDatabase &connection) { return insert(connection, n); },
            [&outcomes, n](const StoreStatus &status) { outcomes.add(n, status, false); });
    }
    gate.open();
    QVERIFY(outcomes.waitFor(11));
    m_workers->waitForDone();
    QCOMPARE(int(storedRows().size()), 11);
    // 1, then 4 + 4 + 2.
    const GroupCommitter::Counts counts = committer->counts();
    QCOMPARE(counts.batches, quint64(4));
    QCOMPARE(counts.largestBatch, bound);
}

void TestGroupCommitter::joinableWritesAreWrittenTogether()
{
    const auto committer = GroupCommitter::create(m_fixture->database(), *m_workers);
    Gate gate;
    Outcomes outcomes;
    const auto answer = [this, &outcomes](int n) {
        return [this, &outcomes, n](const StoreStatus &status) {
            outcomes.add(n, status, visibleElsewhere(n));
        };
    };
    QStringList log; // written on the batch's thread only, read after waitForDone()
    committer->submit(
        [&gate](const QSqlDatabase &connection) {
            gate.wait();
            return insert(connection, 0);
        },
        answer(0));
    gate.waitUntilEntered();
    // In the second batch: a run of three of one kind; a plain write, which
    // ends it; a run of two whose second repeats row 1 (refused, so the run
    // is written again one by one and only that one fails); a run of
    // another kind, which ends the one before.
    static const char kindA = 0;
    static const char kindB = 0;
    const auto joined = [&](const char &kind, int label, int value) {
        committer->submit(std::make_shared<JoinedInsert>(&kind, label, value, log), answer(label));
    };
    joined(kindA, 1, 1);
    joined(kindA, 2, 2);
    joined(kindA, 3, 3);
    committer->submit(
        [&log](const QSqlDatabase &connection) {
            log.append(QStringLiteral("plain 4"));
            return insert(connection, 4);
        },
        answer(4));
    joined(kindA, 5, 5);
    joined(kindA, 6, 1);
    joined(kindB, 7, 7);
    joined(kindB, 8, 8);
    gate.open();

    QVERIFY(outcomes.waitFor(9));
    m_workers->waitForDone();
    const QStringList expectedLog = {
        QStringLiteral("together 1 2 3"), QStringLiteral("plain 4"), QStringLiteral("together 5 6"),
        QStringLiteral("alone 5"),        QStringLiteral("alone 6"), QStringLiteral("together 7 8"),
    };
    QCOMPARE(log, expectedLog);
    const auto calls = outcomes.calls();
    for (int n = 0; n <= 8; ++n) {
        QCOMPARE(int(calls.at(n).size()), 1);
        const bool refused = n == 6;
        QVERIFY2(calls.at(n).front().ok != refused, qPrintable(QStringLiteral("write %1").arg(n)));
        // Answered only once committed.
        QVERIFY2(refused || calls.at(n).front().visible,
                 qPrintable(QStringLiteral("write %1 answered before its commit").arg(n)));
    }
    const std::vector<int> committed{0, 1, 2, 3, 4, 5, 7, 8};
    QCOMPARE(storedRows(), committed);
    const GroupCommitter::Counts counts = committer->counts();
    QCOMPARE(counts.batches, quint64(2));
    QCOMPARE(counts.joined, quint64(5));   // 1 2 3, 7 8
    QCOMPARE(counts.rewrites, quint64(2)); // 5 6
}

QTEST_GUILESS_MAIN(TestGroupCommitter)
#include "tst_store_groupcommitter.moc"
