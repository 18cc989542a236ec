#pragma once

#include "api/survey.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::respondent {

// What the respondent page's form posts (application/x-www-form-urlencoded):
// `q.<question id>` per answer (a scale's point or a choice's option index;
// one per checked box of a multiple choice; the text of a free-text
// question) and the button pressed as `action`.
enum class FormAction
{
    Save,   // a partial save
    Submit, // the final submission
    Next,   // one question at a time: save, then the next or previous one
    Back,
};

struct PostedForm
{
    FormAction action = FormAction::Save;
    QList<api::RespondentAnswer> answers; // of the shown questions that were answered
};

// The body read strictly: nothing when it is not what the page sends
// (malformed percent-encoding or UTF-8, a field other than `action` and the
// shown questions' fields, a number that is not one, one field repeated
// where one value is taken, more fields than the questions have options).
// Ranges are api::validateSubmission's to check. Text arrives with the
// browser's CR LF line ends: kept as LF.
std::optional<PostedForm> decodeForm(QByteArrayView body, const QList<api::Question> &shown);

// The answers of `questions` as `saved` had them, except those of
// `replacedIds`, which take their answer from `posted` (none: unanswered),
// in the questions' order, the unanswered left out.
QList<api::RespondentAnswer> mergeAnswers(const QList<api::Question> &questions,
                                          const QList<api::RespondentAnswer> &saved,
                                          const QList<api::RespondentAnswer> &posted,
                                          const QStringList &replacedIds);

bool isAnswered(const api::RespondentAnswer &answer);

} // namespace engage::server::respondent
