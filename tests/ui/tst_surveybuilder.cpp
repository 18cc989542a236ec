// The survey builder against the real engage-server over TLS on loopback,
// driven through its widgets: questions reordered by drag and drop (the
// view's own drop path, as the offscreen platform performs no real drag)
// and by Alt+Up/Alt+Down, bank items dropped in, undo and redo from the
// keyboard (also while typing in a text field), the warning beside a missing
// translation, problems explained beside their field, autosave, and a draft
// saved by someone else meanwhile: their version taken (and one's own one
// undo away) or overwritten, never lost without a choice.

#include "../models/serviceclient.h"
#include "api/dashboard.h"
#include "api/questionbank.h"
#include "api/respondenttexts.h"
#include "models/grouptreemodel.h"
#include "models/surveys/questionbankmodel.h"
#include "models/surveys/questionlistmodel.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveytext.h"
#include "models/surveys/targetcounter.h"
#include "ui/surveys/deliveryeditor.h"
#include "ui/surveys/questioneditor.h"
#include "ui/surveys/surveybuilder.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QUndoStack>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");
using State = DraftAutosaver::State;

api::Question question(const char *id, const QString &ja, const QString &en)
{
    api::Question q;
    q.id = QString::fromLatin1(id);
    q.text = {ja, en};
    return q;
}

api::SurveyDefinition draft(const QString &tag)
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("調査 %1").arg(tag), QStringLiteral("Survey %1").arg(tag)};
    definition.questions = {question("q1", QStringLiteral("一"), QStringLiteral("One")),
                            question("q2", QStringLiteral("二"), QStringLiteral("Two")),
                            question("q3", QStringLiteral("三"), QStringLiteral("Three"))};
    definition.delivery.startDate = QDate::currentDate().addDays(30);
    return definition;
}

QStringList order(const api::SurveyDefinition &definition)
{
    QStringList ids;
    for (const api::Question &q : definition.questions)
        ids << q.id;
    return ids;
}

QStringList order(const char *ids)
{
    return QString::fromLatin1(ids).split(u' ');
}

// Drags `data` over the view and drops it above or below `row`, as a drag
// reaches a view: enter, move, drop, offering the actions its source's
// model offers (a question moves, a bank item is copied). True when accepted.
bool dropOnto(QListView *view, QMimeData *data, Qt::DropActions actions, int row, bool below)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    const QPoint at(rect.center().x(), below ? rect.bottom() - 1 : rect.top() + 1);
    QDragEnterEvent enter(at, actions, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(at, actions, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(at, actions, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    return drop.isAccepted();
}

void clearField(QWidget *field)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
}

} // namespace

class TestSurveyBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void dragAndDropReorders();
    void bankItemsDropIn();
    void keyboardMovesAndUndo();
    void undoWhileTyping();
    void warnsOfAMissingTranslation();
    void explainsProblemsBesideTheirField();
    void savesTypingAutomatically();
    void calendarAndPopulationFollowTheSettings();
    void conflictTakesTheirsAndKeepsMineOneUndoAway();
    void conflictOverwritesTheirs();
    void aPublishedSurveyOpensReadOnly();
    void previewSaysWhatTheRespondentPageSays();

private:
    api::Survey createThroughTheService(const api::SurveyDefinition &definition);
    api::Survey readThroughTheService(const QString &id);
    bool saveThroughTheService(const api::Survey &survey);
    bool waitForSaved();
    bool setThreshold(int threshold);

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the builder's
    api::Survey m_survey;
    std::unique_ptr<SurveyBuilder> m_builder;
};

void TestSurveyBuilder::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_surveybuilder")));
}

void TestSurveyBuilder::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_survey = createThroughTheService(draft(QUuid::createUuid().toString(QUuid::Id128).left(8)));
    QVERIFY(!m_survey.id.isEmpty());
    m_builder = std::make_unique<SurveyBuilder>(m_desks.client->api);
    m_builder->autosaver().setDelay(100);
    m_builder->open(m_survey.id);
    QVERIFY(showActive(*m_builder, {1240, 780}));
    QTRY_VERIFY_WITH_TIMEOUT(m_builder->isReady(), kWaitMs);
    QCOMPARE(m_builder->autosaver().state(), State::Saved);
    QCOMPARE(m_builder->document().definition(), m_survey.definition);
    QTRY_VERIFY_WITH_TIMEOUT(m_builder->targetCounter().isLoaded(), kWaitMs);
}

void TestSurveyBuilder::cleanup()
{
    m_builder.reset();
    m_server.reportIfFailed();
}

void TestSurveyBuilder::cleanupTestCase()
{
    m_desks.signOut();
}

api::Survey TestSurveyBuilder::createThroughTheService(const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys");
    request.body = api::toJson(definition);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_desks.other->api, request);
    const auto survey =
        created.ok ? api::surveyFromJson(created.json) : api::Result<api::Survey>(api::Error{});
    return survey ? survey.value() : api::Survey{};
}

api::Survey TestSurveyBuilder::readThroughTheService(const QString &id)
{
    const Outcome read = get(m_desks.other->api, QStringLiteral("/api/v1/surveys/") + id);
    const auto survey =
        read.ok ? api::surveyFromJson(read.json) : api::Result<api::Survey>(api::Error{});
    return survey ? survey.value() : api::Survey{};
}

// Someone else's save at their desk, on the revision they read.
bool TestSurveyBuilder::saveThroughTheService(const api::Survey &survey)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("/api/v1/surveys/") + survey.id;
    request.body = api::toJson(survey.definition);
    request.ifMatch = '"' + QByteArray::number(survey.revision) + '"';
    return call(m_desks.other->api, request).ok;
}

bool TestSurveyBuilder::waitForSaved()
{
    return QTest::qWaitFor(
        [this] {
            return m_builder->autosaver().state() == State::Saved &&
                   !m_builder->autosaver().hasUnsavedChanges();
        },
        kWaitMs);
}

void TestSurveyBuilder::dragAndDropReorders()
{
    QListView *view = m_builder->questionView();
    QuestionListModel *model = m_builder->document().questionModel();
    // The first question dragged below the third.
    std::unique_ptr<QMimeData> first(model->mimeData({model->index(0)}));
    QVERIFY(dropOnto(view, first.get(), model->supportedDragActions(), 2, true));
    QCOMPARE(order(m_builder->document().definition()), order("q2 q3 q1"));
    // The (now) last dragged above the second.
    std::unique_ptr<QMimeData> last(model->mimeData({model->index(2)}));
    QVERIFY(dropOnto(view, last.get(), model->supportedDragActions(), 1, false));
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
    // Dropped where it already is: nothing moves.
    std::unique_ptr<QMimeData> same(model->mimeData({model->index(0)}));
    QVERIFY(dropOnto(view, same.get(), model->supportedDragActions(), 0, false));
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
    QCOMPARE(m_builder->document().undoStack()->count(), 2);
    QVERIFY(waitForSaved());
    QCOMPARE(order(readThroughTheService(m_survey.id).definition), order("q2 q1 q3"));
    // Every move is undone, and the undo saved too.
    m_builder->undoAction()->trigger();
    m_builder->undoAction()->trigger();
    QCOMPARE(m_builder->document().definition(), m_survey.definition);
    QVERIFY(waitForSaved());
    QCOMPARE(readThroughTheService(m_survey.id).definition, m_survey.definition);
}

void TestSurveyBuilder::bankItemsDropIn()
{
    QuestionBankModel bank;
    const api::BankItem &item = api::questionBank().at(12);
    std::unique_ptr<QMimeData> data(bank.mimeData({bank.indexOf(item.id)}));
    QVERIFY(dropOnto(m_builder->questionView(), data.get(), bank.supportedDragActions(), 0, true));
    const api::Question &added = m_builder->document().definition().questions.at(1);
    QCOMPARE(added.text, (api::LocalizedText{item.textJa, item.textEn}));
    QCOMPARE(m_builder->questionView()->model()->rowCount(), 4);
    QVERIFY(waitForSaved());
    QCOMPARE(readThroughTheService(m_survey.id).definition.questions.at(1).text, added.text);
}

void TestSurveyBuilder::keyboardMovesAndUndo()
{
    QListView *view = m_builder->questionView();
    view->setCurrentIndex(view->model()->index(0, 0));
    view->setFocus();
    QVERIFY(!m_builder->moveUpAction()->isEnabled());
    QVERIFY(m_builder->moveDownAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
    QCOMPARE(view->currentIndex().row(), 1); // the moved question stays the current one
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(order(m_builder->document().definition()), order("q2 q3 q1"));
    QVERIFY(!m_builder->moveDownAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
    // Ctrl+Z and Ctrl+Shift+Z through the builder's history.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(order(m_builder->document().definition()), order("q2 q3 q1"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_builder->document().definition(), m_survey.definition);
    QVERIFY(!m_builder->undoAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
    // Delete removes the current question; undo brings it back in its place.
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(order(m_builder->document().definition()), order("q1 q3"));
    m_builder->undoAction()->trigger();
    QCOMPARE(order(m_builder->document().definition()), order("q2 q1 q3"));
}

void TestSurveyBuilder::undoWhileTyping()
{
    m_builder->questionView()->setCurrentIndex(m_builder->questionView()->model()->index(1, 0));
    QPlainTextEdit *english = m_builder->questionEditor()->textField(false);
    QCOMPARE(english->toPlainText(), QStringLiteral("Two"));
    english->setFocus();
    english->moveCursor(QTextCursor::End);
    QTest::keyClicks(english, QStringLiteral(" more words"));
    QCOMPARE(m_builder->document().definition().questions.at(1).text.en,
             QStringLiteral("Two more words"));
    // The typing is one step, and Ctrl+Z in the field is the builder's undo.
    QCOMPARE(m_builder->document().undoStack()->count(), 1);
    QTest::keyClick(english, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(english->toPlainText(), QStringLiteral("Two"));
    QCOMPARE(m_builder->document().definition(), m_survey.definition);
    QTest::keyClick(english, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(english->toPlainText(), QStringLiteral("Two more words"));
    // The name, likewise.
    QLineEdit *name = m_builder->nameField(false);
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral("!!"));
    QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(name->text(), m_survey.definition.name.en);
}

// The company's anonymity threshold, as an admin at the other desk sets it.
bool TestSurveyBuilder::setThreshold(int threshold)
{
    const QString path = QStringLiteral("/api/v1/engagement/settings");
    const Outcome read = get(m_desks.other->api, path);
    const auto settings = read.ok ? api::engagementSettingsFromJson(read.json)
                                  : api::Result<api::EngagementSettings>(api::Error{});
    if (!settings)
        return false;
    api::EngagementSettings changed = settings.value();
    changed.anonymityThreshold = threshold;
    ApiRequest request;
    request.method = "PUT";
    request.path = path;
    request.body = api::toJson(changed);
    request.ifMatch = read.etag;
    return call(m_desks.other->api, request).ok;
}

void TestSurveyBuilder::warnsOfAMissingTranslation()
{
    QListView *view = m_builder->questionView();
    view->setCurrentIndex(view->model()->index(0, 0));
    QuestionEditor *editor = m_builder->questionEditor();
    QVERIFY(!editor->translationWarning(false)->isVisible());
    QVERIFY(m_builder->publishProblemLabel()->text().startsWith(QStringLiteral("Ready")));

    clearField(editor->textField(false));
    QCOMPARE(m_builder->document().definition().questions.at(0).text.en, QString());
    QVERIFY(editor->translationWarning(false)->isVisible());
    QVERIFY(!editor->translationWarning(true)->isVisible());
    QVERIFY(editor->translationWarning(false)->text().contains(QStringLiteral("English")));
    QVERIFY(view->model()->index(0, 0).data(QuestionListModel::MissingTranslationRole).toBool());
    // Allowed in a draft (saved), refused at publishing (said so beside it and below).
    QVERIFY(waitForSaved());
    QVERIFY(editor->problemLabel()->isVisible());
    QVERIFY(
        editor->problemLabel()->text().contains(QStringLiteral("Question 1 has no English text.")));
    QVERIFY(m_builder->publishProblemLabel()->text().contains(
        QStringLiteral("Question 1 has no English text.")));
    QVERIFY(
        m_builder->preview(false)->toPlainText().contains(QStringLiteral("English text missing")));
    QVERIFY(m_builder->preview(true)->toPlainText().contains(QStringLiteral("一")));

    m_builder->undoAction()->trigger();
    QVERIFY(!editor->translationWarning(false)->isVisible());
    QVERIFY(!editor->problemLabel()->isVisible());
    QVERIFY(!view->model()->index(0, 0).data(QuestionListModel::MissingTranslationRole).toBool());
}

void TestSurveyBuilder::explainsProblemsBesideTheirField()
{
    // No name at all: a draft's own rule, so nothing is sent until it is corrected.
    clearField(m_builder->nameField(true));
    clearField(m_builder->nameField(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_builder->autosaver().state(), State::Invalid, kWaitMs);
    QVERIFY(m_builder->nameProblemLabel()->isVisible());
    QVERIFY(
        m_builder->nameProblemLabel()->text().contains(QStringLiteral("Give the survey a name.")));
    QVERIFY(m_builder->saveStatusLabel()->text().contains(QStringLiteral("correct")));
    QTest::keyClicks(m_builder->nameField(false), QStringLiteral("Named again"));
    QVERIFY(waitForSaved());
    // Half a name: saved as a draft, explained beside it and below as what stops publishing.
    QVERIFY(m_builder->nameProblemLabel()->isVisible());
    QVERIFY(m_builder->nameProblemLabel()->text().contains(
        QStringLiteral("The survey's name has no Japanese version.")));
    QVERIFY(m_builder->publishProblemLabel()->text().contains(
        QStringLiteral("The survey's name has no Japanese version.")));
    QCOMPARE(readThroughTheService(m_survey.id).definition.name.en, QStringLiteral("Named again"));

    // A delivery rule: a weekly round must close within its week.
    m_builder->document().undoStack()->setIndex(0);
    m_builder->tabs()->setCurrentWidget(m_builder->deliveryEditor());
    api::DeliverySettings weekly = m_builder->document().definition().delivery;
    weekly.recurrenceWeeks = 1;
    m_builder->document().setDelivery(SurveyDocument::DeliveryField::Recurrence, weekly);
    m_builder->deliveryEditor()->periodBox()->setValue(10);
    const auto problem = m_builder->publishingProblem();
    QVERIFY(problem);
    QCOMPARE(problem->field, QStringLiteral("delivery.periodDays"));
    QLabel *shown = nullptr;
    for (QLabel *label : m_builder->deliveryEditor()->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(QStringLiteral("next round opens")))
            shown = label;
    }
    QVERIFY(shown);
    // The validator's own detail beneath the sentence.
    QVERIFY(shown->text().contains(problem->detail.toHtmlEscaped()));
    QTRY_COMPARE_WITH_TIMEOUT(m_builder->autosaver().state(), State::Invalid, kWaitMs);
    m_builder->deliveryEditor()->periodBox()->setValue(7);
    QVERIFY(waitForSaved());
    QVERIFY(!shown->isVisible());
}

void TestSurveyBuilder::savesTypingAutomatically()
{
    m_builder->questionView()->setCurrentIndex(m_builder->questionView()->model()->index(2, 0));
    QPlainTextEdit *japanese = m_builder->questionEditor()->textField(true);
    japanese->setFocus();
    japanese->moveCursor(QTextCursor::End);
    QInputMethodEvent typed;
    typed.setCommitString(QStringLiteral("番目の質問"));
    QApplication::sendEvent(japanese, &typed);
    QCOMPARE(m_builder->autosaver().state(), State::Pending);
    QVERIFY(waitForSaved());
    const api::Survey stored = readThroughTheService(m_survey.id);
    QCOMPARE(stored.definition.questions.at(2).text.ja, QStringLiteral("三番目の質問"));
    QCOMPARE(stored.revision, m_survey.revision + 1);
    QCOMPARE(m_builder->autosaver().survey().revision, stored.revision);
    QCOMPARE(m_builder->saveStatusLabel()->text(), QStringLiteral("All changes saved."));
}

void TestSurveyBuilder::calendarAndPopulationFollowTheSettings()
{
    m_builder->tabs()->setCurrentWidget(m_builder->deliveryEditor());
    DeliveryEditor *editor = m_builder->deliveryEditor();
    // A week from the start (in Tokyo), reminders two days before the end and on the last day.
    const QDate start = m_survey.definition.delivery.startDate;
    QList<QDate> week;
    for (int day = 0; day < 7; ++day)
        week << start.addDays(day);
    QCOMPARE(editor->roundDays(), week);
    QCOMPARE(editor->reminderDays(), (QList<QDate>{start.addDays(4), start.addDays(6)}));
    QVERIFY(editor->upcomingLabel()->text().contains(QStringLiteral("Round 1")));

    editor->periodBox()->setValue(3);
    QCOMPARE(editor->roundDays().size(), 3);
    QCOMPARE(editor->reminderDays(), (QList<QDate>{start.addDays(0), start.addDays(2)}));
    m_builder->undoAction()->trigger();
    QCOMPARE(editor->roundDays(), week);

    // Everyone who may be asked, then one group's subtree: counted as the targets change.
    const TargetCounter &counter = m_builder->targetCounter();
    const int everyone = *counter.count({}, start);
    QVERIFY(everyone > 0);
    QCOMPARE(editor->population(), everyone);
    QVERIFY(editor->populationLabel()->text().contains(QString::number(everyone)));
    QAbstractItemModel *groups = editor->groupView()->model();
    const QModelIndex top = groups->index(0, 0, groups->index(0, 0));
    const QString groupId = top.data(GroupTreeModel::GroupIdRole).toString();
    QVERIFY(groups->setData(top, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_builder->document().definition().delivery.targets.groupIds, QStringList{groupId});
    QCOMPARE(top.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    api::TargetFilter oneGroup;
    oneGroup.groupIds = {groupId};
    const int inGroup = *counter.count(oneGroup, start);
    QVERIFY(inGroup > 0 && inGroup < everyone);
    QCOMPARE(editor->population(), inGroup);
    QVERIFY(editor->populationLabel()->text().contains(QString::number(inGroup)));
    QVERIFY(waitForSaved());
    QCOMPARE(readThroughTheService(m_survey.id).definition.delivery.targets.groupIds,
             QStringList{groupId});
    m_builder->undoAction()->trigger();
    QCOMPARE(editor->population(), everyone);
    QCOMPARE(top.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestSurveyBuilder::conflictTakesTheirsAndKeepsMineOneUndoAway()
{
    api::Survey theirs = m_survey;
    theirs.definition.name.en = QStringLiteral("Their name");
    QVERIFY(saveThroughTheService(theirs));

    m_builder->questionView()->setCurrentIndex(m_builder->questionView()->model()->index(0, 0));
    QPlainTextEdit *english = m_builder->questionEditor()->textField(false);
    english->setFocus();
    english->moveCursor(QTextCursor::End);
    QTest::keyClicks(english, QStringLiteral(" (mine)"));
    const api::SurveyDefinition mine = m_builder->document().definition();

    auto *box = waitForModal<QMessageBox>();
    QVERIFY(box);
    QCOMPARE(m_builder->autosaver().state(), State::Conflict);
    QVERIFY(m_builder->saveStatusLabel()->text().contains(QStringLiteral("someone else")));
    // Nothing of theirs was overwritten meanwhile.
    QCOMPARE(readThroughTheService(m_survey.id).definition.name.en, QStringLiteral("Their name"));
    QVERIFY(answerMessageBox(QMessageBox::AcceptRole));
    QCOMPARE(m_builder->document().definition().name.en, QStringLiteral("Their name"));
    QCOMPARE(m_builder->document().definition().questions.at(0).text.en, QStringLiteral("One"));
    QCOMPARE(m_builder->autosaver().state(), State::Saved);
    QVERIFY(m_builder->banner()->isVisible());

    // One's own text is one undo away, and saved over theirs only then.
    m_builder->undoAction()->trigger();
    QCOMPARE(m_builder->document().definition(), mine);
    QVERIFY(waitForSaved());
    QCOMPARE(readThroughTheService(m_survey.id).definition, mine);
}

void TestSurveyBuilder::conflictOverwritesTheirs()
{
    api::Survey theirs = m_survey;
    theirs.definition.questions[1].text.en = QStringLiteral("Their two");
    QVERIFY(saveThroughTheService(theirs));

    QLineEdit *name = m_builder->nameField(false);
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral(" (mine)"));
    const api::SurveyDefinition mine = m_builder->document().definition();
    QVERIFY(waitForModal<QMessageBox>());
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QVERIFY(waitForSaved());
    const api::Survey stored = readThroughTheService(m_survey.id);
    QCOMPARE(stored.definition, mine);
    QCOMPARE(stored.revision, m_survey.revision + 2);
}

void TestSurveyBuilder::aPublishedSurveyOpensReadOnly()
{
    ApiRequest publish;
    publish.method = "POST";
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(m_survey.id);
    publish.ifMatch = '"' + QByteArray::number(m_survey.revision) + '"';
    QVERIFY(call(m_desks.other->api, publish).ok);
    m_builder->open(m_survey.id);
    QTRY_VERIFY_WITH_TIMEOUT(m_builder->isReady(), kWaitMs);
    QVERIFY(!m_builder->isEditable());
    QVERIFY(m_builder->nameField(true)->isReadOnly());
    QVERIFY(m_builder->questionEditor()->textField(false)->isReadOnly());
    QVERIFY(!m_builder->addFromBankAction()->isEnabled());
    QVERIFY(!m_builder->publishAction()->isVisible());
    QCOMPARE(m_builder->questionView()->dragDropMode(), QAbstractItemView::NoDragDrop);
    QVERIFY(m_builder->windowTitle().contains(QStringLiteral("read-only")));
}

// The preview's words are the respondent page's (api/respondenttexts.h), in
// each language whatever the window's, with the company's own threshold.
void TestSurveyBuilder::previewSaysWhatTheRespondentPageSays()
{
    const auto english = [this] {
        return m_builder->preview(false)->toPlainText();
    };
    const auto japanese = [this] {
        return m_builder->preview(true)->toPlainText();
    };
    const auto said = [](api::Text text, api::Language language) {
        return api::text(text, language);
    };
    for (const api::Language language : {api::Language::Japanese, api::Language::English}) {
        const QString shown = language == api::Language::English ? english() : japanese();
        for (const QString &label : api::scaleLabels(api::QuestionType::Agreement5, language))
            QVERIFY2(shown.contains(label), qPrintable(label));
        QVERIFY(shown.contains(said(api::Text::PrivacyHeading, language)));
        QVERIFY(shown.contains(said(api::Text::Submit, language)));
    }

    const auto before = api::engagementSettingsFromJson(
        get(m_desks.other->api, QStringLiteral("/api/v1/engagement/settings")).json);
    QVERIFY(before);
    QVERIFY(before.value().anonymityThreshold != 7);
    QVERIFY(setThreshold(7));
    const auto restore =
        qScopeGuard([this, &before] { setThreshold(before.value().anonymityThreshold); });
    m_builder = std::make_unique<SurveyBuilder>(m_desks.client->api);
    m_builder->open(m_survey.id);
    QVERIFY(showActive(*m_builder, {1240, 780}));
    QTRY_VERIFY_WITH_TIMEOUT(
        english().contains(said(api::Text::PrivacyAggregated, api::Language::English).arg(7)),
        kWaitMs);
    QVERIFY(
        japanese().contains(said(api::Text::PrivacyAggregated, api::Language::Japanese).arg(7)));
}

QTEST_MAIN(TestSurveyBuilder)
#include "tst_surveybuilder.moc"
