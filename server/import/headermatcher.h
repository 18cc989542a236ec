#pragma once

#include "api/attribute.h"
#include "api/memberimport.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::server::import {

// The form a header is compared and remembered in (import_header_mappings):
// Unicode NFKC (full-width letters and half-width kana become their usual
// forms), trimmed, case-folded.
QString normalizedHeader(QStringView header);

// Where each column of a file goes, proposed before the user looks: the
// tenant's remembered header first (`remembered`: normalised header ->
// target, "" for a column the tenant chose to ignore), else the names Engage
// knows in Japanese and English (社員番号, Employee ID, メールアドレス, E-mail,
// 所属, Department, ...), else an attribute's Japanese or English name. A
// target goes to the first column that claims it; later ones are ignored.
QList<api::ImportColumn> proposeMapping(const QStringList &headers,
                                        const QList<api::Attribute> &attributes,
                                        const QHash<QString, QString> &remembered);

// What a mapping the user confirmed changes in the tenant's memory: the
// columns whose target is not what Engage would propose without memory are
// remembered (normalised header -> target); the others are forgotten, so that
// a header mapped back to its usual target no longer carries an old choice.
struct HeaderMemory
{
    QHash<QString, QString> remember;
    QSet<QString> forget;
};
HeaderMemory headerMemory(const QList<api::ImportColumn> &columns,
                          const QList<api::Attribute> &attributes);

// A mapping the user sent for a file with `headers`: one column per header in
// order, known targets, existing attributes, no target twice, not the full
// name beside its parts. The error names the column.
std::optional<api::Error> validateMapping(const QList<api::ImportColumn> &columns,
                                          const QStringList &headers,
                                          const QList<api::Attribute> &attributes);

} // namespace engage::server::import
