// The forced password change: a person created by the owner signs in with the
// generated first password and is taken straight to PasswordChangeDialog,
// which only a new password or signing out gets past; and the voluntary change
// from the account menu, with a wrong current password shown in the banner.

#include "../models/serviceclient.h"
#include "api/personrequests.h"
#include "ui/applicationcontroller.h"
#include "ui/dialogs/logindialog.h"
#include "ui/dialogs/passwordchangedialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QUuid>

using namespace engage;
using namespace engage::test;
using engage::ui::ApplicationController;
using engage::ui::PasswordChangeDialog;

namespace {

constexpr const char *kProfile = "Password change";
const QString kNewPassword = QStringLiteral("a-brand-new-passphrase-7");

QLineEdit *edit(QWidget *dialog, const char *name)
{
    return dialog->findChild<QLineEdit *>(QLatin1String(name));
}

void type(QWidget *dialog, const char *name, const QString &text)
{
    QLineEdit *field = edit(dialog, name);
    QVERIFY2(field, name);
    field->clear();
    QTest::keyClicks(field, text);
}

QPushButton *okButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// A new person signed in with their generated first password, through the
// login dialog of a client of their own: the forced change comes next.
struct FirstSignIn
{
    explicit FirstSignIn(const QString &iniFile)
        : client(iniFile)
        , controller(client.context, {false, QLatin1String(kProfile)})
    {}

    Account person;
    ClientUnderTest client;
    ApplicationController controller;
};

} // namespace

class TestPasswordChange final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void forcedChangeLeadsToMainWindow();
    void forcedChangeCannotBeSkipped();
    void newPasswordsMustAgree();
    void voluntaryChangeFromAccountMenu();

private:
    // A new administrator of northwind and their generated first password.
    Account createPerson();
    // Starts a controller on the test server and signs in through the login dialog.
    void signInThroughDialog(ApplicationController &controller, const Account &account);
    // A new person, signed in for the first time; null (the test failed) otherwise.
    std::unique_ptr<FirstSignIn> signInNewPerson();

    ServerProcess m_server;
    Account m_owner;
    models::CredentialStore m_ownerStore;
    std::unique_ptr<Client> m_ownerClient;
    QTemporaryDir m_dir;
    QString m_ini;
    int m_people = 0;
};

void TestPasswordChange::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());
    m_ownerClient = std::make_unique<Client>(m_server, m_ownerStore, QStringLiteral("owner"));
    QVERIFY(signIn(m_ownerClient->session, m_owner));
    QVERIFY(m_dir.isValid());
}

void TestPasswordChange::init()
{
    m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_people + 1));
}

void TestPasswordChange::cleanup()
{
    m_server.reportIfFailed();
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        window->close();
}

Account TestPasswordChange::createPerson()
{
    ++m_people;
    api::NewPersonRequest person;
    person.email = QStringLiteral("new.admin%1@northwind.example.com").arg(m_people);
    person.displayName = QStringLiteral("New Admin %1").arg(m_people);
    person.role = api::Role::Admin;
    models::ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    request.body = api::toJson(person);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_ownerClient->api, request);
    if (!created.ok) {
        qWarning() << "could not create a person:" << created.error.detail;
        return {};
    }
    const auto answer = api::createdPersonFromJson(created.json);
    if (!answer || !answer.value().initialPassword)
        return {};
    return {m_owner.tenant, person.email, *answer.value().initialPassword};
}

void TestPasswordChange::signInThroughDialog(ApplicationController &controller,
                                             const Account &account)
{
    controller.start();
    ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    type(login, "tenant", account.tenant);
    type(login, "email", account.email);
    type(login, "password", account.password);
    QTest::keyClick(edit(login, "password"), Qt::Key_Return);
}

std::unique_ptr<FirstSignIn> TestPasswordChange::signInNewPerson()
{
    auto first = std::make_unique<FirstSignIn>(m_ini);
    first->person = createPerson();
    if (first->person.password.isEmpty()) {
        QTest::qFail("no new person to sign in", __FILE__, __LINE__);
        return nullptr;
    }
    first->client.settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    signInThroughDialog(first->controller, first->person);
    if (QTest::currentTestFailed())
        return nullptr;
    return first;
}

void TestPasswordChange::forcedChangeLeadsToMainWindow()
{
    const auto first = signInNewPerson();
    if (!first)
        return;
    const Account &person = first->person;
    ClientUnderTest &client = first->client;
    ApplicationController &controller = first->controller;

    PasswordChangeDialog *change = waitForModal<PasswordChangeDialog>();
    QVERIFY(change);
    QVERIFY(!controller.mainWindow());
    // The password just typed is not asked for again.
    QVERIFY(!edit(change, "currentPassword")->isVisible());
    type(change, "newPassword", kNewPassword);
    type(change, "confirmPassword", kNewPassword);
    QVERIFY(okButton(change)->isEnabled());
    QTest::keyClick(edit(change, "confirmPassword"), Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             kUiWaitMs);
    QCOMPARE(client.session.state(), models::Session::State::SignedIn);
    QVERIFY(client.session.person() && !client.session.person()->mustChangePassword);

    // The new password is the one that counts now.
    models::CredentialStore store;
    Client again(m_server, store, QStringLiteral("again"));
    QVERIFY(signIn(again.session, {person.tenant, person.email, kNewPassword}));
}

void TestPasswordChange::forcedChangeCannotBeSkipped()
{
    const auto first = signInNewPerson();
    if (!first)
        return;
    ClientUnderTest &client = first->client;
    ApplicationController &controller = first->controller;

    QPointer<PasswordChangeDialog> change = waitForModal<PasswordChangeDialog>();
    QVERIFY(change);
    QTest::keyClick(change, Qt::Key_Escape);
    QVERIFY(change && change->isVisible());
    change->reject();
    change->close();
    QTest::qWait(50);
    QVERIFY(change && change->isVisible());
    QVERIFY(!controller.mainWindow());

    auto *signOut = change->findChild<QPushButton *>(QStringLiteral("signOutButton"));
    QVERIFY(signOut);
    QTest::mouseClick(signOut, Qt::LeftButton);
    QVERIFY(waitForModal<ui::LoginDialog>());
    QCOMPARE(client.session.state(), models::Session::State::SignedOut);
    QVERIFY(!controller.mainWindow());
}

void TestPasswordChange::newPasswordsMustAgree()
{
    ClientUnderTest client(m_ini);
    PasswordChangeDialog dialog(client.session, PasswordChangeDialog::Mode::Voluntary);
    dialog.show();
    type(&dialog, "currentPassword", QStringLiteral("the-old-password"));
    type(&dialog, "newPassword", kNewPassword);
    type(&dialog, "confirmPassword", kNewPassword + QLatin1Char('x'));
    QVERIFY(!okButton(&dialog)->isEnabled());
    type(&dialog, "newPassword", QStringLiteral("short"));
    type(&dialog, "confirmPassword", QStringLiteral("short"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    type(&dialog, "newPassword", QStringLiteral("the-old-password"));
    type(&dialog, "confirmPassword", QStringLiteral("the-old-password"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    type(&dialog, "newPassword", kNewPassword);
    type(&dialog, "confirmPassword", kNewPassword);
    QVERIFY(okButton(&dialog)->isEnabled());
}

void TestPasswordChange::voluntaryChangeFromAccountMenu()
{
    const auto first = signInNewPerson();
    if (!first)
        return;
    const Account &person = first->person;
    ApplicationController &controller = first->controller;
    PasswordChangeDialog *forced = waitForModal<PasswordChangeDialog>();
    QVERIFY(forced);
    type(forced, "newPassword", kNewPassword);
    type(forced, "confirmPassword", kNewPassword);
    QTest::mouseClick(okButton(forced), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow(), kUiWaitMs);

    auto *menuAction =
        controller.mainWindow()->findChild<QAction *>(QStringLiteral("changePasswordAction"));
    QVERIFY(menuAction);
    menuAction->trigger();
    PasswordChangeDialog *change = waitForModal<PasswordChangeDialog>();
    QVERIFY(change);
    QVERIFY(edit(change, "currentPassword")->isVisible());

    const QString newer = QStringLiteral("yet-another-passphrase-8");
    type(change, "currentPassword", QStringLiteral("not-my-password"));
    type(change, "newPassword", newer);
    type(change, "confirmPassword", newer);
    QTest::mouseClick(okButton(change), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(change->banner()->isVisible(), kUiWaitMs);
    QVERIFY(!change->banner()->text().isEmpty());
    QVERIFY(!change->banner()->requestId().isEmpty());
    QVERIFY(change->isVisible());

    type(change, "currentPassword", kNewPassword);
    QTest::mouseClick(okButton(change), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow()->banner()->isVisible(), kUiWaitMs);
    QCOMPARE(controller.mainWindow()->banner()->text(),
             ApplicationController::tr("Your password has been changed."));
    models::CredentialStore store;
    Client again(m_server, store, QStringLiteral("again"));
    QVERIFY(signIn(again.session, {person.tenant, person.email, newer}));
}

QTEST_MAIN(TestPasswordChange)
#include "tst_passwordchange.moc"
