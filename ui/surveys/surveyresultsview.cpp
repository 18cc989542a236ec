#include "surveyresultsview.h"

#include "models/apierror.h"
#include "models/surveys/surveyresultsmodel.h"
#include "models/surveys/surveytext.h"
#include "resultbardelegate.h"
#include "widgets/grouppicker.h"
#include "widgets/messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTreeView>
#include <QVBoxLayout>

namespace engage::ui {

SurveyResultsView::SurveyResultsView(models::ApiClient &client, QWidget *parent)
    : QWidget(parent)
    , m_model(new models::SurveyResultsModel(client, this))
    , m_title(new QLabel(this))
    , m_sliceLabel(new QLabel(this))
    , m_groups(new GroupPicker(this))
    , m_status(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_tree(new QTreeView(this))
{
    m_title->setObjectName(QStringLiteral("resultsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_sliceLabel->setBuddy(m_groups);
    m_status->setObjectName(QStringLiteral("anonymityStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(QStringLiteral("resultsTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegateForColumn(models::SurveyResultsModel::ShareColumn,
                                     new ResultBarDelegate(m_tree));
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(models::SurveyResultsModel::LabelColumn,
                                           QHeaderView::Interactive);

    auto *slice = new QHBoxLayout;
    slice->addWidget(m_sliceLabel);
    slice->addWidget(m_groups, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_title);
    layout->addLayout(slice);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);

    // Results set or loaded alike (a reset), so the view follows the model alone.
    connect(m_model, &QAbstractItemModel::modelReset, this, &SurveyResultsView::onLoaded);
    connect(m_model, &models::SurveyResultsModel::failed, this, &SurveyResultsView::onFailed);
    connect(m_model, &models::SurveyResultsModel::loadingChanged, this, [this](bool loading) {
        m_groups->setEnabled(!loading);
        if (loading)
            m_status->setText(tr("Loading the results…"));
    });
    connect(m_groups, &QComboBox::activated, this, &SurveyResultsView::onGroupPicked);
    retranslateUi();
}

void SurveyResultsView::showRound(const QString &roundId)
{
    m_banner->hide();
    api::SurveyResultsQuery query;
    query.groupId = m_groups->groupId().value_or(QString());
    m_model->load(roundId, query);
}

void SurveyResultsView::setGroups(const QList<models::GroupTreeModel::Entry> &groups)
{
    m_groups->setGroups(groups);
}

QString SurveyResultsView::anonymityText() const
{
    return m_status->text();
}

QString SurveyResultsView::titleText() const
{
    return m_title->text();
}

void SurveyResultsView::onLoaded()
{
    if (!m_model->results()) {
        updateStatus();
        return;
    }
    m_banner->hide();
    // A manager asking for the whole company gets their first group: the
    // picker says which slice is shown.
    const QString groupId = m_model->results()->slice.groupId;
    {
        const QSignalBlocker blocker(m_groups);
        m_groups->setGroupId(groupId.isEmpty() ? std::nullopt : std::optional<QString>(groupId));
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(models::SurveyResultsModel::CountColumn);
    updateStatus();
}

void SurveyResultsView::onFailed(const models::ApiError &error)
{
    m_banner->showError(error);
    m_banner->setAction(tr("Reload"), [this] { m_model->reload(); });
    updateStatus();
}

void SurveyResultsView::onGroupPicked()
{
    if (m_model->roundId().isEmpty())
        return;
    showRound(m_model->roundId());
}

void SurveyResultsView::updateStatus()
{
    const auto &results = m_model->results();
    if (!results) {
        m_title->clear();
        m_status->setText(m_model->isLoading() ? tr("Loading the results…") : QString());
        return;
    }
    const QString status = results->status == api::RoundStatus::Open
                               //: The round's results are still coming in.
                               ? tr("open, results so far")
                               : tr("closed");
    //: The results' title: %1 the survey's name, %2 the round's number, %3 its status.
    m_title->setText(tr("%1 — round %2 (%3)")
                         .arg(models::SurveyText::surveyName(results->surveyName),
                              QLocale().toString(results->roundNumber), status));
    m_status->setText(m_model->anonymityText());
}

void SurveyResultsView::retranslateUi()
{
    //: Label of the group picker above a survey's results.
    m_sliceLabel->setText(tr("&Group:"));
    m_groups->setNoGroupText(tr("Whole company"));
    updateStatus();
}

void SurveyResultsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace engage::ui
