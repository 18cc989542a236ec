// The Members page's Export… against the real engage-server, offscreen: the
// file dialog offers Excel and CSV and names the file for the company and
// the day in the last export's folder; the progress dialog runs to a
// message naming the file, with Open Folder; the workbook, read back by
// openpyxl, holds the members of the group chosen in the tree, and its
// cover names that group; a file dialog cancelled starts nothing.

#include "../models/export/exporttestsupport.h"
#include "../models/serviceclient.h"
#include "exportactionsupport.h"
#include "models/export/exportfolder.h"
#include "models/grouptreemodel.h"
#include "models/membertablemodel.h"
#include "ui/export/exportcontroller.h"
#include "ui/pages/memberspage.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QFileDialog>
#include <QJsonArray>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("northwind");

} // namespace

class TestMemberExportAction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exportsTheChosenGroupThroughTheDialogs();
    void cancelledFileDialogStartsNothing();

private:
    ServerProcess m_server;
    OwnerAtTwoDesks m_desks;
    std::unique_ptr<MembersPage> m_page;
    QTemporaryDir m_dir;
};

void TestMemberExportAction::initTestCase()
{
    // The last folder goes to settings of the test's own.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_memberexportaction")));
    ExportFolder::remember(m_dir.filePath(QStringLiteral("earlier.xlsx")));
}

void TestMemberExportAction::init()
{
    m_page = std::make_unique<MembersPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1280, 800}));
    QVERIFY(QTest::qWaitFor(
        [this] {
            return !m_page->groupModel().isLoading() && !m_page->memberModel().isLoading() &&
                   m_page->memberModel().total() > 0;
        },
        kWaitMs));
}

void TestMemberExportAction::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_page.reset();
    m_server.reportIfFailed();
}

void TestMemberExportAction::exportsTheChosenGroupThroughTheDialogs()
{
    // The first group under "All members", and the members of its subtree.
    GroupTreeModel &groups = m_page->groupModel();
    const QModelIndex group = groups.index(0, 0, groups.rootIndex());
    QVERIFY(group.isValid());
    const QString groupName = group.data(GroupTreeModel::NameRole).toString();
    m_page->groupView()->setCurrentIndex(group);
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_page->memberModel().query().groupId && !m_page->memberModel().isLoading() &&
                   m_page->memberModel().total() >= 0;
        },
        kWaitMs));
    const qint64 inGroup = m_page->memberModel().total();
    QVERIFY(inGroup > 0);

    ExportController *controller = m_page->exportController();
    QVERIFY(controller->action()->isEnabled());
    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameFilters().size(), 2);
    QCOMPARE(dialog->directory().absolutePath(), QDir(m_dir.path()).absolutePath());
    const QString suggested = dialog->selectedFiles().value(0);
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(kTenant + QLatin1Char(' ')),
             qPrintable(suggested));
    QVERIFY2(
        suggested.endsWith(QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".xlsx")),
        qPrintable(suggested));

    const QString path = m_dir.filePath(QStringLiteral("group.xlsx"));
    saveThroughDialog(*controller, *dialog, path);
    if (QTest::currentTestFailed())
        return;

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 2);
    QCOMPARE(sheets.at(0).toObject().value(QLatin1String("rows")).toArray().size(), inGroup + 1);
    bool groupNamed = false;
    for (const auto &line : sheets.at(1).toObject().value(QLatin1String("rows")).toArray()) {
        for (const auto &cell : line.toArray())
            groupNamed = groupNamed ||
                         cell.toObject().value(QLatin1String("v")).toString().contains(groupName);
    }
    QVERIFY2(groupNamed, "the cover names the group");
    QCOMPARE(ExportFolder::last(), QDir(m_dir.path()).absolutePath());
}

void TestMemberExportAction::cancelledFileDialogStartsNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportFolder::remember(dir.filePath(QStringLiteral("x.xlsx")));
    ExportController *controller = m_page->exportController();
    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    QVERIFY(dialog);
    dialog->reject();
    QTest::qWait(300);
    QVERIFY(!controller->isRunning());
    QVERIFY(!controller->progressDialog());
    QVERIFY(entriesOf(dir.path()).isEmpty());
    ExportFolder::remember(m_dir.filePath(QStringLiteral("earlier.xlsx")));
}

QTEST_MAIN(TestMemberExportAction)
#include "tst_memberexportaction.moc"
