#include "jsonparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringView>
#include <algorithm>

namespace engage::api {

namespace {

Error malformedAt(qsizetype offset, const QString &reason)
{
    return Error{ProblemCode::MalformedJson, QString(),
                 QStringLiteral("Invalid JSON at byte %1: %2.").arg(offset).arg(reason)};
}

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Finds what Qt's parser lets through: nesting beyond our limit, and unpaired
// surrogate escapes ("\ud800"), which Qt stores as they are although no UTF-8
// can carry them. Returns the reason, empty if none. `depth` is the depth of
// `value` if it is an array or object; the recursion is bounded by Qt's own
// nesting limit (1024) and stops past `maxDepth` anyway.
QString findDefect(const QJsonValue &value, int depth, int maxDepth)
{
    if (value.isString() && !QStringView(value.toString()).isValidUtf16())
        return QStringLiteral("a string holds an unpaired surrogate escape");
    if (!value.isArray() && !value.isObject())
        return QString();
    if (depth > maxDepth)
        return QStringLiteral("nesting is too deep (the limit is %1 levels)").arg(maxDepth);
    QString defect;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end() && defect.isEmpty(); ++it)
            defect = findDefect(*it, depth + 1, maxDepth);
        return defect;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end() && defect.isEmpty(); ++it) {
        // A member name is checked as a string value would be.
        defect = findDefect(it.key(), depth + 1, maxDepth);
        if (defect.isEmpty())
            defect = findDefect(it.value(), depth + 1, maxDepth);
    }
    return defect;
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &body, int maxDepth)
{
    // Byte checks for what Qt's parser would accept or report less clearly.
    if (body.isEmpty())
        return malformedAt(0, QStringLiteral("the body is empty"));
    if (body.startsWith("\xEF\xBB\xBF"))
        return malformedAt(0, QStringLiteral("a byte order mark is not allowed"));
    // Bytes below 0x20 are legal in JSON only as whitespace between tokens, yet
    // Qt's parser takes them raw inside strings; only tab/LF/CR cannot be told
    // apart from whitespace without tokenising, so those stay accepted.
    const auto control = std::find_if(body.begin(), body.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 && !isJsonWhitespace(c);
    });
    if (control != body.end())
        return malformedAt(control - body.begin(), QStringLiteral("control character"));
    if (std::all_of(body.begin(), body.end(), isJsonWhitespace))
        return malformedAt(body.size(), QStringLiteral("the body holds only whitespace"));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformedAt(error.offset, error.errorString());
    if (!document.isObject())
        return malformedAt(0, QStringLiteral("the body must be an object"));

    const QJsonObject object = document.object();
    const QString defect = findDefect(object, 1, std::clamp(maxDepth, 1, kMaxJsonDepthCap));
    if (!defect.isEmpty()) // the parsed document no longer knows byte offsets
        return Error{ProblemCode::MalformedJson, QString(),
                     QStringLiteral("Invalid JSON: %1.").arg(defect)};
    return object;
}

} // namespace engage::api
