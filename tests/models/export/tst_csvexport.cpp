// CSV exports: UTF-8 with a byte order mark, RFC 4180 quoting, and text a
// spreadsheet would run as a formula behind an apostrophe that
// api::formulaUnguarded (the importers' side) takes away again.
#include "api/spreadsheetcell.h"
#include "exporttestsupport.h"
#include "models/export/modelexporter.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace engage::models;
using namespace engage::test;

class TstCsvExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guardRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("E001") << QStringLiteral("E001");
        QTest::newRow("japanese") << QStringLiteral("髙橋 一郎") << QStringLiteral("髙橋 一郎");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("plus") << QStringLiteral("+81 3") << QStringLiteral("'+81 3");
        QTest::newRow("minus") << QStringLiteral("-5") << QStringLiteral("'-5");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"")
                               << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("line feed") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("guarded and quoted")
            << QStringLiteral("=HYPERLINK(\"x\",\"y\")")
            << QStringLiteral("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        QTest::newRow("apostrophe of its own")
            << QStringLiteral("'quoted'") << QStringLiteral("'quoted'");
    }

    void guardRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(engage::api::csvField(text), field);
        const QList<QStringList> parsed = parseCsv(field + QStringLiteral("\r\n"));
        const QString read = parsed.isEmpty() ? QString() : parsed.at(0).at(0);
        QCOMPARE(engage::api::formulaUnguarded(read), text);
    }

    void exportsTheModel()
    {
        QStandardItemModel model;
        model.setHorizontalHeaderLabels({QStringLiteral("社員番号"), QStringLiteral("Name, full"),
                                         QStringLiteral("Score"), QStringLiteral("Rate"),
                                         QStringLiteral("Joined"), QStringLiteral("Updated"),
                                         QStringLiteral("Active")});
        const QDateTime updated(QDate(2024, 5, 1), QTime(9, 30, 15), QTimeZone::utc());
        const QList<QVariantList> rows{
            {QStringLiteral("=1+2"), QStringLiteral("髙橋 一郎"), -5, 0.725, QDate(2020, 4, 1),
             updated, true},
            {QStringLiteral("@SUM(A1)"), QStringLiteral("O'Brien, \"Jr.\"\nline two"), 1234.5, 0.05,
             QDate(1999, 12, 31), updated.addDays(1), false},
            {QStringLiteral("-5"), QString(), QVariant(), 1.0, QVariant(), QVariant(), QVariant()},
        };
        for (const QVariantList &values : rows) {
            QList<QStandardItem *> items;
            for (const QVariant &value : values) {
                auto *item = new QStandardItem;
                item->setData(value, Qt::DisplayRole);
                items.append(item);
            }
            model.appendRow(items);
        }
        ExportSheet sheet;
        sheet.title = QStringLiteral("Members");
        sheet.model = &model;
        sheet.columns.insert(3, {Qt::DisplayRole, CellFormat::Percent});

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("members.csv"));
        ModelExporter exporter;
        QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
        QVERIFY(exporter.startCsv(path, sheet));
        QVERIFY(finished.wait(30000));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("\r\n"));
        const QString local = updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString expected =
            QStringLiteral("社員番号,\"Name, full\",Score,Rate,Joined,Updated,Active\r\n"
                           "'=1+2,髙橋 一郎,-5,72.5%,2020-04-01,%1,TRUE\r\n"
                           "'@SUM(A1),\"O'Brien, \"\"Jr.\"\"\nline two\",1234.5,5%,1999-12-31,%2,"
                           "FALSE\r\n"
                           "'-5,,,100%,,,\r\n")
                .arg(local, updated.addDays(1).toLocalTime().toString(
                                QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(QString::fromUtf8(bytes.mid(3)), expected);

        // What an importer reads back, unguarded, is the model's text.
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), 4);
        QCOMPARE(engage::api::formulaUnguarded(records.at(1).at(0)), QStringLiteral("=1+2"));
        QCOMPARE(engage::api::formulaUnguarded(records.at(2).at(0)), QStringLiteral("@SUM(A1)"));
        QCOMPARE(engage::api::formulaUnguarded(records.at(3).at(0)), QStringLiteral("-5"));
        QCOMPARE(records.at(2).at(1), QStringLiteral("O'Brien, \"Jr.\"\nline two"));
    }
};

QTEST_GUILESS_MAIN(TstCsvExport)
#include "tst_csvexport.moc"
