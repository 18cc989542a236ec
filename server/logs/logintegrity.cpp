#include "logintegrity.h"

#include "api/timestamp.h"
#include "crypto/mac.h"
#include "crypto/random.h"
#include "store/dialect.h"
#include "store/logchain.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <optional>
#include <utility>

namespace engage::server::logs {

using store::StoreResult;

namespace {

constexpr int kCheckpointVersion = 1;
constexpr qint64 kMaxCheckpointBytes = 64 * 1024 * 1024;

const QLatin1String kVersion("version");
const QLatin1String kAt("at");
const QLatin1String kHeads("heads");
const QLatin1String kTenant("tenant");
const QLatin1String kLog("log");
const QLatin1String kSeq("seq");
const QLatin1String kHash("hash");
const QLatin1String kMac("mac");

QLatin1String chainName(api::LogKind log)
{
    return log == api::LogKind::Access ? store::logchain::kAccess : store::logchain::kOperation;
}

QByteArray signedBytes(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString macOf(const crypto::SecretBytes &key, const QJsonObject &body)
{
    return QString::fromLatin1(crypto::hmacSha256(key, signedBytes(body)).toHex());
}

std::optional<Checkpoint> parseCheckpoint(const QJsonObject &object, const crypto::SecretBytes &key)
{
    QJsonObject body = object;
    const QString mac = body.take(kMac).toString();
    if (!crypto::equalConstantTime(mac.toLatin1(), macOf(key, body).toLatin1()))
        return std::nullopt;
    if (body.value(kVersion).toInt() != kCheckpointVersion)
        return std::nullopt;
    const auto at = api::parseDateTime(body.value(kAt).toString());
    if (!at)
        return std::nullopt;
    Checkpoint checkpoint{at.value(), {}};
    for (const QJsonValue &value : body.value(kHeads).toArray()) {
        const QJsonObject head = value.toObject();
        const auto log = api::logKindFromName(head.value(kLog).toString());
        if (!log)
            return std::nullopt;
        checkpoint.heads.append({head.value(kTenant).toString(), *log,
                                 qint64(head.value(kSeq).toDouble()),
                                 head.value(kHash).toString()});
    }
    return checkpoint;
}

api::LogVerification broken(api::LogVerification result, api::LogBreak kind,
                            std::optional<qint64> seq, QString detail)
{
    result.intact = false;
    result.breakKind = kind;
    result.firstBrokenSeq = seq;
    result.detail = std::move(detail);
    return result;
}

StoreResult<QStringList> chainTenants(const QSqlDatabase &database,
                                      const LogCheckpoints::Latest &checkpoint)
{
    QSet<QString> tenants;
    for (const ChainHead &head : checkpoint.checkpoint.heads)
        tenants.insert(head.tenantId);
    // Across tenants on purpose: the operator's check of every chain.
    for (const QString &sql :
         {QStringLiteral("SELECT DISTINCT tenant_id FROM log_chain_heads WHERE log <> 'error'"),
          QStringLiteral("SELECT DISTINCT tenant_id FROM access_log"),
          QStringLiteral("SELECT DISTINCT tenant_id FROM operation_log")}) {
        QSqlQuery query(database);
        query.setForwardOnly(true);
        if (!query.exec(sql))
            return store::databaseError(QStringLiteral("listing log chains"),
                                        query.lastError().text());
        while (query.next())
            tenants.insert(query.value(0).toString());
    }
    QStringList sorted(tenants.cbegin(), tenants.cend());
    sorted.sort();
    return sorted;
}

} // namespace

LogCheckpoints::LogCheckpoints(QString dataDirectory, crypto::SecretBytes key)
    : m_directory(directoryOf(dataDirectory))
    , m_key(std::move(key))
{}

QString LogCheckpoints::directoryOf(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("log-checkpoints"));
}

bool LogCheckpoints::write(const QSqlDatabase &database, const QDateTime &at, QString *error) const
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT tenant_id, log, seq, hash FROM log_chain_heads WHERE "
                                   "log <> 'error' ORDER BY tenant_id, log"))) {
        *error = query.lastError().text();
        return false;
    }
    QJsonArray heads;
    while (query.next()) {
        heads.append(QJsonObject{{kTenant, query.value(0).toString()},
                                 {kLog, query.value(1).toString()},
                                 {kSeq, query.value(2).toLongLong()},
                                 {kHash, query.value(3).toString()}});
    }
    QJsonObject body{
        {kVersion, kCheckpointVersion}, {kAt, api::formatDateTime(at)}, {kHeads, heads}};
    body.insert(kMac, macOf(m_key, body));

    if (!QDir().mkpath(m_directory) ||
        !QFile::setPermissions(m_directory,
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    const QString name = QStringLiteral("checkpoint-%1.json")
                             .arg(at.toUTC().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ")));
    QSaveFile file(QDir(m_directory).filePath(name));
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(QJsonDocument(body).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

LogCheckpoints::Latest LogCheckpoints::latest() const
{
    const QStringList files =
        QDir(m_directory).entryList({QStringLiteral("checkpoint-*.json")}, QDir::Files, QDir::Name);
    Latest latest;
    if (files.isEmpty())
        return latest;
    latest.file = QDir(m_directory).filePath(files.last());
    latest.state = State::Invalid;
    QFile file(latest.file);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxCheckpointBytes)
        return latest;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return latest;
    std::optional<Checkpoint> checkpoint = parseCheckpoint(document.object(), m_key);
    if (!checkpoint)
        return latest;
    latest.state = State::Valid;
    latest.checkpoint = std::move(*checkpoint);
    return latest;
}

LogVerifier::LogVerifier(QSqlDatabase database, crypto::SecretBytes chainKey,
                         std::optional<LogArchiveFiles> archives)
    : m_database(std::move(database))
    , m_key(std::move(chainKey))
    , m_archives(std::move(archives))
{}

StoreResult<QList<api::LogVerification>>
LogVerifier::verifyTenant(const QString &tenantId, const LogCheckpoints::Latest &checkpoint)
{
    return inSnapshot({tenantId}, checkpoint);
}

StoreResult<QList<api::LogVerification>>
LogVerifier::verifyAll(const LogCheckpoints::Latest &checkpoint)
{
    return inSnapshot({}, checkpoint);
}

StoreResult<QList<api::LogVerification>>
LogVerifier::inSnapshot(const QStringList &tenants, const LogCheckpoints::Latest &checkpoint)
{
    // One snapshot for rows and heads: the access-log writer moves both in
    // one transaction, and reading them at two moments would see a fork
    // that is not there. SQLite's deferred transaction reads one snapshot
    // from its first read; PostgreSQL needs REPEATABLE READ for that.
    QSqlQuery begin(m_database);
    const QString beginSql =
        store::dialectOf(m_database) == store::SqlDialect::PostgreSql
            ? QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            : QStringLiteral("BEGIN");
    if (!begin.exec(beginSql))
        return store::databaseError(QStringLiteral("starting a log check"),
                                    begin.lastError().text());
    const auto finish = [this] {
        QSqlQuery(m_database).exec(QStringLiteral("ROLLBACK"));
    };
    QStringList chosen = tenants;
    if (chosen.isEmpty()) {
        auto all = chainTenants(m_database, checkpoint);
        if (!all) {
            finish();
            return all.error();
        }
        chosen = all.value();
    }
    QList<api::LogVerification> results;
    for (const QString &tenantId : std::as_const(chosen)) {
        for (const api::LogKind log : {api::LogKind::Access, api::LogKind::Operation}) {
            auto result = verifyChain(tenantId, log, checkpoint);
            if (!result) {
                finish();
                return result.error();
            }
            results.append(result.value());
        }
    }
    finish();
    return results;
}

StoreResult<api::LogVerification> LogVerifier::verifyChain(const QString &tenantId,
                                                           api::LogKind log,
                                                           const LogCheckpoints::Latest &checkpoint)
{
    const QLatin1String name = chainName(log);
    api::LogVerification result;
    result.tenant = tenantId;
    result.log = log;
    if (checkpoint.state == LogCheckpoints::State::Valid)
        result.checkpointAt = checkpoint.checkpoint.at;

    std::optional<ChainHead> checkpointed;
    for (const ChainHead &head : checkpoint.checkpoint.heads) {
        if (head.tenantId == tenantId && head.log == log)
            checkpointed = head;
    }
    std::optional<QString> checkpointedMac; // the MAC of the checkpointed row, once seen

    qint64 expected = 1;
    QString prev = store::logchain::genesisHash();
    // The archived rows come first: the rows in the database go on from the
    // newest archive's last row.
    const auto archived = LogArchiveRepository(m_database).chain(tenantId, log);
    if (!archived)
        return archived.error();
    for (const ArchiveEntry &entry : archived.value()) {
        if (entry.firstSeq != expected)
            return broken(
                result, api::LogBreak::SequenceGap, std::min(entry.firstSeq, expected),
                entry.firstSeq > expected
                    ? QStringLiteral("Rows %1 to %2 are missing: neither archived nor "
                                     "in the database.")
                          .arg(expected)
                          .arg(entry.firstSeq - 1)
                    : QStringLiteral("Row %1 is archived more than once.").arg(entry.firstSeq));
        if (entry.prevHash != prev)
            return broken(result, api::LogBreak::ChainBroken, entry.firstSeq,
                          QStringLiteral("The archive file %1 does not follow the row before it.")
                              .arg(entry.fileName));
        if (!m_archives)
            return broken(result, api::LogBreak::ArchiveInvalid, entry.firstSeq,
                          QStringLiteral("The archive files cannot be read by this check."));
        const std::optional<qint64> watch =
            checkpointed ? std::optional<qint64>(checkpointed->seq) : std::nullopt;
        const auto checked = m_archives->verify(entry, m_key, watch);
        if (const auto *failure = std::get_if<ChainBreak>(&checked))
            return broken(result, failure->kind, failure->seq, failure->detail);
        const auto &intact = std::get<LogArchiveFiles::Checked>(checked);
        if (intact.watchedMac)
            checkpointedMac = intact.watchedMac;
        result.checkedRows += intact.rows;
        expected = entry.lastSeq + 1;
        prev = entry.lastHash;
    }
    const qint64 archivedRows = result.checkedRows;

    const QStringList &columns = store::logchain::chainedColumns(name);
    QSqlQuery rows(m_database);
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT prev_hash, mac, %1 FROM %2 WHERE tenant_id = ? ORDER BY "
                                "tenant_seq")
                     .arg(columns.join(QStringLiteral(", ")), store::logchain::tableOf(name)));
    rows.addBindValue(tenantId);
    if (!rows.exec())
        return store::databaseError(QStringLiteral("reading a log chain"), rows.lastError().text());
    while (rows.next()) {
        const QVariant seqValue = rows.value(3);
        if (seqValue.isNull())
            return broken(result, api::LogBreak::SequenceGap, std::nullopt,
                          QStringLiteral("A row has no sequence number."));
        const qint64 seq = seqValue.toLongLong();
        if (seq != expected)
            return broken(result, api::LogBreak::SequenceGap, std::min(seq, expected),
                          seq > expected
                              ? QStringLiteral("Row %1 is missing.").arg(expected)
                              : QStringLiteral("Row %1 appears more than once.").arg(seq));
        const QString storedPrev = rows.value(0).toString();
        const QString storedMac = rows.value(1).toString();
        if (storedPrev != prev)
            return broken(result, api::LogBreak::ChainBroken, seq,
                          QStringLiteral("Row %1 does not follow the row before it.").arg(seq));
        QList<QVariant> values;
        values.reserve(columns.size());
        for (int i = 0; i < columns.size(); ++i)
            values.append(rows.value(i + 2));
        const QString mac =
            store::logchain::rowMac(m_key, store::logchain::canonicalRow(name, values), storedPrev);
        if (rows.value(1).isNull() ||
            !crypto::equalConstantTime(mac.toLatin1(), storedMac.toLatin1()))
            return broken(result, api::LogBreak::RowChanged, seq,
                          QStringLiteral("Row %1 is not as it was written.").arg(seq));
        if (checkpointed && checkpointed->seq == seq)
            checkpointedMac = mac;
        prev = mac;
        ++expected;
        ++result.checkedRows;
    }
    const qint64 last = expected - 1;

    QSqlQuery head(m_database);
    head.prepare(
        QStringLiteral("SELECT seq, hash FROM log_chain_heads WHERE tenant_id = ? AND log = ?"));
    head.addBindValue(tenantId);
    head.addBindValue(QString(name));
    if (!head.exec())
        return store::databaseError(QStringLiteral("reading a log chain head"),
                                    head.lastError().text());
    if (head.next()) {
        const qint64 headSeq = head.value(0).toLongLong();
        const QString headHash = head.value(1).toString();
        if (headSeq != last || (last > 0 && headHash != prev))
            return broken(result, api::LogBreak::HeadMismatch,
                          headSeq == last ? last : std::min(headSeq, last) + 1,
                          QStringLiteral("The chain head says row %1, the rows end at %2.")
                              .arg(headSeq)
                              .arg(last));
    } else if (last > 0) {
        return broken(result, api::LogBreak::HeadMismatch, last + 1,
                      QStringLiteral("The chain head is missing."));
    }

    if (checkpoint.state == LogCheckpoints::State::Invalid)
        return broken(result, api::LogBreak::CheckpointInvalid, std::nullopt,
                      QStringLiteral("The newest checkpoint does not verify."));
    if (checkpointed && checkpointed->seq > last)
        return broken(result, api::LogBreak::CheckpointMissing, last + 1,
                      QStringLiteral("The checkpoint names row %1; the rows end at %2.")
                          .arg(checkpointed->seq)
                          .arg(last));
    if (checkpointed && checkpointed->seq > 0 && checkpointedMac != checkpointed->hash)
        return broken(result, api::LogBreak::RowChanged, checkpointed->seq,
                      QStringLiteral("Row %1 differs from the checkpoint.").arg(checkpointed->seq));
    result.detail = archived.value().isEmpty()
                        ? QStringLiteral("%1 rows intact.").arg(result.checkedRows)
                        : QStringLiteral("%1 rows intact, %2 of them in %3 archive files.")
                              .arg(result.checkedRows)
                              .arg(archivedRows)
                              .arg(archived.value().size());
    return result;
}

} // namespace engage::server::logs
