// The group routes in-process over real TLS on a real store: the tree,
// rename and move keeping the id and history, cycles and taken codes refused,
// non-empty groups kept, and what a manager sees.

#include "organisationfixture.h"

#include <QTest>

using namespace engage;
using namespace engage::test;

namespace {

const QString kGroups = QStringLiteral("/api/v1/groups");

QString groupPath(const QString &id)
{
    return kGroups + QLatin1Char('/') + id;
}

} // namespace

class TestGroupRoutes final : public QObject
{
    Q_OBJECT

private:
    OrganisationFixture m_org;

    QList<api::Group> tree(const QString &as)
    {
        const HttpResponse response = m_org.send("GET", kGroups, as);
        if (response.status != 200) {
            qWarning() << response.describe();
            return {};
        }
        const auto groups = api::groupListFromJson(response.json());
        return groups ? groups.value() : QList<api::Group>();
    }

    std::optional<api::Group> group(const QString &id, const QString &as = QStringLiteral("owner"))
    {
        const HttpResponse response = m_org.send("GET", groupPath(id), as);
        if (response.status != 200)
            return std::nullopt;
        const auto read = api::groupFromJson(response.json());
        if (!read ||
            response.header("etag") != '"' + QByteArray::number(read.value().revision) + '"')
            return std::nullopt;
        return read.value();
    }

    HttpResponse put(const api::Group &current, const api::GroupFields &fields)
    {
        return m_org.send("PUT", groupPath(current.id), QStringLiteral("admin"),
                          api::toJson(fields),
                          ifMatch('"' + QByteArray::number(current.revision) + '"'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_org.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_org.service.stop(); }

    void treeParentsFirst()
    {
        const QString root = m_org.addGroup(QStringLiteral("T-ROOT"), QStringLiteral("Root"));
        const QString child =
            m_org.addGroup(QStringLiteral("T-CHILD"), QStringLiteral("Child"), root);
        const QString leaf =
            m_org.addGroup(QStringLiteral("T-LEAF"), QStringLiteral("Leaf"), child);
        QVERIFY(!leaf.isEmpty());
        const QList<api::Group> groups = tree(QStringLiteral("viewer"));
        QStringList order;
        for (const api::Group &item : groups)
            order.append(item.id);
        QVERIFY(order.indexOf(root) < order.indexOf(child));
        QVERIFY(order.indexOf(child) < order.indexOf(leaf));
        QCOMPARE(groups.at(order.indexOf(leaf)).fields.parentId, child);
        QCOMPARE(groups.at(order.indexOf(root)).fields.parentId, std::nullopt);

        // Members count where they are placed.
        QVERIFY(
            m_org.addMember(memberFields(QStringLiteral("G-1"), QStringLiteral("A"), {}, leaf)));
        QCOMPARE(group(leaf)->memberCount, 1);
        QCOMPARE(group(child)->memberCount, 0);
    }

    void createRefusals()
    {
        QVERIFY(!m_org.addGroup(QStringLiteral("TAKEN"), QStringLiteral("First")).isEmpty());
        HttpResponse response =
            m_org.send("POST", kGroups, QStringLiteral("owner"),
                       api::toJson(api::GroupFields{QStringLiteral("TAKEN"),
                                                    QStringLiteral("Second"), std::nullopt}));
        QCOMPARE(response.status, 409);
        QCOMPARE(problemCode(response), QStringLiteral("conflict"));
        response = m_org.send(
            "POST", kGroups, QStringLiteral("owner"),
            api::toJson(api::GroupFields{QStringLiteral("ORPHAN"), QStringLiteral("Orphan"),
                                         QStringLiteral("0190a000-0000-7000-8000-000000000000")}));
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("parentId"));
        response = m_org.send("POST", kGroups, QStringLiteral("owner"),
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("A/B")},
                                          {QStringLiteral("name"), QStringLiteral("Slash")}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("code"));
        response = m_org.send("POST", kGroups, QStringLiteral("owner"),
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("X")},
                                          {QStringLiteral("name"), QStringLiteral("X")},
                                          {QStringLiteral("colour"), QStringLiteral("red")}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("unknown-field"));
    }

    void renameAndMoveKeepIdAndHistory()
    {
        const QString a = m_org.addGroup(QStringLiteral("H-A"), QStringLiteral("Alpha"));
        const QString b = m_org.addGroup(QStringLiteral("H-B"), QStringLiteral("Beta"));
        auto current = group(a);
        QVERIFY(current);

        HttpResponse response = m_org.send(
            "PUT", groupPath(a), QStringLiteral("admin"),
            api::toJson(api::GroupFields{QStringLiteral("H-A"), QStringLiteral("Alpha 2"), b}));
        QCOMPARE(response.status, 428);
        response = m_org.send(
            "PUT", groupPath(a), QStringLiteral("admin"),
            api::toJson(api::GroupFields{QStringLiteral("H-A"), QStringLiteral("Alpha 2"), b}),
            ifMatch("\"9\""));
        QCOMPARE(response.status, 412);
        response = put(*current, {QStringLiteral("H-A"), QStringLiteral("Alpha 2"), std::nullopt});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        current = group(a);
        QVERIFY(current);
        response = put(*current, {QStringLiteral("H-A2"), QStringLiteral("Alpha 2"), b});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto moved = group(a);
        QVERIFY(moved);
        QCOMPARE(moved->id, a);
        QCOMPARE(moved->fields,
                 (api::GroupFields{QStringLiteral("H-A2"), QStringLiteral("Alpha 2"), b}));

        response =
            m_org.send("GET", groupPath(a) + QStringLiteral("/history"), QStringLiteral("viewer"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        // Versions repeat the id: a page of groups, not a tree.
        const auto history =
            api::cursorPageFromJson<api::Group>(response.json(), api::groupFromJson);
        QVERIFY2(history, response.body.constData());
        QCOMPARE(history.value().items.size(), 3);
        QCOMPARE(history.value().items.at(0).fields.name, QStringLiteral("Alpha"));
        QCOMPARE(history.value().items.at(1).fields.name, QStringLiteral("Alpha 2"));
        QCOMPARE(history.value().items.at(2).fields.code, QStringLiteral("H-A2"));
        QCOMPARE(history.value().items.at(2).fields.parentId, b);

        QCOMPARE(m_org.service.operationCount(QStringLiteral("group.update"), a), 2);
        QVERIFY(m_org.operationSummaries().contains(
            QStringLiteral("group.update changed: code, parentId")));
        const auto changes = m_org.operationChanges(QStringLiteral("group.update"), a);
        QVERIFY(changes);
        const QList<api::FieldChange> expected{
            {QStringLiteral("code"), QStringLiteral("H-A"), QStringLiteral("H-A2"), false},
            {QStringLiteral("parentId"), std::nullopt, b, false},
        };
        QCOMPARE(*changes, expected);
    }

    void cycleAndTakenCode()
    {
        const QString top = m_org.addGroup(QStringLiteral("C-TOP"), QStringLiteral("Top"));
        const QString mid = m_org.addGroup(QStringLiteral("C-MID"), QStringLiteral("Mid"), top);
        const QString low = m_org.addGroup(QStringLiteral("C-LOW"), QStringLiteral("Low"), mid);
        const auto current = group(top);
        QVERIFY(current);
        for (const QString &under : {top, low}) {
            const HttpResponse response =
                put(*current, {QStringLiteral("C-TOP"), QStringLiteral("Top"), under});
            QCOMPARE(response.status, 409);
            QVERIFY(response.json()
                        .value(QStringLiteral("detail"))
                        .toString()
                        .contains(QStringLiteral("under itself")));
        }
        const HttpResponse taken =
            put(*current, {QStringLiteral("C-MID"), QStringLiteral("Top"), std::nullopt});
        QCOMPARE(taken.status, 409);
        QCOMPARE(group(top)->revision, current->revision);
    }

    void deleteOnlyWhenEmpty()
    {
        const QString parent = m_org.addGroup(QStringLiteral("D-P"), QStringLiteral("Parent"));
        const QString child =
            m_org.addGroup(QStringLiteral("D-C"), QStringLiteral("Child"), parent);
        const auto member =
            m_org.addMember(memberFields(QStringLiteral("D-1"), QStringLiteral("In"), {}, child));
        QVERIFY(member);

        auto remove = [&](const QString &id) {
            return m_org.send("DELETE", groupPath(id), QStringLiteral("admin"), std::nullopt,
                              ifMatch('"' + QByteArray::number(group(id)->revision) + '"'));
        };
        HttpResponse response = remove(parent);
        QCOMPARE(response.status, 409);
        QVERIFY(response.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("groups are placed under")));
        response = remove(child);
        QCOMPARE(response.status, 409);
        QVERIFY(response.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("Members are placed")));

        response = m_org.send("DELETE", QStringLiteral("/api/v1/members/") + member->id,
                              QStringLiteral("owner"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 204);
        response = m_org.send("DELETE", groupPath(child), QStringLiteral("admin"));
        QCOMPARE(response.status, 428);
        response = remove(child);
        QCOMPARE(response.status, 204);
        QVERIFY(!group(child));
        QVERIFY(remove(parent).status == 204);
        // Its history stays readable.
        response = m_org.send("GET", groupPath(child) + QStringLiteral("/history"),
                              QStringLiteral("owner"));
        QCOMPARE(response.status, 200);
        QCOMPARE(m_org.service.operationCount(QStringLiteral("group.delete"), child), 1);
    }

    void writesNeedAnAdmin()
    {
        const QString id = m_org.addGroup(QStringLiteral("W-1"), QStringLiteral("Writable"));
        const auto current = group(id);
        QVERIFY(current);
        for (const QString &as : {QStringLiteral("manager"), QStringLiteral("viewer")}) {
            QCOMPARE(m_org
                         .send("POST", kGroups, as,
                               api::toJson(api::GroupFields{QStringLiteral("W-2"),
                                                            QStringLiteral("No"), std::nullopt}))
                         .status,
                     403);
            QCOMPARE(
                m_org.send("PUT", groupPath(id), as, api::toJson(current->fields), ifMatch("\"1\""))
                    .status,
                403);
            QCOMPARE(m_org.send("DELETE", groupPath(id), as, std::nullopt, ifMatch("\"1\"")).status,
                     403);
        }
        QCOMPARE(group(id)->revision, 1);
    }

    void managerSeesTheirSubtreesOnly()
    {
        const QString top = m_org.addGroup(QStringLiteral("V-TOP"), QStringLiteral("Top"));
        const QString scoped =
            m_org.addGroup(QStringLiteral("V-MINE"), QStringLiteral("Mine"), top);
        const QString below =
            m_org.addGroup(QStringLiteral("V-BELOW"), QStringLiteral("Below"), scoped);
        const QString sibling =
            m_org.addGroup(QStringLiteral("V-SIB"), QStringLiteral("Sibling"), top);
        QVERIFY(m_org.scopeManager({scoped}));

        const QList<api::Group> seen = tree(QStringLiteral("manager"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0).id, scoped);
        QCOMPARE(seen.at(0).fields.parentId, std::nullopt); // its parent is not theirs to see
        QCOMPARE(seen.at(1).id, below);
        QCOMPARE(seen.at(1).fields.parentId, scoped);
        QCOMPARE(group(scoped, QStringLiteral("manager"))->fields.parentId, std::nullopt);
        QVERIFY(group(below, QStringLiteral("manager")));

        const HttpResponse missing =
            m_org.send("GET", groupPath(QStringLiteral("0190a000-0000-7000-8000-000000000000")),
                       QStringLiteral("manager"));
        for (const QString &outside : {top, sibling}) {
            for (const QString &suffix : {QString(), QStringLiteral("/history")}) {
                const HttpResponse response =
                    m_org.send("GET", groupPath(outside) + suffix, QStringLiteral("manager"));
                QCOMPARE(response.status, 404);
                QCOMPARE(response.json().value(QStringLiteral("detail")),
                         missing.json().value(QStringLiteral("detail")));
            }
        }
        // Owners see the whole tree.
        QVERIFY(tree(QStringLiteral("owner")).size() > seen.size());
    }
};

QTEST_GUILESS_MAIN(TestGroupRoutes)
#include "tst_grouproutes.moc"
