#include "certificatedialog.h"

#include "ui/widgets/dialogheader.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <utility>

namespace engage::ui {

namespace {

QLabel *valueLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_hostCaption(new QLabel(this))
    , m_host(valueLabel(QStringLiteral("host"), this))
    , m_subjectCaption(new QLabel(this))
    , m_subject(valueLabel(QStringLiteral("subject"), this))
    , m_issuerCaption(new QLabel(this))
    , m_issuer(valueLabel(QStringLiteral("issuer"), this))
    , m_validityCaption(new QLabel(this))
    , m_validity(valueLabel(QStringLiteral("validity"), this))
    , m_fingerprintCaption(new QLabel(this))
    , m_fingerprint(valueLabel(QStringLiteral("fingerprint"), this))
    , m_expired(new QLabel(this))
    , m_confirmed(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowModality(Qt::ApplicationModal);
    m_intro->setWordWrap(true);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_expired->setWordWrap(true);
    m_expired->setStyleSheet(QStringLiteral("color:#b3261e;font-weight:bold"));
    for (QLabel *caption : {m_hostCaption, m_subjectCaption, m_issuerCaption, m_validityCaption,
                            m_fingerprintCaption})
        caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *form = new QFormLayout;
    form->addRow(m_hostCaption, m_host);
    form->addRow(m_subjectCaption, m_subject);
    form->addRow(m_issuerCaption, m_issuer);
    form->addRow(m_validityCaption, m_validity);
    form->addRow(m_fingerprintCaption, m_fingerprint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(dialogHeader(style()->standardIcon(QStyle::SP_MessageBoxWarning), m_intro));
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_expired);
    layout->addSpacing(6);
    layout->addWidget(m_confirmed);
    layout->addWidget(m_buttons);

    // Cancel is the default: Enter alone must never pin a certificate.
    trustButton()->setEnabled(false);
    trustButton()->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_confirmed, &QCheckBox::toggled, trustButton(), &QPushButton::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, &CertificateDialog::onFinished);
    setMinimumWidth(520);
    retranslateUi();
}

CertificateDialog::~CertificateDialog()
{
    const QList<Question> open = std::exchange(m_questions, {});
    for (const Question &question : open)
        question.answer(false);
}

QPushButton *CertificateDialog::trustButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void CertificateDialog::askToTrust(const models::CertificateInfo &certificate,
                                   std::function<void(bool pin)> answer)
{
    m_questions.append({certificate, std::move(answer)});
    if (m_questions.size() == 1)
        showNext();
}

void CertificateDialog::showNext()
{
    if (m_questions.isEmpty())
        return;
    fill(m_questions.constFirst().certificate);
    m_confirmed->setChecked(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
    open();
}

void CertificateDialog::onFinished(int result)
{
    if (m_questions.isEmpty())
        return;
    const QString fingerprint = m_questions.constFirst().certificate.fingerprint;
    const bool pin = result == QDialog::Accepted && m_confirmed->isChecked();
    // Answers may ask again (the client resends the request): take them off
    // the queue before calling them.
    QList<Question> answered;
    for (auto it = m_questions.begin(); it != m_questions.end();) {
        if (it->certificate.fingerprint == fingerprint) {
            answered.append(std::move(*it));
            it = m_questions.erase(it);
        } else {
            ++it;
        }
    }
    for (const Question &question : answered)
        question.answer(pin);
    showNext();
}

void CertificateDialog::fill(const models::CertificateInfo &certificate)
{
    const QLocale locale;
    m_host->setText(certificate.host);
    m_subject->setText(certificate.subject);
    m_issuer->setText(certificate.issuer);
    m_validity->setText(
        tr("%1 to %2")
            .arg(locale.toString(certificate.validFrom.toLocalTime(), QLocale::ShortFormat),
                 locale.toString(certificate.validUntil.toLocalTime(), QLocale::ShortFormat)));
    m_fingerprint->setText(certificate.fingerprint);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_expired->setVisible(now < certificate.validFrom || now > certificate.validUntil);
    retranslateUi();
}

void CertificateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (!m_questions.isEmpty())
            fill(m_questions.constFirst().certificate);
        else
            retranslateUi();
    }
    QDialog::changeEvent(event);
}

void CertificateDialog::retranslateUi()
{
    setWindowTitle(tr("Check the service's certificate"));
    m_intro->setText(
        tr("<p>The service at <b>%1</b> presented a certificate that no public certificate "
           "authority vouches for.</p><p>Compare its SHA-256 fingerprint with the one your "
           "administrator gave you. Trust it only if they are identical: Engage will then "
           "remember it and refuse any other certificate for this connection.</p>")
            .arg(m_host->text().toHtmlEscaped()));
    m_hostCaption->setText(tr("Service:"));
    m_subjectCaption->setText(tr("Issued to:"));
    m_issuerCaption->setText(tr("Issued by:"));
    m_validityCaption->setText(tr("Valid:"));
    m_fingerprintCaption->setText(tr("SHA-256 fingerprint:"));
    m_expired->setText(tr("This certificate is not valid at the moment (expired or not yet "
                          "valid)."));
    m_confirmed->setText(tr("I have checked the fingerprint and trust this certificate"));
    trustButton()->setText(tr("Trust and connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Do not connect"));
}

} // namespace engage::ui
