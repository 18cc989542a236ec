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
    QList<api::MemberFields> additions;
    QList<store::MemberChange> changes;
    for (const PlannedRow &row : plan.rows) {
        api::MemberFields fields = row.fields;
        if (!row.newGroupPath.isEmpty())
            fields.groupId = groupByPath.value(row.newGroupPath);
        switch (row.shown.kind) {
        case api::ImportRowKind::Invalid:
            ++outcome.skipped;
            break;
        case api::ImportRowKind::Added:
            additions.append(std::move(fields));
            break;
        case api::ImportRowKind::Changed:
            if (request.applyChanges)
                changes.append({*row.shown.memberId, row.revision, std::move(fields)});
            break;
        case api::ImportRowKind::Unchanged:
            break;
        }
    }
    outcome.changed = int(changes.size());
    if (request.markMissingAsLeft) {
        for (const api::ImportMissingMember &missing : plan.missing) {
            const store::StoredMember *stored = byId.value(missing.memberId);
            api::MemberFields fields = stored->member.fields;
            fields.status = api::MemberStatus::Left;
            changes.append({missing.memberId, stored->revision, std::move(fields)});
        }
        outcome.markedLeft = int(plan.missing.size());
    }
    // Changes first: a code or e-mail a changed member gives up may be the
    // one a new member takes.
    if (const auto updated = members.updateMany(scope, changes, now); !updated)
        return updated.error();
    for (const store::MemberChange &change : std::as_const(changes)) {
        QJsonObject entry = memberEntry(change.id, change.expectedRevision + 1);
        entry.insert(QStringLiteral("fields"), api::toJson(byId.value(change.id)->member.fields));
        previous.append(entry);
    }
    const auto created = members.createMany(scope, additions, now);
    if (!created)
        return created.error();
    for (const store::StoredMember &stored : created.value())
        added.append(memberEntry(stored.member.id, stored.revision));
    outcome.added = int(created.value().size());

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
    const auto counter = members.changeCounter(scope);
    if (!counter)
        return counter.error();
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    // Every member of the tenant is at hand, opened: the member index starts
    // from them rather than opening every row again on the next listing.
    QList<store::StoredMember> after = allMembers.value();
    QHash<QString, qsizetype> positions;
    for (qsizetype i = 0; i < after.size(); ++i)
        positions.insert(after.at(i).member.id, i);
    for (const store::MemberChange &change : std::as_const(changes)) {
        store::StoredMember &stored = after[positions.value(change.id)];
        stored.member.fields = change.fields;
        stored.member.updatedAt = now;
        stored.revision = change.expectedRevision + 1;
    }
    after.append(created.value());
    m_index.replace(scope, std::move(after), counter.value());
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
    const auto revisions = members.revisions(scope);
    if (!revisions)
        return revisions.error();
    QList<store::MemberChange> restores;
    QList<store::MemberRevision> removals;
    for (const QJsonValue &value : previous) {
        const QJsonObject entry = value.toObject();
        const auto fields =
            api::memberFieldsFromJson(entry.value(QStringLiteral("fields")).toObject());
        if (!fields)
            return store::StoreError{store::StoreErrorKind::Crypto,
                                     QStringLiteral("an undo record does not decode")};
        restores.append({entry.value(QStringLiteral("id")).toString(),
                         entry.value(QStringLiteral("revision")).toInteger(), fields.value()});
    }
    for (const QJsonValue &value : added) {
        const QJsonObject entry = value.toObject();
        removals.append({entry.value(QStringLiteral("id")).toString(),
                         entry.value(QStringLiteral("revision")).toInteger()});
    }
    const auto unchangedSince = [&revisions](const QString &id, qint64 revision) {
        const auto found = revisions.value().constFind(id);
        return found != revisions.value().cend() && *found == revision;
    };
    for (const store::MemberChange &restore : std::as_const(restores))
        *changedSince += unchangedSince(restore.id, restore.expectedRevision) ? 0 : 1;
    for (const store::MemberRevision &removal : std::as_const(removals))
        *changedSince += unchangedSince(removal.id, removal.revision) ? 0 : 1;
    if (*changedSince > 0)
        return conflict(QStringLiteral("members changed since the import"));

    api::ImportOutcome outcome;
    outcome.importId = record.import.id;
    outcome.status = api::ImportStatus::Undone;
    // The added ones first: the codes and e-mails they give up may be the
    // ones a restored member had.
    if (const auto removed = members.removeMany(scope, removals, now); !removed)
        return removed.error();
    if (const auto restored = members.updateMany(scope, restores, now); !restored)
        return restored.error();
    outcome.added = int(removals.size());
    outcome.changed = int(restores.size());
    // Children were created after their parents: delete them first. A group
    // someone has since put members in stays. The revisions come from one
    // listing (reading each group would count every member of the tenant again).
    store::GroupRepository groups(m_connection);
    const auto live = groups.tree(scope);
    if (!live)
        return live.error();
    QHash<QString, qint64> revisionById;
    for (const api::Group &group : live.value())
        revisionById.insert(group.id, group.revision);
    for (qsizetype i = createdGroups.size() - 1; i >= 0; --i) {
        const QString id = createdGroups.at(i).toString();
        const auto revision = revisionById.constFind(id);
        if (revision == revisionById.cend())
            continue; // deleted meanwhile
        const auto removed = groups.remove(scope, id, *revision, actor.personId);
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
