#include "deliveryeditor.h"

#include "api/dashboard.h"
#include "api/deliveryplan.h"
#include "api/questionbank.h"
#include "dialogs/fieldproblem.h"
#include "models/attributelistmodel.h"
#include "models/grouptreemodel.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveytext.h"
#include "models/surveys/targetcounter.h"
#include "surveyproblem.h"
#include "surveysummary.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSet>
#include <QSpinBox>
#include <QTextCharFormat>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTreeView>
#include <QVBoxLayout>
#include <functional>

namespace engage::ui {

using models::SurveyDocument;
using models::SurveyText;
using Field = SurveyDocument::DeliveryField;

namespace {

// The start date's "not chosen yet": the earliest date of the field.
const QDate kNoDate(2000, 1, 1);
constexpr int kCalendarRounds = 12;
constexpr int kListedRounds = 4;
const QColor kRoundColour(0xd2, 0xe3, 0xfc);
const QColor kReminderColour(0xfd, 0xe2, 0xb5);

} // namespace

// The group tree with a tick beside each group: the ticked ones are the
// targets. "All members" has none (no group ticked means everyone).
class GroupCheckModel final : public QIdentityProxyModel
{
public:
    GroupCheckModel(QAbstractItemModel &groups, QObject *parent)
        : QIdentityProxyModel(parent)
    {
        setSourceModel(&groups);
    }

    std::function<void(const QString &groupId, bool checked)> toggled;
    QStringList checked;
    bool readOnly = false;

    void setChecked(const QStringList &ids)
    {
        checked = ids;
        announce(QModelIndex());
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags flags =
            QIdentityProxyModel::flags(index) & ~Qt::ItemIsDragEnabled & ~Qt::ItemIsDropEnabled;
        if (!groupId(index).isEmpty() && !readOnly)
            flags |= Qt::ItemIsUserCheckable;
        return flags;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::CheckStateRole && !groupId(index).isEmpty())
            return checked.contains(groupId(index)) ? Qt::Checked : Qt::Unchecked;
        return QIdentityProxyModel::data(index, role);
    }

    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        if (role != Qt::CheckStateRole || groupId(index).isEmpty() || readOnly)
            return QIdentityProxyModel::setData(index, value, role);
        if (toggled)
            toggled(groupId(index), value.toInt() == Qt::Checked);
        return true;
    }

private:
    static QString groupId(const QModelIndex &index)
    {
        return index.data(models::GroupTreeModel::GroupIdRole).toString();
    }

    void announce(const QModelIndex &parent)
    {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, 0, parent), {Qt::CheckStateRole});
        for (int row = 0; row < rows; ++row)
            announce(index(row, 0, parent));
    }
};

DeliveryEditor::DeliveryEditor(SurveyDocument &document, models::GroupTreeModel &groups,
                               models::AttributeListModel &attributes,
                               models::TargetCounter &counter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_groups(groups)
    , m_attributes(attributes)
    , m_counter(counter)
    , m_groupChecks(new GroupCheckModel(groups, this))
    , m_whenBox(new QGroupBox(this))
    , m_startLabel(new QLabel(m_whenBox))
    , m_startDate(new QDateEdit(m_whenBox))
    , m_startTime(new QTimeEdit(m_whenBox))
    , m_zoneLabel(new QLabel(m_whenBox))
    , m_timeZone(new QComboBox(m_whenBox))
    , m_periodLabel(new QLabel(m_whenBox))
    , m_period(new QSpinBox(m_whenBox))
    , m_periodEnd(new QLabel(m_whenBox))
    , m_repeatLabel(new QLabel(m_whenBox))
    , m_cadence(new QComboBox(m_whenBox))
    , m_repeat(new QCheckBox(m_whenBox))
    , m_recurrence(new QSpinBox(m_whenBox))
    , m_whenProblem(fieldProblemLabel(m_whenBox))
    , m_remindersBox(new QGroupBox(this))
    , m_reminders(new QListWidget(m_remindersBox))
    , m_reminderTimeLabel(new QLabel(m_remindersBox))
    , m_reminderTime(new QTimeEdit(m_remindersBox))
    , m_remindersProblem(fieldProblemLabel(m_remindersBox))
    , m_targetsBox(new QGroupBox(this))
    , m_groupView(new QTreeView(m_targetsBox))
    , m_attributeLabel(new QLabel(m_targetsBox))
    , m_attribute(new QComboBox(m_targetsBox))
    , m_values(new QListWidget(m_targetsBox))
    , m_conditions(new QLabel(m_targetsBox))
    , m_population(new QLabel(m_targetsBox))
    , m_targetsProblem(fieldProblemLabel(m_targetsBox))
    , m_thresholdLabel(new QLabel(m_targetsBox))
    , m_threshold(new QSpinBox(m_targetsBox))
    , m_calendarBox(new QGroupBox(this))
    , m_calendar(new QCalendarWidget(m_calendarBox))
    , m_legend(new QLabel(m_calendarBox))
    , m_upcoming(new QLabel(m_calendarBox))
{
    m_startDate->setObjectName(QStringLiteral("startDate"));
    m_startDate->setCalendarPopup(true);
    m_startDate->setDateRange(kNoDate, QDate(2099, 12, 31));
    m_startDate->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_startTime->setObjectName(QStringLiteral("startTime"));
    m_startTime->setDisplayFormat(QStringLiteral("HH:mm"));
    m_reminderTime->setObjectName(QStringLiteral("reminderTime"));
    m_reminderTime->setDisplayFormat(QStringLiteral("HH:mm"));
    m_timeZone->setObjectName(QStringLiteral("timeZone"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromLatin1(id));
    m_period->setObjectName(QStringLiteral("periodDays"));
    m_period->setRange(1, api::kResponsePeriodDaysMax);
    m_cadence->setObjectName(QStringLiteral("cadence"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    m_recurrence->setObjectName(QStringLiteral("recurrenceWeeks"));
    m_recurrence->setRange(1, 52);
    m_reminders->setObjectName(QStringLiteral("reminders"));
    m_reminders->setMinimumHeight(m_reminders->fontMetrics().height() * 6);
    m_groupView->setObjectName(QStringLiteral("targetGroups"));
    m_groupView->setModel(m_groupChecks);
    m_groupView->setHeaderHidden(true);
    m_groupView->setMinimumHeight(m_groupView->fontMetrics().height() * 8);
    m_attribute->setObjectName(QStringLiteral("targetAttribute"));
    m_values->setObjectName(QStringLiteral("targetValues"));
    m_values->setMaximumHeight(m_values->fontMetrics().height() * 6);
    m_conditions->setWordWrap(true);
    m_population->setObjectName(QStringLiteral("population"));
    m_population->setWordWrap(true);
    QFont bold = m_population->font();
    bold.setBold(true);
    m_population->setFont(bold);
    m_threshold->setObjectName(QStringLiteral("commentThreshold"));
    m_threshold->setRange(api::kAnonymityThresholdMin, api::kAnonymityThresholdMax);
    m_calendar->setObjectName(QStringLiteral("deliveryCalendar"));
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_legend->setWordWrap(true);
    m_upcoming->setObjectName(QStringLiteral("upcomingRounds"));
    m_upcoming->setWordWrap(true);
    m_upcoming->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startLabel->setBuddy(m_startDate);
    m_zoneLabel->setBuddy(m_timeZone);
    m_periodLabel->setBuddy(m_period);
    m_reminderTimeLabel->setBuddy(m_reminderTime);
    m_attributeLabel->setBuddy(m_attribute);
    m_thresholdLabel->setBuddy(m_threshold);

    // When.
    auto *start = new QHBoxLayout;
    start->addWidget(m_startDate, 1);
    start->addWidget(m_startTime);
    auto *period = new QHBoxLayout;
    period->addWidget(m_period);
    period->addWidget(m_periodEnd, 1);
    auto *repeat = new QHBoxLayout;
    repeat->addWidget(m_cadence);
    repeat->addWidget(m_repeat);
    repeat->addWidget(m_recurrence);
    repeat->addStretch();
    auto *when = new QFormLayout(m_whenBox);
    when->addRow(m_startLabel, start);
    when->addRow(m_zoneLabel, m_timeZone);
    when->addRow(m_periodLabel, period);
    when->addRow(m_repeatLabel, repeat);
    when->addRow(m_whenProblem);
    // Reminders.
    auto *reminderTime = new QHBoxLayout;
    reminderTime->addWidget(m_reminderTimeLabel);
    reminderTime->addWidget(m_reminderTime);
    reminderTime->addStretch();
    auto *reminders = new QVBoxLayout(m_remindersBox);
    reminders->addWidget(m_reminders, 1);
    reminders->addLayout(reminderTime);
    reminders->addWidget(m_remindersProblem);
    // Targets.
    auto *attribute = new QHBoxLayout;
    attribute->addWidget(m_attributeLabel);
    attribute->addWidget(m_attribute, 1);
    auto *threshold = new QHBoxLayout;
    threshold->addWidget(m_thresholdLabel);
    threshold->addWidget(m_threshold);
    threshold->addStretch();
    auto *targets = new QVBoxLayout(m_targetsBox);
    targets->addWidget(m_groupView, 2);
    targets->addLayout(attribute);
    targets->addWidget(m_values, 1);
    targets->addWidget(m_conditions);
    targets->addWidget(m_population);
    targets->addWidget(m_targetsProblem);
    targets->addLayout(threshold);
    // Calendar.
    auto *calendar = new QVBoxLayout(m_calendarBox);
    calendar->addWidget(m_calendar);
    calendar->addWidget(m_legend);
    calendar->addWidget(m_upcoming);
    calendar->addStretch(1);

    auto *left = new QVBoxLayout;
    left->addWidget(m_whenBox);
    left->addWidget(m_remindersBox, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(m_targetsBox, 3);
    layout->addWidget(m_calendarBox, 3);

    // Each field edits the document.
    connect(m_startDate, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        api::DeliverySettings delivery = current();
        delivery.startDate = date == kNoDate ? QDate() : date;
        edit(int(Field::Start), delivery);
    });
    connect(m_startTime, &QTimeEdit::timeChanged, this, [this](const QTime &time) {
        api::DeliverySettings delivery = current();
        delivery.startTime = time;
        edit(int(Field::Start), delivery);
    });
    connect(m_timeZone, &QComboBox::currentTextChanged, this, [this](const QString &zone) {
        api::DeliverySettings delivery = current();
        delivery.timeZone = zone.trimmed();
        edit(int(Field::TimeZone), delivery);
    });
    connect(m_period, &QSpinBox::valueChanged, this, [this](int days) {
        api::DeliverySettings delivery = current();
        delivery.periodDays = days;
        edit(int(Field::Period), delivery);
    });
    connect(m_cadence, &QComboBox::activated, this, [this] {
        api::DeliverySettings delivery = current();
        delivery.cadenceWeeks = m_cadence->currentData().toInt();
        edit(int(Field::Recurrence), delivery);
    });
    const auto onRecurrence = [this] {
        api::DeliverySettings delivery = current();
        delivery.recurrenceWeeks = m_repeat->isChecked() ? m_recurrence->value() : 0;
        edit(int(Field::Recurrence), delivery);
    };
    connect(m_repeat, &QCheckBox::toggled, this, onRecurrence);
    connect(m_recurrence, &QSpinBox::valueChanged, this, onRecurrence);
    connect(m_reminders, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        api::DeliverySettings delivery = current();
        const int day = item->data(Qt::UserRole).toInt();
        delivery.reminderDaysBeforeEnd.removeAll(day);
        if (item->checkState() == Qt::Checked)
            delivery.reminderDaysBeforeEnd.append(day);
        edit(int(Field::Reminders), delivery);
    });
    connect(m_reminderTime, &QTimeEdit::timeChanged, this, [this](const QTime &time) {
        api::DeliverySettings delivery = current();
        delivery.reminderTime = time;
        edit(int(Field::Reminders), delivery);
    });
    m_groupChecks->toggled = [this](const QString &groupId, bool checked) {
        api::DeliverySettings delivery = current();
        delivery.targets.groupIds.removeAll(groupId);
        if (checked)
            delivery.targets.groupIds.append(groupId);
        edit(int(Field::Targets), delivery);
    };
    connect(m_attribute, &QComboBox::currentIndexChanged, this, &DeliveryEditor::refreshValues);
    connect(m_values, &QListWidget::itemChanged, this, [this] {
        api::DeliverySettings delivery = current();
        const QString key = currentKey();
        QStringList values;
        for (int row = 0; row < m_values->count(); ++row) {
            if (m_values->item(row)->checkState() == Qt::Checked)
                values.append(m_values->item(row)->text());
        }
        auto &conditions = delivery.targets.attributes;
        const auto existing = std::find_if(
            conditions.begin(), conditions.end(),
            [&key](const std::pair<QString, QStringList> &c) { return c.first == key; });
        if (existing != conditions.end() && values.isEmpty())
            conditions.erase(existing);
        else if (existing != conditions.end())
            existing->second = values;
        else if (!values.isEmpty())
            conditions.append({key, values});
        edit(int(Field::Targets), delivery);
    });
    connect(m_threshold, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_updating && !m_readOnly)
            m_document.setCommentThreshold(value);
    });

    connect(&m_document, &SurveyDocument::deliveryChanged, this, &DeliveryEditor::refresh);
    connect(&m_document, &SurveyDocument::reset, this, &DeliveryEditor::refresh);
    connect(&m_groups, &QAbstractItemModel::modelReset, this, [this] {
        m_groupView->expandToDepth(1);
        refreshConditions();
    });
    connect(&m_attributes, &QAbstractItemModel::modelReset, this, &DeliveryEditor::retranslateUi);
    connect(&m_counter, &models::TargetCounter::loaded, this, [this] {
        refreshValues();
        updatePopulation();
    });
    connect(&m_counter, &models::TargetCounter::failed, this, &DeliveryEditor::updatePopulation);

    retranslateUi();
    refresh();
}

DeliveryEditor::~DeliveryEditor() = default;

void DeliveryEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_groupChecks->readOnly = readOnly;
    for (QWidget *field : std::initializer_list<QWidget *>{
             m_startDate, m_startTime, m_timeZone, m_period, m_cadence, m_repeat, m_recurrence,
             m_reminders, m_reminderTime, m_values, m_threshold})
        field->setEnabled(!readOnly);
    m_groupChecks->setChecked(current().targets.groupIds);
}

void DeliveryEditor::showProblem(const std::optional<api::Error> &problem)
{
    m_problem = problem;
    const auto part = [&problem](std::initializer_list<const char *> fields) {
        for (const char *field : fields) {
            if (concerns(problem, QStringLiteral("delivery.") + QLatin1String(field)))
                return problem;
        }
        return std::optional<api::Error>();
    };
    showSurveyProblem(m_whenProblem, m_startDate,
                      part({"startDate", "startTime", "timeZone", "periodDays", "cadenceWeeks",
                            "recurrenceWeeks"}));
    showSurveyProblem(m_remindersProblem, m_reminders,
                      part({"reminderDaysBeforeEnd", "reminderTime"}));
    std::optional<api::Error> targets = part({"targets"});
    if (concerns(problem, QStringLiteral("commentThreshold")))
        targets = problem;
    showSurveyProblem(m_targetsProblem, m_groupView, targets);
}

std::optional<int> DeliveryEditor::population() const
{
    return m_counter.count(current().targets, countingDay());
}

void DeliveryEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DeliveryEditor::retranslateUi()
{
    m_whenBox->setTitle(tr("When"));
    m_startLabel->setText(tr("&First delivery:"));
    m_startDate->setSpecialValueText(tr("Not chosen"));
    m_zoneLabel->setText(tr("Time &zone:"));
    m_periodLabel->setText(tr("Response &period:"));
    m_period->setSuffix(tr(" day(s)"));
    m_repeatLabel->setText(tr("Repeats:"));
    m_cadence->clear();
    for (const int weeks : api::pulseCadences())
        m_cadence->addItem(tr("Every %n week(s)", nullptr, weeks), weeks);
    m_repeat->setText(tr("&Repeat every"));
    m_recurrence->setSuffix(tr(" week(s)"));
    m_remindersBox->setTitle(tr("Reminders to those who have not answered"));
    m_reminderTimeLabel->setText(tr("Reminder &time:"));
    m_reminders->setAccessibleName(tr("Reminder days"));
    m_targetsBox->setTitle(tr("Targets"));
    m_groupView->setAccessibleName(tr("Target groups"));
    m_groupView->setToolTip(tr("Tick the groups whose members are asked. With none ticked, "
                               "every member is asked."));
    m_attributeLabel->setText(tr("Narrow by &attribute:"));
    m_values->setAccessibleName(tr("Values of the attribute"));
    m_thresholdLabel->setText(tr("List &comments from"));
    m_threshold->setSuffix(tr(" respondents"));
    m_calendarBox->setTitle(tr("Upcoming rounds"));
    m_legend->setText(tr("Blue: days a round is open. Orange: days reminders go out. Times "
                         "here are in the survey's time zone."));

    const QString key = currentKey();
    {
        const QSignalBlocker blocker(m_attribute);
        m_attribute->clear();
        m_attribute->addItem(tr("(choose an attribute)"), QString());
        for (const api::Attribute &attribute : m_attributes.attributes())
            m_attribute->addItem(models::AttributeListModel::displayName(attribute.fields),
                                 attribute.id);
        for (const QString &snapshotKey : api::snapshotKeys())
            m_attribute->addItem(SurveyText::snapshotKeyName(snapshotKey), snapshotKey);
        m_attribute->setCurrentIndex(std::max(0, m_attribute->findData(key)));
    }
    refresh();
}

api::DeliverySettings DeliveryEditor::current() const
{
    return m_document.definition().delivery;
}

QString DeliveryEditor::currentKey() const
{
    return m_attribute->currentData().toString();
}

QDate DeliveryEditor::countingDay() const
{
    const QDate start = current().startDate;
    return start.isValid() && start > QDate::currentDate() ? start : QDate::currentDate();
}

void DeliveryEditor::edit(int field, const api::DeliverySettings &delivery)
{
    if (m_updating || m_readOnly)
        return;
    m_document.setDelivery(static_cast<Field>(field), delivery);
}

void DeliveryEditor::refresh()
{
    const api::SurveyDefinition &definition = m_document.definition();
    const api::DeliverySettings &delivery = definition.delivery;
    const bool pulse = definition.kind == api::SurveyKind::Pulse;
    m_updating = true;
    m_startDate->setDate(delivery.startDate.isValid() ? delivery.startDate : kNoDate);
    m_startTime->setTime(delivery.startTime);
    if (m_timeZone->currentText() != delivery.timeZone)
        m_timeZone->setCurrentText(delivery.timeZone);
    m_period->setValue(delivery.periodDays);
    m_cadence->setVisible(pulse);
    m_repeat->setVisible(!pulse);
    m_recurrence->setVisible(!pulse);
    m_cadence->setCurrentIndex(m_cadence->findData(delivery.cadenceWeeks));
    m_repeat->setChecked(delivery.recurrenceWeeks > 0);
    m_recurrence->setEnabled(!m_readOnly && delivery.recurrenceWeeks > 0);
    if (delivery.recurrenceWeeks > 0)
        m_recurrence->setValue(delivery.recurrenceWeeks);
    m_reminderTime->setTime(delivery.reminderTime);
    m_threshold->setValue(definition.commentThreshold);
    m_groupChecks->setChecked(delivery.targets.groupIds);
    refreshReminders();
    m_updating = false;
    if (const auto first = api::plannedRound(delivery, definition.kind, 1);
        first && delivery.startDate.isValid())
        m_periodEnd->setText(
            tr("until %1").arg(SurveySummary::momentIn(first->closesAt, delivery.timeZone)));
    else
        m_periodEnd->clear();
    refreshValues();
    refreshConditions();
    updateCalendar();
    updatePopulation();
}

void DeliveryEditor::refreshReminders()
{
    const api::DeliverySettings &delivery = m_document.definition().delivery;
    const QSignalBlocker blocker(m_reminders);
    m_reminders->clear();
    // One line per day of the period, the last day first: most reminders go near the end.
    for (int day = 0; day < delivery.periodDays; ++day) {
        auto *item = new QListWidgetItem(SurveySummary::reminderDayText(day), m_reminders);
        item->setData(Qt::UserRole, day);
        item->setFlags(m_readOnly ? Qt::ItemIsEnabled
                                  : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(delivery.reminderDaysBeforeEnd.contains(day) ? Qt::Checked
                                                                         : Qt::Unchecked);
    }
}

void DeliveryEditor::refreshValues()
{
    const QString key = currentKey();
    const QSignalBlocker blocker(m_values);
    m_values->clear();
    m_values->setEnabled(!key.isEmpty() && !m_readOnly);
    if (key.isEmpty())
        return;
    QStringList values;
    const api::Attribute *attribute = m_attributes.attribute(key);
    if (attribute && attribute->fields.type == api::AttributeType::Choice)
        values = attribute->fields.choices;
    else
        values = m_counter.values(key, countingDay());
    QStringList chosen;
    for (const auto &[conditionKey, conditionValues] : current().targets.attributes) {
        if (conditionKey == key)
            chosen = conditionValues;
    }
    // A value chosen earlier that nobody holds now is still shown, so it can be unticked.
    for (const QString &value : std::as_const(chosen)) {
        if (!values.contains(value))
            values.append(value);
    }
    for (const QString &value : std::as_const(values)) {
        auto *item = new QListWidgetItem(value, m_values);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(value) ? Qt::Checked : Qt::Unchecked);
    }
}

void DeliveryEditor::refreshConditions()
{
    const api::TargetFilter &targets = current().targets;
    QStringList lines{SurveySummary::targetsText(targets, &m_groups)};
    for (const auto &[key, values] : targets.attributes) {
        const api::Attribute *attribute = m_attributes.attribute(key);
        const QString name = attribute ? models::AttributeListModel::displayName(attribute->fields)
                                       : SurveyText::snapshotKeyName(key);
        //: A target condition: an attribute (%1) and the values it must have (%2).
        lines << tr("%1: %2").arg(name, QLocale().createSeparatedList(values));
    }
    m_conditions->setText(lines.join(u'\n'));
}

void DeliveryEditor::updateCalendar()
{
    const api::SurveyDefinition &definition = m_document.definition();
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat());
    m_roundDays.clear();
    m_reminderDays.clear();
    if (!definition.delivery.startDate.isValid() || api::validateDefinition(definition)) {
        m_upcoming->setText(definition.delivery.startDate.isValid()
                                ? tr("Correct the settings to see the rounds.")
                                : tr("Choose the first delivery to see the rounds."));
        return;
    }
    const QTimeZone zone(definition.delivery.timeZone.toLatin1());
    const auto localDay = [&zone](const QDateTime &utc) {
        return utc.toTimeZone(zone).date();
    };
    const QList<api::PlannedRound> rounds = api::plannedRounds(
        definition.delivery, definition.kind, kCalendarRounds, QDateTime::currentDateTimeUtc());
    QTextCharFormat roundFormat;
    roundFormat.setBackground(kRoundColour);
    QTextCharFormat openingFormat = roundFormat;
    openingFormat.setFontWeight(QFont::Bold);
    QTextCharFormat reminderFormat;
    reminderFormat.setBackground(kReminderColour);
    QStringList listed;
    for (const api::PlannedRound &round : rounds) {
        for (QDate day = localDay(round.opensAt); day <= localDay(round.closesAt);
             day = day.addDays(1)) {
            m_roundDays.append(day);
            m_calendar->setDateTextFormat(day, day == localDay(round.opensAt) ? openingFormat
                                                                              : roundFormat);
        }
        QStringList reminders;
        for (const QDateTime &reminder : round.reminders) {
            m_reminderDays.append(localDay(reminder));
            m_calendar->setDateTextFormat(localDay(reminder), reminderFormat);
            reminders << SurveySummary::momentIn(reminder, definition.delivery.timeZone);
        }
        if (listed.size() < kListedRounds) {
            //: A planned round: its number, when it opens and closes.
            QString line =
                tr("Round %1: %2 – %3")
                    .arg(round.number)
                    .arg(SurveySummary::momentIn(round.opensAt, definition.delivery.timeZone),
                         SurveySummary::momentIn(round.closesAt, definition.delivery.timeZone));
            if (!reminders.isEmpty())
                line += u'\n' + tr("Reminders: %1").arg(QLocale().createSeparatedList(reminders));
            listed << line;
        }
    }
    if (!rounds.isEmpty())
        m_calendar->setSelectedDate(localDay(rounds.constFirst().opensAt));
    m_upcoming->setText(listed.isEmpty() ? tr("No round is planned after today.")
                                         : listed.join(QStringLiteral("\n\n")));
}

void DeliveryEditor::updatePopulation()
{
    if (const auto count = population()) {
        m_population->setText(
            tr("%n member(s) would be asked if the round opened on %1.", nullptr, *count)
                .arg(QLocale().toString(countingDay(), QLocale::ShortFormat)));
    } else if (m_counter.isLoading()) {
        m_population->setText(tr("Counting the members…"));
    } else {
        m_population->setText(tr("The members could not be counted."));
    }
}

} // namespace engage::ui
