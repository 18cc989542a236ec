// DemoService with the real engage-server ($ENGAGE_BIN_DIR/engage-server
// through ENGAGE_SERVER): start, the announcement, TLS pinned to the demo
// certificate, stop, a restart on the same data, the service following its
// parent when the parent is killed, and the ways a start fails.
//
// A first start seeds a year of demo history, which takes a while under the
// sanitizers: only startsServesAndStops starts on fresh data; the tests after
// it that do not depend on that share one data directory.

#include "httpsprobe.h"
#include "models/demoservice.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

using engage::models::DemoService;
using namespace engage::test;
using namespace std::chrono_literals;

namespace {

constexpr int readyTimeoutMs = 60000;

// A process that has exited but is not yet reaped (an orphan waits for init)
// counts as gone.
bool processAlive(qint64 pid)
{
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    // "PID (COMM) STATE ...": COMM may hold spaces and parentheses.
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) != "Z";
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestDemoService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsServesAndStops();
    void secondStartReusesTheData();
    void childExitAfterReadyEmitsStopped();
    void destructorStopsTheChild();
    void serviceFollowsItsKilledParent();
    void missingExecutableFails();
    void exitWhileStartingFails();
    void silentChildTimesOut();

private:
    QString dataDir() const { return m_root->filePath(QStringLiteral("demo")); }
    QString sharedDataDir() const { return m_shared.filePath(QStringLiteral("demo")); }
    static QString serverLog(const QString &dataDir)
    {
        return QDir(dataDir).filePath(QStringLiteral("engage-server.log"));
    }
    QString serverLog() const { return serverLog(dataDir()); }
    // Makes a shell script named `name` the "server" DemoService starts.
    bool useFakeServer(const QString &name, const QByteArray &body) const
    {
        const QString program = m_root->filePath(name);
        QFile script(program);
        if (!script.open(QIODevice::WriteOnly) || script.write(body) != body.size())
            return false;
        script.close();
        qputenv("ENGAGE_SERVER", program.toLocal8Bit());
        return script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString m_server;
    std::unique_ptr<QTemporaryDir> m_root;
    QTemporaryDir m_shared;
};

void TestDemoService::initTestCase()
{
    m_server =
        QDir(qEnvironmentVariable("ENGAGE_BIN_DIR")).filePath(QStringLiteral("engage-server"));
    QVERIFY2(QFileInfo(m_server).isExecutable(), qPrintable(m_server));
    QVERIFY(m_shared.isValid());
}

void TestDemoService::init()
{
    qputenv("ENGAGE_SERVER", m_server.toLocal8Bit());
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
}

void TestDemoService::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "service log:\n" << fileText(serverLog()).right(3000);
        qWarning().noquote() << "shared service log:\n"
                             << fileText(serverLog(sharedDataDir())).right(3000);
    }
    m_root.reset();
}

void TestDemoService::startsServesAndStops()
{
    DemoService demo(dataDir());
    QCOMPARE(demo.dataDir(), dataDir());
    QSignalSpy ready(&demo, &DemoService::ready);
    QSignalSpy failed(&demo, &DemoService::failed);
    QSignalSpy stopped(&demo, &DemoService::stopped);
    demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), readyTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(ready.count(), 1);
    QVERIFY(demo.isRunning());
    const qint64 pid = demo.processId();
    QVERIFY(pid > 0);

    QCOMPARE(demo.url().scheme(), QStringLiteral("https"));
    QCOMPARE(demo.url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(demo.url().port() > 0);
    const QString certificatePath =
        QDir(dataDir()).filePath(QStringLiteral("demo-certificate.pem"));
    const QSslCertificate certificate = loadCertificate(certificatePath);
    QVERIFY(!certificate.isNull());
    QCOMPARE(
        demo.fingerprint(),
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    const QList<DemoService::Tenant> tenants = demo.tenants();
    QCOMPARE(tenants.size(), 2);
    QStringList slugs;
    for (const DemoService::Tenant &tenant : tenants) {
        slugs << tenant.slug;
        QVERIFY(!tenant.name.isEmpty());
        QVERIFY(tenant.ownerEmail.contains(u'@'));
        QVERIFY(!tenant.ownerPassword.isEmpty());
    }
    slugs.sort();
    QCOMPARE(slugs, (QStringList{QStringLiteral("northwind"), QStringLiteral("sakura-foods")}));

    HttpsProbe probe(certificatePath, demo.url());
    const HttpResponse health = probe.get(QStringLiteral("/healthz"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));

    // The service logs to a file in its data directory, not to a pipe.
    QTRY_VERIFY_WITH_TIMEOUT(fileText(serverLog()).contains(u"listening on"), 5000);

    demo.stop();
    QVERIFY(!demo.isRunning());
    QVERIFY(!processAlive(pid));
    QCOMPARE(stopped.count(), 1);
    QVERIFY(failed.isEmpty());
    // Stopped by closing its stdin, gracefully, not by a signal.
    QVERIFY2(fileText(serverLog()).contains(u"stopping (standard input closed)"),
             qPrintable(fileText(serverLog())));
}

void TestDemoService::secondStartReusesTheData()
{
    QString fingerprint;
    QStringList passwords;
    for (int round = 0; round < 2; ++round) {
        DemoService demo(sharedDataDir());
        QSignalSpy ready(&demo, &DemoService::ready);
        QSignalSpy failed(&demo, &DemoService::failed);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), readyTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QStringList roundPasswords;
        for (const DemoService::Tenant &tenant : demo.tenants())
            roundPasswords << tenant.slug + u'=' + tenant.ownerPassword;
        roundPasswords.sort();
        if (round == 0) {
            fingerprint = demo.fingerprint();
            passwords = roundPasswords;
        } else {
            QCOMPARE(demo.fingerprint(), fingerprint);
            QCOMPARE(roundPasswords, passwords);
        }
        demo.stop();
    }
}

void TestDemoService::childExitAfterReadyEmitsStopped()
{
    DemoService demo(sharedDataDir());
    QSignalSpy ready(&demo, &DemoService::ready);
    QSignalSpy failed(&demo, &DemoService::failed);
    QSignalSpy stopped(&demo, &DemoService::stopped);
    demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), readyTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    // Someone else stops the service (an operator, a crash).
    QCOMPARE(::kill(static_cast<pid_t>(demo.processId()), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 15000);
    QVERIFY(!demo.isRunning());
    QVERIFY(failed.isEmpty());
}

void TestDemoService::destructorStopsTheChild()
{
    qint64 pid = 0;
    {
        DemoService demo(sharedDataDir());
        QSignalSpy ready(&demo, &DemoService::ready);
        QSignalSpy failed(&demo, &DemoService::failed);
        demo.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), readyTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        pid = demo.processId();
        QVERIFY(processAlive(pid));
    }
    QVERIFY(!processAlive(pid));
}

void TestDemoService::serviceFollowsItsKilledParent()
{
    QProcess host;
    host.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    host.start(QDir(qEnvironmentVariable("ENGAGE_BIN_DIR")).filePath(QStringLiteral("demohost")),
               {sharedDataDir()});
    QVERIFY2(host.waitForStarted(10000), qPrintable(host.errorString()));
    const QDeadlineTimer deadline(readyTimeoutMs);
    while (!host.canReadLine() && host.state() == QProcess::Running && !deadline.hasExpired())
        host.waitForReadyRead(200);
    QVERIFY2(host.canReadLine(), "demohost printed no process id");
    bool ok = false;
    const qint64 serverPid = host.readLine().trimmed().toLongLong(&ok);
    QVERIFY(ok && serverPid > 0);
    QVERIFY(processAlive(serverPid));

    host.kill(); // SIGKILL: no destructor, no stop(); only the kernel closes the pipe
    QVERIFY(host.waitForFinished(10000));
    QCOMPARE(host.exitStatus(), QProcess::CrashExit);

    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);
    // Each start writes the log afresh: what it says is this start's.
    const QString log = fileText(serverLog(sharedDataDir()));
    QVERIFY2(log.contains(u"stopping (standard input closed)"), qPrintable(log));
}

void TestDemoService::missingExecutableFails()
{
    const QString missing = m_root->filePath(QStringLiteral("no-such-engage-server"));
    qputenv("ENGAGE_SERVER", missing.toLocal8Bit());
    QCOMPARE(DemoService::serverExecutable(), missing);

    DemoService demo(dataDir());
    QSignalSpy ready(&demo, &DemoService::ready);
    QSignalSpy failed(&demo, &DemoService::failed);
    demo.start();
    // Reported later, not from inside start().
    QCOMPARE(failed.count(), 0);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QDir::toNativeSeparators(missing)),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!demo.isRunning());
    QTest::qWait(100);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(failed.count(), 1);
}

void TestDemoService::exitWhileStartingFails()
{
    // A service that refuses to start (here: a program that fails at once).
    QVERIFY(useFakeServer(QStringLiteral("failing-server"),
                          "#!/bin/sh\necho 'cannot start' >&2\nexit 3\n"));

    DemoService demo(dataDir());
    QSignalSpy ready(&demo, &DemoService::ready);
    QSignalSpy failed(&demo, &DemoService::failed);
    QSignalSpy stopped(&demo, &DemoService::stopped);
    demo.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(u'3') && reason.contains(QDir::toNativeSeparators(serverLog())),
             qPrintable(reason));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(stopped.count(), 0);
    // Its stderr went to the log.
    QVERIFY(fileText(serverLog()).contains(u"cannot start"));
}

void TestDemoService::silentChildTimesOut()
{
    // Runs, never announces itself, and ignores its stdin.
    QVERIFY(useFakeServer(QStringLiteral("silent-server"), "#!/bin/sh\nexec sleep 600\n"));

    DemoService demo(dataDir());
    demo.setStartTimeout(4s);
    QSignalSpy ready(&demo, &DemoService::ready);
    QSignalSpy failed(&demo, &DemoService::failed);
    demo.start();
    QTRY_VERIFY_WITH_TIMEOUT(demo.processId() > 0, 10000);
    const qint64 pid = demo.processId();
    QTest::qWait(3000);
    QCOMPARE(failed.count(), 0); // not before the timeout
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY2(failed.at(0).at(0).toString().contains(QDir::toNativeSeparators(serverLog())),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(ready.count(), 0);
    QVERIFY(!demo.isRunning());
    QVERIFY(!processAlive(pid));
}

QTEST_GUILESS_MAIN(TestDemoService)
#include "tst_demoservice.moc"
