#include "messagebanner.h"

#include "requestidfield.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <optional>

namespace engage::ui {

struct MessageBanner::Private
{
    QFrame *frame = nullptr;
    QLabel *icon = nullptr;
    QLabel *message = nullptr;
    QLabel *detail = nullptr;
    RequestIdField *requestId = nullptr;
    QPushButton *action = nullptr;
    QToolButton *close = nullptr;
    std::optional<models::ApiError> error; // kept to retranslate its message
    std::function<void()> onAction;
};

namespace {

// Soft tints that read on light and dark themes alike, with a darker border.
QString frameStyle(MessageBanner::Level level)
{
    switch (level) {
    case MessageBanner::Level::Information:
        return QStringLiteral("#bannerFrame{background:#e8f1fb;border:1px solid #9dbfe6;"
                              "border-radius:4px} #bannerFrame QLabel{color:#14365c}");
    case MessageBanner::Level::Warning:
        return QStringLiteral("#bannerFrame{background:#fff6dc;border:1px solid #e3c46b;"
                              "border-radius:4px} #bannerFrame QLabel{color:#4d3a00}");
    case MessageBanner::Level::Error:
        break;
    }
    return QStringLiteral("#bannerFrame{background:#fdecea;border:1px solid #e6a19b;"
                          "border-radius:4px} #bannerFrame QLabel{color:#5c1610}");
}

QStyle::StandardPixmap levelIcon(MessageBanner::Level level)
{
    switch (level) {
    case MessageBanner::Level::Information:
        return QStyle::SP_MessageBoxInformation;
    case MessageBanner::Level::Warning:
        return QStyle::SP_MessageBoxWarning;
    case MessageBanner::Level::Error:
        break;
    }
    return QStyle::SP_MessageBoxCritical;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->frame = new QFrame(this);
    d->frame->setObjectName(QStringLiteral("bannerFrame"));
    d->icon = new QLabel(d->frame);
    d->icon->setAlignment(Qt::AlignTop);
    d->message = new QLabel(d->frame);
    d->message->setWordWrap(true);
    d->message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = d->message->font();
    bold.setBold(true);
    d->message->setFont(bold);
    d->detail = new QLabel(d->frame);
    d->detail->setWordWrap(true);
    d->detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->requestId = new RequestIdField(d->frame);
    d->action = new QPushButton(d->frame);
    d->action->setVisible(false);
    d->close = new QToolButton(d->frame);
    d->close->setAutoRaise(true);
    d->close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(d->message);
    texts->addWidget(d->detail);
    texts->addWidget(d->requestId);
    auto *row = new QHBoxLayout(d->frame);
    row->setContentsMargins(10, 8, 6, 8);
    row->addWidget(d->icon, 0, Qt::AlignTop);
    row->addLayout(texts, 1);
    row->addWidget(d->action, 0, Qt::AlignTop);
    row->addWidget(d->close, 0, Qt::AlignTop);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(d->frame);

    connect(d->close, &QToolButton::clicked, this, &QWidget::hide);
    connect(d->action, &QPushButton::clicked, this, [this] {
        if (d->onAction)
            d->onAction();
        Q_EMIT actionTriggered();
    });
    d->close->setToolTip(tr("Close this message"));
    setVisible(false);
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showError(const models::ApiError &error)
{
    showMessage(Level::Error, error.message());
    d->error = error;
    d->detail->setText(error.detail);
    d->detail->setVisible(!error.detail.isEmpty() && error.detail != error.message());
    d->requestId->setRequestId(error.requestId);
}

void MessageBanner::showMessage(Level level, const QString &text)
{
    d->error.reset();
    d->onAction = nullptr;
    d->action->setVisible(false);
    d->frame->setStyleSheet(frameStyle(level));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    d->icon->setPixmap(style()->standardIcon(levelIcon(level)).pixmap(size, size));
    d->message->setText(text);
    d->detail->clear();
    d->detail->setVisible(false);
    d->requestId->setRequestId({});
    setVisible(true);
}

void MessageBanner::setAction(const QString &label, std::function<void()> action)
{
    d->onAction = std::move(action);
    d->action->setText(label);
    d->action->setVisible(true);
}

QString MessageBanner::text() const
{
    return d->message->text();
}

QString MessageBanner::requestId() const
{
    return d->requestId->requestId();
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        if (d->error)
            d->message->setText(d->error->message());
        d->close->setToolTip(tr("Close this message"));
    }
    QWidget::changeEvent(event);
}

} // namespace engage::ui
