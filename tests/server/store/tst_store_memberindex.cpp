// MemberIndex: search after NFKC and case folding (full-width Latin,
// half-width katakana, names in either order, with or without a space), the
// Japanese collation of names, keyset cursors that visit every member once in
// every sort and order and belong to their query, filters, staleness seen
// through the member_changes counter, noteWritten, and concurrent use.
// Prints how long a 50,000-member tenant takes to build and to page.

#include "store/memberindex.h"
#include "store/memberrepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>
#include <atomic>

using namespace engage::server::store;
using engage::api::MemberFields;
using engage::api::MemberQuery;
using engage::api::MemberSort;
using engage::api::MemberStatus;
using engage::server::store::testing::memberFields;
using engage::server::store::testing::StoreFixture;

class TestMemberIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void search_data();
    void search();
    void japaneseCollation();
    void cursorVisitsEveryMemberOnce_data();
    void cursorVisitsEveryMemberOnce();
    void cursorBelongsToItsQuery();
    void filters();
    void anotherConnectionsWriteRebuilds();
    void noteWrittenFollows();
    void replaceStartsFromTheHandedMembers();
    void concurrentPagesAndWrites();
    void tenThousandMembers();
};

namespace {

const QDateTime kAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC);

template<typename T>
QString messageOf(const StoreResult<T> &result)
{
    return result.isOk() ? QString() : result.error().message;
}

// A tenant with members, an index, and the helpers the tests share.
class Tenant
{
public:
    explicit Tenant(StoreFixture &store)
        : m_store(store)
        , scope(store.createTenant(QStringLiteral("acme")))
        , members(store.connection(), store.keyring())
        , index(store.keyring())
    {}

    QString add(const MemberFields &fields)
    {
        const auto created = members.create(scope, fields, kAt);
        if (!created)
            qFatal("cannot create a member: %s", qPrintable(created.error().message));
        return created.value().member.id;
    }

    StoreResult<MemberIdPage> page(const MemberQuery &query,
                                   const std::optional<QSet<QString>> &groupIds = std::nullopt)
    {
        return index.page(scope, m_store.connection(), query, groupIds);
    }

    QStringList ids(const MemberQuery &query,
                    const std::optional<QSet<QString>> &groupIds = std::nullopt)
    {
        const auto found = page(query, groupIds);
        return found ? found.value().ids : QStringList{QStringLiteral("error")};
    }

    // Every id the query lists, page after page.
    QStringList walk(MemberQuery query, int *pages = nullptr)
    {
        QStringList all;
        query.cursor.reset();
        for (int count = 1;; ++count) {
            const auto found = page(query);
            if (!found)
                return {QStringLiteral("error: ") + found.error().message};
            all += found.value().ids;
            if (!found.value().nextCursor) {
                if (pages)
                    *pages = count;
                return all;
            }
            query.cursor = found.value().nextCursor;
        }
    }

    QString familyOf(const QString &id)
    {
        return members.get(scope, id).value().member.fields.familyName;
    }

    StoreFixture &m_store;
    TenantScope scope;
    MemberRepository members;
    MemberIndex index;
};

MemberQuery searchFor(const QString &text)
{
    MemberQuery query;
    query.search = text;
    query.limit = 500;
    return query;
}

} // namespace

void TestMemberIndex::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("families");

    const QStringList yamada{QStringLiteral("山田")};
    QTest::newRow("family given") << QStringLiteral("山田 太郎") << yamada;
    QTest::newRow("without the space") << QStringLiteral("山田太郎") << yamada;
    QTest::newRow("given family") << QStringLiteral("太郎 山田") << yamada;
    QTest::newRow("ideographic space") << QStringLiteral("山田　太郎") << yamada;
    QTest::newRow("surrounding and double spaces") << QStringLiteral("  山田  太郎 ") << yamada;
    QTest::newRow("part of the given name") << QStringLiteral("太") << yamada;
    QTest::newRow("full-width Latin finds Latin")
        << QStringLiteral("ＡＢＣ") << QStringList{QStringLiteral("abc")};
    QTest::newRow("upper case finds lower")
        << QStringLiteral("ABC") << QStringList{QStringLiteral("abc")};
    QTest::newRow("half-width katakana")
        << QStringLiteral("ｶﾀｵｶ") << QStringList{QStringLiteral("カタオカ")};
    QTest::newRow("full-width katakana finds itself")
        << QStringLiteral("カタオカ") << QStringList{QStringLiteral("カタオカ")};
    QTest::newRow("employee code, full-width digits")
        << QStringLiteral("Ｅ－００７") << QStringList{QStringLiteral("山田")};
    QTest::newRow("e-mail part") << QStringLiteral("@Plant.example")
                                 << QStringList{QStringLiteral("abc")};
    QTest::newRow("variant kanji are not folded") << QStringLiteral("高橋") << QStringList{};
    QTest::newRow("髙橋 itself") << QStringLiteral("髙橋") << QStringList{QStringLiteral("髙橋")};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("empty: everyone")
        << QString()
        << QStringList{QStringLiteral("abc"), QStringLiteral("カタオカ"), QStringLiteral("山田"),
                       QStringLiteral("髙橋")};
}

void TestMemberIndex::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, families);
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    tenant.add(
        memberFields(QStringLiteral("山田"), QStringLiteral("太郎"), QStringLiteral("E-007")));
    tenant.add(memberFields(QStringLiteral("abc"), QStringLiteral("def"), std::nullopt,
                            QStringLiteral("abc.def@plant.example")));
    tenant.add(
        memberFields(QStringLiteral("カタオカ"), QStringLiteral("ハナ"), QStringLiteral("K-1")));
    tenant.add(memberFields(QStringLiteral("髙橋"), QStringLiteral("一"), QStringLiteral("T-1")));

    const auto found = tenant.page(searchFor(text));
    QVERIFY2(found.isOk(), qPrintable(messageOf(found)));
    QStringList got;
    for (const QString &id : found.value().ids)
        got.append(tenant.familyOf(id));
    got.sort();
    families.sort();
    QCOMPARE(got, families);
    QCOMPARE(found.value().total, families.size());
}

void TestMemberIndex::japaneseCollation()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    // Added out of order; kana in gojūon order, Latin case-insensitively.
    const QStringList expected{QStringLiteral("Baker"),  QStringLiteral("carter"),
                               QStringLiteral("あべ"),   QStringLiteral("いとう"),
                               QStringLiteral("ウエダ"), QStringLiteral("かとう")};
    for (const int i : {3, 5, 0, 4, 2, 1})
        tenant.add(memberFields(expected.at(i), QString(), QStringLiteral("C%1").arg(i)));
    // The same family name: the given name decides.
    MemberQuery query = searchFor(QString());
    QStringList got;
    for (const QString &id : tenant.ids(query))
        got.append(tenant.familyOf(id));
    QCOMPARE(got, expected);
    query.descending = true;
    got.clear();
    for (const QString &id : tenant.ids(query))
        got.append(tenant.familyOf(id));
    std::reverse(got.begin(), got.end());
    QCOMPARE(got, expected);

    StoreFixture other;
    Tenant sameFamily(other);
    const QString second = sameFamily.add(
        memberFields(QStringLiteral("山田"), QStringLiteral("はなこ"), QStringLiteral("1")));
    const QString first = sameFamily.add(
        memberFields(QStringLiteral("山田"), QStringLiteral("あきら"), QStringLiteral("2")));
    const QString longer = sameFamily.add(
        memberFields(QStringLiteral("山田川"), QStringLiteral("あ"), QStringLiteral("3")));
    QCOMPARE(sameFamily.ids(searchFor(QString())), (QStringList{first, second, longer}));
}

void TestMemberIndex::cursorVisitsEveryMemberOnce_data()
{
    QTest::addColumn<MemberSort>("sort");
    QTest::addColumn<bool>("descending");
    for (const MemberSort sort :
         {MemberSort::Name, MemberSort::EmployeeCode, MemberSort::HireDate}) {
        for (const bool descending : {false, true}) {
            QTest::addRow("%d %s", int(sort), descending ? "desc" : "asc") << sort << descending;
        }
    }
}

void TestMemberIndex::cursorVisitsEveryMemberOnce()
{
    QFETCH(MemberSort, sort);
    QFETCH(bool, descending);
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    QRandomGenerator random(7);
    const QStringList families{QStringLiteral("佐藤"), QStringLiteral("鈴木"),
                               QStringLiteral("たなか"), QStringLiteral("Smith"),
                               QStringLiteral("山﨑")};
    // Ties on every sort key, members without a code or hire date among them.
    for (int i = 0; i < 137; ++i) {
        MemberFields fields = memberFields(
            families.at(i % families.size()), QStringLiteral("名%1").arg(i % 3),
            i % 11 == 0 ? std::nullopt : std::optional<QString>(QStringLiteral("E%1").arg(i % 40)),
            QStringLiteral("m%1@example.jp").arg(i));
        if (fields.employeeCode && i >= 40)
            fields.employeeCode = *fields.employeeCode + QStringLiteral("-%1").arg(i);
        if (i % 7 != 0)
            fields.hireDate = QDate(2000 + int(random.bounded(5)), 4, 1);
        tenant.add(fields);
    }
    MemberQuery query;
    query.sort = sort;
    query.descending = descending;
    query.limit = 500;
    const QStringList whole = tenant.ids(query);
    QCOMPARE(whole.size(), 137);
    for (const int limit : {1, 10, 50, 136, 137}) {
        query.limit = limit;
        int pages = 0;
        const QStringList walked = tenant.walk(query, &pages);
        QCOMPARE(walked, whole);
        QCOMPARE(pages, (137 + limit - 1) / limit);
    }
    // A member deleted behind the cursor does not shift the next page.
    query.limit = 20;
    const auto first = tenant.page(query);
    QVERIFY(first.isOk());
    const QString gone = first.value().ids.constLast();
    const auto stored = tenant.members.get(tenant.scope, gone);
    qint64 counter = 0;
    QVERIFY(
        tenant.members.remove(tenant.scope, gone, stored.value().revision, kAt, &counter).isOk());
    tenant.index.noteWritten(tenant.scope, stored.value(), true, counter);
    query.cursor = first.value().nextCursor;
    const auto second = tenant.page(query);
    QVERIFY(second.isOk());
    QCOMPARE(second.value().ids, whole.mid(20, 20));
    QCOMPARE(second.value().total, 136);
}

void TestMemberIndex::cursorBelongsToItsQuery()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    for (int i = 0; i < 6; ++i)
        tenant.add(memberFields(QStringLiteral("佐藤"), QString(), QStringLiteral("S%1").arg(i)));
    MemberQuery query = searchFor(QStringLiteral("佐藤"));
    query.limit = 2;
    const auto first = tenant.page(query);
    QVERIFY(first.value().nextCursor);
    const QString cursor = *first.value().nextCursor;

    MemberQuery same = query;
    same.cursor = cursor;
    QVERIFY(tenant.page(same).isOk());
    // The search as matched: another spelling of the same text is the same query.
    same.search = QStringLiteral(" 佐藤 ");
    QVERIFY(tenant.page(same).isOk());

    QList<MemberQuery> others;
    for (int i = 0; i < 5; ++i)
        others.append(same);
    others[0].search = QStringLiteral("佐");
    others[1].sort = MemberSort::EmployeeCode;
    others[2].descending = true;
    others[3].status = MemberStatus::Active;
    others[4].attributeId = QStringLiteral("a1");
    for (const MemberQuery &other : std::as_const(others))
        QCOMPARE(tenant.page(other).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(tenant.page(same, QSet<QString>{QStringLiteral("g")}).errorKind(),
             StoreErrorKind::NotFound);
    for (const QString &bad :
         {QStringLiteral("!!"), QStringLiteral("MQ"), cursor.left(cursor.size() - 2),
          QString(cursor).replace(10, 1, cursor.at(10) == u'A' ? u'B' : u'A')}) {
        same.cursor = bad;
        QCOMPARE(tenant.page(same).errorKind(), StoreErrorKind::NotFound);
    }
    // Another tenant's index cannot read it either.
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    same.cursor = cursor;
    QCOMPARE(tenant.index.page(other, store.connection(), same, std::nullopt).errorKind(),
             StoreErrorKind::NotFound);
}

void TestMemberIndex::filters()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    QSqlQuery insert(store.connection());
    for (const char *group : {"g1", "g2"}) {
        insert.prepare(QStringLiteral("INSERT INTO org_groups (id, tenant_id, code, name, "
                                      "created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)"));
        for (const QString &value : {QString::fromLatin1(group), tenant.scope.tenantId(),
                                     QString::fromLatin1(group), QString::fromLatin1(group)})
            insert.addBindValue(value);
        QVERIFY(insert.exec());
    }
    MemberFields a = memberFields(QStringLiteral("A"), QString(), QStringLiteral("A"));
    a.groupId = QStringLiteral("g1");
    a.attributes.insert(QStringLiteral("loc"), QStringLiteral("東京"));
    MemberFields b = memberFields(QStringLiteral("B"), QString(), QStringLiteral("B"));
    b.groupId = QStringLiteral("g2");
    b.status = MemberStatus::Left;
    b.attributes.insert(QStringLiteral("loc"), QStringLiteral("大阪"));
    MemberFields c = memberFields(QStringLiteral("C"), QString(), QStringLiteral("C"));
    c.attributes.insert(QStringLiteral("loc"), QStringLiteral("東京"));
    const QString idA = tenant.add(a);
    const QString idB = tenant.add(b);
    const QString idC = tenant.add(c);

    MemberQuery query = searchFor(QString());
    QCOMPARE(tenant.ids(query), (QStringList{idA, idB, idC}));
    query.status = MemberStatus::Left;
    QCOMPARE(tenant.ids(query), (QStringList{idB}));
    query.status.reset();
    query.attributeId = QStringLiteral("loc");
    query.attributeValue = QStringLiteral("東京");
    QCOMPARE(tenant.ids(query), (QStringList{idA, idC}));
    query.attributeId.reset();
    // Members without a group are left out once groups are given.
    QCOMPARE(tenant.ids(query, QSet<QString>{QStringLiteral("g1"), QStringLiteral("g2")}),
             (QStringList{idA, idB}));
    QCOMPARE(tenant.ids(query, QSet<QString>{}), QStringList{});
    const auto scoped = tenant.page(query, QSet<QString>{QStringLiteral("g2")});
    QCOMPARE(scoped.value().ids, (QStringList{idB}));
    QCOMPARE(scoped.value().total, 1);
}

void TestMemberIndex::anotherConnectionsWriteRebuilds()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    const QString first =
        tenant.add(memberFields(QStringLiteral("A"), QString(), QStringLiteral("1")));
    QCOMPARE(tenant.ids(searchFor(QString())), QStringList{first});

    // Another instance: its own connection to the same database, its own keyring.
    QString added;
    {
        QSqlDatabase otherConnection =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-instance"));
        otherConnection.setDatabaseName(store.sqliteFile());
        QVERIFY(otherConnection.open());
        Keyring otherKeyring(engage::server::store::testing::testMasterKey());
        MemberRepository otherMembers(otherConnection, otherKeyring);
        added = otherMembers
                    .create(tenant.scope,
                            memberFields(QStringLiteral("B"), QString(), QStringLiteral("2")), kAt)
                    .value()
                    .member.id;
        QVERIFY(otherMembers.remove(tenant.scope, first, 1, kAt).isOk());
        otherConnection.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other-instance"));
    QCOMPARE(tenant.ids(searchFor(QString())), QStringList{added});
}

void TestMemberIndex::noteWrittenFollows()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    const QString quiet =
        tenant.add(memberFields(QStringLiteral("Q"), QString(), QStringLiteral("Q")));
    MemberQuery active = searchFor(QString());
    active.status = MemberStatus::Active;
    QCOMPARE(tenant.ids(active), QStringList{quiet});

    // A change the counter does not show: only a rebuild would see it.
    QSqlQuery sneak(store.connection());
    QVERIFY(sneak.exec(QStringLiteral("UPDATE members SET status = 'left'")));

    // This process's own write, noted: followed without a rebuild.
    auto created = tenant.members.create(
        tenant.scope, memberFields(QStringLiteral("Nancy"), QString(), QStringLiteral("N")), kAt);
    QVERIFY(created.isOk());
    tenant.index.noteWritten(tenant.scope, created.value(), false, created.value().changeCounter);
    QCOMPARE(tenant.ids(active), (QStringList{created.value().member.id, quiet}));
    MemberFields renamed = created.value().member.fields;
    renamed.familyName = QStringLiteral("Zed");
    auto updated = tenant.members.update(tenant.scope, created.value().member.id, 1, renamed, kAt);
    tenant.index.noteWritten(tenant.scope, updated.value(), false, updated.value().changeCounter);
    QCOMPARE(tenant.ids(active), (QStringList{quiet, created.value().member.id}));
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("zed"))), QStringList{created.value().member.id});
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("nancy"))), QStringList{});

    // A gap (a write noted out of order, or not at all): the next use rebuilds.
    auto third = tenant.members.create(
        tenant.scope, memberFields(QStringLiteral("T"), QString(), QStringLiteral("T")), kAt);
    auto fourth = tenant.members.create(
        tenant.scope, memberFields(QStringLiteral("U"), QString(), QStringLiteral("U")), kAt);
    tenant.index.noteWritten(tenant.scope, fourth.value(), false, fourth.value().changeCounter);
    tenant.index.noteWritten(tenant.scope, third.value(), false, third.value().changeCounter);
    // Rebuilt: the member the counter did not show as left now is.
    QCOMPARE(tenant.ids(active), (QStringList{third.value().member.id, fourth.value().member.id,
                                              created.value().member.id}));

    // invalidate() after a bulk change.
    QVERIFY(sneak.exec(QStringLiteral("UPDATE members SET status = 'active'")));
    QCOMPARE(tenant.ids(active).size(), 3);
    tenant.index.invalidate(tenant.scope);
    QCOMPARE(tenant.ids(active).size(), 4);
}

// After a bulk write the writer hands every member over: the next use builds
// from them, unless the store moved on since.
void TestMemberIndex::replaceStartsFromTheHandedMembers()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    const QString first =
        tenant.add(memberFields(QStringLiteral("Alpha"), QString(), QStringLiteral("A")));
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("alpha"))), QStringList{first});
    const auto batch = tenant.members.createMany(
        tenant.scope,
        {memberFields(QStringLiteral("Beta"), QString(), QStringLiteral("B")),
         memberFields(QStringLiteral("Gamma"), QString(), QStringLiteral("C"))},
        kAt);
    QVERIFY2(batch.isOk(), qPrintable(messageOf(batch)));
    const qint64 counter = batch.value().constFirst().changeCounter;
    // Marked, so that the listing shows where it came from: a real writer
    // hands over what it committed.
    QList<StoredMember> handed = tenant.members.all(tenant.scope).value();
    for (StoredMember &stored : handed)
        stored.member.fields.givenName = QStringLiteral("handed");
    tenant.index.replace(tenant.scope, handed, counter);
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("handed"))).size(), 3);
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("gamma"))).size(), 1);

    // Handed over, then a write the index was not told of: the store is read.
    tenant.index.replace(tenant.scope, handed, counter);
    tenant.add(memberFields(QStringLiteral("Delta"), QString(), QStringLiteral("D")));
    QCOMPARE(tenant.ids(searchFor(QStringLiteral("handed"))), QStringList{});
    QCOMPARE(tenant.ids(searchFor(QString())).size(), 4);
}

void TestMemberIndex::concurrentPagesAndWrites()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    for (int i = 0; i < 200; ++i)
        tenant.add(
            memberFields(QStringLiteral("初期%1").arg(i), QString(), QStringLiteral("I%1").arg(i)));
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    pool.setExpiryTimeout(-1);
    std::atomic<int> failures{0};
    std::atomic<bool> writing{true};
    for (int reader = 0; reader < 3; ++reader) {
        pool.start([&] {
            MemberQuery query;
            query.limit = 37;
            while (writing.load()) {
                query.cursor.reset();
                for (;;) {
                    const auto found = tenant.index.page(
                        tenant.scope, store.database().connection(), query, std::nullopt);
                    if (!found) {
                        ++failures;
                        break;
                    }
                    if (!found.value().nextCursor)
                        break;
                    query.cursor = found.value().nextCursor;
                }
            }
        });
    }
    pool.start([&] {
        MemberRepository members(store.database().connection(), store.keyring());
        for (int i = 0; i < 100; ++i) {
            const auto created =
                members.create(tenant.scope,
                               memberFields(QStringLiteral("追加%1").arg(i), QString(),
                                            QStringLiteral("W%1").arg(i)),
                               kAt);
            if (!created) {
                ++failures;
                continue;
            }
            tenant.index.noteWritten(tenant.scope, created.value(), false,
                                     created.value().changeCounter);
        }
        writing = false;
    });
    pool.waitForDone();
    QCOMPARE(failures.load(), 0);
    MemberQuery query;
    query.limit = 50;
    QCOMPARE(tenant.walk(query).size(), 300);
}

// A tenant of import size: the index builds over all of it and pages, sorts
// and searches it. How fast is measured by `scripts/bench import`.
void TestMemberIndex::tenThousandMembers()
{
    constexpr int kMembers = 10000;
    StoreFixture store;
    QVERIFY(store.isReady());
    Tenant tenant(store);
    const QStringList families{QStringLiteral("佐藤"), QStringLiteral("鈴木"),
                               QStringLiteral("高橋"), QStringLiteral("田中"),
                               QStringLiteral("渡邊"), QStringLiteral("山﨑")};
    const QStringList givens{QStringLiteral("太郎"), QStringLiteral("花子"), QStringLiteral("翔"),
                             QStringLiteral("さくら")};
    int searchedFor = 0; // 渡邊 翔
    {
        // One transaction, as an import applies it.
        Transaction transaction(store.connection());
        for (int i = 0; i < kMembers; ++i) {
            const int family = i % families.size();
            const int given = (i / 7) % givens.size();
            searchedFor += family == 4 && given == 2 ? 1 : 0;
            MemberFields fields =
                memberFields(families.at(family), givens.at(given),
                             QStringLiteral("E%1").arg(i, 6, 10, QLatin1Char('0')));
            fields.hireDate = QDate(1990, 4, 1).addDays(i % 12000);
            if (!tenant.members.create(tenant.scope, fields, kAt))
                QFAIL("cannot create a member");
        }
        QVERIFY(transaction.commit().isOk());
    }
    MemberQuery query;
    const auto built = tenant.page(query);
    QVERIFY(built.isOk());
    QCOMPARE(built.value().total, kMembers);
    QCOMPARE(built.value().ids.size(), 50);

    for (const MemberSort sort :
         {MemberSort::Name, MemberSort::EmployeeCode, MemberSort::HireDate}) {
        query.sort = sort;
        const auto page = tenant.page(query);
        QVERIFY(page.isOk());
        QCOMPARE(page.value().ids.size(), 50);
    }
    query.sort = MemberSort::Name;
    query.search = QStringLiteral("渡邊 翔");
    const auto searched = tenant.page(query);
    QVERIFY(searched.isOk());
    QCOMPARE(searched.value().total, searchedFor);
    query.search.clear();
    query.cursor = built.value().nextCursor;
    const auto second = tenant.page(query);
    QVERIFY(second.isOk());
    QCOMPARE(second.value().ids.size(), 50);
    QVERIFY(second.value().ids.first() != built.value().ids.first());
}

QTEST_GUILESS_MAIN(TestMemberIndex)
#include "tst_store_memberindex.moc"
