#include "memberspage.h"

#include "api/attribute.h"
#include "api/validators.h"
#include "dialogs/confirmation.h"
#include "dialogs/errordialog.h"
#include "dialogs/groupdialog.h"
#include "dialogs/memberdialog.h"
#include "export/exportcontroller.h"
#include "models/attributelistmodel.h"
#include "models/export/memberexportsource.h"
#include "models/memberform.h"
#include "models/membertablemodel.h"
#include "models/session.h"
#include "widgets/messagebanner.h"
#include "widgets/pageaccess.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace engage::ui {

using models::GroupTreeModel;
using models::MemberTableModel;

namespace {

// A view-local action: Delete means the member in the table and the group in
// the tree, so each view has its own.
QAction *viewAction(const QKeySequence &shortcut, QWidget *view)
{
    QAction *action = pageAction(shortcut, view);
    action->setShortcutContext(Qt::WidgetShortcut);
    return action;
}

QLabel *headingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MembersPage::MembersPage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_access(new PageAccess(session, PageAccess::Audience::SignedIn, this))
    , m_members(new MemberTableModel(client, this))
    , m_groups(new GroupTreeModel(client, this))
    , m_attributes(new models::AttributeListModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_groupsLabel(headingLabel(this))
    , m_groupView(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_statusLabel(new QLabel(this))
    , m_statusFilter(new QComboBox(this))
    , m_attributeLabel(new QLabel(this))
    , m_attributeFilter(new QComboBox(this))
    , m_valueFilter(new QComboBox(this))
    , m_memberView(new QTableView(this))
    , m_count(new QLabel(this))
    , m_newAction(pageAction(QKeySequence::New, this))
    , m_editAction(pageAction({}, this))
    , m_deleteAction(viewAction(QKeySequence::Delete, m_memberView))
    , m_newGroupAction(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this))
    , m_renameGroupAction(pageAction(Qt::Key_F2, this))
    , m_deleteGroupAction(viewAction(QKeySequence::Delete, m_groupView))
    , m_importAction(pageAction({}, this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
    , m_findAction(pageAction(QKeySequence::Find, this))
    // Every member the table's query matches, in the import format.
    , m_export(new ExportController(
          this,
          [this] {
              return std::make_unique<models::MemberExportSource>(
                  m_client,
                  QLocale().language() == QLocale::Japanese ? QStringLiteral("ja")
                                                            : QStringLiteral("en"),
                  m_members->query(), m_session.tenant(), describeQuery());
          },
          ExportController::Formats::XlsxAndCsv, [this] { return m_session.tenant(); }))
{
    m_newAction->setShortcuts({QKeySequence::New, QKeySequence(Qt::Key_Insert)});
    m_members->setGroupNames([this](const QString &id) { return m_groups->groupName(id); });

    m_groupView->setObjectName(QStringLiteral("groups"));
    m_groupView->setModel(m_groups);
    m_groupView->setHeaderHidden(true);
    m_groupView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupView->setDragDropMode(QAbstractItemView::DragDrop);
    m_groupView->setDefaultDropAction(Qt::MoveAction);
    m_groupView->setDropIndicatorShown(true);
    m_groupView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_groupView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_groupView->setUniformRowHeights(true);
    m_groupsLabel->setBuddy(m_groupView);

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(api::kMemberSearchMaxLength);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    for (const int status :
         {-1, static_cast<int>(api::MemberStatus::Active),
          static_cast<int>(api::MemberStatus::OnLeave), static_cast<int>(api::MemberStatus::Left)})
        m_statusFilter->addItem(QString(), status);
    m_statusLabel->setBuddy(m_statusFilter);
    m_attributeLabel->setBuddy(m_attributeFilter);
    m_attributeFilter->addItem(QString(), QString());
    m_attributeFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_valueFilter->setMinimumContentsLength(12);
    m_valueFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_valueFilter->setEnabled(false);

    m_memberView->setObjectName(QStringLiteral("members"));
    m_memberView->setModel(m_members);
    m_memberView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_memberView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_memberView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memberView->setAlternatingRowColors(true);
    m_memberView->setWordWrap(false);
    m_memberView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_memberView->verticalHeader()->hide();
    // Rows of one height, so that the view need not measure thousands of them.
    m_memberView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_memberView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_memberView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    // The e-mail takes what is left: it is the longest and most often cut.
    header->setSectionResizeMode(MemberTableModel::EmailColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (QAction *action : {m_newAction, m_editAction, m_deleteAction})
        m_memberView->addAction(action);
    for (QAction *action : {m_newGroupAction, m_renameGroupAction, m_deleteGroupAction})
        m_groupView->addAction(action);

    // Left: the tree and what can be done to groups.
    auto *left = new QWidget(m_splitter);
    auto *groupButtons = new QHBoxLayout;
    QList<QPushButton *> groupButtonList;
    for (QAction *action : {m_newGroupAction, m_renameGroupAction, m_deleteGroupAction}) {
        groupButtonList.append(buttonFor(action, left));
        groupButtons->addWidget(groupButtonList.constLast());
    }
    groupButtons->addStretch();
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_groupsLabel);
    leftLayout->addWidget(m_groupView, 1);
    leftLayout->addLayout(groupButtons);

    // Right: filters, the table and its count.
    auto *right = new QWidget(m_splitter);
    // The search on a line of its own: it is what is used most, and the
    // filters beside it would squeeze it (and themselves) in Japanese.
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_statusFilter);
    filters->addSpacing(8);
    filters->addWidget(m_attributeLabel);
    filters->addWidget(m_attributeFilter);
    filters->addWidget(m_valueFilter, 1);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_search);
    rightLayout->addLayout(filters);
    rightLayout->addWidget(m_memberView, 1);
    rightLayout->addWidget(m_count);

    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({20 * em, 80 * em});
    m_splitter->setChildrenCollapsible(false);

    auto *toolbar = new QHBoxLayout;
    QList<QPushButton *> memberButtons;
    for (QAction *action :
         {m_newAction, m_editAction, m_deleteAction, m_importAction, m_export->action()}) {
        memberButtons.append(buttonFor(action, this));
        toolbar->addWidget(memberButtons.constLast());
    }
    toolbar->addStretch();
    QPushButton *reloadButton = buttonFor(m_reloadAction, this);
    toolbar->addWidget(reloadButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);

    // The visual order: member buttons, reload, the tree and its buttons, then
    // the filters and the table.
    QList<QWidget *> order;
    for (QPushButton *button : std::as_const(memberButtons))
        order.append(button);
    order << reloadButton << m_groupView;
    for (QPushButton *button : std::as_const(groupButtonList))
        order.append(button);
    order << m_search << m_statusFilter << m_attributeFilter << m_valueFilter << m_memberView;
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    connect(m_newAction, &QAction::triggered, this, &MembersPage::onNewMember);
    connect(m_editAction, &QAction::triggered, this, &MembersPage::onEditMember);
    connect(m_deleteAction, &QAction::triggered, this, &MembersPage::onDeleteMember);
    connect(m_newGroupAction, &QAction::triggered, this, &MembersPage::onNewGroup);
    connect(m_renameGroupAction, &QAction::triggered, this, &MembersPage::onRenameGroup);
    connect(m_deleteGroupAction, &QAction::triggered, this, &MembersPage::onDeleteGroup);
    connect(m_importAction, &QAction::triggered, this, &MembersPage::importRequested);
    connect(m_reloadAction, &QAction::triggered, this, &MembersPage::reload);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    // Enter, Return and double-click.
    connect(m_memberView, &QAbstractItemView::activated, this, &MembersPage::onEditMember);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applyQuery();
        m_memberView->setFocus(Qt::OtherFocusReason);
    });
    connect(m_searchDelay, &QTimer::timeout, this, &MembersPage::applyQuery);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MembersPage::applyQuery);
    connect(m_attributeFilter, &QComboBox::currentIndexChanged, this, [this] {
        fillValueFilter();
        applyQuery();
    });
    // A chosen value applies at once; a typed one after the typing pauses.
    connect(m_valueFilter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_valueFilter->isEditable())
            applyQuery();
    });
    connect(m_valueFilter, &QComboBox::editTextChanged, m_searchDelay, qOverload<>(&QTimer::start));

    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_selectedGroupId = current.data(GroupTreeModel::GroupIdRole).toString();
                updateActions();
                applyQuery();
            });
    connect(m_groups, &GroupTreeModel::loaded, this, [this] {
        m_groupView->expandAll();
        // The chosen group again, or all members when it is gone.
        if (!selectGroup(m_selectedGroupId))
            selectGroup({});
        m_members->groupNamesChanged();
        updateActions();
    });
    connect(m_groups, &GroupTreeModel::moveRequested, this, &MembersPage::onMoveRequested);
    connect(m_groups, &GroupTreeModel::edited, this, &MembersPage::onGroupEdited);
    connect(m_groups, &GroupTreeModel::editFailed, this, &MembersPage::onGroupEditFailed);
    connect(m_groups, &GroupTreeModel::staleEdit, this, &MembersPage::showStaleNotice);
    connect(m_groups, &GroupTreeModel::failed, this, &MembersPage::onFailed);
    connect(m_attributes, &models::AttributeListModel::loaded, this,
            &MembersPage::fillAttributeFilter);
    connect(m_attributes, &models::AttributeListModel::failed, this, &MembersPage::onFailed);

    connect(m_memberView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MembersPage::updateActions);
    connect(m_members, &QAbstractItemModel::modelReset, this, &MembersPage::updateActions);
    connect(m_members, &MemberTableModel::totalChanged, this, &MembersPage::updateCount);
    connect(m_members, &MemberTableModel::loadingChanged, this, &MembersPage::updateCount);
    connect(m_members, &MemberTableModel::staleEdit, this, &MembersPage::showStaleNotice);
    // Headers in another language have other widths.
    connect(m_members, &QAbstractItemModel::headerDataChanged, this, &MembersPage::sizeColumns);
    // The group counts in the tree follow a deletion.
    connect(m_members, &MemberTableModel::removed, m_groups, &GroupTreeModel::reload);
    connect(m_members, &MemberTableModel::failed, this, &MembersPage::onFailed);
    connect(m_access, &PageAccess::changed, this, &MembersPage::updateAccess);

    retranslateUi();
    sizeColumns();
    m_access->update();
}

// Wide enough for a typical value and for the header, without measuring
// rows (most of them are not even loaded).
void MembersPage::sizeColumns()
{
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    QHeaderView *header = m_memberView->horizontalHeader();
    const QList<std::pair<int, int>> widths{
        {MemberTableModel::NameColumn, 10 * em},
        {MemberTableModel::EmployeeCodeColumn, 5 * em},
        {MemberTableModel::GroupColumn, 8 * em},
        {MemberTableModel::EmploymentTypeColumn, 5 * em},
        {MemberTableModel::PositionColumn, 5 * em},
        {MemberTableModel::StatusColumn, 4 * em},
        // A long date in the language's own short form.
        {MemberTableModel::HireDateColumn, fontMetrics().horizontalAdvance(QLocale().toString(
                                               QDate(2000, 12, 31), QLocale::ShortFormat)) +
                                               2 * em}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
}

MembersPage::~MembersPage() = default;

// ---- state ---------------------------------------------------------------------

MemberDialog *MembersPage::memberDialog() const
{
    return m_memberDialog;
}

GroupDialog *MembersPage::groupDialog() const
{
    return m_groupDialog;
}

QString MembersPage::selectedGroupId() const
{
    return m_selectedGroupId;
}

bool MembersPage::selectGroup(const QString &groupId)
{
    const QModelIndex index = m_groups->indexOf(groupId);
    if (!index.isValid())
        return false;
    m_groupView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_groupView->scrollTo(index);
    return true;
}

std::optional<QString> MembersPage::selectedMemberId() const
{
    const QModelIndexList rows = m_memberView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return rows.constFirst().data(MemberTableModel::MemberIdRole).toString();
}

void MembersPage::reload()
{
    if (!m_access->hasAccess())
        return;
    m_banner->hide();
    m_groups->reload();
    m_attributes->reload();
    m_members->reload();
}

void MembersPage::applyQuery()
{
    if (!m_access->hasAccess())
        return;
    m_searchDelay->stop();
    api::MemberQuery query;
    query.search = api::normalizedText(m_search->text());
    if (!m_selectedGroupId.isEmpty())
        query.groupId = m_selectedGroupId;
    const int status = m_statusFilter->currentData().toInt();
    if (status >= 0)
        query.status = static_cast<api::MemberStatus>(status);
    const QString attributeId = m_attributeFilter->currentData().toString();
    if (const api::Attribute *attribute = m_attributes->attribute(attributeId)) {
        const QString value = m_valueFilter->isEditable()
                                  ? api::normalizedText(m_valueFilter->currentText())
                                  : m_valueFilter->currentData().toString();
        // A value typed half-way ("3.") is not a filter yet.
        if (!value.isEmpty() && !api::validateAttributeValue(attribute->fields, value)) {
            query.attributeId = attributeId;
            query.attributeValue = value;
        }
    }
    query.sort = m_members->query().sort;
    query.descending = m_members->query().descending;
    if (query == m_members->query())
        return;
    m_members->setQuery(query);
}

QString MembersPage::describeQuery() const
{
    const api::MemberQuery &query = m_members->query();
    QStringList parts;
    if (query.groupId)
        parts.append(tr("Group: %1").arg(m_groups->groupName(*query.groupId)));
    if (!query.search.isEmpty())
        parts.append(tr("Search: %1").arg(query.search));
    if (query.status)
        parts.append(tr("Status: %1").arg(MemberTableModel::statusText(*query.status)));
    if (const api::Attribute *attribute =
            query.attributeId ? m_attributes->attribute(*query.attributeId) : nullptr)
        //: An attribute filter on the export's cover: the attribute's name (%1), its value (%2).
        parts.append(tr("%1: %2").arg(models::AttributeListModel::displayName(attribute->fields),
                                      query.attributeValue));
    //: Separates the filters on the export's cover.
    return parts.join(tr("; "));
}

void MembersPage::fillAttributeFilter()
{
    const QString chosen = m_attributeFilter->currentData().toString();
    const QSignalBlocker blocker(m_attributeFilter);
    while (m_attributeFilter->count() > 1)
        m_attributeFilter->removeItem(m_attributeFilter->count() - 1);
    for (const api::Attribute &attribute : m_attributes->attributes())
        m_attributeFilter->addItem(models::AttributeListModel::displayName(attribute.fields),
                                   attribute.id);
    const int index = m_attributeFilter->findData(chosen);
    m_attributeFilter->setCurrentIndex(index < 0 ? 0 : index);
    m_attributeFilter->setEnabled(m_attributeFilter->count() > 1);
    fillValueFilter();
}

void MembersPage::fillValueFilter()
{
    const QSignalBlocker blocker(m_valueFilter);
    m_valueFilter->clear();
    const api::Attribute *attribute =
        m_attributes->attribute(m_attributeFilter->currentData().toString());
    m_valueFilter->setEnabled(attribute != nullptr);
    const bool choice = attribute && attribute->fields.type == api::AttributeType::Choice;
    m_valueFilter->setEditable(attribute && !choice);
    if (choice) {
        m_valueFilter->addItem(tr("(Any value)"), QString());
        for (const QString &value : attribute->fields.choices)
            m_valueFilter->addItem(value, value);
    }
    if (m_valueFilter->isEditable()) {
        m_valueFilter->lineEdit()->setClearButtonEnabled(true);
        m_valueFilter->lineEdit()->setPlaceholderText(
            attribute->fields.type == api::AttributeType::Date ? tr("YYYY-MM-DD") : tr("Value"));
    }
}

void MembersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MembersPage::retranslateUi()
{
    setWindowTitle(tr("Members"));
    m_groupsLabel->setText(tr("&Groups"));
    m_groupView->setAccessibleName(tr("Groups"));
    m_groupView->setToolTip(tr("Drag a group onto another one to move it there."));
    m_memberView->setAccessibleName(tr("Members"));
    m_search->setPlaceholderText(
        tr("Search by name, employee code or e-mail (%1)")
            .arg(m_findAction->shortcut().toString(QKeySequence::NativeText)));
    m_search->setAccessibleName(tr("Search"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_statusFilter->setItemText(0, tr("All"));
    for (int i = 1; i < m_statusFilter->count(); ++i)
        m_statusFilter->setItemText(i, MemberTableModel::statusText(static_cast<api::MemberStatus>(
                                           m_statusFilter->itemData(i).toInt())));
    m_attributeLabel->setText(tr("&Attribute:"));
    m_attributeFilter->setItemText(0, tr("(Any)"));
    // Attribute names have a Japanese and an English form.
    fillAttributeFilter();

    m_newAction->setText(tr("&New Member…"));
    m_newAction->setToolTip(withShortcut(tr("Add a member"), m_newAction));
    m_editAction->setText(tr("&Edit…"));
    //: Tooltip of the Edit button: the Enter key also opens the selected member.
    m_editAction->setToolTip(tr("Show and edit the selected member (Enter)"));
    m_deleteAction->setText(tr("&Delete…"));
    m_deleteAction->setToolTip(withShortcut(tr("Delete the selected member"), m_deleteAction));
    m_importAction->setText(tr("&Import…"));
    m_importAction->setToolTip(
        tr("Add and update members from an Excel workbook or a CSV file, after a preview"));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(
        withShortcut(tr("Load groups and members again from the service"), m_reloadAction));
    m_newGroupAction->setText(tr("New Gro&up…"));
    m_newGroupAction->setToolTip(
        withShortcut(tr("Add a group under the selected one"), m_newGroupAction));
    m_renameGroupAction->setText(tr("&Rename…"));
    m_renameGroupAction->setToolTip(
        withShortcut(tr("Rename the selected group or change its code"), m_renameGroupAction));
    m_deleteGroupAction->setText(tr("Delete Grou&p…"));
    m_deleteGroupAction->setToolTip(withShortcut(
        tr("Delete the selected group, once it has no members or subgroups"), m_deleteGroupAction));
    updateCount();
}

void MembersPage::updateAccess(bool load)
{
    const bool signedIn = m_access->hasAccess();
    const auto &me = m_session.person();
    const api::Role role = me ? me->role : api::Role::Viewer;
    // The service's rules, so that the page never offers what would only be
    // refused: viewers read, managers keep the members of their groups,
    // owners and admins shape the tree.
    m_mayEditMembers = signedIn && role != api::Role::Viewer;
    m_mayEditGroups = signedIn && (role == api::Role::Owner || role == api::Role::Admin);

    for (QAction *action : {m_newAction, m_editAction, m_deleteAction, m_importAction})
        action->setVisible(m_mayEditMembers);
    for (QAction *action : {m_newGroupAction, m_renameGroupAction, m_deleteGroupAction})
        action->setVisible(m_mayEditGroups);
    m_access->showContent({m_splitter}, {m_reloadAction});
    m_groupView->setDragEnabled(m_mayEditGroups);
    m_groupView->setAcceptDrops(m_mayEditGroups);

    m_access->rejectWithoutAccess({m_memberDialog, m_groupDialog});
    if (load) {
        m_selectedGroupId.clear();
        reload();
    }
    updateActions();
}

void MembersPage::updateActions()
{
    const bool member = selectedMemberId().has_value();
    m_newAction->setEnabled(m_mayEditMembers);
    m_editAction->setEnabled(member);
    m_deleteAction->setEnabled(m_mayEditMembers && member);
    m_importAction->setEnabled(m_mayEditMembers);
    const bool group = !m_selectedGroupId.isEmpty() && m_groups->group(m_selectedGroupId);
    m_newGroupAction->setEnabled(m_mayEditGroups);
    m_renameGroupAction->setEnabled(m_mayEditGroups && group);
    m_deleteGroupAction->setEnabled(m_mayEditGroups && group);
    m_reloadAction->setEnabled(m_access->hasAccess());
    m_export->action()->setEnabled(m_access->hasAccess());
}

void MembersPage::updateCount()
{
    const qint64 total = m_members->total();
    if (total < 0) {
        m_count->setText(m_members->isLoading() ? tr("Loading…") : QString());
        return;
    }
    m_count->setText(tr("%Ln members", nullptr, static_cast<int>(total)));
}

// ---- members -----------------------------------------------------------------

// One form at a time. A closed one may still wait for its deletion, so only
// a visible one counts.
bool MembersPage::raiseOpenDialog()
{
    for (QDialog *dialog : {static_cast<QDialog *>(m_memberDialog.data()),
                            static_cast<QDialog *>(m_groupDialog.data())}) {
        if (dialog && dialog->isVisible()) {
            dialog->raise();
            dialog->activateWindow();
            return true;
        }
    }
    return false;
}

void MembersPage::onNewMember()
{
    if (!m_mayEditMembers)
        return;
    if (raiseOpenDialog())
        return;
    auto *dialog = new MemberDialog(
        m_client, *m_groups, m_attributes->attributes(), std::nullopt,
        m_selectedGroupId.isEmpty() ? std::nullopt : std::optional<QString>(m_selectedGroupId),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MemberDialog::saved, this, &MembersPage::onMemberSaved);
    m_memberDialog = dialog;
    dialog->open();
}

void MembersPage::onEditMember()
{
    const auto memberId = selectedMemberId();
    if (!memberId)
        return;
    if (raiseOpenDialog())
        return;
    auto *dialog = new MemberDialog(m_client, *m_groups, m_attributes->attributes(), memberId,
                                    std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Viewers see every field but cannot save.
    dialog->okButton()->setVisible(m_mayEditMembers);
    connect(dialog, &MemberDialog::saved, this, &MembersPage::onMemberSaved);
    m_memberDialog = dialog;
    dialog->open();
}

void MembersPage::onMemberSaved(const api::Member &member)
{
    // The member's group's count changed, and the list's order and filter
    // may now place the member elsewhere or nowhere: both are loaded again.
    m_banner->showMessage(MessageBanner::Level::Information,
                          tr("%1 was saved.").arg(api::memberDisplayName(member.fields)));
    m_groups->reload();
    m_members->reload();
}

void MembersPage::onDeleteMember()
{
    const auto memberId = selectedMemberId();
    if (!memberId || !m_mayEditMembers)
        return;
    const int row = m_members->rowOf(*memberId);
    if (row < 0)
        return;
    const QString name = api::memberDisplayName(m_members->memberAt(row).fields);
    confirmDestruction(
        this, tr("Delete Member"), tr("Delete %1?").arg(name),
        tr("The member no longer receives surveys and leaves the list. Their answers stay in "
           "the results until the retention period ends. If they only left the company, set "
           "their status to Left instead."),
        tr("&Delete"), [this, id = *memberId] { m_members->remove(id); });
}

// ---- groups ------------------------------------------------------------------

void MembersPage::onNewGroup()
{
    if (!m_mayEditGroups || raiseOpenDialog())
        return;
    auto *dialog = new GroupDialog(
        *m_groups, std::nullopt,
        m_selectedGroupId.isEmpty() ? std::nullopt : std::optional<QString>(m_selectedGroupId),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::submitted, this,
            [this](const api::GroupFields &fields) { m_groups->create(fields); });
    m_groupDialog = dialog;
    dialog->open();
}

void MembersPage::onRenameGroup()
{
    const api::Group *group = m_groups->group(m_selectedGroupId);
    if (!m_mayEditGroups || !group || raiseOpenDialog())
        return;
    auto *dialog = new GroupDialog(*m_groups, *group, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::submitted, this,
            [this, id = group->id](const api::GroupFields &fields) {
                m_groups->update(id, fields.code, fields.name);
            });
    m_groupDialog = dialog;
    dialog->open();
}

void MembersPage::onDeleteGroup()
{
    const api::Group *group = m_groups->group(m_selectedGroupId);
    if (!m_mayEditGroups || !group)
        return;
    const QString name = group->fields.name;
    // Said at once rather than after a confirmation the service would refuse.
    if (m_groups->hasChildren(group->id) || m_groups->subtreeCount(group->id) > 0) {
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("%1 still has members or subgroups. Move them to another group "
                                 "first; a group is deleted only when it is empty.")
                                  .arg(name));
        return;
    }
    confirmDestruction(this, tr("Delete Group"), tr("Delete the group %1?").arg(name),
                       tr("The group leaves the tree. Past survey results keep it under its "
                          "old name."),
                       tr("&Delete"), [this, id = group->id] { m_groups->remove(id); });
}

void MembersPage::onMoveRequested(const QString &groupId, const QString &newParentId)
{
    const api::Group *group = m_groups->group(groupId);
    if (!m_mayEditGroups || !group)
        return;
    const QString question =
        newParentId.isEmpty()
            ? tr("Move %1 to the top level?").arg(group->fields.name)
            : tr("Move %1 into %2?").arg(group->fields.name, m_groups->groupName(newParentId));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Move Group"), question,
                                QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Its subgroups and members move with it. Results of past surveys "
                               "stay with the group wherever it is."));
    QPushButton *move = box->addButton(tr("&Move"), QMessageBox::AcceptRole);
    box->setDefaultButton(move);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, move, groupId, newParentId] {
        if (box->clickedButton() != move)
            return;
        m_groups->moveGroup(groupId, newParentId.isEmpty() ? std::nullopt
                                                           : std::optional<QString>(newParentId));
    });
    box->open();
}

void MembersPage::onGroupEdited(GroupTreeModel::Edit edit, const QString &groupId)
{
    if (m_groupDialog)
        m_groupDialog->accept();
    switch (edit) {
    case GroupTreeModel::Edit::Create:
        // The new group is chosen once the tree is loaded again.
        m_selectedGroupId = groupId;
        break;
    case GroupTreeModel::Edit::Remove:
        m_selectedGroupId.clear();
        break;
    case GroupTreeModel::Edit::Update:
    case GroupTreeModel::Edit::Move:
        break;
    }
}

void MembersPage::onGroupEditFailed(GroupTreeModel::Edit edit, const QString &groupId,
                                    const models::ApiError &error)
{
    if (m_groupDialog && m_groupDialog->isBusy() && error.isRecoverable()) {
        m_groupDialog->showError(error);
        return;
    }
    if (error.code == api::ProblemCode::Conflict) {
        const QString name = m_groups->groupName(groupId);
        if (edit == GroupTreeModel::Edit::Remove) {
            m_banner->showMessage(
                MessageBanner::Level::Warning,
                tr("%1 could not be deleted: it still has members (also members who left) or "
                   "subgroups.")
                    .arg(name));
            return;
        }
        if (edit == GroupTreeModel::Edit::Move) {
            m_banner->showMessage(MessageBanner::Level::Warning,
                                  tr("%1 cannot move into one of its own subgroups.").arg(name));
            return;
        }
    }
    onFailed(error);
}

void MembersPage::showStaleNotice()
{
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("Someone else changed this since the list was loaded, so your "
                             "change was not made. Reload to see their change, then try again."));
    m_banner->setAction(tr("Reload"), [this] { reload(); });
}

void MembersPage::onFailed(const models::ApiError &error)
{
    reportPageFailure(this, *m_banner, error);
}

} // namespace engage::ui
