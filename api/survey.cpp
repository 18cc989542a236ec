#include "survey.h"

#include "attribute.h"
#include "dashboard.h"
#include "enumtable.h"
#include "group.h"
#include "objectreader.h"
#include "questionbank.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <QSet>
#include <QTimeZone>
#include <algorithm>
#include <utility>

namespace engage::api {

namespace {

constexpr EnumName<SurveyKind> kSurveyKinds[] = {
    {SurveyKind::Pulse, QLatin1String("pulse")},
    {SurveyKind::Custom, QLatin1String("custom")},
};

constexpr EnumName<SurveyStatus> kSurveyStatuses[] = {
    {SurveyStatus::Draft, QLatin1String("draft")},
    {SurveyStatus::Scheduled, QLatin1String("scheduled")},
    {SurveyStatus::Open, QLatin1String("open")},
    {SurveyStatus::Closed, QLatin1String("closed")},
};

constexpr EnumName<QuestionType> kQuestionTypes[] = {
    {QuestionType::Agreement5, QLatin1String("agreement5")},
    {QuestionType::Agreement7, QLatin1String("agreement7")},
    {QuestionType::Scale11, QLatin1String("scale11")},
    {QuestionType::SingleChoice, QLatin1String("single")},
    {QuestionType::MultipleChoice, QLatin1String("multiple")},
    {QuestionType::FreeText, QLatin1String("text")},
};

constexpr EnumName<DeliveryKind> kDeliveryKinds[] = {
    {DeliveryKind::Invitation, QLatin1String("invitation")},
    {DeliveryKind::Reminder, QLatin1String("reminder")},
};

constexpr EnumName<DeliveryStatus> kDeliveryStatuses[] = {
    {DeliveryStatus::Pending, QLatin1String("pending")},
    {DeliveryStatus::Sent, QLatin1String("sent")},
    {DeliveryStatus::Bounced, QLatin1String("bounced")},
    {DeliveryStatus::Printed, QLatin1String("printed")},
};

// Members.
constexpr QLatin1String kJa("ja");
constexpr QLatin1String kEn("en");
constexpr QLatin1String kId("id");
constexpr QLatin1String kType("type");
constexpr QLatin1String kText("text");
constexpr QLatin1String kRequired("required");
constexpr QLatin1String kOptions("options");
constexpr QLatin1String kGroupIds("groupIds");
constexpr QLatin1String kAttributes("attributes");
constexpr QLatin1String kAttributeId("attributeId");
constexpr QLatin1String kValues("values");
constexpr QLatin1String kStartDate("startDate");
constexpr QLatin1String kStartTime("startTime");
constexpr QLatin1String kTimeZone("timeZone");
constexpr QLatin1String kPeriodDays("periodDays");
constexpr QLatin1String kCadenceWeeks("cadenceWeeks");
constexpr QLatin1String kRecurrenceWeeks("recurrenceWeeks");
constexpr QLatin1String kReminderDaysBeforeEnd("reminderDaysBeforeEnd");
constexpr QLatin1String kReminderTime("reminderTime");
constexpr QLatin1String kTargets("targets");
constexpr QLatin1String kKind("kind");
constexpr QLatin1String kName("name");
constexpr QLatin1String kQuestions("questions");
constexpr QLatin1String kDelivery("delivery");
constexpr QLatin1String kCommentThreshold("commentThreshold");
constexpr QLatin1String kDefinition("definition");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kRevision("revision");
constexpr QLatin1String kCreatedAt("createdAt");
constexpr QLatin1String kUpdatedAt("updatedAt");
constexpr QLatin1String kOpenRound("openRound");
constexpr QLatin1String kNextDelivery("nextDelivery");
constexpr QLatin1String kLatestRoundId("latestRoundId");
constexpr QLatin1String kRoundId("roundId");
constexpr QLatin1String kClosesAt("closesAt");
constexpr QLatin1String kRespondents("respondents");
constexpr QLatin1String kItems("items");
constexpr QLatin1String kPeriodEnds("periodEnds");
constexpr QLatin1String kGroupId("groupId");
constexpr QLatin1String kGroups("groups");
constexpr QLatin1String kSent("sent");
constexpr QLatin1String kBounced("bounced");
constexpr QLatin1String kPrinted("printed");
constexpr QLatin1String kPending("pending");
constexpr QLatin1String kQuestionId("questionId");
constexpr QLatin1String kValue("value");
constexpr QLatin1String kChoices("choices");
constexpr QLatin1String kAnswers("answers");
constexpr QLatin1String kFinal("final");

constexpr int kQuestionIdMaxLength = 32;
// The longest IANA ids are about 30 characters; the cap keeps a hostile id
// from reaching the time-zone database at all.
constexpr int kTimeZoneIdMaxLength = 64;
constexpr int kRecurrenceWeeksMax = 52;
// Far more than the dashboard's slices use; bounds a hostile filter.
constexpr qsizetype kTargetAttributesMax = kAttributesMax + 10;
constexpr int kScale11Max = 10;
// A list on the surveys page: far beyond any tenant's surveys, small enough
// that a hostile answer cannot make the client allocate much.
constexpr qsizetype kSurveysMax = 10000;

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

// "field.key" and "field.index": the paths of errors inside nested values.
QString child(const QString &field, QLatin1String key)
{
    return field.isEmpty() ? QString(key) : QStringLiteral("%1.%2").arg(field, key);
}

QString child(const QString &field, qsizetype index)
{
    return QStringLiteral("%1.%2").arg(field).arg(index);
}

QString path(QLatin1String key, qsizetype index)
{
    return child(QString(key), index);
}

QStringList surveyKindNames()
{
    return enumNames(kSurveyKinds);
}

QStringList surveyStatusNames()
{
    return enumNames(kSurveyStatuses);
}

QStringList questionTypeNames()
{
    return enumNames(kQuestionTypes);
}

bool isChoice(QuestionType type)
{
    return type == QuestionType::SingleChoice || type == QuestionType::MultipleChoice;
}

// The wire form of a local time of day: "HH:MM". Times are whole minutes
// (validateDefinition), so nothing is lost.
QString formatTime(const QTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("HH:mm")) : QString();
}

std::optional<Error> validateTimeText(QStringView text)
{
    const bool digits = text.size() == 5 && text[2] == u':' &&
                        std::all_of(text.cbegin(), text.cend(),
                                    [](QChar c) { return c == u':' || (c >= u'0' && c <= u'9'); });
    if (!digits || !QTime::fromString(text.toString(), QStringLiteral("HH:mm")).isValid())
        return invalid(QString(), QStringLiteral("Must be a time of day as HH:MM."));
    return std::nullopt;
}

QTime readTime(ObjectReader &reader, QLatin1String key)
{
    const QString text = reader.string(key, validateTimeText);
    return text.isEmpty() ? QTime() : QTime::fromString(text, QStringLiteral("HH:mm"));
}

// Strings whose rules depend on their place (question or option, draft or
// published) are checked by validateDefinition, which knows the place; the
// decoder only asks for a string.
std::optional<Error> anyText(QStringView)
{
    return std::nullopt;
}

std::optional<Error> validateAttributeKey(QStringView key)
{
    if (snapshotKeys().contains(key.toString()) || !validateId(key))
        return std::nullopt;
    return invalid(QString(), QStringLiteral("Must be an attribute id or a snapshot key."));
}

std::optional<Error> validateQuestionId(QStringView id)
{
    const bool plain = !id.isEmpty() && id.size() <= kQuestionIdMaxLength &&
                       std::all_of(id.cbegin(), id.cend(), [](QChar c) {
                           const char16_t u = c.unicode();
                           return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                                  (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
                       });
    if (!plain)
        return invalid(QString(), QStringLiteral("Must be 1 to %1 letters, digits, '-' or '_'.")
                                      .arg(kQuestionIdMaxLength));
    return std::nullopt;
}

// A pulse's answers name bank items ("job.meaning.1"), a custom survey's its
// own question ids.
std::optional<Error> validateAnswerQuestionId(QStringView id)
{
    if (bankItem(id))
        return std::nullopt;
    return validateQuestionId(id);
}

std::optional<Error> validateTimeZoneId(const QString &id)
{
    const bool plain = !id.isEmpty() && id.size() <= kTimeZoneIdMaxLength &&
                       std::all_of(id.cbegin(), id.cend(), [](QChar c) {
                           const char16_t u = c.unicode();
                           return u > 0x20 && u < 0x7F;
                       });
    if (!plain || !QTimeZone(id.toLatin1()).isValid())
        return invalid(QString(), QStringLiteral("Must be a known time zone."));
    return std::nullopt;
}

std::optional<Error> validateFreeText(QStringView text)
{
    // As typed: a comment may span lines and end with one.
    return validateText(text, TextRule{0, kFreeTextAnswerMaxLength, false, true});
}

// One side of a text of a definition: shown to respondents and in lists.
std::optional<Error> validateLocalized(const LocalizedText &text, int maxLength,
                                       const QString &field)
{
    const TextRule rule{0, maxLength, true, false};
    if (auto error = validateShownText(text.ja, rule))
        return withFieldPrefix(std::move(*error), child(field, kJa));
    if (auto error = validateShownText(text.en, rule))
        return withFieldPrefix(std::move(*error), child(field, kEn));
    return std::nullopt;
}

std::optional<Error> requireBothLanguages(const LocalizedText &text, const QString &field)
{
    const QString detail = QStringLiteral("A published survey needs this text in both languages.");
    if (text.ja.isEmpty())
        return Error{ProblemCode::MissingField, child(field, kJa), detail};
    if (text.en.isEmpty())
        return Error{ProblemCode::MissingField, child(field, kEn), detail};
    return std::nullopt;
}

std::optional<Error> validateQuestion(const Question &question, const QString &field)
{
    if (auto error = validateQuestionId(question.id))
        return withFieldPrefix(std::move(*error), child(field, kId));
    if (auto error = validateLocalized(question.text, kQuestionTextMaxLength, child(field, kText)))
        return error;
    const QString optionsField = child(field, kOptions);
    if (!isChoice(question.type)) {
        if (!question.options.isEmpty())
            return invalid(optionsField, QStringLiteral("Only choice questions have options."));
        return std::nullopt;
    }
    if (question.options.size() < 2 || question.options.size() > kChoiceOptionsMax)
        return invalid(optionsField,
                       QStringLiteral("Must hold 2 to %1 options.").arg(kChoiceOptionsMax));
    for (qsizetype i = 0; i < question.options.size(); ++i) {
        if (auto error = validateLocalized(question.options.at(i), kChoiceTextMaxLength,
                                           child(optionsField, i)))
            return error;
    }
    return std::nullopt;
}

std::optional<Error> validateTargets(const TargetFilter &targets, const QString &field)
{
    const QString groupsField = child(field, kGroupIds);
    if (targets.groupIds.size() > kGroupsMax)
        return invalid(groupsField, QStringLiteral("Must hold at most %1 groups.").arg(kGroupsMax));
    for (qsizetype i = 0; i < targets.groupIds.size(); ++i) {
        if (auto error = validateId(targets.groupIds.at(i)))
            return withFieldPrefix(std::move(*error), child(groupsField, i));
    }
    if (auto error = validateDistinct(targets.groupIds))
        return withFieldPrefix(std::move(*error), groupsField);

    const QString attributesField = child(field, kAttributes);
    if (targets.attributes.size() > kTargetAttributesMax)
        return invalid(
            attributesField,
            QStringLiteral("Must hold at most %1 attributes.").arg(kTargetAttributesMax));
    QStringList keys;
    for (qsizetype i = 0; i < targets.attributes.size(); ++i) {
        const auto &[key, values] = targets.attributes.at(i);
        const QString entry = child(attributesField, i);
        if (auto error = validateAttributeKey(key))
            return withFieldPrefix(std::move(*error), child(entry, kAttributeId));
        if (keys.contains(key))
            return invalid(child(entry, kAttributeId),
                           QStringLiteral("Must name another attribute."));
        keys.append(key);
        const QString valuesField = child(entry, kValues);
        if (values.isEmpty() || values.size() > kAttributeChoicesMax)
            return invalid(valuesField,
                           QStringLiteral("Must hold 1 to %1 values.").arg(kAttributeChoicesMax));
        for (qsizetype j = 0; j < values.size(); ++j) {
            if (auto error = validateAttributeValueText(values.at(j)))
                return withFieldPrefix(std::move(*error), child(valuesField, j));
        }
        if (auto error = validateDistinct(values))
            return withFieldPrefix(std::move(*error), valuesField);
    }
    return std::nullopt;
}

bool isWholeMinute(const QTime &time)
{
    return time.isValid() && time.second() == 0 && time.msec() == 0;
}

std::optional<Error> validateDelivery(const DeliverySettings &delivery, SurveyKind kind)
{
    const QString field(kDelivery);
    const QString minuteDetail = QStringLiteral("Must be a time of day in whole minutes.");
    if (!delivery.startDate.isNull() && !delivery.startDate.isValid())
        return invalid(child(field, kStartDate), QStringLiteral("Must be a date."));
    if (!isWholeMinute(delivery.startTime))
        return invalid(child(field, kStartTime), minuteDetail);
    if (auto error = validateTimeZoneId(delivery.timeZone))
        return withFieldPrefix(std::move(*error), child(field, kTimeZone));
    if (delivery.periodDays < 1 || delivery.periodDays > kResponsePeriodDaysMax)
        return invalid(child(field, kPeriodDays),
                       QStringLiteral("Must be 1 to %1 days.").arg(kResponsePeriodDaysMax));
    if (!pulseCadences().contains(delivery.cadenceWeeks))
        return invalid(child(field, kCadenceWeeks), QStringLiteral("Must be 4, 2 or 1 weeks."));
    if (delivery.recurrenceWeeks < 0 || delivery.recurrenceWeeks > kRecurrenceWeeksMax)
        return invalid(child(field, kRecurrenceWeeks),
                       QStringLiteral("Must be 0 (once) to %1 weeks.").arg(kRecurrenceWeeksMax));
    // Rounds of one survey never overlap: a respondent has one open round.
    const int intervalWeeks =
        kind == SurveyKind::Pulse ? delivery.cadenceWeeks : delivery.recurrenceWeeks;
    if (intervalWeeks > 0 && delivery.periodDays > intervalWeeks * 7)
        return invalid(child(field, kPeriodDays),
                       QStringLiteral("The response period must end before the next round opens."));

    const QString remindersField = child(field, kReminderDaysBeforeEnd);
    if (delivery.reminderDaysBeforeEnd.size() > kRemindersMax)
        return invalid(remindersField,
                       QStringLiteral("Must hold at most %1 reminders.").arg(kRemindersMax));
    QList<int> seen;
    for (qsizetype i = 0; i < delivery.reminderDaysBeforeEnd.size(); ++i) {
        const int day = delivery.reminderDaysBeforeEnd.at(i);
        const QString dayField = child(remindersField, i);
        if (day < 0 || day >= delivery.periodDays)
            return invalid(dayField, QStringLiteral("Must be a day inside the response period."));
        if (seen.contains(day))
            return invalid(dayField, QStringLiteral("Must be another day."));
        seen.append(day);
    }
    if (!isWholeMinute(delivery.reminderTime))
        return invalid(child(field, kReminderTime), minuteDetail);
    return validateTargets(delivery.targets, child(field, kTargets));
}

// Wire forms.

QJsonObject localizedToJson(const LocalizedText &text)
{
    return QJsonObject{{kJa, text.ja}, {kEn, text.en}};
}

Result<LocalizedText> localizedFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LocalizedText text;
    text.ja = reader.string(kJa, anyText);
    text.en = reader.string(kEn, anyText);
    if (auto error = reader.finish())
        return *error;
    return text;
}

QJsonObject questionToJson(const Question &question)
{
    QJsonArray options;
    for (const LocalizedText &option : question.options)
        options.append(localizedToJson(option));
    return QJsonObject{{kId, question.id},
                       {kType, questionTypeName(question.type)},
                       {kText, localizedToJson(question.text)},
                       {kRequired, question.required},
                       {kOptions, options}};
}

Result<Question> questionFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Question question;
    question.id = reader.string(kId, anyText);
    question.type = reader.enumeration(kType, questionTypeFromName, questionTypeNames);
    question.text = reader.object(kText, localizedFromJson);
    question.required = reader.boolean(kRequired);
    question.options = reader.objectArray(kOptions, localizedFromJson, kChoiceOptionsMax + 1);
    if (auto error = reader.finish())
        return *error;
    return question;
}

Result<std::pair<QString, QStringList>> attributeTargetFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    std::pair<QString, QStringList> target;
    target.first = reader.string(kAttributeId, anyText);
    target.second = reader.stringArray(kValues, anyText, kAttributeChoicesMax + 1);
    if (auto error = reader.finish())
        return *error;
    return target;
}

QJsonObject targetsToJson(const TargetFilter &targets)
{
    QJsonArray attributes;
    for (const auto &[key, values] : targets.attributes)
        attributes.append(
            QJsonObject{{kAttributeId, key}, {kValues, QJsonArray::fromStringList(values)}});
    return QJsonObject{{kGroupIds, QJsonArray::fromStringList(targets.groupIds)},
                       {kAttributes, attributes}};
}

Result<TargetFilter> targetsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    TargetFilter targets;
    targets.groupIds = reader.stringArray(kGroupIds, anyText, kGroupsMax + 1);
    targets.attributes =
        reader.objectArray(kAttributes, attributeTargetFromJson, kTargetAttributesMax + 1);
    if (auto error = reader.finish())
        return *error;
    return targets;
}

QJsonObject deliveryToJson(const DeliverySettings &delivery)
{
    QJsonArray reminders;
    for (int day : delivery.reminderDaysBeforeEnd)
        reminders.append(day);
    QJsonObject object{{kStartTime, formatTime(delivery.startTime)},
                       {kTimeZone, delivery.timeZone},
                       {kPeriodDays, delivery.periodDays},
                       {kCadenceWeeks, delivery.cadenceWeeks},
                       {kRecurrenceWeeks, delivery.recurrenceWeeks},
                       {kReminderDaysBeforeEnd, reminders},
                       {kReminderTime, formatTime(delivery.reminderTime)},
                       {kTargets, targetsToJson(delivery.targets)}};
    // A draft may not have its start date yet.
    if (delivery.startDate.isValid())
        object.insert(kStartDate, formatDate(delivery.startDate));
    return object;
}

Result<DeliverySettings> deliveryFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    DeliverySettings delivery;
    delivery.startDate = reader.optionalDate(kStartDate).value_or(QDate());
    delivery.startTime = readTime(reader, kStartTime);
    delivery.timeZone = reader.string(kTimeZone, anyText);
    delivery.periodDays = int(reader.integer(kPeriodDays, 1, kResponsePeriodDaysMax));
    delivery.cadenceWeeks = int(reader.integer(kCadenceWeeks, 1, 4));
    delivery.recurrenceWeeks = int(reader.integer(kRecurrenceWeeks, 0, kRecurrenceWeeksMax));
    const QList<qint64> reminders =
        reader.integerArray(kReminderDaysBeforeEnd, 0, kResponsePeriodDaysMax, kRemindersMax);
    delivery.reminderDaysBeforeEnd.clear(); // not the defaults as well
    for (qint64 day : reminders)
        delivery.reminderDaysBeforeEnd.append(int(day));
    delivery.reminderTime = readTime(reader, kReminderTime);
    delivery.targets = reader.object(kTargets, targetsFromJson);
    if (auto error = reader.finish())
        return *error;
    return delivery;
}

// The definition as decoded, before validateDefinition (Survey's decoder
// prefixes its errors with "definition").
Result<SurveyDefinition> readDefinition(const QJsonObject &object)
{
    ObjectReader reader(object);
    SurveyDefinition definition;
    definition.kind = reader.enumeration(kKind, surveyKindFromName, surveyKindNames);
    definition.name = reader.object(kName, localizedFromJson);
    definition.questions = reader.objectArray(kQuestions, questionFromJson, kSurveyQuestionsMax);
    definition.delivery = reader.object(kDelivery, deliveryFromJson);
    definition.commentThreshold =
        int(reader.integer(kCommentThreshold, kAnonymityThresholdMin, kAnonymityThresholdMax));
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDefinition(definition))
        return *error;
    return definition;
}

QJsonObject openRoundToJson(const OpenRoundSummary &round)
{
    return QJsonObject{{kRoundId, round.roundId},
                       {kClosesAt, formatDateTime(round.closesAt)},
                       {kTargets, round.targets},
                       {kRespondents, round.respondents}};
}

Result<OpenRoundSummary> openRoundFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    OpenRoundSummary round;
    round.roundId = reader.string(kRoundId, validateId);
    round.closesAt = reader.dateTime(kClosesAt);
    round.targets = reader.integer(kTargets, 0, kMaxJsonInteger);
    round.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    if (round.respondents > round.targets)
        return invalid(QString(kRespondents), QStringLiteral("Must not exceed targets."));
    return round;
}

QJsonObject groupProgressToJson(const GroupProgress &group)
{
    QJsonObject object{{kGroupId, group.groupId}, {kName, group.name}, {kTargets, group.targets}};
    if (group.respondents)
        object.insert(kRespondents, *group.respondents);
    return object;
}

Result<GroupProgress> groupProgressFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    GroupProgress group;
    group.groupId = reader.string(
        kGroupId, [](QStringView id) { return id.isEmpty() ? std::nullopt : validateId(id); });
    group.name = reader.string(kName, [](QStringView name) {
        return name.isEmpty() ? std::nullopt : validateGroupName(name);
    });
    group.targets = reader.integer(kTargets, 0, kMaxJsonInteger);
    if (object.contains(kRespondents))
        group.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    if (group.name.isEmpty() != group.groupId.isEmpty())
        return invalid(QString(kName), QStringLiteral("Must name a group, and only a group."));
    if (group.respondents && *group.respondents > group.targets)
        return invalid(QString(kRespondents), QStringLiteral("Must not exceed targets."));
    return group;
}

QJsonObject answerToJson(const RespondentAnswer &answer)
{
    QJsonObject object{{kQuestionId, answer.questionId}};
    if (answer.value)
        object.insert(kValue, *answer.value);
    if (!answer.choices.isEmpty()) {
        QJsonArray choices;
        for (int choice : answer.choices)
            choices.append(choice);
        object.insert(kChoices, choices);
    }
    if (answer.text)
        object.insert(kText, *answer.text);
    return object;
}

Result<RespondentAnswer> answerFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RespondentAnswer answer;
    answer.questionId = reader.string(kQuestionId, validateAnswerQuestionId);
    if (object.contains(kValue))
        answer.value = int(reader.integer(kValue, 0, std::max(kScale11Max, kChoiceOptionsMax - 1)));
    if (object.contains(kChoices)) {
        for (qint64 choice :
             reader.integerArray(kChoices, 0, kChoiceOptionsMax - 1, kChoiceOptionsMax))
            answer.choices.append(int(choice));
    }
    answer.text = reader.optionalString(kText, validateFreeText);
    if (auto error = reader.finish())
        return *error;
    return answer;
}

// A question's answer range for a value: scales' points, a single choice's
// option indexes.
std::pair<int, int> valueRange(const Question &question)
{
    switch (question.type) {
    case QuestionType::Agreement5:
        return {1, 5};
    case QuestionType::Agreement7:
        return {1, 7};
    case QuestionType::Scale11:
        return {0, kScale11Max};
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
        return {0, int(question.options.size()) - 1};
    case QuestionType::FreeText:
        break;
    }
    return {0, -1};
}

bool isAnswered(const RespondentAnswer &answer)
{
    return answer.value || !answer.choices.isEmpty() ||
           (answer.text && !answer.text->trimmed().isEmpty());
}

// `index`: the answer's place in the submission, named in an error only (the
// respondent page checks every answer of every submission).
std::optional<Error> validateAnswer(const RespondentAnswer &answer, const Question &question,
                                    qsizetype index)
{
    const auto field = [index] {
        return path(kAnswers, index);
    };
    const QString notHere = QStringLiteral("This question takes no such answer.");
    const bool takesValue =
        question.type != QuestionType::MultipleChoice && question.type != QuestionType::FreeText;
    if (answer.value && !takesValue)
        return invalid(child(field(), kValue), notHere);
    if (!answer.choices.isEmpty() && question.type != QuestionType::MultipleChoice)
        return invalid(child(field(), kChoices), notHere);
    if (answer.text && question.type != QuestionType::FreeText)
        return invalid(child(field(), kText), notHere);
    const auto [min, max] = valueRange(question);
    if (answer.value && (*answer.value < min || *answer.value > max))
        return invalid(child(field(), kValue),
                       QStringLiteral("Must be from %1 to %2.").arg(min).arg(max));
    QList<int> seen;
    for (qsizetype i = 0; i < answer.choices.size(); ++i) {
        const int choice = answer.choices.at(i);
        if (choice < min || choice > max || seen.contains(choice))
            return invalid(child(child(field(), kChoices), i),
                           QStringLiteral("Must be another option of the question."));
        seen.append(choice);
    }
    if (answer.text) {
        if (auto error = validateFreeText(*answer.text))
            return withFieldPrefix(std::move(*error), child(field(), kText));
    }
    return std::nullopt;
}

} // namespace

QString surveyKindName(SurveyKind kind)
{
    return enumName(kSurveyKinds, kind);
}

std::optional<SurveyKind> surveyKindFromName(QStringView name)
{
    return enumFromName(kSurveyKinds, name);
}

QString surveyStatusName(SurveyStatus status)
{
    return enumName(kSurveyStatuses, status);
}

std::optional<SurveyStatus> surveyStatusFromName(QStringView name)
{
    return enumFromName(kSurveyStatuses, name);
}

QString questionTypeName(QuestionType type)
{
    return enumName(kQuestionTypes, type);
}

std::optional<QuestionType> questionTypeFromName(QStringView name)
{
    return enumFromName(kQuestionTypes, name);
}

QString deliveryKindName(DeliveryKind kind)
{
    return enumName(kDeliveryKinds, kind);
}

QString deliveryStatusName(DeliveryStatus status)
{
    return enumName(kDeliveryStatuses, status);
}

std::optional<DeliveryKind> deliveryKindFromName(QStringView name)
{
    return enumFromName(kDeliveryKinds, name);
}

std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name)
{
    return enumFromName(kDeliveryStatuses, name);
}

std::optional<Error> validateDefinition(const SurveyDefinition &definition)
{
    if (auto error = validateLocalized(definition.name, kSurveyNameMaxLength, QString(kName)))
        return error;
    if (definition.name.ja.isEmpty() && definition.name.en.isEmpty())
        return Error{ProblemCode::MissingField, QString(kName),
                     QStringLiteral("A survey needs a name in at least one language.")};
    if (definition.kind == SurveyKind::Pulse && !definition.questions.isEmpty())
        return invalid(QString(kQuestions),
                       QStringLiteral("A pulse asks the question bank's items, not its own."));
    if (definition.questions.size() > kSurveyQuestionsMax)
        return invalid(QString(kQuestions),
                       QStringLiteral("Must hold at most %1 questions.").arg(kSurveyQuestionsMax));
    for (qsizetype i = 0; i < definition.questions.size(); ++i) {
        if (auto error = validateQuestion(definition.questions.at(i), path(kQuestions, i)))
            return error;
    }
    if (auto error = validateDistinctIds(definition.questions, kQuestions))
        return error;
    if (auto error = validateDelivery(definition.delivery, definition.kind))
        return error;
    if (definition.commentThreshold < kAnonymityThresholdMin ||
        definition.commentThreshold > kAnonymityThresholdMax)
        return invalid(QString(kCommentThreshold), QStringLiteral("Must be from %1 to %2.")
                                                       .arg(kAnonymityThresholdMin)
                                                       .arg(kAnonymityThresholdMax));
    return std::nullopt;
}

std::optional<Error> validateForPublishing(const SurveyDefinition &definition)
{
    if (auto error = validateDefinition(definition))
        return error;
    if (auto error = requireBothLanguages(definition.name, QString(kName)))
        return error;
    if (definition.kind == SurveyKind::Custom && definition.questions.isEmpty())
        return Error{ProblemCode::MissingField, QString(kQuestions),
                     QStringLiteral("A custom survey needs at least one question.")};
    for (qsizetype i = 0; i < definition.questions.size(); ++i) {
        const Question &question = definition.questions.at(i);
        const QString field = path(kQuestions, i);
        if (auto error = requireBothLanguages(question.text, child(field, kText)))
            return error;
        for (qsizetype j = 0; j < question.options.size(); ++j) {
            if (auto error =
                    requireBothLanguages(question.options.at(j), child(child(field, kOptions), j)))
                return error;
        }
    }
    if (!definition.delivery.startDate.isValid())
        return Error{ProblemCode::MissingField, QStringLiteral("delivery.startDate"),
                     QStringLiteral("A published survey needs a start date.")};
    return std::nullopt;
}

QJsonObject toJson(const SurveyDefinition &definition)
{
    QJsonArray questions;
    for (const Question &question : definition.questions)
        questions.append(questionToJson(question));
    return QJsonObject{{kKind, surveyKindName(definition.kind)},
                       {kName, localizedToJson(definition.name)},
                       {kQuestions, questions},
                       {kDelivery, deliveryToJson(definition.delivery)},
                       {kCommentThreshold, definition.commentThreshold}};
}

Result<SurveyDefinition> surveyDefinitionFromJson(const QJsonObject &object)
{
    return readDefinition(object);
}

QJsonObject toJson(const Question &question)
{
    return questionToJson(question);
}

Result<Question> surveyQuestionFromJson(const QJsonObject &object)
{
    auto question = questionFromJson(object);
    if (!question)
        return question;
    if (auto error = validateQuestion(question.value(), QString()))
        return *error;
    return question;
}

QJsonObject toJson(const Survey &survey)
{
    QJsonObject object{{kId, survey.id},
                       {kDefinition, toJson(survey.definition)},
                       {kStatus, surveyStatusName(survey.status)},
                       {kRevision, survey.revision},
                       {kCreatedAt, formatDateTime(survey.createdAt)},
                       {kUpdatedAt, formatDateTime(survey.updatedAt)}};
    if (survey.openRound)
        object.insert(kOpenRound, openRoundToJson(*survey.openRound));
    if (survey.nextDelivery)
        object.insert(kNextDelivery, formatDateTime(*survey.nextDelivery));
    if (survey.latestRoundId)
        object.insert(kLatestRoundId, *survey.latestRoundId);
    return object;
}

Result<Survey> surveyFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Survey survey;
    survey.id = reader.string(kId, validateId);
    survey.definition = reader.object(kDefinition, readDefinition);
    survey.status = reader.enumeration(kStatus, surveyStatusFromName, surveyStatusNames);
    survey.revision = reader.integer(kRevision, 1, kMaxJsonInteger);
    survey.createdAt = reader.dateTime(kCreatedAt);
    survey.updatedAt = reader.dateTime(kUpdatedAt);
    if (object.contains(kOpenRound))
        survey.openRound = reader.object(kOpenRound, openRoundFromJson);
    survey.nextDelivery = reader.optionalDateTime(kNextDelivery);
    survey.latestRoundId = reader.optionalString(kLatestRoundId, validateId);
    if (auto error = reader.finish())
        return *error;
    if (survey.openRound && survey.status != SurveyStatus::Open)
        return invalid(QString(kOpenRound), QStringLiteral("Only an open survey has one."));
    if (survey.openRound && survey.latestRoundId != survey.openRound->roundId)
        return invalid(QString(kLatestRoundId),
                       QStringLiteral("The latest round of an open survey is its open round."));
    return survey;
}

QJsonObject toJson(const QList<Survey> &surveys)
{
    QJsonArray items;
    for (const Survey &survey : surveys)
        items.append(toJson(survey));
    return QJsonObject{{kItems, items}};
}

Result<QList<Survey>> surveyListFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    QList<Survey> surveys = reader.objectArray(kItems, surveyFromJson, kSurveysMax);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDistinctIds(surveys, kItems))
        return *error;
    return surveys;
}

QJsonObject toJson(const ExtendRequest &request)
{
    return QJsonObject{{kPeriodEnds, formatDate(request.periodEnds)}};
}

Result<ExtendRequest> extendRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ExtendRequest request;
    request.periodEnds = reader.date(kPeriodEnds);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const RoundProgress &progress)
{
    QJsonArray groups;
    for (const GroupProgress &group : progress.groups)
        groups.append(groupProgressToJson(group));
    return QJsonObject{{kRoundId, progress.roundId}, {kGroups, groups},
                       {kSent, progress.sent},       {kBounced, progress.bounced},
                       {kPrinted, progress.printed}, {kPending, progress.pending}};
}

Result<RoundProgress> roundProgressFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RoundProgress progress;
    progress.roundId = reader.string(kRoundId, validateId);
    progress.groups = reader.objectArray(kGroups, groupProgressFromJson, kGroupsMax + 1);
    progress.sent = reader.integer(kSent, 0, kMaxJsonInteger);
    progress.bounced = reader.integer(kBounced, 0, kMaxJsonInteger);
    progress.printed = reader.integer(kPrinted, 0, kMaxJsonInteger);
    progress.pending = reader.integer(kPending, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    QStringList ids;
    for (const GroupProgress &group : progress.groups)
        ids.append(group.groupId);
    if (auto error = validateDistinct(ids)) {
        error->field = QStringLiteral("%1.%2.%3").arg(kGroups, error->field, kGroupId);
        return *error;
    }
    return progress;
}

std::optional<Error> validateSubmission(const RespondentSubmission &submission,
                                        const QList<Question> &questions)
{
    QSet<QString> answered;
    for (qsizetype i = 0; i < submission.answers.size(); ++i) {
        const RespondentAnswer &answer = submission.answers.at(i);
        const auto question =
            std::find_if(questions.cbegin(), questions.cend(),
                         [&answer](const Question &q) { return q.id == answer.questionId; });
        if (question == questions.cend())
            return invalid(child(path(kAnswers, i), kQuestionId),
                           QStringLiteral("Must be a question of the survey."));
        if (answered.contains(answer.questionId))
            return invalid(child(path(kAnswers, i), kQuestionId),
                           QStringLiteral("Must be another question than earlier answers."));
        if (auto error = validateAnswer(answer, *question, i))
            return error;
        if (isAnswered(answer))
            answered.insert(answer.questionId);
    }
    if (!submission.final)
        return std::nullopt;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        if (questions.at(i).required && !answered.contains(questions.at(i).id))
            return Error{ProblemCode::MissingField, path(kQuestions, i),
                         QStringLiteral("This question needs an answer.")};
    }
    return std::nullopt;
}

QJsonObject toJson(const RespondentSubmission &submission)
{
    QJsonArray answers;
    for (const RespondentAnswer &answer : submission.answers)
        answers.append(answerToJson(answer));
    return QJsonObject{{kAnswers, answers}, {kFinal, submission.final}};
}

Result<RespondentSubmission> respondentSubmissionFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RespondentSubmission submission;
    submission.answers = reader.objectArray(kAnswers, answerFromJson, kSurveyQuestionsMax);
    submission.final = reader.boolean(kFinal);
    if (auto error = reader.finish())
        return *error;
    return submission;
}

QList<Question> pulseQuestions(const QStringList &itemIds)
{
    QList<Question> questions;
    for (const BankItem &item : questionBank()) {
        if (!itemIds.contains(item.id))
            continue;
        Question question;
        question.id = item.id;
        question.type = QuestionType::Agreement5;
        question.text = LocalizedText{item.textJa, item.textEn};
        questions.append(std::move(question));
    }
    return questions;
}

} // namespace engage::api
