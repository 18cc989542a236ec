// MemberTableModel against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "sakura-foods" (about 1,200
// members): every page of the list fetched once, search, group and status
// filters done by the service, answers to an abandoned query dropped, and
// deletion with If-Match (also when someone else changed the member first).
// QAbstractItemModelTester watches the model throughout.

#include "api/group.h"
#include "api/member.h"
#include "models/membertablemodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

QString memberPath(const QString &id)
{
    return QStringLiteral("/api/v1/members/") + id;
}

} // namespace

class TestMemberTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void walksEveryPageOnce();
    void searchNarrowsTheList();
    void groupFilterTakesTheSubtree();
    void statusFilter_data();
    void statusFilter();
    void answerToAnOlderQueryIsDropped();
    void removesAMember();
    void removalOfAChangedMemberIsStale();
    void columnsShowTheMember();

private:
    // Sets the query and waits for its first page.
    bool load(const api::MemberQuery &query);
    // Fetches page after page until the list is whole.
    bool loadAll();
    std::optional<api::Member> createMember(const QString &familyName);

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the model's
    std::unique_ptr<MemberTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_allMembers = 0;
};

void TestMemberTableModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, QStringLiteral("sakura-foods"),
                           QStringLiteral("Engage tst_membertablemodel")));
}

void TestMemberTableModel::init()
{
    m_model = std::make_unique<MemberTableModel>(m_desks.client->api);
    m_model->setPageSize(200);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMemberTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_server.reportIfFailed();
}

void TestMemberTableModel::cleanupTestCase()
{
    m_desks.signOut();
}

bool TestMemberTableModel::load(const api::MemberQuery &query)
{
    QSignalSpy failed(m_model.get(), &MemberTableModel::failed);
    m_model->setQuery(query);
    if (!m_model->isLoading())
        return false;
    if (!QTest::qWaitFor([this] { return !m_model->isLoading(); }, kWaitMs))
        return false;
    if (!failed.isEmpty())
        qWarning() << "load failed:" << failed.constFirst().constFirst().value<ApiError>().detail;
    return failed.isEmpty() && m_model->total() >= 0;
}

bool TestMemberTableModel::loadAll()
{
    QSignalSpy failed(m_model.get(), &MemberTableModel::failed);
    // The tester asks for more too, whenever rows come in.
    for (;;) {
        if (!QTest::qWaitFor([this] { return !m_model->isLoading(); }, kWaitMs))
            return false;
        if (!m_model->canFetchMore({}))
            break;
        m_model->fetchMore({});
    }
    return failed.isEmpty();
}

std::optional<api::Member> TestMemberTableModel::createMember(const QString &familyName)
{
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(10);
    api::MemberFields fields;
    fields.employeeCode = QStringLiteral("T-") + unique;
    fields.familyName = familyName;
    fields.givenName = QStringLiteral("Test");
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/members");
    request.body = api::toJson(fields);
    request.idempotencyKey = unique.toLatin1();
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok) {
        qWarning() << "cannot create a member:" << created.error.detail;
        return std::nullopt;
    }
    auto member = api::memberFromJson(created.json);
    if (!member)
        return std::nullopt;
    return member.value();
}

void TestMemberTableModel::walksEveryPageOnce()
{
    QSignalSpy totals(m_model.get(), &MemberTableModel::totalChanged);
    QSignalSpy loading(m_model.get(), &MemberTableModel::loadingChanged);
    QVERIFY(load({}));
    const qint64 total = m_model->total();
    QVERIFY2(total >= 1000, "the demo company has about 1,200 members");
    QVERIFY(loadAll());
    // Page by page, one request at a time.
    QCOMPARE(loading.size(), 2 * int((total + m_model->pageSize() - 1) / m_model->pageSize()));
    for (int i = 0; i < loading.size(); ++i)
        QCOMPARE(loading.at(i).constFirst().toBool(), i % 2 == 0);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->rowCount(), int(total));
    QSet<QString> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.insert(m_model->index(row, 0).data(MemberTableModel::MemberIdRole).toString());
    QCOMPARE(ids.size(), int(total));
    QCOMPARE(m_model->total(), total);
    m_allMembers = total;

    // Announced with the first page, and not again while the others came.
    QCOMPARE(totals.size(), 1);
    QCOMPARE(totals.constFirst().constFirst().toLongLong(), total);
}

void TestMemberTableModel::searchNarrowsTheList()
{
    QVERIFY(load({}));
    const api::Member sample = m_model->memberAt(m_model->rowCount() / 2);
    const QString family = sample.fields.familyName;
    api::MemberQuery query;
    query.search = family;
    QVERIFY(load(query));
    QVERIFY(loadAll());
    QVERIFY(m_model->total() >= 1);
    QVERIFY(m_model->total() < m_allMembers || m_allMembers == 0);
    QCOMPARE(m_model->rowCount(), int(m_model->total()));
    QVERIFY(m_model->rowOf(sample.id) >= 0);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const api::MemberFields &fields = m_model->memberAt(row).fields;
        const QString text = fields.familyName + fields.givenName +
                             fields.email.value_or(QString()) +
                             fields.employeeCode.value_or(QString());
        QVERIFY2(text.contains(family, Qt::CaseInsensitive), qPrintable(text));
    }
    QCOMPARE(m_model->query().search, family);
}

void TestMemberTableModel::groupFilterTakesTheSubtree()
{
    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/groups"));
    QVERIFY(listed.ok);
    const auto groups = api::groupListFromJson(listed.json);
    QVERIFY(groups);
    // A top-level group with subgroups.
    QString top;
    for (const api::Group &group : groups.value()) {
        if (group.fields.parentId)
            continue;
        const bool hasChildren = std::any_of(
            groups.value().cbegin(), groups.value().cend(),
            [&group](const api::Group &other) { return other.fields.parentId == group.id; });
        if (hasChildren) {
            top = group.id;
            break;
        }
    }
    QVERIFY(!top.isEmpty());
    QSet<QString> subtree{top};
    for (const api::Group &group : groups.value()) {
        if (group.fields.parentId && subtree.contains(*group.fields.parentId))
            subtree.insert(group.id);
    }
    QVERIFY(subtree.size() > 1);

    api::MemberQuery query;
    query.groupId = top;
    QVERIFY(load(query));
    QVERIFY(loadAll());
    QVERIFY(m_model->rowCount() > 0);
    QSet<QString> seenGroups;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto &groupId = m_model->memberAt(row).fields.groupId;
        QVERIFY(groupId && subtree.contains(*groupId));
        seenGroups.insert(*groupId);
    }
    QVERIFY2(seenGroups.size() > 1, "members of the subgroups too");
}

void TestMemberTableModel::statusFilter_data()
{
    QTest::addColumn<api::MemberStatus>("status");
    QTest::newRow("active") << api::MemberStatus::Active;
    QTest::newRow("on leave") << api::MemberStatus::OnLeave;
    QTest::newRow("left") << api::MemberStatus::Left;
}

void TestMemberTableModel::statusFilter()
{
    QFETCH(api::MemberStatus, status);
    api::MemberQuery query;
    query.status = status;
    QVERIFY(load(query));
    QVERIFY(loadAll());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->memberAt(row).fields.status, status);
        QCOMPARE(m_model->index(row, MemberTableModel::StatusColumn).data().toString(),
                 MemberTableModel::statusText(status));
    }
    QCOMPARE(m_model->rowCount(), int(m_model->total()));
}

void TestMemberTableModel::answerToAnOlderQueryIsDropped()
{
    // The first query matches nobody; had its answer been taken, the total
    // would have been 0 for a moment, and the rows those of the wrong query.
    api::MemberQuery nobody;
    nobody.search = QStringLiteral("no-such-member-anywhere");
    QSignalSpy totals(m_model.get(), &MemberTableModel::totalChanged);
    QSignalSpy failed(m_model.get(), &MemberTableModel::failed);
    QSignalSpy loading(m_model.get(), &MemberTableModel::loadingChanged);
    m_model->setQuery(nobody);
    QVERIFY(m_model->isLoading());
    api::MemberQuery active;
    active.status = api::MemberStatus::Active;
    m_model->setQuery(active);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), kWaitMs);
    // Let any late answer to the first query arrive.
    QTest::qWait(500);
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_model->query(), active);
    const Outcome expected =
        get(m_desks.other->api, QStringLiteral("/api/v1/members?status=active&limit=1"));
    QVERIFY(expected.ok);
    QCOMPARE(m_model->total(), expected.json.value(QLatin1String("total")).toInteger());
    for (const auto &args : std::as_const(totals))
        QVERIFY2(args.constFirst().toLongLong() != 0, "no total of the abandoned query");
    // Both queries are one load, from the first one's start.
    QCOMPARE(loading.constFirst().constFirst().toBool(), true);
    QCOMPARE(loading.at(1).constFirst().toBool(), false);
}

void TestMemberTableModel::removesAMember()
{
    const auto member = createMember(QStringLiteral("Removable"));
    QVERIFY(member);
    api::MemberQuery query;
    query.search = *member->fields.employeeCode;
    QVERIFY(load(query));
    QCOMPARE(m_model->rowCount(), 1);
    QSignalSpy removed(m_model.get(), &MemberTableModel::removed);
    QSignalSpy failed(m_model.get(), &MemberTableModel::failed);
    m_model->remove(member->id);
    QVERIFY(waitFor(removed));
    QVERIFY(failed.isEmpty());
    QCOMPARE(removed.constFirst().constFirst().toString(), member->id);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->total(), 0);
    const Outcome gone = get(m_desks.other->api, memberPath(member->id));
    QVERIFY(!gone.ok);
    QCOMPARE(gone.error.code, api::ProblemCode::NotFound);
}

void TestMemberTableModel::removalOfAChangedMemberIsStale()
{
    const auto member = createMember(QStringLiteral("Changed"));
    QVERIFY(member);
    api::MemberQuery query;
    query.search = *member->fields.employeeCode;
    QVERIFY(load(query));
    QCOMPARE(m_model->rowCount(), 1);

    // Someone else changes the member after the list was loaded.
    const Outcome read = get(m_desks.other->api, memberPath(member->id));
    QVERIFY(read.ok);
    api::MemberFields changed = member->fields;
    changed.position = QStringLiteral("Promoted");
    ApiRequest put;
    put.method = "PUT";
    put.path = memberPath(member->id);
    put.body = api::toJson(changed);
    put.ifMatch = read.etag;
    QVERIFY(call(m_desks.other->api, put).ok);

    QSignalSpy stale(m_model.get(), &MemberTableModel::staleEdit);
    QSignalSpy removed(m_model.get(), &MemberTableModel::removed);
    m_model->remove(member->id);
    QVERIFY(waitFor(stale));
    QCOMPARE(stale.constFirst().constFirst().toString(), member->id);
    QVERIFY(removed.isEmpty());
    QVERIFY(get(m_desks.other->api, memberPath(member->id)).ok);
}

void TestMemberTableModel::columnsShowTheMember()
{
    const auto member = createMember(QStringLiteral("山田"));
    QVERIFY(member);
    api::MemberQuery query;
    query.search = *member->fields.employeeCode;
    QVERIFY(load(query));
    QCOMPARE(m_model->rowCount(), 1);
    m_model->setGroupNames([](const QString &) { return QStringLiteral("Group name"); });
    QCOMPARE(m_model->index(0, MemberTableModel::NameColumn).data().toString(),
             api::memberDisplayName(member->fields));
    QCOMPARE(m_model->index(0, MemberTableModel::EmployeeCodeColumn).data().toString(),
             *member->fields.employeeCode);
    QCOMPARE(m_model->index(0, MemberTableModel::EmailColumn).data().toString(), QString());
    // Not placed in a group: no name, whatever the lookup says.
    QCOMPARE(m_model->index(0, MemberTableModel::GroupColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, MemberTableModel::StatusColumn).data().toString(),
             MemberTableModel::statusText(api::MemberStatus::Active));
    QCOMPARE(m_model->index(0, 0).data(MemberTableModel::MemberRole).value<api::Member>(), *member);
    QCOMPARE(m_model->headerData(MemberTableModel::HireDateColumn, Qt::Horizontal).toString(),
             QStringLiteral("Hire date"));
}

QTEST_GUILESS_MAIN(TestMemberTableModel)
#include "tst_membertablemodel.moc"
