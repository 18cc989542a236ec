#include "surveyexportsource.h"

#include "api/respondenttexts.h"
#include "models/apiclient.h"
#include "models/apireply.h"
#include "models/surveys/surveytext.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <functional>

namespace engage::models {

namespace {

// Kept in the offline cache by its path: an export read once works offline later.
const QString kSurveysPath = QStringLiteral("/api/v1/surveys");

QVariant dateCell(const QDate &date)
{
    return date.isValid() ? QVariant(date) : QVariant();
}

QVariant momentCell(const QDateTime &moment)
{
    return moment.isValid() ? QVariant(moment) : QVariant();
}

// The days before the end the reminders go, latest first ("2, 0"), as the
// builder asks for them.
QString reminderDays(QList<int> days)
{
    std::sort(days.begin(), days.end(), std::greater<>());
    QStringList shown;
    for (const int day : std::as_const(days))
        shown.append(QLocale().toString(day));
    return shown.join(QStringLiteral(", "));
}

// What the respondent chooses from, in one language, a line each: a choice
// question's options, or a scale's points as the respondent page names them.
QString answersText(const api::Question &question, api::Language language)
{
    QStringList lines;
    if (question.type == api::QuestionType::SingleChoice ||
        question.type == api::QuestionType::MultipleChoice) {
        for (const api::LocalizedText &option : question.options)
            lines.append(language == api::Language::Japanese ? option.ja : option.en);
    } else {
        lines = api::scaleLabels(question.type, language);
    }
    return lines.join(u'\n');
}

} // namespace

SurveyExportSource::SurveyExportSource(ApiClient &client, QString tenant, QString filters,
                                       QObject *parent)
    : ExportSource(client, std::move(tenant), std::move(filters), parent)
{}

QList<ExportSheet> SurveyExportSource::sheets() const
{
    ExportSheet surveys;
    surveys.title = tr("Surveys");
    surveys.model = &m_surveyTable;
    ExportSheet questions;
    questions.title = tr("Questions");
    questions.model = &m_questionTable;
    return {surveys, questions};
}

QString SurveyExportSource::fileLabel() const
{
    return tr("surveys");
}

void SurveyExportSource::clear()
{
    m_surveyTable.clear();
    m_questionTable.clear();
}

void SurveyExportSource::startLoading()
{
    ApiRequest get;
    get.path = kSurveysPath;
    get.offlineKey = kSurveysPath;
    Q_EMIT progressChanged(0, 1);
    read(get, [this](const ApiReply &reply) {
        auto surveys = api::surveyListFromJson(reply.json().object());
        if (!surveys) {
            fail(reply.unreadable(surveys.error().detail));
            return;
        }
        Q_EMIT progressChanged(1, 1);
        fillSurveys(surveys.value());
        fillQuestions(surveys.value());
        finishLoading();
    });
}

void SurveyExportSource::fillSurveys(const QList<api::Survey> &surveys)
{
    m_surveyTable.setColumns({
        {tr("ID"), CellFormat::Text},
        {tr("Name (Japanese)"), CellFormat::Text},
        {tr("Name (English)"), CellFormat::Text},
        {tr("Kind"), CellFormat::Text},
        {tr("Status"), CellFormat::Text},
        {tr("Start date"), CellFormat::Date},
        //: Column of the surveys export: the time of day a round opens.
        {tr("Start time"), CellFormat::Text},
        //: Column of the surveys export: the IANA time zone of the delivery times.
        {tr("Time zone"), CellFormat::Text},
        {tr("Response period (days)"), CellFormat::Number},
        //: Column of the surveys export: how often a round goes out ("Every 4 weeks", "Once").
        {tr("Repeats"), CellFormat::Text},
        //: Column of the surveys export: each reminder's day, counted back from the last day.
        {tr("Reminders (days before the end)"), CellFormat::Text},
        {tr("Reminder time"), CellFormat::Text},
        //: Column of the surveys export: free-text answers are listed from this many respondents.
        {tr("Comment threshold"), CellFormat::Number},
        {tr("Revision"), CellFormat::Number},
        {tr("Created"), CellFormat::DateTime},
        {tr("Updated"), CellFormat::DateTime},
        {tr("Next delivery"), CellFormat::DateTime},
    });
    QList<QVariantList> rows;
    rows.reserve(surveys.size());
    for (const api::Survey &survey : surveys) {
        const api::SurveyDefinition &definition = survey.definition;
        const api::DeliverySettings &delivery = definition.delivery;
        rows.append({
            survey.id,
            definition.name.ja,
            definition.name.en,
            SurveyText::kindText(definition.kind),
            SurveyText::statusText(survey.status),
            dateCell(delivery.startDate),
            delivery.startTime.toString(QStringLiteral("HH:mm")),
            delivery.timeZone,
            delivery.periodDays,
            SurveyText::recurrenceText(definition.kind, delivery),
            reminderDays(delivery.reminderDaysBeforeEnd),
            delivery.reminderDaysBeforeEnd.isEmpty()
                ? QVariant()
                : QVariant(delivery.reminderTime.toString(QStringLiteral("HH:mm"))),
            definition.commentThreshold,
            survey.revision,
            momentCell(survey.createdAt),
            momentCell(survey.updatedAt),
            survey.nextDelivery ? momentCell(*survey.nextDelivery) : QVariant(),
        });
    }
    m_surveyTable.setRows(std::move(rows));
}

void SurveyExportSource::fillQuestions(const QList<api::Survey> &surveys)
{
    m_questionTable.setColumns({
        {tr("Survey ID"), CellFormat::Text},
        {tr("Survey"), CellFormat::Text},
        //: Column of the questions export: the question's place in its survey, from 1.
        {tr("Position"), CellFormat::Number},
        {tr("Question ID"), CellFormat::Text},
        {tr("Type"), CellFormat::Text},
        {tr("Text (Japanese)"), CellFormat::Text},
        {tr("Text (English)"), CellFormat::Text},
        {tr("Required"), CellFormat::Text},
        //: Column of the questions export: a choice question's options or a scale's points.
        {tr("Options or scale (Japanese)"), CellFormat::Text},
        {tr("Options or scale (English)"), CellFormat::Text},
    });
    QList<QVariantList> rows;
    for (const api::Survey &survey : surveys) {
        const QString name = SurveyText::surveyName(survey.definition.name);
        int position = 0;
        for (const api::Question &question : survey.definition.questions) {
            rows.append({
                survey.id,
                name,
                ++position,
                question.id,
                SurveyText::questionTypeText(question.type),
                question.text.ja,
                question.text.en,
                question.required ? tr("Yes") : tr("No"),
                answersText(question, api::Language::Japanese),
                answersText(question, api::Language::English),
            });
        }
    }
    m_questionTable.setRows(std::move(rows));
}

} // namespace engage::models
