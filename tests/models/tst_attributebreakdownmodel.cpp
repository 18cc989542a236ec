// AttributeBreakdownModel with a breakdown set directly: values in the
// service's order ("" as "(none)"), the response rate, and engagement and the
// nine factors with the ScoreRoles (withheld as "—", the reason in the tool
// tip). QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/attributebreakdownmodel.h"
#include "models/dashboard/scoreroles.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

class TestAttributeBreakdownModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rows();

private:
    LocaleGuard m_locale;
    std::unique_ptr<AttributeBreakdownModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAttributeBreakdownModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English));
    m_model = std::make_unique<AttributeBreakdownModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAttributeBreakdownModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestAttributeBreakdownModel::rows()
{
    api::AttributeBreakdown breakdown;
    breakdown.slice = slice(3);
    QList<api::Score> hidden = ascending(70, api::kFactorCount);
    hidden[0] = withheld(api::Withheld::TooFewRespondents, 2);
    breakdown.rows = {
        api::AttributeRow{QStringLiteral("Tokyo"), rate(40, 30, 75), ascending(60, 10)},
        api::AttributeRow{QString(), rate(3, 2, 66.7), hidden},
        api::AttributeRow{QStringLiteral("Osaka"), rate(20, 10, 50), ascending(50, 10)},
    };
    m_model->setBreakdown(breakdown);

    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), 2 + api::kFactorCount);
    QCOMPARE(m_model->index(0, AttributeBreakdownModel::ValueColumn).data().toString(),
             QStringLiteral("Tokyo"));
    QCOMPARE(m_model->index(1, AttributeBreakdownModel::ValueColumn).data().toString(),
             QStringLiteral("(none)"));
    QCOMPARE(m_model->index(2, AttributeBreakdownModel::ValueColumn).data().toString(),
             QStringLiteral("Osaka"));
    QCOMPARE(m_model->index(2, AttributeBreakdownModel::ResponseRateColumn).data().toString(),
             QStringLiteral("50.0%"));

    const QModelIndex job = m_model->index(0, AttributeBreakdownModel::FirstFactorColumn + 1);
    QCOMPARE(job.data().toString(), QStringLiteral("61.0"));
    QCOMPARE(job.data(ScoreIdRole).toString(), QStringLiteral("job"));
    const QModelIndex withheldCell = m_model->index(1, AttributeBreakdownModel::FirstFactorColumn);
    QCOMPARE(withheldCell.data().toString(), QString(QChar(0x2014)));
    QCOMPARE(withheldCell.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Withheld to keep answers anonymous: fewer than 3 respondents (2)."));
    QCOMPARE(m_model->headerData(AttributeBreakdownModel::ValueColumn, Qt::Horizontal).toString(),
             QStringLiteral("Value"));
    QCOMPARE(m_model->headerData(AttributeBreakdownModel::FirstFactorColumn + 2, Qt::Horizontal)
                 .toString(),
             factorName(api::Factor::Growth));

    m_model->setBreakdown({});
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAttributeBreakdownModel)
#include "tst_attributebreakdownmodel.moc"
