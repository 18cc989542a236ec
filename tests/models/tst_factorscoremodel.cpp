// FactorScoreModel with a breakdown set directly: engagement and the nine
// factors at the top, their sub-items and items below exactly as the bank
// holds them, names and item texts from the bank in the UI language, scores
// with the ScoreRoles, changes signed, benchmarks on factors only.
// QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/factorscoremodel.h"
#include "models/dashboard/scoreroles.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

Q_DECLARE_METATYPE(std::optional<double>)

namespace {

api::FactorBreakdown sample()
{
    api::FactorBreakdown breakdown;
    breakdown.slice = slice(4);
    for (api::Factor factor : api::allFactors()) {
        api::FactorScore factorScore;
        factorScore.factor = factor;
        factorScore.score = shown(60 + api::factorIndex(factor), 30, 2.2);
        if (factor == api::Factor::Health)
            factorScore.benchmark = 71.5;
        for (const api::SubItem &sub : api::subItems()) {
            if (sub.factor != factor)
                continue;
            api::SubItemScore subScore{sub.id, shown(55, 30, -1.3), {}};
            for (const api::BankItem &item : api::questionBank()) {
                if (item.subItemId == sub.id)
                    subScore.items.append(
                        api::ItemScore{item.id, withheld(api::Withheld::NoAnswers, 0)});
            }
            factorScore.subItems.append(subScore);
        }
        breakdown.factors.append(factorScore);
    }
    return breakdown;
}

} // namespace

class TestFactorScoreModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void treeFollowsTheBank();
    void factorRow();
    void subItemsAndItems();
    void namesFollowTheLanguage();
    void formatting_data();
    void formatting();

private:
    LocaleGuard m_locale;
    std::unique_ptr<FactorScoreModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFactorScoreModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English));
    m_model = std::make_unique<FactorScoreModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setBreakdown(sample());
}

void TestFactorScoreModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestFactorScoreModel::treeFollowsTheBank()
{
    QCOMPARE(m_model->rowCount(), api::kFactorCount);
    QCOMPARE(m_model->columnCount(), int(FactorScoreModel::ColumnCount));
    int subItems = 0;
    int items = 0;
    for (int f = 0; f < m_model->rowCount(); ++f) {
        const QModelIndex factor = m_model->index(f, 0);
        QCOMPARE(factor.data(ScoreIdRole).toString(), api::factorId(api::allFactors().at(f)));
        QVERIFY(!factor.parent().isValid());
        QCOMPARE(m_model->rowCount(m_model->index(f, FactorScoreModel::ScoreColumn)), 0);
        for (int s = 0; s < m_model->rowCount(factor); ++s) {
            const QModelIndex sub = m_model->index(s, 0, factor);
            QCOMPARE(sub.parent(), factor);
            const api::SubItem *subItem = api::subItem(sub.data(ScoreIdRole).toString());
            QVERIFY(subItem);
            QCOMPARE(subItem->factor, api::allFactors().at(f));
            ++subItems;
            for (int i = 0; i < m_model->rowCount(sub); ++i) {
                const QModelIndex item = m_model->index(i, FactorScoreModel::ScoreColumn, sub);
                QCOMPARE(item.parent(), sub);
                QCOMPARE(item.parent().parent(), factor);
                QCOMPARE(api::bankItem(item.data(ScoreIdRole).toString())->subItemId, subItem->id);
                QCOMPARE(m_model->rowCount(m_model->index(i, 0, sub)), 0);
                ++items;
            }
        }
    }
    QCOMPARE(subItems, int(api::subItems().size()));
    QCOMPARE(items, api::kBankSize);
}

void TestFactorScoreModel::factorRow()
{
    const int health = api::factorIndex(api::Factor::Health);
    auto cell = [&](int column) {
        return m_model->index(health, column);
    };
    QCOMPARE(cell(FactorScoreModel::NameColumn).data().toString(),
             api::factorInfo(api::Factor::Health).nameEn);
    QCOMPARE(cell(FactorScoreModel::ScoreColumn).data().toString(), QStringLiteral("63.0"));
    QCOMPARE(cell(FactorScoreModel::ScoreColumn).data(ScoreValueRole).toDouble(), 63.0);
    QCOMPARE(cell(FactorScoreModel::ChangeColumn).data().toString(), QStringLiteral("+2.2"));
    QCOMPARE(cell(FactorScoreModel::ChangeColumn).data(ChangeRole).toDouble(), 2.2);
    QCOMPARE(cell(FactorScoreModel::BenchmarkColumn).data().toString(), QStringLiteral("71.5"));
    QCOMPARE(cell(FactorScoreModel::RespondentsColumn).data().toString(), QStringLiteral("30"));
    // Only Health has a benchmark.
    QVERIFY(!m_model->index(0, FactorScoreModel::BenchmarkColumn).data().isValid());
    QCOMPARE(m_model->headerData(FactorScoreModel::BenchmarkColumn, Qt::Horizontal).toString(),
             QStringLiteral("Benchmark"));
}

void TestFactorScoreModel::subItemsAndItems()
{
    const QModelIndex job = m_model->index(api::factorIndex(api::Factor::Job), 0);
    const QModelIndex sub = m_model->index(0, FactorScoreModel::ChangeColumn, job);
    QCOMPARE(sub.data().toString(), QString(QChar(0x2212)) + QStringLiteral("1.3"));
    QVERIFY(!m_model->index(0, FactorScoreModel::BenchmarkColumn, job).data().isValid());
    const QString subId = sub.data(ScoreIdRole).toString();
    QCOMPARE(m_model->index(0, FactorScoreModel::NameColumn, job).data().toString(),
             api::subItem(subId)->nameEn);

    const QModelIndex subName = m_model->index(0, 0, job);
    const QModelIndex item = m_model->index(0, FactorScoreModel::ScoreColumn, subName);
    QCOMPARE(item.data().toString(), QString(QChar(0x2014)));
    QCOMPARE(item.data(WithheldRole).toInt(), int(api::Withheld::NoAnswers));
    QVERIFY(item.data(Qt::ToolTipRole).toString().contains(QLatin1String("nobody answered")));
    QCOMPARE(m_model->index(0, FactorScoreModel::NameColumn, subName).data().toString(),
             api::bankItem(item.data(ScoreIdRole).toString())->textEn);
    QCOMPARE(m_model->index(0, FactorScoreModel::ChangeColumn, subName).data().toString(),
             QString());
}

void TestFactorScoreModel::namesFollowTheLanguage()
{
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(m_model->index(0, 0).data().toString(),
             api::factorInfo(api::Factor::Engagement).nameJa);
    const QModelIndex sub = m_model->index(0, 0, m_model->index(0, 0));
    QCOMPARE(sub.data().toString(), api::subItem(sub.data(ScoreIdRole).toString())->nameJa);
    const QModelIndex item = m_model->index(0, 0, sub);
    QCOMPARE(item.data().toString(), api::bankItem(item.data(ScoreIdRole).toString())->textJa);
}

void TestFactorScoreModel::formatting_data()
{
    QTest::addColumn<std::optional<double>>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << std::optional<double>() << QString();
    QTest::newRow("up") << std::optional<double>(1.2) << QStringLiteral("+1.2");
    QTest::newRow("down") << std::optional<double>(-0.4)
                          << QString(QChar(0x2212)) + QStringLiteral("0.4");
    QTest::newRow("zero") << std::optional<double>(0.0)
                          << QString(QChar(0x00B1)) + QStringLiteral("0.0");
    QTest::newRow("difference of rounded")
        << std::optional<double>(72.3 - 70.1) << QStringLiteral("+2.2");
    QTest::newRow("large") << std::optional<double>(-100.0)
                           << QString(QChar(0x2212)) + QStringLiteral("100.0");
}

void TestFactorScoreModel::formatting()
{
    QFETCH(std::optional<double>, change);
    QFETCH(QString, expected);
    QCOMPARE(formatChange(change), expected);
    QCOMPARE(formatScore(shown(72.5)), QStringLiteral("72.5"));
    QCOMPARE(formatScore(shown(0)), QStringLiteral("0.0"));
    QCOMPARE(formatScore(withheld(api::Withheld::Complementary)), QString(QChar(0x2014)));
}

QTEST_GUILESS_MAIN(TestFactorScoreModel)
#include "tst_factorscoremodel.moc"
