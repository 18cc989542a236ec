// DashboardCalculator over hand-built cells: group subtrees and deleted
// groups, attribute slices, why a score is withheld, complementary
// suppression in the heatmap and the attribute breakdown, the intersection
// rule, changes from the previous round, impact; and an attacker who reads
// every answer of randomly generated rounds and subtracts.

#include "disclosurecheck.h"
#include "engagement/dashboardcalculator.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <random>

using namespace engage;
using namespace engage::server::engagement;
using engage::test::DisclosureCheck;
using engage::test::SeenSlice;

namespace {

const QString kLocation = QStringLiteral("location");
const QString kTokyo = QStringLiteral("Tokyo");
const QString kOsaka = QStringLiteral("Osaka");

RespondentAnswers everyItem(int answer)
{
    RespondentAnswers answers;
    answers.fill(qint8(answer));
    return answers;
}

// `respondents` people of `groupId` who all answered every item `answer`;
// as many targets unless given.
Cell cell(const QString &groupId, int respondents, int answer,
          const QHash<QString, QString> &snapshot = {}, int targets = -1)
{
    Cell made;
    made.groupId = groupId;
    made.snapshot = snapshot;
    for (int i = 0; i < respondents; ++i)
        made.sums.addRespondent(everyItem(answer));
    made.sums.roundRespondents = respondents;
    made.sums.targets = targets < 0 ? respondents : targets;
    return made;
}

api::Group group(const QString &id, const QString &name, const QString &parentId = {})
{
    api::Group made;
    made.id = id;
    made.fields.code = id;
    made.fields.name = name;
    if (!parentId.isEmpty())
        made.fields.parentId = parentId;
    return made;
}

api::EngagementSettings settings(int threshold = 5)
{
    api::EngagementSettings made;
    made.anonymityThreshold = threshold;
    return made;
}

api::DashboardQuery query(const QString &groupId = {}, const QString &attributeId = {},
                          const QString &value = {})
{
    api::DashboardQuery made;
    made.groupId = groupId;
    made.attributeId = attributeId;
    made.attributeValue = value;
    return made;
}

RoundCells closedRound(const QList<Cell> &cells, const QString &id = QStringLiteral("round-2"))
{
    return RoundCells{id, QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC), cells, nullptr};
}

const api::Score &engagementOf(const api::HeatmapRow &row)
{
    return row.cells.at(api::factorIndex(api::Factor::Engagement));
}

const api::HeatmapRow *rowOf(const api::Heatmap &heatmap, const QString &groupId)
{
    for (const api::HeatmapRow &row : heatmap.rows) {
        if (row.groupId == groupId)
            return &row;
    }
    return nullptr;
}

// HQ > Sales > Tokyo, HQ > Dev; Plant.
QList<api::Group> company()
{
    return {group(QStringLiteral("hq"), QStringLiteral("Head office")),
            group(QStringLiteral("sales"), QStringLiteral("Sales"), QStringLiteral("hq")),
            group(QStringLiteral("tokyo"), QStringLiteral("Tokyo"), QStringLiteral("sales")),
            group(QStringLiteral("dev"), QStringLiteral("Development"), QStringLiteral("hq")),
            group(QStringLiteral("plant"), QStringLiteral("Plant"))};
}

} // namespace

class TestDashboardCalculator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subtreesSumTheirCells()
    {
        const DashboardCalculator calculator(company(), settings());
        const RoundCells cells = closedRound({
            cell(QStringLiteral("tokyo"), 6, 5), // 100
            cell(QStringLiteral("dev"), 6, 1),   // 0
            cell(QStringLiteral("plant"), 5, 4), // 75
            // A group deleted since, and people in none: the tenant's only.
            cell(QStringLiteral("gone"), 5, 3),
            cell(QString(), 5, 3),
        });

        api::Summary summary = calculator.summary(query(QStringLiteral("hq")), cells, {});
        QCOMPARE(summary.engagement.value, std::optional<double>(50.0));
        QCOMPARE(summary.engagement.respondents, 12);
        QCOMPARE(summary.engagement.withheld, api::Withheld::No);
        QCOMPARE(summary.slice.groupId, QStringLiteral("hq"));
        QCOMPARE(summary.slice.roundId, QStringLiteral("round-2"));
        QCOMPARE(summary.slice.threshold, 5);
        QVERIFY(summary.previousRoundId.isEmpty());
        QVERIFY(!summary.engagement.change);

        summary = calculator.summary(query(QStringLiteral("sales")), cells, {});
        QCOMPARE(summary.engagement.value, std::optional<double>(100.0));
        QCOMPARE(summary.responseRate.targets, 6);
        QCOMPARE(summary.responseRate.rate, std::optional<double>(100.0));

        // (6 x 100 + 6 x 0 + 5 x 75 + 10 x 50) / 27 = 54.63
        summary = calculator.summary(query(), cells, {});
        QCOMPARE(summary.engagement.value, std::optional<double>(54.6));
        QCOMPARE(summary.engagement.respondents, 27);

        const api::Heatmap heatmap = calculator.heatmap(query(), cells, {});
        QStringList ids;
        QList<int> depths;
        QStringList parents;
        for (const api::HeatmapRow &row : heatmap.rows) {
            ids.append(row.groupId);
            depths.append(row.depth);
            parents.append(row.parentId);
            QCOMPARE(row.cells.size(), api::kFactorCount);
        }
        QCOMPARE(ids, (QStringList{QString(), QStringLiteral("hq"), QStringLiteral("sales"),
                                   QStringLiteral("tokyo"), QStringLiteral("dev"),
                                   QStringLiteral("plant")}));
        QCOMPARE(depths, (QList<int>{0, 1, 2, 3, 2, 1}));
        QCOMPARE(parents, (QStringList{QString(), QString(), QStringLiteral("hq"),
                                       QStringLiteral("sales"), QStringLiteral("hq"), QString()}));
        QCOMPARE(heatmap.rows.at(1).name, QStringLiteral("Head office"));
        QCOMPARE(engagementOf(heatmap.rows.at(0)).value, std::optional<double>(54.6));
        QCOMPARE(engagementOf(heatmap.rows.at(4)).value, std::optional<double>(0.0));

        // A group's heatmap starts at the group.
        const api::Heatmap sales = calculator.heatmap(query(QStringLiteral("hq")), cells, {});
        QCOMPARE(sales.rows.size(), 4);
        QCOMPARE(sales.rows.at(0).groupId, QStringLiteral("hq"));
        QCOMPARE(sales.rows.at(0).depth, 0);
        QVERIFY(sales.rows.at(0).parentId.isEmpty());
        QCOMPARE(sales.rows.at(1).depth, 1);
    }

    void tooFewRespondents()
    {
        const DashboardCalculator calculator(company(), settings());
        const RoundCells cells =
            closedRound({cell(QStringLiteral("tokyo"), 8, 5), cell(QStringLiteral("dev"), 3, 1),
                         cell(QStringLiteral("plant"), 10, 3)});
        const api::Summary summary = calculator.summary(query(QStringLiteral("dev")), cells, {});
        QVERIFY(!summary.engagement.value);
        QCOMPARE(summary.engagement.respondents, 3);
        QCOMPARE(summary.engagement.withheld, api::Withheld::TooFewRespondents);

        const api::FactorBreakdown factors =
            calculator.factors(query(QStringLiteral("dev")), cells, {}, {});
        QCOMPARE(factors.factors.size(), api::kFactorCount);
        for (const api::FactorScore &factor : factors.factors) {
            QCOMPARE(factor.score.withheld, api::Withheld::TooFewRespondents);
            for (const api::SubItemScore &sub : factor.subItems) {
                QVERIFY(!sub.score.value);
                for (const api::ItemScore &item : sub.items)
                    QCOMPARE(item.score.withheld, api::Withheld::TooFewRespondents);
            }
        }
        const api::PriorityChart chart =
            calculator.priority(query(QStringLiteral("dev")), cells, {});
        for (const api::PriorityPoint &point : chart.points) {
            QVERIFY(!point.score.value);
            QVERIFY(!point.impact);
        }
        // A group nobody answered in: no answers, not too few.
        const api::Summary empty =
            calculator.summary(query(QStringLiteral("sales")), closedRound({}), {});
        QCOMPARE(empty.engagement.withheld, api::Withheld::NoAnswers);
    }

    void heatmapWithholdsWhatADifferenceWouldReveal()
    {
        // Sales has 2 people of its own and two teams of 10 and 12: Sales minus
        // its teams would be those 2.
        const QList<api::Group> groups{
            group(QStringLiteral("sales"), QStringLiteral("Sales")),
            group(QStringLiteral("east"), QStringLiteral("East"), QStringLiteral("sales")),
            group(QStringLiteral("west"), QStringLiteral("West"), QStringLiteral("sales"))};
        const DashboardCalculator calculator(groups, settings());
        const RoundCells cells =
            closedRound({cell(QStringLiteral("sales"), 2, 1), cell(QStringLiteral("east"), 10, 5),
                         cell(QStringLiteral("west"), 12, 3)});
        const api::Heatmap heatmap = calculator.heatmap(query(), cells, {});
        QCOMPARE(heatmap.rows.size(), 4);

        DisclosureCheck attacker({{QStringLiteral("sales"), QString()},
                                  {QStringLiteral("east"), QStringLiteral("sales")},
                                  {QStringLiteral("west"), QStringLiteral("sales")}},
                                 5);
        int complementary = 0;
        for (const api::HeatmapRow &row : heatmap.rows) {
            const api::Score &engagement = engagementOf(row);
            attacker.add(
                {row.groupId, std::nullopt, engagement.respondents, bool(engagement.value)});
            if (engagement.withheld == api::Withheld::Complementary) {
                ++complementary;
                // A withheld row withholds every factor column.
                for (const api::Score &score : row.cells) {
                    QVERIFY(!score.value);
                    QCOMPARE(score.withheld, api::Withheld::Complementary);
                }
            }
            // Each group's summary says what its heatmap row says.
            const api::Summary summary = calculator.summary(query(row.groupId), cells, {});
            QCOMPARE(summary.engagement, engagement);
        }
        QVERIFY(complementary > 0);
        QVERIFY2(attacker.disclosures().isEmpty(),
                 qPrintable(attacker.disclosures().join(QLatin1Char('\n'))));
        QVERIFY(attacker.shownCount() >= 2);

        // The attacker itself can fail: shown by the count alone, it finds the two.
        DisclosureCheck naive({{QStringLiteral("sales"), QString()},
                               {QStringLiteral("east"), QStringLiteral("sales")},
                               {QStringLiteral("west"), QStringLiteral("sales")}},
                              5);
        naive.add({QStringLiteral("sales"), std::nullopt, 24, true});
        naive.add({QStringLiteral("east"), std::nullopt, 10, true});
        naive.add({QStringLiteral("west"), std::nullopt, 12, true});
        QCOMPARE(naive.disclosures().size(), 1);
    }

    void attributeSlicesAndTheIntersectionRule()
    {
        const QList<api::Group> groups{group(QStringLiteral("g"), QStringLiteral("G")),
                                       group(QStringLiteral("h"), QStringLiteral("H"))};
        const DashboardCalculator calculator(groups, settings());
        const RoundCells cells = closedRound({
            cell(QStringLiteral("g"), 18, 5, {{kLocation, kTokyo}}),
            cell(QStringLiteral("g"), 2, 1, {{kLocation, kOsaka}}),
            cell(QStringLiteral("h"), 10, 5, {{kLocation, kTokyo}}),
            cell(QStringLiteral("h"), 10, 1, {{kLocation, kOsaka}}),
        });

        // G minus (G and Tokyo) would be G's two in Osaka.
        api::Summary summary =
            calculator.summary(query(QStringLiteral("g"), kLocation, kTokyo), cells, {});
        QCOMPARE(summary.engagement.withheld, api::Withheld::Complementary);
        QCOMPARE(summary.engagement.respondents, 18);
        QVERIFY(!summary.engagement.value);
        QCOMPARE(summary.slice.attributeValue, kTokyo);
        summary = calculator.summary(query(QStringLiteral("g"), kLocation, kOsaka), cells, {});
        QCOMPARE(summary.engagement.withheld, api::Withheld::TooFewRespondents);

        summary = calculator.summary(query(QStringLiteral("h"), kLocation, kTokyo), cells, {});
        QCOMPARE(summary.engagement.value, std::optional<double>(100.0));
        QCOMPARE(summary.engagement.respondents, 10);
        QCOMPARE(summary.responseRate.targets, 10);
        summary = calculator.summary(query(QString(), kLocation, kOsaka), cells, {});
        QCOMPARE(summary.engagement.value, std::optional<double>(0.0));
        QCOMPARE(summary.engagement.respondents, 12);
        // An attribute without a value is no filter.
        summary = calculator.summary(query(QStringLiteral("h"), kLocation), cells, {});
        QCOMPARE(summary.engagement.respondents, 20);

        // G's breakdown: Osaka too few, Tokyo then the whole of G but two.
        const api::AttributeBreakdown breakdown =
            calculator.attributes(query(QStringLiteral("g"), kLocation), cells, {});
        QCOMPARE(breakdown.rows.size(), 2);
        QCOMPARE(breakdown.rows.at(0).value, kOsaka);
        QCOMPARE(breakdown.rows.at(0).cells.at(0).withheld, api::Withheld::TooFewRespondents);
        QCOMPARE(breakdown.rows.at(1).value, kTokyo);
        QCOMPARE(breakdown.rows.at(1).cells.at(0).withheld, api::Withheld::Complementary);
        QCOMPARE(breakdown.rows.at(1).responseRate.respondents, 18);

        // H's Osaka would be the tenant's Osaka minus G's two there.
        const api::AttributeBreakdown both =
            calculator.attributes(query(QStringLiteral("h"), kLocation), cells, {});
        QCOMPARE(both.rows.size(), 2);
        QCOMPARE(both.rows.at(0).cells.at(0).withheld, api::Withheld::Complementary);
        QCOMPARE(both.rows.at(1).cells.at(0).value, std::optional<double>(100.0));

        // The heatmap narrowed to Tokyo follows the same rule for each row.
        const api::Heatmap tokyo =
            calculator.heatmap(query(QString(), kLocation, kTokyo), cells, {});
        QCOMPARE(engagementOf(*rowOf(tokyo, QStringLiteral("g"))).withheld,
                 api::Withheld::Complementary);
        QCOMPARE(engagementOf(*rowOf(tokyo, QStringLiteral("h"))).value,
                 std::optional<double>(100.0));
    }

    // The sums the aggregate cache keeps with a round's cells answer exactly
    // as sums made afresh, and never for another tree or threshold.
    void memoisedSumsFollowTheTreeAndThreshold()
    {
        RoundCells memoised =
            closedRound({cell(QStringLiteral("tokyo"), 6, 5, {{kLocation, kTokyo}}),
                         cell(QStringLiteral("dev"), 3, 1, {{kLocation, kOsaka}}),
                         cell(QStringLiteral("dev"), 4, 2, {{kLocation, kTokyo}}),
                         cell(QStringLiteral("plant"), 6, 3, {{kLocation, kOsaka}})});
        const RoundCells fresh = memoised;
        memoised.sums = std::make_shared<RoundSumsMemo>();
        QList<api::Group> moved = company();
        moved[2].fields.parentId = QStringLiteral("dev"); // Tokyo now under Development
        const QList<DashboardCalculator> calculators{
            DashboardCalculator(company(), settings(5)),
            DashboardCalculator(moved, settings(5)),
            DashboardCalculator(company(), settings(3)),
        };
        QSet<QByteArray> answers;
        for (int pass = 0; pass < 2; ++pass) { // the second pass reads the memo
            for (const DashboardCalculator &calculator : calculators) {
                for (const api::DashboardQuery &asked :
                     {query(), query(QString(), kLocation, kTokyo)}) {
                    const QJsonObject expected = toJson(calculator.heatmap(asked, fresh, {}));
                    QCOMPARE(toJson(calculator.heatmap(asked, memoised, {})), expected);
                    answers.insert(QJsonDocument(expected).toJson());
                }
                QCOMPARE(toJson(calculator.attributes(query(QStringLiteral("hq"), kLocation),
                                                      memoised, {})),
                         toJson(calculator.attributes(query(QStringLiteral("hq"), kLocation), fresh,
                                                      {})));
            }
        }
        // The trees and thresholds do answer differently, so a shared memo
        // entry would have shown.
        QCOMPARE(answers.size(), 6);
    }

    void valuesSortedWithoutAValueLast()
    {
        const DashboardCalculator calculator(company(), settings());
        const RoundCells cells = closedRound(
            {cell(QStringLiteral("dev"), 6, 5, {{kLocation, kTokyo}}),
             cell(QStringLiteral("dev"), 6, 4),
             cell(QStringLiteral("dev"), 6, 3, {{kLocation, kOsaka}}),
             cell(QStringLiteral("plant"), 6, 3, {{kLocation, QStringLiteral("Nagoya")}})});
        const api::AttributeBreakdown breakdown =
            calculator.attributes(query(QStringLiteral("dev"), kLocation), cells, {});
        QStringList values;
        for (const api::AttributeRow &row : breakdown.rows) {
            values.append(row.value);
            QCOMPARE(row.cells.at(0).withheld, api::Withheld::No);
        }
        QCOMPARE(values, (QStringList{kOsaka, kTokyo, QString()}));
        QCOMPARE(breakdown.rows.at(2).cells.at(0).value, std::optional<double>(75.0));
    }

    void changesFromThePreviousRound()
    {
        const DashboardCalculator calculator(company(), settings());
        const RoundCells before =
            closedRound({cell(QStringLiteral("dev"), 10, 3, {}, 20),
                         cell(QStringLiteral("plant"), 3, 3), cell(QString(), 5, 3)},
                        QStringLiteral("round-1"));
        const RoundCells now =
            closedRound({cell(QStringLiteral("dev"), 10, 4, {}, 12),
                         cell(QStringLiteral("plant"), 8, 5), cell(QString(), 5, 3)});

        const api::Summary summary = calculator.summary(query(QStringLiteral("dev")), now, before);
        QCOMPARE(summary.engagement.value, std::optional<double>(75.0));
        QCOMPARE(summary.engagement.change, std::optional<double>(25.0));
        QCOMPARE(summary.previousRoundId, QStringLiteral("round-1"));
        QCOMPARE(summary.responseRate.rate, std::optional<double>(83.3));
        QCOMPARE(summary.responseRateChange, std::optional<double>(33.3));

        // Plant was withheld last time: no change to show.
        const api::Summary plant = calculator.summary(query(QStringLiteral("plant")), now, before);
        QCOMPARE(plant.engagement.value, std::optional<double>(100.0));
        QVERIFY(!plant.engagement.change);

        const api::Heatmap heatmap = calculator.heatmap(query(QStringLiteral("dev")), now, before);
        for (const api::Score &score : heatmap.rows.at(0).cells)
            QCOMPARE(score.change, std::optional<double>(25.0));
        const api::FactorBreakdown factors =
            calculator.factors(query(QStringLiteral("dev")), now, before, {});
        for (const api::FactorScore &factor : factors.factors) {
            QCOMPARE(factor.score.change, std::optional<double>(25.0));
            for (const api::SubItemScore &sub : factor.subItems) {
                QCOMPARE(sub.score.change, std::optional<double>(25.0));
                for (const api::ItemScore &item : sub.items)
                    QCOMPARE(item.score.change, std::optional<double>(25.0));
            }
        }
        const api::TrendPoint point =
            calculator.trendPoint(query(QStringLiteral("dev")), now, before);
        QCOMPARE(point.roundId, QStringLiteral("round-2"));
        QCOMPARE(point.engagement.change, std::optional<double>(25.0));
        QCOMPARE(point.factors.size(), api::kFactorCount - 1);
        QCOMPARE(point.factors.at(0).change, std::optional<double>(25.0));
        QCOMPARE(point.responseRate.respondents, 10);
    }

    void factorsCarryBenchmarksAndTheBank()
    {
        const DashboardCalculator calculator(company(), settings());
        api::BenchmarkSet benchmarks;
        benchmarks.values = {{api::Factor::Job, 66.5}};
        const api::FactorBreakdown factors = calculator.factors(
            query(), closedRound({cell(QStringLiteral("dev"), 6, 2)}), {}, benchmarks);
        int items = 0;
        for (const api::FactorScore &factor : factors.factors) {
            QCOMPARE(factor.score.value, std::optional<double>(25.0));
            QCOMPARE(bool(factor.benchmark), factor.factor == api::Factor::Job);
            for (const api::SubItemScore &sub : factor.subItems)
                items += int(sub.items.size());
        }
        QCOMPARE(factors.factors.at(api::factorIndex(api::Factor::Job)).benchmark,
                 std::optional<double>(66.5));
        QCOMPARE(items, api::kBankSize);
    }

    void impactFollowsTheRespondents()
    {
        const DashboardCalculator calculator(company(), settings());
        Cell varied;
        varied.groupId = QStringLiteral("dev");
        for (int i = 0; i < 10; ++i) {
            // Engagement and job move together, health against them.
            RespondentAnswers answers = everyItem(3);
            for (const api::BankItem &item : api::questionBank()) {
                if (item.factor == api::Factor::Engagement || item.factor == api::Factor::Job)
                    answers[item.index] = qint8(1 + i % 5);
                if (item.factor == api::Factor::Health)
                    answers[item.index] = qint8(5 - i % 5);
            }
            varied.sums.addRespondent(answers);
        }
        varied.sums.targets = varied.sums.roundRespondents = 10;
        const api::PriorityChart chart = calculator.priority(query(), closedRound({varied}), {});
        QCOMPARE(chart.points.size(), api::kFactorCount - 1);
        QCOMPARE(chart.points.at(0).factor, api::Factor::Job);
        QCOMPARE(chart.points.at(0).impact, std::optional<double>(1.0));
        QCOMPARE(chart.points.at(api::factorIndex(api::Factor::Health) - 1).impact,
                 std::optional<double>(-1.0));
        // No variance: no correlation.
        QVERIFY(!chart.points.at(api::factorIndex(api::Factor::Culture) - 1).impact);
    }

    void attackerLearnsNothing_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 40; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    // Random trees and cells; every answer the calculator gives, for the
    // tenant, each group, each value and each group narrowed to each value,
    // subtracted every way the attacker knows.
    void attackerLearnsNothing()
    {
        QFETCH(quint32, seed);
        std::mt19937 random(seed);
        const auto below = [&](int n) {
            return int(random() % quint32(n));
        };
        QList<api::Group> groups;
        QHash<QString, QString> parents;
        const int groupCount = 4 + below(10);
        for (int i = 0; i < groupCount; ++i) {
            const QString id = QStringLiteral("g%1").arg(i, 2, 10, QLatin1Char('0'));
            const QString parent =
                i == 0 || below(4) == 0 ? QString() : groups.at(below(int(groups.size()))).id;
            groups.append(group(id, id, parent));
            parents.insert(id, parent);
        }
        // Parents before children, as the store lists them.
        std::stable_sort(groups.begin(), groups.end(),
                         [&](const api::Group &a, const api::Group &b) {
                             const auto depth = [&](QString id) {
                                 int d = 0;
                                 while (!id.isEmpty()) {
                                     id = parents.value(id);
                                     ++d;
                                 }
                                 return d;
                             };
                             return depth(a.id) < depth(b.id);
                         });
        const QStringList values{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QList<Cell> cells;
        for (int i = 0; i < 3 * groupCount; ++i) {
            const QString groupId = below(8) == 0 ? QString() : groups.at(below(groupCount)).id;
            QHash<QString, QString> snapshot;
            if (below(5) != 0)
                snapshot.insert(kLocation, values.at(below(3)));
            cells.append(cell(groupId, below(9), 1 + below(5), snapshot));
        }
        const int threshold = 3 + below(3);
        const DashboardCalculator calculator(groups, settings(threshold));
        const RoundCells data = closedRound(cells);

        DisclosureCheck attacker(parents, threshold);
        const auto seeRows = [&](const api::Heatmap &heatmap, const std::optional<QString> &value) {
            for (const api::HeatmapRow &row : heatmap.rows) {
                const api::Score &score = engagementOf(row);
                attacker.add({row.groupId, value, score.respondents, bool(score.value)});
            }
        };
        seeRows(calculator.heatmap(query(), data, {}), std::nullopt);
        QStringList slices{QString()};
        for (const api::Group &g : groups)
            slices.append(g.id);
        for (const QString &value : values)
            seeRows(calculator.heatmap(query(QString(), kLocation, value), data, {}), value);
        for (const QString &groupId : slices) {
            const api::Score whole = calculator.summary(query(groupId), data, {}).engagement;
            attacker.add({groupId, std::nullopt, whole.respondents, bool(whole.value)});
            for (const QString &value : values) {
                const api::Score narrowed =
                    calculator.summary(query(groupId, kLocation, value), data, {}).engagement;
                attacker.add({groupId, value, narrowed.respondents, bool(narrowed.value)});
            }
            for (const api::AttributeRow &row :
                 calculator.attributes(query(groupId, kLocation), data, {}).rows) {
                attacker.add(
                    {groupId, row.value, row.cells.at(0).respondents, bool(row.cells.at(0).value)});
            }
        }
        QVERIFY2(attacker.disclosures().isEmpty(),
                 qPrintable(attacker.disclosures().join(QLatin1Char('\n'))));
        QVERIFY(attacker.shownCount() > 0);
    }
};

QTEST_GUILESS_MAIN(TestDashboardCalculator)
#include "tst_dashboardcalculator.moc"
