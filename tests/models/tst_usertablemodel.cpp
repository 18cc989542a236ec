// UserTableModel against the real engage-server over TLS on loopback, signed
// in as the owner of the demo tenant "northwind": load, invite, edits with
// If-Match (both the first edit of a row, which reads its ETag, and later
// ones), stale edits made through a second session, refusals, and the
// language switch. QAbstractItemModelTester watches the model throughout.

#include "api/personrequests.h"
#include "models/usertablemodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTranslator>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kDash = QString(QChar(0x2014));

// Marks every string of the model: a language whose words are recognisable.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "engage::models::UserTableModel") != 0)
            return {};
        return u'[' + QString::fromUtf8(sourceText) + u']';
    }
};

QString personPath(const QString &id)
{
    return QStringLiteral("/api/v1/users/") + id;
}

} // namespace

class TestUserTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void reloadListsPeople();
    void reloadFollowsEveryPage();
    void invite();
    void setRole_data();
    void setRole();
    void staleEdit_data();
    void staleEdit();
    void deactivateAndReactivate();
    void remove();
    void refusalLeavesModelUnchanged();
    void headersFollowLanguage();

private:
    bool reload();
    // A new person made through the second session, then the model reloaded.
    std::optional<api::Person> createAndReload(api::Role role);
    // Waits for the edit of `personId` to reach the model.
    bool waitForRowChange(const QString &personId, const std::function<bool()> &done);
    Outcome serverPerson(const QString &id) { return get(m_desks.other->api, personPath(id)); }

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the model's
    std::unique_ptr<UserTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUserTableModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, QStringLiteral("northwind"),
                           QStringLiteral("Engage tst_usertablemodel")));
}

void TestUserTableModel::init()
{
    m_model = std::make_unique<UserTableModel>(m_desks.client->api);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestUserTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_server.reportIfFailed();
}

void TestUserTableModel::cleanupTestCase()
{
    m_desks.signOut();
}

bool TestUserTableModel::reload()
{
    QSignalSpy failed(m_model.get(), &UserTableModel::failed);
    QSignalSpy loading(m_model.get(), &UserTableModel::loadingChanged);
    m_model->reload();
    if (!m_model->isLoading() || loading.size() != 1)
        return false;
    if (!QTest::qWaitFor([this] { return !m_model->isLoading(); }, kWaitMs))
        return false;
    return failed.isEmpty() && loading.size() == 2;
}

std::optional<api::Person> TestUserTableModel::createAndReload(api::Role role)
{
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(12);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    request.body =
        api::toJson(api::NewPersonRequest{QStringLiteral("member-%1@northwind.example").arg(unique),
                                          QStringLiteral("Member %1").arg(unique), role});
    request.idempotencyKey = unique.toLatin1() + "-create";
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok) {
        qWarning() << "cannot create a person:" << created.error.detail;
        return std::nullopt;
    }
    auto answer = api::createdPersonFromJson(created.json);
    if (!answer || !reload())
        return std::nullopt;
    return answer.value().user;
}

bool TestUserTableModel::waitForRowChange(const QString &personId,
                                          const std::function<bool()> &done)
{
    QSignalSpy failed(m_model.get(), &UserTableModel::failed);
    QSignalSpy stale(m_model.get(), &UserTableModel::staleEdit);
    if (!QTest::qWaitFor([&] { return done() || !failed.isEmpty() || !stale.isEmpty(); }, kWaitMs))
        qWarning() << "the edit of" << personId << "did not end";
    if (!failed.isEmpty())
        qWarning() << "edit failed:" << failed.constFirst().constFirst().value<ApiError>().detail;
    if (!stale.isEmpty())
        qWarning() << "edit was stale for" << personId;
    return done();
}

void TestUserTableModel::reloadFollowsEveryPage()
{
    QVERIFY(reload());
    QStringList whole;
    for (int row = 0; row < m_model->rowCount(); ++row)
        whole << m_model->personAt(row).id;
    QVERIFY(whole.size() > 4);

    // Three per request: the list arrives in several pages and is the same.
    m_model->setPageSize(3);
    QVERIFY(reload());
    m_model->setPageSize(200);
    QStringList paged;
    for (int row = 0; row < m_model->rowCount(); ++row)
        paged << m_model->personAt(row).id;
    QCOMPARE(paged, whole);
}

void TestUserTableModel::reloadListsPeople()
{
    QVERIFY(reload());

    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/users?limit=200"));
    QVERIFY2(listed.ok, qPrintable(listed.error.detail));
    const QJsonArray items = listed.json.value(QLatin1String("items")).toArray();
    QCOMPARE(m_model->rowCount(), int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const auto person = api::personFromJson(items.at(row).toObject());
        QVERIFY(person);
        QCOMPARE(m_model->personAt(row), person.value());
        QCOMPARE(m_model->rowOf(person.value().id), row);
    }
    QCOMPARE(m_model->rowOf(QStringLiteral("00000000-0000-0000-0000-000000000000")), -1);

    const int row = m_model->rowOf(m_desks.client->session.person()->id);
    QVERIFY(row >= 0);
    const auto cell = [this, row](int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role);
    };
    const api::Person &owner = m_model->personAt(row);
    QCOMPARE(cell(UserTableModel::NameColumn).toString(), owner.displayName);
    QCOMPARE(cell(UserTableModel::EmailColumn).toString(), m_desks.owner.email);
    QCOMPARE(cell(UserTableModel::RoleColumn).toString(), QStringLiteral("Owner"));
    QCOMPARE(cell(UserTableModel::StatusColumn).toString(), QStringLiteral("Active"));
    QVERIFY(owner.lastSignInAt); // signed in for this test
    QCOMPARE(cell(UserTableModel::LastSignInColumn).toString(),
             QLocale().toString(owner.lastSignInAt->toLocalTime(), QLocale::ShortFormat));
    for (int column = 0; column < UserTableModel::ColumnCount; ++column) {
        QCOMPARE(cell(column, UserTableModel::PersonIdRole).toString(), owner.id);
        QCOMPARE(cell(column, UserTableModel::RoleRole).toInt(), int(api::Role::Owner));
        QCOMPARE(cell(column, UserTableModel::StatusRole).toInt(), int(api::PersonStatus::Active));
        // The list carries no ETags: one is read before the row's first edit.
        QVERIFY(cell(column, UserTableModel::EtagRole).toByteArray().isEmpty());
    }
    QCOMPARE(m_model->columnCount(), int(UserTableModel::ColumnCount));
    const QStringList headers = {QStringLiteral("Name"), QStringLiteral("E-mail"),
                                 QStringLiteral("Role"), QStringLiteral("Status"),
                                 QStringLiteral("Last sign-in")};
    for (int column = 0; column < UserTableModel::ColumnCount; ++column)
        QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), headers.at(column));
}

void TestUserTableModel::invite()
{
    QVERIFY(reload());
    const int before = m_model->rowCount();
    QSignalSpy invited(m_model.get(), &UserTableModel::invited);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy failed(m_model.get(), &UserTableModel::failed);
    const QString email = QStringLiteral("invited-%1@northwind.example")
                              .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_model->invite(QStringLiteral("Hana Mori"), email, api::Role::Manager);
    QVERIFY(waitFor(invited));
    QVERIFY(failed.isEmpty());

    const auto person = invited.constFirst().at(0).value<api::Person>();
    const QString password = invited.constFirst().at(1).toString();
    QVERIFY(!password.isEmpty());
    QCOMPARE(person.email, email);
    QCOMPARE(person.role, api::Role::Manager);
    QVERIFY(person.mustChangePassword);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), before + 1);
    const int row = m_model->rowOf(person.id);
    QCOMPARE(row, before);
    QCOMPARE(m_model->personAt(row), person);
    const auto cell = [this, row](int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role);
    };
    QCOMPARE(cell(UserTableModel::NameColumn).toString(), QStringLiteral("Hana Mori"));
    QCOMPARE(cell(UserTableModel::RoleColumn).toString(), QStringLiteral("Manager"));
    QCOMPARE(cell(UserTableModel::LastSignInColumn).toString(), kDash);
    // The create answered with the person's ETag: the first edit needs no read.
    const Outcome stored = serverPerson(person.id);
    QVERIFY2(stored.ok, qPrintable(stored.error.detail));
    QCOMPARE(cell(0, UserTableModel::EtagRole).toByteArray(), stored.etag);

    // The first password is real: it signs the person in, to choose their own.
    Client invitee(m_server, *m_desks.store, QStringLiteral("invitee"));
    QSignalSpy required(&invitee.session, &Session::passwordChangeRequired);
    invitee.session.signIn(m_desks.owner.tenant, email, password);
    QVERIFY(waitFor(required));
    invitee.session.signOut();
}

void TestUserTableModel::setRole_data()
{
    QTest::addColumn<bool>("editedBefore");
    QTest::newRow("first edit (ETag read first)") << false;
    QTest::newRow("later edit (ETag of the last one)") << true;
}

void TestUserTableModel::setRole()
{
    QFETCH(bool, editedBefore);
    const auto person = createAndReload(api::Role::Viewer);
    QVERIFY(person);
    const QString id = person->id;
    if (editedBefore) {
        m_model->setRole(m_model->rowOf(id), api::Role::Manager);
        QVERIFY(waitForRowChange(
            id, [&] { return m_model->personAt(m_model->rowOf(id)).role == api::Role::Manager; }));
    }
    const QByteArray etagBefore =
        m_model->data(m_model->index(m_model->rowOf(id), 0), UserTableModel::EtagRole)
            .toByteArray();

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setRole(m_model->rowOf(id), api::Role::Admin);
    QVERIFY(waitForRowChange(
        id, [&] { return m_model->personAt(m_model->rowOf(id)).role == api::Role::Admin; }));
    QVERIFY(!changed.isEmpty());

    const int row = m_model->rowOf(id);
    QCOMPARE(m_model->data(m_model->index(row, UserTableModel::RoleColumn)).toString(),
             QStringLiteral("Administrator"));
    QCOMPARE(m_model->data(m_model->index(row, 0), UserTableModel::RoleRole).toInt(),
             int(api::Role::Admin));
    const QByteArray etag =
        m_model->data(m_model->index(row, 0), UserTableModel::EtagRole).toByteArray();
    QVERIFY(!etag.isEmpty());
    QVERIFY(etag != etagBefore);
    const Outcome stored = serverPerson(id);
    QVERIFY2(stored.ok, qPrintable(stored.error.detail));
    QCOMPARE(stored.json.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(stored.etag, etag);
}

void TestUserTableModel::staleEdit_data()
{
    setRole_data();
}

void TestUserTableModel::staleEdit()
{
    QFETCH(bool, editedBefore);
    const auto person = createAndReload(api::Role::Viewer);
    QVERIFY(person);
    const QString id = person->id;
    api::Role expectedRole = api::Role::Viewer;
    if (editedBefore) {
        m_model->setRole(m_model->rowOf(id), api::Role::Manager);
        QVERIFY(waitForRowChange(
            id, [&] { return m_model->personAt(m_model->rowOf(id)).role == api::Role::Manager; }));
        expectedRole = api::Role::Manager;
    }

    // Someone else renames the person meanwhile.
    const Outcome current = serverPerson(id);
    QVERIFY2(current.ok, qPrintable(current.error.detail));
    api::PersonPatch rename;
    rename.displayName = QStringLiteral("Renamed Elsewhere");
    ApiRequest request;
    request.method = "PATCH";
    request.path = personPath(id);
    request.body = api::toJson(rename);
    request.ifMatch = current.etag;
    const Outcome renamed = call(m_desks.other->api, request);
    QVERIFY2(renamed.ok, qPrintable(renamed.error.detail));

    const int row = m_model->rowOf(id);
    const api::Person seen = m_model->personAt(row);
    const QByteArray seenEtag =
        m_model->data(m_model->index(row, 0), UserTableModel::EtagRole).toByteArray();
    QSignalSpy stale(m_model.get(), &UserTableModel::staleEdit);
    QSignalSpy failed(m_model.get(), &UserTableModel::failed);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setRole(row, api::Role::Admin);
    QVERIFY(waitFor(stale));
    QCOMPARE(stale.constFirst().constFirst().toString(), id);
    QVERIFY(failed.isEmpty());
    QVERIFY(changed.isEmpty());
    QCOMPARE(m_model->personAt(row), seen);
    QCOMPARE(m_model->data(m_model->index(row, 0), UserTableModel::EtagRole).toByteArray(),
             seenEtag);
    const Outcome stored = serverPerson(id);
    QCOMPARE(stored.json.value(QLatin1String("role")).toString(), api::roleName(expectedRole));

    // After the reload the user offered, the edit goes through.
    QVERIFY(reload());
    QCOMPARE(m_model->personAt(m_model->rowOf(id)).displayName,
             QStringLiteral("Renamed Elsewhere"));
    m_model->setRole(m_model->rowOf(id), api::Role::Admin);
    QVERIFY(waitForRowChange(
        id, [&] { return m_model->personAt(m_model->rowOf(id)).role == api::Role::Admin; }));
}

void TestUserTableModel::deactivateAndReactivate()
{
    const auto person = createAndReload(api::Role::Viewer);
    QVERIFY(person);
    const QString id = person->id;
    const auto statusOf = [this, &id] {
        return m_model->personAt(m_model->rowOf(id)).status;
    };

    m_model->setStatus(m_model->rowOf(id), api::PersonStatus::Disabled);
    QVERIFY(waitForRowChange(id, [&] { return statusOf() == api::PersonStatus::Disabled; }));
    const QModelIndex status = m_model->index(m_model->rowOf(id), UserTableModel::StatusColumn);
    QCOMPARE(m_model->data(status).toString(), QStringLiteral("Deactivated"));
    QCOMPARE(m_model->data(status, UserTableModel::StatusRole).toInt(),
             int(api::PersonStatus::Disabled));
    QCOMPARE(serverPerson(id).json.value(QLatin1String("status")).toString(),
             QStringLiteral("disabled"));

    m_model->setStatus(m_model->rowOf(id), api::PersonStatus::Active);
    QVERIFY(waitForRowChange(id, [&] { return statusOf() == api::PersonStatus::Active; }));
    QCOMPARE(
        m_model->data(m_model->index(m_model->rowOf(id), UserTableModel::StatusColumn)).toString(),
        QStringLiteral("Active"));
    QCOMPARE(serverPerson(id).json.value(QLatin1String("status")).toString(),
             QStringLiteral("active"));
}

void TestUserTableModel::remove()
{
    const auto person = createAndReload(api::Role::Viewer);
    QVERIFY(person);
    const int before = m_model->rowCount();
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->remove(m_model->rowOf(person->id));
    QVERIFY(waitForRowChange(person->id, [&] { return m_model->rowOf(person->id) < 0; }));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), before - 1);
    const Outcome gone = serverPerson(person->id);
    QVERIFY(gone.answered);
    QVERIFY(!gone.ok);
    QCOMPARE(gone.error.code, api::ProblemCode::NotFound);
}

void TestUserTableModel::refusalLeavesModelUnchanged()
{
    QVERIFY(reload());
    const QString self = m_desks.client->session.person()->id;
    const int rows = m_model->rowCount();
    QSignalSpy failed(m_model.get(), &UserTableModel::failed);
    QSignalSpy stale(m_model.get(), &UserTableModel::staleEdit);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    // The service keeps an owner from deleting themself (and the last owner).
    m_model->remove(m_model->rowOf(self));
    QVERIFY(waitFor(failed));
    const auto error = failed.constFirst().constFirst().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Problem);
    QVERIFY(error.code == api::ProblemCode::Forbidden || error.code == api::ProblemCode::Conflict);
    QVERIFY(!error.requestId.isEmpty());
    QVERIFY(stale.isEmpty());
    QVERIFY(removed.isEmpty());
    QCOMPARE(m_model->rowCount(), rows);
    QVERIFY(m_model->rowOf(self) >= 0);
}

void TestUserTableModel::headersFollowLanguage()
{
    QVERIFY(reload());
    QVERIFY(m_model->rowCount() > 0);
    const int row = m_model->rowOf(m_desks.client->session.person()->id);
    const QModelIndex role = m_model->index(row, UserTableModel::RoleColumn);
    QSignalSpy headers(m_model.get(), &QAbstractItemModel::headerDataChanged);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    // QCoreApplication announces the change to itself only: the model, with
    // no widget around it, must still hear it.
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.constFirst().at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(headers.constFirst().at(1).toInt(), 0);
    QCOMPARE(headers.constFirst().at(2).toInt(), UserTableModel::ColumnCount - 1);
    QCOMPARE(m_model->headerData(UserTableModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("[Name]"));
    QCOMPARE(m_model->headerData(UserTableModel::LastSignInColumn, Qt::Horizontal).toString(),
             QStringLiteral("[Last sign-in]"));
    // Role and status names are translated data: the views repaint them too.
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.constFirst().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.constFirst().at(1).toModelIndex();
    QVERIFY(topLeft.column() <= UserTableModel::RoleColumn && topLeft.row() == 0);
    QVERIFY(bottomRight.column() >= UserTableModel::StatusColumn &&
            bottomRight.row() == m_model->rowCount() - 1);
    QCOMPARE(m_model->data(role).toString(), QStringLiteral("[Owner]"));

    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QCOMPARE(headers.size(), 2);
    QCOMPARE(m_model->headerData(UserTableModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QCOMPARE(m_model->data(role).toString(), QStringLiteral("Owner"));
}

QTEST_GUILESS_MAIN(TestUserTableModel)
#include "tst_usertablemodel.moc"
