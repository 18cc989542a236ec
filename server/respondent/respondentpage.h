#pragma once

#include "api/respondenttexts.h"
#include "api/survey.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::respondent {

// The page speaks the contract's respondent texts (api/respondenttexts.h),
// which the client's builder preview shares.
using api::chooseLanguage;
using api::formatMoment;
using api::Language;
using api::languageCode;
using api::text;
using api::Text;

// The respondent's pages, rendered on the service from the templates in
// resources/respondent/ (compiled in): plain HTML forms that work without
// JavaScript, one stylesheet and one small script from the service itself,
// nothing inline (the page's Content-Security-Policy allows neither).

// `text` for HTML text and quoted attribute values.
QString htmlEscape(QStringView text);

// The template `name` (resources/respondent/<name>) with {{key}} replaced by
// the value escaped, and {{{key}}} by the value as is (markup this service
// made). A key without a value is a programming error (Q_ASSERT) and
// renders empty.
QString renderTemplate(const QString &name, const QHash<QString, QString> &values);

// Where the page of `token` is, with its language and mode in the query.
struct PageAddress
{
    QString token;
    Language language = Language::Japanese;
    bool stepMode = false;
    int step = 0; // 0-based

    QString href() const;
    // The same page in another language or mode.
    PageAddress inLanguage(Language other) const;
};

enum class Notice
{
    None,
    Saved,            // a partial save, by the page's button
    AlreadySubmitted, // the target's response is in: a submission replaces it
};

// What the survey page shows.
struct SurveyPage
{
    PageAddress address;
    QString surveyName;
    QList<api::Question> questions;
    int anonymityThreshold = 0;
    std::optional<int> commentThreshold; // shown when a question takes free text
    QDateTime closesAt;
    QString timeZone;
    QHash<QString, api::RespondentAnswer> answers; // by question id, shown as given
    QHash<QString, Text> errors;                   // by question id
    Notice notice = Notice::None;
    // Opened by a preview link: a banner says that nothing is recorded.
    bool preview = false;
};

QString renderSurvey(const SurveyPage &page);

// A page of a few paragraphs (thanks, a link that cannot be used), linking
// back to the survey when `back` is set. The language switch leads to the
// same page of `address` in the other language.
QString renderMessage(const PageAddress &address, Text title, const QStringList &paragraphs,
                      bool back = false);

} // namespace engage::server::respondent
