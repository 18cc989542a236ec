#include "peoplepage.h"

#include "delegates/roledelegate.h"
#include "dialogs/confirmation.h"
#include "dialogs/errordialog.h"
#include "dialogs/groupscopedialog.h"
#include "dialogs/initialpassworddialog.h"
#include "dialogs/invitedialog.h"
#include "models/session.h"
#include "models/usertablemodel.h"
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
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <functional>
#include <utility>

namespace engage::ui {

using models::UserTableModel;

// Search by name or e-mail only (a role or status word typed into the search
// should not match half the list), roles sorted by rank rather than by their
// translated names, and the role cell editable where the signed-in person may
// change it.
class PeopleFilterModel final : public QSortFilterProxyModel
{
    Q_DISABLE_COPY_MOVE(PeopleFilterModel)

public:
    using RoleEditable = std::function<bool(int sourceRow)>;

    PeopleFilterModel(RoleEditable roleEditable, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_roleEditable(std::move(roleEditable))
    {
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setSortCaseSensitivity(Qt::CaseInsensitive);
        setSortLocaleAware(true);
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags flags = QSortFilterProxyModel::flags(index);
        if (index.column() == UserTableModel::RoleColumn &&
            m_roleEditable(mapToSource(index).row()))
            flags |= Qt::ItemIsEditable;
        return flags;
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QRegularExpression &pattern = filterRegularExpression();
        for (const int column : {UserTableModel::NameColumn, UserTableModel::EmailColumn}) {
            if (sourceModel()
                    ->index(sourceRow, column, sourceParent)
                    .data()
                    .toString()
                    .contains(pattern))
                return true;
        }
        return false;
    }

    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const auto &people = static_cast<const UserTableModel &>(*sourceModel());
        switch (left.column()) {
        case UserTableModel::RoleColumn:
            // Owner first: the declaration order of api::Role is by power.
            return left.data(UserTableModel::RoleRole).toInt() >
                   right.data(UserTableModel::RoleRole).toInt();
        case UserTableModel::LastSignInColumn:
            // By time, never by the localised text; "never signed in" first.
            return people.personAt(left.row()).lastSignInAt <
                   people.personAt(right.row()).lastSignInAt;
        default:
            return QSortFilterProxyModel::lessThan(left, right);
        }
    }

private:
    RoleEditable m_roleEditable;
};

PeoplePage::PeoplePage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_access(new PageAccess(session, PageAccess::Audience::OwnersAndAdmins, this))
    , m_model(new UserTableModel(client, this))
    , m_filter(
          new PeopleFilterModel([this](int row) { return mayEdit(m_model->personAt(row)); }, this))
    , m_banner(new MessageBanner(this))
    , m_noAccess(new QLabel(this))
    , m_searchLabel(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_addAction(pageAction(QKeySequence::New, this))
    , m_roleAction(pageAction(Qt::Key_F2, this))
    , m_statusAction(pageAction(QKeySequence(Qt::CTRL | Qt::Key_D), this))
    , m_deleteAction(pageAction(QKeySequence::Delete, this))
    , m_groupsAction(pageAction(QKeySequence(Qt::CTRL | Qt::Key_G), this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
    , m_findAction(pageAction(QKeySequence::Find, this))
{
    m_filter->setSourceModel(m_model);

    m_noAccess->setAlignment(Qt::AlignCenter);
    m_noAccess->setWordWrap(true);
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(UserTableModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserTableModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(UserTableModel::EmailColumn, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(
        UserTableModel::RoleColumn,
        new RoleDelegate([this](const QModelIndex &) { return grantableRoles(); },
                         [this](const QModelIndex &index, api::Role role) {
                             m_model->setRole(m_filter->mapToSource(index).row(), role);
                         },
                         this));
    for (QAction *action :
         {m_addAction, m_roleAction, m_statusAction, m_groupsAction, m_deleteAction})
        m_view->addAction(action);

    auto *buttons = new QHBoxLayout;
    for (QAction *action :
         {m_addAction, m_roleAction, m_statusAction, m_groupsAction, m_deleteAction}) {
        m_buttons.append(buttonFor(action, this));
        buttons->addWidget(m_buttons.constLast());
    }
    buttons->addStretch();
    buttons->addWidget(m_searchLabel);
    buttons->addWidget(m_search, 1);
    m_buttons.append(buttonFor(m_reloadAction, this));
    buttons->addWidget(m_buttons.constLast());

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_count);
    footer->addStretch();
    footer->addWidget(m_hint);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addLayout(footer);
    layout->addWidget(m_noAccess, 1);

    // The visual order: edit buttons, search, reload, then the table.
    QWidget *previous = m_buttons.constFirst();
    for (QWidget *next :
         {static_cast<QWidget *>(m_buttons.at(1)), static_cast<QWidget *>(m_buttons.at(2)),
          static_cast<QWidget *>(m_buttons.at(3)), static_cast<QWidget *>(m_buttons.at(4)),
          static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_buttons.at(5)),
          static_cast<QWidget *>(m_view)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_addAction, &QAction::triggered, this, &PeoplePage::onAdd);
    connect(m_roleAction, &QAction::triggered, this, &PeoplePage::onChangeRole);
    connect(m_statusAction, &QAction::triggered, this, &PeoplePage::onToggleStatus);
    connect(m_deleteAction, &QAction::triggered, this, &PeoplePage::onDelete);
    connect(m_groupsAction, &QAction::triggered, this, &PeoplePage::onGroups);
    connect(m_reloadAction, &QAction::triggered, this, &PeoplePage::reload);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        updateCount();
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const api::Person *person = selectedPerson())
            m_selectedId = person->id;
        updateActions();
    });
    // A reload resets the model, and with it the selection: put it back.
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectedId.isEmpty())
            selectPerson(m_selectedId);
        updateActions();
        updateCount();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateActions();
            updateCount();
        });
    // A person's role or status changed: the actions and their texts follow.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PeoplePage::updateActions);
    connect(m_model, &UserTableModel::loadingChanged, this, [this] {
        updateActions();
        updateCount();
    });
    connect(m_model, &UserTableModel::invited, this, &PeoplePage::onInvited);
    connect(m_model, &UserTableModel::staleEdit, this, &PeoplePage::onStaleEdit);
    connect(m_model, &UserTableModel::failed, this, &PeoplePage::onFailed);
    connect(m_access, &PageAccess::changed, this, &PeoplePage::updateAccess);

    retranslateUi();
    m_access->update();
}

bool PeoplePage::selectPerson(const QString &personId)
{
    const int row = m_model->rowOf(personId);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void PeoplePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PeoplePage::retranslateUi()
{
    setWindowTitle(tr("People"));
    m_noAccess->setText(tr("Only owners and administrators can see and manage people."));
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Name or e-mail"));
    m_search->setToolTip(tr("Show only the people whose name or e-mail contains this text (%1)")
                             .arg(m_findAction->shortcut().toString(QKeySequence::NativeText)));
    m_addAction->setText(tr("&Add…"));
    m_addAction->setToolTip(
        withShortcut(tr("Add a person with a first password shown once"), m_addAction));
    m_roleAction->setText(tr("Change &Role"));
    m_roleAction->setToolTip(withShortcut(tr("Change the selected person's role"), m_roleAction));
    m_deleteAction->setText(tr("De&lete…"));
    m_deleteAction->setToolTip(
        withShortcut(tr("Delete the selected person for good"), m_deleteAction));
    m_groupsAction->setText(tr("&Groups…"));
    m_groupsAction->setToolTip(
        withShortcut(tr("Choose the groups whose members and results the selected manager sees"),
                     m_groupsAction));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(
        withShortcut(tr("Load the list again from the service"), m_reloadAction));
    m_view->setAccessibleName(tr("People"));
    updateActions();
    updateCount();
    if (m_staleId && !m_banner->isHidden())
        showStaleNotice();
}

void PeoplePage::updateAccess(bool load)
{
    m_access->showContent(
        {m_searchLabel, m_search, m_view, m_count, m_hint},
        {m_addAction, m_roleAction, m_statusAction, m_groupsAction, m_deleteAction, m_reloadAction},
        m_noAccess);
    m_access->rejectWithoutAccess({m_inviteDialog, m_groupsDialog});
    if (load)
        reload();
    updateActions();
}

void PeoplePage::updateActions()
{
    const api::Person *person = selectedPerson();
    const bool editable = person && mayEdit(*person);
    const bool hasAccess = m_access->hasAccess();
    m_addAction->setEnabled(hasAccess);
    m_roleAction->setEnabled(editable);
    m_statusAction->setEnabled(editable);
    m_deleteAction->setEnabled(editable);
    // Only managers see by group; the others see the whole company or nothing.
    m_groupsAction->setEnabled(hasAccess && person && person->role == api::Role::Manager);
    m_reloadAction->setEnabled(hasAccess && !m_model->isLoading());

    if (person && person->status == api::PersonStatus::Disabled) {
        m_statusAction->setText(tr("Reac&tivate"));
        m_statusAction->setToolTip(
            withShortcut(tr("Let the selected person sign in again"), m_statusAction));
    } else {
        m_statusAction->setText(tr("&Deactivate"));
        m_statusAction->setToolTip(withShortcut(
            tr("Stop the selected person from signing in, keeping their history"), m_statusAction));
    }

    // Say why the buttons went grey, rather than leave the user guessing.
    const auto &me = m_session.person();
    if (!person || editable || !me)
        m_hint->clear();
    else if (person->id == me->id)
        m_hint->setText(tr("You cannot change your own role, deactivate or delete yourself."));
    else
        m_hint->setText(tr("Only an owner can change or delete an owner."));
}

void PeoplePage::updateCount()
{
    const int total = m_model->rowCount();
    if (m_model->isLoading() && total == 0)
        m_count->setText(tr("Loading…"));
    else if (m_search->text().trimmed().isEmpty())
        m_count->setText(tr("%n people", nullptr, total));
    else
        //: %1 people match the search, out of %n in all.
        m_count->setText(tr("%1 of %n people", nullptr, total).arg(m_filter->rowCount()));
}

void PeoplePage::reload()
{
    if (!m_access->hasAccess())
        return;
    m_staleId.reset();
    m_banner->hide();
    m_model->reload();
}

std::optional<int> PeoplePage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_filter->mapToSource(rows.constFirst()).row();
}

const api::Person *PeoplePage::selectedPerson() const
{
    const auto row = selectedRow();
    return row ? &m_model->personAt(*row) : nullptr;
}

bool PeoplePage::mayEdit(const api::Person &person) const
{
    // The service's rules (server/domain/peopleroutes.cpp), so that the page
    // never offers what would only be refused.
    const auto &me = m_session.person();
    if (!m_access->hasAccess() || !me || person.id == me->id)
        return false;
    return me->role == api::Role::Owner || person.role != api::Role::Owner;
}

QList<api::Role> PeoplePage::grantableRoles() const
{
    const auto &me = m_session.person();
    if (!m_access->hasAccess() || !me)
        return {};
    QList<api::Role> roles{api::Role::Admin, api::Role::Manager, api::Role::Viewer};
    if (me->role == api::Role::Owner)
        roles.prepend(api::Role::Owner);
    return roles;
}

void PeoplePage::onAdd()
{
    if (m_inviteDialog) {
        m_inviteDialog->activateWindow();
        return;
    }
    auto *dialog = new InviteDialog(grantableRoles(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InviteDialog::inviteRequested, this,
            [this](const QString &displayName, const QString &email, api::Role role) {
                m_model->invite(displayName, email, role);
            });
    m_inviteDialog = dialog;
    dialog->open();
}

void PeoplePage::onChangeRole()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex index = rows.constFirst().siblingAtColumn(UserTableModel::RoleColumn);
    m_view->setCurrentIndex(index);
    m_view->edit(index);
}

void PeoplePage::onToggleStatus()
{
    const auto row = selectedRow();
    if (!row)
        return;
    const bool active = m_model->personAt(*row).status == api::PersonStatus::Active;
    m_model->setStatus(*row, active ? api::PersonStatus::Disabled : api::PersonStatus::Active);
}

void PeoplePage::onDelete()
{
    const api::Person *person = selectedPerson();
    if (!person)
        return;
    const QString personId = person->id;
    confirmDestruction(
        this, tr("Delete Person"), tr("Delete %1?").arg(person->displayName),
        tr("They can no longer sign in, and this cannot be undone. What they did stays in the "
           "logs. To only stop them signing in, deactivate them instead."),
        tr("&Delete"), [this, personId] {
            // Looked up again: the list may have been reloaded meanwhile.
            const int row = m_model->rowOf(personId);
            if (row >= 0)
                m_model->remove(row);
        });
}

void PeoplePage::onGroups()
{
    const api::Person *person = selectedPerson();
    if (!person || person->role != api::Role::Manager)
        return;
    if (m_groupsDialog) {
        m_groupsDialog->activateWindow();
        return;
    }
    auto *dialog = new GroupScopeDialog(m_client, *person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_groupsDialog = dialog;
    dialog->open();
}

void PeoplePage::onInvited(const api::Person &person, const QString &initialPassword)
{
    if (m_inviteDialog)
        m_inviteDialog->accept();
    selectPerson(person.id);
    // Shown even when the invite dialog was cancelled while the service was
    // still answering: the person exists now, and this is the only chance to
    // see their password.
    auto *dialog = new InitialPasswordDialog(person, m_session.tenant(), initialPassword, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PeoplePage::onStaleEdit(const QString &personId)
{
    m_staleId = personId;
    showStaleNotice();
}

void PeoplePage::showStaleNotice()
{
    const int row = m_model->rowOf(*m_staleId);
    const QString text =
        row >= 0 ? tr("Someone else changed %1 since this list was loaded, so your change was "
                      "not made. Reload to see their change, then try again.")
                       .arg(m_model->personAt(row).displayName)
                 : tr("Someone else changed this person since this list was loaded, so your "
                      "change was not made. Reload to see their change, then try again.");
    m_banner->showMessage(MessageBanner::Level::Warning, text);
    m_banner->setAction(tr("Reload"), [this] { reload(); });
}

void PeoplePage::onFailed(const models::ApiError &error)
{
    if (m_inviteDialog && m_inviteDialog->isBusy()) {
        // A refused invitation (the e-mail is taken, say) is corrected in the
        // dialog, with what was typed still there.
        if (error.isRecoverable()) {
            m_inviteDialog->showError(error);
            return;
        }
        m_inviteDialog->reject();
    }
    // The banner now says something else than "changed meanwhile".
    if (reportPageFailure(this, *m_banner, error))
        m_staleId.reset();
}

} // namespace engage::ui
