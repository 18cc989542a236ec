#include "welcomedialog.h"

#include "models/profileinput.h"
#include "ui/widgets/dialogheader.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace engage::ui {

WelcomeDialog::WelcomeDialog(const QStringList &profiles, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_intro(new QLabel(this))
    , m_saved(new QRadioButton(this))
    , m_savedProfiles(new QComboBox(this))
    , m_service(new QRadioButton(this))
    , m_nameLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_demo(new QRadioButton(this))
    , m_demoHint(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_group(new QButtonGroup(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    m_intro->setWordWrap(true);
    m_demoHint->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_savedProfiles->addItems(profiles);
    m_saved->setObjectName(QStringLiteral("savedChoice"));
    m_service->setObjectName(QStringLiteral("serviceChoice"));
    m_demo->setObjectName(QStringLiteral("demoChoice"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_url->setObjectName(QStringLiteral("serviceUrl"));
    m_url->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);
    m_group->addButton(m_saved, static_cast<int>(Choice::SavedProfile));
    m_group->addButton(m_service, static_cast<int>(Choice::NewService));
    m_group->addButton(m_demo, static_cast<int>(Choice::Demo));

    auto *serviceForm = new QFormLayout;
    serviceForm->setContentsMargins(24, 0, 0, 0);
    serviceForm->addRow(m_nameLabel, m_name);
    serviceForm->addRow(m_urlLabel, m_url);
    auto *demoHint = new QVBoxLayout;
    demoHint->setContentsMargins(24, 0, 0, 0);
    demoHint->addWidget(m_demoHint);
    auto *savedRow = new QHBoxLayout;
    savedRow->setContentsMargins(24, 0, 0, 0);
    savedRow->addWidget(m_savedProfiles, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(dialogHeader(QIcon(QStringLiteral(":/icons/engage.svg")), m_intro));
    layout->addSpacing(8);
    layout->addWidget(m_saved);
    layout->addLayout(savedRow);
    layout->addSpacing(4);
    layout->addWidget(m_service);
    layout->addLayout(serviceForm);
    layout->addSpacing(4);
    layout->addWidget(m_demo);
    layout->addLayout(demoHint);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(500);

    const bool anySaved = !profiles.isEmpty();
    m_saved->setVisible(anySaved);
    m_savedProfiles->setVisible(anySaved);
    (anySaved ? m_saved : m_service)->setChecked(true);

    connect(m_group, &QButtonGroup::idToggled, this, &WelcomeDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_service->setChecked(true);
        validate();
    });
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        m_service->setChecked(true);
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    validate();
}

WelcomeDialog::Choice WelcomeDialog::choice() const
{
    return static_cast<Choice>(m_group->checkedId());
}

QString WelcomeDialog::profileName() const
{
    return choice() == Choice::SavedProfile ? m_savedProfiles->currentText()
                                            : m_name->text().trimmed();
}

QUrl WelcomeDialog::serviceUrl() const
{
    const auto profile =
        models::ProfileInput::check(m_name->text(), m_url->text(), m_profiles).profile;
    return profile ? profile->url : QUrl();
}

void WelcomeDialog::setChoice(Choice choice)
{
    m_group->button(static_cast<int>(choice))->setChecked(true);
}

void WelcomeDialog::setNewService(const QString &name, const QString &url)
{
    m_name->setText(name);
    m_url->setText(url);
}

// Why "Continue" is not possible yet, for the person; empty when it is.
QString WelcomeDialog::problem() const
{
    if (choice() != Choice::NewService)
        return {};
    return models::ProfileInput::check(m_name->text(), m_url->text(), m_profiles).problem;
}

void WelcomeDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    const bool complete = choice() != Choice::NewService || (!m_name->text().trimmed().isEmpty() &&
                                                             !m_url->text().trimmed().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && why.isEmpty());
}

void WelcomeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        validate();
    }
    QDialog::changeEvent(event);
}

void WelcomeDialog::retranslateUi()
{
    setWindowTitle(tr("Welcome to Engage"));
    m_intro->setText(tr("<h3>Welcome to Engage</h3><p>Engage runs your company's engagement "
                        "surveys. Where would you like to start?</p>"));
    m_saved->setText(tr("Use a &saved connection"));
    m_service->setText(tr("&Connect to your company's service"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("e.g. Head office"));
    m_urlLabel->setText(tr("&Address:"));
    m_url->setPlaceholderText(tr("https://engage.example.com"));
    m_demo->setText(tr("Try the &demo"));
    m_demoHint->setText(tr("Starts a demo service on this computer, with two sample companies, "
                           "and signs you in."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&ontinue"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
}

} // namespace engage::ui
