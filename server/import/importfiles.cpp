#include "importfiles.h"

#include "api/id.h"
#include "api/validators.h"
#include "crypto/aead.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace engage::server::import {

namespace {

QByteArray associatedData(const store::TenantScope &scope, const store::TenantKey &key,
                          const QString &id)
{
    return crypto::associatedData(scope.tenantId(), QStringLiteral("member_imports"),
                                  QStringLiteral("file"), id, key.version);
}

} // namespace

ImportFiles::ImportFiles(const QString &dataDirectory)
    : m_folder(QDir(dataDirectory).filePath(QStringLiteral("imports")))
{}

QString ImportFiles::pathOf(const QString &id) const
{
    // Ids are ours (api::createId), never a name from the client.
    Q_ASSERT(!api::validateId(id));
    return QDir(m_folder).filePath(id);
}

bool ImportFiles::write(const store::TenantScope &scope, const store::TenantKey &key,
                        const QString &id, const QByteArray &bytes, QString *error) const
{
    if (!QDir().mkpath(m_folder) ||
        !QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = QStringLiteral("cannot make the imports folder");
        return false;
    }
    const QByteArray sealed = crypto::seal(key.sealKey, bytes, associatedData(scope, key, id));
    QFile file(pathOf(id));
    // Created with its final mode: no moment where another user could open it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(sealed) != sealed.size() || !file.flush()) {
        *error = file.errorString();
        file.remove();
        return false;
    }
    return true;
}

std::optional<QByteArray> ImportFiles::read(const store::TenantScope &scope,
                                            const store::TenantKey &key, const QString &id) const
{
    QFile file(pathOf(id));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return crypto::open(key.sealKey, file.readAll(), associatedData(scope, key, id));
}

void ImportFiles::remove(const QString &id) const
{
    QFile::remove(pathOf(id));
}

int ImportFiles::removeOlderThan(const QDateTime &before) const
{
    int removed = 0;
    QDirIterator files(m_folder, QDir::Files);
    while (files.hasNext()) {
        const QFileInfo info(files.next());
        if (info.lastModified() < before && QFile::remove(info.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace engage::server::import
