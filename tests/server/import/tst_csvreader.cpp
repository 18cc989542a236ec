// CsvReader over bytes as spreadsheets and people write them. The Japanese
// Excel case (CP932 with 髙 and 﨑, which strict Shift_JIS cannot encode) is
// encoded by python3's own codec, not by ours.

#include "api/memberimport.h"
#include "api/spreadsheetcell.h"
#include "externaltool.h"
#include "import/csvreader.h"

#include <QTest>

using namespace engage;
using namespace engage::server::import;

using Rows = QList<QStringList>;

namespace {

// `text` encoded by python3 in `codec`.
QByteArray pythonEncoded(const QString &text, const QString &codec)
{
    const auto result =
        test::runTool(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral("-c"),
                       QStringLiteral("import sys; sys.stdout.buffer.write(sys.stdin.buffer.read()"
                                      ".decode('utf-8').encode('%1'))")
                           .arg(codec)},
                      text.toUtf8());
    if (!result.succeeded())
        qFatal("python3 cannot encode: %s", qPrintable(result.describe()));
    return result.standardOutput;
}

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<Rows>("rows");

        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("LF") << QByteArray("a,b\n1,2\n3,4\n") << QStringLiteral("UTF-8") << ab
                            << Rows{{QStringLiteral("1"), QStringLiteral("2")},
                                    {QStringLiteral("3"), QStringLiteral("4")}};
        QTest::newRow("CRLF, no final break")
            << QByteArray("a,b\r\n1,2\r\n3,4") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("1"), QStringLiteral("2")},
                    {QStringLiteral("3"), QStringLiteral("4")}};
        QTest::newRow("CR") << QByteArray("a,b\r1,2\r") << QStringLiteral("UTF-8") << ab
                            << Rows{{QStringLiteral("1"), QStringLiteral("2")}};
        QTest::newRow("quotes") << QByteArray("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n")
                                << QStringLiteral("UTF-8") << ab
                                << Rows{{QStringLiteral("x, y"), QStringLiteral("say \"hi\"")}};
        QTest::newRow("line breaks inside quotes")
            << QByteArray("a,b\r\n\"one\r\ntwo\",\"three\nfour\rfive\"\r\n")
            << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("one\ntwo"), QStringLiteral("three\nfour\nfive")}};
        QTest::newRow("empty quoted cell and empty cells")
            << QByteArray("a,b\n\"\",\n,x\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QString(), QString()}, {QString(), QStringLiteral("x")}};
        QTest::newRow("trailing empty lines and cells")
            << QByteArray("a,b,,\n1,2,,\n\n,,\r\n\r\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("1"), QStringLiteral("2")}};
        QTest::newRow("blank rows inside are kept, so row numbers match the file")
            << QByteArray("a,b\n1,2\n\n,\n3,4\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("1"), QStringLiteral("2")},
                    {QString(), QString()},
                    {QString(), QString()},
                    {QStringLiteral("3"), QStringLiteral("4")}};
        QTest::newRow("blank lines above the header")
            << QByteArray("\n\n a , b \n1\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("1"), QString()}};
        QTest::newRow("formula guard")
            << QByteArray("a,b\n'=SUM(A1),'+81\n'-1,'@x\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("=SUM(A1)"), QStringLiteral("+81")},
                    {QStringLiteral("-1"), QStringLiteral("@x")}};
        // What api::csvField writes for text beginning with a tab or a
        // carriage return, read back as that text (the carriage return, a
        // line break inside a cell, as '\n').
        QTest::newRow("formula guard before a tab or a carriage return")
            << QByteArray("a,b\n'\t=1,\"'\r=2\"\n\"'\r\nx\",'\tb\n") << QStringLiteral("UTF-8")
            << ab
            << Rows{{QStringLiteral("\t=1"), QStringLiteral("\n=2")},
                    {QStringLiteral("\nx"), QStringLiteral("\tb")}};
        QTest::newRow("apostrophes before other line breaks stay")
            << QByteArray("a,b\n\"'\nx\",\"''\rx\"\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("'\nx"), QStringLiteral("''\nx")}};
        QTest::newRow("apostrophes that guard nothing stay")
            << QByteArray("a,b\n'abc,'\n") << QStringLiteral("UTF-8") << ab
            << Rows{{QStringLiteral("'abc"), QStringLiteral("'")}};
        QTest::newRow("UTF-8") << QStringLiteral("社員番号,氏名\n001,髙橋 一郎\n").toUtf8()
                               << QStringLiteral("UTF-8")
                               << QStringList{QStringLiteral("社員番号"), QStringLiteral("氏名")}
                               << Rows{{QStringLiteral("001"), QStringLiteral("髙橋 一郎")}};
        QTest::newRow("UTF-8 BOM")
            << QByteArray("\xEF\xBB\xBF") + QStringLiteral("氏名,所属\n山﨑 花子,営業部\n").toUtf8()
            << QStringLiteral("UTF-8 BOM")
            << QStringList{QStringLiteral("氏名"), QStringLiteral("所属")}
            << Rows{{QStringLiteral("山﨑 花子"), QStringLiteral("営業部")}};
        QTest::newRow("CP932 by python3")
            << pythonEncoded(QStringLiteral("社員番号,氏名,所属\r\nE1,髙橋 一郎,本社/営業部\r\n"
                                            "E2,山﨑 花子,\"ｶﾅ,全角ＡＢＣ\"\r\n"),
                             QStringLiteral("cp932"))
            << QStringLiteral("CP932")
            << QStringList{QStringLiteral("社員番号"), QStringLiteral("氏名"),
                           QStringLiteral("所属")}
            << Rows{{QStringLiteral("E1"), QStringLiteral("髙橋 一郎"),
                     QStringLiteral("本社/営業部")},
                    {QStringLiteral("E2"), QStringLiteral("山﨑 花子"),
                     QStringLiteral("ｶﾅ,全角ＡＢＣ")}};
        QTest::newRow("header only")
            << QByteArray("a,b\r\n") << QStringLiteral("UTF-8") << ab << Rows{};
    }

    void reads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QStringList, headers);
        QFETCH(Rows, rows);
        const auto table = CsvReader::read(bytes);
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().encoding, encoding);
        QCOMPARE(table.value().headers, headers);
        QCOMPARE(table.value().rows, rows);
    }

    // A value written by the exports' api::csvField reads back as itself,
    // its line breaks as '\n' (the reader's one form of a break in a cell).
    void readsWhatExportsWrite_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("read");
        const auto same = [](const char16_t *text) {
            QTest::newRow(QString::fromUtf16(text).toUtf8().toPercentEncoding().constData())
                << QString::fromUtf16(text) << QString::fromUtf16(text);
        };
        for (const char16_t *text : {u"=SUM(A1)", u"+81", u"-5", u"@x", u"\t=1", u"\tname",
                                     u"'plain", u"a, \"b\"", u"山田 花子", u""})
            same(text);
        QTest::newRow("carriage return first") << QStringLiteral("\r=1") << QStringLiteral("\n=1");
        QTest::newRow("CRLF first") << QStringLiteral("\r\nx") << QStringLiteral("\nx");
        QTest::newRow("line feed first") << QStringLiteral("\n=1") << QStringLiteral("\n=1");
    }

    void readsWhatExportsWrite()
    {
        QFETCH(QString, text);
        QFETCH(QString, read);
        const QString file =
            QStringLiteral("a,b\r\n") + api::csvField(text) + QStringLiteral(",x\r\n");
        const auto table = CsvReader::read(file.toUtf8());
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        const Rows expected{{read, QStringLiteral("x")}};
        QCOMPARE(table.value().rows, expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("detail");

        QTest::newRow("empty") << QByteArray() << QStringLiteral("no header row");
        QTest::newRow("blank lines only")
            << QByteArray("\r\n,,\r\n") << QStringLiteral("no header row");
        QTest::newRow("unclosed quote") << QByteArray("a,b\n1,2\n\"3,4\n5,6\n")
                                        << QStringLiteral("starts on line 3 is never closed");
        QTest::newRow("value under no header")
            << QByteArray("a,b\n1,2,3\n") << QStringLiteral("Row 2 has a value in column 3");
        // 0x81 0x20 is no CP932 character, and no UTF-8.
        QTest::newRow("neither UTF-8 nor CP932")
            << QByteArray("a,b\n\x81\x20,x\n") << QStringLiteral("neither UTF-8 nor CP932");
        QTest::newRow("BOM then not UTF-8") << QByteArray("\xEF\xBB\xBF"
                                                          "a\n\x82\xA0\n")
                                            << QStringLiteral("neither UTF-8 nor CP932");
        QTest::newRow("CP932 cut in the middle of a character")
            << QByteArray("a\n\x82") << QStringLiteral("neither UTF-8 nor CP932");

        const QByteArray longCell(kImportMaxCellCharacters + 1, 'x');
        QTest::newRow("cell too long") << QByteArray("a\n" + longCell + "\n")
                                       << QStringLiteral("line 2 is longer than 10000 characters");
        QTest::newRow("quoted cell too long")
            << QByteArray("a\n\"" + longCell + "\"\n") << QStringLiteral("line 2 is longer");
        QByteArray wide;
        for (int column = 0; column <= api::kImportMaxColumns; ++column)
            wide += "h" + QByteArray::number(column) + ",";
        wide.chop(1);
        QTest::newRow("too many columns") << wide << QStringLiteral("more than 500 columns");
    }

    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, detail);
        const auto table = CsvReader::read(bytes);
        QVERIFY(!table);
        QVERIFY2(table.error().detail.contains(detail), qPrintable(table.error().detail));
        QCOMPARE(table.error().field, QStringLiteral("file"));
    }

    // Empty cells right of the last column read are what spreadsheets leave behind.
    void emptyCellsFarRightAreIgnored()
    {
        const QByteArray bytes = "a,b" + QByteArray(800, ',') + "\n1,2" + QByteArray(800, ',');
        const auto table = CsvReader::read(bytes);
        QVERIFY2(table, qPrintable(table ? QString() : table.error().detail));
        QCOMPARE(table.value().headers.size(), 2);
        QCOMPARE(table.value().rows, (Rows{{QStringLiteral("1"), QStringLiteral("2")}}));
    }

    void rowLimit()
    {
        QByteArray bytes = "a\n";
        for (int row = 0; row < api::kImportMaxRows; ++row)
            bytes += "x\n";
        const auto atLimit = CsvReader::read(bytes);
        QVERIFY(atLimit);
        QCOMPARE(atLimit.value().rows.size(), api::kImportMaxRows);
        bytes += "x\n";
        const auto overLimit = CsvReader::read(bytes);
        QVERIFY(!overLimit);
        QVERIFY(overLimit.error().detail.contains(QStringLiteral("more than 100000 data rows")));
    }

    void sizeLimit()
    {
        const QByteArray bytes(api::kImportMaxBytes + 1, 'a');
        const auto table = CsvReader::read(bytes);
        QVERIFY(!table);
        QVERIFY(table.error().detail.contains(QStringLiteral("larger than")));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
