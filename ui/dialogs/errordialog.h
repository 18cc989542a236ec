#pragma once

#include "models/apierror.h"

#include <QWidget>
#include <functional>

namespace engage::ui {

// For errors that stop the work: a modal dialog with the translated message,
// the service's detail and the request id with a "Copy" button. It opens
// without blocking (no nested event loop) and deletes itself when closed;
// `closed` then runs. Tests answer it through QApplication::activeModalWidget().
void showErrorDialog(QWidget *parent, const models::ApiError &error,
                     std::function<void()> closed = {});
// The same for a failure that is not a call to the service (the demo service
// would not start); `message` and `detail` already translated.
void showErrorDialog(QWidget *parent, const QString &message, const QString &detail,
                     std::function<void()> closed = {});

} // namespace engage::ui
