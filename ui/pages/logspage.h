#pragma once

#include "api/logrecord.h"
#include "models/apierror.h"

#include <QWidget>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabBar;
class QTableView;
class QTableWidget;

namespace engage::models {
class ApiClient;
class LogHistogramModel;
class LogIntegrityCheck;
class LogWindowModel;
class Session;
class UserTableModel;
} // namespace engage::models

namespace engage::ui {

class ExportController;
class LogDetailPane;
class LogHistogram;
class MessageBanner;

// The tenant's logs (issue 8) for owners and admins of a tenant with the
// security option: tabs for the access, operation and error logs; filters
// the service runs (time range, person, action, target, status, address,
// text), checked as the service checks them before they are sent; a
// histogram of the rows over time whose bars select a time range by
// dragging; the windowed table (LogWindowModel: millions of rows, flat
// memory) with a jump to a date; the selected row in full beside it (a
// change's fields before and after, side by side); copy row; live tail; and
// "Verify integrity", which says whether each chain is intact or where it
// first breaks; for owners, "Retention…" (keep every row, or archive the old
// ones into signed files). Times are in the user's time zone with its offset.
//
// Managers and viewers see why there is nothing for them; a tenant without
// the security option sees that the logs come with it (the service's 403).
// Nothing is loaded until the page is first shown: each read of a log is
// itself logged.
class LogsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsPage)

public:
    LogsPage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);
    ~LogsPage() override;

    // For tests and the screenshot tool.
    models::LogWindowModel &model() const { return *m_model; }
    models::LogHistogramModel &histogramModel() const { return *m_histogramModel; }
    QTableView *view() const { return m_view; }
    QTabBar *tabs() const { return m_tabs; }
    MessageBanner *banner() const { return m_banner; }
    LogHistogram *histogram() const { return m_histogram; }
    LogDetailPane *detailPane() const { return m_detail; }
    QLabel *unavailableNotice() const { return m_unavailable; }
    QLabel *countLabel() const { return m_count; }
    QCheckBox *fromCheck() const { return m_fromCheck; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QCheckBox *toCheck() const { return m_toCheck; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QComboBox *personBox() const { return m_person; }
    QLineEdit *actionField() const { return m_action; }
    QLineEdit *targetTypeField() const { return m_targetType; }
    QLineEdit *targetIdField() const { return m_targetId; }
    QLineEdit *statusField() const { return m_status; }
    QLineEdit *addressField() const { return m_address; }
    QLineEdit *searchField() const { return m_search; }
    QDateEdit *jumpDateEdit() const { return m_jumpDate; }
    QAction *applyAction() const { return m_applyAction; }
    QAction *clearAction() const { return m_clearAction; }
    QAction *jumpAction() const { return m_jumpAction; }
    QAction *liveAction() const { return m_liveAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    // Owners only: opens the LogRetentionDialog.
    QAction *retentionAction() const { return m_retentionAction; }
    ExportController *exportController() const { return m_export; }

    // The filters as typed; an error names the field the service would refuse.
    api::Result<api::LogQuery> filterFromFields() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void updateAccess();
    void updateFieldsForLog();
    void sizeColumns();
    void updateCount();
    void updateActions();
    void load();
    void applyFilter();
    void clearFilter();
    void onTabChanged(int index);
    void onRangeSelected(const QDateTime &from, const QDateTime &to);
    void onCurrentRowChanged();
    void onJump();
    void onCopy();
    void onVerified(const api::LogVerificationReport &report);
    void onFailed(const models::ApiError &error);
    void showFilterError(const api::Error &error);
    QString personName(const QString &personId) const;
    api::LogKind currentLog() const;

    models::ApiClient &m_client;
    models::Session &m_session;
    models::LogWindowModel *m_model;
    models::LogHistogramModel *m_histogramModel;
    models::LogIntegrityCheck *m_integrity;
    models::UserTableModel *m_people;
    MessageBanner *m_banner;
    QLabel *m_unavailable;
    QWidget *m_content;
    QTabBar *m_tabs;
    QLabel *m_fromLabel;
    QCheckBox *m_fromCheck;
    QDateTimeEdit *m_from;
    QCheckBox *m_toCheck;
    QDateTimeEdit *m_to;
    QLabel *m_personLabel;
    QComboBox *m_person;
    QLabel *m_actionLabel;
    QLineEdit *m_action;
    QLabel *m_targetLabel;
    QLineEdit *m_targetType;
    QLineEdit *m_targetId;
    QLabel *m_statusLabel;
    QLineEdit *m_status;
    QLabel *m_addressLabel;
    QLineEdit *m_address;
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    LogHistogram *m_histogram;
    QSplitter *m_splitter;
    QTableView *m_view;
    LogDetailPane *m_detail;
    QLabel *m_count;
    QLabel *m_jumpLabel;
    QDateEdit *m_jumpDate;
    QAction *m_applyAction;
    QAction *m_clearAction;
    QAction *m_jumpAction;
    QAction *m_liveAction;
    QAction *m_copyAction;
    QAction *m_verifyAction;
    QAction *m_reloadAction;
    QAction *m_retentionAction;
    ExportController *m_export;
    bool m_hasAccess = false;
    bool m_shown = false;
    bool m_loaded = false;
    // The service said the tenant has no security option.
    bool m_withoutOption = false;
    std::optional<api::LogVerificationReport> m_verification; // re-shown on language change
};

} // namespace engage::ui
