#include "offlinecache.h"

#include "sealedrecord.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>
#include <limits>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcCache, "engage.cache")

constexpr quint64 kMagic = 0x454e474f46464c4eULL; // "ENGOFFLN"
constexpr quint32 kVersion = 1;
constexpr int kTimeSize = 8; // the fetch time in front of a record's JSON
constexpr int kDefaultWriteDelayMs = 1000;
constexpr qint64 kDefaultSizeLimit = qint64(256) << 20;

void appendField(QByteArray &out, const QString &field)
{
    const QByteArray bytes = field.toUtf8();
    char length[4];
    qToBigEndian(static_cast<quint32>(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

} // namespace

OfflineCache::OfflineCache(const QString &directory, OfflineScope scope, QByteArray key,
                           QObject *parent)
    : QObject(parent)
    , m_scope(std::move(scope))
    , m_path(filePath(directory, m_scope))
    , m_key(std::move(key))
    , m_idKey(QMessageAuthenticationCode::hash("engage/offline-cache/record-id", m_key,
                                               QCryptographicHash::Sha256))
    , m_sizeLimit(kDefaultSizeLimit)
{
    m_scope.email = m_scope.email.toLower();
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(kDefaultWriteDelayMs);
    connect(&m_writeTimer, &QTimer::timeout, this, &OfflineCache::startWrite);
    connect(&m_reading, &QFutureWatcherBase::finished, this, &OfflineCache::onRead);
    connect(&m_writing, &QFutureWatcherBase::finished, this, &OfflineCache::onWritten);
}

OfflineCache::~OfflineCache()
{
    // The read only fills a copy; nobody needs it any more.
    m_reading.disconnect(this);
    if (m_dirty)
        flush();
    else
        m_writing.waitForFinished();
}

QString OfflineCache::filePath(const QString &directory, const OfflineScope &scope)
{
    QByteArray name;
    appendField(name, scope.profile);
    appendField(name, scope.tenant);
    appendField(name, scope.email.toLower());
    const QByteArray hash = QCryptographicHash::hash(name, QCryptographicHash::Sha256).toHex();
    return QDir(directory).filePath(QString::fromLatin1(hash.left(32)) + QLatin1String(".offline"));
}

void OfflineCache::load()
{
    m_readStartedAt = m_clears;
    m_loading = true;
    m_reading.setFuture(QtConcurrent::run([path = m_path] { return readFile(path); }));
}

void OfflineCache::onRead()
{
    m_loading = false;
    if (m_readStartedAt != m_clears)
        return;
    const std::optional<Records> read = m_reading.result();
    if (!read) {
        // Rewritten with what is stored from now on.
        scheduleWrite();
    } else {
        for (auto it = read->cbegin(); it != read->cend(); ++it) {
            if (!m_records.contains(it.key()))
                put(it.key(), it.value());
        }
        keepWithinLimit();
    }
    qCDebug(lcCache) << "loaded" << m_records.size() << "records";
    Q_EMIT loaded(int(m_records.size()));
}

void OfflineCache::clear()
{
    ++m_clears;
    m_loading = false; // what the read brings is dropped
    m_writeTimer.stop();
    m_writing.waitForFinished();
    m_dirty = false;
    m_records.clear();
    m_lastUse.clear();
    m_bytes = 0;
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        qCWarning(lcCache) << "could not remove the offline cache file";
}

void OfflineCache::store(const QString &key, const QJsonDocument &json, const QDateTime &fetchedAt)
{
    QByteArray plaintext(kTimeSize, Qt::Uninitialized);
    qToBigEndian(static_cast<qint64>(fetchedAt.toMSecsSinceEpoch()), plaintext.data());
    plaintext.append(json.toJson(QJsonDocument::Compact));
    const QByteArray id = recordId(key);
    put(id, sealRecord(m_key, plaintext, associatedData(key)));
    touch(id);
    keepWithinLimit(id);
    scheduleWrite();
}

void OfflineCache::setSizeLimit(qint64 bytes)
{
    m_sizeLimit = bytes;
    keepWithinLimit();
}

void OfflineCache::put(const QByteArray &id, QByteArray sealed)
{
    drop(id);
    m_bytes += sealed.size();
    m_records.insert(id, std::move(sealed));
}

void OfflineCache::drop(const QByteArray &id)
{
    const auto it = m_records.constFind(id);
    if (it == m_records.cend())
        return;
    m_bytes -= it->size();
    m_records.erase(it);
    m_lastUse.remove(id);
}

void OfflineCache::keepWithinLimit(const QByteArray &kept)
{
    bool dropped = false;
    while (m_bytes > m_sizeLimit && m_records.size() > (kept.isEmpty() ? 0 : 1)) {
        QByteArray oldest;
        quint64 oldestUse = std::numeric_limits<quint64>::max();
        for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
            const quint64 use = m_lastUse.value(it.key(), 0);
            if (it.key() != kept && use < oldestUse) {
                oldest = it.key();
                oldestUse = use;
            }
        }
        drop(oldest);
        dropped = true;
    }
    if (dropped)
        scheduleWrite();
}

std::optional<OfflineCache::Entry> OfflineCache::find(const QString &key)
{
    const QByteArray id = recordId(key);
    const auto it = m_records.constFind(id);
    if (it == m_records.cend())
        return std::nullopt;
    touch(id);
    const std::optional<QByteArray> plaintext = openRecord(m_key, *it, associatedData(key));
    QJsonParseError parseError{};
    QJsonDocument json;
    if (plaintext && plaintext->size() >= kTimeSize)
        json = QJsonDocument::fromJson(plaintext->sliced(kTimeSize), &parseError);
    if (!plaintext || json.isNull()) {
        // Never the key itself in the log: it may hold a search.
        qCWarning(lcCache) << "dropped an offline cache record that does not open";
        drop(id);
        scheduleWrite();
        return std::nullopt;
    }
    const qint64 fetchedAt = qFromBigEndian<qint64>(plaintext->constData());
    return Entry{std::move(json), QDateTime::fromMSecsSinceEpoch(fetchedAt, Qt::UTC)};
}

bool OfflineCache::flush()
{
    m_writeTimer.stop();
    m_writing.waitForFinished();
    m_dirty = false;
    const bool ok = writeFile(m_path, m_records);
    Q_EMIT written(ok);
    return ok;
}

QByteArray OfflineCache::recordId(const QString &key) const
{
    return QMessageAuthenticationCode::hash(key.toUtf8(), m_idKey, QCryptographicHash::Sha256);
}

QByteArray OfflineCache::associatedData(const QString &key) const
{
    QByteArray out;
    appendField(out, QStringLiteral("engage/offline-cache/v1"));
    appendField(out, m_scope.profile);
    appendField(out, m_scope.tenant);
    appendField(out, m_scope.email);
    appendField(out, key);
    return out;
}

void OfflineCache::scheduleWrite()
{
    m_dirty = true;
    // One write at a time: the one under way starts the timer again when done.
    if (!m_writing.isRunning() && !m_writeTimer.isActive())
        m_writeTimer.start();
}

void OfflineCache::startWrite()
{
    m_dirty = false;
    m_writing.setFuture(QtConcurrent::run(
        [path = m_path, records = m_records] { return writeFile(path, records); }));
}

void OfflineCache::onWritten()
{
    const bool ok = m_writing.result();
    if (!ok)
        qCWarning(lcCache) << "could not write the offline cache file";
    Q_EMIT written(ok);
    if (m_dirty)
        m_writeTimer.start();
}

std::optional<OfflineCache::Records> OfflineCache::readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Records();
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCache) << "could not open the offline cache file:" << file.errorString();
        return std::nullopt;
    }
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint64 magic = 0;
    quint32 version = 0;
    quint32 count = 0;
    in >> magic >> version >> count;
    if (in.status() != QDataStream::Ok || magic != kMagic || version != kVersion) {
        qCWarning(lcCache)
            << "the offline cache file is not one this client reads; starting afresh";
        return std::nullopt;
    }
    Records records;
    for (quint32 i = 0; i < count; ++i) {
        QByteArray id;
        QByteArray sealed;
        in >> id >> sealed;
        if (in.status() != QDataStream::Ok) {
            // The records before the damage are as good as ever; each is checked as it is opened.
            qCWarning(lcCache) << "the offline cache file is damaged after" << i << "of" << count
                               << "records";
            break;
        }
        records.insert(id, sealed);
    }
    return records;
}

bool OfflineCache::writeFile(const QString &path, const Records &records)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory))
        return false;
    // Readable by its owner alone, like the keychain it relies on.
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << static_cast<quint32>(records.size());
    for (auto it = records.cbegin(); it != records.cend(); ++it)
        out << it.key() << it.value();
    if (out.status() != QDataStream::Ok) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

} // namespace engage::models
