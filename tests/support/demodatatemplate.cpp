#include "demodatatemplate.h"

#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace engage::test {

namespace {

QString templateRoot()
{
    return qEnvironmentVariable("ENGAGE_TEST_SERVER_TEMPLATES");
}

// The demo's data depends on the binary that seeded it and on the day (its
// history runs up to today).
QString binaryIdentity()
{
    const QFileInfo server(ServerProcess::executable());
    QCryptographicHash identity(QCryptographicHash::Sha256);
    identity.addData(server.canonicalFilePath().toUtf8());
    identity.addData(QByteArray::number(server.size()));
    identity.addData(QByteArray::number(server.lastModified().toMSecsSinceEpoch()));
    return QString::fromLatin1(identity.result().toHex().left(16));
}

QString templateName(bool withHistory)
{
    return QStringLiteral("%1-%2-%3")
        .arg(binaryIdentity(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate),
             withHistory ? QStringLiteral("history") : QStringLiteral("plain"));
}

// Templates of an earlier build are never used again (and no test of that
// build still runs). Those of an earlier day may be in use by a test that
// began before midnight: they stay until the next build.
void removeEarlierBuilds(const QDir &root)
{
    const QString current = binaryIdentity();
    const QStringList entries = root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry.startsWith(current))
            continue;
        const QFileInfo info(root.filePath(entry));
        if (info.isDir())
            QDir(info.filePath()).removeRecursively();
        else
            QFile::remove(info.filePath());
    }
}

// Each server makes a certificate of its own, and SQLite rebuilds its index
// of the write-ahead log on open.
bool isLeftOut(const QString &name)
{
    return name == u"demo-certificate.pem" || name == u"demo-key.pem" || name.endsWith(u"-shm");
}

bool makePrivateDir(const QString &path, QString *error)
{
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create %1").arg(path);
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

// A real first start, then a clean stop, on a folder that becomes the
// template only when both succeeded.
bool seed(const QString &templateDir, bool withHistory, QString *error)
{
    const QString partial = templateDir + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    {
        ServerProcess server(partial);
        QStringList arguments = {QStringLiteral("--data-dir"), partial, QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--demo")};
        if (!withHistory)
            arguments << QStringLiteral("--demo-without-history");
        if (!server.startWithArguments(arguments, withHistory
                                                      ? ServerProcess::historyStartTimeoutMs
                                                      : ServerProcess::defaultStartTimeoutMs)) {
            *error = QStringLiteral("cannot seed the demo template: %1").arg(server.errorString());
            return false;
        }
        server.terminate();
        if (!server.waitForExit(30000) || server.exitStatus() != QProcess::NormalExit ||
            server.exitCode() != 0) {
            *error =
                QStringLiteral("the server seeding the demo template did not stop cleanly:\n%1")
                    .arg(server.stderrText().right(4000));
            return false;
        }
    }
    if (!QDir().rename(partial, templateDir)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(partial, templateDir);
        return false;
    }
    return true;
}

bool copyTree(const QString &from, const QString &to, QString *error)
{
    if (!makePrivateDir(to, error))
        return false;
    const QDir source(from);
    QDirIterator entries(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QFileInfo entry(entries.next());
        if (isLeftOut(entry.fileName()))
            continue;
        const QString target = QDir(to).filePath(source.relativeFilePath(entry.filePath()));
        if (entry.isDir()) {
            if (!makePrivateDir(target, error))
                return false;
        } else if (!QFile::copy(entry.filePath(), target)) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(entry.filePath(), target);
            return false;
        }
    }
    return true;
}

} // namespace

bool DemoDataTemplate::isAvailable()
{
    return !templateRoot().isEmpty();
}

bool DemoDataTemplate::copyInto(const QString &dataDir, bool withHistory, QString *error)
{
    const QDir root(templateRoot());
    if (!root.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create %1").arg(root.path());
        return false;
    }
    const QString name = templateName(withHistory);
    const QString templateDir = root.filePath(name);
    if (!QFileInfo::exists(templateDir)) {
        // Tests run in parallel: one seeds, the others wait for its template.
        // A lock left by a test that died is taken over (its process is gone).
        QLockFile lock(root.filePath(name + QStringLiteral(".lock")));
        lock.setStaleLockTime(0);
        if (!lock.lock()) {
            *error = QStringLiteral("cannot lock %1").arg(lock.fileName());
            return false;
        }
        if (!QFileInfo::exists(templateDir)) {
            removeEarlierBuilds(root);
            if (!seed(templateDir, withHistory, error))
                return false;
        }
    }
    return copyTree(templateDir, dataDir, error);
}

} // namespace engage::test
