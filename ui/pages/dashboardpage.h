#pragma once

#include "api/dashboard.h"
#include "models/apierror.h"
#include "models/dashboard/dashboardloader.h"

#include <QHash>
#include <QMap>
#include <QPointer>
#include <QWidget>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QPrinter;
class QScrollArea;
class QTableView;
class QToolButton;

namespace engage::models {
class ApiClient;
class AttributeBreakdownModel;
class AttributeListModel;
class DashboardEditor;
class FactorScoreModel;
class GroupTreeModel;
class HeatmapModel;
class PriorityModel;
class RoundListModel;
class Session;
class TrendModel;
} // namespace engage::models

namespace engage::ui {

class BenchmarkDialog;
class DashboardPanel;
class ExportController;
class FactorChart;
class GroupPicker;
class KpiCard;
class MemoDialog;
class MessageBanner;
class PageAccess;
class PriorityChart;
class TrendChart;

// The company at a glance (issue 6), the first page of the main window: KPI
// cards (engagement, response rate, change, respondents), the trend of
// engagement and chosen factors with memos as markers, the factors against
// the tenant's benchmarks, the heatmap of groups × factors, the priority
// chart (score × impact), and, when an attribute is chosen without a value,
// the breakdown by its values. One filter bar (a closed round, a group's
// subtree, an attribute and its value) drives every panel; each panel shows
// a skeleton while it loads and its own failure where it happened.
// Double-click or Enter on a heatmap row narrows the page to that group and
// takes the focus to its trend. Everyone signed in reads (anonymity is the
// service's: a withheld figure says why); owners and admins edit the
// benchmarks; memos are written by anyone but viewers. Print… lays the
// panels out on paper.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    DashboardPage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // The query the filters describe, and the one loaded (or loading).
    api::DashboardQuery queryFromFilters() const;
    const api::DashboardQuery &loadedQuery() const;

    // Renders the filters' description and every panel on `printer`'s pages.
    void print(QPrinter &printer);

    // For tests and the screenshot tool.
    models::DashboardLoader &loader() const { return *m_loader; }
    models::HeatmapModel &heatmapModel() const { return *m_heatmap; }
    models::AttributeBreakdownModel &breakdownModel() const { return *m_breakdown; }
    models::RoundListModel &roundModel() const { return *m_rounds; }
    models::GroupTreeModel &groupModel() const { return *m_groups; }
    models::AttributeListModel &attributeModel() const { return *m_attributes; }
    QComboBox *periodBox() const { return m_period; }
    GroupPicker *groupPicker() const { return m_group; }
    QComboBox *attributeBox() const { return m_attribute; }
    QComboBox *valueBox() const { return m_value; }
    KpiCard *engagementCard() const { return m_engagementCard; }
    KpiCard *responseRateCard() const { return m_responseCard; }
    KpiCard *changeCard() const { return m_changeCard; }
    KpiCard *respondentsCard() const { return m_respondentsCard; }
    DashboardPanel *panel(models::DashboardLoader::Panel panel) const;
    QTableView *heatmapView() const { return m_heatmapView; }
    QTableView *breakdownView() const { return m_breakdownView; }
    TrendChart *trendChart() const { return m_trendChart; }
    FactorChart *factorChart() const { return m_factorChart; }
    PriorityChart *priorityChart() const { return m_priorityChart; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *printAction() const { return m_printAction; }
    QAction *newMemoAction() const { return m_newMemoAction; }
    QAction *benchmarksAction() const { return m_benchmarksAction; }
    ExportController *exportController() const { return m_export; }
    QMenu *memoMenu() const { return m_memoMenu; }
    MessageBanner *banner() const { return m_banner; }
    MemoDialog *memoDialog() const;
    BenchmarkDialog *benchmarkDialog() const;

    // Opens the memo dialog on a memo of the trend (read-only when not the caller's).
    void openMemo(const QString &memoId);

public Q_SLOTS:
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateAccess(bool load);
    void applyFilters();
    void fillPeriods();
    void fillAttributes();
    void fillValues();
    void onStateChanged(models::DashboardLoader::Panel panel, models::DashboardLoader::State state);
    void onPanelLoaded(models::DashboardLoader::Panel panel);
    void showSummary();
    void showPriority();
    void showMemos();
    void updateBreakdownVisibility();
    void onHeatmapActivated(const QModelIndex &index);
    void onBreakdownActivated(const QModelIndex &index);
    void focusTrend();
    void onNewMemo();
    void onMemoDeleteRequested();
    void onEditBenchmarks();
    void onPrint();
    void onEditFailed(const models::ApiError &error);
    void fillFactorMenu();
    bool raiseOpenDialog();
    QString filterDescription() const;

    models::Session &m_session;
    PageAccess *m_access;
    models::DashboardLoader *m_loader;
    models::DashboardEditor *m_editor;
    models::RoundListModel *m_rounds;
    models::TrendModel *m_trend;
    models::FactorScoreModel *m_factors;
    models::HeatmapModel *m_heatmap;
    models::PriorityModel *m_priority;
    models::AttributeBreakdownModel *m_breakdown;
    models::GroupTreeModel *m_groups;
    models::AttributeListModel *m_attributes;

    MessageBanner *m_banner;
    QWidget *m_filterBar;
    QLabel *m_periodLabel;
    QComboBox *m_period;
    QLabel *m_groupLabel;
    GroupPicker *m_group;
    QLabel *m_attributeLabel;
    QComboBox *m_attribute;
    QLabel *m_valueLabel;
    QComboBox *m_value;
    QScrollArea *m_scroll;
    QWidget *m_cards;
    KpiCard *m_engagementCard;
    KpiCard *m_responseCard;
    KpiCard *m_changeCard;
    KpiCard *m_respondentsCard;
    TrendChart *m_trendChart;
    FactorChart *m_factorChart;
    PriorityChart *m_priorityChart;
    QTableView *m_heatmapView;
    QTableView *m_breakdownView;
    QToolButton *m_factorsButton;
    QMenu *m_factorMenu;
    QToolButton *m_memosButton;
    QMenu *m_memoMenu;
    QMap<models::DashboardLoader::Panel, DashboardPanel *> m_panels;
    QAction *m_reloadAction;
    QAction *m_printAction;
    QAction *m_newMemoAction;
    QAction *m_benchmarksAction;
    ExportController *m_export;
    QPointer<MemoDialog> m_memoDialog;
    QPointer<BenchmarkDialog> m_benchmarkDialog;
    std::unique_ptr<QPrinter> m_printer;

    QList<api::Memo> m_memos; // the loader's, kept current through the editor's answers
    // Values seen in an attribute's breakdown, so they can be chosen after it.
    QHash<QString, QStringList> m_knownValues;
    bool m_mayWriteMemos = false;
    bool m_mayEditBenchmarks = false;
    bool m_failureReported = false;  // one dialog per load for failures that stop the work
    bool m_focusTrendOnLoad = false; // a drill-down waits for the trend to show
};

} // namespace engage::ui
