#pragma once

#include "api/result.h"
#include "api/survey.h"

#include <QWidget>
#include <optional>

class QCalendarWidget;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QTimeEdit;
class QTreeView;

namespace engage::models {
class AttributeListModel;
class GroupTreeModel;
class SurveyDocument;
class TargetCounter;
} // namespace engage::models

namespace engage::ui {

class GroupCheckModel;

// The delivery settings of the document being edited: the first start (day,
// time, time zone), the response period, how often it goes out (a pulse's
// cadence; once or every few weeks for a custom survey), the reminders (days
// before the end, time), the targets (groups of the tree, ticked; values of
// attributes and snapshot keys) and the comment threshold. Beside them a
// calendar marks the days of the upcoming rounds and their reminders
// (api::plannedRounds, as the service's scheduler plans them) and the number
// of members the targets reach is counted as they change. Every change is an
// undoable edit of the document.
class DeliveryEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryEditor)

public:
    DeliveryEditor(models::SurveyDocument &document, models::GroupTreeModel &groups,
                   models::AttributeListModel &attributes, models::TargetCounter &counter,
                   QWidget *parent = nullptr);
    ~DeliveryEditor() override;

    void setReadOnly(bool readOnly);
    // The validator's problem when it concerns the delivery ("delivery...."
    // or "commentThreshold"), shown beside its field; nullopt clears it.
    void showProblem(const std::optional<api::Error> &problem);
    // The members the targets reach today; nullopt while not counted.
    std::optional<int> population() const;

    // For tests and the screenshot tool.
    QDateEdit *startDateEdit() const { return m_startDate; }
    QSpinBox *periodBox() const { return m_period; }
    QListWidget *reminderList() const { return m_reminders; }
    QTreeView *groupView() const { return m_groupView; }
    QCalendarWidget *calendar() const { return m_calendar; }
    QLabel *populationLabel() const { return m_population; }
    QLabel *upcomingLabel() const { return m_upcoming; }
    // The days the calendar marks: the rounds' days and the reminders' days.
    QList<QDate> roundDays() const { return m_roundDays; }
    QList<QDate> reminderDays() const { return m_reminderDays; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshReminders();
    void refreshValues();
    void refreshConditions();
    void updateCalendar();
    void updatePopulation();
    void edit(int field, const api::DeliverySettings &delivery);
    api::DeliverySettings current() const;
    QDate countingDay() const;
    QString currentKey() const;

    models::SurveyDocument &m_document;
    models::GroupTreeModel &m_groups;
    models::AttributeListModel &m_attributes;
    models::TargetCounter &m_counter;
    GroupCheckModel *m_groupChecks;
    bool m_updating = false;
    bool m_readOnly = false;
    std::optional<api::Error> m_problem;
    QList<QDate> m_roundDays;
    QList<QDate> m_reminderDays;

    QGroupBox *m_whenBox;
    QLabel *m_startLabel;
    QDateEdit *m_startDate;
    QTimeEdit *m_startTime;
    QLabel *m_zoneLabel;
    QComboBox *m_timeZone;
    QLabel *m_periodLabel;
    QSpinBox *m_period;
    QLabel *m_periodEnd;
    QLabel *m_repeatLabel;
    QComboBox *m_cadence;
    QCheckBox *m_repeat;
    QSpinBox *m_recurrence;
    QLabel *m_whenProblem;
    QGroupBox *m_remindersBox;
    QListWidget *m_reminders;
    QLabel *m_reminderTimeLabel;
    QTimeEdit *m_reminderTime;
    QLabel *m_remindersProblem;
    QGroupBox *m_targetsBox;
    QTreeView *m_groupView;
    QLabel *m_attributeLabel;
    QComboBox *m_attribute;
    QListWidget *m_values;
    QLabel *m_conditions;
    QLabel *m_population;
    QLabel *m_targetsProblem;
    QLabel *m_thresholdLabel;
    QSpinBox *m_threshold;
    QGroupBox *m_calendarBox;
    QCalendarWidget *m_calendar;
    QLabel *m_legend;
    QLabel *m_upcoming;
};

} // namespace engage::ui
