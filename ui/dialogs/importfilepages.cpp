// The pages of the ImportWizard that bracket the mapping and the preview:
// the file and its upload, the apply under way, and the summary.

#include "dialogs/confirmation.h"
#include "dialogs/fieldproblem.h"
#include "importwizard.h"
#include "importwizardpages.h"
#include "models/memberimportsession.h"
#include "widgets/messagebanner.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace engage::ui {

using models::MemberImportSession;
using State = MemberImportSession::State;

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

// ---- the file ------------------------------------------------------------------

ImportFilePage::ImportFilePage(MemberImportSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_fileLabel(new QLabel(this))
    , m_fileField(new QLineEdit(this))
    , m_choose(new QPushButton(this))
    , m_facts(new QLabel(this))
    , m_problem(fieldProblemLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
{
    m_intro->setWordWrap(true);
    m_fileField->setReadOnly(true);
    m_fileField->setObjectName(QStringLiteral("filePath"));
    m_fileLabel->setBuddy(m_choose);
    m_facts->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_progressLabel->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileField, 1);
    fileRow->addWidget(m_choose);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addWidget(m_fileLabel);
    layout->addLayout(fileRow);
    layout->addWidget(m_facts);
    layout->addWidget(m_problem);
    layout->addSpacing(8);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addStretch();

    connect(m_choose, &QPushButton::clicked, this, &ImportFilePage::chooseFile);
    connect(&m_session, &MemberImportSession::stateChanged, this, &ImportFilePage::onStateChanged);
    connect(&m_session, &MemberImportSession::uploadProgress, this,
            [this](qint64 sent, qint64 total) {
                if (total <= 0)
                    return;
                m_progress->setRange(0, 100);
                m_progress->setValue(static_cast<int>(sent * 100 / total));
                m_progressLabel->setText(
                    sent < total ? tr("Sending %1 of %2…").arg(sizeText(sent), sizeText(total))
                                 : tr("Sent. The service is reading the file…"));
            });
    connect(&m_session, &MemberImportSession::fileRefused, this,
            [this](MemberImportSession::FileProblem problem) {
                m_tooLarge = problem == MemberImportSession::FileProblem::TooLarge;
                if (problem == MemberImportSession::FileProblem::Unreadable)
                    m_size = -1;
                if (m_session.fileSize() > 0)
                    m_size = m_session.fileSize();
                // An empty or unreadable file has nothing to say beyond the problem.
                describeFile();
                if (problem == MemberImportSession::FileProblem::Empty ||
                    problem == MemberImportSession::FileProblem::Unreadable)
                    showFieldProblem(m_problem, m_fileField,
                                     problem == MemberImportSession::FileProblem::Empty
                                         ? tr("The file is empty.")
                                         : tr("The file cannot be read. Check that it still "
                                              "exists and that you may open it."));
            });
    connect(&m_session, &MemberImportSession::failed, this, [this](const models::ApiError &error) {
        if (m_session.state() == State::NoFile && wizard() && wizard()->currentPage() == this)
            m_banner->showError(error);
    });
    connect(&m_session, &MemberImportSession::uploaded, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });

    retranslateUi();
}

void ImportFilePage::setFilePath(const QString &path)
{
    m_path = path;
    m_banner->hide();
    const QFileInfo info(path);
    m_size = info.isFile() ? info.size() : -1;
    m_tooLarge = m_size > api::kImportMaxBytes;
    m_unsupported = MemberImportSession::contentTypeFor(path).isEmpty();
    describeFile();
    Q_EMIT completeChanged();
}

QString ImportFilePage::problemText() const
{
    return m_problem->text();
}

void ImportFilePage::describeFile()
{
    m_fileField->setText(QDir::toNativeSeparators(m_path));
    const QString name = QFileInfo(m_path).fileName();
    if (m_path.isEmpty())
        m_facts->clear();
    else if (m_size < 0)
        m_facts->setText(tr("%1 cannot be found.").arg(name));
    else
        //: The chosen file's name (%1) and size (%2, such as "1.2 MB").
        m_facts->setText(tr("%1, %2").arg(name, sizeText(m_size)));

    QString problem;
    if (m_path.isEmpty())
        problem.clear();
    else if (m_unsupported)
        problem = tr("Engage imports Excel workbooks (.xlsx) and CSV files (.csv). Save the list "
                     "in one of these formats first.");
    else if (m_tooLarge)
        problem = tr("This file is %1. Engage imports files of up to %2: split the list into "
                     "several files, or leave out the columns it does not need.")
                      .arg(sizeText(m_size), sizeText(api::kImportMaxBytes));
    showFieldProblem(m_problem, m_fileField, problem);
}

void ImportFilePage::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose a Member List"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Member lists (*.xlsx *.csv)"), tr("All files (*)")});
    dialog->setDirectory(m_path.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                             : QFileInfo(m_path).absolutePath());
    connect(dialog, &QFileDialog::fileSelected, this, &ImportFilePage::setFilePath);
    dialog->open();
}

bool ImportFilePage::isComplete() const
{
    return !m_path.isEmpty() && m_size > 0 && !m_tooLarge && !m_unsupported && !m_session.isBusy();
}

bool ImportFilePage::validatePage()
{
    // Back from the mapping with the same file: it is uploaded already.
    if (m_session.filePath() == m_path && m_session.state() != State::NoFile && !m_session.isBusy())
        return true;
    m_banner->hide();
    m_session.upload(m_path);
    return false; // uploaded() moves on
}

void ImportFilePage::onStateChanged()
{
    const State state = m_session.state();
    const bool sending = state == State::Reading || state == State::Uploading;
    m_progress->setVisible(sending);
    m_progressLabel->setVisible(sending);
    m_choose->setEnabled(!m_session.isBusy());
    if (state == State::Reading) {
        m_progress->setRange(0, 0); // reading: no measure of progress
        m_progressLabel->setText(tr("Reading the file…"));
    }
    Q_EMIT completeChanged();
}

void ImportFilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportFilePage::retranslateUi()
{
    setTitle(tr("Choose the File"));
    setSubTitle(tr("Step 1 of 5: the list of members to import."));
    m_intro->setText(
        tr("<p>Choose an Excel workbook (.xlsx) or a CSV file (.csv) with one member per row "
           "and a header row, such as a list from your HR system. CSV files may be in UTF-8 or "
           "in the Shift_JIS of Japanese Excel.</p><p>Nothing changes until you apply the import "
           "at the end: first you check where each column goes and what would change.</p>"));
    m_fileLabel->setText(tr("&File:"));
    m_fileField->setPlaceholderText(tr("No file chosen"));
    m_choose->setText(tr("&Choose…"));
    describeFile();
}

// ---- the apply under way ------------------------------------------------------------

ImportProgressPage::ImportProgressPage(MemberImportSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_retry(new QPushButton(this))
{
    m_label->setWordWrap(true);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_retry->hide();

    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addLayout(retryRow);
    layout->addStretch();

    connect(m_retry, &QPushButton::clicked, this, &ImportProgressPage::start);
    connect(&m_session, &MemberImportSession::stateChanged, this, [this] {
        updateButtons();
        Q_EMIT completeChanged();
    });
    connect(&m_session, &MemberImportSession::applied, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
    connect(&m_session, &MemberImportSession::failed, this, [this](const models::ApiError &error) {
        if (!wizard() || wizard()->currentPage() != this)
            return;
        if (m_session.state() == State::Applied) {
            // Applied, but the answer could not be read: the summary says what it can.
            wizard()->next();
            return;
        }
        m_banner->showError(error);
    });

    retranslateUi();
}

void ImportProgressPage::initializePage()
{
    start();
}

void ImportProgressPage::start()
{
    m_banner->hide();
    if (auto *importWizard = qobject_cast<ImportWizard *>(wizard()))
        m_session.apply(importWizard->applyRequest());
    updateButtons();
}

bool ImportProgressPage::isComplete() const
{
    return m_session.state() == State::Applied;
}

void ImportProgressPage::updateButtons()
{
    const bool applying = m_session.state() == State::Applying;
    m_progress->setVisible(applying);
    m_retry->setVisible(m_session.state() == State::Previewed);
}

void ImportProgressPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportProgressPage::retranslateUi()
{
    setTitle(tr("Applying the Import"));
    setSubTitle(tr("The service makes all the changes in one go."));
    m_label->setText(tr("Engage is applying the import. All of its changes are made together, "
                        "or none of them: this cannot be interrupted, and takes a moment for a "
                        "large file."));
    m_retry->setText(tr("&Try Again"));
}

// ---- the summary ----------------------------------------------------------------------

ImportSummaryPage::ImportSummaryPage(MemberImportSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_outcome(new QLabel(this))
    , m_status(new QLabel(this))
    , m_logNote(new QLabel(this))
    , m_undo(new QPushButton(this))
{
    setFinalPage(true);
    for (QLabel *label : {m_outcome, m_status, m_logNote}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_undo->setObjectName(QStringLiteral("undo"));

    auto *undoRow = new QHBoxLayout;
    undoRow->addWidget(m_undo);
    undoRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_outcome);
    layout->addSpacing(8);
    layout->addWidget(m_status);
    layout->addLayout(undoRow);
    layout->addStretch();
    layout->addWidget(m_logNote);

    connect(m_undo, &QPushButton::clicked, this, &ImportSummaryPage::onUndo);
    connect(&m_session, &MemberImportSession::stateChanged, this, &ImportSummaryPage::updateTexts);
    connect(&m_session, &MemberImportSession::failed, this, [this](const models::ApiError &error) {
        if (!wizard() || wizard()->currentPage() != this)
            return;
        if (error.code == api::ProblemCode::Conflict)
            m_banner->showMessage(MessageBanner::Level::Warning,
                                  tr("Some of these members have been changed since the import, "
                                     "so it can no longer be undone as a whole. Change them on "
                                     "the Members page instead."));
        else
            m_banner->showError(error);
    });

    retranslateUi();
}

void ImportSummaryPage::initializePage()
{
    m_banner->hide();
    m_applied = m_session.outcome();
    updateTexts();
}

QString ImportSummaryPage::outcomeText() const
{
    return m_outcome->text();
}

QString ImportSummaryPage::statusText() const
{
    return m_status->text();
}

void ImportSummaryPage::updateTexts()
{
    if (!m_applied) {
        m_outcome->setText(tr("The import was applied, but the service's account of it could "
                              "not be read. The operation log has what changed."));
    } else {
        const api::ImportOutcome &outcome = *m_applied;
        QStringList lines;
        lines << tr("%Ln members added", nullptr, outcome.added)
              << tr("%Ln members updated", nullptr, outcome.changed);
        if (outcome.groupsCreated > 0)
            lines << tr("%Ln groups created", nullptr, outcome.groupsCreated);
        if (outcome.markedLeft > 0)
            lines << tr("%Ln members marked as left", nullptr, outcome.markedLeft);
        if (outcome.skipped > 0)
            lines << tr("%Ln rows with errors left out", nullptr, outcome.skipped);
        //: The summary of an applied import: a list of counts, one per line.
        m_outcome->setText(tr("<p><b>The import was applied.</b></p><ul><li>%1</li></ul>")
                               .arg(lines.join(QStringLiteral("</li><li>"))));
    }
    const State state = m_session.state();
    if (state == State::Undone && m_session.outcome()) {
        // The undo's own account: what it took back.
        const api::ImportOutcome &undone = *m_session.outcome();
        QStringList lines;
        lines << tr("%Ln members it added removed", nullptr, undone.added)
              << tr("%Ln members put back as they were", nullptr, undone.changed);
        if (undone.groupsCreated > 0)
            lines << tr("%Ln groups it created deleted", nullptr, undone.groupsCreated);
        //: The summary of an undone import: a list of counts, one per line.
        m_status->setText(tr("<p><b>The import was undone.</b></p><ul><li>%1</li></ul>")
                              .arg(lines.join(QStringLiteral("</li><li>"))));
    } else if (state == State::Undone) {
        m_status->setText(tr("The import was undone: the members are as they were before it."));
    } else if (state == State::Undoing) {
        m_status->setText(tr("Undoing the import…"));
    } else {
        m_status->setText(tr("Changed your mind? Undo puts everything this import changed back "
                             "as it was, as long as nobody has changed these members since."));
    }
    m_undo->setEnabled(state == State::Applied);
    m_undo->setVisible(state == State::Applied || state == State::Undoing);
}

void ImportSummaryPage::onUndo()
{
    confirmDestruction(this, tr("Undo Import"), tr("Undo this import?"),
                       tr("Members it added are removed again, members it changed or marked as "
                          "left are put back as they were, and groups it created are deleted "
                          "unless someone has put members in them since."),
                       tr("&Undo Import"), [this] {
                           m_banner->hide();
                           m_session.undo();
                       });
}

void ImportSummaryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportSummaryPage::retranslateUi()
{
    setTitle(tr("Import Summary"));
    setSubTitle(tr("Step 5 of 5: what changed."));
    m_undo->setText(tr("&Undo This Import…"));
    m_logNote->setText(tr("The operation log has an entry for this import (and one for its undo): "
                          "who made it, when, and how many members it changed."));
    updateTexts();
}

} // namespace engage::ui
