#include "api/jsonparse.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonValue>
#include <QTest>

using namespace engage::api;

class TestJsonParse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void depthLimit_data();
    void depthLimit();
    void stringsDecodeExactly_data();
    void stringsDecodeExactly();
    void numbers_data();
    void numbers();
    void hugeStringParsesQuickly();
    void hugeHostileInputsFail_data();
    void hugeHostileInputsFail();
    void errorDoesNotEchoInput();
    void manyMembersParse();
    void duplicateKeysLastOneWins();
};

void TestJsonParse::accepts_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("size");

    QTest::newRow("empty object") << QByteArray("{}") << 0;
    QTest::newRow("whitespace around") << QByteArray(" \t\r\n{ }\n ") << 0;
    QTest::newRow("all value kinds")
        << QByteArray(R"({"s":"x","n":1.5,"i":-3,"t":true,"f":false,"z":null,"a":[1,[]],"o":{}})")
        << 8;
    QTest::newRow("utf8 text") << QByteArray("{\"name\":\"\xe5\xb1\xb1\xe7\x94\xb0\"}") << 1;
    QTest::newRow("4-byte utf8") << QByteArray("{\"e\":\"\xf0\x9f\x98\x80\"}") << 1;
    QTest::newRow("escaped NUL is valid JSON") << QByteArray(R"({"k":"a\u0000b"})") << 1;
    QTest::newRow("surrogate pair escape") << QByteArray(R"({"k":"\ud83d\ude00"})") << 1;
    QTest::newRow("nested at limit") << QByteArray(R"({"a":{"b":{"c":[1]}}})") << 1;
    // Leniencies of Qt's parser, documented in jsonparse.h: the parsed result
    // is one that valid JSON could also have produced.
    QTest::newRow("duplicate keys: the last one wins (Qt's parser)")
        << QByteArray(R"({"a":1,"b":2,"a":3})") << 2;
    QTest::newRow("duplicate keys nested: the last one wins (Qt's parser)")
        << QByteArray(R"({"o":{"k":1,"k":1}})") << 1;
    QTest::newRow("duplicate via escape: the last one wins (Qt's parser)")
        << QByteArray(R"({"a":1,"\u0061":2})") << 1;
    QTest::newRow("raw newline in string (Qt's parser)") << QByteArray("{\"a\":\"x\ny\"}") << 1;
    QTest::newRow("raw tab and CR in string (Qt's parser)")
        << QByteArray("{\"a\":\"x\ty\r\"}") << 1;
    QTest::newRow("unknown escape reads as the letter (Qt's parser)")
        << QByteArray(R"({"a":"\x41"})") << 1;
    QTest::newRow("bare dot (Qt's parser)") << QByteArray(R"({"a":1.})") << 1;
    QTest::newRow("no integer part (Qt's parser)") << QByteArray(R"({"a":.5})") << 1;
}

void TestJsonParse::accepts()
{
    QFETCH(QByteArray, body);
    QFETCH(int, size);
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY2(result.isOk(), qPrintable(result.isOk() ? QString() : result.error().detail));
    QCOMPARE(result.value().size(), size);
}

void TestJsonParse::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("offset"); // -1: checked on the parsed document, no offset

    // Byte checks of ours.
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("the body is empty") << 0;
    QTest::newRow("only whitespace")
        << QByteArray("  \n") << QStringLiteral("the body holds only whitespace") << 3;
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{}")
                         << QStringLiteral("a byte order mark is not allowed") << 0;
    QTest::newRow("trailing NUL") << QByteArray("{}\0", 3) << QStringLiteral("control character")
                                  << 2;
    QTest::newRow("NUL inside string")
        << QByteArray("{\"a\":\"x\0y\"}", 11) << QStringLiteral("control character") << 7;
    QTest::newRow("0x1f inside string")
        << QByteArray("{\"a\":\"x\x1fy\"}") << QStringLiteral("control character") << 7;
    QTest::newRow("control byte in key")
        << QByteArray("{\"a\x01\":1}") << QStringLiteral("control character") << 3;
    QTest::newRow("NUL between tokens")
        << QByteArray("{\0}", 3) << QStringLiteral("control character") << 1;
    QTest::newRow("vertical tab whitespace")
        << QByteArray("{\v}") << QStringLiteral("control character") << 1;
    // Parsed by Qt, but not an object.
    QTest::newRow("top-level array")
        << QByteArray("[]") << QStringLiteral("the body must be an object") << 0;
    QTest::newRow("top-level array after whitespace")
        << QByteArray(" [1]") << QStringLiteral("the body must be an object") << 0;
    // Qt 6 refuses a top-level scalar itself.
    QTest::newRow("top-level string")
        << QByteArray("\"x\"") << QStringLiteral("illegal value") << 1;
    QTest::newRow("top-level number") << QByteArray("42") << QStringLiteral("illegal value") << 1;
    QTest::newRow("top-level null") << QByteArray("null") << QStringLiteral("illegal value") << 1;
    // Refused by Qt's parser; the reason is QJsonParseError::errorString().
    QTest::newRow("trailing garbage")
        << QByteArray("{}x") << QStringLiteral("garbage at the end of the document") << 2;
    QTest::newRow("two objects") << QByteArray("{}{}")
                                 << QStringLiteral("garbage at the end of the document") << 2;
    QTest::newRow("invalid utf8 lone continuation")
        << QByteArray("{\"a\":\"\x80\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 overlong slash")
        << QByteArray("{\"a\":\"\xc0\xaf\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 overlong 3-byte")
        << QByteArray("{\"a\":\"\xe0\x80\xaf\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 encoded surrogate")
        << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 above U+10FFFF")
        << QByteArray("{\"a\":\"\xf4\x90\x80\x80\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 truncated")
        << QByteArray("{\"a\":\"\xe5\xb1\"}") << QStringLiteral("invalid UTF8 string") << 6;
    QTest::newRow("invalid utf8 in key")
        << QByteArray("{\"\xff\":1}") << QStringLiteral("invalid UTF8 string") << 2;
    QTest::newRow("latin1 byte outside string")
        << QByteArray("{\xe9}") << QStringLiteral("unterminated object") << 2;
    QTest::newRow("short unicode escape")
        << QByteArray(R"({"a":"\u12"})") << QStringLiteral("invalid escape sequence") << 10;
    QTest::newRow("unterminated string")
        << QByteArray(R"({"a":"abc)") << QStringLiteral("unterminated string") << 10;
    QTest::newRow("unterminated object")
        << QByteArray(R"({"a":1)") << QStringLiteral("invalid termination by number") << 6;
    QTest::newRow("trailing comma object")
        << QByteArray(R"({"a":1,})") << QStringLiteral("object is missing after a comma") << 8;
    QTest::newRow("trailing comma array")
        << QByteArray(R"({"a":[1,]})") << QStringLiteral("object is missing after a comma") << 9;
    QTest::newRow("single quotes")
        << QByteArray("{'a':1}") << QStringLiteral("unterminated object") << 2;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << QStringLiteral("unterminated object")
                                  << 2;
    QTest::newRow("comment") << QByteArray("{/* x */}") << QStringLiteral("unterminated object")
                             << 2;
    QTest::newRow("leading zero") << QByteArray(R"({"a":01})")
                                  << QStringLiteral("unterminated object") << 7;
    QTest::newRow("plus sign") << QByteArray(R"({"a":+1})") << QStringLiteral("illegal number")
                               << 5;
    QTest::newRow("empty exponent")
        << QByteArray(R"({"a":0.1e})") << QStringLiteral("illegal number") << 9;
    QTest::newRow("NaN") << QByteArray(R"({"a":NaN})") << QStringLiteral("illegal number") << 5;
    QTest::newRow("Infinity") << QByteArray(R"({"a":Infinity})") << QStringLiteral("illegal number")
                              << 5;
    QTest::newRow("huge exponent")
        << QByteArray(R"({"a":1e400})") << QStringLiteral("illegal number") << 10;
    QTest::newRow("huge negative")
        << QByteArray(R"({"a":-1e999})") << QStringLiteral("illegal number") << 11;
    QTest::newRow("underflow") << QByteArray(R"({"a":1e-400})") << QStringLiteral("illegal number")
                               << 11;
    QTest::newRow("truncated literal")
        << QByteArray(R"({"a":tru})") << QStringLiteral("illegal value") << 6;
    QTest::newRow("capital literal")
        << QByteArray(R"({"a":True})") << QStringLiteral("illegal number") << 5;
    QTest::newRow("missing colon")
        << QByteArray(R"({"a" 1})") << QStringLiteral("missing name separator") << 6;
    // Accepted by Qt's parser, refused by our walk over the document.
    QTest::newRow("lone high surrogate")
        << QByteArray(R"({"a":"\ud800"})")
        << QStringLiteral("a string holds an unpaired surrogate escape") << -1;
    QTest::newRow("lone low surrogate")
        << QByteArray(R"({"a":"\udc00"})")
        << QStringLiteral("a string holds an unpaired surrogate escape") << -1;
    QTest::newRow("reversed surrogates")
        << QByteArray(R"({"a":"\ude00\ud83d"})")
        << QStringLiteral("a string holds an unpaired surrogate escape") << -1;
    QTest::newRow("lone surrogate in key")
        << QByteArray(R"({"\ud800":1})")
        << QStringLiteral("a string holds an unpaired surrogate escape") << -1;
    QTest::newRow("lone surrogate in array")
        << QByteArray(R"({"a":[{"b":["\udfff"]}]})")
        << QStringLiteral("a string holds an unpaired surrogate escape") << -1;
}

void TestJsonParse::rejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QFETCH(int, offset);
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(!result.isOk());
    QCOMPARE(result.error().code, ProblemCode::MalformedJson);
    QVERIFY(result.error().field.isEmpty());
    const QString expected =
        offset < 0 ? QStringLiteral("Invalid JSON: %1").arg(reason)
                   : QStringLiteral("Invalid JSON at byte %1: %2").arg(offset).arg(reason);
    // The whole detail is known, so nothing of the input can be echoed in it.
    QCOMPARE(result.error().detail, expected + QLatin1Char('.'));
}

void TestJsonParse::depthLimit_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<bool>("ok");

    QTest::newRow("default limit reached") << 32 << 32 << true;
    QTest::newRow("default limit exceeded") << 33 << 32 << false;
    QTest::newRow("limit 1, flat object") << 1 << 1 << true;
    QTest::newRow("limit 1, one array") << 2 << 1 << false;
    QTest::newRow("zero clamps to 1") << 1 << 0 << true;
    QTest::newRow("huge limit capped") << kMaxJsonDepthCap + 1 << 1000000 << false;
    QTest::newRow("cap itself allowed") << kMaxJsonDepthCap << 1000000 << true;
}

void TestJsonParse::depthLimit()
{
    QFETCH(int, depth);
    QFETCH(int, maxDepth);
    QFETCH(bool, ok);
    // The object is depth 1; each array inside adds one.
    const QByteArray body = "{\"a\":" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') +
                            (depth > 1 ? "}" : "}");
    const QByteArray flat = depth == 1 ? QByteArray("{}") : body;
    const Result<QJsonObject> result = parseJsonObject(flat, maxDepth);
    QCOMPARE(result.isOk(), ok);
    if (!ok)
        QVERIFY(result.error().detail.contains(QLatin1String("too deep")));
}

void TestJsonParse::stringsDecodeExactly_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray(R"({"k":"abc"})") << QStringLiteral("abc");
    QTest::newRow("simple escapes")
        << QByteArray(R"({"k":"\"\\\/\b\f\n\r\t"})") << QStringLiteral("\"\\/\b\f\n\r\t");
    QTest::newRow("unicode escape")
        << QByteArray(R"({"k":"\u00e9\u5c71"})") << QString::fromUtf8("\xc3\xa9\xe5\xb1\xb1");
    QTest::newRow("surrogate pair")
        << QByteArray(R"({"k":"\uD83D\uDE00"})") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("mixed raw and escaped") << QByteArray("{\"k\":\"a\xe5\xb1\xb1\\n\xc3\xa9z\"}")
                                           << QString::fromUtf8("a\xe5\xb1\xb1\n\xc3\xa9z");
    QTest::newRow("escaped NUL kept") << QByteArray(R"({"k":"a\u0000b"})")
                                      << QString(QStringLiteral("a") % QChar(0) % QLatin1Char('b'));
}

void TestJsonParse::stringsDecodeExactly()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(result.isOk());
    QCOMPARE(result.value().value(QLatin1String("k")).toString(), expected);
}

void TestJsonParse::numbers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<double>("expected");

    QTest::newRow("zero") << QByteArray(R"({"n":0})") << 0.0;
    QTest::newRow("negative zero") << QByteArray(R"({"n":-0})") << 0.0;
    QTest::newRow("fraction") << QByteArray(R"({"n":-12.5})") << -12.5;
    QTest::newRow("exponent") << QByteArray(R"({"n":1E3})") << 1000.0;
    QTest::newRow("negative exponent") << QByteArray(R"({"n":25e-1})") << 2.5;
    QTest::newRow("beyond int64 falls back to double")
        << QByteArray(R"({"n":123456789012345678901234567890})") << 1.2345678901234568e29;
    QTest::newRow("smallest subnormal") << QByteArray(R"({"n":4.9e-324})") << 4.9e-324;
}

void TestJsonParse::numbers()
{
    QFETCH(QByteArray, body);
    QFETCH(double, expected);
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(result.isOk());
    const QJsonValue value = result.value().value(QLatin1String("n"));
    QVERIFY(value.isDouble());
    QCOMPARE(value.toDouble(), expected);
}

void TestJsonParse::hugeStringParsesQuickly()
{
    // A 10 MB string value is legal JSON; the parser must take it in linear
    // time (the service's body-size limit is what refuses it, not the parser).
    const qsizetype size = 10 * 1024 * 1024;
    const QByteArray body = "{\"big\":\"" + QByteArray(size, 'a') + "\"}";
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(result.isOk());
    QCOMPARE(result.value().value(QLatin1String("big")).toString().size(), size);
    QVERIFY2(timer.elapsed() < 20000, "10 MB string took too long");
}

void TestJsonParse::hugeHostileInputsFail_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");

    const QByteArray brackets(100000, '[');
    // Qt's parser stops at its own nesting limit (1024) before our walk runs.
    QTest::newRow("100000 brackets in object")
        << QByteArray("{\"a\":" + brackets) << QStringLiteral("too deeply nested document");
    QTest::newRow("100000 brackets top level")
        << brackets << QStringLiteral("too deeply nested document");
    QTest::newRow("100000 nested objects")
        << QByteArray("{\"a\":").repeated(100000) << QStringLiteral("too deeply nested document");
    QTest::newRow("10 MB string with invalid UTF-8 at the end")
        << QByteArray("{\"a\":\"" + QByteArray(10 * 1024 * 1024, 'a') + "\xff\"}")
        << QStringLiteral("invalid UTF8 string");
    QTest::newRow("10 MB unterminated string")
        << QByteArray("{\"a\":\"" + QByteArray(10 * 1024 * 1024, 'a'))
        << QStringLiteral("unterminated string");
    QTest::newRow("megabyte of digits")
        << QByteArray("{\"a\":1" + QByteArray(1024 * 1024, '0') + "}")
        << QStringLiteral("illegal number");
    QTest::newRow("10 MB of NUL bytes")
        << QByteArray(10 * 1024 * 1024, '\0') << QStringLiteral("control character");
    QTest::newRow("10 MB of whitespace")
        << QByteArray(10 * 1024 * 1024, ' ') << QStringLiteral("only whitespace");
    QTest::newRow("lone surrogate after 10 MB")
        << QByteArray("{\"a\":\"" + QByteArray(10 * 1024 * 1024, 'a') + "\\ud800\"}")
        << QStringLiteral("unpaired surrogate");
}

void TestJsonParse::hugeHostileInputsFail()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(!result.isOk());
    QCOMPARE(result.error().code, ProblemCode::MalformedJson);
    QVERIFY2(result.error().detail.startsWith(QLatin1String("Invalid JSON")),
             qPrintable(result.error().detail));
    QVERIFY2(result.error().detail.contains(reason), qPrintable(result.error().detail));
    QVERIFY(result.error().detail.size() < 200);
    QVERIFY(!result.error().detail.contains(QLatin1String("aaaa")));
    QVERIFY2(timer.elapsed() < 20000, "hostile input took too long");
}

void TestJsonParse::errorDoesNotEchoInput()
{
    const QByteArray body = R"({"secret":"hunter2-password" garbage})";
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(!result.isOk());
    QVERIFY(!result.error().detail.contains(QLatin1String("hunter2")));
    QVERIFY(!result.error().detail.contains(QLatin1String("garbage")));
    QVERIFY(!result.error().detail.contains(QLatin1String("secret")));
    // Qt's offset is where its parser stopped: just past the first byte it
    // could not accept (the 'g' of "garbage" is byte 29).
    QVERIFY2(result.error().detail.startsWith(QLatin1String("Invalid JSON at byte 30: ")),
             qPrintable(result.error().detail));
}

void TestJsonParse::manyMembersParse()
{
    // 200000 distinct members, inserted out of order: parse and walk stay fast.
    QByteArray body = "{";
    for (int i = 0; i < 200000; ++i) {
        if (i)
            body += ',';
        body += "\"k" + QByteArray::number((i * 7919) % 200000) + "\":" + QByteArray::number(i);
    }
    body += '}';
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonObject> result = parseJsonObject(body);
    QVERIFY(result.isOk());
    QCOMPARE(result.value().size(), 200000);
    QCOMPARE(result.value().value(QLatin1String("k7919")).toInteger(), 1);
    QVERIFY2(timer.elapsed() < 20000, "many members took too long");
}

void TestJsonParse::duplicateKeysLastOneWins()
{
    // Qt's parser keeps the last of duplicate members and cannot report them;
    // pinned here so that a change of Qt's behaviour shows up.
    const Result<QJsonObject> result = parseJsonObject(R"({"a":1,"b":2,"a":3})");
    QVERIFY(result.isOk());
    QCOMPARE(result.value().value(QLatin1String("a")).toInteger(), 3);
}

QTEST_GUILESS_MAIN(TestJsonParse)
#include "tst_jsonparse.moc"
