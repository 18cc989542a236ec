#include "api/id.h"
#include "api/person.h"
#include "api/plan.h"
#include "api/role.h"
#include "api/timestamp.h"
#include "api/validators.h"

#include <QTest>

using namespace engage::api;

namespace {

// Builds strings from UTF-8 so that tables can hold any Unicode text.
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// Every validator failure is an InvalidField with an English detail and no field.
void checkVerdict(const std::optional<Error> &error, bool valid)
{
    QCOMPARE(!error.has_value(), valid);
    if (error) {
        QCOMPARE(error->code, ProblemCode::InvalidField);
        QVERIFY(error->field.isEmpty());
        QVERIFY(!error->detail.isEmpty());
    }
}

} // namespace

class TestValidators final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void email_data();
    void email();
    void slug_data();
    void slug();
    void password_data();
    void password();
    void displayName_data();
    void displayName();
    void text_data();
    void text();
    void characterCount_data();
    void characterCount();
    void normalizedText_data();
    void normalizedText();
    void id_data();
    void id();
    void createdIdsAreValidAndDistinct();
    void token_data();
    void token();
    void date_data();
    void date();
    void dateTime_data();
    void dateTime();
    void dateTimeFormat_data();
    void dateTimeFormat();
    void enumNames_data();
    void enumNames();
    void detailNeverEchoesValue();
    void fieldPrefix_data();
    void fieldPrefix();
};

void TestValidators::email_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u8("hana@example.com") << true;
    QTest::newRow("subdomain") << u8("a.b@mail.example.co.jp") << true;
    QTest::newRow("plus tag") << u8("hana+survey@example.com") << true;
    QTest::newRow("atext specials") << u8("!#$%&'*+/=?^_`{|}~-@example.com") << true;
    QTest::newRow("upper case") << u8("Hana@Example.COM") << true;
    QTest::newRow("IDN domain unicode") << u8("info@\xe4\xbe\x8b\xe3\x81\x88.jp") << true;
    QTest::newRow("IDN domain ACE") << u8("info@xn--r8jz45g.jp") << true;
    QTest::newRow("unicode local part") << u8("\xe5\xb1\xb1\xe7\x94\xb0@example.jp") << true;
    QTest::newRow("hyphenated domain") << u8("x@my-company.example") << true;
    QTest::newRow("local 64") << QString(QString(64, QLatin1Char('a')) % u8("@example.com"))
                              << true;
    QTest::newRow("local 65") << QString(QString(65, QLatin1Char('a')) % u8("@example.com"))
                              << false;
    QTest::newRow("total 254") << QString(QString(64, QLatin1Char('a')) % u8("@") %
                                          QString(63, QLatin1Char('b')) % u8(".") %
                                          QString(63, QLatin1Char('c')) % u8(".") %
                                          QString(57, QLatin1Char('d')) % u8(".com"))
                               << true;
    QTest::newRow("total 255") << QString(QString(64, QLatin1Char('a')) % u8("@") %
                                          QString(63, QLatin1Char('b')) % u8(".") %
                                          QString(63, QLatin1Char('c')) % u8(".") %
                                          QString(58, QLatin1Char('d')) % u8(".com"))
                               << false;
    QTest::newRow("label 64") << QString(u8("a@") % QString(64, QLatin1Char('b')) % u8(".com"))
                              << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no at") << u8("hana.example.com") << false;
    QTest::newRow("two ats") << u8("a@b@example.com") << false;
    QTest::newRow("empty local") << u8("@example.com") << false;
    QTest::newRow("empty domain") << u8("hana@") << false;
    QTest::newRow("single label domain") << u8("hana@localhost") << false;
    QTest::newRow("numeric tld") << u8("hana@10.0.0.1") << false;
    QTest::newRow("address literal") << u8("hana@[10.0.0.1]") << false;
    QTest::newRow("leading dot local") << u8(".hana@example.com") << false;
    QTest::newRow("trailing dot local") << u8("hana.@example.com") << false;
    QTest::newRow("double dot local") << u8("ha..na@example.com") << false;
    QTest::newRow("double dot domain") << u8("hana@example..com") << false;
    QTest::newRow("trailing dot domain") << u8("hana@example.com.") << false;
    QTest::newRow("label starts with hyphen") << u8("hana@-example.com") << false;
    QTest::newRow("label ends with hyphen") << u8("hana@example-.com") << false;
    QTest::newRow("underscore in domain") << u8("hana@ex_ample.com") << false;
    QTest::newRow("space inside") << u8("ha na@example.com") << false;
    QTest::newRow("leading space") << u8(" hana@example.com") << false;
    QTest::newRow("ideographic space") << u8("hana\xe3\x80\x80@example.com") << false;
    QTest::newRow("tab") << u8("hana\t@example.com") << false;
    QTest::newRow("newline injection") << u8("hana@example.com\nBcc: x@evil.com") << false;
    QTest::newRow("NUL") << QString(u8("hana") % QChar(0) % u8("@example.com")) << false;
    QTest::newRow("DEL") << u8("hana\x7f@example.com") << false;
    QTest::newRow("quoted local part") << u8("\"ha na\"@example.com") << false;
    QTest::newRow("comment") << u8("hana(x)@example.com") << false;
    QTest::newRow("bidi override") << u8("hana\xe2\x80\xae@example.com") << false;
    QTest::newRow("lone surrogate")
        << QString(u8("hana") % QChar(0xD800) % u8("@example.com")) << false;
    QTest::newRow("10 MB") << QString(QString(10 * 1024 * 1024, QLatin1Char('a')) %
                                      u8("@example.com"))
                           << false;
}

void TestValidators::email()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    checkVerdict(validateEmail(email), valid);
}

void TestValidators::slug_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u8("acme") << true;
    QTest::newRow("digits and hyphen") << u8("acme-2024") << true;
    QTest::newRow("min 3") << u8("abc") << true;
    QTest::newRow("max 40") << QString(40, QLatin1Char('a')) << true;
    QTest::newRow("too short") << u8("ab") << false;
    QTest::newRow("too long") << QString(41, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading hyphen") << u8("-acme") << false;
    QTest::newRow("trailing hyphen") << u8("acme-") << false;
    QTest::newRow("upper case") << u8("Acme") << false;
    QTest::newRow("underscore") << u8("ac_me") << false;
    QTest::newRow("dot") << u8("ac.me") << false;
    QTest::newRow("space") << u8("ac me") << false;
    QTest::newRow("slash traversal") << u8("../etc") << false;
    QTest::newRow("non ascii") << u8("\xc3\xa9t\xc3\xa9") << false;
    QTest::newRow("fullwidth letters") << u8("\xef\xbd\x81\xef\xbd\x82\xef\xbd\x83") << false;
}

void TestValidators::slug()
{
    QFETCH(QString, slug);
    QFETCH(bool, valid);
    checkVerdict(validateTenantSlug(slug), valid);
}

void TestValidators::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("valid");

    QTest::newRow("8 ascii") << u8("abcdefgh") << true;
    QTest::newRow("7 ascii") << u8("abcdefg") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("128") << QString(128, QLatin1Char('x')) << true;
    QTest::newRow("129") << QString(129, QLatin1Char('x')) << false;
    QTest::newRow("spaces allowed") << u8("correct horse battery staple") << true;
    QTest::newRow("leading and trailing spaces kept") << u8("  padded  ") << true;
    QTest::newRow("only spaces") << QString(8, QLatin1Char(' ')) << true;
    QTest::newRow("japanese 8 chars")
        << u8("\xe3\x81\x82\xe3\x81\x84\xe3\x81\x86\xe3\x81\x88\xe3\x81\x8a\xe3\x81\x8b\xe3\x81"
              "\x8d\xe3\x81\x8f")
        << true;
    // Four emoji are eight UTF-16 units but only four characters.
    QTest::newRow("4 emoji are 4 characters")
        << u8("\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80") << false;
    QTest::newRow("128 emoji") << QString(u8("\xf0\x9f\x98\x80").repeated(128)) << true;
    QTest::newRow("129 emoji") << QString(u8("\xf0\x9f\x98\x80").repeated(129)) << false;
    QTest::newRow("NUL") << QString(u8("abcd") % QChar(0) % u8("efgh")) << false;
    QTest::newRow("newline") << u8("abcd\nefgh") << false;
    QTest::newRow("lone surrogate") << QString(u8("abcdefg") % QChar(0xDC00)) << false;
    QTest::newRow("10 MB") << QString(10 * 1024 * 1024, QLatin1Char('x')) << false;
}

void TestValidators::password()
{
    QFETCH(QString, password);
    QFETCH(bool, valid);
    checkVerdict(validatePassword(password), valid);
}

void TestValidators::displayName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u8("Hana Yamada") << true;
    QTest::newRow("japanese") << u8("\xe5\xb1\xb1\xe7\x94\xb0 \xe8\x8a\xb1") << true;
    QTest::newRow("one char") << u8("A") << true;
    QTest::newRow("100 chars") << QString(100, QLatin1Char('n')) << true;
    QTest::newRow("101 chars") << QString(101, QLatin1Char('n')) << false;
    QTest::newRow("100 emoji") << QString(u8("\xf0\x9f\x98\x80").repeated(100)) << true;
    QTest::newRow("emoji with ZWJ")
        << u8("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb Dev") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("only spaces") << u8("   ") << false;
    QTest::newRow("leading space") << u8(" Hana") << false;
    QTest::newRow("trailing space") << u8("Hana ") << false;
    QTest::newRow("ideographic space trailing") << u8("Hana\xe3\x80\x80") << false;
    QTest::newRow("newline") << u8("Hana\nYamada") << false;
    QTest::newRow("tab") << u8("Hana\tYamada") << false;
    QTest::newRow("NUL") << QString(u8("Ha") % QChar(0) % u8("na")) << false;
    QTest::newRow("C1 control") << u8("Ha\xc2\x85na") << false;
    QTest::newRow("line separator") << u8("Ha\xe2\x80\xa8na") << false;
    QTest::newRow("bidi override") << u8("Ha\xe2\x80\xaena") << false;
    QTest::newRow("bidi isolate") << u8("Ha\xe2\x81\xa6na") << false;
    QTest::newRow("lone surrogate") << QString(u8("Ha") % QChar(0xD83D)) << false;
    QTest::newRow("10 MB") << QString(10 * 1024 * 1024, QLatin1Char('n')) << false;
}

void TestValidators::displayName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    checkVerdict(validateDisplayName(name), valid);
    // A tenant name follows the same rule.
    checkVerdict(validateTenantName(name), valid);
}

void TestValidators::text_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<bool>("requireTrimmed");
    QTest::addColumn<bool>("allowLineBreaks");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty allowed") << QString() << 0 << 10 << true << false << true;
    QTest::newRow("empty refused") << QString() << 1 << 10 << true << false << false;
    QTest::newRow("at max") << u8("0123456789") << 0 << 10 << true << false << true;
    QTest::newRow("over max") << u8("0123456789x") << 0 << 10 << true << false << false;
    QTest::newRow("untrimmed refused") << u8(" x") << 0 << 10 << true << false << false;
    QTest::newRow("untrimmed allowed") << u8(" x ") << 0 << 10 << false << false << true;
    QTest::newRow("newline refused") << u8("a\nb") << 0 << 10 << true << false << false;
    QTest::newRow("newline allowed") << u8("a\nb") << 0 << 10 << true << true << true;
    QTest::newRow("tab allowed in multi-line") << u8("a\tb") << 0 << 10 << true << true << true;
    QTest::newRow("CR refused even multi-line") << u8("a\rb") << 0 << 10 << true << true << false;
    QTest::newRow("NUL refused even multi-line")
        << QString(u8("a") % QChar(0) % u8("b")) << 0 << 10 << true << true << false;
    QTest::newRow("escape sequence refused")
        << u8("a\x1b[31mb") << 0 << 10 << false << true << false;
    QTest::newRow("surrogate pair counts once")
        << QString(u8("\xf0\x9f\x98\x80").repeated(10)) << 0 << 10 << true << false << true;
    QTest::newRow("combining mark counts separately")
        << u8("e\xcc\x81") << 0 << 1 << true << false << false;
}

void TestValidators::text()
{
    QFETCH(QString, text);
    QFETCH(int, minLength);
    QFETCH(int, maxLength);
    QFETCH(bool, requireTrimmed);
    QFETCH(bool, allowLineBreaks);
    QFETCH(bool, valid);
    checkVerdict(
        validateText(text, TextRule{minLength, maxLength, requireTrimmed, allowLineBreaks}), valid);
}

void TestValidators::characterCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("count");

    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << u8("abc") << qsizetype(3);
    QTest::newRow("japanese") << u8("\xe5\xb1\xb1\xe7\x94\xb0") << qsizetype(2);
    QTest::newRow("emoji pair") << u8("\xf0\x9f\x98\x80\xf0\x9f\x98\x81") << qsizetype(2);
    QTest::newRow("lone surrogate counts one") << QString(QChar(0xD800)) << qsizetype(1);
}

void TestValidators::characterCount()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, count);
    QCOMPARE(engage::api::characterCount(text), count);
}

void TestValidators::normalizedText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unchanged") << u8("Hana") << u8("Hana");
    QTest::newRow("trimmed") << u8("  Hana \n") << u8("Hana");
    QTest::newRow("inner space kept") << u8(" Hana  Yamada ") << u8("Hana  Yamada");
    QTest::newRow("ideographic space trimmed") << u8("\xe3\x80\x80Hana") << u8("Hana");
}

void TestValidators::normalizedText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString normalized = engage::api::normalizedText(input);
    QCOMPARE(normalized, expected);
    // What the client sends after normalising passes the display-name rule.
    QVERIFY(!validateDisplayName(normalized));
}

void TestValidators::id_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("v4") << u8("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b") << true;
    QTest::newRow("v7") << u8("018f3c2a-7b1d-7c3e-9f00-123456789abc") << true;
    QTest::newRow("v1") << u8("6ba7b810-9dad-11d1-80b4-00c04fd430c8") << true;
    QTest::newRow("upper case") << u8("3F2B8C1E-9D4A-4E5F-8A7B-1C2D3E4F5A6B") << false;
    QTest::newRow("braces") << u8("{3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b}") << false;
    QTest::newRow("no dashes") << u8("3f2b8c1e9d4a4e5f8a7b1c2d3e4f5a6b") << false;
    QTest::newRow("nil") << u8("00000000-0000-0000-0000-000000000000") << false;
    QTest::newRow("version 0") << u8("3f2b8c1e-9d4a-0e5f-8a7b-1c2d3e4f5a6b") << false;
    QTest::newRow("version 9") << u8("3f2b8c1e-9d4a-9e5f-8a7b-1c2d3e4f5a6b") << false;
    QTest::newRow("NCS variant") << u8("3f2b8c1e-9d4a-4e5f-0a7b-1c2d3e4f5a6b") << false;
    QTest::newRow("non hex") << u8("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6g") << false;
    QTest::newRow("too long") << u8("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b0") << false;
    QTest::newRow("dash misplaced") << u8("3f2b8c1e9-d4a-4e5f-8a7b-1c2d3e4f5a6b") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("sql injection") << u8("1' OR '1'='1") << false;
    QTest::newRow("fullwidth digit")
        << u8("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6\xef\xbc\x91") << false;
}

void TestValidators::id()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    checkVerdict(validateId(id), valid);
}

void TestValidators::createdIdsAreValidAndDistinct()
{
    const QString first = createId();
    const QString second = createId();
    QVERIFY(!validateId(first));
    QVERIFY(!validateId(second));
    QVERIFY(first != second);
    QCOMPARE(first[14], QLatin1Char('4'));
}

void TestValidators::token_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");

    QTest::newRow("base64url") << u8("q3Xb_9-AZ0vKk2Lm") << true;
    QTest::newRow("base64 padded") << u8("ab+/cd==") << true;
    QTest::newRow("one char") << u8("a") << true;
    QTest::newRow("512") << QString(512, QLatin1Char('t')) << true;
    QTest::newRow("513") << QString(513, QLatin1Char('t')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u8("ab cd") << false;
    QTest::newRow("header injection") << u8("abc\r\nSet-Cookie: x") << false;
    QTest::newRow("quote") << u8("ab\"cd") << false;
    QTest::newRow("non ascii") << u8("ab\xc3\xa9") << false;
}

void TestValidators::token()
{
    QFETCH(QString, token);
    QFETCH(bool, valid);
    checkVerdict(validateToken(token), valid);
}

void TestValidators::date_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected"); // invalid QDate = must be refused

    QTest::newRow("plain") << u8("2024-05-01") << QDate(2024, 5, 1);
    QTest::newRow("leap day") << u8("2024-02-29") << QDate(2024, 2, 29);
    QTest::newRow("leap day 2000") << u8("2000-02-29") << QDate(2000, 2, 29);
    QTest::newRow("year 1") << u8("0001-01-01") << QDate(1, 1, 1);
    QTest::newRow("year 9999") << u8("9999-12-31") << QDate(9999, 12, 31);
    QTest::newRow("not a leap year") << u8("2023-02-29") << QDate();
    QTest::newRow("1900 not leap") << u8("1900-02-29") << QDate();
    QTest::newRow("april 31") << u8("2024-04-31") << QDate();
    QTest::newRow("month 13") << u8("2024-13-01") << QDate();
    QTest::newRow("month 0") << u8("2024-00-10") << QDate();
    QTest::newRow("day 0") << u8("2024-01-00") << QDate();
    QTest::newRow("year 0") << u8("0000-01-01") << QDate();
    QTest::newRow("no padding") << u8("2024-5-1") << QDate();
    QTest::newRow("slashes") << u8("2024/05/01") << QDate();
    QTest::newRow("with time") << u8("2024-05-01T00:00:00Z") << QDate();
    QTest::newRow("trailing space") << u8("2024-05-01 ") << QDate();
    QTest::newRow("fullwidth digits")
        << u8("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-05-01") << QDate();
    QTest::newRow("signed year") << u8("+024-05-01") << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void TestValidators::date()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    checkVerdict(validateDate(text), expected.isValid());
    const Result<QDate> parsed = parseDate(text);
    QCOMPARE(parsed.isOk(), expected.isValid());
    if (parsed) {
        QCOMPARE(parsed.value(), expected);
        QCOMPARE(formatDate(parsed.value()), text);
    }
}

void TestValidators::dateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs"); // -1 = must be refused

    const QDateTime base(QDate(2024, 5, 1), QTime(9, 30, 0), Qt::UTC);
    const qint64 ms = base.toMSecsSinceEpoch();
    QTest::newRow("milliseconds") << u8("2024-05-01T09:30:00.123Z") << ms + 123;
    QTest::newRow("no fraction") << u8("2024-05-01T09:30:00Z") << ms;
    QTest::newRow("one digit") << u8("2024-05-01T09:30:00.5Z") << ms + 500;
    QTest::newRow("microseconds truncated") << u8("2024-05-01T09:30:00.123999Z") << ms + 123;
    QTest::newRow("nanoseconds truncated") << u8("2024-05-01T09:30:00.000000001Z") << ms;
    QTest::newRow("never rounded into the next second")
        << u8("2024-05-01T09:30:00.9999Z") << ms + 999;
    // Local time skips 02:00-03:00 on this day in New York, where the test runs
    // (see CMakeLists.txt); a UTC time must not care.
    QTest::newRow("inside a local DST gap")
        << u8("2024-03-10T02:30:00Z")
        << QDateTime(QDate(2024, 3, 10), QTime(2, 30), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("end of day")
        << u8("2024-05-01T23:59:59.999Z")
        << QDateTime(QDate(2024, 5, 1), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("epoch") << u8("1970-01-01T00:00:00.000Z") << qint64(0);
    QTest::newRow("ten fraction digits") << u8("2024-05-01T09:30:00.1234567890Z") << qint64(-1);
    QTest::newRow("empty fraction") << u8("2024-05-01T09:30:00.Z") << qint64(-1);
    QTest::newRow("offset instead of Z") << u8("2024-05-01T09:30:00+09:00") << qint64(-1);
    QTest::newRow("zero offset") << u8("2024-05-01T09:30:00.000+00:00") << qint64(-1);
    QTest::newRow("no zone") << u8("2024-05-01T09:30:00") << qint64(-1);
    QTest::newRow("lower-case z") << u8("2024-05-01T09:30:00z") << qint64(-1);
    QTest::newRow("lower-case t") << u8("2024-05-01t09:30:00Z") << qint64(-1);
    QTest::newRow("space separator") << u8("2024-05-01 09:30:00Z") << qint64(-1);
    QTest::newRow("hour 24") << u8("2024-05-01T24:00:00Z") << qint64(-1);
    QTest::newRow("leap second") << u8("2016-12-31T23:59:60Z") << qint64(-1);
    QTest::newRow("minute 60") << u8("2024-05-01T09:60:00Z") << qint64(-1);
    QTest::newRow("invalid date") << u8("2023-02-29T09:30:00Z") << qint64(-1);
    QTest::newRow("date only") << u8("2024-05-01") << qint64(-1);
    QTest::newRow("trailing garbage") << u8("2024-05-01T09:30:00ZZ") << qint64(-1);
    QTest::newRow("fraction with letter") << u8("2024-05-01T09:30:00.1a3Z") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestValidators::dateTime()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    checkVerdict(validateDateTime(text), msecs >= 0);
    const Result<QDateTime> parsed = parseDateTime(text);
    QCOMPARE(parsed.isOk(), msecs >= 0);
    if (parsed) {
        QCOMPARE(parsed.value().timeSpec(), Qt::UTC);
        QCOMPARE(parsed.value().toMSecsSinceEpoch(), msecs);
    }
}

void TestValidators::dateTimeFormat_data()
{
    QTest::addColumn<QDateTime>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utc with ms") << QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0, 7), Qt::UTC)
                                 << u8("2024-05-01T09:30:00.007Z");
    QTest::newRow("offset converted to utc")
        << QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0), Qt::OffsetFromUTC, 9 * 3600)
        << u8("2024-05-01T00:30:00.000Z");
    QTest::newRow("crosses midnight")
        << QDateTime(QDate(2024, 1, 1), QTime(1, 0, 0), Qt::OffsetFromUTC, 9 * 3600)
        << u8("2023-12-31T16:00:00.000Z");
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0, 0), Qt::UTC)
                            << u8("0001-01-01T00:00:00.000Z");
}

void TestValidators::dateTimeFormat()
{
    QFETCH(QDateTime, input);
    QFETCH(QString, expected);
    const QString text = formatDateTime(input);
    QCOMPARE(text, expected);
    const Result<QDateTime> back = parseDateTime(text);
    QVERIFY(back.isOk());
    QCOMPARE(back.value().toMSecsSinceEpoch(), input.toMSecsSinceEpoch());
}

void TestValidators::enumNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<bool>("valid");

    QTest::newRow("role owner") << u8("owner") << roleNames() << true;
    QTest::newRow("role viewer") << u8("viewer") << roleNames() << true;
    QTest::newRow("role case matters") << u8("Owner") << roleNames() << false;
    QTest::newRow("role unknown") << u8("root") << roleNames() << false;
    QTest::newRow("role padded") << u8("owner ") << roleNames() << false;
    QTest::newRow("plan standard") << u8("standard") << planNames() << true;
    QTest::newRow("plan enterprise") << u8("enterprise") << planNames() << false;
    QTest::newRow("status disabled") << u8("disabled") << personStatusNames() << true;
    QTest::newRow("empty") << QString() << personStatusNames() << false;
}

void TestValidators::enumNames()
{
    QFETCH(QString, name);
    QFETCH(QStringList, allowed);
    QFETCH(bool, valid);
    const std::optional<Error> error = validateEnumName(name, allowed);
    checkVerdict(error, valid);
    if (error)
        QVERIFY(error->detail.contains(allowed.constFirst()));
}

void TestValidators::detailNeverEchoesValue()
{
    const QString hostile = QStringLiteral("<script>alert(1)</script>");
    const QList<std::optional<Error>> errors = {
        validateEmail(hostile),
        validateTenantSlug(hostile),
        validateId(hostile),
        validateToken(hostile),
        validateDate(hostile),
        validateDateTime(hostile),
        validatePassword(QString(hostile + QChar(0))),
        validateDisplayName(QString(hostile + QLatin1Char(0x0A))),
    };
    for (const std::optional<Error> &error : errors) {
        QVERIFY(error.has_value());
        QVERIFY2(!error->detail.contains(QLatin1String("script")), qPrintable(error->detail));
    }
}

void TestValidators::fieldPrefix_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nested") << u8("email") << u8("user") << u8("user.email");
    QTest::newRow("empty field") << QString() << u8("user") << u8("user");
    QTest::newRow("empty prefix") << u8("email") << QString() << u8("email");
    QTest::newRow("array index") << u8("3.id") << u8("items") << u8("items.3.id");
}

void TestValidators::fieldPrefix()
{
    QFETCH(QString, field);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);
    const Error error = withFieldPrefix(Error{ProblemCode::MissingField, field, u8("d")}, prefix);
    QCOMPARE(error.field, expected);
    QCOMPARE(error.code, ProblemCode::MissingField);
    QCOMPARE(error.detail, u8("d"));
}

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
