#include "importapplier.h"

#include "api/id.h"
#include "importplanner.h"
#include "store/attributerepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QJsonArray>

namespace engage::server::import {

namespace {

const QString kTargetType = QStringLiteral("memberImport");

store::StoreError conflict(const QString &why)
{
    return {store::StoreErrorKind::Conflict, why};
}

// Groups the apply creates get a code of their own, which the user may
// change later; the name is the level as the file wrote it (normalised).
QString generatedGroupCode()
{
    return QStringLiteral("IMP-") + api::createId().remove(QLatin1Char('-')).left(12).toUpper();
}

// Each live group's path as paths compare (levels normalised), to its id.
QHash<QString, QString> normalizedPaths(const QList<api::Group> &groups)
{
    QHash<QString, QString> pathById;
    QHash<QString, QString> idByPath;
    for (const api::Group &group : groups) {
        const QString parent =
            group.fields.parentId ? pathById.value(*group.fields.parentId) : QString();
        const QString name = ImportPlanner::normalizedGroupName(group.fields.name);
        const QString path = parent.isEmpty() ? name : parent + QLatin1Char('/') + name;
        pathById.insert(group.id, path);
        idByPath.insert(path, group.id);
    }
    return idByPath;
}

QJsonObject memberEntry(const QString &id, qint64 revision)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("revision"), revision}};
}

} // namespace

ImportApplier::ImportApplier(QSqlDatabase connection, store::Keyring &keyring,
                             store::MemberIndex &index)
    : m_connection(std::move(connection))
    , m_keyring(keyring)
    , m_index(index)
{}

store::StoreResult<api::ImportOutcome> ImportApplier::apply(const store::TenantScope &scope,
                                                            const ImportActor &actor,
                                                            const ImportRecord &record,
                                                            const ImportTable &table,
                                                            const api::ImportApplyRequest &request)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::Transaction transaction(m_connection);
    if (!transaction.isActive())
        return store::databaseError(QStringLiteral("begin"), transaction.error());
    ImportRecords records(m_connection, m_keyring);
    // Read again under the write lock: a second apply finds it applied.
    const auto current = records.get(scope, record.import.id);
    if (!current)
        return current.error();
    if (current.value().import.status != api::ImportStatus::Uploaded)
        return conflict(QStringLiteral("import not uploaded"));

    store::MemberRepository members(m_connection, m_keyring);
    store::GroupRepository groups(m_connection);
    const auto allMembers = members.all(scope);
    if (!allMembers)
        return allMembers.error();
    const auto allGroups = groups.list(scope);
    if (!allGroups)
        return allGroups.error();
    const auto attributes = store::AttributeRepository(m_connection).list(scope);
    if (!attributes)
        return attributes.error();
    const ImportPlan plan =
        ImportPlanner::plan({table, current.value().import.columns, allMembers.value(),
                             allGroups.value(), attributes.value(), request.createGroups});

    api::ImportOutcome outcome;
    outcome.importId = record.import.id;
    outcome.status = api::ImportStatus::Applied;
    QJsonArray previous;
    QJsonArray added;
    QJsonArray createdGroups;

    // Only the groups the applied rows need, parents first (the plan lists
    // every missing level before the levels below it).
    QSet<QString> needed;
    for (const PlannedRow &row : plan.rows) {
        const bool applied =
            row.shown.kind == api::ImportRowKind::Added ||
            (row.shown.kind == api::ImportRowKind::Changed && request.applyChanges);
        for (QString path = row.newGroupPath; applied && !path.isEmpty();
             path = path.section(QLatin1Char('/'), 0, -2))
            needed.insert(path);
    }
    QHash<QString, QString> groupByPath = normalizedPaths(allGroups.value());
    for (const QString &path : plan.newGroupPaths) {
        if (!needed.contains(path))
            continue;
        api::GroupFields fields;
        fields.code = generatedGroupCode();
        fields.name = path.section(QLatin1Char('/'), -1);
        const QString parentPath = path.section(QLatin1Char('/'), 0, -2);
        if (!parentPath.isEmpty())
            fields.parentId = groupByPath.value(parentPath);
        const auto created = groups.create(scope, fields, actor.personId);
        if (!created)
            return created.error();
        groupByPath.insert(path, created.value().id);
        createdGroups.append(created.value().id);
        ++outcome.groupsCreated;
    }

    QHash<QString, const store::StoredMember *> byId;
    for (const store::StoredMember &stored : allMembers.value())
        byId.insert(stored.member.id, &stored);
    for (const PlannedRow &row : plan.rows) {
        api::MemberFields fields = row.fields;
        if (!row.newGroupPath.isEmpty())
            fields.groupId = groupByPath.value(row.newGroupPath);
        switch (row.shown.kind) {
        case api::ImportRowKind::Invalid:
            ++outcome.skipped;
            break;
        case api::ImportRowKind::Added: {
            const auto created = members.create(scope, fields, now);
            if (!created)
                return created.error();
            added.append(memberEntry(created.value().member.id, created.value().revision));
            ++outcome.added;
            break;
        }
        case api::ImportRowKind::Changed: {
            if (!request.applyChanges)
                break;
            const QString id = *row.shown.memberId;
            const auto updated = members.update(scope, id, row.revision, fields, now);
            if (!updated)
                return updated.error();
            QJsonObject entry = memberEntry(id, updated.value().revision);
            entry.insert(QStringLiteral("fields"), api::toJson(byId.value(id)->member.fields));
            previous.append(entry);
            ++outcome.changed;
            break;
        }
        case api::ImportRowKind::Unchanged:
            break;
        }
    }
    if (request.markMissingAsLeft) {
        for (const api::ImportMissingMember &missing : plan.missing) {
            const store::StoredMember *stored = byId.value(missing.memberId);
            api::MemberFields fields = stored->member.fields;
            fields.status = api::MemberStatus::Left;
            const auto updated =
                members.update(scope, missing.memberId, stored->revision, fields, now);
            if (!updated)
                return updated.error();
            QJsonObject entry = memberEntry(missing.memberId, updated.value().revision);
            entry.insert(QStringLiteral("fields"), api::toJson(stored->member.fields));
            previous.append(entry);
            ++outcome.markedLeft;
        }
    }

    const QJsonObject undo{{QStringLiteral("previous"), previous},
                           {QStringLiteral("added"), added},
                           {QStringLiteral("groups"), createdGroups}};
    if (const auto applied = records.setApplied(scope, current.value(), undo, now); !applied)
        return applied.error();
    const auto logged = store::OperationLog::record(
        scope, m_connection,
        {actor.requestId, actor.personId, kTargetType, record.import.id,
         QStringLiteral("member.import"),
         QStringLiteral("import %1: added %2, changed %3, marked left %4, groups created %5, "
                        "skipped %6")
             .arg(record.import.id)
             .arg(outcome.added)
             .arg(outcome.changed)
             .arg(outcome.markedLeft)
             .arg(outcome.groupsCreated)
             .arg(outcome.skipped),
         now});
    if (!logged)
        return logged.error();
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    m_index.invalidate(scope);
    return outcome;
}

store::StoreResult<api::ImportOutcome> ImportApplier::undo(const store::TenantScope &scope,
                                                           const ImportActor &actor,
                                                           const ImportRecord &record,
                                                           int *changedSince)
{
    *changedSince = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::Transaction transaction(m_connection);
    if (!transaction.isActive())
        return store::databaseError(QStringLiteral("begin"), transaction.error());
    ImportRecords records(m_connection, m_keyring);
    const auto current = records.get(scope, record.import.id);
    if (!current)
        return current.error();
    if (current.value().import.status != api::ImportStatus::Applied)
        return conflict(QStringLiteral("import not applied"));
    const auto undo = records.undoRecord(scope, current.value());
    if (!undo)
        return undo.error();
    const QJsonArray previous = undo.value().value(QStringLiteral("previous")).toArray();
    const QJsonArray added = undo.value().value(QStringLiteral("added")).toArray();
    const QJsonArray createdGroups = undo.value().value(QStringLiteral("groups")).toArray();

    // Every member the import touched must still be as the import left it.
    store::MemberRepository members(m_connection, m_keyring);
    for (const QJsonArray &entries : {previous, added}) {
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const auto stored = members.get(scope, entry.value(QStringLiteral("id")).toString());
            if (!stored && stored.errorKind() != store::StoreErrorKind::NotFound)
                return stored.error();
            if (!stored ||
                stored.value().revision != entry.value(QStringLiteral("revision")).toInteger())
                ++*changedSince;
        }
    }
    if (*changedSince > 0)
        return conflict(QStringLiteral("members changed since the import"));

    api::ImportOutcome outcome;
    outcome.importId = record.import.id;
    outcome.status = api::ImportStatus::Undone;
    for (const QJsonValue &value : previous) {
        const QJsonObject entry = value.toObject();
        const auto fields =
            api::memberFieldsFromJson(entry.value(QStringLiteral("fields")).toObject());
        if (!fields)
            return store::StoreError{store::StoreErrorKind::Crypto,
                                     QStringLiteral("an undo record does not decode")};
        const auto restored = members.update(scope, entry.value(QStringLiteral("id")).toString(),
                                             entry.value(QStringLiteral("revision")).toInteger(),
                                             fields.value(), now);
        if (!restored)
            return restored.error();
        ++outcome.changed;
    }
    for (const QJsonValue &value : added) {
        const QJsonObject entry = value.toObject();
        const auto removed =
            members.remove(scope, entry.value(QStringLiteral("id")).toString(),
                           entry.value(QStringLiteral("revision")).toInteger(), now);
        if (!removed)
            return removed.error();
        ++outcome.added;
    }
    // Children were created after their parents: delete them first. A group
    // someone has since put members in stays.
    store::GroupRepository groups(m_connection);
    for (qsizetype i = createdGroups.size() - 1; i >= 0; --i) {
        const auto group = groups.get(scope, createdGroups.at(i).toString());
        if (!group) {
            if (group.errorKind() == store::StoreErrorKind::NotFound)
                continue;
            return group.error();
        }
        const auto removed =
            groups.remove(scope, group.value().id, group.value().revision, actor.personId);
        if (removed)
            ++outcome.groupsCreated;
        else if (removed.errorKind() != store::StoreErrorKind::NotEmpty)
            return removed.error();
    }
    if (const auto undone = records.setUndone(scope, record.import.id, now); !undone)
        return undone.error();
    const auto logged = store::OperationLog::record(
        scope, m_connection,
        {actor.requestId, actor.personId, kTargetType, record.import.id,
         QStringLiteral("member.import.undo"),
         QStringLiteral("import %1 undone: removed %2 added, restored %3, groups deleted %4")
             .arg(record.import.id)
             .arg(outcome.added)
             .arg(outcome.changed)
             .arg(outcome.groupsCreated),
         now});
    if (!logged)
        return logged.error();
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    m_index.invalidate(scope);
    return outcome;
}

} // namespace engage::server::import
