#include "settingspage.h"

#include "api/validators.h"
#include "dialogs/confirmation.h"
#include "models/connectionprofile.h"
#include "models/credentialstore.h"
#include "models/languageswitcher.h"
#include "models/profileinput.h"
#include "models/settings.h"
#include "widgets/messagebanner.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSslSocket>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtGlobal>

namespace engage::ui {

namespace {

const QString kJapanese = QStringLiteral("ja");
const QString kEnglish = QStringLiteral("en");

enum ProfileColumn
{
    NameColumn,
    AddressColumn,
    CertificateColumn
};

QStringList namesOf(const QList<models::ConnectionProfile> &profiles)
{
    QStringList names;
    for (const models::ConnectionProfile &profile : profiles)
        names.append(profile.name);
    return names;
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SettingsPage::SettingsPage(ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_banner(new MessageBanner(this))
    , m_languageGroup(new QGroupBox(this))
    // A language's own name, so that someone who cannot read the current one
    // still finds theirs: never translated.
    , m_japanese(new QRadioButton(QStringLiteral("日本語"), m_languageGroup))
    , m_english(new QRadioButton(QStringLiteral("English"), m_languageGroup))
    , m_profilesGroup(new QGroupBox(this))
    , m_profiles(new QTreeWidget(m_profilesGroup))
    , m_switchProfile(new QPushButton(m_profilesGroup))
    , m_removeProfile(new QPushButton(m_profilesGroup))
    , m_demo(new QPushButton(m_profilesGroup))
    , m_newProfileTitle(new QLabel(m_profilesGroup))
    , m_newNameLabel(new QLabel(m_profilesGroup))
    , m_newName(new QLineEdit(m_profilesGroup))
    , m_newUrlLabel(new QLabel(m_profilesGroup))
    , m_newUrl(new QLineEdit(m_profilesGroup))
    , m_addProfile(new QPushButton(m_profilesGroup))
    , m_newProblem(new QLabel(m_profilesGroup))
    , m_aboutGroup(new QGroupBox(this))
    , m_productLabel(new QLabel(m_aboutGroup))
    , m_product(valueLabel(QCoreApplication::applicationVersion(), m_aboutGroup))
    , m_qtLabel(new QLabel(m_aboutGroup))
    , m_qt(valueLabel(QString::fromLatin1(qVersion()), m_aboutGroup))
    , m_sslLabel(new QLabel(m_aboutGroup))
    , m_ssl(valueLabel(QSslSocket::sslLibraryVersionString(), m_aboutGroup))
    , m_keychainLabel(new QLabel(m_aboutGroup))
    // QtKeychain's header carries a stale version macro; ui/CMakeLists.txt
    // passes the version of the package found instead.
    , m_keychain(valueLabel(QStringLiteral("QtKeychain " ENGAGE_QTKEYCHAIN_VERSION), m_aboutGroup))
    , m_licenceLabel(new QLabel(m_aboutGroup))
    , m_licence(valueLabel(QString(), m_aboutGroup))
{
    m_japanese->setLocale(QLocale(QLocale::Japanese));
    auto *languageRow = new QHBoxLayout(m_languageGroup);
    languageRow->addWidget(m_japanese);
    languageRow->addWidget(m_english);
    languageRow->addStretch();

    m_profiles->setColumnCount(3);
    m_profiles->setRootIsDecorated(false);
    m_profiles->setUniformRowHeights(true);
    m_profiles->setAllColumnsShowFocus(true);
    m_profiles->setTextElideMode(Qt::ElideMiddle);
    m_profiles->header()->setStretchLastSection(true);
    m_profiles->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_profiles->header()->setSectionResizeMode(AddressColumn, QHeaderView::ResizeToContents);
    // As tall as its few profiles, not a screenful of empty rows.
    m_profiles->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_newNameLabel->setBuddy(m_newName);
    m_newUrlLabel->setBuddy(m_newUrl);
    m_newName->setMaxLength(api::kDisplayNameMaxLength);
    m_newProblem->setWordWrap(true);
    m_newProblem->hide();
    QFont bold = m_newProfileTitle->font();
    bold.setBold(true);
    m_newProfileTitle->setFont(bold);

    auto *profileButtons = new QHBoxLayout;
    profileButtons->addWidget(m_switchProfile);
    profileButtons->addWidget(m_removeProfile);
    profileButtons->addStretch();
    profileButtons->addWidget(m_demo);

    auto *newProfileRow = new QGridLayout;
    newProfileRow->addWidget(m_newNameLabel, 0, 0);
    newProfileRow->addWidget(m_newName, 0, 1);
    newProfileRow->addWidget(m_newUrlLabel, 0, 2);
    newProfileRow->addWidget(m_newUrl, 0, 3);
    newProfileRow->addWidget(m_addProfile, 0, 4);
    newProfileRow->addWidget(m_newProblem, 1, 1, 1, 4);
    newProfileRow->setColumnStretch(1, 1);
    newProfileRow->setColumnStretch(3, 2);

    auto *profilesLayout = new QVBoxLayout(m_profilesGroup);
    profilesLayout->addWidget(m_profiles);
    profilesLayout->addLayout(profileButtons);
    profilesLayout->addSpacing(8);
    profilesLayout->addWidget(m_newProfileTitle);
    profilesLayout->addLayout(newProfileRow);

    auto *aboutLayout = new QFormLayout(m_aboutGroup);
    aboutLayout->addRow(m_productLabel, m_product);
    aboutLayout->addRow(m_qtLabel, m_qt);
    aboutLayout->addRow(m_sslLabel, m_ssl);
    aboutLayout->addRow(m_keychainLabel, m_keychain);
    aboutLayout->addRow(m_licenceLabel, m_licence);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_languageGroup);
    contentLayout->addWidget(m_profilesGroup);
    contentLayout->addWidget(m_aboutGroup);
    contentLayout->addStretch();
    // Settings outgrow a small window: scroll rather than squeeze.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);

    connect(m_japanese, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            onLanguageChosen(kJapanese);
    });
    connect(m_english, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            onLanguageChosen(kEnglish);
    });
    connect(&m_context.language, &models::LanguageSwitcher::languageChanged, this,
            &SettingsPage::syncLanguageButtons);
    connect(m_profiles, &QTreeWidget::itemSelectionChanged, this,
            &SettingsPage::updateProfileActions);
    connect(m_profiles, &QTreeWidget::itemActivated, this, &SettingsPage::onSwitchProfile);
    connect(m_switchProfile, &QPushButton::clicked, this, &SettingsPage::onSwitchProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsPage::onRemoveProfile);
    connect(m_demo, &QPushButton::clicked, this, &SettingsPage::demoRequested);
    connect(m_newName, &QLineEdit::textChanged, this, &SettingsPage::validateNewProfile);
    connect(m_newUrl, &QLineEdit::textChanged, this, &SettingsPage::validateNewProfile);
    connect(m_newName, &QLineEdit::returnPressed, m_addProfile, &QPushButton::click);
    connect(m_newUrl, &QLineEdit::returnPressed, m_addProfile, &QPushButton::click);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsPage::onAddProfile);

    syncLanguageButtons();
    retranslateUi();
}

bool SettingsPage::selectProfile(const QString &name)
{
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_profiles->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == name) {
            m_profiles->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QStringList SettingsPage::aboutLines() const
{
    QStringList lines;
    for (const auto &[label, value] :
         {std::pair{m_productLabel, m_product}, std::pair{m_qtLabel, m_qt},
          std::pair{m_sslLabel, m_ssl}, std::pair{m_keychainLabel, m_keychain},
          std::pair{m_licenceLabel, m_licence}})
        lines.append(label->text() + QLatin1Char(' ') + value->text());
    return lines;
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::showEvent(QShowEvent *event)
{
    // The application switches profiles and pins certificates behind this
    // page's back: show what is current whenever the page comes into view.
    refreshProfiles();
    QWidget::showEvent(event);
}

void SettingsPage::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_languageGroup->setTitle(tr("Language"));
    m_profilesGroup->setTitle(tr("Connection Profiles"));
    m_profiles->setHeaderLabels({tr("Name"), tr("Service address"), tr("Certificate")});
    m_switchProfile->setText(tr("&Switch To"));
    m_switchProfile->setToolTip(tr("Sign out and connect to the selected service"));
    m_removeProfile->setText(tr("&Remove…"));
    m_removeProfile->setToolTip(
        tr("Forget the selected service, its pinned certificate and its remembered sign-in"));
    m_demo->setText(tr("Try the &Demo"));
    m_demo->setToolTip(tr("Start a demo service on this computer and sign in to it"));
    m_newProfileTitle->setText(tr("Add a service"));
    m_newNameLabel->setText(tr("&Name:"));
    m_newName->setPlaceholderText(tr("e.g. Head office"));
    m_newUrlLabel->setText(tr("A&ddress:"));
    m_newUrl->setPlaceholderText(tr("https://engage.example.com"));
    m_addProfile->setText(tr("&Add"));
    m_aboutGroup->setTitle(tr("About Engage"));
    m_productLabel->setText(tr("Engage version:"));
    m_qtLabel->setText(tr("Qt version:"));
    m_sslLabel->setText(tr("TLS library:"));
    m_keychainLabel->setText(tr("Keychain library:"));
    m_licenceLabel->setText(tr("Licence:"));
    m_licence->setText(tr("MIT License"));
    refreshProfiles();
    validateNewProfile();
}

void SettingsPage::syncLanguageButtons()
{
    const QString language = m_context.language.language();
    const QSignalBlocker blockJapanese(m_japanese);
    const QSignalBlocker blockEnglish(m_english);
    m_japanese->setChecked(language == kJapanese);
    m_english->setChecked(language == kEnglish);
}

void SettingsPage::onLanguageChosen(const QString &language)
{
    if (language == m_context.language.language())
        return;
    if (!m_context.language.setLanguage(language)) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("This language cannot be shown: its translation is missing "
                                 "from this installation."));
        syncLanguageButtons();
        return;
    }
    m_context.settings.setLanguage(language);
    m_context.settings.sync();
}

void SettingsPage::refreshProfiles()
{
    const std::optional<QString> selected = selectedProfile();
    const QString current = m_context.settings.currentProfile();
    m_profiles->clear();
    for (const models::ConnectionProfile &profile : m_context.settings.profiles()) {
        auto *item = new QTreeWidgetItem(m_profiles);
        const bool inUse = profile.name == current;
        item->setData(NameColumn, Qt::UserRole, profile.name);
        //: The connection profile (%1) the client is connected with now.
        //: The connection profile (%1) the client is connected with now.
        item->setText(NameColumn, inUse ? tr("%1 (in use)").arg(profile.name) : profile.name);
        item->setText(AddressColumn, profile.url.toDisplayString());
        if (!profile.fingerprint.isEmpty()) {
            item->setText(CertificateColumn, profile.fingerprint);
            item->setToolTip(
                CertificateColumn,
                tr("Pinned certificate, SHA-256 fingerprint %1").arg(profile.fingerprint));
        } else if (profile.isDemo) {
            item->setText(CertificateColumn, tr("Pinned when the demo starts"));
        } else {
            item->setText(CertificateColumn, tr("Vouched for by a public authority"));
        }
        if (inUse) {
            QFont font = item->font(NameColumn);
            font.setBold(true);
            item->setFont(NameColumn, font);
        }
    }
    if (!selected || !selectProfile(*selected))
        selectProfile(current);
    updateProfileActions();
}

void SettingsPage::updateProfileActions()
{
    const std::optional<QString> selected = selectedProfile();
    const QString current = m_context.settings.currentProfile();
    const bool other = selected && *selected != current;
    m_switchProfile->setEnabled(other);
    m_removeProfile->setEnabled(other);
    const auto currentProfile = m_context.settings.profile(current);
    m_demo->setEnabled(!currentProfile || !currentProfile->isDemo);
}

std::optional<QString> SettingsPage::selectedProfile() const
{
    const QList<QTreeWidgetItem *> items = m_profiles->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    return items.constFirst()->data(NameColumn, Qt::UserRole).toString();
}

void SettingsPage::validateNewProfile()
{
    const models::ProfileInput::Check candidate = models::ProfileInput::check(
        m_newName->text(), m_newUrl->text(), namesOf(m_context.settings.profiles()));
    m_newProblem->setText(candidate.problem);
    m_newProblem->setVisible(!candidate.problem.isEmpty());
    m_addProfile->setEnabled(candidate.profile.has_value());
}

void SettingsPage::onAddProfile()
{
    const models::ProfileInput::Check candidate = models::ProfileInput::check(
        m_newName->text(), m_newUrl->text(), namesOf(m_context.settings.profiles()));
    if (!candidate.profile)
        return;
    m_context.settings.saveProfile(*candidate.profile);
    m_context.settings.sync();
    m_newName->clear();
    m_newUrl->clear();
    refreshProfiles();
    selectProfile(candidate.profile->name);
}

void SettingsPage::onRemoveProfile()
{
    const std::optional<QString> name = selectedProfile();
    if (!name || *name == m_context.settings.currentProfile())
        return;
    const QString profileName = *name;
    confirmDestruction(
        this, tr("Remove Profile"), tr("Remove the profile %1?").arg(profileName),
        tr("Its pinned certificate and its remembered sign-in are forgotten. The service itself "
           "is not affected."),
        tr("&Remove"), [this, profileName] {
            const auto profile = m_context.settings.profile(profileName);
            if (!profile)
                return;
            m_context.settings.removeProfile(profileName);
            m_context.settings.sync();
            refreshProfiles();
            if (profile->lastEmail.isEmpty())
                return;
            // The refresh token of the last sign-in would otherwise stay in
            // the keychain with nothing left that could use or delete it.
            m_context.credentials.remove(
                models::CredentialStore::entryKey(profileName, profile->lastTenant,
                                                  profile->lastEmail),
                [page = QPointer<SettingsPage>(this)](std::optional<models::ApiError> error) {
                    if (page && error)
                        page->m_banner->showError(*error);
                });
        });
}

void SettingsPage::onSwitchProfile()
{
    const std::optional<QString> name = selectedProfile();
    if (name && *name != m_context.settings.currentProfile())
        Q_EMIT profileSwitchRequested(*name);
}

} // namespace engage::ui
