// The attribute routes in-process over real TLS on a real store: define,
// list, change with If-Match, values members hold kept, limits, roles.

#include "organisationfixture.h"

#include <QTest>

using namespace engage;
using namespace engage::test;

namespace {

const QString kAttributes = QStringLiteral("/api/v1/attributes");

QString attributePath(const QString &id)
{
    return kAttributes + QLatin1Char('/') + id;
}

api::AttributeFields choice(const QString &name, const QStringList &choices)
{
    api::AttributeFields fields;
    fields.nameJa = name + QStringLiteral("（日本語）");
    fields.nameEn = name;
    fields.type = api::AttributeType::Choice;
    fields.choices = choices;
    return fields;
}

} // namespace

class TestAttributeRoutes final : public QObject
{
    Q_OBJECT

private:
    OrganisationFixture m_org;

    QList<api::Attribute> list(const QString &as)
    {
        const HttpResponse response = m_org.send("GET", kAttributes, as);
        if (response.status != 200) {
            qWarning() << response.describe();
            return {};
        }
        const auto attributes = api::attributeListFromJson(response.json());
        return attributes ? attributes.value() : QList<api::Attribute>();
    }

    std::optional<api::Attribute> find(const QString &id)
    {
        for (const api::Attribute &attribute : list(QStringLiteral("owner"))) {
            if (attribute.id == id)
                return attribute;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_org.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_org.service.stop(); }

    void defineListChangeDelete()
    {
        const api::AttributeFields fields =
            choice(QStringLiteral("Site"), {QStringLiteral("Tokyo"), QStringLiteral("Osaka")});
        HttpResponse response =
            m_org.send("POST", kAttributes, QStringLiteral("admin"), api::toJson(fields));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const auto created = api::attributeFromJson(response.json());
        QVERIFY(created);
        QCOMPARE(created.value().fields, fields);
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QCOMPARE(response.header("location"), attributePath(created.value().id).toLatin1());
        const QString id = created.value().id;

        // Everyone reads, in the order defined.
        const QString second =
            m_org.addAttribute(QStringLiteral("Grade"), api::AttributeType::Number);
        for (const QString &as : {QStringLiteral("viewer"), QStringLiteral("manager")}) {
            const QList<api::Attribute> seen = list(as);
            QCOMPARE(seen.size(), 2);
            QCOMPARE(seen.at(0).id, id);
            QCOMPARE(seen.at(1).id, second);
        }

        api::AttributeFields renamed = fields;
        renamed.nameEn = QStringLiteral("Office");
        renamed.choices.append(QStringLiteral("Nagoya"));
        response =
            m_org.send("PUT", attributePath(id), QStringLiteral("admin"), api::toJson(renamed));
        QCOMPARE(response.status, 428);
        response = m_org.send("PUT", attributePath(id), QStringLiteral("admin"),
                              api::toJson(renamed), ifMatch("\"2\""));
        QCOMPARE(response.status, 412);
        response = m_org.send("PUT", attributePath(id), QStringLiteral("admin"),
                              api::toJson(renamed), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        QCOMPARE(find(id)->fields, renamed);
        QVERIFY(m_org.operationSummaries().contains(
            QStringLiteral("attribute.update changed: nameEn, choices")));

        response = m_org.send("DELETE", attributePath(id), QStringLiteral("admin"), std::nullopt,
                              ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        response = m_org.send("DELETE", attributePath(id), QStringLiteral("admin"), std::nullopt,
                              ifMatch("\"2\""));
        QCOMPARE(response.status, 204);
        QVERIFY(!find(id));
        response = m_org.send("PUT", attributePath(id), QStringLiteral("admin"),
                              api::toJson(renamed), ifMatch("\"3\""));
        QCOMPARE(response.status, 404);
        QCOMPARE(m_org.service.operationCount(QStringLiteral("attribute.create"), id), 1);
        QCOMPARE(m_org.service.operationCount(QStringLiteral("attribute.delete"), id), 1);
    }

    void aChoiceMembersHoldStays()
    {
        const api::AttributeFields fields =
            choice(QStringLiteral("Shift"), {QStringLiteral("Day"), QStringLiteral("Night")});
        const QString id = m_org.addAttribute(fields.nameEn, fields.type, fields.choices);
        QVERIFY(!id.isEmpty());
        api::MemberFields member =
            memberFields(QStringLiteral("A-1"), QStringLiteral("Night"), QStringLiteral("Owl"));
        member.attributes.insert(id, QStringLiteral("Night"));
        QVERIFY(m_org.addMember(member));

        api::AttributeFields fewer = fields;
        fewer.choices = {QStringLiteral("Day")};
        const HttpResponse response = m_org.send("PUT", attributePath(id), QStringLiteral("owner"),
                                                 api::toJson(fewer), ifMatch("\"1\""));
        QCOMPARE(response.status, 409);
        QCOMPARE(find(id)->fields.choices, fields.choices);
    }

    void refusedDefinitions_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject valid = api::toJson(choice(QStringLiteral("X"), {QStringLiteral("a")}));
        auto with = [&valid](const QString &key, const QJsonValue &value) {
            QJsonObject body = valid;
            body.insert(key, value);
            return body;
        };
        QTest::newRow("no choices for a choice")
            << with(QStringLiteral("choices"), QJsonArray()) << QStringLiteral("choices");
        QTest::newRow("choices for a number")
            << with(QStringLiteral("type"), QStringLiteral("number")) << QStringLiteral("choices");
        QTest::newRow("duplicate choices")
            << with(QStringLiteral("choices"), QJsonArray{QStringLiteral("a"), QStringLiteral("a")})
            << QStringLiteral("choices.1");
        QTest::newRow("unknown type")
            << with(QStringLiteral("type"), QStringLiteral("colour")) << QStringLiteral("type");
        QTest::newRow("control character")
            << with(QStringLiteral("nameEn"), QStringLiteral("a\u001bb"))
            << QStringLiteral("nameEn");
        QTest::newRow("unknown field")
            << with(QStringLiteral("order"), 3) << QStringLiteral("order");
    }

    void refusedDefinitions()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpResponse response =
            m_org.send("POST", kAttributes, QStringLiteral("owner"), body);
        QVERIFY2(response.status == 400, qPrintable(response.describe()));
        QCOMPARE(problemField(response), field);
    }

    void limitReached()
    {
        for (int defined = int(list(QStringLiteral("owner")).size()); defined < api::kAttributesMax;
             ++defined)
            QVERIFY(!m_org
                         .addAttribute(QStringLiteral("Filler %1").arg(defined),
                                       api::AttributeType::Text)
                         .isEmpty());
        const HttpResponse response =
            m_org.send("POST", kAttributes, QStringLiteral("owner"),
                       api::toJson(choice(QStringLiteral("One too many"), {QStringLiteral("x")})));
        QCOMPARE(response.status, 409);
        QCOMPARE(list(QStringLiteral("owner")).size(), api::kAttributesMax);
    }

    void writesNeedAnAdmin()
    {
        const QList<api::Attribute> attributes = list(QStringLiteral("owner"));
        QVERIFY(!attributes.isEmpty());
        const api::Attribute &first = attributes.first();
        for (const QString &as : {QStringLiteral("manager"), QStringLiteral("viewer")}) {
            QCOMPARE(m_org.send("POST", kAttributes, as, api::toJson(first.fields)).status, 403);
            QCOMPARE(m_org
                         .send("PUT", attributePath(first.id), as, api::toJson(first.fields),
                               ifMatch('"' + QByteArray::number(first.revision) + '"'))
                         .status,
                     403);
            QCOMPARE(m_org
                         .send("DELETE", attributePath(first.id), as, std::nullopt,
                               ifMatch('"' + QByteArray::number(first.revision) + '"'))
                         .status,
                     403);
        }
        QCOMPARE(find(first.id), first);
    }
};

QTEST_GUILESS_MAIN(TestAttributeRoutes)
#include "tst_attributeroutes.moc"
