#pragma once

#include "models/apierror.h"

#include <QWidget>

namespace engage::ui {

// For errors that stop the work: a modal dialog with the translated message,
// the service's detail and the request id with a "Copy" button. Tests
// pre-answer it through DialogSeam (see dialogseam.h) so no test hangs.
void showErrorDialog(QWidget *parent, const models::ApiError &error);

} // namespace engage::ui
