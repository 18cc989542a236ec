// HeatmapModel with answers set directly: the layout (group, response rate,
// engagement and the nine factors), withheld cells shown as "—" with the
// reason in the tool tip, names from the bank in the UI language, and sort():
// by any column, withheld cells last in both orders, ties in tree order, the
// group column restoring the tree, persistent indexes following their rows.
// QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/scoreroles.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kRoot = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43000");
const QString kSales = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43001");
const QString kEast = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43002");
const QString kWest = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43003");
const QString kPlant = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43004");

api::HeatmapRow row(const QString &id, const QString &parent, const QString &name, int depth,
                    QList<api::Score> cells, api::ResponseRate responseRate)
{
    return api::HeatmapRow{id, parent, name, depth, responseRate, std::move(cells)};
}

// Tree order: root, Sales, East, West, Plant. Engagement: 70, 65, withheld,
// 65, 80 (a tie between Sales and West, and a hidden East).
api::Heatmap sample()
{
    api::Heatmap heatmap;
    heatmap.slice = slice(5);
    auto cells = [](std::optional<double> engagement) {
        QList<api::Score> list = ascending(50, api::kFactorCount);
        list[0] = engagement ? shown(*engagement, 20, 1.5)
                             : withheld(api::Withheld::TooFewRespondents, 3);
        return list;
    };
    heatmap.rows = {
        row(kRoot, QString(), QStringLiteral("Company"), 0, cells(70), rate(100, 80, 80)),
        row(kSales, kRoot, QStringLiteral("Sales"), 1, cells(65), rate(40, 30, 75)),
        row(kEast, kSales, QStringLiteral("East"), 2, cells(std::nullopt), rate(4, 3, 75)),
        row(kWest, kSales, QStringLiteral("West"), 2, cells(65), rate(36, 27, 75)),
        row(kPlant, kRoot, QStringLiteral("Plant"), 1, cells(80), rate(60, 50, 83.3)),
    };
    heatmap.rows[4].cells[3] = withheld(api::Withheld::Complementary, 9);
    return heatmap;
}

// "Sales West" -> {"Sales", "West"}
QStringList rowsNamed(const char *names)
{
    return QString::fromLatin1(names).split(u' ');
}

} // namespace

class TestHeatmapModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void layout();
    void wholeCompany();
    void withheldCells();
    void headersFollowTheLanguage();
    void sortByScore_data();
    void sortByScore();
    void sortByRateAndBack();
    void newAnswerKeepsTheSort();
    void persistentIndexesFollow();

private:
    QStringList names() const;

    LocaleGuard m_locale;
    std::unique_ptr<HeatmapModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestHeatmapModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English));
    m_model = std::make_unique<HeatmapModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setHeatmap(sample());
}

void TestHeatmapModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

QStringList TestHeatmapModel::names() const
{
    QStringList list;
    for (int r = 0; r < m_model->rowCount(); ++r)
        list.append(m_model->index(r, HeatmapModel::GroupColumn).data().toString());
    return list;
}

void TestHeatmapModel::layout()
{
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->columnCount(), 2 + api::kFactorCount);
    QCOMPARE(names(), rowsNamed("Company Sales East West Plant"));
    const QModelIndex west = m_model->index(3, HeatmapModel::GroupColumn);
    QCOMPARE(west.data(HeatmapModel::DepthRole).toInt(), 2);
    QCOMPARE(west.data(HeatmapModel::GroupIdRole).toString(), kWest);

    const QModelIndex engagement = m_model->index(0, HeatmapModel::FirstFactorColumn);
    QCOMPARE(engagement.data().toString(), QStringLiteral("70.0"));
    QCOMPARE(engagement.data(ScoreValueRole).toDouble(), 70.0);
    QCOMPARE(engagement.data(RespondentsRole).toLongLong(), 20);
    QCOMPARE(engagement.data(ChangeRole).toDouble(), 1.5);
    QCOMPARE(engagement.data(WithheldRole).toInt(), int(api::Withheld::No));
    QCOMPARE(engagement.data(ScoreIdRole).toString(), kRoot);
    // Plural forms come from the catalogue; without one the source text shows.
    QVERIFY(engagement.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("Rests on 20 respondent")));
    QCOMPARE(m_model->index(0, HeatmapModel::FirstFactorColumn + 9).data().toString(),
             QStringLiteral("59.0"));

    const QModelIndex rateCell = m_model->index(4, HeatmapModel::ResponseRateColumn);
    QCOMPARE(rateCell.data().toString(), QStringLiteral("83.3%"));
    QVERIFY(rateCell.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("50 of 60 invited member")));

    QCOMPARE(HeatmapModel::factorOf(HeatmapModel::GroupColumn), std::nullopt);
    QCOMPARE(HeatmapModel::factorOf(HeatmapModel::FirstFactorColumn),
             std::optional<api::Factor>(api::Factor::Engagement));
    QCOMPARE(HeatmapModel::factorOf(HeatmapModel::FirstFactorColumn + 9),
             std::optional<api::Factor>(api::Factor::Environment));
    QCOMPARE(HeatmapModel::factorOf(HeatmapModel::FirstFactorColumn + 10), std::nullopt);
}

void TestHeatmapModel::wholeCompany()
{
    api::Heatmap tenant = sample();
    tenant.rows[0].groupId.clear();
    tenant.rows[0].name.clear();
    tenant.rows[1].parentId.clear();
    tenant.rows[4].parentId.clear();
    m_model->setHeatmap(tenant);
    QCOMPARE(m_model->index(0, HeatmapModel::GroupColumn).data().toString(),
             QStringLiteral("Whole company"));
    QCOMPARE(m_model->index(0, HeatmapModel::GroupColumn).data(HeatmapModel::GroupIdRole),
             QVariant(QString()));
}

void TestHeatmapModel::withheldCells()
{
    const QModelIndex east = m_model->index(2, HeatmapModel::FirstFactorColumn);
    QCOMPARE(east.data().toString(), QString(QChar(0x2014)));
    QVERIFY(!east.data(ScoreValueRole).isValid());
    QCOMPARE(east.data(WithheldRole).toInt(), int(api::Withheld::TooFewRespondents));
    QCOMPARE(east.data(RespondentsRole).toLongLong(), 3);
    QCOMPARE(east.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Withheld to keep answers anonymous: fewer than 5 respondents (3)."));

    const QModelIndex hidden = m_model->index(4, HeatmapModel::FirstFactorColumn + 3);
    QCOMPARE(hidden.data().toString(), QString(QChar(0x2014)));
    QVERIFY(hidden.data(Qt::ToolTipRole).toString().contains(QLatin1String("would reveal")));
}

void TestHeatmapModel::headersFollowTheLanguage()
{
    QCOMPARE(m_model->headerData(HeatmapModel::GroupColumn, Qt::Horizontal).toString(),
             QStringLiteral("Group"));
    QCOMPARE(m_model->headerData(HeatmapModel::FirstFactorColumn + 1, Qt::Horizontal).toString(),
             api::factorInfo(api::Factor::Job).nameEn);

    QSignalSpy headers(m_model.get(), &QAbstractItemModel::headerDataChanged);
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(headers.size(), 1);
    QCOMPARE(m_model->headerData(HeatmapModel::FirstFactorColumn + 1, Qt::Horizontal).toString(),
             api::factorInfo(api::Factor::Job).nameJa);
    QVERIFY(api::factorInfo(api::Factor::Job).nameJa != api::factorInfo(api::Factor::Job).nameEn);
}

void TestHeatmapModel::sortByScore_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");
    // The tie (Sales, West at 65) stays in tree order; East, withheld, last.
    QTest::newRow("ascending") << Qt::AscendingOrder << rowsNamed("Sales West Company Plant East");
    QTest::newRow("descending") << Qt::DescendingOrder
                                << rowsNamed("Plant Company Sales West East");
}

void TestHeatmapModel::sortByScore()
{
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);
    m_model->sort(HeatmapModel::FirstFactorColumn, order);
    QCOMPARE(names(), expected);
    // Depth and ids travel with their row.
    const int east = int(expected.indexOf(QStringLiteral("East")));
    QCOMPARE(m_model->index(east, 0).data(HeatmapModel::GroupIdRole).toString(), kEast);
    QCOMPARE(m_model->index(east, 0).data(HeatmapModel::DepthRole).toInt(), 2);

    m_model->sort(HeatmapModel::GroupColumn, Qt::DescendingOrder);
    QCOMPARE(names(), rowsNamed("Company Sales East West Plant"));
}

void TestHeatmapModel::sortByRateAndBack()
{
    m_model->sort(HeatmapModel::ResponseRateColumn, Qt::DescendingOrder);
    QCOMPARE(names(), rowsNamed("Plant Company Sales East West"));
    // A factor column with a withheld cell in Plant (column 3: support).
    m_model->sort(HeatmapModel::FirstFactorColumn + 3, Qt::AscendingOrder);
    QCOMPARE(names(), rowsNamed("Company Sales East West Plant"));
    m_model->sort(HeatmapModel::FirstFactorColumn + 3, Qt::DescendingOrder);
    QCOMPARE(names(), rowsNamed("Company Sales East West Plant"));
    m_model->sort(HeatmapModel::GroupColumn);
    QCOMPARE(names(), rowsNamed("Company Sales East West Plant"));
}

void TestHeatmapModel::newAnswerKeepsTheSort()
{
    m_model->sort(HeatmapModel::FirstFactorColumn, Qt::DescendingOrder);
    api::Heatmap next = sample();
    next.rows[1].cells[0] = shown(99);
    m_model->setHeatmap(next);
    QCOMPARE(names(), rowsNamed("Sales Plant Company West East"));
    QCOMPARE(m_model->heatmap().rows.at(1).cells.at(0).value, std::optional<double>(99));
}

void TestHeatmapModel::persistentIndexesFollow()
{
    const QPersistentModelIndex plant(m_model->index(4, HeatmapModel::FirstFactorColumn));
    const QPersistentModelIndex east(m_model->index(2, HeatmapModel::GroupColumn));
    m_model->sort(HeatmapModel::FirstFactorColumn, Qt::DescendingOrder);
    QCOMPARE(plant.row(), 0);
    QCOMPARE(plant.column(), int(HeatmapModel::FirstFactorColumn));
    QCOMPARE(plant.data(ScoreIdRole).toString(), kPlant);
    QCOMPARE(east.row(), 4);
    QCOMPARE(east.data().toString(), QStringLiteral("East"));
}

QTEST_GUILESS_MAIN(TestHeatmapModel)
#include "tst_heatmapmodel.moc"
