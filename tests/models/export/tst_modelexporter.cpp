// ModelExporter's running: progress, cancel, a model that changes, a file
// that cannot be written, a file replaced, an exporter destroyed mid-way.
// Whatever happens, the target folder holds the finished file or nothing.
#include "exporttestsupport.h"
#include "models/export/modelexporter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace engage::models;
using namespace engage::test;

namespace {

// Large enough that an export is still under way when the test acts.
constexpr int kManyRows = 400000;

ExportSheet sheetOf(const QAbstractItemModel &model)
{
    ExportSheet sheet;
    sheet.title = QStringLiteral("Data");
    sheet.model = &model;
    return sheet;
}

} // namespace

class TstModelExporter final : public QObject
{
    Q_OBJECT

private:
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_folder = m_dir->path();
    }

    void progressIsMonotonic_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::newRow("xlsx") << false;
        QTest::newRow("csv") << true;
    }

    void progressIsMonotonic()
    {
        QFETCH(bool, csv);
        GeneratedModel model(60000);
        ModelExporter exporter;
        QSignalSpy progress(&exporter, &ModelExporter::progressChanged);
        QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
        const QString path =
            m_dir->filePath(csv ? QStringLiteral("out.csv") : QStringLiteral("out.xlsx"));
        QVERIFY(csv ? exporter.startCsv(path, sheetOf(model))
                    : exporter.startXlsx(path, {sheetOf(model)}, std::nullopt));
        QVERIFY(exporter.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), path);
        QVERIFY(!exporter.isRunning());
        QVERIFY(progress.size() >= 2);
        qint64 previous = 0;
        for (const QList<QVariant> &signal : std::as_const(progress)) {
            QVERIFY(signal.at(0).toLongLong() > previous);
            QCOMPARE(signal.at(1).toLongLong(), qint64(60000));
            previous = signal.at(0).toLongLong();
        }
        QCOMPARE(previous, qint64(60000));
        QCOMPARE(entriesOf(m_folder), QStringList{QFileInfo(path).fileName()});
    }

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<bool>("waitForProgress");
        QTest::addColumn<bool>("csv");
        QTest::newRow("at once") << false << false;
        QTest::newRow("under way") << true << false;
        QTest::newRow("csv under way") << true << true;
    }

    void cancelLeavesNothing()
    {
        QFETCH(bool, waitForProgress);
        QFETCH(bool, csv);
        GeneratedModel model(kManyRows);
        ModelExporter exporter;
        QSignalSpy progress(&exporter, &ModelExporter::progressChanged);
        QSignalSpy cancelled(&exporter, &ModelExporter::exportCancelled);
        QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
        const QString path = m_dir->filePath(QStringLiteral("cancelled"));
        QVERIFY(csv ? exporter.startCsv(path, sheetOf(model))
                    : exporter.startXlsx(path, {sheetOf(model)}, std::nullopt));
        if (waitForProgress) {
            QVERIFY(progress.wait(30000));
            // While it runs, the only thing in the folder is its temporary file.
            const QStringList during = entriesOf(m_folder);
            QVERIFY2(during.size() == 1 && during.at(0).startsWith(u'.') &&
                         during.at(0).endsWith(QStringLiteral(".part")),
                     qPrintable(during.join(u',')));
        }
        exporter.cancel();
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(finished.size(), 0);
        QVERIFY(!exporter.isRunning());
        QVERIFY(progress.isEmpty() || progress.constLast().at(0).toLongLong() < kManyRows);
        QCOMPARE(entriesOf(m_folder), QStringList());
    }

    void changedModelFails()
    {
        GeneratedModel model(kManyRows);
        ModelExporter exporter;
        QSignalSpy progress(&exporter, &ModelExporter::progressChanged);
        QSignalSpy failed(&exporter, &ModelExporter::exportFailed);
        QVERIFY(exporter.startXlsx(m_dir->filePath(QStringLiteral("changed.xlsx")),
                                   {sheetOf(model)}, std::nullopt));
        QVERIFY(progress.wait(30000));
        model.removeLastRow();
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("changed")));
        QCOMPARE(entriesOf(m_folder), QStringList());
    }

    void unwritableFolderFails()
    {
        GeneratedModel model(10);
        ModelExporter exporter;
        QSignalSpy failed(&exporter, &ModelExporter::exportFailed);
        QVERIFY(exporter.startXlsx(m_dir->filePath(QStringLiteral("missing/report.xlsx")),
                                   {sheetOf(model)}, std::nullopt));
        QVERIFY(failed.wait(30000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("report.xlsx")));
        QCOMPARE(entriesOf(m_folder), QStringList());
    }

    void replacesAnExistingFile()
    {
        const QString path = m_dir->filePath(QStringLiteral("report.xlsx"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an older report");
        old.close();
        GeneratedModel model(10);
        ModelExporter exporter;
        QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
        QVERIFY(exporter.startXlsx(path, {sheetOf(model)}, std::nullopt));
        QVERIFY(finished.wait(30000));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.read(2), QByteArray("PK")); // a zip container
        QCOMPARE(entriesOf(m_folder), QStringList{QStringLiteral("report.xlsx")});
    }

    void refusesWhatItCannotStart()
    {
        GeneratedModel model(kManyRows);
        ModelExporter exporter;
        QVERIFY(
            !exporter.startXlsx(m_dir->filePath(QStringLiteral("none.xlsx")), {}, std::nullopt));
        ExportSheet withoutModel;
        QVERIFY(!exporter.startXlsx(m_dir->filePath(QStringLiteral("none.xlsx")), {withoutModel},
                                    std::nullopt));
        QSignalSpy cancelled(&exporter, &ModelExporter::exportCancelled);
        QVERIFY(exporter.startXlsx(m_dir->filePath(QStringLiteral("one.xlsx")), {sheetOf(model)},
                                   std::nullopt));
        QVERIFY(!exporter.startXlsx(m_dir->filePath(QStringLiteral("two.xlsx")), {sheetOf(model)},
                                    std::nullopt));
        exporter.cancel();
        QVERIFY(cancelled.wait(30000));
        QCOMPARE(entriesOf(m_folder), QStringList());
    }

    void destroyedWhileRunning()
    {
        GeneratedModel model(kManyRows);
        auto exporter = std::make_unique<ModelExporter>();
        QSignalSpy progress(exporter.get(), &ModelExporter::progressChanged);
        QVERIFY(exporter->startXlsx(m_dir->filePath(QStringLiteral("gone.xlsx")), {sheetOf(model)},
                                    std::nullopt));
        QVERIFY(progress.wait(30000));
        exporter.reset();
        QCOMPARE(entriesOf(m_folder), QStringList());
    }
};

QTEST_GUILESS_MAIN(TstModelExporter)
#include "tst_modelexporter.moc"
