// Start-up of the real engage-server: the announcement line, the demo
// certificate and its key, and refusal of bad command lines.

#include "externaltool.h"
#include "httpsprobe.h"
#include "rawhttpsclient.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace engage::test;

namespace {

// "AB:CD:..." from the certificate's DER bytes, computed here, not by the server.
QString colonHex(const QByteArray &digest)
{
    QStringList parts;
    for (const char byte : digest)
        parts << QStringLiteral("%1")
                     .arg(static_cast<uchar>(byte), 2, 16, QLatin1Char('0'))
                     .toUpper();
    return parts.join(u':');
}

QString independentFingerprint(const QString &certificatePath)
{
    const QSslCertificate certificate = loadCertificate(certificatePath);
    if (certificate.isNull())
        return {};
    return colonHex(QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256));
}

int fileMode(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

// An RSA certificate for 127.0.0.1 made by openssl, for runs without --demo.
bool makeCertificate(const QString &directory, QString *certificate, QString *key, QString *error)
{
    *certificate = QDir(directory).filePath(QStringLiteral("cert.pem"));
    *key = QDir(directory).filePath(QStringLiteral("key.pem"));
    const ToolResult result =
        runTool(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                 QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *certificate});
    if (!result.succeeded())
        *error = result.describe();
    return result.succeeded();
}

} // namespace

class TestStartup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void announcementWithDemo();
    void announcementWithoutDemo();
    void demoKeyIsPrivate();
    void secondStartReusesCertificate();
    void badCommandLine_data();
    void badCommandLine();
    void portInUse();
};

void TestStartup::announcementWithDemo()
{
    ServerProcess server;
    server.seedDemoDataItself(); // the credentials are made, and kept out of the log, here
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    // Exactly one line, and it is the whole of stdout.
    const QJsonObject line = server.announcement();
    QCOMPARE(line.keys(), (QStringList{QStringLiteral("fingerprintSha256"),
                                       QStringLiteral("tenants"), QStringLiteral("url")}));
    QVERIFY(server.readMoreStdout().isEmpty());

    const QRegularExpression urlPattern(QStringLiteral("^https://127\\.0\\.0\\.1:([0-9]{1,5})$"));
    const QRegularExpressionMatch match = urlPattern.match(line.value(u"url").toString());
    QVERIFY2(match.hasMatch(), server.announcementLine().constData());
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0 && port <= 65535);
    QCOMPARE(server.port(), port);

    const QRegularExpression fingerprintPattern(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    QVERIFY2(fingerprintPattern.match(server.fingerprint()).hasMatch(),
             qPrintable(server.fingerprint()));
    QCOMPARE(server.fingerprint(), independentFingerprint(server.certificatePath()));
    // The demo tenants, each with its owner's and its scoped manager's
    // credentials: the Japanese
    // company first, then the English-speaking one.
    const QJsonArray tenants = line.value(u"tenants").toArray();
    QCOMPARE(tenants.size(), 2);
    QCOMPARE(tenants.at(0).toObject().value(u"slug").toString(), QStringLiteral("sakura-foods"));
    QCOMPARE(tenants.at(1).toObject().value(u"slug").toString(), QStringLiteral("northwind"));
    for (const QJsonValue &value : tenants) {
        const QJsonObject tenant = value.toObject();
        QCOMPARE(tenant.keys(),
                 (QStringList{QStringLiteral("adminEmail"), QStringLiteral("adminPassword"),
                              QStringLiteral("managerEmail"), QStringLiteral("managerPassword"),
                              QStringLiteral("name"), QStringLiteral("slug")}));
        QVERIFY(tenant.value(u"adminEmail").toString() != tenant.value(u"managerEmail").toString());
        for (const char16_t *role : {u"admin", u"manager"}) {
            const QString email = tenant.value(role + QStringLiteral("Email")).toString();
            const QString password = tenant.value(role + QStringLiteral("Password")).toString();
            QVERIFY(email.contains(u'@'));
            QVERIFY(password.size() >= 12);
            // The credentials are printed once, on stdout: never in the log.
            QVERIFY(!server.stderrText().contains(password));
            QVERIFY(!server.stderrText().contains(email));
        }
    }

    // The announced port is the real one, and it serves the announced certificate.
    RawHttpsClient client(server.certificatePath());
    QVERIFY2(client.connectTo(server.port()), qPrintable(client.errorString()));
    const QSslCertificate served = client.socket().peerCertificate();
    QCOMPARE(colonHex(served.digest(QCryptographicHash::Sha256)), server.fingerprint());
    HttpsProbe probe(server.certificatePath(), server.url());
    const HttpResponse health = probe.get(QStringLiteral("/healthz"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
}

void TestStartup::announcementWithoutDemo()
{
    QTemporaryDir certificates;
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(makeCertificate(certificates.path(), &certificate, &key, &error), qPrintable(error));

    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--cert"), certificate, QStringLiteral("--key"), key}),
             qPrintable(server.errorString()));
    QVERIFY(!server.arguments().contains(QStringLiteral("--demo")));
    const QJsonObject line = server.announcement();
    QCOMPARE(line.keys(),
             (QStringList{QStringLiteral("fingerprintSha256"), QStringLiteral("url")}));
    QVERIFY(!line.contains(u"tenants"));
    QCOMPARE(server.certificatePath(), certificate);
    QCOMPARE(server.fingerprint(), independentFingerprint(certificate));
    QVERIFY(!QFile::exists(QDir(server.dataDir()).filePath(QStringLiteral("demo-key.pem"))));

    HttpsProbe probe(certificate, server.url());
    const HttpResponse health = probe.get(QStringLiteral("/healthz"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
}

void TestStartup::demoKeyIsPrivate()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(QFile::exists(server.keyPath()));
    QVERIFY(QFile::exists(server.certificatePath()));
    QCOMPARE(fileMode(server.keyPath()), 0600);
    // The data directory holds the keys and the database: owner only.
    QCOMPARE(fileMode(server.dataDir()), 0700);
}

void TestStartup::secondStartReusesCertificate()
{
    QTemporaryDir shared;
    const QString dataDir = shared.filePath(QStringLiteral("data"));
    QString firstFingerprint;
    QByteArray firstKey;
    QJsonArray firstTenants;
    {
        ServerProcess first(dataDir);
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        firstFingerprint = first.fingerprint();
        firstTenants = first.announcement().value(u"tenants").toArray();
        QFile key(first.keyPath());
        QVERIFY(key.open(QIODevice::ReadOnly));
        firstKey = key.readAll();
        // One exchange first: SIGTERM right after the announcement is a
        // separate case (tst_shutdown::sigtermRightAfterAnnouncement).
        HttpsProbe probe(first.certificatePath(), first.url());
        const HttpResponse health = probe.get(QStringLiteral("/healthz"));
        QVERIFY2(health.status == 200, qPrintable(health.describe()));
        first.terminate();
        QVERIFY(first.waitForExit(20000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 0);
    }
    ServerProcess second(dataDir);
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QCOMPARE(second.fingerprint(), firstFingerprint);
    QCOMPARE(independentFingerprint(second.certificatePath()), firstFingerprint);
    QFile key(second.keyPath());
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), firstKey);
    QCOMPARE(fileMode(second.keyPath()), 0600);
    // The same demo tenants and credentials, not new ones.
    QCOMPARE(firstTenants.size(), 2);
    QCOMPARE(second.announcement().value(u"tenants").toArray(), firstTenants);
}

void TestStartup::badCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    // DATA and CERT/KEY are replaced by real paths below.
    const QString data = QStringLiteral("DATA");
    const QString cert = QStringLiteral("CERT");
    const QString key = QStringLiteral("KEY");
    const QString listen = QStringLiteral("--listen");
    const QString loopback = QStringLiteral("127.0.0.1:0");
    const QString dataDir = QStringLiteral("--data-dir");
    const QString certOption = QStringLiteral("--cert");
    const QString keyOption = QStringLiteral("--key");
    const QString timeout = QStringLiteral("--request-timeout");

    QTest::newRow("missing --data-dir")
        << QStringList{listen, loopback, certOption, cert, keyOption, key}
        << QStringLiteral("--data-dir is required");
    QTest::newRow("--cert without --key")
        << QStringList{dataDir, data, listen, loopback, certOption, cert}
        << QStringLiteral("--cert and --key go together");
    QTest::newRow("--key without --cert")
        << QStringList{dataDir, data, listen, loopback, keyOption, key}
        << QStringLiteral("--cert and --key go together");
    for (const QString &garbage : {QStringLiteral("garbage"), QStringLiteral("127.0.0.1"),
                                   QStringLiteral("127.0.0.1:x"), QStringLiteral("127.0.0.1:70000"),
                                   QStringLiteral("300.1.1.1:80"), QStringLiteral(":8443")}) {
        QTest::addRow("--listen %s", qPrintable(garbage))
            << QStringList{dataDir, data, listen, garbage, QStringLiteral("--demo")}
            << QStringLiteral("--listen must be HOST:PORT");
    }
    for (const QString &value : {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("abc"),
                                 QStringLiteral(""), QStringLiteral("1.5")}) {
        QTest::addRow("--request-timeout '%s'", qPrintable(value))
            << QStringList{dataDir, data, listen, loopback, QStringLiteral("--demo"),
                           timeout, value}
            << QStringLiteral("--request-timeout must be a positive whole number");
    }
    QTest::newRow("--threads 0") << QStringList{dataDir,
                                                data,
                                                listen,
                                                loopback,
                                                QStringLiteral("--demo"),
                                                QStringLiteral("--threads"),
                                                QStringLiteral("0")}
                                 << QStringLiteral("--threads must be a positive whole number");
    QTest::newRow("unknown option") << QStringList{dataDir,
                                                   data,
                                                   listen,
                                                   loopback,
                                                   QStringLiteral("--demo"),
                                                   QStringLiteral("--no-such-option")}
                                    << QStringLiteral("no-such-option");
    QTest::newRow("stray argument") << QStringList{dataDir,
                                                   data,
                                                   listen,
                                                   loopback,
                                                   QStringLiteral("--demo"),
                                                   QStringLiteral("stray")}
                                    << QStringLiteral("unexpected argument: stray");
    QTest::newRow("missing certificate file") << QStringList{dataDir,    data,
                                                             listen,     loopback,
                                                             certOption, QStringLiteral("MISSING"),
                                                             keyOption,  QStringLiteral("MISSING")}
                                              << QString(); // any message
}

void TestStartup::badCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    QTemporaryDir temporary;
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(makeCertificate(temporary.path(), &certificate, &key, &error), qPrintable(error));
    for (QString &argument : arguments) {
        if (argument == u"DATA")
            argument = temporary.filePath(QStringLiteral("data"));
        else if (argument == u"CERT")
            argument = certificate;
        else if (argument == u"KEY")
            argument = key;
        else if (argument == u"MISSING")
            argument = temporary.filePath(QStringLiteral("missing.pem"));
    }

    const ToolResult result = runTool(ServerProcess::executable(), arguments, {}, 30000);
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.describe()));
    QVERIFY2(result.exitCode != 0, qPrintable(result.describe()));
    QVERIFY2(!result.standardOutput.contains("{"), qPrintable(result.describe()));
    QVERIFY2(!result.standardError.trimmed().isEmpty(), qPrintable(result.describe()));
    if (!message.isEmpty()) {
        QVERIFY2(QString::fromUtf8(result.standardError).contains(message),
                 qPrintable(result.describe()));
    }
    // Sanitizer reports are crashes in disguise, whatever the exit code.
    QVERIFY2(!result.standardError.contains("Sanitizer"), qPrintable(result.describe()));
}

void TestStartup::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort());

    QTemporaryDir temporary;
    const ToolResult result =
        runTool(ServerProcess::executable(),
                {QStringLiteral("--data-dir"), temporary.filePath(QStringLiteral("data")),
                 QStringLiteral("--demo"), QStringLiteral("--listen"), listen},
                {}, 30000);
    QVERIFY2(result.finished, qPrintable(result.describe()));
    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(result.describe()));
    QVERIFY2(result.exitCode != 0, qPrintable(result.describe()));
    QVERIFY2(!result.standardOutput.contains("{"), qPrintable(result.describe()));
    QVERIFY2(!result.standardError.trimmed().isEmpty(), qPrintable(result.describe()));
    QVERIFY2(!result.standardError.contains("Sanitizer"), qPrintable(result.describe()));
    QVERIFY(occupant.isListening());
}

QTEST_GUILESS_MAIN(TestStartup)
#include "tst_startup.moc"
