#include "dashboard.h"

#include "attribute.h"
#include "enumtable.h"
#include "group.h"
#include "objectreader.h"
#include "queryparams.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <utility>

namespace engage::api {

namespace {

constexpr EnumName<Withheld> kWithheldNames[] = {
    {Withheld::No, QLatin1String("")},
    {Withheld::TooFewRespondents, QLatin1String("tooFewRespondents")},
    {Withheld::Complementary, QLatin1String("complementary")},
    {Withheld::NoAnswers, QLatin1String("noAnswers")},
};

constexpr EnumName<RoundStatus> kRoundStatuses[] = {
    {RoundStatus::Scheduled, QLatin1String("scheduled")},
    {RoundStatus::Open, QLatin1String("open")},
    {RoundStatus::Closed, QLatin1String("closed")},
};

constexpr QLatin1String kSnapshotKeys[] = {
    QLatin1String("ageBand"), QLatin1String("tenureBand"),  QLatin1String("employmentType"),
    QLatin1String("grade"),   QLatin1String("jobCategory"),
};

// Members.
constexpr QLatin1String kValue("value");
constexpr QLatin1String kRespondents("respondents");
constexpr QLatin1String kWithheld("withheld");
constexpr QLatin1String kChange("change");
constexpr QLatin1String kId("id");
constexpr QLatin1String kSurveyId("surveyId");
constexpr QLatin1String kSurveyName("surveyName");
constexpr QLatin1String kNumber("number");
constexpr QLatin1String kOpensAt("opensAt");
constexpr QLatin1String kClosesAt("closesAt");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kTargets("targets");
constexpr QLatin1String kItemIds("itemIds");
constexpr QLatin1String kItems("items");
constexpr QLatin1String kRoundId("roundId");
constexpr QLatin1String kGroupId("groupId");
constexpr QLatin1String kAttributeId("attributeId");
constexpr QLatin1String kAttributeValue("attributeValue");
constexpr QLatin1String kThreshold("threshold");
constexpr QLatin1String kValidityDays("validityDays");
constexpr QLatin1String kRate("rate");
constexpr QLatin1String kSlice("slice");
constexpr QLatin1String kEngagement("engagement");
constexpr QLatin1String kResponseRate("responseRate");
constexpr QLatin1String kResponseRateChange("responseRateChange");
constexpr QLatin1String kPreviousRoundId("previousRoundId");
constexpr QLatin1String kFactors("factors");
constexpr QLatin1String kPoints("points");
constexpr QLatin1String kItemId("itemId");
constexpr QLatin1String kScore("score");
constexpr QLatin1String kSubItemId("subItemId");
constexpr QLatin1String kFactor("factor");
constexpr QLatin1String kBenchmark("benchmark");
constexpr QLatin1String kSubItems("subItems");
constexpr QLatin1String kParentId("parentId");
constexpr QLatin1String kName("name");
constexpr QLatin1String kDepth("depth");
constexpr QLatin1String kCells("cells");
constexpr QLatin1String kRows("rows");
constexpr QLatin1String kImpact("impact");
constexpr QLatin1String kDate("date");
constexpr QLatin1String kText("text");
constexpr QLatin1String kShared("shared");
constexpr QLatin1String kAuthorId("authorId");
constexpr QLatin1String kAuthorName("authorName");
constexpr QLatin1String kMine("mine");
constexpr QLatin1String kRevision("revision");
constexpr QLatin1String kLabel("label");
constexpr QLatin1String kValues("values");
constexpr QLatin1String kAnonymityThreshold("anonymityThreshold");

// Query parameters.
constexpr QLatin1String kRoundParam("round");
constexpr QLatin1String kGroupParam("group");
constexpr QLatin1String kAttributeParam("attribute");
constexpr QLatin1String kValueParam("value");
constexpr QLatin1String kFromParam("from");
constexpr QLatin1String kToParam("to");

constexpr double kScoreMin = 0;
constexpr double kScoreMax = 100;
constexpr int kScoreDecimals = 1;
constexpr int kImpactDecimals = 2;
constexpr int kBenchmarkLabelMaxLength = 50;
// Far beyond a tenant's history (12 months of weekly pulses is 52 rounds),
// small enough that a hostile answer cannot make the client allocate much.
constexpr qsizetype kMaxRounds = 5000;
constexpr int kMaxRoundNumber = 1000000;

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

// Rounded once more on the way out: a change computed as the difference of
// two one-decimal doubles (72.3 - 70.1 = 2.1999999999999886) goes on the wire
// as the 2.2 it means.
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::optional<Error> validateOptionalId(QStringView id)
{
    return id.isEmpty() ? std::nullopt : validateId(id);
}

std::optional<Error> validateAttributeKey(QStringView id)
{
    if (std::any_of(std::begin(kSnapshotKeys), std::end(kSnapshotKeys),
                    [id](QLatin1String key) { return id == key; }))
        return std::nullopt;
    if (validateId(id))
        return invalid(QString(), QStringLiteral("Must be an attribute id or a snapshot key."));
    return std::nullopt;
}

std::optional<Error> validateOptionalAttributeKey(QStringView id)
{
    return id.isEmpty() ? std::nullopt : validateAttributeKey(id);
}

std::optional<Error> validateOptionalAttributeValue(QStringView value)
{
    return value.isEmpty() ? std::nullopt : validateAttributeValueText(value);
}

std::optional<Error> validateItemId(QStringView id)
{
    if (!bankItem(id))
        return invalid(QString(), QStringLiteral("Must be an item of the question bank."));
    return std::nullopt;
}

std::optional<Error> validateFactorId(QStringView id)
{
    if (!factorFromId(id))
        return invalid(QString(), QStringLiteral("Must be a factor of the question bank."));
    return std::nullopt;
}

std::optional<Error> validateSurveyName(QStringView name)
{
    return validateShownText(name, TextRule{1, kDisplayNameMaxLength, true, false});
}

std::optional<Error> validateAuthorName(QStringView name)
{
    // A departed author's memo stays, without a name.
    return name.isEmpty() ? std::nullopt : validateDisplayName(name);
}

std::optional<Error> validateBenchmarkLabel(QStringView label)
{
    return validateShownText(label, TextRule{0, kBenchmarkLabelMaxLength, true, false});
}

Factor readFactor(ObjectReader &reader, QLatin1String key)
{
    const QString id = reader.string(key, validateFactorId);
    return factorFromId(id).value_or(Factor::Engagement);
}

QJsonArray scoresToJson(const QList<Score> &scores)
{
    QJsonArray array;
    for (const Score &score : scores)
        array.append(toJson(score));
    return array;
}

// Scores in a fixed factor order, one per factor of `count`.
std::optional<Error> checkScoreCount(const QList<Score> &scores, qsizetype count, QLatin1String key)
{
    if (scores.size() != count)
        return invalid(QString(key), QStringLiteral("Must hold %1 scores.").arg(count));
    return std::nullopt;
}

std::optional<Error> checkRateConsistency(const ResponseRate &rate)
{
    if (rate.respondents > rate.targets)
        return invalid(QString(kRespondents), QStringLiteral("Must not exceed targets."));
    if (rate.rate.has_value() != (rate.targets > 0))
        return invalid(QString(kRate),
                       QStringLiteral("Must be given exactly when there are targets."));
    return std::nullopt;
}

// A decoder whose reads end with finish() and one check across members.
template<typename T, typename Read, typename Check>
Result<T> decode(const QJsonObject &object, Read &&read, Check &&check)
{
    ObjectReader reader(object);
    T value = read(reader);
    if (std::optional<Error> error = reader.finish())
        return *error;
    if (std::optional<Error> error = check(value))
        return *error;
    return value;
}

template<typename T>
Result<T> readAs(const QJsonObject &object, T (*read)(ObjectReader &))
{
    return decode<T>(object, read, [](const T &) { return std::optional<Error>(); });
}

SliceInfo readSlice(ObjectReader &reader)
{
    SliceInfo slice;
    slice.roundId = reader.string(kRoundId, validateOptionalId);
    slice.groupId = reader.string(kGroupId, validateOptionalId);
    slice.attributeId = reader.string(kAttributeId, validateOptionalAttributeKey);
    slice.attributeValue = reader.string(kAttributeValue, validateOptionalAttributeValue);
    slice.threshold =
        int(reader.integer(kThreshold, kAnonymityThresholdMin, kAnonymityThresholdMax));
    slice.validityDays = int(reader.integer(kValidityDays, kValidityDaysMin, kValidityDaysMax));
    return slice;
}

std::optional<Error> checkSlice(const SliceInfo &slice)
{
    if (!slice.attributeValue.isEmpty() && slice.attributeId.isEmpty())
        return invalid(QString(kAttributeValue), QStringLiteral("Needs an attribute."));
    return std::nullopt;
}

Result<SliceInfo> readSliceObject(const QJsonObject &object)
{
    return decode<SliceInfo>(object, readSlice, checkSlice);
}

ResponseRate readResponseRate(ObjectReader &reader)
{
    ResponseRate rate;
    rate.targets = reader.integer(kTargets, 0, kMaxJsonInteger);
    rate.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
    rate.rate = reader.optionalNumber(kRate, 0, 100, kScoreDecimals);
    return rate;
}

QJsonObject withSlice(const SliceInfo &slice)
{
    QJsonObject object;
    object.insert(kSlice, toJson(slice));
    return object;
}

ItemScore readItemScore(ObjectReader &reader)
{
    ItemScore item;
    item.itemId = reader.string(kItemId, validateItemId);
    item.score = reader.object(kScore, scoreFromJson);
    return item;
}

SubItemScore readSubItemScore(ObjectReader &reader)
{
    SubItemScore subItemScore;
    subItemScore.subItemId = reader.string(kSubItemId, [](QStringView id) -> std::optional<Error> {
        if (!subItem(id))
            return invalid(QString(), QStringLiteral("Must be a sub-item of the question bank."));
        return std::nullopt;
    });
    subItemScore.score = reader.object(kScore, scoreFromJson);
    subItemScore.items = reader.objectArray(
        kItems, [](const QJsonObject &object) { return readAs(object, readItemScore); }, kBankSize);
    return subItemScore;
}

std::optional<Error> checkSubItem(const SubItemScore &subItemScore)
{
    QStringList ids;
    for (qsizetype i = 0; i < subItemScore.items.size(); ++i) {
        const QString &id = subItemScore.items.at(i).itemId;
        if (bankItem(id)->subItemId != subItemScore.subItemId || ids.contains(id))
            return invalid(QStringLiteral("%1.%2.%3").arg(kItems).arg(i).arg(kItemId),
                           QStringLiteral("Must be another item of the sub-item."));
        ids.append(id);
    }
    return std::nullopt;
}

FactorScore readFactorScore(ObjectReader &reader)
{
    FactorScore factor;
    factor.factor = readFactor(reader, kFactor);
    factor.score = reader.object(kScore, scoreFromJson);
    factor.benchmark = reader.optionalNumber(kBenchmark, kScoreMin, kScoreMax, kScoreDecimals);
    factor.subItems = reader.objectArray(
        kSubItems,
        [](const QJsonObject &object) {
            return decode<SubItemScore>(object, readSubItemScore, checkSubItem);
        },
        kBankSize);
    return factor;
}

std::optional<Error> checkFactorScore(const FactorScore &factor)
{
    QStringList ids;
    for (qsizetype i = 0; i < factor.subItems.size(); ++i) {
        const QString &id = factor.subItems.at(i).subItemId;
        if (subItem(id)->factor != factor.factor || ids.contains(id))
            return invalid(QStringLiteral("%1.%2.%3").arg(kSubItems).arg(i).arg(kSubItemId),
                           QStringLiteral("Must be another sub-item of the factor."));
        ids.append(id);
    }
    return std::nullopt;
}

// Lists in a fixed factor order: the error names the first out of place.
template<typename T>
std::optional<Error> checkFactorOrder(const QList<T> &items, const QList<Factor> &order,
                                      QLatin1String key)
{
    if (items.size() != order.size())
        return invalid(QString(key), QStringLiteral("Must hold one entry per factor."));
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).factor != order.at(i))
            return invalid(QStringLiteral("%1.%2.%3").arg(key).arg(i).arg(kFactor),
                           QStringLiteral("Must follow the order of the factors."));
    }
    return std::nullopt;
}

HeatmapRow readHeatmapRow(ObjectReader &reader)
{
    HeatmapRow row;
    row.groupId = reader.string(kGroupId, validateOptionalId);
    row.parentId = reader.string(kParentId, validateOptionalId);
    // The tenant's own row has neither id nor name: the client names it.
    row.name = reader.string(kName, [](QStringView name) {
        return name.isEmpty() ? std::nullopt : validateGroupName(name);
    });
    row.depth = int(reader.integer(kDepth, 0, kGroupsMax));
    row.responseRate = reader.object(kResponseRate, responseRateFromJson);
    row.cells = reader.objectArray(kCells, scoreFromJson, kFactorCount);
    return row;
}

std::optional<Error> checkHeatmap(const Heatmap &heatmap)
{
    if (auto error = checkSlice(heatmap.slice))
        return withFieldPrefix(std::move(*error), QString(kSlice));
    QStringList ids;
    for (qsizetype i = 0; i < heatmap.rows.size(); ++i) {
        const HeatmapRow &row = heatmap.rows.at(i);
        const QString path = QStringLiteral("%1.%2").arg(kRows).arg(i);
        // Depth-first: a row is the first (depth 0, no parent) or one level
        // below some earlier row, which is its parent.
        const bool first = i == 0;
        const bool placed =
            first ? row.depth == 0 && row.parentId.isEmpty()
                  : row.depth > 0 && std::any_of(heatmap.rows.cbegin(), heatmap.rows.cbegin() + i,
                                                 [&row](const HeatmapRow &earlier) {
                                                     return earlier.groupId == row.parentId &&
                                                            earlier.depth == row.depth - 1;
                                                 });
        if (!placed)
            return invalid(path + QLatin1String(".depth"),
                           QStringLiteral("Must be one level below the row's parent."));
        if (row.name.isEmpty() != row.groupId.isEmpty())
            return invalid(path + QLatin1String(".name"),
                           QStringLiteral("Must name a group, and only a group."));
        if ((!first && row.groupId.isEmpty()) || ids.contains(row.groupId))
            return invalid(path + QLatin1String(".groupId"),
                           QStringLiteral("Must name another group."));
        ids.append(row.groupId);
    }
    return std::nullopt;
}

AttributeRow readAttributeRow(ObjectReader &reader)
{
    AttributeRow row;
    row.value = reader.string(kValue, validateOptionalAttributeValue);
    row.responseRate = reader.object(kResponseRate, responseRateFromJson);
    row.cells = reader.objectArray(kCells, scoreFromJson, kFactorCount);
    return row;
}

PriorityPoint readPriorityPoint(ObjectReader &reader)
{
    PriorityPoint point;
    point.factor = readFactor(reader, kFactor);
    point.score = reader.object(kScore, scoreFromJson);
    point.impact = reader.optionalNumber(kImpact, -1, 1, kImpactDecimals);
    return point;
}

TrendPoint readTrendPoint(ObjectReader &reader)
{
    TrendPoint point;
    point.roundId = reader.string(kRoundId, validateId);
    point.closesAt = reader.dateTime(kClosesAt);
    point.engagement = reader.object(kEngagement, scoreFromJson);
    point.factors = reader.objectArray(kFactors, scoreFromJson, kFactorCount);
    point.responseRate = reader.object(kResponseRate, responseRateFromJson);
    return point;
}

void writeMemoFields(QJsonObject &object, const MemoFields &fields)
{
    object.insert(kDate, formatDate(fields.date));
    object.insert(kText, fields.text);
    object.insert(kShared, fields.shared);
}

MemoFields readMemoFields(ObjectReader &reader)
{
    MemoFields fields;
    fields.date = reader.date(kDate);
    fields.text = reader.string(kText, [](QStringView text) {
        return validateShownText(text, TextRule{1, kMemoMaxLength, true, false});
    });
    fields.shared = reader.boolean(kShared);
    return fields;
}

Memo readMemo(ObjectReader &reader)
{
    Memo memo;
    memo.id = reader.string(kId, validateId);
    memo.fields = readMemoFields(reader);
    memo.authorId = reader.string(kAuthorId, validateId);
    memo.authorName = reader.string(kAuthorName, validateAuthorName);
    memo.mine = reader.boolean(kMine);
    memo.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
    return memo;
}

Benchmark readBenchmark(ObjectReader &reader)
{
    Benchmark benchmark;
    benchmark.factor = readFactor(reader, kFactor);
    benchmark.value = reader.number(kValue, kScoreMin, kScoreMax, kScoreDecimals);
    return benchmark;
}

QJsonObject toJson(const ItemScore &item);
QJsonObject toJson(const SubItemScore &subItemScore);
QJsonObject toJson(const FactorScore &factor);
QJsonObject toJson(const HeatmapRow &row);
QJsonObject toJson(const AttributeRow &row);
QJsonObject toJson(const PriorityPoint &point);
QJsonObject toJson(const TrendPoint &point);
QJsonObject toJson(const Benchmark &benchmark);

template<typename T>
QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

QJsonObject toJson(const ItemScore &item)
{
    QJsonObject object;
    object.insert(kItemId, item.itemId);
    object.insert(kScore, toJson(item.score));
    return object;
}

QJsonObject toJson(const SubItemScore &subItemScore)
{
    QJsonObject object;
    object.insert(kSubItemId, subItemScore.subItemId);
    object.insert(kScore, toJson(subItemScore.score));
    object.insert(kItems, arrayOf(subItemScore.items));
    return object;
}

QJsonObject toJson(const FactorScore &factor)
{
    QJsonObject object;
    object.insert(kFactor, factorId(factor.factor));
    object.insert(kScore, toJson(factor.score));
    if (factor.benchmark)
        object.insert(kBenchmark, rounded(*factor.benchmark, kScoreDecimals));
    object.insert(kSubItems, arrayOf(factor.subItems));
    return object;
}

QJsonObject toJson(const HeatmapRow &row)
{
    QJsonObject object;
    object.insert(kGroupId, row.groupId);
    object.insert(kParentId, row.parentId);
    object.insert(kName, row.name);
    object.insert(kDepth, row.depth);
    object.insert(kResponseRate, toJson(row.responseRate));
    object.insert(kCells, scoresToJson(row.cells));
    return object;
}

QJsonObject toJson(const AttributeRow &row)
{
    QJsonObject object;
    object.insert(kValue, row.value);
    object.insert(kResponseRate, toJson(row.responseRate));
    object.insert(kCells, scoresToJson(row.cells));
    return object;
}

QJsonObject toJson(const PriorityPoint &point)
{
    QJsonObject object;
    object.insert(kFactor, factorId(point.factor));
    object.insert(kScore, toJson(point.score));
    if (point.impact)
        object.insert(kImpact, rounded(*point.impact, kImpactDecimals));
    return object;
}

QJsonObject toJson(const TrendPoint &point)
{
    QJsonObject object;
    object.insert(kRoundId, point.roundId);
    object.insert(kClosesAt, formatDateTime(point.closesAt));
    object.insert(kEngagement, toJson(point.engagement));
    object.insert(kFactors, scoresToJson(point.factors));
    object.insert(kResponseRate, toJson(point.responseRate));
    return object;
}

QJsonObject toJson(const Benchmark &benchmark)
{
    QJsonObject object;
    object.insert(kFactor, factorId(benchmark.factor));
    object.insert(kValue, rounded(benchmark.value, kScoreDecimals));
    return object;
}

} // namespace

QString withheldName(Withheld withheld)
{
    return enumName(kWithheldNames, withheld);
}

std::optional<Withheld> withheldFromName(QStringView name)
{
    return enumFromName(kWithheldNames, name);
}

QJsonObject toJson(const Score &score)
{
    QJsonObject object;
    if (score.value)
        object.insert(kValue, rounded(*score.value, kScoreDecimals));
    object.insert(kRespondents, score.respondents);
    if (score.withheld != Withheld::No)
        object.insert(kWithheld, withheldName(score.withheld));
    if (score.change)
        object.insert(kChange, rounded(*score.change, kScoreDecimals));
    return object;
}

Result<Score> scoreFromJson(const QJsonObject &object)
{
    return decode<Score>(
        object,
        [](ObjectReader &reader) {
            Score score;
            score.value = reader.optionalNumber(kValue, kScoreMin, kScoreMax, kScoreDecimals);
            score.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
            // "" is No's name, which is written by leaving the member out.
            const std::optional<QString> withheld =
                reader.optionalString(kWithheld, [](QStringView name) -> std::optional<Error> {
                    const std::optional<Withheld> value = withheldFromName(name);
                    if (!value || *value == Withheld::No)
                        return invalid(QString(),
                                       QStringLiteral("Must be a reason a score is withheld."));
                    return std::nullopt;
                });
            if (withheld)
                score.withheld = *withheldFromName(*withheld);
            score.change = reader.optionalNumber(kChange, -kScoreMax, kScoreMax, kScoreDecimals);
            return score;
        },
        [](const Score &score) -> std::optional<Error> {
            if (score.value.has_value() == (score.withheld != Withheld::No))
                return invalid(QString(kValue),
                               QStringLiteral("Must be given exactly when not withheld."));
            if (score.change && !score.value)
                return invalid(QString(kChange), QStringLiteral("Needs a value."));
            return std::nullopt;
        });
}

QUrlQuery toUrlQuery(const DashboardQuery &query)
{
    QUrlQuery url;
    auto add = [&url](QLatin1String name, const QString &value) {
        if (!value.isEmpty())
            addQueryValue(url, name, value);
    };
    add(kRoundParam, query.roundId);
    add(kGroupParam, query.groupId);
    add(kAttributeParam, query.attributeId);
    add(kValueParam, query.attributeValue);
    if (query.from)
        add(kFromParam, formatDate(*query.from));
    if (query.to)
        add(kToParam, formatDate(*query.to));
    return url;
}

Result<DashboardQuery> dashboardQueryFromUrl(const QUrlQuery &url)
{
    DashboardQuery query;
    auto read = [&query](const QString &name, const QString &value) -> std::optional<Error> {
        auto keep = [&](std::optional<Error> error, QString &target) -> std::optional<Error> {
            if (error)
                return parameterError(std::move(*error), name);
            target = value;
            return std::nullopt;
        };
        auto date = [&](std::optional<QDate> &target) -> std::optional<Error> {
            Result<QDate> parsed = parseDate(value);
            if (!parsed)
                return parameterError(parsed.error(), name);
            target = parsed.takeValue();
            return std::nullopt;
        };
        if (name == kRoundParam)
            return keep(validateId(value), query.roundId);
        if (name == kGroupParam)
            return keep(validateId(value), query.groupId);
        if (name == kAttributeParam)
            return keep(validateAttributeKey(value), query.attributeId);
        if (name == kValueParam)
            return keep(validateAttributeValueText(value), query.attributeValue);
        if (name == kFromParam)
            return date(query.from);
        return date(query.to);
    };
    if (auto error = readQueryParameters(
            url, {kRoundParam, kGroupParam, kAttributeParam, kValueParam, kFromParam, kToParam},
            read))
        return *error;
    if (!query.attributeValue.isEmpty() && query.attributeId.isEmpty())
        return invalid(QString(kValueParam), QStringLiteral("Needs an attribute."));
    if (query.from && query.to && *query.to < *query.from)
        return invalid(QString(kToParam), QStringLiteral("Must not be earlier than from."));
    return query;
}

QStringList snapshotKeys()
{
    QStringList keys;
    for (QLatin1String key : kSnapshotKeys)
        keys.append(QString(key));
    return keys;
}

QString roundStatusName(RoundStatus status)
{
    return enumName(kRoundStatuses, status);
}

std::optional<RoundStatus> roundStatusFromName(QStringView name)
{
    return enumFromName(kRoundStatuses, name);
}

QJsonObject toJson(const RoundInfo &round)
{
    QJsonObject object;
    object.insert(kId, round.id);
    object.insert(kSurveyId, round.surveyId);
    object.insert(kSurveyName, round.surveyName);
    object.insert(kNumber, round.number);
    object.insert(kOpensAt, formatDateTime(round.opensAt));
    object.insert(kClosesAt, formatDateTime(round.closesAt));
    object.insert(kStatus, roundStatusName(round.status));
    object.insert(kTargets, round.targets);
    object.insert(kRespondents, round.respondents);
    object.insert(kItemIds, QJsonArray::fromStringList(round.itemIds));
    return object;
}

Result<RoundInfo> roundInfoFromJson(const QJsonObject &object)
{
    return decode<RoundInfo>(
        object,
        [](ObjectReader &reader) {
            RoundInfo round;
            round.id = reader.string(kId, validateId);
            round.surveyId = reader.string(kSurveyId, validateId);
            round.surveyName = reader.string(kSurveyName, validateSurveyName);
            round.number = int(reader.integer(kNumber, 1, kMaxRoundNumber));
            round.opensAt = reader.dateTime(kOpensAt);
            round.closesAt = reader.dateTime(kClosesAt);
            round.status = reader.enumeration(kStatus, roundStatusFromName,
                                              [] { return enumNames(kRoundStatuses); });
            round.targets = reader.integer(kTargets, 0, kMaxJsonInteger);
            round.respondents = reader.integer(kRespondents, 0, kMaxJsonInteger);
            round.itemIds = reader.stringArray(kItemIds, validateItemId, kBankSize);
            return round;
        },
        [](const RoundInfo &round) -> std::optional<Error> {
            if (round.closesAt <= round.opensAt)
                return invalid(QString(kClosesAt), QStringLiteral("Must be later than opensAt."));
            if (round.respondents > round.targets)
                return invalid(QString(kRespondents), QStringLiteral("Must not exceed targets."));
            if (round.itemIds.isEmpty())
                return invalid(QString(kItemIds), QStringLiteral("Must name at least one item."));
            if (auto error = validateDistinct(round.itemIds))
                return withFieldPrefix(std::move(*error), QString(kItemIds));
            return std::nullopt;
        });
}

QJsonObject toJson(const RoundList &list)
{
    QJsonObject object;
    object.insert(kItems, arrayOf(list.rounds));
    return object;
}

Result<RoundList> roundListFromJson(const QJsonObject &object)
{
    return decode<RoundList>(
        object,
        [](ObjectReader &reader) {
            return RoundList{reader.objectArray(kItems, roundInfoFromJson, kMaxRounds)};
        },
        [](const RoundList &list) { return validateDistinctIds(list.rounds, kItems); });
}

QJsonObject toJson(const SliceInfo &slice)
{
    QJsonObject object;
    object.insert(kRoundId, slice.roundId);
    object.insert(kGroupId, slice.groupId);
    object.insert(kAttributeId, slice.attributeId);
    object.insert(kAttributeValue, slice.attributeValue);
    object.insert(kThreshold, slice.threshold);
    object.insert(kValidityDays, slice.validityDays);
    return object;
}

Result<SliceInfo> sliceInfoFromJson(const QJsonObject &object)
{
    return readSliceObject(object);
}

QJsonObject toJson(const ResponseRate &rate)
{
    QJsonObject object;
    object.insert(kTargets, rate.targets);
    object.insert(kRespondents, rate.respondents);
    if (rate.rate)
        object.insert(kRate, rounded(*rate.rate, kScoreDecimals));
    return object;
}

Result<ResponseRate> responseRateFromJson(const QJsonObject &object)
{
    return decode<ResponseRate>(object, readResponseRate, checkRateConsistency);
}

QJsonObject toJson(const Summary &summary)
{
    QJsonObject object = withSlice(summary.slice);
    object.insert(kEngagement, toJson(summary.engagement));
    object.insert(kResponseRate, toJson(summary.responseRate));
    if (summary.responseRateChange)
        object.insert(kResponseRateChange, rounded(*summary.responseRateChange, kScoreDecimals));
    object.insert(kPreviousRoundId, summary.previousRoundId);
    return object;
}

Result<Summary> summaryFromJson(const QJsonObject &object)
{
    return readAs<Summary>(object, [](ObjectReader &reader) {
        Summary summary;
        summary.slice = reader.object(kSlice, readSliceObject);
        summary.engagement = reader.object(kEngagement, scoreFromJson);
        summary.responseRate = reader.object(kResponseRate, responseRateFromJson);
        summary.responseRateChange =
            reader.optionalNumber(kResponseRateChange, -100, 100, kScoreDecimals);
        summary.previousRoundId = reader.string(kPreviousRoundId, validateOptionalId);
        return summary;
    });
}

QJsonObject toJson(const Trend &trend)
{
    QJsonObject object = withSlice(trend.slice);
    object.insert(kPoints, arrayOf(trend.points));
    return object;
}

Result<Trend> trendFromJson(const QJsonObject &object)
{
    return decode<Trend>(
        object,
        [](ObjectReader &reader) {
            Trend trend;
            trend.slice = reader.object(kSlice, readSliceObject);
            trend.points = reader.objectArray(
                kPoints,
                [](const QJsonObject &point) {
                    return decode<TrendPoint>(point, readTrendPoint, [](const TrendPoint &read) {
                        return checkScoreCount(read.factors, kFactorCount - 1, kFactors);
                    });
                },
                kMaxRounds);
            return trend;
        },
        [](const Trend &trend) -> std::optional<Error> {
            for (qsizetype i = 1; i < trend.points.size(); ++i) {
                if (trend.points.at(i).closesAt < trend.points.at(i - 1).closesAt)
                    return invalid(QStringLiteral("%1.%2.%3").arg(kPoints).arg(i).arg(kClosesAt),
                                   QStringLiteral("Points must be oldest first."));
            }
            return std::nullopt;
        });
}

QJsonObject toJson(const FactorBreakdown &breakdown)
{
    QJsonObject object = withSlice(breakdown.slice);
    object.insert(kFactors, arrayOf(breakdown.factors));
    return object;
}

Result<FactorBreakdown> factorBreakdownFromJson(const QJsonObject &object)
{
    return decode<FactorBreakdown>(
        object,
        [](ObjectReader &reader) {
            FactorBreakdown breakdown;
            breakdown.slice = reader.object(kSlice, readSliceObject);
            breakdown.factors = reader.objectArray(
                kFactors,
                [](const QJsonObject &factor) {
                    return decode<FactorScore>(factor, readFactorScore, checkFactorScore);
                },
                kFactorCount);
            return breakdown;
        },
        [](const FactorBreakdown &breakdown) {
            return checkFactorOrder(breakdown.factors, allFactors(), kFactors);
        });
}

QJsonObject toJson(const Heatmap &heatmap)
{
    QJsonObject object = withSlice(heatmap.slice);
    object.insert(kRows, arrayOf(heatmap.rows));
    return object;
}

Result<Heatmap> heatmapFromJson(const QJsonObject &object)
{
    return decode<Heatmap>(
        object,
        [](ObjectReader &reader) {
            Heatmap heatmap;
            heatmap.slice = reader.object(kSlice, readSliceObject);
            heatmap.rows = reader.objectArray(
                kRows,
                [](const QJsonObject &row) {
                    return decode<HeatmapRow>(row, readHeatmapRow, [](const HeatmapRow &read) {
                        return checkScoreCount(read.cells, kFactorCount, kCells);
                    });
                },
                kGroupsMax + 1);
            return heatmap;
        },
        checkHeatmap);
}

QJsonObject toJson(const AttributeBreakdown &breakdown)
{
    QJsonObject object = withSlice(breakdown.slice);
    object.insert(kRows, arrayOf(breakdown.rows));
    return object;
}

Result<AttributeBreakdown> attributeBreakdownFromJson(const QJsonObject &object)
{
    return decode<AttributeBreakdown>(
        object,
        [](ObjectReader &reader) {
            AttributeBreakdown breakdown;
            breakdown.slice = reader.object(kSlice, readSliceObject);
            breakdown.rows = reader.objectArray(kRows, [](const QJsonObject &row) {
                return decode<AttributeRow>(row, readAttributeRow, [](const AttributeRow &read) {
                    return checkScoreCount(read.cells, kFactorCount, kCells);
                });
            });
            return breakdown;
        },
        [](const AttributeBreakdown &breakdown) -> std::optional<Error> {
            QStringList values;
            for (const AttributeRow &row : breakdown.rows)
                values.append(row.value);
            if (auto error = validateDistinct(values))
                return invalid(QStringLiteral("%1.%2.%3").arg(kRows, error->field, kValue),
                               QStringLiteral("Must name each value once."));
            return std::nullopt;
        });
}

QJsonObject toJson(const PriorityChart &chart)
{
    QJsonObject object = withSlice(chart.slice);
    object.insert(kPoints, arrayOf(chart.points));
    return object;
}

Result<PriorityChart> priorityChartFromJson(const QJsonObject &object)
{
    return decode<PriorityChart>(
        object,
        [](ObjectReader &reader) {
            PriorityChart chart;
            chart.slice = reader.object(kSlice, readSliceObject);
            chart.points = reader.objectArray(
                kPoints, [](const QJsonObject &point) { return readAs(point, readPriorityPoint); },
                kFactorCount);
            return chart;
        },
        [](const PriorityChart &chart) -> std::optional<Error> {
            if (auto error = checkFactorOrder(chart.points, keyFactors(), kPoints))
                return error;
            for (qsizetype i = 0; i < chart.points.size(); ++i) {
                const PriorityPoint &point = chart.points.at(i);
                if (point.impact && !point.score.value)
                    return invalid(QStringLiteral("%1.%2.%3").arg(kPoints).arg(i).arg(kImpact),
                                   QStringLiteral("Must be absent when the score is withheld."));
            }
            return std::nullopt;
        });
}

std::optional<Error> validateMemoFields(const MemoFields &fields)
{
    if (!fields.date.isValid())
        return invalid(QString(kDate), QStringLiteral("Must be a date."));
    if (auto error = validateShownText(fields.text, TextRule{1, kMemoMaxLength, true, false}))
        return withFieldPrefix(std::move(*error), QString(kText));
    return std::nullopt;
}

QJsonObject toJson(const MemoFields &fields)
{
    QJsonObject object;
    writeMemoFields(object, fields);
    return object;
}

Result<MemoFields> memoFieldsFromJson(const QJsonObject &object)
{
    return decode<MemoFields>(object, readMemoFields, validateMemoFields);
}

QJsonObject toJson(const Memo &memo)
{
    QJsonObject object;
    object.insert(kId, memo.id);
    writeMemoFields(object, memo.fields);
    object.insert(kAuthorId, memo.authorId);
    object.insert(kAuthorName, memo.authorName);
    object.insert(kMine, memo.mine);
    object.insert(kRevision, memo.revision);
    return object;
}

Result<Memo> memoFromJson(const QJsonObject &object)
{
    return readAs<Memo>(object, readMemo);
}

QJsonObject toJson(const MemoList &list)
{
    QJsonObject object;
    object.insert(kItems, arrayOf(list.memos));
    return object;
}

Result<MemoList> memoListFromJson(const QJsonObject &object)
{
    return decode<MemoList>(
        object,
        [](ObjectReader &reader) { return MemoList{reader.objectArray(kItems, memoFromJson)}; },
        [](const MemoList &list) { return validateDistinctIds(list.memos, kItems); });
}

std::optional<Error> validateBenchmarkSet(const BenchmarkSet &set)
{
    if (auto error = validateBenchmarkLabel(set.label))
        return withFieldPrefix(std::move(*error), QString(kLabel));
    QList<Factor> seen;
    for (qsizetype i = 0; i < set.values.size(); ++i) {
        const Benchmark &benchmark = set.values.at(i);
        const QString path = QStringLiteral("%1.%2").arg(kValues).arg(i);
        if (seen.contains(benchmark.factor))
            return invalid(path + QLatin1String(".factor"),
                           QStringLiteral("Must name each factor at most once."));
        seen.append(benchmark.factor);
        const double value = benchmark.value;
        if (!std::isfinite(value) || value < kScoreMin || value > kScoreMax ||
            std::abs(value * 10 - std::round(value * 10)) > 1e-6)
            return invalid(path + QLatin1String(".value"),
                           QStringLiteral("Must be a number from 0 to 100 with at most one "
                                          "decimal."));
    }
    if (set.revision < 0 || set.revision > kMaxJsonInteger)
        return invalid(QString(kRevision), QStringLiteral("Must not be negative."));
    return std::nullopt;
}

QJsonObject toJson(const BenchmarkSet &set)
{
    QJsonObject object;
    object.insert(kLabel, set.label);
    object.insert(kValues, arrayOf(set.values));
    object.insert(kRevision, set.revision);
    return object;
}

Result<BenchmarkSet> benchmarkSetFromJson(const QJsonObject &object)
{
    return decode<BenchmarkSet>(
        object,
        [](ObjectReader &reader) {
            BenchmarkSet set;
            set.label = reader.string(kLabel, validateBenchmarkLabel);
            set.values = reader.objectArray(
                kValues, [](const QJsonObject &value) { return readAs(value, readBenchmark); },
                kFactorCount);
            set.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
            return set;
        },
        validateBenchmarkSet);
}

std::optional<Error> validateEngagementSettings(const EngagementSettings &settings)
{
    if (settings.anonymityThreshold < kAnonymityThresholdMin ||
        settings.anonymityThreshold > kAnonymityThresholdMax)
        return invalid(QString(kAnonymityThreshold),
                       QStringLiteral("Must be a whole number from %1 to %2.")
                           .arg(kAnonymityThresholdMin)
                           .arg(kAnonymityThresholdMax));
    if (settings.validityDays < kValidityDaysMin || settings.validityDays > kValidityDaysMax)
        return invalid(QString(kValidityDays),
                       QStringLiteral("Must be a whole number from %1 to %2.")
                           .arg(kValidityDaysMin)
                           .arg(kValidityDaysMax));
    if (settings.revision < 0 || settings.revision > kMaxJsonInteger)
        return invalid(QString(kRevision), QStringLiteral("Must not be negative."));
    return std::nullopt;
}

QJsonObject toJson(const EngagementSettings &settings)
{
    QJsonObject object;
    object.insert(kAnonymityThreshold, settings.anonymityThreshold);
    object.insert(kValidityDays, settings.validityDays);
    object.insert(kRevision, settings.revision);
    return object;
}

Result<EngagementSettings> engagementSettingsFromJson(const QJsonObject &object)
{
    return readAs<EngagementSettings>(object, [](ObjectReader &reader) {
        EngagementSettings settings;
        settings.anonymityThreshold = int(
            reader.integer(kAnonymityThreshold, kAnonymityThresholdMin, kAnonymityThresholdMax));
        settings.validityDays =
            int(reader.integer(kValidityDays, kValidityDaysMin, kValidityDaysMax));
        settings.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
        return settings;
    });
}

} // namespace engage::api
