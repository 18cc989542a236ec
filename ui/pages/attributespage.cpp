#include "attributespage.h"

#include "dialogs/attributedialog.h"
#include "dialogs/confirmation.h"
#include "dialogs/errordialog.h"
#include "widgets/messagebanner.h"
#include "widgets/pageaccess.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace engage::ui {

using models::AttributeListModel;

AttributesPage::AttributesPage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_access(new PageAccess(session, PageAccess::Audience::OwnersAndAdmins, this))
    , m_model(new AttributeListModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_noAccess(new QLabel(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_addAction(pageAction(QKeySequence::New, this))
    , m_editAction(pageAction(Qt::Key_F2, this))
    , m_deleteAction(pageAction(QKeySequence::Delete, this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
{
    m_intro->setWordWrap(true);
    m_noAccess->setAlignment(Qt::AlignCenter);
    m_noAccess->setWordWrap(true);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AttributeListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AttributeListModel::OtherNameColumn, QHeaderView::Stretch);
    for (QAction *action : {m_addAction, m_editAction, m_deleteAction})
        m_view->addAction(action);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_addAction, m_editAction, m_deleteAction}) {
        m_buttons.append(buttonFor(action, this));
        buttons->addWidget(m_buttons.constLast());
    }
    buttons->addStretch();
    m_buttons.append(buttonFor(m_reloadAction, this));
    buttons->addWidget(m_buttons.constLast());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_noAccess, 1);

    QWidget *previous = m_buttons.constFirst();
    for (QWidget *next :
         {m_buttons.at(1), m_buttons.at(2), m_buttons.at(3), static_cast<QWidget *>(m_view)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_addAction, &QAction::triggered, this, [this] { openDialogFor(std::nullopt); });
    connect(m_editAction, &QAction::triggered, this, [this] {
        if (const auto row = selectedRow())
            openDialogFor(row);
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_access->hasAccess())
            openDialogFor(index.row());
    });
    connect(m_deleteAction, &QAction::triggered, this, &AttributesPage::onDelete);
    connect(m_reloadAction, &QAction::triggered, this, &AttributesPage::reload);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const auto row = selectedRow())
            m_selectedId = m_model->attributeAt(*row).id;
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectedId.isEmpty())
            selectAttribute(m_selectedId);
        updateActions();
        updateCount();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateActions();
            updateCount();
        });
    connect(m_model, &AttributeListModel::loadingChanged, this, [this] {
        updateActions();
        updateCount();
    });
    const auto saved = [this](const api::Attribute &attribute) {
        if (m_dialog)
            m_dialog->accept();
        selectAttribute(attribute.id);
    };
    connect(m_model, &AttributeListModel::created, this, saved);
    connect(m_model, &AttributeListModel::updated, this, saved);
    connect(m_model, &AttributeListModel::staleEdit, this, &AttributesPage::onStaleEdit);
    connect(m_model, &AttributeListModel::editFailed, this, &AttributesPage::onEditFailed);
    connect(m_model, &AttributeListModel::failed, this, &AttributesPage::onFailed);
    connect(m_access, &PageAccess::changed, this, &AttributesPage::updateAccess);

    retranslateUi();
    m_access->update();
}

AttributeDialog *AttributesPage::openDialog() const
{
    return m_dialog;
}

bool AttributesPage::selectAttribute(const QString &attributeId)
{
    const int row = m_model->rowOf(attributeId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void AttributesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AttributesPage::retranslateUi()
{
    setWindowTitle(tr("Attributes"));
    m_intro->setText(tr("Attributes describe members beyond their group, such as a location, a "
                        "union or a shift. Define them here; each member's values are set on the "
                        "Members page or by an import."));
    m_noAccess->setText(tr("Only owners and administrators can define attributes."));
    m_addAction->setText(tr("&Add…"));
    m_addAction->setToolTip(withShortcut(tr("Define a new attribute"), m_addAction));
    m_editAction->setText(tr("&Edit…"));
    m_editAction->setToolTip(
        withShortcut(tr("Change the selected attribute's names, type or choices"), m_editAction));
    m_deleteAction->setText(tr("De&lete…"));
    m_deleteAction->setToolTip(withShortcut(tr("Delete the selected attribute"), m_deleteAction));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(
        withShortcut(tr("Load the list again from the service"), m_reloadAction));
    m_view->setAccessibleName(tr("Attributes"));
    updateCount();
}

void AttributesPage::updateAccess(bool load)
{
    m_access->showContent({m_intro, m_view, m_count},
                          {m_addAction, m_editAction, m_deleteAction, m_reloadAction}, m_noAccess);
    m_access->rejectWithoutAccess({m_dialog});
    if (load)
        reload();
    updateActions();
}

void AttributesPage::updateActions()
{
    const bool hasAccess = m_access->hasAccess();
    const bool selected = hasAccess && selectedRow().has_value();
    m_addAction->setEnabled(hasAccess && m_model->rowCount() < api::kAttributesMax);
    m_editAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    m_reloadAction->setEnabled(hasAccess && !m_model->isLoading());
}

void AttributesPage::updateCount()
{
    const int total = m_model->rowCount();
    if (m_model->isLoading() && total == 0)
        m_count->setText(tr("Loading…"));
    else if (total >= api::kAttributesMax)
        m_count->setText(tr("%n attributes: the most a company can have.", nullptr, total));
    else
        //: %n attributes are defined; a company can have at most %1.
        m_count->setText(tr("%n attributes (at most %1)", nullptr, total).arg(api::kAttributesMax));
}

void AttributesPage::reload()
{
    if (!m_access->hasAccess())
        return;
    m_banner->hide();
    m_model->reload();
}

std::optional<int> AttributesPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.constFirst().row();
}

void AttributesPage::openDialogFor(std::optional<int> row)
{
    if (m_dialog) {
        m_dialog->activateWindow();
        return;
    }
    std::optional<api::AttributeFields> existing;
    QString attributeId;
    if (row) {
        existing = m_model->attributeAt(*row).fields;
        attributeId = m_model->attributeAt(*row).id;
    } else if (m_model->rowCount() >= api::kAttributesMax) {
        return;
    }
    auto *dialog = new AttributeDialog(existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AttributeDialog::saveRequested, this,
            [this, attributeId](const api::AttributeFields &fields) {
                if (attributeId.isEmpty()) {
                    m_model->create(fields);
                    return;
                }
                // Looked up again: the list may have been reloaded meanwhile.
                const int current = m_model->rowOf(attributeId);
                if (current >= 0)
                    m_model->update(current, fields);
                else
                    onStaleEdit(attributeId);
            });
    m_dialog = dialog;
    dialog->open();
}

void AttributesPage::onDelete()
{
    const auto row = selectedRow();
    if (!row)
        return;
    const api::Attribute attribute = m_model->attributeAt(*row);
    confirmDestruction(
        this, tr("Delete Attribute"),
        tr("Delete the attribute “%1”?").arg(AttributeListModel::displayName(attribute.fields)),
        tr("Members keep their values, but lists, filters and dashboards no longer show them. "
           "Survey answers already given are not changed."),
        tr("&Delete"), [this, id = attribute.id] {
            const int current = m_model->rowOf(id);
            if (current >= 0)
                m_model->remove(current);
        });
}

void AttributesPage::onStaleEdit(const QString &attributeId)
{
    Q_UNUSED(attributeId);
    if (m_dialog)
        m_dialog->reject();
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("Someone else changed or deleted this attribute since the list was "
                             "loaded, so your change was not made. Reload to see their change, "
                             "then try again."));
    m_banner->setAction(tr("Reload"), [this] { reload(); });
}

void AttributesPage::onEditFailed(AttributeListModel::Edit edit, const models::ApiError &error)
{
    if (error.isUnauthenticated() || error.kind == models::ApiError::Kind::Cancelled)
        return;
    // 409 is the service's "not now": which rule it was follows from the edit.
    QString explanation;
    if (error.code == api::ProblemCode::Conflict && edit == AttributeListModel::Edit::Create)
        explanation = tr("The company already has %n attributes, the most it can have. Delete "
                         "one it no longer needs, then add this one.",
                         nullptr, api::kAttributesMax);
    else if (error.code == api::ProblemCode::Conflict && edit == AttributeListModel::Edit::Update)
        explanation = tr("Members hold a choice you removed, so nothing was changed. Keep that "
                         "choice, or give those members another one first.");
    if (m_dialog && m_dialog->isBusy() && !error.isRecoverable()) {
        m_dialog->reject();
    } else if (m_dialog && m_dialog->isBusy()) {
        if (explanation.isEmpty())
            m_dialog->showError(error);
        else
            m_dialog->showMessage(explanation);
        return;
    }
    if (!explanation.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning, explanation);
        return;
    }
    onFailed(error);
}

void AttributesPage::onFailed(const models::ApiError &error)
{
    reportPageFailure(this, *m_banner, error);
}

} // namespace engage::ui
