// TLS of the real engage-server, Mozilla "intermediate": TLS 1.2 and 1.3 only,
// forward-secret AEAD suites, curves X25519, P-256, P-384.
//
// Every refusal is checked with a positive control: the very same openssl
// probe succeeds against `openssl s_server` configured to allow it, so a
// probe that could never succeed (Debian's client refusing TLS 1.1 by itself,
// a suite the certificate's key type cannot use) cannot pass for a refusal.

#include "externaltool.h"
#include "rawhttpsclient.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSslCipher>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace engage::test;

namespace {

// What `openssl s_client` reported about one handshake.
struct Handshake
{
    bool succeeded = false;
    QString protocol; // "TLSv1.2"
    QString cipher;   // "ECDHE-ECDSA-AES128-GCM-SHA256"
    QString group;    // "X25519" when reported
    ToolResult run;
};

Handshake sClient(quint16 port, const QStringList &options)
{
    Handshake handshake;
    handshake.run = runTool(QStringLiteral("openssl"),
                            QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                        QStringLiteral("127.0.0.1:%1").arg(port)} +
                                options,
                            {}, 20000);
    const QString output = QString::fromUtf8(handshake.run.standardOutput);
    const QRegularExpressionMatch cipher =
        QRegularExpression(QStringLiteral("Cipher is (\\S+)")).match(output);
    const QRegularExpressionMatch protocol =
        QRegularExpression(QStringLiteral("Protocol\\s*:\\s*(\\S+)")).match(output);
    const QRegularExpressionMatch group =
        QRegularExpression(
            QStringLiteral("(?:Server Temp Key|Negotiated TLS1.3 group): (\\S+?),?\\s"))
            .match(output);
    handshake.cipher = cipher.captured(1);
    // The session block may be missing when s_client quits before TLS 1.3
    // tickets arrive; "New, TLSv1.3, Cipher is ..." is always there.
    const QRegularExpressionMatch fresh =
        QRegularExpression(QStringLiteral("New, (TLSv[0-9.]+), Cipher is")).match(output);
    handshake.protocol = protocol.hasMatch() ? protocol.captured(1) : fresh.captured(1);
    handshake.group = group.captured(1);
    handshake.succeeded = handshake.run.succeeded() && !handshake.cipher.isEmpty() &&
                          handshake.cipher != u"(NONE)" && handshake.cipher != u"0000";
    return handshake;
}

// `openssl s_server` that allows everything (SECLEVEL=0), as the control.
class ControlServer final
{
public:
    bool start(const QString &certificate, const QString &key, const QStringList &extra)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("openssl"),
                        QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"),
                                    certificate, QStringLiteral("-key"), key,
                                    QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")} +
                            extra);
        // Its standard input stays open: s_server quits at end of input.
        const QDeadlineTimer deadline(10000);
        const QRegularExpression accept(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:([0-9]+)"));
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAll();
            const QRegularExpressionMatch match = accept.match(QString::fromUtf8(m_output));
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
                return m_port != 0;
            }
        }
        return false;
    }
    ~ControlServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    QByteArray output() const { return m_output; }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

const QSet<QString> &allowedTls12Ciphers()
{
    static const QSet<QString> allowed = {
        QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305"),
    };
    return allowed;
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void qtClientProtocols_data();
    void qtClientProtocols();
    void opensslProtocols_data();
    void opensslProtocols();
    void legacyProtocolsRefused_data();
    void legacyProtocolsRefused();
    void weakTls12CiphersRefused_data();
    void weakTls12CiphersRefused();
    void onlyAllowedTls12CiphersNegotiated_data();
    void onlyAllowedTls12CiphersNegotiated();
    void tls13Suites_data();
    void tls13Suites();
    void groups_data();
    void groups();

private:
    // The server for a row: "ecdsa" (the demo certificate) or "rsa".
    ServerProcess &server(const QString &kind) { return kind == u"rsa" ? *m_rsa : *m_ecdsa; }
    QString keyPath(const QString &kind) const;

    QTemporaryDir m_temporary;
    QString m_rsaCertificate;
    QString m_rsaKey;
    std::unique_ptr<ServerProcess> m_ecdsa;
    std::unique_ptr<ServerProcess> m_rsa;
};

void TestTls::initTestCase()
{
    QVERIFY(m_temporary.isValid());
    m_rsaCertificate = m_temporary.filePath(QStringLiteral("rsa-cert.pem"));
    m_rsaKey = m_temporary.filePath(QStringLiteral("rsa-key.pem"));
    const ToolResult made =
        runTool(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=x"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                 QStringLiteral("-keyout"), m_rsaKey, QStringLiteral("-out"), m_rsaCertificate});
    QVERIFY2(made.succeeded(), qPrintable(made.describe()));

    m_ecdsa = std::make_unique<ServerProcess>();
    QVERIFY2(m_ecdsa->start(), qPrintable(m_ecdsa->errorString()));
    m_rsa = std::make_unique<ServerProcess>();
    QVERIFY2(m_rsa->start(
                 {QStringLiteral("--cert"), m_rsaCertificate, QStringLiteral("--key"), m_rsaKey}),
             qPrintable(m_rsa->errorString()));
}

void TestTls::cleanup()
{
    m_ecdsa->reportIfFailed();
    m_rsa->reportIfFailed();
    QVERIFY2(m_ecdsa->isRunning() && m_rsa->isRunning(), "a server died");
}

QString TestTls::keyPath(const QString &kind) const
{
    return kind == u"rsa" ? m_rsaKey : m_ecdsa->keyPath();
}

void TestTls::qtClientProtocols_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QSsl::SslProtocol>("protocol");
    QTest::addColumn<QSsl::SslProtocol>("negotiated");
    for (const QString &kind : {QStringLiteral("ecdsa"), QStringLiteral("rsa")}) {
        QTest::addRow("%s TLS 1.2", qPrintable(kind)) << kind << QSsl::TlsV1_2 << QSsl::TlsV1_2;
        QTest::addRow("%s TLS 1.3", qPrintable(kind)) << kind << QSsl::TlsV1_3 << QSsl::TlsV1_3;
        QTest::addRow("%s TLS 1.2 or later", qPrintable(kind))
            << kind << QSsl::TlsV1_2OrLater << QSsl::TlsV1_3;
    }
}

void TestTls::qtClientProtocols()
{
    QFETCH(QString, kind);
    QFETCH(QSsl::SslProtocol, protocol);
    QFETCH(QSsl::SslProtocol, negotiated);

    ServerProcess &target = server(kind);
    RawHttpsClient client(target.certificatePath());
    client.setProtocol(protocol);
    QVERIFY2(client.connectTo(target.port()), qPrintable(client.errorString()));
    QCOMPARE(client.socket().sessionProtocol(), negotiated);
    const QString cipher = client.socket().sessionCipher().name();
    if (negotiated == QSsl::TlsV1_2)
        QVERIFY2(allowedTls12Ciphers().contains(cipher), qPrintable(cipher));

    QVERIFY(client.send(RawHttpsClient::request("GET", "/healthz")));
    const auto response = client.readResponse();
    QVERIFY2(response, qPrintable(client.errorString()));
    QCOMPARE(response->status, 200);
}

void TestTls::opensslProtocols_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("protocol");
    for (const QString &kind : {QStringLiteral("ecdsa"), QStringLiteral("rsa")}) {
        QTest::addRow("%s -tls1_2", qPrintable(kind))
            << kind << QStringLiteral("-tls1_2") << QStringLiteral("TLSv1.2");
        QTest::addRow("%s -tls1_3", qPrintable(kind))
            << kind << QStringLiteral("-tls1_3") << QStringLiteral("TLSv1.3");
    }
}

void TestTls::opensslProtocols()
{
    QFETCH(QString, kind);
    QFETCH(QString, option);
    QFETCH(QString, protocol);

    ServerProcess &target = server(kind);
    // Verified against exactly the server's certificate, IP SAN included.
    const Handshake handshake =
        sClient(target.port(), {option, QStringLiteral("-CAfile"), target.certificatePath(),
                                QStringLiteral("-verify_return_error"),
                                QStringLiteral("-verify_ip"), QStringLiteral("127.0.0.1")});
    QVERIFY2(handshake.succeeded, qPrintable(handshake.run.describe()));
    QCOMPARE(handshake.protocol, protocol);
    QVERIFY2(handshake.run.standardOutput.contains("Verify return code: 0 (ok)"),
             qPrintable(handshake.run.describe()));
}

void TestTls::legacyProtocolsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("option");
    for (const QString &kind : {QStringLiteral("ecdsa"), QStringLiteral("rsa")}) {
        QTest::addRow("%s -tls1_1", qPrintable(kind)) << kind << QStringLiteral("-tls1_1");
        QTest::addRow("%s -tls1", qPrintable(kind)) << kind << QStringLiteral("-tls1");
    }
}

void TestTls::legacyProtocolsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, option);

    ServerProcess &target = server(kind);
    const QStringList probe = {option, QStringLiteral("-cipher"),
                               QStringLiteral("DEFAULT:@SECLEVEL=0")};

    // Control: the same probe does speak that protocol to a server allowing it.
    ControlServer control;
    QVERIFY2(control.start(target.certificatePath(), keyPath(kind), {option}),
             control.output().constData());
    const Handshake allowed = sClient(control.port(), probe);
    QVERIFY2(allowed.succeeded, qPrintable(allowed.run.describe()));

    const Handshake refused = sClient(target.port(), probe);
    QVERIFY2(!refused.succeeded, qPrintable(refused.run.describe()));
}

void TestTls::weakTls12CiphersRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("cipher");
    // Static RSA key exchange (no forward secrecy), CBC, finite-field DHE.
    for (const char *cipher :
         {"AES128-SHA", "AES256-SHA", "AES128-GCM-SHA256", "AES128-SHA256", "ECDHE-RSA-AES128-SHA",
          "ECDHE-RSA-AES256-SHA384", "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-CHACHA20-POLY1305"})
        QTest::addRow("rsa %s", cipher) << QStringLiteral("rsa") << QString::fromLatin1(cipher);
    for (const char *cipher : {"ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
                               "ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES128-CCM"})
        QTest::addRow("ecdsa %s", cipher) << QStringLiteral("ecdsa") << QString::fromLatin1(cipher);
}

void TestTls::weakTls12CiphersRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, cipher);

    ServerProcess &target = server(kind);
    const QStringList probe = {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                               cipher + QStringLiteral(":@SECLEVEL=0")};

    ControlServer control;
    QVERIFY2(control.start(target.certificatePath(), keyPath(kind), {}),
             control.output().constData());
    const Handshake allowed = sClient(control.port(), probe);
    QVERIFY2(allowed.succeeded, qPrintable(allowed.run.describe()));
    QCOMPARE(allowed.cipher, cipher);

    const Handshake refused = sClient(target.port(), probe);
    QVERIFY2(!refused.succeeded,
             qPrintable(
                 QStringLiteral("negotiated %1\n%2").arg(refused.cipher, refused.run.describe())));
}

void TestTls::onlyAllowedTls12CiphersNegotiated_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("mustWork");
    QTest::newRow("ecdsa") << QStringLiteral("ecdsa")
                           << QStringList{QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
                                          QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
                                          QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")};
    QTest::newRow("rsa") << QStringLiteral("rsa")
                         << QStringList{QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
                                        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),
                                        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305")};
}

void TestTls::onlyAllowedTls12CiphersNegotiated()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, mustWork);

    // Every TLS 1.2 suite this openssl knows, offered one at a time.
    const ToolResult list =
        runTool(QStringLiteral("openssl"), {QStringLiteral("ciphers"), QStringLiteral("-tls1_2"),
                                            QStringLiteral("ALL:COMPLEMENTOFALL:@SECLEVEL=0")});
    QVERIFY2(list.succeeded(), qPrintable(list.describe()));
    QStringList suites;
    for (const QByteArray &name : list.standardOutput.trimmed().split(':')) {
        if (!name.startsWith("TLS_")) // TLS 1.3 suites are listed too
            suites << QString::fromLatin1(name);
    }
    QVERIFY2(suites.size() > 40, qPrintable(suites.join(u' ')));

    ServerProcess &target = server(kind);
    QStringList negotiated;
    for (const QString &suite : suites) {
        const Handshake handshake =
            sClient(target.port(), {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                    suite + QStringLiteral(":@SECLEVEL=0")});
        if (!handshake.succeeded)
            continue;
        QCOMPARE(handshake.protocol, QStringLiteral("TLSv1.2"));
        QCOMPARE(handshake.cipher, suite);
        QVERIFY2(allowedTls12Ciphers().contains(suite),
                 qPrintable(QStringLiteral("the server accepted %1").arg(suite)));
        negotiated << suite;
    }
    negotiated.sort();
    mustWork.sort();
    QCOMPARE(negotiated, mustWork);
}

void TestTls::tls13Suites_data()
{
    QTest::addColumn<QString>("suite");
    for (const char *suite :
         {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
        QTest::newRow(suite) << QString::fromLatin1(suite);
}

void TestTls::tls13Suites()
{
    QFETCH(QString, suite);
    const Handshake handshake = sClient(
        m_ecdsa->port(), {QStringLiteral("-tls1_3"), QStringLiteral("-ciphersuites"), suite});
    QVERIFY2(handshake.succeeded, qPrintable(handshake.run.describe()));
    QCOMPARE(handshake.protocol, QStringLiteral("TLSv1.3"));
    QCOMPARE(handshake.cipher, suite);
}

void TestTls::groups_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("group");
    QTest::addColumn<bool>("allowed");
    // In TLS 1.2 the offered groups also bound the curve of an ECDSA
    // certificate, so TLS 1.2 is probed on the RSA server; TLS 1.3 keeps the
    // two apart.
    const QList<QPair<QString, QString>> servers = {
        {QStringLiteral("rsa"), QStringLiteral("-tls1_2")},
        {QStringLiteral("ecdsa"), QStringLiteral("-tls1_3")}};
    for (const auto &[kind, protocol] : servers) {
        for (const char *group : {"X25519", "P-256", "P-384"})
            QTest::addRow("%s %s", qPrintable(protocol), group)
                << kind << protocol << QString::fromLatin1(group) << true;
        for (const char *group : {"P-521", "X448"})
            QTest::addRow("%s %s", qPrintable(protocol), group)
                << kind << protocol << QString::fromLatin1(group) << false;
    }
    QTest::newRow("-tls1_3 ffdhe2048") << QStringLiteral("ecdsa") << QStringLiteral("-tls1_3")
                                       << QStringLiteral("ffdhe2048") << false;
}

void TestTls::groups()
{
    QFETCH(QString, kind);
    QFETCH(QString, protocol);
    QFETCH(QString, group);
    QFETCH(bool, allowed);

    ServerProcess &target = server(kind);
    const QStringList probe = {protocol, QStringLiteral("-groups"), group};
    if (!allowed) {
        ControlServer control;
        QVERIFY2(control.start(target.certificatePath(), keyPath(kind),
                               {QStringLiteral("-groups"), group}),
                 control.output().constData());
        const Handshake controlled = sClient(control.port(), probe);
        QVERIFY2(controlled.succeeded, qPrintable(controlled.run.describe()));
    }
    const Handshake handshake = sClient(target.port(), probe);
    QVERIFY2(handshake.succeeded == allowed, qPrintable(handshake.run.describe()));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
