#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "api/memberimport.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QTest>

using namespace engage::api;
using engage::api::test::checkRoundTrip;
using engage::api::test::mutate;

Q_DECLARE_METATYPE(engage::api::ProblemCode)
Q_DECLARE_METATYPE(engage::api::MemberFields)
Q_DECLARE_METATYPE(engage::api::AttributeFields)
Q_DECLARE_METATYPE(engage::api::ImportPreview)

namespace {

const QString kMemberId = QStringLiteral("018f3c2a-7b1d-7c3e-9f00-123456789abc");
const QString kOtherMemberId = QStringLiteral("018f3c2a-7b1d-7c3e-9f00-123456789abd");
const QString kRootGroupId = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kChildGroupId = QStringLiteral("3f2b8c1e-9d4a-4e5f-8a7b-1c2d3e4f5a6b");
const QString kLocationId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
const QString kSeniorityId = QStringLiteral("0190a1b2-c3d4-7e5f-9a6b-7c8d9e0f1a2c");
const QString kImportId = QStringLiteral("0190a1b2-c3d4-7e5f-aa6b-7c8d9e0f1a2d");

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
}

QByteArray quoted(const QByteArray &text)
{
    return '"' + text + '"';
}

MemberFields sampleFields()
{
    MemberFields fields;
    fields.employeeCode = QStringLiteral("E-0001");
    fields.email = QStringLiteral("hanako.yamada@example.co.jp");
    fields.familyName = u8("山田");
    fields.givenName = u8("花子");
    fields.groupId = kChildGroupId;
    fields.attributes = {{kLocationId, u8("東京")}, {kSeniorityId, QStringLiteral("3.5")}};
    fields.hireDate = QDate(2015, 4, 1);
    fields.birthDate = QDate(1990, 2, 28);
    fields.employmentType = u8("正社員");
    fields.grade = QStringLiteral("G3");
    fields.position = u8("課長");
    fields.jobCategory = u8("営業");
    fields.status = MemberStatus::OnLeave;
    fields.deliver = false;
    fields.memo = u8("産休中\n2025年4月復帰予定");
    return fields;
}

// Only what a member must have: an e-mail, names, status, flags.
MemberFields minimalFields()
{
    MemberFields fields;
    fields.email = QStringLiteral("emma.clark@example.com");
    fields.familyName = QStringLiteral("Clark");
    return fields;
}

Member sampleMember()
{
    return Member{kMemberId, sampleFields(), utc(2024, 4, 1, 0, 0, 0, 1),
                  utc(2024, 5, 2, 9, 30, 15, 999)};
}

MemberPage samplePage()
{
    MemberPage page;
    page.page.items = {sampleMember(),
                       Member{kOtherMemberId, minimalFields(), utc(2024, 1, 1, 0, 0, 0, 0),
                              utc(2024, 1, 1, 0, 0, 0, 0)}};
    page.page.nextCursor = QStringLiteral("eyJuIjoiQ2xhcmsifQ");
    page.total = 1234;
    return page;
}

Group sampleGroup(const QString &id, const QString &code, const QString &name,
                  const std::optional<QString> &parentId, int memberCount)
{
    Group group;
    group.id = id;
    group.fields = GroupFields{code, name, parentId};
    group.memberCount = memberCount;
    group.revision = 3;
    group.createdAt = utc(2023, 4, 1, 0, 0, 0, 0);
    group.updatedAt = utc(2024, 4, 1, 12, 0, 0, 0);
    return group;
}

QList<Group> sampleGroups()
{
    return {sampleGroup(kRootGroupId, QStringLiteral("HQ"), u8("本社"), std::nullopt, 2),
            sampleGroup(kChildGroupId, QStringLiteral("HQ-SALES"), u8("営業部 (東京)"),
                        kRootGroupId, 150)};
}

GroupScope sampleScope()
{
    return GroupScope{{kRootGroupId, kChildGroupId}};
}

AttributeFields sampleAttributeFields()
{
    return AttributeFields{u8("勤務地"),
                           QStringLiteral("Location"),
                           AttributeType::Choice,
                           {u8("東京"), u8("大阪"), QStringLiteral("Remote")}};
}

QList<Attribute> sampleAttributes()
{
    return {Attribute{kLocationId, sampleAttributeFields(), 2},
            Attribute{kSeniorityId,
                      AttributeFields{u8("経験年数"),
                                      QStringLiteral("Years of experience"),
                                      AttributeType::Number,
                                      {}},
                      1}};
}

MemberImport sampleImport()
{
    MemberImport import;
    import.id = kImportId;
    import.fileName = u8("社員名簿 2024年4月.csv");
    import.format = QStringLiteral("csv");
    import.encoding = QStringLiteral("CP932");
    import.rowCount = 1200;
    import.columns = {{u8("社員番号"), QStringLiteral("employeeCode"), false},
                      {u8("氏名"), QStringLiteral("fullName"), false},
                      {u8("所属\n(部署)"), QStringLiteral("groupPath"), true},
                      {u8("勤務地"), QStringLiteral("attribute:") + kLocationId, true},
                      { QString(),
                        QString(),
                        false }};
    import.status = ImportStatus::Uploaded;
    return import;
}

ImportMapping sampleMapping()
{
    ImportMapping mapping;
    for (ImportColumn column : sampleImport().columns) {
        column.remembered = false; // the service decides what it remembers
        mapping.columns.append(column);
    }
    return mapping;
}

ImportPreview samplePreview()
{
    ImportPreview preview;
    preview.added = 1;
    preview.changed = 1;
    preview.unchanged = 1195;
    preview.invalid = 1;
    ImportRow added;
    added.row = 1;
    added.kind = ImportRowKind::Added;
    added.displayName = u8("髙橋 一郎");
    added.employeeCode = QStringLiteral("E-1201");
    added.changes = {{QStringLiteral("familyName"), QString(), u8("髙橋")},
                     {QStringLiteral("attribute:") + kLocationId, QString(), u8("大阪")}};
    ImportRow changed;
    changed.row = 7;
    changed.kind = ImportRowKind::Changed;
    changed.memberId = kMemberId;
    changed.displayName = u8("山﨑 花子");
    changed.employeeCode = QStringLiteral("E-0001");
    changed.changes = {{QStringLiteral("groupPath"), u8("本社/営業部"), u8("本社/営業部/東京")}};
    ImportRow invalid;
    invalid.row = 12;
    invalid.kind = ImportRowKind::Invalid;
    invalid.displayName = u8("佐藤");
    invalid.employeeCode = QStringLiteral("E 12");
    invalid.errors = {{12, u8("社員番号"), QStringLiteral("invalid"),
                       QStringLiteral("Must not contain white space.")},
                      {12, QString(), QStringLiteral("needsEmailOrCode"),
                       QStringLiteral("An email address or an employee code is required.")}};
    preview.rows = {added, changed, invalid};
    preview.missing = {{kOtherMemberId, QStringLiteral("Emma Clark"), QString()}};
    preview.newGroupPaths = {u8("本社/営業部/東京")};
    return preview;
}

ImportOutcome sampleOutcome()
{
    return ImportOutcome{kImportId, ImportStatus::Applied, 1, 1, 3, 1, 1};
}

// Decoding through one entry point per kind, so that the rejection table can
// name the type it mutates.
std::optional<Error> decodeKind(const QString &kind, const QJsonObject &object)
{
    auto check = [](const auto &result) -> std::optional<Error> {
        if (result)
            return std::nullopt;
        return result.error();
    };
    if (kind == QLatin1String("fields"))
        return check(memberFieldsFromJson(object));
    if (kind == QLatin1String("member"))
        return check(memberFromJson(object));
    if (kind == QLatin1String("page"))
        return check(memberPageFromJson(object));
    if (kind == QLatin1String("groupfields"))
        return check(groupFieldsFromJson(object));
    if (kind == QLatin1String("group"))
        return check(groupFromJson(object));
    if (kind == QLatin1String("groups"))
        return check(groupListFromJson(object));
    if (kind == QLatin1String("scope"))
        return check(groupScopeFromJson(object));
    if (kind == QLatin1String("attrfields"))
        return check(attributeFieldsFromJson(object));
    if (kind == QLatin1String("attribute"))
        return check(attributeFromJson(object));
    if (kind == QLatin1String("attributes"))
        return check(attributeListFromJson(object));
    if (kind == QLatin1String("import"))
        return check(memberImportFromJson(object));
    if (kind == QLatin1String("mapping"))
        return check(importMappingFromJson(object));
    if (kind == QLatin1String("preview"))
        return check(importPreviewFromJson(object));
    if (kind == QLatin1String("apply"))
        return check(importApplyRequestFromJson(object));
    if (kind == QLatin1String("outcome"))
        return check(importOutcomeFromJson(object));
    qFatal("unknown kind");
}

QJsonObject sampleJson(const QString &kind)
{
    if (kind == QLatin1String("fields"))
        return toJson(sampleFields());
    if (kind == QLatin1String("member"))
        return toJson(sampleMember());
    if (kind == QLatin1String("page"))
        return toJson(samplePage());
    if (kind == QLatin1String("groupfields"))
        return toJson(sampleGroups().at(1).fields);
    if (kind == QLatin1String("group"))
        return toJson(sampleGroups().at(1));
    if (kind == QLatin1String("groups"))
        return toJson(sampleGroups());
    if (kind == QLatin1String("scope"))
        return toJson(sampleScope());
    if (kind == QLatin1String("attrfields"))
        return toJson(sampleAttributeFields());
    if (kind == QLatin1String("attribute"))
        return toJson(sampleAttributes().at(0));
    if (kind == QLatin1String("attributes"))
        return toJson(sampleAttributes());
    if (kind == QLatin1String("import"))
        return toJson(sampleImport());
    if (kind == QLatin1String("mapping"))
        return toJson(sampleMapping());
    if (kind == QLatin1String("preview"))
        return toJson(samplePreview());
    if (kind == QLatin1String("apply"))
        return toJson(ImportApplyRequest{true, false, true});
    if (kind == QLatin1String("outcome"))
        return toJson(sampleOutcome());
    qFatal("unknown kind");
}

} // namespace

class TestOrganisationCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memberRoundTrip_data();
    void memberRoundTrip();
    void memberPageRoundTrip();
    void groupRoundTrip();
    void attributeRoundTrip_data();
    void attributeRoundTrip();
    void importRoundTrip();
    void previewRoundTrip_data();
    void previewRoundTrip();
    void wireShape();
    void nullOptionalIsAbsent();
    void emailOrCode_data();
    void emailOrCode();
    void rejects_data();
    void rejects();
    void limits_data();
    void limits();
    void hostileNamesAreNotReflected();
};

void TestOrganisationCodecs::memberRoundTrip_data()
{
    QTest::addColumn<MemberFields>("fields");

    QTest::newRow("japanese, every member set") << sampleFields();
    QTest::newRow("e-mail only") << minimalFields();
    MemberFields codeOnly = sampleFields();
    codeOnly.email.reset();
    codeOnly.groupId.reset();
    codeOnly.attributes.clear();
    QTest::newRow("code only, no group, no attributes") << codeOnly;
    MemberFields noDates = sampleFields();
    noDates.hireDate.reset();
    noDates.birthDate.reset();
    noDates.status = MemberStatus::Left;
    QTest::newRow("no dates, left") << noDates;
    MemberFields hireOnly = sampleFields();
    hireOnly.birthDate.reset();
    hireOnly.status = MemberStatus::Active;
    hireOnly.deliver = true;
    QTest::newRow("hire date only") << hireOnly;
    MemberFields longest = sampleFields();
    longest.employeeCode = QString(kEmployeeCodeMaxLength, QLatin1Char('9'));
    longest.familyName = QString(kMemberNameMaxLength, QChar(0x9AD9)); // 髙
    longest.givenName = QString(kMemberFieldMaxLength, QLatin1Char('g'));
    longest.position = QString(kMemberFieldMaxLength, QLatin1Char('p'));
    longest.memo = QString(kMemberMemoMaxLength, QLatin1Char('m'));
    longest.attributes[kLocationId] = QString(kAttributeTextMaxLength, QLatin1Char('v'));
    QTest::newRow("longest values") << longest;
    MemberFields astral = sampleFields();
    astral.familyName = u8("𠮷野"); // a surrogate pair counts as one character
    astral.givenName = QString(kMemberFieldMaxLength / 2, QChar(0x3042)) + u8("𠮷");
    QTest::newRow("characters beyond the BMP") << astral;
    MemberFields english = sampleFields();
    english.language = Language::English;
    QTest::newRow("in English") << english;
    MemberFields japanese = minimalFields();
    japanese.language = Language::Japanese;
    QTest::newRow("in Japanese") << japanese;
}

void TestOrganisationCodecs::memberRoundTrip()
{
    QFETCH(MemberFields, fields);
    checkRoundTrip(fields, memberFieldsFromJson);
    Member member = sampleMember();
    member.fields = fields;
    checkRoundTrip(member, memberFromJson);

    // Optional members are written only when set.
    const QJsonObject json = toJson(fields);
    QCOMPARE(json.contains(QLatin1String("employeeCode")), fields.employeeCode.has_value());
    QCOMPARE(json.contains(QLatin1String("email")), fields.email.has_value());
    QCOMPARE(json.contains(QLatin1String("groupId")), fields.groupId.has_value());
    QCOMPARE(json.contains(QLatin1String("hireDate")), fields.hireDate.has_value());
    QCOMPARE(json.contains(QLatin1String("birthDate")), fields.birthDate.has_value());
    QCOMPARE(json.contains(QLatin1String("language")), fields.language.has_value());
    if (fields.language)
        QCOMPARE(json.value(QLatin1String("language")).toString(),
                 fields.language == Language::English ? QStringLiteral("en")
                                                      : QStringLiteral("ja"));
}

void TestOrganisationCodecs::memberPageRoundTrip()
{
    checkRoundTrip(samplePage(), memberPageFromJson);
    MemberPage empty;
    checkRoundTrip(empty, memberPageFromJson);
    MemberPage last = samplePage();
    last.page.nextCursor.reset();
    last.page.prevCursor = QStringLiteral("cHJldg");
    last.total = kMaxJsonInteger;
    checkRoundTrip(last, memberPageFromJson);
}

void TestOrganisationCodecs::groupRoundTrip()
{
    for (const Group &group : sampleGroups()) {
        checkRoundTrip(group.fields, groupFieldsFromJson);
        checkRoundTrip(group, groupFromJson);
    }
    checkRoundTrip(sampleGroups(), groupListFromJson);
    checkRoundTrip(QList<Group>(), groupListFromJson);
    checkRoundTrip(sampleScope(), groupScopeFromJson);
    checkRoundTrip(GroupScope{}, groupScopeFromJson);
}

void TestOrganisationCodecs::attributeRoundTrip_data()
{
    QTest::addColumn<AttributeFields>("fields");

    QTest::newRow("choice") << sampleAttributeFields();
    QTest::newRow("number") << AttributeFields{
        u8("経験年数"), QStringLiteral("Years"), AttributeType::Number, {}};
    QTest::newRow("date") << AttributeFields{
        u8("資格取得日"), QStringLiteral("Certified on"), AttributeType::Date, {}};
    QTest::newRow("text") << AttributeFields{
        u8("備考"), QStringLiteral("Note"), AttributeType::Text, {}};
    QStringList most;
    for (int i = 0; i < kAttributeChoicesMax; ++i)
        most.append(QStringLiteral("choice %1").arg(i));
    most.append(QString(kAttributeChoiceMaxLength, QChar(0x5927))); // 大
    most.removeFirst();
    QTest::newRow("most and longest choices") << AttributeFields{
        QString(kAttributeNameMaxLength, QChar(0x3042)),
        QString(kAttributeNameMaxLength, QLatin1Char('n')), AttributeType::Choice, most};
}

void TestOrganisationCodecs::attributeRoundTrip()
{
    QFETCH(AttributeFields, fields);
    checkRoundTrip(fields, attributeFieldsFromJson);
    checkRoundTrip(Attribute{kLocationId, fields, 7}, attributeFromJson);
    checkRoundTrip(QList<Attribute>{Attribute{kLocationId, fields, 1}}, attributeListFromJson);
}

void TestOrganisationCodecs::importRoundTrip()
{
    checkRoundTrip(sampleImport(), memberImportFromJson);
    MemberImport workbook = sampleImport();
    workbook.fileName = QStringLiteral("members.xlsx");
    workbook.format = QStringLiteral("xlsx");
    workbook.encoding.clear();
    workbook.status = ImportStatus::Undone;
    workbook.columns.clear();
    workbook.rowCount = kImportMaxRows;
    checkRoundTrip(workbook, memberImportFromJson);

    checkRoundTrip(sampleMapping(), importMappingFromJson);
    checkRoundTrip(ImportMapping{}, importMappingFromJson);

    for (const bool createGroups : {false, true}) {
        for (const bool markMissingAsLeft : {false, true}) {
            for (const bool applyChanges : {false, true})
                checkRoundTrip(ImportApplyRequest{createGroups, markMissingAsLeft, applyChanges},
                               importApplyRequestFromJson);
        }
    }

    checkRoundTrip(sampleOutcome(), importOutcomeFromJson);
    checkRoundTrip(ImportOutcome{kImportId, ImportStatus::Undone, 0, 0, 0, 0, 0},
                   importOutcomeFromJson);
}

void TestOrganisationCodecs::previewRoundTrip_data()
{
    QTest::addColumn<ImportPreview>("preview");

    QTest::newRow("rows of each kind") << samplePreview();
    QTest::newRow("nothing to do") << ImportPreview{0, 0, 20000, 0, {}, {}, {}};
    ImportPreview removed = samplePreview();
    removed.rows.clear();
    removed.newGroupPaths.clear();
    QTest::newRow("only missing members") << removed;
}

void TestOrganisationCodecs::previewRoundTrip()
{
    QFETCH(ImportPreview, preview);
    checkRoundTrip(preview, importPreviewFromJson);
}

void TestOrganisationCodecs::wireShape()
{
    const QJsonObject member = toJson(sampleMember());
    QCOMPARE(member.keys(),
             QStringList({QStringLiteral("attributes"), QStringLiteral("birthDate"),
                          QStringLiteral("createdAt"), QStringLiteral("deliver"),
                          QStringLiteral("email"), QStringLiteral("employeeCode"),
                          QStringLiteral("employmentType"), QStringLiteral("familyName"),
                          QStringLiteral("givenName"), QStringLiteral("grade"),
                          QStringLiteral("groupId"), QStringLiteral("hireDate"),
                          QStringLiteral("id"), QStringLiteral("jobCategory"),
                          QStringLiteral("memo"), QStringLiteral("position"),
                          QStringLiteral("status"), QStringLiteral("updatedAt")}));
    QCOMPARE(member.value(QLatin1String("hireDate")).toString(), QStringLiteral("2015-04-01"));
    QCOMPARE(member.value(QLatin1String("status")).toString(), QStringLiteral("onLeave"));
    QCOMPARE(member.value(QLatin1String("deliver")), QJsonValue(false));
    QCOMPARE(member.value(QLatin1String("attributes")).toObject().value(kSeniorityId),
             QJsonValue(QStringLiteral("3.5")));

    const QJsonObject minimal = toJson(minimalFields());
    QCOMPARE(minimal.size(), 11);
    QCOMPARE(minimal.value(QLatin1String("attributes")), QJsonValue(QJsonObject()));

    const QJsonObject page = toJson(samplePage());
    QCOMPARE(page.keys(), QStringList({QStringLiteral("items"), QStringLiteral("nextCursor"),
                                       QStringLiteral("total")}));
    QCOMPARE(page.value(QLatin1String("total")).toInteger(), 1234);

    const QJsonObject root = toJson(sampleGroups().at(0));
    QVERIFY(!root.contains(QLatin1String("parentId")));
    QCOMPARE(root.size(), 7);
    QCOMPARE(toJson(sampleGroups().at(1)).value(QLatin1String("parentId")).toString(),
             kRootGroupId);
    QCOMPARE(toJson(sampleScope()).value(QLatin1String("groupIds")).toArray().size(), 2);

    const QJsonObject attribute = toJson(sampleAttributes().at(1));
    QCOMPARE(attribute.value(QLatin1String("type")).toString(), QStringLiteral("number"));
    QCOMPARE(attribute.value(QLatin1String("choices")), QJsonValue(QJsonArray()));

    const QJsonArray columns = toJson(sampleMapping()).value(QLatin1String("columns")).toArray();
    QCOMPARE(columns.at(0).toObject().keys(),
             QStringList({QStringLiteral("header"), QStringLiteral("target")}));
    const QJsonObject uploaded = toJson(sampleImport());
    QCOMPARE(uploaded.value(QLatin1String("columns"))
                 .toArray()
                 .at(2)
                 .toObject()
                 .value(QLatin1String("remembered")),
             QJsonValue(true));
    const QJsonObject row =
        toJson(samplePreview()).value(QLatin1String("rows")).toArray().at(0).toObject();
    QCOMPARE(row.value(QLatin1String("kind")).toString(), QStringLiteral("added"));
    QVERIFY(!row.contains(QLatin1String("memberId")));
}

void TestOrganisationCodecs::nullOptionalIsAbsent()
{
    QJsonObject json = toJson(sampleFields());
    for (const char *key : {"employeeCode", "groupId", "hireDate", "birthDate", "language"})
        json.insert(QLatin1String(key), QJsonValue::Null);
    const Result<MemberFields> fields = memberFieldsFromJson(json);
    QVERIFY(fields.isOk());
    QVERIFY(!fields.value().employeeCode && !fields.value().groupId);
    QVERIFY(!fields.value().hireDate && !fields.value().birthDate);
    QVERIFY(!fields.value().language);

    QJsonObject group = toJson(sampleGroups().at(1).fields);
    group.insert(QLatin1String("parentId"), QJsonValue::Null);
    QVERIFY(!groupFieldsFromJson(group).value().parentId);
}

void TestOrganisationCodecs::emailOrCode_data()
{
    QTest::addColumn<bool>("hasEmail");
    QTest::addColumn<bool>("hasCode");

    QTest::newRow("both") << true << true;
    QTest::newRow("e-mail only") << true << false;
    QTest::newRow("code only (shop floor)") << false << true;
    QTest::newRow("neither") << false << false;
}

void TestOrganisationCodecs::emailOrCode()
{
    QFETCH(bool, hasEmail);
    QFETCH(bool, hasCode);
    MemberFields fields = sampleFields();
    if (!hasEmail)
        fields.email.reset();
    if (!hasCode)
        fields.employeeCode.reset();
    const bool valid = hasEmail || hasCode;
    QCOMPARE(!validateMemberFields(fields).has_value(), valid);
    const Result<MemberFields> decoded = memberFieldsFromJson(toJson(fields));
    QCOMPARE(decoded.isOk(), valid);
    if (!valid) {
        QCOMPARE(decoded.error().code, ProblemCode::MissingField);
        QCOMPARE(decoded.error().field, QStringLiteral("email"));
        QVERIFY(!decoded.error().detail.isEmpty());
    }
}

void TestOrganisationCodecs::rejects_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("field");

    const auto unknown = ProblemCode::UnknownField;
    const auto missing = ProblemCode::MissingField;
    const auto invalid = ProblemCode::InvalidField;
    auto row = [](const char *name, const char *kind, const QString &path,
                  const QByteArray &fragment, ProblemCode code, const QString &field) {
        QTest::newRow(name) << QString::fromLatin1(kind) << path << fragment << code << field;
    };
    auto same = [&row](const char *name, const char *kind, const char *path,
                       const QByteArray &fragment, ProblemCode code) {
        row(name, kind, QString::fromLatin1(path), fragment, code, QString::fromLatin1(path));
    };
    const QString location = QStringLiteral("attributes.") + kLocationId;
    const QByteArray name101 = quoted(QByteArray(kMemberNameMaxLength + 1, 'n'));
    const QByteArray futureHire = quoted(formatDate(QDate::currentDate().addYears(2)).toLatin1());

    // Members: unknown, missing, wrong types, null where not allowed.
    same("fields unknown", "fields", "salary", "500", unknown);
    same("fields id unknown", "fields", "id", quoted(kMemberId.toLatin1()), unknown);
    same("member unknown", "member", "password", R"("hunter2hunter2")", unknown);
    same("family name missing", "fields", "familyName", "", missing);
    same("given name missing", "fields", "givenName", "", missing);
    same("attributes missing", "fields", "attributes", "", missing);
    same("status missing", "fields", "status", "", missing);
    same("deliver missing", "fields", "deliver", "", missing);
    same("memo missing", "fields", "memo", "", missing);
    same("employment type missing", "fields", "employmentType", "", missing);
    same("member id missing", "member", "id", "", missing);
    same("member updatedAt missing", "member", "updatedAt", "", missing);
    same("deliver as string", "fields", "deliver", R"("yes")", invalid);
    same("language not spoken", "fields", "language", R"("fr")", invalid);
    same("language by name", "fields", "language", R"("English")", invalid);
    same("language in capitals", "fields", "language", R"("JA")", invalid);
    same("language as number", "fields", "language", "1", invalid);
    same("language empty", "fields", "language", R"("")", invalid);
    same("family name as number", "fields", "familyName", "42", invalid);
    same("attributes as array", "fields", "attributes", "[]", invalid);
    row("attribute value as number", "fields", location, "5", invalid, location);
    same("hire date as number", "fields", "hireDate", "20150401", invalid);
    same("group id as number", "fields", "groupId", "7", invalid);
    same("family name null", "fields", "familyName", "null", invalid);
    same("attributes null", "fields", "attributes", "null", invalid);
    same("deliver null", "fields", "deliver", "null", invalid);
    same("status null", "fields", "status", "null", invalid);
    row("attribute value null", "fields", location, "null", invalid, location);

    // Members: values.
    same("family name empty", "fields", "familyName", R"("")", invalid);
    same("family name too long", "fields", "familyName", name101, invalid);
    same("given name too long", "fields", "givenName", name101, invalid);
    same("position too long", "fields", "position", name101, invalid);
    same("memo too long", "fields", "memo", quoted(QByteArray(kMemberMemoMaxLength + 1, 'm')),
         invalid);
    same("code too long", "fields", "employeeCode",
         quoted(QByteArray(kEmployeeCodeMaxLength + 1, '1')), invalid);
    row("attribute value too long", "fields", location,
        quoted(QByteArray(kAttributeTextMaxLength + 1, 'v')), invalid, location);
    row("attribute value empty", "fields", location, R"("")", invalid, location);
    same("family name bidi override", "fields", "familyName", R"("山田\u202e")", invalid);
    same("given name isolate", "fields", "givenName", R"("\u2066花子")", invalid);
    same("given name bell", "fields", "givenName", R"("a\u0007")", invalid);
    same("given name untrimmed", "fields", "givenName", R"(" 花子")", invalid);
    same("grade with line break", "fields", "grade", R"("G\n3")", invalid);
    same("memo line separator", "fields", "memo", R"("a\u2028b")", invalid);
    same("memo nul", "fields", "memo", R"("a\u0000b")", invalid);
    same("code with space", "fields", "employeeCode", R"("E 001")", invalid);
    same("code with ideographic space", "fields", "employeeCode", R"("E\u3000001")", invalid);
    same("code empty", "fields", "employeeCode", R"("")", invalid);
    same("email invalid", "fields", "email", R"("hanako@")", invalid);
    same("status wrong case", "fields", "status", R"("Active")", invalid);
    same("status unknown", "fields", "status", R"("deleted")", invalid);
    same("group id not uuid", "fields", "groupId", R"("sales")", invalid);
    same("hire date 30 February", "fields", "hireDate", R"("2023-02-30")", invalid);
    same("birth date 29 February 2023", "fields", "birthDate", R"("2023-02-29")", invalid);
    same("hire date short form", "fields", "hireDate", R"("2015-4-1")", invalid);
    same("hire date with time", "fields", "hireDate", R"("2015-04-01T00:00:00Z")", invalid);
    row("attribute id not uuid", "fields", QStringLiteral("attributes.location"), R"("x")", invalid,
        QStringLiteral("attributes.location"));
    same("member id invalid", "member", "id", R"("42")", invalid);
    same("member createdAt bad", "member", "createdAt", R"("2024-13-01T00:00:00Z")", invalid);
    same("member nested name bidi", "member", "familyName", R"("\u202eabc")", invalid);

    // Members: the rules across fields.
    same("hire date before 1900", "fields", "hireDate", R"("1899-12-31")", invalid);
    same("hire date years ahead", "fields", "hireDate", futureHire, invalid);
    same("birth date after hire date", "fields", "birthDate", R"("2016-01-01")", invalid);
    same("birth date on hire date", "fields", "birthDate", R"("2015-04-01")", invalid);

    // Member pages.
    same("page total missing", "page", "total", "", missing);
    same("page total negative", "page", "total", "-1", invalid);
    same("page total fractional", "page", "total", "1.5", invalid);
    same("page total string", "page", "total", R"("3")", invalid);
    same("page total beyond 2^53", "page", "total", "9007199254740992", invalid);
    same("page unknown", "page", "count", "2", unknown);
    same("page item invalid", "page", "items.1.familyName", R"("")", invalid);
    same("page item unknown", "page", "items.0.role", R"("owner")", unknown);
    same("page cursor invalid", "page", "nextCursor", R"("a b")", invalid);

    // Groups.
    same("group code missing", "groupfields", "code", "", missing);
    same("group name missing", "groupfields", "name", "", missing);
    same("group fields unknown", "groupfields", "memberCount", "3", unknown);
    same("group code with slash", "groupfields", "code", R"("HQ/SALES")", invalid);
    same("group code with space", "groupfields", "code", R"("HQ SALES")", invalid);
    same("group code too long", "groupfields", "code",
         quoted(QByteArray(kGroupCodeMaxLength + 1, 'C')), invalid);
    same("group name with slash", "groupfields", "name", R"("営業/東京")", invalid);
    same("group name empty", "groupfields", "name", R"("")", invalid);
    same("group name trailing space", "groupfields", "name", R"("営業部 ")", invalid);
    same("group name too long", "groupfields", "name", name101, invalid);
    same("group name bidi", "groupfields", "name", R"("a\u202db")", invalid);
    same("group parent not uuid", "groupfields", "parentId", R"("HQ")", invalid);
    same("group member count negative", "group", "memberCount", "-1", invalid);
    same("group member count fractional", "group", "memberCount", "1.5", invalid);
    same("group revision missing", "group", "revision", "", missing);
    same("group revision beyond 2^53", "group", "revision", "9007199254740992", invalid);
    same("group unknown", "group", "children", "[]", unknown);
    same("group list item invalid", "groups", "items.1.code", R"("a b")", invalid);
    same("group list repeated id", "groups", "items.1.id", quoted(kRootGroupId.toLatin1()),
         invalid);
    same("group list items missing", "groups", "items", "", missing);
    same("group list unknown", "groups", "total", "2", unknown);
    same("scope ids missing", "scope", "groupIds", "", missing);
    same("scope ids not array", "scope", "groupIds", quoted(kRootGroupId.toLatin1()), invalid);
    same("scope id repeated", "scope", "groupIds.1", quoted(kRootGroupId.toLatin1()), invalid);
    same("scope id number", "scope", "groupIds.0", "42", invalid);
    same("scope id null", "scope", "groupIds.0", "null", invalid);
    same("scope id not uuid", "scope", "groupIds.0", R"("HQ")", invalid);
    same("scope unknown", "scope", "userId", quoted(kMemberId.toLatin1()), unknown);

    // Attributes.
    same("attribute name missing", "attrfields", "nameJa", "", missing);
    same("attribute choices missing", "attrfields", "choices", "", missing);
    same("attribute name too long", "attrfields", "nameEn",
         quoted(QByteArray(kAttributeNameMaxLength + 1, 'n')), invalid);
    same("attribute name bidi", "attrfields", "nameJa", R"("\u202e勤務地")", invalid);
    same("attribute name empty", "attrfields", "nameEn", R"("")", invalid);
    same("attribute type unknown", "attrfields", "type", R"("list")", invalid);
    same("attribute choices not array", "attrfields", "choices", R"("東京")", invalid);
    same("attribute choice empty", "attrfields", "choices.0", R"("")", invalid);
    same("attribute choice repeated", "attrfields", "choices.1", R"("東京")", invalid);
    same("attribute choice number", "attrfields", "choices.2", "3", invalid);
    same("attribute choice too long", "attrfields", "choices.0",
         quoted(QByteArray(kAttributeChoiceMaxLength + 1, 'c')), invalid);
    same("attribute choice with line break", "attrfields", "choices.0", R"("a\nb")", invalid);
    row("choices of a number", "attrfields", QStringLiteral("type"), R"("number")", invalid,
        QStringLiteral("choices"));
    row("choice without choices", "attrfields", QStringLiteral("choices"), "[]", invalid,
        QStringLiteral("choices"));
    same("attribute revision missing", "attribute", "revision", "", missing);
    same("attribute id invalid", "attribute", "id", R"("location")", invalid);
    row("attribute text with choices", "attribute", QStringLiteral("type"), R"("text")", invalid,
        QStringLiteral("choices"));
    same("attribute list repeated id", "attributes", "items.1.id", quoted(kLocationId.toLatin1()),
         invalid);
    same("attribute list item type", "attributes", "items.0.type", R"("Choice")", invalid);

    // Imports.
    same("import unknown", "import", "path", R"("/tmp/x")", unknown);
    same("import file name empty", "import", "fileName", R"("")", invalid);
    same("import file name bidi", "import", "fileName", R"("a\u202ecsv.exe")", invalid);
    same("import format unknown", "import", "format", R"("xls")", invalid);
    same("import encoding unknown", "import", "encoding", R"("Shift_JIS")", invalid);
    same("import csv without encoding", "import", "encoding", R"("")", invalid);
    same("import row count too high", "import", "rowCount", "100001", invalid);
    same("import target unknown", "import", "columns.0.target", R"("salary")", invalid);
    same("import target attribute not uuid", "import", "columns.0.target", R"("attribute:x")",
         invalid);
    same("import remembered missing", "import", "columns.0.remembered", "", missing);
    same("import header control", "import", "columns.0.header", R"("a\u0001")", invalid);
    same("import status unknown", "import", "status", R"("deleted")", invalid);
    same("mapping remembered unknown", "mapping", "columns.0.remembered", "true", unknown);
    same("mapping target bare prefix", "mapping", "columns.3.target", R"("attribute:")", invalid);
    same("mapping header missing", "mapping", "columns.1.header", "", missing);
    same("mapping columns missing", "mapping", "columns", "", missing);
    same("preview count negative", "preview", "added", "-1", invalid);
    same("preview count missing", "preview", "unchanged", "", missing);
    same("preview row kind unknown", "preview", "rows.0.kind", R"("removed")", invalid);
    same("preview row zero", "preview", "rows.0.row", "0", invalid);
    same("preview change field empty", "preview", "rows.0.changes.0.field", R"("")", invalid);
    same("preview change field unknown", "preview", "rows.0.changes.1.field", R"("salary")",
         invalid);
    same("preview error code unknown", "preview", "rows.2.errors.0.code", R"("oops")", invalid);
    same("preview error detail control", "preview", "rows.2.errors.1.detail", R"("\u001b[31m")",
         invalid);
    same("preview member id invalid", "preview", "rows.1.memberId", R"("x")", invalid);
    same("preview row unknown", "preview", "rows.0.extra", "1", unknown);
    same("preview missing id missing", "preview", "missing.0.memberId", "", missing);
    same("preview new path empty", "preview", "newGroupPaths.0", R"("")", invalid);
    same("preview new path untrimmed", "preview", "newGroupPaths.0", R"(" 本社")", invalid);
    same("apply flag missing", "apply", "createGroups", "", missing);
    same("apply flag string", "apply", "applyChanges", R"("true")", invalid);
    same("apply unknown", "apply", "deleteMissing", "true", unknown);
    same("outcome id invalid", "outcome", "importId", R"("1")", invalid);
    same("outcome count negative", "outcome", "markedLeft", "-1", invalid);
    same("outcome count fractional", "outcome", "skipped", "1.5", invalid);
    same("outcome unknown", "outcome", "errors", "[]", unknown);
}

void TestOrganisationCodecs::rejects()
{
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QByteArray, fragment);
    QFETCH(ProblemCode, code);
    QFETCH(QString, field);

    // The unmodified sample decodes: the failure below is caused by the mutation.
    QVERIFY(!decodeKind(kind, sampleJson(kind)).has_value());

    const QJsonObject json =
        mutate(sampleJson(kind), path.split(QLatin1Char('.')), fragment).toObject();
    const std::optional<Error> error = decodeKind(kind, json);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, code);
    QCOMPARE(error->field, field);
    QVERIFY(!error->detail.isEmpty());
}

void TestOrganisationCodecs::limits_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("valid");

    auto rows = [](const char *name, const char *kind, const char *key, int max) {
        const QString k = QString::fromLatin1(kind);
        const QString member = QString::fromLatin1(key);
        QTest::addRow("%s at most", name) << k << member << max << true;
        QTest::addRow("%s one more", name) << k << member << max + 1 << false;
    };
    rows("attribute values", "fields", "attributes", kAttributesMax);
    rows("choices", "attrfields", "choices", kAttributeChoicesMax);
    rows("scope", "scope", "groupIds", kGroupsMax);
    rows("attribute list", "attributes", "items", kAttributesMax);
    rows("import columns", "import", "columns", kImportMaxColumns);
    rows("mapping columns", "mapping", "columns", kImportMaxColumns);
    rows("preview rows", "preview", "rows", kImportPreviewPageMax);
    rows("new group paths", "preview", "newGroupPaths", kGroupsMax);
}

// Collections of `count` distinct items, one under the limit or one over it.
void TestOrganisationCodecs::limits()
{
    QFETCH(QString, kind);
    QFETCH(QString, key);
    QFETCH(int, count);
    QFETCH(bool, valid);

    QJsonObject json = sampleJson(kind);
    const QJsonValue current = json.value(key);
    if (current.isObject()) { // the attribute values, keyed by id
        QJsonObject values;
        for (int i = 0; i < count; ++i)
            values.insert(
                QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-%1").arg(i, 12, 10, QLatin1Char('0')),
                QStringLiteral("v"));
        json.insert(key, values);
    } else if (current.toArray().at(0).isObject()) {
        QJsonArray items;
        for (int i = 0; i < count; ++i) {
            QJsonObject item = current.toArray().at(0).toObject();
            if (item.contains(QLatin1String("id")))
                item.insert(
                    QLatin1String("id"),
                    QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-%1").arg(i, 12, 10, QLatin1Char('0')));
            items.append(item);
        }
        json.insert(key, items);
    } else {
        QJsonArray items;
        for (int i = 0; i < count; ++i)
            items.append(
                key == QLatin1String("groupIds")
                    ? QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-%1").arg(i, 12, 10, QLatin1Char('0'))
                    : QStringLiteral("item %1").arg(i));
        json.insert(key, items);
    }
    const std::optional<Error> error = decodeKind(kind, json);
    QVERIFY2(!error == valid,
             error ? qPrintable(error->field % QLatin1Char(' ') % error->detail) : "decoded");
    if (error) {
        QCOMPARE(error->code, ProblemCode::InvalidField);
        QCOMPARE(error->field, key);
    }
}

void TestOrganisationCodecs::hostileNamesAreNotReflected()
{
    // Attribute ids are map keys, so they come from the wire: an unprintable
    // or huge one is never copied into the error.
    for (const QString &key :
         {QStringLiteral("<img src=x onerror=alert(1)>"), QString(1024 * 1024, QLatin1Char('k'))}) {
        QJsonObject json = toJson(sampleFields());
        QJsonObject attributes = json.value(QLatin1String("attributes")).toObject();
        attributes.insert(key, QStringLiteral("v"));
        json.insert(QLatin1String("attributes"), attributes);
        const Result<MemberFields> decoded = memberFieldsFromJson(json);
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, QStringLiteral("attributes.(unprintable)"));
        QVERIFY(!decoded.error().detail.contains(QLatin1Char('<')));
    }

    // Values never appear in details either.
    QJsonObject json = toJson(sampleFields());
    json.insert(QLatin1String("familyName"), QStringLiteral("secret\u202e"));
    const Result<MemberFields> decoded = memberFieldsFromJson(json);
    QVERIFY(!decoded.isOk());
    QVERIFY(!decoded.error().detail.contains(QLatin1String("secret")));
}

QTEST_GUILESS_MAIN(TestOrganisationCodecs)
#include "tst_organisationcodecs.moc"
