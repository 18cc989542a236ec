#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QTime>
#include <optional>

namespace engage::api {

// Surveys (issue 7): the engagement pulse and custom surveys, their delivery
// settings and lifecycle. The wire forms below are the contract of
// /api/v1/surveys (docs/api/openapi.yaml) and of the respondent page.
//
// Lifecycle: draft -> scheduled (published: frozen, rounds planned) -> open
// (a round is running) -> closed (the last round ended; a recurring survey
// stays scheduled between rounds). Only a draft is edited (If-Match on its
// revision); publishing freezes the definition.

inline constexpr int kSurveyNameMaxLength = 100;
inline constexpr int kSurveyQuestionsMax = 60;
inline constexpr int kQuestionTextMaxLength = 500;
inline constexpr int kChoiceOptionsMax = 20;
inline constexpr int kChoiceTextMaxLength = 100;
inline constexpr int kFreeTextAnswerMaxLength = 2000;
inline constexpr int kResponsePeriodDaysMax = 60;
inline constexpr int kRemindersMax = 5;
inline constexpr int kCommentThresholdDefault = 10;
inline const QString kDefaultTimeZone = QStringLiteral("Asia/Tokyo");

enum class SurveyKind
{
    Pulse,  // questions from the bank, rotating (questionbank.h)
    Custom, // the survey's own questions
};
QString surveyKindName(SurveyKind kind); // "pulse", "custom"
std::optional<SurveyKind> surveyKindFromName(QStringView name);

enum class SurveyStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
};
QString surveyStatusName(SurveyStatus status); // "draft", "scheduled", "open", "closed"
std::optional<SurveyStatus> surveyStatusFromName(QStringView name);

enum class QuestionType
{
    Agreement5, // 1-5, strongly disagree .. strongly agree
    Agreement7, // 1-7
    Scale11,    // 0-10
    SingleChoice,
    MultipleChoice,
    FreeText,
};
// "agreement5", "agreement7", "scale11", "single", "multiple", "text"
QString questionTypeName(QuestionType type);
std::optional<QuestionType> questionTypeFromName(QStringView name);

// A text in both languages; an empty side is a missing translation (allowed
// in a draft, refused at publishing).
struct LocalizedText
{
    QString ja;
    QString en;

    friend bool operator==(const LocalizedText &a, const LocalizedText &b)
    {
        return a.ja == b.ja && a.en == b.en;
    }
    friend bool operator!=(const LocalizedText &a, const LocalizedText &b) { return !(a == b); }
};

// A custom question. `id`: stable within the survey ("q1", ...; letters,
// digits, '-', '_', 1-32), kept across reordering so answers stay attached.
struct Question
{
    QString id;
    QuestionType type = QuestionType::Agreement5;
    LocalizedText text;
    bool required = true;
    QList<LocalizedText> options; // single and multiple choice only: 2 .. kChoiceOptionsMax

    friend bool operator==(const Question &a, const Question &b)
    {
        return a.id == b.id && a.type == b.type && a.text == b.text && a.required == b.required &&
               a.options == b.options;
    }
    friend bool operator!=(const Question &a, const Question &b) { return !(a == b); }
};

// Who a round goes to: members of these groups' subtrees (none: everyone),
// narrowed to members whose attribute has one of the values (an attribute id
// or a snapshot key -> values; none: no narrowing). Members who left are
// never targeted.
struct TargetFilter
{
    QStringList groupIds;
    QList<std::pair<QString, QStringList>> attributes;

    friend bool operator==(const TargetFilter &a, const TargetFilter &b)
    {
        return a.groupIds == b.groupIds && a.attributes == b.attributes;
    }
    friend bool operator!=(const TargetFilter &a, const TargetFilter &b) { return !(a == b); }
};

// When and to whom. Times are local to `timeZone` (IANA id). A round opens at
// `startDate` `startTime` and ends at 23:59:59 of its last day, `periodDays`
// days later counted from the start day (1: the same day). A pulse recurs
// every cadence weeks; a custom survey once (`recurrenceWeeks` 0) or every
// `recurrenceWeeks` weeks. Reminders go to non-respondents at `reminderTime`
// on each of `reminderDaysBeforeEnd` (0: the last day).
struct DeliverySettings
{
    QDate startDate;
    QTime startTime = QTime(9, 0);
    QString timeZone = kDefaultTimeZone;
    int periodDays = 7;
    int cadenceWeeks = 4;    // pulse: 4, 2 or 1 (api::pulseCadences())
    int recurrenceWeeks = 0; // custom: 0 (once) or 1 .. 52
    QList<int> reminderDaysBeforeEnd{2, 0};
    QTime reminderTime = QTime(10, 0);
    TargetFilter targets;

    friend bool operator==(const DeliverySettings &a, const DeliverySettings &b)
    {
        return a.startDate == b.startDate && a.startTime == b.startTime &&
               a.timeZone == b.timeZone && a.periodDays == b.periodDays &&
               a.cadenceWeeks == b.cadenceWeeks && a.recurrenceWeeks == b.recurrenceWeeks &&
               a.reminderDaysBeforeEnd == b.reminderDaysBeforeEnd &&
               a.reminderTime == b.reminderTime && a.targets == b.targets;
    }
    friend bool operator!=(const DeliverySettings &a, const DeliverySettings &b)
    {
        return !(a == b);
    }
};

// What an administrator writes: POST /api/v1/surveys (Idempotency-Key) and
// PUT /api/v1/surveys/{id} (If-Match, drafts only).
struct SurveyDefinition
{
    SurveyKind kind = SurveyKind::Pulse;
    LocalizedText name;
    QList<Question> questions; // custom only; a pulse has none (the bank's)
    DeliverySettings delivery;
    int commentThreshold = kCommentThresholdDefault; // free text listed from this many respondents

    friend bool operator==(const SurveyDefinition &a, const SurveyDefinition &b)
    {
        return a.kind == b.kind && a.name == b.name && a.questions == b.questions &&
               a.delivery == b.delivery && a.commentThreshold == b.commentThreshold;
    }
    friend bool operator!=(const SurveyDefinition &a, const SurveyDefinition &b)
    {
        return !(a == b);
    }
};

// The open round of a survey, as the surveys page lists it.
struct OpenRoundSummary
{
    QString roundId;
    QDateTime closesAt;
    qint64 targets = 0;
    qint64 respondents = 0;
};

struct Survey
{
    QString id;
    SurveyDefinition definition;
    SurveyStatus status = SurveyStatus::Draft;
    qint64 revision = 1; // the ETag without quotes
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<OpenRoundSummary> openRound;
    std::optional<QDateTime> nextDelivery; // the next round's opening, if planned
    // The newest round that has opened (running or closed): the one whose
    // results the Surveys page shows.
    std::optional<QString> latestRoundId;
};

// Shape and bounds of a definition, as a draft may be saved: names 1-100
// characters in at least one language, at most kSurveyQuestionsMax questions
// with unique ids, texts within their limits, choices 2-20 for choice
// questions and none otherwise, a known time zone, periods 1-60 days,
// cadences and recurrences in range, reminders 0-5 distinct days inside the
// period. Field paths like "questions.3.text.en".
std::optional<Error> validateDefinition(const SurveyDefinition &definition);
// What publishing adds: every text in both languages, a start date, at least
// one question for a custom survey.
std::optional<Error> validateForPublishing(const SurveyDefinition &definition);

QJsonObject toJson(const SurveyDefinition &definition);
Result<SurveyDefinition> surveyDefinitionFromJson(const QJsonObject &object);
// One question's wire form, as a definition holds it ({"id", "type", "text",
// "required", "options"}), for answers that repeat a survey's questions (the
// results of a round): decoding checks it as validateDefinition does.
QJsonObject toJson(const Question &question);
Result<Question> surveyQuestionFromJson(const QJsonObject &object);
QJsonObject toJson(const Survey &survey);
Result<Survey> surveyFromJson(const QJsonObject &object);
// GET /api/v1/surveys: {"items": [...]}, newest first.
QJsonObject toJson(const QList<Survey> &surveys);
Result<QList<Survey>> surveyListFromJson(const QJsonObject &object);

// POST /api/v1/surveys/{id}/publish (If-Match), .../close (the open round
// ends now), .../extend {"periodEnds": "YYYY-MM-DD"} (the open round's last
// day, later than the current one, at most kResponsePeriodDaysMax after its
// start), .../test {"language": "ja"|"en"} (sends the caller an invitation
// to a preview that records nothing).
struct ExtendRequest
{
    QDate periodEnds;
};
QJsonObject toJson(const ExtendRequest &request);
Result<ExtendRequest> extendRequestFromJson(const QJsonObject &object);

// Delivery of a round: one row per invitation or reminder.
enum class DeliveryKind
{
    Invitation,
    Reminder,
};
enum class DeliveryStatus
{
    Pending,
    Sent,
    Bounced, // the mail server refused it
    Printed, // no e-mail: handed out on a QR sheet or in a CSV
};
QString deliveryKindName(DeliveryKind kind);       // "invitation", "reminder"
QString deliveryStatusName(DeliveryStatus status); // "pending", "sent", "bounced", "printed"
std::optional<DeliveryKind> deliveryKindFromName(QStringView name);
std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name);

// GET /api/v1/rounds/{id}/progress: the live response rate per group (the
// anonymity threshold applies: a group under it shows no rate) and the
// delivery log's totals.
struct GroupProgress
{
    QString groupId; // empty: members outside any group
    QString name;
    qint64 targets = 0;
    std::optional<qint64> respondents; // withheld under the threshold
};
struct RoundProgress
{
    QString roundId;
    QList<GroupProgress> groups;
    qint64 sent = 0;
    qint64 bounced = 0;
    qint64 printed = 0;
    qint64 pending = 0;
};
QJsonObject toJson(const RoundProgress &progress);
Result<RoundProgress> roundProgressFromJson(const QJsonObject &object);

// The respondent page's form (POST /r/<token>, application/x-www-form-urlencoded
// or JSON from its script): per question id (bank item id for a pulse) the
// answer: a number for scales, option indexes for choices, text for free text.
// `final` false saves a partial response.
struct RespondentAnswer
{
    QString questionId;
    std::optional<int> value;    // scales and single choice
    QList<int> choices;          // multiple choice
    std::optional<QString> text; // free text
};
struct RespondentSubmission
{
    QList<RespondentAnswer> answers;
    bool final = true;
};
// Checks each answer against its question (type, range, required when
// final): `questions` are the round's (for a pulse, agreement5 questions
// named by bank item id).
std::optional<Error> validateSubmission(const RespondentSubmission &submission,
                                        const QList<Question> &questions);
QJsonObject toJson(const RespondentSubmission &submission);
Result<RespondentSubmission> respondentSubmissionFromJson(const QJsonObject &object);

// The questions a pulse round asks, as Question values (agreement5, ids and
// texts from the bank), in bank order.
QList<Question> pulseQuestions(const QStringList &itemIds);

} // namespace engage::api
