#include "logarchives.h"

#include "api/validators.h"
#include "crypto/mac.h"
#include "crypto/random.h"
#include "store/logchain.h"
#include "store/scopedquery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <fcntl.h>
#include <unistd.h>

namespace engage::server::logs {

using store::StoreError;
using store::StoreErrorKind;
using store::StoreResult;

namespace {

constexpr int kFormatVersion = 1;
// Far above the ~100,000 rows the archiver puts in one file.
constexpr qint64 kMaxArchiveBytes = qint64(1) << 30;

const QLatin1String kFormat("format");
const QLatin1String kFormatName("engage-log-archive");
const QLatin1String kVersion("version");
const QLatin1String kTenant("tenant");
const QLatin1String kLog("log");
const QLatin1String kFirstSeq("firstSeq");
const QLatin1String kLastSeq("lastSeq");
const QLatin1String kRowCount("rowCount");
const QLatin1String kPrevHash("prevHash");
const QLatin1String kRowPrevHash("prev_hash");
const QLatin1String kRowMac("mac");
const QLatin1String kSignature("signature");

QLatin1String chainName(api::LogKind log)
{
    return log == api::LogKind::Access ? store::logchain::kAccess : store::logchain::kOperation;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Integers as JSON numbers (all the chained ones fit in 53 bits), text as
// strings: what canonicalRow reads back through QVariant::toString either way.
QJsonValue jsonOf(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: {
        const qint64 number = value.toLongLong();
        if (number >= -api::kMaxJsonInteger && number <= api::kMaxJsonInteger)
            return QJsonValue(number);
        break;
    }
    default:
        break;
    }
    return QJsonValue(value.toString());
}

std::optional<QVariant> variantOf(const QJsonValue &value)
{
    if (value.isNull())
        return QVariant();
    if (value.isString())
        return QVariant(value.toString());
    if (value.isDouble()) {
        const double number = value.toDouble();
        const qint64 integer = value.toInteger();
        if (double(integer) != number || integer < -api::kMaxJsonInteger ||
            integer > api::kMaxJsonInteger)
            return std::nullopt;
        return QVariant(integer);
    }
    return std::nullopt;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

bool makePrivateDirectory(const QString &path)
{
    return QDir().mkpath(path) &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

ChainBreak archiveInvalid(const ArchiveEntry &entry, const QString &why)
{
    return ChainBreak{api::LogBreak::ArchiveInvalid, entry.firstSeq,
                      QStringLiteral("The archive file %1 of rows %2 to %3 %4.")
                          .arg(entry.fileName)
                          .arg(entry.firstSeq)
                          .arg(entry.lastSeq)
                          .arg(why)};
}

// Of a QSqlQuery or a ScopedQuery selecting kEntryColumns.
template<typename Query>
ArchiveEntry entryFrom(const Query &query)
{
    ArchiveEntry entry;
    entry.id = query.value(0).toString();
    entry.tenantId = query.value(1).toString();
    entry.log = api::logKindFromName(query.value(2).toString()).value_or(api::LogKind::Operation);
    entry.firstSeq = query.value(3).toLongLong();
    entry.lastSeq = query.value(4).toLongLong();
    entry.firstAtMs = query.value(5).toLongLong();
    entry.lastAtMs = query.value(6).toLongLong();
    entry.rowCount = query.value(7).toLongLong();
    entry.prevHash = query.value(8).toString();
    entry.lastHash = query.value(9).toString();
    entry.fileName = query.value(10).toString();
    entry.sha256 = query.value(11).toString();
    entry.createdAtMs = query.value(12).toLongLong();
    return entry;
}

const QString kEntryColumns = QStringLiteral(
    "id, tenant_id, log, first_seq, last_seq, first_at, last_at, row_count, prev_hash, "
    "last_hash, file_name, file_sha256, created_at");

} // namespace

api::LogArchive ArchiveEntry::toWire() const
{
    api::LogArchive archive;
    archive.id = id;
    archive.log = log;
    archive.firstSeq = firstSeq;
    archive.lastSeq = lastSeq;
    archive.firstAt = QDateTime::fromMSecsSinceEpoch(firstAtMs, Qt::UTC);
    archive.lastAt = QDateTime::fromMSecsSinceEpoch(lastAtMs, Qt::UTC);
    archive.rowCount = rowCount;
    archive.fileName = fileName;
    archive.sha256 = sha256;
    archive.createdAt = QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC);
    return archive;
}

// ---- files ----------------------------------------------------------------

LogArchiveFiles::LogArchiveFiles(QString dataDirectory, crypto::SecretBytes signingKey)
    : m_directory(directoryOf(dataDirectory))
    , m_key(std::move(signingKey))
{}

QString LogArchiveFiles::directoryOf(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("log-archives"));
}

QString LogArchiveFiles::fileNameOf(api::LogKind log, qint64 firstSeq, qint64 lastSeq)
{
    return QStringLiteral("%1-%2-%3.ndjson").arg(chainName(log)).arg(firstSeq).arg(lastSeq);
}

QString LogArchiveFiles::pathOf(const QString &tenantId, const QString &fileName) const
{
    return QDir(QDir(m_directory).filePath(tenantId)).filePath(fileName);
}

QByteArray LogArchiveFiles::encode(const QString &tenantId, api::LogKind log,
                                   const QString &prevHash, const QList<ChainedRow> &rows) const
{
    const QLatin1String name = chainName(log);
    const QStringList &columns = store::logchain::chainedColumns(name);
    QByteArray bytes = compact(QJsonObject{
        {kFormat, kFormatName},
        {kVersion, kFormatVersion},
        {kTenant, tenantId},
        {kLog, QString(name)},
        {kFirstSeq, rows.isEmpty() ? 0 : rows.first().seq()},
        {kLastSeq, rows.isEmpty() ? 0 : rows.last().seq()},
        {kRowCount, qint64(rows.size())},
        {kPrevHash, prevHash},
    });
    for (const ChainedRow &row : rows) {
        QJsonObject object;
        for (int i = 0; i < columns.size(); ++i)
            object.insert(columns.at(i), jsonOf(row.values.at(i)));
        object.insert(kRowPrevHash, row.prevHash);
        object.insert(kRowMac, row.mac);
        bytes += compact(object);
    }
    bytes += compact(
        QJsonObject{{kSignature, QString::fromLatin1(crypto::hmacSha256(m_key, bytes).toHex())}});
    return bytes;
}

bool LogArchiveFiles::write(const QString &tenantId, const QString &fileName,
                            const QByteArray &bytes, QString *error) const
{
    const QString directory = QDir(m_directory).filePath(tenantId);
    if (!makePrivateDirectory(m_directory) || !makePrivateDirectory(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    QSaveFile file(pathOf(tenantId, fileName));
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.flush() || ::fsync(file.handle()) != 0 ||
        !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    // The rename is durable only once the directory is: until then a crash
    // could lose the file after its rows left the database.
    if (!syncDirectory(directory)) {
        *error = QStringLiteral("cannot sync %1").arg(directory);
        return false;
    }
    return true;
}

std::variant<LogArchiveFiles::Checked, ChainBreak>
LogArchiveFiles::verify(const ArchiveEntry &entry, const crypto::SecretBytes &chainKey,
                        std::optional<qint64> watchSeq) const
{
    // The name follows from the record: a record pointing elsewhere on the
    // disk is not one the archiver wrote.
    if (entry.fileName != fileNameOf(entry.log, entry.firstSeq, entry.lastSeq) ||
        api::validateId(entry.tenantId))
        return archiveInvalid(entry, QStringLiteral("is recorded under a name it never had"));
    QFile file(pathOf(entry.tenantId, entry.fileName));
    if (!file.exists())
        return archiveInvalid(entry, QStringLiteral("is missing"));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxArchiveBytes)
        return archiveInvalid(entry, QStringLiteral("cannot be read"));
    const QByteArray bytes = file.readAll();
    // Header, rows, signature, and the empty piece after the last newline.
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() < 3 || !lines.last().isEmpty())
        return archiveInvalid(entry, QStringLiteral("is cut short"));

    const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
    const QLatin1String name = chainName(entry.log);
    if (header.value(kFormat).toString() != kFormatName ||
        header.value(kVersion).toInt() != kFormatVersion ||
        header.value(kTenant).toString() != entry.tenantId ||
        header.value(kLog).toString() != name ||
        header.value(kFirstSeq).toInteger() != entry.firstSeq ||
        header.value(kLastSeq).toInteger() != entry.lastSeq ||
        header.value(kRowCount).toInteger() != entry.rowCount ||
        header.value(kPrevHash).toString() != entry.prevHash)
        return archiveInvalid(entry, QStringLiteral("does not describe the rows recorded"));

    // Rows cut out of the file are found at their seq below; lines added
    // are not rows of this archive.
    const qsizetype rowLines = lines.size() - 3;
    if (rowLines > entry.rowCount)
        return archiveInvalid(entry, QStringLiteral("holds more lines than the rows recorded"));

    const QStringList &columns = store::logchain::chainedColumns(name);
    Checked checked;
    qint64 expected = entry.firstSeq;
    QString prev = entry.prevHash;
    for (qsizetype i = 1; i <= rowLines; ++i) {
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        QList<QVariant> values;
        values.reserve(columns.size());
        bool readable = object.size() == columns.size() + 2;
        for (const QString &column : columns) {
            const std::optional<QVariant> value = variantOf(object.value(column));
            readable = readable && value.has_value();
            values.append(value.value_or(QVariant()));
        }
        if (!readable || values.at(1).isNull())
            return ChainBreak{api::LogBreak::RowChanged, expected,
                              QStringLiteral("Row %1 in the archive file %2 does not read.")
                                  .arg(expected)
                                  .arg(entry.fileName)};
        const qint64 seq = values.at(1).toLongLong();
        if (seq != expected)
            return ChainBreak{api::LogBreak::SequenceGap, std::min(seq, expected),
                              seq > expected
                                  ? QStringLiteral("Row %1 is missing from the archive file %2.")
                                        .arg(expected)
                                        .arg(entry.fileName)
                                  : QStringLiteral("Row %1 appears more than once in the archive "
                                                   "file %2.")
                                        .arg(seq)
                                        .arg(entry.fileName)};
        const QString storedPrev = object.value(kRowPrevHash).toString();
        if (storedPrev != prev)
            return ChainBreak{api::LogBreak::ChainBroken, seq,
                              QStringLiteral("Row %1 in the archive file %2 does not follow the "
                                             "row before it.")
                                  .arg(seq)
                                  .arg(entry.fileName)};
        const QString mac = store::logchain::rowMac(
            chainKey, store::logchain::canonicalRow(name, values), storedPrev);
        if (values.at(0).toString() != entry.tenantId ||
            !crypto::equalConstantTime(mac.toLatin1(), object.value(kRowMac).toString().toLatin1()))
            return ChainBreak{api::LogBreak::RowChanged, seq,
                              QStringLiteral("Row %1 in the archive file %2 is not as it was "
                                             "written.")
                                  .arg(seq)
                                  .arg(entry.fileName)};
        if (watchSeq == seq)
            checked.watchedMac = mac;
        prev = mac;
        ++expected;
        ++checked.rows;
    }
    if (expected <= entry.lastSeq)
        return ChainBreak{api::LogBreak::SequenceGap, expected,
                          QStringLiteral("Row %1 is missing from the archive file %2.")
                              .arg(expected)
                              .arg(entry.fileName)};
    if (checked.rows != entry.rowCount || prev != entry.lastHash)
        return archiveInvalid(entry, QStringLiteral("does not end where its record says"));

    const QByteArray signedPart = bytes.left(bytes.size() - lines.at(lines.size() - 2).size() - 1);
    const QString signature =
        QJsonDocument::fromJson(lines.at(lines.size() - 2)).object().value(kSignature).toString();
    const QString expectedSignature =
        QString::fromLatin1(crypto::hmacSha256(m_key, signedPart).toHex());
    if (!crypto::equalConstantTime(signature.toLatin1(), expectedSignature.toLatin1()))
        return archiveInvalid(entry, QStringLiteral("has a signature that fails"));
    if (sha256Of(bytes) != entry.sha256)
        return archiveInvalid(entry, QStringLiteral("is not the file recorded"));
    return checked;
}

std::optional<QByteArray> LogArchiveFiles::read(const ArchiveEntry &entry, QString *error) const
{
    if (entry.fileName != fileNameOf(entry.log, entry.firstSeq, entry.lastSeq) ||
        api::validateId(entry.tenantId)) {
        *error = QStringLiteral("archive %1 names another file").arg(entry.id);
        return std::nullopt;
    }
    QFile file(pathOf(entry.tenantId, entry.fileName));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxArchiveBytes) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (sha256Of(bytes) != entry.sha256) {
        *error = QStringLiteral("%1 is not the file recorded").arg(file.fileName());
        return std::nullopt;
    }
    return bytes;
}

// ---- repository -----------------------------------------------------------

LogArchiveRepository::LogArchiveRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<api::LogSettings> LogArchiveRepository::settings(const store::TenantScope &scope)
{
    // The tenants table is the root of every scope (its id is the tenant):
    // read by id, like TenantRepository does.
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral(
        "SELECT log_archive_after_days, log_settings_revision FROM tenants WHERE id = ?"));
    query.addBindValue(scope.tenantId());
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading the log settings"),
                                    query.lastError().text());
    if (!query.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such tenant")};
    api::LogSettings settings;
    if (!query.value(0).isNull())
        settings.archiveAfterDays = query.value(0).toInt();
    settings.revision = query.value(1).toLongLong();
    return settings;
}

StoreResult<api::LogSettings>
LogArchiveRepository::updateSettings(const store::TenantScope &scope, qint64 expectedRevision,
                                     std::optional<int> archiveAfterDays)
{
    QSqlQuery query(m_database);
    query.prepare(
        QStringLiteral("UPDATE tenants SET log_archive_after_days = ?, log_settings_revision = "
                       "log_settings_revision + 1 WHERE id = ? AND log_settings_revision = ?"));
    query.addBindValue(archiveAfterDays ? QVariant(*archiveAfterDays) : QVariant());
    query.addBindValue(scope.tenantId());
    query.addBindValue(expectedRevision);
    if (!query.exec())
        return store::databaseError(QStringLiteral("updating the log settings"),
                                    query.lastError().text());
    if (query.numRowsAffected() != 1) {
        auto current = settings(scope);
        if (!current)
            return current.error();
        return StoreError{StoreErrorKind::Conflict, QStringLiteral("log settings revision")};
    }
    return settings(scope);
}

StoreResult<QList<ArchiveEntry>> LogArchiveRepository::list(const store::TenantScope &scope)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT %1 FROM log_archives WHERE tenant_id = :tenant_id ORDER "
                                 "BY log, first_seq")
                      .arg(kEntryColumns));
    if (!query.exec())
        return store::databaseError(QStringLiteral("listing log archives"), query.errorText());
    QList<ArchiveEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

StoreResult<ArchiveEntry> LogArchiveRepository::get(const store::TenantScope &scope,
                                                    const QString &id)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT %1 FROM log_archives WHERE tenant_id = :tenant_id AND id = :id")
            .arg(kEntryColumns));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading a log archive"), query.errorText());
    if (!query.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such log archive")};
    return entryFrom(query);
}

StoreResult<QList<ArchiveEntry>> LogArchiveRepository::chain(const QString &tenantId,
                                                             api::LogKind log)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM log_archives WHERE tenant_id = ? AND log = ? "
                                 "ORDER BY first_seq")
                      .arg(kEntryColumns));
    query.addBindValue(tenantId);
    query.addBindValue(QString(chainName(log)));
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading log archives"),
                                    query.lastError().text());
    QList<ArchiveEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

store::StoreStatus LogArchiveRepository::insert(const store::TenantScope &scope,
                                                const ArchiveEntry &entry)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO log_archives (id, tenant_id, log, first_seq, last_seq, first_at, last_at, "
        "row_count, prev_hash, last_hash, file_name, file_sha256, created_at) VALUES (:id, "
        ":tenant_id, :log, :first_seq, :last_seq, :first_at, :last_at, :row_count, :prev_hash, "
        ":last_hash, :file_name, :file_sha256, :created_at)"));
    query.bindValue(QStringLiteral(":id"), entry.id);
    query.bindValue(QStringLiteral(":log"), QString(chainName(entry.log)));
    query.bindValue(QStringLiteral(":first_seq"), entry.firstSeq);
    query.bindValue(QStringLiteral(":last_seq"), entry.lastSeq);
    query.bindValue(QStringLiteral(":first_at"), entry.firstAtMs);
    query.bindValue(QStringLiteral(":last_at"), entry.lastAtMs);
    query.bindValue(QStringLiteral(":row_count"), entry.rowCount);
    query.bindValue(QStringLiteral(":prev_hash"), entry.prevHash);
    query.bindValue(QStringLiteral(":last_hash"), entry.lastHash);
    query.bindValue(QStringLiteral(":file_name"), entry.fileName);
    query.bindValue(QStringLiteral(":file_sha256"), entry.sha256);
    query.bindValue(QStringLiteral(":created_at"), entry.createdAtMs);
    if (!query.exec())
        return store::databaseError(QStringLiteral("recording a log archive"), query.errorText());
    return store::Done{};
}

} // namespace engage::server::logs
