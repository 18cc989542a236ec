#include "dashboardpanel.h"

#include "requestidfield.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace engage::ui {

DashboardPanel::DashboardPanel(QWidget *content, Skeleton::Shape skeleton, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_header(new QHBoxLayout)
    , m_stack(new QStackedWidget(this))
    , m_skeleton(new Skeleton(skeleton, m_stack))
    , m_content(content)
    , m_failure(new QWidget(m_stack))
    , m_failureMessage(new QLabel(m_failure))
    , m_failureDetail(new QLabel(m_failure))
    , m_requestId(new RequestIdField(m_failure))
    , m_retry(new QPushButton(m_failure))
{
    setFrameShape(QFrame::StyledPanel);
    QFont heading = m_title->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.1);
    m_title->setFont(heading);
    m_title->setBuddy(content);
    m_header->addWidget(m_title, 1);

    auto *icon = new QLabel(m_failure);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    QFont bold = m_failureMessage->font();
    bold.setBold(true);
    m_failureMessage->setFont(bold);
    for (QLabel *label : {m_failureMessage, m_failureDetail}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_retry->setObjectName(QStringLiteral("retry"));
    m_requestId->setObjectName(QStringLiteral("requestId"));
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_failureMessage);
    texts->addWidget(m_failureDetail);
    texts->addWidget(m_requestId);
    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch();
    texts->addLayout(retryRow);
    texts->addStretch();
    auto *failureLayout = new QHBoxLayout(m_failure);
    failureLayout->addWidget(icon);
    failureLayout->addLayout(texts, 1);

    content->setParent(m_stack);
    m_stack->addWidget(m_skeleton);
    m_stack->addWidget(content);
    m_stack->addWidget(m_failure);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addLayout(m_header);
    layout->addWidget(m_stack, 1);

    connect(m_retry, &QPushButton::clicked, this, &DashboardPanel::retryRequested);
    retranslateUi();
    showLoading();
}

void DashboardPanel::setTitle(const QString &title)
{
    m_title->setText(title);
    // The title's mnemonic takes the focus to the content.
    m_content->setAccessibleName(QString(title).remove(u'&'));
}

QString DashboardPanel::title() const
{
    return m_title->text();
}

void DashboardPanel::addHeaderWidget(QWidget *widget)
{
    m_header->addWidget(widget);
}

void DashboardPanel::showLoading()
{
    m_error.reset();
    m_stack->setCurrentWidget(m_skeleton);
}

void DashboardPanel::showContent()
{
    m_error.reset();
    m_stack->setCurrentWidget(m_content);
}

void DashboardPanel::showFailure(const models::ApiError &error)
{
    m_error = error;
    m_failureMessage->setText(error.message());
    m_failureDetail->setText(error.detail);
    m_failureDetail->setVisible(!error.detail.isEmpty());
    m_requestId->setRequestId(error.requestId);
    m_stack->setCurrentWidget(m_failure);
}

bool DashboardPanel::isLoading() const
{
    return m_stack->currentWidget() == m_skeleton;
}

bool DashboardPanel::isShowingContent() const
{
    return m_stack->currentWidget() == m_content;
}

bool DashboardPanel::isShowingFailure() const
{
    return m_stack->currentWidget() == m_failure;
}

QString DashboardPanel::failureText() const
{
    return isShowingFailure() ? m_failureMessage->text() + u'\n' + m_failureDetail->text()
                              : QString();
}

void DashboardPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void DashboardPanel::retranslateUi()
{
    // No mnemonic: several panels can fail at once, and theirs would clash.
    m_retry->setText(tr("Try Again"));
    if (m_error)
        m_failureMessage->setText(m_error->message());
}

} // namespace engage::ui
