// SurveyDocument: every edit is one command on its QUndoStack, undone and
// redone exactly; typing into one field merges into one command (and one
// that ends where it began drops out); commands find their question by id
// after moves; the question list model reorders through the document (drag
// and drop and moveRows) and takes bank items dropped on it.

#include "api/questionbank.h"
#include "models/surveys/questionbankmodel.h"
#include "models/surveys/questionlistmodel.h"
#include "models/surveys/surveydocument.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <functional>
#include <memory>

using namespace engage;
using namespace engage::models;

using Edit = std::function<void(SurveyDocument &)>;
Q_DECLARE_METATYPE(Edit)

namespace {

api::Question question(const QString &id, api::QuestionType type, const QString &ja,
                       const QString &en)
{
    api::Question q;
    q.id = id;
    q.type = type;
    q.text = {ja, en};
    if (type == api::QuestionType::SingleChoice || type == api::QuestionType::MultipleChoice)
        q.options = {{QStringLiteral("はい"), QStringLiteral("Yes")},
                     {QStringLiteral("いいえ"), QStringLiteral("No")},
                     {QStringLiteral("わからない"), QStringLiteral("Not sure")}};
    return q;
}

// Three questions, one of each kind of editor: a scale, a choice, free text.
api::SurveyDefinition base()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("職場アンケート"), QStringLiteral("Workplace survey")};
    definition.questions = {question(QStringLiteral("q1"), api::QuestionType::Agreement5,
                                     QStringLiteral("楽しい"), QStringLiteral("I enjoy my work")),
                            question(QStringLiteral("q2"), api::QuestionType::SingleChoice,
                                     QStringLiteral("在宅勤務"), QStringLiteral("Remote work")),
                            question(QStringLiteral("q3"), api::QuestionType::FreeText,
                                     QStringLiteral("ご意見"), QStringLiteral("Comments"))};
    definition.delivery.startDate = QDate(2026, 4, 6);
    return definition;
}

QStringList ids(const SurveyDocument &document)
{
    QStringList found;
    for (const api::Question &q : document.definition().questions)
        found << q.id;
    return found;
}

// "q2 q3 q1": question ids in their order.
QStringList order(const char *ids)
{
    return QString::fromLatin1(ids).split(u' ');
}

} // namespace

class TestSurveyDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyEditUndoesAndRedoes_data();
    void everyEditUndoesAndRedoes();
    void typingMergesIntoOneCommand();
    void typingBackToTheStartLeavesNoCommand();
    void differentFieldsDoNotMerge();
    void editsFollowTheirQuestionAfterAMove();
    void idsStayUniqueAfterRemoval();
    void aPulseTakesNoQuestions();
    void loadClearsTheHistory();
    void listModelReordersByDrop();
    void listModelReordersByMoveRows();
    void listModelTakesBankItems();
    void listModelFlagsMissingTranslations();
    void bankModelGroupsByFactor();

private:
    std::unique_ptr<SurveyDocument> m_document;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSurveyDocument::init()
{
    m_document = std::make_unique<SurveyDocument>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_document->questionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_document->load(base());
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestSurveyDocument::cleanup()
{
    m_tester.reset();
    m_document.reset();
}

void TestSurveyDocument::everyEditUndoesAndRedoes_data()
{
    QTest::addColumn<Edit>("edit");
    const auto delivery = [](SurveyDocument::DeliveryField field,
                             std::function<void(api::DeliverySettings &)> change) {
        return Edit([field, change](SurveyDocument &document) {
            api::DeliverySettings settings = document.definition().delivery;
            change(settings);
            document.setDelivery(field, settings);
        });
    };
    QTest::newRow("name ja") << Edit(
        [](SurveyDocument &d) { d.setName(true, QStringLiteral("新しい名前")); });
    QTest::newRow("name en") << Edit(
        [](SurveyDocument &d) { d.setName(false, QStringLiteral("New name")); });
    QTest::newRow("add from bank") << Edit(
        [](SurveyDocument &d) { QCOMPARE(d.addBankQuestion(api::questionBank().at(5).id, 1), 1); });
    QTest::newRow("add custom at end") << Edit([](SurveyDocument &d) {
        QCOMPARE(d.addCustomQuestion(api::QuestionType::MultipleChoice), 3);
    });
    QTest::newRow("remove") << Edit([](SurveyDocument &d) { d.removeQuestion(1); });
    QTest::newRow("move down") << Edit([](SurveyDocument &d) { QVERIFY(d.moveQuestion(0, 2)); });
    QTest::newRow("move up") << Edit([](SurveyDocument &d) { QVERIFY(d.moveQuestion(2, 0)); });
    QTest::newRow("text ja") << Edit(
        [](SurveyDocument &d) { d.setQuestionText(0, true, QStringLiteral("とても楽しい")); });
    QTest::newRow("text en") << Edit(
        [](SurveyDocument &d) { d.setQuestionText(2, false, QStringLiteral("Anything else?")); });
    QTest::newRow("type to choice") << Edit([](SurveyDocument &d) {
        d.setQuestionType(0, api::QuestionType::SingleChoice);
        QCOMPARE(d.definition().questions.at(0).options.size(), 2);
    });
    QTest::newRow("type from choice") << Edit([](SurveyDocument &d) {
        d.setQuestionType(1, api::QuestionType::Scale11);
        QVERIFY(d.definition().questions.at(1).options.isEmpty());
    });
    QTest::newRow("optional") << Edit([](SurveyDocument &d) { d.setQuestionRequired(2, false); });
    QTest::newRow("add option") << Edit([](SurveyDocument &d) { d.addOption(1); });
    QTest::newRow("remove option") << Edit([](SurveyDocument &d) { d.removeOption(1, 0); });
    QTest::newRow("move option") << Edit([](SurveyDocument &d) { d.moveOption(1, 2, 0); });
    QTest::newRow("option text") << Edit(
        [](SurveyDocument &d) { d.setOptionText(1, 1, false, QStringLiteral("Never")); });
    QTest::newRow("start") << delivery(SurveyDocument::DeliveryField::Start,
                                       [](api::DeliverySettings &s) {
                                           s.startDate = QDate(2026, 5, 11);
                                           s.startTime = QTime(8, 30);
                                       });
    QTest::newRow("time zone") << delivery(
        SurveyDocument::DeliveryField::TimeZone,
        [](api::DeliverySettings &s) { s.timeZone = QStringLiteral("Europe/London"); });
    QTest::newRow("period") << delivery(SurveyDocument::DeliveryField::Period,
                                        [](api::DeliverySettings &s) { s.periodDays = 14; });
    QTest::newRow("recurrence") << delivery(
        SurveyDocument::DeliveryField::Recurrence,
        [](api::DeliverySettings &s) { s.recurrenceWeeks = 4; });
    QTest::newRow("reminders") << delivery(SurveyDocument::DeliveryField::Reminders,
                                           [](api::DeliverySettings &s) {
                                               s.reminderDaysBeforeEnd = {5, 1};
                                               s.reminderTime = QTime(16, 0);
                                           });
    QTest::newRow("targets") << delivery(
        SurveyDocument::DeliveryField::Targets, [](api::DeliverySettings &s) {
            s.targets.groupIds = {QStringLiteral("g1")};
            s.targets.attributes = {{QStringLiteral("grade"), {QStringLiteral("G3")}}};
        });
    QTest::newRow("comment threshold")
        << Edit([](SurveyDocument &d) { d.setCommentThreshold(20); });
    QTest::newRow("replace whole") << Edit([](SurveyDocument &d) {
        api::SurveyDefinition theirs = base();
        theirs.questions.removeFirst();
        theirs.name.en = QStringLiteral("Their survey");
        d.replace(theirs, QStringLiteral("take theirs"));
    });
}

void TestSurveyDocument::everyEditUndoesAndRedoes()
{
    QFETCH(Edit, edit);
    QSignalSpy changed(m_document.get(), &SurveyDocument::changed);
    edit(*m_document);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!changed.isEmpty());
    const api::SurveyDefinition after = m_document->definition();
    QVERIFY(after != base());

    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition(), base());
    m_document->undoStack()->redo();
    QCOMPARE(m_document->definition(), after);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition(), base());
}

void TestSurveyDocument::typingMergesIntoOneCommand()
{
    const QString typed = QStringLiteral("I enjoy my work a lot");
    const QString start = base().questions.at(0).text.en;
    for (int length = start.size() + 1; length <= typed.size(); ++length)
        m_document->setQuestionText(0, false, typed.left(length));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->definition().questions.at(0).text.en, typed);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition().questions.at(0).text.en, start);

    // The name and a choice merge the same way.
    for (const QString &name : {QStringLiteral("P"), QStringLiteral("Pu"), QStringLiteral("Pul")})
        m_document->setName(false, name);
    for (const QString &text : {QStringLiteral("Y"), QStringLiteral("Ye"), QStringLiteral("Yes!")})
        m_document->setOptionText(1, 0, false, text);
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition().questions.at(1).options.at(0).en, QStringLiteral("Yes"));
    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition().name.en, base().name.en);
}

void TestSurveyDocument::typingBackToTheStartLeavesNoCommand()
{
    m_document->setQuestionText(0, true, QStringLiteral("楽しいです"));
    m_document->setQuestionText(0, true, QStringLiteral("楽しい"));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(m_document->definition(), base());
}

void TestSurveyDocument::differentFieldsDoNotMerge()
{
    m_document->setQuestionText(0, true, QStringLiteral("楽しいA"));
    m_document->setQuestionText(0, false, QStringLiteral("I enjoy my workA"));
    m_document->setQuestionText(1, false, QStringLiteral("Remote workA"));
    m_document->setQuestionText(0, true, QStringLiteral("楽しいAB"));
    // A structural step between two typings of one field separates them too.
    m_document->setQuestionRequired(0, false);
    m_document->setQuestionText(0, true, QStringLiteral("楽しいABC"));
    QCOMPARE(m_document->undoStack()->count(), 6);
    m_document->undoStack()->setIndex(0);
    QCOMPARE(m_document->definition(), base());
}

void TestSurveyDocument::editsFollowTheirQuestionAfterAMove()
{
    m_document->setQuestionText(0, false, QStringLiteral("Work is fun"));
    QVERIFY(m_document->moveQuestion(0, 2));
    QCOMPARE(ids(*m_document), order("q2 q3 q1"));
    // Undoing the text while the question sits elsewhere: by id, not by row.
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QCOMPARE(m_document->definition(), base());
    m_document->undoStack()->redo();
    m_document->undoStack()->redo();
    QCOMPARE(m_document->definition().questions.at(2).text.en, QStringLiteral("Work is fun"));
    QCOMPARE(m_document->definition().questions.at(2).id, QStringLiteral("q1"));
}

void TestSurveyDocument::idsStayUniqueAfterRemoval()
{
    m_document->removeQuestion(2); // q3
    const int row = m_document->addCustomQuestion(api::QuestionType::FreeText);
    QCOMPARE(m_document->definition().questions.at(row).id, QStringLiteral("q3"));
    m_document->removeQuestion(0); // q1
    m_document->addCustomQuestion(api::QuestionType::Scale11);
    QCOMPARE(ids(*m_document), order("q2 q3 q4"));
    QVERIFY(!api::validateDefinition(m_document->definition()));
}

void TestSurveyDocument::aPulseTakesNoQuestions()
{
    api::SurveyDefinition pulse;
    pulse.name = {QStringLiteral("パルス"), QStringLiteral("Pulse")};
    m_document->load(pulse);
    QVERIFY(!m_document->canAddQuestion());
    QCOMPARE(m_document->addBankQuestion(api::questionBank().constFirst().id), -1);
    QCOMPARE(m_document->addCustomQuestion(api::QuestionType::Agreement5), -1);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestSurveyDocument::loadClearsTheHistory()
{
    m_document->setName(true, QStringLiteral("変更"));
    QSignalSpy reset(m_document.get(), &SurveyDocument::reset);
    m_document->load(base());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestSurveyDocument::listModelReordersByDrop()
{
    QuestionListModel *model = m_document->questionModel();
    QSignalSpy moved(model, &QAbstractItemModel::rowsMoved);
    // q1 dragged below q3 (dropped at the end), then q3 dropped onto q2 (before it).
    std::unique_ptr<QMimeData> first(model->mimeData({model->index(0)}));
    QVERIFY(model->canDropMimeData(first.get(), Qt::MoveAction, -1, -1, {}));
    QVERIFY(model->dropMimeData(first.get(), Qt::MoveAction, -1, -1, {}));
    QCOMPARE(ids(*m_document), order("q2 q3 q1"));
    std::unique_ptr<QMimeData> second(model->mimeData({model->index(1)}));
    QVERIFY(model->dropMimeData(second.get(), Qt::MoveAction, -1, -1, model->index(0)));
    QCOMPARE(ids(*m_document), order("q3 q2 q1"));
    QCOMPARE(moved.count(), 2);
    QCOMPARE(m_document->undoStack()->count(), 2);
    // Two rows dragged at once land together, as one step.
    std::unique_ptr<QMimeData> both(model->mimeData({model->index(2), model->index(0)}));
    QVERIFY(model->dropMimeData(both.get(), Qt::MoveAction, 2, -1, {}));
    QCOMPARE(ids(*m_document), order("q2 q3 q1"));
    QCOMPARE(m_document->undoStack()->count(), 3);
    m_document->undoStack()->setIndex(0);
    QCOMPARE(m_document->definition(), base());
    // Dropping onto itself changes nothing.
    std::unique_ptr<QMimeData> same(model->mimeData({model->index(1)}));
    QVERIFY(model->dropMimeData(same.get(), Qt::MoveAction, 1, -1, {}));
    QCOMPARE(ids(*m_document), order("q1 q2 q3"));
}

void TestSurveyDocument::listModelReordersByMoveRows()
{
    QuestionListModel *model = m_document->questionModel();
    // Qt's convention: the row it goes before, counted before the move.
    QVERIFY(model->moveRow({}, 0, {}, 3));
    QCOMPARE(ids(*m_document), order("q2 q3 q1"));
    QVERIFY(model->moveRow({}, 2, {}, 0));
    QCOMPARE(ids(*m_document), order("q1 q2 q3"));
    QVERIFY(!model->moveRow({}, 0, {}, 9));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestSurveyDocument::listModelTakesBankItems()
{
    QuestionListModel *model = m_document->questionModel();
    QuestionBankModel bank;
    const api::BankItem &item = api::questionBank().at(7);
    std::unique_ptr<QMimeData> data(bank.mimeData({bank.indexOf(item.id)}));
    QVERIFY(data);
    QVERIFY(model->canDropMimeData(data.get(), Qt::CopyAction, 1, -1, {}));
    QVERIFY(model->dropMimeData(data.get(), Qt::CopyAction, 1, -1, {}));
    const api::Question &added = m_document->definition().questions.at(1);
    QCOMPARE(added.text, (api::LocalizedText{item.textJa, item.textEn}));
    QCOMPARE(added.type, api::QuestionType::Agreement5);
    QCOMPARE(added.id, QStringLiteral("q4"));
    QCOMPARE(model->rowCount(), 4);
    // A factor is not a question: nothing to drag.
    QVERIFY(!bank.mimeData({bank.index(0, 0)}));
}

void TestSurveyDocument::listModelFlagsMissingTranslations()
{
    QuestionListModel *model = m_document->questionModel();
    QVERIFY(!model->index(0).data(QuestionListModel::MissingTranslationRole).toBool());
    m_document->setQuestionText(0, false, QString());
    QVERIFY(model->index(0).data(QuestionListModel::MissingTranslationRole).toBool());
    m_document->undoStack()->undo();
    m_document->setOptionText(1, 2, true, QString());
    QVERIFY(model->index(1).data(QuestionListModel::MissingTranslationRole).toBool());
    // A new question has no text in either language: empty, not half translated.
    const int row = m_document->addCustomQuestion(api::QuestionType::Agreement7);
    QVERIFY(!model->index(row).data(QuestionListModel::MissingTranslationRole).toBool());
}

void TestSurveyDocument::bankModelGroupsByFactor()
{
    QuestionBankModel bank;
    QAbstractItemModelTester tester(&bank, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(bank.rowCount(), api::kFactorCount);
    int items = 0;
    for (int factor = 0; factor < bank.rowCount(); ++factor) {
        const QModelIndex parent = bank.index(factor, 0);
        for (int row = 0; row < bank.rowCount(parent); ++row) {
            const QString id =
                bank.index(row, 0, parent).data(QuestionBankModel::BankItemIdRole).toString();
            QCOMPARE(api::bankItem(id)->factor, api::allFactors().at(factor));
            QCOMPARE(bank.indexOf(id), bank.index(row, 0, parent));
            ++items;
        }
    }
    QCOMPARE(items, api::kBankSize);
}

QTEST_MAIN(TestSurveyDocument)
#include "tst_surveydocument.moc"
