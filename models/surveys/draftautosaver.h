#pragma once

#include "api/survey.h"
#include "models/apierror.h"

#include <QObject>
#include <QPointer>
#include <optional>

class QTimer;

namespace engage::models {

class ApiClient;
class ApiReply;
class SurveyDocument;

// Saves a draft as it is edited: a while after the last change (debounced)
// the document's definition goes to PUT /api/v1/surveys/{id} with If-Match on
// the revision it was based on; changes made while a save is under way are
// saved after it. When someone else saved the draft in the meantime (412)
// nothing is overwritten and nothing is thrown away: saving stops, their
// version is read, and the person chooses to take theirs (an undoable step
// in the document, so their own text is one undo away) or to overwrite it
// with their own.
class DraftAutosaver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftAutosaver)

public:
    enum class State
    {
        Idle,     // nothing opened
        Loading,  // reading the draft
        Saved,    // the service has what the document shows
        Pending,  // changed; a save follows shortly
        Saving,   // a PUT is under way
        Conflict, // someone else saved it: reloadTheirs() or overwrite()
        Failed,   // the last save failed (see lastError()); the next change or saveNow() retries
        Invalid,  // breaks a draft's rules (api::validateDefinition): kept until corrected
    };
    Q_ENUM(State)

    static constexpr int kDefaultDelayMs = 1500;

    DraftAutosaver(ApiClient &client, SurveyDocument &document, QObject *parent = nullptr);
    ~DraftAutosaver() override;

    // How long after the last change a save starts.
    void setDelay(int milliseconds);
    int delay() const;

    // Reads the survey (GET) and loads its definition into the document.
    void open(const QString &surveyId);
    // The survey as already read (a list, a create): loaded without a call.
    void start(const api::Survey &survey);

    State state() const { return m_state; }
    // The survey as the service last answered it (revision, status).
    const api::Survey &survey() const { return m_survey; }
    bool hasUnsavedChanges() const;
    // Only drafts are saved: a published survey opens read-only.
    bool isEditable() const;
    const std::optional<ApiError> &lastError() const { return m_lastError; }
    // After a conflict: the version someone else saved.
    const std::optional<api::Survey> &theirs() const { return m_theirs; }

    // Saves now instead of after the delay (closing the builder, a retry).
    void saveNow();
    // Takes the version someone else saved (undoable in the document).
    void reloadTheirs();
    // Saves one's own version over theirs; possible while theirs is a draft.
    void overwrite();

Q_SIGNALS:
    void stateChanged(engage::models::DraftAutosaver::State state);
    void opened(const engage::api::Survey &survey);
    void saved(const engage::api::Survey &survey);
    void conflicted();
    void failed(const engage::models::ApiError &error);

private:
    void setState(State state);
    void onDocumentChanged();
    void save(qint64 revision);
    void onSaveFinished(ApiReply *reply, const api::SurveyDefinition &sent);
    void readTheirs();

    ApiClient &m_client;
    SurveyDocument &m_document;
    QTimer *m_timer;
    State m_state = State::Idle;
    api::Survey m_survey;
    api::SurveyDefinition m_saved; // what the service holds at m_survey.revision
    std::optional<api::Survey> m_theirs;
    std::optional<ApiError> m_lastError;
    QPointer<ApiReply> m_reply;
    bool m_loading = false; // the document changes because of a load, not an edit
};

} // namespace engage::models
