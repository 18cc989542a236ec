#pragma once

#include "models/apierror.h"
#include "skeleton.h"

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace engage::ui {

class RequestIdField;

// One panel of the dashboard page: a heading, then its content once the data
// is there, a skeleton while it loads, or, when loading failed, what went
// wrong (the translated message, the service's detail and the request id)
// with a button to try again, in the panel where it happened.
class DashboardPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPanel)

public:
    DashboardPanel(QWidget *content, Skeleton::Shape skeleton, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    // Widgets at the right end of the heading (a choice that belongs to the panel).
    void addHeaderWidget(QWidget *widget);

    void showLoading();
    void showContent();
    void showFailure(const models::ApiError &error);

    QWidget *content() const { return m_content; }
    bool isLoading() const;
    bool isShowingContent() const;
    bool isShowingFailure() const;
    QString failureText() const; // message and detail, for tests
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QHBoxLayout *m_header;
    QStackedWidget *m_stack;
    Skeleton *m_skeleton;
    QWidget *m_content;
    QWidget *m_failure;
    QLabel *m_failureMessage;
    QLabel *m_failureDetail;
    RequestIdField *m_requestId;
    QPushButton *m_retry;
    std::optional<models::ApiError> m_error; // kept to retranslate its message
};

} // namespace engage::ui
