// The SMTP settings routes in-process over real TLS on a real store: the
// password is write-only (never answered, sealed at rest, kept, replaced or
// removed as asked), owners and admins only, If-Match, hostile input refused
// with nothing changed, the operation log naming fields and never values,
// tenants apart; the test message and a survey's preview invitation reach a
// real SMTP sink (aiosmtpd) at the caller's own address, the invitation with
// a preview link that opens the survey on the respondent page (or, without
// the service's public address, saying it has none).

#include "api/mail.h"
#include "api/questionbank.h"
#include "api/respondenttexts.h"
#include "api/survey.h"
#include "crypto/random.h"
#include "mail/mailroutes.h"
#include "ops/publicurl.h"
#include "ops/servicecontext.h"
#include "respondent/respondentroutes.h"
#include "servicefixture.h"
#include "smtpsink.h"
#include "store/keyring.h"
#include "store/previewlinkrepository.h"
#include "store/smtpsettingsrepository.h"
#include "store/surveyrepository.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QtTest>

using namespace engage;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;
using engage::test::SmtpSink;
namespace store = engage::server::store;

namespace {

const QString kSettings = QStringLiteral("/api/v1/settings/smtp");
const QString kSecret = QStringLiteral("Sëcret-p@ss 42");

HeaderList ifMatch(const QByteArray &etag)
{
    return {{QByteArrayLiteral("If-Match"), etag}};
}

QJsonObject settingsBody(int port, const std::optional<QString> &password)
{
    QJsonObject body{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("port"), port},
                     {QStringLiteral("security"), QStringLiteral("starttls")},
                     {QStringLiteral("username"), SmtpSink::user()},
                     {QStringLiteral("fromAddress"), QStringLiteral("engage@org.example.com")}};
    if (password)
        body.insert(QStringLiteral("password"), *password);
    return body;
}

} // namespace

class TestSmtpSettingsRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QHash<QString, QString> m_tokens;
    QTemporaryDir m_certificates;
    QString m_certificate;
    QString m_key;
    SmtpSink m_sink;
    QString m_surveyId;
    // Not set until a test sets it, as before the service listens.
    const std::shared_ptr<server::ops::PublicUrl> m_publicUrl =
        std::make_shared<server::ops::PublicUrl>();

    QString token(const QString &as)
    {
        if (!m_tokens.contains(as)) {
            const bool other = as.startsWith(QStringLiteral("other-"));
            m_tokens.insert(
                as, m_service.issue(other ? m_other : m_org, other ? as.mid(6) : as).accessToken);
        }
        return m_tokens.value(as);
    }

    HttpResponse send(const QByteArray &verb, const QString &path, const QString &as,
                      const std::optional<QJsonObject> &body = std::nullopt,
                      const HeaderList &headers = {})
    {
        return m_service.send(verb, path, token(as), body, headers);
    }

    api::SmtpSettingsView current(const QString &as = QStringLiteral("owner"))
    {
        const HttpResponse response = send("GET", kSettings, as);
        const auto view = api::smtpSettingsViewFromJson(response.json());
        if (response.status != 200 || !view) {
            qWarning() << response.describe();
            return {};
        }
        return view.value();
    }

    QByteArray etag() { return QByteArray::number(current().revision).prepend('"').append('"'); }

    qint64 previewLinkRows()
    {
        QSqlQuery query(m_service.connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM preview_links")) || !query.next())
            qFatal("cannot count preview links");
        return query.value(0).toLongLong();
    }

    QStringList summaries(const QString &action)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT summary FROM operation_log WHERE action = ?"));
        query.addBindValue(action);
        QStringList found;
        if (query.exec()) {
            while (query.next())
                found.append(query.value(0).toString());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_service.addPersonPerRole(m_org);
        m_service.addPerson(m_other, QStringLiteral("owner"), api::Role::Owner);
        QVERIFY2(test::makeCertificate(m_certificates.path(), QStringLiteral("sink"),
                                       &m_certificate, &m_key, &error),
                 qPrintable(error));
        QVERIFY2(m_sink.start(QStringLiteral("starttls"), m_certificate, m_key, &error),
                 qPrintable(error));

        api::SurveyDefinition definition;
        definition.kind = api::SurveyKind::Pulse;
        definition.name = {QStringLiteral("春のサーベイ"), QStringLiteral("Spring survey")};
        definition.delivery.startDate = QDate::currentDate().addDays(10);
        const auto survey =
            store::SurveyRepository(m_service.connection(), m_service.keyring())
                .create(store::TenantScope(m_org.id), definition, QDateTime::currentDateTimeUtc());
        QVERIFY2(survey, survey ? "" : qPrintable(survey.error().message));
        m_surveyId = survey.value().id;

        // The sink is on loopback and has a certificate of its own.
        server::ops::ServiceContext context = m_service.context();
        context.smtpPrivateHosts = true;
        context.smtpCaFile = m_certificate;
        context.publicUrl = m_publicUrl;
        server::mail::addMailRoutes(m_service.router(), context);
        // Where the preview links lead.
        server::respondent::addRespondentRoutes(m_service.router(), context);
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void noSettingsYet()
    {
        const HttpResponse response = send("GET", kSettings, QStringLiteral("admin"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("ETag"), QByteArray("\"0\""));
        const auto view = api::smtpSettingsViewFromJson(response.json());
        QVERIFY(view);
        QCOMPARE(view.value().revision, 0);
        QVERIFY(!view.value().passwordSet);
        // Nothing to test with yet.
        QCOMPARE(send("POST", kSettings + QStringLiteral("/test"), QStringLiteral("owner")).status,
                 409);
    }

    void onlyOwnersAndAdmins_data()
    {
        QTest::addColumn<QString>("as");
        QTest::newRow("manager") << QStringLiteral("manager");
        QTest::newRow("viewer") << QStringLiteral("viewer");
    }

    void onlyOwnersAndAdmins()
    {
        QFETCH(QString, as);
        QCOMPARE(send("GET", kSettings, as).status, 403);
        QCOMPARE(send("PUT", kSettings, as, settingsBody(m_sink.port(), kSecret), ifMatch("\"0\""))
                     .status,
                 403);
        QCOMPARE(send("POST", kSettings + QStringLiteral("/test"), as).status, 403);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/surveys/%1/test").arg(m_surveyId), as,
                      QJsonObject{{QStringLiteral("language"), QStringLiteral("ja")}})
                     .status,
                 403);
        QCOMPARE(current().revision, 0);
    }

    void ifMatchIsRequired()
    {
        QCOMPARE(
            send("PUT", kSettings, QStringLiteral("owner"), settingsBody(m_sink.port(), kSecret))
                .status,
            428);
        QCOMPARE(send("PUT", kSettings, QStringLiteral("owner"),
                      settingsBody(m_sink.port(), kSecret), ifMatch("\"3\""))
                     .status,
                 412);
        QCOMPARE(current().revision, 0);
    }

    void passwordIsWriteOnlyAndSealed()
    {
        const HttpResponse put = send("PUT", kSettings, QStringLiteral("admin"),
                                      settingsBody(m_sink.port(), kSecret), ifMatch("\"0\""));
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        QCOMPARE(put.header("ETag"), QByteArray("\"1\""));
        QVERIFY(!put.json().contains(QStringLiteral("password")));
        QVERIFY(!put.body.contains(kSecret.toUtf8()));
        const HttpResponse got = send("GET", kSettings, QStringLiteral("owner"));
        QVERIFY(!got.body.contains(kSecret.toUtf8()));
        const api::SmtpSettingsView view = current();
        QCOMPARE(view.revision, 1);
        QVERIFY(view.passwordSet);
        QCOMPARE(view.username, SmtpSink::user());
        QCOMPARE(view.port, m_sink.port());

        // At rest: sealed in its cell, in no file of the data directory.
        QSqlQuery query(m_service.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT password_sealed FROM smtp_settings")));
        QVERIFY(query.next());
        const QByteArray sealed = query.value(0).toByteArray();
        QVERIFY(sealed.size() > kSecret.toUtf8().size());
        QVERIFY(!sealed.contains(kSecret.toUtf8()));
        query.finish();
        QDirIterator files(m_service.context().dataDirectory, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kSecret.toUtf8()), qPrintable(file.fileName()));
        }
        // It opens for sending, and only under this tenant's key.
        const auto account =
            store::SmtpSettingsRepository(m_service.connection(), m_service.keyring())
                .account(store::TenantScope(m_org.id));
        QVERIFY(account);
        QCOMPARE(account.value().password, kSecret);
        QCOMPARE(send("GET", kSettings, QStringLiteral("other-owner")).json().value(u"revision"),
                 QJsonValue(0));

        // The log names the fields, never a value.
        const QStringList logged = summaries(QStringLiteral("smtp.update"));
        QCOMPARE(logged.size(), 1);
        QVERIFY2(logged.first().contains(QStringLiteral("password")), qPrintable(logged.first()));
        for (const QString &value :
             {kSecret, QStringLiteral("127.0.0.1"), SmtpSink::user(), QStringLiteral("engage@")})
            QVERIFY2(!logged.first().contains(value), qPrintable(logged.first()));
    }

    void passwordKeptReplacedRemoved()
    {
        // Absent: kept, even when other fields change.
        QJsonObject body = settingsBody(m_sink.port(), std::nullopt);
        body.insert(QStringLiteral("security"), QStringLiteral("tls"));
        HttpResponse put = send("PUT", kSettings, QStringLiteral("owner"), body, ifMatch(etag()));
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        QVERIFY(current().passwordSet);
        store::SmtpSettingsRepository repository(m_service.connection(), m_service.keyring());
        QCOMPARE(repository.account(store::TenantScope(m_org.id)).value().password, kSecret);
        // "": removed.
        put = send("PUT", kSettings, QStringLiteral("owner"),
                   settingsBody(m_sink.port(), QString()), ifMatch(etag()));
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        QVERIFY(!current().passwordSet);
        QVERIFY(repository.account(store::TenantScope(m_org.id)).value().password.isEmpty());
        // Back for the tests below: the sink's account over STARTTLS.
        put = send("PUT", kSettings, QStringLiteral("owner"),
                   settingsBody(m_sink.port(), SmtpSink::password()), ifMatch(etag()));
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        const api::SmtpSettingsView view = current();
        QVERIFY(view.passwordSet);
        QCOMPARE(view.security, api::SmtpSecurity::StartTls);
        QCOMPARE(view.revision, 4);
        // The same settings again change nothing and log nothing.
        const int updates = summaries(QStringLiteral("smtp.update")).size();
        put = send("PUT", kSettings, QStringLiteral("owner"), settingsBody(m_sink.port(), {}),
                   ifMatch(etag()));
        QCOMPARE(put.status, 200);
        QCOMPARE(current().revision, 4);
        QCOMPARE(summaries(QStringLiteral("smtp.update")).size(), updates);
    }

    void hostileInput_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("host with CRLF")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("mail.example.com\r\nX: y"));
        QTest::newRow("host with space")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("mail example.com"));
        QTest::newRow("host empty") << QStringLiteral("host") << QJsonValue(QString());
        QTest::newRow("host too long")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("a.").repeated(130) + u'a');
        QTest::newRow("host with scheme")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("smtp://mail.example.com"));
        QTest::newRow("host with path")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("mail.example.com/x"));
        QTest::newRow("bracketed ipv6")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("[::1]"));
        QTest::newRow("ipv6 zone")
            << QStringLiteral("host") << QJsonValue(QStringLiteral("fe80::1%eth0"));
        QTest::newRow("port 0") << QStringLiteral("port") << QJsonValue(0);
        QTest::newRow("port 65536") << QStringLiteral("port") << QJsonValue(65536);
        QTest::newRow("port text") << QStringLiteral("port") << QJsonValue(QStringLiteral("25"));
        QTest::newRow("port fraction") << QStringLiteral("port") << QJsonValue(25.5);
        QTest::newRow("security none")
            << QStringLiteral("security") << QJsonValue(QStringLiteral("none"));
        QTest::newRow("security upper")
            << QStringLiteral("security") << QJsonValue(QStringLiteral("STARTTLS"));
        QTest::newRow("from without at")
            << QStringLiteral("fromAddress") << QJsonValue(QStringLiteral("engage-without-at"));
        QTest::newRow("from non-ascii local")
            << QStringLiteral("fromAddress") << QJsonValue(QStringLiteral("山田@example.jp"));
        QTest::newRow("from with CRLF")
            << QStringLiteral("fromAddress")
            << QJsonValue(QStringLiteral("a@example.com\r\nBcc: b@example.com"));
        QTest::newRow("username too long")
            << QStringLiteral("username") << QJsonValue(QString(300, u'u'));
        QTest::newRow("username control")
            << QStringLiteral("username") << QJsonValue(QStringLiteral("a\u0001b"));
        QTest::newRow("password control")
            << QStringLiteral("password") << QJsonValue(QStringLiteral("pa\nss"));
        QTest::newRow("password too long")
            << QStringLiteral("password") << QJsonValue(QString(257, u'p'));
        QTest::newRow("password number") << QStringLiteral("password") << QJsonValue(1234);
        QTest::newRow("unknown member")
            << QStringLiteral("caFile") << QJsonValue(QStringLiteral("/etc/passwd"));
    }

    void hostileInput()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        const api::SmtpSettingsView before = current();
        QJsonObject body = settingsBody(m_sink.port(), std::nullopt);
        body.insert(member, value);
        const HttpResponse put =
            send("PUT", kSettings, QStringLiteral("owner"), body, ifMatch(etag()));
        QVERIFY2(put.status == 400, qPrintable(put.describe()));
        // Never echoed (short values may occur in any answer by chance).
        if (value.isString() && value.toString().size() >= 8)
            QVERIFY(!put.body.contains(value.toString().toUtf8()));
        QCOMPARE(current(), before);
    }

    void passwordNeedsUserName()
    {
        QJsonObject body = settingsBody(m_sink.port(), QStringLiteral("x-password"));
        body.insert(QStringLiteral("username"), QString());
        const HttpResponse put =
            send("PUT", kSettings, QStringLiteral("owner"), body, ifMatch(etag()));
        QVERIFY2(put.status == 400, qPrintable(put.describe()));
        QCOMPARE(put.json().value(u"field").toString(), QStringLiteral("username"));
    }

    void testMessageReachesTheCaller()
    {
        const int before = m_sink.messages().size();
        const HttpResponse response =
            send("POST", kSettings + QStringLiteral("/test"), QStringLiteral("admin"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto result = api::mailTestResultFromJson(response.json());
        QVERIFY(result);
        QVERIFY2(result.value().outcome == api::MailTestOutcome::Sent,
                 qPrintable(result.value().detail));
        const QList<QJsonObject> messages = m_sink.messages();
        QCOMPARE(messages.size(), before + 1);
        const QJsonObject &mail = messages.last();
        QCOMPARE(mail.value(u"rcptTos").toArray(),
                 QJsonArray{ServiceFixture::email(m_org, QStringLiteral("admin"))});
        QCOMPARE(mail.value(u"login").toString(), SmtpSink::user());
        // The company writes Japanese (the tenant's locale).
        QCOMPARE(mail.value(u"subject").toString(), QStringLiteral("Engage のメール送信テスト"));
        QVERIFY(mail.value(u"body").toString().contains(QStringLiteral("org")));
        QCOMPARE(m_service.operationCount(QStringLiteral("smtp.test"), m_org.id), 1);
        QCOMPARE(summaries(QStringLiteral("smtp.test")),
                 QStringList{QStringLiteral("test message: sent")});
    }

    void surveyPreviewReachesTheCaller()
    {
        const QString path = QStringLiteral("/api/v1/surveys/%1/test").arg(m_surveyId);
        const int before = m_sink.messages().size();
        const HttpResponse response =
            send("POST", path, QStringLiteral("owner"),
                 QJsonObject{{QStringLiteral("language"), QStringLiteral("en")}});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(u"outcome").toString(), QStringLiteral("sent"));
        const QList<QJsonObject> messages = m_sink.messages();
        QCOMPARE(messages.size(), before + 1);
        const QJsonObject &mail = messages.last();
        QCOMPARE(mail.value(u"rcptTos").toArray(),
                 QJsonArray{ServiceFixture::email(m_org, QStringLiteral("owner"))});
        const QString subject = mail.value(u"subject").toString();
        QVERIFY2(subject.startsWith(QStringLiteral("Survey: Spring survey (please answer by ")),
                 qPrintable(subject));
        const QString body = mail.value(u"body").toString();
        QVERIFY2(body.contains(QStringLiteral("This is a test.")), qPrintable(body));
        QVERIFY(body.contains(QStringLiteral("aggregated results of %1 or more respondents")
                                  .arg(api::kAnonymityThresholdDefault)));
        QVERIFY(body.contains(QStringLiteral("Asia/Tokyo")));
        // The service's public address is not set: no link, and it says so.
        QVERIFY(!body.contains(QStringLiteral("/r/")));
        QVERIFY(body.contains(QStringLiteral("It carries no preview link")));
        QCOMPARE(previewLinkRows(), 0);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.preview"), m_surveyId), 0);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.test"), m_surveyId), 1);

        // In Japanese.
        QCOMPARE(send("POST", path, QStringLiteral("owner"),
                      QJsonObject{{QStringLiteral("language"), QStringLiteral("ja")}})
                     .status,
                 200);
        QVERIFY(m_sink.messages()
                    .last()
                    .value(u"subject")
                    .toString()
                    .contains(QStringLiteral("春のサーベイ")));
        // Refused: another language, another tenant's survey, a malformed id.
        QCOMPARE(send("POST", path, QStringLiteral("owner"),
                      QJsonObject{{QStringLiteral("language"), QStringLiteral("fr")}})
                     .status,
                 400);
        QCOMPARE(send("POST", path, QStringLiteral("other-owner"),
                      QJsonObject{{QStringLiteral("language"), QStringLiteral("ja")}})
                     .status,
                 404);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/surveys/x/test"), QStringLiteral("owner"),
                      QJsonObject{{QStringLiteral("language"), QStringLiteral("ja")}})
                     .status,
                 404);
        QCOMPARE(m_sink.messages().size(), before + 2);
    }

    void surveyPreviewLinkOpensThePreview_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("notice");
        QTest::addColumn<QString>("name");
        QTest::newRow("English") << QStringLiteral("en")
                                 << QStringLiteral("answers given through this link are not "
                                                   "recorded. It works for 7 days.")
                                 << QStringLiteral("Spring survey");
        QTest::newRow("Japanese") << QStringLiteral("ja")
                                  << QStringLiteral("このリンクから回答しても記録されません。"
                                                    "リンクは7日間有効です。")
                                  << QStringLiteral("春のサーベイ");
    }

    void surveyPreviewLinkOpensThePreview()
    {
        QFETCH(QString, language);
        QFETCH(QString, notice);
        QFETCH(QString, name);
        const QString base = QStringLiteral("https://survey.example.com/engage");
        m_publicUrl->set(base);
        const qint64 links = previewLinkRows();
        const int previews = m_service.operationCount(QStringLiteral("survey.preview"), m_surveyId);
        const HttpResponse response =
            send("POST", QStringLiteral("/api/v1/surveys/%1/test").arg(m_surveyId),
                 QStringLiteral("admin"), QJsonObject{{QStringLiteral("language"), language}});
        m_publicUrl->set(QString());
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(u"outcome").toString(), QStringLiteral("sent"));

        const QString body = m_sink.messages().last().value(u"body").toString();
        QVERIFY2(body.contains(notice), qPrintable(body));
        const QRegularExpressionMatch link =
            QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(base) +
                                   QStringLiteral("(/r/([A-Za-z0-9_-]+))\\r?$"),
                               QRegularExpression::MultilineOption)
                .match(body);
        QVERIFY2(link.hasMatch(), qPrintable(body));
        const QString token = link.captured(2);
        QVERIFY(server::crypto::isTokenShaped(token));

        // Issued with its operation row; only its hash is kept.
        QCOMPARE(previewLinkRows(), links + 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.preview"), m_surveyId),
                 previews + 1);
        QSqlQuery stored(m_service.connection());
        stored.prepare(QStringLiteral("SELECT language FROM preview_links WHERE token_hash = ?"));
        stored.addBindValue(server::crypto::tokenHash(token));
        QVERIFY(stored.exec() && stored.next());
        QCOMPARE(stored.value(0).toString(), language);

        // Fetched over TLS, the link answers the survey's preview in the
        // message's language: the banner and the pulse's whole bank.
        const HttpResponse page = m_service.probe().get(link.captured(1));
        QVERIFY2(page.status == 200, qPrintable(page.describe()));
        const QString html = QString::fromUtf8(page.body);
        const api::Language shown =
            language == QLatin1String("en") ? api::Language::English : api::Language::Japanese;
        QVERIFY(html.contains(QStringLiteral("<html lang=\"") + language + u'"'));
        QVERIFY(html.contains(api::text(api::Text::PreviewBanner, shown)));
        QVERIFY(html.contains(QStringLiteral("<h1>") + name + QStringLiteral("</h1>")));
        QCOMPARE(html.count(QStringLiteral("<fieldset")), api::kBankSize);
    }

    void refusedTestSaysSo()
    {
        SmtpSink refusing;
        QString error;
        QVERIFY2(refusing.start(QStringLiteral("refuse-rcpt"), m_certificate, m_key, &error),
                 qPrintable(error));
        QVERIFY(send("PUT", kSettings, QStringLiteral("owner"), settingsBody(refusing.port(), {}),
                     ifMatch(etag()))
                    .status == 200);
        const HttpResponse response =
            send("POST", kSettings + QStringLiteral("/test"), QStringLiteral("owner"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto result = api::mailTestResultFromJson(response.json());
        QVERIFY(result);
        QCOMPARE(result.value().outcome, api::MailTestOutcome::Refused);
        QVERIFY(
            !result.value().detail.contains(ServiceFixture::email(m_org, QStringLiteral("owner"))));
    }
};

QTEST_GUILESS_MAIN(TestSmtpSettingsRoutes)
#include "tst_smtpsettingsroutes.moc"
