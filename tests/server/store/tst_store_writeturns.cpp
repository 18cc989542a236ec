// WriteTurns: this process's writers of one SQLite file take the write lock
// in the order they asked, a writer that waits too long gives its place up,
// and, on a real file through Transaction, a writer asking while another
// commits back to back gets the very next turn (with SQLite's busy handler
// alone it waited for seconds: the access log's writer behind the group
// committer).

#include "store/database.h"
#include "store/transaction.h"
#include "store/writeturns.h"
#include "storefixture.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace engage::server::store;
using namespace std::chrono_literals;

namespace {

// Waits until `turns` has `count` waiters, or fails after 10 s.
bool waitForWaiters(const WriteTurns &turns, std::size_t count)
{
    QDeadlineTimer deadline(10s);
    while (turns.waiting() != count) {
        if (deadline.hasExpired())
            return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

qint64 scalar(const QSqlDatabase &connection, const QString &sql)
{
    QSqlQuery query(connection);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestStoreWriteTurns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void turnsGoInTheOrderAsked()
    {
        const QString file = QStringLiteral("/turns/in/order");
        WriteTurn held = WriteTurn::take(file, 1s);
        QVERIFY(held);
        const auto turns = WriteTurns::ofFile(file);

        std::mutex mutex;
        std::vector<int> order;
        std::vector<std::thread> writers;
        for (int i = 0; i < 4; ++i) {
            writers.emplace_back([&, i] {
                WriteTurn turn = WriteTurn::take(file, 10s);
                std::lock_guard lock(mutex);
                order.push_back(turn ? i : -1);
            });
            // The next asks only once this one waits.
            QVERIFY(waitForWaiters(*turns, std::size_t(i + 1)));
        }
        held.release();
        for (std::thread &writer : writers)
            writer.join();
        QCOMPARE(order, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(turns->waiting(), std::size_t(0));
    }

    void aWriterTooLongWaitingGivesItsPlaceUp()
    {
        const QString file = QStringLiteral("/turns/timeout");
        WriteTurn held = WriteTurn::take(file, 1s);
        QVERIFY(held);
        const auto turns = WriteTurns::ofFile(file);

        bool late = true;
        std::thread impatient([&] { late = bool(WriteTurn::take(file, 50ms)); });
        impatient.join();
        QVERIFY(!late);
        QCOMPARE(turns->waiting(), std::size_t(0));

        // The place given up holds nobody back: the next asker goes as soon as
        // the turn is given.
        std::atomic<bool> next{false};
        std::thread patient([&] { next = bool(WriteTurn::take(file, 10s)); });
        QVERIFY(waitForWaiters(*turns, 1));
        held.release();
        patient.join();
        QVERIFY(next);
    }

    void separateFilesDoNotWaitForEachOther()
    {
        WriteTurn first = WriteTurn::take(QStringLiteral("/turns/a"), 1s);
        QVERIFY(first);
        bool other = false;
        std::thread elsewhere(
            [&] { other = bool(WriteTurn::take(QStringLiteral("/turns/b"), 50ms)); });
        elsewhere.join();
        QVERIFY(other);
    }

    // The writer that asks while another commits transaction after
    // transaction gets in after the one in flight.
    void aWriterAskingBetweenBackToBackCommitsIsNext()
    {
        testing::StoreFixture store;
        QVERIFY(store.isReady());
        {
            QSqlQuery create(store.connection());
            QVERIFY2(create.exec(QStringLiteral(
                         "CREATE TABLE scratch (id INTEGER PRIMARY KEY, who TEXT NOT NULL)")),
                     qPrintable(create.lastError().text()));
        }
        Database &database = store.database();
        const auto insert = [](const QSqlDatabase &connection, const QString &who) {
            QSqlQuery query(connection);
            query.prepare(QStringLiteral("INSERT INTO scratch (who) VALUES (?)"));
            query.addBindValue(who);
            return query.exec();
        };

        std::atomic<bool> stop{false};
        std::atomic<int> busyCommits{0};
        std::atomic<bool> busyFailed{false};
        std::thread busy([&] {
            const QSqlDatabase connection = database.connection();
            while (!stop) {
                Transaction transaction(connection);
                if (!transaction.isActive() || !insert(connection, QStringLiteral("busy")) ||
                    !transaction.commit()) {
                    busyFailed = true;
                    return;
                }
                ++busyCommits;
            }
        });
        // Asks a few times, each while the busy writer is well under way.
        qint64 worstBehind = 0;
        for (int round = 0; round < 5; ++round) {
            const int before = busyCommits;
            QDeadlineTimer deadline(10s);
            while (busyCommits < before + 20 && !deadline.hasExpired())
                std::this_thread::sleep_for(1ms);
            QVERIFY(!busyFailed);
            QVERIFY(busyCommits >= before + 20);

            const QSqlDatabase connection = database.connection();
            const qint64 lastBefore =
                scalar(connection, QStringLiteral("SELECT max(id) FROM scratch"));
            Transaction transaction(connection);
            QVERIFY2(transaction.isActive(), qPrintable(transaction.error()));
            QVERIFY(insert(connection, QStringLiteral("asker")));
            QVERIFY(transaction.commit());
            const qint64 mine = scalar(
                connection, QStringLiteral("SELECT max(id) FROM scratch WHERE who = 'asker'"));
            // In between came at most the busy writer's transaction that
            // committed after the read above, and the one holding the turn
            // when this one asked.
            worstBehind = std::max(worstBehind, mine - lastBefore - 1);
        }
        stop = true;
        busy.join();
        QVERIFY(!busyFailed);
        QVERIFY2(worstBehind <= 2, qPrintable(QString::number(worstBehind)));
    }
};

QTEST_GUILESS_MAIN(TestStoreWriteTurns)
#include "tst_store_writeturns.moc"
