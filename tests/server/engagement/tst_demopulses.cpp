// DemoPulses: a year of the demo's pulse for both demo tenants, the same for
// a seed and a seeding day whatever the random ids; 13 closed rounds four
// weeks apart, none open; response rates within 60-95 % in every group;
// small groups under the anonymity threshold; the declining department
// falls, the recovering one rises after its memo; factors differ in impact;
// a second start writes nothing.

#include "../store/storefixture.h"
#include "api/member.h"
#include "engagement/demopulses.h"
#include "engagement/roundaggregator.h"
#include "engagement/scoring.h"
#include "store/attributerepository.h"
#include "store/demoseed.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/personrepository.h"
#include "store/pulserepository.h"
#include "store/tenantrepository.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <map>

using namespace engage::server;
using namespace engage::server::store;
using engage::server::store::testing::StoreFixture;

class TestDemoPulses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deterministic();
    void sameAggregatesAsEver();
    void thirteenClosedRounds_data();
    void thirteenClosedRounds();
    void responseRates_data();
    void responseRates();
    void smallGroupsFallUnderTheThreshold();
    void decliningAndRecovering_data();
    void decliningAndRecovering();
    void factorsDifferInImpact();
    void idempotent();

private:
    StoreFixture m_store;
    const QDate m_day{2026, 11, 26};
};

namespace {

TenantScope scopeOf(StoreFixture &store, const QString &slug)
{
    const auto found = TenantRepository(store.connection(), store.keyring()).findBySlug(slug);
    return TenantScope(found ? found.value().tenant.id : QString());
}

bool seed(StoreFixture &store, const QDate &day)
{
    if (!DemoSeed(store.connection(), store.keyring()).ensure())
        return false;
    const auto pulses = engagement::DemoPulses(store.connection(), store.keyring()).ensure(day);
    return pulses && pulses.value() ==
                         QStringList{QStringLiteral("sakura-foods"), QStringLiteral("northwind")};
}

// The tenant's closed rounds, oldest first.
QList<StoredRound> roundsOf(StoreFixture &store, const TenantScope &scope)
{
    auto rounds = PulseRepository(store.connection(), store.keyring()).rounds(scope);
    if (!rounds)
        return {};
    std::sort(rounds.value().begin(), rounds.value().end(),
              [](const StoredRound &a, const StoredRound &b) { return a.number < b.number; });
    return rounds.value();
}

// Group id -> code.
QHash<QString, QString> groupCodes(StoreFixture &store, const TenantScope &scope)
{
    QHash<QString, QString> codes;
    const auto groups = GroupRepository(store.connection()).list(scope);
    for (const engage::api::Group &group : groups.value())
        codes.insert(group.id, group.fields.code);
    return codes;
}

QList<engagement::Cell> cellsOf(StoreFixture &store, const TenantScope &scope,
                                const QString &roundId)
{
    const auto cells = engagement::RoundAggregator::storedCells(scope, store.connection(), roundId);
    return cells ? cells.value() : QList<engagement::Cell>();
}

// A cell's sums as text: the counts exactly, the impact sums to nine
// significant digits (the aggregator adds respondents in the order of their
// keys, which differ between databases, and floating-point sums follow the
// order in their last bits; the scores are the same).
QString sumsText(const engagement::CellSums &sums)
{
    QStringList parts{QString::number(sums.targets), QString::number(sums.roundRespondents),
                      QString::number(sums.respondents)};
    for (const engagement::ItemSums &item : sums.items)
        parts.append(QStringLiteral("%1/%2").arg(item.count).arg(item.sum));
    for (const qint64 count : sums.factorRespondents)
        parts.append(QString::number(count));
    for (const engagement::PairSums &pair : sums.impact) {
        parts.append(QString::number(pair.n));
        for (const double sum : {pair.x, pair.y, pair.xx, pair.yy, pair.xy})
            parts.append(QString::number(sum, 'g', 9));
    }
    return parts.join(u' ');
}

// Every stored cell of the tenant in one line, groups by code and attributes
// by name instead of by their random ids, sorted.
QStringList aggregateLines(StoreFixture &store, const QString &slug)
{
    const TenantScope scope = scopeOf(store, slug);
    const QHash<QString, QString> codes = groupCodes(store, scope);
    QHash<QString, QString> attributeNames;
    const auto attributes = AttributeRepository(store.connection()).list(scope);
    for (const engage::api::Attribute &attribute : attributes.value())
        attributeNames.insert(attribute.id, attribute.fields.nameEn);
    QStringList lines;
    for (const StoredRound &round : roundsOf(store, scope)) {
        for (const engagement::Cell &cell : cellsOf(store, scope, round.id)) {
            QStringList snapshot;
            for (auto it = cell.snapshot.cbegin(); it != cell.snapshot.cend(); ++it)
                snapshot.append(attributeNames.value(it.key(), it.key()) + u'=' + it.value());
            snapshot.sort();
            lines.append(
                QStringLiteral("%1 %2 %3 %4")
                    .arg(round.number)
                    .arg(codes.value(cell.groupId), snapshot.join(u','), sumsText(cell.sums)));
        }
    }
    lines.sort();
    return lines;
}

// Sums of a round per group code (cells of the group itself, not its subtree).
std::map<QString, engagement::CellSums> byGroup(StoreFixture &store, const TenantScope &scope,
                                                const QString &roundId)
{
    const QHash<QString, QString> codes = groupCodes(store, scope);
    std::map<QString, engagement::CellSums> sums;
    for (const engagement::Cell &cell : cellsOf(store, scope, roundId))
        sums[codes.value(cell.groupId)] += cell.sums;
    return sums;
}

engagement::CellSums total(const std::map<QString, engagement::CellSums> &groups)
{
    engagement::CellSums sum;
    for (const auto &[code, sums] : groups)
        sum += sums;
    return sum;
}

qint64 rowCount(StoreFixture &store, const QString &table)
{
    QSqlQuery query(store.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

void TestDemoPulses::initTestCase()
{
    QVERIFY(m_store.isReady());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(DemoSeed(m_store.connection(), m_store.keyring()).ensure());
    const qint64 organisation = timer.restart();
    const auto pulses =
        engagement::DemoPulses(m_store.connection(), m_store.keyring()).ensure(m_day);
    QVERIFY2(pulses, pulses ? "" : qPrintable(pulses.error().message));
    QCOMPARE(pulses.value(),
             (QStringList{QStringLiteral("sakura-foods"), QStringLiteral("northwind")}));
    qInfo("demo organisation %lld ms, a year of pulses %lld ms", organisation, timer.elapsed());
}

void TestDemoPulses::deterministic()
{
    StoreFixture other;
    QVERIFY(other.isReady());
    QVERIFY(seed(other, m_day));
    for (const QString &slug : {QStringLiteral("sakura-foods"), QStringLiteral("northwind")}) {
        const QStringList lines = aggregateLines(m_store, slug);
        QVERIFY(lines.size() > 13);
        const QStringList otherLines = aggregateLines(other, slug);
        QCOMPARE(otherLines, lines);
    }
}

// The cells of the seed and day above, as the first version of the demo
// computed them: a change to the store's layout or to how responses are
// written and aggregated must leave every cell as it was.
void TestDemoPulses::sameAggregatesAsEver()
{
    QStringList lines = aggregateLines(m_store, QStringLiteral("sakura-foods"));
    lines += aggregateLines(m_store, QStringLiteral("northwind"));
    const QByteArray digest =
        QCryptographicHash::hash(lines.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex();
    QCOMPARE(digest,
             QByteArray("d324379d34d7cbc8aeb99451cb23f96bcc8503c1071997f4b8f71299ad64fe48"));
}

void TestDemoPulses::thirteenClosedRounds_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("surveyName");
    QTest::newRow("sakura-foods") << QStringLiteral("sakura-foods")
                                  << QStringLiteral("エンゲージメント・パルス");
    QTest::newRow("northwind") << QStringLiteral("northwind") << QStringLiteral("Engagement pulse");
}

void TestDemoPulses::thirteenClosedRounds()
{
    QFETCH(QString, slug);
    QFETCH(QString, surveyName);
    const TenantScope scope = scopeOf(m_store, slug);
    const auto surveys = PulseRepository(m_store.connection(), m_store.keyring()).surveys(scope);
    QVERIFY(surveys);
    QCOMPARE(surveys.value().size(), 1);
    QCOMPARE(surveys.value().at(0).kind, SurveyKind::Pulse);
    QCOMPARE(surveys.value().at(0).name, surveyName);
    QCOMPARE(surveys.value().at(0).cadenceWeeks, 4);

    const QList<StoredRound> rounds = roundsOf(m_store, scope);
    QCOMPARE(rounds.size(), 13);
    const QDateTime seeding(m_day, QTime(0, 0), QTimeZone::utc());
    QCOMPARE(rounds.last().closesAt, seeding.addDays(-3));
    for (int i = 0; i < rounds.size(); ++i) {
        const StoredRound &round = rounds.at(i);
        QCOMPARE(round.number, i + 1);
        QCOMPARE(round.status, engage::api::RoundStatus::Closed);
        QVERIFY(round.closesAt < seeding);
        QVERIFY(round.opensAt < round.closesAt);
        QVERIFY(round.aggregatedAt > 0);
        QCOMPARE(round.itemIds, engage::api::pulseItems(4, i));
        QCOMPARE(round.itemIds.size(), i == 0 ? engage::api::kBankSize : 16);
        if (i > 0)
            QCOMPARE(rounds.at(i - 1).closesAt.daysTo(round.closesAt), 28);
    }
    // A year: twelve four-week steps from the first close to the last.
    QCOMPARE(rounds.first().closesAt.daysTo(rounds.last().closesAt), 12 * 28);
}

void TestDemoPulses::responseRates_data()
{
    QTest::addColumn<QString>("slug");
    QTest::newRow("sakura-foods") << QStringLiteral("sakura-foods");
    QTest::newRow("northwind") << QStringLiteral("northwind");
}

void TestDemoPulses::responseRates()
{
    QFETCH(QString, slug);
    const TenantScope scope = scopeOf(m_store, slug);
    QSet<qint64> tenantRates;
    QSet<qint64> groupRates;
    for (const StoredRound &round : roundsOf(m_store, scope)) {
        QVERIFY(round.targets > 0);
        const double rate = double(round.respondents) / double(round.targets);
        QVERIFY2(rate >= 0.6 && rate <= 0.95, qPrintable(QString::number(rate)));
        tenantRates.insert(qRound64(rate * 1000));
        const auto groups = byGroup(m_store, scope, round.id);
        QCOMPARE(total(groups).targets, round.targets);
        QCOMPARE(total(groups).roundRespondents, round.respondents);
        for (const auto &[code, sums] : groups) {
            // One or two targets answer all or nothing: at least 60 %, then.
            if (sums.targets < 3) {
                QVERIFY(sums.roundRespondents * 5 >= sums.targets * 3);
                continue;
            }
            const double groupRate = double(sums.roundRespondents) / double(sums.targets);
            QVERIFY2(groupRate >= 0.6 && groupRate <= 0.95,
                     qPrintable(QStringLiteral("%1 in round %2: %3")
                                    .arg(code)
                                    .arg(round.number)
                                    .arg(groupRate)));
            groupRates.insert(qRound64(groupRate * 1000));
        }
    }
    // Varying by round and by group.
    QVERIFY(tenantRates.size() >= 5);
    QVERIFY(groupRates.size() >= 10);
}

void TestDemoPulses::smallGroupsFallUnderTheThreshold()
{
    const TenantScope scope = scopeOf(m_store, QStringLiteral("sakura-foods"));
    const auto settings = EngagementSettingsRepository(m_store.connection()).settings(scope);
    QVERIFY(settings);
    const auto groups = byGroup(m_store, scope, roundsOf(m_store, scope).last().id);
    QStringList hidden;
    for (const auto &[code, sums] : groups) {
        if (sums.roundRespondents < settings.value().anonymityThreshold)
            hidden.append(code);
    }
    // 本社, 営業本部 and 製造本部 have three or four members placed in them.
    QVERIFY2(hidden.size() >= 3 && hidden.size() <= 6, qPrintable(hidden.join(u' ')));
    QVERIFY(hidden.contains(QStringLiteral("100")));
}

void TestDemoPulses::decliningAndRecovering_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("declining");
    QTest::addColumn<QString>("recovering");
    QTest::newRow("sakura-foods") << QStringLiteral("sakura-foods") << QStringLiteral("211")
                                  << QStringLiteral("312");
    QTest::newRow("northwind") << QStringLiteral("northwind") << QStringLiteral("CS")
                               << QStringLiteral("WHS");
}

void TestDemoPulses::decliningAndRecovering()
{
    QFETCH(QString, slug);
    QFETCH(QString, declining);
    QFETCH(QString, recovering);
    const TenantScope scope = scopeOf(m_store, slug);
    const QList<StoredRound> rounds = roundsOf(m_store, scope);
    QCOMPARE(rounds.size(), 13);

    // The owner's shared memo on the event, between two rounds in the middle of the year.
    const auto people =
        PersonRepository(m_store.connection(), m_store.keyring()).list(scope, std::nullopt, 100);
    QVERIFY(people);
    QString viewer;
    for (const StoredPerson &person : people.value().items) {
        if (person.person.role != engage::api::Role::Owner)
            viewer = person.person.id;
    }
    const auto memos = MemoRepository(m_store.connection(), m_store.keyring())
                           .list(scope, viewer, m_day.addYears(-2), m_day);
    QVERIFY(memos);
    QCOMPARE(memos.value().size(), 1);
    const engage::api::Memo memo = memos.value().at(0);
    QVERIFY(memo.fields.shared);
    QVERIFY(!memo.fields.text.isEmpty());
    int firstAfter = 0;
    while (firstAfter < rounds.size() && rounds.at(firstAfter).opensAt.date() <= memo.fields.date)
        ++firstAfter;
    QVERIFY2(firstAfter >= 5 && firstAfter <= 8, qPrintable(memo.fields.date.toString()));
    QVERIFY(rounds.at(firstAfter - 1).closesAt.date() < memo.fields.date);

    std::vector<double> fall;
    std::vector<double> rise;
    for (const StoredRound &round : rounds) {
        const auto groups = byGroup(m_store, scope, round.id);
        const auto score = [&groups](const QString &code) {
            const auto it = groups.find(code);
            return it == groups.end()
                       ? -1.0
                       : engagement::factorScore(it->second, engage::api::Factor::Engagement)
                             .value_or(-1.0);
        };
        fall.push_back(score(declining));
        rise.push_back(score(recovering));
    }
    const auto mean = [](const std::vector<double> &scores, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; ++i)
            sum += scores.at(std::size_t(i));
        return sum / (to - from);
    };
    // The first quarter against the last, by ten points or more.
    QVERIFY2(mean(fall, 0, 3) - mean(fall, 10, 13) >= 10,
             qPrintable(QStringLiteral("%1 -> %2").arg(mean(fall, 0, 3)).arg(mean(fall, 10, 13))));
    // The rounds before the memo against those from two rounds after it on.
    QVERIFY2(mean(rise, firstAfter + 2, 13) - mean(rise, 0, firstAfter) >= 10,
             qPrintable(QStringLiteral("%1 -> %2")
                            .arg(mean(rise, 0, firstAfter))
                            .arg(mean(rise, firstAfter + 2, 13))));
    // And the recovering department did not rise before the event.
    QVERIFY(mean(rise, firstAfter - 3, firstAfter) <= mean(rise, 0, 3) + 3);
}

void TestDemoPulses::factorsDifferInImpact()
{
    const TenantScope scope = scopeOf(m_store, QStringLiteral("sakura-foods"));
    const engagement::CellSums company =
        total(byGroup(m_store, scope, roundsOf(m_store, scope).last().id));
    const auto job = engagement::impact(company, engage::api::Factor::Job);
    const auto health = engagement::impact(company, engage::api::Factor::Health);
    QVERIFY(job && health);
    QVERIFY2(*job - *health >= 0.15, qPrintable(QStringLiteral("%1 %2").arg(*job).arg(*health)));
    QVERIFY(*health > 0);
}

void TestDemoPulses::idempotent()
{
    const QStringList tables = {QStringLiteral("surveys"),         QStringLiteral("survey_rounds"),
                                QStringLiteral("round_targets"),   QStringLiteral("responses"),
                                QStringLiteral("answers"),         QStringLiteral("round_cells"),
                                QStringLiteral("engagement_memos")};
    QList<qint64> before;
    for (const QString &table : tables)
        before.append(rowCount(m_store, table));
    QVERIFY(before.at(4) > 100000);
    const QStringList lines = aggregateLines(m_store, QStringLiteral("sakura-foods"));

    const auto again =
        engagement::DemoPulses(m_store.connection(), m_store.keyring()).ensure(m_day);
    QVERIFY(again);
    QVERIFY(again.value().isEmpty());
    // Another day changes nothing either: the year is there.
    const auto later =
        engagement::DemoPulses(m_store.connection(), m_store.keyring()).ensure(m_day.addDays(30));
    QVERIFY(later);
    QVERIFY(later.value().isEmpty());
    QList<qint64> after;
    for (const QString &table : tables)
        after.append(rowCount(m_store, table));
    QCOMPARE(after, before);
    QCOMPARE(aggregateLines(m_store, QStringLiteral("sakura-foods")), lines);
}

QTEST_GUILESS_MAIN(TestDemoPulses)
#include "tst_demopulses.moc"
