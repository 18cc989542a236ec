// ZipWriter read back by python3's zipfile, a reader it shares no code with:
// every entry's name (Japanese ones by the UTF-8 flag), content (CRC checked
// by testzip, bytes by SHA-256), method (deflate) and time; an empty entry,
// one that fills many output chunks (incompressible bytes) and a compressible
// one written in small pieces. Writing outside an entry fails and says why.

#include "externaltool.h"
#include "models/export/zipwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kReadZip = QStringLiteral(R"(
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    bad = archive.testzip()
    if bad is not None:
        sys.exit("bad entry: " + bad)
    print(json.dumps([{"name": info.filename,
                       "utf8": bool(info.flag_bits & 0x800),
                       "deflated": info.compress_type == zipfile.ZIP_DEFLATED,
                       "time": list(info.date_time),
                       "sha256": hashlib.sha256(archive.read(info)).hexdigest()}
                      for info in archive.infolist()]))
)");

struct Content
{
    QString name;
    QByteArray bytes;
    int pieces; // written in this many calls
};

} // namespace

class TestZipWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackInPython();
    void refusesWritesOutsideAnEntry();
};

void TestZipWriter::readsBackInPython()
{
    QByteArray noise(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator generator(9);
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    QByteArray text;
    for (int line = 0; line < 20000; ++line)
        text.append(QStringLiteral("社員%1, member-%1\n").arg(line).toUtf8());
    const QList<Content> contents{
        {QStringLiteral("members.xlsx"), noise, 1},
        {QStringLiteral("空.txt"), QByteArray(), 0},
        {QStringLiteral("日本語 テキスト.csv"), text, 97},
    };
    const QDateTime modified(QDate(2026, 11, 26), QTime(9, 41, 58));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("test.zip"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    ZipWriter zip(file);
    for (const Content &content : contents) {
        QVERIFY2(zip.beginEntry(content.name, modified), qPrintable(zip.errorString()));
        const qsizetype piece = content.pieces > 0 ? content.bytes.size() / content.pieces + 1 : 0;
        for (qsizetype at = 0; at < content.bytes.size(); at += piece) {
            const qsizetype size = std::min(piece, content.bytes.size() - at);
            QVERIFY2(zip.write(content.bytes.constData() + at, size),
                     qPrintable(zip.errorString()));
        }
        QVERIFY2(zip.endEntry(), qPrintable(zip.errorString()));
    }
    QVERIFY2(zip.finish(), qPrintable(zip.errorString()));
    file.close();
    // The text deflates, the noise does not grow much.
    QVERIFY(file.size() < noise.size() + text.size() / 2);

    const ToolResult read =
        runTool(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), kReadZip, path});
    QVERIFY2(read.succeeded(), qPrintable(read.describe()));
    const QJsonArray entries = QJsonDocument::fromJson(read.standardOutput).array();
    QCOMPARE(entries.size(), contents.size());
    for (qsizetype i = 0; i < contents.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const Content &content = contents.at(i);
        QCOMPARE(entry[u"name"].toString(), content.name);
        QVERIFY(entry[u"utf8"].toBool());
        QVERIFY(entry[u"deflated"].toBool());
        QCOMPARE(entry[u"time"].toArray(), QJsonArray({2026, 11, 26, 9, 41, 58}));
        QCOMPARE(entry[u"sha256"].toString().toLatin1(),
                 QCryptographicHash::hash(content.bytes, QCryptographicHash::Sha256).toHex());
    }
}

void TestZipWriter::refusesWritesOutsideAnEntry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("refused.zip")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    ZipWriter zip(file);
    QVERIFY(!zip.write("x", 1));
    QVERIFY(!zip.errorString().isEmpty());
    // Nothing more is written once it failed.
    QVERIFY(!zip.beginEntry(QStringLiteral("a.txt"), QDateTime::currentDateTime()));
    QVERIFY(!zip.finish());
}

QTEST_GUILESS_MAIN(TestZipWriter)
#include "tst_zipwriter.moc"
