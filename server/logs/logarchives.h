#pragma once

#include "api/logrecord.h"
#include "crypto/secretbytes.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <optional>
#include <variant>

namespace engage::server::logs {

// A row of an access or operation chain as its table holds it: the values of
// store::logchain::chainedColumns (tenant_id, tenant_seq, at, ...), the MAC
// of the row before it and its own.
struct ChainedRow
{
    QList<QVariant> values;
    QString prevHash;
    QString mac;

    qint64 seq() const { return values.at(1).toLongLong(); }
    qint64 atMs() const { return values.at(2).toLongLong(); }
};

// One row of log_archives (schema 0006): rows firstSeq..lastSeq of a
// tenant's log, moved out of the database into `fileName`.
struct ArchiveEntry
{
    QString id;
    QString tenantId;
    api::LogKind log = api::LogKind::Operation;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    qint64 firstAtMs = 0;
    qint64 lastAtMs = 0;
    qint64 rowCount = 0;
    QString prevHash; // what row firstSeq follows
    QString lastHash; // the MAC of row lastSeq: what the next row follows
    QString fileName;
    QString sha256; // hex, of the whole file
    qint64 createdAtMs = 0;

    api::LogArchive toWire() const;
};

// Where a chain first fails, as api::LogVerification reports it.
struct ChainBreak
{
    api::LogBreak kind = api::LogBreak::RowChanged;
    std::optional<qint64> seq;
    QString detail; // English, for the operator
};

// The archive files: <data-dir>/log-archives/<tenant id>/<log>-<first>-<last>.ndjson,
// mode 0600 in directories of mode 0700. A file is UTF-8 NDJSON:
//
//   {"format":"engage-log-archive","version":1,"tenant","log","firstSeq","lastSeq",
//    "rowCount","prevHash"}
//   {<each chained column>: its value as stored (text, integer or null),
//    "prev_hash", "mac"}                    one line per row, in seq order
//   {"signature":"<hex>"}
//
// with signature = HMAC-SHA256(Keyring::logCheckpointKey, every byte before
// that last line), the key that signs the checkpoints: like them, a file
// outside the database that only the service can have written. The rows keep
// their values and MACs exactly, so their chain is checked again from the
// file with the chain key, as if they were still in the table. A file's bytes
// depend on its rows only: writing the same rows again writes the same file.
class LogArchiveFiles final
{
public:
    LogArchiveFiles(QString dataDirectory, crypto::SecretBytes signingKey);

    static QString directoryOf(const QString &dataDirectory);
    static QString fileNameOf(api::LogKind log, qint64 firstSeq, qint64 lastSeq);
    QString pathOf(const QString &tenantId, const QString &fileName) const;

    // The file's bytes for `rows` (consecutive, of one tenant's `log`, the
    // first following `prevHash`).
    QByteArray encode(const QString &tenantId, api::LogKind log, const QString &prevHash,
                      const QList<ChainedRow> &rows) const;
    // Writes `bytes` as `fileName` of `tenantId` durably: a temporary file
    // synced to disk, renamed into place, the directory synced, so that the
    // file survives a crash once this returns true.
    bool write(const QString &tenantId, const QString &fileName, const QByteArray &bytes,
               QString *error) const;

    struct Checked
    {
        qint64 rows = 0;
        // The MAC of row `watchSeq` when the file holds it (the checkpoint's row).
        std::optional<QString> watchedMac;
    };
    // Checks `entry`'s file against `entry` and every row in it against
    // `chainKey`: the first row that fails is named as the table's rows
    // would be (RowChanged, ChainBroken, SequenceGap); a file that is missing,
    // unreadable, unsigned, cut short or not the file recorded is
    // ArchiveInvalid at the entry's first row.
    std::variant<Checked, ChainBreak> verify(const ArchiveEntry &entry,
                                             const crypto::SecretBytes &chainKey,
                                             std::optional<qint64> watchSeq) const;

    // The file of `entry` as written (its SHA-256 checked), for a download.
    std::optional<QByteArray> read(const ArchiveEntry &entry, QString *error) const;

private:
    QString m_directory;
    crypto::SecretBytes m_key;
};

// The tenant's retention setting (tenants.log_archive_after_days, revision
// log_settings_revision) and its archives (log_archives).
class LogArchiveRepository final
{
public:
    explicit LogArchiveRepository(QSqlDatabase database);

    store::StoreResult<api::LogSettings> settings(const store::TenantScope &scope);
    // Conflict when `expectedRevision` is not the stored one.
    store::StoreResult<api::LogSettings> updateSettings(const store::TenantScope &scope,
                                                        qint64 expectedRevision,
                                                        std::optional<int> archiveAfterDays);

    // Every archive of the tenant, by log then first row.
    store::StoreResult<QList<ArchiveEntry>> list(const store::TenantScope &scope);
    // NotFound for an id of no archive of this tenant.
    store::StoreResult<ArchiveEntry> get(const store::TenantScope &scope, const QString &id);
    // The archives of one chain, oldest first. Unscoped, like the verifier's
    // other reads: it checks chains of every tenant and of none ("").
    store::StoreResult<QList<ArchiveEntry>> chain(const QString &tenantId, api::LogKind log);
    // Inside the caller's transaction.
    store::StoreStatus insert(const store::TenantScope &scope, const ArchiveEntry &entry);

private:
    QSqlDatabase m_database;
};

} // namespace engage::server::logs
