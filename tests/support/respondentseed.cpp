#include "respondentseed.h"

#include "crypto/masterkey.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace engage::test {

namespace {

using namespace engage::server;

std::optional<SeededRound> fail(QString *error, const QString &what, const QString &why)
{
    *error = what + QStringLiteral(": ") + why;
    return std::nullopt;
}

} // namespace

std::optional<SeededRound> seedRound(const QSqlDatabase &database, store::Keyring &keyring,
                                     const RoundSeed &seed, QString *error)
{
    const store::TenantScope scope(seed.tenantId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::PulseRepository pulses(database, keyring);
    const bool pulse = seed.kind == api::SurveyKind::Pulse;
    const QString name = pulse                               ? QStringLiteral("Engagement pulse")
                         : seed.definition.name.ja.isEmpty() ? seed.definition.name.en
                                                             : seed.definition.name.ja;
    const auto survey = pulses.createSurvey(
        scope, pulse ? store::SurveyKind::Pulse : store::SurveyKind::Custom, name, 4, now);
    if (!survey)
        return fail(error, QStringLiteral("creating a survey"), survey.error().message);
    if (!pulse) {
        // The definition as the surveys routes store it once published.
        QSqlQuery definition(database);
        definition.prepare(QStringLiteral("UPDATE surveys SET definition = ?, status = ?, "
                                          "published_at = ? WHERE id = ?"));
        definition.addBindValue(QString::fromUtf8(
            QJsonDocument(api::toJson(seed.definition)).toJson(QJsonDocument::Compact)));
        definition.addBindValue(api::surveyStatusName(api::SurveyStatus::Open));
        definition.addBindValue(now.toMSecsSinceEpoch());
        definition.addBindValue(survey.value().id);
        if (!definition.exec())
            return fail(error, QStringLiteral("storing a definition"),
                        definition.lastError().text());
    }
    store::StoredRound round;
    round.surveyId = survey.value().id;
    round.itemIds = pulse ? seed.itemIds : QStringList();
    round.opensAt = seed.opensAt.isValid() ? seed.opensAt : now.addSecs(-3600);
    round.closesAt = seed.closesAt.isValid() ? seed.closesAt : now.addDays(7);
    round.status = seed.status;
    const auto created = pulses.createRound(scope, round, now);
    if (!created)
        return fail(error, QStringLiteral("creating a round"), created.error().message);
    QList<store::RoundTarget> targets;
    for (const auto &[memberId, language] : seed.targets) {
        store::RoundTarget target;
        target.memberId = memberId;
        target.language = language;
        targets.append(target);
    }
    if (const auto added = pulses.addTargets(scope, created.value().id, targets); !added)
        return fail(error, QStringLiteral("adding targets"), added.error().message);

    SeededRound seeded{survey.value().id, created.value().id, {}};
    QList<qint64> respondents;
    QStringList members;
    QSqlQuery ids(database);
    ids.prepare(QStringLiteral("SELECT p.member_id, t.respondent_id FROM round_targets t JOIN "
                               "respondents p ON p.id = t.respondent_id JOIN survey_rounds r ON "
                               "r.seq = t.round_seq WHERE r.id = ?"));
    ids.addBindValue(created.value().id);
    if (!ids.exec())
        return fail(error, QStringLiteral("reading targets"), ids.lastError().text());
    while (ids.next()) {
        members.append(ids.value(0).toString());
        respondents.append(ids.value(1).toLongLong());
    }
    const auto links = store::ResponseLinkRepository(database, keyring)
                           .issue(scope, created.value().id, respondents, now);
    if (!links)
        return fail(error, QStringLiteral("issuing links"), links.error().message);
    for (qsizetype i = 0; i < links.value().size(); ++i)
        seeded.tokens.insert(members.at(i), links.value().at(i).token);
    return seeded;
}

std::optional<SeededRound> seedRoundInDataDir(const QString &dataDir, const QString &tenantSlug,
                                              RoundSeed seed, QString *error)
{
    const auto location = store::DatabaseLocation::parse({}, dataDir, error);
    if (!location)
        return std::nullopt;
    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(dataDir, error);
    if (!masterKey)
        return std::nullopt;
    store::Keyring keyring(std::move(*masterKey));
    store::Database database(*location);
    // Rows this writes join the logs' chains as the service's would.
    database.setLogChainKey(keyring.logChainKey());
    const QSqlDatabase connection = database.connection(error);
    if (!connection.isOpen())
        return std::nullopt;
    QSqlQuery tenant(connection);
    tenant.prepare(QStringLiteral("SELECT id FROM tenants WHERE slug = ?"));
    tenant.addBindValue(tenantSlug);
    if (!tenant.exec() || !tenant.next())
        return fail(error, QStringLiteral("finding the tenant"), tenant.lastError().text());
    seed.tenantId = tenant.value(0).toString();
    tenant.finish();
    return seedRound(connection, keyring, seed, error);
}

} // namespace engage::test
