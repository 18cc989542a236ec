#pragma once

#include "language.h"
#include "survey.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The service's own texts for respondents (the respondent page), in Japanese
// and English: the service answers each respondent in their language
// whatever the process locale is, so they come from this table rather than
// from Qt's translators. Here in api/ so that the survey builder's preview
// shows respondents' words exactly as the page does.

// The page's language: `?lang=` when it names one, else the target's
// (the member's language when the round reached them), else the best of
// Accept-Language, else Japanese.
Language chooseLanguage(QStringView queried, QStringView target, QByteArrayView acceptLanguage);

// Every text the respondent pages show. Whole sentences; %1, %2 are
// filled in by the caller (arg()).
enum class Text
{
    LanguageLabel,
    PrivacyHeading,
    PrivacyAggregated, // %1: the anonymity threshold
    PrivacyIndividual,
    PrivacyComments, // %1: the comment threshold
    PrivacyLink,
    OpenUntil, // %1: the close
    ModeAll,
    ModeStep,
    Progress,     // %1 answered of %2
    StepProgress, // question %1 of %2
    Required,
    Optional,
    Agreement5_1,
    Agreement5_2,
    Agreement5_3,
    Agreement5_4,
    Agreement5_5,
    Agreement7_1,
    Agreement7_2,
    Agreement7_3,
    Agreement7_4,
    Agreement7_5,
    Agreement7_6,
    Agreement7_7,
    Scale11Hint,
    MultipleHint,
    TextHint, // %1: the longest answer
    Save,
    Submit,
    Next,
    Back,
    Saved,        // %1: the close
    AutosaveDone, // the script's status line
    AutosaveFailed,
    AlreadySubmitted,
    ErrorSummary,
    ErrorRequired,
    ErrorInvalid,
    ThanksTitle,
    ThanksBody,
    ThanksReplaced,
    ThanksChange, // %1: the close
    UnknownTitle,
    UnknownBody,
    ClosedTitle,
    ClosedBody, // %1: the close
    NotOpenTitle,
    NotOpenBody, // %1: the opening
    BadFormTitle,
    BadFormBody,
    TooManyTitle, // a link writing faster than a person would
    TooManyBody,
    BackToSurvey,
    FailureTitle,
    FailureBody,
    // A preview link's (the survey's test message): nothing is recorded.
    PreviewBanner,
    PreviewAutosave, // the script's status line instead of AutosaveDone
    PreviewNotRecordedTitle,
    PreviewNotRecordedBody,
};

QString text(Text key, Language language);

// The labels of a scale question's points, lowest first: the agreement
// scales' words, the 0-10 scale's numbers; empty for other questions.
QStringList scaleLabels(QuestionType type, Language language);

// A moment as the page shows it, in `timeZone` (IANA id; Asia/Tokyo when
// unknown): "2025年11月30日 23:59 (Asia/Tokyo)", "30 November 2025, 23:59 (Asia/Tokyo)".
QString formatMoment(const QDateTime &moment, const QString &timeZone, Language language);

} // namespace engage::api
