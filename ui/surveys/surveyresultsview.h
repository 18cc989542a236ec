#pragma once

#include "models/grouptreemodel.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace engage::models {
class ApiClient;
class ApiError;
class SurveyResultsModel;
} // namespace engage::models

namespace engage::ui {

class GroupPicker;
class MessageBanner;

// The results of a custom survey's round, as the Surveys page shows them:
// the round and the slice (a group picker, the whole company by default),
// a line saying who answered and what the anonymity rules withhold, and the
// questions with their distributions as bars (ResultBarDelegate) and, below
// a free-text question, its comments; a withheld question says why.
class SurveyResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyResultsView)

public:
    explicit SurveyResultsView(models::ApiClient &client, QWidget *parent = nullptr);

    // Loads the results of `roundId` for the group picked (the whole
    // company, or a manager's first group, when none is).
    void showRound(const QString &roundId);
    // The groups to slice by (GroupTreeModel::entries()).
    void setGroups(const QList<models::GroupTreeModel::Entry> &groups);

    models::SurveyResultsModel &model() { return *m_model; }
    QTreeView &tree() { return *m_tree; }
    GroupPicker &groupPicker() { return *m_groups; }
    QString anonymityText() const; // the status line, for tests
    QString titleText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLoaded();
    void onFailed(const models::ApiError &error);
    void onGroupPicked();
    void retranslateUi();
    void updateStatus();

    models::SurveyResultsModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_sliceLabel = nullptr;
    GroupPicker *m_groups = nullptr;
    QLabel *m_status = nullptr;
    MessageBanner *m_banner = nullptr;
    QTreeView *m_tree = nullptr;
};

} // namespace engage::ui
