// The Dashboard page's actions: the drill-down from the heatmap and the
// breakdown, memos and benchmarks through DashboardEditor, and printing.
// (dashboardpage.cpp builds the page and shows what the loader answers.)

#include "charts/trendchart.h"
#include "dashboardpage.h"
#include "dialogs/benchmarkdialog.h"
#include "dialogs/confirmation.h"
#include "dialogs/errordialog.h"
#include "dialogs/memodialog.h"
#include "models/dashboard/attributebreakdownmodel.h"
#include "models/dashboard/dashboardeditor.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/roundlistmodel.h"
#include "widgets/dashboardpanel.h"
#include "widgets/grouppicker.h"
#include "widgets/messagebanner.h"
#include "widgets/pageaccess.h"

#include <QComboBox>
#include <QLocale>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QScrollArea>
#include <QStyle>
#include <algorithm>

namespace engage::ui {

using Panel = models::DashboardLoader::Panel;

// ---- drill-down ------------------------------------------------------------------

void DashboardPage::onHeatmapActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString groupId = index.siblingAtColumn(models::HeatmapModel::GroupColumn)
                                .data(models::HeatmapModel::GroupIdRole)
                                .toString();
    if (!groupId.isEmpty() && m_group->findData(groupId) < 0)
        return;
    if (const auto factor = models::HeatmapModel::factorOf(index.column()))
        m_trendChart->setFactorVisible(*factor, true);
    m_group->setGroupId(groupId.isEmpty() ? std::nullopt : std::optional<QString>(groupId));
    focusTrend();
}

void DashboardPage::onBreakdownActivated(const QModelIndex &index)
{
    // The model keeps the service's order, so its rows are the breakdown's.
    const QList<api::AttributeRow> &rows = m_breakdown->breakdown().rows;
    if (!index.isValid() || index.row() >= rows.size())
        return;
    const QString value = rows.at(index.row()).value;
    const int row = m_value->findData(value);
    if (value.isEmpty() || row < 0)
        return;
    m_value->setCurrentIndex(row);
    focusTrend();
}

// The trend shows a skeleton while the narrowed slice loads, and a hidden
// widget cannot hold the focus: it goes there once the trend is back.
void DashboardPage::focusTrend()
{
    DashboardPanel *trend = m_panels.value(Panel::Trend);
    m_scroll->ensureWidgetVisible(trend);
    m_focusTrendOnLoad = !trend->isShowingContent();
    if (!m_focusTrendOnLoad)
        m_trendChart->setFocus(Qt::OtherFocusReason);
}

// ---- memos and benchmarks --------------------------------------------------------

bool DashboardPage::raiseOpenDialog()
{
    for (QDialog *dialog : {static_cast<QDialog *>(m_memoDialog.data()),
                            static_cast<QDialog *>(m_benchmarkDialog.data())}) {
        if (dialog && dialog->isVisible()) {
            dialog->raise();
            dialog->activateWindow();
            return true;
        }
    }
    return false;
}

void DashboardPage::onNewMemo()
{
    if (!m_mayWriteMemos || raiseOpenDialog())
        return;
    // On the day the round shown closed, where its marker sits beside the point.
    const QModelIndex round = m_rounds->index(std::max(m_period->currentIndex(), 0));
    const QDate date = round.isValid()
                           ? round.data(models::RoundListModel::ClosesAtRole).toDateTime().date()
                           : QDate::currentDate();
    auto *dialog = new MemoDialog(std::nullopt, date, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MemoDialog::saveRequested, m_editor, &models::DashboardEditor::createMemo);
    m_memoDialog = dialog;
    dialog->open();
}

void DashboardPage::openMemo(const QString &memoId)
{
    const auto memo = std::find_if(m_memos.cbegin(), m_memos.cend(),
                                   [&memoId](const api::Memo &m) { return m.id == memoId; });
    if (memo == m_memos.cend() || raiseOpenDialog())
        return;
    auto *dialog = new MemoDialog(*memo, memo->fields.date, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MemoDialog::saveRequested, m_editor,
            [this, memo = *memo](const api::MemoFields &fields) {
                m_editor->updateMemo(memo, fields);
            });
    connect(dialog, &MemoDialog::deleteRequested, this, &DashboardPage::onMemoDeleteRequested);
    m_memoDialog = dialog;
    dialog->open();
}

void DashboardPage::onMemoDeleteRequested()
{
    if (!m_memoDialog || !m_memoDialog->memo())
        return;
    const api::Memo memo = *m_memoDialog->memo();
    confirmDestruction(
        m_memoDialog, tr("Delete Memo"),
        tr("Delete the memo of %1?").arg(QLocale().toString(memo.fields.date, QLocale::LongFormat)),
        memo.fields.shared ? tr("It leaves the trend for everyone who reads the dashboard.")
                           : tr("It leaves your trend."),
        tr("&Delete"), [this, memo] {
            if (!m_memoDialog)
                return;
            m_memoDialog->setBusy(true);
            m_editor->removeMemo(memo);
        });
}

void DashboardPage::onEditBenchmarks()
{
    if (!m_mayEditBenchmarks || raiseOpenDialog())
        return;
    auto *dialog = new BenchmarkDialog(m_loader->benchmarks(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BenchmarkDialog::saveRequested, m_editor,
            &models::DashboardEditor::saveBenchmarks);
    m_benchmarkDialog = dialog;
    dialog->open();
}

void DashboardPage::onEditFailed(const models::ApiError &error)
{
    if (m_memoDialog && m_memoDialog->isBusy() && !error.isUnauthenticated()) {
        m_memoDialog->showError(error);
        return;
    }
    if (m_benchmarkDialog && m_benchmarkDialog->isBusy() && !error.isUnauthenticated()) {
        m_benchmarkDialog->showError(error);
        return;
    }
    reportPageFailure(this, *m_banner, error);
}

// ---- printing ------------------------------------------------------------------------

QString DashboardPage::filterDescription() const
{
    const QString round = m_period->currentText();
    const QString group = m_group->currentText();
    if (m_attribute->currentData().toString().isEmpty())
        return tr("Round: %1 · Group: %2").arg(round, group);
    return tr("Round: %1 · Group: %2 · %3: %4")
        .arg(round, group, m_attribute->currentText(), m_value->currentText());
}

void DashboardPage::onPrint()
{
    if (!m_access->hasAccess())
        return;
    if (!m_printer) {
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        m_printer->setPageOrientation(QPageLayout::Landscape);
    }
    auto *dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { print(*m_printer); });
    dialog->open();
}

// Paper is white whatever the screen's theme: the panels are drawn in the
// style's standard (light) palette, each as wide as the page, the next on a
// new page when it does not fit.
void DashboardPage::print(QPrinter &printer)
{
    QWidget *content = m_scroll->widget();
    const bool ownPalette = content->testAttribute(Qt::WA_SetPalette);
    const QPalette screenPalette = content->palette();
    content->setPalette(style()->standardPalette());

    QPainter painter;
    if (!painter.begin(&printer)) {
        content->setPalette(ownPalette ? screenPalette : QPalette());
        m_banner->showMessage(MessageBanner::Level::Error, tr("The printer could not be started."));
        return;
    }
    const QRectF page(0, 0, printer.width(), printer.height());
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.4);
    painter.setFont(heading);
    painter.setPen(Qt::black);
    QRectF used;
    painter.drawText(page, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     windowTitle() + u'\n' + filterDescription(), &used);
    qreal y = used.bottom() + used.height() * 0.2;

    QList<QWidget *> parts{m_cards};
    for (const Panel panel :
         {Panel::Trend, Panel::Factors, Panel::Heatmap, Panel::Attributes, Panel::Priority}) {
        if (m_panels.value(panel)->isVisible())
            parts.append(m_panels.value(panel));
    }
    for (QWidget *part : std::as_const(parts)) {
        // Side by side on screen, one under the other on paper.
        const qreal scale =
            std::min(page.width() / part->width(), page.height() * 0.6 / part->height());
        const qreal height = part->height() * scale;
        if (y + height > page.height() && y > 0) {
            printer.newPage();
            y = 0;
        }
        painter.save();
        painter.translate(0, y);
        painter.scale(scale, scale);
        part->render(&painter, {}, {}, QWidget::DrawChildren);
        painter.restore();
        y += height + page.height() * 0.02;
    }
    painter.end();
    content->setPalette(ownPalette ? screenPalette : QPalette());
}

} // namespace engage::ui
