// The People page against the real engage-server over TLS on loopback and the
// real Secret Service (ctest runs in a D-Bus session with an unlocked
// gnome-keyring), driven through its widgets: the list, adding a person with a
// first password shown once, a role changed in place, a stale edit and its
// reload, deactivation, deletion after confirmation, and what viewers and
// admins are not offered.

#include "../models/serviceclient.h"
#include "api/personrequests.h"
#include "api/validators.h"
#include "models/usertablemodel.h"
#include "ui/dialogs/initialpassworddialog.h"
#include "ui/dialogs/invitedialog.h"
#include "ui/pages/peoplepage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

struct Created
{
    QString id;
    QString email;
    QString password;
};

QStringList comboTexts(const QComboBox &combo)
{
    QStringList texts;
    for (int i = 0; i < combo.count(); ++i)
        texts << combo.itemText(i);
    return texts;
}

QStringList roleTexts(std::initializer_list<api::Role> roles)
{
    QStringList texts;
    for (const api::Role role : roles)
        texts << UserTableModel::roleText(role);
    return texts;
}

QPushButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>()) {
        if (button->text() == text && button->isVisible())
            return button;
    }
    return nullptr;
}

} // namespace

class TestPeoplePage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listsThePeopleOfTheCompany();
    void addsAPersonWithAFirstPasswordShownOnce();
    void invitationRefusedByTheServiceStaysInTheDialog();
    void searchFiltersByNameAndEmail();
    void changesARoleInPlace();
    void staleEditOffersAReload();
    void changedAfterTheFirstEditIsStaleToo();
    void deactivatesAndReactivates();
    void deletesOnlyAfterConfirmation();
    void nobodyEditsThemselves();
    void aViewerIsOfferedNothing();
    void anAdminCannotGrantOrTouchOwners();

private:
    Created createPerson(api::Role role, const QString &name = {});
    Outcome person(const QString &id);
    // Signs the person in and replaces their first password, as they would.
    std::unique_ptr<Client> signInFirstTime(const Created &created);
    bool reloadPage();
    bool select(const QString &personId);

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<PeoplePage> m_page;
};

void TestPeoplePage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_peoplepage")));
}

void TestPeoplePage::init()
{
    m_page = std::make_unique<PeoplePage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {900, 600}));
    m_page->view()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model().isLoading() && m_page->model().rowCount() > 0,
                             kWaitMs);
}

void TestPeoplePage::cleanup()
{
    m_page.reset();
    m_server.reportIfFailed();
}

Created TestPeoplePage::createPerson(api::Role role, const QString &name)
{
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(12);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    request.body = api::toJson(api::NewPersonRequest{
        QStringLiteral("person-%1@sakura.example").arg(unique),
        name.isEmpty() ? QStringLiteral("Person %1").arg(unique) : name, role});
    request.idempotencyKey = unique.toLatin1();
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok)
        return {};
    const auto answer = api::createdPersonFromJson(created.json);
    if (!answer)
        return {};
    return {answer.value().user.id, answer.value().user.email,
            answer.value().initialPassword.value_or(QString())};
}

Outcome TestPeoplePage::person(const QString &id)
{
    return get(m_desks.other->api, QStringLiteral("/api/v1/users/") + id);
}

std::unique_ptr<Client> TestPeoplePage::signInFirstTime(const Created &created)
{
    auto client = std::make_unique<Client>(m_server, *m_desks.store, QStringLiteral("first-time"));
    QSignalSpy required(&client->session, &Session::passwordChangeRequired);
    client->session.signIn(kTenant, created.email, created.password);
    if (!waitFor(required))
        return nullptr;
    QSignalSpy changed(&client->session, &Session::passwordChanged);
    client->session.changePassword(created.password, QStringLiteral("a new password of mine"));
    if (!waitFor(changed) || client->session.state() != Session::State::SignedIn)
        return nullptr;
    return client;
}

bool TestPeoplePage::reloadPage()
{
    QSignalSpy loading(&m_page->model(), &UserTableModel::loadingChanged);
    m_page->reloadAction()->trigger();
    return QTest::qWaitFor([&] { return loading.size() >= 2 && !m_page->model().isLoading(); },
                           kWaitMs);
}

bool TestPeoplePage::select(const QString &personId)
{
    return m_page->selectPerson(personId);
}

void TestPeoplePage::listsThePeopleOfTheCompany()
{
    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/users?limit=200"));
    QVERIFY(listed.ok);
    QStringList expected;
    for (const auto &item : listed.json.value(QLatin1String("items")).toArray())
        expected << item.toObject().value(QLatin1String("email")).toString();
    QVERIFY(expected.contains(m_desks.owner.email));

    QStringList shown;
    const QAbstractItemModel *view = m_page->view()->model();
    for (int row = 0; row < view->rowCount(); ++row)
        shown << view->index(row, UserTableModel::EmailColumn).data().toString();
    expected.sort();
    shown.sort();
    QCOMPARE(shown, expected);
    QCOMPARE(m_page->windowTitle(), QStringLiteral("People"));
    QCOMPARE(view->headerData(UserTableModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Name"));
    QVERIFY(m_page->banner()->isHidden());
}

void TestPeoplePage::addsAPersonWithAFirstPasswordShownOnce()
{
    QVERIFY(m_page->addPersonAction()->isVisible());
    QCOMPARE(m_page->addPersonAction()->shortcut(), QKeySequence(QKeySequence::New));
    QTest::keySequence(m_page->view(), QKeySequence::New);
    auto *dialog = waitForModal<InviteDialog>();
    QVERIFY(dialog);

    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("displayName"));
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("email"));
    auto *role = dialog->findChild<QComboBox *>(QStringLiteral("role"));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("add"));
    QVERIFY(name && email && role && add);
    // An owner may make anyone, owners included; the weakest role comes preselected.
    QCOMPARE(comboTexts(*role), roleTexts({api::Role::Owner, api::Role::Admin, api::Role::Manager,
                                           api::Role::Viewer}));
    QCOMPARE(dialog->role(), api::Role::Viewer);
    QVERIFY(!add->isEnabled());

    // As an input method commits it (QTest types ASCII only).
    QInputMethodEvent typed;
    typed.setCommitString(QStringLiteral("  新入 社員  "));
    QApplication::sendEvent(name, &typed);
    QTest::keyClicks(email, QStringLiteral("not-an-address"));
    QVERIFY(!add->isEnabled());
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->isVisible() && label->text().contains(QStringLiteral("e-mail address"));
    }));
    const QString address = QStringLiteral("new-%1@sakura.example")
                                .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    email->clear();
    QTest::keyClicks(email, address);
    QVERIFY(add->isEnabled());
    role->setCurrentIndex(role->findText(UserTableModel::roleText(api::Role::Manager)));
    QTest::mouseClick(add, Qt::LeftButton);

    auto *shown = waitForModal<InitialPasswordDialog>();
    QVERIFY(shown);
    const QString password = shown->password();
    QVERIFY2(!api::validatePassword(password), "a usable first password");
    auto *field = shown->findChild<QLineEdit *>(QStringLiteral("password"));
    QVERIFY(field && field->isReadOnly() && field->isVisible());
    QVERIFY(shown->findChild<QPushButton *>(QStringLiteral("copy"))->isVisible());

    int added = -1;
    for (int i = 0; i < m_page->model().rowCount(); ++i) {
        if (m_page->model().personAt(i).email == address)
            added = i;
    }
    QVERIFY2(added >= 0, "the new row is in the list");
    const api::Person newcomer = m_page->model().personAt(added);
    QCOMPARE(newcomer.displayName, QStringLiteral("新入 社員"));
    QCOMPARE(newcomer.role, api::Role::Manager);
    // The new person is selected, ready for the next edit.
    QCOMPARE(m_page->view()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_page->view()
                 ->selectionModel()
                 ->selectedRows()
                 .constFirst()
                 .siblingAtColumn(UserTableModel::EmailColumn)
                 .data()
                 .toString(),
             address);

    shown->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
    QTRY_VERIFY(!QApplication::activeModalWidget());

    // The password shown is the one the service expects.
    QVERIFY(signInFirstTime({newcomer.id, address, password}));
}

void TestPeoplePage::invitationRefusedByTheServiceStaysInTheDialog()
{
    m_page->addPersonAction()->trigger();
    auto *dialog = waitForModal<InviteDialog>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("displayName")),
                     QStringLiteral("Twin"));
    // Taken: the owner's own address.
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("email")), m_desks.owner.email);
    const int before = m_page->model().rowCount();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("add")), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWaitMs);
    QCOMPARE(QApplication::activeModalWidget(), dialog);
    auto *banner = dialog->findChild<MessageBanner *>();
    QVERIFY(banner && banner->isVisible());
    QVERIFY(!banner->text().isEmpty());
    QVERIFY(!banner->requestId().isEmpty());
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("displayName"))->text(),
             QStringLiteral("Twin"));
    QCOMPARE(m_page->model().rowCount(), before);
    QVERIFY(m_page->banner()->isHidden());
    dialog->reject();
}

void TestPeoplePage::searchFiltersByNameAndEmail()
{
    const Created created = createPerson(api::Role::Viewer, QStringLiteral("Findable Person"));
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());
    const QAbstractItemModel *view = m_page->view()->model();
    const int all = view->rowCount();

    QTest::keySequence(m_page->view(), QKeySequence::Find);
    QVERIFY(m_page->searchField()->hasFocus());
    QTest::keyClicks(m_page->searchField(), QStringLiteral("findable"));
    QCOMPARE(view->rowCount(), 1);
    m_page->searchField()->clear();
    QTest::keyClicks(m_page->searchField(), created.email.left(15).toUpper());
    QCOMPARE(view->rowCount(), 1);
    // A role's name is not a search for people of that role.
    m_page->searchField()->clear();
    QTest::keyClicks(m_page->searchField(), UserTableModel::roleText(api::Role::Viewer));
    QCOMPARE(view->rowCount(), 0);
    m_page->searchField()->clear();
    QCOMPARE(view->rowCount(), all);
}

void TestPeoplePage::changesARoleInPlace()
{
    const Created created = createPerson(api::Role::Viewer);
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(select(created.id));
    QVERIFY(m_page->changeRoleAction()->isEnabled());

    QTest::keyClick(m_page->view(), Qt::Key_F2);
    QComboBox *editor = nullptr;
    QTRY_VERIFY((editor = m_page->view()->findChild<QComboBox *>()) && editor->isVisible());
    QCOMPARE(comboTexts(*editor), roleTexts({api::Role::Owner, api::Role::Admin, api::Role::Manager,
                                             api::Role::Viewer}));
    QCOMPARE(editor->currentText(), UserTableModel::roleText(api::Role::Viewer));
    editor->setCurrentIndex(editor->findText(UserTableModel::roleText(api::Role::Manager)));
    QTest::keyClick(editor, Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).role,
                              api::Role::Manager, kWaitMs);
    const Outcome stored = person(created.id);
    QVERIFY(stored.ok);
    QCOMPARE(stored.json.value(QLatin1String("role")).toString(), QStringLiteral("manager"));
    QVERIFY(m_page->banner()->isHidden());
}

void TestPeoplePage::staleEditOffersAReload()
{
    const Created created = createPerson(api::Role::Viewer);
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());

    // Someone else renames the person after this list was loaded.
    const Outcome before = person(created.id);
    QVERIFY(before.ok);
    ApiRequest rename;
    rename.method = "PATCH";
    rename.path = QStringLiteral("/api/v1/users/") + created.id;
    api::PersonPatch patch;
    patch.displayName = QStringLiteral("Renamed Elsewhere");
    rename.body = api::toJson(patch);
    rename.ifMatch = before.etag;
    QVERIFY(call(m_desks.other->api, rename).ok);

    QVERIFY(select(created.id));
    m_page->statusAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->banner()->isVisible(), kWaitMs);
    QVERIFY2(m_page->banner()->text().startsWith(QStringLiteral("Someone else changed")),
             qPrintable(m_page->banner()->text()));
    const Outcome unchanged = person(created.id);
    QCOMPARE(unchanged.json.value(QLatin1String("status")).toString(), QStringLiteral("active"));

    QPushButton *reload = buttonWithText(m_page->banner(), QStringLiteral("Reload"));
    QVERIFY(reload);
    reload->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->model().personAt(m_page->model().rowOf(created.id)).displayName,
        QStringLiteral("Renamed Elsewhere"), kWaitMs);
    QVERIFY(m_page->banner()->isHidden());
    // The selection survives the reload, and the edit now goes through.
    QCOMPARE(m_page->view()->selectionModel()->selectedRows().size(), 1);
    m_page->statusAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).status,
                              api::PersonStatus::Disabled, kWaitMs);
}

void TestPeoplePage::changedAfterTheFirstEditIsStaleToo()
{
    const Created created = createPerson(api::Role::Viewer);
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(select(created.id));
    // The first edit reads the person's revision; the second sends it.
    m_page->statusAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).status,
                              api::PersonStatus::Disabled, kWaitMs);

    const Outcome before = person(created.id);
    ApiRequest promote;
    promote.method = "PATCH";
    promote.path = QStringLiteral("/api/v1/users/") + created.id;
    api::PersonPatch patch;
    patch.role = api::Role::Manager;
    promote.body = api::toJson(patch);
    promote.ifMatch = before.etag;
    QVERIFY(call(m_desks.other->api, promote).ok);

    m_page->statusAction()->trigger(); // reactivate, on an outdated revision: 412
    QTRY_VERIFY_WITH_TIMEOUT(m_page->banner()->isVisible(), kWaitMs);
    QVERIFY2(m_page->banner()->text().startsWith(QStringLiteral("Someone else changed")),
             qPrintable(m_page->banner()->text()));
    QVERIFY(buttonWithText(m_page->banner(), QStringLiteral("Reload")));
    QTest::keySequence(m_page->view(), QKeySequence::Refresh);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).role,
                              api::Role::Manager, kWaitMs);
    QVERIFY(m_page->banner()->isHidden());
}

void TestPeoplePage::deactivatesAndReactivates()
{
    const Created created = createPerson(api::Role::Admin);
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(select(created.id));
    QCOMPARE(m_page->statusAction()->text(), QStringLiteral("&Deactivate"));

    QTest::keySequence(m_page->view(), m_page->statusAction()->shortcut());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).status,
                              api::PersonStatus::Disabled, kWaitMs);
    QCOMPARE(person(created.id).json.value(QLatin1String("status")).toString(),
             QStringLiteral("disabled"));
    QCOMPARE(m_page->statusAction()->text(), QStringLiteral("Reac&tivate"));

    m_page->statusAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().personAt(m_page->model().rowOf(created.id)).status,
                              api::PersonStatus::Active, kWaitMs);
    QCOMPARE(m_page->statusAction()->text(), QStringLiteral("&Deactivate"));
    QVERIFY(m_page->banner()->isHidden());
}

void TestPeoplePage::deletesOnlyAfterConfirmation()
{
    const Created created = createPerson(api::Role::Viewer);
    QVERIFY(!created.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(select(created.id));

    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QVERIFY(m_page->model().rowOf(created.id) >= 0);
    QVERIFY(person(created.id).ok);

    m_page->deletePersonAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().rowOf(created.id), -1, kWaitMs);
    const Outcome gone = person(created.id);
    QVERIFY(!gone.ok);
    QCOMPARE(gone.error.httpStatus, 404);
    QVERIFY(m_page->banner()->isHidden());
}

void TestPeoplePage::nobodyEditsThemselves()
{
    QVERIFY(select(m_desks.client->session.person()->id));
    QVERIFY(m_page->addPersonAction()->isEnabled());
    QVERIFY(!m_page->changeRoleAction()->isEnabled());
    QVERIFY(!m_page->statusAction()->isEnabled());
    QVERIFY(!m_page->deletePersonAction()->isEnabled());
    // Not even in place.
    const QModelIndex role =
        m_page->view()->selectionModel()->selectedRows().constFirst().siblingAtColumn(
            UserTableModel::RoleColumn);
    QVERIFY(!(role.flags() & Qt::ItemIsEditable));
    const QList<QLabel *> labels = m_page->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->isVisible() && label->text().contains(QStringLiteral("yourself"));
    }));
}

void TestPeoplePage::aViewerIsOfferedNothing()
{
    const Created created = createPerson(api::Role::Viewer);
    QVERIFY(!created.password.isEmpty());
    const auto viewer = signInFirstTime(created);
    QVERIFY(viewer);

    PeoplePage page(viewer->api, viewer->session);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // The service lists people to owners and admins only: not even asked.
    QVERIFY(!page.model().isLoading());
    for (QAction *action : {page.addPersonAction(), page.changeRoleAction(), page.statusAction(),
                            page.deletePersonAction(), page.reloadAction()})
        QVERIFY2(!action->isVisible(), qPrintable(action->text()));
    for (const QPushButton *button : page.findChildren<QPushButton *>())
        QVERIFY2(!button->isVisible(), qPrintable(button->text()));
    QVERIFY(!page.view()->isVisible());
    const QList<QLabel *> labels = page.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->isVisible() && label->text().startsWith(QStringLiteral("Only owners"));
    }));
    QTest::keySequence(&page, QKeySequence::New);
    QVERIFY(!QApplication::activeModalWidget());
}

void TestPeoplePage::anAdminCannotGrantOrTouchOwners()
{
    const Created created = createPerson(api::Role::Admin);
    const Created viewer = createPerson(api::Role::Viewer);
    QVERIFY(!created.password.isEmpty() && !viewer.id.isEmpty());
    const auto admin = signInFirstTime(created);
    QVERIFY(admin);

    PeoplePage page(admin->api, admin->session);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(!page.model().isLoading() && page.model().rowCount() > 0, kWaitMs);

    page.addPersonAction()->trigger();
    auto *dialog = waitForModal<InviteDialog>();
    QVERIFY(dialog);
    QCOMPARE(comboTexts(*dialog->findChild<QComboBox *>(QStringLiteral("role"))),
             roleTexts({api::Role::Admin, api::Role::Manager, api::Role::Viewer}));
    dialog->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());

    QVERIFY(page.selectPerson(m_desks.client->session.person()->id));
    QVERIFY(!page.changeRoleAction()->isEnabled());
    QVERIFY(!page.statusAction()->isEnabled());
    QVERIFY(!page.deletePersonAction()->isEnabled());

    QVERIFY(page.selectPerson(viewer.id));
    QVERIFY(page.changeRoleAction()->isEnabled());
    page.changeRoleAction()->trigger();
    QComboBox *editor = nullptr;
    QTRY_VERIFY((editor = page.view()->findChild<QComboBox *>()) && editor->isVisible());
    QCOMPARE(comboTexts(*editor),
             roleTexts({api::Role::Admin, api::Role::Manager, api::Role::Viewer}));
    QTest::keyClick(editor, Qt::Key_Escape);
}

QTEST_MAIN(TestPeoplePage)
#include "tst_peoplepage.moc"
