// XlsxReader over workbooks written by programs we did not write: openpyxl
// (make_workbooks.py, which also edits its output into the shapes openpyxl
// never writes, and into hostile files) and LibreOffice converting a CSV.

#include "externaltool.h"
#include "import/csvreader.h"
#include "import/xlsxreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace engage;
using namespace engage::server::import;

using Rows = QList<QStringList>;

class TestXlsxReader final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray bytesOf(const QString &name) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        return file.readAll();
    }

    api::Result<ImportTable> read(const QString &name) const
    {
        return XlsxReader::read(bytesOf(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto made =
            test::runTool(QStringLiteral("/usr/bin/python3"),
                          {QStringLiteral(ENGAGE_MAKE_WORKBOOKS), m_dir.path()}, {}, 120000);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    }

    void openpyxlMembers()
    {
        const auto table = read(QStringLiteral("members.xlsx"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().encoding, QString());
        QCOMPARE(table.value().headers,
                 (QStringList{QStringLiteral("社員番号"), QStringLiteral("氏名"),
                              QStringLiteral("入社日"), QStringLiteral("生年月日"),
                              QStringLiteral("等級"), QStringLiteral("係数"),
                              QStringLiteral("配信"), QStringLiteral("数式")}));
        const QStringList blank(8, QString());
        QCOMPARE(
            table.value().rows,
            (Rows{{QStringLiteral("E001"), QStringLiteral("髙橋 一郎"),
                   QStringLiteral("2020-04-01"), QStringLiteral("1990-01-31"), QStringLiteral("3"),
                   QStringLiteral("2.5"), QStringLiteral("TRUE"), QString()},
                  {QStringLiteral("E002"), QStringLiteral("山﨑 花子"), QString(), QString(),
                   QString(), QStringLiteral("0.3"), QStringLiteral("FALSE"), QString()},
                  blank,
                  blank,
                  {QString(), QStringLiteral("sparse"), QString(), QString(), QString(), QString(),
                   QString(), QString()}}));
    }

    // Each row of serials.xlsx holds a number under a format, and beside it
    // the text it must read as (written by the script, not by us).
    void serialsUnderNumberFormats()
    {
        const auto table = read(QStringLiteral("serials.xlsx"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().rows.size(), 20);
        for (const QStringList &row : table.value().rows)
            QCOMPARE(row.at(0), row.at(1));
    }

    void date1904()
    {
        const auto table = read(QStringLiteral("date1904.xlsx"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().rows, (Rows{{QStringLiteral("2021-03-04")}}));
    }

    void sharedAndInlineStrings()
    {
        const auto table = read(QStringLiteral("sharedstrings.xlsx"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().headers,
                 (QStringList{QStringLiteral("氏名"), QStringLiteral("所属")}));
        QCOMPARE(table.value().rows,
                 (Rows{{QStringLiteral("髙橋 一郎"), QStringLiteral("inline ")}}));
    }

    // LibreOffice reads our CSV and writes a workbook (shared strings, its own
    // date format); the workbook must read as the CSV does.
    void libreOfficeFromCsv()
    {
        const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
        if (soffice.isEmpty())
            QSKIP("soffice (Debian libreoffice-calc-nogui) is not installed: the LibreOffice "
                  "workbook is not tested");
        const QByteArray csv =
            QStringLiteral(
                "社員番号,氏名,所属,入社日,等級,係数,メールアドレス\n"
                "E001,髙橋 一郎,本社/営業部,2020-04-01,3,2.5,t.takahashi@example.com\n"
                "E002,山﨑 花子,本社/開発部,2019-10-15,2,,\n"
                "E003,Emma Clark,Head office > Sales,1999-12-31,10,-0.25,emma@example.com\n")
                .toUtf8();
        QFile file(m_dir.filePath(QStringLiteral("libreoffice.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
        file.close();
        const QString profile =
            QStringLiteral("-env:UserInstallation=file://") + m_dir.filePath(QStringLiteral("lo"));
        const auto converted = test::runTool(
            soffice,
            {QStringLiteral("--headless"), profile, QStringLiteral("--infilter=CSV:44,34,76,1"),
             QStringLiteral("--convert-to"), QStringLiteral("xlsx"), QStringLiteral("--outdir"),
             m_dir.path(), file.fileName()},
            {}, 180000);
        QVERIFY2(converted.succeeded(), qPrintable(converted.describe()));
        const auto fromCsv = CsvReader::read(csv);
        QVERIFY(fromCsv);
        const auto table = read(QStringLiteral("libreoffice.xlsx"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().headers, fromCsv.value().headers);
        QCOMPARE(table.value().rows, fromCsv.value().rows);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("detail");
        QTest::newRow("not a zip")
            << QStringLiteral("notazip.xlsx") << QStringLiteral("not an .xlsx workbook");
        QTest::newRow("truncated zip")
            << QStringLiteral("truncated.xlsx") << QStringLiteral("not an .xlsx workbook");
        QTest::newRow("missing sheet")
            << QStringLiteral("nosheet.xlsx") << QStringLiteral("has no worksheet");
        QTest::newRow("billion laughs and an external entity")
            << QStringLiteral("laughs.xlsx") << QStringLiteral("document type declaration");
        QTest::newRow("zip bomb") << QStringLiteral("bomb.xlsx")
                                  << QStringLiteral("expands to more than");
        QTest::newRow("huge cell") << QStringLiteral("hugecell.xlsx")
                                   << QStringLiteral("Cell A2 is longer than 10000 characters");
        QTest::newRow("too many columns")
            << QStringLiteral("wide.xlsx") << QStringLiteral("Cell SG1 is right of column SF");
    }

    void refuses()
    {
        QFETCH(QString, file);
        QFETCH(QString, detail);
        QElapsedTimer timer;
        timer.start();
        const auto table = read(file);
        QVERIFY(!table);
        QVERIFY2(table.error().detail.contains(detail), qPrintable(table.error().detail));
        // Refused before the hostile part is expanded, not after.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void emptyBytes() { QVERIFY(!XlsxReader::read(QByteArray())); }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
