// Every route of the service, every method it answers, called by tenant A's
// owner with tenant B's objects: the tenant comes from the token, so B's
// objects answer 404 exactly like missing ones, collections list nothing of
// B's, and no row of B changes. A route with a path parameter that this test
// does not know how to fill fails the test, so new routes join the matrix.

#include "import/importrecords.h"
#include "logs/logarchives.h"
#include "servicefixture.h"
#include "serviceroutes.h"
#include "store/attributerepository.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"
#include "store/surveyrepository.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace engage;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;

namespace {

// Routes that take no session: their tenant, if any, is named in the body and
// checked by the sign-in tests, or by the response link (the respondent
// page's tests).
const QByteArrayList kPublicRoutes{"GET /healthz",
                                   "GET /readyz",
                                   "POST /api/v1/auth/login",
                                   "POST /api/v1/auth/refresh",
                                   "GET /r/{token}",
                                   "POST /r/{token}",
                                   "GET /r/assets/respondent.css",
                                   "GET /r/assets/respondent.js"};

struct Route
{
    QByteArray method;
    QString pattern;
};

Route parseRoute(const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    return {line.left(space), QString::fromLatin1(line.mid(space + 1))};
}

bool hasParameter(const QString &pattern)
{
    return pattern.contains(QLatin1Char('{'));
}

} // namespace

class TestCrossTenant final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_a;
    ServiceFixture::Tenant m_b;
    // Tenant B's organisation, made through the store.
    QString m_groupOfB;
    QString m_attributeOfB;
    QString m_memberOfB;
    QString m_importOfB;
    QString m_memoOfB;
    QString m_archiveOfB;
    QString m_surveyOfB;
    QString m_roundOfB;

    // Tenant B's object for each path parameter of a route.
    QString objectOfB(const QString &pattern) const
    {
        if (pattern == QStringLiteral("/api/v1/users/{id}"))
            return m_service.personId(m_b, QStringLiteral("viewer"));
        // A manager with groups: were the tenant not checked, this would answer them.
        if (pattern == QStringLiteral("/api/v1/users/{id}/groups"))
            return m_service.personId(m_b, QStringLiteral("manager"));
        if (pattern == QStringLiteral("/api/v1/members/{id}"))
            return m_memberOfB;
        if (pattern == QStringLiteral("/api/v1/groups/{id}") ||
            pattern == QStringLiteral("/api/v1/groups/{id}/history"))
            return m_groupOfB;
        if (pattern == QStringLiteral("/api/v1/attributes/{id}"))
            return m_attributeOfB;
        if (pattern.startsWith(QStringLiteral("/api/v1/member-imports/{id}")))
            return m_importOfB;
        if (pattern == QStringLiteral("/api/v1/engagement/memos/{id}"))
            return m_memoOfB;
        if (pattern == QStringLiteral("/api/v1/logs/archives/{id}"))
            return m_archiveOfB;
        if (pattern.startsWith(QStringLiteral("/api/v1/surveys/{id}")))
            return m_surveyOfB;
        if (pattern.startsWith(QStringLiteral("/api/v1/rounds/{id}")))
            return m_roundOfB;
        // {log} names a log, not an object: B's tenant id there must name none.
        if (pattern.startsWith(QStringLiteral("/api/v1/logs/{log}")))
            return m_b.id;
        return {};
    }

    // A group, an attribute and a member of tenant B, and B's manager scoped to the group.
    bool addOrganisationOfB()
    {
        const server::store::TenantScope scope(m_b.id);
        const QString owner = m_service.personId(m_b, QStringLiteral("owner"));
        const auto group =
            server::store::GroupRepository(m_service.connection())
                .create(scope,
                        {QStringLiteral("B-SALES"), QStringLiteral("Sales of B"), std::nullopt},
                        owner);
        if (!group)
            return false;
        m_groupOfB = group.value().id;
        api::AttributeFields location;
        location.nameJa = QStringLiteral("勤務地");
        location.nameEn = QStringLiteral("Location");
        location.type = api::AttributeType::Text;
        const auto attribute =
            server::store::AttributeRepository(m_service.connection()).create(scope, location);
        if (!attribute)
            return false;
        m_attributeOfB = attribute.value().id;
        api::MemberFields fields;
        fields.employeeCode = QStringLiteral("B-0001");
        fields.familyName = QStringLiteral("Byrne");
        fields.groupId = m_groupOfB;
        fields.attributes.insert(m_attributeOfB, QStringLiteral("Leeds"));
        const auto member =
            server::store::MemberRepository(m_service.connection(), m_service.keyring())
                .create(scope, fields, QDateTime::currentDateTimeUtc());
        if (!member)
            return false;
        m_memberOfB = member.value().member.id;
        server::import::ImportRecord upload;
        upload.import.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        upload.import.fileName = QStringLiteral("roster-of-b.csv");
        upload.import.format = QStringLiteral("csv");
        upload.import.encoding = QStringLiteral("UTF-8");
        upload.personId = owner;
        upload.keyVersion = 1;
        upload.createdAt = QDateTime::currentDateTimeUtc();
        if (!server::import::ImportRecords(m_service.connection(), m_service.keyring())
                 .create(scope, upload))
            return false;
        m_importOfB = upload.import.id;
        // Shared: were the tenant not checked, everyone of it would see this memo.
        const auto memo =
            server::store::MemoRepository(m_service.connection(), m_service.keyring())
                .create(scope, owner, {QDate(2026, 4, 1), QStringLiteral("Memo of B"), true},
                        QDateTime::currentDateTimeUtc());
        if (!memo)
            return false;
        m_memoOfB = memo.value().id;
        // An archive of B's operation log, as the archiver records one: were
        // the tenant not checked, A could download it.
        server::logs::ArchiveEntry archive;
        archive.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        archive.tenantId = m_b.id;
        archive.firstSeq = 1;
        archive.lastSeq = 1;
        archive.rowCount = 1;
        archive.prevHash = archive.lastHash = QString(64, QLatin1Char('0'));
        archive.fileName = QStringLiteral("operation-1-1.ndjson");
        archive.sha256 = QString(64, QLatin1Char('0'));
        if (!server::logs::LogArchiveRepository(m_service.connection()).insert(scope, archive))
            return false;
        m_archiveOfB = archive.id;
        // A custom survey of B with an open round: were the tenant not
        // checked, A could read, edit, close or remind it.
        api::SurveyDefinition definition;
        definition.kind = api::SurveyKind::Custom;
        definition.name = {QStringLiteral("Bの調査"), QStringLiteral("Survey of B")};
        api::Question question;
        question.id = QStringLiteral("q1");
        question.text = {QStringLiteral("満足していますか"), QStringLiteral("Are you satisfied?")};
        definition.questions = {question};
        definition.delivery.startDate = QDate::currentDate();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto survey =
            server::store::SurveyRepository(m_service.connection(), m_service.keyring())
                .create(scope, definition, now);
        if (!survey)
            return false;
        m_surveyOfB = survey.value().id;
        server::store::StoredRound round;
        round.surveyId = m_surveyOfB;
        round.opensAt = now.addDays(-1);
        round.closesAt = now.addDays(6);
        round.status = api::RoundStatus::Open;
        const auto opened =
            server::store::PulseRepository(m_service.connection(), m_service.keyring())
                .createRound(scope, round, now);
        if (!opened)
            return false;
        m_roundOfB = opened.value().id;
        return server::store::GroupRepository(m_service.connection())
            .setScope(scope, m_service.personId(m_b, QStringLiteral("manager")), {m_groupOfB})
            .isOk();
    }

    QString ownerTokenOfA() { return m_service.issue(m_a, QStringLiteral("owner")).accessToken; }

    HttpResponse call(const Route &route, const QString &path)
    {
        // A fresh session per call: logout revokes the one it is given.
        const auto send = [&](const std::optional<QJsonObject> &body) {
            return m_service.send(
                route.method, path, ownerTokenOfA(), body,
                HeaderList{{QByteArrayLiteral("If-Match"), QByteArrayLiteral("\"1\"")}});
        };
        // Without a body first: a route that reads none refuses one (413)
        // before it looks for the object; one that wants JSON says so (415).
        const HttpResponse bare = send(std::nullopt);
        if (bare.status == 415)
            return send(QJsonObject{});
        return bare;
    }

    // Every row of tenant B in every table that has a tenant_id, as text.
    QStringList rowsOfB() const
    {
        QStringList rows;
        QSqlQuery tables(m_service.connection());
        if (!tables.exec(QStringLiteral(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
            return {QStringLiteral("cannot list tables")};
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            QSqlQuery rowsQuery(m_service.connection());
            if (!rowsQuery.exec(QStringLiteral("SELECT * FROM %1").arg(table)))
                continue;
            const QSqlRecord record = rowsQuery.record();
            const int tenantColumn = record.indexOf(QStringLiteral("tenant_id"));
            if (tenantColumn < 0 || table == QStringLiteral("access_log"))
                continue;
            while (rowsQuery.next()) {
                if (rowsQuery.value(tenantColumn).toString() != m_b.id)
                    continue;
                QStringList values{table};
                for (int i = 0; i < record.count(); ++i)
                    values.append(rowsQuery.value(i).toString());
                rows.append(values.join(QLatin1Char('|')));
            }
        }
        return rows;
    }

    QStringList identifiersOfB() const
    {
        QStringList ids{m_b.id,      m_b.slug,  m_groupOfB,   m_attributeOfB, m_memberOfB,
                        m_importOfB, m_memoOfB, m_archiveOfB, m_surveyOfB,    m_roundOfB};
        for (const QString &name :
             {QStringLiteral("owner"), QStringLiteral("manager"), QStringLiteral("viewer")}) {
            ids.append(m_service.personId(m_b, name));
            ids.append(ServiceFixture::email(m_b, name));
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_a = m_service.addTenant(QStringLiteral("tenant-a"));
        m_b = m_service.addTenant(QStringLiteral("tenant-b"));
        // The security option, so that the log routes go on to look for
        // what they are asked (without it they refuse A before that).
        QSqlQuery option(m_service.connection());
        QVERIFY(option.exec(
            QStringLiteral("UPDATE tenants SET security_option = 1 WHERE id IN ('%1', '%2')")
                .arg(m_a.id, m_b.id)));
        for (const auto &tenant : {m_a, m_b}) {
            m_service.addPerson(tenant, QStringLiteral("owner"), api::Role::Owner);
            m_service.addPerson(tenant, QStringLiteral("manager"), api::Role::Manager);
            m_service.addPerson(tenant, QStringLiteral("viewer"), api::Role::Viewer);
        }
        QVERIFY(addOrganisationOfB());
        server::addServiceRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void everyRouteAndMethod_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("pattern");
        const QByteArrayList table = m_service.router().routeTable();
        QVERIFY(table.size() > kPublicRoutes.size());
        for (const QByteArray &line : table) {
            if (kPublicRoutes.contains(line))
                continue;
            const Route route = parseRoute(line);
            QTest::newRow(line.constData()) << route.method << route.pattern;
        }
    }

    void everyRouteAndMethod()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, pattern);
        const Route route{method, pattern};
        const QStringList before = rowsOfB();
        QVERIFY(!before.isEmpty());

        if (hasParameter(pattern)) {
            const QString object = objectOfB(pattern);
            QVERIFY2(!object.isEmpty(),
                     qPrintable(QStringLiteral("no object of tenant B for %1: add one to "
                                               "objectOfB()")
                                    .arg(pattern)));
            // Only the parameter: a route may go on after it (/users/{id}/groups).
            const qsizetype open = pattern.indexOf(QLatin1Char('{'));
            const QString parameter =
                pattern.mid(open, pattern.indexOf(QLatin1Char('}'), open) - open + 1);
            const QString missing = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const HttpResponse across = call(route, QString(pattern).replace(parameter, object));
            const HttpResponse absent = call(route, QString(pattern).replace(parameter, missing));
            QVERIFY2(across.status == 404, qPrintable(across.describe()));
            QCOMPARE(across.status, absent.status);
            QCOMPARE(across.json().value(QStringLiteral("code")),
                     absent.json().value(QStringLiteral("code")));
            QCOMPARE(across.json().value(QStringLiteral("detail")),
                     absent.json().value(QStringLiteral("detail")));
        } else {
            const HttpResponse response = call(route, pattern);
            QVERIFY2(response.status != 0 && response.status < 500,
                     qPrintable(response.describe()));
            for (const QString &identifier : identifiersOfB())
                QVERIFY2(!response.body.contains(identifier.toUtf8()),
                         qPrintable(QStringLiteral("%1 %2 answered tenant B's %3")
                                        .arg(QString::fromLatin1(method), pattern, identifier)));
        }
        QCOMPARE(rowsOfB(), before);
    }
};

QTEST_GUILESS_MAIN(TestCrossTenant)
#include "tst_crosstenant.moc"
