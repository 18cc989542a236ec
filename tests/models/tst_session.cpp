// Session against the real engage-server over TLS on loopback and the real
// Secret Service (ctest runs in a D-Bus session with an unlocked gnome-keyring):
// sign-in, tokens kept apart, renewal (asked, on a 401, on time), rotation,
// resume, refusal, sign-out and the forced password change.

#include "api/personrequests.h"
#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/session.h"
#include "serviceclient.h"

#include <QProcess>
#include <QUuid>
#include <algorithm>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

// Set in the child process of notRememberedWithoutKeychain.
constexpr char kWithoutKeychain[] = "ENGAGE_TEST_WITHOUT_KEYCHAIN";

bool isWithoutKeychain()
{
    return qEnvironmentVariableIsSet(kWithoutKeychain);
}

Outcome getMe(ApiClient &client)
{
    return get(client, QStringLiteral("/api/v1/me"));
}

struct Entry
{
    bool answered = false;
    std::optional<QString> secret;
    std::optional<ApiError> error;
};

Entry readEntry(CredentialStore &store, const QString &key)
{
    auto entry = std::make_shared<Entry>();
    store.read(key, [entry](std::optional<QString> secret, std::optional<ApiError> error) {
        entry->answered = true;
        entry->secret = std::move(secret);
        entry->error = std::move(error);
    });
    if (!QTest::qWaitFor([entry] { return entry->answered; }, kWaitMs))
        qWarning() << "the keychain did not answer";
    return *entry;
}

// The stored refresh token, empty when there is none.
QString storedToken(CredentialStore &store, const QString &key)
{
    return readEntry(store, key).secret.value_or(QString());
}

// Hands out a token the service no longer accepts until the client asks for a
// renewal, then defers to the session: a real 401 on demand.
class StaleTokenFirst final : public Authenticator
{
public:
    StaleTokenFirst(QString staleToken, Authenticator *next)
        : m_staleToken(std::move(staleToken))
        , m_next(next)
    {}

    QString accessToken() const override
    {
        return m_refreshes == 0 || !m_next ? m_staleToken : m_next->accessToken();
    }
    void refreshAccessToken(std::function<void(bool)> done) override
    {
        ++m_refreshes;
        if (m_next)
            m_next->refreshAccessToken(std::move(done));
        else
            done(false);
    }
    int refreshes() const { return m_refreshes; }

private:
    QString m_staleToken;
    Authenticator *m_next;
    int m_refreshes = 0;
};

} // namespace

class TestSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void signInKeepsTokensApart();
    void wrongPasswordFails();
    void refreshRotates();
    void concurrentRefreshesShareOne();
    void renewsOnUnauthorized();
    void renewsBeforeExpiry();
    void resumesFromKeychain();
    void resumeWithoutEntryFails();
    void refusedRefreshEndsSession();
    void signOutForgetsEverything();
    void forcedPasswordChange();
    void wrongCurrentPasswordFails();
    void notRememberedWithoutKeychain();

private:
    QString profile() const { return QString::fromLatin1(QTest::currentTestFunction()); }
    QString entryKey(const Account &account) const
    {
        return CredentialStore::entryKey(profile(), account.tenant, account.email);
    }
    std::unique_ptr<Client> newClient()
    {
        return std::make_unique<Client>(m_server, *m_store, profile());
    }
    // A new person of the owner's tenant with a generated first password.
    Account createPerson(api::Role role);

    ServerProcess m_server;
    Account m_owner;
    std::unique_ptr<CredentialStore> m_store;
};

void TestSession::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());
    // A service name of this run alone: no entry of a real user, or of an
    // earlier run, is read or overwritten.
    m_store = std::make_unique<CredentialStore>(QStringLiteral("EngageTest-") +
                                                QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (isWithoutKeychain())
        return;
    // A locked or missing Secret Service would fail every test below, slowly.
    auto written = std::make_shared<std::optional<std::optional<ApiError>>>();
    m_store->write(QStringLiteral("probe"), QStringLiteral("probe"),
                   [written](std::optional<ApiError> error) { *written = std::move(error); });
    QVERIFY(QTest::qWaitFor([written] { return written->has_value(); }, kWaitMs));
    QVERIFY2(!written->value(), "no usable Secret Service: run in a D-Bus session with an "
                                "unlocked gnome-keyring of its own (XDG_DATA_HOME)");
}

void TestSession::cleanup()
{
    m_server.reportIfFailed();
}

Account TestSession::createPerson(api::Role role)
{
    const auto owner = std::make_unique<Client>(m_server, *m_store, QStringLiteral("owner"));
    if (!signIn(owner->session, m_owner))
        return {};
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(12);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    request.body =
        api::toJson(api::NewPersonRequest{QStringLiteral("person-%1@northwind.example").arg(unique),
                                          QStringLiteral("Person %1").arg(unique), role});
    request.idempotencyKey = unique.toLatin1() + "-create";
    const Outcome created = call(owner->api, request);
    if (!created.ok)
        return {};
    const auto answer = api::createdPersonFromJson(created.json);
    if (!answer || !answer.value().initialPassword)
        return {};
    owner->session.signOut();
    return {m_owner.tenant, answer.value().user.email, *answer.value().initialPassword};
}

void TestSession::signInKeepsTokensApart()
{
    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy states(&session, &Session::stateChanged);
    QVERIFY(signIn(session, m_owner));

    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<Session::State>(), Session::State::SigningIn);
    QCOMPARE(states.at(1).at(0).value<Session::State>(), Session::State::SignedIn);
    QCOMPARE(session.tenant(), m_owner.tenant);
    QVERIFY(session.person());
    QCOMPARE(session.person()->email, m_owner.email);
    QCOMPARE(session.person()->role, api::Role::Owner);
    QVERIFY(!session.accessToken().isEmpty());

    // The refresh token, and only it, reaches the keychain.
    QTRY_VERIFY_WITH_TIMEOUT(session.isRemembered(), kWaitMs);
    const QString stored = storedToken(*m_store, entryKey(m_owner));
    QVERIFY(!stored.isEmpty());
    QVERIFY(stored != session.accessToken());

    const Outcome me = getMe(client->api);
    QVERIFY2(me.ok, qPrintable(me.error.detail));
    QCOMPARE(me.json.value(QLatin1String("email")).toString(), m_owner.email);
}

void TestSession::wrongPasswordFails()
{
    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy failed(&session, &Session::failed);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(m_owner.tenant, m_owner.email, m_owner.password + QStringLiteral("-wrong"));
    QVERIFY(waitFor(failed));

    const auto error = failed.constFirst().constFirst().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Problem);
    QCOMPARE(error.code, api::ProblemCode::Unauthenticated);
    QVERIFY(error.isUnauthenticated());
    QCOMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(signedIn.isEmpty());
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(!session.person());
    const Entry entry = readEntry(*m_store, entryKey(m_owner));
    QVERIFY(entry.answered);
    QVERIFY(!entry.secret || entry.secret->isEmpty());
}

void TestSession::refreshRotates()
{
    const auto client = newClient();
    Session &session = client->session;
    QVERIFY(signIn(session, m_owner));
    QTRY_VERIFY_WITH_TIMEOUT(!storedToken(*m_store, entryKey(m_owner)).isEmpty(), kWaitMs);

    // Twice: each refresh token is single use, so the second refresh works
    // only if the first one's new token was kept.
    for (int round = 0; round < 2; ++round) {
        const QString accessBefore = session.accessToken();
        const QString storedBefore = storedToken(*m_store, entryKey(m_owner));
        std::optional<bool> renewed;
        session.refreshAccessToken([&renewed](bool ok) { renewed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value(), kWaitMs);
        QVERIFY(*renewed);
        QCOMPARE(session.state(), Session::State::SignedIn);
        QVERIFY(session.accessToken() != accessBefore);
        QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)) != storedBefore, kWaitMs);
        QVERIFY(!storedToken(*m_store, entryKey(m_owner)).isEmpty());
        const Outcome me = getMe(client->api);
        QVERIFY2(me.ok, qPrintable(me.error.detail));
    }
}

void TestSession::concurrentRefreshesShareOne()
{
    const auto client = newClient();
    Session &session = client->session;
    QVERIFY(signIn(session, m_owner));

    // Two refreshes with the same single-use token would revoke the session.
    int renewed = 0;
    int refused = 0;
    for (int i = 0; i < 3; ++i)
        session.refreshAccessToken([&](bool ok) { ++(ok ? renewed : refused); });
    QTRY_COMPARE_WITH_TIMEOUT(renewed + refused, 3, kWaitMs);
    QCOMPARE(renewed, 3);
    QCOMPARE(session.state(), Session::State::SignedIn);
    const Outcome me = getMe(client->api);
    QVERIFY2(me.ok, qPrintable(me.error.detail));

    std::optional<bool> again;
    session.refreshAccessToken([&again](bool ok) { again = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), kWaitMs);
    QVERIFY(*again);
}

void TestSession::renewsOnUnauthorized()
{
    const auto client = newClient();
    Session &session = client->session;
    QVERIFY(signIn(session, m_owner));
    // A rotation ends the access tokens issued before it: `stale` is refused.
    const QString stale = session.accessToken();
    std::optional<bool> renewed;
    session.refreshAccessToken([&renewed](bool ok) { renewed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value() && *renewed, kWaitMs);
    const QString storedBefore = storedToken(*m_store, entryKey(m_owner));

    StaleTokenFirst authenticator(stale, &session);
    client->api.setAuthenticator(&authenticator);
    std::vector<std::shared_ptr<Outcome>> outcomes;
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/me");
    for (int i = 0; i < 3; ++i)
        outcomes.push_back(send(client->api, request));
    QVERIFY(QTest::qWaitFor(
        [&outcomes] {
            return std::all_of(outcomes.cbegin(), outcomes.cend(),
                               [](const auto &outcome) { return outcome->answered; });
        },
        kWaitMs));
    client->api.setAuthenticator(&session);

    for (const auto &outcome : outcomes) {
        QVERIFY(outcome->answered);
        QVERIFY2(outcome->ok, qPrintable(outcome->error.detail));
    }
    QCOMPARE(authenticator.refreshes(), 1);
    QCOMPARE(session.state(), Session::State::SignedIn);
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)) != storedBefore, kWaitMs);
}

void TestSession::renewsBeforeExpiry()
{
    const auto client = newClient();
    Session &session = client->session;
    // A margin longer than the token lives: the renewal comes at the earliest.
    session.setRenewalMargin(std::chrono::hours(24));
    QVERIFY(signIn(session, m_owner));
    const QString first = session.accessToken();
    QTRY_VERIFY_WITH_TIMEOUT(!storedToken(*m_store, entryKey(m_owner)).isEmpty(), kWaitMs);
    const QString storedFirst = storedToken(*m_store, entryKey(m_owner));

    QTRY_VERIFY_WITH_TIMEOUT(session.accessToken() != first, 20000);
    QVERIFY(!session.accessToken().isEmpty());
    QCOMPARE(session.state(), Session::State::SignedIn);
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)) != storedFirst, kWaitMs);
    const Outcome me = getMe(client->api);
    QVERIFY2(me.ok, qPrintable(me.error.detail));
}

void TestSession::resumesFromKeychain()
{
    {
        const auto first = newClient();
        QVERIFY(signIn(first->session, m_owner));
        QTRY_VERIFY_WITH_TIMEOUT(first->session.isRemembered(), kWaitMs);
    }
    const QString storedBefore = storedToken(*m_store, entryKey(m_owner));
    QVERIFY(!storedBefore.isEmpty());

    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy signedIn(&session, &Session::signedIn);
    QSignalSpy failed(&session, &Session::failed);
    session.resume(m_owner.tenant, m_owner.email);
    QCOMPARE(session.state(), Session::State::SigningIn);
    QVERIFY(QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, kWaitMs));
    QVERIFY(failed.isEmpty());
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(session.state(), Session::State::SignedIn);
    QVERIFY(session.person());
    QCOMPARE(session.person()->email, m_owner.email);
    QVERIFY(session.isRemembered());
    // The resume spent the stored token and stored its successor.
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)) != storedBefore, kWaitMs);
    const Outcome me = getMe(client->api);
    QVERIFY2(me.ok, qPrintable(me.error.detail));
}

void TestSession::resumeWithoutEntryFails()
{
    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy failed(&session, &Session::failed);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.resume(m_owner.tenant, m_owner.email);
    QVERIFY(waitFor(failed));
    const auto error = failed.constFirst().constFirst().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Problem);
    QCOMPARE(error.code, api::ProblemCode::Unauthenticated);
    QVERIFY(signedIn.isEmpty());
    QCOMPARE(session.state(), Session::State::SignedOut);
}

void TestSession::refusedRefreshEndsSession()
{
    const auto first = newClient();
    Session &session = first->session;
    QVERIFY(signIn(session, m_owner));
    QTRY_VERIFY_WITH_TIMEOUT(session.isRemembered(), kWaitMs);
    const QString spent = storedToken(*m_store, entryKey(m_owner));

    // A second client resumes from the same entry and so rotates the token
    // the first one holds: the first one's next refresh is a reuse.
    const auto second = newClient();
    QSignalSpy resumed(&second->session, &Session::signedIn);
    second->session.resume(m_owner.tenant, m_owner.email);
    QVERIFY(waitFor(resumed));
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)) != spent, kWaitMs);

    QSignalSpy signedOut(&session, &Session::signedOut);
    std::optional<bool> renewed;
    session.refreshAccessToken([&renewed](bool ok) { renewed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value(), kWaitMs);
    QVERIFY(!*renewed);
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(signedOut.constFirst().constFirst().toBool(), true);
    QCOMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(!session.person());
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)).isEmpty(), kWaitMs);
}

void TestSession::signOutForgetsEverything()
{
    const auto client = newClient();
    Session &session = client->session;
    QVERIFY(signIn(session, m_owner));
    QTRY_VERIFY_WITH_TIMEOUT(session.isRemembered(), kWaitMs);
    const QString token = session.accessToken();

    QSignalSpy signedOut(&session, &Session::signedOut);
    session.signOut();
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(signedOut.constFirst().constFirst().toBool(), false);
    QCOMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(!session.person());
    QTRY_VERIFY_WITH_TIMEOUT(session.accessToken().isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(m_owner)).isEmpty(), kWaitMs);

    // The service ended the session too: the old token is refused.
    ApiClient other;
    other.setBaseUrl(m_server.url());
    other.setPinnedFingerprint(m_server.fingerprint());
    StaleTokenFirst old(token, nullptr);
    other.setAuthenticator(&old);
    const Outcome me = getMe(other);
    QVERIFY(me.answered);
    QVERIFY(!me.ok);
    QCOMPARE(me.error.code, api::ProblemCode::Unauthenticated);
}

void TestSession::forcedPasswordChange()
{
    const Account person = createPerson(api::Role::Admin);
    QVERIFY(!person.password.isEmpty());

    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy required(&session, &Session::passwordChangeRequired);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(person.tenant, person.email, person.password);
    QVERIFY(waitFor(required));
    QCOMPARE(session.state(), Session::State::PasswordChangeRequired);
    QVERIFY(signedIn.isEmpty());
    QVERIFY(session.person()->mustChangePassword);

    // Nothing but /me and /me/password until the password is changed.
    ApiRequest list;
    list.path = QStringLiteral("/api/v1/users");
    const Outcome refused = call(client->api, list);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.error.code, api::ProblemCode::PasswordChangeRequired);

    QTRY_VERIFY_WITH_TIMEOUT(!storedToken(*m_store, entryKey(person)).isEmpty(), kWaitMs);
    const QString storedBefore = storedToken(*m_store, entryKey(person));
    QSignalSpy changed(&session, &Session::passwordChanged);
    const QString newPassword = QStringLiteral("a new password of my own 42");
    session.changePassword(person.password, newPassword);
    QVERIFY(waitFor(changed));
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(session.state(), Session::State::SignedIn);
    QVERIFY(!session.person()->mustChangePassword);
    const Outcome listed = call(client->api, list);
    QVERIFY2(listed.ok, qPrintable(listed.error.detail));

    // The change issued new tokens (every older one revoked): the new refresh
    // token is the one kept, so a later start resumes.
    QTRY_VERIFY_WITH_TIMEOUT(storedToken(*m_store, entryKey(person)) != storedBefore, kWaitMs);
    const auto later = newClient();
    QSignalSpy resumed(&later->session, &Session::signedIn);
    later->session.resume(person.tenant, person.email);
    QVERIFY(waitFor(resumed));
    QCOMPARE(later->session.state(), Session::State::SignedIn);

    const auto again = newClient();
    QVERIFY(signIn(again->session, {person.tenant, person.email, newPassword}));
}

void TestSession::wrongCurrentPasswordFails()
{
    const Account person = createPerson(api::Role::Viewer);
    QVERIFY(!person.password.isEmpty());
    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy required(&session, &Session::passwordChangeRequired);
    session.signIn(person.tenant, person.email, person.password);
    QVERIFY(waitFor(required));

    QSignalSpy failed(&session, &Session::failed);
    QSignalSpy changed(&session, &Session::passwordChanged);
    session.changePassword(person.password + QStringLiteral("x"),
                           QStringLiteral("a new password of my own 42"));
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().constFirst().value<ApiError>().code,
             api::ProblemCode::InvalidField);
    QVERIFY(changed.isEmpty());
    QCOMPARE(session.state(), Session::State::PasswordChangeRequired);
}

// Without a Secret Service (no D-Bus session bus) the session works in
// memory and says it is not remembered. Runs in a child process of this test,
// which is the only way to take the bus away from QtKeychain.
void TestSession::notRememberedWithoutKeychain()
{
    if (!isWithoutKeychain()) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kWithoutKeychain), QStringLiteral("1"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/engage-test-bus"));
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(QTest::currentTestFunction())});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestSession::notRememberedWithoutKeychain"),
                 output.constData());
        return;
    }

    const auto client = newClient();
    Session &session = client->session;
    QSignalSpy notRemembered(&session, &Session::notRemembered);
    QVERIFY(signIn(session, m_owner));
    QVERIFY(waitFor(notRemembered));
    QCOMPARE(notRemembered.size(), 1);
    QCOMPARE(notRemembered.constFirst().constFirst().value<ApiError>().kind,
             ApiError::Kind::Keychain);
    QVERIFY(!session.isRemembered());
    QCOMPARE(session.state(), Session::State::SignedIn);

    // The session lives on in memory, renewals included, and tells only once.
    std::optional<bool> renewed;
    session.refreshAccessToken([&renewed](bool ok) { renewed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value(), kWaitMs);
    QVERIFY(*renewed);
    const Outcome me = getMe(client->api);
    QVERIFY2(me.ok, qPrintable(me.error.detail));
    QTest::qWait(500);
    QCOMPARE(notRemembered.size(), 1);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
