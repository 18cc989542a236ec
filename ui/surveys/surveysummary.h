#pragma once

#include "api/survey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::models {
class GroupTreeModel;
}

namespace engage::ui {

// What a survey is, in sentences: the Surveys page's detail pane and the
// confirmation before publishing say it alike. Moments are in the user's
// locale and time zone.
class SurveySummary final
{
    Q_DECLARE_TR_FUNCTIONS(engage::ui::SurveySummary)

public:
    SurveySummary() = delete;

    static QString moment(const QDateTime &utc);
    // The same in a survey's time zone (IANA id), where its times are set.
    static QString momentIn(const QDateTime &utc, const QString &timeZone);
    // "on the last day", "2 days before the end".
    static QString reminderDayText(int daysBeforeEnd);
    // The questions: "12 questions" or the pulse's rotation.
    static QString questionsText(const api::SurveyDefinition &definition);
    // When it goes out, how long it is open, how often, and the reminders.
    static QStringList deliveryLines(const api::SurveyDefinition &definition);
    // Who it goes to; group names from `groups` when loaded.
    static QString targetsText(const api::TargetFilter &targets,
                               const models::GroupTreeModel *groups);
    // The detail pane's HTML for a survey.
    static QString detailHtml(const api::Survey &survey, const models::GroupTreeModel *groups);
    // The confirmation's text before publishing (plain, one line per fact).
    static QString publishingText(const api::SurveyDefinition &definition,
                                  const models::GroupTreeModel *groups,
                                  std::optional<int> targetCount);
};

} // namespace engage::ui
