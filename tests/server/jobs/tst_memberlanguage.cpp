// A member's own language through a whole delivery, in-process on a real
// store: a Japanese company (the tenant's locale) with a member set to
// English, one set to Japanese and one following the company; the scheduler
// opens a pulse round and mails the invitations through the real EmailSender
// to a local SMTP sink (aiosmtpd); each comes in its member's language, and
// the link in it opens the respondent page in that language, which
// ?lang= still switches.

#include "api/mail.h"
#include "jobs/scheduler.h"
#include "jobsseed.h"
#include "mail/emailsender.h"
#include "mail/smtpmailer.h"
#include "ops/publicurl.h"
#include "respondent/respondentroutes.h"
#include "servicefixture.h"
#include "smtpsink.h"
#include "store/memberrepository.h"
#include "store/smtpsettingsrepository.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace engage;
using namespace engage::server;
using engage::test::ServiceFixture;
using engage::test::SmtpSink;

namespace {

// Yesterday in Tokyo, so that the round the scheduler opens then (at a time
// it is given) is still open on the respondent page (which reads the clock).
const QDate kStart =
    QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Tokyo")).date().addDays(-1);
const QDateTime kOpening = QDateTime(kStart, QTime(9, 30), QTimeZone("Asia/Tokyo")).toUTC();

} // namespace

class TestMemberLanguage final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    QTemporaryDir m_certificates;
    QString m_certificate;
    QString m_key;
    SmtpSink m_sink;
    QHash<QString, QString> m_addresses; // "en", "ja", "company" -> address

    QString addMember(const QString &name, const std::optional<api::Language> &language)
    {
        api::MemberFields fields;
        fields.email = name + QStringLiteral("@org.example.com");
        fields.familyName = QStringLiteral("Member");
        fields.givenName = name;
        fields.language = language;
        const auto member =
            store::MemberRepository(m_service.connection(), m_service.keyring())
                .create(store::TenantScope(m_org.id), fields, kOpening.addDays(-30));
        if (!member)
            qFatal("adding a member: %s", qPrintable(member.error().message));
        m_addresses.insert(name, *fields.email);
        return member.value().member.id;
    }

    // The one message the sink accepted for `address`.
    QJsonObject mailTo(const QString &address) const
    {
        QJsonObject found;
        for (const QJsonObject &message : m_sink.messages()) {
            if (message.value(u"rcptTos").toArray() == QJsonArray{address})
                found = message;
        }
        return found;
    }

    // The respondent page behind the link of the mail to `address`.
    QString pageOf(const QString &address, const QString &query = {})
    {
        static const QRegularExpression link(QStringLiteral("/r/[A-Za-z0-9_-]+"));
        const QRegularExpressionMatch match = link.match(mailTo(address).value(u"body").toString());
        if (!match.hasMatch())
            return {};
        const test::HttpResponse response =
            m_service.probe().send("GET", match.captured(0) + query, {}, {});
        return response.status == 200 ? QString::fromUtf8(response.body) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org")); // Japanese, the default locale
        QVERIFY2(test::makeCertificate(m_certificates.path(), QStringLiteral("sink"),
                                       &m_certificate, &m_key, &error),
                 qPrintable(error));
        QVERIFY2(m_sink.start(QStringLiteral("starttls"), m_certificate, m_key, &error),
                 qPrintable(error));
        api::SmtpSettingsUpdate smtp;
        smtp.host = QStringLiteral("127.0.0.1");
        smtp.port = m_sink.port();
        smtp.username = SmtpSink::user();
        smtp.password = SmtpSink::password();
        smtp.fromAddress = QStringLiteral("engage@org.example.com");
        const auto saved =
            store::SmtpSettingsRepository(m_service.connection(), m_service.keyring())
                .update(store::TenantScope(m_org.id), 0, smtp, kOpening.addDays(-1));
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));

        addMember(QStringLiteral("en"), api::Language::English);
        addMember(QStringLiteral("ja"), api::Language::Japanese);
        addMember(QStringLiteral("company"), std::nullopt);

        api::SurveyDefinition pulse;
        pulse.name = {QStringLiteral("春のパルス"), QStringLiteral("Spring pulse")};
        pulse.delivery.startDate = kStart;
        test::jobs::publishSurvey(m_service.connection(), store::TenantScope(m_org.id), pulse);

        respondent::addRespondentRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
        // The links' address: only their path is followed here.
        m_service.context().publicUrl->set(QStringLiteral("https://engage.example.com"));

        mail::SmtpMailer::Policy policy;
        policy.privateHosts = true; // the sink is on loopback
        policy.caFile = m_certificate;
        mail::EmailSender sender(m_service.context().database, m_service.keyring(),
                                 m_service.context().publicUrl,
                                 std::make_unique<mail::SmtpMailer>(policy));
        jobs::Scheduler scheduler(m_service.context().database, m_service.keyring(), sender);
        const jobs::TickReport report = scheduler.tick(kOpening.addSecs(60));
        QCOMPARE(report.roundsOpened, 1);
        QTRY_COMPARE(m_sink.messages().size(), 3);
    }
    void cleanupTestCase() { m_service.stop(); }

    void invitationsInTheMembersLanguage_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("subject");
        QTest::newRow("English member") << "en"
                                        << "Survey: Spring pulse";
        QTest::newRow("Japanese member") << "ja" << QStringLiteral("春のパルス");
        QTest::newRow("the company's Japanese") << "company" << QStringLiteral("春のパルス");
    }
    void invitationsInTheMembersLanguage()
    {
        QFETCH(QString, member);
        QFETCH(QString, subject);
        const QJsonObject mail = mailTo(m_addresses.value(member));
        QVERIFY2(!mail.isEmpty(), qPrintable(member));
        const QString shown = mail.value(u"subject").toString();
        QVERIFY2(shown.contains(subject), qPrintable(shown));
        const bool english = member == QStringLiteral("en");
        const QString body = mail.value(u"body").toString();
        QCOMPARE(body.contains(QStringLiteral("aggregated results")), english);
        QCOMPARE(shown.contains(QStringLiteral("Survey:")), english);
    }

    void pageInTheMembersLanguage_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("language");
        QTest::newRow("English member") << "en" << QString() << "en";
        QTest::newRow("Japanese member") << "ja" << QString() << "ja";
        QTest::newRow("the company's") << "company" << QString() << "ja";
        QTest::newRow("English member switched") << "en"
                                                 << "?lang=ja"
                                                 << "ja";
        QTest::newRow("Japanese member switched") << "ja"
                                                  << "?lang=en"
                                                  << "en";
    }
    void pageInTheMembersLanguage()
    {
        QFETCH(QString, member);
        QFETCH(QString, query);
        QFETCH(QString, language);
        const QString page = pageOf(m_addresses.value(member), query);
        QVERIFY2(!page.isEmpty(), qPrintable(member));
        QVERIFY(page.contains(QStringLiteral("<html lang=\"") + language + u'"'));
    }
};

QTEST_GUILESS_MAIN(TestMemberLanguage)
#include "tst_memberlanguage.moc"
