#include "language.h"

#include "enumtable.h"

namespace engage::api {

namespace {

constexpr EnumName<Language> kLanguages[] = {
    {Language::Japanese, QLatin1String("ja")},
    {Language::English, QLatin1String("en")},
};

} // namespace

QString languageCode(Language language)
{
    return enumName(kLanguages, language);
}

std::optional<Language> languageFromCode(QStringView code)
{
    return enumFromName(kLanguages, code);
}

QStringList languageCodes()
{
    return enumNames(kLanguages);
}

QString languageName(Language language)
{
    return language == Language::Japanese ? QStringLiteral("日本語") : QStringLiteral("English");
}

} // namespace engage::api
