#include "surveysummary.h"

#include "api/deliveryplan.h"
#include "api/questionbank.h"
#include "models/grouptreemodel.h"
#include "models/surveys/surveylistmodel.h"
#include "models/surveys/surveytext.h"

#include <QLocale>
#include <QTimeZone>
#include <algorithm>

namespace engage::ui {

using models::SurveyText;

namespace {

constexpr int kUpcomingRounds = 3;

QString paragraph(const QStringList &lines)
{
    QStringList escaped;
    for (const QString &line : lines)
        escaped << line.toHtmlEscaped();
    return QStringLiteral("<p>%1</p>").arg(escaped.join(QStringLiteral("<br>")));
}

} // namespace

QString SurveySummary::moment(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString SurveySummary::momentIn(const QDateTime &utc, const QString &timeZone)
{
    const QTimeZone zone(timeZone.toLatin1());
    return QLocale().toString(zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime(),
                              QLocale::ShortFormat);
}

QString SurveySummary::reminderDayText(int daysBeforeEnd)
{
    if (daysBeforeEnd == 0)
        return tr("on the last day");
    return tr("%n day(s) before the end", nullptr, daysBeforeEnd);
}

QString SurveySummary::questionsText(const api::SurveyDefinition &definition)
{
    if (definition.kind == api::SurveyKind::Pulse) {
        const int perRound =
            static_cast<int>(api::pulseItems(definition.delivery.cadenceWeeks, 1).size());
        return tr("Questions from the engagement bank: all %1 in the first round, then %n per "
                  "round, rotating.",
                  nullptr, perRound)
            .arg(api::kBankSize);
    }
    return tr("%n question(s)", nullptr, static_cast<int>(definition.questions.size()));
}

QStringList SurveySummary::deliveryLines(const api::SurveyDefinition &definition)
{
    const api::DeliverySettings &delivery = definition.delivery;
    QStringList lines;
    const QList<api::PlannedRound> rounds = delivery.startDate.isValid()
                                                ? api::plannedRounds(delivery, definition.kind, 1)
                                                : QList<api::PlannedRound>();
    if (rounds.isEmpty()) {
        lines << tr("First delivery: not chosen yet");
    } else {
        lines << tr("First delivery: %1").arg(moment(rounds.constFirst().opensAt));
        lines << tr("Answers until: %1").arg(moment(rounds.constFirst().closesAt));
    }
    lines << tr("Response period: %n day(s)", nullptr, delivery.periodDays);
    lines << tr("Repeats: %1").arg(SurveyText::recurrenceText(definition.kind, delivery));
    if (delivery.reminderDaysBeforeEnd.isEmpty()) {
        lines << tr("Reminders: none");
    } else {
        QList<int> days = delivery.reminderDaysBeforeEnd;
        std::sort(days.begin(), days.end(), std::greater<>());
        QStringList when;
        for (const int day : std::as_const(days))
            when << reminderDayText(day);
        //: %1: when the reminders go ("2 days before the end, on the last day"); %2: the time.
        lines << tr("Reminders: %1, at %2")
                     .arg(QLocale().createSeparatedList(when),
                          QLocale().toString(delivery.reminderTime, QLocale::ShortFormat));
    }
    //: %1: the time zone the delivery times are in (an IANA id such as Asia/Tokyo).
    lines << tr("Times are set in the time zone %1.").arg(delivery.timeZone);
    return lines;
}

QString SurveySummary::targetsText(const api::TargetFilter &targets,
                                   const models::GroupTreeModel *groups)
{
    QStringList parts;
    if (targets.groupIds.isEmpty()) {
        parts << tr("All members");
    } else {
        QStringList names;
        for (const QString &id : targets.groupIds) {
            const QString name = groups ? groups->groupName(id) : QString();
            names << (name.isEmpty() ? tr("a group that no longer exists") : name);
        }
        parts << tr("Members of %1").arg(QLocale().createSeparatedList(names));
    }
    if (!targets.attributes.isEmpty())
        parts << tr("narrowed by %n attribute(s)", nullptr,
                    static_cast<int>(targets.attributes.size()));
    return parts.join(QStringLiteral(", "));
}

QString SurveySummary::detailHtml(const api::Survey &survey, const models::GroupTreeModel *groups)
{
    const api::SurveyDefinition &definition = survey.definition;
    QString html =
        QStringLiteral("<h3>%1</h3>").arg(SurveyText::surveyName(definition.name).toHtmlEscaped());
    html += paragraph({tr("Japanese name: %1").arg(definition.name.ja),
                       tr("English name: %1").arg(definition.name.en),
                       tr("%1 · %2").arg(SurveyText::kindText(definition.kind),
                                         SurveyText::statusText(survey.status)),
                       questionsText(definition)});
    if (survey.openRound) {
        const api::OpenRoundSummary &round = *survey.openRound;
        html += paragraph({tr("Open round: %1 of %Ln member(s) answered so far.", nullptr,
                              int(std::min<qint64>(round.targets, INT_MAX)))
                               .arg(QLocale().toString(round.respondents)),
                           tr("Answers until: %1").arg(moment(round.closesAt))});
    }
    if (survey.nextDelivery)
        html += paragraph({tr("Next delivery: %1").arg(moment(*survey.nextDelivery))});
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Delivery").toHtmlEscaped());
    html += paragraph(deliveryLines(definition)
                      << tr("Targets: %1").arg(targetsText(definition.delivery.targets, groups)));
    if (survey.status != api::SurveyStatus::Closed && definition.delivery.startDate.isValid()) {
        QStringList upcoming;
        for (const api::PlannedRound &round :
             api::plannedRounds(definition.delivery, definition.kind, kUpcomingRounds,
                                QDateTime::currentDateTimeUtc()))
            upcoming << tr("Round %1: %2 – %3")
                            .arg(round.number)
                            .arg(moment(round.opensAt), moment(round.closesAt));
        if (!upcoming.isEmpty())
            html += QStringLiteral("<h4>%1</h4>").arg(tr("Upcoming rounds").toHtmlEscaped()) +
                    paragraph(upcoming);
    }
    return html;
}

QString SurveySummary::publishingText(const api::SurveyDefinition &definition,
                                      const models::GroupTreeModel *groups,
                                      std::optional<int> targetCount)
{
    QStringList lines{SurveyText::kindText(definition.kind), questionsText(definition)};
    lines << deliveryLines(definition);
    lines << tr("Targets: %1").arg(targetsText(definition.delivery.targets, groups));
    if (targetCount)
        lines << tr("%n member(s) would be asked if the round opened today.", nullptr,
                    *targetCount);
    lines << QString()
          << tr("Once published, the questions and the delivery settings can no "
                "longer be changed. An open round can still be extended or closed "
                "early.");
    return lines.join(u'\n');
}

} // namespace engage::ui
