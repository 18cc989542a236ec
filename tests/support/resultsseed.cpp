#include "resultsseed.h"

#include "crypto/masterkey.h"
#include "store/customanswerrepository.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/pulserepository.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <functional>

namespace engage::test {

namespace {

using namespace engage::server;

template<typename T>
std::optional<T> fail(QString *error, const QString &what, const QString &why)
{
    *error = what + QStringLiteral(": ") + why;
    return std::nullopt;
}

// Opens a stopped server's database and master key as the service does and
// hands `work` the connection, the keyring and the tenant's id.
template<typename T>
std::optional<T>
inDataDir(const QString &dataDir, const QString &tenantSlug, QString *error,
          const std::function<std::optional<T>(const QSqlDatabase &, store::Keyring &,
                                               const QString &tenantId)> &work)
{
    const auto location = store::DatabaseLocation::parse({}, dataDir, error);
    if (!location)
        return std::nullopt;
    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(dataDir, error);
    if (!masterKey)
        return std::nullopt;
    store::Keyring keyring(std::move(*masterKey));
    store::Database database(*location);
    database.setLogChainKey(keyring.logChainKey());
    const QSqlDatabase connection = database.connection(error);
    if (!connection.isOpen())
        return std::nullopt;
    QSqlQuery tenant(connection);
    tenant.prepare(QStringLiteral("SELECT id FROM tenants WHERE slug = ?"));
    tenant.addBindValue(tenantSlug);
    if (!tenant.exec() || !tenant.next())
        return fail<T>(error, QStringLiteral("finding the tenant"), tenant.lastError().text());
    const QString tenantId = tenant.value(0).toString();
    tenant.finish();
    return work(connection, keyring, tenantId);
}

} // namespace

std::optional<SeededResults> seedResults(const QSqlDatabase &database, store::Keyring &keyring,
                                         const ResultsSeed &seed, QString *error)
{
    using Failed = SeededResults;
    const store::TenantScope scope(seed.tenantId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::PulseRepository pulses(database, keyring);
    const api::LocalizedText &name = seed.definition.name;
    const auto survey = pulses.createSurvey(scope, store::SurveyKind::Custom,
                                            name.ja.isEmpty() ? name.en : name.ja, 4, now);
    if (!survey)
        return fail<Failed>(error, QStringLiteral("creating a survey"), survey.error().message);
    // The definition as the surveys routes store it once published.
    QSqlQuery definition(database);
    definition.prepare(QStringLiteral("UPDATE surveys SET definition = ?, status = ?, "
                                      "published_at = ? WHERE id = ?"));
    definition.addBindValue(QString::fromUtf8(
        QJsonDocument(api::toJson(seed.definition)).toJson(QJsonDocument::Compact)));
    definition.addBindValue(api::surveyStatusName(seed.status == api::RoundStatus::Closed
                                                      ? api::SurveyStatus::Closed
                                                      : api::SurveyStatus::Open));
    definition.addBindValue(now.toMSecsSinceEpoch());
    definition.addBindValue(survey.value().id);
    if (!definition.exec())
        return fail<Failed>(error, QStringLiteral("storing a definition"),
                            definition.lastError().text());

    store::StoredRound round;
    round.surveyId = survey.value().id;
    round.opensAt = now.addDays(-8);
    round.closesAt = seed.status == api::RoundStatus::Closed ? now.addSecs(-60) : now.addDays(1);
    // Open while the responses arrive; closed after, when asked.
    round.status =
        seed.status == api::RoundStatus::Scheduled ? seed.status : api::RoundStatus::Open;
    const auto created = pulses.createRound(scope, round, now.addDays(-9));
    if (!created)
        return fail<Failed>(error, QStringLiteral("creating a round"), created.error().message);
    const QString roundId = created.value().id;

    QList<store::RoundTarget> targets;
    for (const ResultsTarget &seeded : seed.targets) {
        store::RoundTarget target;
        target.memberId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        target.groupId = seeded.groupId;
        target.snapshot = seeded.snapshot;
        targets.append(target);
    }
    if (const auto added = pulses.addTargets(scope, roundId, targets); !added)
        return fail<Failed>(error, QStringLiteral("adding targets"), added.error().message);
    store::CustomAnswerRepository custom(database, keyring);
    for (qsizetype i = 0; i < seed.targets.size(); ++i) {
        if (!seed.targets.at(i).answers)
            continue;
        const auto submitted =
            custom.submit(scope, roundId, targets.at(i).memberId, seed.definition.questions,
                          *seed.targets.at(i).answers, now.addDays(-1));
        if (!submitted)
            return fail<Failed>(error, QStringLiteral("submitting"), submitted.error().message);
    }
    if (seed.status == api::RoundStatus::Closed) {
        if (const auto closed = pulses.setRoundStatus(scope, roundId, api::RoundStatus::Closed);
            !closed)
            return fail<Failed>(error, QStringLiteral("closing"), closed.error().message);
    }
    return SeededResults{survey.value().id, roundId};
}

std::optional<SeededResults> seedResultsInDataDir(const QString &dataDir, const QString &tenantSlug,
                                                  ResultsSeed seed, QString *error)
{
    return inDataDir<SeededResults>(
        dataDir, tenantSlug, error,
        [&](const QSqlDatabase &connection, store::Keyring &keyring, const QString &tenantId) {
            seed.tenantId = tenantId;
            return seedResults(connection, keyring, seed, error);
        });
}

QStringList siblingGroupsInDataDir(const QString &dataDir, const QString &tenantSlug,
                                   QString *error)
{
    const auto groups = inDataDir<QStringList>(
        dataDir, tenantSlug, error,
        [&](const QSqlDatabase &connection, store::Keyring &,
            const QString &tenantId) -> std::optional<QStringList> {
            QSqlQuery query(connection);
            query.prepare(QStringLiteral(
                "SELECT g.id, g.parent_id FROM org_groups g JOIN org_groups p ON p.id = "
                "g.parent_id WHERE g.tenant_id = ? AND g.deleted_at IS NULL AND p.deleted_at IS "
                "NULL ORDER BY p.code, g.code"));
            query.addBindValue(tenantId);
            if (!query.exec())
                return fail<QStringList>(error, QStringLiteral("reading groups"),
                                         query.lastError().text());
            QString parent;
            QStringList siblings;
            while (query.next() && siblings.size() < 2) {
                if (query.value(1).toString() != parent) {
                    parent = query.value(1).toString();
                    siblings.clear();
                }
                siblings.append(query.value(0).toString());
            }
            return siblings.size() == 2 ? siblings : QStringList();
        });
    return groups.value_or(QStringList());
}

} // namespace engage::test
