#pragma once

// Helpers shared by the codec tests of api/: round trips through the wire
// bytes, and mutation of an encoded sample at a dotted path.

#include "api/jsonparse.h"
#include "api/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QTest>

namespace engage::api::test {

// Round trips go through bytes and the strict parser, exactly as on the wire.
template<typename T, typename Decode>
void checkRoundTrip(const T &value, Decode decode)
{
    const QByteArray bytes = QJsonDocument(toJson(value)).toJson(QJsonDocument::Compact);
    const Result<QJsonObject> parsed = parseJsonObject(bytes);
    QVERIFY(parsed.isOk());
    auto decoded = decode(parsed.value());
    QVERIFY2(decoded.isOk(), qPrintable(decoded ? QString()
                                                : decoded.error().field % QLatin1String(": ") %
                                                      decoded.error().detail));
    QCOMPARE(decoded.value(), value);
    // Encoding what was decoded yields the same bytes: nothing is lost or added.
    QCOMPARE(QJsonDocument(toJson(decoded.value())).toJson(QJsonDocument::Compact), bytes);
}

// Sets (or with an empty `fragment`, removes) the member at a dotted path such
// as "user.email" or "items.1.role". `fragment` is raw JSON text, so that the
// table can hold values QJsonValue could not express (huge numbers).
inline QJsonValue mutate(const QJsonValue &root, QStringList path, const QByteArray &fragment)
{
    const QString head = path.takeFirst();
    auto replacement = [&](const QJsonValue &current) {
        if (!path.isEmpty())
            return mutate(current, path, fragment);
        const Result<QJsonObject> wrapped = parseJsonObject("{\"v\":" + fragment + "}");
        Q_ASSERT(wrapped.isOk());
        return wrapped.value().value(QLatin1String("v"));
    };
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        const int index = head.toInt();
        array[index] = replacement(array.at(index));
        return array;
    }
    QJsonObject object = root.toObject();
    if (path.isEmpty() && fragment.isEmpty())
        object.remove(head);
    else
        object[head] = replacement(object.value(head));
    return object;
}

} // namespace engage::api::test
