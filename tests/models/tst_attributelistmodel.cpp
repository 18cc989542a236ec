// AttributeListModel against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "sakura-foods": load, create, edit
// and delete as a round trip the service agrees with, a stale edit made
// through a second session, the refusals a page must explain (a choice
// members hold removed, the list full), and the names following the UI
// language. QAbstractItemModelTester watches the model throughout.

#include "api/member.h"
#include "models/attributelistmodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using Edit = AttributeListModel::Edit;

namespace {

QString unique()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

api::AttributeFields choiceFields(const QStringList &choices)
{
    const QString tag = unique();
    return {QStringLiteral("勤務地 %1").arg(tag), QStringLiteral("Location %1").arg(tag),
            api::AttributeType::Choice, choices};
}

// Puts the locale back however the test ends.
struct LocaleGuard
{
    QLocale saved;
    ~LocaleGuard() { QLocale::setDefault(saved); }
};

} // namespace

class TestAttributeListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createEditDeleteRoundTrip();
    void staleEdit();
    void removingAHeldChoiceIsRefused();
    void namesFollowTheLanguage();
    void theListIsFull();

private:
    bool reload();
    // The attribute, created through the model; empty id on failure.
    api::Attribute create(const api::AttributeFields &fields);
    QList<api::Attribute> serverList(Client &client);

    ServerProcess m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    std::unique_ptr<Client> m_other; // the same owner at another desk
    std::unique_ptr<AttributeListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestAttributeListModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_attributelistmodel"));
    const Account owner = demoOwner(m_server, QStringLiteral("sakura-foods"));
    m_client = std::make_unique<Client>(m_server, *m_store, QStringLiteral("model"));
    QVERIFY(signIn(m_client->session, owner));
    m_other = std::make_unique<Client>(m_server, *m_store, QStringLiteral("other"));
    QVERIFY(signIn(m_other->session, owner));
}

void TestAttributeListModel::init()
{
    m_model = std::make_unique<AttributeListModel>(m_client->api);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(reload());
}

void TestAttributeListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_server.reportIfFailed();
}

bool TestAttributeListModel::reload()
{
    QSignalSpy loaded(m_model.get(), &AttributeListModel::loaded);
    QSignalSpy failed(m_model.get(), &AttributeListModel::failed);
    m_model->reload();
    if (!m_model->isLoading())
        return false;
    return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs) &&
           failed.isEmpty() && !m_model->isLoading();
}

api::Attribute TestAttributeListModel::create(const api::AttributeFields &fields)
{
    QSignalSpy created(m_model.get(), &AttributeListModel::created);
    QSignalSpy failed(m_model.get(), &AttributeListModel::editFailed);
    m_model->create(fields);
    if (!QTest::qWaitFor([&] { return !created.isEmpty() || !failed.isEmpty(); }, kWaitMs) ||
        created.isEmpty())
        return {};
    return created.constFirst().constFirst().value<api::Attribute>();
}

QList<api::Attribute> TestAttributeListModel::serverList(Client &client)
{
    const Outcome answer = get(client.api, QStringLiteral("/api/v1/attributes"));
    if (!answer.ok)
        return {};
    const auto list = api::attributeListFromJson(answer.json);
    return list ? list.value() : QList<api::Attribute>{};
}

void TestAttributeListModel::createEditDeleteRoundTrip()
{
    const int before = m_model->rowCount();
    const api::AttributeFields fields =
        choiceFields({QStringLiteral("東京"), QStringLiteral("大阪"), QStringLiteral("札幌")});
    const api::Attribute created = create(fields);
    QVERIFY(!created.id.isEmpty());
    QCOMPARE(created.fields, fields);
    QCOMPARE(m_model->rowCount(), before + 1);
    const int row = m_model->rowOf(created.id);
    QCOMPARE(row, before); // new ones last
    QCOMPARE(m_model->index(row, 0).data(AttributeListModel::AttributeIdRole).toString(),
             created.id);
    QCOMPARE(m_model->index(row, AttributeListModel::TypeColumn).data().toString(),
             AttributeListModel::typeText(api::AttributeType::Choice));
    QCOMPARE(m_model->index(row, AttributeListModel::ChoicesColumn).data().toString(),
             QLocale().toString(3));
    QVERIFY(serverList(*m_other).contains(created));

    // Edited: a choice renamed, one added, the order changed, the names too.
    api::AttributeFields changed = fields;
    changed.nameEn += QStringLiteral(" (office)");
    changed.choices = {QStringLiteral("大阪"), QStringLiteral("東京"), QStringLiteral("札幌"),
                       QStringLiteral("福岡")};
    QSignalSpy updated(m_model.get(), &AttributeListModel::updated);
    QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->update(row, changed);
    QVERIFY(waitFor(updated));
    const auto stored = updated.constFirst().constFirst().value<api::Attribute>();
    QCOMPARE(stored.fields, changed);
    QVERIFY(stored.revision > created.revision);
    QCOMPARE(m_model->attributeAt(row), stored);
    QVERIFY(!dataChanged.isEmpty());
    QVERIFY(serverList(*m_other).contains(stored));

    // A second edit uses the new revision.
    changed.nameJa += QStringLiteral("（本社）");
    updated.clear();
    m_model->update(row, changed);
    QVERIFY(waitFor(updated));
    QCOMPARE(m_model->attributeAt(row).fields, changed);

    QSignalSpy removed(m_model.get(), &AttributeListModel::removed);
    m_model->remove(row);
    QVERIFY(waitFor(removed));
    QCOMPARE(removed.constFirst().constFirst().toString(), created.id);
    QCOMPARE(m_model->rowOf(created.id), -1);
    QCOMPARE(m_model->rowCount(), before);
    for (const api::Attribute &attribute : serverList(*m_other))
        QVERIFY(attribute.id != created.id);
}

void TestAttributeListModel::staleEdit()
{
    const api::AttributeFields fields = choiceFields({QStringLiteral("正社員")});
    const api::Attribute created = create(fields);
    QVERIFY(!created.id.isEmpty());

    // Someone else renames it; the model still holds the old revision.
    api::AttributeFields theirs = fields;
    theirs.nameEn = QStringLiteral("Renamed elsewhere %1").arg(unique());
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("/api/v1/attributes/") + created.id;
    request.body = api::toJson(theirs);
    request.ifMatch = '"' + QByteArray::number(created.revision) + '"';
    QVERIFY(call(m_other->api, request).ok);

    QSignalSpy stale(m_model.get(), &AttributeListModel::staleEdit);
    QSignalSpy failed(m_model.get(), &AttributeListModel::editFailed);
    api::AttributeFields mine = fields;
    mine.nameEn = QStringLiteral("Mine %1").arg(unique());
    m_model->update(m_model->rowOf(created.id), mine);
    QVERIFY(waitFor(stale));
    QCOMPARE(stale.constFirst().constFirst().toString(), created.id);
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_model->attributeAt(m_model->rowOf(created.id)).fields, fields); // unchanged

    // So is a delete, and after a reload both go through.
    m_model->remove(m_model->rowOf(created.id));
    QTRY_COMPARE_WITH_TIMEOUT(stale.size(), 2, kWaitMs);
    QVERIFY(reload());
    QCOMPARE(m_model->attributeAt(m_model->rowOf(created.id)).fields, theirs);
    QSignalSpy removed(m_model.get(), &AttributeListModel::removed);
    m_model->remove(m_model->rowOf(created.id));
    QVERIFY(waitFor(removed));
}

void TestAttributeListModel::removingAHeldChoiceIsRefused()
{
    const api::Attribute created =
        create(choiceFields({QStringLiteral("組合員"), QStringLiteral("非組合員")}));
    QVERIFY(!created.id.isEmpty());

    // A member holds the first choice.
    api::MemberFields member;
    member.employeeCode = QStringLiteral("attr-%1").arg(unique());
    member.familyName = QStringLiteral("属性");
    member.givenName = QStringLiteral("太郎");
    member.attributes.insert(created.id, QStringLiteral("組合員"));
    ApiRequest add;
    add.method = "POST";
    add.path = QStringLiteral("/api/v1/members");
    add.body = api::toJson(member);
    const Outcome added = call(m_other->api, add);
    QVERIFY2(added.ok, qPrintable(added.error.detail));

    QSignalSpy failed(m_model.get(), &AttributeListModel::editFailed);
    api::AttributeFields without = created.fields;
    without.choices = {QStringLiteral("非組合員")};
    m_model->update(m_model->rowOf(created.id), without);
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(0).value<Edit>(), Edit::Update);
    const auto error = failed.constFirst().at(1).value<ApiError>();
    QCOMPARE(error.code, api::ProblemCode::Conflict);
    QCOMPARE(m_model->attributeAt(m_model->rowOf(created.id)), created);

    // Renaming the choice nobody holds is fine.
    QSignalSpy updated(m_model.get(), &AttributeListModel::updated);
    api::AttributeFields renamed = created.fields;
    renamed.choices = {QStringLiteral("組合員"), QStringLiteral("組合員以外")};
    m_model->update(m_model->rowOf(created.id), renamed);
    QVERIFY(waitFor(updated));
}

void TestAttributeListModel::namesFollowTheLanguage()
{
    const api::Attribute created = create(choiceFields({QStringLiteral("A")}));
    QVERIFY(!created.id.isEmpty());
    const int row = m_model->rowOf(created.id);
    const LocaleGuard guard;

    QLocale::setDefault(QLocale(QLocale::English));
    QCOMPARE(m_model->index(row, AttributeListModel::NameColumn).data().toString(),
             created.fields.nameEn);
    QCOMPARE(m_model->index(row, AttributeListModel::OtherNameColumn).data().toString(),
             created.fields.nameJa);
    const QString englishHeader =
        m_model->headerData(AttributeListModel::OtherNameColumn, Qt::Horizontal).toString();

    QLocale::setDefault(QLocale(QLocale::Japanese));
    QCOMPARE(m_model->index(row, AttributeListModel::NameColumn).data().toString(),
             created.fields.nameJa);
    QCOMPARE(m_model->index(row, AttributeListModel::OtherNameColumn).data().toString(),
             created.fields.nameEn);
    QVERIFY(m_model->headerData(AttributeListModel::OtherNameColumn, Qt::Horizontal).toString() !=
            englishHeader);

    QSignalSpy headers(m_model.get(), &QAbstractItemModel::headerDataChanged);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    QCOMPARE(headers.size(), 1);
}

// Last: it fills the company's list.
void TestAttributeListModel::theListIsFull()
{
    while (m_model->rowCount() < api::kAttributesMax)
        QVERIFY(!create(choiceFields({QStringLiteral("x")})).id.isEmpty());
    QSignalSpy failed(m_model.get(), &AttributeListModel::editFailed);
    m_model->create(choiceFields({QStringLiteral("one too many")}));
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(0).value<Edit>(), Edit::Create);
    QCOMPARE(failed.constFirst().at(1).value<ApiError>().code, api::ProblemCode::Conflict);
    QCOMPARE(m_model->rowCount(), api::kAttributesMax);
}

QTEST_MAIN(TestAttributeListModel)
#include "tst_attributelistmodel.moc"
