// The workbooks ModelExporter writes, read back by readers we did not write:
// openpyxl (values, types, number formats, frozen panes, filters, widths,
// colour scales, charts) and LibreOffice (the values as a spreadsheet shows them).
#include "exporttestsupport.h"
#include "models/export/modelexporter.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace engage::models;
using namespace engage::test;

namespace {

const QString kJapaneseTitle = QStringLiteral("株式会社サクラフーズ営業本部");

struct Row
{
    QString code;
    QString name;
    QVariant score;
    double rate;
    QDate joined;
    QDateTime updated;
    bool active;
    QString hinted; // a number spelled as text, its column declared Number
};

QList<Row> sampleRows()
{
    const QDateTime updated(QDate(2024, 5, 1), QTime(9, 30), QTimeZone::utc());
    return {
        {QStringLiteral("E001"), QStringLiteral("髙橋 一郎"), 72.5, 0.725, QDate(2020, 4, 1),
         updated, true, QStringLiteral("0.5")},
        {QStringLiteral("=1+2"), QStringLiteral("Emma Clark"), -3, 0.05, QDate(1999, 12, 31),
         updated.addDays(1), false, QStringLiteral("12")},
        {QStringLiteral("@SUM(A1)"), kJapaneseTitle, 0, 1.0, QDate(2024, 2, 29),
         updated.addSecs(3600), true, QStringLiteral("-4.25")},
        {QStringLiteral("-5"), QStringLiteral("山﨑 花子"), 1234567.891, 0.333, QDate(2010, 1, 1),
         updated.addDays(-30), false, QStringLiteral("1e3")},
        {QStringLiteral("+81 3 1234"), QStringLiteral("Zoë O'Brien, \"Jr.\""), QVariant(), 0.0,
         QDate(1900, 3, 1), updated.addDays(400), true, QStringLiteral("7")},
        {QStringLiteral("00123"), QStringLiteral("佐藤\n二行目"), 1e-7, 0.999, QDate(2038, 1, 19),
         updated.addDays(5000), false, QStringLiteral("0")},
    };
}

QStringList sampleHeaders()
{
    return {QStringLiteral("社員番号"),      QStringLiteral("Name"),   QStringLiteral("Score"),
            QStringLiteral("Response rate"), QStringLiteral("Joined"), QStringLiteral("Updated"),
            QStringLiteral("Active"),        QStringLiteral("Hinted")};
}

void fill(QStandardItemModel &model)
{
    const QList<Row> rows = sampleRows();
    model.setColumnCount(int(sampleHeaders().size()));
    model.setHorizontalHeaderLabels(sampleHeaders());
    model.setHeaderData(7, Qt::Horizontal, int(CellFormat::Number), ExportFormatRole);
    for (const Row &row : rows) {
        QList<QStandardItem *> items;
        const auto item = [&items](const QVariant &display) {
            auto *cell = new QStandardItem;
            cell->setData(display, Qt::DisplayRole);
            items.append(cell);
            return cell;
        };
        item(row.code);
        item(row.name);
        item(row.score);
        // What a view shows is formatted; the number sits in a role of its own.
        item(QStringLiteral("%1 %").arg(row.rate * 100, 0, 'f', 1))
            ->setData(row.rate, Qt::UserRole + 1);
        item(row.joined);
        item(row.updated);
        item(row.active);
        item(row.hinted);
        model.appendRow(items);
    }
}

ExportSheet membersSheet(const QStandardItemModel &model)
{
    ExportSheet sheet;
    sheet.title = QStringLiteral("Members");
    sheet.model = &model;
    sheet.columns.insert(3, {Qt::UserRole + 1, CellFormat::Percent});
    return sheet;
}

ExportCover sampleCover()
{
    ExportCover cover;
    cover.tenant = QStringLiteral("さくらフーズ");
    cover.filters = QStringLiteral("部署: 営業");
    cover.exportedAt = QDateTime(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
    cover.asOf = cover.exportedAt.addSecs(-600);
    cover.anonymityThreshold = 5;
    return cover;
}

QJsonObject cell(const QJsonObject &sheet, int row, int column)
{
    return sheet[u"rows"].toArray().at(row).toArray().at(column).toObject();
}

// openpyxl's datetime in ISO form, as the workbook holds local wall-clock time.
QString localIso(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

} // namespace

class TstXlsxExport final : public QObject
{
    Q_OBJECT

private:
    // Runs one export to its end; the workbook as openpyxl reads it.
    QJsonObject exported(const QString &name, const QList<ExportSheet> &sheets,
                         const std::optional<ExportCover> &cover, qint64 rowsPerSheet = 0)
    {
        ModelExporter exporter;
        if (rowsPerSheet > 0)
            exporter.setDataRowsPerSheet(rowsPerSheet);
        QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
        QSignalSpy failed(&exporter, &ModelExporter::exportFailed);
        const QString path = m_dir.filePath(name);
        if (!exporter.startXlsx(path, sheets, cover)) {
            qWarning("the export did not start");
            return {};
        }
        if (!finished.wait(60000)) {
            qWarning() << "no exportFinished:" << failed;
            return {};
        }
        QString error;
        const QJsonObject workbook = readWorkbook(path, &error);
        if (workbook.isEmpty())
            qWarning() << "openpyxl:" << error;
        return workbook;
    }

    QTemporaryDir m_dir;
    QStandardItemModel m_model;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        fill(m_model);
    }

    void valuesTypesAndFormats()
    {
        const QJsonObject workbook =
            exported(QStringLiteral("values.xlsx"), {membersSheet(m_model)}, sampleCover());
        const QJsonArray sheets = workbook[u"sheets"].toArray();
        QCOMPARE(sheets.size(), 2);
        const QJsonObject members = sheets.at(1).toObject();
        QCOMPARE(members[u"name"].toString(), QStringLiteral("Members"));
        const QList<Row> rows = sampleRows();
        QCOMPARE(members[u"rows"].toArray().size(), rows.size() + 1);

        const QStringList headers = sampleHeaders();
        for (int column = 0; column < headers.size(); ++column) {
            QCOMPARE(cell(members, 0, column)[u"t"].toString(), QStringLiteral("s"));
            QCOMPARE(cell(members, 0, column)[u"v"].toString(), headers.at(column));
        }
        for (int i = 0; i < rows.size(); ++i) {
            const Row &row = rows.at(i);
            const int r = i + 1;
            // Text stays text, formula-like or not, without an apostrophe.
            QCOMPARE(cell(members, r, 0)[u"t"].toString(), QStringLiteral("s"));
            QCOMPARE(cell(members, r, 0)[u"v"].toString(), row.code);
            QCOMPARE(cell(members, r, 1)[u"t"].toString(), QStringLiteral("s"));
            QCOMPARE(cell(members, r, 1)[u"v"].toString(), row.name);
            if (row.score.isValid()) {
                QCOMPARE(cell(members, r, 2)[u"t"].toString(), QStringLiteral("n"));
                QCOMPARE(cell(members, r, 2)[u"v"].toDouble(), row.score.toDouble());
                QCOMPARE(cell(members, r, 2)[u"fmt"].toString(), QStringLiteral("General"));
            } else {
                QCOMPARE(cell(members, r, 2)[u"t"].toString(), QStringLiteral("e"));
            }
            QCOMPARE(cell(members, r, 3)[u"t"].toString(), QStringLiteral("n"));
            QCOMPARE(cell(members, r, 3)[u"v"].toDouble(), row.rate);
            QCOMPARE(cell(members, r, 3)[u"fmt"].toString(), QStringLiteral("0.0%"));
            QCOMPARE(cell(members, r, 4)[u"t"].toString(), QStringLiteral("d"));
            QCOMPARE(cell(members, r, 4)[u"v"].toString(),
                     row.joined.toString(Qt::ISODate) + QStringLiteral("T00:00:00"));
            QCOMPARE(cell(members, r, 4)[u"fmt"].toString(), QStringLiteral("yyyy-mm-dd"));
            QCOMPARE(cell(members, r, 5)[u"t"].toString(), QStringLiteral("d"));
            QCOMPARE(cell(members, r, 5)[u"v"].toString(), localIso(row.updated));
            QCOMPARE(cell(members, r, 5)[u"fmt"].toString(), QStringLiteral("yyyy-mm-dd hh:mm"));
            QCOMPARE(cell(members, r, 6)[u"t"].toString(), QStringLiteral("b"));
            QCOMPARE(cell(members, r, 6)[u"v"].toBool(), row.active);
            // Declared Number by the model's header role: text read as a number.
            QCOMPARE(cell(members, r, 7)[u"t"].toString(), QStringLiteral("n"));
            QCOMPARE(cell(members, r, 7)[u"v"].toDouble(), row.hinted.toDouble());
        }
    }

    void finishedLook()
    {
        const QJsonObject workbook =
            exported(QStringLiteral("look.xlsx"), {membersSheet(m_model)}, sampleCover());
        const QJsonArray sheets = workbook[u"sheets"].toArray();
        QCOMPARE(sheets.size(), 2);

        const QJsonObject members = sheets.at(1).toObject();
        QCOMPARE(members[u"freeze"].toString(), QStringLiteral("A2"));
        QCOMPARE(members[u"autofilter"].toString(), QStringLiteral("A1:H7"));
        const QJsonObject widths = members[u"widths"].toObject();
        QCOMPARE(widths.size(), sampleHeaders().size());
        for (const QString &column : widths.keys())
            QVERIFY2(widths[column].toDouble() > 0, qPrintable(column));
        // The widest name is 14 kanji and kana: 28 character cells, not 14.
        QVERIFY2(widths[u"B"].toDouble() >= 28,
                 qPrintable(QString::number(widths[u"B"].toDouble())));
        QVERIFY(widths[u"B"].toDouble() > widths[u"G"].toDouble());
        QVERIFY(members[u"charts"].toArray().isEmpty());

        // The cover sheet first, in the UI language (English: no translator here).
        const QJsonObject cover = sheets.at(0).toObject();
        QCOMPARE(cover[u"name"].toString(), QStringLiteral("About this export"));
        const ExportCover expected = sampleCover();
        QCOMPARE(cell(cover, 0, 0)[u"v"].toString(), QStringLiteral("Tenant"));
        QCOMPARE(cell(cover, 0, 1)[u"v"].toString(), expected.tenant);
        QCOMPARE(cell(cover, 1, 0)[u"v"].toString(), QStringLiteral("Filters"));
        QCOMPARE(cell(cover, 1, 1)[u"v"].toString(), expected.filters);
        QCOMPARE(cell(cover, 2, 1)[u"t"].toString(), QStringLiteral("d"));
        QCOMPARE(cell(cover, 2, 1)[u"v"].toString(), localIso(expected.exportedAt));
        QCOMPARE(cell(cover, 3, 1)[u"t"].toString(), QStringLiteral("d"));
        QCOMPARE(cell(cover, 3, 1)[u"v"].toString(), localIso(expected.asOf));
        QCOMPARE(cell(cover, 4, 1)[u"t"].toString(), QStringLiteral("n"));
        QCOMPARE(cell(cover, 4, 1)[u"v"].toInt(), expected.anonymityThreshold);
        // Nothing was cut: no line about it.
        QCOMPARE(cover[u"rows"].toArray().size(), 5);
    }

    // A cover that must not be the first sheet (the importer reads the first).
    void coverLast()
    {
        ExportCover cover = sampleCover();
        cover.last = true;
        const QJsonArray sheets =
            exported(QStringLiteral("last.xlsx"), {membersSheet(m_model)}, cover)[u"sheets"]
                .toArray();
        QCOMPARE(sheets.size(), 2);
        QCOMPARE(sheets.at(0).toObject()[u"name"].toString(), QStringLiteral("Members"));
        QCOMPARE(sheets.at(1).toObject()[u"name"].toString(), QStringLiteral("About this export"));
    }

    void heatmapAndCharts()
    {
        QStandardItemModel trend;
        trend.setHorizontalHeaderLabels({QStringLiteral("Round"), QStringLiteral("Engagement"),
                                         QStringLiteral("Growth"), QStringLiteral("Recognition")});
        for (int round = 0; round < 4; ++round) {
            QList<QStandardItem *> items{
                new QStandardItem(QStringLiteral("2024-Q%1").arg(round + 1))};
            for (int factor = 0; factor < 3; ++factor) {
                auto *score = new QStandardItem;
                score->setData(60.0 + round * 2 + factor * 5, Qt::DisplayRole);
                items.append(score);
            }
            trend.appendRow(items);
        }
        ExportSheet sheet;
        sheet.title = QStringLiteral("Trend (推移)");
        sheet.model = &trend;
        sheet.colourScale = ColourScale{1, 3};
        sheet.charts = {
            {ExportChart::Kind::Line, QStringLiteral("Engagement over time"), 0, {1, 2}},
            {ExportChart::Kind::Bar, QStringLiteral("Factors"), 0, {1, 2, 3}}};
        const QJsonArray sheets =
            exported(QStringLiteral("charts.xlsx"), {sheet}, std::nullopt)[u"sheets"].toArray();
        QCOMPARE(sheets.size(), 1);
        const QJsonObject written = sheets.at(0).toObject();
        QCOMPARE(written[u"name"].toString(), QStringLiteral("Trend (推移)"));

        const QJsonArray conditional = written[u"conditional"].toArray();
        QCOMPARE(conditional.size(), 1);
        QCOMPARE(conditional.at(0)[u"range"].toString(), QStringLiteral("B2:D5"));
        QCOMPARE(conditional.at(0)[u"types"].toArray(), QJsonArray{QStringLiteral("colorScale")});

        const QJsonArray charts = written[u"charts"].toArray();
        QCOMPARE(charts.size(), 2);
        QCOMPARE(charts.at(0)[u"type"].toString(), QStringLiteral("LineChart"));
        QCOMPARE(charts.at(0)[u"series"].toInt(), 2);
        QCOMPARE(charts.at(0)[u"refs"].toArray().at(0).toString(),
                 QStringLiteral("'Trend (推移)'!$B$2:$B$5"));
        QCOMPARE(charts.at(1)[u"type"].toString(), QStringLiteral("BarChart"));
        QCOMPARE(charts.at(1)[u"series"].toInt(), 3);
    }

    // LibreOffice shows the same values, in the same formats, as the model.
    void libreOfficeReadsTheValues()
    {
        const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
        if (soffice.isEmpty())
            QSKIP("soffice (Debian libreoffice-calc-nogui) is not installed");
        const QString path = m_dir.filePath(QStringLiteral("office.xlsx"));
        {
            ModelExporter exporter;
            QSignalSpy finished(&exporter, &ModelExporter::exportFinished);
            QVERIFY(exporter.startXlsx(path, {membersSheet(m_model)}, std::nullopt));
            QVERIFY(finished.wait(60000));
        }
        const QString out = m_dir.filePath(QStringLiteral("office"));
        const ToolResult converted = runTool(
            soffice,
            {QStringLiteral("--headless"),
             QStringLiteral("-env:UserInstallation=file://") + m_dir.filePath(QStringLiteral("lo")),
             QStringLiteral("--convert-to"),
             QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"),
             QStringLiteral("--outdir"), out, path},
            {}, 180000);
        QVERIFY2(converted.succeeded(), qPrintable(converted.describe()));
        QFile csv(out + QStringLiteral("/office.csv"));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(converted.describe()));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(csv.readAll()));
        const QList<Row> rows = sampleRows();
        QCOMPARE(records.size(), rows.size() + 1);
        QCOMPARE(records.at(0), sampleHeaders());
        for (int i = 0; i < rows.size(); ++i) {
            const Row &row = rows.at(i);
            const QStringList &record = records.at(i + 1);
            QCOMPARE(record.size(), sampleHeaders().size());
            QCOMPARE(record.at(0), row.code);
            QCOMPARE(record.at(1), row.name);
            if (row.score.isValid())
                QCOMPARE(record.at(2).toDouble(), row.score.toDouble());
            else
                QCOMPARE(record.at(2), QString());
            QCOMPARE(record.at(3), QStringLiteral("%1%").arg(row.rate * 100, 0, 'f', 1));
            QCOMPARE(record.at(4), row.joined.toString(Qt::ISODate));
            QCOMPARE(record.at(5),
                     row.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            QCOMPARE(record.at(6), row.active ? QStringLiteral("TRUE") : QStringLiteral("FALSE"));
            QCOMPARE(record.at(7).toDouble(), row.hinted.toDouble());
        }
    }

    void continuesOnFurtherSheets()
    {
        GeneratedModel model(8);
        ExportSheet sheet;
        sheet.title = QStringLiteral("Data");
        sheet.model = &model;
        const QJsonArray sheets =
            exported(QStringLiteral("parts.xlsx"), {sheet}, std::nullopt, 3)[u"sheets"].toArray();
        QCOMPARE(sheets.size(), 3);
        const QStringList names{QStringLiteral("Data"), QStringLiteral("Data (2)"),
                                QStringLiteral("Data (3)")};
        const QStringList filters{QStringLiteral("A1:D4"), QStringLiteral("A1:D4"),
                                  QStringLiteral("A1:D3")};
        int expectedRow = 0;
        for (int part = 0; part < 3; ++part) {
            const QJsonObject written = sheets.at(part).toObject();
            QCOMPARE(written[u"name"].toString(), names.at(part));
            QCOMPARE(written[u"freeze"].toString(), QStringLiteral("A2"));
            QCOMPARE(written[u"autofilter"].toString(), filters.at(part));
            QCOMPARE(cell(written, 0, 0)[u"v"].toString(), QStringLiteral("Column 1"));
            const QJsonArray rows = written[u"rows"].toArray();
            for (int r = 1; r < rows.size(); ++r)
                QCOMPARE(cell(written, r, 0)[u"v"].toInt(), expectedRow++);
        }
        QCOMPARE(expectedRow, 8);
    }

    void hostileInput()
    {
        QStandardItemModel texts;
        texts.setHorizontalHeaderLabels({QStringLiteral("Text")});
        const QString longJapanese = QString(40000, QChar(0x8A9E));
        QString emoji;
        for (int i = 0; i < 20000; ++i)
            emoji += QString::fromUcs4(U"\U0001F600", 1);
        const QString control = QStringLiteral("bell\a and tab\t end");
        for (const QString &text : {longJapanese, emoji, control})
            texts.appendRow(new QStandardItem(text));

        QStandardItemModel empty;
        empty.setHorizontalHeaderLabels(
            {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
        QStandardItemModel nothing;

        const auto sheet = [](const QString &title, const QStandardItemModel &model) {
            ExportSheet s;
            s.title = title;
            s.model = &model;
            return s;
        };
        const QJsonObject workbook = exported(
            QStringLiteral("hostile.xlsx"),
            {sheet(QStringLiteral("Q1/Q2 [draft]: *?\\"), texts),
             sheet(QStringLiteral("History"), empty), sheet(QStringLiteral("Same"), nothing),
             sheet(QStringLiteral("same"), empty),
             sheet(QStringLiteral("'A very long sheet title that Excel would refuse'"), empty),
             sheet(QString(), empty)},
            sampleCover());
        const QJsonArray sheets = workbook[u"sheets"].toArray();
        QCOMPARE(sheets.size(), 7);
        QStringList names;
        for (const QJsonValue &written : sheets)
            names.append(written[u"name"].toString());
        QCOMPARE(names,
                 (QStringList{
                     QStringLiteral("About this export"), QStringLiteral("Q1_Q2 _draft__ ___"),
                     QStringLiteral("History 2"), QStringLiteral("Same"), QStringLiteral("same 2"),
                     QStringLiteral("A very long sheet title that Ex"), QStringLiteral("Sheet")}));

        const QJsonObject textSheet = sheets.at(1).toObject();
        const QString cut = cell(textSheet, 1, 0)[u"v"].toString();
        QCOMPARE(cut.size(), 32767);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QCOMPARE(cut.left(32766), longJapanese.left(32766));
        // 20,000 characters, 40,000 UTF-16 units: cut whole, never half a pair.
        const QString cutEmoji = cell(textSheet, 2, 0)[u"v"].toString();
        QVERIFY(cutEmoji.size() <= 32767);
        QVERIFY(cutEmoji.endsWith(QChar(0x2026)));
        QVERIFY(cutEmoji.chopped(1).isValidUtf16());
        QCOMPARE(cell(textSheet, 3, 0)[u"t"].toString(), QStringLiteral("s"));
        QVERIFY(cell(textSheet, 3, 0)[u"v"].toString().startsWith(QStringLiteral("bell")));
        QVERIFY(cell(textSheet, 3, 0)[u"v"].toString().endsWith(QStringLiteral("tab\t end")));

        // The cover counts the cut texts.
        const QJsonObject cover = sheets.at(0).toObject();
        QCOMPARE(cover[u"rows"].toArray().size(), 6);
        QCOMPARE(cell(cover, 5, 1)[u"v"].toInt(), 2);

        // A model without rows: its header, frozen and filtered; without columns: an empty sheet.
        const QJsonObject headerOnly = sheets.at(2).toObject();
        QCOMPARE(headerOnly[u"rows"].toArray().size(), 1);
        QCOMPARE(headerOnly[u"autofilter"].toString(), QStringLiteral("A1:C1"));
        QCOMPARE(headerOnly[u"freeze"].toString(), QStringLiteral("A2"));
        const QJsonObject blank = sheets.at(3).toObject();
        QVERIFY(blank[u"autofilter"].isNull());
    }
};

QTEST_MAIN(TstXlsxExport)
#include "tst_xlsxexport.moc"
