#pragma once

#include "api/attribute.h"
#include "api/group.h"
#include "api/memberimport.h"
#include "importtable.h"
#include "store/memberrepository.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace engage::server::import {

// One row of the file as the apply will carry it out.
struct PlannedRow
{
    api::ImportRow shown;     // as the preview lists it
    api::MemberFields fields; // what the member becomes (added and changed rows)
    qint64 revision = 0;      // the matched member's revision (changed rows)
    QString newGroupPath;     // a group the apply creates for it (fields.groupId is then unset)
};

// The dry run of a file against the tenant as it is now.
struct ImportPlan
{
    QList<PlannedRow> rows; // added, changed and invalid rows, in file order
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int invalid = 0;
    QList<api::ImportMissingMember> missing;
    QHash<QString, qint64> missingRevisions; // member id -> revision
    QStringList newGroupPaths;               // normalised, each parent before its children

    // The counts and the slice [offset, offset + limit) of the rows.
    api::ImportPreview preview(int offset, int limit) const;
};

struct PlanInput
{
    const ImportTable &table;
    const QList<api::ImportColumn> &columns;   // one per header, in order
    const QList<store::StoredMember> &members; // every live member of the tenant
    const QList<api::Group> &groups;
    const QList<api::Attribute> &attributes;
    // Rows naming groups that do not exist are valid (the apply creates the
    // groups) instead of failing with "unknownGroup".
    bool createGroups = false;
};

// The dry run. Each row is matched to a member by member id, else employee
// code, else e-mail; what a mapped cell holds replaces the member's field (an
// empty cell leaves it as it is, so that a partial file never wipes data).
// Group paths ("本社/営業部", '/' or '>' between levels) are matched level by
// level after NFKC and trimming, so "営業部 " is 営業部 and ＡＢＣ is ABC.
// Status reads 在籍/休職/退職 or active/on leave/left; delivery 1/0, yes/no,
// はい/いいえ, ○/×, TRUE/FALSE. A row whose values match the member exactly is
// unchanged, so importing the same file twice changes nothing.
class ImportPlanner final
{
public:
    static ImportPlan plan(const PlanInput &input);

    // The groups' paths ("本社/営業部"), by id, as the preview shows them.
    static QHash<QString, QString> groupPaths(const QList<api::Group> &groups);
    // A group path from a file, split and normalised level by level; empty
    // levels dropped.
    static QStringList pathLevels(const QString &path);
    // A group name as paths compare it: NFKC, trimmed.
    static QString normalizedGroupName(const QString &name);
};

} // namespace engage::server::import
