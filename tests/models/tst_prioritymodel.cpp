// PriorityModel with a chart set directly: one row per key factor, impact
// with two decimals or "—" with the reason, and the quadrant of each factor
// split at the slice's engagement score and the median impact (Unknown when
// the score, the impact or the engagement score is withheld).
// QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/prioritymodel.h"
#include "models/dashboard/scoreroles.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using Quadrant = PriorityModel::Quadrant;

namespace {

// Scores and impacts per key factor; nothing for withheld.
api::PriorityChart chart(const QList<std::optional<double>> &scores,
                         const QList<std::optional<double>> &impacts)
{
    api::PriorityChart result;
    result.slice = slice(5);
    const QList<api::Factor> factors = api::keyFactors();
    for (qsizetype i = 0; i < factors.size(); ++i) {
        const std::optional<double> score = scores.value(i);
        result.points.append(api::PriorityPoint{
            factors.at(i), score ? shown(*score, 30) : withheld(api::Withheld::Complementary, 8),
            score ? impacts.value(i) : std::nullopt});
    }
    return result;
}

} // namespace

class TestPriorityModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void quadrants();
    void withoutEngagementNothingIsPlaced();
    void cells();

private:
    QList<Quadrant> quadrantsShown() const;

    LocaleGuard m_locale;
    std::unique_ptr<PriorityModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPriorityModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English));
    m_model = std::make_unique<PriorityModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPriorityModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QList<Quadrant> TestPriorityModel::quadrantsShown() const
{
    QList<Quadrant> list;
    for (int row = 0; row < m_model->rowCount(); ++row)
        list.append(Quadrant(m_model->index(row, 0).data(PriorityModel::QuadrantRole).toInt()));
    return list;
}

void TestPriorityModel::quadrants()
{
    // Engagement 60. Impacts of the placed factors: 0.1 0.2 0.3 0.4 0.5 0.6
    // 0.7 (the median 0.4; the eighth has no impact, the ninth is withheld).
    m_model->setChart(chart({50, 70, 55, 60, 65, 40, 80, 50, std::nullopt},
                            {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, std::nullopt, 0.9}),
                      60.0);
    QCOMPARE(m_model->rowCount(), 9);
    QCOMPARE(quadrantsShown(),
             (QList<Quadrant>{Quadrant::Watch, Quadrant::LowPriority, Quadrant::Watch,
                              Quadrant::Keep, Quadrant::Keep, Quadrant::ActFirst, Quadrant::Keep,
                              Quadrant::Unknown, Quadrant::Unknown}));
    QCOMPARE(m_model->index(5, PriorityModel::NameColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Act first"));
    QCOMPARE(PriorityModel::quadrantName(Quadrant::Unknown), QStringLiteral("Not placed"));
}

void TestPriorityModel::withoutEngagementNothingIsPlaced()
{
    m_model->setChart(
        chart({50, 70, 55, 60, 65, 40, 80, 50, 45}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}),
        std::nullopt);
    QCOMPARE(quadrantsShown(), QList<Quadrant>(9, Quadrant::Unknown));
}

void TestPriorityModel::cells()
{
    m_model->setChart(chart({50, 70, 55, 60, 65, 40, 80, 50, std::nullopt},
                            {-0.25, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, std::nullopt, 0.9}),
                      60.0);
    const QModelIndex job = m_model->index(0, PriorityModel::ImpactColumn);
    QCOMPARE(job.data().toString(), QStringLiteral("-0.25"));
    QCOMPARE(job.data(PriorityModel::ImpactRole).toDouble(), -0.25);
    QCOMPARE(job.data(PriorityModel::FactorRole).toInt(), int(api::Factor::Job));
    QCOMPARE(job.data(ScoreIdRole).toString(), QStringLiteral("job"));
    QCOMPARE(m_model->index(0, PriorityModel::NameColumn).data().toString(),
             factorName(api::Factor::Job));
    QCOMPARE(m_model->index(0, PriorityModel::ScoreColumn).data().toString(),
             QStringLiteral("50.0"));

    const QModelIndex noImpact = m_model->index(7, PriorityModel::ImpactColumn);
    QCOMPARE(noImpact.data().toString(), QString(QChar(0x2014)));
    QVERIFY(!noImpact.data(PriorityModel::ImpactRole).isValid());
    QVERIFY(noImpact.data(Qt::ToolTipRole).toString().contains(QLatin1String("three")));

    const QModelIndex hidden = m_model->index(8, PriorityModel::ImpactColumn);
    QCOMPARE(hidden.data().toString(), QString(QChar(0x2014)));
    QCOMPARE(hidden.data(Qt::ToolTipRole).toString(),
             scoreExplanation(withheld(api::Withheld::Complementary, 8), 5));
    QCOMPARE(m_model->index(8, PriorityModel::ScoreColumn).data().toString(),
             QString(QChar(0x2014)));
}

QTEST_GUILESS_MAIN(TestPriorityModel)
#include "tst_prioritymodel.moc"
