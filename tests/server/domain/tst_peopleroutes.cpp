// The People routes in-process over real TLS on loopback, on a real (SQLite)
// store. Sessions are issued straight through the store (one per person, made
// once): only creating a person pays for Argon2, because the route hashes its
// generated password.

#include "api/cursorpage.h"
#include "api/personrequests.h"
#include "crypto/passwordhasher.h"
#include "domain/peopleroutes.h"
#include "servicefixture.h"
#include "store/personrepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage;
using namespace engage::server;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;

namespace {

const QString kUsers = QStringLiteral("/api/v1/users");

QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

HeaderList ifMatch(const QByteArray &etag)
{
    return {{QByteArrayLiteral("If-Match"), etag}};
}

QJsonObject newPerson(const QString &email, const QString &name, const QString &role)
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("displayName"), name},
            {QStringLiteral("role"), role}};
}

} // namespace

class TestPeopleRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_a;
    ServiceFixture::Tenant m_b;
    QHash<QString, QString> m_tokens; // "<slug>/<name>" -> access token

    QString token(const ServiceFixture::Tenant &tenant, const QString &name)
    {
        const QString key = tenant.slug + QLatin1Char('/') + name;
        if (!m_tokens.contains(key))
            m_tokens.insert(key, m_service.issue(tenant, name).accessToken);
        return m_tokens.value(key);
    }

    QString userPath(const QString &id) const { return kUsers + QLatin1Char('/') + id; }

    HttpResponse get(const QString &path, const QString &bearer)
    {
        return m_service.send("GET", path, bearer);
    }

    std::optional<store::StoredPerson> stored(const ServiceFixture::Tenant &tenant,
                                              const QString &id)
    {
        const auto person = store::PersonRepository(m_service.connection(), m_service.keyring())
                                .get(store::TenantScope(tenant.id), id);
        if (!person)
            return std::nullopt;
        return person.value();
    }

    int peopleWithEmail(const ServiceFixture::Tenant &tenant, const QString &email)
    {
        int count = 0;
        std::optional<QString> cursor;
        do {
            const auto page = store::PersonRepository(m_service.connection(), m_service.keyring())
                                  .list(store::TenantScope(tenant.id), cursor, 200);
            if (!page)
                return -1;
            for (const auto &person : page.value().items)
                count += person.person.email == email ? 1 : 0;
            cursor = page.value().nextCursor;
        } while (cursor);
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_a = m_service.addTenant(QStringLiteral("tenant-a"));
        m_b = m_service.addTenant(QStringLiteral("tenant-b"));
        for (const auto &tenant : {m_a, m_b}) {
            m_service.addPerson(tenant, QStringLiteral("owner"), api::Role::Owner);
            m_service.addPerson(tenant, QStringLiteral("admin"), api::Role::Admin);
            m_service.addPerson(tenant, QStringLiteral("manager"), api::Role::Manager);
            m_service.addPerson(tenant, QStringLiteral("viewer"), api::Role::Viewer);
        }
        domain::addPeopleRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void createGetListPatchDelete()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        const QString email = QStringLiteral("hana@tenant-a.example.com");
        HttpResponse response =
            m_service.send("POST", kUsers, owner,
                           newPerson(email, QStringLiteral("Hana"), QStringLiteral("manager")));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const auto created = api::createdPersonFromJson(response.json());
        QVERIFY(created);
        const api::Person person = created.value().user;
        QCOMPARE(person.email, email);
        QCOMPARE(person.role, api::Role::Manager);
        QVERIFY(person.mustChangePassword);
        QVERIFY(created.value().initialPassword);
        QCOMPARE(created.value().initialPassword->size(), 16);
        QCOMPARE(response.header("location"), userPath(person.id).toLatin1());
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QVERIFY(!response.hasHeader("idempotency-replayed"));
        // Shown once, kept only as a hash that verifies it.
        const auto kept = stored(m_a, person.id);
        QVERIFY(kept);
        QVERIFY(!kept->passwordHash.contains(*created.value().initialPassword));
        QVERIFY(crypto::verifyPassword(*created.value().initialPassword, kept->passwordHash));

        response = get(QString::fromLatin1(response.header("location")), owner);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QCOMPARE(api::personFromJson(response.json()).value(), person);

        response = get(kUsers, owner);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto page =
            api::cursorPageFromJson<api::Person>(response.json(), api::personFromJson);
        QVERIFY(page);
        QVERIFY(std::any_of(page.value().items.cbegin(), page.value().items.cend(),
                            [&](const api::Person &item) { return item.id == person.id; }));

        response =
            m_service.send("PATCH", userPath(person.id), owner,
                           QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Hana Y")},
                                       {QStringLiteral("role"), QStringLiteral("viewer")}},
                           ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        QCOMPARE(response.json().value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Hana Y"));
        QCOMPARE(response.json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("viewer"));

        response =
            m_service.send("DELETE", userPath(person.id), owner, std::nullopt, ifMatch("\"2\""));
        QVERIFY2(response.status == 204, qPrintable(response.describe()));
        QCOMPARE(get(userPath(person.id), owner).status, 404);

        // One operation-log row per change, naming fields, never personal values.
        QCOMPARE(m_service.operationCount(QStringLiteral("person.create"), person.id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("person.update"), person.id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("person.delete"), person.id), 1);
        QSqlQuery summaries(m_service.connection());
        QVERIFY(summaries.exec(QStringLiteral("SELECT summary, actor_id FROM operation_log")));
        int rows = 0;
        while (summaries.next()) {
            const QString summary = summaries.value(0).toString();
            QVERIFY2(!summary.contains(QStringLiteral("Hana")), qPrintable(summary));
            QVERIFY2(!summary.contains(QStringLiteral("@")), qPrintable(summary));
            ++rows;
        }
        QVERIFY(rows >= 3);
    }

    void roleMatrix()
    {
        const QString target = m_service.personId(m_a, QStringLiteral("viewer"));
        for (const QString &name : {QStringLiteral("viewer"), QStringLiteral("manager")}) {
            const QString bearer = token(m_a, name);
            QCOMPARE(get(kUsers, bearer).status, 403);
            QCOMPARE(get(userPath(target), bearer).status, 403);
            QCOMPARE(m_service
                         .send("POST", kUsers, bearer,
                               newPerson(QStringLiteral("x@tenant-a.example.com"),
                                         QStringLiteral("X"), QStringLiteral("viewer")))
                         .status,
                     403);
            QCOMPARE(m_service
                         .send("PATCH", userPath(target), bearer,
                               QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Y")}},
                               ifMatch("\"1\""))
                         .status,
                     403);
            QCOMPARE(
                m_service.send("DELETE", userPath(target), bearer, std::nullopt, ifMatch("\"1\""))
                    .status,
                403);
        }
        for (const QString &name : {QStringLiteral("admin"), QStringLiteral("owner")}) {
            const QString bearer = token(m_a, name);
            QCOMPARE(get(kUsers, bearer).status, 200);
            QCOMPARE(get(userPath(target), bearer).status, 200);
        }
        // Nothing of the above changed the target.
        QCOMPARE(stored(m_a, target)->revision, qint64(1));
        // And without credentials, nothing at all.
        QCOMPARE(m_service.probe().get(kUsers).status, 401);
    }

    void adminCreatesButNotOwners()
    {
        const QString admin = token(m_a, QStringLiteral("admin"));
        HttpResponse response =
            m_service.send("POST", kUsers, admin,
                           newPerson(QStringLiteral("boss@tenant-a.example.com"),
                                     QStringLiteral("Boss"), QStringLiteral("owner")));
        QCOMPARE(response.status, 403);
        QCOMPARE(peopleWithEmail(m_a, QStringLiteral("boss@tenant-a.example.com")), 0);

        response = m_service.send("POST", kUsers, admin,
                                  newPerson(QStringLiteral("ken@tenant-a.example.com"),
                                            QStringLiteral("Ken"), QStringLiteral("admin")));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const QString ken = api::createdPersonFromJson(response.json()).value().user.id;

        // Nor make one, nor touch one.
        response = m_service.send("PATCH", userPath(ken), admin,
                                  QJsonObject{{QStringLiteral("role"), QStringLiteral("owner")}},
                                  ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        const QString owner = m_service.personId(m_a, QStringLiteral("owner"));
        response = m_service.send(
            "PATCH", userPath(owner), admin,
            QJsonObject{{QStringLiteral("status"), QStringLiteral("disabled")}}, ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        response = m_service.send("DELETE", userPath(owner), admin, std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        QCOMPARE(stored(m_a, owner)->person.status, api::PersonStatus::Active);
        // An existing e-mail is a conflict.
        response = m_service.send("POST", kUsers, admin,
                                  newPerson(QStringLiteral("ken@tenant-a.example.com"),
                                            QStringLiteral("Ken 2"), QStringLiteral("viewer")));
        QCOMPARE(response.status, 409);
    }

    void preconditions()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        const QString target =
            m_service.addPerson(m_a, QStringLiteral("edited"), api::Role::Viewer);
        const QJsonObject rename{{QStringLiteral("displayName"), QStringLiteral("Renamed")}};
        HttpResponse response = m_service.send("PATCH", userPath(target), owner, rename);
        QCOMPARE(response.status, 428);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-required"));
        for (const QByteArray &stale : {QByteArrayLiteral("\"2\""), QByteArrayLiteral("W/\"1\""),
                                        QByteArrayLiteral("*"), QByteArrayLiteral("1")}) {
            response = m_service.send("PATCH", userPath(target), owner, rename, ifMatch(stale));
            QCOMPARE(response.status, 412);
            QCOMPARE(problemCode(response), QStringLiteral("precondition-failed"));
        }
        response = m_service.send("DELETE", userPath(target), owner);
        QCOMPARE(response.status, 428);
        response =
            m_service.send("DELETE", userPath(target), owner, std::nullopt, ifMatch("\"7\""));
        QCOMPARE(response.status, 412);
        QCOMPARE(stored(m_a, target)->revision, qint64(1));
        QCOMPARE(stored(m_a, target)->person.displayName, QStringLiteral("edited"));

        // Strict body: an unknown member is refused, before anything else.
        response = m_service.send("PATCH", userPath(target), owner,
                                  QJsonObject{{QStringLiteral("password"), QStringLiteral("x")}},
                                  ifMatch("\"1\""));
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("unknown-field"));
    }

    void idempotentCreate()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        const QString email = QStringLiteral("once@tenant-a.example.com");
        const HeaderList key{
            {QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("create-once-0001")}};
        const QJsonObject body = newPerson(email, QStringLiteral("Once"), QStringLiteral("viewer"));
        const HttpResponse first = m_service.send("POST", kUsers, owner, body, key);
        QVERIFY2(first.status == 201, qPrintable(first.describe()));
        QVERIFY(first.json().contains(QStringLiteral("initialPassword")));

        const HttpResponse again = m_service.send("POST", kUsers, owner, body, key);
        QVERIFY2(again.status == 201, qPrintable(again.describe()));
        QCOMPARE(again.header("idempotency-replayed"), QByteArrayLiteral("true"));
        QCOMPARE(again.header("location"), first.header("location"));
        // The same answer, less the password, which is never kept.
        QJsonObject expected = first.json();
        expected.remove(QStringLiteral("initialPassword"));
        QCOMPARE(again.json(), expected);
        QCOMPARE(peopleWithEmail(m_a, email), 1);

        // The same key for another request is a conflict, and creates nobody.
        const HttpResponse other =
            m_service.send("POST", kUsers, owner,
                           newPerson(QStringLiteral("twice@tenant-a.example.com"),
                                     QStringLiteral("Twice"), QStringLiteral("viewer")),
                           key);
        QCOMPARE(other.status, 409);
        QCOMPARE(peopleWithEmail(m_a, QStringLiteral("twice@tenant-a.example.com")), 0);

        const HttpResponse malformed =
            m_service.send("POST", kUsers, owner, body,
                           {{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("short")}});
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("Idempotency-Key"));

        // Nothing readable in the table: neither the e-mail nor the name.
        QSqlQuery rows(m_service.connection());
        QVERIFY(
            rows.exec(QStringLiteral("SELECT request_hash, response_body FROM idempotency_keys")));
        QVERIFY(rows.next());
        QVERIFY(!rows.value(0).toByteArray().contains("once@"));
        QVERIFY(!rows.value(1).toByteArray().contains("once@"));
        QVERIFY(!rows.value(1).toByteArray().contains("Once"));
    }

    void lastOwnerAndSelf()
    {
        // Tenant B has one owner: it can neither demote, disable nor delete itself.
        const QString ownerB = token(m_b, QStringLiteral("owner"));
        const QString ownerBId = m_service.personId(m_b, QStringLiteral("owner"));
        HttpResponse response = m_service.send(
            "PATCH", userPath(ownerBId), ownerB,
            QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}, ifMatch("\"1\""));
        QCOMPARE(response.status, 409);
        response = m_service.send(
            "PATCH", userPath(ownerBId), ownerB,
            QJsonObject{{QStringLiteral("status"), QStringLiteral("disabled")}}, ifMatch("\"1\""));
        QCOMPARE(response.status, 409);
        response =
            m_service.send("DELETE", userPath(ownerBId), ownerB, std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 409);
        QCOMPARE(stored(m_b, ownerBId)->person.role, api::Role::Owner);

        // With a second owner, still not oneself; an owner may demote the other.
        const QString second = m_service.addPerson(m_b, QStringLiteral("owner2"), api::Role::Owner);
        response = m_service.send("PATCH", userPath(ownerBId), ownerB,
                                  QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}},
                                  ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        const QString adminB = token(m_b, QStringLiteral("admin"));
        response =
            m_service.send("DELETE", userPath(m_service.personId(m_b, QStringLiteral("admin"))),
                           adminB, std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        response = m_service.send("PATCH", userPath(second), ownerB,
                                  QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}},
                                  ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
    }

    void disablingCutsAccess()
    {
        const QString leaverId =
            m_service.addPerson(m_a, QStringLiteral("leaver"), api::Role::Admin);
        const QString leaver = token(m_a, QStringLiteral("leaver"));
        QCOMPARE(get(kUsers, leaver).status, 200);
        const QString owner = token(m_a, QStringLiteral("owner"));
        HttpResponse response = m_service.send(
            "PATCH", userPath(leaverId), owner,
            QJsonObject{{QStringLiteral("status"), QStringLiteral("disabled")}}, ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(get(kUsers, leaver).status, 401);
        // The sessions were revoked, not just refused while disabled: enabling
        // again does not bring the old token back.
        response = m_service.send("PATCH", userPath(leaverId), owner,
                                  QJsonObject{{QStringLiteral("status"), QStringLiteral("active")}},
                                  ifMatch("\"2\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(get(kUsers, leaver).status, 401);
        QCOMPARE(m_service.operationCount(QStringLiteral("person.update"), leaverId), 2);
    }

    void otherTenantIsNotFound()
    {
        const QString ownerA = token(m_a, QStringLiteral("owner"));
        const QString ownerB = token(m_b, QStringLiteral("owner"));
        const QString victim = m_service.personId(m_b, QStringLiteral("viewer"));
        const HttpResponse before = get(userPath(victim), ownerB);
        QCOMPARE(before.status, 200);

        const QString missing = QStringLiteral("018f3c2a-7b1d-7c3e-9f00-123456789abc");
        const HttpResponse reference = get(userPath(missing), ownerA);
        QCOMPARE(reference.status, 404);
        const QJsonObject disable{{QStringLiteral("status"), QStringLiteral("disabled")}};
        for (const QString &id : {victim, missing}) {
            const HttpResponse read = get(userPath(id), ownerA);
            const HttpResponse edit =
                m_service.send("PATCH", userPath(id), ownerA, disable, ifMatch("\"1\""));
            const HttpResponse removal =
                m_service.send("DELETE", userPath(id), ownerA, std::nullopt, ifMatch("\"1\""));
            for (const HttpResponse &response : {read, edit, removal}) {
                QCOMPARE(response.status, 404);
                QCOMPARE(problemCode(response), QStringLiteral("not-found"));
                QCOMPARE(response.json().value(QStringLiteral("detail")),
                         reference.json().value(QStringLiteral("detail")));
            }
        }
        const HttpResponse after = get(userPath(victim), ownerB);
        QCOMPARE(after.status, 200);
        QCOMPARE(after.header("etag"), before.header("etag"));
        QCOMPARE(after.json(), before.json());
        QCOMPARE(get(kUsers, token(m_b, QStringLiteral("viewer"))).status, 403); // still signed in
        QCOMPARE(m_service.operationCount(QStringLiteral("person.update"), victim), 0);
        QCOMPARE(m_service.operationCount(QStringLiteral("person.delete"), victim), 0);
    }

    void paging()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        QStringList seen;
        QString path = kUsers + QStringLiteral("?limit=2");
        for (int pages = 0; pages < 50; ++pages) {
            const HttpResponse response = get(path, owner);
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const auto page =
                api::cursorPageFromJson<api::Person>(response.json(), api::personFromJson);
            QVERIFY(page);
            QVERIFY(page.value().items.size() <= 2);
            for (const api::Person &person : page.value().items)
                seen.append(person.id);
            if (!page.value().nextCursor)
                break;
            path = kUsers + QStringLiteral("?limit=2&cursor=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(*page.value().nextCursor));
        }
        const HttpResponse all = get(kUsers + QStringLiteral("?limit=200"), owner);
        const auto everyone = api::cursorPageFromJson<api::Person>(all.json(), api::personFromJson);
        QVERIFY(everyone);
        QCOMPARE(seen.size(), everyone.value().items.size());
        QVERIFY(seen.size() > 2);

        for (const char *bad : {"limit=0", "limit=201", "limit=abc", "limit=", "limit=-1"}) {
            const HttpResponse response =
                get(kUsers + QLatin1Char('?') + QLatin1String(bad), owner);
            QCOMPARE(response.status, 400);
            QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                     QStringLiteral("limit"));
        }
        const HttpResponse badCursor = get(kUsers + QStringLiteral("?cursor=notacursor"), owner);
        QCOMPARE(badCursor.status, 400);
        QCOMPARE(badCursor.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("cursor"));
    }
};

QTEST_GUILESS_MAIN(TestPeopleRoutes)
#include "tst_peopleroutes.moc"
