#include "surveytext.h"

#include "api/dashboard.h"
#include "apierror.h"
#include "dashboard/dashboardtext.h"

#include <QStringList>

namespace engage::models {

namespace {

// A path segment that is an index ("3" in "questions.3.text"), shown counted from 1.
std::optional<int> shownIndex(const QStringList &parts, int at)
{
    bool ok = false;
    const int index = at < parts.size() ? parts.at(at).toInt(&ok) : -1;
    if (!ok || index < 0)
        return std::nullopt;
    return index + 1;
}

} // namespace

QString SurveyText::inUiLanguage(const api::LocalizedText &text)
{
    const bool japanese = DashboardText::japaneseUi();
    const QString &mine = japanese ? text.ja : text.en;
    return mine.isEmpty() ? (japanese ? text.en : text.ja) : mine;
}

QString SurveyText::surveyName(const api::LocalizedText &name)
{
    const QString shown = inUiLanguage(name);
    return shown.isEmpty() ? tr("Untitled survey") : shown;
}

QString SurveyText::kindText(api::SurveyKind kind)
{
    switch (kind) {
    case api::SurveyKind::Pulse:
        //: The kind of survey that asks the engagement question bank on a cadence.
        return tr("Engagement pulse");
    case api::SurveyKind::Custom:
        //: The kind of survey with questions the company writes itself.
        return tr("Custom survey");
    }
    return {};
}

QString SurveyText::statusText(api::SurveyStatus status)
{
    switch (status) {
    case api::SurveyStatus::Draft:
        //: A survey still being written, not published.
        return tr("Draft");
    case api::SurveyStatus::Scheduled:
        //: A published survey waiting for its next round.
        return tr("Scheduled");
    case api::SurveyStatus::Open:
        //: A survey whose round is running: members can answer.
        return tr("Open");
    case api::SurveyStatus::Closed:
        //: A survey whose last round has ended.
        return tr("Closed");
    }
    return {};
}

QString SurveyText::questionTypeText(api::QuestionType type)
{
    switch (type) {
    case api::QuestionType::Agreement5:
        return tr("Agreement, 5 points");
    case api::QuestionType::Agreement7:
        return tr("Agreement, 7 points");
    case api::QuestionType::Scale11:
        return tr("Scale from 0 to 10");
    case api::QuestionType::SingleChoice:
        return tr("One choice");
    case api::QuestionType::MultipleChoice:
        return tr("Several choices");
    case api::QuestionType::FreeText:
        return tr("Free text");
    }
    return {};
}

QString SurveyText::languageName(bool japanese)
{
    return japanese ? tr("Japanese") : tr("English");
}

QString SurveyText::snapshotKeyName(const QString &key)
{
    if (key == QLatin1String("ageBand"))
        return tr("Age band");
    if (key == QLatin1String("tenureBand"))
        return tr("Length of service");
    if (key == QLatin1String("employmentType"))
        return tr("Employment type");
    if (key == QLatin1String("grade"))
        return tr("Grade");
    if (key == QLatin1String("jobCategory"))
        return tr("Job category");
    return key;
}

QString SurveyText::recurrenceText(api::SurveyKind kind, const api::DeliverySettings &delivery)
{
    const int weeks =
        kind == api::SurveyKind::Pulse ? delivery.cadenceWeeks : delivery.recurrenceWeeks;
    if (weeks <= 0)
        //: A custom survey delivered one time only.
        return tr("Once");
    return tr("Every %n week(s)", nullptr, weeks);
}

QString SurveyText::problemText(const api::Error &error)
{
    const QStringList parts = error.field.split(u'.');
    const QString &head = parts.constFirst();
    const bool missing = error.code == api::ProblemCode::MissingField;
    const bool japanese = parts.constLast() == QLatin1String("ja");

    if (head == QLatin1String("name")) {
        if (parts.size() == 1)
            return tr("Give the survey a name.");
        if (missing)
            return japanese ? tr("The survey's name has no Japanese version.")
                            : tr("The survey's name has no English version.");
        return tr("A survey's name can have at most %n characters, on one line.", nullptr,
                  api::kSurveyNameMaxLength);
    }
    if (head == QLatin1String("questions")) {
        const auto question = shownIndex(parts, 1);
        if (!question)
            return missing ? tr("Add at least one question.")
                           : tr("A survey can have at most %n questions.", nullptr,
                                api::kSurveyQuestionsMax);
        const QString part = parts.value(2);
        if (part == QLatin1String("text")) {
            if (missing)
                return japanese ? tr("Question %1 has no Japanese text.").arg(*question)
                                : tr("Question %1 has no English text.").arg(*question);
            return tr("The text of question %1 can have at most %n characters.", nullptr,
                      api::kQuestionTextMaxLength)
                .arg(*question);
        }
        if (part == QLatin1String("options")) {
            if (const auto option = shownIndex(parts, 3)) {
                if (missing)
                    return japanese ? tr("Choice %1 of question %2 has no Japanese text.")
                                          .arg(*option)
                                          .arg(*question)
                                    : tr("Choice %1 of question %2 has no English text.")
                                          .arg(*option)
                                          .arg(*question);
                return tr("Choice %1 of question %2 can have at most %n characters, on one "
                          "line, and no two choices may read the same.",
                          nullptr, api::kChoiceTextMaxLength)
                    .arg(*option)
                    .arg(*question);
            }
            return tr("Question %1 needs between 2 and %n choices.", nullptr,
                      api::kChoiceOptionsMax)
                .arg(*question);
        }
        return tr("Question %1 is not valid.").arg(*question);
    }
    if (head == QLatin1String("delivery")) {
        const QString part = parts.value(1);
        if (part == QLatin1String("startDate"))
            return missing ? tr("Choose the day of the first delivery.")
                           : tr("The first delivery cannot be on that day.");
        if (part == QLatin1String("startTime") || part == QLatin1String("reminderTime"))
            return tr("Choose a time of day.");
        if (part == QLatin1String("timeZone"))
            return tr("Choose a time zone from the list.");
        if (part == QLatin1String("periodDays"))
            return tr("The response period must last 1 to %n days and end before the next "
                      "round opens.",
                      nullptr, api::kResponsePeriodDaysMax);
        if (part == QLatin1String("cadenceWeeks"))
            return tr("A pulse goes out every week, every 2 weeks or every 4 weeks.");
        if (part == QLatin1String("recurrenceWeeks"))
            return tr("A recurring survey repeats every 1 to 52 weeks.");
        if (part == QLatin1String("reminderDaysBeforeEnd"))
            return tr("At most %n reminders, each on a different day within the response "
                      "period.",
                      nullptr, api::kRemindersMax);
        if (part == QLatin1String("targets"))
            return tr("A target group or attribute is not valid. Choose the targets again.");
    }
    if (head == QLatin1String("commentThreshold"))
        return tr("Comments can be listed from %1 to %2 respondents.")
            .arg(api::kAnonymityThresholdMin)
            .arg(api::kAnonymityThresholdMax);
    // Anything else is translated by its code alone, as any problem is.
    ApiError general;
    general.kind = ApiError::Kind::Problem;
    general.code = error.code;
    return general.message();
}

} // namespace engage::models
