#pragma once

#include "api/memberimport.h"

#include <QWizard>

namespace engage::models {
class ApiClient;
class AttributeListModel;
class MemberImportSession;
} // namespace engage::models

namespace engage::ui {

class ImportFilePage;
class ImportMappingPage;
class ImportOptionsPage;
class ImportPreviewPage;
class ImportProgressPage;
class ImportSummaryPage;

// Imports members from an .xlsx or .csv file, one step per page: choose the
// file (its size checked; it is read off the UI thread and uploaded with
// progress), check where each column goes, look at what would change (new,
// changed and unchanged members, rows with errors, members missing from the
// file, groups that do not exist yet), choose what to apply in plain words,
// apply, and read what happened, with the chance to undo it. Nothing changes
// until "Apply"; Cancel abandons whatever is under way before that, and is
// refused while the service applies or undoes (its transaction decides).
class ImportWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizard)

public:
    enum PageId
    {
        FilePageId,
        MappingPageId,
        PreviewPageId,
        OptionsPageId,
        ProgressPageId,
        SummaryPageId,
    };

    explicit ImportWizard(models::ApiClient &client, QWidget *parent = nullptr);
    ~ImportWizard() override;

    models::MemberImportSession &session() const { return *m_session; }
    models::AttributeListModel &attributes() const { return *m_attributes; }
    // What the options page chose.
    api::ImportApplyRequest applyRequest() const;

    // Chooses the file, as the file dialog does (tests use it directly).
    void setFilePath(const QString &path);

    ImportFilePage *filePage() const { return m_filePage; }
    ImportMappingPage *mappingPage() const { return m_mappingPage; }
    ImportPreviewPage *previewPage() const { return m_previewPage; }
    ImportOptionsPage *optionsPage() const { return m_optionsPage; }
    ImportProgressPage *progressPage() const { return m_progressPage; }
    ImportSummaryPage *summaryPage() const { return m_summaryPage; }

    void reject() override;

Q_SIGNALS:
    // An import was applied or undone: lists of members are out of date.
    void membersChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    models::MemberImportSession *m_session;
    models::AttributeListModel *m_attributes;
    ImportFilePage *m_filePage;
    ImportMappingPage *m_mappingPage;
    ImportPreviewPage *m_previewPage;
    ImportOptionsPage *m_optionsPage;
    ImportProgressPage *m_progressPage;
    ImportSummaryPage *m_summaryPage;
};

} // namespace engage::ui
