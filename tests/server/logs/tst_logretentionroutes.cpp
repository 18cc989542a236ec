// The retention routes in-process over real TLS on a real (SQLite) store:
// the setting (owners change it, with If-Match, within 30-3650 days or null;
// admins read it; managers, viewers and tenants without the security option
// do neither), the change's operation row, the list of archives and the
// download of a signed file, another tenant's archive answering 404, and the
// verification endpoint going through the archives.

#include "api/logrecord.h"
#include "logs/logarchiver.h"
#include "logs/logroutes.h"
#include "servicefixture.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QSqlQuery>
#include <QTest>

using namespace engage;
using namespace engage::server;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;

namespace {

constexpr int kOldRows = 12;
const QString kSettings = QStringLiteral("/api/v1/logs/settings");
const QString kArchives = QStringLiteral("/api/v1/logs/archives");

QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

QJsonObject daysBody(const QJsonValue &days)
{
    return QJsonObject{{QStringLiteral("archiveAfterDays"), days}};
}

} // namespace

class TestLogRetentionRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_secure;
    ServiceFixture::Tenant m_other;
    ServiceFixture::Tenant m_plain;
    QHash<QString, QString> m_tokens;
    QHash<QString, qint64> m_archivedRows; // tenant id -> operation rows archived

    QString token(const ServiceFixture::Tenant &tenant, const QString &name)
    {
        const QString key = tenant.slug + u'/' + name;
        if (!m_tokens.contains(key))
            m_tokens.insert(key, m_service.issue(tenant, name).accessToken);
        return m_tokens.value(key);
    }

    HttpResponse put(const ServiceFixture::Tenant &tenant, const QString &name,
                     const QJsonObject &body, const QByteArray &ifMatch)
    {
        test::HeaderList headers;
        if (!ifMatch.isEmpty())
            headers.append({QByteArrayLiteral("If-Match"), ifMatch});
        return m_service.send("PUT", kSettings, token(tenant, name), body, headers);
    }

    QByteArray currentEtag(const ServiceFixture::Tenant &tenant)
    {
        return m_service.send("GET", kSettings, token(tenant, QStringLiteral("owner")))
            .header("ETag");
    }

    // Old operation rows of `tenant`, then every row of its operation log archived.
    void seedArchives(const ServiceFixture::Tenant &tenant)
    {
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-400);
        for (int i = 0; i < kOldRows; ++i) {
            store::Transaction transaction(m_service.connection());
            QVERIFY(store::OperationLog::record(
                store::TenantScope(tenant.id), m_service.connection(),
                store::OperationEntry{QStringLiteral("seed-%1").arg(i), QString(),
                                      QStringLiteral("member"), QStringLiteral("m-%1").arg(i),
                                      QStringLiteral("member.update"),
                                      QStringLiteral("changed: status"), old.addSecs(i)}));
            QVERIFY(transaction.commit());
        }
        logs::LogArchiver archiver(m_service.connection(), m_service.keyring().logChainKey(),
                                   logs::LogArchiveFiles(m_service.context().dataDirectory,
                                                         m_service.keyring().logCheckpointKey()));
        archiver.setMaxRowsPerFile(5);
        // A month ahead: the fixture's own rows (the tenant, its people) are
        // the chain's first and must go too, or nothing after them would.
        const auto archived =
            archiver.runTenant(tenant.id, 30, QDateTime::currentDateTimeUtc().addDays(31));
        QVERIFY(archived);
        // With the log.archive rows of the first files, written meanwhile.
        QVERIFY(archived.value().rows > kOldRows);
        m_archivedRows.insert(tenant.id, archived.value().rows);
    }

    QList<api::LogArchive> archives(const ServiceFixture::Tenant &tenant)
    {
        const HttpResponse response =
            m_service.send("GET", kArchives, token(tenant, QStringLiteral("admin")));
        if (response.status != 200) {
            qWarning() << response.describe();
            return {};
        }
        const auto list = api::logArchiveListFromJson(response.json());
        return list ? list.value() : QList<api::LogArchive>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_secure = m_service.addTenant(QStringLiteral("secure"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_plain = m_service.addTenant(QStringLiteral("plain"));
        QSqlQuery option(m_service.connection());
        QVERIFY(option.exec(QStringLiteral("UPDATE tenants SET security_option = 1 WHERE id IN "
                                           "('%1', '%2')")
                                .arg(m_secure.id, m_other.id)));
        for (const ServiceFixture::Tenant &tenant : {m_secure, m_other}) {
            m_service.addPerson(tenant, QStringLiteral("owner"), api::Role::Owner);
            m_service.addPerson(tenant, QStringLiteral("admin"), api::Role::Admin);
        }
        m_service.addPerson(m_secure, QStringLiteral("manager"), api::Role::Manager);
        m_service.addPerson(m_secure, QStringLiteral("viewer"), api::Role::Viewer);
        m_service.addPerson(m_plain, QStringLiteral("owner"), api::Role::Owner);
        seedArchives(m_secure);
        seedArchives(m_other);
        logs::addLogRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void settingsDefaultToKeepingEverything()
    {
        const HttpResponse response =
            m_service.send("GET", kSettings, token(m_plain, QStringLiteral("owner")));
        QCOMPARE(response.status, 403); // no security option
        const HttpResponse fresh =
            m_service.send("GET", kSettings, token(m_other, QStringLiteral("admin")));
        QVERIFY2(fresh.status == 200, qPrintable(fresh.describe()));
        const auto settings = api::logSettingsFromJson(fresh.json());
        QVERIFY(settings);
        QVERIFY(!settings.value().archiveAfterDays);
        QCOMPARE(fresh.header("ETag"),
                 QByteArray('"' + QByteArray::number(settings.value().revision) + '"'));
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("person");
        QTest::addColumn<int>("read");
        QTest::addColumn<int>("change");
        QTest::newRow("owner") << QStringLiteral("secure") << QStringLiteral("owner") << 200 << 200;
        QTest::newRow("admin") << QStringLiteral("secure") << QStringLiteral("admin") << 200 << 403;
        QTest::newRow("manager") << QStringLiteral("secure") << QStringLiteral("manager") << 403
                                 << 403;
        QTest::newRow("viewer") << QStringLiteral("secure") << QStringLiteral("viewer") << 403
                                << 403;
        QTest::newRow("owner without the option")
            << QStringLiteral("plain") << QStringLiteral("owner") << 403 << 403;
    }

    void permissions()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, person);
        QFETCH(int, read);
        QFETCH(int, change);
        const ServiceFixture::Tenant &who = tenant == QLatin1String("plain") ? m_plain : m_secure;
        for (const QString &path : {kSettings, kArchives}) {
            const HttpResponse response = m_service.send("GET", path, token(who, person));
            QVERIFY2(response.status == read, qPrintable(path + u' ' + response.describe()));
        }
        const QByteArray etag = currentEtag(m_secure);
        const HttpResponse changed = put(who, person, daysBody(QJsonValue::Null), etag);
        QVERIFY2(changed.status == change, qPrintable(changed.describe()));
        if (change == 403)
            QCOMPARE(problemCode(changed), QStringLiteral("forbidden"));
        if (tenant == QLatin1String("plain"))
            QVERIFY(changed.json()
                        .value(QStringLiteral("detail"))
                        .toString()
                        .contains(QLatin1String("security option")));
    }

    void changeNeedsIfMatch()
    {
        const QString owner = QStringLiteral("owner");
        const HttpResponse missing = put(m_secure, owner, daysBody(90), {});
        QCOMPARE(missing.status, 428);
        const QByteArray etag = currentEtag(m_secure);
        const HttpResponse stale = put(m_secure, owner, daysBody(90), "\"9999\"");
        QCOMPARE(stale.status, 412);
        QCOMPARE(currentEtag(m_secure), etag); // nothing changed

        const int before = m_service.operationCount(QStringLiteral("log.settings"), m_secure.id);
        const HttpResponse changed = put(m_secure, owner, daysBody(90), etag);
        QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
        const auto settings = api::logSettingsFromJson(changed.json());
        QVERIFY(settings);
        QCOMPARE(settings.value().archiveAfterDays, std::optional<int>(90));
        QVERIFY(changed.header("ETag") != etag);
        QCOMPARE(m_service.operationCount(QStringLiteral("log.settings"), m_secure.id), before + 1);
        // The same ETag again is stale now.
        QCOMPARE(put(m_secure, owner, daysBody(60), etag).status, 412);

        // Back to keeping everything.
        const HttpResponse kept =
            put(m_secure, owner, daysBody(QJsonValue::Null), changed.header("ETag"));
        QVERIFY2(kept.status == 200, qPrintable(kept.describe()));
        QVERIFY(!api::logSettingsFromJson(kept.json()).value().archiveAfterDays);
    }

    void changeIsValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("29 days") << daysBody(29);
        QTest::newRow("3651 days") << daysBody(3651);
        QTest::newRow("0 days") << daysBody(0);
        QTest::newRow("negative") << daysBody(-30);
        QTest::newRow("fraction") << daysBody(30.5);
        QTest::newRow("a string") << daysBody(QStringLiteral("30"));
        QTest::newRow("a boolean") << daysBody(true);
        QTest::newRow("member missing") << QJsonObject();
        QTest::newRow("unknown member") << QJsonObject{{QStringLiteral("archiveAfterDays"), 30},
                                                       {QStringLiteral("deleteAfterDays"), 30}};
    }

    void changeIsValidated()
    {
        QFETCH(QJsonObject, body);
        const QByteArray etag = currentEtag(m_secure);
        const HttpResponse refused = put(m_secure, QStringLiteral("owner"), body, etag);
        QCOMPARE(refused.status, 400);
        QCOMPARE(currentEtag(m_secure), etag);
    }

    void boundsAreAccepted()
    {
        for (const int days : {30, 3650}) {
            const HttpResponse accepted =
                put(m_secure, QStringLiteral("owner"), daysBody(days), currentEtag(m_secure));
            QVERIFY2(accepted.status == 200, qPrintable(accepted.describe()));
        }
    }

    void listAndDownload()
    {
        const QList<api::LogArchive> list = archives(m_secure);
        QCOMPARE(list.size(), int((m_archivedRows.value(m_secure.id) + 4) / 5)); // files of 5
        QCOMPARE(list.first().firstSeq, qint64(1));
        QCOMPARE(list.last().lastSeq, m_archivedRows.value(m_secure.id));
        QCOMPARE(list.first().log, api::LogKind::Operation);
        const int before =
            m_service.operationCount(QStringLiteral("log.archive.download"), list.first().id);
        const HttpResponse file = m_service.send("GET", kArchives + u'/' + list.first().id,
                                                 token(m_secure, QStringLiteral("admin")));
        QVERIFY2(file.status == 200, qPrintable(file.describe()));
        QVERIFY(file.header("Content-Type").startsWith("application/x-ndjson"));
        QVERIFY(file.header("Content-Disposition").contains(list.first().fileName.toLatin1()));
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex()),
                 list.first().sha256);
        QCOMPARE(file.body.count('\n'), 5 + 2);
        QCOMPARE(m_service.operationCount(QStringLiteral("log.archive.download"), list.first().id),
                 before + 1);
    }

    void anotherTenantsArchiveIsNotFound()
    {
        const QList<api::LogArchive> theirs = archives(m_other);
        QVERIFY(!theirs.isEmpty());
        const HttpResponse response = m_service.send("GET", kArchives + u'/' + theirs.first().id,
                                                     token(m_secure, QStringLiteral("owner")));
        QCOMPARE(response.status, 404);
        QCOMPARE(m_service
                     .send("GET", kArchives + QStringLiteral("/not-an-id"),
                           token(m_secure, QStringLiteral("owner")))
                     .status,
                 404);
        // Theirs stay theirs in the list too.
        for (const api::LogArchive &mine : archives(m_secure)) {
            for (const api::LogArchive &other : theirs)
                QVERIFY(mine.id != other.id);
        }
    }

    void anAlteredFileIsNotServed()
    {
        const QList<api::LogArchive> list = archives(m_other);
        QVERIFY(!list.isEmpty());
        const logs::LogArchiveFiles files(m_service.context().dataDirectory,
                                          m_service.keyring().logCheckpointKey());
        QFile file(files.pathOf(m_other.id, list.last().fileName));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{}\n");
        file.close();
        const HttpResponse response = m_service.send("GET", kArchives + u'/' + list.last().id,
                                                     token(m_other, QStringLiteral("owner")));
        QCOMPARE(response.status, 409);
        // And verification says where.
        const HttpResponse verified = m_service.send("POST", QStringLiteral("/api/v1/logs/verify"),
                                                     token(m_other, QStringLiteral("owner")));
        QVERIFY2(verified.status == 200, qPrintable(verified.describe()));
        const auto report = api::logVerificationReportFromJson(verified.json());
        QVERIFY(report);
        QVERIFY(!report.value().intact);
        for (const api::LogVerification &result : report.value().results) {
            if (result.log != api::LogKind::Operation)
                continue;
            QCOMPARE(result.breakKind, std::optional(api::LogBreak::ArchiveInvalid));
            QCOMPARE(result.firstBrokenSeq, std::optional<qint64>(list.last().firstSeq));
        }
    }

    void verificationGoesThroughTheArchives()
    {
        const HttpResponse verified = m_service.send("POST", QStringLiteral("/api/v1/logs/verify"),
                                                     token(m_secure, QStringLiteral("admin")));
        QVERIFY2(verified.status == 200, qPrintable(verified.describe()));
        const auto report = api::logVerificationReportFromJson(verified.json());
        QVERIFY(report);
        QVERIFY(report.value().intact);
        for (const api::LogVerification &result : report.value().results) {
            if (result.log == api::LogKind::Operation)
                QVERIFY(result.checkedRows >
                        m_archivedRows.value(m_secure.id)); // the archived ones and the rest
        }
    }
};

QTEST_GUILESS_MAIN(TestLogRetentionRoutes)
#include "tst_logretentionroutes.moc"
