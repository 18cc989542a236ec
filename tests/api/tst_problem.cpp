#include "api/jsonparse.h"
#include "api/problem.h"
#include "api/problemcode.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace engage::api;

Q_DECLARE_METATYPE(engage::api::ProblemCode)

class TestProblem final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeTable_data();
    void codeTable();
    void codeNamesAreUniqueAndComplete();
    void unknownCodeNames_data();
    void unknownCodeNames();
    void fromCode();
    void fromError();
    void toJsonShape();
    void roundTrip_data();
    void roundTrip();
    void decodeRejects_data();
    void decodeRejects();
    void decodeIgnoresExtensions();
    void decodeDefaultsTitle();
    void contentType();
};

void TestProblem::codeTable_data()
{
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");

    auto row = [](ProblemCode code, const char *name, int status) {
        QTest::newRow(name) << code << QString::fromLatin1(name) << status;
    };
    row(ProblemCode::MalformedJson, "malformed-json", 400);
    row(ProblemCode::UnknownField, "unknown-field", 400);
    row(ProblemCode::MissingField, "missing-field", 400);
    row(ProblemCode::InvalidField, "invalid-field", 400);
    row(ProblemCode::UnsupportedMediaType, "unsupported-media-type", 415);
    row(ProblemCode::PayloadTooLarge, "payload-too-large", 413);
    row(ProblemCode::NotFound, "not-found", 404);
    row(ProblemCode::MethodNotAllowed, "method-not-allowed", 405);
    row(ProblemCode::Unauthenticated, "unauthenticated", 401);
    row(ProblemCode::Forbidden, "forbidden", 403);
    row(ProblemCode::Conflict, "conflict", 409);
    row(ProblemCode::PreconditionFailed, "precondition-failed", 412);
    row(ProblemCode::PreconditionRequired, "precondition-required", 428);
    row(ProblemCode::TooManyRequests, "too-many-requests", 429);
    row(ProblemCode::Internal, "internal", 500);
    row(ProblemCode::Unavailable, "unavailable", 503);
    row(ProblemCode::PasswordChangeRequired, "password-change-required", 403);
}

void TestProblem::codeTable()
{
    QFETCH(ProblemCode, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QCOMPARE(problemCodeName(code), name);
    QCOMPARE(problemCodeFromName(name), std::optional<ProblemCode>(code));
    QCOMPARE(problemHttpStatus(code), status);
    const QString title = problemDefaultTitle(code);
    QVERIFY(!title.isEmpty());
    QVERIFY(title.size() < 40);
    QVERIFY(title[0].isUpper());
}

void TestProblem::codeNamesAreUniqueAndComplete()
{
    const QStringList names = problemCodeNames();
    QCOMPARE(names.size(), 17);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    QSet<QString> titles;
    for (const QString &name : names) {
        const std::optional<ProblemCode> code = problemCodeFromName(name);
        QVERIFY(code.has_value());
        titles.insert(problemDefaultTitle(*code));
    }
    QCOMPARE(titles.size(), names.size());
}

void TestProblem::unknownCodeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << QStringLiteral("NOT-FOUND");
    QTest::newRow("enum spelling") << QStringLiteral("NotFound");
    QTest::newRow("underscore") << QStringLiteral("not_found");
    QTest::newRow("padded") << QStringLiteral(" not-found");
    QTest::newRow("prefix") << QStringLiteral("not");
    QTest::newRow("unknown") << QStringLiteral("teapot");
}

void TestProblem::unknownCodeNames()
{
    QFETCH(QString, name);
    QVERIFY(!problemCodeFromName(name).has_value());
}

void TestProblem::fromCode()
{
    const Problem problem =
        Problem::fromCode(ProblemCode::TooManyRequests, QStringLiteral("Try again in 30 seconds."));
    QCOMPARE(problem.code, ProblemCode::TooManyRequests);
    QCOMPARE(problem.status, 429);
    QCOMPARE(problem.title, QStringLiteral("Too many requests"));
    QCOMPARE(problem.detail, QStringLiteral("Try again in 30 seconds."));
    QVERIFY(problem.field.isEmpty());
    QVERIFY(problem.requestId.isEmpty());
}

void TestProblem::fromError()
{
    const Error error{ProblemCode::MissingField, QStringLiteral("user.email"),
                      QStringLiteral("This field is required.")};
    const Problem problem = Problem::fromError(error);
    QCOMPARE(problem.code, ProblemCode::MissingField);
    QCOMPARE(problem.status, 400);
    QCOMPARE(problem.title, QStringLiteral("Missing field"));
    QCOMPARE(problem.field, QStringLiteral("user.email"));
    QCOMPARE(problem.detail, QStringLiteral("This field is required."));
}

void TestProblem::toJsonShape()
{
    Problem problem = Problem::fromCode(ProblemCode::NotFound, QStringLiteral("No such survey."));
    problem.requestId = QStringLiteral("req-1");
    QJsonObject json = toJson(problem);
    QCOMPARE(json.value(QLatin1String("type")).toString(),
             QStringLiteral("urn:engage:problem:not-found"));
    QCOMPARE(json.value(QLatin1String("title")).toString(), QStringLiteral("Not found"));
    QCOMPARE(json.value(QLatin1String("status")).toInt(), 404);
    QVERIFY(json.value(QLatin1String("status")).isDouble());
    QCOMPARE(json.value(QLatin1String("detail")).toString(), QStringLiteral("No such survey."));
    QCOMPARE(json.value(QLatin1String("code")).toString(), QStringLiteral("not-found"));
    QCOMPARE(json.value(QLatin1String("requestId")).toString(), QStringLiteral("req-1"));
    QVERIFY(!json.contains(QLatin1String("field")));
    QCOMPARE(json.size(), 6);

    problem.field = QStringLiteral("surveyId");
    json = toJson(problem);
    QCOMPARE(json.value(QLatin1String("field")).toString(), QStringLiteral("surveyId"));
    QCOMPARE(json.size(), 7);
}

void TestProblem::roundTrip_data()
{
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("field");

    for (const QString &name : problemCodeNames()) {
        QTest::newRow(qPrintable(name))
            << *problemCodeFromName(name) << QStringLiteral("Detail for %1.").arg(name)
            << (name.endsWith(QLatin1String("field")) ? QStringLiteral("user.email") : QString());
    }
    QTest::newRow("multi-line unicode detail")
        << ProblemCode::Conflict << QString::fromUtf8("\xe7\xab\xb6\xe5\x90\x88\n2 lines")
        << QString();
    QTest::newRow("empty detail") << ProblemCode::Internal << QString() << QString();
}

void TestProblem::roundTrip()
{
    QFETCH(ProblemCode, code);
    QFETCH(QString, detail);
    QFETCH(QString, field);
    Problem problem = Problem::fromCode(code, detail);
    problem.field = field;
    problem.requestId = QStringLiteral("0f9e2d6c-1b1a-4c3d-9e8f-7a6b5c4d3e2f");

    // Through bytes and the strict parser, as the client receives it.
    const QByteArray body = QJsonDocument(toJson(problem)).toJson(QJsonDocument::Compact);
    const Result<QJsonObject> parsed = parseJsonObject(body);
    QVERIFY(parsed.isOk());
    const Result<Problem> decoded = problemFromJson(parsed.value());
    QVERIFY2(decoded.isOk(), qPrintable(decoded ? QString() : decoded.error().detail));
    QCOMPARE(decoded.value(), problem);
    QCOMPARE(toJson(decoded.value()), toJson(problem));
}

void TestProblem::decodeRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ProblemCode>("code");
    QTest::addColumn<QString>("field");

    QTest::newRow("missing code") << QByteArray(
                                         R"({"type":"urn:engage:problem:internal","status":500})")
                                  << ProblemCode::MissingField << QStringLiteral("code");
    QTest::newRow("missing status")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":"internal"})")
        << ProblemCode::MissingField << QStringLiteral("status");
    QTest::newRow("missing type") << QByteArray(R"({"code":"internal","status":500})")
                                  << ProblemCode::MissingField << QStringLiteral("type");
    QTest::newRow("unknown code")
        << QByteArray(R"({"type":"urn:engage:problem:teapot","code":"teapot","status":418})")
        << ProblemCode::InvalidField << QStringLiteral("code");
    QTest::newRow("code is a number")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":500,"status":500})")
        << ProblemCode::InvalidField << QStringLiteral("code");
    QTest::newRow("type does not match code")
        << QByteArray(R"({"type":"urn:engage:problem:forbidden","code":"internal","status":500})")
        << ProblemCode::InvalidField << QStringLiteral("type");
    QTest::newRow("about:blank type")
        << QByteArray(R"({"type":"about:blank","code":"internal","status":500})")
        << ProblemCode::InvalidField << QStringLiteral("type");
    QTest::newRow("status as string")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":"internal","status":"500"})")
        << ProblemCode::InvalidField << QStringLiteral("status");
    QTest::newRow("status fractional")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":"internal","status":500.5})")
        << ProblemCode::InvalidField << QStringLiteral("status");
    QTest::newRow("status huge")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":"internal","status":1e300})")
        << ProblemCode::InvalidField << QStringLiteral("status");
    QTest::newRow("status out of range")
        << QByteArray(R"({"type":"urn:engage:problem:internal","code":"internal","status":99})")
        << ProblemCode::InvalidField << QStringLiteral("status");
    QTest::newRow("detail is an object")
        << QByteArray(
               R"({"type":"urn:engage:problem:internal","code":"internal","status":500,"detail":{}})")
        << ProblemCode::InvalidField << QStringLiteral("detail");
    QTest::newRow("title with control characters")
        << QByteArray(
               R"({"type":"urn:engage:problem:internal","code":"internal","status":500,"title":"a\u001bb"})")
        << ProblemCode::InvalidField << QStringLiteral("title");
    QTest::newRow("detail 10 MB")
        << QByteArray(
               R"({"type":"urn:engage:problem:internal","code":"internal","status":500,"detail":")" +
               QByteArray(10 * 1024 * 1024, 'x') + "\"}")
        << ProblemCode::InvalidField << QStringLiteral("detail");
}

void TestProblem::decodeRejects()
{
    QFETCH(QByteArray, body);
    QFETCH(ProblemCode, code);
    QFETCH(QString, field);
    const Result<QJsonObject> parsed = parseJsonObject(body);
    QVERIFY(parsed.isOk());
    const Result<Problem> decoded = problemFromJson(parsed.value());
    QVERIFY(!decoded.isOk());
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().field, field);
}

void TestProblem::decodeIgnoresExtensions()
{
    const QByteArray body = R"({"type":"urn:engage:problem:conflict","code":"conflict","status":409,
        "title":"Conflict","detail":"Edited by someone else.","requestId":"r1","retryAfter":3,
        "instance":"/v1/surveys/1"})";
    const Result<Problem> decoded = problemFromJson(parseJsonObject(body).value());
    QVERIFY(decoded.isOk());
    QCOMPARE(decoded.value().code, ProblemCode::Conflict);
    QCOMPARE(decoded.value().status, 409);
    QCOMPARE(decoded.value().detail, QStringLiteral("Edited by someone else."));
    QCOMPARE(decoded.value().requestId, QStringLiteral("r1"));
}

void TestProblem::decodeDefaultsTitle()
{
    const QByteArray body =
        R"({"type":"urn:engage:problem:forbidden","code":"forbidden","status":403})";
    const Result<Problem> decoded = problemFromJson(parseJsonObject(body).value());
    QVERIFY(decoded.isOk());
    QCOMPARE(decoded.value().title, QStringLiteral("Forbidden"));
    QVERIFY(decoded.value().detail.isEmpty());
    QVERIFY(decoded.value().field.isEmpty());
}

void TestProblem::contentType()
{
    QCOMPARE(problemContentType(), QByteArray("application/problem+json"));
}

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
