#include "surveydocument.h"

#include "api/questionbank.h"
#include "models/rowlookup.h"
#include "questionlistmodel.h"

#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>
#include <functional>
#include <utility>

namespace engage::models {

namespace {

// Commands that may merge share one id; QUndoStack merges only equal ids,
// and ValueCommand::mergeWith then compares what they change.
constexpr int kMergeableId = 1;

// A structural step (insert, remove, move): what it does and what undoes it.
class StepCommand final : public QUndoCommand
{
public:
    StepCommand(const QString &text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {}

    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
};

// A part of the definition set from one value to another. Consecutive
// commands with the same merge key (typing into one field) become one, and
// one that ends where it began drops out of the history.
template<typename T>
class ValueCommand final : public QUndoCommand
{
public:
    ValueCommand(const QString &text, std::function<void(const T &)> set, T before, T after,
                 QString mergeKey)
        : QUndoCommand(text)
        , m_set(std::move(set))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(std::move(mergeKey))
    {}

    void redo() override { m_set(m_after); }
    void undo() override { m_set(m_before); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : kMergeableId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ValueCommand<T> *>(other);
        if (!next || next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        setObsolete(m_before == m_after);
        return true;
    }

private:
    std::function<void(const T &)> m_set;
    T m_before;
    T m_after;
    QString m_mergeKey;
};

bool isChoice(api::QuestionType type)
{
    return type == api::QuestionType::SingleChoice || type == api::QuestionType::MultipleChoice;
}

QString languageKey(bool japanese)
{
    return japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

void setSide(api::LocalizedText &text, bool japanese, const QString &value)
{
    (japanese ? text.ja : text.en) = value;
}

} // namespace

SurveyDocument::SurveyDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_questions(new QuestionListModel(*this))
{
    m_questions->setParent(this);
}

SurveyDocument::~SurveyDocument() = default;

void SurveyDocument::load(const api::SurveyDefinition &definition)
{
    m_undo->clear();
    setDefinitionNow(definition);
}

void SurveyDocument::replace(const api::SurveyDefinition &definition, const QString &description)
{
    if (definition == m_definition)
        return;
    m_undo->push(new ValueCommand<api::SurveyDefinition>(
        description, [this](const api::SurveyDefinition &value) { setDefinitionNow(value); },
        m_definition, definition, {}));
}

void SurveyDocument::setName(bool japanese, const QString &text)
{
    api::LocalizedText after = m_definition.name;
    setSide(after, japanese, text);
    if (after == m_definition.name)
        return;
    m_undo->push(new ValueCommand<api::LocalizedText>(
        japanese ? tr("Edit the Japanese name") : tr("Edit the English name"),
        [this](const api::LocalizedText &value) { setNameNow(value); }, m_definition.name, after,
        QStringLiteral("name.") + languageKey(japanese)));
}

void SurveyDocument::setCommentThreshold(int threshold)
{
    if (threshold == m_definition.commentThreshold)
        return;
    m_undo->push(new ValueCommand<int>(
        tr("Change the comment threshold"),
        [this](const int &value) { setCommentThresholdNow(value); }, m_definition.commentThreshold,
        threshold, QStringLiteral("commentThreshold")));
}

void SurveyDocument::setDelivery(DeliveryField field, const api::DeliverySettings &delivery)
{
    if (delivery == m_definition.delivery)
        return;
    QString text;
    switch (field) {
    case DeliveryField::Start:
        text = tr("Change the start");
        break;
    case DeliveryField::TimeZone:
        text = tr("Change the time zone");
        break;
    case DeliveryField::Period:
        text = tr("Change the response period");
        break;
    case DeliveryField::Recurrence:
        text = tr("Change how often it goes out");
        break;
    case DeliveryField::Reminders:
        text = tr("Change the reminders");
        break;
    case DeliveryField::Targets:
        text = tr("Change the targets");
        break;
    }
    m_undo->push(new ValueCommand<api::DeliverySettings>(
        text, [this](const api::DeliverySettings &value) { setDeliveryNow(value); },
        m_definition.delivery, delivery,
        QStringLiteral("delivery.%1").arg(static_cast<int>(field))));
}

bool SurveyDocument::canAddQuestion() const
{
    return m_definition.kind == api::SurveyKind::Custom &&
           m_definition.questions.size() < api::kSurveyQuestionsMax;
}

QString SurveyDocument::nextQuestionId() const
{
    // "q" and one more than the highest number in use: ids stay unique and
    // are never reused within the document, also after a removal.
    int highest = 0;
    for (const api::Question &question : m_definition.questions) {
        if (question.id.startsWith(u'q'))
            highest = std::max(highest, question.id.mid(1).toInt());
    }
    return QStringLiteral("q%1").arg(highest + 1);
}

int SurveyDocument::addBankQuestion(const QString &bankItemId, int row)
{
    const api::BankItem *item = api::bankItem(bankItemId);
    if (!item)
        return -1;
    api::Question question;
    question.type = api::QuestionType::Agreement5;
    question.text = {item->textJa, item->textEn};
    return insertQuestion(question, row);
}

int SurveyDocument::addCustomQuestion(api::QuestionType type, int row)
{
    api::Question question;
    question.type = type;
    if (isChoice(type))
        question.options = {api::LocalizedText(), api::LocalizedText()};
    return insertQuestion(question, row);
}

int SurveyDocument::insertQuestion(const api::Question &question, int row)
{
    if (!canAddQuestion())
        return -1;
    const int count = static_cast<int>(m_definition.questions.size());
    const int at = row < 0 || row > count ? count : row;
    api::Question added = question;
    added.id = nextQuestionId();
    m_undo->push(new StepCommand(
        tr("Add a question"), [this, at, added] { insertNow(at, added); },
        [this, id = added.id] { removeNow(rowOf(id)); }));
    return at;
}

void SurveyDocument::removeQuestion(int row)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    const api::Question removed = m_definition.questions.at(row);
    m_undo->push(new StepCommand(
        tr("Remove a question"), [this, id = removed.id] { removeNow(rowOf(id)); },
        [this, row, removed] { insertNow(row, removed); }));
}

bool SurveyDocument::moveQuestion(int from, int to)
{
    const int count = static_cast<int>(m_definition.questions.size());
    if (from < 0 || from >= count || to < 0 || to >= count)
        return false;
    if (from == to)
        return true;
    m_undo->push(new StepCommand(
        tr("Move a question"), [this, from, to] { moveNow(from, to); },
        [this, from, to] { moveNow(to, from); }));
    return true;
}

void SurveyDocument::editQuestion(int row, const api::Question &after, const QString &description,
                                  const QString &mergeKey)
{
    const api::Question &before = m_definition.questions.at(row);
    if (after == before)
        return;
    m_undo->push(new ValueCommand<api::Question>(
        description,
        [this, id = before.id](const api::Question &value) { setQuestionNow(id, value); }, before,
        after, mergeKey.isEmpty() ? QString() : before.id + u':' + mergeKey));
}

void SurveyDocument::setQuestionText(int row, bool japanese, const QString &text)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    setSide(after.text, japanese, text);
    editQuestion(row, after,
                 japanese ? tr("Edit a question's Japanese text")
                          : tr("Edit a question's English text"),
                 QStringLiteral("text.") + languageKey(japanese));
}

void SurveyDocument::setQuestionType(int row, api::QuestionType type)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    after.type = type;
    // Choices belong to choice questions only; two empty ones to fill in.
    if (!isChoice(type))
        after.options.clear();
    else if (after.options.isEmpty())
        after.options = {api::LocalizedText(), api::LocalizedText()};
    editQuestion(row, after, tr("Change a question's type"));
}

void SurveyDocument::setQuestionRequired(int row, bool required)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    after.required = required;
    editQuestion(row, after,
                 required ? tr("Make a question required") : tr("Make a question optional"));
}

void SurveyDocument::addOption(int row)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    if (!isChoice(after.type) || after.options.size() >= api::kChoiceOptionsMax)
        return;
    after.options.append(api::LocalizedText());
    editQuestion(row, after, tr("Add a choice"));
}

void SurveyDocument::removeOption(int row, int option)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    if (option < 0 || option >= after.options.size())
        return;
    after.options.removeAt(option);
    editQuestion(row, after, tr("Remove a choice"));
}

void SurveyDocument::moveOption(int row, int from, int to)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    if (from < 0 || from >= after.options.size() || to < 0 || to >= after.options.size())
        return;
    after.options.move(from, to);
    editQuestion(row, after, tr("Move a choice"));
}

void SurveyDocument::setOptionText(int row, int option, bool japanese, const QString &text)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    api::Question after = m_definition.questions.at(row);
    if (option < 0 || option >= after.options.size())
        return;
    setSide(after.options[option], japanese, text);
    editQuestion(row, after, tr("Edit a choice"),
                 QStringLiteral("options.%1.").arg(option) + languageKey(japanese));
}

int SurveyDocument::rowOf(const QString &questionId) const
{
    return rowWithId(m_definition.questions, questionId);
}

bool SurveyDocument::missesTranslation(const api::LocalizedText &text)
{
    return text.ja.trimmed().isEmpty() != text.en.trimmed().isEmpty();
}

bool SurveyDocument::missesTranslation(const api::Question &question)
{
    if (missesTranslation(question.text))
        return true;
    return std::any_of(question.options.cbegin(), question.options.cend(),
                       [](const api::LocalizedText &option) { return missesTranslation(option); });
}

void SurveyDocument::insertNow(int row, const api::Question &question)
{
    m_questions->beginInsertRows({}, row, row);
    m_definition.questions.insert(row, question);
    m_questions->endInsertRows();
    Q_EMIT changed();
}

void SurveyDocument::removeNow(int row)
{
    if (row < 0 || row >= m_definition.questions.size())
        return;
    m_questions->beginRemoveRows({}, row, row);
    m_definition.questions.removeAt(row);
    m_questions->endRemoveRows();
    Q_EMIT changed();
}

void SurveyDocument::moveNow(int from, int to)
{
    // beginMoveRows names the row it goes before, counted before the move.
    m_questions->beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_definition.questions.move(from, to);
    m_questions->endMoveRows();
    Q_EMIT changed();
}

void SurveyDocument::setQuestionNow(const QString &questionId, const api::Question &question)
{
    const int row = rowOf(questionId);
    if (row < 0)
        return;
    m_definition.questions[row] = question;
    const QModelIndex index = m_questions->index(row);
    Q_EMIT m_questions->dataChanged(index, index);
    Q_EMIT questionChanged(row);
    Q_EMIT changed();
}

void SurveyDocument::setNameNow(const api::LocalizedText &name)
{
    m_definition.name = name;
    Q_EMIT nameChanged();
    Q_EMIT changed();
}

void SurveyDocument::setDeliveryNow(const api::DeliverySettings &delivery)
{
    m_definition.delivery = delivery;
    Q_EMIT deliveryChanged();
    Q_EMIT changed();
}

void SurveyDocument::setCommentThresholdNow(int threshold)
{
    m_definition.commentThreshold = threshold;
    Q_EMIT changed();
}

void SurveyDocument::setDefinitionNow(const api::SurveyDefinition &definition)
{
    m_questions->beginResetModel();
    m_definition = definition;
    m_questions->endResetModel();
    Q_EMIT reset();
    Q_EMIT nameChanged();
    Q_EMIT deliveryChanged();
    Q_EMIT changed();
}

} // namespace engage::models
