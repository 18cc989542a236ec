// The Members page against the real engage-server over TLS on loopback (demo
// tenant "sakura-foods": about 1,200 members in about 25 groups), driven
// through its widgets and keys: a group chosen filters the table by its
// subtree, the search waits for a pause in the typing, the member form
// validates as the user types and saves with If-Match, a new member needs an
// e-mail or an employee code, groups are created, renamed (F2), moved after
// a confirmation and deleted only when empty, and the shortcuts act on what
// has the focus. (Its screenshots: engage_screenshots, docs/screenshots/render.sh.)

#include "../models/serviceclient.h"
#include "api/group.h"
#include "api/member.h"
#include "models/grouptreemodel.h"
#include "models/membertablemodel.h"
#include "ui/dialogs/groupdialog.h"
#include "ui/dialogs/memberdialog.h"
#include "ui/pages/memberspage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

QString unique()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

// Japanese text as an input method commits it (QTest types ASCII only).
void commitText(QWidget *widget, const QString &text)
{
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(widget, &typed);
}

} // namespace

class TestMembersPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheTreeAndTheMembers();
    void selectingAGroupFiltersBySubtree();
    void searchWaitsForAPauseInTheTyping();
    void statusFilter();
    void editValidatesAsTheUserTypesAndSaves();
    void newMemberNeedsAnEmailOrACode();
    void takenEmailIsShownBesideTheField();
    void staleEditOffersTheirVersion();
    void deletesAMemberAfterConfirmation();
    void movingAGroupAsksFirst();
    void groupsAreCreatedRenamedAndDeleted();
    void aGroupWithMembersIsNotDeleted();
    void keyboardShortcuts();
    void importOnlyAsks();

private:
    bool waitForMembers();
    bool waitForGroups();
    std::optional<api::Member> createMember(const QString &familyName,
                                            const std::optional<QString> &email = {});
    Outcome member(const QString &id);
    std::optional<api::Group> serviceGroup(const QString &id);
    // Selects the member by searching for its employee code.
    bool findMember(const QString &code);
    MemberDialog *openSelectedMember();
    // The page's window active again (as after a dialog closed) and the focus
    // in `widget`: shortcuts reach only the focus widget of the active window.
    bool focus(QWidget *widget);
    template<typename T>
    T *field(QWidget *dialog, const QString &name)
    {
        return dialog->findChild<T *>(name);
    }

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<MembersPage> m_page;
};

void TestMembersPage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_memberspage")));
}

void TestMembersPage::init()
{
    m_page = std::make_unique<MembersPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1280, 800}));
    m_page->memberView()->setFocus();
    QVERIFY(waitForGroups());
    QVERIFY(waitForMembers());
}

void TestMembersPage::cleanup()
{
    // A dialog or message box left open by a failed test goes with the page.
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_page.reset();
    m_server.reportIfFailed();
}

bool TestMembersPage::waitForMembers()
{
    return QTest::qWaitFor(
        [this] { return !m_page->memberModel().isLoading() && m_page->memberModel().total() >= 0; },
        kWaitMs);
}

bool TestMembersPage::waitForGroups()
{
    return QTest::qWaitFor(
        [this] {
            return !m_page->groupModel().isLoading() &&
                   m_page->groupModel().rowCount(m_page->groupModel().rootIndex()) > 0;
        },
        kWaitMs);
}

std::optional<api::Member> TestMembersPage::createMember(const QString &familyName,
                                                         const std::optional<QString> &email)
{
    const QString key = unique();
    api::MemberFields fields;
    fields.employeeCode = QStringLiteral("P-") + key;
    fields.email = email;
    fields.familyName = familyName;
    fields.givenName = QStringLiteral("花子");
    fields.hireDate = QDate(2015, 4, 1);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/members");
    request.body = api::toJson(fields);
    request.idempotencyKey = key.toLatin1();
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok) {
        qWarning() << "cannot create a member:" << created.error.detail;
        return std::nullopt;
    }
    const auto decoded = api::memberFromJson(created.json);
    return decoded ? std::optional<api::Member>(decoded.value()) : std::nullopt;
}

Outcome TestMembersPage::member(const QString &id)
{
    return get(m_desks.other->api, QStringLiteral("/api/v1/members/") + id);
}

std::optional<api::Group> TestMembersPage::serviceGroup(const QString &id)
{
    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/groups"));
    const auto groups = api::groupListFromJson(listed.json);
    if (!listed.ok || !groups)
        return std::nullopt;
    for (const api::Group &group : groups.value()) {
        if (group.id == id)
            return group;
    }
    return std::nullopt;
}

bool TestMembersPage::findMember(const QString &code)
{
    m_page->searchField()->setText(code);
    if (!QTest::qWaitFor([&] { return m_page->memberModel().query().search == code; },
                         MembersPage::kSearchDelayMs * 10) ||
        !waitForMembers() || m_page->memberModel().rowCount() != 1)
        return false;
    m_page->memberView()->setFocus();
    m_page->memberView()->selectRow(0);
    return m_page->selectedMemberId().has_value();
}

bool TestMembersPage::focus(QWidget *widget)
{
    m_page->activateWindow();
    if (!QTest::qWaitForWindowActive(m_page.get()))
        return false;
    widget->setFocus();
    return widget->hasFocus();
}

MemberDialog *TestMembersPage::openSelectedMember()
{
    QTest::keyClick(m_page->memberView(), Qt::Key_Return);
    auto *dialog = waitForModal<MemberDialog>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isReady(); }, kWaitMs))
        return nullptr;
    return dialog;
}

void TestMembersPage::showsTheTreeAndTheMembers()
{
    QCOMPARE(m_page->windowTitle(), QStringLiteral("Members"));
    const QModelIndex root = m_page->groupModel().rootIndex();
    QCOMPARE(m_page->groupView()->currentIndex(), root);
    QVERIFY(m_page->groupView()->isExpanded(root));
    QVERIFY(m_page->selectedGroupId().isEmpty());
    const qint64 total = m_page->memberModel().total();
    QVERIFY(total >= 1000);
    QCOMPARE(m_page->countLabel()->text(), QStringLiteral("%L1 members").arg(total));
    // The first page, and more as the view scrolls.
    QVERIFY(m_page->memberModel().rowCount() < total);
    const int loaded = m_page->memberModel().rowCount();
    m_page->memberView()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->memberModel().rowCount() > loaded, kWaitMs);
    // The group column names the group.
    QVERIFY(
        !m_page->memberModel().index(0, MemberTableModel::GroupColumn).data().toString().isEmpty());
    QVERIFY(m_page->banner()->isHidden());
}

void TestMembersPage::selectingAGroupFiltersBySubtree()
{
    const GroupTreeModel &groups = m_page->groupModel();
    // The first department with subgroups.
    const QModelIndex department = groups.index(0, 0, groups.rootIndex());
    QVERIFY(groups.rowCount(department) > 0);
    const QString id = department.data(GroupTreeModel::GroupIdRole).toString();
    const qint64 all = m_page->memberModel().total();

    QVERIFY(focus(m_page->groupView()));
    QTest::keyClick(m_page->groupView(), Qt::Key_Down);
    QCOMPARE(m_page->selectedGroupId(), id);
    QCOMPARE(m_page->memberModel().query().groupId, std::optional<QString>(id));
    QVERIFY(waitForMembers());
    QVERIFY(m_page->memberModel().total() > 0);
    QVERIFY(m_page->memberModel().total() < all);
    for (int row = 0; row < m_page->memberModel().rowCount(); ++row) {
        const auto &groupId = m_page->memberModel().memberAt(row).fields.groupId;
        QVERIFY(groupId && groups.isWithin(*groupId, id));
    }

    // Back to everyone.
    QTest::keyClick(m_page->groupView(), Qt::Key_Up);
    QVERIFY(m_page->selectedGroupId().isEmpty());
    QVERIFY(waitForMembers());
    QCOMPARE(m_page->memberModel().total(), all);
}

void TestMembersPage::searchWaitsForAPauseInTheTyping()
{
    const auto created = createMember(QStringLiteral("検索対象"));
    QVERIFY(created);
    const QString code = *created->fields.employeeCode;
    QTest::keySequence(m_page->memberView(), QKeySequence::Find);
    QVERIFY(m_page->searchField()->hasFocus());
    QTest::keyClicks(m_page->searchField(), code);
    // Still typing (as far as the page knows): no query yet.
    QVERIFY(m_page->memberModel().query().search.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->memberModel().query().search, code,
                              MembersPage::kSearchDelayMs * 10);
    QVERIFY(waitForMembers());
    QCOMPARE(m_page->memberModel().rowCount(), 1);
    QCOMPARE(m_page->memberModel().memberAt(0).id, created->id);
    QVERIFY(m_page->countLabel()->text().startsWith(QStringLiteral("1 ")));

    // A search for a family name finds every member of that name.
    m_page->searchField()->clear();
    commitText(m_page->searchField(), QStringLiteral("検索対象"));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->memberModel().query().search, QStringLiteral("検索対象"),
                              MembersPage::kSearchDelayMs * 10);
    QVERIFY(waitForMembers());
    QVERIFY(m_page->memberModel().rowCount() >= 1);
    for (int row = 0; row < m_page->memberModel().rowCount(); ++row)
        QCOMPARE(m_page->memberModel().memberAt(row).fields.familyName, QStringLiteral("検索対象"));
}

void TestMembersPage::statusFilter()
{
    QComboBox *status = m_page->statusFilter();
    QCOMPARE(status->count(), 4);
    QCOMPARE(status->itemText(0), QStringLiteral("All"));
    status->setCurrentIndex(3);
    QCOMPARE(status->currentText(), MemberTableModel::statusText(api::MemberStatus::Left));
    QCOMPARE(m_page->memberModel().query().status, api::MemberStatus::Left);
    QVERIFY(waitForMembers());
    for (int row = 0; row < m_page->memberModel().rowCount(); ++row)
        QCOMPARE(m_page->memberModel().memberAt(row).fields.status, api::MemberStatus::Left);
}

void TestMembersPage::editValidatesAsTheUserTypesAndSaves()
{
    const auto created = createMember(QStringLiteral("編集"),
                                      QStringLiteral("edit-%1@sakura.example").arg(unique()));
    QVERIFY(created);
    QVERIFY(findMember(*created->fields.employeeCode));
    MemberDialog *dialog = openSelectedMember();
    QVERIFY(dialog);
    QCOMPARE(dialog->fields(), created->fields);
    QPushButton *ok = dialog->okButton();
    QVERIFY(ok->isEnabled());

    auto *code = field<QLineEdit>(dialog, QStringLiteral("employeeCode"));
    auto *email = field<QLineEdit>(dialog, QStringLiteral("email"));
    auto *emailProblem = field<QLabel>(dialog, QStringLiteral("emailProblem"));
    auto *codeProblem = field<QLabel>(dialog, QStringLiteral("employeeCodeProblem"));
    QVERIFY(code && email && emailProblem && codeProblem);

    // A wrong address is named as the user types.
    email->setFocus();
    email->selectAll();
    QTest::keyClicks(email, QStringLiteral("not an address"));
    QVERIFY(emailProblem->isVisible());
    QVERIFY(emailProblem->text().contains(QStringLiteral("e-mail address")));
    QVERIFY(!ok->isEnabled());
    // Neither an e-mail nor a code.
    email->clear();
    code->clear();
    QVERIFY(emailProblem->isVisible());
    QVERIFY(emailProblem->text().contains(QStringLiteral("e-mail or an employee code")));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(code, QStringLiteral("has space"));
    QVERIFY(codeProblem->isVisible());
    QVERIFY(!ok->isEnabled());
    code->setText(*created->fields.employeeCode);
    QVERIFY(codeProblem->isHidden());
    QVERIFY(emailProblem->isHidden());
    QVERIFY(ok->isEnabled());

    // A birth date after the hire date.
    auto *birthKnown = field<QCheckBox>(dialog, QStringLiteral("birthDateKnown"));
    auto *birth = field<QDateEdit>(dialog, QStringLiteral("birthDate"));
    QVERIFY(birthKnown && birth);
    birthKnown->setChecked(true);
    birth->setDate(QDate(2020, 1, 1));
    QVERIFY(field<QLabel>(dialog, QStringLiteral("birthDateProblem"))->isVisible());
    QVERIFY(!ok->isEnabled());
    birth->setDate(QDate(1990, 5, 5));
    QVERIFY(ok->isEnabled());

    // The company's language until the member gets one of their own.
    auto *language = field<QComboBox>(dialog, QStringLiteral("language"));
    QVERIFY(language);
    QCOMPARE(language->count(), 3);
    QCOMPARE(language->currentIndex(), 0);
    QCOMPARE(language->itemText(1), QStringLiteral("日本語"));
    QCOMPARE(language->itemText(2), QStringLiteral("English"));
    language->setCurrentIndex(language->findData(int(api::Language::English)));
    QCOMPARE(dialog->fields().language, std::optional(api::Language::English));

    auto *position = field<QLineEdit>(dialog, QStringLiteral("position"));
    position->setText(QStringLiteral("主任"));
    QSignalSpy saved(dialog, &MemberDialog::saved);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(waitFor(saved));
    QTRY_VERIFY(!QApplication::activeModalWidget());

    const Outcome read = member(created->id);
    QVERIFY(read.ok);
    const auto after = api::memberFromJson(read.json);
    QVERIFY(after);
    QCOMPARE(after.value().fields.position, QStringLiteral("主任"));
    QVERIFY(!after.value().fields.email);
    QCOMPARE(after.value().fields.birthDate, std::optional<QDate>(QDate(1990, 5, 5)));
    QCOMPARE(after.value().fields.language, std::optional(api::Language::English));
    // The page loaded the list again and shows the change.
    QVERIFY(waitForMembers());
    const int row = m_page->memberModel().rowOf(created->id);
    QVERIFY(row >= 0);
    QCOMPARE(m_page->memberModel().index(row, MemberTableModel::PositionColumn).data().toString(),
             QStringLiteral("主任"));
}

void TestMembersPage::newMemberNeedsAnEmailOrACode()
{
    // A new member starts in the group chosen in the tree.
    const GroupTreeModel &groups = m_page->groupModel();
    const QModelIndex department = groups.index(0, 0, groups.rootIndex());
    const QString groupId = department.data(GroupTreeModel::GroupIdRole).toString();
    QVERIFY(m_page->selectGroup(groupId));
    QVERIFY(waitForMembers());

    m_page->memberView()->setFocus();
    QTest::keyClick(m_page->memberView(), Qt::Key_Insert);
    auto *dialog = waitForModal<MemberDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->isNew());
    QCOMPARE(dialog->fields().groupId, std::optional<QString>(groupId));
    QPushButton *ok = dialog->okButton();
    QVERIFY(!ok->isEnabled());
    auto *emailProblem = field<QLabel>(dialog, QStringLiteral("emailProblem"));
    // A blank form opens without a reproach.
    QVERIFY(emailProblem->isHidden());

    QTest::keyClicks(field<QLineEdit>(dialog, QStringLiteral("familyName")),
                     QStringLiteral("Newcomer"));
    QVERIFY(emailProblem->isVisible());
    QVERIFY(emailProblem->text().contains(QStringLiteral("e-mail or an employee code")));
    QVERIFY(!ok->isEnabled());
    const QString code = QStringLiteral("N-") + unique();
    QTest::keyClicks(field<QLineEdit>(dialog, QStringLiteral("employeeCode")), code);
    QVERIFY(emailProblem->isHidden());
    QVERIFY(ok->isEnabled());

    QSignalSpy saved(dialog, &MemberDialog::saved);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(waitFor(saved));
    const auto created = saved.constFirst().constFirst().value<api::Member>();
    QCOMPARE(created.fields.employeeCode, std::optional<QString>(code));
    QCOMPARE(created.fields.groupId, std::optional<QString>(groupId));
    QVERIFY(member(created.id).ok);
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("Newcomer")));
}

void TestMembersPage::takenEmailIsShownBesideTheField()
{
    const QString address = QStringLiteral("taken-%1@sakura.example").arg(unique());
    QVERIFY(createMember(QStringLiteral("First"), address));
    m_page->newMemberAction()->trigger();
    auto *dialog = waitForModal<MemberDialog>();
    QVERIFY(dialog);
    QTest::keyClicks(field<QLineEdit>(dialog, QStringLiteral("familyName")),
                     QStringLiteral("Second"));
    QTest::keyClicks(field<QLineEdit>(dialog, QStringLiteral("email")), address);
    QVERIFY(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!dialog->isReady());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), kWaitMs);
    auto *emailProblem = field<QLabel>(dialog, QStringLiteral("emailProblem"));
    QVERIFY(emailProblem->isVisible());
    QCOMPARE(emailProblem->text(), QStringLiteral("Another member has this e-mail."));
    QVERIFY(!dialog->okButton()->isEnabled());
    QCOMPARE(QApplication::activeModalWidget(), dialog);
    // Another address clears it.
    field<QLineEdit>(dialog, QStringLiteral("email"))
        ->setText(QStringLiteral("free-%1@sakura.example").arg(unique()));
    QVERIFY(emailProblem->isHidden());
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->reject();
}

void TestMembersPage::staleEditOffersTheirVersion()
{
    const auto created = createMember(QStringLiteral("競合"));
    QVERIFY(created);
    QVERIFY(findMember(*created->fields.employeeCode));
    MemberDialog *dialog = openSelectedMember();
    QVERIFY(dialog);

    // Someone else changes the member while the form is open.
    const Outcome read = member(created->id);
    api::MemberFields theirs = created->fields;
    theirs.grade = QStringLiteral("G5");
    ApiRequest put;
    put.method = "PUT";
    put.path = QStringLiteral("/api/v1/members/") + created->id;
    put.body = api::toJson(theirs);
    put.ifMatch = read.etag;
    QVERIFY(call(m_desks.other->api, put).ok);

    field<QLineEdit>(dialog, QStringLiteral("grade"))->setText(QStringLiteral("G3"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->banner()->isVisible(), kWaitMs);
    QVERIFY(dialog->banner()->text().contains(QStringLiteral("Someone else changed")));
    QCOMPARE(QApplication::activeModalWidget(), dialog);
    // Their version, loaded on request.
    for (QPushButton *button : dialog->banner()->findChildren<QPushButton *>()) {
        if (button->isVisible() && button->text() == QStringLiteral("Load Their Version"))
            button->click();
    }
    QTRY_COMPARE_WITH_TIMEOUT(field<QLineEdit>(dialog, QStringLiteral("grade"))->text(),
                              QStringLiteral("G5"), kWaitMs);
    QVERIFY(dialog->isReady());
    dialog->reject();
}

void TestMembersPage::deletesAMemberAfterConfirmation()
{
    const auto created = createMember(QStringLiteral("削除"));
    QVERIFY(created);
    QVERIFY(findMember(*created->fields.employeeCode));
    // Cancel first: nothing happens.
    QTest::keyClick(m_page->memberView(), Qt::Key_Delete);
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(200);
    QVERIFY(member(created->id).ok);

    // Back in the table, as after closing the box with the keyboard.
    QVERIFY(focus(m_page->memberView()));
    QTest::keyClick(m_page->memberView(), Qt::Key_Delete);
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->memberModel().rowCount(), 0, kWaitMs);
    QCOMPARE(member(created->id).error.code, api::ProblemCode::NotFound);
    QVERIFY(m_page->countLabel()->text().startsWith(QStringLiteral("0 ")));
}

void TestMembersPage::movingAGroupAsksFirst()
{
    GroupTreeModel &groups = m_page->groupModel();
    groups.create({QStringLiteral("MV") + unique(), QStringLiteral("Moving"), std::nullopt});
    QSignalSpy loaded(&groups, &GroupTreeModel::loaded);
    QVERIFY(waitFor(loaded));
    const QString moving = m_page->selectedGroupId();
    QVERIFY(groups.group(moving));
    const QModelIndex department = groups.index(0, 0, groups.rootIndex());
    const QString target = department.data(GroupTreeModel::GroupIdRole).toString();

    // Dropped onto the department: the page asks; "Cancel" changes nothing.
    std::unique_ptr<QMimeData> dragged(groups.mimeData({groups.indexOf(moving)}));
    QVERIFY(!groups.dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, department));
    auto *box = waitForModal<QMessageBox>();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Moving")));
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(300);
    QVERIFY(!serviceGroup(moving)->fields.parentId);

    // "Move": the service moves it, and the tree shows it there.
    loaded.clear();
    QVERIFY(!groups.dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, department));
    QVERIFY(answerMessageBox(QMessageBox::AcceptRole));
    QVERIFY(waitFor(loaded));
    QCOMPARE(serviceGroup(moving)->fields.parentId, std::optional<QString>(target));
    QCOMPARE(groups.parent(groups.indexOf(moving)), groups.indexOf(target));
    QCOMPARE(m_page->selectedGroupId(), moving);
}

void TestMembersPage::groupsAreCreatedRenamedAndDeleted()
{
    QVERIFY(focus(m_page->groupView()));
    QTest::keySequence(m_page->groupView(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    auto *dialog = waitForModal<GroupDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->isNew());
    auto *ok = field<QPushButton>(dialog, QStringLiteral("ok"));
    QVERIFY(!ok->isEnabled());
    commitText(field<QLineEdit>(dialog, QStringLiteral("name")), QStringLiteral("品質保証部"));
    QTest::keyClicks(field<QLineEdit>(dialog, QStringLiteral("code")), QStringLiteral("Q A"));
    QVERIFY(!ok->isEnabled());
    const QString code = QStringLiteral("QA") + unique();
    field<QLineEdit>(dialog, QStringLiteral("code"))->setText(code);
    QVERIFY(ok->isEnabled());
    QSignalSpy loaded(&m_page->groupModel(), &GroupTreeModel::loaded);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(waitFor(loaded));
    QTRY_VERIFY(!QApplication::activeModalWidget());
    // The new group is chosen.
    const QString id = m_page->selectedGroupId();
    QCOMPARE(m_page->groupModel().groupName(id), QStringLiteral("品質保証部"));

    // A code another group has is said beside the code.
    QVERIFY(focus(m_page->groupView()));
    QTest::keyClick(m_page->groupView(), Qt::Key_F2);
    dialog = waitForModal<GroupDialog>();
    QVERIFY(dialog);
    QVERIFY(!dialog->isNew());
    QCOMPARE(field<QLineEdit>(dialog, QStringLiteral("name"))->text(),
             QStringLiteral("品質保証部"));
    const QModelIndex department =
        m_page->groupModel().index(0, 0, m_page->groupModel().rootIndex());
    field<QLineEdit>(dialog, QStringLiteral("code"))
        ->setText(department.data(GroupTreeModel::CodeRole).toString());
    QTest::mouseClick(field<QPushButton>(dialog, QStringLiteral("ok")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWaitMs);
    QCOMPARE(QApplication::activeModalWidget(), dialog);
    QVERIFY(dialog->findChildren<QLabel *>().size() > 0);
    bool said = false;
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(QStringLiteral("code")));
    QVERIFY(said);

    // Renamed.
    field<QLineEdit>(dialog, QStringLiteral("code"))->setText(code);
    field<QLineEdit>(dialog, QStringLiteral("name"))->setText(QStringLiteral("品質管理部"));
    loaded.clear();
    QTest::mouseClick(field<QPushButton>(dialog, QStringLiteral("ok")), Qt::LeftButton);
    QVERIFY(waitFor(loaded));
    QCOMPARE(serviceGroup(id)->fields.name, QStringLiteral("品質管理部"));
    QCOMPARE(m_page->selectedGroupId(), id);

    // Deleted, empty as it is, after confirmation.
    QVERIFY(focus(m_page->groupView()));
    QTest::keyClick(m_page->groupView(), Qt::Key_Delete);
    loaded.clear();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QVERIFY(waitFor(loaded));
    QVERIFY(!serviceGroup(id));
    QVERIFY(m_page->selectedGroupId().isEmpty());
}

void TestMembersPage::aGroupWithMembersIsNotDeleted()
{
    const GroupTreeModel &groups = m_page->groupModel();
    const QModelIndex department = groups.index(0, 0, groups.rootIndex());
    const QString id = department.data(GroupTreeModel::GroupIdRole).toString();
    QVERIFY(m_page->selectGroup(id));
    QVERIFY(focus(m_page->groupView()));
    QTest::keyClick(m_page->groupView(), Qt::Key_Delete);
    // Said at once, with no confirmation to answer first.
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY(m_page->banner()->text().contains(groups.groupName(id)));
    QVERIFY(serviceGroup(id));
}

void TestMembersPage::keyboardShortcuts()
{
    // Ctrl+F from anywhere on the page.
    QVERIFY(focus(m_page->groupView()));
    QTest::keySequence(m_page->groupView(), QKeySequence::Find);
    QVERIFY(m_page->searchField()->hasFocus());
    // Ctrl+N: a new member.
    QTest::keySequence(m_page->searchField(), QKeySequence::New);
    auto *dialog = waitForModal<MemberDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->isNew());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    // Double-click edits as Enter does.
    QVERIFY(focus(m_page->memberView()));
    m_page->memberView()->selectRow(0);
    const QRect cell = m_page->memberView()->visualRect(m_page->memberView()->model()->index(0, 0));
    // As a mouse does it: a click, then the double-click.
    QTest::mouseClick(m_page->memberView()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(m_page->memberView()->viewport(), Qt::LeftButton, {}, cell.center());
    dialog = waitForModal<MemberDialog>();
    QVERIFY(dialog);
    QVERIFY(!dialog->isNew());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), kWaitMs);
    QCOMPARE(api::memberDisplayName(dialog->fields()),
             m_page->memberModel().index(0, MemberTableModel::NameColumn).data().toString());
    dialog->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    // F2 without a group chosen does nothing; with one it renames.
    QVERIFY(m_page->selectedGroupId().isEmpty());
    QVERIFY(!m_page->renameGroupAction()->isEnabled());
    QCOMPARE(m_page->renameGroupAction()->shortcut(), QKeySequence(Qt::Key_F2));
    QVERIFY(m_page->newMemberAction()->shortcuts().contains(QKeySequence(Qt::Key_Insert)));
    // Delete means the member in the table and the group in the tree.
    QCOMPARE(m_page->deleteMemberAction()->shortcutContext(), Qt::WidgetShortcut);
    QCOMPARE(m_page->deleteGroupAction()->shortcutContext(), Qt::WidgetShortcut);
    QVERIFY(m_page->memberView()->actions().contains(m_page->deleteMemberAction()));
    QVERIFY(m_page->groupView()->actions().contains(m_page->deleteGroupAction()));
}

void TestMembersPage::importOnlyAsks()
{
    QSignalSpy requested(m_page.get(), &MembersPage::importRequested);
    QVERIFY(m_page->importAction()->isVisible());
    m_page->importAction()->trigger();
    QCOMPARE(requested.size(), 1);
    QVERIFY(!QApplication::activeModalWidget());
}

QTEST_MAIN(TestMembersPage)
#include "tst_memberspage.moc"
