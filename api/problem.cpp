#include "problem.h"

#include "objectreader.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr QLatin1String kType("type");
constexpr QLatin1String kTitle("title");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kDetail("detail");
constexpr QLatin1String kCode("code");
constexpr QLatin1String kRequestId("requestId");
constexpr QLatin1String kField("field");

// Bounds on what a client accepts from a service (or whatever answers in its
// place) before it shows the text to a user.
constexpr TextRule kTitleRule{0, 200, false, false};
constexpr TextRule kDetailRule{0, 4000, false, true};
constexpr TextRule kRequestIdRule{0, 200, false, false};
constexpr TextRule kFieldRule{0, 200, false, false};

} // namespace

Problem Problem::fromCode(ProblemCode code, QString detail)
{
    Problem problem;
    problem.code = code;
    problem.status = problemHttpStatus(code);
    problem.title = problemDefaultTitle(code);
    problem.detail = std::move(detail);
    return problem;
}

Problem Problem::fromError(const Error &error)
{
    Problem problem = fromCode(error.code, error.detail);
    problem.field = error.field;
    return problem;
}

QString problemTypeUri(ProblemCode code)
{
    return QLatin1String("urn:engage:problem:") % problemCodeName(code);
}

QJsonObject toJson(const Problem &problem)
{
    QJsonObject object;
    object.insert(kType, problemTypeUri(problem.code));
    object.insert(kTitle, problem.title);
    object.insert(kStatus, problem.status);
    object.insert(kDetail, problem.detail);
    object.insert(kCode, problemCodeName(problem.code));
    object.insert(kRequestId, problem.requestId);
    if (!problem.field.isEmpty())
        object.insert(kField, problem.field);
    return object;
}

Result<Problem> problemFromJson(const QJsonObject &object)
{
    auto text = [](const TextRule &rule) {
        return [&rule](QStringView value) {
            return validateText(value, rule);
        };
    };
    ObjectReader reader(object);
    Problem problem;
    problem.code = reader.enumeration(kCode, problemCodeFromName, problemCodeNames);
    const QString type = reader.string(kType, text(kFieldRule));
    problem.status = int(reader.integer(kStatus, 100, 599));
    problem.title = reader.optionalString(kTitle, text(kTitleRule)).value_or(QString());
    problem.detail = reader.optionalString(kDetail, text(kDetailRule)).value_or(QString());
    problem.requestId = reader.optionalString(kRequestId, text(kRequestIdRule)).value_or(QString());
    problem.field = reader.optionalString(kField, text(kFieldRule)).value_or(QString());
    if (auto error = reader.finishIgnoringUnknown())
        return *error;
    if (type != problemTypeUri(problem.code))
        return Error{ProblemCode::InvalidField, QString(kType),
                     QStringLiteral("Does not match the problem code.")};
    if (problem.title.isEmpty())
        problem.title = problemDefaultTitle(problem.code);
    return problem;
}

QByteArray problemContentType()
{
    return QByteArrayLiteral("application/problem+json");
}

} // namespace engage::api
