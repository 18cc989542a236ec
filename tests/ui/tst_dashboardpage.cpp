// The Dashboard page against the real engage-server over TLS on loopback and
// its demo pulses, driven through its widgets: every panel filled, the
// filters reloading every panel (round, group, attribute with and without a
// value), the drill-down from a heatmap row to its group's trend, withheld
// cells as "—" with the reason, sorting by a heatmap column, failures shown
// in the panels, the memo dialog's length rule and a memo written and
// deleted, the benchmark editor offered to owners and not to viewers, and
// printing.

#include "../models/serviceclient.h"
#include "api/id.h"
#include "api/personrequests.h"
#include "models/attributelistmodel.h"
#include "models/dashboard/attributebreakdownmodel.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/roundlistmodel.h"
#include "models/dashboard/scoreroles.h"
#include "ui/charts/factorchart.h"
#include "ui/charts/trendchart.h"
#include "ui/delegates/heatmapdelegate.h"
#include "ui/dialogs/benchmarkdialog.h"
#include "ui/dialogs/memodialog.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/dashboardpanel.h"
#include "ui/widgets/grouppicker.h"
#include "ui/widgets/kpicard.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPrinter>
#include <QPushButton>
#include <QScatterSeries>
#include <QTableView>
#include <QToolTip>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

using Panel = DashboardLoader::Panel;
using State = DashboardLoader::State;

namespace {

const QString kTenant = QStringLiteral("northwind");
const QList<Panel> kChartPanels{Panel::Trend, Panel::Factors, Panel::Heatmap, Panel::Priority};

QString unique()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

// The scores of a heatmap column from the top row down; nothing for a withheld one.
QList<std::optional<double>> columnScores(const QAbstractItemModel &model, int column)
{
    QList<std::optional<double>> scores;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant value = model.index(row, column).data(ScoreValueRole);
        scores.append(value.isValid() ? std::optional<double>(value.toDouble()) : std::nullopt);
    }
    return scores;
}

QStringList groupIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, HeatmapModel::GroupColumn)
                   .data(HeatmapModel::GroupIdRole)
                   .toString();
    return ids;
}

void clickHeader(QHeaderView *header, int section)
{
    const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

} // namespace

class TestDashboardPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void panelsFillForTheDemoTenant();
    void filtersReloadEveryPanel();
    void anAttributeWithoutAValueIsBrokenDown();
    void drillDownSetsTheGroupAndFocusesItsTrend();
    void withheldCellsShowADashAndWhy();
    void sortsByAHeatmapColumn();
    void failuresShowInTheirPanels();
    void memoDialogRefusesMoreThan140Characters();
    void writesAndDeletesAMemo();
    void ownersEditBenchmarksViewersDoNotSeeTheEditor();
    void printsThePanels();

private:
    bool waitForLoad(DashboardPage &page);
    MemoDialog *waitForMemoDialog();

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<DashboardPage> m_page;
};

void TestDashboardPage::initTestCase()
{
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_dashboardpage")));
}

void TestDashboardPage::init()
{
    m_page = std::make_unique<DashboardPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1200, 900}));
    QVERIFY(waitForLoad(*m_page));
    QVERIFY(m_page->banner()->isHidden());
}

void TestDashboardPage::cleanup()
{
    m_page.reset();
    m_server.reportIfFailed();
}

// Every panel of the current load answered, and the groups and attributes
// the filters offer are there.
bool TestDashboardPage::waitForLoad(DashboardPage &page)
{
    return QTest::qWaitFor(
        [&page] {
            const DashboardLoader &loader = page.loader();
            for (const Panel panel :
                 {Panel::Rounds, Panel::Summary, Panel::Trend, Panel::Factors, Panel::Heatmap,
                  Panel::Priority, Panel::Attributes, Panel::Memos, Panel::Benchmarks}) {
                if (loader.state(panel) == State::Loading)
                    return false;
            }
            return loader.state(Panel::Summary) != State::Idle && !page.groupModel().isLoading() &&
                   !page.attributeModel().isLoading();
        },
        kWaitMs);
}

MemoDialog *TestDashboardPage::waitForMemoDialog()
{
    auto *dialog = waitForModal<MemoDialog>();
    if (dialog) {
        QApplication::setActiveWindow(dialog);
        if (!QTest::qWaitForWindowActive(dialog))
            return nullptr;
    }
    return dialog;
}

void TestDashboardPage::panelsFillForTheDemoTenant()
{
    const DashboardLoader &loader = m_page->loader();
    // Twelve months of four-weekly pulses.
    QVERIFY2(m_page->roundModel().rowCount() >= 12,
             qPrintable(QString::number(m_page->roundModel().rowCount())));
    QCOMPARE(m_page->periodBox()->currentIndex(), 0);
    QVERIFY(loader.query().roundId.isEmpty()); // the latest

    const api::Summary &summary = loader.summary();
    QVERIFY(summary.engagement.value.has_value());
    KpiCard *engagement = m_page->engagementCard();
    QVERIFY(!engagement->isLoading());
    QCOMPARE(engagement->value(), formatScore(summary.engagement));
    QCOMPARE(engagement->note(), scoreExplanation(summary.engagement, summary.slice.threshold));
    QVERIFY(engagement->note().contains(QLocale().toString(summary.engagement.respondents)));
    QVERIFY(engagement->status().contains(QString::number(summary.slice.threshold)));
    QVERIFY(m_page->responseRateCard()->value().contains(
        QLocale().toString(*summary.responseRate.rate, 'f', 1)));
    QCOMPARE(m_page->respondentsCard()->value(),
             QLocale().toString(summary.responseRate.respondents));
    QVERIFY(!m_page->changeCard()->value().isEmpty());

    for (const Panel panel : kChartPanels)
        QVERIFY2(m_page->panel(panel)->isShowingContent(),
                 QMetaEnum::fromType<Panel>().valueToKey(static_cast<int>(panel)));
    QVERIFY(m_page->panel(Panel::Attributes)->isHidden());
    QVERIFY(m_page->trendChart()->chartView()->isVisible());
    QVERIFY(!m_page->trendChart()->segments(api::Factor::Engagement).isEmpty());
    QCOMPARE(m_page->factorChart()->factorsShown().size(), api::kFactorCount);
    QVERIFY(m_page->heatmapModel().rowCount() > 1);
    QCOMPARE(m_page->heatmapModel().index(0, 0).data(HeatmapModel::DepthRole).toInt(), 0);
    QVERIFY(qobject_cast<HeatmapDelegate *>(m_page->heatmapView()->itemDelegate()));
}

void TestDashboardPage::filtersReloadEveryPanel()
{
    DashboardLoader &loader = m_page->loader();
    QSignalSpy states(&loader, &DashboardLoader::stateChanged);
    const auto reloaded = [&states](Panel panel) {
        for (const QList<QVariant> &change : std::as_const(states)) {
            if (change.at(0).value<Panel>() == panel &&
                change.at(1).value<State>() == State::Loading)
                return true;
        }
        return false;
    };

    // An older round: every panel is asked again, for that round.
    const QString roundId =
        m_page->roundModel().index(2).data(RoundListModel::RoundIdRole).toString();
    m_page->periodBox()->setCurrentIndex(2);
    QCOMPARE(loader.query().roundId, roundId);
    QVERIFY(waitForLoad(*m_page));
    for (const Panel panel :
         {Panel::Summary, Panel::Trend, Panel::Factors, Panel::Heatmap, Panel::Priority})
        QVERIFY(reloaded(panel));
    QCOMPARE(loader.summary().slice.roundId, roundId);
    QCOMPARE(loader.heatmap().slice.roundId, roundId);
    QCOMPARE(m_page->periodBox()->currentIndex(), 2);
    // The trend ends with the round chosen.
    const QDateTime closed =
        m_page->roundModel().index(2).data(RoundListModel::ClosesAtRole).toDateTime();
    QCOMPARE(loader.trend().points.constLast().closesAt, closed);

    // A group: its subtree, in every panel.
    states.clear();
    GroupPicker *picker = m_page->groupPicker();
    QVERIFY(picker->count() > 2);
    picker->setCurrentIndex(1);
    const QString groupId = *picker->groupId();
    QCOMPARE(loader.query().groupId, groupId);
    QVERIFY(waitForLoad(*m_page));
    for (const Panel panel :
         {Panel::Summary, Panel::Trend, Panel::Factors, Panel::Heatmap, Panel::Priority})
        QVERIFY(reloaded(panel));
    QCOMPARE(loader.summary().slice.groupId, groupId);
    QCOMPARE(loader.trend().slice.groupId, groupId);
    QCOMPARE(groupIds(m_page->heatmapModel()).constFirst(), groupId);
    for (const Panel panel : kChartPanels)
        QVERIFY(m_page->panel(panel)->isShowingContent() ||
                m_page->panel(panel)->isShowingFailure());
    QVERIFY(m_page->panel(Panel::Heatmap)->isShowingContent());
}

void TestDashboardPage::anAttributeWithoutAValueIsBrokenDown()
{
    DashboardLoader &loader = m_page->loader();
    QComboBox *attribute = m_page->attributeBox();
    const int employment = attribute->findData(QStringLiteral("employmentType"));
    QVERIFY(employment > 0);
    QVERIFY(!m_page->valueBox()->isEnabled());
    attribute->setCurrentIndex(employment);
    QCOMPARE(loader.query().attributeId, QStringLiteral("employmentType"));
    QVERIFY(loader.query().attributeValue.isEmpty());
    QVERIFY(waitForLoad(*m_page));
    DashboardPanel *breakdown = m_page->panel(Panel::Attributes);
    QVERIFY(breakdown->isVisible());
    QVERIFY(breakdown->isShowingContent());
    QVERIFY(m_page->breakdownModel().rowCount() > 1);
    // The values seen in the breakdown can be chosen.
    QComboBox *value = m_page->valueBox();
    QVERIFY(value->isEnabled());
    QCOMPARE(value->count(), 1 + m_page->breakdownModel().rowCount());

    // Enter on a value narrows the page to it.
    const QString chosen = loader.attributes().rows.constFirst().value;
    QTableView *view = m_page->breakdownView();
    view->setFocus();
    view->setCurrentIndex(m_page->breakdownModel().index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(value->currentData().toString(), chosen);
    QCOMPARE(loader.query().attributeValue, chosen);
    QVERIFY(waitForLoad(*m_page));
    QVERIFY(breakdown->isHidden());
    QCOMPARE(loader.summary().slice.attributeValue, chosen);
    QCOMPARE(loader.heatmap().slice.attributeValue, chosen);
}

void TestDashboardPage::drillDownSetsTheGroupAndFocusesItsTrend()
{
    const HeatmapModel &heatmap = m_page->heatmapModel();
    int row = 1;
    while (row < heatmap.rowCount() &&
           heatmap.index(row, 0).data(HeatmapModel::DepthRole).toInt() != 1)
        ++row;
    QVERIFY(row < heatmap.rowCount());
    const QString groupId =
        heatmap.index(row, HeatmapModel::GroupColumn).data(HeatmapModel::GroupIdRole).toString();
    const int recognition =
        HeatmapModel::FirstFactorColumn + api::factorIndex(api::Factor::Recognition);
    QVERIFY(!m_page->trendChart()->isFactorVisible(api::Factor::Recognition));

    QTableView *view = m_page->heatmapView();
    view->setFocus();
    view->setCurrentIndex(heatmap.index(row, recognition));
    QTest::keyClick(view, Qt::Key_Return);

    QCOMPARE(m_page->groupPicker()->groupId(), std::optional<QString>(groupId));
    QCOMPARE(m_page->loader().query().groupId, groupId);
    // The cell's factor joins the trend.
    QVERIFY(m_page->trendChart()->isFactorVisible(api::Factor::Recognition));
    QVERIFY(waitForLoad(*m_page));
    // The focus is on the trend once it shows the group.
    QTRY_VERIFY(m_page->trendChart()->hasFocus());
    QCOMPARE(m_page->loader().trend().slice.groupId, groupId);
    QCOMPARE(groupIds(heatmap).constFirst(), groupId);

    // A double-click on the top row (the group itself) changes nothing.
    const QRect top = view->visualRect(heatmap.index(0, HeatmapModel::GroupColumn));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, top.center());
    QCOMPARE(m_page->loader().query().groupId, groupId);
}

void TestDashboardPage::withheldCellsShowADashAndWhy()
{
    // The demo company has groups below its anonymity threshold of 5.
    const HeatmapModel &heatmap = m_page->heatmapModel();
    QTableView *view = m_page->heatmapView();
    QModelIndex withheld;
    QModelIndex shown;
    for (int row = 0; row < heatmap.rowCount(); ++row) {
        for (int column = HeatmapModel::FirstFactorColumn; column < heatmap.columnCount();
             ++column) {
            const QModelIndex cell = heatmap.index(row, column);
            if (cell.data(WithheldRole).toInt() == static_cast<int>(api::Withheld::No)) {
                shown = cell;
                continue;
            }
            QCOMPARE(cell.data(Qt::DisplayRole).toString(), QStringLiteral("—"));
            QVERIFY(!cell.data(ScoreValueRole).isValid());
            QVERIFY2(!cell.data(Qt::ToolTipRole).toString().isEmpty(),
                     qPrintable(QStringLiteral("%1,%2").arg(row).arg(column)));
            if (!withheld.isValid() && column == HeatmapModel::FirstFactorColumn)
                withheld = cell;
        }
    }
    QVERIFY(withheld.isValid());
    QVERIFY(shown.isValid());

    // The reason is the tooltip the pointer brings up on the cell.
    view->scrollTo(withheld);
    const QPoint at = view->visualRect(withheld).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), withheld.data(Qt::ToolTipRole).toString());
    QToolTip::hideText();

    // A shown score is painted in its colour of the scale.
    view->scrollTo(shown);
    const QImage image = view->viewport()->grab().toImage();
    const QRect cell = view->visualRect(shown);
    const QColor expected =
        HeatmapDelegate::scoreColour(shown.data(ScoreValueRole).toDouble(), view->palette());
    const QColor painted = image.pixelColor(QPoint(cell.left() + 3, cell.top() + 3) *
                                            view->viewport()->devicePixelRatio());
    QCOMPARE(painted.rgb(), expected.rgb());

    // The group whose engagement is withheld: its card says so, and why.
    const QString groupId = withheld.siblingAtColumn(HeatmapModel::GroupColumn)
                                .data(HeatmapModel::GroupIdRole)
                                .toString();
    QVERIFY(!groupId.isEmpty());
    m_page->groupPicker()->setGroupId(groupId);
    QVERIFY(waitForLoad(*m_page));
    const api::Summary &summary = m_page->loader().summary();
    QVERIFY(!summary.engagement.value);
    KpiCard *card = m_page->engagementCard();
    QCOMPARE(card->value(), QStringLiteral("—"));
    QCOMPARE(card->tone(), KpiCard::Tone::Withheld);
    QCOMPARE(card->note(), scoreExplanation(summary.engagement, summary.slice.threshold));
}

void TestDashboardPage::sortsByAHeatmapColumn()
{
    QTableView *view = m_page->heatmapView();
    const HeatmapModel &heatmap = m_page->heatmapModel();
    const QStringList treeOrder = groupIds(heatmap);
    const int engagement = HeatmapModel::FirstFactorColumn;
    QHeaderView *header = view->horizontalHeader();

    const auto check = [&](Qt::SortOrder order) {
        const QList<std::optional<double>> scores = columnScores(heatmap, engagement);
        bool seenWithheld = false;
        std::optional<double> previous;
        for (const std::optional<double> &score : scores) {
            if (!score) {
                seenWithheld = true;
                continue;
            }
            // Withheld cells come last, whatever the order.
            if (seenWithheld)
                return false;
            if (previous && (order == Qt::AscendingOrder ? *score < *previous : *score > *previous))
                return false;
            previous = score;
        }
        return true;
    };

    clickHeader(header, engagement);
    QCOMPARE(header->sortIndicatorSection(), engagement);
    const Qt::SortOrder first = header->sortIndicatorOrder();
    QVERIFY(check(first));
    clickHeader(header, engagement);
    QVERIFY(header->sortIndicatorOrder() != first);
    QVERIFY(check(header->sortIndicatorOrder()));
    QVERIFY(groupIds(heatmap) != treeOrder);

    // The group column brings the tree's order back.
    clickHeader(header, HeatmapModel::GroupColumn);
    if (header->sortIndicatorOrder() != Qt::AscendingOrder)
        clickHeader(header, HeatmapModel::GroupColumn);
    QCOMPARE(groupIds(heatmap), treeOrder);

    // A reload keeps the column sorted.
    clickHeader(header, engagement);
    const Qt::SortOrder kept = header->sortIndicatorOrder();
    m_page->reloadAction()->trigger();
    QVERIFY(waitForLoad(*m_page));
    QVERIFY(check(kept));
}

void TestDashboardPage::failuresShowInTheirPanels()
{
    // A group that does not exist: the service answers 404 to every slice of it.
    api::DashboardQuery query;
    query.groupId = api::createId();
    m_page->loader().load(query);
    QVERIFY(waitForLoad(*m_page));
    DashboardPanel *heatmap = m_page->panel(Panel::Heatmap);
    QVERIFY(heatmap->isShowingFailure());
    QVERIFY(!heatmap->failureText().trimmed().isEmpty());
    QVERIFY(heatmap->retryButton()->isVisible());
    QVERIFY(m_page->panel(Panel::Trend)->isShowingFailure());
    QCOMPARE(m_page->engagementCard()->value(), QStringLiteral("—"));
    QVERIFY(!m_page->engagementCard()->status().isEmpty());
    // No dialog for what the page shows in place.
    QVERIFY(!QApplication::activeModalWidget());

    QSignalSpy states(&m_page->loader(), &DashboardLoader::stateChanged);
    heatmap->retryButton()->click();
    QVERIFY(!states.isEmpty());
    QVERIFY(waitForLoad(*m_page));
    QVERIFY(heatmap->isShowingFailure());

    // The filters put the page right again.
    m_page->groupPicker()->setCurrentIndex(1);
    QVERIFY(waitForLoad(*m_page));
    QVERIFY(heatmap->isShowingContent());
}

void TestDashboardPage::memoDialogRefusesMoreThan140Characters()
{
    QVERIFY(m_page->newMemoAction()->isVisible());
    m_page->newMemoAction()->trigger();
    MemoDialog *dialog = waitForMemoDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->saveButton()->isEnabled());

    QLineEdit *text = dialog->textField();
    QTest::keyClicks(text, QString(api::kMemoMaxLength + 1, u'x'));
    QCOMPARE(text->text().size(), api::kMemoMaxLength + 1);
    QVERIFY(!dialog->saveButton()->isEnabled());
    QVERIFY(dialog->problem().contains(QString::number(api::kMemoMaxLength)));
    QVERIFY(dialog->countLabel()->text().contains(QString::number(api::kMemoMaxLength + 1)));
    QLabel *note = nullptr;
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text() == dialog->problem())
            note = label;
    }
    QVERIFY(note);
    // Return does not save it either.
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isBusy());

    QTest::keyClick(text, Qt::Key_Backspace);
    QVERIFY(dialog->problem().isEmpty());
    QVERIFY(dialog->saveButton()->isEnabled());
    QVERIFY(note->isHidden());

    // Blank is no memo.
    text->setText(QStringLiteral("   "));
    QVERIFY(!dialog->saveButton()->isEnabled());
    dialog->reject();
}

void TestDashboardPage::writesAndDeletesAMemo()
{
    const QString words = QStringLiteral("New office opened %1").arg(unique());
    m_page->newMemoAction()->trigger();
    QPointer<MemoDialog> dialog = waitForMemoDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->textField(), words);
    dialog->sharedBox()->setChecked(true);
    const QDate date = dialog->dateEdit()->date();
    QTest::keyClick(dialog->textField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kWaitMs);

    // On the trend, in the memo menu, and in the service.
    const QList<api::Memo> &memos = m_page->trendChart()->memos();
    const auto memo = std::find_if(memos.cbegin(), memos.cend(),
                                   [&words](const api::Memo &m) { return m.fields.text == words; });
    QVERIFY(memo != memos.cend());
    QCOMPARE(memo->fields.date, date);
    QVERIFY(memo->fields.shared);
    QVERIFY(memo->mine);
    const QString memoId = memo->id;
    bool listed = false;
    for (const QAction *action : m_page->memoMenu()->actions())
        listed = listed || action->text().contains(words.left(20));
    QVERIFY(listed);
    const Outcome stored = get(m_desks.other->api, QStringLiteral("/api/v1/engagement/memos"));
    QVERIFY(stored.ok);
    QVERIFY(QJsonDocument(stored.json).toJson().contains(words.toUtf8()));

    // Deleted after a confirmation.
    m_page->openMemo(memoId);
    dialog = waitForMemoDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->deleteButton()->isVisible());
    dialog->deleteButton()->click();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kWaitMs);
    QVERIFY(std::none_of(m_page->trendChart()->memos().cbegin(),
                         m_page->trendChart()->memos().cend(),
                         [&memoId](const api::Memo &m) { return m.id == memoId; }));
    const Outcome after = get(m_desks.other->api, QStringLiteral("/api/v1/engagement/memos"));
    QVERIFY(after.ok);
    QVERIFY(!QJsonDocument(after.json).toJson().contains(words.toUtf8()));
}

void TestDashboardPage::ownersEditBenchmarksViewersDoNotSeeTheEditor()
{
    // The owner sets a benchmark for engagement; the factor chart marks it.
    QVERIFY(m_page->benchmarksAction()->isVisible());
    m_page->benchmarksAction()->trigger();
    QPointer<BenchmarkDialog> dialog = waitForModal<BenchmarkDialog>();
    QVERIFY(dialog);
    dialog->valueBox(api::Factor::Engagement)->setValue(71.5);
    dialog->labelField()->setText(QStringLiteral("Targets %1").arg(unique()));
    dialog->saveButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kWaitMs);
    QVERIFY(waitForLoad(*m_page));
    QCOMPARE(m_page->loader().factors().factors.constFirst().benchmark, std::optional(71.5));
    QVERIFY(m_page->factorChart()->benchmarkMarkers()->count() >= 1);

    // A viewer reads the same dashboard without the editor.
    const QString email = QStringLiteral("viewer-%1@northwind.example").arg(unique());
    ApiRequest invite;
    invite.method = "POST";
    invite.path = QStringLiteral("/api/v1/users");
    invite.body = api::toJson(
        api::NewPersonRequest{email, QStringLiteral("Viewer %1").arg(unique()), api::Role::Viewer});
    const Outcome created = call(m_desks.other->api, invite);
    QVERIFY(created.ok);
    const auto answer = api::createdPersonFromJson(created.json);
    QVERIFY(answer && answer.value().initialPassword);
    auto viewer = std::make_unique<Client>(m_server, *m_desks.store, QStringLiteral("viewer"));
    QSignalSpy required(&viewer->session, &Session::passwordChangeRequired);
    viewer->session.signIn(kTenant, email, *answer.value().initialPassword);
    QVERIFY(waitFor(required));
    QSignalSpy changed(&viewer->session, &Session::passwordChanged);
    viewer->session.changePassword(*answer.value().initialPassword,
                                   QStringLiteral("a new password of mine"));
    QVERIFY(waitFor(changed));

    DashboardPage page(viewer->api, viewer->session);
    QVERIFY(showActive(page, {1200, 900}));
    QVERIFY(waitForLoad(page));
    QVERIFY(page.panel(Panel::Heatmap)->isShowingContent());
    QVERIFY(!page.benchmarksAction()->isVisible());
    QVERIFY(!page.newMemoAction()->isVisible());
    for (const QPushButton *button : page.findChildren<QPushButton *>())
        QVERIFY(!button->isVisible() || button->text() != page.benchmarksAction()->text());
    page.benchmarksAction()->trigger();
    QTest::qWait(200);
    QVERIFY(!page.benchmarkDialog());
    QVERIFY(!QApplication::activeModalWidget());
}

void TestDashboardPage::printsThePanels()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("dashboard.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    m_page->print(printer);
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    // The cards and four panels, drawn: far more than an empty page.
    QVERIFY2(bytes.size() > 20000, qPrintable(QString::number(bytes.size())));
    // The screen keeps its palette.
    QVERIFY(!m_page->findChild<QWidget *>(QStringLiteral("dashboardContent"))
                 ->testAttribute(Qt::WA_SetPalette));
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
