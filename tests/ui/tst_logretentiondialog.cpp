// The Logs page's "Retention…" dialog against the real engage-server, whose
// demo tenant's old log rows were archived while it was stopped: it shows
// the setting (keep everything) and the archive files, saves "archive after
// N days" and back, downloads a file byte for byte as the service signed it,
// appears on the Logs page for owners, and follows the language.

#include "crypto/masterkey.h"
#include "logs/logarchiver.h"
#include "models/logarchivemodel.h"
#include "models/logintegritycheck.h"
#include "models/logretention.h"
#include "store/database.h"
#include "store/keyring.h"
#include "ui/dialogs/logretentiondialog.h"
#include "ui/pages/logspage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::ui;
using namespace engage::test;

namespace {

const QString kSlug = QStringLiteral("northwind");

QJsonObject demoTenant(const ServerProcess &server)
{
    const QJsonArray tenants = server.announcement().value(QLatin1String("tenants")).toArray();
    for (const auto &value : tenants) {
        if (value.toObject().value(QLatin1String("slug")).toString() == kSlug)
            return value.toObject();
    }
    return {};
}

// Every log row of the tenant so far moved into archive files of one row, as
// the service would do a year and more from now; the service is stopped.
bool archiveEverything(const QString &dataDir, QString *error)
{
    auto masterKey = server::crypto::MasterKey::load(dataDir, error);
    if (!masterKey)
        return false;
    const server::store::Keyring keyring(std::move(*masterKey));
    server::store::DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = dataDir + QStringLiteral("/engage.sqlite3");
    server::store::Database database(location);
    database.setLogChainKey(keyring.logChainKey());
    QSqlQuery tenant(database.connection());
    tenant.prepare(QStringLiteral("SELECT id FROM tenants WHERE slug = ?"));
    tenant.addBindValue(kSlug);
    if (!tenant.exec() || !tenant.next()) {
        *error = QStringLiteral("no tenant %1").arg(kSlug);
        return false;
    }
    server::logs::LogArchiver archiver(
        database.connection(), keyring.logChainKey(),
        server::logs::LogArchiveFiles(dataDir, keyring.logCheckpointKey()));
    archiver.setMaxRowsPerFile(1);
    const auto archived = archiver.runTenant(tenant.value(0).toString(), 30,
                                             QDateTime::currentDateTimeUtc().addDays(400));
    if (!archived || archived.value().files == 0) {
        *error = archived ? QStringLiteral("nothing archived") : archived.error().message;
        return false;
    }
    return true;
}

bool loaded(LogRetentionDialog &dialog)
{
    return QTest::qWaitFor(
        [&] { return dialog.retention().settings() && !dialog.retention().isBusy(); }, kUiWaitMs);
}

} // namespace

class TestLogRetentionDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheSettingAndTheArchives();
    void savesAndRestores();
    void downloadsTheSignedFile();
    void onTheLogsPageForOwners();
    void followsTheLanguage();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<ClientUnderTest> m_client;
};

void TestLogRetentionDialog::initTestCase()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    {
        ServerProcess first(m_dir.path());
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        first.terminate();
        QVERIFY(first.waitForExit(30000));
    }
    QString error;
    QVERIFY2(archiveEverything(m_dir.path(), &error), qPrintable(error));
    m_server = std::make_unique<ServerProcess>(m_dir.path());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));

    m_client = std::make_unique<ClientUnderTest>(m_settingsDir.filePath(QStringLiteral("s.ini")));
    m_client->client.setBaseUrl(m_server->url());
    m_client->client.setPinnedFingerprint(m_server->fingerprint());
    const QJsonObject tenant = demoTenant(*m_server);
    QSignalSpy signedIn(&m_client->session, &Session::signedIn);
    m_client->session.signIn(kSlug, tenant.value(QLatin1String("adminEmail")).toString(),
                             tenant.value(QLatin1String("adminPassword")).toString());
    QVERIFY(signedIn.wait(kUiWaitMs) || !signedIn.isEmpty());
}

void TestLogRetentionDialog::showsTheSettingAndTheArchives()
{
    LogRetentionDialog dialog(m_client->client);
    dialog.show();
    QVERIFY(loaded(dialog));
    QVERIFY(dialog.banner()->isHidden());
    // The default: every row kept.
    QVERIFY(dialog.keepButton()->isChecked());
    QVERIFY(!dialog.archiveButton()->isChecked());
    QVERIFY(!dialog.daysBox()->isEnabled());
    QCOMPARE(dialog.daysBox()->minimum(), 30);
    QCOMPARE(dialog.daysBox()->maximum(), 3650);
    QVERIFY(dialog.explanationLabel()->text().contains(QLatin1String("signed")));
    // The files, by log then row; nothing to download until one is chosen.
    auto *archives = qobject_cast<LogArchiveModel *>(dialog.archiveView()->model());
    QVERIFY(archives);
    QVERIFY(archives->rowCount() >= 2);
    QCOMPARE(archives->index(0, LogArchiveModel::LogColumn).data().toString(),
             LogIntegrityCheck::logName(archives->archiveAt(0).log));
    QVERIFY(archives->index(0, LogArchiveModel::RowsColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("1–")));
    QVERIFY(!dialog.downloadButton()->isEnabled());
    dialog.archiveView()->selectRow(0);
    QVERIFY(dialog.downloadButton()->isEnabled());
}

void TestLogRetentionDialog::savesAndRestores()
{
    LogRetentionDialog dialog(m_client->client);
    dialog.show();
    QVERIFY(loaded(dialog));
    dialog.archiveButton()->setChecked(true);
    QVERIFY(dialog.daysBox()->isEnabled());
    dialog.daysBox()->setValue(90);
    QSignalSpy saved(&dialog.retention(), &LogRetention::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(kUiWaitMs));
    QVERIFY(!dialog.banner()->isHidden());
    QVERIFY(dialog.banner()->text().contains(QLatin1String("Saved")));

    // A dialog opened afterwards reads what the service kept.
    {
        LogRetentionDialog again(m_client->client);
        QVERIFY(loaded(again));
        QVERIFY(again.archiveButton()->isChecked());
        QCOMPARE(again.daysBox()->value(), 90);
        // Back to keeping everything, from this dialog (its own revision).
        again.keepButton()->setChecked(true);
        QSignalSpy savedAgain(&again.retention(), &LogRetention::saved);
        QTest::mouseClick(again.saveButton(), Qt::LeftButton);
        QVERIFY(savedAgain.wait(kUiWaitMs));
        QVERIFY(!again.retention().settings()->archiveAfterDays);
    }
    // The first dialog's revision is stale now: the service refuses, and says so.
    QSignalSpy failed(&dialog.retention(), &LogRetention::failed);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(failed.wait(kUiWaitMs));
    QCOMPARE(failed.first().first().value<ApiError>().httpStatus, 412);
    QVERIFY(!dialog.banner()->isHidden());
}

void TestLogRetentionDialog::downloadsTheSignedFile()
{
    LogRetentionDialog dialog(m_client->client);
    dialog.show();
    QVERIFY(loaded(dialog));
    auto *archives = qobject_cast<LogArchiveModel *>(dialog.archiveView()->model());
    QVERIFY(archives);
    QVERIFY(archives->rowCount() >= 2);
    dialog.archiveView()->selectRow(1);
    QTemporaryDir target;
    const QString path = target.filePath(archives->archiveAt(1).fileName);
    QSignalSpy downloaded(&dialog.retention(), &LogRetention::downloaded);
    dialog.downloadTo(path);
    QVERIFY(downloaded.wait(kUiWaitMs));
    QCOMPARE(downloaded.first().first().toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
        archives->archiveAt(1).sha256);
    QVERIFY(bytes.startsWith("{"));
    QVERIFY(bytes.contains("\"signature\""));
    QVERIFY(dialog.banner()->text().contains(QFileInfo(path).fileName()));

    // A place that cannot be written is said so, and nothing is left behind.
    QSignalSpy writeFailed(&dialog.retention(), &LogRetention::writeFailed);
    const QString nowhere = target.filePath(QStringLiteral("missing/dir/file.ndjson"));
    dialog.downloadTo(nowhere);
    QVERIFY(writeFailed.wait(kUiWaitMs));
    QVERIFY(!QFile::exists(nowhere));
    QVERIFY(!dialog.banner()->isHidden());
}

void TestLogRetentionDialog::onTheLogsPageForOwners()
{
    LogsPage page(m_client->client, m_client->session);
    QVERIFY(showActive(page, QSize(1400, 900)));
    QVERIFY(QTest::qWaitFor([&] { return page.retentionAction()->isEnabled(); }, kUiWaitMs));
    QVERIFY(page.retentionAction()->isVisible());
    page.retentionAction()->trigger();
    auto *dialog = waitForModal<LogRetentionDialog>();
    QVERIFY(dialog);
    QVERIFY(loaded(*dialog));
    QPointer<LogRetentionDialog> closing(dialog);
    dialog->reject();
    QVERIFY(QTest::qWaitFor([&] { return closing.isNull(); }, kUiWaitMs));
}

void TestLogRetentionDialog::followsTheLanguage()
{
    LogRetentionDialog dialog(m_client->client);
    dialog.show();
    QVERIFY(loaded(dialog));
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    QCoreApplication::processEvents();
    QVERIFY(dialog.windowTitle().startsWith(QLatin1String("[T] ")));
    QVERIFY(dialog.explanationLabel()->text().startsWith(QLatin1String("[T] ")));
    QVERIFY(dialog.keepButton()->text().startsWith(QLatin1String("[T] ")));
    QVERIFY(dialog.archiveView()
                ->model()
                ->headerData(LogArchiveModel::RowsColumn, Qt::Horizontal)
                .toString()
                .startsWith(QLatin1String("[T] ")));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QCoreApplication::processEvents();
    QVERIFY(!dialog.windowTitle().startsWith(QLatin1String("[T] ")));
}

QTEST_MAIN(TestLogRetentionDialog)
#include "tst_logretentiondialog.moc"
