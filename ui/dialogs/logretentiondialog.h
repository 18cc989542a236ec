#pragma once

#include "models/apierror.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;

namespace engage::models {
class ApiClient;
class LogRetention;
} // namespace engage::models

namespace engage::ui {

class MessageBanner;

// "Retention…" of the Logs page, for owners: keep every access and operation
// row in the database (the default), or have the rows older than a number of
// days archived, with a plain explanation of what that means (the rows leave
// the database for signed files on the service and stay verifiable; nothing
// is deleted); beneath, the archive files so far, each of which can be
// downloaded. Loads when it opens; Save keeps it open and says it saved.
class LogRetentionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRetentionDialog)

public:
    explicit LogRetentionDialog(models::ApiClient &client, QWidget *parent = nullptr);

    // Downloads the selected archive to `filePath` (what Download… does once
    // a file is chosen).
    void downloadTo(const QString &filePath);

    // For tests.
    models::LogRetention &retention() const { return *m_retention; }
    MessageBanner *banner() const { return m_banner; }
    QRadioButton *keepButton() const { return m_keep; }
    QRadioButton *archiveButton() const { return m_archive; }
    QSpinBox *daysBox() const { return m_days; }
    QTableView *archiveView() const { return m_view; }
    QPushButton *downloadButton() const { return m_download; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *explanationLabel() const { return m_explanation; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void onLoaded();
    void onDownload();

    models::LogRetention *m_retention;
    MessageBanner *m_banner;
    QLabel *m_explanation;
    QRadioButton *m_keep;
    QRadioButton *m_archive;
    QSpinBox *m_days;
    QLabel *m_daysLabel;
    QLabel *m_archivesLabel;
    QTableView *m_view;
    QPushButton *m_download;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    bool m_loaded = false;
};

} // namespace engage::ui
