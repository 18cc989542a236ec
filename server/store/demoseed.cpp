#include "demoseed.h"

#include "crypto/aead.h"
#include "crypto/passwordhasher.h"
#include "demoorganisation.h"
#include "grouprepository.h"
#include "keyring.h"
#include "operationlog.h"
#include "personrepository.h"
#include "scopedquery.h"
#include "tenantrepository.h"
#include "transaction.h"

#include <QRandomGenerator>
#include <utility>
#include <vector>

namespace engage::server::store {

namespace {

struct DemoName
{
    const char *displayName; // UTF-8
    const char *localPart;   // of the e-mail address
};

// Family name first, as Japanese companies list people.
const DemoName kJapaneseNames[] = {
    {"佐藤 花子", "hanako.sato"},      {"鈴木 一郎", "ichiro.suzuki"},
    {"高橋 美咲", "misaki.takahashi"}, {"田中 健太", "kenta.tanaka"},
    {"伊藤 さくら", "sakura.ito"},     {"渡辺 翔", "sho.watanabe"},
    {"山本 由美", "yumi.yamamoto"},    {"中村 大輔", "daisuke.nakamura"},
    {"小林 愛", "ai.kobayashi"},       {"加藤 拓也", "takuya.kato"},
    {"吉田 恵子", "keiko.yoshida"},    {"山田 太郎", "taro.yamada"},
};

const DemoName kEnglishNames[] = {
    {"Alice Walker", "alice.walker"}, {"Ben Carter", "ben.carter"},
    {"Chloe Evans", "chloe.evans"},   {"David Hughes", "david.hughes"},
    {"Emma Brooks", "emma.brooks"},   {"Frank Morgan", "frank.morgan"},
    {"Grace Turner", "grace.turner"}, {"Henry Price", "henry.price"},
};

const QString kCredentialsTable = QStringLiteral("demo_credentials");
const QString kPasswordColumn = QStringLiteral("password");

} // namespace

struct DemoSeed::Plan
{
    QString slug;
    QString name;
    QString locale;
    QString domain;
    std::vector<DemoName> names;
    // Roles after the owner, in order.
    std::vector<api::Role> roles;
};

DemoSeed::DemoSeed(QSqlDatabase database, Keyring &keyring, quint64 seed)
    : m_database(std::move(database))
    , m_keyring(keyring)
    , m_seed(seed)
{}

StoreResult<QList<DemoCredentials>> DemoSeed::ensure()
{
    // The seed shuffles who is who; QRandomGenerator with a seed is the same
    // sequence on every platform and release of Qt 6.
    QRandomGenerator random(static_cast<quint32>(m_seed ^ (m_seed >> 32)));
    const auto shuffled = [&random](const DemoName *begin, const DemoName *end) {
        std::vector<DemoName> names(begin, end);
        for (std::size_t i = names.size(); i > 1; --i)
            std::swap(names[i - 1], names[random.bounded(static_cast<quint32>(i))]);
        return names;
    };
    using api::Role;
    const Plan plans[] = {
        {QStringLiteral("sakura-foods"),
         QStringLiteral("さくらフーズ株式会社"),
         QStringLiteral("ja"),
         QStringLiteral("sakura-foods.example.jp"),
         shuffled(std::begin(kJapaneseNames), std::end(kJapaneseNames)),
         {Role::Admin, Role::Admin, Role::Manager, Role::Manager, Role::Viewer, Role::Viewer,
          Role::Viewer}},
        {QStringLiteral("northwind"),
         QStringLiteral("Northwind Traders"),
         QStringLiteral("en"),
         QStringLiteral("northwind.example.com"),
         shuffled(std::begin(kEnglishNames), std::end(kEnglishNames)),
         {Role::Admin, Role::Manager, Role::Viewer, Role::Viewer}},
    };
    QList<DemoCredentials> credentials;
    for (const Plan &plan : plans) {
        auto tenant = ensureTenant(plan);
        if (!tenant)
            return tenant.error();
        credentials.append(tenant.value());
    }
    return credentials;
}

StoreResult<DemoCredentials> DemoSeed::ensureTenant(const Plan &plan)
{
    TenantRepository tenants(m_database, m_keyring);
    auto existing = tenants.findBySlug(plan.slug);
    if (existing)
        return readBack(existing.value().tenant.id, plan.slug, plan.name);
    if (existing.errorKind() != StoreErrorKind::NotFound)
        return existing.error();
    auto created = create(plan);
    if (!created && created.errorKind() == StoreErrorKind::SlugTaken) {
        // Another process started with --demo at the same moment and won.
        existing = tenants.findBySlug(plan.slug);
        if (!existing)
            return existing.error();
        return readBack(existing.value().tenant.id, plan.slug, plan.name);
    }
    return created;
}

StoreResult<DemoCredentials> DemoSeed::create(const Plan &plan)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("seeding the demo"), transaction.error());
    TenantRepository tenants(m_database, m_keyring);
    const auto tenant =
        tenants.create(NewTenant{plan.slug, plan.name, api::Plan::Standard, true, plan.locale});
    if (!tenant)
        return tenant.error();
    const TenantScope scope(tenant.value().tenant.id); // start-up job: the tenant it made

    const QString password = crypto::generatedPassword();
    const QString managerPassword = crypto::generatedPassword();
    // Nobody signs in as the other demo people until an owner sets their
    // password: they share one hash of a random password nobody knows
    // (Argon2id is slow on purpose; few hashes per tenant keep start-up quick).
    const QString unusable = crypto::hashPassword(crypto::generatedPassword());
    PersonRepository people(m_database, m_keyring);
    const auto emailOf = [&plan](const DemoName &name) -> QString {
        return QString::fromLatin1(name.localPart) + u'@' + plan.domain;
    };
    const auto owner =
        people.create(scope, NewPerson{QString(), emailOf(plan.names.at(0)),
                                       QString::fromUtf8(plan.names.at(0).displayName),
                                       api::Role::Owner, crypto::hashPassword(password), false});
    if (!owner)
        return owner.error();
    std::optional<StoredPerson> manager;
    for (std::size_t i = 0; i < plan.roles.size() && i + 1 < plan.names.size(); ++i) {
        const DemoName &name = plan.names.at(i + 1);
        // The first manager gets a password of its own, to show a scoped view.
        const bool scopedManager = plan.roles.at(i) == api::Role::Manager && !manager;
        const auto person = people.create(
            scope, NewPerson{QString(), emailOf(name), QString::fromUtf8(name.displayName),
                             plan.roles.at(i),
                             scopedManager ? crypto::hashPassword(managerPassword) : unusable,
                             !scopedManager});
        if (!person)
            return person.error();
        if (scopedManager)
            manager = person.value();
    }
    if (!manager)
        return databaseError(QStringLiteral("seeding the demo"),
                             QStringLiteral("the plan of %1 has no manager").arg(plan.slug));

    // One stream of draws per company, the same for a seed on every platform.
    const bool japanese = plan.locale == QLatin1String("ja");
    const auto organisation = DemoOrganisation::create(
        scope, m_database, m_keyring,
        japanese ? DemoOrganisation::Language::Japanese : DemoOrganisation::Language::English,
        m_seed * 2 + (japanese ? 0 : 1));
    if (!organisation)
        return organisation.error();
    const StoreStatus scoped =
        GroupRepository(m_database)
            .setScope(scope, manager->person.id, {organisation.value().managedGroupId});
    if (!scoped)
        return scoped.error();

    for (const auto &[personId, secret] : {std::pair(owner.value().person.id, password),
                                           std::pair(manager->person.id, managerPassword)}) {
        const StoreStatus kept = keepPassword(scope, personId, secret);
        if (!kept)
            return kept.error();
    }
    const StoreStatus logged = OperationLog::record(
        scope, m_database,
        OperationEntry{QString(), QString(), QStringLiteral("tenant"), scope.tenantId(),
                       QStringLiteral("demo-seed"),
                       QStringLiteral("demo tenant with %1 people, %2 groups and %3 members")
                           .arg(plan.roles.size() + 1)
                           .arg(organisation.value().groups)
                           .arg(organisation.value().members),
                       QDateTime()});
    if (!logged)
        return logged.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return DemoCredentials{
        plan.slug,      plan.name, owner.value().person.email, password, manager->person.email,
        managerPassword};
}

StoreStatus DemoSeed::keepPassword(const TenantScope &scope, const QString &personId,
                                   const QString &password)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO demo_credentials (tenant_id, person_id, password_sealed, key_version, "
        "created_at) VALUES (:tenant_id, :person, :sealed, :key_version, :now)"));
    insert.bindValue(QStringLiteral(":person"), personId);
    insert.bindValue(
        QStringLiteral(":sealed"),
        crypto::seal(key.value()->sealKey, password.toUtf8(),
                     crypto::associatedData(scope.tenantId(), kCredentialsTable, kPasswordColumn,
                                            personId, key.value()->version)));
    insert.bindValue(QStringLiteral(":key_version"), key.value()->version);
    insert.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec())
        return databaseError(QStringLiteral("storing demo credentials"), insert.errorText());
    return Done{};
}

StoreResult<DemoCredentials> DemoSeed::readBack(const QString &tenantId, const QString &slug,
                                                const QString &name)
{
    const TenantScope scope(tenantId); // start-up job: a tenant found by its demo slug
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT person_id, password_sealed, key_version FROM "
                                 "demo_credentials WHERE tenant_id = :tenant_id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading demo credentials"), query.errorText());
    struct Kept
    {
        QString personId;
        QByteArray sealed;
        int keyVersion;
    };
    QList<Kept> kept;
    while (query.next())
        kept.append(
            {query.value(0).toString(), query.value(1).toByteArray(), query.value(2).toInt()});
    query.finish();

    DemoCredentials credentials{slug, name, {}, {}, {}, {}};
    PersonRepository people(m_database, m_keyring);
    for (const Kept &row : std::as_const(kept)) {
        const auto key = m_keyring.version(scope, m_database, row.keyVersion);
        if (!key)
            return key.error();
        const auto password =
            crypto::open(key.value()->sealKey, row.sealed,
                         crypto::associatedData(tenantId, kCredentialsTable, kPasswordColumn,
                                                row.personId, row.keyVersion));
        if (!password)
            return StoreError{StoreErrorKind::Crypto,
                              QStringLiteral("a demo password of %1 does not open").arg(slug)};
        const auto person = people.get(scope, row.personId);
        if (!person)
            return person.error();
        // Demo data from before the scoped manager has the owner's row only.
        const bool isOwner = person.value().person.role == api::Role::Owner;
        (isOwner ? credentials.adminEmail : credentials.managerEmail) = person.value().person.email;
        (isOwner ? credentials.adminPassword : credentials.managerPassword) =
            QString::fromUtf8(*password);
    }
    if (credentials.adminEmail.isEmpty())
        return StoreError{StoreErrorKind::NotFound,
                          QStringLiteral("tenant %1 exists but is not a demo tenant").arg(slug)};
    return credentials;
}

} // namespace engage::server::store
