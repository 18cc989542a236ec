#include "surveybuilder.h"

#include "api/questionbank.h"
#include "bankpickerdialog.h"
#include "deliveryeditor.h"
#include "dialogs/fieldproblem.h"
#include "models/attributelistmodel.h"
#include "models/grouptreemodel.h"
#include "models/surveys/anonymitythreshold.h"
#include "models/surveys/questionbankmodel.h"
#include "models/surveys/questionlistmodel.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveytext.h"
#include "models/surveys/targetcounter.h"
#include "questioneditor.h"
#include "surveypreview.h"
#include "surveyproblem.h"
#include "undorouting.h"
#include "widgets/messagebanner.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace engage::ui {

using models::DraftAutosaver;
using models::QuestionListModel;
using models::SurveyDocument;
using models::SurveyText;
using State = DraftAutosaver::State;

namespace {

constexpr api::QuestionType kNewTypes[] = {
    api::QuestionType::Agreement5,     api::QuestionType::Agreement7,
    api::QuestionType::Scale11,        api::QuestionType::SingleChoice,
    api::QuestionType::MultipleChoice, api::QuestionType::FreeText};

// Each question numbered as respondents see it; one with a text in one
// language only carries a warning sign.
class QuestionDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        //: A question in the builder's list: its number (%1) and its text (%2).
        option->text = SurveyBuilder::tr("%1. %2").arg(index.row() + 1).arg(option->text);
        if (index.data(QuestionListModel::MissingTranslationRole).toBool()) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = option->widget->style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
    }
};

QPushButton *button(QAction *action, QWidget *parent, QList<QPushButton *> &buttons)
{
    buttons.append(buttonFor(action, parent));
    return buttons.constLast();
}

} // namespace

SurveyBuilder::SurveyBuilder(models::ApiClient &client, QWidget *parent)
    : QDialog(parent, Qt::Window)
    , m_client(client)
    , m_document(new SurveyDocument(this))
    , m_autosaver(new DraftAutosaver(client, *m_document, this))
    , m_threshold(new models::AnonymityThreshold(client, this))
    , m_groups(new models::GroupTreeModel(client, this))
    , m_attributes(new models::AttributeListModel(client, this))
    , m_counter(new models::TargetCounter(client, *m_groups, this))
    , m_bank(new models::QuestionBankModel(this))
    , m_banner(new MessageBanner(this))
    , m_nameJaLabel(new QLabel(this))
    , m_nameEnLabel(new QLabel(this))
    , m_nameJa(new QLineEdit(this))
    , m_nameEn(new QLineEdit(this))
    , m_nameProblem(fieldProblemLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_questionsTab(new QWidget(m_tabs))
    , m_pulseNote(new QLabel(m_questionsTab))
    , m_listPanel(new QWidget(m_questionsTab))
    , m_questionView(new QListView(m_listPanel))
    , m_editor(new QuestionEditor(*m_document, m_questionsTab))
    , m_previewJaLabel(new QLabel(m_questionsTab))
    , m_previewEnLabel(new QLabel(m_questionsTab))
    , m_previewJa(new QTextBrowser(m_questionsTab))
    , m_previewEn(new QTextBrowser(m_questionsTab))
    , m_delivery(new DeliveryEditor(*m_document, *m_groups, *m_attributes, *m_counter, m_tabs))
    , m_status(new QLabel(this))
    , m_publishProblem(new QLabel(this))
    , m_addButton(new QToolButton(m_listPanel))
    , m_addMenu(new QMenu(this))
    , m_undo(m_document->undoStack()->createUndoAction(this))
    , m_redo(m_document->undoStack()->createRedoAction(this))
    , m_addFromBank(pageAction(QKeySequence(Qt::CTRL | Qt::Key_B), this))
    , m_remove(new QAction(this))
    , m_moveUp(pageAction(QKeySequence(Qt::ALT | Qt::Key_Up), this))
    , m_moveDown(pageAction(QKeySequence(Qt::ALT | Qt::Key_Down), this))
    , m_publish(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this))
    , m_sendTest(pageAction(QKeySequence(), this))
    , m_publishButton(nullptr)
    , m_closeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("surveyBuilder"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_nameJa->setObjectName(QStringLiteral("nameJa"));
    m_nameEn->setObjectName(QStringLiteral("nameEn"));
    m_nameJa->setMaxLength(api::kSurveyNameMaxLength * 2);
    m_nameEn->setMaxLength(api::kSurveyNameMaxLength * 2);
    m_nameJaLabel->setBuddy(m_nameJa);
    m_nameEnLabel->setBuddy(m_nameEn);
    routeUndoToWindow(m_nameJa);
    routeUndoToWindow(m_nameEn);
    m_nameProblem->setObjectName(QStringLiteral("nameProblem"));
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_publishProblem->setObjectName(QStringLiteral("publishProblem"));
    m_publishProblem->setWordWrap(true);
    m_publishProblem->setTextFormat(Qt::RichText);
    m_pulseNote->setWordWrap(true);
    m_pulseNote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_previewJa->setObjectName(QStringLiteral("previewJa"));
    m_previewEn->setObjectName(QStringLiteral("previewEn"));

    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo->setShortcuts(QKeySequence::Redo);
    for (QAction *action : {m_undo, m_redo})
        addAction(action);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);

    m_questionView->setObjectName(QStringLiteral("questionList"));
    m_questionView->setModel(m_document->questionModel());
    m_questionView->setItemDelegate(new QuestionDelegate(m_questionView));
    m_questionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_questionView->setDragEnabled(true);
    m_questionView->setAcceptDrops(true);
    m_questionView->setDropIndicatorShown(true);
    m_questionView->setDragDropMode(QAbstractItemView::DragDrop);
    m_questionView->setDefaultDropAction(Qt::MoveAction);
    m_questionView->setDragDropOverwriteMode(false);
    m_questionView->setWordWrap(true);
    m_questionView->setIconSize(QSize(16, 16));
    m_questionView->addAction(m_remove);
    m_questionView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_questionView->addAction(m_moveUp);
    m_questionView->addAction(m_moveDown);

    m_addButton->setObjectName(QStringLiteral("addQuestionButton"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addButton->setMenu(m_addMenu);
    for (const api::QuestionType type : kNewTypes) {
        QAction *action = m_addMenu->addAction(QString());
        connect(action, &QAction::triggered, this, [this, type] {
            const int row =
                m_document->addCustomQuestion(type, currentRow() >= 0 ? currentRow() + 1 : -1);
            if (row >= 0) {
                selectQuestion(row);
                m_editor->textField(true)->setFocus();
            }
        });
        m_addTypeActions.append(action);
    }

    // Questions tab: the list, the editor and the preview in both languages.
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(button(m_addFromBank, m_listPanel, m_buttons), 0, 0);
    listButtons->addWidget(m_addButton, 0, 1);
    listButtons->addWidget(button(m_remove, m_listPanel, m_buttons), 1, 0, 1, 2);
    listButtons->addWidget(button(m_moveUp, m_listPanel, m_buttons), 2, 0);
    listButtons->addWidget(button(m_moveDown, m_listPanel, m_buttons), 2, 1);
    auto *listLayout = new QVBoxLayout(m_listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_questionView, 1);
    listLayout->addLayout(listButtons);
    auto *previewPanel = new QWidget(m_questionsTab);
    auto *previewLayout = new QVBoxLayout(previewPanel);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewJaLabel);
    previewLayout->addWidget(m_previewJa, 1);
    previewLayout->addWidget(m_previewEnLabel);
    previewLayout->addWidget(m_previewEn, 1);
    auto *editorPanel = new QWidget(m_questionsTab);
    auto *editorLayout = new QVBoxLayout(editorPanel);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_pulseNote);
    editorLayout->addWidget(m_editor, 1);
    auto *splitter = new QSplitter(m_questionsTab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_listPanel);
    splitter->addWidget(editorPanel);
    splitter->addWidget(previewPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    auto *questionsLayout = new QVBoxLayout(m_questionsTab);
    questionsLayout->addWidget(splitter);
    m_tabs->addTab(m_questionsTab, QString());
    m_tabs->addTab(m_delivery, QString());

    auto *names = new QGridLayout;
    names->addWidget(m_nameJaLabel, 0, 0);
    names->addWidget(m_nameJa, 0, 1);
    names->addWidget(m_nameEnLabel, 0, 2);
    names->addWidget(m_nameEn, 0, 3);
    names->addWidget(m_nameProblem, 1, 1, 1, 3);
    names->setColumnStretch(1, 1);
    names->setColumnStretch(3, 1);

    auto *undoButton = new QToolButton(this);
    undoButton->setDefaultAction(m_undo);
    auto *redoButton = new QToolButton(this);
    redoButton->setDefaultAction(m_redo);
    m_publishButton = button(m_publish, this, m_buttons);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(undoButton);
    bottom->addWidget(redoButton);
    bottom->addWidget(m_status);
    bottom->addWidget(m_publishProblem, 1);
    QPushButton *testButton = button(m_sendTest, this, m_buttons);
    testButton->setObjectName(QStringLiteral("sendTestButton"));
    bottom->addWidget(testButton);
    bottom->addWidget(m_publishButton);
    bottom->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(names);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    connect(m_nameJa, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_document->setName(true, text); });
    connect(m_nameEn, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_document->setName(false, text); });
    connect(m_questionView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_editor->setRow(currentRow());
        updateActions();
        updateProblems();
    });
    connect(m_addFromBank, &QAction::triggered, this, &SurveyBuilder::openBankPicker);
    connect(m_remove, &QAction::triggered, this, [this] {
        const int row = currentRow();
        m_document->removeQuestion(row);
        selectQuestion(std::min(row, m_document->questionModel()->rowCount() - 1));
    });
    connect(m_moveUp, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveCurrent(1); });
    connect(m_publish, &QAction::triggered, this, &SurveyBuilder::requestPublishing);
    connect(m_sendTest, &QAction::triggered, this, &SurveyBuilder::requestTest);
    connect(m_publishProblem, &QLabel::linkActivated, this, &SurveyBuilder::showProblemField);
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::close);
    // A question moved by drag and drop stays the current one.
    connect(m_document->questionModel(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int, int, const QModelIndex &, int) { updateActions(); });

    connect(m_document, &SurveyDocument::changed, this, &SurveyBuilder::onDocumentChanged);
    connect(m_document, &SurveyDocument::nameChanged, this, [this] {
        const api::LocalizedText &name = m_document->definition().name;
        if (m_nameJa->text() != name.ja)
            m_nameJa->setText(name.ja);
        if (m_nameEn->text() != name.en)
            m_nameEn->setText(name.en);
        retranslateUi();
    });
    connect(m_autosaver, &DraftAutosaver::opened, this, &SurveyBuilder::onOpened);
    connect(m_threshold, &models::AnonymityThreshold::changed, this, &SurveyBuilder::updatePreview);
    connect(m_autosaver, &DraftAutosaver::stateChanged, this, &SurveyBuilder::onStateChanged);
    connect(m_autosaver, &DraftAutosaver::conflicted, this, &SurveyBuilder::onConflict);
    connect(m_autosaver, &DraftAutosaver::failed, this,
            [this](const models::ApiError &error) { m_banner->showError(error); });
    connect(m_autosaver, &DraftAutosaver::saved, this, [this](const api::Survey &survey) {
        Q_EMIT surveySaved(survey);
        if (m_autosaver->hasUnsavedChanges())
            return;
        if (std::exchange(m_closeWhenSaved, false))
            close();
        else if (std::exchange(m_publishWhenSaved, false))
            requestPublishing();
        if (std::exchange(m_testWhenSaved, false))
            requestTest();
    });
    connect(m_groups, &models::GroupTreeModel::loaded, m_counter, &models::TargetCounter::reload);

    retranslateUi();
    resize(1240, 780);
}

SurveyBuilder::~SurveyBuilder() = default;

void SurveyBuilder::open(const QString &surveyId)
{
    m_autosaver->open(surveyId);
    m_threshold->load();
    m_groups->reload();
    m_attributes->reload();
    onStateChanged();
}

void SurveyBuilder::start(const api::Survey &survey)
{
    m_autosaver->start(survey);
    m_threshold->load();
    m_groups->reload();
    m_attributes->reload();
}

QString SurveyBuilder::surveyId() const
{
    return m_autosaver->survey().id;
}

bool SurveyBuilder::isReady() const
{
    return m_autosaver->state() != State::Loading && m_autosaver->state() != State::Idle;
}

void SurveyBuilder::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (isReady())
        onOpened();
}

bool SurveyBuilder::isEditable() const
{
    return !m_readOnly && m_autosaver->isEditable();
}

std::optional<api::Error> SurveyBuilder::publishingProblem() const
{
    return api::validateForPublishing(m_document->definition());
}

void SurveyBuilder::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

// What is typed is not lost by closing: a pending change is saved first,
// and the window stays open when it cannot be.
void SurveyBuilder::closeEvent(QCloseEvent *event)
{
    const State state = m_autosaver->state();
    if (isEditable() && m_autosaver->hasUnsavedChanges() &&
        (state == State::Pending || state == State::Saving)) {
        event->ignore();
        m_closeWhenSaved = true;
        m_autosaver->saveNow();
        return;
    }
    if (isEditable() && m_autosaver->hasUnsavedChanges()) {
        event->ignore();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Unsaved Changes"),
                                    tr("Your latest changes to this survey are not saved."),
                                    QMessageBox::Cancel, this);
        box->setInformativeText(
            tr("Correct what the window points out, or solve the conflict, so that they can be "
               "saved. Closing now throws them away."));
        QPushButton *discard = box->addButton(tr("&Discard Changes"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, discard] {
            if (box->clickedButton() != discard)
                return;
            m_autosaver->start(m_autosaver->survey());
            close();
        });
        box->open();
        return;
    }
    m_closeWhenSaved = false;
    QDialog::closeEvent(event);
}

void SurveyBuilder::retranslateUi()
{
    const QString name = SurveyText::surveyName(m_document->definition().name);
    setWindowTitle(isEditable() ? tr("%1 — Survey Builder").arg(name)
                                : tr("%1 — Survey (read-only)").arg(name));
    m_nameJaLabel->setText(tr("Na&me in Japanese:"));
    m_nameEnLabel->setText(tr("Name in Eng&lish:"));
    m_tabs->setTabText(0, tr("&Questions"));
    m_tabs->setTabText(1, tr("&Delivery"));
    m_pulseNote->setText(
        tr("An engagement pulse asks the questions of the engagement bank: all %1 in its first "
           "round, then a rotating part of them, so that every question is asked again within "
           "twelve weeks. The preview shows the first round.")
            .arg(api::kBankSize));
    m_previewJaLabel->setText(tr("Preview in Japanese"));
    m_previewEnLabel->setText(tr("Preview in English"));
    m_questionView->setAccessibleName(tr("Questions"));
    m_questionView->setToolTip(
        tr("Drag a question to move it, or use Alt+Up and Alt+Down. A warning sign marks a "
           "question missing a translation."));
    m_addButton->setText(tr("Add &Custom Question"));
    for (int i = 0; i < m_addTypeActions.size(); ++i)
        m_addTypeActions.at(i)->setText(SurveyText::questionTypeText(kNewTypes[i]));
    m_addFromBank->setText(tr("Add from &Bank…"));
    m_addFromBank->setToolTip(
        withShortcut(tr("Add questions from the engagement question bank"), m_addFromBank));
    m_remove->setText(tr("&Remove"));
    m_remove->setToolTip(tr("Remove the selected question (Delete)"));
    m_moveUp->setText(tr("Move &Up"));
    m_moveUp->setToolTip(withShortcut(tr("Move the selected question up"), m_moveUp));
    m_moveDown->setText(tr("Move Do&wn"));
    m_moveDown->setToolTip(withShortcut(tr("Move the selected question down"), m_moveDown));
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    m_undo->setToolTip(withShortcut(tr("Undo the last change"), m_undo));
    m_redo->setToolTip(withShortcut(tr("Redo the change undone last"), m_redo));
    m_publish->setText(tr("&Publish…"));
    m_publish->setToolTip(withShortcut(tr("Publish the survey, after a summary"), m_publish));
    m_sendTest->setText(tr("Send Te&st to Myself"));
    m_sendTest->setToolTip(tr("Mail yourself this survey's invitation, in the language of this "
                              "window: its link opens a preview that records nothing"));
    m_closeButton->setText(tr("Close"));
    onStateChanged();
    updateProblems();
    updatePreview();
}

void SurveyBuilder::onOpened()
{
    const bool editable = isEditable();
    const bool pulse = m_document->definition().kind == api::SurveyKind::Pulse;
    m_nameJa->setReadOnly(!editable);
    m_nameEn->setReadOnly(!editable);
    m_editor->setReadOnly(!editable);
    m_delivery->setReadOnly(!editable);
    m_questionView->setDragDropMode(editable ? QAbstractItemView::DragDrop
                                             : QAbstractItemView::NoDragDrop);
    m_pulseNote->setVisible(pulse);
    m_listPanel->setVisible(!pulse);
    m_editor->setVisible(!pulse);
    m_publish->setVisible(editable);
    m_sendTest->setVisible(editable);
    if (!pulse && m_document->questionModel()->rowCount() > 0 && currentRow() < 0)
        selectQuestion(0);
    retranslateUi();
    updateActions();
}

void SurveyBuilder::onDocumentChanged()
{
    if (m_editor->row() != currentRow())
        m_editor->setRow(currentRow());
    updateActions();
    updateProblems();
    updatePreview();
}

void SurveyBuilder::onStateChanged()
{
    QString text;
    switch (m_autosaver->state()) {
    case State::Idle:
        break;
    case State::Loading:
        text = tr("Loading…");
        break;
    case State::Saved:
        text = isEditable() ? tr("All changes saved.") : tr("Published surveys cannot be changed.");
        break;
    case State::Pending:
        text = tr("Unsaved changes…");
        break;
    case State::Saving:
        text = tr("Saving…");
        break;
    case State::Conflict:
        text = tr("Not saved: someone else changed this draft.");
        break;
    case State::Failed:
        text = tr("Not saved.");
        break;
    case State::Invalid:
        text = tr("Not saved: correct the problem shown.");
        break;
    }
    m_status->setText(text);
    updateActions();
}

void SurveyBuilder::onConflict()
{
    const std::optional<api::Survey> &theirs = m_autosaver->theirs();
    if (!theirs) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("This draft was changed or deleted elsewhere and cannot be read "
                                 "now. Your text stays in this window: copy what you need "
                                 "before you close it."));
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Draft Changed Elsewhere"),
                                tr("Someone else saved this survey while you were editing it, "
                                   "so your latest changes are not saved yet."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("conflictBox"));
    const bool draft = theirs->status == api::SurveyStatus::Draft;
    box->setInformativeText(
        draft ? tr("Take their version to continue from it (Undo brings yours back), or keep "
                   "yours and overwrite theirs.")
              : tr("It has been published since, so it can no longer be changed. Take the "
                   "published version; Undo shows your text again to copy from."));
    QPushButton *take = box->addButton(tr("&Take Their Version"), QMessageBox::AcceptRole);
    QPushButton *overwrite =
        draft ? box->addButton(tr("&Keep Mine and Overwrite"), QMessageBox::DestructiveRole)
              : nullptr;
    box->addButton(tr("Decide &Later"), QMessageBox::RejectRole);
    box->setDefaultButton(take);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, take, overwrite] {
        if (box->clickedButton() == take) {
            m_autosaver->reloadTheirs();
            m_banner->showMessage(MessageBanner::Level::Information,
                                  tr("You now see the version saved by someone else. Undo "
                                     "(Ctrl+Z) brings your own back."));
        } else if (overwrite && box->clickedButton() == overwrite) {
            m_autosaver->overwrite();
            m_banner->hide();
        } else {
            m_banner->showMessage(MessageBanner::Level::Warning,
                                  tr("Your changes are not saved: someone else changed this "
                                     "draft."));
            m_banner->setAction(tr("Resolve…"), [this] { onConflict(); });
        }
    });
    box->open();
}

void SurveyBuilder::updateActions()
{
    const bool editable = isEditable() && isReady();
    const int row = currentRow();
    const int count = m_document->questionModel()->rowCount();
    const bool custom = m_document->definition().kind == api::SurveyKind::Custom;
    m_addFromBank->setEnabled(editable && custom && m_document->canAddQuestion());
    m_addButton->setEnabled(editable && custom && m_document->canAddQuestion());
    m_remove->setEnabled(editable && row >= 0);
    m_moveUp->setEnabled(editable && row > 0);
    m_moveDown->setEnabled(editable && row >= 0 && row < count - 1);
    m_publish->setEnabled(editable && m_autosaver->state() != State::Conflict);
    m_undo->setEnabled(editable && m_document->undoStack()->canUndo());
    m_redo->setEnabled(editable && m_document->undoStack()->canRedo());
}

// The first problem publishing would meet is explained beside its field and
// named at the bottom; a draft's own rules come first, as the validators check them.
void SurveyBuilder::updateProblems()
{
    m_problem = publishingProblem();
    showSurveyProblem(m_nameProblem, m_nameJa,
                      concerns(m_problem, QStringLiteral("name")) ? m_problem : std::nullopt);
    const int row = currentRow();
    m_editor->showProblem(row >= 0 && concerns(m_problem, QStringLiteral("questions.%1").arg(row))
                              ? m_problem
                              : std::nullopt);
    m_delivery->showProblem(m_problem);
    if (!m_problem) {
        m_publishProblem->setText(isEditable() ? tr("Ready to publish.") : QString());
        return;
    }
    //: %1: what stops publishing; a link then shows the field it concerns.
    m_publishProblem->setText(tr("Not ready to publish: %1 <a href=\"#show\">Show</a>")
                                  .arg(surveyProblemHtml(*m_problem)));
}

void SurveyBuilder::updatePreview()
{
    const api::SurveyDefinition &definition = m_document->definition();
    for (const bool japanese : {true, false}) {
        QTextBrowser *browser = preview(japanese);
        // The preview stays where the person scrolled it while they type.
        const int scroll = browser->verticalScrollBar()->value();
        browser->setHtml(surveyPreviewHtml(definition, japanese, m_threshold->value()));
        browser->verticalScrollBar()->setValue(scroll);
    }
}

int SurveyBuilder::currentRow() const
{
    const QModelIndex current = m_questionView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void SurveyBuilder::selectQuestion(int row)
{
    if (row < 0 || row >= m_document->questionModel()->rowCount()) {
        m_questionView->selectionModel()->clear();
        m_editor->setRow(-1);
        updateActions();
        return;
    }
    const QModelIndex index = m_document->questionModel()->index(row);
    m_questionView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_questionView->scrollTo(index);
}

void SurveyBuilder::moveCurrent(int by)
{
    const int row = currentRow();
    if (row < 0 || !m_document->moveQuestion(row, row + by))
        return;
    selectQuestion(row + by);
    m_questionView->setFocus();
}

void SurveyBuilder::openBankPicker()
{
    if (m_bankPicker) {
        m_bankPicker->raise();
        return;
    }
    auto *picker = new BankPickerDialog(*m_bank, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QStringList items = picker->chosenItems();
        QUndoStack *undo = m_document->undoStack();
        if (items.size() > 1)
            undo->beginMacro(
                tr("Add %n question(s) from the bank", nullptr, static_cast<int>(items.size())));
        int row = currentRow() >= 0 ? currentRow() + 1 : -1;
        int last = -1;
        for (const QString &id : items) {
            last = m_document->addBankQuestion(id, row);
            if (last < 0)
                break;
            row = last + 1;
        }
        if (items.size() > 1)
            undo->endMacro();
        if (last >= 0)
            selectQuestion(last);
    });
    m_bankPicker = picker;
    picker->open();
}

void SurveyBuilder::showProblemField()
{
    if (!m_problem)
        return;
    const QStringList parts = m_problem->field.split(u'.');
    if (parts.constFirst() == QLatin1String("name")) {
        (parts.constLast() == QLatin1String("en") ? m_nameEn : m_nameJa)->setFocus();
    } else if (parts.constFirst() == QLatin1String("questions")) {
        m_tabs->setCurrentWidget(m_questionsTab);
        bool indexed = false;
        const int row = parts.value(1).toInt(&indexed);
        if (indexed) {
            selectQuestion(row);
            m_editor->textField(parts.constLast() != QLatin1String("en"))->setFocus();
        } else {
            m_addButton->setFocus();
        }
    } else {
        m_tabs->setCurrentWidget(m_delivery);
        m_delivery->startDateEdit()->setFocus();
    }
}

// Publishing needs what the service holds to be what the person sees.
void SurveyBuilder::requestPublishing()
{
    if (m_problem) {
        showProblemField();
        return;
    }
    if (m_autosaver->hasUnsavedChanges()) {
        m_publishWhenSaved = true;
        m_autosaver->saveNow();
        return;
    }
    Q_EMIT publishRequested(m_autosaver->survey());
}

// The test shows what the service holds: what is typed is saved first.
void SurveyBuilder::requestTest()
{
    if (!isEditable())
        return;
    if (m_autosaver->hasUnsavedChanges()) {
        m_testWhenSaved = true;
        m_autosaver->saveNow();
        return;
    }
    Q_EMIT testRequested(m_autosaver->survey());
}

} // namespace engage::ui
