#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace engage::models {

// Installs the client's translations and Qt's own (qtbase_<lang>) for one
// language and switches at run time: QCoreApplication then sends
// QEvent::LanguageChange to every widget, which retranslates itself.
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageSwitcher)

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QStringList languages(); // {"ja", "en"}
    // The system's language when it is one of ours, else English.
    static QString systemLanguage();

    QString language() const { return m_language; }
    // False when `language` is not one of ours or its translation is missing.
    bool setLanguage(const QString &language);

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    QString m_language;
    QTranslator m_ours;
    QTranslator m_qt;
};

} // namespace engage::models
