#include "bankanswers.h"
#include "engagement/cellsums.h"

#include <QDataStream>
#include <QIODevice>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <functional>
#include <limits>

using namespace engage;
using namespace engage::server::engagement;
using engage::test::answersOf;
using engage::test::itemIndex;

Q_DECLARE_METATYPE(engage::server::engagement::CellSums)
Q_DECLARE_METATYPE(std::function<void(engage::server::engagement::CellSums &)>)

class TestCellSums final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addRespondent();
    void addRespondentWithoutEngagement();
    void addRespondentWithoutAnswers_data();
    void addRespondentWithoutAnswers();
    void addAndSubtract();
    void equalityLooksAtEveryField_data();
    void equalityLooksAtEveryField();
    void serialiseRoundTrip_data();
    void serialiseRoundTrip();
    void deserialiseRefusesTruncated();
    void deserialiseRefuses_data();
    void deserialiseRefuses();
};

namespace {

using Change = std::function<void(CellSums &)>;

int factorSlot(api::Factor factor)
{
    return api::factorIndex(factor);
}

// Respondents with varied answers, some of them expired (0), from a seed.
QList<RespondentAnswers> randomAnswers(quint32 seed, int respondents)
{
    QRandomGenerator random(seed);
    QList<RespondentAnswers> all;
    for (int r = 0; r < respondents; ++r) {
        RespondentAnswers answers{};
        for (qint8 &answer : answers)
            answer = qint8(random.bounded(6));
        all.append(answers);
    }
    return all;
}

CellSums sumsOf(const QList<RespondentAnswers> &respondents)
{
    CellSums sums;
    sums.targets = respondents.size() + 3;
    sums.roundRespondents = respondents.size() / 2;
    for (const RespondentAnswers &answers : respondents)
        sums.addRespondent(answers);
    return sums;
}

CellSums randomSums(quint32 seed, int respondents)
{
    return sumsOf(randomAnswers(seed, respondents));
}

// Integers exactly; the impact's floating sums to rounding error, which is
// all an addition followed by a subtraction promises.
bool nearlyEqual(const CellSums &a, const CellSums &b)
{
    CellSums withoutImpact = a;
    CellSums other = b;
    for (int f = 0; f < api::kFactorCount; ++f) {
        const PairSums &p = a.impact[std::size_t(f)];
        const PairSums &q = b.impact[std::size_t(f)];
        for (const auto &[x, y] : {std::pair{p.x, q.x}, std::pair{p.y, q.y}, std::pair{p.xx, q.xx},
                                   std::pair{p.yy, q.yy}, std::pair{p.xy, q.xy}}) {
            if (std::abs(x - y) > 1e-9 * std::max(1.0, std::max(std::abs(x), std::abs(y))))
                return false;
        }
        withoutImpact.impact[std::size_t(f)] = PairSums{p.n, 0, 0, 0, 0, 0};
        other.impact[std::size_t(f)] = PairSums{q.n, 0, 0, 0, 0, 0};
    }
    return withoutImpact == other;
}

QByteArray withInt64At(QByteArray bytes, int offset, qint64 value)
{
    QByteArray field;
    QDataStream out(&field, QIODevice::WriteOnly);
    out << value;
    bytes.replace(offset, field.size(), field);
    return bytes;
}

QByteArray withDoubleAt(QByteArray bytes, int offset, double value)
{
    QByteArray field;
    QDataStream out(&field, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << value;
    bytes.replace(offset, field.size(), field);
    return bytes;
}

// The layout of version 1: magic, targets, round respondents, respondents,
// then count and sum of each item, then per factor its respondents and the
// six impact sums.
constexpr int kHeader = 4 + 3 * 8;
constexpr int kItemsEnd = kHeader + api::kBankSize * 16;
constexpr int kFactorBytes = 8 + 8 + 5 * 8;
constexpr int kSize = kItemsEnd + api::kFactorCount * kFactorBytes;

int itemCountOffset(int index)
{
    return kHeader + index * 16;
}

int factorOffset(api::Factor factor)
{
    return kItemsEnd + factorSlot(factor) * kFactorBytes;
}

} // namespace

// One respondent, by hand: engagement.advocacy.1 = 5 and
// engagement.commitment.1 = 3 give engagement (100 + 50) / 2 = 75;
// job.meaning.1 = 4 and job.autonomy.1 = 2 give job (75 + 25) / 2 = 50.
void TestCellSums::addRespondent()
{
    CellSums sums;
    sums.addRespondent(answersOf({{"engagement.advocacy.1", 5},
                                  {"engagement.commitment.1", 3},
                                  {"job.meaning.1", 4},
                                  {"job.autonomy.1", 2}}));
    QCOMPARE(sums.respondents, 1);
    QCOMPARE(sums.targets, 0);
    QCOMPARE(sums.roundRespondents, 0);
    const auto item = [&sums](const char *id) {
        return sums.items[std::size_t(itemIndex(id))];
    };
    QCOMPARE(item("engagement.advocacy.1").count, 1);
    QCOMPARE(item("engagement.advocacy.1").sum, 4);
    QCOMPARE(item("engagement.commitment.1").sum, 2);
    QCOMPARE(item("job.meaning.1").sum, 3);
    QCOMPARE(item("job.autonomy.1").sum, 1);
    QCOMPARE(item("job.meaning.2").count, 0);
    qint64 answered = 0;
    for (const ItemSums &each : sums.items)
        answered += each.count;
    QCOMPARE(answered, 4);

    for (api::Factor factor : api::allFactors()) {
        const bool inIt = factor == api::Factor::Engagement || factor == api::Factor::Job;
        QCOMPARE(sums.factorRespondents[std::size_t(factorSlot(factor))], inIt ? 1 : 0);
        const PairSums &pair = sums.impact[std::size_t(factorSlot(factor))];
        QCOMPARE(pair.n, factor == api::Factor::Job ? 1 : 0);
    }
    const PairSums &job = sums.impact[std::size_t(factorSlot(api::Factor::Job))];
    QCOMPARE(job.x, 50.0);
    QCOMPARE(job.y, 75.0);
    QCOMPARE(job.xx, 2500.0);
    QCOMPARE(job.yy, 5625.0);
    QCOMPARE(job.xy, 3750.0);

    // A second respondent adds up: job.meaning.1 = 1 (0), engagement.advocacy.2 = 4 (75).
    sums.addRespondent(answersOf({{"engagement.advocacy.2", 4}, {"job.meaning.1", 1}}));
    QCOMPARE(sums.respondents, 2);
    QCOMPARE(item("job.meaning.1").count, 2);
    QCOMPARE(item("job.meaning.1").sum, 3);
    QCOMPARE(job.n, 2);
    QCOMPARE(job.x, 50.0 + 0.0);
    QCOMPARE(job.y, 75.0 + 75.0);
    QCOMPARE(job.xy, 3750.0 + 0.0);
    QCOMPARE(job.yy, 5625.0 + 5625.0);
}

// Without an engagement answer a respondent counts for the factors but
// cannot pair a factor with engagement.
void TestCellSums::addRespondentWithoutEngagement()
{
    CellSums sums;
    sums.addRespondent(answersOf({{"growth.learning.1", 3}, {"culture.respect.1", 5}}));
    QCOMPARE(sums.respondents, 1);
    QCOMPARE(sums.factorRespondents[std::size_t(factorSlot(api::Factor::Growth))], 1);
    QCOMPARE(sums.factorRespondents[std::size_t(factorSlot(api::Factor::Culture))], 1);
    QCOMPARE(sums.factorRespondents[std::size_t(factorSlot(api::Factor::Engagement))], 0);
    for (const PairSums &pair : sums.impact)
        QCOMPARE(pair.n, 0);
}

void TestCellSums::addRespondentWithoutAnswers_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("none") << 0;
    QTest::newRow("below the scale") << -1;
    QTest::newRow("above the scale") << 6;
    QTest::newRow("far above") << 127;
}

// Only answers on the scale count: anything else would break the sums'
// invariants (0 <= sum <= 4 * count) and make the stored cell unreadable.
void TestCellSums::addRespondentWithoutAnswers()
{
    QFETCH(int, answer);
    RespondentAnswers answers{};
    answers.fill(qint8(answer));
    CellSums sums;
    sums.addRespondent(answers);
    QVERIFY(sums == CellSums{});

    answers[std::size_t(itemIndex("job.meaning.1"))] = 2;
    sums.addRespondent(answers);
    QCOMPARE(sums.respondents, 1);
    qint64 answered = 0;
    for (const ItemSums &each : sums.items)
        answered += each.count;
    QCOMPARE(answered, 1);
    QCOMPARE(sums.items[std::size_t(itemIndex("job.meaning.1"))].sum, 1);
}

void TestCellSums::addAndSubtract()
{
    QRandomGenerator random(20240601);
    for (int round = 0; round < 50; ++round) {
        const QList<RespondentAnswers> a = randomAnswers(random.generate(), random.bounded(1, 30));
        const QList<RespondentAnswers> b = randomAnswers(random.generate(), random.bounded(1, 30));
        const CellSums first = sumsOf(a);
        const CellSums second = sumsOf(b);
        // The whole built respondent by respondent, as the service builds a cell.
        CellSums whole = sumsOf(a + b);
        whole.targets = first.targets + second.targets;
        whole.roundRespondents = first.roundRespondents + second.roundRespondents;

        CellSums sum = first;
        sum += second;
        QVERIFY(nearlyEqual(sum, whole));
        QCOMPARE(sum.respondents, first.respondents + second.respondents);

        CellSums difference = whole;
        difference -= second;
        QVERIFY(nearlyEqual(difference, first));
        difference -= first;
        QVERIFY(nearlyEqual(difference, CellSums{}));
        QVERIFY(!nearlyEqual(whole, first));
    }
}

void TestCellSums::equalityLooksAtEveryField_data()
{
    QTest::addColumn<Change>("change");
    QTest::newRow("targets") << Change([](CellSums &s) { ++s.targets; });
    QTest::newRow("round respondents") << Change([](CellSums &s) { ++s.roundRespondents; });
    QTest::newRow("respondents") << Change([](CellSums &s) { ++s.respondents; });
    QTest::newRow("item count") << Change([](CellSums &s) { ++s.items[31].count; });
    QTest::newRow("item sum") << Change([](CellSums &s) { ++s.items[0].sum; });
    QTest::newRow("factor respondents") << Change([](CellSums &s) { ++s.factorRespondents[9]; });
    QTest::newRow("impact n") << Change([](CellSums &s) { ++s.impact[1].n; });
    QTest::newRow("impact x") << Change([](CellSums &s) { s.impact[2].x += 0.5; });
    QTest::newRow("impact y") << Change([](CellSums &s) { s.impact[3].y += 0.5; });
    QTest::newRow("impact xx") << Change([](CellSums &s) { s.impact[4].xx += 0.5; });
    QTest::newRow("impact yy") << Change([](CellSums &s) { s.impact[5].yy += 0.5; });
    QTest::newRow("impact xy") << Change([](CellSums &s) { s.impact[9].xy += 0.5; });
}

void TestCellSums::equalityLooksAtEveryField()
{
    QFETCH(Change, change);
    const CellSums original = randomSums(7, 12);
    CellSums changed = original;
    QVERIFY(changed == original);
    change(changed);
    QVERIFY(changed != original);
    QVERIFY(!(changed == original));
}

void TestCellSums::serialiseRoundTrip_data()
{
    QTest::addColumn<CellSums>("sums");
    QTest::newRow("empty") << CellSums{};
    QTest::newRow("one respondent") << randomSums(1, 1);
    QTest::newRow("a department") << randomSums(2, 250);
    CellSums extreme = randomSums(3, 5);
    extreme.targets = std::numeric_limits<qint64>::max();
    extreme.impact[1].xy = 1e300;
    extreme.impact[2].x = -0.0;
    QTest::newRow("extremes") << extreme;
}

void TestCellSums::serialiseRoundTrip()
{
    QFETCH(CellSums, sums);
    const QByteArray bytes = serialise(sums);
    QCOMPARE(bytes.size(), kSize);
    QVERIFY(bytes.startsWith("ECS1"));
    const std::optional<CellSums> back = deserialiseCellSums(bytes);
    QVERIFY(back);
    QVERIFY(*back == sums);
    QCOMPARE(serialise(*back), bytes);
}

void TestCellSums::deserialiseRefusesTruncated()
{
    const QByteArray bytes = serialise(randomSums(4, 40));
    for (int length = 0; length < bytes.size(); ++length)
        QVERIFY2(!deserialiseCellSums(bytes.left(length)), qPrintable(QString::number(length)));
}

void TestCellSums::deserialiseRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray good = serialise(randomSums(5, 40));
    QVERIFY(deserialiseCellSums(good));

    QTest::newRow("one byte more") << good + QByteArray(1, '\0');
    QTest::newRow("twice") << good + good;
    QByteArray magic = good;
    magic[3] = '2';
    QTest::newRow("another version") << magic;
    QTest::newRow("no magic") << good.mid(4) + QByteArray(4, '\0');
    QRandomGenerator random(99);
    QByteArray garbage(kSize, '\0');
    for (char &byte : garbage)
        byte = char(random.bounded(256));
    QTest::newRow("garbage") << garbage;
    QTest::newRow("garbage after the magic") << QByteArray("ECS1") + garbage.mid(4);
    QTest::newRow("text") << QByteArray("{\"respondents\": 3}");

    // The right length and magic, values no CellSums can hold.
    const int jobMeaning = itemIndex("job.meaning.1");
    QTest::newRow("negative targets") << withInt64At(good, 4, -1);
    QTest::newRow("negative respondents") << withInt64At(good, 4 + 16, -3);
    QTest::newRow("negative item count") << withInt64At(good, itemCountOffset(jobMeaning), -1);
    QTest::newRow("item sum above four per answer")
        << withInt64At(good, itemCountOffset(jobMeaning) + 8, 4 * 40 + 1);
    QTest::newRow("item count above respondents")
        << withInt64At(good, itemCountOffset(jobMeaning), 41);
    QTest::newRow("negative item sum") << withInt64At(good, itemCountOffset(jobMeaning) + 8, -1);
    QTest::newRow("factor respondents above respondents")
        << withInt64At(good, factorOffset(api::Factor::Health), 41);
    QTest::newRow("impact pairs above factor respondents")
        << withInt64At(withInt64At(good, factorOffset(api::Factor::Health), 10),
                       factorOffset(api::Factor::Health) + 8, 11);
    QTest::newRow("impact not a number") << withDoubleAt(
        good, factorOffset(api::Factor::Culture) + 16, std::numeric_limits<double>::quiet_NaN());
    QTest::newRow("impact infinite") << withDoubleAt(good, factorOffset(api::Factor::Culture) + 48,
                                                     std::numeric_limits<double>::infinity());
}

void TestCellSums::deserialiseRefuses()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!deserialiseCellSums(bytes));
}

QTEST_APPLESS_MAIN(TestCellSums)
#include "tst_cellsums.moc"
