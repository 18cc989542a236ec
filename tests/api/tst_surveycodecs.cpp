#include "api/jsonparse.h"
#include "api/questionbank.h"
#include "api/survey.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <functional>

using namespace engage::api;
using engage::api::test::mutate;

namespace {

const QString kSurveyId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
const QString kOtherSurveyId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c");
const QString kRoundId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d");
const QString kGroupId = QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
const QString kOtherGroupId = QStringLiteral("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
const QString kAttributeId = QStringLiteral("6ba7b814-9dad-11d1-80b4-00c04fd430c8");

QDateTime utc(const char *text)
{
    return parseDateTime(QString::fromLatin1(text)).value();
}

LocalizedText both(const char *ja, const char *en)
{
    return LocalizedText{QString::fromUtf8(ja), QString::fromUtf8(en)};
}

Question question(const char *id, QuestionType type, int options = 0)
{
    Question q;
    q.id = QString::fromLatin1(id);
    q.type = type;
    q.text = both("質問", "Question");
    for (int i = 0; i < options; ++i)
        q.options.append(
            LocalizedText{QStringLiteral("選択%1").arg(i), QStringLiteral("Choice %1").arg(i)});
    return q;
}

// A custom survey with one question of every type, every delivery member set.
SurveyDefinition custom()
{
    SurveyDefinition definition;
    definition.kind = SurveyKind::Custom;
    definition.name = both("働き方アンケート", "Ways of working");
    definition.questions = {question("q1", QuestionType::Agreement5),
                            question("q2", QuestionType::Agreement7),
                            question("q3", QuestionType::Scale11),
                            question("q4", QuestionType::SingleChoice, 3),
                            question("q5", QuestionType::MultipleChoice, 4),
                            question("q-6_x", QuestionType::FreeText)};
    definition.questions[5].required = false;
    definition.delivery.startDate = QDate(2025, 4, 7);
    definition.delivery.startTime = QTime(8, 30);
    definition.delivery.timeZone = QStringLiteral("Europe/Berlin");
    definition.delivery.periodDays = 10;
    definition.delivery.recurrenceWeeks = 2;
    definition.delivery.reminderDaysBeforeEnd = {5, 1, 0};
    definition.delivery.reminderTime = QTime(16, 45);
    definition.delivery.targets.groupIds = {kGroupId, kOtherGroupId};
    definition.delivery.targets.attributes = {
        {kAttributeId, {QStringLiteral("Tokyo"), QStringLiteral("Osaka")}},
        {QStringLiteral("employmentType"), {QStringLiteral("full-time")}}};
    definition.commentThreshold = 12;
    return definition;
}

SurveyDefinition pulse()
{
    SurveyDefinition definition;
    definition.kind = SurveyKind::Pulse;
    definition.name = both("エンゲージメント", "");
    definition.delivery.cadenceWeeks = 2;
    return definition;
}

Survey survey()
{
    Survey value;
    value.id = kSurveyId;
    value.definition = custom();
    value.status = SurveyStatus::Open;
    value.revision = 4;
    value.createdAt = utc("2025-03-01T01:02:03.004Z");
    value.updatedAt = utc("2025-03-02T01:02:03.004Z");
    value.openRound = OpenRoundSummary{kRoundId, utc("2025-04-16T21:59:59.999Z"), 120, 45};
    value.nextDelivery = utc("2025-04-21T06:30:00.000Z");
    value.latestRoundId = kRoundId;
    return value;
}

RoundProgress progress()
{
    RoundProgress value;
    value.roundId = kRoundId;
    value.groups = {GroupProgress{kGroupId, QStringLiteral("Sales"), 12, 7},
                    GroupProgress{kOtherGroupId, QStringLiteral("Legal"), 3, std::nullopt},
                    GroupProgress{QString(), QString(), 2, std::nullopt}};
    value.sent = 15;
    value.bounced = 1;
    value.printed = 2;
    value.pending = 0;
    return value;
}

RespondentSubmission submission()
{
    RespondentSubmission value;
    value.answers = {
        RespondentAnswer{QStringLiteral("q1"), 5, {}, std::nullopt},
        RespondentAnswer{QStringLiteral("q2"), 1, {}, std::nullopt},
        RespondentAnswer{QStringLiteral("q3"), 0, {}, std::nullopt},
        RespondentAnswer{QStringLiteral("q4"), 2, {}, std::nullopt},
        RespondentAnswer{QStringLiteral("q5"), std::nullopt, {3, 0}, std::nullopt},
        RespondentAnswer{
            QStringLiteral("q-6_x"), std::nullopt, {}, QStringLiteral("Line one\nline two\n")}};
    return value;
}

bool operator==(const RespondentAnswer &a, const RespondentAnswer &b)
{
    return a.questionId == b.questionId && a.value == b.value && a.choices == b.choices &&
           a.text == b.text;
}

struct Codec
{
    QJsonObject sample;
    std::function<std::optional<Error>(const QJsonObject &)> decode;
    std::function<QJsonObject(const QJsonObject &)> reencode;
};

template<typename T, typename Decode>
Codec makeCodec(const T &value, Decode decode)
{
    return Codec{toJson(value),
                 [decode](const QJsonObject &object) -> std::optional<Error> {
                     auto result = decode(object);
                     if (!result)
                         return result.error();
                     return std::nullopt;
                 },
                 [decode](const QJsonObject &object) {
                     return toJson(decode(object).value());
                 }};
}

Codec codecFor(const QString &kind)
{
    if (kind == QLatin1String("definition"))
        return makeCodec(custom(), surveyDefinitionFromJson);
    if (kind == QLatin1String("pulse"))
        return makeCodec(pulse(), surveyDefinitionFromJson);
    if (kind == QLatin1String("survey"))
        return makeCodec(survey(), surveyFromJson);
    if (kind == QLatin1String("surveys")) {
        Survey other = survey();
        other.id = kOtherSurveyId;
        other.definition = pulse();
        other.status = SurveyStatus::Draft;
        other.openRound.reset();
        other.nextDelivery.reset();
        return makeCodec(QList<Survey>{survey(), other}, surveyListFromJson);
    }
    if (kind == QLatin1String("extend"))
        return makeCodec(ExtendRequest{QDate(2025, 4, 20)}, extendRequestFromJson);
    if (kind == QLatin1String("progress"))
        return makeCodec(progress(), roundProgressFromJson);
    Q_ASSERT(kind == QLatin1String("submission"));
    return makeCodec(submission(), respondentSubmissionFromJson);
}

QByteArray wire(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray quoted(const QByteArray &text)
{
    return '"' + text + '"';
}

QList<Question> roundQuestions()
{
    return custom().questions;
}

} // namespace

Q_DECLARE_METATYPE(engage::api::SurveyDefinition)
Q_DECLARE_METATYPE(engage::api::RespondentSubmission)

class TestSurveyCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enumNames();
    void roundTrip_data();
    void roundTrip();
    void typedRoundTrips();
    void rejects_data();
    void rejects();
    void validation_data();
    void validation();
    void publishing_data();
    void publishing();
    void submissions_data();
    void submissions();
    void pulseQuestionsFromTheBank();
};

void TestSurveyCodecs::enumNames()
{
    for (SurveyKind kind : {SurveyKind::Pulse, SurveyKind::Custom})
        QCOMPARE(surveyKindFromName(surveyKindName(kind)), kind);
    QCOMPARE(surveyKindName(SurveyKind::Custom), QStringLiteral("custom"));
    for (SurveyStatus status :
         {SurveyStatus::Draft, SurveyStatus::Scheduled, SurveyStatus::Open, SurveyStatus::Closed})
        QCOMPARE(surveyStatusFromName(surveyStatusName(status)), status);
    QCOMPARE(surveyStatusName(SurveyStatus::Scheduled), QStringLiteral("scheduled"));
    const QStringList typeNames{QStringLiteral("agreement5"), QStringLiteral("agreement7"),
                                QStringLiteral("scale11"),    QStringLiteral("single"),
                                QStringLiteral("multiple"),   QStringLiteral("text")};
    for (const QString &name : typeNames)
        QCOMPARE(questionTypeName(questionTypeFromName(name).value()), name);
    QCOMPARE(deliveryKindName(DeliveryKind::Reminder), QStringLiteral("reminder"));
    QCOMPARE(deliveryKindFromName(u"invitation"), DeliveryKind::Invitation);
    QCOMPARE(deliveryStatusName(DeliveryStatus::Bounced), QStringLiteral("bounced"));
    QCOMPARE(deliveryStatusFromName(u"printed"), DeliveryStatus::Printed);
    // Exactly the lower-case wire names.
    QVERIFY(!surveyKindFromName(u"Pulse"));
    QVERIFY(!surveyStatusFromName(u""));
    QVERIFY(!questionTypeFromName(u"scale"));
    QVERIFY(!deliveryStatusFromName(u"sending"));
}

void TestSurveyCodecs::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind :
         {"definition", "pulse", "survey", "surveys", "extend", "progress", "submission"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// Encode, send as bytes through the strict parser, decode, encode again: the
// same bytes.
void TestSurveyCodecs::roundTrip()
{
    QFETCH(QString, kind);
    const Codec codec = codecFor(kind);
    const QByteArray bytes = wire(codec.sample);
    const Result<QJsonObject> parsed = parseJsonObject(bytes);
    QVERIFY(parsed);
    const std::optional<Error> error = codec.decode(parsed.value());
    QVERIFY2(!error,
             qPrintable(error ? error->field + QLatin1String(": ") + error->detail : QString()));
    QCOMPARE(wire(codec.reencode(parsed.value())), bytes);
}

void TestSurveyCodecs::typedRoundTrips()
{
    engage::api::test::checkRoundTrip(custom(), surveyDefinitionFromJson);
    engage::api::test::checkRoundTrip(pulse(), surveyDefinitionFromJson);

    // A draft without a start date leaves the member out.
    SurveyDefinition draft = custom();
    draft.delivery.startDate = QDate();
    QVERIFY(!toJson(draft)
                 .value(QLatin1String("delivery"))
                 .toObject()
                 .contains(QLatin1String("startDate")));
    engage::api::test::checkRoundTrip(draft, surveyDefinitionFromJson);

    const Survey decoded = surveyFromJson(toJson(survey())).value();
    QCOMPARE(decoded.definition, custom());
    QCOMPARE(decoded.revision, 4);
    QCOMPARE(decoded.openRound->respondents, 45);
    QCOMPARE(decoded.openRound->closesAt, utc("2025-04-16T21:59:59.999Z"));
    QCOMPARE(decoded.nextDelivery, std::optional<QDateTime>(utc("2025-04-21T06:30:00.000Z")));
    QCOMPARE(decoded.latestRoundId, std::optional<QString>(kRoundId));

    const RoundProgress rp = roundProgressFromJson(toJson(progress())).value();
    QCOMPARE(rp.groups.size(), 3);
    QCOMPARE(rp.groups.at(0).respondents, std::optional<qint64>(7));
    QVERIFY(!rp.groups.at(1).respondents);
    QCOMPARE(rp.bounced, 1);

    const RespondentSubmission sub = respondentSubmissionFromJson(toJson(submission())).value();
    QCOMPARE(sub.answers.size(), submission().answers.size());
    for (qsizetype i = 0; i < sub.answers.size(); ++i)
        QVERIFY(sub.answers.at(i) == submission().answers.at(i));
    QVERIFY(sub.final);

    // A partial save of a pulse: bank item ids, final false.
    RespondentSubmission partial;
    partial.final = false;
    partial.answers = {RespondentAnswer{questionBank().at(0).id, 4, {}, std::nullopt}};
    const RespondentSubmission partialDecoded =
        respondentSubmissionFromJson(toJson(partial)).value();
    QVERIFY(!partialDecoded.final);
    QVERIFY(partialDecoded.answers.at(0) == partial.answers.at(0));

    QCOMPARE(extendRequestFromJson(toJson(ExtendRequest{QDate(2025, 12, 31)})).value().periodEnds,
             QDate(2025, 12, 31));
}

void TestSurveyCodecs::rejects_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
    QTest::addColumn<QString>("field");

    const QByteArray tenKilobytes = quoted(QByteArray(10 * 1024, 'x'));
    auto row = [](const char *name, const char *kind, const char *path, const QByteArray &fragment,
                  const char *field) {
        QTest::newRow(name) << QString::fromLatin1(kind) << QString::fromLatin1(path) << fragment
                            << QString::fromLatin1(field);
    };
    QByteArray sixtyOne = "[";
    for (int i = 0; i < 61; ++i)
        sixtyOne += (i ? "," : "") + QByteArray(R"({"id":"q)") + QByteArray::number(i) +
                    R"(","type":"scale11","text":{"ja":"a","en":"b"},"required":true,"options":[])"
                    "}";
    sixtyOne += "]";
    QByteArray twentyOneOptions = "[";
    for (int i = 0; i < 21; ++i)
        twentyOneOptions += (i ? "," : "") + QByteArray(R"({"ja":"a","en":"b"})");
    twentyOneOptions += "]";

    // Definitions: unknown members and wrong types.
    row("unknown member", "definition", "debug", "true", "debug");
    row("unknown member in delivery", "definition", "delivery.sendAt", "1", "delivery.sendAt");
    row("unknown member in a question", "definition", "questions.0.weight", "2",
        "questions.0.weight");
    row("unknown language", "definition", "name.fr", "\"Nom\"", "name.fr");
    row("hostile member name", "definition", "a b\\u202e", "1", "(unprintable)");
    row("kind unknown", "definition", "kind", "\"poll\"", "kind");
    row("kind wrong case", "definition", "kind", "\"Custom\"", "kind");
    row("kind missing", "definition", "kind", QByteArray(), "kind");
    row("name not an object", "definition", "name", "\"Survey\"", "name");
    row("name side a number", "definition", "name.ja", "7", "name.ja");
    row("name side missing", "definition", "name.en", QByteArray(), "name.en");
    row("questions not an array", "definition", "questions", "{}", "questions");
    row("question not an object", "definition", "questions.1", "\"q\"", "questions.1");
    row("question type unknown", "definition", "questions.0.type", "\"slider\"",
        "questions.0.type");
    row("required as text", "definition", "questions.0.required", "\"true\"",
        "questions.0.required");
    row("period as text", "definition", "delivery.periodDays", "\"7\"", "delivery.periodDays");
    row("period fractional", "definition", "delivery.periodDays", "7.5", "delivery.periodDays");
    row("threshold null", "definition", "commentThreshold", "null", "commentThreshold");
    row("start time with seconds", "definition", "delivery.startTime", "\"08:30:00\"",
        "delivery.startTime");
    row("start time impossible", "definition", "delivery.startTime", "\"24:10\"",
        "delivery.startTime");
    row("reminder time empty", "definition", "delivery.reminderTime", "\"\"",
        "delivery.reminderTime");
    row("start date impossible", "definition", "delivery.startDate", "\"2025-02-29\"",
        "delivery.startDate");
    row("reminders as text", "definition", "delivery.reminderDaysBeforeEnd.1", "\"1\"",
        "delivery.reminderDaysBeforeEnd.1");
    row("targets not an object", "definition", "delivery.targets", "[]", "delivery.targets");

    // Definitions: hostile or oversized values.
    row("61 questions", "definition", "questions", sixtyOne, "questions");
    row("name 10 kB", "definition", "name.ja", tenKilobytes, "name.ja");
    row("name 101", "definition", "name.en", quoted(QByteArray(101, 'a')), "name.en");
    row("name control", "definition", "name.en", "\"a\\u0007b\"", "name.en");
    row("name bidi", "definition", "name.en", "\"a\\u202eb\"", "name.en");
    row("name untrimmed", "definition", "name.ja", "\" a\"", "name.ja");
    row("name in no language", "definition", "name", R"({"ja":"","en":""})", "name");
    row("question text 10 kB", "definition", "questions.2.text.en", tenKilobytes,
        "questions.2.text.en");
    row("question text 501", "definition", "questions.2.text.ja", quoted(QByteArray(501, 'a')),
        "questions.2.text.ja");
    row("question text line break", "definition", "questions.2.text.ja", "\"a\\nb\"",
        "questions.2.text.ja");
    row("question text NUL", "definition", "questions.2.text.ja", "\"a\\u0000b\"",
        "questions.2.text.ja");
    row("option 10 kB", "definition", "questions.3.options.1.ja", tenKilobytes,
        "questions.3.options.1.ja");
    row("option 101", "definition", "questions.3.options.1.en", quoted(QByteArray(101, 'a')),
        "questions.3.options.1.en");
    row("choice with 1 option", "definition", "questions.3.options", R"([{"ja":"a","en":"b"}])",
        "questions.3.options");
    row("choice with 21 options", "definition", "questions.4.options", twentyOneOptions,
        "questions.4.options");
    row("options on a scale", "definition", "questions.2.options", R"([{"ja":"a","en":"b"}])",
        "questions.2.options");
    row("options on free text", "definition", "questions.5.options",
        R"([{"ja":"a","en":"b"},{"ja":"c","en":"d"}])", "questions.5.options");
    row("duplicate question id", "definition", "questions.3.id", "\"q2\"", "questions.3.id");
    row("question id empty", "definition", "questions.0.id", "\"\"", "questions.0.id");
    row("question id with a dot", "definition", "questions.0.id", "\"q.1\"", "questions.0.id");
    row("question id 33", "definition", "questions.0.id", quoted(QByteArray(33, 'q')),
        "questions.0.id");
    row("question id injection", "definition", "questions.0.id", "\"q'; DROP TABLE surveys\"",
        "questions.0.id");
    row("time zone unknown", "definition", "delivery.timeZone", "\"Mars/Olympus\"",
        "delivery.timeZone");
    row("time zone empty", "definition", "delivery.timeZone", "\"\"", "delivery.timeZone");
    row("time zone 10 kB", "definition", "delivery.timeZone", tenKilobytes, "delivery.timeZone");
    row("time zone control", "definition", "delivery.timeZone", "\"Asia/\\u0001Tokyo\"",
        "delivery.timeZone");
    row("period 0", "definition", "delivery.periodDays", "0", "delivery.periodDays");
    row("period 61", "definition", "delivery.periodDays", "61", "delivery.periodDays");
    row("period longer than the recurrence", "definition", "delivery.periodDays", "15",
        "delivery.periodDays");
    row("cadence 3", "definition", "delivery.cadenceWeeks", "3", "delivery.cadenceWeeks");
    row("recurrence 53", "definition", "delivery.recurrenceWeeks", "53",
        "delivery.recurrenceWeeks");
    row("recurrence negative", "definition", "delivery.recurrenceWeeks", "-1",
        "delivery.recurrenceWeeks");
    row("reminder after the period", "definition", "delivery.reminderDaysBeforeEnd.0", "10",
        "delivery.reminderDaysBeforeEnd.0");
    row("reminder negative", "definition", "delivery.reminderDaysBeforeEnd.2", "-1",
        "delivery.reminderDaysBeforeEnd.2");
    row("reminder duplicated", "definition", "delivery.reminderDaysBeforeEnd.2", "1",
        "delivery.reminderDaysBeforeEnd.2");
    row("six reminders", "definition", "delivery.reminderDaysBeforeEnd", "[0,1,2,3,4,5]",
        "delivery.reminderDaysBeforeEnd");
    row("target group not an id", "definition", "delivery.targets.groupIds.1", "\"sales\"",
        "delivery.targets.groupIds.1");
    row("target group repeated", "definition", "delivery.targets.groupIds.1",
        "\"6ba7b811-9dad-11d1-80b4-00c04fd430c8\"", "delivery.targets.groupIds.1");
    row("target attribute unknown key", "definition", "delivery.targets.attributes.1.attributeId",
        "\"salary\"", "delivery.targets.attributes.1.attributeId");
    row("target attribute repeated", "definition", "delivery.targets.attributes.1.attributeId",
        "\"6ba7b814-9dad-11d1-80b4-00c04fd430c8\"", "delivery.targets.attributes.1.attributeId");
    row("target attribute without values", "definition", "delivery.targets.attributes.0.values",
        "[]", "delivery.targets.attributes.0.values");
    row("target value 10 kB", "definition", "delivery.targets.attributes.0.values.0", tenKilobytes,
        "delivery.targets.attributes.0.values.0");
    row("target value repeated", "definition", "delivery.targets.attributes.0.values.1",
        "\"Tokyo\"", "delivery.targets.attributes.0.values.1");
    row("comment threshold 2", "definition", "commentThreshold", "2", "commentThreshold");
    row("comment threshold 101", "definition", "commentThreshold", "101", "commentThreshold");
    row("pulse with questions", "pulse", "questions",
        R"([{"id":"q1","type":"agreement5","text":{"ja":"a","en":"b"},"required":true,)"
        R"("options":[]}])",
        "questions");
    row("pulse period longer than its cadence", "pulse", "delivery.periodDays", "15",
        "delivery.periodDays");

    // Surveys and their list.
    row("survey id not an id", "survey", "id", "\"1; DROP TABLE surveys\"", "id");
    row("survey definition bad", "survey", "definition.delivery.periodDays", "0",
        "definition.delivery.periodDays");
    row("survey status unknown", "survey", "status", "\"archived\"", "status");
    row("survey revision 0", "survey", "revision", "0", "revision");
    row("survey revision beyond JSON", "survey", "revision", "9007199254740993", "revision");
    row("survey created date only", "survey", "createdAt", "\"2025-03-01\"", "createdAt");
    row("open round respondents above targets", "survey", "openRound.respondents", "121",
        "openRound.respondents");
    row("open round null", "survey", "openRound", "null", "openRound");
    row("open round of a draft", "survey", "status", "\"draft\"", "openRound");
    row("latest round not an id", "survey", "latestRoundId", "\"../rounds\"", "latestRoundId");
    row("latest round not the open one", "survey", "latestRoundId",
        "\"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b\"", "latestRoundId");
    row("next delivery with offset", "survey", "nextDelivery", "\"2025-04-21T15:30:00+09:00\"",
        "nextDelivery");
    row("survey unknown", "survey", "memberIds", "[]", "memberIds");
    row("surveys repeated", "surveys", "items.1.id", "\"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b\"",
        "items.1.id");
    row("surveys not an array", "surveys", "items", "{}", "items");

    // Extend, progress.
    row("extend missing", "extend", "periodEnds", QByteArray(), "periodEnds");
    row("extend date time", "extend", "periodEnds", "\"2025-04-20T00:00:00.000Z\"", "periodEnds");
    row("extend unknown", "extend", "closesAt", "\"2025-04-20\"", "closesAt");
    row("progress group repeated", "progress", "groups.1.groupId",
        "\"6ba7b811-9dad-11d1-80b4-00c04fd430c8\"", "groups.1.groupId");
    row("progress respondents above targets", "progress", "groups.0.respondents", "13",
        "groups.0.respondents");
    row("progress group without a name", "progress", "groups.0.name", "\"\"", "groups.0.name");
    row("progress sent negative", "progress", "sent", "-1", "sent");

    // Submissions.
    row("answer unknown member", "submission", "answers.0.weight", "1", "answers.0.weight");
    row("answer value as text", "submission", "answers.0.value", "\"5\"", "answers.0.value");
    row("answer value fractional", "submission", "answers.0.value", "4.5", "answers.0.value");
    row("answer value huge", "submission", "answers.0.value", "1e300", "answers.0.value");
    row("answer choice negative", "submission", "answers.4.choices.1", "-1", "answers.4.choices.1");
    row("answer choices not an array", "submission", "answers.4.choices", "3", "answers.4.choices");
    row("answer text 2001", "submission", "answers.5.text", quoted(QByteArray(2001, 'a')),
        "answers.5.text");
    row("answer text control", "submission", "answers.5.text", "\"a\\u001bb\"", "answers.5.text");
    row("answer question id hostile", "submission", "answers.0.questionId", "\"<script>\"",
        "answers.0.questionId");
    row("final missing", "submission", "final", QByteArray(), "final");
    row("final as number", "submission", "final", "1", "final");
}

void TestSurveyCodecs::rejects()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QByteArray, fragment);
    QFETCH(QString, field);

    const Codec codec = codecFor(kind);
    const QJsonObject mutated = mutate(codec.sample, path.split(u'.'), fragment).toObject();
    const std::optional<Error> error = codec.decode(mutated);
    QVERIFY(error);
    QCOMPARE(error->field, field);
    // The detail never echoes what was sent.
    QVERIFY(!error->detail.contains(QLatin1String("xxxx")));
    QVERIFY(!error->detail.contains(QLatin1String("DROP")));
    QVERIFY(!error->detail.contains(QLatin1String("Mars")));
}

// What the decoders cannot receive: values built in memory (the builder's).
void TestSurveyCodecs::validation_data()
{
    QTest::addColumn<SurveyDefinition>("definition");
    QTest::addColumn<QString>("field"); // empty: valid

    QTest::newRow("custom") << custom() << QString();
    QTest::newRow("pulse") << pulse() << QString();
    SurveyDefinition definition = custom();
    definition.delivery.startTime = QTime(8, 30, 15);
    QTest::newRow("start time with seconds") << definition << QStringLiteral("delivery.startTime");
    definition = custom();
    definition.delivery.reminderTime = QTime();
    QTest::newRow("reminder time invalid") << definition << QStringLiteral("delivery.reminderTime");
    definition = custom();
    while (definition.questions.size() < kSurveyQuestionsMax) {
        Question extra = definition.questions.first();
        extra.id = QStringLiteral("x%1").arg(definition.questions.size());
        definition.questions.append(extra);
    }
    QTest::newRow("60 questions") << definition << QString();
    definition.questions.append(definition.questions.first());
    definition.questions.last().id = QStringLiteral("extra");
    QTest::newRow("61 questions") << definition << QStringLiteral("questions");
    definition = custom();
    definition.delivery.recurrenceWeeks = 0;
    definition.delivery.periodDays = kResponsePeriodDaysMax;
    QTest::newRow("one-shot, 60 days") << definition << QString();
    definition = custom();
    definition.delivery.reminderDaysBeforeEnd = {};
    QTest::newRow("no reminders") << definition << QString();
    definition = custom();
    definition.questions[3].options.append(LocalizedText{QString(), QStringLiteral("Extra")});
    QTest::newRow("missing option translation in a draft") << definition << QString();
    definition = custom();
    definition.questions[0].text = LocalizedText{};
    QTest::newRow("question without text in a draft") << definition << QString();
    definition = custom();
    definition.delivery.timeZone = QStringLiteral("Asia/Tokyo ");
    QTest::newRow("time zone with a space") << definition << QStringLiteral("delivery.timeZone");
    definition = custom();
    definition.delivery.timeZone = QString::fromUtf8("Asia/東京");
    QTest::newRow("time zone not ASCII") << definition << QStringLiteral("delivery.timeZone");
}

void TestSurveyCodecs::validation()
{
    QFETCH(SurveyDefinition, definition);
    QFETCH(QString, field);
    const std::optional<Error> error = validateDefinition(definition);
    QCOMPARE(error ? error->field : QString(), field);
    if (error)
        QCOMPARE(error->code, ProblemCode::InvalidField);
}

// A draft may lack translations and a start date; publishing refuses them.
void TestSurveyCodecs::publishing_data()
{
    QTest::addColumn<SurveyDefinition>("definition");
    QTest::addColumn<QString>("field"); // empty: publishable

    QTest::newRow("custom") << custom() << QString();
    SurveyDefinition definition = pulse();
    QTest::newRow("pulse without English name") << definition << QStringLiteral("name.en");
    definition.name.en = QStringLiteral("Engagement");
    definition.delivery.startDate = QDate(2025, 4, 1);
    QTest::newRow("pulse") << definition << QString();
    definition = custom();
    definition.name.ja.clear();
    QTest::newRow("name without Japanese") << definition << QStringLiteral("name.ja");
    definition = custom();
    definition.questions[2].text.en.clear();
    QTest::newRow("question without English")
        << definition << QStringLiteral("questions.2.text.en");
    definition = custom();
    definition.questions[4].options[3].ja.clear();
    QTest::newRow("option without Japanese")
        << definition << QStringLiteral("questions.4.options.3.ja");
    definition = custom();
    definition.delivery.startDate = QDate();
    QTest::newRow("no start date") << definition << QStringLiteral("delivery.startDate");
    definition = custom();
    definition.questions.clear();
    QTest::newRow("custom without questions") << definition << QStringLiteral("questions");
    definition = custom();
    definition.delivery.periodDays = 0;
    QTest::newRow("invalid as a draft too") << definition << QStringLiteral("delivery.periodDays");
}

void TestSurveyCodecs::publishing()
{
    QFETCH(SurveyDefinition, definition);
    QFETCH(QString, field);
    const std::optional<Error> error = validateForPublishing(definition);
    QCOMPARE(error ? error->field : QString(), field);
    // Missing translations are drafts' business only: the draft is valid.
    if (error && error->code == ProblemCode::MissingField)
        QVERIFY(!validateDefinition(definition));
}

void TestSurveyCodecs::submissions_data()
{
    QTest::addColumn<RespondentSubmission>("submission");
    QTest::addColumn<QString>("field"); // empty: accepted

    auto answer = [](const char *id, std::optional<int> value, QList<int> choices = {},
                     std::optional<QString> text = std::nullopt) {
        return RespondentAnswer{QString::fromLatin1(id), value, choices, text};
    };
    auto with = [](qsizetype index, const RespondentAnswer &replacement) {
        RespondentSubmission value = submission();
        value.answers[index] = replacement;
        return value;
    };

    QTest::newRow("complete") << submission() << QString();
    QTest::newRow("agreement5 0") << with(0, answer("q1", 0)) << QStringLiteral("answers.0.value");
    QTest::newRow("agreement5 6") << with(0, answer("q1", 6)) << QStringLiteral("answers.0.value");
    QTest::newRow("agreement7 8") << with(1, answer("q2", 8)) << QStringLiteral("answers.1.value");
    QTest::newRow("scale11 10") << with(2, answer("q3", 10)) << QString();
    QTest::newRow("scale11 11") << with(2, answer("q3", 11)) << QStringLiteral("answers.2.value");
    QTest::newRow("single choice out of range")
        << with(3, answer("q4", 3)) << QStringLiteral("answers.3.value");
    QTest::newRow("multiple choice out of range")
        << with(4, answer("q5", std::nullopt, {1, 4})) << QStringLiteral("answers.4.choices.1");
    QTest::newRow("multiple choice repeated")
        << with(4, answer("q5", std::nullopt, {1, 1})) << QStringLiteral("answers.4.choices.1");
    QTest::newRow("choices on a scale")
        << with(2, answer("q3", std::nullopt, {1})) << QStringLiteral("answers.2.choices");
    QTest::newRow("value on multiple choice")
        << with(4, answer("q5", 1)) << QStringLiteral("answers.4.value");
    QTest::newRow("text on a scale") << with(0, answer("q1", std::nullopt, {}, QStringLiteral("5")))
                                     << QStringLiteral("answers.0.text");
    QTest::newRow("text at the limit")
        << with(5, answer("q-6_x", std::nullopt, {}, QString(kFreeTextAnswerMaxLength, u'あ')))
        << QString();
    QTest::newRow("text over the limit")
        << with(5, answer("q-6_x", std::nullopt, {}, QString(kFreeTextAnswerMaxLength + 1, u'a')))
        << QStringLiteral("answers.5.text");
    QTest::newRow("text with a control character")
        << with(5, answer("q-6_x", std::nullopt, {}, QStringLiteral("a\u0007b")))
        << QStringLiteral("answers.5.text");
    QTest::newRow("unknown question")
        << with(0, answer("q9", 3)) << QStringLiteral("answers.0.questionId");
    QTest::newRow("question answered twice")
        << with(1, answer("q1", 3)) << QStringLiteral("answers.1.questionId");

    RespondentSubmission missing = submission();
    missing.answers.removeAt(2);
    QTest::newRow("required missing when final") << missing << QStringLiteral("questions.2");
    missing.final = false;
    QTest::newRow("required missing when partial") << missing << QString();
    RespondentSubmission blank = with(3, answer("q4", std::nullopt));
    QTest::newRow("required left blank when final") << blank << QStringLiteral("questions.3");
    RespondentSubmission optional = submission();
    optional.answers.removeLast();
    QTest::newRow("optional missing when final") << optional << QString();
    RespondentSubmission empty;
    empty.final = false;
    QTest::newRow("nothing yet, partial") << empty << QString();
    empty.final = true;
    QTest::newRow("nothing, final") << empty << QStringLiteral("questions.0");
}

void TestSurveyCodecs::submissions()
{
    QFETCH(RespondentSubmission, submission);
    QFETCH(QString, field);
    const std::optional<Error> error = validateSubmission(submission, roundQuestions());
    QCOMPARE(error ? error->field : QString(), field);
}

void TestSurveyCodecs::pulseQuestionsFromTheBank()
{
    const QStringList ids = pulseItems(4, 1);
    QVERIFY(!ids.isEmpty());
    // Asked in any order, returned in bank order; unknown ids are no questions.
    QStringList reversed(ids.crbegin(), ids.crend());
    reversed.append(QStringLiteral("job.salary.1"));
    const QList<Question> questions = pulseQuestions(reversed);
    QCOMPARE(questions.size(), ids.size());
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const BankItem *item = bankItem(ids.at(i));
        QCOMPARE(questions.at(i).id, ids.at(i));
        QCOMPARE(questions.at(i).type, QuestionType::Agreement5);
        QCOMPARE(questions.at(i).text, (LocalizedText{item->textJa, item->textEn}));
        QVERIFY(questions.at(i).options.isEmpty());
    }
    // A pulse submission validates against them, and a value of 6 does not.
    RespondentSubmission pulseAnswers;
    for (const Question &q : questions)
        pulseAnswers.answers.append(RespondentAnswer{q.id, 3, {}, std::nullopt});
    QVERIFY(!validateSubmission(pulseAnswers, questions));
    pulseAnswers.answers[0].value = 6;
    QCOMPARE(validateSubmission(pulseAnswers, questions)->field, QStringLiteral("answers.0.value"));
}

QTEST_APPLESS_MAIN(TestSurveyCodecs)
#include "tst_surveycodecs.moc"
