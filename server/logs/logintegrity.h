#pragma once

#include "api/logrecord.h"
#include "crypto/secretbytes.h"
#include "logarchives.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace engage::server::logs {

// The newest link of one chain (store/logchain.h).
struct ChainHead
{
    QString tenantId; // "" for requests of no known tenant
    api::LogKind log = api::LogKind::Operation;
    qint64 seq = 0;
    QString hash;
};

// What a checkpoint file says: every chain head at one moment.
struct Checkpoint
{
    QDateTime at;
    QList<ChainHead> heads;
};

// Chain heads written to signed files outside the database, so that deleting
// the newest rows of a chain (and moving its head back to match) is caught:
// the checkpoint still names the row that is gone. The files are
// <data-dir>/log-checkpoints/checkpoint-<UTC time>.json, mode 0600:
//   {"version":1,"at":"…","heads":[{"tenant","log","seq","hash"}],"mac":"<hex>"}
// with mac = HMAC-SHA256(Keyring::logCheckpointKey, the compact JSON of the
// rest). Every checkpoint is kept; the newest one is compared.
class LogCheckpoints final
{
public:
    LogCheckpoints(QString dataDirectory, crypto::SecretBytes key);

    static QString directoryOf(const QString &dataDirectory);

    // Reads every head of the access and operation chains and writes them.
    bool write(const QSqlDatabase &database, const QDateTime &at, QString *error) const;

    enum class State
    {
        None,    // no checkpoint yet
        Valid,   // `checkpoint` holds the newest
        Invalid, // the newest file does not read or its MAC fails
    };
    struct Latest
    {
        State state = State::None;
        Checkpoint checkpoint;
        QString file;
    };
    Latest latest() const;

private:
    const QString m_directory;
    const crypto::SecretBytes m_key;
};

// Checks chains row by row from the genesis value (see api::LogBreak): the
// rows archived first, archive by archive (log_archives, each file checked
// by LogArchiveFiles::verify, each archive following the one before it),
// then the rows in the database from the newest archive's last row on; the
// first row whose seq, prev_hash or MAC is wrong, then the head row, then the
// checkpoint. Reads one snapshot of the database, so rows written meanwhile
// do not count against it. Without `archives` (the files' place and key) a
// chain that has archives is reported ArchiveInvalid: its old rows cannot be
// checked.
class LogVerifier final
{
public:
    LogVerifier(QSqlDatabase database, crypto::SecretBytes chainKey,
                std::optional<LogArchiveFiles> archives = std::nullopt);

    // One tenant's access and operation chains.
    store::StoreResult<QList<api::LogVerification>>
    verifyTenant(const QString &tenantId, const LogCheckpoints::Latest &checkpoint);
    // Every chain in the database or in the checkpoint.
    store::StoreResult<QList<api::LogVerification>>
    verifyAll(const LogCheckpoints::Latest &checkpoint);

private:
    store::StoreResult<api::LogVerification> verifyChain(const QString &tenantId, api::LogKind log,
                                                         const LogCheckpoints::Latest &checkpoint);
    store::StoreResult<QList<api::LogVerification>>
    inSnapshot(const QStringList &tenants, const LogCheckpoints::Latest &checkpoint);

    QSqlDatabase m_database;
    const crypto::SecretBytes m_key;
    const std::optional<LogArchiveFiles> m_archives;
};

} // namespace engage::server::logs
