// The member routes in-process over real TLS on a real (SQLite) store, with
// the real member index: CRUD with If-Match, idempotent creates, search,
// filters, sort and paging walked page by page, hostile input, and what
// managers and viewers may do.

#include "organisationfixture.h"

#include <QTest>
#include <QUrlQuery>
#include <algorithm>

using namespace engage;
using namespace engage::test;

namespace {

const QString kMembers = QStringLiteral("/api/v1/members");

QString memberPath(const QString &id)
{
    return kMembers + QLatin1Char('/') + id;
}

QString listPath(const QUrlQuery &query)
{
    return kMembers + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

} // namespace

class TestMemberRoutes final : public QObject
{
    Q_OBJECT

private:
    OrganisationFixture m_org;
    QString m_head;     // HQ
    QString m_sales;    // HQ / Sales: the manager's scope
    QString m_tokyo;    // HQ / Sales / Tokyo
    QString m_plant;    // Plant, outside the manager's scope
    QString m_location; // choice attribute: Tokyo, Osaka
    QString m_rank;     // number attribute

    // Every member of `query` (without a cursor), page by page; the totals of
    // every page in `totals`.
    QList<api::Member> walk(QUrlQuery query, const QString &as, QList<qint64> *totals)
    {
        QList<api::Member> members;
        for (int pages = 0; pages < 100; ++pages) {
            const HttpResponse response = m_org.send("GET", listPath(query), as);
            if (response.status != 200) {
                qWarning() << response.describe();
                return {};
            }
            const auto page = api::memberPageFromJson(response.json());
            if (!page)
                return {};
            members += page.value().page.items;
            totals->append(page.value().total);
            if (!page.value().page.nextCursor)
                return members;
            query.removeQueryItem(QStringLiteral("cursor"));
            query.addQueryItem(QStringLiteral("cursor"), *page.value().page.nextCursor);
        }
        return {};
    }

    QList<api::Member> walk(const QUrlQuery &query, const QString &as = QStringLiteral("owner"))
    {
        QList<qint64> totals;
        return walk(query, as, &totals);
    }

    static QStringList idsOf(const QList<api::Member> &members)
    {
        QStringList ids;
        for (const api::Member &member : members)
            ids.append(member.id);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_org.start(&error), qPrintable(error));
        m_head = m_org.addGroup(QStringLiteral("HQ"), QStringLiteral("Head office"));
        m_sales = m_org.addGroup(QStringLiteral("SALES"), QStringLiteral("Sales"), m_head);
        m_tokyo = m_org.addGroup(QStringLiteral("SALES-TYO"), QStringLiteral("Tokyo"), m_sales);
        m_plant = m_org.addGroup(QStringLiteral("PLANT"), QStringLiteral("Plant"));
        m_location = m_org.addAttribute(QStringLiteral("Location"), api::AttributeType::Choice,
                                        {QStringLiteral("Tokyo"), QStringLiteral("Osaka")});
        m_rank = m_org.addAttribute(QStringLiteral("Rank"), api::AttributeType::Number);
        for (const QString &id : {m_head, m_sales, m_tokyo, m_plant, m_location, m_rank})
            QVERIFY(!id.isEmpty());
        QVERIFY(m_org.scopeManager({m_sales}));
    }

    void cleanupTestCase() { m_org.service.stop(); }

    void createGetReplaceDelete()
    {
        api::MemberFields fields = memberFields(QStringLiteral("E-1001"), QStringLiteral("山田"),
                                                QStringLiteral("太郎"), m_tokyo);
        fields.email = QStringLiteral("taro.yamada@example.com");
        fields.birthDate = QDate(1990, 4, 1);
        fields.hireDate = QDate(2015, 4, 1);
        fields.attributes.insert(m_location, QStringLiteral("Tokyo"));
        fields.memo = QStringLiteral("Prefers paper surveys.");
        HttpResponse response =
            m_org.send("POST", kMembers, QStringLiteral("admin"), api::toJson(fields));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const auto created = api::memberFromJson(response.json());
        QVERIFY(created);
        const api::Member member = created.value();
        QCOMPARE(member.fields, fields);
        QCOMPARE(response.header("location"), memberPath(member.id).toLatin1());
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));

        response = m_org.send("GET", memberPath(member.id), QStringLiteral("owner"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QCOMPARE(api::memberFromJson(response.json()).value(), member);

        api::MemberFields changed = fields;
        changed.familyName = QStringLiteral("山本");
        changed.status = api::MemberStatus::OnLeave;
        changed.attributes.insert(m_rank, QStringLiteral("3"));
        const QString path = memberPath(member.id);
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(changed));
        QCOMPARE(response.status, 428);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-required"));
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(changed),
                              ifMatch("\"7\""));
        QCOMPARE(response.status, 412);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-failed"));
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(changed),
                              ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        QCOMPARE(api::memberFromJson(response.json()).value().fields, changed);
        // The same again is no change: nothing written, the same revision.
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(changed),
                              ifMatch("\"2\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));

        // The index follows the write at once: the new name is found, the old one not.
        QUrlQuery search;
        search.addQueryItem(QStringLiteral("q"), QStringLiteral("山本"));
        QCOMPARE(idsOf(walk(search)), QStringList{member.id});
        search.clear();
        search.addQueryItem(QStringLiteral("q"), QStringLiteral("山田"));
        QVERIFY(walk(search).isEmpty());

        response = m_org.send("DELETE", path, QStringLiteral("owner"));
        QCOMPARE(response.status, 428);
        response =
            m_org.send("DELETE", path, QStringLiteral("owner"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        response =
            m_org.send("DELETE", path, QStringLiteral("owner"), std::nullopt, ifMatch("\"2\""));
        QVERIFY2(response.status == 204, qPrintable(response.describe()));
        response = m_org.send("GET", path, QStringLiteral("owner"));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.json().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("There is no such member."));
        search.clear();
        search.addQueryItem(QStringLiteral("q"), QStringLiteral("E-1001"));
        QVERIFY(walk(search).isEmpty());
        // The code is free again.
        QVERIFY(m_org.addMember(fields));

        QCOMPARE(m_org.service.operationCount(QStringLiteral("member.create"), member.id), 1);
        QCOMPARE(m_org.service.operationCount(QStringLiteral("member.update"), member.id), 1);
        QCOMPARE(m_org.service.operationCount(QStringLiteral("member.delete"), member.id), 1);
        const QStringList summaries = m_org.operationSummaries();
        QVERIFY(summaries.contains(
            QStringLiteral("member.update changed: familyName, attributes.%1, status")
                .arg(m_rank)));
        // Field by field: work data with its values, personal data only as changed.
        const auto changes = m_org.operationChanges(QStringLiteral("member.update"), member.id);
        QVERIFY(changes);
        const QList<api::FieldChange> expected{
            {QStringLiteral("familyName"), std::nullopt, std::nullopt, true},
            {QStringLiteral("attributes.") + m_rank, std::nullopt, std::nullopt, true},
            {QStringLiteral("status"), QStringLiteral("active"), QStringLiteral("onLeave"), false},
        };
        QCOMPARE(*changes, expected);
        const auto createdWith = m_org.operationChanges(QStringLiteral("member.create"), member.id);
        QVERIFY(createdWith);
        QVERIFY(!createdWith->isEmpty());
        for (const api::FieldChange &change : *createdWith) {
            if (change.field == QStringLiteral("hireDate"))
                QCOMPARE(change.after, QStringLiteral("2015-04-01"));
            else if (change.field != QStringLiteral("groupId"))
                QVERIFY2(change.masked && !change.before && !change.after,
                         qPrintable(change.field));
        }
        for (const QString &summary : summaries) {
            for (const QString &value :
                 {QStringLiteral("山"), QStringLiteral("太郎"), QStringLiteral("E-1001"),
                  QStringLiteral("@"), QStringLiteral("1990"), QStringLiteral("paper")})
                QVERIFY2(!summary.contains(value), qPrintable(summary));
        }
    }

    // A member's language: set, changed and back to the company's; the
    // operation log names the field and never says which language.
    void languageOfAMember()
    {
        api::MemberFields fields = memberFields(QStringLiteral("E-1501"), QStringLiteral("Clark"),
                                                QStringLiteral("Emma"), m_tokyo);
        fields.language = api::Language::English;
        HttpResponse response =
            m_org.send("POST", kMembers, QStringLiteral("admin"), api::toJson(fields));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QStringLiteral("language")).toString(),
                 QStringLiteral("en"));
        const api::Member member = api::memberFromJson(response.json()).value();
        QCOMPARE(member.fields.language, std::optional(api::Language::English));
        const QString path = memberPath(member.id);
        response = m_org.send("GET", path, QStringLiteral("viewer"));
        QCOMPARE(api::memberFromJson(response.json()).value().fields, fields);

        api::MemberFields japanese = fields;
        japanese.language = api::Language::Japanese;
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(japanese),
                              ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(api::memberFromJson(response.json()).value().fields.language,
                 std::optional(api::Language::Japanese));

        // Absent: the company's language again.
        api::MemberFields company = fields;
        company.language.reset();
        response = m_org.send("PUT", path, QStringLiteral("owner"), api::toJson(company),
                              ifMatch("\"2\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(!response.json().contains(QStringLiteral("language")));
        response = m_org.send("GET", path, QStringLiteral("owner"));
        QCOMPARE(api::memberFromJson(response.json()).value().fields, company);

        QCOMPARE(m_org.service.operationCount(QStringLiteral("member.update"), member.id), 2);
        QVERIFY(
            m_org.operationSummaries().contains(QStringLiteral("member.update changed: language")));
        const auto created = m_org.operationChanges(QStringLiteral("member.create"), member.id);
        QVERIFY(created);
        const auto language =
            std::find_if(created->cbegin(), created->cend(), [](const api::FieldChange &change) {
                return change.field == u"language";
            });
        QVERIFY(language != created->cend());
        QCOMPARE(*language,
                 (api::FieldChange{QStringLiteral("language"), std::nullopt, std::nullopt, true}));
        const auto changes = m_org.operationChanges(QStringLiteral("member.update"), member.id);
        QVERIFY(changes);
        QCOMPARE(*changes, (QList<api::FieldChange>{
                               {QStringLiteral("language"), std::nullopt, std::nullopt, true}}));
    }

    void idempotentCreate()
    {
        const QJsonObject body = api::toJson(memberFields(
            QStringLiteral("E-2001"), QStringLiteral("Clark"), QStringLiteral("Emma"), m_plant));
        const HeaderList key{
            {QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("member-2001")}};
        const HttpResponse first = m_org.send("POST", kMembers, QStringLiteral("owner"), body, key);
        QVERIFY2(first.status == 201, qPrintable(first.describe()));
        const HttpResponse again = m_org.send("POST", kMembers, QStringLiteral("owner"), body, key);
        QVERIFY2(again.status == 201, qPrintable(again.describe()));
        QCOMPARE(again.header("idempotency-replayed"), QByteArrayLiteral("true"));
        QCOMPARE(again.header("location"), first.header("location"));
        QCOMPARE(again.json(), first.json());
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("q"), QStringLiteral("E-2001"));
        QCOMPARE(walk(query).size(), 1);

        // The key with another body, and a key that is not one.
        QJsonObject other = body;
        other.insert(QStringLiteral("employeeCode"), QStringLiteral("E-2002"));
        HttpResponse response = m_org.send("POST", kMembers, QStringLiteral("owner"), other, key);
        QCOMPARE(response.status, 409);
        response = m_org.send("POST", kMembers, QStringLiteral("owner"), other,
                              {{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("short")}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("Idempotency-Key"));
    }

    void refusedFields_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        const QJsonObject valid = api::toJson(
            memberFields(QStringLiteral("E-3001"), QStringLiteral("Lee"), QStringLiteral("Ann")));
        auto with = [&valid](const QString &key, const QJsonValue &value) {
            QJsonObject body = valid;
            if (value.isUndefined())
                body.remove(key);
            else
                body.insert(key, value);
            return body;
        };
        auto withAttribute = [&](const QString &id, const QString &value) {
            return with(QStringLiteral("attributes"), QJsonObject{{id, value}});
        };
        QTest::newRow("no e-mail, no code")
            << with(QStringLiteral("employeeCode"), QJsonValue::Undefined) << 400
            << QStringLiteral("missing-field") << QStringLiteral("email");
        QTest::newRow("unknown field")
            << with(QStringLiteral("salary"), 100) << 400 << QStringLiteral("unknown-field")
            << QStringLiteral("salary");
        QTest::newRow("control character")
            << with(QStringLiteral("familyName"), QStringLiteral("Le\u0007e")) << 400
            << QStringLiteral("invalid-field") << QStringLiteral("familyName");
        QTest::newRow("line break in a name")
            << with(QStringLiteral("givenName"), QStringLiteral("A\nB")) << 400
            << QStringLiteral("invalid-field") << QStringLiteral("givenName");
        QTest::newRow("name too long")
            << with(QStringLiteral("familyName"), QString(101, QLatin1Char('x'))) << 400
            << QStringLiteral("invalid-field") << QStringLiteral("familyName");
        QTest::newRow("number for a name")
            << with(QStringLiteral("familyName"), 7) << 400 << QStringLiteral("invalid-field")
            << QStringLiteral("familyName");
        QTest::newRow("bad status") << with(QStringLiteral("status"), QStringLiteral("gone")) << 400
                                    << QStringLiteral("invalid-field") << QStringLiteral("status");
        QTest::newRow("bad date") << with(QStringLiteral("hireDate"), QStringLiteral("2020-02-30"))
                                  << 400 << QStringLiteral("invalid-field")
                                  << QStringLiteral("hireDate");
        QTest::newRow("language not spoken")
            << with(QStringLiteral("language"), QStringLiteral("fr")) << 400
            << QStringLiteral("invalid-field") << QStringLiteral("language");
        QTest::newRow("group that is none")
            << with(QStringLiteral("groupId"),
                    QStringLiteral("0190a000-0000-7000-8000-000000000000"))
            << 400 << QStringLiteral("invalid-field") << QStringLiteral("groupId");
        QTest::newRow("attribute that is none")
            << withAttribute(QStringLiteral("0190a000-0000-7000-8000-000000000001"),
                             QStringLiteral("x"))
            << 400 << QStringLiteral("invalid-field")
            << QStringLiteral("attributes.0190a000-0000-7000-8000-000000000001");
    }

    void refusedFields()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpResponse response = m_org.send("POST", kMembers, QStringLiteral("owner"), body);
        QVERIFY2(response.status == status, qPrintable(response.describe()));
        QCOMPARE(problemCode(response), code);
        QCOMPARE(problemField(response), field);
    }

    void attributeValuesByType()
    {
        api::MemberFields fields =
            memberFields(QStringLiteral("E-3101"), QStringLiteral("Khan"), QStringLiteral("Ali"));
        fields.attributes.insert(m_rank, QStringLiteral("three"));
        HttpResponse response =
            m_org.send("POST", kMembers, QStringLiteral("owner"), api::toJson(fields));
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("attributes.") + m_rank);
        fields.attributes = {{m_location, QStringLiteral("Nagoya")}};
        response = m_org.send("POST", kMembers, QStringLiteral("owner"), api::toJson(fields));
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("attributes.") + m_location);
        fields.attributes = {{m_location, QStringLiteral("Osaka")},
                             {m_rank, QStringLiteral("-2.5")}};
        QVERIFY(m_org.addMember(fields));
    }

    void takenCodeAndEmail()
    {
        api::MemberFields fields =
            memberFields(QStringLiteral("E-4001"), QStringLiteral("Sato"), QStringLiteral("Ken"));
        fields.email = QStringLiteral("ken.sato@example.com");
        QVERIFY(m_org.addMember(fields));
        api::MemberFields sameCode =
            memberFields(QStringLiteral("E-4001"), QStringLiteral("Ito"), QStringLiteral("Aya"));
        HttpResponse response =
            m_org.send("POST", kMembers, QStringLiteral("owner"), api::toJson(sameCode));
        QCOMPARE(response.status, 409);
        QVERIFY(response.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("employee code")));
        // Named, so that a client shows it beside the field.
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("employeeCode"));
        api::MemberFields sameEmail = sameCode;
        sameEmail.employeeCode.reset();
        sameEmail.email = QStringLiteral("KEN.SATO@example.com");
        response = m_org.send("POST", kMembers, QStringLiteral("owner"), api::toJson(sameEmail));
        QCOMPARE(response.status, 409);
        QVERIFY(response.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("e-mail")));
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("email"));
        // Neither names the value.
        QVERIFY(!response.body.contains("ken.sato"));
        QVERIFY(!response.body.contains("KEN.SATO"));
    }

    void oversizedBody()
    {
        api::MemberFields fields =
            memberFields(QStringLiteral("E-5001"), QStringLiteral("Big"), QStringLiteral("Body"));
        QJsonObject body = api::toJson(fields);
        // 2 MB: over the route's 1 MiB, under what the HTTP layer reads to say so.
        body.insert(QStringLiteral("memo"), QString(2'000'000, QLatin1Char('m')));
        const HttpResponse response = m_org.send("POST", kMembers, QStringLiteral("owner"), body);
        QCOMPARE(response.status, 413);
        QCOMPARE(problemCode(response), QStringLiteral("payload-too-large"));
    }

    void badQueryParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit 501") << QStringLiteral("limit=501") << QStringLiteral("limit");
        QTest::newRow("limit +5") << QStringLiteral("limit=%2B5") << QStringLiteral("limit");
        QTest::newRow("sort") << QStringLiteral("sort=salary") << QStringLiteral("sort");
        QTest::newRow("order") << QStringLiteral("order=up") << QStringLiteral("order");
        QTest::newRow("status") << QStringLiteral("status=gone") << QStringLiteral("status");
        QTest::newRow("group") << QStringLiteral("group=..%2F..") << QStringLiteral("group");
        QTest::newRow("unknown") << QStringLiteral("salary=1") << QStringLiteral("salary");
        QTest::newRow("repeated") << QStringLiteral("q=a&q=b") << QStringLiteral("q");
        QTest::newRow("search too long")
            << QStringLiteral("q=") + QString(101, QLatin1Char('a')) << QStringLiteral("q");
        QTest::newRow("control character") << QStringLiteral("q=a%07b") << QStringLiteral("q");
        QTest::newRow("cursor not one")
            << QStringLiteral("cursor=%7B%7D") << QStringLiteral("cursor");
        QTest::newRow("cursor of nothing")
            << QStringLiteral("cursor=bm90LWEtY3Vyc29yLW9mLXRoaXMtbGlzdA")
            << QStringLiteral("cursor");
    }

    void badQueryParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpResponse response =
            m_org.send("GET", kMembers + QLatin1Char('?') + query, QStringLiteral("owner"));
        QVERIFY2(response.status == 400, qPrintable(response.describe()));
        QCOMPARE(problemField(response), field);
    }

    void searchFilterSortAndPaging()
    {
        const QString paging = m_org.addGroup(QStringLiteral("PAGING"), QStringLiteral("Paging"));
        const QString below =
            m_org.addGroup(QStringLiteral("PAGING-2"), QStringLiteral("Below"), paging);
        QVERIFY(!paging.isEmpty() && !below.isEmpty());
        QStringList expectedByCode;
        for (int i = 0; i < 23; ++i) {
            const QString code = QStringLiteral("P-%1").arg(i, 3, 10, QLatin1Char('0'));
            api::MemberFields fields =
                memberFields(code, QStringLiteral("Family%1").arg(22 - i, 2, 10, QLatin1Char('0')),
                             QStringLiteral("Given"), i % 2 ? below : paging);
            fields.status = i % 5 == 0 ? api::MemberStatus::Left : api::MemberStatus::Active;
            if (i % 3 == 0)
                fields.attributes.insert(m_location, QStringLiteral("Osaka"));
            const auto member = m_org.addMember(fields);
            QVERIFY(member);
            expectedByCode.append(member->id);
        }

        // The whole subtree, 7 at a time, by code: every member once, in order.
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("group"), paging);
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("employeeCode"));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("7"));
        QList<qint64> totals;
        QCOMPARE(idsOf(walk(query, QStringLiteral("owner"), &totals)), expectedByCode);
        QCOMPARE(totals.size(), 4);
        QVERIFY(std::all_of(totals.cbegin(), totals.cend(), [](qint64 t) { return t == 23; }));

        // Descending by code.
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("desc"));
        QStringList reversed = expectedByCode;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(idsOf(walk(query)), reversed);

        // By name: Family22 is P-000, so ascending names are descending codes.
        query.clear();
        query.addQueryItem(QStringLiteral("group"), paging);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
        QCOMPARE(idsOf(walk(query)), reversed);

        // The child group alone: the odd ones.
        query.clear();
        query.addQueryItem(QStringLiteral("group"), below);
        QStringList odd;
        for (int i = 1; i < 23; i += 2)
            odd.append(expectedByCode.at(i));
        QStringList inBelow = idsOf(walk(query));
        inBelow.sort();
        odd.sort();
        QCOMPARE(inBelow, odd);

        // Status and attribute filters within the subtree.
        query.clear();
        query.addQueryItem(QStringLiteral("group"), paging);
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("left"));
        QCOMPARE(walk(query).size(), 5); // 0, 5, 10, 15, 20
        query.clear();
        query.addQueryItem(QStringLiteral("group"), paging);
        query.addQueryItem(QStringLiteral("attribute"), m_location);
        query.addQueryItem(QStringLiteral("value"), QStringLiteral("Osaka"));
        QCOMPARE(walk(query).size(), 8); // 0, 3, ..., 21

        // Search: part of a name, case and width folded.
        query.clear();
        query.addQueryItem(QStringLiteral("q"), QStringLiteral("ＦＡＭＩＬＹ07"));
        const QList<api::Member> found = walk(query);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().id, expectedByCode.at(15));
    }

    void managerSeesOnlyTheirSubtrees()
    {
        const auto inSales = m_org.addMember(
            memberFields(QStringLiteral("M-001"), QStringLiteral("Inside"), QString(), m_sales));
        const auto inTokyo = m_org.addMember(
            memberFields(QStringLiteral("M-002"), QStringLiteral("Inside"), QString(), m_tokyo));
        const auto inPlant = m_org.addMember(
            memberFields(QStringLiteral("M-003"), QStringLiteral("Outside"), QString(), m_plant));
        const auto nowhere = m_org.addMember(
            memberFields(QStringLiteral("M-004"), QStringLiteral("Outside"), QString()));
        QVERIFY(inSales && inTokyo && inPlant && nowhere);
        const QString manager = QStringLiteral("manager");

        const QList<api::Member> seen = walk(QUrlQuery(), manager);
        QVERIFY(!seen.isEmpty());
        for (const api::Member &member : seen)
            QVERIFY(member.fields.groupId == m_sales || member.fields.groupId == m_tokyo);
        QVERIFY(idsOf(seen).contains(inSales->id));
        QVERIFY(idsOf(seen).contains(inTokyo->id));
        QUrlQuery plant;
        plant.addQueryItem(QStringLiteral("group"), m_plant);
        QVERIFY(walk(plant, manager).isEmpty());
        QVERIFY(!walk(plant).isEmpty());

        // Outside the scope is as missing as a missing member.
        const HttpResponse missing = m_org.send(
            "GET", memberPath(QStringLiteral("0190a000-0000-7000-8000-00000000abcd")), manager);
        for (const auto &outside : {*inPlant, *nowhere}) {
            const QString path = memberPath(outside.id);
            HttpResponse response = m_org.send("GET", path, manager);
            QCOMPARE(response.status, 404);
            QCOMPARE(response.json().value(QStringLiteral("detail")),
                     missing.json().value(QStringLiteral("detail")));
            api::MemberFields moved = outside.fields;
            moved.groupId = m_sales;
            response = m_org.send("PUT", path, manager, api::toJson(moved), ifMatch("\"1\""));
            QCOMPARE(response.status, 404);
            response = m_org.send("DELETE", path, manager, std::nullopt, ifMatch("\"1\""));
            QCOMPARE(response.status, 404);
        }

        // Creates and moves only into the scope.
        HttpResponse response =
            m_org.send("POST", kMembers, manager,
                       api::toJson(memberFields(QStringLiteral("M-005"), QStringLiteral("New"),
                                                QString(), m_plant)));
        QCOMPARE(response.status, 403);
        response = m_org.send(
            "POST", kMembers, manager,
            api::toJson(memberFields(QStringLiteral("M-005"), QStringLiteral("New"), QString())));
        QCOMPARE(response.status, 403);
        QVERIFY(m_org.addMember(
            memberFields(QStringLiteral("M-005"), QStringLiteral("New"), QString(), m_tokyo),
            manager));
        api::MemberFields moved = inSales->fields;
        moved.groupId = m_plant;
        response = m_org.send("PUT", memberPath(inSales->id), manager, api::toJson(moved),
                              ifMatch("\"1\""));
        QCOMPARE(response.status, 403);
        moved.groupId = m_tokyo;
        response = m_org.send("PUT", memberPath(inSales->id), manager, api::toJson(moved),
                              ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        response =
            m_org.send("DELETE", memberPath(inTokyo->id), manager, std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 204);
    }

    void viewerReadsEverythingAndWritesNothing()
    {
        const auto member = m_org.addMember(
            memberFields(QStringLiteral("V-001"), QStringLiteral("Seen"), QString(), m_plant));
        QVERIFY(member);
        const QString viewer = QStringLiteral("viewer");
        QVERIFY(idsOf(walk(QUrlQuery(), viewer)).contains(member->id));
        QCOMPARE(m_org.send("GET", memberPath(member->id), viewer).status, 200);
        QCOMPARE(m_org.send("POST", kMembers, viewer, api::toJson(member->fields)).status, 403);
        QCOMPARE(m_org
                     .send("PUT", memberPath(member->id), viewer, api::toJson(member->fields),
                           ifMatch("\"1\""))
                     .status,
                 403);
        QCOMPARE(
            m_org.send("DELETE", memberPath(member->id), viewer, std::nullopt, ifMatch("\"1\""))
                .status,
            403);
        QCOMPARE(m_org.send("GET", memberPath(member->id), viewer).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestMemberRoutes)
#include "tst_memberroutes.moc"
