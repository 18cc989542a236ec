#pragma once

#include "models/apierror.h"

#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QToolButton;

namespace engage::ui {

// An inline message at the top of a page, for errors the page recovers from
// (and for notices): the translated message, the service's detail beneath it,
// the request id selectable and copyable, an optional action ("Reload") and a
// close button. Hidden until shown; never modal.
class MessageBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Level
    {
        Information,
        Warning,
        Error
    };

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    void showError(const models::ApiError &error);
    // `text` already translated.
    void showMessage(Level level, const QString &text);
    // A button beside the message (e.g. "Reload"); `label` already translated.
    // Cleared by the next show*() call.
    void setAction(const QString &label, std::function<void()> action);

    QString text() const;      // the message shown (for tests)
    QString requestId() const; // empty when none

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override; // retranslates the shown error

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace engage::ui
