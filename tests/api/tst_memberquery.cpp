#include "api/member.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace engage::api;

Q_DECLARE_METATYPE(engage::api::ProblemCode)
Q_DECLARE_METATYPE(engage::api::MemberQuery)

namespace {

const QString kGroupId = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kAttributeId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// What the service reads: the query of a URL the client encoded, parsed from
// its raw bytes exactly as the HTTPS layer does.
Result<MemberQuery> throughTheWire(const MemberQuery &query)
{
    QUrl url(QStringLiteral("https://127.0.0.1/api/v1/members"));
    url.setQuery(toUrlQuery(query));
    const QUrl received = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    return memberQueryFromUrl(QUrlQuery(received.query(QUrl::FullyEncoded)));
}

// A raw query string as a hostile client could send it.
Result<MemberQuery> parseRaw(const QByteArray &raw)
{
    return memberQueryFromUrl(QUrlQuery(QString::fromUtf8(raw)));
}

} // namespace

class TestMemberQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void defaultsAreNotWritten();
    void wireForm();
    void rejects_data();
    void rejects();
    void detailNeverEchoesValue();
};

void TestMemberQuery::roundTrip_data()
{
    QTest::addColumn<MemberQuery>("query");

    QTest::newRow("defaults") << MemberQuery{};
    MemberQuery all;
    all.search = u8("山田 花子");
    all.groupId = kGroupId;
    all.status = MemberStatus::OnLeave;
    all.attributeId = kAttributeId;
    all.attributeValue = u8("東京");
    all.sort = MemberSort::HireDate;
    all.descending = true;
    all.cursor = QStringLiteral("eyJrIjoiMjAxNS0wNC0wMSJ9.x-y_z~");
    all.limit = kMemberPageMax;
    QTest::newRow("every parameter") << all;
    MemberQuery code;
    code.sort = MemberSort::EmployeeCode;
    code.limit = 1;
    code.status = MemberStatus::Left;
    QTest::newRow("by code, one per page") << code;

    // Values that mean something in a URL arrive as typed.
    for (const char *text :
         {"a&b=c", "50%", "%41", "%zz", "a+b c", "#frag", "x;y", "?q=1", "\\u0041", "<script>",
          "'; DROP TABLE members; --", "𠮷野", "ｶﾀｶﾅ", "Zoë", "  padded  "}) {
        MemberQuery hostile;
        hostile.search = u8(text);
        hostile.attributeId = kAttributeId;
        hostile.attributeValue = QStringLiteral("v ") + u8(text).trimmed();
        QTest::addRow("value %s", text) << hostile;
    }
    MemberQuery longest;
    longest.search = QString(kMemberSearchMaxLength, QChar(0x9AD9));
    QTest::newRow("longest search") << longest;
}

void TestMemberQuery::roundTrip()
{
    QFETCH(MemberQuery, query);
    const Result<MemberQuery> parsed = throughTheWire(query);
    QVERIFY2(parsed.isOk(),
             qPrintable(parsed ? QString()
                               : parsed.error().field % QLatin1Char(' ') % parsed.error().detail));
    QCOMPARE(parsed.value(), query);
}

void TestMemberQuery::defaultsAreNotWritten()
{
    QVERIFY(toUrlQuery(MemberQuery{}).isEmpty());
    MemberQuery ascending;
    ascending.sort = MemberSort::Name;
    ascending.limit = kMemberPageDefault;
    QVERIFY(toUrlQuery(ascending).isEmpty());

    // Explicit defaults in a URL mean the same.
    const Result<MemberQuery> explicitDefaults = parseRaw("q=&sort=name&order=asc&limit=50");
    QVERIFY(explicitDefaults.isOk());
    QCOMPARE(explicitDefaults.value(), MemberQuery{});
}

void TestMemberQuery::wireForm()
{
    MemberQuery query;
    query.status = MemberStatus::OnLeave;
    query.sort = MemberSort::EmployeeCode;
    query.descending = true;
    query.limit = 200;
    QCOMPARE(toUrlQuery(query).toString(QUrl::FullyEncoded),
             QStringLiteral("status=onLeave&sort=employeeCode&order=desc&limit=200"));
}

void TestMemberQuery::rejects_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("field");

    const auto unknown = ProblemCode::UnknownField;
    const auto missing = ProblemCode::MissingField;
    const auto invalid = ProblemCode::InvalidField;
    auto row = [](const char *name, const QByteArray &raw, ProblemCode code, const char *field) {
        QTest::newRow(name) << raw << code << QString::fromLatin1(field);
    };
    const QByteArray group = "group=" + kGroupId.toLatin1();
    const QByteArray attribute = "attribute=" + kAttributeId.toLatin1();

    // Unknown and repeated parameters.
    row("unknown", "page=2", unknown, "page");
    row("unknown after good ones", "q=a&sort=name&offset=10", unknown, "offset");
    row("case-different name", "Q=a", unknown, "Q");
    row("name with spaces", "a%20b=1", unknown, "(unprintable)");
    row("empty name", "=1", unknown, "(unprintable)");
    row("repeated q", "q=a&q=b", invalid, "q");
    row("repeated limit", "limit=10&limit=10", invalid, "limit");
    row("repeated group", group + '&' + group, invalid, "group");

    // q.
    row("q too long", "q=" + QByteArray(kMemberSearchMaxLength + 1, 'x'), invalid, "q");
    row("q with nul", "q=a%00b", invalid, "q");
    row("q with line break", "q=a%0Ab", invalid, "q");
    row("q with escape", "q=%1B%5B31m", invalid, "q");
    row("q with DEL", "q=%7F", invalid, "q");

    // group, status, attribute and value.
    row("group not uuid", "group=sales", invalid, "group");
    row("group upper case", "group=6BA7B810-9DAD-11D1-80B4-00C04FD430C8", invalid, "group");
    row("group empty", "group=", invalid, "group");
    row("status unknown", "status=deleted", invalid, "status");
    row("status wrong case", "status=Active", invalid, "status");
    row("status empty", "status", invalid, "status");
    row("attribute without value", attribute, missing, "value");
    row("value without attribute", "value=x", missing, "attribute");
    row("attribute not uuid", "attribute=location&value=x", invalid, "attribute");
    row("value empty", attribute + "&value=", invalid, "value");
    row("value too long", attribute + "&value=" + QByteArray(201, 'v'), invalid, "value");
    row("value untrimmed", attribute + "&value=%20x", invalid, "value");
    row("value bidi", attribute + "&value=a%E2%80%AEb", invalid, "value");

    // sort, order, cursor.
    row("sort unknown", "sort=salary", invalid, "sort");
    row("sort wrong case", "sort=Name", invalid, "sort");
    row("order unknown", "order=up", invalid, "order");
    row("order upper case", "order=DESC", invalid, "order");
    row("cursor empty", "cursor=", invalid, "cursor");
    row("cursor with space", "cursor=a%20b", invalid, "cursor");
    row("cursor too long", "cursor=" + QByteArray(513, 'c'), invalid, "cursor");

    // limit: plain decimal from 1 to 500 only.
    row("limit zero", "limit=0", invalid, "limit");
    row("limit over max", "limit=501", invalid, "limit");
    row("limit huge", "limit=99999999999999999999", invalid, "limit");
    row("limit negative", "limit=-1", invalid, "limit");
    row("limit plus", "limit=%2B10", invalid, "limit");
    row("limit leading zero", "limit=050", invalid, "limit");
    row("limit hex", "limit=0x10", invalid, "limit");
    row("limit exponent", "limit=1e2", invalid, "limit");
    row("limit fraction", "limit=10.0", invalid, "limit");
    row("limit space", "limit=%2010", invalid, "limit");
    row("limit empty", "limit=", invalid, "limit");
    row("limit full-width digits", "limit=%EF%BC%91%EF%BC%90", invalid, "limit");
    row("limit arabic-indic digits", "limit=%D9%A1", invalid, "limit");
}

void TestMemberQuery::rejects()
{
    QFETCH(QByteArray, raw);
    QFETCH(ProblemCode, code);
    QFETCH(QString, field);
    const Result<MemberQuery> parsed = parseRaw(raw);
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.error().code, code);
    QCOMPARE(parsed.error().field, field);
    QVERIFY(!parsed.error().detail.isEmpty());
}

void TestMemberQuery::detailNeverEchoesValue()
{
    for (const QByteArray &raw :
         {QByteArray(QByteArray("q=") + QByteArray(200, 's')), QByteArray("status=secretvalue"),
          QByteArray("limit=secretvalue"), QByteArray("sort=secretvalue"),
          QByteArray("group=secretvalue"), QByteArray("secretvalue=1")}) {
        const Result<MemberQuery> parsed = parseRaw(raw);
        QVERIFY(!parsed.isOk());
        QVERIFY(!parsed.error().detail.contains(QLatin1String("secret")));
        QVERIFY(!parsed.error().detail.contains(QLatin1String("sssss")));
    }
}

QTEST_GUILESS_MAIN(TestMemberQuery)
#include "tst_memberquery.moc"
