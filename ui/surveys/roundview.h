#pragma once

#include "models/grouptreemodel.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace engage::models {
class ApiClient;
struct ApiError;
class DeliveryLogModel;
class RoundProgressModel;
} // namespace engage::models

namespace engage::ui {

class MessageBanner;

// A round as it runs, for owners and admins: the response rate per group
// (bars, the anonymity threshold respected: a group too small shows no
// count), read again every ten seconds while the view is shown and the
// round open, and not at all while hidden; "Remind now" for the
// non-respondents of the selected group, after a confirmation that says
// how many (when that tells nobody's answer); the delivery log's totals and
// the log itself, filtered by status and read page by page as it scrolls.
class RoundView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoundView)

public:
    explicit RoundView(models::ApiClient &client, QWidget *parent = nullptr);

    // Shows `roundId` (empty: none); `open`: it is running (refreshed, remindable).
    void showRound(const QString &roundId, bool open);
    void setGroups(const QList<models::GroupTreeModel::Entry> &groups);
    // Reads the progress and the log again.
    void reload();

    QString roundId() const;
    bool isOpen() const { return m_open; }

    // For tests and the screenshot tool.
    models::RoundProgressModel &progressModel() const { return *m_progress; }
    models::DeliveryLogModel &logModel() const { return *m_log; }
    QTableView *progressView() const { return m_progressView; }
    QTableView *logView() const { return m_logView; }
    QComboBox *statusFilter() const { return m_filter; }
    QAction *remindAction() const { return m_remind; }
    MessageBanner *banner() const { return m_banner; }
    QString totalsText() const;
    QString updatedText() const;
    // The group of the selected row, if any.
    std::optional<QString> selectedGroupId() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void updateRefreshing();
    void updateActions();
    void updateStatus();
    void onFilterChanged();
    void onRemind();
    void onReminded(const std::optional<QString> &groupId, const std::optional<qint64> &planned);
    void onRemindFailed(const std::optional<QString> &groupId, const models::ApiError &error);
    QString groupPhrase(const QString &groupId) const;

    models::RoundProgressModel *m_progress;
    models::DeliveryLogModel *m_log;
    MessageBanner *m_banner;
    QLabel *m_progressLabel;
    QLabel *m_updated;
    QTableView *m_progressView;
    QLabel *m_totals;
    QLabel *m_logLabel;
    QLabel *m_filterLabel;
    QComboBox *m_filter;
    QTableView *m_logView;
    QAction *m_remind;
    QDateTime m_updatedAt;
    bool m_open = false;
};

} // namespace engage::ui
