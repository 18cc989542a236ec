// SmtpMailer against a real SMTP server on loopback (aiosmtpd): STARTTLS
// and TLS from the first byte, with and without AUTH; Japanese arrives
// intact as Python's own e-mail parser decodes it; refusals, temporary
// failures, a closed port, a server without TLS, an untrusted certificate,
// a wrong password and a private address each give the result they must,
// with nothing of the recipient in the detail.

#include "mail/smtpmailer.h"
#include "smtpsink.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using engage::server::mail::MailMessage;
using engage::server::mail::SendOutcome;
using engage::server::mail::SmtpMailer;
using engage::server::mail::SmtpSettings;
using engage::test::SmtpSink;

Q_DECLARE_METATYPE(SmtpSettings::Security)
Q_DECLARE_METATYPE(SendOutcome::Result)

namespace {

SmtpMailer::Policy loopbackPolicy()
{
    SmtpMailer::Policy policy;
    policy.privateHosts = true;
    policy.connectTimeout = std::chrono::seconds(5);
    policy.timeout = std::chrono::seconds(20);
    return policy;
}

MailMessage japaneseMessage()
{
    MailMessage message;
    message.to = QStringLiteral("hanako.yamada@example.jp");
    // Longer than one encoded word, with a character outside the BMP (a
    // surrogate pair in UTF-16) that no split may cut.
    message.subject = QStringLiteral("【アンケートのお願い】2026年度 第3回 エンゲージメント"
                                     "サーベイ𠮷野家支店（2026年12月4日(金)まで）");
    message.textBody = QStringLiteral("山田さん\n\n次のリンクから回答してください。\n"
                                      "https://survey.example.jp/r/AbC-123_xyz\n\n"
                                      ". 行頭のピリオドも本文です。\n");
    return message;
}

} // namespace

class TestSmtpMailer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void encodedWords_data();
    void encodedWords();
    void asciiAddress_data();
    void asciiAddress();
    void composedHeaders();

    void delivers_data();
    void delivers();
    void refusals_data();
    void refusals();
    void closedPortIsTransient();
    void serverWithoutTlsGetsNothing();
    void untrustedCertificateGetsNothing();
    void wrongPasswordIsNotABounce();
    void privateAddressRefusedByPolicy();

private:
    SmtpSettings settingsFor(const SmtpSink &sink, SmtpSettings::Security security) const;

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    QString m_otherCertificate;
};

void TestSmtpMailer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(engage::test::makeCertificate(m_dir.path(), QStringLiteral("sink"), &m_certificate,
                                           &m_key, &error),
             qPrintable(error));
    QString otherKey;
    QVERIFY2(engage::test::makeCertificate(m_dir.path(), QStringLiteral("stranger"),
                                           &m_otherCertificate, &otherKey, &error),
             qPrintable(error));
}

SmtpSettings TestSmtpMailer::settingsFor(const SmtpSink &sink,
                                         SmtpSettings::Security security) const
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = sink.port();
    settings.security = security;
    settings.fromAddress = QStringLiteral("engage@sakura-foods.example.jp");
    settings.caFile = m_certificate;
    return settings;
}

void TestSmtpMailer::encodedWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << QStringLiteral("Survey reminder");
    QTest::newRow("empty") << QString();
    QTest::newRow("japanese") << japaneseMessage().subject;
    QTest::newRow("emoji run") << QString(QStringLiteral("😀").repeated(30));
    QTest::newRow("header injection") << QStringLiteral("x\r\nBcc: victim@example.com");
}

void TestSmtpMailer::encodedWords()
{
    QFETCH(QString, text);
    const QByteArray header = "Subject: " + SmtpMailer::encodedWords(text);
    const QList<QByteArray> lines = header.split('\n');
    QByteArray decoded;
    static const QRegularExpression word(QStringLiteral("^=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=$"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i + 1 < lines.size()) {
            QVERIFY2(line.endsWith('\r'), "lines end with CRLF");
            line.chop(1);
        }
        QVERIFY2(line.size() <= 76, line.constData());
        const QByteArray encoded = i == 0 ? line.mid(9) : line.mid(1);
        if (i > 0)
            QCOMPARE(line.at(0), ' ');
        QVERIFY(encoded.size() <= 75);
        const auto match = word.match(QString::fromLatin1(encoded));
        QVERIFY2(match.hasMatch(), encoded.constData());
        const QByteArray part = QByteArray::fromBase64(match.captured(1).toLatin1());
        // Each word is whole UTF-8 on its own (RFC 2047 5: no character split).
        QCOMPARE(QString::fromUtf8(part).toUtf8(), part);
        QVERIFY(!QString::fromUtf8(part).contains(QChar::ReplacementCharacter));
        decoded += part;
    }
    QCOMPARE(QString::fromUtf8(decoded), text);
}

void TestSmtpMailer::asciiAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::newRow("plain") << QStringLiteral("a.b+c@example.com")
                           << QByteArray("a.b+c@example.com");
    QTest::newRow("idn domain") << QStringLiteral("info@例え.jp")
                                << QByteArray("info@xn--r8jz45g.jp");
    QTest::newRow("non-ascii local part") << QStringLiteral("山田@example.jp") << QByteArray();
    QTest::newRow("crlf") << QStringLiteral("a@example.com\r\nRCPT TO:<b@c>") << QByteArray();
    QTest::newRow("angle") << QStringLiteral("a>@example.com") << QByteArray();
    QTest::newRow("no at") << QStringLiteral("example.com") << QByteArray();
    QTest::newRow("space in domain") << QStringLiteral("a@exa mple.com") << QByteArray();
}

void TestSmtpMailer::asciiAddress()
{
    QFETCH(QString, address);
    QFETCH(QByteArray, expected);
    const auto ascii = SmtpMailer::asciiAddress(address);
    if (expected.isEmpty())
        QVERIFY(!ascii);
    else
        QCOMPARE(ascii.value_or(QByteArray()), expected);
}

void TestSmtpMailer::composedHeaders()
{
    SmtpSettings settings;
    settings.fromAddress = QStringLiteral("engage@example.com");
    const QDateTime date(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC);
    const auto composed =
        SmtpMailer::compose(settings, japaneseMessage(), date, QByteArrayLiteral("abc123"));
    QVERIFY(composed);
    const qsizetype end = composed->indexOf("\r\n\r\n");
    QVERIFY(end > 0);
    const QByteArray head = composed->left(end);
    QVERIFY(head.contains("\r\nMessage-ID: <abc123@example.com>\r\n"));
    QVERIFY(head.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
    QVERIFY(head.contains("\r\nContent-Transfer-Encoding: base64"));
    QVERIFY(head.startsWith("Date: Fri, 04 Dec 2026 09:30:00 +0000\r\n") ||
            head.startsWith("Date: 04 Dec 2026 09:30:00 +0000\r\n"));
    for (const QByteArray &line : composed->split('\n'))
        QVERIFY2(line.size() <= 78, line.constData());
    // A recipient no header may hold is never composed.
    MailMessage hostile = japaneseMessage();
    hostile.to = QStringLiteral("a@example.com\r\nBcc: b@example.com");
    QVERIFY(!SmtpMailer::compose(settings, hostile, date, QByteArrayLiteral("x")));
}

void TestSmtpMailer::delivers_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<SmtpSettings::Security>("security");
    QTest::addColumn<bool>("authenticate");
    QTest::newRow("starttls") << QStringLiteral("starttls") << SmtpSettings::Security::StartTls
                              << false;
    QTest::newRow("starttls with auth")
        << QStringLiteral("starttls") << SmtpSettings::Security::StartTls << true;
    QTest::newRow("tls") << QStringLiteral("tls") << SmtpSettings::Security::Tls << false;
    QTest::newRow("tls with auth") << QStringLiteral("tls") << SmtpSettings::Security::Tls << true;
}

void TestSmtpMailer::delivers()
{
    QFETCH(QString, mode);
    QFETCH(SmtpSettings::Security, security);
    QFETCH(bool, authenticate);
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(mode, m_certificate, m_key, &error), qPrintable(error));
    SmtpSettings settings = settingsFor(sink, security);
    if (authenticate) {
        settings.username = SmtpSink::user();
        settings.password = SmtpSink::password();
    }
    const MailMessage message = japaneseMessage();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-2);
    const SendOutcome sent = SmtpMailer(loopbackPolicy()).send(settings, message);
    QVERIFY2(sent.result == SendOutcome::Result::Sent, qPrintable(sent.detail));

    const QList<QJsonObject> received = sink.messages();
    QCOMPARE(received.size(), 1);
    const QJsonObject &mail = received.first();
    QCOMPARE(mail.value(u"tls").toBool(), true);
    QCOMPARE(mail.value(u"login").toString(), authenticate ? SmtpSink::user() : QString());
    QCOMPARE(mail.value(u"mailFrom").toString(), settings.fromAddress);
    QCOMPARE(mail.value(u"rcptTos").toArray(), QJsonArray{message.to});
    QCOMPARE(mail.value(u"subject").toString(), message.subject);
    QCOMPARE(mail.value(u"body").toString(), message.textBody);
    QCOMPARE(mail.value(u"to").toString(), message.to);
    QCOMPARE(mail.value(u"from").toString(), settings.fromAddress);
    QCOMPARE(mail.value(u"contentType").toString(), QStringLiteral("text/plain"));
    QCOMPARE(mail.value(u"charset").toString(), QStringLiteral("utf-8"));
    QCOMPARE(mail.value(u"mimeVersion").toString(), QStringLiteral("1.0"));
    QCOMPARE(mail.value(u"defects").toArray(), QJsonArray());
    const QDateTime date = QDateTime::fromString(mail.value(u"date").toString(), Qt::RFC2822Date);
    QVERIFY2(date.isValid() && date >= before && date <= before.addSecs(60),
             qPrintable(mail.value(u"date").toString()));
    static const QRegularExpression messageId(
        QStringLiteral("^<[0-9a-f]{32}@sakura-foods\\.example\\.jp>$"));
    QVERIFY2(messageId.match(mail.value(u"messageId").toString()).hasMatch(),
             qPrintable(mail.value(u"messageId").toString()));
    // The link stays whole on a line of its own.
    QVERIFY(mail.value(u"body").toString().split(u'\n').contains(
        QStringLiteral("https://survey.example.jp/r/AbC-123_xyz")));
}

void TestSmtpMailer::refusals_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<SendOutcome::Result>("expected");
    QTest::addColumn<QString>("code");
    QTest::newRow("recipient refused")
        << QStringLiteral("refuse-rcpt") << SendOutcome::Result::Refused << QStringLiteral("550");
    QTest::newRow("message refused")
        << QStringLiteral("refuse-data") << SendOutcome::Result::Refused << QStringLiteral("554");
    QTest::newRow("try later") << QStringLiteral("tempfail") << SendOutcome::Result::Transient
                               << QStringLiteral("451");
}

void TestSmtpMailer::refusals()
{
    QFETCH(QString, mode);
    QFETCH(SendOutcome::Result, expected);
    QFETCH(QString, code);
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(mode, m_certificate, m_key, &error), qPrintable(error));
    const MailMessage message = japaneseMessage();
    const SendOutcome outcome =
        SmtpMailer(loopbackPolicy())
            .send(settingsFor(sink, SmtpSettings::Security::StartTls), message);
    QVERIFY2(outcome.result == expected, qPrintable(outcome.detail));
    QVERIFY2(outcome.detail.contains(code), qPrintable(outcome.detail));
    QVERIFY(!outcome.detail.contains(message.to, Qt::CaseInsensitive));
    QVERIFY(!outcome.detail.contains(QStringLiteral("hanako"), Qt::CaseInsensitive));
    QVERIFY(sink.messages().isEmpty());
}

void TestSmtpMailer::closedPortIsTransient()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.fromAddress = QStringLiteral("engage@example.com");
    settings.caFile = m_certificate;
    const SendOutcome outcome = SmtpMailer(loopbackPolicy()).send(settings, japaneseMessage());
    QVERIFY2(outcome.result == SendOutcome::Result::Transient, qPrintable(outcome.detail));
    QVERIFY(!outcome.detail.isEmpty());
}

void TestSmtpMailer::serverWithoutTlsGetsNothing()
{
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(QStringLiteral("plain"), {}, {}, &error), qPrintable(error));
    SmtpSettings settings = settingsFor(sink, SmtpSettings::Security::StartTls);
    settings.username = SmtpSink::user();
    settings.password = SmtpSink::password();
    const SendOutcome outcome = SmtpMailer(loopbackPolicy()).send(settings, japaneseMessage());
    QVERIFY2(outcome.result == SendOutcome::Result::Transient, qPrintable(outcome.detail));
    QVERIFY(sink.messages().isEmpty());
}

void TestSmtpMailer::untrustedCertificateGetsNothing()
{
    for (const auto &[mode, security] :
         {std::pair{QStringLiteral("starttls"), SmtpSettings::Security::StartTls},
          std::pair{QStringLiteral("tls"), SmtpSettings::Security::Tls}}) {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(mode, m_certificate, m_key, &error), qPrintable(error));
        SmtpSettings settings = settingsFor(sink, security);
        settings.caFile = m_otherCertificate;
        const SendOutcome outcome = SmtpMailer(loopbackPolicy()).send(settings, japaneseMessage());
        QVERIFY2(outcome.result == SendOutcome::Result::Transient, qPrintable(outcome.detail));
        QVERIFY(sink.messages().isEmpty());
    }
}

void TestSmtpMailer::wrongPasswordIsNotABounce()
{
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(QStringLiteral("starttls"), m_certificate, m_key, &error),
             qPrintable(error));
    SmtpSettings settings = settingsFor(sink, SmtpSettings::Security::StartTls);
    settings.username = SmtpSink::user();
    settings.password = QStringLiteral("not-the-password");
    const SendOutcome outcome = SmtpMailer(loopbackPolicy()).send(settings, japaneseMessage());
    QVERIFY2(outcome.result == SendOutcome::Result::Transient, qPrintable(outcome.detail));
    QVERIFY(!outcome.detail.contains(settings.password));
    QVERIFY(sink.messages().isEmpty());
}

void TestSmtpMailer::privateAddressRefusedByPolicy()
{
    SmtpSink sink;
    QString error;
    QVERIFY2(sink.start(QStringLiteral("starttls"), m_certificate, m_key, &error),
             qPrintable(error));
    SmtpMailer::Policy policy = loopbackPolicy();
    policy.privateHosts = false;
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        SmtpSettings settings = settingsFor(sink, SmtpSettings::Security::StartTls);
        settings.host = host;
        const SendOutcome outcome = SmtpMailer(policy).send(settings, japaneseMessage());
        QVERIFY2(outcome.result == SendOutcome::Result::Transient, qPrintable(outcome.detail));
        QVERIFY2(outcome.detail.contains(QStringLiteral("private")), qPrintable(outcome.detail));
    }
    QVERIFY(sink.messages().isEmpty());
}

QTEST_GUILESS_MAIN(TestSmtpMailer)
#include "tst_smtpmailer.moc"
