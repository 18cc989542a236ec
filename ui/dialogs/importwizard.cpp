#include "importwizard.h"

#include "importwizardpages.h"
#include "models/attributelistmodel.h"
#include "models/importpreviewmodel.h"
#include "models/memberimportsession.h"

#include <QAbstractButton>
#include <QEvent>
#include <QIcon>

namespace engage::ui {

using models::MemberImportSession;

ImportWizard::ImportWizard(models::ApiClient &client, QWidget *parent)
    : QWizard(parent)
    , m_session(new MemberImportSession(client, this))
    , m_attributes(new models::AttributeListModel(client, this))
    , m_filePage(new ImportFilePage(*m_session, this))
    , m_mappingPage(new ImportMappingPage(*m_session, *m_attributes, this))
    , m_previewPage(new ImportPreviewPage(*m_session, this))
    , m_optionsPage(new ImportOptionsPage(*m_session, this))
    , m_progressPage(new ImportProgressPage(*m_session, this))
    , m_summaryPage(new ImportSummaryPage(*m_session, this))
{
    // The same look everywhere but on macOS, whose own style has the header too.
#ifndef Q_OS_MACOS
    setWizardStyle(QWizard::ModernStyle);
#endif
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/engage.svg")).pixmap(40, 40));
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::NoBackButtonOnLastPage |
               QWizard::NoCancelButtonOnLastPage);
    setPage(FilePageId, m_filePage);
    setPage(MappingPageId, m_mappingPage);
    setPage(PreviewPageId, m_previewPage);
    setPage(OptionsPageId, m_optionsPage);
    setPage(ProgressPageId, m_progressPage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(FilePageId);

    // The mapping offers the company's attributes as targets, and the
    // preview names them in changes.
    connect(m_attributes, &models::AttributeListModel::loaded, this,
            [this] { m_session->previewModel().setAttributes(m_attributes->attributes()); });
    m_attributes->reload();

    connect(m_session, &MemberImportSession::applied, this, &ImportWizard::membersChanged);
    connect(m_session, &MemberImportSession::undone, this, &ImportWizard::membersChanged);
    // While the service applies or undoes, there is nothing to cancel.
    connect(m_session, &MemberImportSession::stateChanged, this, [this] {
        if (QAbstractButton *cancel = button(QWizard::CancelButton))
            cancel->setEnabled(!(m_session->state() == MemberImportSession::State::Applying ||
                                 m_session->state() == MemberImportSession::State::Undoing));
    });

    retranslateUi();
    resize(860, 640);
}

ImportWizard::~ImportWizard() = default;

api::ImportApplyRequest ImportWizard::applyRequest() const
{
    return m_optionsPage->applyRequest();
}

void ImportWizard::setFilePath(const QString &path)
{
    m_filePage->setFilePath(path);
}

void ImportWizard::reject()
{
    const MemberImportSession::State state = m_session->state();
    if (state == MemberImportSession::State::Applying ||
        state == MemberImportSession::State::Undoing)
        return;
    m_session->cancel();
    QWizard::reject();
}

void ImportWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void ImportWizard::retranslateUi()
{
    setWindowTitle(tr("Import Members"));
    // Committing is applying: the button says so.
    setButtonText(QWizard::CommitButton, tr("&Apply"));
}

} // namespace engage::ui
