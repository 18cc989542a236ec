#pragma once

#include "api/logrecord.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::domain {

// The field-level changes of one edit, as the operation log keeps them
// (issue 8): every field that differs, with its values before and after
// where they are work data (status, group, role, a group's name), and only
// the fact of the change where they are personal (names, e-mail, dates of
// birth, memos, tenant attributes). Fields that do not differ are left out.
class FieldChanges final
{
public:
    void compare(const QString &field, const std::optional<QString> &before,
                 const std::optional<QString> &after);
    void compareMasked(const QString &field, const std::optional<QString> &before,
                       const std::optional<QString> &after);

    bool isEmpty() const { return m_changes.isEmpty(); }
    const QList<api::FieldChange> &changes() const { return m_changes; }
    // The names alone, for the row's one-line summary.
    QStringList fields() const;

private:
    QList<api::FieldChange> m_changes;
};

} // namespace engage::server::domain
