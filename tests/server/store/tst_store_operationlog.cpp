// OperationLog on a real SQLite store: recordAll writes exactly the rows,
// chain links, head and counts that as many record() calls write; the chain
// of batches mixed with single rows verifies; a batch with a failing row
// fails whole, and once rolled back leaves the chain as it was.

#include "crypto/random.h"
#include "logcountcheck.h"
#include "logs/logintegrity.h"
#include "store/logchain.h"
#include "store/operationlog.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

using namespace engage;
using namespace engage::server;
using namespace engage::server::store;
using namespace engage::server::store::testing;

namespace {

const QString kTenant = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kOtherTenant = QStringLiteral("7ca7b810-9dad-11d1-80b4-00c04fd430c9");
// 2023-11-14T22:13:20Z: a quarter hour starts every 900,000 ms from it on.
constexpr qint64 kStartMs = 1'700'000'000'000;

// The `count` entries from `first` on: with and without actor and request, an
// empty summary, spread over several quarter hours (7 minutes apart).
QList<OperationEntry> entries(int first, int count)
{
    QList<OperationEntry> made;
    for (int i = first; i < first + count; ++i) {
        OperationEntry entry;
        entry.requestId = i % 3 == 0 ? QString() : QStringLiteral("r-%1").arg(i);
        entry.actorId = i % 2 == 0 ? QString() : QStringLiteral("p-%1").arg(i);
        entry.targetType = QStringLiteral("round");
        entry.targetId = QStringLiteral("t-%1").arg(i);
        entry.action = QStringLiteral("response.submit");
        entry.summary = i % 5 == 0 ? QString() : QStringLiteral("answers: %1").arg(i);
        entry.at = QDateTime::fromMSecsSinceEpoch(kStartMs + qint64(i) * 7 * 60 * 1000, Qt::UTC);
        made.append(entry);
    }
    return made;
}

// Every column of every operation row, chain head and count, in order.
QStringList logState(const QSqlDatabase &database)
{
    QStringList lines;
    for (const char *sql :
         {"SELECT tenant_id, tenant_seq, at, request_id, actor_id, target_type, target_id, action, "
          "summary, changes, prev_hash, mac FROM operation_log ORDER BY tenant_id, tenant_seq",
          "SELECT tenant_id, log, seq, hash FROM log_chain_heads ORDER BY tenant_id, log",
          "SELECT tenant_id, log, slot_at, row_count FROM log_counts ORDER BY tenant_id, log, "
          "slot_at"}) {
        QSqlQuery query(database);
        if (!query.exec(QString::fromLatin1(sql))) {
            lines.append(query.lastError().text());
            continue;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.value(i).isNull() ? QStringLiteral("NULL")
                                                      : query.value(i).toString());
            lines.append(values.join(u'|'));
        }
    }
    return lines;
}

qint64 headSeq(const QSqlDatabase &database, const QString &tenantId)
{
    QSqlQuery query(database);
    query.prepare(QStringLiteral(
        "SELECT seq FROM log_chain_heads WHERE tenant_id = ? AND log = 'operation'"));
    query.addBindValue(tenantId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

} // namespace

class TestStoreOperationLog final : public QObject
{
    Q_OBJECT

private:
    crypto::SecretBytes m_chainKey{crypto::randomBytes(32)};

    std::unique_ptr<StoreFixture> store(bool sealed) const
    {
        auto made = std::make_unique<StoreFixture>();
        if (sealed)
            made->database().setLogChainKey(m_chainKey);
        return made;
    }

    // The tenant's operation chain, as verify-logs checks it.
    std::optional<api::LogVerification> verify(StoreFixture &fixture, const QString &tenantId)
    {
        auto results =
            logs::LogVerifier(fixture.connection(), m_chainKey)
                .verifyTenant(tenantId, logs::LogCheckpoints(fixture.dir(), m_chainKey).latest());
        if (!results) {
            qWarning() << results.error().message;
            return std::nullopt;
        }
        for (const api::LogVerification &result : results.value()) {
            if (result.log == api::LogKind::Operation)
                return result;
        }
        return std::nullopt;
    }

    static bool inTransaction(StoreFixture &fixture, const std::function<StoreStatus()> &write)
    {
        Transaction transaction(fixture.connection());
        const StoreStatus written = write();
        if (!written) {
            qWarning() << written.error().message;
            return false;
        }
        return transaction.commit().isOk();
    }

private Q_SLOTS:
    void batchWritesWhatSingleRecordsWrite_data()
    {
        QTest::addColumn<bool>("sealed");
        QTest::addColumn<QList<int>>("batches"); // sizes, one after the other
        QTest::newRow("one row") << true << QList<int>{1};
        QTest::newRow("one batch") << true << QList<int>{12};
        QTest::newRow("batches after each other") << true << QList<int>{3, 1, 40, 2};
        QTest::newRow("unsealed") << false << QList<int>{5, 4};
    }

    void batchWritesWhatSingleRecordsWrite()
    {
        QFETCH(bool, sealed);
        QFETCH(QList<int>, batches);
        const auto batched = store(sealed);
        const auto single = store(sealed);
        QVERIFY(batched->isReady());
        QVERIFY(single->isReady());
        int first = 0;
        for (const int size : std::as_const(batches)) {
            const QList<OperationEntry> batch = entries(first, size);
            QVERIFY(inTransaction(*batched, [&] {
                return OperationLog::recordAll(TenantScope(kTenant), batched->connection(), batch);
            }));
            for (const OperationEntry &entry : batch)
                QVERIFY(inTransaction(*single, [&] {
                    return OperationLog::record(TenantScope(kTenant), single->connection(), entry);
                }));
            first += size;
        }
        const QStringList written = logState(batched->connection());
        QCOMPARE(written, logState(single->connection()));
        // The rows, a head and their counts: not two empty stores.
        QVERIFY(written.size() >= first + 2);
        QCOMPARE(headSeq(batched->connection(), kTenant), qint64(first));
        QCOMPARE(logCountMismatch(batched->connection()), QString());
        if (sealed) {
            const auto result = verify(*batched, kTenant);
            QVERIFY(result);
            QVERIFY2(result->intact, qPrintable(result->detail));
            QCOMPARE(result->checkedRows, qint64(first));
        }
    }

    // Batches of two tenants and single rows in between, in one transaction
    // as the group committer writes them: both chains verify.
    void mixedChainsVerify()
    {
        const auto fixture = store(true);
        QVERIFY(fixture->isReady());
        const QSqlDatabase connection = fixture->connection();
        QVERIFY(inTransaction(*fixture, [&]() -> StoreStatus {
            if (auto written = OperationLog::record(
                    TenantScope(kTenant), connection, entries(0, 1).first(),
                    {api::FieldChange{QStringLiteral("status"), QStringLiteral("active"),
                                      QStringLiteral("left"), false}});
                !written)
                return written;
            if (auto written =
                    OperationLog::recordAll(TenantScope(kTenant), connection, entries(1, 10));
                !written)
                return written;
            if (auto written =
                    OperationLog::recordAll(TenantScope(kOtherTenant), connection, entries(0, 7));
                !written)
                return written;
            if (auto written = OperationLog::recordAll(TenantScope(kTenant), connection, {});
                !written)
                return written;
            return OperationLog::recordAll(TenantScope(kTenant), connection, entries(11, 4));
        }));
        QVERIFY(inTransaction(*fixture, [&] {
            return OperationLog::record(TenantScope(kOtherTenant), connection,
                                        entries(7, 1).first());
        }));
        for (const auto &[tenantId, rows] : {std::pair{kTenant, 15}, std::pair{kOtherTenant, 8}}) {
            const auto result = verify(*fixture, tenantId);
            QVERIFY(result);
            QVERIFY2(result->intact, qPrintable(result->detail));
            QCOMPARE(result->checkedRows, qint64(rows));
            QCOMPARE(headSeq(connection, tenantId), qint64(rows));
        }
        QCOMPARE(logCountMismatch(connection), QString());
    }

    // A row the table refuses (no target id: NOT NULL) fails the whole call;
    // rolled back to its savepoint, as the group committer does, the chain
    // is as it was and the transaction's other rows still commit.
    void failingRowFailsItsBatch()
    {
        const auto fixture = store(true);
        QVERIFY(fixture->isReady());
        const QSqlDatabase connection = fixture->connection();
        QVERIFY(inTransaction(*fixture, [&] {
            return OperationLog::recordAll(TenantScope(kTenant), connection, entries(0, 3));
        }));
        const QStringList before = logState(connection);

        QList<OperationEntry> spoilt = entries(3, 4);
        spoilt[2].targetId = QString();
        {
            Transaction transaction(connection);
            QVERIFY(transaction.isActive());
            {
                Savepoint part(connection);
                QVERIFY(part.isActive());
                const StoreStatus failed =
                    OperationLog::recordAll(TenantScope(kTenant), connection, spoilt);
                QVERIFY(!failed);
                QCOMPARE(failed.errorKind(), StoreErrorKind::Database);
                part.rollback();
            }
            QCOMPARE(logState(connection), before);
            {
                Savepoint part(connection);
                QVERIFY(part.isActive());
                QVERIFY(OperationLog::recordAll(TenantScope(kTenant), connection, entries(3, 2)));
                QVERIFY(part.release());
            }
            QVERIFY(transaction.commit());
        }
        const auto result = verify(*fixture, kTenant);
        QVERIFY(result);
        QVERIFY2(result->intact, qPrintable(result->detail));
        QCOMPARE(result->checkedRows, qint64(5));
        QCOMPARE(headSeq(connection, kTenant), qint64(5));
        QCOMPARE(logCountMismatch(connection), QString());

        // Failed in a transaction of its own, and rolled back: nothing at all.
        const QStringList committed = logState(connection);
        {
            Transaction transaction(connection);
            QVERIFY(!OperationLog::recordAll(TenantScope(kTenant), connection, spoilt));
        }
        QCOMPARE(logState(connection), committed);
    }
};

QTEST_GUILESS_MAIN(TestStoreOperationLog)
#include "tst_store_operationlog.moc"
