#pragma once

#include "api/result.h"

#include <QString>
#include <optional>

class QLabel;
class QWidget;

namespace engage::ui {

// The note beneath a survey field (ui/dialogs/fieldproblem.h) for a problem
// the survey's validators found: the sentence chosen by its code and field
// (models::SurveyText::problemText), the validator's own detail beneath it
// in a quieter colour, as the banner shows a service's detail.
void showSurveyProblem(QLabel *label, QWidget *field, const std::optional<api::Error> &problem);
// The same as rich text, for a label of one's own.
QString surveyProblemHtml(const api::Error &problem);
// Whether `problem` concerns `field` or a part of it ("questions.2" concerns
// "questions.2.text.en").
bool concerns(const std::optional<api::Error> &problem, const QString &field);

} // namespace engage::ui
