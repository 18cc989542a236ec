#pragma once

// Driving a page's "Export to Excel…" (ui/export/ExportController) in a test.

#include "../models/serviceclient.h"
#include "ui/export/exportcontroller.h"

#include <QAbstractButton>
#include <QDialog>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTest>

namespace engage::test {

// Saves to `path` through the controller's open file dialog, as its Save
// button does, and checks the end: the progress dialog gone, a message
// naming the file with "Open Folder". Fails the running test function
// otherwise (the caller checks QTest::currentTestFailed()).
inline void saveThroughDialog(ui::ExportController &controller, QFileDialog &dialog,
                              const QString &path)
{
    QSignalSpy exported(&controller, &ui::ExportController::exported);
    dialog.selectFile(path);
    static_cast<QDialog &>(dialog).accept();
    QVERIFY(controller.progressDialog() || !exported.isEmpty());
    QVERIFY(waitFor(exported));
    QCOMPARE(exported.constFirst().constFirst().toString(), path);
    QVERIFY(!controller.progressDialog() || !controller.progressDialog()->isVisible());
    QMessageBox *result = controller.resultBox();
    QVERIFY(result);
    QVERIFY2(result->text().contains(QFileInfo(path).fileName()), qPrintable(result->text()));
    bool openFolder = false;
    for (QAbstractButton *button : result->buttons())
        openFolder = openFolder || result->buttonRole(button) == QMessageBox::ActionRole;
    QVERIFY(openFolder);
    result->close();
}

// Exports to `path` without the dialogs; empty once written, else why not.
inline QString exportDirectly(ui::ExportController &controller, const QString &path)
{
    QSignalSpy exported(&controller, &ui::ExportController::exported);
    QSignalSpy failed(&controller, &ui::ExportController::exportFailed);
    controller.exportTo(path);
    if (!QTest::qWaitFor([&] { return !exported.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return QStringLiteral("the export did not end");
    return failed.isEmpty() ? QString() : failed.constFirst().constFirst().toString();
}

} // namespace engage::test
