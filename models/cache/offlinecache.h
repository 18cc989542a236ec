#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonDocument>
#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace engage::models {

// Whose data a cache holds: one person of one tenant on one connection
// profile. Part of every record's associated data, so that a record moved
// to another person's, tenant's or profile's file does not open.
struct OfflineScope
{
    QString profile;
    QString tenant;
    QString email; // taken lower-case, as the keychain's entries are
};

// The last synced data of one scope, so that dashboards, members and recent
// logs still open (and export) while the service cannot be reached: a store
// of key -> JSON answer, exactly as the service sent it (the api/ codecs read
// it back), with the time it was fetched.
//
// On disk: one file per scope under the given directory, named by a hash of
// the scope (no name or address in it): an 8-byte magic and a version, then
// the records, each sealed with AES-256-GCM under the scope's key (kept in
// the OS keychain, see cachekey.h) with the scope and the record's key as
// associated data. Record keys (request paths, which may hold search text)
// are on disk only inside the sealed record and as a keyed hash. The file is
// rewritten whole through QSaveFile, on a worker thread a moment after the
// last change, so a crash leaves the old file or the new one. A record that
// does not open (changed bytes, another key or scope) is dropped with a
// warning; a file that cannot be read is started afresh.
//
// The records are kept within a size (sizeLimit()): past it, those least
// recently stored or read go first, and those not used since the file was
// read before any other. Each log filter a person tries keeps a page of its
// own, so without a bound the file would only grow.
class OfflineCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineCache)

public:
    struct Entry
    {
        QJsonDocument json;
        QDateTime asOf; // UTC: when the service gave it
    };

    // `key`: kCacheKeySize bytes.
    OfflineCache(const QString &directory, OfflineScope scope, QByteArray key,
                 QObject *parent = nullptr);
    // Waits for a write under way, then writes what changed since.
    ~OfflineCache() override;

    static QString filePath(const QString &directory, const OfflineScope &scope);
    QString filePath() const { return m_path; }
    const OfflineScope &scope() const { return m_scope; }

    // Reads the file off the UI thread; loaded() follows. Records stored in
    // the meantime are newer than the file's and stay.
    void load();
    // Until loaded() (the read's thread may be done before its records are in).
    bool isLoading() const { return m_loading; }
    // Forgets every record and deletes the file (a key made anew could not
    // open them anyway; a sign-out that removes the cache).
    void clear();

    void store(const QString &key, const QJsonDocument &json,
               const QDateTime &fetchedAt = QDateTime::currentDateTimeUtc());
    std::optional<Entry> find(const QString &key);
    int size() const { return int(m_records.size()); }
    // The sealed records' bytes, as in the file, and the most they may take
    // (default 256 MiB). The record just stored stays, however large.
    qint64 sizeInBytes() const { return m_bytes; }
    qint64 sizeLimit() const { return m_sizeLimit; }
    void setSizeLimit(qint64 bytes);

    // Writes now and waits for it (shutdown, tests). False when the file
    // could not be written.
    bool flush();
    // How long after a change the file is written (default one second).
    void setWriteDelay(int milliseconds) { m_writeTimer.setInterval(milliseconds); }

    // Record id -> sealed record, as in the file.
    using Records = QHash<QByteArray, QByteArray>;
    static std::optional<Records> readFile(const QString &path);
    static bool writeFile(const QString &path, const Records &records);

Q_SIGNALS:
    void loaded(int records);
    void written(bool ok);

private:
    QByteArray recordId(const QString &key) const;
    void put(const QByteArray &id, QByteArray sealed);
    void drop(const QByteArray &id);
    void touch(const QByteArray &id) { m_lastUse.insert(id, ++m_uses); }
    // Drops the least recently used records but `kept` until within the limit.
    void keepWithinLimit(const QByteArray &kept = {});
    QByteArray associatedData(const QString &key) const;
    void scheduleWrite();
    void startWrite();
    void onRead();
    void onWritten();

    OfflineScope m_scope;
    QString m_path;
    QByteArray m_key;
    QByteArray m_idKey; // for record ids, apart from the sealing key
    Records m_records;
    qint64 m_bytes = 0;
    qint64 m_sizeLimit;
    QHash<QByteArray, quint64> m_lastUse; // record id -> m_uses at its last store or find
    quint64 m_uses = 0;
    QTimer m_writeTimer;
    QFutureWatcher<std::optional<Records>> m_reading;
    QFutureWatcher<bool> m_writing;
    bool m_dirty = false;
    bool m_loading = false;
    quint64 m_clears = 0; // a read begun before a clear() brings nothing back
    quint64 m_readStartedAt = 0;
};

} // namespace engage::models
