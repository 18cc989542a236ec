#include "logchain.h"

#include "crypto/mac.h"
#include "preparedstatements.h"
#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace engage::server::store::logchain {

namespace {

constexpr char kCanonicalTag[] = "engage-log-v1";

// The value's text in UTF-8: what toString() gives, without its copies for
// the types rows hold (the writer MACs every row it writes).
QByteArray utf8Of(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->toUtf8();
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QByteArray::number(value.toLongLong());
    default:
        return value.toString().toUtf8();
    }
}

void appendValue(QByteArray &bytes, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        bytes.append('\0');
        return;
    }
    const QByteArray text = utf8Of(value);
    bytes.append('\1');
    char length[4];
    qToBigEndian(quint32(text.size()), length);
    bytes.append(length, sizeof length);
    bytes.append(text);
}

// What a row's MAC covers: its canonical bytes, then the hash it follows.
QByteArray macked(const QByteArray &canonical, const QString &prevHash)
{
    return canonical + prevHash.toLatin1();
}

StoreError failed(const char *what, const QSqlQuery &query)
{
    return databaseError(QString::fromLatin1(what), query.lastError().text());
}

// The head of `tenantId`'s `log`: its seq and hash (null: rows to seal).
struct Head
{
    qint64 seq = 0;
    QVariant hash;
};

StoreResult<Head> readHead(const QSqlDatabase &database, const QString &tenantId, QLatin1String log)
{
    const auto query = PreparedStatements::unscoped(
        database,
        QStringLiteral("SELECT seq, hash FROM log_chain_heads WHERE tenant_id = ? AND log = ?"));
    query->bindValue(0, tenantId);
    query->bindValue(1, QString(log));
    if (!query->exec() || !query->next())
        return failed("reading a log chain head", *query);
    return Head{query->value(0).toLongLong(), query->value(1)};
}

// Seals the rows of `tenantId`'s `log` up to `lastSeq`, from the genesis
// value, and returns the MAC of the last one (the genesis value when there
// are none).
StoreResult<QString> sealRows(const QSqlDatabase &database, const QString &tenantId,
                              QLatin1String log, qint64 lastSeq, const crypto::SecretBytes &key)
{
    const QString table = tableOf(log);
    QSqlQuery select(database);
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE tenant_id = ? AND tenant_seq <= ? "
                                  "ORDER BY tenant_seq")
                       .arg(chainedColumns(log).join(QStringLiteral(", ")), table));
    select.addBindValue(tenantId);
    select.addBindValue(lastSeq);
    if (!select.exec())
        return failed("reading rows to seal", select);
    QSqlQuery update(database);
    update.prepare(QStringLiteral("UPDATE %1 SET prev_hash = ?, mac = ? WHERE tenant_id = ? AND "
                                  "tenant_seq = ?")
                       .arg(table));
    const int columns = int(chainedColumns(log).size());
    QString prev = genesisHash();
    while (select.next()) {
        QList<QVariant> values;
        values.reserve(columns);
        for (int i = 0; i < columns; ++i)
            values.append(select.value(i));
        const QString mac = rowMac(key, canonicalRow(log, values), prev);
        update.addBindValue(prev);
        update.addBindValue(mac);
        update.addBindValue(tenantId);
        update.addBindValue(values.at(1).toLongLong());
        if (!update.exec())
            return failed("sealing a row", update);
        prev = mac;
    }
    return prev;
}

} // namespace

QString genesisHash()
{
    return QString(64, u'0');
}

QString tableOf(QLatin1String log)
{
    return QString(log) + QLatin1String("_log");
}

const QStringList &chainedColumns(QLatin1String log)
{
    static const QStringList kAccessColumns = {
        QStringLiteral("tenant_id"),  QStringLiteral("tenant_seq"), QStringLiteral("at"),
        QStringLiteral("request_id"), QStringLiteral("person_id"),  QStringLiteral("address"),
        QStringLiteral("method"),     QStringLiteral("path"),       QStringLiteral("status"),
        QStringLiteral("latency_us"), QStringLiteral("user_agent"),
    };
    static const QStringList kOperationColumns = {
        QStringLiteral("tenant_id"),  QStringLiteral("tenant_seq"), QStringLiteral("at"),
        QStringLiteral("request_id"), QStringLiteral("actor_id"),   QStringLiteral("target_type"),
        QStringLiteral("target_id"),  QStringLiteral("action"),     QStringLiteral("summary"),
        QStringLiteral("changes"),
    };
    return log == kAccess ? kAccessColumns : kOperationColumns;
}

QByteArray canonicalRow(QLatin1String log, const QList<QVariant> &values)
{
    QByteArray bytes;
    bytes.reserve(256);
    bytes.append(kCanonicalTag, sizeof kCanonicalTag); // with its NUL
    bytes.append(log.data(), log.size());
    bytes.append('\0');
    for (const QVariant &value : values)
        appendValue(bytes, value);
    return bytes;
}

QString rowMac(const crypto::SecretBytes &key, const QByteArray &canonical, const QString &prevHash)
{
    return QString::fromLatin1(crypto::hmacSha256(key, macked(canonical, prevHash)).toHex());
}

QString rowMac(crypto::HmacSha256 &key, const QByteArray &canonical, const QString &prevHash)
{
    return QString::fromLatin1(key.mac(macked(canonical, prevHash)).toHex());
}

StoreResult<Link> advance(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                          const crypto::SecretBytes *key, qint64 count)
{
    // The bump comes first: it takes the head row's lock (PostgreSQL) or the
    // write lock (SQLite) before anything of the head is read.
    // Kept prepared, like the head's read and move: every operation row's
    // transaction runs them.
    const auto bump = PreparedStatements::unscoped(
        database,
        QStringLiteral("INSERT INTO log_chain_heads (tenant_id, log, seq, hash) VALUES (?, ?, ?, "
                       "?) ON CONFLICT (tenant_id, log) DO UPDATE SET seq = log_chain_heads.seq + "
                       "excluded.seq"));
    bump->bindValue(0, tenantId);
    bump->bindValue(1, QString(log));
    bump->bindValue(2, count);
    bump->bindValue(3, genesisHash());
    if (!bump->exec())
        return failed("advancing a log chain", *bump);
    auto head = readHead(database, tenantId, log);
    if (!head)
        return head.error();
    Link link{head.value().seq - count + 1, head.value().hash.toString()};
    if (head.value().hash.isNull()) {
        if (!key)
            return StoreError{StoreErrorKind::Crypto,
                              QStringLiteral("log rows to seal, and no log chain key")};
        auto last = sealRows(database, tenantId, log, link.seq - 1, *key);
        if (!last)
            return last.error();
        link.prevHash = last.value();
    }
    return link;
}

StoreStatus setHeadHash(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                        qint64 seq, const QString &hash)
{
    const auto update = PreparedStatements::unscoped(
        database,
        QStringLiteral(
            "UPDATE log_chain_heads SET hash = ? WHERE tenant_id = ? AND log = ? AND seq = ?"));
    update->bindValue(0, hash);
    update->bindValue(1, tenantId);
    update->bindValue(2, QString(log));
    update->bindValue(3, seq);
    if (!update->exec())
        return failed("moving a log chain head", *update);
    if (update->numRowsAffected() != 1)
        return databaseError(QStringLiteral("moving a log chain head"),
                             QStringLiteral("the head moved during the transaction"));
    return Done{};
}

StoreResult<qint64> sealLegacyRows(const QSqlDatabase &database, const crypto::SecretBytes &key)
{
    QList<std::pair<QString, QString>> waiting; // tenant, log
    {
        QSqlQuery query(database);
        if (!query.exec(
                QStringLiteral("SELECT tenant_id, log FROM log_chain_heads WHERE hash IS NULL")))
            return failed("finding log rows to seal", query);
        while (query.next())
            waiting.append({query.value(0).toString(), query.value(1).toString()});
    }
    qint64 sealed = 0;
    for (const auto &[tenantId, logName] : waiting) {
        const QLatin1String log = logName == kAccess ? kAccess : kOperation;
        Transaction transaction(database);
        if (!transaction.isActive())
            return databaseError(QStringLiteral("sealing log rows"), transaction.error());
        // A write that changes nothing, for the head row's lock (PostgreSQL):
        // another instance starting at the same time waits, then finds it done.
        QSqlQuery lock(database);
        lock.prepare(
            QStringLiteral("UPDATE log_chain_heads SET seq = seq WHERE tenant_id = ? AND log = ?"));
        lock.addBindValue(tenantId);
        lock.addBindValue(QString(log));
        if (!lock.exec())
            return failed("locking a log chain head", lock);
        auto head = readHead(database, tenantId, log);
        if (!head)
            return head.error();
        if (!head.value().hash.isNull())
            continue;
        auto last = sealRows(database, tenantId, log, head.value().seq, key);
        if (!last)
            return last.error();
        if (auto moved = setHeadHash(database, tenantId, log, head.value().seq, last.value());
            !moved)
            return moved.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        sealed += head.value().seq;
    }
    return sealed;
}

} // namespace engage::server::store::logchain
