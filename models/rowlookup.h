#pragma once

#include <QString>
#include <algorithm>

namespace engage::models {

// The row of the item whose id is `id` in a model's list of items, or -1.
template<typename Items>
int rowWithId(const Items &items, const QString &id)
{
    const auto found = std::find_if(items.cbegin(), items.cend(),
                                    [&id](const auto &item) { return item.id == id; });
    return found == items.cend() ? -1 : int(found - items.cbegin());
}

} // namespace engage::models
