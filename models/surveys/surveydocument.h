#pragma once

#include "api/survey.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace engage::models {

class QuestionListModel;

// The definition being edited in the builder, with its undo history: every
// edit is a command on undoStack() (Ctrl+Z and Ctrl+Shift+Z in the builder),
// and typing into one text (a name, a question or a choice in one language)
// or stepping one delivery setting merges into one command, so that undo
// takes back a word, not a letter. Questions are named by their stable id
// inside the commands, so undoing an edit still finds its question after a
// move. The document holds no revision and sends nothing: DraftAutosaver
// saves it.
class SurveyDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyDocument)

public:
    // Which delivery setting an edit changes, so that stepping one merges.
    enum class DeliveryField
    {
        Start,
        TimeZone,
        Period,
        Recurrence,
        Reminders,
        Targets,
    };
    Q_ENUM(DeliveryField)

    explicit SurveyDocument(QObject *parent = nullptr);
    ~SurveyDocument() override;

    const api::SurveyDefinition &definition() const { return m_definition; }
    QUndoStack *undoStack() const { return m_undo; }
    // The questions as a list model (drag-and-drop reordering, bank drops).
    QuestionListModel *questionModel() const { return m_questions; }

    // A definition as loaded: no history.
    void load(const api::SurveyDefinition &definition);
    // Another definition as one undoable step (taking someone else's version
    // after a conflict: undo brings one's own back).
    void replace(const api::SurveyDefinition &definition, const QString &description);

    void setName(bool japanese, const QString &text);
    void setCommentThreshold(int threshold);
    void setDelivery(DeliveryField field, const api::DeliverySettings &delivery);

    // Inserts at `row` (-1: at the end); answers the new question's row, -1
    // when the survey is full (or a pulse, which asks the bank's questions).
    int addBankQuestion(const QString &bankItemId, int row = -1);
    int addCustomQuestion(api::QuestionType type, int row = -1);
    void removeQuestion(int row);
    // `to` is the row the question ends at. False when either is out of range.
    bool moveQuestion(int from, int to);
    void setQuestionText(int row, bool japanese, const QString &text);
    void setQuestionType(int row, api::QuestionType type);
    void setQuestionRequired(int row, bool required);
    void addOption(int row);
    void removeOption(int row, int option);
    void moveOption(int row, int from, int to);
    void setOptionText(int row, int option, bool japanese, const QString &text);

    int rowOf(const QString &questionId) const; // -1 when absent
    bool canAddQuestion() const;
    // Whether a text of the definition has one language only (the builder
    // warns; publishing refuses).
    static bool missesTranslation(const api::LocalizedText &text);
    static bool missesTranslation(const api::Question &question);

Q_SIGNALS:
    // Any change (edit, undo, redo, load): what the preview and validation follow.
    void changed();
    // The definition was loaded or replaced whole.
    void reset();
    void nameChanged();
    void deliveryChanged();
    void questionChanged(int row);

private:
    friend class QuestionListModel;

    QString nextQuestionId() const;
    int insertQuestion(const api::Question &question, int row);
    // Pushes an edit of one question (by id), merging with the previous edit of `mergeKey`.
    void editQuestion(int row, const api::Question &after, const QString &description,
                      const QString &mergeKey = {});

    // What the commands do and undo.
    void insertNow(int row, const api::Question &question);
    void removeNow(int row);
    void moveNow(int from, int to);
    void setQuestionNow(const QString &questionId, const api::Question &question);
    void setNameNow(const api::LocalizedText &name);
    void setDeliveryNow(const api::DeliverySettings &delivery);
    void setCommentThresholdNow(int threshold);
    void setDefinitionNow(const api::SurveyDefinition &definition);

    api::SurveyDefinition m_definition;
    QUndoStack *m_undo;
    QuestionListModel *m_questions;
};

} // namespace engage::models
