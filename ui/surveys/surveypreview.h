#pragma once

#include "api/survey.h"

#include <QString>

namespace engage::ui {

// The survey as a respondent sees it on the respondent page, in one
// language, as simple HTML for a QTextBrowser: the name, who sees the
// answers, and each question with its answer scale or choices. A text not
// yet written in that language is marked for the person editing (it is
// refused at publishing). A pulse shows the questions of its first round,
// the whole bank.
QString surveyPreviewHtml(const api::SurveyDefinition &definition, bool japanese,
                          int anonymityThreshold);

} // namespace engage::ui
