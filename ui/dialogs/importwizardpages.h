#pragma once

// The pages of the ImportWizard, one step each. They share the wizard's
// MemberImportSession, which carries the import from page to page.

#include "api/memberimport.h"

#include <QIdentityProxyModel>
#include <QPointer>
#include <QWizardPage>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QComboBox;

namespace engage::models {
class AttributeListModel;
class MemberImportSession;
} // namespace engage::models

namespace engage::ui {

class MessageBanner;

// Choose the file: its name and size, refused at once when too large or of
// another type; Next reads and uploads it (with progress) and goes on once
// the service has read it.
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFilePage)

public:
    ImportFilePage(models::MemberImportSession &session, QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    QString filePath() const { return m_path; }
    QString problemText() const; // empty when the file may be sent
    QProgressBar *progressBar() const { return m_progress; }

    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void describeFile();
    void chooseFile();
    void onStateChanged();

    models::MemberImportSession &m_session;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_fileLabel;
    QLineEdit *m_fileField;
    QPushButton *m_choose;
    QLabel *m_facts;
    QLabel *m_problem;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QString m_path;
    qint64 m_size = -1; // -1: not known (no file, or it cannot be read)
    bool m_tooLarge = false;
    bool m_unsupported = false;
};

// Where each column of the file goes: a target per column (or none), the
// ones the company used before marked, a problem (a target chosen twice, no
// column to match members by) stopping Next. Next saves a changed mapping,
// then loads the dry run and goes on once it is there.
class ImportMappingPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportMappingPage)

public:
    enum Column
    {
        HeaderColumn,
        TargetColumn,
        RememberedColumn,
        ColumnCount
    };

    ImportMappingPage(models::MemberImportSession &session, models::AttributeListModel &attributes,
                      QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QComboBox *targetCombo(int column) const;
    QList<api::ImportColumn> columns() const; // as chosen on the page
    QString problemText() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateFacts();
    void fillTargets(QComboBox *combo, const QString &selected) const;
    void refreshTargets();
    void updateRemembered();
    void validate();

    models::MemberImportSession &m_session;
    models::AttributeListModel &m_attributes;
    MessageBanner *m_banner;
    QLabel *m_facts;
    QTableWidget *m_table;
    QLabel *m_problem;
    QLabel *m_busy;
    QString m_problemText;
    bool m_advancing = false; // Next was pressed and the page waits for the service
};

// Paints the rows of the dry run by kind with tints that read on light and
// dark themes alike; the kind is written in its own column as well, so colour
// is never the only cue.
class ImportPreviewStyle final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewStyle)

public:
    explicit ImportPreviewStyle(QWidget *view);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPointer<QWidget> m_view;
};

// The dry run: counts, the colour-coded rows (more as the table scrolls),
// members missing from the file and groups that do not exist yet.
class ImportPreviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewPage)

public:
    ImportPreviewPage(models::MemberImportSession &session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLabel *countsLabel(api::ImportRowKind kind) const;
    QString missingText() const;
    QString newGroupsText() const;

    void initializePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTexts();

    models::MemberImportSession &m_session;
    MessageBanner *m_banner;
    QList<QLabel *> m_counts; // by api::ImportRowKind
    QTableView *m_view;
    QLabel *m_shown;
    QLabel *m_missing;
    QLabel *m_newGroups;
};

// What to apply, and what that will do in plain words.
class ImportOptionsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportOptionsPage)

public:
    ImportOptionsPage(models::MemberImportSession &session, QWidget *parent = nullptr);

    api::ImportApplyRequest applyRequest() const;
    QCheckBox *createGroupsBox() const { return m_createGroups; }
    QCheckBox *markMissingBox() const { return m_markMissing; }
    QCheckBox *applyChangesBox() const { return m_applyChanges; }
    QString summaryText() const;

    void initializePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSummary();
    int rowsWaitingForGroups() const;

    models::MemberImportSession &m_session;
    QLabel *m_intro;
    QCheckBox *m_applyChanges;
    QCheckBox *m_createGroups;
    QCheckBox *m_markMissing;
    QLabel *m_summaryTitle;
    QLabel *m_summary;
};

// The apply under way; on to the summary once the service has answered.
class ImportProgressPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportProgressPage)

public:
    ImportProgressPage(models::MemberImportSession &session, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void start();
    void updateButtons();

    models::MemberImportSession &m_session;
    MessageBanner *m_banner;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_retry;
};

// What the import did, the way to undo it, and where the log has it.
class ImportSummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportSummaryPage)

public:
    ImportSummaryPage(models::MemberImportSession &session, QWidget *parent = nullptr);

    QPushButton *undoButton() const { return m_undo; }
    QString outcomeText() const;
    QString statusText() const;

    void initializePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTexts();
    void onUndo();

    models::MemberImportSession &m_session;
    MessageBanner *m_banner;
    QLabel *m_outcome;
    QLabel *m_status;
    QLabel *m_logNote;
    QPushButton *m_undo;
    std::optional<api::ImportOutcome> m_applied; // kept once undone, to show what it was
};

} // namespace engage::ui
