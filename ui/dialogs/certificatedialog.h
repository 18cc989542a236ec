#pragma once

#include "models/certificateinfo.h"

#include <QDialog>
#include <QList>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace engage::ui {

// Asks whether to pin a certificate no public authority vouches for: the host,
// subject, issuer, validity and SHA-256 fingerprint, and a box the person must
// tick ("I have checked the fingerprint…") before "Trust" is enabled. Opens
// without blocking; the answer goes to the ApiClient when the dialog closes.
// Questions about the same fingerprint that arrive meanwhile share the answer;
// others wait their turn.
class CertificateDialog final : public QDialog, public models::CertificateDecider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)

public:
    explicit CertificateDialog(QWidget *parent = nullptr);
    ~CertificateDialog() override; // refuses every question still open

    void askToTrust(const models::CertificateInfo &certificate,
                    std::function<void(bool pin)> answer) override;

    // The fields shown are labels named "host", "subject", "issuer",
    // "validity" and "fingerprint" (for tests and screenshots).
    QCheckBox *confirmation() const { return m_confirmed; }
    QPushButton *trustButton() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Question
    {
        models::CertificateInfo certificate;
        std::function<void(bool)> answer;
    };

    void showNext();
    void onFinished(int result);
    void retranslateUi();
    void fill(const models::CertificateInfo &certificate);

    QLabel *m_intro;
    QLabel *m_hostCaption, *m_host;
    QLabel *m_subjectCaption, *m_subject;
    QLabel *m_issuerCaption, *m_issuer;
    QLabel *m_validityCaption, *m_validity;
    QLabel *m_fingerprintCaption, *m_fingerprint;
    QLabel *m_expired;
    QCheckBox *m_confirmed;
    QDialogButtonBox *m_buttons;
    QList<Question> m_questions; // the first one is on screen
};

} // namespace engage::ui
