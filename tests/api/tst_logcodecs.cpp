#include "api/jsonparse.h"
#include "api/logrecord.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace engage::api;
using engage::api::test::checkRoundTrip;
using engage::api::test::mutate;

Q_DECLARE_METATYPE(engage::api::ProblemCode)
Q_DECLARE_METATYPE(engage::api::LogQuery)
Q_DECLARE_METATYPE(engage::api::LogKind)

namespace {

const QString kPersonId = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kTenantId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");

QDateTime utc(const char *text)
{
    return parseDateTime(QString::fromLatin1(text)).value();
}

AccessLogRow accessRow()
{
    AccessLogRow row;
    row.seq = 42;
    row.at = utc("2024-05-01T09:30:00.123Z");
    row.requestId = QStringLiteral("r-1");
    row.personId = kPersonId;
    row.address = QStringLiteral("2001:db8::1");
    row.method = QStringLiteral("GET");
    row.path = QStringLiteral("/api/v1/members");
    row.status = 200;
    row.latencyUs = 1234;
    row.userAgent = QStringLiteral("engage-admin/1.0");
    return row;
}

OperationLogRow operationRow()
{
    OperationLogRow row;
    row.seq = 7;
    row.at = utc("2024-05-01T09:30:00.000Z");
    row.requestId = QStringLiteral("system");
    row.targetType = QStringLiteral("member");
    row.targetId = kPersonId;
    row.action = QStringLiteral("member.update");
    row.summary = QStringLiteral("changed: familyName, status");
    row.changes = {FieldChange{QStringLiteral("familyName"), std::nullopt, std::nullopt, true},
                   FieldChange{QStringLiteral("status"), QStringLiteral("active"),
                               QStringLiteral("left"), false},
                   FieldChange{QStringLiteral("groupId"), std::nullopt, kTenantId, false}};
    return row;
}

ErrorLogRow errorRow()
{
    ErrorLogRow row;
    row.seq = 1;
    row.at = utc("2024-05-01T09:30:00.000Z");
    row.requestId = QStringLiteral("r-2");
    row.method = QStringLiteral("PUT");
    row.route = QStringLiteral("/api/v1/members/{id}");
    row.status = 500;
    row.code = QStringLiteral("internal");
    row.category = QStringLiteral("database");
    return row;
}

// What the service reads: the query of a URL the client encoded, parsed from
// its raw bytes exactly as the HTTPS layer does.
QUrlQuery throughTheWire(const QUrlQuery &query)
{
    QUrl url(QStringLiteral("https://127.0.0.1/api/v1/logs/access"));
    url.setQuery(query);
    const QUrl received = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    return QUrlQuery(received.query(QUrl::FullyEncoded));
}

QUrlQuery raw(const QByteArray &text)
{
    return QUrlQuery(QString::fromUtf8(text));
}

QJsonObject encoded(const QJsonObject &object, const QString &path, const QByteArray &fragment)
{
    return mutate(object, path.split(u'.'), fragment).toObject();
}

} // namespace

class TestLogCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsRoundTrip();
    void pagesAndTailsRoundTrip();
    void histogramRoundTrip();
    void verificationRoundTrip();
    void rowRejects_data();
    void rowRejects();
    void queryRoundTrip_data();
    void queryRoundTrip();
    void queryRejects_data();
    void queryRejects();
    void applicability_data();
    void applicability();
    void statusRanges();
    void histogramQuery();
    void tailAfter();
};

void TestLogCodecs::rowsRoundTrip()
{
    checkRoundTrip(accessRow(), accessLogRowFromJson);
    AccessLogRow anonymous = accessRow();
    anonymous.personId.reset();
    anonymous.userAgent.clear();
    checkRoundTrip(anonymous, accessLogRowFromJson);
    checkRoundTrip(operationRow(), operationLogRowFromJson);
    OperationLogRow byPerson = operationRow();
    byPerson.actorId = kPersonId;
    byPerson.changes.clear();
    checkRoundTrip(byPerson, operationLogRowFromJson);
    checkRoundTrip(errorRow(), errorLogRowFromJson);
}

void TestLogCodecs::pagesAndTailsRoundTrip()
{
    AccessLogPage access;
    access.page.items = {accessRow(), accessRow()};
    access.page.items[1].seq = 41;
    access.page.nextCursor = QStringLiteral("NDE");
    access.page.prevCursor = QStringLiteral("NDI");
    access.newestSeq = 1000;
    checkRoundTrip(access, accessLogPageFromJson);
    checkRoundTrip(OperationLogPage{{{operationRow()}, std::nullopt, std::nullopt}, 7},
                   operationLogPageFromJson);
    checkRoundTrip(ErrorLogPage{}, errorLogPageFromJson);

    checkRoundTrip(AccessLogTail{{accessRow()}, 42}, accessLogTailFromJson);
    checkRoundTrip(OperationLogTail{{}, 7}, operationLogTailFromJson);
    checkRoundTrip(ErrorLogTail{{errorRow()}, 1}, errorLogTailFromJson);

    // A page must carry where the tail starts.
    QJsonObject object = toJson(access);
    object.remove(QStringLiteral("newestSeq"));
    QCOMPARE(accessLogPageFromJson(object).error().field, QStringLiteral("newestSeq"));
}

void TestLogCodecs::histogramRoundTrip()
{
    LogHistogram histogram;
    histogram.bucket = LogBucket::Hour;
    histogram.utcOffsetMinutes = 540;
    histogram.buckets = {{utc("2024-05-01T00:00:00Z"), 3}, {utc("2024-05-01T02:00:00Z"), 4}};
    histogram.total = 7;
    checkRoundTrip(histogram, logHistogramFromJson);

    const QJsonObject object = toJson(histogram);
    QCOMPARE(logHistogramFromJson(encoded(object, QStringLiteral("total"), "8")).error().field,
             QStringLiteral("total"));
    QCOMPARE(logHistogramFromJson(
                 encoded(object, QStringLiteral("buckets.1.start"), "\"2024-04-30T23:00:00Z\""))
                 .error()
                 .field,
             QStringLiteral("buckets.1.start"));
    QCOMPARE(
        logHistogramFromJson(encoded(object, QStringLiteral("buckets.0.count"), "0")).error().field,
        QStringLiteral("buckets.0.count"));
    QCOMPARE(logHistogramFromJson(encoded(object, QStringLiteral("offset"), "841")).error().field,
             QStringLiteral("offset"));
}

void TestLogCodecs::verificationRoundTrip()
{
    LogVerification intact;
    intact.tenant = kTenantId;
    intact.log = LogKind::Access;
    intact.checkedRows = 12;
    intact.checkpointAt = utc("2024-05-01T00:00:00Z");
    intact.detail = QStringLiteral("12 rows intact.");
    LogVerification broken = intact;
    broken.intact = false;
    broken.log = LogKind::Operation;
    broken.firstBrokenSeq = 5;
    broken.breakKind = LogBreak::ChainBroken;
    broken.checkpointAt.reset();
    checkRoundTrip(intact, logVerificationFromJson);
    checkRoundTrip(broken, logVerificationFromJson);
    // Requests nobody signed in for have a chain of their own.
    LogVerification unknownTenant = intact;
    unknownTenant.tenant.clear();
    checkRoundTrip(unknownTenant, logVerificationFromJson);
    checkRoundTrip(LogVerificationReport{false, {intact, broken}}, logVerificationReportFromJson);

    QCOMPARE(logVerificationFromJson(encoded(toJson(intact), QStringLiteral("intact"), "false"))
                 .error()
                 .field,
             QStringLiteral("break"));
    QCOMPARE(
        logVerificationReportFromJson(encoded(toJson(LogVerificationReport{true, {intact, broken}}),
                                              QStringLiteral("intact"), "true"))
            .error()
            .field,
        QStringLiteral("intact"));
    QCOMPARE(logVerificationFromJson(encoded(toJson(broken), QStringLiteral("break"), "\"gone\""))
                 .error()
                 .field,
             QStringLiteral("break"));
}

void TestLogCodecs::rowRejects_data()
{
    QTest::addColumn<LogKind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
    QTest::addColumn<QString>("field");

    QTest::newRow("seq zero") << LogKind::Access << "seq" << QByteArray("0") << "seq";
    QTest::newRow("seq beyond JSON")
        << LogKind::Access << "seq" << QByteArray("9007199254740993") << "seq";
    QTest::newRow("seq fractional") << LogKind::Operation << "seq" << QByteArray("1.5") << "seq";
    QTest::newRow("time with offset")
        << LogKind::Access << "at" << QByteArray("\"2024-05-01T09:30:00+09:00\"") << "at";
    QTest::newRow("person not an id")
        << LogKind::Access << "personId" << QByteArray("\"bob\"") << "personId";
    QTest::newRow("control character in path")
        << LogKind::Access << "path" << QByteArray("\"/a\\u0000b\"") << "path";
    QTest::newRow("missing user agent")
        << LogKind::Access << "userAgent" << QByteArray() << "userAgent";
    QTest::newRow("unknown member")
        << LogKind::Access << "secret" << QByteArray("\"x\"") << "secret";
    QTest::newRow("action with space")
        << LogKind::Operation << "action" << QByteArray("\"member update\"") << "action";
    QTest::newRow("masked with a value")
        << LogKind::Operation << "changes.0.before" << QByteArray("\"山田\"") << "changes.0.masked";
    QTest::newRow("change without field")
        << LogKind::Operation << "changes.1.field" << QByteArray() << "changes.1.field";
    QTest::newRow("change value too long")
        << LogKind::Operation << "changes.1.after" << ('"' + QByteArray(201, 'x') + '"')
        << "changes.1.after";
    QTest::newRow("error code not a name")
        << LogKind::Error << "code" << QByteArray("\"a b\"") << "code";
    QTest::newRow("error status text")
        << LogKind::Error << "status" << QByteArray("\"500\"") << "status";
}

void TestLogCodecs::rowRejects()
{
    QFETCH(LogKind, kind);
    QFETCH(QString, path);
    QFETCH(QByteArray, fragment);
    QFETCH(QString, field);

    std::optional<Error> error;
    switch (kind) {
    case LogKind::Access:
        if (auto decoded = accessLogRowFromJson(encoded(toJson(accessRow()), path, fragment));
            !decoded)
            error = decoded.error();
        break;
    case LogKind::Operation:
        if (auto decoded = operationLogRowFromJson(encoded(toJson(operationRow()), path, fragment));
            !decoded)
            error = decoded.error();
        break;
    case LogKind::Error:
        if (auto decoded = errorLogRowFromJson(encoded(toJson(errorRow()), path, fragment));
            !decoded)
            error = decoded.error();
        break;
    }
    QVERIFY(error);
    QCOMPARE(error->field, field);
}

void TestLogCodecs::queryRoundTrip_data()
{
    QTest::addColumn<LogQuery>("query");

    QTest::newRow("defaults") << LogQuery{};
    LogQuery all;
    all.from = utc("2024-04-01T00:00:00.000Z");
    all.to = utc("2024-05-01T00:00:00.000Z");
    all.person = kPersonId;
    all.action = QStringLiteral("member.*");
    all.targetType = QStringLiteral("member");
    all.targetId = kPersonId;
    all.status = QStringLiteral("4xx");
    all.address = QStringLiteral("2001:db8::1");
    all.search = QString::fromUtf8("山田 & 50% '; DROP TABLE access_log; --");
    all.cursor = QStringLiteral("MTIz");
    all.direction = LogDirection::Newer;
    all.limit = kLogPageMax;
    QTest::newRow("every parameter") << all;
    LogQuery exact;
    exact.status = QStringLiteral("404");
    exact.action = QStringLiteral("GET");
    exact.limit = 1;
    QTest::newRow("exact status, one per page") << exact;
    for (const char *text : {"a&b=c", "%41", "+", "#x", "?q=1", "<script>", "𠮷野"}) {
        LogQuery hostile;
        hostile.search = QString::fromUtf8(text);
        QTest::newRow(text) << hostile;
    }
}

void TestLogCodecs::queryRoundTrip()
{
    QFETCH(LogQuery, query);
    const Result<LogQuery> parsed = logQueryFromUrl(throughTheWire(toUrlQuery(query)));
    QVERIFY2(parsed.isOk(), qPrintable(parsed ? QString() : parsed.error().field));
    QCOMPARE(parsed.value(), query);
}

void TestLogCodecs::queryRejects_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("field");

    const auto invalid = ProblemCode::InvalidField;
    QTest::newRow("unknown parameter")
        << QByteArray("sort=seq") << ProblemCode::UnknownField << "sort";
    QTest::newRow("hostile unknown name")
        << QByteArray("%27%3BDROP=1") << ProblemCode::UnknownField << "(unprintable)";
    QTest::newRow("repeated") << QByteArray("status=404&status=500") << invalid << "status";
    QTest::newRow("bad date") << QByteArray("from=2024-02-30T00:00:00Z") << invalid << "from";
    QTest::newRow("local time") << QByteArray("to=2024-05-01T09:00:00") << invalid << "to";
    QTest::newRow("date only") << QByteArray("from=2024-05-01") << invalid << "from";
    QTest::newRow("empty range") << QByteArray("from=2024-05-01T00:00:00Z&to=2024-05-01T00:00:00Z")
                                 << invalid << "to";
    QTest::newRow("person not an id") << QByteArray("person=alice") << invalid << "person";
    QTest::newRow("sql in action") << QByteArray("action=x%27%20OR%201=1") << invalid << "action";
    QTest::newRow("bare wildcard") << QByteArray("action=.*") << invalid << "action";
    QTest::newRow("status 600") << QByteArray("status=600") << invalid << "status";
    QTest::newRow("status class 4XX") << QByteArray("status=4XX") << invalid << "status";
    QTest::newRow("status 40") << QByteArray("status=40") << invalid << "status";
    QTest::newRow("address with host name")
        << QByteArray("address=example.com") << invalid << "address";
    QTest::newRow("huge search") << ("q=" + QByteArray(101, 'x')) << invalid << "q";
    QTest::newRow("control in search") << QByteArray("q=a%00b") << invalid << "q";
    QTest::newRow("target id padded") << QByteArray("targetId=%20x") << invalid << "targetId";
    QTest::newRow("cursor with space") << QByteArray("cursor=a%20b") << invalid << "cursor";
    QTest::newRow("direction") << QByteArray("direction=up") << invalid << "direction";
    QTest::newRow("limit zero") << QByteArray("limit=0") << invalid << "limit";
    QTest::newRow("limit huge") << QByteArray("limit=99999999999999999999") << invalid << "limit";
    QTest::newRow("limit signed") << QByteArray("limit=+5") << invalid << "limit";
    QTest::newRow("limit 1001") << QByteArray("limit=1001") << invalid << "limit";
}

void TestLogCodecs::queryRejects()
{
    QFETCH(QByteArray, query);
    QFETCH(ProblemCode, code);
    QFETCH(QString, field);
    const Result<LogQuery> parsed = logQueryFromUrl(raw(query));
    QVERIFY(!parsed.isOk());
    QCOMPARE(parsed.error().code, code);
    QCOMPARE(parsed.error().field, field);
    // The detail is about the parameter, never its value.
    QVERIFY(!parsed.error().detail.contains(QLatin1String("DROP")));
}

void TestLogCodecs::applicability_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<LogKind>("kind");
    QTest::addColumn<QString>("field"); // empty: applies

    QTest::newRow("target on access")
        << QByteArray("targetType=member") << LogKind::Access << "targetType";
    QTest::newRow("target id on error") << QByteArray("targetId=x") << LogKind::Error << "targetId";
    QTest::newRow("status on operation")
        << QByteArray("status=500") << LogKind::Operation << "status";
    QTest::newRow("address on error")
        << QByteArray("address=10.0.0.1") << LogKind::Error << "address";
    QTest::newRow("address on access")
        << QByteArray("address=10.0.0.1") << LogKind::Access << QString();
    QTest::newRow("target on operation")
        << QByteArray("targetType=member&targetId=x") << LogKind::Operation << QString();
    QTest::newRow("person and text anywhere")
        << QByteArray("person=6ba7b810-9dad-11d1-80b4-00c04fd430c8&q=x") << LogKind::Error
        << QString();
}

void TestLogCodecs::applicability()
{
    QFETCH(QByteArray, query);
    QFETCH(LogKind, kind);
    QFETCH(QString, field);
    const Result<LogQuery> parsed = logQueryFromUrl(raw(query));
    QVERIFY(parsed.isOk());
    const std::optional<Error> error = logQueryAppliesTo(parsed.value(), kind);
    QCOMPARE(error ? error->field : QString(), field);
}

void TestLogCodecs::statusRanges()
{
    QCOMPARE(logStatusRange(u"404")->first, 404);
    QCOMPARE(logStatusRange(u"404")->last, 404);
    QCOMPARE(logStatusRange(u"5xx")->first, 500);
    QCOMPARE(logStatusRange(u"5xx")->last, 599);
    QVERIFY(!logStatusRange(u"0xx"));
    QVERIFY(!logStatusRange(u"4x4"));
    QVERIFY(!logStatusRange(u"４０４")); // full-width digits
}

void TestLogCodecs::histogramQuery()
{
    LogHistogramQuery query;
    query.bucket = LogBucket::Hour;
    query.utcOffsetMinutes = -570;
    query.filter.person = kPersonId;
    query.filter.search = QStringLiteral("50%");
    const auto parsed = logHistogramQueryFromUrl(throughTheWire(toUrlQuery(query)));
    QVERIFY(parsed.isOk());
    QCOMPARE(parsed.value(), query);

    QCOMPARE(logHistogramQueryFromUrl(raw("bucket=week")).error().field, QStringLiteral("bucket"));
    QCOMPARE(logHistogramQueryFromUrl(raw("offset=-0")).error().field, QStringLiteral("offset"));
    QCOMPARE(logHistogramQueryFromUrl(raw("offset=841")).error().field, QStringLiteral("offset"));
    QCOMPARE(logHistogramQueryFromUrl(raw("cursor=abc")).error().code, ProblemCode::UnknownField);
    QCOMPARE(logFilterFromUrl(raw("limit=5")).error().field, QStringLiteral("limit"));
    QCOMPARE(logFilterFromUrl(raw("status=5xx")).value().status, QStringLiteral("5xx"));
}

void TestLogCodecs::tailAfter()
{
    QCOMPARE(logTailAfterFromUrl(throughTheWire(logTailUrlQuery(0))).value(), 0);
    QCOMPARE(logTailAfterFromUrl(logTailUrlQuery(kMaxLogSeq)).value(), kMaxLogSeq);
    QCOMPARE(logTailAfterFromUrl(QUrlQuery()).error().code, ProblemCode::MissingField);
    QCOMPARE(logTailAfterFromUrl(raw("after=-1")).error().field, QStringLiteral("after"));
    QCOMPARE(logTailAfterFromUrl(raw("after=9007199254740992")).error().field,
             QStringLiteral("after"));
    QCOMPARE(logTailAfterFromUrl(raw("after=1&q=x")).error().code, ProblemCode::UnknownField);
}

QTEST_GUILESS_MAIN(TestLogCodecs)
#include "tst_logcodecs.moc"
