#include "roundview.h"

#include "models/apierror.h"
#include "models/surveys/deliverylogmodel.h"
#include "models/surveys/roundprogressmodel.h"
#include "resultbardelegate.h"
#include "widgets/messagebanner.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace engage::ui {

using models::DeliveryLogModel;
using models::RoundProgressModel;

namespace {

constexpr int kAllStatuses = -1;

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
}

QLabel *heading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

RoundView::RoundView(models::ApiClient &client, QWidget *parent)
    : QWidget(parent)
    , m_progress(new RoundProgressModel(client, this))
    , m_log(new DeliveryLogModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_progressLabel(heading(this))
    , m_updated(new QLabel(this))
    , m_progressView(new QTableView(this))
    , m_totals(new QLabel(this))
    , m_logLabel(heading(this))
    , m_filterLabel(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_logView(new QTableView(this))
    , m_remind(pageAction(QKeySequence(), this))
{
    m_progressView->setObjectName(QStringLiteral("roundProgress"));
    m_progressView->setModel(m_progress);
    setUpTable(m_progressView);
    m_progressView->setItemDelegateForColumn(
        RoundProgressModel::RateColumn,
        new ResultBarDelegate(RoundProgressModel::ShareRole, m_progressView));
    QHeaderView *header = m_progressView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RoundProgressModel::RateColumn, QHeaderView::Stretch);
    m_updated->setObjectName(QStringLiteral("progressUpdated"));
    m_totals->setObjectName(QStringLiteral("deliveryTotals"));
    // Wrapped, these lines do not widen the pane: the survey list beside it
    // keeps room for its names.
    m_updated->setWordWrap(true);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_logView->setObjectName(QStringLiteral("deliveryLog"));
    m_logView->setModel(m_log);
    setUpTable(m_logView);
    m_logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("deliveryStatusFilter"));
    for (const int status :
         {kAllStatuses, int(api::DeliveryStatus::Pending), int(api::DeliveryStatus::Sent),
          int(api::DeliveryStatus::Bounced), int(api::DeliveryStatus::Printed)})
        m_filter->addItem(QString(), status);

    auto *remindButton = buttonFor(m_remind, this);
    remindButton->setObjectName(QStringLiteral("remindButton"));
    auto *progressTop = new QHBoxLayout;
    progressTop->addWidget(m_progressLabel);
    progressTop->addWidget(m_updated, 1);
    progressTop->addWidget(remindButton);
    auto *progressPanel = new QWidget(this);
    auto *progressLayout = new QVBoxLayout(progressPanel);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addLayout(progressTop);
    progressLayout->addWidget(m_progressView, 1);
    progressLayout->addWidget(m_totals);

    auto *logTop = new QHBoxLayout;
    logTop->addWidget(m_logLabel, 1);
    logTop->addWidget(m_filterLabel);
    logTop->addWidget(m_filter);
    auto *logPanel = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPanel);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(logTop);
    logLayout->addWidget(m_logView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(progressPanel);
    splitter->addWidget(logPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setTabOrder(m_progressView, remindButton);
    setTabOrder(remindButton, m_filter);
    setTabOrder(m_filter, m_logView);

    connect(m_progress, &RoundProgressModel::loaded, this, [this] {
        m_updatedAt = QDateTime::currentDateTime();
        updateStatus();
        updateActions();
    });
    connect(m_progress, &QAbstractItemModel::modelReset, this, &RoundView::updateActions);
    connect(m_progress, &RoundProgressModel::failed, this, [this](const models::ApiError &error) {
        if (error.kind == models::ApiError::Kind::Cancelled)
            return;
        m_banner->showError(error);
        m_banner->setAction(tr("Reload"), [this] { reload(); });
    });
    connect(m_progress, &RoundProgressModel::reminded, this, &RoundView::onReminded);
    connect(m_progress, &RoundProgressModel::remindFailed, this, &RoundView::onRemindFailed);
    connect(m_log, &DeliveryLogModel::failed, this, [this](const models::ApiError &error) {
        if (error.kind == models::ApiError::Kind::Cancelled)
            return;
        m_banner->showError(error);
        m_banner->setAction(tr("Reload"), [this] { reload(); });
    });
    connect(m_progressView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RoundView::updateActions);
    connect(m_filter, &QComboBox::activated, this, &RoundView::onFilterChanged);
    connect(m_remind, &QAction::triggered, this, &RoundView::onRemind);

    retranslateUi();
}

void RoundView::showRound(const QString &roundId, bool open)
{
    const bool another = roundId != m_progress->roundId();
    m_open = open;
    if (another) {
        m_banner->hide();
        m_updatedAt = QDateTime();
        m_progress->load(roundId);
        onFilterChanged();
    }
    updateRefreshing();
    updateActions();
    updateStatus();
}

void RoundView::setGroups(const QList<models::GroupTreeModel::Entry> &groups)
{
    m_progress->setGroups(groups);
}

void RoundView::reload()
{
    m_banner->hide();
    m_progress->reload();
    m_log->reload();
}

QString RoundView::roundId() const
{
    return m_progress->roundId();
}

QString RoundView::totalsText() const
{
    return m_totals->text();
}

QString RoundView::updatedText() const
{
    return m_updated->text();
}

std::optional<QString> RoundView::selectedGroupId() const
{
    const QModelIndexList rows = m_progressView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.constFirst().data(RoundProgressModel::GroupIdRole).toString();
}

void RoundView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RoundView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // What happened while hidden shows at once.
    if (m_open && !m_progress->roundId().isEmpty() && !m_progress->isRefreshing())
        m_progress->reload();
    updateRefreshing();
}

void RoundView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateRefreshing();
}

// Only what someone looks at is read again, and only while it can change.
void RoundView::updateRefreshing()
{
    m_progress->setRefreshing(m_open && isVisible() && !m_progress->roundId().isEmpty());
}

void RoundView::updateActions()
{
    const std::optional<QString> group = selectedGroupId();
    // Members outside any group are reminded with everyone, not as a group.
    m_remind->setEnabled(m_open && group && !group->isEmpty() && !m_progress->isReminding());
}

void RoundView::updateStatus()
{
    if (!m_open) {
        m_updated->setText(m_progress->roundId().isEmpty()
                               ? QString()
                               : tr("The round is closed: these are its final figures."));
    } else if (m_updatedAt.isValid()) {
        //: %1 the time the figures were read, %2 the seconds between two reads.
        m_updated->setText(
            tr("Updated %1, again every %n second(s) while shown.", nullptr,
               int(std::chrono::duration_cast<std::chrono::seconds>(m_progress->refreshInterval())
                       .count()))
                .arg(QLocale().toString(m_updatedAt.time(), QLocale::ShortFormat)));
    } else {
        m_updated->setText(tr("Loading…"));
    }
    m_totals->setText(m_progress->deliveryTotalsText());
}

void RoundView::onFilterChanged()
{
    const int status = m_filter->currentData().toInt();
    m_log->load(m_progress->roundId(),
                status == kAllStatuses ? std::nullopt : std::optional(api::DeliveryStatus(status)));
}

// "the members of “Sales”", "the members of “Sales” and the groups below it".
QString RoundView::groupPhrase(const QString &groupId) const
{
    const QString name = m_progress->groupName(groupId);
    return m_progress->hasSubgroups(groupId)
               ? tr("the members of “%1” and the groups below it").arg(name)
               : tr("the members of “%1”").arg(name);
}

void RoundView::onRemind()
{
    const std::optional<QString> group = selectedGroupId();
    if (!group || group->isEmpty() || !m_open)
        return;
    const std::optional<qint64> count = m_progress->nonRespondents(*group);
    if (count && *count == 0) {
        m_banner->showMessage(
            MessageBanner::Level::Information,
            tr("Everyone among %1 has answered: nobody to remind.").arg(groupPhrase(*group)));
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remind Now"), QString(),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("remindConfirmation"));
    box->setTextFormat(Qt::PlainText);
    if (count) {
        box->setText(tr("Send a reminder now to the %n member(s) who have not answered yet, "
                        "among %1?",
                        nullptr, int(std::min<qint64>(*count, INT_MAX)))
                         .arg(groupPhrase(*group)));
    } else {
        box->setText(tr("Send a reminder now to those who have not answered yet, among %1?")
                         .arg(groupPhrase(*group)));
        box->setInformativeText(tr("Too few members were asked in this group to say how many: "
                                   "the number would tell who answered."));
    }
    const QString more = tr("It goes out within a minute: by e-mail, or on the next printed "
                            "sheet for members without an address.");
    box->setInformativeText(
        box->informativeText().isEmpty() ? more : box->informativeText() + u'\n' + more);
    QPushButton *remind = box->addButton(tr("&Remind"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remind, group] {
        if (box->clickedButton() != remind)
            return;
        m_banner->hide();
        m_progress->remind(group);
        updateActions();
    });
    box->open();
}

void RoundView::onReminded(const std::optional<QString> &groupId,
                           const std::optional<qint64> &planned)
{
    const QString group = groupId ? groupPhrase(*groupId) : QString();
    // For a group under the threshold the service tells no count.
    if (!planned) {
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("The reminder is on its way to those who have not answered "
                                 "yet, among %1.")
                                  .arg(group));
    } else {
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("%n reminder(s) on the way to those who have not answered yet, "
                                 "among %1.",
                                 nullptr, int(std::min<qint64>(*planned, INT_MAX)))
                                  .arg(group));
    }
    m_log->reload();
    updateActions();
}

void RoundView::onRemindFailed(const std::optional<QString> &, const models::ApiError &error)
{
    updateActions();
    if (error.kind == models::ApiError::Kind::Cancelled || error.isUnauthenticated())
        return;
    if (error.code == api::ProblemCode::Conflict) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("The round has closed meanwhile, so nobody was reminded."));
        return;
    }
    if (error.code == api::ProblemCode::NotFound) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("This group has been removed meanwhile, so nobody was "
                                 "reminded. Reload to see the groups as they are."));
        m_banner->setAction(tr("Reload"), [this] { reload(); });
        return;
    }
    m_banner->showError(error);
}

void RoundView::retranslateUi()
{
    m_progressLabel->setText(tr("Answers by group"));
    m_logLabel->setText(tr("Delivery log"));
    m_filterLabel->setText(tr("Sho&w:"));
    const QStringList filters{tr("Everything"), tr("Waiting"), tr("Sent"),
                              //: Deliveries the mail server refused.
                              tr("Refused"), tr("On paper")};
    for (int i = 0; i < filters.size(); ++i)
        m_filter->setItemText(i, filters.at(i));
    m_remind->setText(tr("Re&mind Now…"));
    m_remind->setToolTip(tr("Send a reminder now to those in the selected group who have not "
                            "answered yet"));
    m_progressView->setAccessibleName(tr("Answers by group"));
    m_logView->setAccessibleName(tr("Delivery log"));
    updateStatus();
}

} // namespace engage::ui
