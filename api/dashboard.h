#pragma once

#include "questionbank.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>
#include <optional>

namespace engage::api {

// Engagement results as the dashboards read them (issue 6). Scores are 0-100,
// rounded once, half up, to one decimal by the service; a change is the
// difference of two rounded scores, so screen, API and exports agree. Every
// score says how many respondents it rests on and, when it is withheld, why.
//
//   GET  /api/v1/engagement/rounds                         -> RoundList
//   GET  /api/v1/engagement/summary?DashboardQuery         -> Summary
//   GET  /api/v1/engagement/trend?DashboardQuery           -> Trend
//   GET  /api/v1/engagement/factors?DashboardQuery         -> FactorBreakdown
//   GET  /api/v1/engagement/heatmap?DashboardQuery         -> Heatmap
//   GET  /api/v1/engagement/attributes?DashboardQuery      -> AttributeBreakdown (attribute
//   required, value refused) GET  /api/v1/engagement/priority?DashboardQuery        ->
//   PriorityChart GET  /api/v1/engagement/memos?from&to                  -> MemoList (shared ones
//   and the caller's own) POST /api/v1/engagement/memos         MemoFields       -> 201 Memo
//   (Idempotency-Key) PUT  /api/v1/engagement/memos/{id}    MemoFields, If-Match -> Memo (author
//   only) DELETE /api/v1/engagement/memos/{id}  If-Match         -> 204 (author only) GET
//   /api/v1/engagement/benchmarks                      -> BenchmarkSet PUT
//   /api/v1/engagement/benchmarks    BenchmarkSet, If-Match -> BenchmarkSet (owner, admin) GET
//   /api/v1/engagement/settings                        -> EngagementSettings PUT
//   /api/v1/engagement/settings      EngagementSettings, If-Match -> EngagementSettings (owner,
//   admin)
//
// Everyone of the tenant reads; managers only their groups' subtrees (a
// query without group answers for the first of their groups; another group
// answers 404 like a missing one).

// Why a score is withheld.
enum class Withheld
{
    No,                // the score is shown
    TooFewRespondents, // fewer respondents than the tenant's threshold
    Complementary,     // shown, it would reveal a withheld slice by difference
    NoAnswers,         // nobody answered these items in the validity window
};
QString withheldName(Withheld withheld); // "", "tooFewRespondents", "complementary", "noAnswers"
std::optional<Withheld> withheldFromName(QStringView name);

struct Score
{
    std::optional<double> value; // 0-100, one decimal; nothing when withheld
    qint64 respondents = 0;      // whose answers it rests on (shown even when withheld)
    Withheld withheld = Withheld::No;
    std::optional<double> change; // value minus the previous round's value, when both are shown

    friend bool operator==(const Score &a, const Score &b)
    {
        return a.value == b.value && a.respondents == b.respondents && a.withheld == b.withheld &&
               a.change == b.change;
    }
    friend bool operator!=(const Score &a, const Score &b) { return !(a == b); }
};
// {"value"?, "respondents", "withheld"?, "change"?}: absent members are nothing.
QJsonObject toJson(const Score &score);
Result<Score> scoreFromJson(const QJsonObject &object);

// Which slice, which round. Empty members mean: the latest closed round, the
// whole tenant (a manager: their first group), no attribute. `attributeId`
// names a tenant attribute or one of the delivery snapshot's own keys
// (kSnapshotKeys); `attributeValue` needs `attributeId`. The trend reads
// `from`/`to` (dates of the rounds' close, inclusive; default the last 12
// months) instead of `roundId`.
struct DashboardQuery
{
    QString roundId;
    QString groupId;
    QString attributeId;
    QString attributeValue;
    std::optional<QDate> from;
    std::optional<QDate> to;

    friend bool operator==(const DashboardQuery &a, const DashboardQuery &b)
    {
        return a.roundId == b.roundId && a.groupId == b.groupId && a.attributeId == b.attributeId &&
               a.attributeValue == b.attributeValue && a.from == b.from && a.to == b.to;
    }
    friend bool operator!=(const DashboardQuery &a, const DashboardQuery &b) { return !(a == b); }
};
// Parameters "round", "group", "attribute", "value", "from", "to".
QUrlQuery toUrlQuery(const DashboardQuery &query);
// Strict: unknown or repeated parameters, malformed ids, dates and values are errors.
Result<DashboardQuery> dashboardQueryFromUrl(const QUrlQuery &query);

// Keys a round's delivery snapshot carries besides the tenant's attributes,
// usable as `attributeId`: "ageBand", "tenureBand", "employmentType",
// "grade", "jobCategory".
QStringList snapshotKeys();

enum class RoundStatus
{
    Scheduled,
    Open,
    Closed,
};
QString roundStatusName(RoundStatus status); // "scheduled", "open", "closed"
std::optional<RoundStatus> roundStatusFromName(QStringView name);

struct RoundInfo
{
    QString id;
    QString surveyId;
    QString surveyName;
    int number = 0; // 1, 2, ... within its survey
    QDateTime opensAt;
    QDateTime closesAt;
    RoundStatus status = RoundStatus::Scheduled;
    qint64 targets = 0;
    qint64 respondents = 0;
    QStringList itemIds;
};
QJsonObject toJson(const RoundInfo &round);
Result<RoundInfo> roundInfoFromJson(const QJsonObject &object);
// {"items": [...]}, newest first.
struct RoundList
{
    QList<RoundInfo> rounds;
};
QJsonObject toJson(const RoundList &list);
Result<RoundList> roundListFromJson(const QJsonObject &object);

// What every answer about a slice carries.
struct SliceInfo
{
    QString roundId; // the round answered for (empty in a trend)
    QString groupId; // the slice's group (empty: whole tenant)
    QString attributeId;
    QString attributeValue;
    int threshold = 5; // the tenant's anonymity threshold
    int validityDays = kAnswerValidityDaysDefault;
};
QJsonObject toJson(const SliceInfo &slice);
Result<SliceInfo> sliceInfoFromJson(const QJsonObject &object);

struct ResponseRate
{
    qint64 targets = 0;
    qint64 respondents = 0;     // answered this round
    std::optional<double> rate; // percent, one decimal; nothing without targets
};
QJsonObject toJson(const ResponseRate &rate);
Result<ResponseRate> responseRateFromJson(const QJsonObject &object);

// GET /summary: the KPI cards.
struct Summary
{
    SliceInfo slice;
    Score engagement; // with change
    ResponseRate responseRate;
    std::optional<double> responseRateChange; // percentage points
    QString previousRoundId;                  // empty for the first round
};
QJsonObject toJson(const Summary &summary);
Result<Summary> summaryFromJson(const QJsonObject &object);

// GET /trend: one point per closed round in the period, oldest first.
struct TrendPoint
{
    QString roundId;
    QDateTime closesAt;
    Score engagement;
    QList<Score> factors; // in keyFactors() order
    ResponseRate responseRate;
};
struct Trend
{
    SliceInfo slice;
    QList<TrendPoint> points;
};
QJsonObject toJson(const Trend &trend);
Result<Trend> trendFromJson(const QJsonObject &object);

// GET /factors: every factor (engagement first), its sub-items and items.
struct ItemScore
{
    QString itemId;
    Score score;
};
struct SubItemScore
{
    QString subItemId;
    Score score;
    QList<ItemScore> items;
};
struct FactorScore
{
    Factor factor = Factor::Engagement;
    Score score;
    std::optional<double> benchmark; // the tenant's value for the factor
    QList<SubItemScore> subItems;
};
struct FactorBreakdown
{
    SliceInfo slice;
    QList<FactorScore> factors; // allFactors() order
};
QJsonObject toJson(const FactorBreakdown &breakdown);
Result<FactorBreakdown> factorBreakdownFromJson(const QJsonObject &object);

// GET /heatmap: the slice's group and every group below it (depth-first, in
// the tree's order), × engagement and the nine factors.
struct HeatmapRow
{
    QString groupId;
    QString parentId; // empty for the first row
    QString name;
    int depth = 0; // 0 for the slice's own group (or the tenant)
    ResponseRate responseRate;
    QList<Score> cells; // allFactors() order
};
struct Heatmap
{
    SliceInfo slice;
    QList<HeatmapRow> rows;
};
QJsonObject toJson(const Heatmap &heatmap);
Result<Heatmap> heatmapFromJson(const QJsonObject &object);

// GET /attributes: one row per value of the attribute within the slice's
// group ("" for members without a value), × engagement and the nine factors.
struct AttributeRow
{
    QString value;
    ResponseRate responseRate;
    QList<Score> cells; // allFactors() order
};
struct AttributeBreakdown
{
    SliceInfo slice;
    QList<AttributeRow> rows;
};
QJsonObject toJson(const AttributeBreakdown &breakdown);
Result<AttributeBreakdown> attributeBreakdownFromJson(const QJsonObject &object);

// GET /priority: each key factor's score and its impact, the correlation
// (Pearson, -1..1, two decimals) across the slice's respondents between
// their factor score and their engagement score; nothing when withheld or
// undefined (fewer than three respondents with both, or no variance).
struct PriorityPoint
{
    Factor factor = Factor::Job;
    Score score;
    std::optional<double> impact;
};
struct PriorityChart
{
    SliceInfo slice;
    QList<PriorityPoint> points; // keyFactors() order
};
QJsonObject toJson(const PriorityChart &chart);
Result<PriorityChart> priorityChartFromJson(const QJsonObject &object);

// Memos on the trend: up to 140 characters, pinned to a day, private to
// their author or shared with the tenant.
inline constexpr int kMemoMaxLength = 140;
struct MemoFields
{
    QDate date;
    QString text; // 1-140 characters, trimmed, validateShownText
    bool shared = false;

    friend bool operator==(const MemoFields &a, const MemoFields &b)
    {
        return a.date == b.date && a.text == b.text && a.shared == b.shared;
    }
    friend bool operator!=(const MemoFields &a, const MemoFields &b) { return !(a == b); }
};
std::optional<Error> validateMemoFields(const MemoFields &fields);
QJsonObject toJson(const MemoFields &fields);
Result<MemoFields> memoFieldsFromJson(const QJsonObject &object);
struct Memo
{
    QString id;
    MemoFields fields;
    QString authorId;
    QString authorName;
    bool mine = false; // written by the caller (who alone may edit it)
    qint64 revision = 0;
};
QJsonObject toJson(const Memo &memo);
Result<Memo> memoFromJson(const QJsonObject &object);
struct MemoList
{
    QList<Memo> memos; // by date
};
QJsonObject toJson(const MemoList &list);
Result<MemoList> memoListFromJson(const QJsonObject &object);

// The tenant's own benchmark per factor (its target, or an industry figure
// it has): 0-100, one decimal. Factors without a value are absent.
struct Benchmark
{
    Factor factor = Factor::Engagement;
    double value = 0;
};
struct BenchmarkSet
{
    QString label;           // where the figures come from, up to 50 characters; may be empty
    QList<Benchmark> values; // at most one per factor
    qint64 revision = 0;     // 0 before the first PUT
};
std::optional<Error> validateBenchmarkSet(const BenchmarkSet &set);
QJsonObject toJson(const BenchmarkSet &set);
Result<BenchmarkSet> benchmarkSetFromJson(const QJsonObject &object);

inline constexpr int kAnonymityThresholdDefault = 5;
inline constexpr int kAnonymityThresholdMin = 3;
inline constexpr int kAnonymityThresholdMax = 100;
inline constexpr int kValidityDaysMin = 28;
inline constexpr int kValidityDaysMax = 365;
struct EngagementSettings
{
    int anonymityThreshold = kAnonymityThresholdDefault;
    int validityDays = kAnswerValidityDaysDefault;
    qint64 revision = 0;
};
std::optional<Error> validateEngagementSettings(const EngagementSettings &settings);
QJsonObject toJson(const EngagementSettings &settings);
Result<EngagementSettings> engagementSettingsFromJson(const QJsonObject &object);

} // namespace engage::api
