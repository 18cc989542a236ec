#pragma once

#include "survey.h"

#include <QDateTime>
#include <QList>

namespace engage::api {

// When a survey's rounds open and close and its reminders go, from its
// delivery settings alone (issue 7): the scheduler runs it, the builder's
// calendar shows it, so both always agree. Pure: no clock, no store.
//
// Round n (1, 2, ...) opens on startDate + (n - 1) x the interval (the pulse's
// cadence, or the custom survey's recurrence; a one-shot survey has round 1
// only) at startTime in timeZone, and closes at 23:59:59.999 local time of
// its last day (periodDays counted from the opening day). Reminder k goes on
// the k-th of reminderDaysBeforeEnd (latest day first: the list sorted
// descending) at reminderTime, skipped when that moment is not after the
// opening. Local times that do not exist (a daylight-saving gap) move
// forward by the gap; ambiguous ones take the first occurrence. UTC
// QDateTimes.
struct PlannedRound
{
    int number = 1;
    QDateTime opensAt;
    QDateTime closesAt;
    QList<QDateTime> reminders; // ascending
};

// The first `count` rounds whose close is after `after` (all rounds from
// round 1 with an invalid `after`); fewer for a one-shot survey.
QList<PlannedRound> plannedRounds(const DeliverySettings &delivery, SurveyKind kind, int count,
                                  const QDateTime &after = {});
// The round with this number; nullopt past a one-shot survey's round 1.
std::optional<PlannedRound> plannedRound(const DeliverySettings &delivery, SurveyKind kind,
                                         int number);

} // namespace engage::api
