#include "requestidfield.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace engage::ui {

RequestIdField::RequestIdField(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_value(new QLabel(this))
    , m_copy(new QToolButton(this))
{
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_value->setFocusPolicy(Qt::StrongFocus);
    m_caption->setBuddy(m_value);
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_copy);
    layout->addStretch();

    connect(m_copy, &QToolButton::clicked, this, &RequestIdField::onCopy);
    retranslateUi();
    setVisible(false);
}

void RequestIdField::setRequestId(const QString &requestId)
{
    // Looked up only when first needed: a theme lookup loads every image-format
    // plugin, a second font family costs a fontconfig match, and every page has
    // a (hidden) field from the start.
    if (m_copy->icon().isNull() && !requestId.isEmpty()) {
        m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
        m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_value->setText(requestId);
    setVisible(!requestId.isEmpty());
}

QString RequestIdField::requestId() const
{
    return m_value->text();
}

void RequestIdField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RequestIdField::retranslateUi()
{
    m_caption->setText(tr("Request ID:"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the request ID to the clipboard, to quote it to support"));
}

void RequestIdField::onCopy()
{
    QGuiApplication::clipboard()->setText(m_value->text());
}

} // namespace engage::ui
