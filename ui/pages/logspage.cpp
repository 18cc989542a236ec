#include "logspage.h"

#include "dialogs/errordialog.h"
#include "dialogs/logretentiondialog.h"
#include "export/exportcontroller.h"
#include "models/export/logexportsource.h"
#include "models/logentry.h"
#include "models/loghistogrammodel.h"
#include "models/logintegritycheck.h"
#include "models/logwindowmodel.h"
#include "models/session.h"
#include "models/usertablemodel.h"
#include "widgets/logdetailpane.h"
#include "widgets/loghistogram.h"
#include "widgets/messagebanner.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>
#include <climits>
#include <iterator>

namespace engage::ui {

using models::LogWindowModel;

namespace {

constexpr api::LogKind kTabs[] = {api::LogKind::Access, api::LogKind::Operation,
                                  api::LogKind::Error};

QLineEdit *filterField(QWidget *parent, int maxLength)
{
    auto *field = new QLineEdit(parent);
    field->setClearButtonEnabled(true);
    field->setMaxLength(maxLength);
    return field;
}

std::optional<QString> textOf(const QLineEdit *field)
{
    const QString text = field->text().trimmed();
    if (text.isEmpty() || !field->isEnabled())
        return std::nullopt;
    return text;
}

} // namespace

LogsPage::LogsPage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_model(new LogWindowModel(client, this))
    , m_histogramModel(new models::LogHistogramModel(client, this))
    , m_integrity(new models::LogIntegrityCheck(client, this))
    , m_people(new models::UserTableModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_unavailable(new QLabel(this))
    , m_content(new QWidget(this))
    , m_tabs(new QTabBar(m_content))
    , m_fromLabel(new QLabel(m_content))
    , m_fromCheck(new QCheckBox(m_content))
    , m_from(new QDateTimeEdit(m_content))
    , m_toCheck(new QCheckBox(m_content))
    , m_to(new QDateTimeEdit(m_content))
    , m_personLabel(new QLabel(m_content))
    , m_person(new QComboBox(m_content))
    , m_actionLabel(new QLabel(m_content))
    , m_action(filterField(m_content, api::kLogFilterMaxLength))
    , m_targetLabel(new QLabel(m_content))
    , m_targetType(filterField(m_content, api::kLogFilterMaxLength))
    , m_targetId(filterField(m_content, api::kLogFilterMaxLength))
    , m_statusLabel(new QLabel(m_content))
    , m_status(filterField(m_content, 3))
    , m_addressLabel(new QLabel(m_content))
    , m_address(filterField(m_content, 45))
    , m_searchLabel(new QLabel(m_content))
    , m_search(filterField(m_content, api::kLogSearchMaxLength))
    , m_histogram(new LogHistogram(*m_histogramModel, m_content))
    , m_splitter(new QSplitter(Qt::Horizontal, m_content))
    , m_view(new QTableView(m_splitter))
    , m_detail(new LogDetailPane(*m_model, m_splitter))
    , m_count(new QLabel(m_content))
    , m_jumpLabel(new QLabel(m_content))
    , m_jumpDate(new QDateEdit(m_content))
    , m_applyAction(pageAction(QKeySequence(), this))
    , m_clearAction(pageAction(QKeySequence(), this))
    , m_jumpAction(pageAction(QKeySequence(Qt::CTRL | Qt::Key_J), this))
    , m_liveAction(pageAction(QKeySequence(Qt::CTRL | Qt::Key_L), this))
    , m_copyAction(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this))
    , m_verifyAction(pageAction(QKeySequence(), this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
    , m_retentionAction(pageAction(QKeySequence(), this))
    // Every row of the log and filter the table shows.
    , m_export(new ExportController(
          this,
          [this] {
              const auto names = [this](const QString &id) {
                  return personName(id);
              };
              return std::make_unique<models::LogExportSource>(
                  m_client, m_model->log(), m_model->filter(), names, m_session.tenant(),
                  models::LogExportSource::describe(m_model->log(), m_model->filter(), names));
          },
          ExportController::Formats::XlsxOnly, [this] { return m_session.tenant(); }))
{
    for (int tab = 0; tab < int(std::size(kTabs)); ++tab)
        m_tabs->addTab(QString());
    m_tabs->setExpanding(false);
    m_tabs->setDocumentMode(true);

    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(QDateTime(now.date().addDays(-7), QTime(0, 0)));
    m_to->setDateTime(QDateTime(now.date().addDays(1), QTime(0, 0)));
    m_jumpDate->setCalendarPopup(true);
    m_jumpDate->setDate(now.date());
    m_liveAction->setCheckable(true);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // Fixed rows: a view that measured rows would read every one of millions.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_copyAction);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_detail->setMinimumWidth(240);
    m_model->setPersonNames([this](const QString &id) { return personName(id); });

    auto *filters = new QGridLayout;
    filters->setHorizontalSpacing(8);
    auto *fromBox = new QHBoxLayout;
    fromBox->addWidget(m_fromCheck);
    fromBox->addWidget(m_from, 1);
    fromBox->addWidget(m_toCheck);
    fromBox->addWidget(m_to, 1);
    // Three rows: when and who; what was done and how it ended; what it was
    // done to and any text, beside the buttons. Ids get room to be read.
    filters->addWidget(m_fromLabel, 0, 0);
    filters->addLayout(fromBox, 0, 1, 1, 3);
    filters->addWidget(m_personLabel, 0, 4);
    filters->addWidget(m_person, 0, 5, 1, 2);
    filters->addWidget(m_actionLabel, 1, 0);
    filters->addWidget(m_action, 1, 1);
    filters->addWidget(m_statusLabel, 1, 2);
    filters->addWidget(m_status, 1, 3);
    filters->addWidget(m_addressLabel, 1, 4);
    filters->addWidget(m_address, 1, 5, 1, 2);
    filters->addWidget(m_targetLabel, 2, 0);
    auto *target = new QHBoxLayout;
    target->addWidget(m_targetType, 1);
    target->addWidget(m_targetId, 3);
    filters->addLayout(target, 2, 1, 1, 3);
    filters->addWidget(m_searchLabel, 2, 4);
    filters->addWidget(m_search, 2, 5);
    auto *filterButtons = new QHBoxLayout;
    filterButtons->addWidget(buttonFor(m_applyAction, m_content));
    filterButtons->addWidget(buttonFor(m_clearAction, m_content));
    filters->addLayout(filterButtons, 2, 6);
    for (const int column : {1, 5})
        filters->setColumnStretch(column, 2);
    filters->setColumnStretch(3, 1);
    for (auto [label, buddy] : {std::pair<QLabel *, QWidget *>{m_fromLabel, m_fromCheck},
                                {m_personLabel, m_person},
                                {m_actionLabel, m_action},
                                {m_targetLabel, m_targetType},
                                {m_statusLabel, m_status},
                                {m_addressLabel, m_address},
                                {m_searchLabel, m_search},
                                {m_jumpLabel, m_jumpDate}})
        label->setBuddy(buddy);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_count);
    footer->addStretch();
    footer->addWidget(m_jumpLabel);
    footer->addWidget(m_jumpDate);
    for (QAction *action : {m_jumpAction, m_liveAction, m_copyAction, m_export->action(),
                            m_verifyAction, m_reloadAction, m_retentionAction}) {
        QPushButton *button = buttonFor(action, m_content);
        footer->addWidget(button);
        // The live tail's button shows whether it is on.
        if (action == m_liveAction) {
            button->setCheckable(true);
            connect(m_liveAction, &QAction::toggled, button, &QPushButton::setChecked);
        }
    }

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(m_tabs);
    content->addLayout(filters);
    content->addWidget(m_histogram);
    content->addWidget(m_splitter, 1);
    content->addLayout(footer);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_content, 1);
    layout->addWidget(m_unavailable, 1);

    connect(m_tabs, &QTabBar::currentChanged, this, &LogsPage::onTabChanged);
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QLineEdit *field : {m_action, m_targetType, m_targetId, m_status, m_address, m_search})
        connect(field, &QLineEdit::returnPressed, this, &LogsPage::applyFilter);
    connect(m_person, qOverload<int>(&QComboBox::activated), this, &LogsPage::applyFilter);
    connect(m_applyAction, &QAction::triggered, this, &LogsPage::applyFilter);
    connect(m_clearAction, &QAction::triggered, this, &LogsPage::clearFilter);
    connect(m_jumpAction, &QAction::triggered, this, &LogsPage::onJump);
    connect(m_liveAction, &QAction::toggled, m_model, &LogWindowModel::setLiveTail);
    connect(m_model, &LogWindowModel::liveTailChanged, m_liveAction, &QAction::setChecked);
    connect(m_copyAction, &QAction::triggered, this, &LogsPage::onCopy);
    connect(m_verifyAction, &QAction::triggered, m_integrity, &models::LogIntegrityCheck::start);
    connect(m_retentionAction, &QAction::triggered, this, [this] {
        auto *dialog = new LogRetentionDialog(m_client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        m_banner->hide();
        m_model->reload();
    });
    connect(m_histogram, &LogHistogram::rangeSelected, this, &LogsPage::onRangeSelected);
    // The bars count the rows the table lists, its live rows too.
    m_histogramModel->follow(*m_model);

    connect(m_model, &LogWindowModel::totalChanged, this, &LogsPage::updateCount);
    connect(m_model, &LogWindowModel::loadingChanged, this, [this] {
        updateCount();
        updateActions();
    });
    connect(m_model, &LogWindowModel::failed, this, &LogsPage::onFailed);
    connect(m_histogramModel, &models::LogHistogramModel::failed, this, &LogsPage::onFailed);
    connect(m_integrity, &models::LogIntegrityCheck::failed, this, &LogsPage::onFailed);
    connect(m_integrity, &models::LogIntegrityCheck::finished, this, &LogsPage::onVerified);
    connect(m_integrity, &models::LogIntegrityCheck::runningChanged, this,
            &LogsPage::updateActions);
    // A live row went in above: a view at the top stays there, to show it.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_view->setProperty("atTop", m_view->verticalScrollBar()->value() == 0); });
    connect(m_model, &LogWindowModel::liveRowsArrived, this, [this] {
        if (m_view->property("atTop").toBool())
            m_view->scrollToTop();
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogsPage::onCurrentRowChanged);
    // The selected row arrived, or left the cache.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &first, const QModelIndex &last) {
                const int row = m_view->currentIndex().row();
                if (row >= first.row() && row <= last.row())
                    onCurrentRowChanged();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        sizeColumns();
        m_detail->showEntry(nullptr);
        updateActions();
    });
    connect(m_people, &QAbstractItemModel::modelReset, this, [this] {
        const QString chosen = m_person->currentData().toString();
        m_person->clear();
        //: The person filter of the log viewer, unset.
        m_person->addItem(tr("Anyone"));
        for (int row = 0; row < m_people->rowCount(); ++row) {
            const api::Person &person = m_people->personAt(row);
            m_person->addItem(person.displayName, person.id);
        }
        m_person->setCurrentIndex(std::max(0, m_person->findData(chosen)));
        m_model->personNamesChanged();
    });
    connect(&m_session, &models::Session::stateChanged, this, &LogsPage::updateAccess);

    retranslateUi();
    updateFieldsForLog();
    updateAccess();
}

LogsPage::~LogsPage() = default;

api::LogKind LogsPage::currentLog() const
{
    return kTabs[std::clamp(m_tabs->currentIndex(), 0, 2)];
}

QString LogsPage::personName(const QString &personId) const
{
    const int row = m_people->rowOf(personId);
    return row < 0 ? QString() : m_people->personAt(row).displayName;
}

// Widths from the font, not from the rows: measuring rows would read them
// (millions). The longest text of each log takes the rest of the width.
void LogsPage::sizeColumns()
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    QHeaderView *header = m_view->horizontalHeader();
    const QString time = models::logTimeText(QDateTime(QDate(2000, 12, 28), QTime(23, 59, 59)),
                                             m_model->timeZone(), QLocale());
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const LogWindowModel::Field field = m_model->columnField(column);
        const int title = width(LogWindowModel::fieldName(field));
        int wanted = 0;
        switch (field) {
        case LogWindowModel::Field::Time:
            wanted = width(time);
            break;
        case LogWindowModel::Field::Person:
        case LogWindowModel::Field::Action:
            wanted = width(QString(16, u'n'));
            break;
        case LogWindowModel::Field::Method:
        case LogWindowModel::Field::Status:
            wanted = width(QStringLiteral("DELETE"));
            break;
        case LogWindowModel::Field::Latency:
            wanted = width(QStringLiteral("10,000.0 ms"));
            break;
        case LogWindowModel::Field::Address:
            wanted = width(QStringLiteral("255.255.255.255"));
            break;
        case LogWindowModel::Field::Target:
        case LogWindowModel::Field::Code:
        case LogWindowModel::Field::Category:
        case LogWindowModel::Field::UserAgent:
            wanted = width(QString(18, u'n'));
            break;
        case LogWindowModel::Field::RequestId:
            wanted = width(QString(36, u'0'));
            break;
        case LogWindowModel::Field::Path:
        case LogWindowModel::Field::Summary:
        case LogWindowModel::Field::Route:
            break;
        }
        const bool stretches = wanted == 0;
        header->setSectionResizeMode(column,
                                     stretches ? QHeaderView::Stretch : QHeaderView::Interactive);
        if (!stretches)
            header->resizeSection(column, std::max(wanted, title));
    }
}

void LogsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true;
    if (m_hasAccess && !m_loaded)
        load();
}

void LogsPage::retranslateUi()
{
    setWindowTitle(tr("Logs"));
    m_tabs->setTabText(0, tr("Access"));
    m_tabs->setTabToolTip(0, tr("Every request made to the service"));
    m_tabs->setTabText(1, tr("Operations"));
    m_tabs->setTabToolTip(1, tr("Every change: who changed what, and which fields"));
    m_tabs->setTabText(2, tr("Errors"));
    m_tabs->setTabToolTip(2, tr("Requests the service failed to answer"));
    //: Label of the time range filter of the log viewer; "from" and "to" follow.
    m_fromLabel->setText(tr("&Time:"));
    m_fromCheck->setText(tr("From"));
    m_toCheck->setText(tr("to"));
    m_fromCheck->setToolTip(tr("Show only rows at or after this time"));
    m_toCheck->setToolTip(tr("Show only rows before this time"));
    m_personLabel->setText(tr("&Person:"));
    if (m_person->count() == 0)
        m_person->addItem(QString());
    m_person->setItemText(0, tr("Anyone"));
    // Mnemonics: the menu bar owns F, G and A; each letter below is used once.
    m_actionLabel->setText(tr("Actio&n:"));
    m_targetLabel->setText(tr("Ta&rget:"));
    m_targetType->setPlaceholderText(tr("Type"));
    m_targetId->setPlaceholderText(tr("ID"));
    m_statusLabel->setText(tr("Stat&us:"));
    m_status->setPlaceholderText(tr("404 or 4xx"));
    m_addressLabel->setText(tr("IP a&ddress:"));
    m_searchLabel->setText(tr("Te&xt:"));
    m_search->setPlaceholderText(tr("Anywhere in the row"));
    m_jumpLabel->setText(tr("&Jump to date:"));
    m_applyAction->setText(tr("Appl&y Filters"));
    m_applyAction->setToolTip(tr("Show only the rows that match these filters (Enter)"));
    m_clearAction->setText(tr("Cl&ear"));
    m_clearAction->setToolTip(tr("Show every row again"));
    m_jumpAction->setText(tr("Sho&w"));
    m_jumpAction->setToolTip(
        withShortcut(tr("Scroll to the newest row of that day"), m_jumpAction));
    m_liveAction->setText(tr("&Live"));
    m_liveAction->setToolTip(
        withShortcut(tr("Show new rows at the top as they are written"), m_liveAction));
    m_copyAction->setText(tr("&Copy Row"));
    m_copyAction->setToolTip(
        withShortcut(tr("Copy every field of the selected row as text"), m_copyAction));
    m_verifyAction->setText(tr("&Verify Integrity"));
    m_verifyAction->setToolTip(
        tr("Check that no row of the access and operation logs was changed, removed or inserted"));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(withShortcut(tr("Count and load the rows again"), m_reloadAction));
    m_retentionAction->setText(tr("Retent&ion…"));
    m_retentionAction->setToolTip(
        tr("Keep every row in the database, or archive old rows into signed files"));
    m_view->setAccessibleName(tr("Log rows"));
    m_histogram->setToolTip(tr("Rows over time: drag across the bars to show only that time"));
    updateFieldsForLog();
    updateAccess();
    updateCount();
    sizeColumns();
    if (m_verification)
        onVerified(*m_verification);
}

// Each log has its own filters: the others are disabled, and say why.
void LogsPage::updateFieldsForLog()
{
    const api::LogKind kind = currentLog();
    const bool operation = kind == api::LogKind::Operation;
    m_targetType->setEnabled(operation);
    m_targetId->setEnabled(operation);
    m_targetLabel->setEnabled(operation);
    m_status->setEnabled(!operation);
    m_statusLabel->setEnabled(!operation);
    m_address->setEnabled(kind == api::LogKind::Access);
    m_addressLabel->setEnabled(kind == api::LogKind::Access);
    m_action->setPlaceholderText(operation ? tr("member.update or member.*") : tr("GET, POST, …"));
    const QString notHere = tr("This log has no such column");
    m_targetType->setToolTip(operation ? tr("What was changed: member, group, person, …")
                                       : notHere);
    m_targetId->setToolTip(operation ? tr("The ID of what was changed") : notHere);
    m_status->setToolTip(operation ? notHere
                                   : tr("An HTTP status such as 404, or a class such as 4xx"));
    m_address->setToolTip(kind == api::LogKind::Access ? tr("The IP address the request came from")
                                                       : notHere);
}

void LogsPage::updateAccess()
{
    const auto &me = m_session.person();
    const bool signedIn = m_session.state() == models::Session::State::SignedIn && me;
    const bool hadAccess = m_hasAccess;
    m_hasAccess = signedIn && (me->role == api::Role::Owner || me->role == api::Role::Admin);
    if (!m_hasAccess && hadAccess) {
        m_model->clear();
        m_loaded = false;
        m_withoutOption = false;
        m_verification.reset();
        m_banner->hide();
    }
    m_content->setVisible(m_hasAccess && !m_withoutOption);
    m_unavailable->setVisible(signedIn && (!m_hasAccess || m_withoutOption));
    if (!m_hasAccess)
        m_unavailable->setText(
            tr("Only owners and administrators can see the access, operation and error logs."));
    else if (m_withoutOption)
        m_unavailable->setText(
            tr("The access, operation and error logs come with the security option, which your "
               "organisation does not have. Its owner can add the option to the plan."));
    if (m_hasAccess && m_shown && !m_loaded)
        load();
    updateActions();
}

void LogsPage::updateActions()
{
    const bool ready = m_hasAccess && !m_withoutOption && m_loaded;
    m_applyAction->setEnabled(ready);
    m_clearAction->setEnabled(ready);
    m_jumpAction->setEnabled(ready && m_model->total() > 0);
    m_liveAction->setEnabled(ready);
    m_copyAction->setEnabled(ready && m_model->isLoaded(m_view->currentIndex().row()));
    m_verifyAction->setEnabled(ready && !m_integrity->isRunning());
    m_reloadAction->setEnabled(ready && !m_model->isLoading());
    m_export->action()->setEnabled(ready);
    const auto &me = m_session.person();
    m_retentionAction->setVisible(me && me->role == api::Role::Owner);
    m_retentionAction->setEnabled(ready);
}

void LogsPage::updateCount()
{
    const qint64 total = m_model->total();
    if (!m_loaded)
        m_count->clear();
    else if (total < 0)
        m_count->setText(tr("Counting rows…"));
    else
        m_count->setText(tr("%Ln row(s)", nullptr, int(std::min<qint64>(total, INT_MAX))));
    updateActions();
}

void LogsPage::load()
{
    m_loaded = true;
    m_people->reload();
    applyFilter();
}

api::Result<api::LogQuery> LogsPage::filterFromFields() const
{
    api::LogQuery filter;
    if (m_fromCheck->isChecked())
        filter.from = m_from->dateTime().toUTC();
    if (m_toCheck->isChecked())
        filter.to = m_to->dateTime().toUTC();
    const QString person = m_person->currentData().toString();
    if (!person.isEmpty())
        filter.person = person;
    filter.action = textOf(m_action);
    filter.targetType = textOf(m_targetType);
    filter.targetId = textOf(m_targetId);
    filter.status = textOf(m_status);
    filter.address = textOf(m_address);
    filter.search = m_search->text().trimmed();
    if (auto error = models::checkLogFilter(filter, currentLog()))
        return *error;
    return filter;
}

void LogsPage::applyFilter()
{
    if (!m_hasAccess || m_withoutOption)
        return;
    const auto filter = filterFromFields();
    if (!filter) {
        showFilterError(filter.error());
        return;
    }
    m_banner->hide();
    m_verification.reset();
    const api::LogKind kind = currentLog();
    m_model->setQuery(kind, filter.value());
    updateActions();
}

// The client's own sentence for the field the filter fails on.
void LogsPage::showFilterError(const api::Error &error)
{
    QString text;
    QWidget *field = nullptr;
    if (error.field == QLatin1String("status")) {
        text = tr("Enter a status such as 404, or a class such as 4xx.");
        field = m_status;
    } else if (error.field == QLatin1String("address")) {
        text = tr("Enter an IP address such as 192.0.2.10 or 2001:db8::1.");
        field = m_address;
    } else if (error.field == QLatin1String("to")) {
        text = tr("The end of the time range must be after its start.");
        field = m_to;
    } else if (error.field == QLatin1String("from")) {
        text = tr("The start of the time range is not a time the logs can hold.");
        field = m_from;
    } else if (error.field == QLatin1String("action")) {
        text = tr("Enter an action such as member.update or member.*, or a method such as GET.");
        field = m_action;
    } else if (error.field == QLatin1String("targetType") ||
               error.field == QLatin1String("targetId")) {
        text = tr("Enter a target type such as member, and its ID, in plain characters.");
        field = error.field == QLatin1String("targetId") ? m_targetId : m_targetType;
    } else if (error.field == QLatin1String("q")) {
        text = tr("Enter the text to look for in plain characters.");
        field = m_search;
    } else {
        text = tr("One of the filters cannot be used. Check them and try again.");
    }
    m_banner->showMessage(MessageBanner::Level::Warning, text);
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void LogsPage::clearFilter()
{
    m_fromCheck->setChecked(false);
    m_toCheck->setChecked(false);
    m_person->setCurrentIndex(0);
    for (QLineEdit *field : {m_action, m_targetType, m_targetId, m_status, m_address, m_search})
        field->clear();
    applyFilter();
}

void LogsPage::onTabChanged(int)
{
    updateFieldsForLog();
    if (m_loaded)
        applyFilter();
}

void LogsPage::onRangeSelected(const QDateTime &from, const QDateTime &to)
{
    m_fromCheck->setChecked(true);
    m_toCheck->setChecked(true);
    m_from->setDateTime(from.toLocalTime());
    m_to->setDateTime(to.toLocalTime());
    applyFilter();
}

void LogsPage::onCurrentRowChanged()
{
    const int row = m_view->currentIndex().row();
    m_detail->showEntry(row >= 0 ? m_model->entryAt(row) : nullptr);
    updateActions();
}

void LogsPage::onJump()
{
    const int row = m_model->rowForDate(m_jumpDate->date());
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->setFocus(Qt::OtherFocusReason);
}

void LogsPage::onCopy()
{
    const QString text = m_model->rowText(m_view->currentIndex().row());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void LogsPage::onVerified(const api::LogVerificationReport &report)
{
    m_verification = report;
    QStringList lines;
    lines.append(report.intact
                     ? tr("The logs are intact: no row was changed, removed or inserted.")
                     : tr("The logs were tampered with. Tell your security officer, and keep "
                          "this result."));
    for (const api::LogVerification &result : report.results)
        lines.append(models::LogIntegrityCheck::describe(result));
    m_banner->showMessage(report.intact ? MessageBanner::Level::Information
                                        : MessageBanner::Level::Error,
                          lines.join(QLatin1Char('\n')));
}

void LogsPage::onFailed(const models::ApiError &error)
{
    // The service's refusal for a tenant without the security option.
    if (error.kind == models::ApiError::Kind::Problem && error.httpStatus == 403) {
        m_model->clear();
        m_withoutOption = true;
        updateAccess();
        return;
    }
    if (reportPageFailure(this, *m_banner, error))
        m_banner->setAction(tr("Reload"), [this] { m_reloadAction->trigger(); });
}

} // namespace engage::ui
