// PersonRepository: sealed round trip, nothing of a name or e-mail in clear in
// the database files, optimistic revisions, unique e-mail per tenant, keyset
// pages, logical delete, a tampered row that no longer opens, and the
// CredentialChanges marks every change of what a token stands for leaves.

#include "store/operationlog.h"
#include "store/personrepository.h"
#include "store/sessionrepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::api::Role;
using engage::server::store::testing::StoreFixture;

class TestPersonRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void nothingInClearOnDisk();
    void revisionConflict();
    void duplicateEmail();
    void pages();
    void logicalDelete();
    void tamperedRowDoesNotOpen();
    void operationLogCommitsWithTheChange();
    void changesAreMarked();
};

namespace {

NewPerson newPerson(const QString &email, const QString &name, Role role = Role::Viewer)
{
    NewPerson person;
    person.email = email;
    person.displayName = name;
    person.role = role;
    person.passwordHash = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    return person;
}

} // namespace

void TestPersonRepository::roundTrip()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const auto created = people.create(tenant, newPerson(QStringLiteral("Hanako.Sato@Example.JP"),
                                                         QStringLiteral("佐藤 花子"), Role::Admin));
    QVERIFY2(created.isOk(), qPrintable(created.isOk() ? QString() : created.error().message));
    QCOMPARE(created.value().revision, 1);

    const auto read = people.get(tenant, created.value().person.id);
    QVERIFY(read.isOk());
    QCOMPARE(read.value().person, created.value().person);
    QCOMPARE(read.value().person.displayName, QStringLiteral("佐藤 花子"));
    QCOMPARE(read.value().person.role, Role::Admin);
    QVERIFY(read.value().person.mustChangePassword);

    // Found by e-mail whatever its case; a fresh keyring (another process) too.
    const auto byEmail = people.findByEmail(tenant, QStringLiteral("hanako.sato@example.jp"));
    QVERIFY(byEmail.isOk());
    QCOMPARE(byEmail.value().person.id, created.value().person.id);
    Keyring fresh(engage::server::store::testing::testMasterKey());
    PersonRepository again(store.connection(), fresh);
    QCOMPARE(again.get(tenant, created.value().person.id).value().person, created.value().person);
    QCOMPARE(people.findByEmail(tenant, QStringLiteral("nobody@example.jp")).errorKind(),
             StoreErrorKind::NotFound);
}

void TestPersonRepository::nothingInClearOnDisk()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const QStringList names{QStringLiteral("Zebulon Quixotic"), QStringLiteral("鈴木 一郎")};
    const QStringList emails{QStringLiteral("zebulon.quixotic@uniquedomain.example"),
                             QStringLiteral("ichiro.suzuki@uniquedomain.example")};
    for (int i = 0; i < names.size(); ++i)
        QVERIFY(people.create(tenant, newPerson(emails.at(i), names.at(i))).isOk());
    QVERIFY(people.findByEmail(tenant, emails.at(0)).isOk());
    PersonChanges changes;
    changes.displayName = QStringLiteral("Zebulon Renamed");
    const auto found = people.findByEmail(tenant, emails.at(1));
    QVERIFY(people.update(tenant, found.value().person.id, 1, changes).isOk());

    const QByteArray disk = store.allFileBytes();
    QVERIFY(disk.size() > 4096);
    QVERIFY(QFile::exists(store.sqliteFile() + QStringLiteral("-wal")));
    for (const QString &clear :
         {names.at(0), names.at(1), emails.at(0), emails.at(1), changes.displayName.value(),
          QStringLiteral("Zebulon"), QStringLiteral("Quixotic"), QStringLiteral("uniquedomain"),
          QStringLiteral("鈴木")}) {
        QVERIFY2(!disk.contains(clear.toUtf8()), qPrintable(clear));
        QVERIFY2(!disk.contains(clear.toLower().toUtf8()), qPrintable(clear));
    }
}

void TestPersonRepository::revisionConflict()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const QString id =
        people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")))
            .value()
            .person.id;
    PersonChanges first;
    first.role = Role::Manager;
    const auto updated = people.update(tenant, id, 1, first);
    QVERIFY(updated.isOk());
    QCOMPARE(updated.value().revision, 2);
    QCOMPARE(updated.value().person.role, Role::Manager);

    // A second admin still holding revision 1 does not overwrite the first.
    PersonChanges stale;
    stale.displayName = QStringLiteral("Stale");
    QCOMPARE(people.update(tenant, id, 1, stale).errorKind(), StoreErrorKind::Conflict);
    QCOMPARE(people.remove(tenant, id, 1).errorKind(), StoreErrorKind::Conflict);
    const auto now = people.get(tenant, id);
    QCOMPARE(now.value().person.displayName, QStringLiteral("A"));
    QCOMPARE(now.value().revision, 2);
}

void TestPersonRepository::duplicateEmail()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    QVERIFY(people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")))
                .isOk());
    const auto twice =
        people.create(tenant, newPerson(QStringLiteral("A@X.example"), QStringLiteral("A2")));
    QCOMPARE(twice.errorKind(), StoreErrorKind::EmailTaken);

    const auto b =
        people.create(tenant, newPerson(QStringLiteral("b@x.example"), QStringLiteral("B")));
    PersonChanges changes;
    changes.email = QStringLiteral("a@x.example");
    QCOMPARE(people.update(tenant, b.value().person.id, 1, changes).errorKind(),
             StoreErrorKind::EmailTaken);
    QCOMPARE(people.get(tenant, b.value().person.id).value().person.email,
             QStringLiteral("b@x.example"));
}

void TestPersonRepository::pages()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    QStringList ids;
    for (int i = 0; i < 7; ++i) {
        ids.append(people
                       .create(tenant, newPerson(QStringLiteral("p%1@x.example").arg(i),
                                                 QStringLiteral("P%1").arg(i)))
                       .value()
                       .person.id);
    }
    QStringList seen;
    std::optional<QString> cursor;
    int pages = 0;
    do {
        const auto page = people.list(tenant, cursor, 3);
        QVERIFY(page.isOk());
        for (const StoredPerson &person : page.value().items)
            seen.append(person.person.id);
        cursor = page.value().nextCursor;
        ++pages;
    } while (cursor && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 7);
    QStringList sortedSeen = seen;
    sortedSeen.removeDuplicates();
    QCOMPARE(sortedSeen.size(), 7);
    for (const QString &id : std::as_const(ids))
        QVERIFY(seen.contains(id));
    QCOMPARE(people.list(tenant, QStringLiteral("!!"), 3).errorKind(), StoreErrorKind::NotFound);
}

void TestPersonRepository::logicalDelete()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const QString id =
        people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")))
            .value()
            .person.id;
    QVERIFY(people.remove(tenant, id, 1).isOk());
    QCOMPARE(people.get(tenant, id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(people.findByEmail(tenant, QStringLiteral("a@x.example")).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(people.remove(tenant, id, 2).errorKind(), StoreErrorKind::NotFound);
    // The row stays (traceability); the address is free again.
    QSqlQuery query(store.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM people")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    query.finish();
    QVERIFY(people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A2")))
                .isOk());
}

void TestPersonRepository::tamperedRowDoesNotOpen()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const QString a =
        people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")))
            .value()
            .person.id;
    const QString b =
        people.create(tenant, newPerson(QStringLiteral("b@x.example"), QStringLiteral("B")))
            .value()
            .person.id;
    // B's sealed e-mail pasted into A's row: bound to B's row id, it does not open.
    QSqlQuery query(store.connection());
    query.prepare(QStringLiteral("UPDATE people SET email_sealed = (SELECT email_sealed FROM "
                                 "people WHERE id = :b) WHERE id = :a"));
    query.bindValue(QStringLiteral(":b"), b);
    query.bindValue(QStringLiteral(":a"), a);
    QVERIFY(query.exec());
    QCOMPARE(people.get(tenant, a).errorKind(), StoreErrorKind::Crypto);
    QVERIFY(people.get(tenant, b).isOk());
}

void TestPersonRepository::operationLogCommitsWithTheChange()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const auto countRows = [&store](const QString &table) {
        QSqlQuery query(store.connection());
        query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        query.next();
        return query.value(0).toInt();
    };
    const int logBefore = countRows(QStringLiteral("operation_log"));
    {
        Transaction transaction(store.connection());
        const auto created =
            people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")));
        QVERIFY(created.isOk());
        QVERIFY(OperationLog::record(
                    tenant, store.connection(),
                    OperationEntry{QStringLiteral("req-1"), QString(), QStringLiteral("person"),
                                   created.value().person.id, QStringLiteral("create"),
                                   QStringLiteral("role viewer"), QDateTime()})
                    .isOk());
        // Not committed: both go.
    }
    QCOMPARE(countRows(QStringLiteral("people")), 0);
    QCOMPARE(countRows(QStringLiteral("operation_log")), logBefore);
    {
        Transaction transaction(store.connection());
        const auto created =
            people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")));
        QVERIFY(
            OperationLog::record(tenant, store.connection(),
                                 OperationEntry{QStringLiteral("req-2"), QString(),
                                                QStringLiteral("person"), created.value().person.id,
                                                QStringLiteral("create"), QString(), QDateTime()})
                .isOk());
        QVERIFY(transaction.commit().isOk());
    }
    QCOMPARE(countRows(QStringLiteral("people")), 1);
    QCOMPARE(countRows(QStringLiteral("operation_log")), logBefore + 1);
}

void TestPersonRepository::changesAreMarked()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    PersonRepository people(store.connection(), store.keyring());
    const QString id =
        people.create(tenant, newPerson(QStringLiteral("a@x.example"), QStringLiteral("A")))
            .value()
            .person.id;
    quint64 last = CredentialChanges::latest(tenant.tenantId());
    const auto marked = [&] {
        const quint64 newest = CredentialChanges::latest(tenant.tenantId());
        const bool moved = newest > last;
        last = newest;
        return moved;
    };
    // Reads mark nothing.
    QVERIFY(people.get(tenant, id).isOk());
    QVERIFY(people.findByEmail(tenant, QStringLiteral("a@x.example")).isOk());
    QVERIFY(!marked());

    PersonChanges changes;
    changes.role = Role::Manager;
    QVERIFY(people.update(tenant, id, 1, changes).isOk());
    QVERIFY(marked());
    QCOMPARE(people.update(tenant, id, 1, changes).errorKind(), StoreErrorKind::Conflict);
    QVERIFY(!marked());
    QVERIFY(people.setPassword(tenant, id, QStringLiteral("other hash"), false).isOk());
    QVERIFY(marked());
    QVERIFY(people.recordSignIn(tenant, id, QDateTime::currentDateTimeUtc()).isOk());
    QVERIFY(marked());
    QVERIFY(people.remove(tenant, id, 2).isOk());
    QVERIFY(marked());
}

QTEST_GUILESS_MAIN(TestPersonRepository)
#include "tst_store_personrepository.moc"
