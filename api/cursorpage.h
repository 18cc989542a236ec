#pragma once

#include "objectreader.h"
#include "result.h"
#include "validators.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace engage::api {

// One page of a keyset-paginated collection. The cursors are opaque to the
// client: it sends them back unchanged to fetch the next or previous page.
template<typename T>
struct CursorPage
{
    QList<T> items;
    std::optional<QString> nextCursor; // absent on the last page
    std::optional<QString> prevCursor; // absent on the first page

    friend bool operator==(const CursorPage &a, const CursorPage &b)
    {
        return a.items == b.items && a.nextCursor == b.nextCursor && a.prevCursor == b.prevCursor;
    }
    friend bool operator!=(const CursorPage &a, const CursorPage &b) { return !(a == b); }
};

// The most items a page may carry; the service's page-size limit is lower.
inline constexpr qsizetype kMaxPageItems = 1000;

// {"items":[...], "nextCursor" and "prevCursor" only when set}. `encodeItem`
// is any callable const T& -> QJsonObject.
template<typename T, typename Encode>
QJsonObject toJson(const CursorPage<T> &page, Encode &&encodeItem)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(encodeItem(item));
    QJsonObject object;
    object.insert(QLatin1String("items"), items);
    if (page.nextCursor)
        object.insert(QLatin1String("nextCursor"), *page.nextCursor);
    if (page.prevCursor)
        object.insert(QLatin1String("prevCursor"), *page.prevCursor);
    return object;
}

// Uses the item type's own toJson overload.
template<typename T>
QJsonObject toJson(const CursorPage<T> &page)
{
    return toJson(page, [](const T &item) { return toJson(item); });
}

// The page's members read by a reader the caller owns, so that a page with
// members of its own (a total) is read in one pass. `decodeItem` is any
// callable const QJsonObject& -> Result<T>, e.g. personFromJson.
template<typename T, typename Decode>
CursorPage<T> readCursorPage(ObjectReader &reader, Decode &&decodeItem)
{
    CursorPage<T> page;
    page.items = reader.objectArray(QLatin1String("items"), decodeItem, kMaxPageItems);
    page.nextCursor = reader.optionalString(QLatin1String("nextCursor"), validateToken);
    page.prevCursor = reader.optionalString(QLatin1String("prevCursor"), validateToken);
    return page;
}

template<typename T, typename Decode>
Result<CursorPage<T>> cursorPageFromJson(const QJsonObject &object, Decode &&decodeItem)
{
    ObjectReader reader(object);
    CursorPage<T> page = readCursorPage<T>(reader, decodeItem);
    if (auto error = reader.finish())
        return *error;
    return page;
}

} // namespace engage::api
