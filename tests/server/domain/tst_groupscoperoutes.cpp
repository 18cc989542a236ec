// The managers' groups routes in-process over real TLS on a real store: set
// and read by owners and admins, only for managers, only live groups, and the
// scope then governs what the manager sees.

#include "organisationfixture.h"

#include <QTest>

using namespace engage;
using namespace engage::test;

class TestGroupScopeRoutes final : public QObject
{
    Q_OBJECT

private:
    OrganisationFixture m_org;
    QString m_east;
    QString m_west;

    QString scopePath(const QString &name) const
    {
        return m_org.personPath(name) + QStringLiteral("/groups");
    }

    HttpResponse setScope(const QString &name, const QStringList &groupIds,
                          const QString &as = QStringLiteral("admin"))
    {
        return m_org.send("PUT", scopePath(name), as, api::toJson(api::GroupScope{groupIds}));
    }

    QStringList scopeOf(const QString &name)
    {
        const HttpResponse response = m_org.send("GET", scopePath(name), QStringLiteral("owner"));
        if (response.status != 200) {
            qWarning() << response.describe();
            return {QStringLiteral("error")};
        }
        auto ids = api::groupScopeFromJson(response.json()).value().groupIds;
        ids.sort();
        return ids;
    }

    QStringList visibleGroups()
    {
        const HttpResponse response =
            m_org.send("GET", QStringLiteral("/api/v1/groups"), QStringLiteral("manager"));
        const auto groups = api::groupListFromJson(response.json());
        if (!groups)
            return {QStringLiteral("error")};
        QStringList ids;
        for (const api::Group &group : groups.value())
            ids.append(group.id);
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_org.start(&error), qPrintable(error));
        m_east = m_org.addGroup(QStringLiteral("EAST"), QStringLiteral("East"));
        m_west = m_org.addGroup(QStringLiteral("WEST"), QStringLiteral("West"));
        QVERIFY(!m_east.isEmpty() && !m_west.isEmpty());
    }

    void cleanupTestCase() { m_org.service.stop(); }

    void setReadAndApplied()
    {
        QCOMPARE(scopeOf(QStringLiteral("manager")), QStringList());
        QVERIFY(visibleGroups().isEmpty());

        HttpResponse response = setScope(QStringLiteral("manager"), {m_east, m_west});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QStringList both{m_east, m_west};
        both.sort();
        QCOMPARE(scopeOf(QStringLiteral("manager")), both);
        QCOMPARE(visibleGroups(), both);

        response = setScope(QStringLiteral("manager"), {m_west}, QStringLiteral("owner"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(api::groupScopeFromJson(response.json()).value().groupIds, QStringList{m_west});
        QCOMPARE(visibleGroups(), QStringList{m_west});
        QCOMPARE(m_org.service.operationCount(
                     QStringLiteral("person.groups"),
                     m_org.service.personId(m_org.tenant, QStringLiteral("manager"))),
                 2);
    }

    void onlyForManagers()
    {
        for (const QString &name :
             {QStringLiteral("viewer"), QStringLiteral("admin"), QStringLiteral("owner")}) {
            HttpResponse response = setScope(name, {m_east}, QStringLiteral("owner"));
            QCOMPARE(response.status, 409);
            QVERIFY(response.json()
                        .value(QStringLiteral("detail"))
                        .toString()
                        .contains(QStringLiteral("manager")));
            response = m_org.send("GET", scopePath(name), QStringLiteral("owner"));
            QCOMPARE(response.status, 409);
        }
    }

    void refusals()
    {
        HttpResponse response = setScope(QStringLiteral("manager"),
                                         {QStringLiteral("0190a000-0000-7000-8000-000000000000")});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("groupIds"));
        response = setScope(QStringLiteral("manager"), {m_east, m_east});
        QCOMPARE(response.status, 400);
        response = m_org.send("PUT", scopePath(QStringLiteral("manager")), QStringLiteral("admin"),
                              QJsonObject{{QStringLiteral("groupIds"), QJsonArray()},
                                          {QStringLiteral("groups"), QJsonArray()}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("unknown-field"));
        response = m_org.send(
            "GET", QStringLiteral("/api/v1/users/0190a000-0000-7000-8000-000000000000/groups"),
            QStringLiteral("admin"));
        QCOMPARE(response.status, 404);
        // Nothing changed.
        QCOMPARE(scopeOf(QStringLiteral("manager")), QStringList{m_west});
    }

    void ownersAndAdminsOnly()
    {
        for (const QString &as : {QStringLiteral("manager"), QStringLiteral("viewer")}) {
            QCOMPARE(m_org.send("GET", scopePath(QStringLiteral("manager")), as).status, 403);
            QCOMPARE(setScope(QStringLiteral("manager"), {m_east, m_west}, as).status, 403);
        }
        QCOMPARE(scopeOf(QStringLiteral("manager")), QStringList{m_west});
    }
};

QTEST_GUILESS_MAIN(TestGroupScopeRoutes)
#include "tst_groupscoperoutes.moc"
