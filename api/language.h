#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The languages Engage speaks to members: e-mails, the respondent page.
// Both sides know them, as a member's language (member.h) is set in the
// client and the respondent page's texts (respondenttexts.h) are previewed there.
enum class Language
{
    Japanese,
    English,
};

QString languageCode(Language language); // "ja", "en"
std::optional<Language> languageFromCode(QStringView code);
QStringList languageCodes();
// Each language's own name for itself ("日本語", "English"), as a language
// switch shows it whatever the language around it: never translated.
QString languageName(Language language);

} // namespace engage::api
