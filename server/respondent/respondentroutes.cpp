#include "respondentroutes.h"

#include "api/jsonparse.h"
#include "api/survey.h"
#include "linkratelimit.h"
#include "ops/servicecontext.h"
#include "respondentform.h"
#include "respondentpage.h"
#include "roundforms.h"
#include "store/customanswerrepository.h"
#include "store/database.h"
#include "store/engagementsettingsrepository.h"
#include "store/groupcommitter.h"
#include "store/operationlog.h"
#include "store/previewlinkrepository.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"
#include "store/surveyrepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThreadPool>
#include <algorithm>
#include <chrono>
#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace engage::server::respondent {

Q_LOGGING_CATEGORY(lcRespondent, "engage.server.respondent.routes")

namespace {

// The page's own policy: its stylesheet and script from here and nothing
// else, no inline code, forms posting only here, never framed. connect-src:
// the script's partial saves.
const QByteArray kPagePolicy = QByteArrayLiteral(
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

const QString kRoundTarget = QStringLiteral("round");

// ---- answers --------------------------------------------------------------

http::Response htmlResponse(int status, const QString &html)
{
    http::Response response;
    response.status = status;
    response.body = html.toUtf8();
    response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    response.headers.emplace_back(QByteArrayLiteral("Content-Security-Policy"), kPagePolicy);
    return response;
}

http::Response redirect(const PageAddress &to, const QString &extraQuery = {})
{
    http::Response response;
    response.status = 303;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.headers.emplace_back(QByteArrayLiteral("Location"), (to.href() + extraQuery).toUtf8());
    return response;
}

http::Response message(int status, const PageAddress &address, Text title,
                       const QStringList &paragraphs, bool back = false)
{
    return htmlResponse(status, renderMessage(address, title, paragraphs, back));
}

// A failure of ours: the cause goes to our log, the respondent gets a page
// saying only that it did not work.
http::Response failure(const PageAddress &address, const char *what, const QString &cause)
{
    qCWarning(lcRespondent) << what << cause;
    http::Response response = message(500, address, Text::FailureTitle,
                                      {text(Text::FailureBody, address.language)}, true);
    response.failure = QByteArrayLiteral("handler");
    return response;
}

http::Response jsonProblem(int status, api::ProblemCode code, const QString &detail)
{
    api::Problem problem = api::Problem::fromCode(code, detail);
    problem.status = status;
    return http::Response::problem(problem);
}

// ---- the request ----------------------------------------------------------

enum class RoundState
{
    NotYetOpen,
    Open,
    Closed,
};

// What the page needs of a link that resolved.
struct Answering
{
    store::ResolvedLink link;
    std::shared_ptr<const RoundForm> form;
    QDateTime opensAt;
    QDateTime closesAt;
    RoundState state = RoundState::Open;
    // Opened by a preview link (a survey's test message): the survey as it
    // is now, answers checked as usual and recorded nowhere. `link` names
    // only its tenant and language; `closesAt` is the link's expiry.
    bool preview = false;
};

bool isJson(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == "application/json";
}

bool isForm(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() ==
           "application/x-www-form-urlencoded";
}

// A write a request asks for, and its answers: the request is answered only
// once the group committer has committed the write with the others that
// arrived together (acknowledged means durable), or failed it alone.
struct Change
{
    store::GroupCommitter::Write write;                            // or
    std::shared_ptr<const store::GroupCommitter::Joinable> joined; // this
    http::Response accepted;
    // For the page saying it did not work, and our log.
    PageAddress address;
    const char *failed = "";
};

// A pulse's final submission through its link: the response with its
// answers, the draft gone and the operation row. The submissions of a batch
// are written together (one statement for all their responses, one for all
// their answers): at a company answering at once this writing is what the
// group commit waits for.
class PulseSubmission final : public store::GroupCommitter::Joinable
{
public:
    PulseSubmission(store::Keyring &keyring, store::ResolvedLink link,
                    QList<store::SubmittedAnswer> answers, QDateTime at,
                    store::OperationEntry entry)
        : m_keyring(keyring)
        , m_link(std::move(link))
        , m_answers(std::move(answers))
        , m_at(std::move(at))
        , m_entry(std::move(entry))
    {}

    const void *kind() const override
    {
        static const char tag = 0;
        return &tag;
    }

    store::StoreStatus write(const QSqlDatabase &connection) const override
    {
        return writeTogether(connection, {this});
    }

    store::StoreStatus writeTogether(const QSqlDatabase &connection,
                                     const std::vector<const Joinable *> &run) const override
    {
        // The responses by tenant and round, in order.
        std::vector<
            std::pair<const store::ResolvedLink *, QList<store::PulseRepository::LinkedResponse>>>
            rounds;
        for (const Joinable *joinable : run) {
            const auto &submission = static_cast<const PulseSubmission &>(*joinable);
            const store::ResolvedLink &link = submission.m_link;
            auto round = std::find_if(rounds.begin(), rounds.end(), [&link](const auto &known) {
                return known.first->tenantId == link.tenantId &&
                       known.first->roundSeq == link.roundSeq;
            });
            if (round == rounds.end())
                round = rounds.insert(rounds.end(), {&link, {}});
            round->second.append({link.respondentId, submission.m_at, submission.m_answers});
        }
        for (const auto &[link, responses] : rounds) {
            if (const store::StoreStatus written =
                    store::PulseRepository(connection, m_keyring)
                        .submitLinked(store::TenantScope(link->tenantId), link->roundId, responses);
                !written)
                return written;
        }
        // The operation rows by tenant, in order: each tenant's chain is
        // taken and moved once for the run.
        std::vector<std::pair<QString, QList<store::OperationEntry>>> logged;
        store::ResponseLinkRepository links(connection, m_keyring);
        for (const Joinable *joinable : run) {
            const auto &submission = static_cast<const PulseSubmission &>(*joinable);
            const auto removed = links.removeDraft(submission.m_link);
            if (!removed)
                return removed;
            const QString &tenantId = submission.m_link.tenantId;
            auto tenant =
                std::find_if(logged.begin(), logged.end(),
                             [&tenantId](const auto &known) { return known.first == tenantId; });
            if (tenant == logged.end())
                tenant = logged.insert(logged.end(), {tenantId, {}});
            tenant->second.append(submission.m_entry);
        }
        for (const auto &[tenantId, entries] : logged) {
            if (const store::StoreStatus written = store::OperationLog::recordAll(
                    store::TenantScope(tenantId), connection, entries);
                !written)
                return written;
        }
        return store::Done{};
    }

private:
    store::Keyring &m_keyring;
    const store::ResolvedLink m_link;
    const QList<store::SubmittedAnswer> m_answers;
    const QDateTime m_at;
    const store::OperationEntry m_entry;
};

// What a request comes to: an answer now, or a change to commit first.
using Reply = std::variant<http::Response, Change>;

class RespondentRequest final
{
public:
    RespondentRequest(const ops::ServiceContext &context, RoundForms &forms,
                      const http::Request &request, QSqlDatabase connection)
        : m_context(context)
        , m_forms(forms)
        , m_request(request)
        , m_connection(std::move(connection))
        , m_now(QDateTime::currentDateTimeUtc())
    {
        m_address.token = request.pathParameters.value(QStringLiteral("token"));
        m_address.language = chooseLanguage(request.query.queryItemValue(QStringLiteral("lang")),
                                            {}, request.header("accept-language"));
        m_address.stepMode =
            request.query.queryItemValue(QStringLiteral("mode")) == QLatin1String("step");
        bool ok = false;
        const int step = request.query.queryItemValue(QStringLiteral("q")).toInt(&ok);
        m_address.step = ok && step > 0 ? step - 1 : 0;
    }

    http::Response get()
    {
        auto found = resolve();
        if (auto *refusal = std::get_if<http::Response>(&found))
            return std::move(*refusal);
        Answering &answering = std::get<Answering>(found);
        if (answering.state != RoundState::Open)
            return ended(answering);
        const QString done = m_request.query.queryItemValue(QStringLiteral("done"));
        if (answering.link.answered && !done.isEmpty())
            return thanks(answering, done == QLatin1String("again"));
        auto draft = savedAnswers(answering);
        if (auto *refusal = std::get_if<http::Response>(&draft))
            return std::move(*refusal);
        Notice notice = Notice::None;
        // A preview never saves, so it never says it did.
        if (m_request.query.queryItemValue(QStringLiteral("saved")) == QLatin1String("1") &&
            !answering.preview)
            notice = Notice::Saved;
        else if (answering.link.answered)
            notice = Notice::AlreadySubmitted;
        return surveyPage(200, answering, std::get<QList<api::RespondentAnswer>>(draft), {},
                          notice);
    }

    Reply post()
    {
        const QByteArray contentType = m_request.header("content-type");
        const bool json = isJson(contentType);
        if (!json && !isForm(contentType))
            return message(415, m_address, Text::BadFormTitle,
                           {text(Text::BadFormBody, m_address.language)}, true);
        auto found = resolve();
        if (auto *refusal = std::get_if<http::Response>(&found)) {
            if (json)
                return jsonProblem(refusal->status, api::ProblemCode::NotFound,
                                   QStringLiteral("This link cannot take answers."));
            return std::move(*refusal);
        }
        Answering &answering = std::get<Answering>(found);
        if (answering.state != RoundState::Open) {
            if (json)
                return jsonProblem(answering.state == RoundState::Closed ? 410 : 404,
                                   api::ProblemCode::NotFound,
                                   QStringLiteral("The survey is not open."));
            return ended(answering);
        }
        if (json)
            return postJson(answering);
        return postForm(answering);
    }

    // The tenant of the link, once it resolved.
    const QString &tenantId() const { return m_tenantId; }

    http::Response unavailable(const QString &cause) const
    {
        return failure(m_address, "no database connection:", cause);
    }

private:
    // ---- reading ----------------------------------------------------------

    std::variant<Answering, http::Response> resolve()
    {
        const auto linked = store::ResponseLinkRepository(m_connection, m_context.keyring)
                                .resolveWithRound(m_address.token);
        if (!linked && linked.errorKind() == store::StoreErrorKind::NotFound)
            return resolvePreview();
        if (!linked)
            return failure(m_address, "cannot resolve a response link:", linked.error().message);
        Answering answering;
        answering.link = linked.value().link;
        m_tenantId = answering.link.tenantId;
        // A purged member's links answer nothing, like links never issued.
        if (answering.link.memberId.isEmpty())
            return unknown();
        chooseLanguageOf(answering.link);
        const RoundForms::Version version{linked.value().surveyRevision,
                                          linked.value().surveyUpdatedAt};
        answering.form = m_forms.find(m_tenantId, answering.link.roundSeq, version);
        if (!answering.form) {
            const auto survey =
                store::CustomAnswerRepository(m_connection, m_context.keyring)
                    .roundSurvey(store::TenantScope(m_tenantId), answering.link.roundId);
            if (!survey && survey.errorKind() == store::StoreErrorKind::NotFound)
                return unknown();
            if (!survey)
                return failure(m_address, "cannot read a round:", survey.error().message);
            QString error;
            answering.form = RoundForm::parse(survey.value(), &error);
            if (!answering.form)
                return failure(m_address, "cannot read a survey's definition:", error);
            m_forms.keep(m_tenantId, answering.link.roundSeq,
                         {survey.value().surveyRevision, survey.value().surveyUpdatedAt},
                         answering.form);
        }

        answering.opensAt = linked.value().opensAt;
        answering.closesAt = linked.value().closesAt;
        if (linked.value().status == api::RoundStatus::Closed || m_now > answering.closesAt)
            answering.state = RoundState::Closed;
        else if (linked.value().status != api::RoundStatus::Open || m_now < answering.opensAt)
            answering.state = RoundState::NotYetOpen;
        clampStep(*answering.form);
        return answering;
    }

    // A token that is no response link may be a preview link: looked up
    // only then, so that a response link's request reads nothing more. An
    // expired preview, or one of a deleted survey, answers as a link never
    // issued.
    std::variant<Answering, http::Response> resolvePreview()
    {
        const auto found =
            store::PreviewLinkRepository(m_connection).resolve(m_address.token, m_now);
        if (!found && (found.errorKind() == store::StoreErrorKind::NotFound ||
                       found.errorKind() == store::StoreErrorKind::Expired))
            return unknown();
        if (!found)
            return failure(m_address, "cannot resolve a preview link:", found.error().message);
        Answering answering;
        answering.preview = true;
        answering.link.tenantId = found.value().tenantId;
        answering.link.language = found.value().language;
        m_tenantId = answering.link.tenantId;
        chooseLanguageOf(answering.link);
        const auto survey = store::SurveyRepository(m_connection, m_context.keyring)
                                .get(store::TenantScope(m_tenantId), found.value().surveyId, m_now);
        if (!survey && survey.errorKind() == store::StoreErrorKind::NotFound)
            return unknown();
        if (!survey)
            return failure(m_address, "cannot read a survey to preview:", survey.error().message);
        answering.form = RoundForm::preview(survey.value().definition);
        answering.opensAt = m_now;
        answering.closesAt = found.value().expiresAt;
        clampStep(*answering.form);
        return answering;
    }

    void chooseLanguageOf(const store::ResolvedLink &link)
    {
        m_address.language = chooseLanguage(m_request.query.queryItemValue(QStringLiteral("lang")),
                                            link.language, m_request.header("accept-language"));
    }

    // The question asked for, within the form's.
    void clampStep(const RoundForm &form)
    {
        m_address.step = std::min(m_address.step, int(form.questions.size()) - 1);
        m_address.step = std::max(m_address.step, 0);
    }

    std::variant<QList<api::RespondentAnswer>, http::Response>
    savedAnswers(const Answering &answering)
    {
        // A preview keeps no draft.
        if (answering.preview)
            return QList<api::RespondentAnswer>();
        const auto draft =
            store::ResponseLinkRepository(m_connection, m_context.keyring).draft(answering.link);
        if (!draft && draft.errorKind() == store::StoreErrorKind::NotFound)
            return QList<api::RespondentAnswer>();
        if (!draft)
            return failure(m_address, "cannot read a draft:", draft.error().message);
        const auto parsed = api::parseJsonObject(draft.value());
        if (!parsed)
            return failure(m_address, "cannot read a draft:", parsed.error().detail);
        auto submission = api::respondentSubmissionFromJson(parsed.value());
        if (!submission)
            return failure(m_address, "cannot read a draft:", submission.error().detail);
        return submission.value().answers;
    }

    QString surveyName(const Answering &answering) const
    {
        const api::LocalizedText &name = answering.form->definition.name;
        const QString &wanted = m_address.language == Language::Japanese ? name.ja : name.en;
        return wanted.isEmpty() ? (name.ja.isEmpty() ? name.en : name.ja) : wanted;
    }

    // The survey page, or the failure to read what it says of anonymity (the
    // tenant's threshold: read only for a page shown, not for a submission).
    http::Response surveyPage(int status, const Answering &answering,
                              const QList<api::RespondentAnswer> &answers,
                              const QHash<QString, Text> &errors, Notice notice)
    {
        const auto settings = store::EngagementSettingsRepository(m_connection)
                                  .settings(store::TenantScope(answering.link.tenantId));
        if (!settings)
            return failure(m_address,
                           "cannot read the engagement settings:", settings.error().message);
        SurveyPage page;
        page.address = m_address;
        page.surveyName = surveyName(answering);
        page.questions = answering.form->questions;
        page.anonymityThreshold = settings.value().anonymityThreshold;
        const bool takesText =
            std::any_of(page.questions.cbegin(), page.questions.cend(), [](const auto &question) {
                return question.type == api::QuestionType::FreeText;
            });
        if (takesText)
            page.commentThreshold = answering.form->definition.commentThreshold;
        page.closesAt = answering.closesAt;
        page.timeZone = answering.form->definition.delivery.timeZone;
        for (const api::RespondentAnswer &answer : answers)
            page.answers.insert(answer.questionId, answer);
        page.errors = errors;
        page.notice = notice;
        page.preview = answering.preview;
        return htmlResponse(status, renderSurvey(page));
    }

    // ---- pages that end here ----------------------------------------------

    http::Response unknown() const
    {
        return message(404, m_address, Text::UnknownTitle,
                       {text(Text::UnknownBody, m_address.language)});
    }

    http::Response ended(const Answering &answering) const
    {
        const QString &zone = answering.form->definition.delivery.timeZone;
        if (answering.state == RoundState::Closed)
            return message(410, m_address, Text::ClosedTitle,
                           {text(Text::ClosedBody, m_address.language)
                                .arg(formatMoment(answering.closesAt, zone, m_address.language))});
        return message(404, m_address, Text::NotOpenTitle,
                       {text(Text::NotOpenBody, m_address.language)
                            .arg(formatMoment(answering.opensAt, zone, m_address.language))});
    }

    http::Response thanks(const Answering &answering, bool replaced) const
    {
        QStringList paragraphs{text(Text::ThanksBody, m_address.language)};
        if (replaced)
            paragraphs.append(text(Text::ThanksReplaced, m_address.language));
        paragraphs.append(
            text(Text::ThanksChange, m_address.language)
                .arg(formatMoment(answering.closesAt, answering.form->definition.delivery.timeZone,
                                  m_address.language)));
        return message(200, m_address, Text::ThanksTitle, paragraphs, true);
    }

    // A preview's answers, checked as a real link's are, and kept nowhere.
    http::Response notRecorded() const
    {
        return message(200, m_address, Text::PreviewNotRecordedTitle,
                       {text(Text::PreviewNotRecordedBody, m_address.language)}, true);
    }

    http::Response badForm() const
    {
        return message(400, m_address, Text::BadFormTitle,
                       {text(Text::BadFormBody, m_address.language)}, true);
    }

    // ---- writing ----------------------------------------------------------

    Reply postForm(const Answering &answering)
    {
        QList<api::Question> shown = answering.form->questions;
        if (m_address.stepMode && !shown.isEmpty())
            shown = {answering.form->questions.at(m_address.step)};
        const auto form = decodeForm(m_request.body, shown);
        if (!form)
            return badForm();
        // The draft answers only what the form did not show: with every
        // question on the page it adds nothing, and is not read.
        std::variant<QList<api::RespondentAnswer>, http::Response> draft;
        if (shown.size() < answering.form->questions.size())
            draft = savedAnswers(answering);
        if (auto *refusal = std::get_if<http::Response>(&draft))
            return std::move(*refusal);
        QStringList shownIds;
        for (const api::Question &question : std::as_const(shown))
            shownIds.append(question.id);
        api::RespondentSubmission submission;
        submission.answers =
            mergeAnswers(answering.form->questions, std::get<QList<api::RespondentAnswer>>(draft),
                         form->answers, shownIds);
        submission.final = form->action == FormAction::Submit;
        // Out of range, or an answer the question does not take: not what
        // the page sends.
        api::RespondentSubmission partial = submission;
        partial.final = false;
        if (api::validateSubmission(partial, answering.form->questions))
            return badForm();

        if (submission.final) {
            // A preview keeps no draft: one question at a time, only the
            // question shown can be checked, the earlier ones' answers are gone.
            const QHash<QString, Text> missing =
                unanswered(answering.preview ? shown : answering.form->questions, submission);
            if (!missing.isEmpty()) {
                // Kept as a draft (a preview's is not), so nothing typed is
                // lost, and shown again with what is missing (the first of
                // it, one at a time).
                if (m_address.stepMode) {
                    for (qsizetype i = 0; i < answering.form->questions.size(); ++i) {
                        if (missing.contains(answering.form->questions.at(i).id)) {
                            m_address.step = int(i);
                            break;
                        }
                    }
                }
                http::Response again =
                    surveyPage(422, answering, submission.answers, missing, Notice::None);
                if (again.status != 422 || answering.preview)
                    return again;
                return saveDraft(answering, submission, std::move(again));
            }
            if (answering.preview)
                return notRecorded();
            PageAddress done = m_address;
            done.stepMode = false;
            return submit(answering, submission,
                          redirect(done, answering.link.answered ? QStringLiteral("&done=again")
                                                                 : QStringLiteral("&done=1")));
        }
        PageAddress next = m_address;
        if (form->action == FormAction::Next)
            next.step = std::min(next.step + 1, int(answering.form->questions.size()) - 1);
        else if (form->action == FormAction::Back)
            next.step = std::max(next.step - 1, 0);
        // A preview moves between its questions, keeping nothing.
        if (answering.preview)
            return form->action == FormAction::Save ? notRecorded() : redirect(next);
        return saveDraft(answering, submission,
                         redirect(next, form->action == FormAction::Save
                                            ? QStringLiteral("&saved=1")
                                            : QString()));
    }

    Reply postJson(const Answering &answering)
    {
        const auto parsed = api::parseJsonObject(m_request.body);
        if (!parsed)
            return http::Response::problem(api::Problem::fromError(parsed.error()));
        const auto posted = api::respondentSubmissionFromJson(parsed.value());
        if (!posted)
            return http::Response::problem(api::Problem::fromError(posted.error()));
        api::RespondentSubmission given = posted.value();
        given.final = false;
        if (const auto error = api::validateSubmission(given, answering.form->questions))
            return http::Response::problem(api::Problem::fromError(*error));

        auto draft = savedAnswers(answering);
        if (auto *refusal = std::get_if<http::Response>(&draft))
            return std::move(*refusal);
        QStringList postedIds;
        for (const api::RespondentAnswer &answer : posted.value().answers)
            postedIds.append(answer.questionId);
        api::RespondentSubmission submission;
        submission.answers =
            mergeAnswers(answering.form->questions, std::get<QList<api::RespondentAnswer>>(draft),
                         posted.value().answers, postedIds);
        submission.final = posted.value().final;
        if (submission.final) {
            if (const auto error = api::validateSubmission(submission, answering.form->questions))
                return http::Response::problem(api::Problem::fromError(*error));
        }
        if (answering.preview)
            return http::Response::json(200, {{QStringLiteral("final"), submission.final},
                                              {QStringLiteral("replaced"), false},
                                              {QStringLiteral("recorded"), false}});
        http::Response accepted = http::Response::json(
            200, {{QStringLiteral("final"), submission.final},
                  {QStringLiteral("replaced"), submission.final && answering.link.answered}});
        if (!submission.final)
            return saveDraft(answering, submission, std::move(accepted));
        return submit(answering, submission, std::move(accepted));
    }

    // The required ones of `questions` that `submission` leaves unanswered.
    static QHash<QString, Text> unanswered(const QList<api::Question> &questions,
                                           const api::RespondentSubmission &submission)
    {
        QHash<QString, Text> missing;
        for (const api::Question &question : questions) {
            if (!question.required)
                continue;
            const bool answered =
                std::any_of(submission.answers.cbegin(), submission.answers.cend(),
                            [&question](const api::RespondentAnswer &answer) {
                                return answer.questionId == question.id && isAnswered(answer);
                            });
            if (!answered)
                missing.insert(question.id, Text::ErrorRequired);
        }
        return missing;
    }

    // The draft replaced by `submission` (final or not, it is kept as a
    // draft), answered with `accepted` once committed.
    Change saveDraft(const Answering &answering, const api::RespondentSubmission &submission,
                     http::Response accepted) const
    {
        api::RespondentSubmission draft = submission;
        draft.final = false;
        const QByteArray json = QJsonDocument(api::toJson(draft)).toJson(QJsonDocument::Compact);
        return {
            [&keyring = m_context.keyring, link = answering.link, json, now = m_now,
             entry = logEntry(answering, QStringLiteral("response.draft"), draft)](
                const QSqlDatabase &connection) -> store::StoreStatus {
                const auto saved =
                    store::ResponseLinkRepository(connection, keyring).saveDraft(link, json, now);
                if (!saved)
                    return saved;
                return store::OperationLog::record(store::TenantScope(link.tenantId), connection,
                                                   entry);
            },
            nullptr, std::move(accepted), m_address, "cannot save a draft:"};
    }

    // The final submission: the response (a pulse's answers, or a custom
    // survey's), the draft gone and the operation row, answered with
    // `accepted` once committed.
    Change submit(const Answering &answering, const api::RespondentSubmission &submission,
                  http::Response accepted) const
    {
        store::OperationEntry entry =
            logEntry(answering, QStringLiteral("response.submit"), submission);
        if (answering.form->kind == store::SurveyKind::Pulse) {
            QList<store::SubmittedAnswer> values;
            for (const api::RespondentAnswer &answer : submission.answers) {
                if (answer.value)
                    values.append({answer.questionId, *answer.value});
            }
            return {{},
                    std::make_shared<PulseSubmission>(m_context.keyring, answering.link,
                                                      std::move(values), m_now, std::move(entry)),
                    std::move(accepted),
                    m_address,
                    "cannot record a response:"};
        }
        return {[&keyring = m_context.keyring, link = answering.link,
                 questions = answering.form->questions, answers = submission.answers, now = m_now,
                 entry = std::move(entry)](const QSqlDatabase &connection) -> store::StoreStatus {
                    const store::TenantScope scope(link.tenantId);
                    const auto submitted =
                        store::CustomAnswerRepository(connection, keyring)
                            .submit(scope, link.roundId, link.memberId, questions, answers, now);
                    if (!submitted)
                        return submitted.error();
                    const auto removed =
                        store::ResponseLinkRepository(connection, keyring).removeDraft(link);
                    if (!removed)
                        return removed;
                    return store::OperationLog::record(scope, connection, entry);
                },
                nullptr, std::move(accepted), m_address, "cannot record a response:"};
    }

    // The operation row of a respondent's change: the round and how many
    // answers, never who (the link's target) nor what they answered.
    store::OperationEntry logEntry(const Answering &answering, const QString &action,
                                   const api::RespondentSubmission &submission) const
    {
        return {m_request.requestId,
                {},
                kRoundTarget,
                answering.link.roundId,
                action,
                QStringLiteral("answers: %1 of %2 questions, by a respondent link")
                    .arg(submission.answers.size())
                    .arg(answering.form->questions.size()),
                m_now};
    }

private:
    const ops::ServiceContext &m_context;
    RoundForms &m_forms;
    const http::Request &m_request;
    QSqlDatabase m_connection;
    const QDateTime m_now;
    PageAddress m_address;
    QString m_tenantId;
};

// A stylesheet or script of the page, from the binary's resources.
http::Handler asset(const QString &file, const QByteArray &contentType)
{
    QFile resource(QStringLiteral(":/engage/respondent/") + file);
    if (!resource.open(QIODevice::ReadOnly))
        qFatal("the respondent asset %s is missing from the binary", qPrintable(file));
    const QByteArray bytes = resource.readAll();
    return [bytes, contentType](http::Request, http::Responder respond) {
        http::Response response;
        response.body = bytes;
        response.contentType = contentType;
        respond(std::move(response));
    };
}

// A link writing faster than its rate limit allows, told when to try again:
// the page says so in the respondent's language, the page's script gets a
// problem.
http::Response tooOften(const http::Request &request, const PageAddress &address,
                        std::chrono::seconds wait)
{
    http::Response response =
        isJson(request.header("content-type"))
            ? jsonProblem(429, api::ProblemCode::TooManyRequests,
                          QStringLiteral("This link writes too often. Try again later."))
            : message(429, address, Text::TooManyTitle, {text(Text::TooManyBody, address.language)},
                      true);
    response.headers.emplace_back(QByteArrayLiteral("Retry-After"),
                                  QByteArray::number(qint64(wait.count())));
    return response;
}

// Runs `work` on a worker thread (the network threads never touch the
// database) with that thread's connection; a change it asks for goes to the
// committer, if the link's rate limit allows it, and the request is answered
// once that is committed. The context is copied: the one routes are installed
// with does not outlive installing them (its members refer to what lives as
// long as the service).
template<typename Work>
http::Handler onWorker(const ops::ServiceContext &context,
                       const std::shared_ptr<store::GroupCommitter> &committer,
                       const std::shared_ptr<LinkRateLimit> &limit,
                       const std::shared_ptr<RoundForms> &forms, Work work)
{
    return
        [context, committer, limit, forms, work](http::Request request, http::Responder respond) {
            context.workers.start([context, committer, limit, forms, work,
                                   request = std::move(request), respond = std::move(respond)]() {
                QString error;
                QSqlDatabase connection = context.database.connection(&error);
                RespondentRequest answering(context, *forms, request, connection);
                Reply reply =
                    connection.isOpen() ? work(answering) : Reply(answering.unavailable(error));
                // The access row goes to the tenant the link named.
                const QString tenantId = answering.tenantId();
                if (auto *response = std::get_if<http::Response>(&reply)) {
                    response->actor.tenantId = tenantId;
                    respond(std::move(*response));
                    return;
                }
                Change &change = std::get<Change>(reply);
                if (const std::chrono::seconds wait =
                        limit->take(change.address.token, LinkRateLimit::Clock::now());
                    wait.count() > 0) {
                    http::Response refusal = tooOften(request, change.address, wait);
                    refusal.actor.tenantId = tenantId;
                    respond(std::move(refusal));
                    return;
                }
                change.accepted.actor.tenantId = tenantId;
                store::GroupCommitter::Outcome outcome =
                    [accepted = std::move(change.accepted), address = change.address,
                     failed = change.failed, respond](const store::StoreStatus &status) {
                        if (status) {
                            respond(accepted);
                            return;
                        }
                        http::Response refusal = failure(address, failed, status.error().message);
                        refusal.actor.tenantId = accepted.actor.tenantId;
                        respond(std::move(refusal));
                    };
                if (change.joined)
                    committer->submit(std::move(change.joined), std::move(outcome));
                else
                    committer->submit(std::move(change.write), std::move(outcome));
            });
        };
}

} // namespace

void addRespondentRoutes(http::Router &router, const ops::ServiceContext &context)
{
    // The page's writes, committed in groups: one commit per answer cannot
    // keep up with a company answering at once at synchronous=FULL.
    const auto committer = store::GroupCommitter::create(context.database, context.workers);
    const auto limit = std::make_shared<LinkRateLimit>();
    const auto forms = std::make_shared<RoundForms>();
    http::RouteOptions page;
    page.secretPath = true;
    router.add(http::Method::Get, "/r/{token}",
               onWorker(context, committer, limit, forms,
                        [](RespondentRequest &request) -> Reply { return request.get(); }),
               page);
    http::RouteOptions posting = page;
    posting.maxBodyBytes = kMaxSubmissionBytes;
    router.add(http::Method::Post, "/r/{token}",
               onWorker(context, committer, limit, forms,
                        [](RespondentRequest &request) { return request.post(); }),
               posting);
    router.add(
        http::Method::Get, "/r/assets/respondent.css",
        asset(QStringLiteral("respondent.css"), QByteArrayLiteral("text/css; charset=utf-8")));
    router.add(http::Method::Get, "/r/assets/respondent.js",
               asset(QStringLiteral("respondent.js"),
                     QByteArrayLiteral("text/javascript; charset=utf-8")));
}

} // namespace engage::server::respondent
