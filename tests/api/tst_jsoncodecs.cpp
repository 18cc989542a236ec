#include "api/credentials.h"
#include "api/cursorpage.h"
#include "api/jsonparse.h"
#include "api/person.h"
#include "api/personrequests.h"
#include "api/session.h"
#include "api/tenant.h"
#include "codectest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace engage::api;
using engage::api::test::checkRoundTrip;
using engage::api::test::mutate;

Q_DECLARE_METATYPE(engage::api::ProblemCode)

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
}

Tenant sampleTenant()
{
    Tenant tenant;
    tenant.id = QStringLiteral("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b");
    tenant.slug = QStringLiteral("acme-japan");
    tenant.name = QString::fromUtf8("\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe Acme");
    tenant.plan = Plan::Standard;
    tenant.options.securityOption = true;
    tenant.createdAt = utc(2024, 4, 1, 0, 0, 0, 1);
    return tenant;
}

Person samplePerson()
{
    Person person;
    person.id = QStringLiteral("018f3c2a-7b1d-7c3e-9f00-123456789abc");
    person.email = QStringLiteral("hana@example.co.jp");
    person.displayName = QString::fromUtf8("\xe5\xb1\xb1\xe7\x94\xb0 \xe8\x8a\xb1");
    person.role = Role::Manager;
    person.status = PersonStatus::Active;
    person.mustChangePassword = true;
    person.createdAt = utc(2024, 4, 2, 9, 30, 15, 999);
    person.lastSignInAt = utc(2024, 5, 1, 23, 59, 59, 0);
    return person;
}

Session sampleSession()
{
    Session session;
    session.accessToken = QStringLiteral("q3Xb_9-AZ0vKk2LmN8pQr5sTu7vWx9yZ");
    session.refreshToken = QStringLiteral("r3Xb_9-AZ0vKk2LmN8pQr5sTu7vWx9yZ");
    session.expiresIn = 900;
    session.user = samplePerson();
    return session;
}

LoginRequest sampleLogin()
{
    return {QStringLiteral("acme-japan"), QStringLiteral("hana@example.co.jp"),
            QString::fromUtf8("correct horse \xe9\xa6\xac")};
}

PasswordChangeRequest samplePasswordChange()
{
    return {QStringLiteral("old one"), QStringLiteral("a much longer new passphrase")};
}

CursorPage<Person> samplePage()
{
    CursorPage<Person> page;
    Person second = samplePerson();
    second.id = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    second.email = QStringLiteral("taro@example.com");
    second.role = Role::Viewer;
    second.status = PersonStatus::Disabled;
    second.lastSignInAt.reset();
    page.items = {samplePerson(), second};
    page.nextCursor = QStringLiteral("eyJpZCI6IjEyMyJ9");
    return page;
}

NewPersonRequest sampleNewPerson()
{
    return {QStringLiteral("ken@example.co.jp"), QStringLiteral("Ken"), Role::Admin};
}

PersonPatch samplePatch()
{
    PersonPatch patch;
    patch.email = QStringLiteral("ken@example.co.jp");
    patch.displayName = QStringLiteral("Ken");
    patch.role = Role::Manager;
    patch.status = PersonStatus::Disabled;
    return patch;
}

// Decoding through one entry point per kind, so that the rejection table can
// name the type it mutates.
std::optional<Error> decodeKind(const QString &kind, const QJsonObject &object)
{
    auto check = [](const auto &result) -> std::optional<Error> {
        if (result)
            return std::nullopt;
        return result.error();
    };
    if (kind == QLatin1String("tenant"))
        return check(tenantFromJson(object));
    if (kind == QLatin1String("options"))
        return check(tenantOptionsFromJson(object));
    if (kind == QLatin1String("person"))
        return check(personFromJson(object));
    if (kind == QLatin1String("session"))
        return check(sessionFromJson(object));
    if (kind == QLatin1String("page"))
        return check(cursorPageFromJson<Person>(object, personFromJson));
    if (kind == QLatin1String("login"))
        return check(loginRequestFromJson(object));
    if (kind == QLatin1String("refresh"))
        return check(refreshRequestFromJson(object));
    if (kind == QLatin1String("password"))
        return check(passwordChangeRequestFromJson(object));
    if (kind == QLatin1String("newperson"))
        return check(newPersonRequestFromJson(object));
    if (kind == QLatin1String("patch"))
        return check(personPatchFromJson(object));
    if (kind == QLatin1String("created"))
        return check(createdPersonFromJson(object));
    qFatal("unknown kind");
}

QJsonObject sampleJson(const QString &kind)
{
    if (kind == QLatin1String("tenant"))
        return toJson(sampleTenant());
    if (kind == QLatin1String("options"))
        return toJson(sampleTenant().options);
    if (kind == QLatin1String("person"))
        return toJson(samplePerson());
    if (kind == QLatin1String("session"))
        return toJson(sampleSession());
    if (kind == QLatin1String("page"))
        return toJson(samplePage());
    if (kind == QLatin1String("login"))
        return toJson(sampleLogin());
    if (kind == QLatin1String("refresh"))
        return toJson(RefreshRequest{sampleSession().refreshToken});
    if (kind == QLatin1String("password"))
        return toJson(samplePasswordChange());
    if (kind == QLatin1String("newperson"))
        return toJson(sampleNewPerson());
    if (kind == QLatin1String("patch"))
        return toJson(samplePatch());
    if (kind == QLatin1String("created"))
        return toJson(CreatedPerson{samplePerson(), QStringLiteral("Xk7pQ2mZr9TbWc4d")});
    qFatal("unknown kind");
}

} // namespace

class TestJsonCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenantRoundTrip_data();
    void tenantRoundTrip();
    void personRoundTrip_data();
    void personRoundTrip();
    void sessionRoundTrip();
    void credentialsRoundTrip();
    void personRequestsRoundTrip();
    void pageRoundTrip_data();
    void pageRoundTrip();
    void wireShape();
    void nullOptionalIsAbsent();
    void acceptsEquivalentWireForms_data();
    void acceptsEquivalentWireForms();
    void rejects_data();
    void rejects();
    void unknownFieldNameIsNotReflected();
    void pageSizeLimit();
};

void TestJsonCodecs::tenantRoundTrip_data()
{
    QTest::addColumn<Plan>("plan");
    QTest::addColumn<bool>("securityOption");
    QTest::addColumn<QDateTime>("createdAt");

    QTest::newRow("free, no option") << Plan::Free << false << utc(2024, 1, 1, 0, 0, 0, 0);
    QTest::newRow("basic, option") << Plan::Basic << true << utc(1999, 12, 31, 23, 59, 59, 999);
    QTest::newRow("standard") << Plan::Standard << true << utc(2038, 1, 19, 3, 14, 8, 1);
    QTest::newRow("local time stored as utc")
        << Plan::Free << false
        << QDateTime(QDate(2024, 6, 1), QTime(9, 0, 0, 250), Qt::OffsetFromUTC, 9 * 3600);
}

void TestJsonCodecs::tenantRoundTrip()
{
    QFETCH(Plan, plan);
    QFETCH(bool, securityOption);
    QFETCH(QDateTime, createdAt);
    Tenant tenant = sampleTenant();
    tenant.plan = plan;
    tenant.options.securityOption = securityOption;
    tenant.createdAt = createdAt;
    checkRoundTrip(tenant, tenantFromJson);
    checkRoundTrip(tenant.options, tenantOptionsFromJson);

    const Tenant decoded = tenantFromJson(toJson(tenant)).value();
    QCOMPARE(decoded.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(decoded.createdAt.toMSecsSinceEpoch(), createdAt.toMSecsSinceEpoch());
}

void TestJsonCodecs::personRoundTrip_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<PersonStatus>("status");
    QTest::addColumn<bool>("mustChangePassword");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<QString>("email");

    QTest::newRow("owner") << Role::Owner << PersonStatus::Active << false << true
                           << QStringLiteral("boss@example.com");
    QTest::newRow("admin never signed in") << Role::Admin << PersonStatus::Active << true << false
                                           << QStringLiteral("it+admin@example.com");
    QTest::newRow("manager disabled") << Role::Manager << PersonStatus::Disabled << false << true
                                      << QStringLiteral("m@sub.example.org");
    QTest::newRow("viewer IDN email")
        << Role::Viewer << PersonStatus::Active << false << false
        << QString::fromUtf8("\xe8\x8a\xb1@\xe4\xbe\x8b\xe3\x81\x88.jp");
}

void TestJsonCodecs::personRoundTrip()
{
    QFETCH(Role, role);
    QFETCH(PersonStatus, status);
    QFETCH(bool, mustChangePassword);
    QFETCH(bool, signedIn);
    QFETCH(QString, email);
    Person person = samplePerson();
    person.role = role;
    person.status = status;
    person.mustChangePassword = mustChangePassword;
    person.email = email;
    if (!signedIn)
        person.lastSignInAt.reset();
    checkRoundTrip(person, personFromJson);
    QCOMPARE(toJson(person).contains(QLatin1String("lastSignInAt")), signedIn);
    QCOMPARE(toJson(person).value(QLatin1String("role")).toString(), roleName(role));
}

void TestJsonCodecs::sessionRoundTrip()
{
    Session session = sampleSession();
    checkRoundTrip(session, sessionFromJson);
    session.expiresIn = kMaxExpiresIn;
    session.accessToken = QString(kTokenMaxLength, QLatin1Char('a'));
    checkRoundTrip(session, sessionFromJson);
}

void TestJsonCodecs::personRequestsRoundTrip()
{
    checkRoundTrip(sampleNewPerson(), newPersonRequestFromJson);
    checkRoundTrip(samplePatch(), personPatchFromJson);
    checkRoundTrip(CreatedPerson{samplePerson(), QStringLiteral("Xk7pQ2mZr9TbWc4d")},
                   createdPersonFromJson);
    // A replayed create carries no password.
    checkRoundTrip(CreatedPerson{samplePerson(), std::nullopt}, createdPersonFromJson);

    // Every member of a patch is optional, each on its own; null reads as absent.
    checkRoundTrip(PersonPatch{}, personPatchFromJson);
    PersonPatch onlyStatus;
    onlyStatus.status = PersonStatus::Active;
    checkRoundTrip(onlyStatus, personPatchFromJson);
    const auto nulls = personPatchFromJson(
        {{QStringLiteral("email"), QJsonValue::Null}, {QStringLiteral("role"), QJsonValue::Null}});
    QVERIFY(nulls);
    QVERIFY(nulls.value().isEmpty());
}

void TestJsonCodecs::credentialsRoundTrip()
{
    const LoginRequest login = sampleLogin();
    const Result<LoginRequest> decodedLogin = loginRequestFromJson(toJson(login));
    QVERIFY(decodedLogin);
    QCOMPARE(decodedLogin.value().tenant, login.tenant);
    QCOMPARE(decodedLogin.value().email, login.email);
    QCOMPARE(decodedLogin.value().password, login.password);

    const Result<RefreshRequest> decodedRefresh =
        refreshRequestFromJson(toJson(RefreshRequest{sampleSession().refreshToken}));
    QVERIFY(decodedRefresh);
    QCOMPARE(decodedRefresh.value().refreshToken, sampleSession().refreshToken);

    const PasswordChangeRequest change = samplePasswordChange();
    const Result<PasswordChangeRequest> decodedChange =
        passwordChangeRequestFromJson(toJson(change));
    QVERIFY(decodedChange);
    QCOMPARE(decodedChange.value().currentPassword, change.currentPassword);
    QCOMPARE(decodedChange.value().newPassword, change.newPassword);
}

void TestJsonCodecs::pageRoundTrip_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("hasNext");
    QTest::addColumn<bool>("hasPrev");

    QTest::newRow("empty single page") << 0 << false << false;
    QTest::newRow("first page") << 2 << true << false;
    QTest::newRow("middle page") << 3 << true << true;
    QTest::newRow("last page") << 1 << false << true;
    QTest::newRow("full page") << int(kMaxPageItems) << true << true;
}

void TestJsonCodecs::pageRoundTrip()
{
    QFETCH(int, count);
    QFETCH(bool, hasNext);
    QFETCH(bool, hasPrev);
    CursorPage<Person> page;
    for (int i = 0; i < count; ++i) {
        Person person = samplePerson();
        person.displayName = QStringLiteral("Person %1").arg(i);
        page.items.append(person);
    }
    if (hasNext)
        page.nextCursor = QStringLiteral("next_%1").arg(count);
    if (hasPrev)
        page.prevCursor = QStringLiteral("prev_%1").arg(count);
    checkRoundTrip(page, [](const QJsonObject &object) {
        return cursorPageFromJson<Person>(object, personFromJson);
    });

    // Any item type works with its own codec: a page of tenants.
    CursorPage<Tenant> tenants;
    tenants.items = {sampleTenant()};
    tenants.prevCursor = page.prevCursor;
    checkRoundTrip(tenants, [](const QJsonObject &object) {
        return cursorPageFromJson<Tenant>(object, tenantFromJson);
    });
}

void TestJsonCodecs::wireShape()
{
    // The member names and value forms the service and client agree on.
    const QJsonObject tenant = toJson(sampleTenant());
    QCOMPARE(tenant.keys(), QStringList({QStringLiteral("createdAt"), QStringLiteral("id"),
                                         QStringLiteral("name"), QStringLiteral("options"),
                                         QStringLiteral("plan"), QStringLiteral("slug")}));
    QCOMPARE(tenant.value(QLatin1String("plan")).toString(), QStringLiteral("standard"));
    QCOMPARE(tenant.value(QLatin1String("createdAt")).toString(),
             QStringLiteral("2024-04-01T00:00:00.001Z"));
    QCOMPARE(
        tenant.value(QLatin1String("options")).toObject().value(QLatin1String("securityOption")),
        QJsonValue(true));

    const QJsonObject session = toJson(sampleSession());
    QCOMPARE(session.keys(),
             QStringList({QStringLiteral("accessToken"), QStringLiteral("expiresIn"),
                          QStringLiteral("refreshToken"), QStringLiteral("user")}));
    QCOMPARE(session.value(QLatin1String("expiresIn")).toInteger(), 900);

    const QJsonObject person = toJson(samplePerson());
    QCOMPARE(person.size(), 8);
    QCOMPARE(person.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(person.value(QLatin1String("lastSignInAt")).toString(),
             QStringLiteral("2024-05-01T23:59:59.000Z"));

    const QJsonObject page = toJson(samplePage());
    QVERIFY(!page.contains(QLatin1String("prevCursor")));
    QCOMPARE(page.value(QLatin1String("items")).toArray().size(), 2);
}

void TestJsonCodecs::nullOptionalIsAbsent()
{
    QJsonObject json = toJson(samplePerson());
    json.insert(QLatin1String("lastSignInAt"), QJsonValue::Null);
    const Result<Person> person = personFromJson(json);
    QVERIFY(person.isOk());
    QVERIFY(!person.value().lastSignInAt.has_value());
}

void TestJsonCodecs::acceptsEquivalentWireForms_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment");

    QTest::newRow("lastSignInAt without fraction")
        << QStringLiteral("lastSignInAt") << QByteArray(R"("2024-05-01T23:59:59Z")");
    QTest::newRow("createdAt with nanoseconds")
        << QStringLiteral("createdAt") << QByteArray(R"("2024-04-02T09:30:15.999000000Z")");
    QTest::newRow("createdAt with microseconds")
        << QStringLiteral("createdAt") << QByteArray(R"("2024-04-02T09:30:15.999999Z")");
    QTest::newRow("expiresIn as 900.0") << QStringLiteral("expiresIn") << QByteArray("900.0");
    QTest::newRow("expiresIn as 9e2") << QStringLiteral("expiresIn") << QByteArray("9e2");
}

void TestJsonCodecs::acceptsEquivalentWireForms()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, fragment);
    const bool session = path == QLatin1String("expiresIn");
    const QJsonObject base = session ? toJson(sampleSession()) : toJson(samplePerson());
    const QJsonObject json = mutate(base, path.split(QLatin1Char('.')), fragment).toObject();
    if (session) {
        const Result<Session> decoded = sessionFromJson(json);
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.value(), sampleSession());
    } else {
        const Result<Person> decoded = personFromJson(json);
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.value(), samplePerson());
    }
}

void TestJsonCodecs::rejects_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("field");

    const auto unknown = ProblemCode::UnknownField;
    const auto missing = ProblemCode::MissingField;
    const auto invalid = ProblemCode::InvalidField;
    auto row = [](const char *name, const char *kind, const char *path, const QByteArray &fragment,
                  ProblemCode code, const char *field) {
        QTest::newRow(name) << QString::fromLatin1(kind) << QString::fromLatin1(path) << fragment
                            << code << QString::fromLatin1(field);
    };

    // Unknown members, at every level.
    row("tenant unknown", "tenant", "isAdmin", "true", unknown, "isAdmin");
    row("tenant unknown null", "tenant", "extra", "null", unknown, "extra");
    row("options unknown", "tenant", "options.beta", "true", unknown, "options.beta");
    row("person unknown", "person", "password", R"("hunter2hunter2")", unknown, "password");
    row("session user unknown", "session", "user.tenantId", R"("x")", unknown, "user.tenantId");
    row("page unknown", "page", "total", "2", unknown, "total");
    row("page item unknown", "page", "items.1.role2", R"("owner")", unknown, "items.1.role2");
    row("case-different name", "person", "Email", R"("a@example.com")", unknown, "Email");

    // Missing members.
    row("tenant id missing", "tenant", "id", "", missing, "id");
    row("tenant options missing", "tenant", "options", "", missing, "options");
    row("options flag missing", "options", "securityOption", "", missing, "securityOption");
    row("person email missing", "person", "email", "", missing, "email");
    row("person createdAt missing", "person", "createdAt", "", missing, "createdAt");
    row("session user missing", "session", "user", "", missing, "user");
    row("session token missing", "session", "refreshToken", "", missing, "refreshToken");
    row("session user role missing", "session", "user.role", "", missing, "user.role");
    row("page items missing", "page", "items", "", missing, "items");
    row("page item id missing", "page", "items.0.id", "", missing, "items.0.id");

    // Wrong types.
    row("number where string", "person", "email", "42", invalid, "email");
    row("huge number where string", "tenant", "name", "1e308", invalid, "name");
    row("string where bool", "options", "securityOption", R"("true")", invalid, "securityOption");
    row("number where bool", "person", "mustChangePassword", "1", invalid, "mustChangePassword");
    row("null where required", "tenant", "slug", "null", invalid, "slug");
    row("array where object", "tenant", "options", "[]", invalid, "options");
    row("string where object", "session", "user", R"("me")", invalid, "user");
    row("object where array", "page", "items", "{}", invalid, "items");
    row("number in items", "page", "items.0", "7", invalid, "items.0");
    row("string where number", "session", "expiresIn", R"("900")", invalid, "expiresIn");
    row("bool where number", "session", "expiresIn", "true", invalid, "expiresIn");
    row("number where cursor", "page", "nextCursor", "12", invalid, "nextCursor");

    // Invalid values.
    row("expiresIn zero", "session", "expiresIn", "0", invalid, "expiresIn");
    row("expiresIn negative", "session", "expiresIn", "-5", invalid, "expiresIn");
    row("expiresIn fractional", "session", "expiresIn", "900.5", invalid, "expiresIn");
    row("expiresIn huge", "session", "expiresIn", "1e300", invalid, "expiresIn");
    row("expiresIn beyond int64", "session", "expiresIn", "99999999999999999999", invalid,
        "expiresIn");
    row("expiresIn over max", "session", "expiresIn", "604801", invalid, "expiresIn");
    row("token with newline", "session", "accessToken", R"("abc\ndef")", invalid, "accessToken");
    row("empty token", "session", "accessToken", R"("")", invalid, "accessToken");
    row("id upper case", "tenant", "id", R"("3F2B8C1E-9D4A-4E5F-8A7B-1C2D3E4F5A6B")", invalid,
        "id");
    row("id not uuid", "person", "id", R"("42")", invalid, "id");
    row("slug invalid", "tenant", "slug", R"("Acme Japan")", invalid, "slug");
    row("plan unknown", "tenant", "plan", R"("enterprise")", invalid, "plan");
    row("plan wrong case", "tenant", "plan", R"("Free")", invalid, "plan");
    row("role unknown", "person", "role", R"("root")", invalid, "role");
    row("status unknown", "person", "status", R"("deleted")", invalid, "status");
    row("email invalid", "person", "email", R"("not-an-email")", invalid, "email");
    row("nested email invalid", "session", "user.email", R"("a@@b.com")", invalid, "user.email");
    row("page item email invalid", "page", "items.1.email", R"("x")", invalid, "items.1.email");
    row("display name empty", "person", "displayName", R"("")", invalid, "displayName");
    row("display name control", "person", "displayName", R"("a\u0000b")", invalid, "displayName");
    row("display name untrimmed", "person", "displayName", R"(" Hana")", invalid, "displayName");
    row("tenant name bidi", "tenant", "name", R"("Acme\u202e")", invalid, "name");
    row("createdAt local offset", "tenant", "createdAt", R"("2024-04-01T09:00:00+09:00")", invalid,
        "createdAt");
    row("createdAt invalid date", "person", "createdAt", R"("2023-02-29T00:00:00Z")", invalid,
        "createdAt");
    row("createdAt as epoch number", "person", "createdAt", "1714521600", invalid, "createdAt");
    row("lastSignInAt garbage", "person", "lastSignInAt", R"("yesterday")", invalid,
        "lastSignInAt");
    row("cursor empty", "page", "prevCursor", R"("")", invalid, "prevCursor");
    row("cursor with space", "page", "nextCursor", R"("a b")", invalid, "nextCursor");

    // Credentials: strict like every body, and secrets bounded.
    row("login unknown", "login", "remember", "true", unknown, "remember");
    row("login tenant missing", "login", "tenant", "", missing, "tenant");
    row("login email missing", "login", "email", "", missing, "email");
    row("login password missing", "login", "password", "", missing, "password");
    row("login slug invalid", "login", "tenant", R"("Acme Japan")", invalid, "tenant");
    row("login email invalid", "login", "email", R"("hana")", invalid, "email");
    row("login password empty", "login", "password", R"("")", invalid, "password");
    row("login password too long", "login", "password", '"' + QByteArray(129, 'p') + '"', invalid,
        "password");
    row("login password number", "login", "password", "12345678", invalid, "password");
    row("refresh unknown", "refresh", "accessToken", R"("abc")", unknown, "accessToken");
    row("refresh token missing", "refresh", "refreshToken", "", missing, "refreshToken");
    row("refresh token with space", "refresh", "refreshToken", R"("a b")", invalid, "refreshToken");
    row("new person unknown", "newperson", "password", R"("hunter2hunter2")", unknown, "password");
    row("new person status unknown", "newperson", "status", R"("active")", unknown, "status");
    row("new person email missing", "newperson", "email", "", missing, "email");
    row("new person name missing", "newperson", "displayName", "", missing, "displayName");
    row("new person role missing", "newperson", "role", "", missing, "role");
    row("new person email invalid", "newperson", "email", R"("ken")", invalid, "email");
    row("new person name untrimmed", "newperson", "displayName", R"(" Ken")", invalid,
        "displayName");
    row("new person role unknown", "newperson", "role", R"("root")", invalid, "role");
    row("new person role upper case", "newperson", "role", R"("Admin")", invalid, "role");
    row("patch unknown", "patch", "id", R"("018f3c2a-7b1d-7c3e-9f00-123456789abc")", unknown, "id");
    row("patch password unknown", "patch", "password", R"("hunter2hunter2")", unknown, "password");
    row("patch email invalid", "patch", "email", R"("ken@")", invalid, "email");
    row("patch email number", "patch", "email", "42", invalid, "email");
    row("patch name empty", "patch", "displayName", R"("")", invalid, "displayName");
    row("patch role unknown", "patch", "role", R"("superuser")", invalid, "role");
    row("patch status unknown", "patch", "status", R"("deleted")", invalid, "status");
    row("patch status bool", "patch", "status", "false", invalid, "status");
    row("created unknown", "created", "revision", "3", unknown, "revision");
    row("created user missing", "created", "user", "", missing, "user");
    row("created user invalid", "created", "user.role", R"("root")", invalid, "user.role");
    row("created password short", "created", "initialPassword", R"("short")", invalid,
        "initialPassword");
    row("password change unknown", "password", "personId", R"("x")", unknown, "personId");
    row("password change current missing", "password", "currentPassword", "", missing,
        "currentPassword");
    row("password change new missing", "password", "newPassword", "", missing, "newPassword");
    row("password change new too short", "password", "newPassword", R"("short")", invalid,
        "newPassword");
    row("password change new control", "password", "newPassword", R"("long enough\u0007")", invalid,
        "newPassword");
}

void TestJsonCodecs::rejects()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QByteArray, fragment);
    QFETCH(ProblemCode, code);
    QFETCH(QString, field);

    // The unmodified sample decodes: the failure below is caused by the mutation.
    QVERIFY(!decodeKind(kind, sampleJson(kind)).has_value());

    const QJsonObject json =
        mutate(sampleJson(kind), path.split(QLatin1Char('.')), fragment).toObject();
    const std::optional<Error> error = decodeKind(kind, json);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, code);
    QCOMPARE(error->field, field);
    QVERIFY(!error->detail.isEmpty());
}

void TestJsonCodecs::unknownFieldNameIsNotReflected()
{
    QJsonObject json = toJson(samplePerson());
    json.insert(QString(10 * 1024 * 1024, QLatin1Char('k')), 1);
    std::optional<Error> error = decodeKind(QStringLiteral("person"), json);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ProblemCode::UnknownField);
    QCOMPARE(error->field, QStringLiteral("(unprintable)"));

    json = toJson(samplePerson());
    json.insert(QStringLiteral("<img src=x onerror=alert(1)>"), 1);
    error = decodeKind(QStringLiteral("person"), json);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, ProblemCode::UnknownField);
    QVERIFY(!error->field.contains(QLatin1Char('<')));
    QVERIFY(!error->detail.contains(QLatin1Char('<')));
}

void TestJsonCodecs::pageSizeLimit()
{
    CursorPage<Person> page;
    page.items.fill(samplePerson(), kMaxPageItems + 1);
    const Result<CursorPage<Person>> decoded =
        cursorPageFromJson<Person>(toJson(page), personFromJson);
    QVERIFY(!decoded.isOk());
    QCOMPARE(decoded.error().code, ProblemCode::InvalidField);
    QCOMPARE(decoded.error().field, QStringLiteral("items"));
}

QTEST_GUILESS_MAIN(TestJsonCodecs)
#include "tst_jsoncodecs.moc"
