#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "api/memberimport.h"

#include <QTest>

using namespace engage::api;

Q_DECLARE_METATYPE(engage::api::AttributeType)

namespace {

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

AttributeFields attributeOfType(AttributeType type)
{
    AttributeFields fields{u8("属性"), QStringLiteral("Attribute"), type, {}};
    if (type == AttributeType::Choice)
        fields.choices = {u8("東京"), u8("大阪"), QStringLiteral("Remote")};
    return fields;
}

using Validator = std::optional<Error> (*)(QStringView);

} // namespace

Q_DECLARE_METATYPE(Validator)

class TestOrganisationValidators final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributeValue_data();
    void attributeValue();
    void attributeFields_data();
    void attributeFields();
    void memberTexts_data();
    void memberTexts();
    void memberFieldDates_data();
    void memberFieldDates();
    void displayName_data();
    void displayName();
    void bands_data();
    void bands();
    void importTarget_data();
    void importTarget();
};

void TestOrganisationValidators::attributeValue_data()
{
    QTest::addColumn<AttributeType>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    auto number = [](const char *name, const char *value, bool valid) {
        QTest::addRow("number %s", name) << AttributeType::Number << u8(value) << valid;
    };
    number("negative integer", "-12", true);
    number("decimal", "3.5", true);
    number("zero", "0", true);
    number("fraction below one", "0.5", true);
    number("negative fraction", "-0.25", true);
    number("15 significant digits", "123456789012345", true);
    number("15 significant digits with point", "1.23456789012345", true);
    number("leading zeros are not significant", "0.000000000000001", true);
    number("15 digits after leading zeros", "0.00123456789012345", true);
    number("16 significant digits", "1234567890123456", false);
    number("16 significant digits with point", "12345678.90123456", false);
    number("16 digits after leading zeros", "0.001234567890123456", false);
    number("exponent", "1e5", false);
    number("upper-case exponent", "1E5", false);
    number("hexadecimal", "0x1", false);
    number("leading space", " 1", false);
    number("trailing space", "1 ", false);
    number("trailing point", "1.", false);
    number("leading point", ".5", false);
    number("plus sign", "+1", false);
    number("minus zero", "-0", false);
    number("leading zero", "01", false);
    number("trailing fraction zero", "3.50", false);
    number("thousands separator", "1,000", false);
    number("decimal comma", "3,5", false);
    number("full-width digits", "１２", false);
    number("arabic-indic digit", "٣", false);
    number("empty", "", false);
    number("minus only", "-", false);
    number("two minus signs", "--1", false);
    number("two points", "1.2.3", false);
    number("not a number", "NaN", false);
    number("infinity", "Infinity", false);

    auto date = [](const char *value, bool valid) {
        QTest::addRow("date %s", value) << AttributeType::Date << u8(value) << valid;
    };
    date("2024-02-29", true);
    date("2023-02-29", false);
    date("2023-02-30", false);
    date("2024-2-1", false);
    date("2024-02-01T00:00:00Z", false);
    date("", false);

    auto choice = [](const char *name, const char *value, bool valid) {
        QTest::addRow("choice %s", name) << AttributeType::Choice << u8(value) << valid;
    };
    choice("japanese", "東京", true);
    choice("latin", "Remote", true);
    choice("other case", "remote", false);
    choice("trailing space", "東京 ", false);
    choice("full-width variant", "Ｒｅｍｏｔｅ", false);
    choice("not a choice", "名古屋", false);
    choice("empty", "", false);

    auto text = [](const char *name, const QString &value, bool valid) {
        QTest::addRow("text %s", name) << AttributeType::Text << value << valid;
    };
    text("japanese", u8("組合員"), true);
    text("longest", QString(kAttributeTextMaxLength, QChar(0x3042)), true);
    text("one too long", QString(kAttributeTextMaxLength + 1, QChar(0x3042)), false);
    text("empty", QString(), false);
    text("line break", QStringLiteral("a\nb"), false);
    text("bidi override", QStringLiteral("a\u202Eb"), false);
    text("untrimmed", QStringLiteral(" a"), false);
}

void TestOrganisationValidators::attributeValue()
{
    QFETCH(AttributeType, type);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    checkVerdict(validateAttributeValue(attributeOfType(type), value), valid);
}

void TestOrganisationValidators::attributeFields_data()
{
    QTest::addColumn<AttributeType>("type");
    QTest::addColumn<QStringList>("choices");
    QTest::addColumn<QString>("field"); // empty: valid

    const QStringList two{u8("東京"), u8("大阪")};
    QTest::newRow("choice") << AttributeType::Choice << two << QString();
    QTest::newRow("choice, one") << AttributeType::Choice << QStringList{u8("東京")} << QString();
    QTest::newRow("choice, none") << AttributeType::Choice << QStringList()
                                  << QStringLiteral("choices");
    QTest::newRow("choice, repeated")
        << AttributeType::Choice << (two + two.mid(0, 1)) << QStringLiteral("choices.2");
    QTest::newRow("number") << AttributeType::Number << QStringList() << QString();
    QTest::newRow("number with choices")
        << AttributeType::Number << two << QStringLiteral("choices");
    QTest::newRow("date with choices") << AttributeType::Date << two << QStringLiteral("choices");
    QTest::newRow("text with choices") << AttributeType::Text << two << QStringLiteral("choices");
}

void TestOrganisationValidators::attributeFields()
{
    QFETCH(AttributeType, type);
    QFETCH(QStringList, choices);
    QFETCH(QString, field);
    const std::optional<Error> error = validateAttributeFields(
        AttributeFields{u8("勤務地"), QStringLiteral("Location"), type, choices});
    QCOMPARE(!error.has_value(), field.isEmpty());
    if (error) {
        QCOMPARE(error->field, field);
        QVERIFY(!error->detail.isEmpty());
    }
}

void TestOrganisationValidators::memberTexts_data()
{
    QTest::addColumn<Validator>("validate");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    auto row = [](const char *name, Validator validate, const QString &value, bool valid) {
        QTest::newRow(name) << validate << value << valid;
    };
    row("code", validateEmployeeCode, QStringLiteral("E-0001"), true);
    row("code japanese", validateEmployeeCode, u8("社員０１"), true);
    row("code longest", validateEmployeeCode, QString(kEmployeeCodeMaxLength, u'7'), true);
    row("code too long", validateEmployeeCode, QString(kEmployeeCodeMaxLength + 1, u'7'), false);
    row("code empty", validateEmployeeCode, QString(), false);
    row("code space inside", validateEmployeeCode, QStringLiteral("E 1"), false);
    row("code ideographic space", validateEmployeeCode, QStringLiteral("E\u30001"), false);
    row("code tab", validateEmployeeCode, QStringLiteral("E\t1"), false);
    row("code bidi", validateEmployeeCode, QStringLiteral("E\u202E1"), false);
    row("family name", validateFamilyName, u8("山田"), true);
    row("family name with space", validateFamilyName, QStringLiteral("van der Berg"), true);
    row("family name empty", validateFamilyName, QString(), false);
    row("family name too long", validateFamilyName, QString(kMemberNameMaxLength + 1, u'x'), false);
    row("family name isolate", validateFamilyName, QStringLiteral("\u2067x"), false);
    row("member text empty", validateMemberText, QString(), true);
    row("member text longest", validateMemberText, QString(kMemberFieldMaxLength, u'x'), true);
    row("member text too long", validateMemberText, QString(kMemberFieldMaxLength + 1, u'x'),
        false);
    row("member text line break", validateMemberText, QStringLiteral("a\nb"), false);
    row("member text untrimmed", validateMemberText, QStringLiteral("a "), false);
    row("memo lines", validateMemberMemo, QStringLiteral("a\nb\tc"), true);
    row("memo longest", validateMemberMemo, QString(kMemberMemoMaxLength, u'm'), true);
    row("memo too long", validateMemberMemo, QString(kMemberMemoMaxLength + 1, u'm'), false);
    row("memo carriage return", validateMemberMemo, QStringLiteral("a\r\nb"), false);
    row("memo paragraph separator", validateMemberMemo, QStringLiteral("a\u2029b"), false);
    row("group code", validateGroupCode, QStringLiteral("HQ-SALES_01"), true);
    row("group code slash", validateGroupCode, QStringLiteral("HQ/SALES"), false);
    row("group code space", validateGroupCode, QStringLiteral("HQ SALES"), false);
    row("group code empty", validateGroupCode, QString(), false);
    row("group name", validateGroupName, u8("営業部 (東京)"), true);
    row("group name greater-than", validateGroupName, QStringLiteral("R&D > Labs"), false);
    row("group name full-width greater-than", validateGroupName, u8("開発＞研究"), false);
    row("group name slash", validateGroupName, u8("営業/東京"), false);
    row("group name full-width slash", validateGroupName, u8("営業／東京"), false);
    row("group name untrimmed", validateGroupName, u8("営業部\u3000"), false);
    row("group name too long", validateGroupName, QString(kGroupNameMaxLength + 1, u'g'), false);
    row("file name", validateImportFileName, u8("社員名簿 (2024).xlsx"), true);
    row("file name empty", validateImportFileName, QString(), false);
    row("file name bidi", validateImportFileName, QStringLiteral("x\u202Eslx.exe"), false);
    row("file name too long", validateImportFileName, QString(kImportFileNameMaxLength + 1, u'f'),
        false);
}

void TestOrganisationValidators::memberTexts()
{
    QFETCH(Validator, validate);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    checkVerdict(validate(value), valid);
}

void TestOrganisationValidators::memberFieldDates_data()
{
    QTest::addColumn<QDate>("hireDate");
    QTest::addColumn<QDate>("birthDate");
    QTest::addColumn<QString>("field"); // empty: valid

    const QDate today = QDateTime::currentDateTimeUtc().date();
    QTest::newRow("both") << QDate(2015, 4, 1) << QDate(1990, 2, 28) << QString();
    QTest::newRow("neither") << QDate() << QDate() << QString();
    QTest::newRow("1900-01-01") << QDate(1900, 1, 1) << QDate() << QString();
    QTest::newRow("1899-12-31") << QDate(1899, 12, 31) << QDate() << QStringLiteral("hireDate");
    QTest::newRow("hired in a year") << today.addYears(1) << QDate() << QString();
    QTest::newRow("hired beyond a year")
        << today.addYears(1).addDays(1) << QDate() << QStringLiteral("hireDate");
    QTest::newRow("born beyond a year")
        << QDate() << today.addYears(1).addDays(1) << QStringLiteral("birthDate");
    QTest::newRow("born the day before hire")
        << QDate(2015, 4, 1) << QDate(2015, 3, 31) << QString();
    QTest::newRow("born on hire day")
        << QDate(2015, 4, 1) << QDate(2015, 4, 1) << QStringLiteral("birthDate");
    QTest::newRow("born after hire")
        << QDate(2015, 4, 1) << QDate(2016, 4, 1) << QStringLiteral("birthDate");
}

void TestOrganisationValidators::memberFieldDates()
{
    QFETCH(QDate, hireDate);
    QFETCH(QDate, birthDate);
    QFETCH(QString, field);
    MemberFields fields;
    fields.employeeCode = QStringLiteral("E-1");
    fields.familyName = u8("山田");
    if (hireDate.isValid())
        fields.hireDate = hireDate;
    if (birthDate.isValid())
        fields.birthDate = birthDate;
    const std::optional<Error> error = validateMemberFields(fields);
    QCOMPARE(!error.has_value(), field.isEmpty());
    if (error) {
        QCOMPARE(error->code, ProblemCode::InvalidField);
        QCOMPARE(error->field, field);
    }
}

void TestOrganisationValidators::displayName_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *family, const char *given, const char *expected) {
        QTest::newRow(name) << u8(family) << u8(given) << u8(expected);
    };
    row("kanji", "山田", "太郎", "山田 太郎");
    row("latin", "Clark", "Emma", "Emma Clark");
    row("half-width katakana", "ﾔﾏﾀﾞ", "ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ");
    row("full-width katakana", "ヤマダ", "タロウ", "ヤマダ タロウ");
    row("hiragana given name only", "Smith", "はなこ", "Smith はなこ");
    row("kanji family name, latin given name", "山田", "Emma", "山田 Emma");
    row("extension B ideograph", "𠮷野", "Taro", "𠮷野 Taro");
    row("compatibility ideograph", "\xef\xa8\x91", "Ken", "\xef\xa8\x91 Ken"); // U+FA11
    row("hangul is not japanese", "김", "민수", "민수 김");
    row("empty given name", "山田", "", "山田");
    row("empty family name", "", "Emma", "Emma");
    row("both empty", "", "", "");
    row("parts trimmed", " 山田 ", "\xe3\x80\x80太郎", "山田 太郎");
    row("white space only given name", "Clark", "   ", "Clark");
}

void TestOrganisationValidators::displayName()
{
    QFETCH(QString, family);
    QFETCH(QString, given);
    QFETCH(QString, expected);
    MemberFields fields;
    fields.familyName = family;
    fields.givenName = given;
    QCOMPARE(memberDisplayName(fields), expected);
}

void TestOrganisationValidators::bands_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("age");
    QTest::addColumn<QString>("tenure");

    auto row = [](const char *name, QDate date, QDate day, const char *age, const char *tenure) {
        QTest::newRow(name) << date << day << QString::fromLatin1(age)
                            << QString::fromLatin1(tenure);
    };
    const QDate day(2024, 6, 15);
    row("same day", day, day, "under20", "under1");
    row("one year less a day", QDate(2023, 6, 16), day, "under20", "under1");
    row("one year today", QDate(2023, 6, 15), day, "under20", "1to3");
    row("three years tomorrow", QDate(2021, 6, 16), day, "under20", "1to3");
    row("three years today", QDate(2021, 6, 15), day, "under20", "3to5");
    row("five years today", QDate(2019, 6, 15), day, "under20", "5to10");
    row("ten years less a day", QDate(2014, 6, 16), day, "under20", "5to10");
    row("ten years today", QDate(2014, 6, 15), day, "under20", "10to20");
    row("twenty years tomorrow", QDate(2004, 6, 16), day, "under20", "10to20");
    row("twenty years today", QDate(2004, 6, 15), day, "20s", "20plus");
    row("thirty years tomorrow", QDate(1994, 6, 16), day, "20s", "20plus");
    row("thirty years today", QDate(1994, 6, 15), day, "30s", "20plus");
    row("forty", QDate(1984, 6, 15), day, "40s", "20plus");
    row("fifty less a day", QDate(1974, 6, 16), day, "40s", "20plus");
    row("fifty", QDate(1974, 6, 15), day, "50s", "20plus");
    row("sixty", QDate(1964, 6, 15), day, "60plus", "20plus");
    row("ninety", QDate(1934, 1, 1), day, "60plus", "20plus");
    // 29 February is reached on 1 March in common years, on the day in leap years.
    row("29 February, 28 February of a common year", QDate(2000, 2, 29), QDate(2020, 2, 28),
        "under20", "10to20");
    row("29 February, 29 February of a leap year", QDate(2000, 2, 29), QDate(2020, 2, 29), "20s",
        "20plus");
    row("29 February, 1 March of a common year", QDate(2000, 2, 29), QDate(2021, 3, 1), "20s",
        "20plus");
    row("29 February, 28 February, twenty-one", QDate(2000, 2, 29), QDate(2021, 2, 28), "20s",
        "20plus");
    row("29 February, first common year", QDate(2020, 2, 29), QDate(2021, 2, 28), "under20",
        "under1");
    row("29 February, first 1 March", QDate(2020, 2, 29), QDate(2021, 3, 1), "under20", "1to3");
    row("date after day", QDate(2024, 6, 16), day, "", "");
    row("invalid date", QDate(), day, "", "");
    row("invalid day", QDate(2000, 1, 1), QDate(), "", "");
}

void TestOrganisationValidators::bands()
{
    QFETCH(QDate, date);
    QFETCH(QDate, day);
    QFETCH(QString, age);
    QFETCH(QString, tenure);
    QCOMPARE(ageBand(date, day), age);
    QCOMPARE(tenureBand(date, day), tenure);
}

void TestOrganisationValidators::importTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("valid");

    for (const QString &name : importTargetNames())
        QTest::addRow("%s", qPrintable(name)) << name << true;
    QTest::newRow("ignored column") << QString() << true;
    QTest::newRow("attribute") << QStringLiteral("attribute:0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")
                               << true;
    QTest::newRow("attribute upper-case id")
        << QStringLiteral("attribute:0190A1B2-C3D4-7E5F-8A6B-7C8D9E0F1A2B") << false;
    QTest::newRow("attribute without id") << QStringLiteral("attribute:") << false;
    QTest::newRow("attribute by name") << QStringLiteral("attribute:location") << false;
    QTest::newRow("attribute wrong case prefix")
        << QStringLiteral("Attribute:0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b") << false;
    QTest::newRow("wrong case") << QStringLiteral("EmployeeCode") << false;
    QTest::newRow("unknown") << QStringLiteral("salary") << false;
    QTest::newRow("id of the member") << QStringLiteral("id") << false;
    QTest::newRow("padded") << QStringLiteral(" email") << false;
}

void TestOrganisationValidators::importTarget()
{
    QFETCH(QString, target);
    QFETCH(bool, valid);
    checkVerdict(validateImportTarget(target), valid);
    // A new target is counted here on purpose; the member's language was the last.
    QCOMPARE(importTargetNames().size(), 18);
    QVERIFY(importTargetNames().contains(QStringLiteral("language")));
}

QTEST_GUILESS_MAIN(TestOrganisationValidators)
#include "tst_organisationvalidators.moc"
