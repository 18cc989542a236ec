#include "dashboardpage.h"

#include "charts/factorchart.h"
#include "charts/prioritychart.h"
#include "charts/trendchart.h"
#include "delegates/heatmapdelegate.h"
#include "dialogs/benchmarkdialog.h"
#include "dialogs/errordialog.h"
#include "dialogs/memodialog.h"
#include "export/exportcontroller.h"
#include "models/attributelistmodel.h"
#include "models/dashboard/attributebreakdownmodel.h"
#include "models/dashboard/dashboardeditor.h"
#include "models/dashboard/factorscoremodel.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/prioritymodel.h"
#include "models/dashboard/roundlistmodel.h"
#include "models/dashboard/scoreroles.h"
#include "models/dashboard/trendmodel.h"
#include "models/export/resultexportsource.h"
#include "models/grouptreemodel.h"
#include "models/session.h"
#include "widgets/dashboardpanel.h"
#include "widgets/grouppicker.h"
#include "widgets/kpicard.h"
#include "widgets/messagebanner.h"
#include "widgets/pageaccess.h"
#include "widgets/pageactions.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace engage::ui {

using Panel = models::DashboardLoader::Panel;
using State = models::DashboardLoader::State;

namespace {

// A memo's line in the menu: enough to tell memos apart.
constexpr int kMemoMenuTextLength = 48;

QString snapshotKeyName(const QString &key)
{
    if (key == QLatin1String("ageBand"))
        return DashboardPage::tr("Age band");
    if (key == QLatin1String("tenureBand"))
        return DashboardPage::tr("Length of service");
    if (key == QLatin1String("employmentType"))
        return DashboardPage::tr("Employment type");
    if (key == QLatin1String("grade"))
        return DashboardPage::tr("Grade");
    if (key == QLatin1String("jobCategory"))
        return DashboardPage::tr("Job category");
    return key;
}

// The open list shows every entry whole, however narrow the closed box.
void widenPopup(QComboBox *box)
{
    int longest = 0;
    for (int i = 0; i < box->count(); ++i)
        longest = std::max(longest, box->fontMetrics().horizontalAdvance(box->itemText(i)));
    box->view()->setMinimumWidth(longest + 2 * box->fontMetrics().height());
}

// Score columns as wide as a score or the longest word of their header,
// which wraps onto a second line: ten factors fit beside the names.
void sizeScoreColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const QFontMetrics metrics = header->fontMetrics();
    const int padding = metrics.height();
    header->setMinimumHeight(metrics.height() * 2 + padding / 2);
    for (int column = 1; column < header->count(); ++column) {
        // The narrowest split of the header's words into two lines.
        const QStringList words =
            view->model()->headerData(column, Qt::Horizontal).toString().split(u' ');
        int twoLines = metrics.horizontalAdvance(words.join(u' '));
        for (int split = 1; split < words.size(); ++split) {
            twoLines = std::min(twoLines,
                                std::max(metrics.horizontalAdvance(words.mid(0, split).join(u' ')),
                                         metrics.horizontalAdvance(words.mid(split).join(u' '))));
        }
        const int width = std::max(metrics.horizontalAdvance(QStringLiteral("100.0 %")), twoLines);
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        // Room for the sort arrow beside the text, where the table sorts.
        header->resizeSection(column,
                              width + padding + (header->isSortIndicatorShown() ? padding : 0));
    }
}

// Every row up to sixteen, so that the page, not the table, scrolls.
void fitRows(QTableView *view)
{
    constexpr int kFewest = 6;
    constexpr int kMost = 16;
    const int rows = std::clamp(view->model()->rowCount(), kFewest, kMost);
    const QHeaderView *header = view->horizontalHeader();
    view->setFixedHeight(std::max(header->minimumHeight(), header->sizeHint().height()) +
                         rows * view->verticalHeader()->defaultSectionSize() +
                         view->horizontalScrollBar()->sizeHint().height() + 2 * view->frameWidth());
}

QTableView *scoreTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setItemDelegate(new HeatmapDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignCenter | Qt::Alignment(Qt::TextWordWrap));
    // The names (indented by depth) are never cut.
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    const auto fit = [view] {
        sizeScoreColumns(view);
        fitRows(view);
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    QObject::connect(model, &QAbstractItemModel::headerDataChanged, view, fit);
    fit();
    return view;
}

// An ellipsis inside one memo's line of the menu: the dialog shows it whole.
QString shortened(const QString &text)
{
    return text.size() <= kMemoMenuTextLength ? text : text.left(kMemoMenuTextLength - 1) + u'…';
}

} // namespace

DashboardPage::DashboardPage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_access(new PageAccess(session, PageAccess::Audience::SignedIn, this))
    , m_loader(new models::DashboardLoader(client, this))
    , m_editor(new models::DashboardEditor(client, this))
    , m_rounds(new models::RoundListModel(this))
    , m_trend(new models::TrendModel(this))
    , m_factors(new models::FactorScoreModel(this))
    , m_heatmap(new models::HeatmapModel(this))
    , m_priority(new models::PriorityModel(this))
    , m_breakdown(new models::AttributeBreakdownModel(this))
    , m_groups(new models::GroupTreeModel(client, this))
    , m_attributes(new models::AttributeListModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_filterBar(new QWidget(this))
    , m_periodLabel(new QLabel(m_filterBar))
    , m_period(new QComboBox(m_filterBar))
    , m_groupLabel(new QLabel(m_filterBar))
    , m_group(new GroupPicker(m_filterBar))
    , m_attributeLabel(new QLabel(m_filterBar))
    , m_attribute(new QComboBox(m_filterBar))
    , m_valueLabel(new QLabel(m_filterBar))
    , m_value(new QComboBox(m_filterBar))
    , m_scroll(new QScrollArea(this))
    , m_cards(new QWidget)
    , m_engagementCard(new KpiCard(m_cards))
    , m_responseCard(new KpiCard(m_cards))
    , m_changeCard(new KpiCard(m_cards))
    , m_respondentsCard(new KpiCard(m_cards))
    , m_trendChart(new TrendChart(*m_trend))
    , m_factorChart(new FactorChart(*m_factors))
    , m_priorityChart(new PriorityChart(*m_priority))
    , m_heatmapView(scoreTable(QStringLiteral("heatmap"), m_heatmap, this))
    , m_breakdownView(scoreTable(QStringLiteral("breakdown"), m_breakdown, this))
    , m_factorsButton(new QToolButton(this))
    , m_factorMenu(new QMenu(this))
    , m_memosButton(new QToolButton(this))
    , m_memoMenu(new QMenu(this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
    , m_printAction(pageAction(QKeySequence::Print, this))
    , m_newMemoAction(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this))
    , m_benchmarksAction(pageAction({}, this))
    // The results of the filters' query, as the panels show them.
    , m_export(new ExportController(
          this,
          [this, &client] {
              return std::make_unique<models::ResultExportSource>(
                  client, queryFromFilters(), m_session.tenant(), filterDescription());
          },
          ExportController::Formats::XlsxOnly, [this] { return m_session.tenant(); }))
{
    setObjectName(QStringLiteral("dashboardPage"));

    // ---- filters
    m_period->setObjectName(QStringLiteral("period"));
    m_period->setModel(m_rounds);
    // Narrow boxes, each list as wide as its longest entry: the filters fit
    // a small window in both languages.
    m_period->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_period->setMinimumContentsLength(12);
    m_group->setObjectName(QStringLiteral("group"));
    m_group->setMinimumContentsLength(14);
    m_attribute->setObjectName(QStringLiteral("attribute"));
    m_attribute->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_attribute->setMinimumContentsLength(10);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setMinimumContentsLength(8);
    m_value->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_periodLabel->setBuddy(m_period);
    m_groupLabel->setBuddy(m_group);
    m_attributeLabel->setBuddy(m_attribute);
    m_valueLabel->setBuddy(m_value);
    // Two rows of two, so that the filters fit the window's smallest width.
    auto *filters = new QGridLayout(m_filterBar);
    filters->setContentsMargins(0, 0, 0, 0);
    filters->setVerticalSpacing(4);
    filters->addWidget(m_periodLabel, 0, 0);
    filters->addWidget(m_period, 0, 1);
    filters->addWidget(m_groupLabel, 0, 2);
    filters->addWidget(m_group, 0, 3);
    filters->addWidget(m_attributeLabel, 1, 0);
    filters->addWidget(m_attribute, 1, 1);
    filters->addWidget(m_valueLabel, 1, 2);
    filters->addWidget(m_value, 1, 3);
    filters->setColumnStretch(1, 2);
    filters->setColumnStretch(3, 3);

    // ---- cards
    auto *cards = new QHBoxLayout(m_cards);
    cards->setContentsMargins(0, 0, 0, 0);
    for (KpiCard *card : {m_engagementCard, m_responseCard, m_changeCard, m_respondentsCard})
        cards->addWidget(card, 1);
    m_engagementCard->setObjectName(QStringLiteral("engagementCard"));
    m_responseCard->setObjectName(QStringLiteral("responseRateCard"));
    m_changeCard->setObjectName(QStringLiteral("changeCard"));
    m_respondentsCard->setObjectName(QStringLiteral("respondentsCard"));

    // ---- panels
    for (QWidget *chart :
         std::initializer_list<QWidget *>{m_trendChart, m_factorChart, m_priorityChart}) {
        chart->setFocusPolicy(Qt::StrongFocus);
        chart->setMinimumHeight(fontMetrics().height() * 18);
    }
    m_trendChart->setObjectName(QStringLiteral("trendChart"));
    m_factorChart->setObjectName(QStringLiteral("factorChart"));
    m_priorityChart->setObjectName(QStringLiteral("priorityChart"));
    const auto addPanel = [this](Panel panel, QWidget *content, Skeleton::Shape shape) {
        auto *frame = new DashboardPanel(content, shape);
        connect(frame, &DashboardPanel::retryRequested, m_loader, &models::DashboardLoader::reload);
        m_panels.insert(panel, frame);
        return frame;
    };
    DashboardPanel *trendPanel = addPanel(Panel::Trend, m_trendChart, Skeleton::Shape::Chart);
    DashboardPanel *factorPanel = addPanel(Panel::Factors, m_factorChart, Skeleton::Shape::Chart);
    DashboardPanel *heatmapPanel = addPanel(Panel::Heatmap, m_heatmapView, Skeleton::Shape::Table);
    DashboardPanel *breakdownPanel =
        addPanel(Panel::Attributes, m_breakdownView, Skeleton::Shape::Table);
    DashboardPanel *priorityPanel =
        addPanel(Panel::Priority, m_priorityChart, Skeleton::Shape::Chart);
    trendPanel->setObjectName(QStringLiteral("trendPanel"));
    factorPanel->setObjectName(QStringLiteral("factorPanel"));
    heatmapPanel->setObjectName(QStringLiteral("heatmapPanel"));
    breakdownPanel->setObjectName(QStringLiteral("breakdownPanel"));
    priorityPanel->setObjectName(QStringLiteral("priorityPanel"));
    breakdownPanel->hide();

    m_factorsButton->setObjectName(QStringLiteral("factorsButton"));
    m_factorsButton->setMenu(m_factorMenu);
    m_factorsButton->setPopupMode(QToolButton::InstantPopup);
    m_factorsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_memosButton->setObjectName(QStringLiteral("memosButton"));
    m_memosButton->setMenu(m_memoMenu);
    m_memosButton->setPopupMode(QToolButton::InstantPopup);
    m_memosButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    trendPanel->addHeaderWidget(m_factorsButton);
    trendPanel->addHeaderWidget(m_memosButton);
    for (const api::Factor factor : api::allFactors()) {
        QAction *action = m_factorMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(static_cast<int>(factor));
        connect(action, &QAction::toggled, m_trendChart,
                [this, factor](bool on) { m_trendChart->setFactorVisible(factor, on); });
    }
    connect(m_factorMenu, &QMenu::aboutToShow, this, &DashboardPage::fillFactorMenu);

    // Heatmap columns sort on a click of their header; the group column
    // brings the tree's order back.
    m_heatmapView->setSortingEnabled(true);
    m_heatmapView->horizontalHeader()->setSortIndicator(models::HeatmapModel::GroupColumn,
                                                        Qt::AscendingOrder);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("dashboardContent"));
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 4, 0);
    grid->addWidget(m_cards, 0, 0, 1, 2);
    grid->addWidget(trendPanel, 1, 0);
    grid->addWidget(factorPanel, 1, 1);
    grid->addWidget(heatmapPanel, 2, 0, 1, 2);
    grid->addWidget(breakdownPanel, 3, 0, 1, 2);
    grid->addWidget(priorityPanel, 4, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    m_scroll->setObjectName(QStringLiteral("dashboardScroll"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    // ---- actions: the page's beside the filters, memos and benchmarks on
    // the panels they belong to (and the filter row fits a narrow window).
    QPushButton *newMemoButton = buttonFor(m_newMemoAction, trendPanel);
    QPushButton *benchmarksButton = buttonFor(m_benchmarksAction, factorPanel);
    QPushButton *printButton = buttonFor(m_printAction, this);
    QPushButton *exportButton = buttonFor(m_export->action(), this);
    QPushButton *reloadButton = buttonFor(m_reloadAction, this);
    trendPanel->addHeaderWidget(newMemoButton);
    factorPanel->addHeaderWidget(benchmarksButton);
    auto *pageButtons = new QVBoxLayout;
    pageButtons->setSpacing(4);
    pageButtons->addWidget(printButton);
    pageButtons->addWidget(exportButton);
    pageButtons->addWidget(reloadButton);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterBar, 1);
    toolbar->addSpacing(12);
    toolbar->addLayout(pageButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(toolbar);
    layout->addWidget(m_scroll, 1);

    // Filters, the page's buttons, then the panels from the top left.
    const QList<QWidget *> order{
        m_period,          m_group,          m_attribute,      m_value,         printButton,
        exportButton,      reloadButton,     m_engagementCard, m_responseCard,  m_changeCard,
        m_respondentsCard, m_trendChart,     m_factorsButton,  m_memosButton,   newMemoButton,
        m_factorChart,     benchmarksButton, m_heatmapView,    m_breakdownView, m_priorityChart};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    // ---- wiring
    connect(m_reloadAction, &QAction::triggered, this, &DashboardPage::reload);
    connect(m_printAction, &QAction::triggered, this, &DashboardPage::onPrint);
    connect(m_newMemoAction, &QAction::triggered, this, &DashboardPage::onNewMemo);
    connect(m_benchmarksAction, &QAction::triggered, this, &DashboardPage::onEditBenchmarks);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::applyFilters);
    connect(m_group, &QComboBox::currentIndexChanged, this, &DashboardPage::applyFilters);
    connect(m_attribute, &QComboBox::currentIndexChanged, this, [this] {
        fillValues();
        applyFilters();
    });
    connect(m_value, &QComboBox::currentIndexChanged, this, &DashboardPage::applyFilters);
    // Enter and double-click.
    connect(m_heatmapView, &QAbstractItemView::activated, this, &DashboardPage::onHeatmapActivated);
    connect(m_breakdownView, &QAbstractItemView::activated, this,
            &DashboardPage::onBreakdownActivated);
    connect(m_trendChart, &TrendChart::memoActivated, this, &DashboardPage::openMemo);

    connect(m_loader, &models::DashboardLoader::stateChanged, this, &DashboardPage::onStateChanged);
    connect(m_loader, &models::DashboardLoader::panelLoaded, this, &DashboardPage::onPanelLoaded);
    connect(m_groups, &models::GroupTreeModel::loaded, this, [this] {
        m_group->setGroups(m_groups->entries());
        widenPopup(m_group);
    });
    connect(m_groups, &models::GroupTreeModel::failed, this,
            [this](const models::ApiError &error) { reportPageFailure(this, *m_banner, error); });
    connect(m_attributes, &models::AttributeListModel::loaded, this,
            &DashboardPage::fillAttributes);
    connect(m_attributes, &models::AttributeListModel::failed, this,
            [this](const models::ApiError &error) { reportPageFailure(this, *m_banner, error); });

    connect(m_editor, &models::DashboardEditor::memoSaved, this, [this](const api::Memo &memo) {
        const auto same = [&memo](const api::Memo &m) {
            return m.id == memo.id;
        };
        m_memos.erase(std::remove_if(m_memos.begin(), m_memos.end(), same), m_memos.end());
        const auto later =
            std::find_if(m_memos.begin(), m_memos.end(),
                         [&memo](const api::Memo &m) { return m.fields.date > memo.fields.date; });
        m_memos.insert(later, memo);
        showMemos();
        if (m_memoDialog)
            m_memoDialog->accept();
    });
    connect(m_editor, &models::DashboardEditor::memoRemoved, this, [this](const QString &id) {
        m_memos.erase(std::remove_if(m_memos.begin(), m_memos.end(),
                                     [&id](const api::Memo &m) { return m.id == id; }),
                      m_memos.end());
        showMemos();
        if (m_memoDialog)
            m_memoDialog->accept();
    });
    connect(m_editor, &models::DashboardEditor::benchmarksSaved, this, [this] {
        if (m_benchmarkDialog)
            m_benchmarkDialog->accept();
        // The factor breakdown carries the benchmarks.
        m_loader->reload();
    });
    connect(m_editor, &models::DashboardEditor::failed, this, &DashboardPage::onEditFailed);
    connect(m_access, &PageAccess::changed, this, &DashboardPage::updateAccess);

    retranslateUi();
    m_access->update();
}

DashboardPage::~DashboardPage() = default;

DashboardPanel *DashboardPage::panel(Panel panel) const
{
    return m_panels.value(panel);
}

MemoDialog *DashboardPage::memoDialog() const
{
    return m_memoDialog;
}

BenchmarkDialog *DashboardPage::benchmarkDialog() const
{
    return m_benchmarkDialog;
}

const api::DashboardQuery &DashboardPage::loadedQuery() const
{
    return m_loader->query();
}

// ---- filters -----------------------------------------------------------------

// The newest round is asked for as "the latest", so that the page follows a
// round that closes while it is open; an older one by its id, with the trend
// running up to it. The trend and its memos cover the twelve months up to the
// round (the service's default period, in the UTC dates it compares).
api::DashboardQuery DashboardPage::queryFromFilters() const
{
    api::DashboardQuery query;
    const int round = m_period->currentIndex();
    if (round > 0) {
        const QModelIndex index = m_rounds->index(round);
        query.roundId = index.data(models::RoundListModel::RoundIdRole).toString();
        query.to = index.data(models::RoundListModel::ClosesAtRole).toDateTime().toUTC().date();
        query.from = query.to->addMonths(-12);
    } else {
        query.from = QDateTime::currentDateTimeUtc().date().addMonths(-12);
    }
    query.groupId = m_group->groupId().value_or(QString());
    query.attributeId = m_attribute->currentData().toString();
    if (!query.attributeId.isEmpty() && m_value->currentData().isValid())
        query.attributeValue = m_value->currentData().toString();
    return query;
}

void DashboardPage::applyFilters()
{
    if (!m_access->hasAccess())
        return;
    const api::DashboardQuery query = queryFromFilters();
    updateBreakdownVisibility();
    if (query == m_loader->query() && m_loader->state(Panel::Summary) != State::Idle)
        return;
    m_failureReported = false;
    m_loader->load(query);
}

void DashboardPage::reload()
{
    if (!m_access->hasAccess())
        return;
    m_banner->hide();
    m_failureReported = false;
    m_groups->reload();
    m_attributes->reload();
    if (m_loader->state(Panel::Summary) == State::Idle)
        m_loader->load(queryFromFilters());
    else
        m_loader->reload();
}

void DashboardPage::fillPeriods()
{
    // The model is replaced under the box: the chosen round is put back
    // without counting as a change of the filter.
    const QSignalBlocker blocker(m_period);
    m_rounds->setRounds(m_loader->rounds());
    const QString chosen = m_loader->query().roundId;
    const int row = chosen.isEmpty() ? 0 : m_rounds->rowOf(chosen);
    m_period->setCurrentIndex(m_rounds->rowCount() == 0 ? -1 : std::max(row, 0));
    m_period->setEnabled(m_rounds->rowCount() > 0);
    widenPopup(m_period);
}

void DashboardPage::fillAttributes()
{
    const QString chosen = m_attribute->currentData().toString();
    const QSignalBlocker blocker(m_attribute);
    m_attribute->clear();
    m_attribute->addItem(tr("(None)"), QString());
    for (const api::Attribute &attribute : m_attributes->attributes())
        m_attribute->addItem(models::AttributeListModel::displayName(attribute.fields),
                             attribute.id);
    m_attribute->insertSeparator(m_attribute->count());
    for (const QString &key : api::snapshotKeys())
        m_attribute->addItem(snapshotKeyName(key), key);
    const int index = m_attribute->findData(chosen);
    m_attribute->setCurrentIndex(index < 0 ? 0 : index);
    widenPopup(m_attribute);
    fillValues();
}

// The attribute's values: a choice attribute's choices, and whatever its
// breakdown showed (the snapshot's bands, the values of a text attribute).
void DashboardPage::fillValues()
{
    const QString attributeId = m_attribute->currentData().toString();
    const QVariant chosen = m_value->currentData();
    const QSignalBlocker blocker(m_value);
    m_value->clear();
    m_value->addItem(tr("(Compare all)"));
    QStringList values;
    if (const api::Attribute *attribute = m_attributes->attribute(attributeId)) {
        if (attribute->fields.type == api::AttributeType::Choice)
            values = attribute->fields.choices;
    }
    for (const QString &value : m_knownValues.value(attributeId)) {
        if (!values.contains(value))
            values.append(value);
    }
    for (const QString &value : std::as_const(values))
        m_value->addItem(value, value);
    const int index = chosen.isValid() ? m_value->findData(chosen) : 0;
    m_value->setCurrentIndex(index < 0 ? 0 : index);
    m_value->setEnabled(!attributeId.isEmpty());
    widenPopup(m_value);
}

void DashboardPage::updateBreakdownVisibility()
{
    const api::DashboardQuery query = queryFromFilters();
    m_panels.value(Panel::Attributes)
        ->setVisible(m_access->hasAccess() && !query.attributeId.isEmpty() &&
                     query.attributeValue.isEmpty());
}

// ---- the loader's answers ------------------------------------------------------

void DashboardPage::onStateChanged(Panel panel, State state)
{
    if (state == State::Loading) {
        if (panel == Panel::Summary) {
            for (KpiCard *card :
                 {m_engagementCard, m_responseCard, m_changeCard, m_respondentsCard})
                card->setLoading();
        }
        if (DashboardPanel *frame = m_panels.value(panel))
            frame->showLoading();
        return;
    }
    if (state != State::Failed)
        return;
    const std::optional<models::ApiError> error = m_loader->failure(panel);
    if (!error)
        return;
    if (error->kind == models::ApiError::Kind::Cancelled)
        return;
    if (panel == Panel::Summary) {
        for (KpiCard *card : {m_engagementCard, m_responseCard, m_changeCard, m_respondentsCard})
            card->setFailed(error->message());
        showPriority();
    }
    if (DashboardPanel *frame = m_panels.value(panel)) {
        frame->showFailure(*error);
        if (panel == Panel::Trend && std::exchange(m_focusTrendOnLoad, false))
            frame->retryButton()->setFocus(Qt::OtherFocusReason);
    } else if (!error->isUnauthenticated())
        // The round list, the memos and the benchmarks have no panel of their own.
        m_banner->showError(*error);
    if (!error->isRecoverable() && !error->isUnauthenticated() && !m_failureReported) {
        m_failureReported = true;
        showErrorDialog(this, *error);
    }
}

void DashboardPage::onPanelLoaded(Panel panel)
{
    switch (panel) {
    case Panel::Rounds:
        fillPeriods();
        return;
    case Panel::Summary:
        showSummary();
        showPriority();
        return;
    case Panel::Trend:
        m_trend->setTrend(m_loader->trend());
        break;
    case Panel::Factors:
        m_factors->setBreakdown(m_loader->factors());
        break;
    case Panel::Heatmap: {
        m_heatmap->setHeatmap(m_loader->heatmap());
        const QHeaderView *header = m_heatmapView->horizontalHeader();
        m_heatmap->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
        break;
    }
    case Panel::Priority:
        showPriority();
        return;
    case Panel::Attributes: {
        const api::AttributeBreakdown &breakdown = m_loader->attributes();
        m_breakdown->setBreakdown(breakdown);
        QStringList &known = m_knownValues[breakdown.slice.attributeId];
        for (const api::AttributeRow &row : breakdown.rows) {
            if (!row.value.isEmpty() && !known.contains(row.value))
                known.append(row.value);
        }
        if (breakdown.slice.attributeId == m_attribute->currentData().toString())
            fillValues();
        break;
    }
    case Panel::Memos:
        m_memos = m_loader->memos().memos;
        showMemos();
        return;
    case Panel::Benchmarks:
        m_factorChart->setBenchmarkLabel(m_loader->benchmarks().label);
        return;
    }
    if (DashboardPanel *frame = m_panels.value(panel))
        frame->showContent();
    if (panel == Panel::Trend && std::exchange(m_focusTrendOnLoad, false)) {
        m_scroll->ensureWidgetVisible(m_panels.value(Panel::Trend));
        m_trendChart->setFocus(Qt::OtherFocusReason);
    }
}

void DashboardPage::showSummary()
{
    const api::Summary &summary = m_loader->summary();
    const int threshold = summary.slice.threshold;
    const QLocale locale;
    const api::Score &engagement = summary.engagement;
    const bool withheld = engagement.withheld != api::Withheld::No;

    m_engagementCard->setFigures(
        models::formatScore(engagement),
        withheld
            ? tr("Withheld to keep answers anonymous.")
            : tr("Shown: at least %n respondents, the anonymity threshold.", nullptr, threshold),
        models::scoreExplanation(engagement, threshold),
        withheld ? KpiCard::Tone::Withheld : KpiCard::Tone::Neutral);

    const api::ResponseRate &rate = summary.responseRate;
    QString rateChange;
    KpiCard::Tone rateTone = KpiCard::Tone::Neutral;
    if (summary.responseRateChange) {
        const double change = *summary.responseRateChange;
        rateTone = change > 0   ? KpiCard::Tone::Rise
                   : change < 0 ? KpiCard::Tone::Fall
                                : KpiCard::Tone::Neutral;
        //: The response rate's change in percentage points: "+3.5 points since the previous round".
        rateChange = tr("%1 points since the previous round")
                         .arg(models::formatChange(summary.responseRateChange));
    }
    m_responseCard->setFigures(
        rate.rate ? tr("%1 %").arg(locale.toString(*rate.rate, 'f', 1)) : tr("—"), rateChange,
        tr("%1 of %2 members answered.")
            .arg(locale.toString(rate.respondents), locale.toString(rate.targets)),
        rateTone);

    QString change = tr("—");
    QString changeStatus;
    KpiCard::Tone changeTone = KpiCard::Tone::Neutral;
    if (engagement.change) {
        change = models::formatChange(engagement.change);
        changeTone = *engagement.change > 0   ? KpiCard::Tone::Rise
                     : *engagement.change < 0 ? KpiCard::Tone::Fall
                                              : KpiCard::Tone::Neutral;
        changeStatus = *engagement.change > 0 ? tr("▲ Engagement rose since the previous round.")
                       : *engagement.change < 0 ? tr("▼ Engagement fell since the previous round.")
                                                : tr("Engagement held since the previous round.");
    } else if (summary.previousRoundId.isEmpty()) {
        changeStatus = tr("This is the first round: there is nothing to compare with.");
    } else {
        changeStatus = tr("A change needs both rounds' scores shown.");
        changeTone = KpiCard::Tone::Withheld;
    }
    m_changeCard->setFigures(change, changeStatus, tr("In points of engagement, 0 to 100."),
                             changeTone);

    const bool enough = rate.respondents >= threshold;
    m_respondentsCard->setFigures(
        locale.toString(rate.respondents),
        enough
            ? tr("At or above the anonymity threshold of %n.", nullptr, threshold)
            : tr("Below the anonymity threshold of %n: scores are withheld.", nullptr, threshold),
        tr("%Ln members were asked.", nullptr, static_cast<int>(rate.targets)),
        enough ? KpiCard::Tone::Neutral : KpiCard::Tone::Withheld);
}

// The chart splits at the slice's engagement, so it waits for the summary
// (or goes without the split when the summary failed).
void DashboardPage::showPriority()
{
    if (m_loader->state(Panel::Priority) != State::Ready)
        return;
    const State summary = m_loader->state(Panel::Summary);
    if (summary == State::Loading)
        return;
    const std::optional<double> engagement =
        summary == State::Ready ? m_loader->summary().engagement.value : std::nullopt;
    m_priority->setChart(m_loader->priority(), engagement);
    m_panels.value(Panel::Priority)->showContent();
}

void DashboardPage::showMemos()
{
    m_trendChart->setMemos(m_memos);
    m_memoMenu->clear();
    m_memoMenu->addAction(m_newMemoAction);
    m_memoMenu->addSeparator();
    const QLocale locale;
    for (const api::Memo &memo : std::as_const(m_memos)) {
        const QString date = locale.toString(memo.fields.date, QLocale::ShortFormat);
        //: A memo in the menu: its date and (the start of) its text.
        QAction *action =
            m_memoMenu->addAction(tr("%1  %2").arg(date, shortened(memo.fields.text)));
        action->setToolTip(memo.fields.text);
        connect(action, &QAction::triggered, this, [this, id = memo.id] { openMemo(id); });
    }
    if (m_memos.isEmpty())
        m_memoMenu->addAction(tr("No memos in this period"))->setEnabled(false);
}

void DashboardPage::fillFactorMenu()
{
    const QList<api::Factor> visible = m_trendChart->visibleFactors();
    for (QAction *action : m_factorMenu->actions()) {
        const auto factor = static_cast<api::Factor>(action->data().toInt());
        const QSignalBlocker blocker(action);
        action->setText(models::factorName(factor));
        action->setChecked(visible.contains(factor));
    }
}

// ---- access and language ------------------------------------------------------------

void DashboardPage::updateAccess(bool load)
{
    const bool access = m_access->hasAccess();
    const auto &me = m_session.person();
    const api::Role role = me ? me->role : api::Role::Viewer;
    // The service's rules, so that the page never offers what it would refuse.
    m_mayWriteMemos = access && role != api::Role::Viewer;
    m_mayEditBenchmarks = access && (role == api::Role::Owner || role == api::Role::Admin);
    m_newMemoAction->setVisible(m_mayWriteMemos);
    m_newMemoAction->setEnabled(m_mayWriteMemos);
    m_benchmarksAction->setVisible(m_mayEditBenchmarks);
    m_benchmarksAction->setEnabled(m_mayEditBenchmarks);
    m_access->showContent({m_filterBar, m_scroll},
                          {m_reloadAction, m_printAction, m_export->action()});
    m_access->rejectWithoutAccess({m_memoDialog, m_benchmarkDialog});
    if (m_benchmarkDialog && !m_mayEditBenchmarks)
        m_benchmarkDialog->reject();
    updateBreakdownVisibility();
    if (load) {
        // Another person, maybe of another company: nothing of the last one's choices stays.
        for (QComboBox *box : std::initializer_list<QComboBox *>{m_period, m_group, m_attribute}) {
            const QSignalBlocker blocker(box);
            box->setCurrentIndex(0);
        }
        m_knownValues.clear();
        fillValues();
        updateBreakdownVisibility();
        m_groups->reload();
        m_attributes->reload();
        const bool roundsLoaded = m_loader->state(Panel::Rounds) != State::Idle;
        m_failureReported = false;
        m_loader->load(queryFromFilters());
        // The rounds are loaded once per loader: another person needs theirs.
        if (roundsLoaded)
            m_loader->reload();
        return;
    }
    // Signed in again after the session ended: what failed meanwhile is asked again.
    if (access) {
        for (const Panel panel : m_panels.keys()) {
            if (m_loader->state(panel) == State::Failed) {
                m_loader->reload();
                break;
            }
        }
    }
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    setWindowTitle(tr("Dashboard"));
    // Mnemonics: none of the menu bar's (F, G, A), none twice on the page.
    m_periodLabel->setText(tr("&Period:"));
    m_period->setToolTip(tr("The closed round whose results the page shows"));
    m_groupLabel->setText(tr("Gro&up:"));
    m_group->setNoGroupText(tr("Whole company"));
    m_group->setToolTip(tr("The group whose results the page shows, with every group below it"));
    m_attributeLabel->setText(tr("A&ttribute:"));
    m_attribute->setToolTip(
        tr("Narrow the results to members with one value of an attribute, or compare its values"));
    m_valueLabel->setText(tr("&Value:"));
    fillAttributes();

    m_engagementCard->setTitle(tr("Engagement"));
    m_responseCard->setTitle(tr("Response rate"));
    m_changeCard->setTitle(tr("Change"));
    m_respondentsCard->setTitle(tr("Respondents"));
    if (m_loader->state(Panel::Summary) == State::Ready)
        showSummary();

    const auto titled = [this](Panel panel, const QString &title) {
        DashboardPanel *frame = m_panels.value(panel);
        frame->setTitle(title);
        return frame;
    };
    titled(Panel::Trend, tr("T&rend"));
    titled(Panel::Factors, tr("Factor s&cores"));
    titled(Panel::Heatmap, tr("&Heatmap of groups"));
    titled(Panel::Attributes, tr("Attribute brea&kdown"));
    titled(Panel::Priority, tr("Priorit&y: score and impact"));
    m_heatmapView->setToolTip(tr("Double-click a group or press Enter to see its results and "
                                 "trend. Click a column's header to sort by it."));
    m_breakdownView->setToolTip(
        tr("Double-click a value or press Enter to narrow the page to it."));
    m_factorsButton->setText(tr("&Lines"));
    m_factorsButton->setToolTip(tr("Choose the lines the trend shows"));
    m_memosButton->setText(tr("Memo&s"));
    m_memosButton->setToolTip(tr("Memos on the trend: open one, or write a new one"));

    m_newMemoAction->setText(tr("New &Memo…"));
    m_newMemoAction->setToolTip(
        withShortcut(tr("Mark an event on the trend with a short memo"), m_newMemoAction));
    m_benchmarksAction->setText(tr("&Benchmarks…"));
    m_benchmarksAction->setToolTip(tr("Set the figures the factor chart compares each score with"));
    m_printAction->setText(tr("Pr&int…"));
    m_printAction->setToolTip(withShortcut(tr("Print the dashboard as shown"), m_printAction));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(
        withShortcut(tr("Load the results again from the service"), m_reloadAction));
    showMemos();
}

} // namespace engage::ui
