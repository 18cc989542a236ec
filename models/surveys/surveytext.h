#pragma once

#include "api/result.h"
#include "api/survey.h"

#include <QCoreApplication>
#include <QString>

namespace engage::models {

// What the surveys' models and windows say alike: names in the UI language,
// the kinds, statuses and question types, and the sentence for a problem a
// survey's validator (api/survey.h) or the service found, chosen by its code
// and field path, never the validator's English detail.
class SurveyText final
{
    Q_DECLARE_TR_FUNCTIONS(engage::models::SurveyText)

public:
    SurveyText() = delete;

    // The side in the UI language, else the other one (a draft may have one only).
    static QString inUiLanguage(const api::LocalizedText &text);
    // A survey's name as lists show it; "Untitled survey" when it has none yet.
    static QString surveyName(const api::LocalizedText &name);
    static QString kindText(api::SurveyKind kind);
    static QString statusText(api::SurveyStatus status);
    static QString questionTypeText(api::QuestionType type);
    // "Japanese", "English": `japanese` picks which.
    static QString languageName(bool japanese);
    // The sentence for `error` (its code and its field: "questions.3.text.en"
    // says which question and which language); the detail goes beneath it.
    static QString problemText(const api::Error &error);
    // The name of a round snapshot's key (api::snapshotKeys()): "Age band", ...
    static QString snapshotKeyName(const QString &key);
    // "Every 4 weeks", "Once", "Every week" for the kind's interval.
    static QString recurrenceText(api::SurveyKind kind, const api::DeliverySettings &delivery);
};

} // namespace engage::models
