// TrendModel with a trend set directly: one row per round, oldest first; the
// close date in the UI language (the QDateTime in Qt::UserRole); engagement
// and the nine factors with the ScoreRoles; the response rate.
// QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/scoreroles.h"
#include "models/dashboard/trendmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kFirst = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43001");
const QString kSecond = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43002");

QDateTime noonUtc(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), Qt::UTC);
}

api::Trend sample()
{
    api::Trend trend;
    trend.slice = slice(7);
    trend.points.append(api::TrendPoint{kFirst, noonUtc(2024, 3, 5), shown(61.2, 40, 0.5),
                                        ascending(40, api::kFactorCount - 1), rate(50, 40, 80)});
    QList<api::Score> factors = ascending(45, api::kFactorCount - 1);
    factors[8] = withheld(api::Withheld::Complementary, 6);
    trend.points.append(api::TrendPoint{kSecond, noonUtc(2024, 4, 2),
                                        withheld(api::Withheld::TooFewRespondents, 6), factors,
                                        api::ResponseRate{0, 0, std::nullopt}});
    return trend;
}

} // namespace

class TestTrendModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void layout();
    void datesInTheUiLanguage();
    void scores();
    void replaced();

private:
    LocaleGuard m_locale;
    std::unique_ptr<TrendModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTrendModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_model = std::make_unique<TrendModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setTrend(sample());
}

void TestTrendModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestTrendModel::layout()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), 2 + api::kFactorCount);
    QCOMPARE(TrendModel::columnOf(api::Factor::Engagement), int(TrendModel::EngagementColumn));
    QCOMPARE(TrendModel::columnOf(api::Factor::Job), int(TrendModel::FirstKeyFactorColumn));
    QCOMPARE(TrendModel::columnOf(api::Factor::Environment),
             int(TrendModel::ResponseRateColumn) - 1);
    for (api::Factor factor : api::allFactors())
        QCOMPARE(m_model->headerData(TrendModel::columnOf(factor), Qt::Horizontal).toString(),
                 factorName(factor));
    QCOMPARE(m_model->headerData(TrendModel::ResponseRateColumn, Qt::Horizontal).toString(),
             QStringLiteral("Response rate"));
}

void TestTrendModel::datesInTheUiLanguage()
{
    const QModelIndex date = m_model->index(0, TrendModel::DateColumn);
    QCOMPARE(date.data(Qt::UserRole).toDateTime(), noonUtc(2024, 3, 5));
    const QDate local = noonUtc(2024, 3, 5).toLocalTime().date();
    QCOMPARE(date.data().toString(), QLocale().toString(local, QLocale::ShortFormat));
    QVERIFY(date.data().toString().contains(QLatin1String("3/")));

    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(date.data().toString(), QLocale().toString(local, QLocale::ShortFormat));
    QVERIFY(date.data().toString().startsWith(QLatin1String("2024/")));
    QCOMPARE(m_model->headerData(TrendModel::EngagementColumn, Qt::Horizontal).toString(),
             api::factorInfo(api::Factor::Engagement).nameJa);
}

void TestTrendModel::scores()
{
    const QModelIndex first = m_model->index(0, TrendModel::EngagementColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("61.2"));
    QCOMPARE(first.data(ChangeRole).toDouble(), 0.5);
    QCOMPARE(first.data(ScoreIdRole).toString(), QStringLiteral("engagement"));
    const QModelIndex job = m_model->index(0, TrendModel::columnOf(api::Factor::Job));
    QCOMPARE(job.data(ScoreValueRole).toDouble(), 40.0);
    QCOMPARE(job.data(ScoreIdRole).toString(), QStringLiteral("job"));

    const QModelIndex hidden = m_model->index(1, TrendModel::EngagementColumn);
    QCOMPARE(hidden.data().toString(), QString(QChar(0x2014)));
    QCOMPARE(hidden.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Withheld to keep answers anonymous: fewer than 7 respondents (6)."));
    const QModelIndex environment =
        m_model->index(1, TrendModel::columnOf(api::Factor::Environment));
    QCOMPARE(environment.data(WithheldRole).toInt(), int(api::Withheld::Complementary));

    QCOMPARE(m_model->index(0, TrendModel::ResponseRateColumn).data().toString(),
             QStringLiteral("80.0%"));
    QCOMPARE(m_model->index(1, TrendModel::ResponseRateColumn).data().toString(),
             QString(QChar(0x2014)));
    QCOMPARE(m_model->index(1, TrendModel::ResponseRateColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Nobody was invited to this round."));
}

void TestTrendModel::replaced()
{
    api::Trend one = sample();
    one.points.removeLast();
    m_model->setTrend(one);
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setTrend({});
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestTrendModel)
#include "tst_trendmodel.moc"
