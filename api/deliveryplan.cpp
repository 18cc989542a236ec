#include "deliveryplan.h"

#include <QTimeZone>
#include <algorithm>
#include <functional>

namespace engage::api {

namespace {

constexpr qint64 kMsecsPerDay = 24 * 60 * 60 * 1000;

// The UTC instant of a local wall-clock time in `zone`, resolved as
// deliveryplan.h says: a time in a gap moves forward by the gap, an
// ambiguous one takes its first occurrence. Qt 6.4 leaves both unspecified
// for QDateTime(date, time, zone), so the offsets in force a day before and
// a day after are tried explicitly (no zone changes its offset twice within
// two days).
QDateTime zonedInstant(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    const qint64 wall = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    const auto offsetAt = [&zone](qint64 utcMsecs) {
        return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMsecs, Qt::UTC))) * 1000;
    };
    const qint64 before = offsetAt(wall - kMsecsPerDay);
    const qint64 after = offsetAt(wall + kMsecsPerDay);
    QList<qint64> candidates;
    for (const qint64 offset : {before, after}) {
        const qint64 utc = wall - offset;
        if (offsetAt(utc) == offset)
            candidates.append(utc);
    }
    // None fits: the wall time is in a gap. Read with the offset before the
    // change, it lands after the change, later by the gap.
    const qint64 utc = candidates.isEmpty()
                           ? wall - before
                           : *std::min_element(candidates.cbegin(), candidates.cend());
    return QDateTime::fromMSecsSinceEpoch(utc, Qt::UTC);
}

// Weeks between two rounds' openings; 0 for a one-shot survey, -1 when the
// settings name no interval at all.
int intervalWeeks(const DeliverySettings &delivery, SurveyKind kind)
{
    if (kind == SurveyKind::Pulse)
        return delivery.cadenceWeeks > 0 ? delivery.cadenceWeeks : -1;
    return delivery.recurrenceWeeks >= 0 ? delivery.recurrenceWeeks : -1;
}

// What every round needs; the rest of the settings are the validators'.
bool isPlannable(const DeliverySettings &delivery, SurveyKind kind, const QTimeZone &zone)
{
    return delivery.startDate.isValid() && delivery.startTime.isValid() &&
           delivery.reminderTime.isValid() && delivery.periodDays >= 1 && zone.isValid() &&
           intervalWeeks(delivery, kind) >= 0;
}

PlannedRound planRound(const DeliverySettings &delivery, int number, int weeks,
                       const QTimeZone &zone)
{
    PlannedRound round;
    round.number = number;
    const QDate opening = delivery.startDate.addDays(qint64(number - 1) * weeks * 7);
    const QDate lastDay = opening.addDays(delivery.periodDays - 1);
    round.opensAt = zonedInstant(opening, delivery.startTime, zone);
    round.closesAt = zonedInstant(lastDay, QTime(23, 59, 59, 999), zone);
    QList<int> days = delivery.reminderDaysBeforeEnd;
    std::sort(days.begin(), days.end(), std::greater<>());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    for (const int daysBeforeEnd : std::as_const(days)) {
        const QDateTime at =
            zonedInstant(lastDay.addDays(-daysBeforeEnd), delivery.reminderTime, zone);
        // After the close only with a negative day, which validation refuses.
        if (at > round.opensAt && at <= round.closesAt)
            round.reminders.append(at);
    }
    return round;
}

} // namespace

std::optional<PlannedRound> plannedRound(const DeliverySettings &delivery, SurveyKind kind,
                                         int number)
{
    const QTimeZone zone(delivery.timeZone.toUtf8());
    if (number < 1 || !isPlannable(delivery, kind, zone))
        return std::nullopt;
    const int weeks = intervalWeeks(delivery, kind);
    if (weeks == 0 && number > 1)
        return std::nullopt;
    return planRound(delivery, number, weeks, zone);
}

QList<PlannedRound> plannedRounds(const DeliverySettings &delivery, SurveyKind kind, int count,
                                  const QDateTime &after)
{
    QList<PlannedRound> rounds;
    const QTimeZone zone(delivery.timeZone.toUtf8());
    if (count < 1 || !isPlannable(delivery, kind, zone))
        return rounds;
    const int weeks = intervalWeeks(delivery, kind);
    // Start at a round that surely closed before `after` (its period and a
    // day of time-zone offset either side earlier), so that a survey years
    // old is not walked from its first round.
    int number = 1;
    if (after.isValid() && weeks > 0) {
        const qint64 days = delivery.startDate.daysTo(after.toUTC().date());
        number = int(std::max<qint64>(1, (days - delivery.periodDays - 2) / (qint64(weeks) * 7)));
    }
    for (; rounds.size() < count; ++number) {
        if (weeks == 0 && number > 1)
            break;
        PlannedRound round = planRound(delivery, number, weeks, zone);
        if (!after.isValid() || round.closesAt > after)
            rounds.append(std::move(round));
    }
    return rounds;
}

} // namespace engage::api
