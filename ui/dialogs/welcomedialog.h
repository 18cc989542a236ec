#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace engage::ui {

// The first thing a new user sees, and where the client returns when a
// connection cannot be made: connect to a saved profile (when there are any),
// to the company's service (a name and an https:// URL), or try the demo.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    enum class Choice
    {
        SavedProfile,
        NewService,
        Demo,
    };

    // `profiles`: the names of the saved, non-demo profiles.
    explicit WelcomeDialog(const QStringList &profiles, QWidget *parent = nullptr);

    Choice choice() const;
    QString profileName() const; // SavedProfile, NewService
    QUrl serviceUrl() const;     // NewService

    void setChoice(Choice choice);
    void setNewService(const QString &name, const QString &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    QString problem() const;

    QStringList m_profiles;
    QLabel *m_intro;
    QRadioButton *m_saved;
    QComboBox *m_savedProfiles;
    QRadioButton *m_service;
    QLabel *m_nameLabel, *m_urlLabel;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QRadioButton *m_demo;
    QLabel *m_demoHint;
    QLabel *m_problem;
    QButtonGroup *m_group;
    QDialogButtonBox *m_buttons;
};

} // namespace engage::ui
