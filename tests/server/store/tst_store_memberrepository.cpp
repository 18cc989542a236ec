// MemberRepository: sealed round trip, nothing of a name, e-mail, code, birth
// date or memo in clear on disk, unique codes and e-mails per tenant (given up
// by deleted members, wanted back by a restore), optimistic revisions, purge,
// the member_changes counter every write bumps, and tenant scoping; batches
// (createMany, updateMany, removeMany) as imports use them: one counter bump
// each, all or nothing.

#include "store/memberpurge.h"
#include "store/memberrepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::api::MemberFields;
using engage::api::MemberStatus;
using engage::server::store::testing::memberFields;
using engage::server::store::testing::StoreFixture;

class TestMemberRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void nothingInClearOnDisk();
    void codeAndEmailAreUnique();
    void revisionConflict();
    void deleteFreesCodeAndEmail();
    void restoreConflict();
    void purge();
    void purgeJobFollowsEachTenantsRetention();
    void everyWriteBumpsTheCounter();
    void otherTenantsIdIsNotFound();
    void getManyKeepsTheOrder();
    void groupMustBeTheTenantsOwn();
    void batchesRoundTrip();
    void batchesAreAllOrNothing();
};

namespace {

const QDateTime kAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC);

MemberFields fullFields()
{
    MemberFields fields =
        memberFields(QStringLiteral("髙橋"), QStringLiteral("美咲"), QStringLiteral("E-0042"),
                     QStringLiteral("Misaki.Takahashi@Example.JP"));
    fields.attributes.insert(QStringLiteral("a1"), QStringLiteral("東京"));
    fields.hireDate = QDate(2015, 4, 1);
    fields.birthDate = QDate(1990, 7, 15);
    fields.employmentType = QStringLiteral("正社員");
    fields.grade = QStringLiteral("G3");
    fields.position = QStringLiteral("主任");
    fields.jobCategory = QStringLiteral("営業");
    fields.status = MemberStatus::OnLeave;
    fields.deliver = false;
    fields.memo = QStringLiteral("育休中\n4月復帰予定");
    return fields;
}

template<typename T>
QString messageOf(const StoreResult<T> &result)
{
    return result.isOk() ? QString() : result.error().message;
}

} // namespace

void TestMemberRepository::roundTrip()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    const auto created = members.create(tenant, fullFields(), kAt);
    QVERIFY2(created.isOk(), qPrintable(messageOf(created)));
    QCOMPARE(created.value().revision, 1);
    QCOMPARE(created.value().member.createdAt, kAt);

    const auto read = members.get(tenant, created.value().member.id);
    QVERIFY2(read.isOk(), qPrintable(messageOf(read)));
    QCOMPARE(read.value().member, created.value().member);
    QCOMPARE(read.value().member.fields, fullFields());

    // Found by code exactly (trimmed) and by e-mail whatever its case.
    QCOMPARE(members.findByEmployeeCode(tenant, QStringLiteral(" E-0042 ")).value().member.id,
             created.value().member.id);
    QCOMPARE(members.findByEmployeeCode(tenant, QStringLiteral("e-0042")).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(members.findByEmail(tenant, QStringLiteral("misaki.takahashi@example.jp"))
                 .value()
                 .member.id,
             created.value().member.id);

    // A member without code, e-mail, dates or memo.
    const auto bare = members.create(tenant,
                                     memberFields(QStringLiteral("山﨑"), QString(), std::nullopt,
                                                  QStringLiteral("y@example.jp")),
                                     kAt);
    QVERIFY(bare.isOk());
    QCOMPARE(members.get(tenant, bare.value().member.id).value().member.fields,
             bare.value().member.fields);
    QCOMPARE(members.all(tenant).value().size(), 2);
}

void TestMemberRepository::nothingInClearOnDisk()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    MemberFields fields = fullFields();
    fields.familyName = QStringLiteral("Quixotica");
    fields.givenName = QStringLiteral("Zebulonia");
    fields.employeeCode = QStringLiteral("CODE-XYZZY-77");
    fields.email = QStringLiteral("zq@uniquedomain.example");
    fields.memo = QStringLiteral("Memorandum-Plover");
    fields.birthDate = QDate(1977, 11, 23);
    QVERIFY(members.create(tenant, fields, kAt).isOk());
    QVERIFY(members.create(tenant, fullFields(), kAt).isOk());

    const QByteArray disk = store.allFileBytes();
    QVERIFY(disk.size() > 4096);
    for (const QString &clear :
         {fields.familyName, fields.givenName, *fields.employeeCode, *fields.email,
          QStringLiteral("uniquedomain"), fields.memo, QStringLiteral("1977-11-23"),
          QStringLiteral("髙橋"), QStringLiteral("美咲"), QStringLiteral("E-0042"),
          QStringLiteral("育休中")}) {
        QVERIFY2(!disk.contains(clear.toUtf8()), qPrintable(clear));
        QVERIFY2(!disk.contains(clear.toLower().toUtf8()), qPrintable(clear));
    }
    // Work data stays in clear, for filters and aggregation.
    QVERIFY(disk.contains(QStringLiteral("正社員").toUtf8()));
}

void TestMemberRepository::codeAndEmailAreUnique()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    MemberRepository members(store.connection(), store.keyring());
    QVERIFY(members.create(tenant, fullFields(), kAt).isOk());

    MemberFields sameCode = memberFields(QStringLiteral("A"), QString(), QStringLiteral("E-0042"));
    QCOMPARE(members.create(tenant, sameCode, kAt).errorKind(), StoreErrorKind::CodeTaken);
    MemberFields sameEmail = memberFields(QStringLiteral("B"), QString(), std::nullopt,
                                          QStringLiteral(" MISAKI.takahashi@example.jp"));
    QCOMPARE(members.create(tenant, sameEmail, kAt).errorKind(), StoreErrorKind::EmailTaken);
    // Another tenant may have both.
    QVERIFY(members.create(other, fullFields(), kAt).isOk());
    // Members without a code (or without an e-mail) do not collide.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(members
                    .create(tenant,
                            memberFields(QStringLiteral("C"), QString(), std::nullopt,
                                         QStringLiteral("c%1@example.jp").arg(i)),
                            kAt)
                    .isOk());
    }
    // An update onto a taken code.
    const auto second = members.create(
        tenant, memberFields(QStringLiteral("D"), QString(), QStringLiteral("D-1")), kAt);
    QVERIFY(second.isOk());
    QCOMPARE(members.update(tenant, second.value().member.id, 1, sameCode, kAt).errorKind(),
             StoreErrorKind::CodeTaken);
    QCOMPARE(members.get(tenant, second.value().member.id).value().revision, 1);
}

void TestMemberRepository::revisionConflict()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    const QString id = members.create(tenant, fullFields(), kAt).value().member.id;
    MemberFields changed = fullFields();
    changed.givenName = QStringLiteral("美咲子");
    const QDateTime later = kAt.addDays(1);
    const auto updated = members.update(tenant, id, 1, changed, later);
    QVERIFY2(updated.isOk(), qPrintable(messageOf(updated)));
    QCOMPARE(updated.value().revision, 2);
    QCOMPARE(updated.value().member.updatedAt, later);
    QCOMPARE(updated.value().member.createdAt, kAt);
    QCOMPARE(members.get(tenant, id).value().member, updated.value().member);
    // A second editor with the old revision.
    QCOMPARE(members.update(tenant, id, 1, fullFields(), later).errorKind(),
             StoreErrorKind::Conflict);
    QCOMPARE(members.remove(tenant, id, 1, later).errorKind(), StoreErrorKind::Conflict);
    QCOMPARE(members.get(tenant, id).value().member.fields, changed);
}

void TestMemberRepository::deleteFreesCodeAndEmail()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    const QString id = members.create(tenant, fullFields(), kAt).value().member.id;
    QVERIFY(members.remove(tenant, id, 1, kAt).isOk());
    QCOMPARE(members.get(tenant, id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(members.findByEmployeeCode(tenant, QStringLiteral("E-0042")).errorKind(),
             StoreErrorKind::NotFound);
    QVERIFY(members.all(tenant).value().isEmpty());
    QCOMPARE(members.remove(tenant, id, 2, kAt).errorKind(), StoreErrorKind::NotFound);
    // Someone new may have the code and the e-mail.
    const auto successor = members.create(tenant, fullFields(), kAt);
    QVERIFY2(successor.isOk(), qPrintable(messageOf(successor)));
}

void TestMemberRepository::restoreConflict()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    const QString first = members.create(tenant, fullFields(), kAt).value().member.id;
    QVERIFY(members.remove(tenant, first, 1, kAt).isOk());
    QCOMPARE(members.restore(tenant, first, kAt).isOk(), true);
    const auto back = members.get(tenant, first);
    QVERIFY(back.isOk());
    QCOMPARE(back.value().member.fields, fullFields());
    QCOMPARE(back.value().revision, 3);
    QCOMPARE(members.restore(tenant, first, kAt).errorKind(), StoreErrorKind::NotFound);

    // Deleted again, and the e-mail given to someone else: no way back.
    QVERIFY(members.remove(tenant, first, 3, kAt).isOk());
    MemberFields taker =
        memberFields(QStringLiteral("X"), QString(), std::nullopt, fullFields().email);
    QVERIFY(members.create(tenant, taker, kAt).isOk());
    QCOMPARE(members.restore(tenant, first, kAt).errorKind(), StoreErrorKind::Conflict);
    QCOMPARE(members.get(tenant, first).errorKind(), StoreErrorKind::NotFound);
}

void TestMemberRepository::purge()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    MemberRepository members(store.connection(), store.keyring());
    const QString old = members.create(tenant, fullFields(), kAt).value().member.id;
    const QString recent =
        members
            .create(tenant, memberFields(QStringLiteral("R"), QString(), QStringLiteral("R")), kAt)
            .value()
            .member.id;
    const QString live =
        members
            .create(tenant, memberFields(QStringLiteral("L"), QString(), QStringLiteral("L")), kAt)
            .value()
            .member.id;
    const QString othersOld = members.create(other, fullFields(), kAt).value().member.id;
    QVERIFY(members.remove(tenant, old, 1, kAt.addDays(1)).isOk());
    QVERIFY(members.remove(tenant, recent, 1, kAt.addDays(10)).isOk());
    QVERIFY(members.remove(other, othersOld, 1, kAt.addDays(1)).isOk());

    const auto purged = members.purgeDeleted(tenant, kAt.addDays(5));
    QVERIFY2(purged.isOk(), qPrintable(messageOf(purged)));
    QCOMPARE(purged.value(), 1);
    const auto rows = [&store](const QString &id) {
        QSqlQuery query(store.connection());
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM members WHERE id = ?"));
        query.addBindValue(id);
        return query.exec() && query.next() ? query.value(0).toInt() : -1;
    };
    QCOMPARE(rows(old), 0);
    QCOMPARE(rows(recent), 1);
    QCOMPARE(rows(live), 1);
    QCOMPARE(rows(othersOld), 1); // another tenant's retention is its own
    QCOMPARE(members.purgeDeleted(tenant, kAt.addDays(5)).value(), 0);
    QCOMPARE(members.get(tenant, live).isOk(), true);
}

void TestMemberRepository::purgeJobFollowsEachTenantsRetention()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope shortKeeper = store.createTenant(QStringLiteral("short"));
    const TenantScope longKeeper = store.createTenant(QStringLiteral("long")); // default 400 days
    QSqlQuery retention(store.connection());
    retention.prepare(QStringLiteral("UPDATE tenants SET member_retention_days = 30 WHERE id = ?"));
    retention.addBindValue(shortKeeper.tenantId());
    QVERIFY(retention.exec());
    MemberRepository members(store.connection(), store.keyring());
    const QDateTime now = kAt.addDays(500);
    // Per tenant: deleted 100 days ago, deleted 10 days ago, never deleted.
    for (const TenantScope &tenant : {shortKeeper, longKeeper}) {
        for (const int daysAgo : {100, 10, -1}) {
            const auto created = members.create(
                tenant, memberFields(QStringLiteral("M"), QString(), QString::number(daysAgo)),
                kAt);
            if (daysAgo >= 0) {
                QVERIFY(members.remove(tenant, created.value().member.id, 1, now.addDays(-daysAgo))
                            .isOk());
            }
        }
    }
    const auto purged = MemberPurge(store.connection(), store.keyring()).run(now);
    QVERIFY2(purged.isOk(), qPrintable(messageOf(purged)));
    QCOMPARE(purged.value(), 1);
    const auto rows = [&store](const TenantScope &tenant) {
        QSqlQuery query(store.connection());
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM members WHERE tenant_id = ?"));
        query.addBindValue(tenant.tenantId());
        return query.exec() && query.next() ? query.value(0).toInt() : -1;
    };
    QCOMPARE(rows(shortKeeper), 2);
    QCOMPARE(rows(longKeeper), 3);
    // One operation row, for the tenant that lost a member, with the count only.
    QSqlQuery log(store.connection());
    QVERIFY(log.exec(QStringLiteral(
        "SELECT tenant_id, summary FROM operation_log WHERE action = 'member.purge'")));
    QVERIFY(log.next());
    QCOMPARE(log.value(0).toString(), shortKeeper.tenantId());
    QCOMPARE(log.value(1).toString(), QStringLiteral("1 deleted members purged after 30 days"));
    QVERIFY(!log.next());
    // Again: nothing more, no more rows.
    QCOMPARE(MemberPurge(store.connection(), store.keyring()).run(now).value(), 0);
    QVERIFY(log.exec(
        QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE action = 'member.purge'")));
    QVERIFY(log.next());
    QCOMPARE(log.value(0).toInt(), 1);
}

void TestMemberRepository::everyWriteBumpsTheCounter()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    MemberRepository members(store.connection(), store.keyring());
    QCOMPARE(members.changeCounter(tenant).value(), 0);
    const auto created = members.create(tenant, fullFields(), kAt);
    QCOMPARE(created.value().changeCounter, 1);
    const QString id = created.value().member.id;
    QCOMPARE(members.update(tenant, id, 1, fullFields(), kAt).value().changeCounter, 2);
    qint64 counter = 0;
    QVERIFY(members.remove(tenant, id, 2, kAt, &counter).isOk());
    QCOMPARE(counter, 3);
    QCOMPARE(members.restore(tenant, id, kAt).value().changeCounter, 4);
    QVERIFY(members.remove(tenant, id, 4, kAt).isOk());
    QCOMPARE(members.purgeDeleted(tenant, kAt.addDays(1)).value(), 1);
    QCOMPARE(members.changeCounter(tenant).value(), 6);
    // Failed writes change nothing, reads neither; other tenants count apart.
    QCOMPARE(members.update(tenant, id, 1, fullFields(), kAt).errorKind(),
             StoreErrorKind::NotFound);
    QVERIFY(members.all(tenant).isOk());
    QCOMPARE(members.changeCounter(tenant).value(), 6);
    QCOMPARE(members.changeCounter(other).value(), 0);

    // Inside a caller's transaction the bump is rolled back with the write.
    {
        Transaction transaction(store.connection());
        QVERIFY(members.create(tenant, fullFields(), kAt).isOk());
        transaction.rollback();
    }
    QCOMPARE(members.changeCounter(tenant).value(), 6);
    QVERIFY(members.all(tenant).value().isEmpty());
}

void TestMemberRepository::otherTenantsIdIsNotFound()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    MemberRepository members(store.connection(), store.keyring());
    const QString id = members.create(tenant, fullFields(), kAt).value().member.id;
    QCOMPARE(members.get(other, id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(members.update(other, id, 1, fullFields(), kAt).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(members.remove(other, id, 1, kAt).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(members.restore(other, id, kAt).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(members.getMany(other, {id}).value().isEmpty());
    QVERIFY(members.all(other).value().isEmpty());
    QCOMPARE(members.findByEmployeeCode(other, QStringLiteral("E-0042")).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(members.get(tenant, id).value().member.fields, fullFields());
}

void TestMemberRepository::getManyKeepsTheOrder()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(members
                       .create(tenant,
                               memberFields(QStringLiteral("M%1").arg(i), QString(),
                                            QStringLiteral("C%1").arg(i)),
                               kAt)
                       .value()
                       .member.id);
    }
    QVERIFY(members.remove(tenant, ids.at(2), 1, kAt).isOk());
    const QStringList asked{ids.at(4), ids.at(0), ids.at(2), QStringLiteral("no-such-id"),
                            ids.at(3)};
    const auto many = members.getMany(tenant, asked);
    QVERIFY2(many.isOk(), qPrintable(messageOf(many)));
    QStringList got;
    for (const StoredMember &member : many.value())
        got.append(member.member.id);
    QCOMPARE(got, (QStringList{ids.at(4), ids.at(0), ids.at(3)}));
    QCOMPARE(many.value().at(0).member.fields.familyName, QStringLiteral("M4"));
}

void TestMemberRepository::groupMustBeTheTenantsOwn()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    QSqlQuery insert(store.connection());
    insert.prepare(QStringLiteral("INSERT INTO org_groups (id, tenant_id, code, name, "
                                  "created_at, updated_at) VALUES ('g-other', ?, 'G', 'G', 0, 0)"));
    insert.addBindValue(other.tenantId());
    QVERIFY(insert.exec());
    MemberRepository members(store.connection(), store.keyring());
    MemberFields fields = fullFields();
    fields.groupId = QStringLiteral("g-other");
    QCOMPARE(members.create(tenant, fields, kAt).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(members.create(other, fields, kAt).isOk());
    const auto counts = members.countsByGroup(other);
    QCOMPARE(counts.value().value(QStringLiteral("g-other")), 1);
    QVERIFY(members.countsByGroup(tenant).value().isEmpty());
}

namespace {

// Members of distinct codes and e-mails.
QList<MemberFields> manyFields(int count)
{
    QList<MemberFields> many;
    for (int i = 0; i < count; ++i) {
        MemberFields fields = fullFields();
        fields.employeeCode = QStringLiteral("E-%1").arg(i, 4, 10, QLatin1Char('0'));
        fields.email = QStringLiteral("m%1@example.jp").arg(i);
        fields.givenName = QStringLiteral("美咲%1").arg(i);
        many.append(fields);
    }
    return many;
}

} // namespace

void TestMemberRepository::batchesRoundTrip()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    MemberRepository members(store.connection(), store.keyring());
    const QList<MemberFields> fields = manyFields(300);
    const auto created = members.createMany(tenant, fields, kAt);
    QVERIFY2(created.isOk(), qPrintable(messageOf(created)));
    QCOMPARE(created.value().size(), fields.size());
    QCOMPARE(members.changeCounter(tenant).value(), 1);
    QHash<QString, MemberFields> byId;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const StoredMember &stored = created.value().at(i);
        QCOMPARE(stored.member.fields, fields.at(i));
        QCOMPARE(stored.revision, 1);
        QCOMPARE(stored.changeCounter, 1);
        QCOMPARE(stored.member.createdAt, kAt);
        byId.insert(stored.member.id, fields.at(i));
    }
    // Each opens under its own row id: sealed and bound in order.
    const auto all = members.all(tenant);
    QVERIFY2(all.isOk(), qPrintable(messageOf(all)));
    QCOMPARE(all.value().size(), fields.size());
    for (const StoredMember &stored : all.value())
        QCOMPARE(stored.member.fields, byId.value(stored.member.id));
    QCOMPARE(members.findByEmployeeCode(tenant, QStringLiteral("E-0299")).value().member.fields,
             fields.at(299));

    QList<MemberChange> changes;
    for (const StoredMember &stored : created.value()) {
        MemberFields next = stored.member.fields;
        next.position = QStringLiteral("課長");
        next.email.reset();
        changes.append({stored.member.id, stored.revision, next});
    }
    const auto updated = members.updateMany(tenant, changes, kAt.addDays(1));
    QVERIFY2(updated.isOk(), qPrintable(messageOf(updated)));
    QCOMPARE(updated.value(), 2);
    const auto revisions = members.revisions(tenant);
    QCOMPARE(revisions.value().size(), changes.size());
    for (const MemberChange &change : changes) {
        QCOMPARE(revisions.value().value(change.id), 2);
        const auto read = members.get(tenant, change.id);
        QCOMPARE(read.value().member.fields, change.fields);
        QCOMPARE(read.value().member.updatedAt, kAt.addDays(1));
    }
    // The e-mails given up are free again.
    QCOMPARE(members.findByEmail(tenant, QStringLiteral("m7@example.jp")).errorKind(),
             StoreErrorKind::NotFound);

    QList<MemberRevision> removals;
    for (const MemberChange &change : changes)
        removals.append({change.id, 2});
    QCOMPARE(members.removeMany(tenant, removals, kAt.addDays(2)).value(), 3);
    QVERIFY(members.all(tenant).value().isEmpty());
    QVERIFY(members.revisions(tenant).value().isEmpty());
    // Codes given up by the deleted are free for new members.
    QVERIFY(members.createMany(tenant, fields.mid(0, 2), kAt).isOk());
    // Empty batches write nothing.
    QVERIFY(members.createMany(tenant, {}, kAt).value().isEmpty());
    QCOMPARE(members.updateMany(tenant, {}, kAt).value(), 4);
    QCOMPARE(members.removeMany(tenant, {}, kAt).value(), 4);
}

void TestMemberRepository::batchesAreAllOrNothing()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    MemberRepository members(store.connection(), store.keyring());
    const QList<MemberFields> fields = manyFields(300);
    const QList<StoredMember> created = members.createMany(tenant, fields, kAt).value();
    const auto unchanged = [&] {
        const auto revisions = members.revisions(tenant);
        return revisions.value().size() == created.size() &&
               std::all_of(revisions.value().cbegin(), revisions.value().cend(),
                           [](qint64 revision) { return revision == 1; }) &&
               members.changeCounter(tenant).value() == 1;
    };

    // A code already held, the last of a batch: nothing of the batch stays.
    QList<MemberFields> clash = manyFields(301).mid(300);
    clash.prepend(memberFields(QStringLiteral("新"), QStringLiteral("人"), QStringLiteral("N-1")));
    clash.append(fields.at(5));
    clash.last().email.reset();
    QCOMPARE(members.createMany(tenant, clash, kAt).errorKind(), StoreErrorKind::CodeTaken);
    QVERIFY(unchanged());
    QCOMPARE(members.findByEmployeeCode(tenant, QStringLiteral("N-1")).errorKind(),
             StoreErrorKind::NotFound);

    // One stale revision among many: a conflict, and no member changed.
    QList<MemberChange> changes;
    for (const StoredMember &stored : created)
        changes.append({stored.member.id, stored.revision, fullFields()});
    for (MemberChange &change : changes) {
        change.fields.employeeCode = QStringLiteral("X-") + change.id;
        change.fields.email.reset();
    }
    changes[250].expectedRevision = 7;
    QCOMPARE(members.updateMany(tenant, changes, kAt).errorKind(), StoreErrorKind::Conflict);
    QVERIFY(unchanged());
    // Another tenant's member, or a missing one: not found, and nothing changed.
    changes[250].expectedRevision = 1;
    changes[250].id = members.create(other, fullFields(), kAt).value().member.id;
    QCOMPARE(members.updateMany(tenant, changes, kAt).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(unchanged());
    // A group of another tenant anywhere in a batch refuses the whole batch.
    changes[250] = {created.at(250).member.id, 1, fullFields()};
    changes[250].fields.employeeCode = QStringLiteral("Y-250");
    changes[250].fields.groupId = QStringLiteral("no-such-group");
    QCOMPARE(members.updateMany(tenant, changes, kAt).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(unchanged());

    QList<MemberRevision> removals;
    for (const StoredMember &stored : created)
        removals.append({stored.member.id, 1});
    removals[100].revision = 2;
    QCOMPARE(members.removeMany(tenant, removals, kAt).errorKind(), StoreErrorKind::Conflict);
    QVERIFY(unchanged());
    QCOMPARE(members.all(tenant).value().size(), created.size());
}

QTEST_GUILESS_MAIN(TestMemberRepository)
#include "tst_store_memberrepository.moc"
