// Sign-in, sessions and the guard, in-process over real TLS on loopback, on a
// real (SQLite) store in a temporary data directory. Argon2id at the real
// policy is slow under sanitizers, so the people share one password hash and
// most sessions are issued straight through SessionRepository; only the tests
// about passwords pay for Argon2. The guards' caches of verified callers are
// on (a short time to live): revocations and changes must count at once anyway.

#include "api/session.h"
#include "auth/authroutes.h"
#include "auth/guard.h"
#include "crypto/masterkey.h"
#include "crypto/passwordhasher.h"
#include "http/httpsserver.h"
#include "httpsprobe.h"
#include "ops/selfsignedcertificate.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/keyring.h"
#include "engagement/aggregatecache.h"
#include "store/memberindex.h"
#include "store/migrator.h"
#include "store/personrepository.h"
#include "store/sessionrepository.h"
#include "store/tenantrepository.h"
#include "store/transaction.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <mutex>

using namespace engage;
using namespace engage::server;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::HttpsProbe;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kNewPassword = QStringLiteral("a brand new passphrase");
// Long enough that a test's next request finds the entry, short enough to wait out.
constexpr std::chrono::milliseconds kCacheTimeToLive{3000};

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HeaderList bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

class TestAuthRoutes final : public QObject
{
    Q_OBJECT

private:
    struct Tenant
    {
        QString id;
        QString slug;
    };

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<store::Keyring> m_keyring;
    std::unique_ptr<store::MemberIndex> m_memberIndex;
    engagement::AggregateCache m_aggregates;
    QThreadPool m_workers;
    std::unique_ptr<ops::ServiceContext> m_context;
    http::Router m_router;
    std::unique_ptr<http::HttpsServer> m_server;
    std::unique_ptr<HttpsProbe> m_probe;
    std::mutex m_accessMutex;
    std::vector<http::AccessEvent> m_access;
    QString m_passwordHash; // of kPassword, shared by every person
    Tenant m_a;
    Tenant m_b;
    QHash<QString, QString> m_people; // "a/owner" -> id

    QSqlDatabase connection() const { return m_database->connection(); }

    QString addPerson(const Tenant &tenant, const QString &name, api::Role role,
                      bool mustChange = false, const QString &hash = {})
    {
        store::NewPerson person;
        person.email = name + QStringLiteral("@") + tenant.slug + QStringLiteral(".example.com");
        person.displayName = name;
        person.role = role;
        person.passwordHash = hash.isEmpty() ? m_passwordHash : hash;
        person.mustChangePassword = mustChange;
        const auto created = store::PersonRepository(connection(), *m_keyring)
                                 .create(store::TenantScope(tenant.id), person);
        if (!created)
            qFatal("cannot create a person: %s", qPrintable(created.error().message));
        m_people.insert(tenant.slug + QLatin1Char('/') + name, created.value().person.id);
        return created.value().person.id;
    }

    QString email(const Tenant &tenant, const QString &name) const
    {
        return name + QStringLiteral("@") + tenant.slug + QStringLiteral(".example.com");
    }

    // A session issued as sign-in would, without paying for Argon2.
    store::IssuedTokens issue(const Tenant &tenant, const QString &name,
                              const QDateTime &at = QDateTime::currentDateTimeUtc())
    {
        const auto tokens =
            store::SessionRepository(connection())
                .createFamily(store::TenantScope(tenant.id),
                              m_people.value(tenant.slug + QLatin1Char('/') + name), at);
        if (!tokens)
            qFatal("cannot issue tokens: %s", qPrintable(tokens.error().message));
        return tokens.value();
    }

    HttpResponse post(const QString &path, const QJsonObject &body, HeaderList headers = {})
    {
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        return m_probe->send("POST", path, jsonBody(body), headers);
    }

    HttpResponse login(const QString &tenant, const QString &email, const QString &password)
    {
        return post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("tenant"), tenant},
                                                           {QStringLiteral("email"), email},
                                                           {QStringLiteral("password"), password}});
    }

    HttpResponse me(const QString &accessToken)
    {
        return m_probe->get(QStringLiteral("/api/v1/me"), bearer(accessToken));
    }

    int operationCount(const QString &action, const QString &personId)
    {
        QSqlQuery query(connection());
        query.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM operation_log WHERE action = ? AND target_id = ?"));
        query.addBindValue(action);
        query.addBindValue(personId);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    // The server reports a request once its answer is on the way, so the
    // client may see the answer first: wait a little for the event.
    std::optional<http::AccessEvent> accessEventFor(const QString &requestId)
    {
        QDeadlineTimer deadline(5000);
        do {
            {
                std::lock_guard lock(m_accessMutex);
                for (const http::AccessEvent &event : m_access) {
                    if (event.requestId == requestId)
                        return event;
                }
            }
            QThread::msleep(5);
        } while (!deadline.hasExpired());
        return std::nullopt;
    }

    static QString problemCode(const HttpResponse &response)
    {
        return response.json().value(QStringLiteral("code")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificate = m_dir.filePath(QStringLiteral("certificate.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QString error;
        QVERIFY2(ops::ensureSelfSignedCertificate(m_certificate, m_key, &error), qPrintable(error));

        const auto location = store::DatabaseLocation::parse({}, m_dir.path(), &error);
        QVERIFY2(location, qPrintable(error));
        m_database = std::make_unique<store::Database>(*location);
        const auto migrated = store::Migrator().migrate(connection());
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        m_keyring =
            std::make_unique<store::Keyring>(crypto::MasterKey::fromBytes(crypto::newDataKey()));
        // Worker threads hold database connections: they must live as long as the pool.
        m_workers.setExpiryTimeout(-1);
        m_workers.setMaxThreadCount(4);
        m_memberIndex = std::make_unique<store::MemberIndex>(*m_keyring);
        m_context = std::make_unique<ops::ServiceContext>(
            ops::ServiceContext{*m_database, *m_keyring, m_workers, *m_memberIndex, m_aggregates, m_dir.path()});

        m_passwordHash = crypto::hashPassword(kPassword);
        QVERIFY(!m_passwordHash.isEmpty());
        for (Tenant *tenant : {&m_a, &m_b}) {
            store::NewTenant created;
            created.slug = tenant == &m_a ? QStringLiteral("tenant-a") : QStringLiteral("tenant-b");
            created.name = created.slug;
            const auto stored = store::TenantRepository(connection(), *m_keyring).create(created);
            QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
            *tenant = {stored.value().tenant.id, created.slug};
        }
        for (const Tenant &tenant : {m_a, m_b}) {
            addPerson(tenant, QStringLiteral("owner"), api::Role::Owner);
            addPerson(tenant, QStringLiteral("admin"), api::Role::Admin);
            addPerson(tenant, QStringLiteral("manager"), api::Role::Manager);
            addPerson(tenant, QStringLiteral("viewer"), api::Role::Viewer);
        }
        addPerson(m_a, QStringLiteral("guessed"), api::Role::Viewer);
        addPerson(m_a, QStringLiteral("throttled"), api::Role::Viewer);
        addPerson(m_a, QStringLiteral("newcomer"), api::Role::Manager, true);
        addPerson(m_a, QStringLiteral("weak"), api::Role::Viewer, false,
                  crypto::hashPassword(kPassword, {8, 1, 1}));
        const QString disabledId = addPerson(m_a, QStringLiteral("disabled"), api::Role::Admin);
        store::PersonChanges disable;
        disable.status = api::PersonStatus::Disabled;
        QVERIFY(store::PersonRepository(connection(), *m_keyring)
                    .update(store::TenantScope(m_a.id), disabledId, 1, disable));

        auth::AuthSettings settings;
        // Every test talks from 127.0.0.1: the address limit is tst_signinthrottle's business.
        settings.throttle.freeAddressFailures = 1000;
        settings.identityCacheTimeToLive = kCacheTimeToLive;
        auth::addAuthRoutes(m_router, *m_context, settings);
        // Routes only this test needs: one per minimum role, and one that reads by id.
        for (api::Role role :
             {api::Role::Owner, api::Role::Admin, api::Role::Manager, api::Role::Viewer}) {
            m_router.add(
                http::Method::Get, (QStringLiteral("/test/") + api::roleName(role)).toLatin1(),
                auth::authenticated(
                    *m_context, role,
                    [](http::Request, auth::Identity identity, http::Responder respond) {
                        respond(http::Response::json(
                            200, {{QStringLiteral("role"), api::roleName(identity.role)}}));
                    }));
        }
        m_router.add(
            http::Method::Get, "/test/people/{id}",
            auth::authenticated(
                *m_context, api::Role::Viewer,
                [this](http::Request request, auth::Identity identity, http::Responder respond) {
                    const auto person =
                        store::PersonRepository(connection(), *m_keyring)
                            .get(identity.scope,
                                 request.pathParameters.value(QStringLiteral("id")));
                    if (!person) {
                        respond(http::Response::problem(api::ProblemCode::NotFound));
                        return;
                    }
                    respond(http::Response::json(200, api::toJson(person.value().person)));
                }));

        // A write that, between its change and its commit, lets another
        // client of the caller read GET /api/v1/me: that read sees (and its
        // guard may cache) the row as it was.
        m_router.add(
            http::Method::Post, "/test/promote-with-concurrent-read",
            auth::authenticated(
                *m_context, api::Role::Viewer,
                [this](http::Request request, auth::Identity identity, http::Responder respond) {
                    store::PersonRepository people(connection(), *m_keyring);
                    store::Transaction transaction(connection());
                    const auto current = people.get(identity.scope, identity.personId);
                    store::PersonChanges changes;
                    changes.role = api::Role::Manager;
                    if (!current || !people.update(identity.scope, identity.personId,
                                                   current.value().revision, changes)) {
                        respond(http::Response::internalError());
                        return;
                    }
                    HttpsProbe concurrent(
                        m_certificate,
                        QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())));
                    const HttpResponse seen = concurrent.get(
                        QStringLiteral("/api/v1/me"),
                        {{QByteArrayLiteral("Authorization"), request.header("authorization")}});
                    if (!transaction.commit()) {
                        respond(http::Response::internalError());
                        return;
                    }
                    respond(
                        http::Response::json(200, {{QStringLiteral("roleSeenBeforeCommit"),
                                                    seen.json().value(QStringLiteral("role"))}}));
                }));

        m_server = std::make_unique<http::HttpsServer>(m_router, http::ServerLimits{});
        m_server->setAccessObserver([this](const http::AccessEvent &event) {
            std::lock_guard lock(m_accessMutex);
            m_access.push_back(event);
        });
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, m_certificate, m_key, 2, &error),
                 qPrintable(error));
        m_probe = std::make_unique<HttpsProbe>(
            m_certificate, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())));
    }

    void cleanupTestCase()
    {
        m_probe.reset();
        if (m_server)
            m_server->stop();
        m_server.reset();
        m_workers.waitForDone();
    }

    void loginSucceeds()
    {
        const HttpResponse response =
            login(m_a.slug, email(m_a, QStringLiteral("owner")), kPassword);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto session = api::sessionFromJson(response.json());
        QVERIFY2(session, qPrintable(session ? QString() : session.error().detail));
        QCOMPARE(session.value().accessToken.size(), 43);
        QCOMPARE(session.value().refreshToken.size(), 43);
        QVERIFY(session.value().accessToken != session.value().refreshToken);
        QCOMPARE(session.value().expiresIn, qint64(15 * 60));
        const QString ownerId = m_people.value(QStringLiteral("tenant-a/owner"));
        QCOMPARE(session.value().user.id, ownerId);
        QCOMPARE(session.value().user.role, api::Role::Owner);
        QVERIFY(session.value().user.lastSignInAt.has_value());
        QCOMPARE(operationCount(QStringLiteral("sign-in"), ownerId), 1);

        // The access log knows who signed in.
        const auto event = accessEventFor(QString::fromLatin1(response.header("x-request-id")));
        QVERIFY(event);
        QCOMPARE(event->tenantId, m_a.id);
        QCOMPARE(event->personId, ownerId);

        const HttpResponse mine = me(session.value().accessToken);
        QVERIFY2(mine.status == 200, qPrintable(mine.describe()));
        QCOMPARE(mine.json().value(QStringLiteral("id")).toString(), ownerId);
        QVERIFY(mine.json().contains(QStringLiteral("lastSignInAt")));
        const auto meEvent = accessEventFor(QString::fromLatin1(mine.header("x-request-id")));
        QVERIFY(meEvent);
        QCOMPARE(meEvent->personId, ownerId);
    }

    void loginRehashesWeakHash()
    {
        const HttpResponse response =
            login(m_a.slug, email(m_a, QStringLiteral("weak")), kPassword);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto stored =
            store::PersonRepository(connection(), *m_keyring)
                .get(store::TenantScope(m_a.id), m_people.value(QStringLiteral("tenant-a/weak")));
        QVERIFY(stored);
        QVERIFY(!crypto::needsRehash(stored.value().passwordHash));
        QVERIFY(crypto::verifyPassword(kPassword, stored.value().passwordHash));
    }

    void failuresAreIdentical()
    {
        struct Attempt
        {
            const char *name;
            QString tenant;
            QString email;
            bool hasPerson;
        };
        const QList<Attempt> attempts = {
            {"wrong tenant", QStringLiteral("no-such-company"),
             email(m_a, QStringLiteral("guessed")), false},
            {"unknown e-mail", m_a.slug, email(m_a, QStringLiteral("nobody")), false},
            {"wrong password", m_a.slug, email(m_a, QStringLiteral("guessed")), true},
            {"disabled", m_a.slug, email(m_a, QStringLiteral("disabled")), true},
        };
        QByteArray expectedBody;
        QList<qint64> withPerson;
        QList<qint64> withoutPerson;
        // Three rounds, interleaved, so that a slow moment hits every kind alike.
        for (int round = 0; round < 3; ++round) {
            for (const Attempt &attempt : attempts) {
                const QString password =
                    QString::fromLatin1(attempt.name) == QLatin1String("disabled")
                        ? kPassword // even the right password
                        : QStringLiteral("not the password");
                const HttpResponse response = login(attempt.tenant, attempt.email, password);
                QVERIFY2(response.status == 401, attempt.name);
                QCOMPARE(response.header("www-authenticate"), QByteArray("Bearer"));
                QJsonObject body = response.json();
                QVERIFY(body.contains(QStringLiteral("requestId")));
                body.remove(QStringLiteral("requestId"));
                const QByteArray canonical = jsonBody(body);
                if (expectedBody.isEmpty())
                    expectedBody = canonical;
                QVERIFY2(canonical == expectedBody, attempt.name);
                (attempt.hasPerson ? withPerson : withoutPerson).append(response.elapsedMs);
            }
        }
        QCOMPARE(
            QJsonDocument::fromJson(expectedBody).object().value(QStringLiteral("code")).toString(),
            QStringLiteral("unauthenticated"));
        // The same timing class: a missing account still costs one Argon2id verification.
        const qint64 fast = median(withoutPerson);
        const qint64 slow = median(withPerson);
        qInfo("median ms: without a person %lld, with a person %lld", fast, slow);
        QVERIFY2(fast * 5 > slow, qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(fast).arg(slow)));
    }

    void throttlesBeforePasswordWork()
    {
        const QString address = email(m_a, QStringLiteral("throttled"));
        HttpResponse response;
        for (int attempt = 0; attempt < 6; ++attempt) {
            response = login(m_a.slug, address, QStringLiteral("guess %1").arg(attempt));
            if (response.status == 429)
                break;
            QCOMPARE(response.status, 401);
        }
        QVERIFY2(response.status == 429, qPrintable(response.describe()));
        QCOMPARE(problemCode(response), QStringLiteral("too-many-requests"));
        bool isNumber = false;
        const int retryAfter = response.header("retry-after").toInt(&isNumber);
        QVERIFY(isNumber);
        QVERIFY(retryAfter >= 1);
        // Even the right password waits: the answer must not confirm a guess.
        const HttpResponse right = login(m_a.slug, address, kPassword);
        QCOMPARE(right.status, 429);
        // The key is what was typed, case-folded: another spelling is the same account.
        const HttpResponse upper = login(m_a.slug, address.toUpper(), kPassword);
        QCOMPARE(upper.status, 429);
    }

    void malformedLoginIsRefused()
    {
        const HttpResponse response =
            post(QStringLiteral("/api/v1/auth/login"),
                 {{QStringLiteral("tenant"), m_a.slug},
                  {QStringLiteral("email"), email(m_a, QStringLiteral("owner"))},
                  {QStringLiteral("password"), kPassword},
                  {QStringLiteral("isAdmin"), true}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("unknown-field"));
    }

    void refreshRotatesAndReuseRevokesFamily()
    {
        const store::IssuedTokens first = issue(m_a, QStringLiteral("viewer"));
        const HttpResponse rotated = post(QStringLiteral("/api/v1/auth/refresh"),
                                          {{QStringLiteral("refreshToken"), first.refreshToken}});
        QVERIFY2(rotated.status == 200, qPrintable(rotated.describe()));
        const auto second = api::sessionFromJson(rotated.json());
        QVERIFY(second);
        QVERIFY(second.value().refreshToken != first.refreshToken);
        QCOMPARE(second.value().user.id, m_people.value(QStringLiteral("tenant-a/viewer")));
        QCOMPARE(me(second.value().accessToken).status, 200);

        // The old refresh token again: a stolen copy. The whole family dies.
        const HttpResponse reused = post(QStringLiteral("/api/v1/auth/refresh"),
                                         {{QStringLiteral("refreshToken"), first.refreshToken}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(problemCode(reused), QStringLiteral("unauthenticated"));
        QCOMPARE(me(second.value().accessToken).status, 401);
        const HttpResponse newer =
            post(QStringLiteral("/api/v1/auth/refresh"),
                 {{QStringLiteral("refreshToken"), second.value().refreshToken}});
        QCOMPARE(newer.status, 401);

        // Another client of the same person is another family: untouched.
        const store::IssuedTokens other = issue(m_a, QStringLiteral("viewer"));
        QCOMPARE(me(other.accessToken).status, 200);
    }

    void refreshRefusesAccessToken()
    {
        const store::IssuedTokens tokens = issue(m_a, QStringLiteral("viewer"));
        const HttpResponse response = post(QStringLiteral("/api/v1/auth/refresh"),
                                           {{QStringLiteral("refreshToken"), tokens.accessToken}});
        QCOMPARE(response.status, 401);
    }

    void logoutCutsAccessAtOnce()
    {
        const store::IssuedTokens tokens = issue(m_a, QStringLiteral("manager"));
        QCOMPARE(me(tokens.accessToken).status, 200);
        const HttpResponse out = m_probe->send("POST", QStringLiteral("/api/v1/auth/logout"), {},
                                               bearer(tokens.accessToken));
        QVERIFY2(out.status == 204, qPrintable(out.describe()));
        QCOMPARE(me(tokens.accessToken).status, 401);
        const HttpResponse refreshed =
            post(QStringLiteral("/api/v1/auth/refresh"),
                 {{QStringLiteral("refreshToken"), tokens.refreshToken}});
        QCOMPARE(refreshed.status, 401);
        QCOMPARE(operationCount(QStringLiteral("sign-out"),
                                m_people.value(QStringLiteral("tenant-a/manager"))),
                 1);
    }

    void expiredTokensAreRefused()
    {
        // Issued as if 16 minutes ago: the access token (15 minutes) is past
        // its expiry, the refresh token (30 days) is not.
        const store::IssuedTokens old =
            issue(m_a, QStringLiteral("viewer"), QDateTime::currentDateTimeUtc().addSecs(-16 * 60));
        const HttpResponse expired = me(old.accessToken);
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.header("www-authenticate").startsWith("Bearer"));
        const HttpResponse refreshed = post(QStringLiteral("/api/v1/auth/refresh"),
                                            {{QStringLiteral("refreshToken"), old.refreshToken}});
        QCOMPARE(refreshed.status, 200);

        const store::IssuedTokens ancient =
            issue(m_a, QStringLiteral("viewer"), QDateTime::currentDateTimeUtc().addDays(-31));
        const HttpResponse late = post(QStringLiteral("/api/v1/auth/refresh"),
                                       {{QStringLiteral("refreshToken"), ancient.refreshToken}});
        QCOMPARE(late.status, 401);
    }

    void credentialsMustBeBearer_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("absent") << QByteArray();
        QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz");
        QTest::newRow("bearer without token") << QByteArray("Bearer ");
        QTest::newRow("unknown token")
            << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("token with space") << QByteArray("Bearer abc def");
    }

    void credentialsMustBeBearer()
    {
        QFETCH(QByteArray, authorization);
        HeaderList headers;
        if (!authorization.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), authorization});
        const HttpResponse response = m_probe->get(QStringLiteral("/api/v1/me"), headers);
        QCOMPARE(response.status, 401);
        QCOMPARE(problemCode(response), QStringLiteral("unauthenticated"));
        QCOMPARE(response.header("www-authenticate"), QByteArray("Bearer"));
    }

    void schemeIsCaseInsensitive()
    {
        const store::IssuedTokens tokens = issue(m_a, QStringLiteral("viewer"));
        const HttpResponse response = m_probe->get(
            QStringLiteral("/api/v1/me"),
            {{QByteArrayLiteral("Authorization"), "bEaReR " + tokens.accessToken.toLatin1()}});
        QCOMPARE(response.status, 200);
    }

    void roleMatrix_data()
    {
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("minimum");
        QTest::addColumn<int>("status");
        const QStringList roles = {QStringLiteral("owner"), QStringLiteral("admin"),
                                   QStringLiteral("manager"), QStringLiteral("viewer")};
        for (int p = 0; p < roles.size(); ++p) {
            for (int m = 0; m < roles.size(); ++m) {
                QTest::addRow("%s on %s route", qPrintable(roles[p]), qPrintable(roles[m]))
                    << roles[p] << roles[m] << (p <= m ? 200 : 403);
            }
        }
    }

    void roleMatrix()
    {
        QFETCH(QString, person);
        QFETCH(QString, minimum);
        QFETCH(int, status);
        const store::IssuedTokens tokens = issue(m_b, person);
        const HttpResponse response =
            m_probe->get(QStringLiteral("/test/") + minimum, bearer(tokens.accessToken));
        QCOMPARE(response.status, status);
        if (status == 403)
            QCOMPARE(problemCode(response), QStringLiteral("forbidden"));
        // Refusals of a known caller carry the caller too.
        const auto event = accessEventFor(QString::fromLatin1(response.header("x-request-id")));
        QVERIFY(event);
        QCOMPARE(event->tenantId, m_b.id);
        QCOMPARE(event->personId, m_people.value(QStringLiteral("tenant-b/") + person));
    }

    void disablingCutsAccess()
    {
        const QString id = addPerson(m_b, QStringLiteral("leaving"), api::Role::Viewer);
        const store::IssuedTokens tokens = issue(m_b, QStringLiteral("leaving"));
        QCOMPARE(me(tokens.accessToken).status, 200);
        store::PersonChanges disable;
        disable.status = api::PersonStatus::Disabled;
        QVERIFY(store::PersonRepository(connection(), *m_keyring)
                    .update(store::TenantScope(m_b.id), id, 1, disable));
        QCOMPARE(me(tokens.accessToken).status, 401);
        const HttpResponse refreshed =
            post(QStringLiteral("/api/v1/auth/refresh"),
                 {{QStringLiteral("refreshToken"), tokens.refreshToken}});
        QCOMPARE(refreshed.status, 401);
    }

    void roleChangeCountsAtOnce()
    {
        const QString id = addPerson(m_b, QStringLiteral("promoted"), api::Role::Viewer);
        const store::IssuedTokens tokens = issue(m_b, QStringLiteral("promoted"));
        QCOMPARE(me(tokens.accessToken).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("viewer"));
        QCOMPARE(m_probe->get(QStringLiteral("/test/manager"), bearer(tokens.accessToken)).status,
                 403);
        store::PersonChanges promote;
        promote.role = api::Role::Manager;
        QVERIFY(store::PersonRepository(connection(), *m_keyring)
                    .update(store::TenantScope(m_b.id), id, 1, promote));
        QCOMPARE(me(tokens.accessToken).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("manager"));
        QCOMPARE(m_probe->get(QStringLiteral("/test/manager"), bearer(tokens.accessToken)).status,
                 200);
    }

    // The write's handler let a concurrent GET /api/v1/me read the old row
    // (and its guard cache it) before the commit; once the write answered,
    // the new role counts all the same.
    void changeCommittedAfterAConcurrentReadCounts()
    {
        addPerson(m_b, QStringLiteral("racer"), api::Role::Viewer);
        const store::IssuedTokens tokens = issue(m_b, QStringLiteral("racer"));
        QCOMPARE(me(tokens.accessToken).status, 200);
        const HttpResponse write =
            m_probe->send("POST", QStringLiteral("/test/promote-with-concurrent-read"), {},
                          bearer(tokens.accessToken));
        QVERIFY2(write.status == 200, qPrintable(write.describe()));
        QCOMPARE(write.json().value(QStringLiteral("roleSeenBeforeCommit")).toString(),
                 QStringLiteral("viewer"));
        QCOMPARE(me(tokens.accessToken).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("manager"));
    }

    // What changes the database without this process (another instance)
    // reaches the cache only when its time to live is over.
    void outsideChangesCountWithinTheTimeToLive()
    {
        const QString id = addPerson(m_b, QStringLiteral("elsewhere"), api::Role::Viewer);
        const store::IssuedTokens tokens = issue(m_b, QStringLiteral("elsewhere"));
        QElapsedTimer sinceVerified;
        sinceVerified.start();
        QCOMPARE(me(tokens.accessToken).json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("viewer"));
        QSqlQuery outside(connection());
        QVERIFY(outside.prepare(QStringLiteral("UPDATE people SET role = 'manager' WHERE id = ?")));
        outside.addBindValue(id);
        QVERIFY(outside.exec());
        QString role = me(tokens.accessToken).json().value(QStringLiteral("role")).toString();
        if (sinceVerified.elapsed() < kCacheTimeToLive.count())
            QCOMPARE(role, QStringLiteral("viewer"));
        QTest::qSleep(int(kCacheTimeToLive.count()));
        role = me(tokens.accessToken).json().value(QStringLiteral("role")).toString();
        QCOMPARE(role, QStringLiteral("manager"));
    }

    // An entry lives no longer than its token, however long the time to live.
    void cachedTokenExpires()
    {
        constexpr qint64 leftMs = 1500;
        const store::IssuedTokens tokens =
            issue(m_a, QStringLiteral("viewer"),
                  QDateTime::currentDateTimeUtc().addSecs(-15 * 60).addMSecs(leftMs));
        QCOMPARE(me(tokens.accessToken).status, 200);
        QTest::qSleep(int(leftMs) + 100);
        QCOMPARE(me(tokens.accessToken).status, 401);
    }

    void crossTenantIsNotFound()
    {
        const store::IssuedTokens a = issue(m_a, QStringLiteral("owner"));
        const QString ownA = m_people.value(QStringLiteral("tenant-a/viewer"));
        const QString otherB = m_people.value(QStringLiteral("tenant-b/viewer"));
        QCOMPARE(m_probe->get(QStringLiteral("/test/people/") + ownA, bearer(a.accessToken)).status,
                 200);
        const HttpResponse across =
            m_probe->get(QStringLiteral("/test/people/") + otherB, bearer(a.accessToken));
        QCOMPARE(across.status, 404);
        QCOMPARE(problemCode(across), QStringLiteral("not-found"));
    }

    void passwordChangeRequiredFirst()
    {
        const store::IssuedTokens tokens = issue(m_a, QStringLiteral("newcomer"));
        const store::IssuedTokens otherClient = issue(m_a, QStringLiteral("newcomer"));
        const HttpResponse blocked =
            m_probe->get(QStringLiteral("/test/viewer"), bearer(tokens.accessToken));
        QCOMPARE(blocked.status, 403);
        QCOMPARE(problemCode(blocked), QStringLiteral("password-change-required"));
        const HttpResponse mine = me(tokens.accessToken);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value(QStringLiteral("mustChangePassword")).toBool(), true);

        const QString path = QStringLiteral("/api/v1/me/password");
        HttpResponse response =
            post(path,
                 {{QStringLiteral("currentPassword"), QStringLiteral("not it at all")},
                  {QStringLiteral("newPassword"), kNewPassword}},
                 bearer(tokens.accessToken));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("currentPassword"));
        response = post(path,
                        {{QStringLiteral("currentPassword"), kPassword},
                         {QStringLiteral("newPassword"), QStringLiteral("short")}},
                        bearer(tokens.accessToken));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("newPassword"));
        response = post(path,
                        {{QStringLiteral("currentPassword"), kPassword},
                         {QStringLiteral("newPassword"), kPassword}},
                        bearer(tokens.accessToken));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("newPassword"));

        response = post(path,
                        {{QStringLiteral("currentPassword"), kPassword},
                         {QStringLiteral("newPassword"), kNewPassword}},
                        bearer(tokens.accessToken));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto session = api::sessionFromJson(response.json());
        QVERIFY(session);
        QCOMPARE(session.value().user.mustChangePassword, false);
        QCOMPARE(operationCount(QStringLiteral("password-change"),
                                m_people.value(QStringLiteral("tenant-a/newcomer"))),
                 1);

        // Every earlier client is signed out, this one included; the new session works.
        QCOMPARE(me(tokens.accessToken).status, 401);
        QCOMPARE(me(otherClient.accessToken).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"),
                      {{QStringLiteral("refreshToken"), otherClient.refreshToken}})
                     .status,
                 401);
        QCOMPARE(m_probe->get(QStringLiteral("/test/viewer"), bearer(session.value().accessToken))
                     .status,
                 200);
        const auto stored = store::PersonRepository(connection(), *m_keyring)
                                .get(store::TenantScope(m_a.id),
                                     m_people.value(QStringLiteral("tenant-a/newcomer")));
        QVERIFY(stored);
        QVERIFY(crypto::verifyPassword(kNewPassword, stored.value().passwordHash));
        QVERIFY(!stored.value().person.mustChangePassword);
    }
};

QTEST_GUILESS_MAIN(TestAuthRoutes)
#include "tst_authroutes.moc"
