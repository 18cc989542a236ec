#include "draftautosaver.h"

#include "apiclient.h"
#include "apireply.h"
#include "surveydocument.h"

#include <QLoggingCategory>
#include <QTimer>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcDrafts, "engage.surveys.drafts")

QString surveyPath(const QString &id)
{
    return QStringLiteral("/api/v1/surveys/") + id;
}

QByteArray ifMatch(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

} // namespace

DraftAutosaver::DraftAutosaver(ApiClient &client, SurveyDocument &document, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultDelayMs);
    connect(m_timer, &QTimer::timeout, this, &DraftAutosaver::saveNow);
    connect(&m_document, &SurveyDocument::changed, this, &DraftAutosaver::onDocumentChanged);
}

DraftAutosaver::~DraftAutosaver()
{
    // Forgotten before it is abandoned, so that its answer (Cancelled) is ignored.
    if (QPointer<ApiReply> pending = std::exchange(m_reply, nullptr))
        pending->abort();
}

void DraftAutosaver::setDelay(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int DraftAutosaver::delay() const
{
    return m_timer->interval();
}

bool DraftAutosaver::hasUnsavedChanges() const
{
    return m_state != State::Idle && m_state != State::Loading &&
           m_document.definition() != m_saved;
}

bool DraftAutosaver::isEditable() const
{
    return m_survey.status == api::SurveyStatus::Draft && !m_survey.id.isEmpty();
}

void DraftAutosaver::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DraftAutosaver::open(const QString &surveyId)
{
    // Forgotten before it is abandoned, so that its answer (Cancelled) is ignored.
    if (QPointer<ApiReply> pending = std::exchange(m_reply, nullptr))
        pending->abort();
    m_timer->stop();
    setState(State::Loading);
    ApiReply *reply = m_client.get(surveyPath(surveyId));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (!reply->isOk()) {
            m_lastError = reply->error();
            setState(State::Failed);
            Q_EMIT failed(reply->error());
            return;
        }
        const auto survey = api::surveyFromJson(reply->json().object());
        if (!survey) {
            m_lastError = reply->unreadable(survey.error().detail);
            setState(State::Failed);
            Q_EMIT failed(*m_lastError);
            return;
        }
        start(survey.value());
    });
}

void DraftAutosaver::start(const api::Survey &survey)
{
    // A read still under way would replace what is being edited by then.
    if (QPointer<ApiReply> pending = std::exchange(m_reply, nullptr))
        pending->abort();
    m_timer->stop();
    m_survey = survey;
    m_saved = survey.definition;
    m_theirs.reset();
    m_lastError.reset();
    m_loading = true;
    m_document.load(survey.definition);
    m_loading = false;
    setState(State::Saved);
    Q_EMIT opened(survey);
}

void DraftAutosaver::onDocumentChanged()
{
    if (m_loading || !isEditable())
        return;
    switch (m_state) {
    case State::Idle:
    case State::Loading:
    case State::Conflict: // waits for the person's choice; their edits stay in the document
        return;
    case State::Saving: // saved after the answer
        return;
    case State::Saved:
    case State::Pending:
    case State::Failed:
    case State::Invalid:
        if (!hasUnsavedChanges()) {
            m_timer->stop();
            setState(State::Saved);
            return;
        }
        setState(State::Pending);
        m_timer->start();
        return;
    }
}

void DraftAutosaver::saveNow()
{
    m_timer->stop();
    if (!isEditable() || m_state == State::Saving || m_state == State::Conflict ||
        m_state == State::Loading || m_state == State::Idle)
        return;
    if (!hasUnsavedChanges()) {
        setState(State::Saved);
        return;
    }
    // The service would refuse it; the builder shows why, and the next edit tries again.
    if (api::validateDefinition(m_document.definition())) {
        setState(State::Invalid);
        return;
    }
    save(m_survey.revision);
}

void DraftAutosaver::save(qint64 revision)
{
    const api::SurveyDefinition sent = m_document.definition();
    ApiRequest request;
    request.method = "PUT";
    request.path = surveyPath(m_survey.id);
    request.body = api::toJson(sent);
    request.ifMatch = ifMatch(revision);
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    setState(State::Saving);
    connect(reply, &ApiReply::finished, this, [this, reply, sent] { onSaveFinished(reply, sent); });
}

void DraftAutosaver::onSaveFinished(ApiReply *reply, const api::SurveyDefinition &sent)
{
    if (reply != m_reply)
        return;
    m_reply.clear();
    if (!reply->isOk()) {
        const ApiError &error = reply->error();
        if (error.code == api::ProblemCode::PreconditionFailed) {
            qCInfo(lcDrafts) << "draft changed elsewhere, request" << error.requestId;
            readTheirs();
            return;
        }
        m_lastError = error;
        setState(State::Failed);
        Q_EMIT failed(error);
        return;
    }
    const auto survey = api::surveyFromJson(reply->json().object());
    if (!survey) {
        m_lastError = reply->unreadable(survey.error().detail);
        setState(State::Failed);
        Q_EMIT failed(*m_lastError);
        return;
    }
    m_survey = survey.value();
    // What was sent, not the answer's copy: the service may normalise texts,
    // and the comparison with the document is about what the person typed.
    m_saved = sent;
    m_lastError.reset();
    Q_EMIT saved(m_survey);
    if (hasUnsavedChanges()) {
        setState(State::Pending);
        m_timer->start();
    } else {
        setState(State::Saved);
    }
}

void DraftAutosaver::readTheirs()
{
    setState(State::Conflict);
    ApiReply *reply = m_client.get(surveyPath(m_survey.id));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (reply->isOk()) {
            const auto survey = api::surveyFromJson(reply->json().object());
            if (survey)
                m_theirs = survey.value();
            else
                m_lastError = reply->unreadable(survey.error().detail);
        } else {
            m_lastError = reply->error();
        }
        // Also without their version (deleted, unreachable): the person is
        // told, and their own text stays in the window.
        Q_EMIT conflicted();
    });
}

void DraftAutosaver::reloadTheirs()
{
    if (m_state != State::Conflict || !m_theirs)
        return;
    const api::Survey theirs = *std::exchange(m_theirs, std::nullopt);
    m_survey = theirs;
    m_saved = theirs.definition;
    m_lastError.reset();
    setState(State::Saved);
    m_loading = true;
    m_document.replace(theirs.definition, tr("Take the version saved by someone else"));
    m_loading = false;
    // Undoing that step makes one's own version an edit again, saved as any.
    Q_EMIT opened(m_survey);
}

void DraftAutosaver::overwrite()
{
    if (m_state != State::Conflict || !m_theirs || m_theirs->status != api::SurveyStatus::Draft)
        return;
    const qint64 revision = m_theirs->revision;
    m_survey.revision = revision;
    m_saved = m_theirs->definition;
    m_theirs.reset();
    m_lastError.reset();
    save(revision);
}

} // namespace engage::models
