#include "errordialog.h"

#include "ui/widgets/messagebanner.h"
#include "ui/widgets/requestidfield.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <optional>

namespace engage::ui {

namespace {

class ErrorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorDialog)

public:
    ErrorDialog(QWidget *parent, const QString &message, const QString &detail,
                const QString &requestId)
        : QDialog(parent)
        , m_message(new QLabel(message, this))
        , m_detail(new QLabel(detail, this))
        , m_requestId(new RequestIdField(this))
        , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    {
        setObjectName(QStringLiteral("errorDialog"));
        setAttribute(Qt::WA_DeleteOnClose);
        setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);

        auto *icon = new QLabel(this);
        const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size, size));
        QFont bold = m_message->font();
        bold.setBold(true);
        m_message->setFont(bold);
        m_message->setWordWrap(true);
        m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_detail->setWordWrap(true);
        m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_detail->setVisible(!detail.isEmpty() && detail != message);
        m_requestId->setRequestId(requestId);

        auto *texts = new QVBoxLayout;
        texts->addWidget(m_message);
        texts->addWidget(m_detail);
        texts->addWidget(m_requestId);
        texts->addStretch();
        auto *row = new QHBoxLayout;
        row->addWidget(icon, 0, Qt::AlignTop);
        row->addSpacing(8);
        row->addLayout(texts, 1);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(row);
        layout->addWidget(m_buttons);
        connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
        setMinimumWidth(440);
        retranslateUi();
    }

    // Retranslates the message of an ApiError when the language changes.
    void setError(const models::ApiError &error) { m_error = error; }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange) {
            if (m_error)
                m_message->setText(m_error->message());
            retranslateUi();
        }
        QDialog::changeEvent(event);
    }

private:
    void retranslateUi() { setWindowTitle(tr("Engage: error")); }

    QLabel *m_message;
    QLabel *m_detail;
    RequestIdField *m_requestId;
    QDialogButtonBox *m_buttons;
    std::optional<models::ApiError> m_error;
};

void open(ErrorDialog *dialog, std::function<void()> closed)
{
    if (closed)
        QObject::connect(dialog, &QDialog::finished, dialog,
                         [closed = std::move(closed)] { closed(); });
    dialog->open();
}

} // namespace

void showErrorDialog(QWidget *parent, const models::ApiError &error, std::function<void()> closed)
{
    auto *dialog = new ErrorDialog(parent, error.message(), error.detail, error.requestId);
    dialog->setError(error);
    open(dialog, std::move(closed));
}

bool reportPageFailure(QWidget *page, MessageBanner &banner, const models::ApiError &error)
{
    if (error.isUnauthenticated() || error.kind == models::ApiError::Kind::Cancelled)
        return false;
    if (!error.isRecoverable()) {
        showErrorDialog(page, error);
        return false;
    }
    banner.showError(error);
    return true;
}

void showErrorDialog(QWidget *parent, const QString &message, const QString &detail,
                     std::function<void()> closed)
{
    open(new ErrorDialog(parent, message, detail, {}), std::move(closed));
}

} // namespace engage::ui

#include "errordialog.moc"
