#include "surveyproblem.h"

#include "dialogs/fieldproblem.h"
#include "models/surveys/surveytext.h"

#include <QLabel>

namespace engage::ui {

QString surveyProblemHtml(const api::Error &problem)
{
    QString html = models::SurveyText::problemText(problem).toHtmlEscaped();
    if (!problem.detail.isEmpty())
        html += QStringLiteral("<br><span style=\"color:#5f6368\">%1</span>")
                    .arg(problem.detail.toHtmlEscaped());
    return html;
}

void showSurveyProblem(QLabel *label, QWidget *field, const std::optional<api::Error> &problem)
{
    label->setTextFormat(Qt::RichText);
    showFieldProblem(label, field, problem ? surveyProblemHtml(*problem) : QString());
    // Screen readers get the sentence, not the markup.
    field->setAccessibleDescription(problem ? models::SurveyText::problemText(*problem)
                                            : QString());
}

bool concerns(const std::optional<api::Error> &problem, const QString &field)
{
    return problem &&
           (problem->field == field || problem->field.startsWith(field + QLatin1Char('.')));
}

} // namespace engage::ui
