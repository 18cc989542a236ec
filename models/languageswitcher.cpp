#include "languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcI18n, "engage.i18n")

QLocale::Language localeLanguage(const QString &language)
{
    return language == u"ja" ? QLocale::Japanese : QLocale::English;
}

} // namespace

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{}

QStringList LanguageSwitcher::languages()
{
    return {QStringLiteral("ja"), QStringLiteral("en")};
}

QString LanguageSwitcher::systemLanguage()
{
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja")
                                                             : QStringLiteral("en");
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    if (!languages().contains(language)) {
        qCWarning(lcI18n) << "not a language of ours:" << language;
        return false;
    }
    // Loaded once before anything changes, so that a missing or broken file
    // keeps the current language.
    const QString ours = QStringLiteral(":/i18n/engage_%1.qm").arg(language);
    if (QTranslator probe; !probe.load(ours)) {
        qCWarning(lcI18n) << "cannot load the translation" << ours;
        return false;
    }
    if (language == m_language)
        return true;

    // Dates and numbers follow the language; the system's own locale when it
    // speaks that language already (en_GB stays en_GB). Set before the
    // translators, whose LanguageChange events make widgets format anew.
    const QLocale system = QLocale::system();
    QLocale::setDefault(
        system.language() == localeLanguage(language) ? system : QLocale(localeLanguage(language)));
    QCoreApplication::removeTranslator(&m_ours);
    QCoreApplication::removeTranslator(&m_qt);
    if (m_ours.load(ours))
        QCoreApplication::installTranslator(&m_ours);
    // Qt's own texts (standard buttons, dialogs, network errors). A deployment
    // without them still works, in English where Qt speaks.
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (m_qt.load(QStringLiteral("qtbase_") + language, qtDirectory))
        QCoreApplication::installTranslator(&m_qt);
    else if (language != u"en")
        qCWarning(lcI18n) << "no qtbase translation for" << language << "in" << qtDirectory;

    m_language = language;
    qCInfo(lcI18n) << "language" << language;
    Q_EMIT languageChanged(language);
    return true;
}

} // namespace engage::models
