#pragma once

#include "ui/clientcontext.h"

#include <QWidget>
#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace engage::ui {

class MessageBanner;

// The client's own settings: the language (switches at once and is saved),
// the connection profiles (add an https service, remove one not in use, switch
// to another or to the demo, which the application does on
// profileSwitchRequested / demoRequested), and what the client is built from.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(ClientContext &context, QWidget *parent = nullptr);

    // For tests and the screenshot tool.
    QRadioButton *japaneseButton() const { return m_japanese; }
    QRadioButton *englishButton() const { return m_english; }
    QTreeWidget *profileList() const { return m_profiles; }
    QLineEdit *newProfileName() const { return m_newName; }
    QLineEdit *newProfileUrl() const { return m_newUrl; }
    QPushButton *addProfileButton() const { return m_addProfile; }
    QPushButton *removeProfileButton() const { return m_removeProfile; }
    QPushButton *switchProfileButton() const { return m_switchProfile; }
    QPushButton *demoButton() const { return m_demo; }
    MessageBanner *banner() const { return m_banner; }
    // Selects the profile's row; false when there is none.
    bool selectProfile(const QString &name);
    // The About section as "label: value" lines, for tests.
    QStringList aboutLines() const;

Q_SIGNALS:
    void profileSwitchRequested(const QString &profileName);
    void demoRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void syncLanguageButtons();
    void onLanguageChosen(const QString &language);
    void refreshProfiles();
    void updateProfileActions();
    std::optional<QString> selectedProfile() const;
    void validateNewProfile();
    void onAddProfile();
    void onRemoveProfile();
    void onSwitchProfile();

    ClientContext &m_context;
    MessageBanner *m_banner;

    QGroupBox *m_languageGroup;
    QRadioButton *m_japanese;
    QRadioButton *m_english;

    QGroupBox *m_profilesGroup;
    QTreeWidget *m_profiles;
    QPushButton *m_switchProfile;
    QPushButton *m_removeProfile;
    QPushButton *m_demo;
    QLabel *m_newProfileTitle;
    QLabel *m_newNameLabel;
    QLineEdit *m_newName;
    QLabel *m_newUrlLabel;
    QLineEdit *m_newUrl;
    QPushButton *m_addProfile;
    QLabel *m_newProblem;

    QGroupBox *m_aboutGroup;
    QLabel *m_productLabel;
    QLabel *m_product;
    QLabel *m_qtLabel;
    QLabel *m_qt;
    QLabel *m_sslLabel;
    QLabel *m_ssl;
    QLabel *m_keychainLabel;
    QLabel *m_keychain;
    QLabel *m_licenceLabel;
    QLabel *m_licence;
};

} // namespace engage::ui
