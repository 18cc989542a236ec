#pragma once

#include "models/apierror.h"

#include <QWidget>
#include <functional>

namespace engage::ui {

class MessageBanner;

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

// How a page reports a call that failed: not at all for an ended session
// (the Session asks for the password again) or an abandoned call, in the
// page's banner when the user can put it right, else in the error dialog.
// True when the banner shows it, for a page that adds an action there.
bool reportPageFailure(QWidget *page, MessageBanner &banner, const models::ApiError &error);

} // namespace engage::ui
