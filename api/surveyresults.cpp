#include "surveyresults.h"

#include "attribute.h"
#include "objectreader.h"
#include "queryparams.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <cmath>
#include <utility>

namespace engage::api {

namespace {

// Members.
constexpr QLatin1String kRoundId("roundId");
constexpr QLatin1String kSurveyId("surveyId");
constexpr QLatin1String kSurveyName("surveyName");
constexpr QLatin1String kRoundNumber("roundNumber");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kOpensAt("opensAt");
constexpr QLatin1String kClosesAt("closesAt");
constexpr QLatin1String kSlice("slice");
constexpr QLatin1String kQuestions("questions");
constexpr QLatin1String kGroupId("groupId");
constexpr QLatin1String kAttributeId("attributeId");
constexpr QLatin1String kAttributeValue("attributeValue");
constexpr QLatin1String kThreshold("threshold");
constexpr QLatin1String kCommentThreshold("commentThreshold");
constexpr QLatin1String kResponseRate("responseRate");
constexpr QLatin1String kWithheld("withheld");
constexpr QLatin1String kQuestion("question");
constexpr QLatin1String kRespondents("respondents");
constexpr QLatin1String kCounts("counts");
constexpr QLatin1String kMean("mean");
constexpr QLatin1String kTexts("texts");
constexpr QLatin1String kJa("ja");
constexpr QLatin1String kEn("en");

// Query parameters.
constexpr QLatin1String kGroupParam("group");
constexpr QLatin1String kAttributeParam("attribute");
constexpr QLatin1String kValueParam("value");

constexpr int kMeanDecimals = 2;
constexpr int kRoundNumberMax = 1000000;

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

std::optional<Error> validateOptionalId(QStringView id)
{
    return id.isEmpty() ? std::nullopt : validateId(id);
}

// A tenant attribute's id or a snapshot key, as the dashboards take them.
std::optional<Error> validateAttributeKey(QStringView id)
{
    if (id.isEmpty() || snapshotKeys().contains(id.toString()) || !validateId(id))
        return std::nullopt;
    return invalid(QString(), QStringLiteral("Must be an attribute id or a snapshot key."));
}

std::optional<Error> validateOptionalAttributeValue(QStringView value)
{
    return value.isEmpty() ? std::nullopt : validateAttributeValueText(value);
}

std::optional<Error> validateSurveyNameSide(QStringView name)
{
    return validateShownText(name, TextRule{0, kSurveyNameMaxLength, true, false});
}

// A free-text answer as the respondent typed it (lines and surrounding white
// space kept), never empty.
std::optional<Error> validateAnswerText(QStringView text)
{
    return validateText(text, TextRule{1, kFreeTextAnswerMaxLength, false, true});
}

bool isScale(QuestionType type)
{
    return type == QuestionType::Agreement5 || type == QuestionType::Agreement7 ||
           type == QuestionType::Scale11;
}

// The lowest and highest scale point.
std::pair<int, int> scaleRange(QuestionType type)
{
    switch (type) {
    case QuestionType::Agreement5:
        return {1, 5};
    case QuestionType::Agreement7:
        return {1, 7};
    case QuestionType::Scale11:
        return {0, 10};
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::FreeText:
        break;
    }
    return {0, -1};
}

Result<LocalizedText> readName(const QJsonObject &object)
{
    ObjectReader reader(object);
    LocalizedText name;
    name.ja = reader.string(kJa, validateSurveyNameSide);
    name.en = reader.string(kEn, validateSurveyNameSide);
    if (auto error = reader.finish())
        return *error;
    return name;
}

QJsonObject sliceToJson(const ResultsSlice &slice)
{
    QJsonObject object{{kGroupId, slice.groupId},
                       {kAttributeId, slice.attributeId},
                       {kAttributeValue, slice.attributeValue},
                       {kThreshold, slice.threshold},
                       {kCommentThreshold, slice.commentThreshold},
                       {kResponseRate, toJson(slice.responseRate)}};
    if (slice.withheld != Withheld::No)
        object.insert(kWithheld, withheldName(slice.withheld));
    return object;
}

Withheld readWithheld(ObjectReader &reader)
{
    const std::optional<QString> name =
        reader.optionalString(kWithheld, [](QStringView text) -> std::optional<Error> {
            // Absent is "shown": the empty name is not written.
            if (text.isEmpty() || !withheldFromName(text))
                return invalid(QString(), QStringLiteral("Must be a reason for withholding."));
            return std::nullopt;
        });
    return name ? withheldFromName(*name).value_or(Withheld::No) : Withheld::No;
}

Result<ResultsSlice> sliceFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ResultsSlice slice;
    slice.groupId = reader.string(kGroupId, validateOptionalId);
    slice.attributeId = reader.string(kAttributeId, validateAttributeKey);
    slice.attributeValue = reader.string(kAttributeValue, validateOptionalAttributeValue);
    slice.threshold =
        int(reader.integer(kThreshold, kAnonymityThresholdMin, kAnonymityThresholdMax));
    slice.commentThreshold =
        int(reader.integer(kCommentThreshold, kAnonymityThresholdMin, kAnonymityThresholdMax));
    slice.responseRate = reader.object(kResponseRate, responseRateFromJson);
    slice.withheld = readWithheld(reader);
    if (auto error = reader.finish())
        return *error;
    if (slice.attributeValue.isEmpty() != slice.attributeId.isEmpty())
        return invalid(QString(kAttributeValue), QStringLiteral("Goes with an attribute."));
    return slice;
}

QJsonObject questionResultToJson(const QuestionResult &result)
{
    QJsonObject object{{kQuestion, toJson(result.question)}, {kRespondents, result.respondents}};
    if (result.withheld != Withheld::No)
        object.insert(kWithheld, withheldName(result.withheld));
    if (!result.counts.isEmpty()) {
        QJsonArray counts;
        for (qint64 count : result.counts)
            counts.append(count);
        object.insert(kCounts, counts);
    }
    if (result.mean)
        object.insert(kMean, std::round(*result.mean * 100.0) / 100.0);
    if (!result.texts.isEmpty())
        object.insert(kTexts, QJsonArray::fromStringList(result.texts));
    return object;
}

// What a question's type and withheld state allow of its parts.
std::optional<Error> checkQuestionResult(const QuestionResult &result)
{
    const Question &question = result.question;
    const bool shown = result.withheld == Withheld::No;
    const int points = answerPointCount(question);
    if (shown && points > 0 && result.counts.size() != points)
        return invalid(QString(kCounts), QStringLiteral("Must hold %1 counts.").arg(points));
    if ((!shown || points == 0) && !result.counts.isEmpty())
        return invalid(QString(kCounts), QStringLiteral("Must be absent here."));
    if (result.mean.has_value() != (shown && isScale(question.type)))
        return invalid(QString(kMean), QStringLiteral("Only a shown scale has a mean."));
    if (result.mean) {
        const auto [low, high] = scaleRange(question.type);
        if (*result.mean < low || *result.mean > high)
            return invalid(QString(kMean), QStringLiteral("Must be on the scale."));
    }
    const bool text = question.type == QuestionType::FreeText;
    if (!result.texts.isEmpty() && (!shown || !text))
        return invalid(QString(kTexts), QStringLiteral("Must be absent here."));
    if (shown && text && result.texts.isEmpty())
        return invalid(QString(kTexts), QStringLiteral("A shown free-text question lists texts."));
    if (shown && result.respondents <= 0)
        return invalid(QString(kRespondents), QStringLiteral("A shown question has respondents."));
    for (qint64 count : result.counts) {
        if (count > result.respondents)
            return invalid(QString(kCounts), QStringLiteral("Must not exceed respondents."));
    }
    return std::nullopt;
}

Result<QuestionResult> questionResultFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    QuestionResult result;
    result.question = reader.object(kQuestion, surveyQuestionFromJson);
    result.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
    result.withheld = readWithheld(reader);
    if (object.contains(kCounts))
        result.counts =
            reader.integerArray(kCounts, 0, kMaxJsonInteger, std::max(11, kChoiceOptionsMax));
    result.mean = reader.optionalNumber(kMean, 0, 10, kMeanDecimals);
    if (object.contains(kTexts))
        result.texts = reader.stringArray(kTexts, validateAnswerText, kResultsTextsMax);
    if (auto error = reader.finish())
        return *error;
    if (auto error = checkQuestionResult(result))
        return *error;
    return result;
}

} // namespace

QUrlQuery toUrlQuery(const SurveyResultsQuery &query)
{
    QUrlQuery url;
    auto add = [&url](QLatin1String name, const QString &value) {
        if (!value.isEmpty())
            addQueryValue(url, name, value);
    };
    add(kGroupParam, query.groupId);
    add(kAttributeParam, query.attributeId);
    add(kValueParam, query.attributeValue);
    return url;
}

Result<SurveyResultsQuery> surveyResultsQueryFromUrl(const QUrlQuery &url)
{
    SurveyResultsQuery query;
    auto read = [&query](const QString &name, const QString &value) -> std::optional<Error> {
        const auto keep = [&](std::optional<Error> error, QString &target) -> std::optional<Error> {
            if (error)
                return parameterError(std::move(*error), name);
            target = value;
            return std::nullopt;
        };
        if (name == kGroupParam)
            return keep(validateId(value), query.groupId);
        if (name == kAttributeParam)
            return keep(value.isEmpty() ? std::optional<Error>(invalid(
                                              QString(), QStringLiteral("Must not be empty.")))
                                        : validateAttributeKey(value),
                        query.attributeId);
        return keep(validateAttributeValueText(value), query.attributeValue);
    };
    if (auto error = readQueryParameters(url, {kGroupParam, kAttributeParam, kValueParam}, read))
        return *error;
    // A value names what to narrow to: one without the other narrows nothing,
    // and a client must not believe it did.
    if (!query.attributeValue.isEmpty() && query.attributeId.isEmpty())
        return invalid(QString(kValueParam), QStringLiteral("Needs an attribute."));
    if (!query.attributeId.isEmpty() && query.attributeValue.isEmpty())
        return Error{ProblemCode::MissingField, QString(kValueParam),
                     QStringLiteral("Name the attribute's value to narrow to.")};
    return query;
}

int answerPointCount(const Question &question)
{
    if (isScale(question.type)) {
        const auto [low, high] = scaleRange(question.type);
        return high - low + 1;
    }
    if (question.type == QuestionType::FreeText)
        return 0;
    return int(question.options.size());
}

int answerPointValue(const Question &question, int position)
{
    return isScale(question.type) ? scaleRange(question.type).first + position : position;
}

QJsonObject toJson(const SurveyResults &results)
{
    QJsonArray questions;
    for (const QuestionResult &question : results.questions)
        questions.append(questionResultToJson(question));
    return QJsonObject{
        {kRoundId, results.roundId},
        {kSurveyId, results.surveyId},
        {kSurveyName, QJsonObject{{kJa, results.surveyName.ja}, {kEn, results.surveyName.en}}},
        {kRoundNumber, results.roundNumber},
        {kStatus, roundStatusName(results.status)},
        {kOpensAt, formatDateTime(results.opensAt)},
        {kClosesAt, formatDateTime(results.closesAt)},
        {kSlice, sliceToJson(results.slice)},
        {kQuestions, questions}};
}

Result<SurveyResults> surveyResultsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    SurveyResults results;
    results.roundId = reader.string(kRoundId, validateId);
    results.surveyId = reader.string(kSurveyId, validateId);
    results.surveyName = reader.object(kSurveyName, readName);
    results.roundNumber = int(reader.integer(kRoundNumber, 1, kRoundNumberMax));
    results.status = reader.enumeration(kStatus, roundStatusFromName, [] {
        return QStringList{roundStatusName(RoundStatus::Open),
                           roundStatusName(RoundStatus::Closed)};
    });
    results.opensAt = reader.dateTime(kOpensAt);
    results.closesAt = reader.dateTime(kClosesAt);
    results.slice = reader.object(kSlice, sliceFromJson);
    results.questions = reader.objectArray(kQuestions, questionResultFromJson, kSurveyQuestionsMax);
    if (auto error = reader.finish())
        return *error;
    if (results.status == RoundStatus::Scheduled)
        return invalid(QString(kStatus), QStringLiteral("Must be open or closed."));
    if (validateDistinct([&] {
            QStringList ids;
            for (const QuestionResult &question : results.questions)
                ids.append(question.question.id);
            return ids;
        }()))
        return invalid(QString(kQuestions), QStringLiteral("Must not repeat a question."));
    if (results.slice.withheld != Withheld::No) {
        for (qsizetype i = 0; i < results.questions.size(); ++i) {
            if (results.questions.at(i).withheld == Withheld::No)
                return invalid(QStringLiteral("%1.%2.%3").arg(kQuestions).arg(i).arg(kWithheld),
                               QStringLiteral("Withheld with its slice."));
        }
    }
    return results;
}

} // namespace engage::api
