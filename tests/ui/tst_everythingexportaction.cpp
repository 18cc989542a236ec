// The main window's File > Export Everything… against the real
// engage-server, offscreen. Signed in to "northwind": the file dialog offers
// a zip named for the company, "everything" and the day in the last export's
// folder; the progress dialog runs to a message naming the zip, with Open
// Folder; the zip, read back by python3's zipfile, holds every area's
// workbook. Cancel in the progress dialog leaves no file in the folder. Signed
// in to "sakura-foods" (its security option taken away), the message says
// the logs were left out, and the zip holds none.

#include "../models/export/exporttestsupport.h"
#include "../models/serviceclient.h"
#include "logseed.h"
#include "models/export/everythingexport.h"
#include "models/export/exportfolder.h"
#include "ui/export/everythingexportcontroller.h"
#include "ui/mainwindow.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDate>
#include <QFileDialog>
#include <QJsonArray>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

// The zip's entry names as python3's zipfile reads them (every CRC checked).
QStringList zipEntries(const QString &zipPath, QString *error)
{
    const ToolResult read = runTool(QStringLiteral("/usr/bin/python3"),
                                    {QStringLiteral("-c"),
                                     QStringLiteral("import json, sys, zipfile\n"
                                                    "archive = zipfile.ZipFile(sys.argv[1])\n"
                                                    "bad = archive.testzip()\n"
                                                    "if bad is not None:\n"
                                                    "    sys.exit('bad entry: ' + bad)\n"
                                                    "print(json.dumps(archive.namelist()))\n"),
                                     zipPath});
    if (!read.succeeded()) {
        *error = read.describe();
        return {};
    }
    QStringList names;
    for (const QJsonValue &name : QJsonDocument::fromJson(read.standardOutput).array())
        names.append(name.toString());
    return names;
}

QStringList entryNames(const QList<EverythingExport::Area> &areas)
{
    QStringList names;
    for (const EverythingExport::Area area : areas)
        names.append(EverythingExport::entryName(area));
    return names;
}

} // namespace

class TestEverythingExportAction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void exportsEverythingThroughTheDialogs();
    void cancelInTheProgressDialogLeavesNoFile();
    void saysWhenTheLogsAreLeftOut();

private:
    // A window over `tenant`'s owner signed in, shown.
    bool openWindow(const QString &tenant);
    // Accepts the file dialog with `zipPath`, waits for the export's end.
    bool exportThroughDialogs(const QString &zipPath, QSignalSpy &exported);

    QTemporaryDir m_data;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ClientUnderTest> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestEverythingExportAction::initTestCase()
{
    // The last folder goes to settings of the test's own.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_data.isValid());
    // The demo tenants have the security option: sakura-foods loses it.
    QString error;
    m_server = startSeededServer(m_data.path(), LogSeed{}, {QStringLiteral("sakura-foods")},
                                 ServerProcess::defaultStartTimeoutMs, &error);
    QVERIFY2(m_server, qPrintable(error));
}

void TestEverythingExportAction::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_window.reset();
    m_client.reset();
    if (m_server)
        m_server->reportIfFailed();
}

bool TestEverythingExportAction::openWindow(const QString &tenant)
{
    m_window.reset();
    m_client = std::make_unique<ClientUnderTest>(
        m_dir.filePath(QStringLiteral("settings-%1.ini").arg(tenant)));
    m_client->language.setLanguage(QStringLiteral("en"));
    const ConnectionProfile profile =
        serverProfile(*m_server, QStringLiteral("Everything export %1").arg(tenant));
    m_client->settings.saveProfile(profile);
    m_client->settings.setCurrentProfile(profile.name);
    m_client->client.setBaseUrl(profile.url);
    m_client->client.setPinnedFingerprint(profile.fingerprint);
    m_client->session.setProfileName(profile.name);
    if (!signIn(m_client->session, demoOwner(*m_server, tenant)))
        return false;
    m_window = std::make_unique<MainWindow>(m_client->context);
    return showActive(*m_window, {1280, 800});
}

bool TestEverythingExportAction::exportThroughDialogs(const QString &zipPath, QSignalSpy &exported)
{
    EverythingExportController *controller = m_window->everythingExport();
    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    if (!dialog)
        return false;
    dialog->selectFile(zipPath);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    return waitFor(exported);
}

void TestEverythingExportAction::exportsEverythingThroughTheDialogs()
{
    QVERIFY(openWindow(QStringLiteral("northwind")));
    ExportFolder::remember(m_dir.filePath(QStringLiteral("earlier.xlsx")));
    EverythingExportController *controller = m_window->everythingExport();
    // In the File menu, enabled once signed in.
    QMenu *fileMenu = m_window->menuBar()->actions().constFirst()->menu();
    QVERIFY(fileMenu);
    QVERIFY(fileMenu->actions().contains(controller->action()));
    QVERIFY(controller->action()->isEnabled());

    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameFilters().size(), 1);
    QVERIFY(dialog->nameFilters().constFirst().contains(QStringLiteral("*.zip")));
    QCOMPARE(dialog->directory().absolutePath(), QDir(m_dir.path()).absolutePath());
    QCOMPARE(QFileInfo(dialog->selectedFiles().value(0)).fileName(),
             QStringLiteral("northwind everything %1.zip")
                 .arg(QDate::currentDate().toString(Qt::ISODate)));

    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QString zipPath = target.filePath(QStringLiteral("all.zip"));
    QSignalSpy exported(controller, &EverythingExportController::exported);
    QSignalSpy failed(controller, &EverythingExportController::exportFailed);
    dialog->selectFile(zipPath);
    static_cast<QDialog *>(dialog)->accept();
    QVERIFY(controller->progressDialog() || !exported.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return !exported.isEmpty() || !failed.isEmpty(); }, 2 * kWaitMs));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(exported.constFirst().constFirst().toString(), zipPath);
    QVERIFY(!controller->progressDialog() || !controller->progressDialog()->isVisible());
    QVERIFY(!controller->isRunning());

    QMessageBox *result = controller->resultBox();
    QVERIFY(result);
    QVERIFY2(result->text().contains(QStringLiteral("all.zip")), qPrintable(result->text()));
    QVERIFY2(result->informativeText().isEmpty(), qPrintable(result->informativeText()));
    bool openFolder = false;
    for (QAbstractButton *button : result->buttons())
        openFolder = openFolder || result->buttonRole(button) == QMessageBox::ActionRole;
    QVERIFY(openFolder);
    result->close();

    QString error;
    QCOMPARE(zipEntries(zipPath, &error), entryNames(EverythingExport::areas()));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(entriesOf(target.path()), QStringList{QStringLiteral("all.zip")});
    QCOMPARE(ExportFolder::last(), QDir(target.path()).absolutePath());
}

void TestEverythingExportAction::cancelInTheProgressDialogLeavesNoFile()
{
    QVERIFY(openWindow(QStringLiteral("northwind")));
    EverythingExportController *controller = m_window->everythingExport();
    QTemporaryDir target;
    QVERIFY(target.isValid());
    QSignalSpy cancelled(controller, &EverythingExportController::exportCancelled);
    QSignalSpy exported(controller, &EverythingExportController::exported);
    controller->exportTo(target.filePath(QStringLiteral("cancelled.zip")));
    QProgressDialog *progress = controller->progressDialog();
    QVERIFY(progress);
    QVERIFY(controller->isRunning());
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(waitFor(cancelled));
    QVERIFY(exported.isEmpty());
    QVERIFY(!controller->isRunning());
    QVERIFY(!controller->resultBox());
    QTest::qWait(200);
    QCOMPARE(entriesOf(target.path()), QStringList());
}

void TestEverythingExportAction::saysWhenTheLogsAreLeftOut()
{
    QVERIFY(openWindow(QStringLiteral("sakura-foods")));
    QTemporaryDir target;
    QVERIFY(target.isValid());
    const QString zipPath = target.filePath(QStringLiteral("sakura.zip"));
    QSignalSpy exported(m_window->everythingExport(), &EverythingExportController::exported);
    QVERIFY(exportThroughDialogs(zipPath, exported));
    QMessageBox *result = m_window->everythingExport()->resultBox();
    QVERIFY(result);
    QVERIFY2(result->informativeText().contains(QStringLiteral("security option")),
             qPrintable(result->informativeText()));

    QList<EverythingExport::Area> areas = EverythingExport::areas();
    areas.removeAll(EverythingExport::Area::AccessLog);
    areas.removeAll(EverythingExport::Area::OperationLog);
    areas.removeAll(EverythingExport::Area::ErrorLog);
    QString error;
    QCOMPARE(zipEntries(zipPath, &error), entryNames(areas));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QTEST_MAIN(TestEverythingExportAction)
#include "tst_everythingexportaction.moc"
