#include "fieldchanges.h"

namespace engage::server::domain {

namespace {

// The log keeps at most kFieldChangeValueMaxLength characters of a value.
std::optional<QString> logged(const std::optional<QString> &value)
{
    if (!value || value->size() <= api::kFieldChangeValueMaxLength)
        return value;
    return value->left(api::kFieldChangeValueMaxLength - 1) + QChar(0x2026);
}

} // namespace

void FieldChanges::compare(const QString &field, const std::optional<QString> &before,
                           const std::optional<QString> &after)
{
    if (before != after && m_changes.size() < api::kFieldChangesMax)
        m_changes.append({field, logged(before), logged(after), false});
}

void FieldChanges::compareMasked(const QString &field, const std::optional<QString> &before,
                                 const std::optional<QString> &after)
{
    if (before != after && m_changes.size() < api::kFieldChangesMax)
        m_changes.append({field, std::nullopt, std::nullopt, true});
}

QStringList FieldChanges::fields() const
{
    QStringList names;
    names.reserve(m_changes.size());
    for (const api::FieldChange &change : m_changes)
        names.append(change.field);
    return names;
}

} // namespace engage::server::domain
