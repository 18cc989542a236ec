#include "api/dashboard.h"
#include "api/jsonparse.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <cmath>
#include <functional>
#include <limits>

using namespace engage::api;
using engage::api::test::mutate;

Q_DECLARE_METATYPE(engage::api::DashboardQuery)
Q_DECLARE_METATYPE(engage::api::MemoFields)

namespace {

const QString kRoundId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
const QString kPreviousRoundId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c");
const QString kSurveyId = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kGroupId = QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
const QString kChildId = QStringLiteral("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
const QString kGrandchildId = QStringLiteral("6ba7b813-9dad-11d1-80b4-00c04fd430c8");
const QString kAttributeId = QStringLiteral("6ba7b814-9dad-11d1-80b4-00c04fd430c8");
const QString kPersonId = QStringLiteral("6ba7b815-9dad-11d1-80b4-00c04fd430c8");

QDateTime utc(const char *text)
{
    return parseDateTime(QString::fromLatin1(text)).value();
}

Score shown(double value, qint64 respondents, std::optional<double> change = std::nullopt)
{
    return Score{value, respondents, Withheld::No, change};
}

Score withheld(Withheld reason, qint64 respondents)
{
    return Score{std::nullopt, respondents, reason, std::nullopt};
}

// One score per factor of `count`, alternating shown and withheld ones.
QList<Score> scores(qsizetype count)
{
    QList<Score> list;
    for (qsizetype i = 0; i < count; ++i)
        list.append(i % 3 == 2 ? withheld(Withheld::Complementary, 7)
                               : shown(50.5 + double(i), 12, i % 2 ? -1.3 : 2.2));
    return list;
}

SliceInfo slice()
{
    SliceInfo info;
    info.roundId = kRoundId;
    info.groupId = kGroupId;
    info.attributeId = QStringLiteral("ageBand");
    info.attributeValue = QStringLiteral("30-39");
    info.threshold = 5;
    info.validityDays = 100;
    return info;
}

ResponseRate rate(qint64 targets, qint64 respondents)
{
    ResponseRate result{targets, respondents, std::nullopt};
    if (targets > 0)
        result.rate = std::round(double(respondents) * 1000 / double(targets)) / 10;
    return result;
}

RoundInfo round()
{
    RoundInfo info;
    info.id = kRoundId;
    info.surveyId = kSurveyId;
    info.surveyName = QString::fromUtf8("月次パルス");
    info.number = 3;
    info.opensAt = utc("2024-05-01T00:00:00.000Z");
    info.closesAt = utc("2024-05-08T00:00:00.000Z");
    info.status = RoundStatus::Closed;
    info.targets = 120;
    info.respondents = 97;
    for (const BankItem &item : questionBank().mid(0, 16))
        info.itemIds.append(item.id);
    return info;
}

Summary summary()
{
    Summary value;
    value.slice = slice();
    value.engagement = shown(68.4, 97, 2.2);
    value.responseRate = rate(120, 97);
    value.responseRateChange = -3.5;
    value.previousRoundId = kPreviousRoundId;
    return value;
}

Trend trend()
{
    Trend value;
    value.slice = slice();
    value.slice.roundId.clear();
    value.points.append(TrendPoint{kPreviousRoundId, utc("2024-04-03T00:00:00.000Z"),
                                   shown(66.2, 90), scores(kFactorCount - 1), rate(110, 90)});
    value.points.append(TrendPoint{kRoundId, utc("2024-05-08T00:00:00.000Z"),
                                   withheld(Withheld::TooFewRespondents, 2),
                                   scores(kFactorCount - 1), rate(0, 0)});
    return value;
}

FactorBreakdown factorBreakdown()
{
    FactorBreakdown value;
    value.slice = slice();
    for (Factor factor : allFactors()) {
        FactorScore factorScore;
        factorScore.factor = factor;
        factorScore.score = shown(40 + factorIndex(factor), 20, 0.1);
        if (factor != Factor::Environment)
            factorScore.benchmark = 70.5;
        for (const SubItem &sub : subItems()) {
            if (sub.factor != factor)
                continue;
            SubItemScore subScore{sub.id, withheld(Withheld::NoAnswers, 0), {}};
            for (const BankItem &item : questionBank()) {
                if (item.subItemId == sub.id)
                    subScore.items.append(ItemScore{item.id, shown(100, 20)});
            }
            factorScore.subItems.append(subScore);
        }
        value.factors.append(factorScore);
    }
    return value;
}

Heatmap heatmap()
{
    Heatmap value;
    value.slice = slice();
    value.rows.append(HeatmapRow{kGroupId, QString(), QString::fromUtf8("本社"), 0, rate(50, 40),
                                 scores(kFactorCount)});
    value.rows.append(HeatmapRow{kChildId, kGroupId, QStringLiteral("Sales"), 1, rate(30, 20),
                                 scores(kFactorCount)});
    value.rows.append(HeatmapRow{kGrandchildId, kChildId, QStringLiteral("Sales East"), 2,
                                 rate(4, 3), scores(kFactorCount)});
    return value;
}

AttributeBreakdown attributeBreakdown()
{
    AttributeBreakdown value;
    value.slice = slice();
    value.slice.attributeId = kAttributeId;
    value.slice.attributeValue.clear();
    value.rows.append(AttributeRow{QStringLiteral("Tokyo"), rate(40, 30), scores(kFactorCount)});
    value.rows.append(AttributeRow{QString(), rate(3, 3), scores(kFactorCount)});
    return value;
}

PriorityChart priorityChart()
{
    PriorityChart value;
    value.slice = slice();
    for (Factor factor : keyFactors()) {
        PriorityPoint point{factor, shown(55.5, 30), -0.25 + 0.1 * factorIndex(factor)};
        if (factor == Factor::Culture)
            point = PriorityPoint{factor, withheld(Withheld::TooFewRespondents, 2), std::nullopt};
        value.points.append(point);
    }
    return value;
}

MemoFields memoFields()
{
    return MemoFields{QDate(2024, 5, 10), QString::fromUtf8("組織変更（営業部を東西に分割）"),
                      true};
}

Memo memo()
{
    return Memo{kRoundId, memoFields(), kPersonId, QStringLiteral("Hanako Sato"), true, 4};
}

MemoList memoList()
{
    Memo second = memo();
    second.id = kPreviousRoundId;
    second.fields.shared = false;
    second.authorName.clear();
    second.mine = false;
    return MemoList{{memo(), second}};
}

BenchmarkSet benchmarkSet()
{
    return BenchmarkSet{QStringLiteral("Industry survey 2023"),
                        {Benchmark{Factor::Engagement, 65.5}, Benchmark{Factor::Health, 100}},
                        7};
}

EngagementSettings settings()
{
    return EngagementSettings{3, 365, 2};
}

// A decoder of the contract, its sample, and its encoder: the table of every
// type the dashboard sends.
struct Codec
{
    QJsonObject sample;
    std::function<std::optional<Error>(const QJsonObject &)> decode;
    std::function<QJsonObject(const QJsonObject &)> reencode;
};

template<typename T>
Codec makeCodec(const T &value, Result<T> (*decode)(const QJsonObject &))
{
    return Codec{toJson(value),
                 [decode](const QJsonObject &object) -> std::optional<Error> {
                     Result<T> decoded = decode(object);
                     if (!decoded)
                         return decoded.error();
                     return std::nullopt;
                 },
                 [decode](const QJsonObject &object) {
                     return toJson(decode(object).value());
                 }};
}

Codec codecFor(const QString &kind)
{
    static const QMap<QString, std::function<Codec()>> kCodecs = {
        {QStringLiteral("score"),
         [] {
             return makeCodec(shown(12.3, 5, -0.4), scoreFromJson);
         }},
        {QStringLiteral("round"),
         [] {
             return makeCodec(round(), roundInfoFromJson);
         }},
        {QStringLiteral("rounds"),
         [] {
             RoundInfo open = round();
             open.id = kPreviousRoundId;
             open.status = RoundStatus::Open;
             return makeCodec(RoundList{{round(), open}}, roundListFromJson);
         }},
        {QStringLiteral("slice"),
         [] {
             return makeCodec(slice(), sliceInfoFromJson);
         }},
        {QStringLiteral("rate"),
         [] {
             return makeCodec(rate(7, 5), responseRateFromJson);
         }},
        {QStringLiteral("summary"),
         [] {
             return makeCodec(summary(), summaryFromJson);
         }},
        {QStringLiteral("trend"),
         [] {
             return makeCodec(trend(), trendFromJson);
         }},
        {QStringLiteral("factors"),
         [] {
             return makeCodec(factorBreakdown(), factorBreakdownFromJson);
         }},
        {QStringLiteral("heatmap"),
         [] {
             return makeCodec(heatmap(), heatmapFromJson);
         }},
        {QStringLiteral("attributes"),
         [] {
             return makeCodec(attributeBreakdown(), attributeBreakdownFromJson);
         }},
        {QStringLiteral("priority"),
         [] {
             return makeCodec(priorityChart(), priorityChartFromJson);
         }},
        {QStringLiteral("memoFields"),
         [] {
             return makeCodec(memoFields(), memoFieldsFromJson);
         }},
        {QStringLiteral("memo"),
         [] {
             return makeCodec(memo(), memoFromJson);
         }},
        {QStringLiteral("memos"),
         [] {
             return makeCodec(memoList(), memoListFromJson);
         }},
        {QStringLiteral("benchmarks"),
         [] {
             return makeCodec(benchmarkSet(), benchmarkSetFromJson);
         }},
        {QStringLiteral("settings"),
         [] {
             return makeCodec(settings(), engagementSettingsFromJson);
         }},
    };
    return kCodecs.value(kind)();
}

QByteArray wire(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// What the service reads: the query of a URL the client encoded, parsed from
// its raw bytes exactly as the HTTPS layer does.
QUrlQuery throughTheWire(const QUrlQuery &query)
{
    QUrl url(QStringLiteral("https://127.0.0.1/api/v1/engagement/summary"));
    url.setQuery(query);
    const QUrl received = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    return QUrlQuery(received.query(QUrl::FullyEncoded));
}

} // namespace

class TestDashboardCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void typedRoundTrips();
    void rejects_data();
    void rejects();
    void notAnObjectInArrays_data();
    void notAnObjectInArrays();
    void differenceOfRoundedScores();
    void nonFiniteNumbers();
    void enumNames();
    void queryRoundTrip_data();
    void queryRoundTrip();
    void queryRejects_data();
    void queryRejects();
    void memoValidation_data();
    void memoValidation();
    void benchmarkValidation();
    void settingsValidation_data();
    void settingsValidation();
};

void TestDashboardCodecs::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind :
         {"score", "round", "rounds", "slice", "rate", "summary", "trend", "factors", "heatmap",
          "attributes", "priority", "memoFields", "memo", "memos", "benchmarks", "settings"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// Encode, send as bytes through the strict parser, decode, encode again: the
// same bytes, so nothing is lost, added or reordered on the way.
void TestDashboardCodecs::roundTrip()
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

// The members a byte comparison cannot tell apart from their defaults.
void TestDashboardCodecs::typedRoundTrips()
{
    engage::api::test::checkRoundTrip(shown(0, 0), scoreFromJson);
    engage::api::test::checkRoundTrip(withheld(Withheld::NoAnswers, 0), scoreFromJson);
    engage::api::test::checkRoundTrip(memoFields(), memoFieldsFromJson);

    const Summary decoded = summaryFromJson(toJson(summary())).value();
    QCOMPARE(decoded.engagement, summary().engagement);
    QCOMPARE(decoded.responseRateChange, std::optional<double>(-3.5));
    QCOMPARE(decoded.slice.attributeId, QStringLiteral("ageBand"));

    const Heatmap map = heatmapFromJson(toJson(heatmap())).value();
    QCOMPARE(map.rows.size(), 3);
    QCOMPARE(map.rows.at(2).parentId, kChildId);
    QCOMPARE(map.rows.at(2).cells, scores(kFactorCount));

    // The whole tenant: a first row without id or name, its children's parent "".
    Heatmap tenant = heatmap();
    tenant.rows[0].groupId.clear();
    tenant.rows[0].name.clear();
    tenant.rows[1].parentId.clear();
    const Result<Heatmap> tenantMap = heatmapFromJson(toJson(tenant));
    QVERIFY(tenantMap);
    QCOMPARE(tenantMap.value().rows.at(0).name, QString());

    const Trend line = trendFromJson(toJson(trend())).value();
    QVERIFY(!line.points.at(1).responseRate.rate);
    QCOMPARE(line.points.at(1).engagement.withheld, Withheld::TooFewRespondents);

    const PriorityChart chart = priorityChartFromJson(toJson(priorityChart())).value();
    QCOMPARE(chart.points.at(0).impact, std::optional<double>(-0.15));

    const BenchmarkSet set = benchmarkSetFromJson(toJson(benchmarkSet())).value();
    QCOMPARE(set.values.at(1).factor, Factor::Health);
    QCOMPARE(set.values.at(1).value, 100.0);
}

void TestDashboardCodecs::rejects_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
    QTest::addColumn<QString>("field");

    const QByteArray huge = '"' + QByteArray(100000, 'x') + '"';
    auto row = [](const char *name, const char *kind, const char *path, const QByteArray &fragment,
                  const char *field) {
        QTest::newRow(name) << QString::fromLatin1(kind) << QString::fromLatin1(path) << fragment
                            << QString::fromLatin1(field);
    };

    // Scores.
    row("score above 100", "score", "value", "100.1", "value");
    row("score negative", "score", "value", "-0.1", "value");
    row("score two decimals", "score", "value", "12.34", "value");
    row("score as text", "score", "value", "\"12.3\"", "value");
    row("score null", "score", "value", "null", "value");
    row("withheld with a value", "score", "withheld", "\"complementary\"", "value");
    row("withheld empty name", "score", "withheld", "\"\"", "withheld");
    row("withheld unknown", "score", "withheld", "\"secret\"", "withheld");
    row("withheld wrong case", "score", "withheld", "\"NoAnswers\"", "withheld");
    row("respondents negative", "score", "respondents", "-1", "respondents");
    row("respondents fractional", "score", "respondents", "1.5", "respondents");
    row("respondents beyond JSON", "score", "respondents", "9007199254740993", "respondents");
    row("respondents missing", "score", "respondents", QByteArray(), "respondents");
    row("change beyond 100", "score", "change", "100.5", "change");
    row("change as boolean", "score", "change", "true", "change");
    row("unknown member", "score", "debug", "1", "debug");
    row("hostile member name", "score", "a b\\u202e", "1", "(unprintable)");

    // Rounds.
    row("round id not an id", "round", "id", "\"1; DROP TABLE rounds\"", "id");
    row("round id upper case", "round", "id", "\"0190A1B2-C3D4-7E5F-8A6B-7C8D9E0F1A2B\"", "id");
    row("survey name huge", "round", "surveyName", huge, "surveyName");
    row("survey name bidi", "round", "surveyName", "\"a\\u202eb\"", "surveyName");
    row("survey name empty", "round", "surveyName", "\"\"", "surveyName");
    row("number zero", "round", "number", "0", "number");
    row("opens with offset", "round", "opensAt", "\"2024-05-01T09:00:00+09:00\"", "opensAt");
    row("closes before it opens", "round", "closesAt", "\"2024-04-01T00:00:00.000Z\"", "closesAt");
    row("status unknown", "round", "status", "\"cancelled\"", "status");
    row("respondents above targets", "round", "respondents", "121", "respondents");
    row("item not in the bank", "round", "itemIds.3", "\"job.meaning.99\"", "itemIds.3");
    row("item repeated", "round", "itemIds.1", "\"engagement.advocacy.1\"", "itemIds.1");
    row("items not an array", "round", "itemIds", "\"engagement.advocacy.1\"", "itemIds");
    row("items empty", "round", "itemIds", "[]", "itemIds");
    row("rounds repeated", "rounds", "items.1.id", "\"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b\"",
        "items.1.id");
    row("rounds not an array", "rounds", "items", "{}", "items");
    row("round in list bad", "rounds", "items.0.targets", "-5", "items.0.targets");

    // Slices and response rates.
    row("threshold below 3", "slice", "threshold", "2", "threshold");
    row("threshold above 100", "slice", "threshold", "101", "threshold");
    row("validity below 28", "slice", "validityDays", "27", "validityDays");
    row("validity above 365", "slice", "validityDays", "366", "validityDays");
    row("attribute neither id nor key", "slice", "attributeId", "\"salary\"", "attributeId");
    row("value without attribute", "slice", "attributeId", "\"\"", "attributeValue");
    row("value huge", "slice", "attributeValue", huge, "attributeValue");
    row("group not an id", "slice", "groupId", "\"root\"", "groupId");
    row("slice missing round", "slice", "roundId", QByteArray(), "roundId");
    row("rate above 100", "rate", "rate", "100.1", "rate");
    row("rate without targets", "rate", "targets", "0", "respondents");
    row("rate missing with targets", "rate", "rate", QByteArray(), "rate");
    row("respondents above targets rate", "rate", "respondents", "8", "respondents");

    // Summary, trend.
    row("summary slice not an object", "summary", "slice", "[]", "slice");
    row("summary slice bad", "summary", "slice.threshold", "0", "slice.threshold");
    row("summary engagement bad", "summary", "engagement.value", "101", "engagement.value");
    row("summary rate change beyond", "summary", "responseRateChange", "100.1",
        "responseRateChange");
    row("summary previous round bad", "summary", "previousRoundId", "\"x\"", "previousRoundId");
    row("summary unknown", "summary", "memberIds", "[]", "memberIds");
    row("trend point round missing", "trend", "points.0.roundId", QByteArray(), "points.0.roundId");
    row("trend too few factors", "trend", "points.1.factors", "[]", "points.1.factors");
    row("trend factor not an object", "trend", "points.0.factors.3", "7", "points.0.factors.3");
    row("trend factor bad", "trend", "points.0.factors.2.respondents", "-1",
        "points.0.factors.2.respondents");
    row("trend newest first", "trend", "points.1.closesAt", "\"2024-01-01T00:00:00.000Z\"",
        "points.1.closesAt");
    row("trend date only", "trend", "points.0.closesAt", "\"2024-04-03\"", "points.0.closesAt");

    // Factor breakdown.
    row("factor unknown", "factors", "factors.3.factor", "\"salary\"", "factors.3.factor");
    row("factor out of order", "factors", "factors.3",
        R"({"factor":"job","score":{"respondents":0,"withheld":"noAnswers"},"subItems":[]})",
        "factors.3.factor");
    row("factor missing", "factors", "factors.9", "{}", "factors.9.factor");
    row("benchmark above 100", "factors", "factors.0.benchmark", "120", "factors.0.benchmark");
    row("sub-item of another factor", "factors", "factors.0.subItems.0",
        R"({"subItemId":"job.meaning","score":{"respondents":0,"withheld":"noAnswers"},)"
        R"("items":[]})",
        "factors.0.subItems.0.subItemId");
    row("sub-item unknown", "factors", "factors.1.subItems.0.subItemId", "\"job.salary\"",
        "factors.1.subItems.0.subItemId");
    row("item of another sub-item", "factors", "factors.1.subItems.0.items.0.itemId",
        "\"engagement.advocacy.1\"", "factors.1.subItems.0.items.0.itemId");
    row("item score bad", "factors", "factors.1.subItems.0.items.0.score.value", "\"high\"",
        "factors.1.subItems.0.items.0.score.value");

    // Heatmap and attribute breakdown.
    row("heatmap nine cells", "heatmap", "rows.1.cells",
        "[{\"respondents\":1,\"withheld\":\"tooFewRespondents\"}]", "rows.1.cells");
    row("heatmap cell bad", "heatmap", "rows.0.cells.9.value", "-3", "rows.0.cells.9.value");
    row("heatmap first row with parent", "heatmap", "rows.0.parentId",
        "\"6ba7b812-9dad-11d1-80b4-00c04fd430c8\"", "rows.0.depth");
    row("heatmap depth skips", "heatmap", "rows.2.depth", "3", "rows.2.depth");
    row("heatmap parent unknown", "heatmap", "rows.2.parentId",
        "\"6ba7b819-9dad-11d1-80b4-00c04fd430c8\"", "rows.2.depth");
    row("heatmap group repeated", "heatmap", "rows.2.groupId",
        "\"6ba7b811-9dad-11d1-80b4-00c04fd430c8\"", "rows.2.groupId");
    row("heatmap name huge", "heatmap", "rows.1.name", huge, "rows.1.name");
    row("heatmap name control", "heatmap", "rows.1.name", "\"a\\u0007b\"", "rows.1.name");
    row("heatmap depth negative", "heatmap", "rows.1.depth", "-1", "rows.1.depth");
    row("heatmap group without a name", "heatmap", "rows.1.name", "\"\"", "rows.1.name");
    row("heatmap tenant with a name", "heatmap", "rows.0.groupId", "\"\"", "rows.0.name");
    row("attribute row repeated", "attributes", "rows.1.value", "\"Tokyo\"", "rows.1.value");
    row("attribute value untrimmed", "attributes", "rows.0.value", "\" Tokyo\"", "rows.0.value");
    row("attribute rate bad", "attributes", "rows.0.responseRate.rate", "\"75%\"",
        "rows.0.responseRate.rate");

    // Priority chart.
    row("impact above 1", "priority", "points.0.impact", "1.01", "points.0.impact");
    row("impact below -1", "priority", "points.0.impact", "-1.5", "points.0.impact");
    row("impact three decimals", "priority", "points.0.impact", "0.123", "points.0.impact");
    row("impact of a withheld score", "priority", "points.7.impact", "0.5", "points.7.impact");
    row("priority has engagement", "priority", "points.0.factor", "\"engagement\"",
        "points.0.factor");

    // Memos.
    row("memo empty", "memoFields", "text", "\"\"", "text");
    row("memo blank", "memoFields", "text", "\"   \"", "text");
    row("memo 141 characters", "memoFields", "text", '"' + QByteArray(141, 'a') + '"', "text");
    row("memo untrimmed", "memoFields", "text", "\" note\"", "text");
    row("memo line separator", "memoFields", "text", "\"a\\u2028b\"", "text");
    row("memo date impossible", "memoFields", "date", "\"2023-02-29\"", "date");
    row("memo date time", "memoFields", "date", "\"2024-05-10T00:00:00.000Z\"", "date");
    row("memo shared text", "memoFields", "shared", "\"true\"", "shared");
    row("memo author not an id", "memo", "authorId", "\"admin\"", "authorId");
    row("memo revision negative", "memo", "revision", "-1", "revision");
    row("memo mine missing", "memo", "mine", QByteArray(), "mine");
    row("memos repeated", "memos", "items.1.id", "\"0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b\"",
        "items.1.id");

    // Benchmarks and settings.
    row("benchmark label 51", "benchmarks", "label", '"' + QByteArray(51, 'a') + '"', "label");
    row("benchmark factor twice", "benchmarks", "values.1.factor", "\"engagement\"",
        "values.1.factor");
    row("benchmark value two decimals", "benchmarks", "values.0.value", "65.55", "values.0.value");
    row("benchmark value above 100", "benchmarks", "values.0.value", "100.1", "values.0.value");
    row("benchmark factor unknown", "benchmarks", "values.0.factor", "\"pay\"", "values.0.factor");
    row("settings threshold 2", "settings", "anonymityThreshold", "2", "anonymityThreshold");
    row("settings threshold text", "settings", "anonymityThreshold", "\"5\"", "anonymityThreshold");
    row("settings validity 27", "settings", "validityDays", "27", "validityDays");
    row("settings validity 366", "settings", "validityDays", "366", "validityDays");
    row("settings unknown", "settings", "retentionDays", "30", "retentionDays");
}

void TestDashboardCodecs::rejects()
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
}

void TestDashboardCodecs::notAnObjectInArrays_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("member");
    QTest::newRow("rounds") << "rounds"
                            << "items";
    QTest::newRow("trend") << "trend"
                           << "points";
    QTest::newRow("factors") << "factors"
                             << "factors";
    QTest::newRow("heatmap") << "heatmap"
                             << "rows";
    QTest::newRow("attributes") << "attributes"
                                << "rows";
    QTest::newRow("priority") << "priority"
                              << "points";
    QTest::newRow("memos") << "memos"
                           << "items";
    QTest::newRow("benchmarks") << "benchmarks"
                                << "values";
}

// Every list refuses items that are not objects, and lists far longer than
// the contract allows, before decoding any of them.
void TestDashboardCodecs::notAnObjectInArrays()
{
    QFETCH(QString, kind);
    QFETCH(QString, member);
    const Codec codec = codecFor(kind);

    QJsonObject object = codec.sample;
    object.insert(member, QJsonArray{QStringLiteral("x")});
    std::optional<Error> error = codec.decode(object);
    QVERIFY(error);
    QCOMPARE(error->field, member + QLatin1String(".0"));

    QJsonArray many;
    for (int i = 0; i < 20000; ++i)
        many.append(QJsonObject());
    object.insert(member, many);
    error = codec.decode(object);
    QVERIFY(error);
    QCOMPARE(error->field, member);
    QVERIFY(error->detail.startsWith(QLatin1String("Must hold at most")));
}

// The service subtracts two rounded scores in binary floating point; the
// wire and the decoder both carry the one-decimal value it means.
void TestDashboardCodecs::differenceOfRoundedScores()
{
    const double change = 72.3 - 70.1;
    QVERIFY(change != 2.2);
    const QJsonObject encoded = toJson(shown(72.3, 10, change));
    QCOMPARE(wire(encoded), QByteArray(R"({"change":2.2,"respondents":10,"value":72.3})"));

    QJsonObject raw = encoded;
    raw.insert(QLatin1String("change"), change);
    const Result<Score> decoded = scoreFromJson(raw);
    QVERIFY(decoded);
    QCOMPARE(decoded.value().change, std::optional<double>(2.2));
}

// The wire parser refuses numbers beyond a double; a QJsonObject built in
// memory can still hold infinities and NaN, which are no score either.
void TestDashboardCodecs::nonFiniteNumbers()
{
    for (double number :
         {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
          std::numeric_limits<double>::quiet_NaN()}) {
        for (const char *member : {"value", "change"}) {
            QJsonObject object = toJson(shown(50, 5, 1));
            object.insert(QLatin1String(member), number);
            const Result<Score> decoded = scoreFromJson(object);
            QVERIFY(!decoded);
            QCOMPARE(decoded.error().field, QString::fromLatin1(member));
        }
    }
    QJsonObject point = toJson(priorityChart());
    point = mutate(point, {QStringLiteral("points"), QStringLiteral("0"), QStringLiteral("impact")},
                   "0")
                .toObject();
    QVERIFY(priorityChartFromJson(point));
    QJsonArray points = point.value(QLatin1String("points")).toArray();
    QJsonObject first = points.at(0).toObject();
    first.insert(QLatin1String("impact"), std::numeric_limits<double>::quiet_NaN());
    points[0] = first;
    point.insert(QLatin1String("points"), points);
    QCOMPARE(priorityChartFromJson(point).error().field, QStringLiteral("points.0.impact"));
}

void TestDashboardCodecs::enumNames()
{
    for (Withheld reason :
         {Withheld::No, Withheld::TooFewRespondents, Withheld::Complementary, Withheld::NoAnswers})
        QCOMPARE(withheldFromName(withheldName(reason)), std::optional<Withheld>(reason));
    QCOMPARE(withheldName(Withheld::Complementary), QStringLiteral("complementary"));
    QVERIFY(!withheldFromName(u"Complementary"));
    for (RoundStatus status : {RoundStatus::Scheduled, RoundStatus::Open, RoundStatus::Closed})
        QCOMPARE(roundStatusFromName(roundStatusName(status)), std::optional<RoundStatus>(status));
    QCOMPARE(roundStatusName(RoundStatus::Open), QStringLiteral("open"));
    QCOMPARE(snapshotKeys(), (QStringList{QStringLiteral("ageBand"), QStringLiteral("tenureBand"),
                                          QStringLiteral("employmentType"), QStringLiteral("grade"),
                                          QStringLiteral("jobCategory")}));
}

void TestDashboardCodecs::queryRoundTrip_data()
{
    QTest::addColumn<DashboardQuery>("query");
    QTest::newRow("defaults") << DashboardQuery{};
    QTest::newRow("everything") << DashboardQuery{
        kRoundId,          kGroupId,
        kAttributeId,      QString::fromUtf8("東京 & 50% 'x'; --"),
        QDate(2024, 1, 1), QDate(2024, 12, 31)};
    QTest::newRow("snapshot key") << DashboardQuery{
        QString(),    QString(),   QStringLiteral("tenureBand"), QStringLiteral("3-5"),
        std::nullopt, std::nullopt};
    QTest::newRow("one day") << DashboardQuery{QString(), QString(),          QString(),
                                               QString(), QDate(2024, 2, 29), QDate(2024, 2, 29)};
    QTest::newRow("value %41 stays literal") << DashboardQuery{
        QString(), QString(), kAttributeId, QStringLiteral("%41+b"), std::nullopt, std::nullopt};
}

void TestDashboardCodecs::queryRoundTrip()
{
    QFETCH(DashboardQuery, query);
    const Result<DashboardQuery> decoded = dashboardQueryFromUrl(throughTheWire(toUrlQuery(query)));
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().detail));
    QCOMPARE(decoded.value(), query);
}

void TestDashboardCodecs::queryRejects_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown after a known one")
        << QByteArray("round=0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b&limit=5") << "limit";
    QTest::newRow("unknown only") << QByteArray("limit=5") << "limit";
    QTest::newRow("hostile name") << QByteArray("%3Cscript%3E=1") << "(unprintable)";
    QTest::newRow("repeated group")
        << QByteArray("group=6ba7b811-9dad-11d1-80b4-00c04fd430c8&group="
                      "6ba7b811-9dad-11d1-80b4-00c04fd430c8")
        << "group";
    QTest::newRow("round not an id") << QByteArray("round=latest") << "round";
    QTest::newRow("group upper case")
        << QByteArray("group=6BA7B811-9DAD-11D1-80B4-00C04FD430C8") << "group";
    QTest::newRow("attribute unknown key") << QByteArray("attribute=salary") << "attribute";
    QTest::newRow("value without attribute") << QByteArray("value=Tokyo") << "value";
    QTest::newRow("value empty") << QByteArray("attribute=ageBand&value=") << "value";
    QTest::newRow("value huge") << (QByteArray("attribute=ageBand&value=") + QByteArray(201, 'a'))
                                << "value";
    QTest::newRow("value untrimmed") << QByteArray("attribute=ageBand&value=%20a") << "value";
    QTest::newRow("from not a date") << QByteArray("from=yesterday") << "from";
    QTest::newRow("from date time") << QByteArray("from=2024-01-01T00:00:00.000Z") << "from";
    QTest::newRow("to impossible") << QByteArray("to=2023-02-29") << "to";
    QTest::newRow("to short") << QByteArray("to=2024-1-1") << "to";
    QTest::newRow("to before from") << QByteArray("from=2024-05-02&to=2024-05-01") << "to";
}

void TestDashboardCodecs::queryRejects()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, field);
    const Result<DashboardQuery> decoded =
        dashboardQueryFromUrl(QUrlQuery(QString::fromUtf8(query)));
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().field, field);
}

void TestDashboardCodecs::memoValidation_data()
{
    QTest::addColumn<MemoFields>("fields");
    QTest::addColumn<QString>("field"); // empty: valid
    const QDate day(2024, 5, 10);
    QTest::newRow("one character") << MemoFields{day, QStringLiteral("a"), false} << QString();
    QTest::newRow("140 characters") << MemoFields{day, QString(140, u'字'), true} << QString();
    // Emoji are one character each though two UTF-16 units.
    QTest::newRow("140 emoji") << MemoFields{day, QString::fromUtf8("😀").repeated(140), true}
                               << QString();
    QTest::newRow("141 characters") << MemoFields{day, QString(141, u'a'), true} << "text";
    QTest::newRow("empty") << MemoFields{day, QString(), true} << "text";
    QTest::newRow("untrimmed") << MemoFields{day, QStringLiteral("a "), true} << "text";
    QTest::newRow("right-to-left override")
        << MemoFields{day, QStringLiteral("a\u202Eb"), true} << "text";
    QTest::newRow("line break") << MemoFields{day, QStringLiteral("a\nb"), true} << "text";
    QTest::newRow("no date") << MemoFields{QDate(), QStringLiteral("a"), true} << "date";
}

void TestDashboardCodecs::memoValidation()
{
    QFETCH(MemoFields, fields);
    QFETCH(QString, field);
    const std::optional<Error> error = validateMemoFields(fields);
    QCOMPARE(error.has_value(), !field.isEmpty());
    if (error)
        QCOMPARE(error->field, field);
}

void TestDashboardCodecs::benchmarkValidation()
{
    QVERIFY(!validateBenchmarkSet(benchmarkSet()));
    QVERIFY(!validateBenchmarkSet(BenchmarkSet{}));

    BenchmarkSet set = benchmarkSet();
    set.values[0].value = 0.05;
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("values.0.value"));
    set.values[0].value = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("values.0.value"));
    set.values[0].value = std::numeric_limits<double>::infinity();
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("values.0.value"));
    set.values[0].value = -0.1;
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("values.0.value"));

    set = benchmarkSet();
    set.values[1].factor = Factor::Engagement;
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("values.1.factor"));

    set = benchmarkSet();
    set.label = QString(50, u'a');
    QVERIFY(!validateBenchmarkSet(set));
    set.label = QString(51, u'a');
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("label"));
    set.label = QStringLiteral("a\u2028b");
    QCOMPARE(validateBenchmarkSet(set)->field, QStringLiteral("label"));

    set = benchmarkSet();
    for (Factor factor : allFactors())
        set.values.append(Benchmark{factor, 1});
    QVERIFY(validateBenchmarkSet(set));
}

void TestDashboardCodecs::settingsValidation_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("validity");
    QTest::addColumn<QString>("field");
    QTest::newRow("defaults") << kAnonymityThresholdDefault << kAnswerValidityDaysDefault
                              << QString();
    QTest::newRow("lowest") << 3 << 28 << QString();
    QTest::newRow("highest") << 100 << 365 << QString();
    QTest::newRow("threshold 2") << 2 << 100 << "anonymityThreshold";
    QTest::newRow("threshold 101") << 101 << 100 << "anonymityThreshold";
    QTest::newRow("validity 27") << 5 << 27 << "validityDays";
    QTest::newRow("validity 366") << 5 << 366 << "validityDays";
}

void TestDashboardCodecs::settingsValidation()
{
    QFETCH(int, threshold);
    QFETCH(int, validity);
    QFETCH(QString, field);
    const std::optional<Error> error =
        validateEngagementSettings(EngagementSettings{threshold, validity, 0});
    QCOMPARE(error.has_value(), !field.isEmpty());
    if (error)
        QCOMPARE(error->field, field);
    QCOMPARE(validateEngagementSettings(EngagementSettings{5, 100, -1})->field,
             QStringLiteral("revision"));
}

QTEST_APPLESS_MAIN(TestDashboardCodecs)
#include "tst_dashboardcodecs.moc"
