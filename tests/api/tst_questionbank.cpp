#include "api/questionbank.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace engage::api;

Q_DECLARE_METATYPE(engage::api::Factor)

class TestQuestionBank final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bankHasAllItemsInPlace();
    void itemsPerFactor();
    void namingFollowsTheTree();
    void textsInBothLanguages();
    void factorIds_data();
    void factorIds();
    void unknownFactorIds_data();
    void unknownFactorIds();
    void factorLists();
    void lookups();
    void fullRoundAsksTheWholeBank_data();
    void fullRoundAsksTheWholeBank();
    void refusedRotations_data();
    void refusedRotations();
    void rotationOverYears_data();
    void rotationOverYears();
    void cycleCoversTheBank();
};

namespace {

bool isOneLine(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; }) &&
           !text.contains(QChar::LineSeparator) && !text.contains(QChar::ParagraphSeparator) &&
           text.trimmed() == text;
}

bool hasJapanese(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.script() == QChar::Script_Hiragana || c.script() == QChar::Script_Katakana ||
               c.script() == QChar::Script_Han;
    });
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

constexpr int kYears = 6;

} // namespace

void TestQuestionBank::bankHasAllItemsInPlace()
{
    const QList<BankItem> &bank = questionBank();
    QCOMPARE(bank.size(), kBankSize);
    QSet<QString> ids;
    for (int i = 0; i < bank.size(); ++i) {
        QCOMPARE(bank.at(i).index, i);
        ids.insert(bank.at(i).id);
    }
    QCOMPARE(ids.size(), kBankSize);
}

void TestQuestionBank::itemsPerFactor()
{
    QHash<Factor, int> items;
    QHash<Factor, int> subItemsOf;
    for (const BankItem &item : questionBank())
        ++items[item.factor];
    for (const SubItem &sub : subItems())
        ++subItemsOf[sub.factor];
    QCOMPARE(items.value(Factor::Engagement), 4);
    int withFour = 0;
    for (Factor factor : keyFactors()) {
        const int count = items.value(factor);
        QVERIFY2(count == 3 || count == 4, qPrintable(factorId(factor)));
        withFour += count == 4 ? 1 : 0;
    }
    QCOMPARE(withFour, 1);
    for (Factor factor : allFactors()) {
        QVERIFY2(subItemsOf.value(factor) >= 1 && subItemsOf.value(factor) <= 3,
                 qPrintable(factorId(factor)));
    }
}

void TestQuestionBank::namingFollowsTheTree()
{
    // Sub-items grouped by factor in factor order, items grouped by sub-item
    // in sub-item order, each id its parent's id and one more part.
    int lastFactor = 0;
    for (const SubItem &sub : subItems()) {
        QVERIFY(factorIndex(sub.factor) >= lastFactor);
        lastFactor = factorIndex(sub.factor);
        QVERIFY2(sub.id.startsWith(factorId(sub.factor) + QLatin1Char('.')), qPrintable(sub.id));
        QCOMPARE(sub.id.count(QLatin1Char('.')), 1);
    }
    int lastSubItem = 0;
    int ordinal = 0;
    QString previous;
    QSet<QString> used;
    for (const BankItem &item : questionBank()) {
        const SubItem *sub = subItem(item.subItemId);
        QVERIFY2(sub, qPrintable(item.id));
        QCOMPARE(sub->factor, item.factor);
        const int position = int(sub - subItems().constData());
        QVERIFY(position >= lastSubItem);
        lastSubItem = position;
        ordinal = item.subItemId == previous ? ordinal + 1 : 1;
        previous = item.subItemId;
        QCOMPARE(item.id, item.subItemId + QLatin1Char('.') + QString::number(ordinal));
        used.insert(item.subItemId);
    }
    QCOMPARE(used.size(), subItems().size());
}

void TestQuestionBank::textsInBothLanguages()
{
    for (const BankItem &item : questionBank()) {
        for (const QString &text : {item.textJa, item.textEn}) {
            QVERIFY2(!text.isEmpty() && isOneLine(text), qPrintable(item.id));
        }
        QVERIFY2(hasJapanese(item.textJa) && item.textJa.endsWith(QChar(0x3002)),
                 qPrintable(item.id));
        // A statement to agree with, not a question.
        QVERIFY2(isAscii(item.textEn) && item.textEn.endsWith(QLatin1Char('.')),
                 qPrintable(item.id));
        QVERIFY2(item.textEn.at(0).isUpper(), qPrintable(item.id));
    }
    for (const SubItem &sub : subItems()) {
        QVERIFY2(hasJapanese(sub.nameJa) && isOneLine(sub.nameJa), qPrintable(sub.id));
        QVERIFY2(!sub.nameEn.isEmpty() && isAscii(sub.nameEn) && isOneLine(sub.nameEn),
                 qPrintable(sub.id));
    }
    for (const FactorInfo &info : factors()) {
        QVERIFY(hasJapanese(info.nameJa) && isOneLine(info.nameJa));
        QVERIFY(!info.nameEn.isEmpty() && isAscii(info.nameEn) && isOneLine(info.nameEn));
    }
}

void TestQuestionBank::factorIds_data()
{
    QTest::addColumn<Factor>("factor");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("index");

    auto row = [](Factor factor, const char *id, int index) {
        QTest::newRow(id) << factor << QString::fromLatin1(id) << index;
    };
    row(Factor::Engagement, "engagement", 0);
    row(Factor::Job, "job", 1);
    row(Factor::Growth, "growth", 2);
    row(Factor::Health, "health", 3);
    row(Factor::Support, "support", 4);
    row(Factor::Relationships, "relationships", 5);
    row(Factor::Recognition, "recognition", 6);
    row(Factor::Mission, "mission", 7);
    row(Factor::Culture, "culture", 8);
    row(Factor::Environment, "environment", 9);
}

void TestQuestionBank::factorIds()
{
    QFETCH(Factor, factor);
    QFETCH(QString, id);
    QFETCH(int, index);
    QCOMPARE(factorId(factor), id);
    QCOMPARE(factorFromId(id), std::optional<Factor>(factor));
    QCOMPARE(factorIndex(factor), index);
    QCOMPARE(allFactors().at(index), factor);
    QCOMPARE(factorInfo(factor).factor, factor);
    QCOMPARE(factors().at(index).factor, factor);
}

void TestQuestionBank::unknownFactorIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Job");
    QTest::newRow("plural") << QStringLiteral("jobs");
    QTest::newRow("padded") << QStringLiteral(" job");
    QTest::newRow("sub-item") << QStringLiteral("job.meaning");
    QTest::newRow("japanese") << QStringLiteral("職務");
}

void TestQuestionBank::unknownFactorIds()
{
    QFETCH(QString, id);
    QCOMPARE(factorFromId(id), std::nullopt);
}

void TestQuestionBank::factorLists()
{
    QCOMPARE(allFactors().size(), kFactorCount);
    QCOMPARE(factors().size(), kFactorCount);
    QCOMPARE(allFactors().constFirst(), Factor::Engagement);
    QList<Factor> keys = allFactors();
    keys.removeFirst();
    QCOMPARE(keyFactors(), keys);
}

void TestQuestionBank::lookups()
{
    for (const BankItem &item : questionBank())
        QCOMPARE(bankItem(item.id), &item);
    for (const SubItem &sub : subItems())
        QCOMPARE(subItem(sub.id), &sub);
    for (const char *unknown : {"", "job", "job.meaning", "job.meaning.9", "JOB.MEANING.1"}) {
        QCOMPARE(bankItem(QString::fromLatin1(unknown)), nullptr);
    }
    for (const char *unknown : {"", "job", "job.meaning.1", "job.Meaning"})
        QCOMPARE(subItem(QString::fromLatin1(unknown)), nullptr);
}

void TestQuestionBank::fullRoundAsksTheWholeBank_data()
{
    QTest::addColumn<int>("cadence");
    for (int cadence : pulseCadences())
        QTest::addRow("%d-weekly", cadence) << cadence;
}

void TestQuestionBank::fullRoundAsksTheWholeBank()
{
    QFETCH(int, cadence);
    QStringList all;
    for (const BankItem &item : questionBank())
        all.append(item.id);
    QCOMPARE(pulseItems(cadence, 0), all);
}

void TestQuestionBank::refusedRotations_data()
{
    QTest::addColumn<int>("cadence");
    QTest::addColumn<int>("round");
    QTest::newRow("no cadence") << 0 << 1;
    QTest::newRow("three weeks") << 3 << 1;
    QTest::newRow("twelve weeks") << 12 << 0;
    QTest::newRow("negative cadence") << -4 << 1;
    QTest::newRow("negative round") << 4 << -1;
}

void TestQuestionBank::refusedRotations()
{
    QFETCH(int, cadence);
    QFETCH(int, round);
    QVERIFY(pulseItems(cadence, round).isEmpty());
}

void TestQuestionBank::rotationOverYears_data()
{
    fullRoundAsksTheWholeBank_data();
}

// Every round of several years on the real calendar (round k on the day
// k * cadence weeks after the full round): the gaps between two askings of an
// item, the number of askings in every four weeks, the contents of each round.
void TestQuestionBank::rotationOverYears()
{
    QFETCH(int, cadence);
    const QDate start(2024, 1, 1);
    const QDate end = start.addYears(kYears);
    QHash<QString, QDate> lastAsked;
    QList<QPair<QDate, int>> roundSizes;
    int maxGapDays = 0;
    int maxEngagementGapDays = 0;
    int rounds = 0;
    for (int k = 0;; ++k) {
        const QDate date = start.addDays(qint64(7) * cadence * k);
        if (date > end)
            break;
        ++rounds;
        const QStringList ids = pulseItems(cadence, k);
        QCOMPARE(ids.size(), k == 0 ? kBankSize : kPulseItemsPerFourWeeks * cadence / 4);
        roundSizes.append({date, int(ids.size())});
        int lastIndex = -1;
        QSet<Factor> keysOfRound;
        int engagementItems = 0;
        for (const QString &id : ids) {
            const BankItem *item = bankItem(id);
            QVERIFY2(item, qPrintable(id));
            // Bank order, which also proves there are no duplicates.
            QVERIFY2(item->index > lastIndex, qPrintable(id));
            lastIndex = item->index;
            if (item->factor == Factor::Engagement)
                ++engagementItems;
            else
                keysOfRound.insert(item->factor);
            if (lastAsked.contains(id)) {
                const int gap = int(lastAsked.value(id).daysTo(date));
                maxGapDays = std::max(maxGapDays, gap);
                if (item->factor == Factor::Engagement)
                    maxEngagementGapDays = std::max(maxEngagementGapDays, gap);
            }
            lastAsked.insert(id, date);
        }
        if (k > 0) {
            // One engagement item a week; the others of different factors, and a
            // four-weekly round touches every key factor.
            QCOMPARE(engagementItems, cadence);
            QCOMPARE(keysOfRound.size(), std::min(3 * cadence, int(keyFactors().size())));
        }
    }
    QVERIFY(rounds >= kYears * 52 / cadence);
    QCOMPARE(lastAsked.size(), kBankSize);
    const QDate lastRound = roundSizes.constLast().first;
    for (auto it = lastAsked.cbegin(); it != lastAsked.cend(); ++it)
        maxGapDays = std::max(maxGapDays, int(it.value().daysTo(lastRound)));
    QCOMPARE(maxEngagementGapDays, 28);
    QCOMPARE(maxGapDays, 84);
    QVERIFY(maxGapDays < kAnswerValidityDaysDefault);

    // Every four weeks after the full round, wherever the window starts.
    for (int first = 1; first < roundSizes.size(); ++first) {
        const QDate from = roundSizes.at(first).first;
        if (from.addDays(28) > lastRound)
            break;
        int asked = 0;
        for (int r = first; r < roundSizes.size() && roundSizes.at(r).first < from.addDays(28);
             ++r) {
            asked += roundSizes.at(r).second;
        }
        QCOMPARE(asked, kPulseItemsPerFourWeeks);
    }

    // The same place of the 12-week cycle every time.
    const int roundsPerCycle = 12 / cadence;
    for (int k = 1; k <= 3 * roundsPerCycle; ++k)
        QCOMPARE(pulseItems(cadence, k + roundsPerCycle), pulseItems(cadence, k));
}

// One 12-week cycle of weekly rounds: each four-week block asks engagement's
// four items and 12 different others; the three blocks ask all 28 others,
// eight of them twice.
void TestQuestionBank::cycleCoversTheBank()
{
    QHash<QString, int> askedInCycle;
    for (int block = 0; block < 3; ++block) {
        QSet<QString> inBlock;
        int askings = 0;
        for (int week = 0; week < 4; ++week) {
            const QStringList ids = pulseItems(1, 1 + 4 * block + week);
            askings += int(ids.size());
            for (const QString &id : ids) {
                inBlock.insert(id);
                ++askedInCycle[id];
            }
        }
        QCOMPARE(askings, kPulseItemsPerFourWeeks);
        QCOMPARE(inBlock.size(), kPulseItemsPerFourWeeks);
    }
    QCOMPARE(askedInCycle.size(), kBankSize);
    int twice = 0;
    for (const BankItem &item : questionBank()) {
        const int times = askedInCycle.value(item.id);
        if (item.factor == Factor::Engagement) {
            QCOMPARE(times, 3);
        } else {
            QVERIFY2(times == 1 || times == 2, qPrintable(item.id));
            twice += times == 2 ? 1 : 0;
        }
    }
    QCOMPARE(twice, 8);
    // The rotation is the same at every cadence: two-weekly and four-weekly
    // rounds ask the weekly rounds' items together.
    for (int k = 1; k <= 12; ++k) {
        QStringList weekly;
        for (int week = 0; week < 4; ++week)
            weekly += pulseItems(1, 4 * (k - 1) + week + 1);
        QStringList twoWeekly = pulseItems(2, 2 * k - 1) + pulseItems(2, 2 * k);
        std::sort(weekly.begin(), weekly.end());
        std::sort(twoWeekly.begin(), twoWeekly.end());
        QStringList fourWeekly = pulseItems(4, k);
        std::sort(fourWeekly.begin(), fourWeekly.end());
        QCOMPARE(twoWeekly, weekly);
        QCOMPARE(fourWeekly, weekly);
    }
}

QTEST_APPLESS_MAIN(TestQuestionBank)
#include "tst_questionbank.moc"
