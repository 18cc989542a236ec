// The Attributes page against the real engage-server over TLS on loopback,
// driven through its widgets: the list, a new attribute with choices typed,
// reordered and removed in the dialog (with the problems shown beside the
// fields), an edit, a refusal explained in the dialog (a choice members hold),
// deletion after confirmation, the names following the language, and what a
// manager is not offered.

#include "../models/serviceclient.h"
#include "api/member.h"
#include "api/personrequests.h"
#include "models/attributelistmodel.h"
#include "ui/dialogs/attributedialog.h"
#include "ui/pages/attributespage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
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

QStringList listTexts(const QListWidget &list)
{
    QStringList texts;
    for (int row = 0; row < list.count(); ++row)
        texts << list.item(row)->text();
    return texts;
}

// As an input method commits it (QTest types ASCII only).
void typeText(QWidget *field, const QString &text)
{
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(field, &typed);
}

// The visible note beneath a field of the dialog, if any.
QString visibleProblem(const AttributeDialog &dialog, const QString &startingWith)
{
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().startsWith(startingWith))
            return label->text();
    }
    return {};
}

} // namespace

class TestAttributesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addsAnAttributeWithChoices();
    void editsAnAttribute();
    void explainsARemovedChoiceMembersHold();
    void deletesOnlyAfterConfirmation();
    void namesFollowTheLanguage();
    void aManagerIsOfferedNothing();

private:
    AttributeDialog *openDialog(QAction *action);
    api::Attribute createThroughTheService(const QStringList &choices);
    bool reloadPage();

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<AttributesPage> m_page;
};

void TestAttributesPage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_attributespage")));
}

void TestAttributesPage::init()
{
    m_page = std::make_unique<AttributesPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {900, 600}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model().isLoading(), kWaitMs);
    QVERIFY(m_page->banner()->isHidden());
}

void TestAttributesPage::cleanup()
{
    m_page.reset();
    m_server.reportIfFailed();
}

AttributeDialog *TestAttributesPage::openDialog(QAction *action)
{
    action->trigger();
    auto *dialog = waitForModal<AttributeDialog>();
    // Keys go where the person's focus is: in the dialog, not the page beneath.
    // (The offscreen platform leaves the page active under a dialog opened
    // without a window manager.)
    if (dialog) {
        QApplication::setActiveWindow(dialog);
        if (!QTest::qWaitForWindowActive(dialog))
            return nullptr;
    }
    return dialog;
}

api::Attribute TestAttributesPage::createThroughTheService(const QStringList &choices)
{
    const QString tag = unique();
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/attributes");
    request.body = api::toJson(api::AttributeFields{QStringLiteral("拠点 %1").arg(tag),
                                                    QStringLiteral("Site %1").arg(tag),
                                                    api::AttributeType::Choice, choices});
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok)
        return {};
    const auto attribute = api::attributeFromJson(created.json);
    return attribute ? attribute.value() : api::Attribute{};
}

bool TestAttributesPage::reloadPage()
{
    QSignalSpy loaded(&m_page->model(), &AttributeListModel::loaded);
    m_page->reloadAction()->trigger();
    return waitFor(loaded);
}

void TestAttributesPage::addsAnAttributeWithChoices()
{
    const int before = m_page->model().rowCount();
    AttributeDialog *dialog = openDialog(m_page->addAttributeAction());
    QVERIFY(dialog);
    QVERIFY(!dialog->isEditing());
    QPushButton *save = dialog->saveButton();
    QVERIFY(!save->isEnabled());

    const QString tag = unique();
    auto *nameJa = dialog->findChild<QLineEdit *>(QStringLiteral("nameJa"));
    auto *nameEn = dialog->findChild<QLineEdit *>(QStringLiteral("nameEn"));
    QTest::keyClicks(nameJa, QStringLiteral("   "));
    QVERIFY(!visibleProblem(*dialog, QStringLiteral("Enter a name")).isEmpty());
    nameJa->clear();
    typeText(nameJa, QStringLiteral("雇用区分 %1").arg(tag));
    QTest::keyClicks(nameEn, QStringLiteral("Employment %1").arg(tag));
    QVERIFY(visibleProblem(*dialog, QStringLiteral("Enter a name")).isEmpty());

    auto *type = dialog->findChild<QComboBox *>(QStringLiteral("type"));
    type->setCurrentIndex(type->findData(static_cast<int>(api::AttributeType::Choice)));
    QVERIFY(dialog->choicesList()->isVisible());
    QVERIFY(!save->isEnabled()); // a choice attribute needs choices

    // Enter adds the typed choice rather than saving the dialog.
    for (const QString &choice : {QStringLiteral("正社員"), QStringLiteral("契約社員"),
                                  QStringLiteral("正社員"), QStringLiteral("パート")}) {
        typeText(dialog->newChoiceField(), choice);
        QTest::keyClick(dialog->newChoiceField(), Qt::Key_Return);
    }
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->choicesList()->count(), 4);
    QVERIFY(!visibleProblem(*dialog, QStringLiteral("“正社員”")).isEmpty());
    QVERIFY(!save->isEnabled());

    // The repeat removed with Delete; "パート" moved up with Alt+Up.
    dialog->choicesList()->setFocus();
    dialog->choicesList()->setCurrentRow(2);
    QTest::keyClick(dialog->choicesList(), Qt::Key_Delete);
    QCOMPARE(dialog->choicesList()->currentRow(), 2);
    QTest::keyClick(dialog->choicesList(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(listTexts(*dialog->choicesList()),
             (QStringList{QStringLiteral("正社員"), QStringLiteral("パート"),
                          QStringLiteral("契約社員")}));
    QVERIFY(save->isEnabled());

    QSignalSpy created(&m_page->model(), &AttributeListModel::created);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(waitFor(created));
    QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), kWaitMs);
    const auto attribute = created.constFirst().constFirst().value<api::Attribute>();
    QCOMPARE(attribute.fields.nameJa, QStringLiteral("雇用区分 %1").arg(tag));
    QCOMPARE(attribute.fields.choices.size(), 3);
    QCOMPARE(m_page->model().rowCount(), before + 1);
    // The new attribute is selected, ready for the next action.
    const QModelIndexList selected = m_page->view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(AttributeListModel::AttributeIdRole).toString(),
             attribute.id);
    QVERIFY(m_page->editAttributeAction()->isEnabled());
}

void TestAttributesPage::editsAnAttribute()
{
    const api::Attribute attribute = createThroughTheService({QStringLiteral("本社")});
    QVERIFY(!attribute.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectAttribute(attribute.id));
    AttributeDialog *dialog = openDialog(m_page->editAttributeAction());
    QVERIFY(dialog);
    QVERIFY(dialog->isEditing());
    QCOMPARE(dialog->fields(), attribute.fields);
    QCOMPARE(listTexts(*dialog->choicesList()), attribute.fields.choices);

    auto *nameEn = dialog->findChild<QLineEdit *>(QStringLiteral("nameEn"));
    nameEn->selectAll();
    QTest::keyClicks(nameEn, QStringLiteral("Head office %1").arg(unique()));
    QSignalSpy updated(&m_page->model(), &AttributeListModel::updated);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY(waitFor(updated));
    const auto stored = updated.constFirst().constFirst().value<api::Attribute>();
    QCOMPARE(stored.fields.nameEn, dialog->fields().nameEn);
    QCOMPARE(stored.fields.choices, attribute.fields.choices);
    QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), kWaitMs);
    const int row = m_page->model().rowOf(attribute.id);
    QCOMPARE(m_page->model().attributeAt(row), stored);
}

void TestAttributesPage::explainsARemovedChoiceMembersHold()
{
    const api::Attribute attribute =
        createThroughTheService({QStringLiteral("組合員"), QStringLiteral("非組合員")});
    QVERIFY(!attribute.id.isEmpty());
    api::MemberFields member;
    member.employeeCode = QStringLiteral("page-%1").arg(unique());
    member.familyName = QStringLiteral("属性");
    member.attributes.insert(attribute.id, QStringLiteral("組合員"));
    ApiRequest add;
    add.method = "POST";
    add.path = QStringLiteral("/api/v1/members");
    add.body = api::toJson(member);
    const Outcome added = call(m_desks.other->api, add);
    QVERIFY2(added.ok, qPrintable(added.error.detail));

    QVERIFY(reloadPage());
    QVERIFY(m_page->selectAttribute(attribute.id));
    AttributeDialog *dialog = openDialog(m_page->editAttributeAction());
    QVERIFY(dialog);
    dialog->choicesList()->setFocus();
    dialog->choicesList()->setCurrentRow(0);
    QTest::keyClick(dialog->choicesList(), Qt::Key_Delete);
    QCOMPARE(listTexts(*dialog->choicesList()), QStringList{QStringLiteral("非組合員")});
    QSignalSpy failed(&m_page->model(), &AttributeListModel::editFailed);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY(waitFor(failed));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWaitMs);
    QCOMPARE(QApplication::activeModalWidget(), dialog);
    auto *banner = dialog->findChild<MessageBanner *>();
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Members hold a choice you removed")),
             qPrintable(banner->text()));
    // What was typed is still there, and the list is as the service has it.
    QCOMPARE(listTexts(*dialog->choicesList()), QStringList{QStringLiteral("非組合員")});
    QCOMPARE(m_page->model().attributeAt(m_page->model().rowOf(attribute.id)), attribute);
    dialog->reject();
}

void TestAttributesPage::deletesOnlyAfterConfirmation()
{
    const api::Attribute attribute = createThroughTheService({QStringLiteral("A")});
    QVERIFY(!attribute.id.isEmpty());
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectAttribute(attribute.id));

    m_page->deleteAttributeAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(300);
    QVERIFY(m_page->model().rowOf(attribute.id) >= 0);

    QSignalSpy removed(&m_page->model(), &AttributeListModel::removed);
    m_page->deleteAttributeAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QVERIFY(waitFor(removed));
    QCOMPARE(m_page->model().rowOf(attribute.id), -1);
    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/attributes"));
    QVERIFY(listed.ok);
    QVERIFY(!QJsonDocument(listed.json).toJson().contains(attribute.id.toUtf8()));
}

void TestAttributesPage::namesFollowTheLanguage()
{
    const api::Attribute attribute = createThroughTheService({QStringLiteral("A")});
    QVERIFY(!attribute.id.isEmpty());
    QVERIFY(reloadPage());
    const QLocale saved;
    const QModelIndex name =
        m_page->model().index(m_page->model().rowOf(attribute.id), AttributeListModel::NameColumn);
    QLocale::setDefault(QLocale(QLocale::Japanese));
    QCOMPARE(name.data().toString(), attribute.fields.nameJa);
    QLocale::setDefault(QLocale(QLocale::English));
    QCOMPARE(name.data().toString(), attribute.fields.nameEn);
    QLocale::setDefault(saved);

    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->windowTitle(), QStringLiteral("[T] Attributes"), kWaitMs);
    QCOMPARE(m_page->addAttributeAction()->text(), QStringLiteral("[T] &Add…"));
    QCOMPARE(m_page->model().headerData(AttributeListModel::TypeColumn, Qt::Horizontal).toString(),
             QStringLiteral("[T] Type"));
    QCOMPARE(m_page->model()
                 .index(m_page->model().rowOf(attribute.id), AttributeListModel::TypeColumn)
                 .data()
                 .toString(),
             QStringLiteral("[T] Choice"));
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->windowTitle(), QStringLiteral("Attributes"), kWaitMs);
}

void TestAttributesPage::aManagerIsOfferedNothing()
{
    const QString email = QStringLiteral("manager-%1@sakura.example").arg(unique());
    ApiRequest invite;
    invite.method = "POST";
    invite.path = QStringLiteral("/api/v1/users");
    invite.body = api::toJson(api::NewPersonRequest{
        email, QStringLiteral("Manager %1").arg(unique()), api::Role::Manager});
    const Outcome created = call(m_desks.other->api, invite);
    QVERIFY(created.ok);
    const auto answer = api::createdPersonFromJson(created.json);
    QVERIFY(answer && answer.value().initialPassword);

    auto client = std::make_unique<Client>(m_server, *m_desks.store, QStringLiteral("manager"));
    QSignalSpy required(&client->session, &Session::passwordChangeRequired);
    client->session.signIn(kTenant, email, *answer.value().initialPassword);
    QVERIFY(waitFor(required));
    QSignalSpy changed(&client->session, &Session::passwordChanged);
    client->session.changePassword(*answer.value().initialPassword,
                                   QStringLiteral("a new password of mine"));
    QVERIFY(waitFor(changed));

    AttributesPage page(client->api, client->session);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!page.view()->isVisible());
    QVERIFY(!page.addAttributeAction()->isVisible());
    QVERIFY(!page.addAttributeAction()->isEnabled());
    QLabel *notice = nullptr;
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->isVisible() &&
            label->text().contains(QStringLiteral("owners and administrators")))
            notice = label;
    }
    QVERIFY(notice);
    QCOMPARE(page.model().rowCount(), 0); // nothing loaded
}

QTEST_MAIN(TestAttributesPage)
#include "tst_attributespage.moc"
