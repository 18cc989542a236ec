// AttributeRepository: the tenant's order, the limit, changes that would drop
// values members hold, invalid fields, revisions and tenant scoping.

#include "store/attributerepository.h"
#include "store/memberrepository.h"
#include "storefixture.h"

#include <QTest>

using namespace engage::server::store;
using engage::api::Attribute;
using engage::api::AttributeFields;
using engage::api::AttributeType;
using engage::server::store::testing::memberFields;
using engage::server::store::testing::StoreFixture;

class TestAttributeRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderAndRoundTrip();
    void limit();
    void changesThatDropHeldValues();
    void invalidFieldsAreRefused();
    void revisionsAndTenants();
};

namespace {

const QDateTime kAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC);

AttributeFields choice(const QString &name, const QStringList &choices)
{
    return AttributeFields{name, name, AttributeType::Choice, choices};
}

AttributeFields text(const QString &name)
{
    return AttributeFields{name, name, AttributeType::Text, {}};
}

QStringList namesOf(const QList<Attribute> &attributes)
{
    QStringList names;
    for (const Attribute &attribute : attributes)
        names.append(attribute.fields.nameEn);
    return names;
}

} // namespace

void TestAttributeRepository::orderAndRoundTrip()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    AttributeRepository attributes(store.connection());
    const AttributeFields location =
        choice(QStringLiteral("Location"), {QStringLiteral("東京"), QStringLiteral("大阪")});
    const auto first = attributes.create(tenant, location);
    QVERIFY2(first.isOk(), qPrintable(first.isOk() ? QString() : first.error().message));
    QCOMPARE(first.value().revision, 1);
    QVERIFY(attributes.create(tenant, text(QStringLiteral("Note"))).isOk());
    const auto third = attributes.create(
        tenant, AttributeFields{
                    QStringLiteral("入社日"), QStringLiteral("Joined"), AttributeType::Date, {}});
    QVERIFY(third.isOk());
    QCOMPARE(attributes.get(tenant, first.value().id).value(), first.value());
    QCOMPARE(namesOf(attributes.list(tenant).value()),
             (QStringList{QStringLiteral("Location"), QStringLiteral("Note"),
                          QStringLiteral("Joined")}));
    QVERIFY(attributes.remove(tenant, first.value().id, 1).isOk());
    QVERIFY(attributes.create(tenant, text(QStringLiteral("Last"))).isOk());
    QCOMPARE(
        namesOf(attributes.list(tenant).value()),
        (QStringList{QStringLiteral("Note"), QStringLiteral("Joined"), QStringLiteral("Last")}));
    QCOMPARE(attributes.get(tenant, first.value().id).errorKind(), StoreErrorKind::NotFound);
}

void TestAttributeRepository::limit()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    AttributeRepository attributes(store.connection());
    QString firstId;
    for (int i = 0; i < engage::api::kAttributesMax; ++i) {
        const auto created = attributes.create(tenant, text(QStringLiteral("A%1").arg(i)));
        QVERIFY(created.isOk());
        if (i == 0)
            firstId = created.value().id;
    }
    QCOMPARE(attributes.create(tenant, text(QStringLiteral("one too many"))).errorKind(),
             StoreErrorKind::LimitReached);
    // Deleted ones make room.
    QVERIFY(attributes.remove(tenant, firstId, 1).isOk());
    QVERIFY(attributes.create(tenant, text(QStringLiteral("now it fits"))).isOk());
}

void TestAttributeRepository::changesThatDropHeldValues()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    AttributeRepository attributes(store.connection());
    const QStringList cities{QStringLiteral("東京"), QStringLiteral("大阪"),
                             QStringLiteral("名古屋")};
    const Attribute location =
        attributes.create(tenant, choice(QStringLiteral("Location"), cities)).value();
    const Attribute unused = attributes.create(tenant, text(QStringLiteral("Unused"))).value();
    MemberRepository members(store.connection(), store.keyring());
    auto member = memberFields(QStringLiteral("M"), QString(), QStringLiteral("1"));
    member.attributes.insert(location.id, QStringLiteral("大阪"));
    const QString holder = members.create(tenant, member, kAt).value().member.id;

    // Dropping 名古屋 (nobody holds it) and adding 福岡 is fine.
    const QStringList changed{QStringLiteral("東京"), QStringLiteral("大阪"),
                              QStringLiteral("福岡")};
    auto updated =
        attributes.update(tenant, location.id, 1, choice(QStringLiteral("Location"), changed));
    QVERIFY(updated.isOk());
    QCOMPARE(updated.value().revision, 2);
    // Dropping 大阪, which a member holds, is not.
    QCOMPARE(attributes
                 .update(tenant, location.id, 2,
                         choice(QStringLiteral("Location"), {QStringLiteral("東京")}))
                 .errorKind(),
             StoreErrorKind::InUse);
    QCOMPARE(
        attributes.update(tenant, location.id, 2, text(QStringLiteral("Location"))).errorKind(),
        StoreErrorKind::InUse);
    // Renaming alone is fine; so is changing the type of an attribute nobody holds.
    AttributeFields renamed = choice(QStringLiteral("Site"), changed);
    renamed.nameJa = QStringLiteral("拠点");
    QVERIFY(attributes.update(tenant, location.id, 2, renamed).isOk());
    QVERIFY(
        attributes
            .update(tenant, unused.id, 1,
                    AttributeFields{
                        QStringLiteral("数"), QStringLiteral("Count"), AttributeType::Number, {}})
            .isOk());
    // Once the holder is gone the choice may go.
    QVERIFY(members.remove(tenant, holder, 1, kAt).isOk());
    QVERIFY(attributes
                .update(tenant, location.id, 3,
                        choice(QStringLiteral("Site"), {QStringLiteral("東京")}))
                .isOk());
}

void TestAttributeRepository::invalidFieldsAreRefused()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    AttributeRepository attributes(store.connection());
    QCOMPARE(attributes.create(tenant, choice(QStringLiteral("Empty"), {})).errorKind(),
             StoreErrorKind::Refused);
    AttributeFields textWithChoices = text(QStringLiteral("T"));
    textWithChoices.choices = QStringList{QStringLiteral("x")};
    QCOMPARE(attributes.create(tenant, textWithChoices).errorKind(), StoreErrorKind::Refused);
    QVERIFY(attributes.list(tenant).value().isEmpty());
}

void TestAttributeRepository::revisionsAndTenants()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    AttributeRepository attributes(store.connection());
    const Attribute note = attributes.create(tenant, text(QStringLiteral("Note"))).value();
    QCOMPARE(attributes.update(tenant, note.id, 2, text(QStringLiteral("N"))).errorKind(),
             StoreErrorKind::Conflict);
    QCOMPARE(attributes.remove(tenant, note.id, 2).errorKind(), StoreErrorKind::Conflict);
    QCOMPARE(attributes.get(other, note.id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(attributes.update(other, note.id, 1, text(QStringLiteral("N"))).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(attributes.remove(other, note.id, 1).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(attributes.list(other).value().isEmpty());
    QCOMPARE(attributes.get(tenant, note.id).value(), note);
}

QTEST_GUILESS_MAIN(TestAttributeRepository)
#include "tst_store_attributerepository.moc"
