#pragma once

#include "api/dashboard.h"
#include "api/survey.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <utility>

namespace engage::server::store {
class Keyring;
}

namespace engage::test {

// A survey with one round, its targets and a response link each, written
// straight through the store (the surveys routes and the scheduler are not
// needed to test the respondent page): for the in-process route tests and,
// into a stopped engage-server's data directory, for the browser test.
struct RoundSeed
{
    QString tenantId;
    api::SurveyKind kind = api::SurveyKind::Pulse;
    QStringList itemIds;              // a pulse's bank items
    api::SurveyDefinition definition; // a custom survey's (stored as surveys.definition)
    api::RoundStatus status = api::RoundStatus::Open;
    QDateTime opensAt;                          // invalid: an hour ago
    QDateTime closesAt;                         // invalid: in a week
    QList<std::pair<QString, QString>> targets; // member id, language ("ja", "en")
};

struct SeededRound
{
    QString surveyId;
    QString roundId;
    QHash<QString, QString> tokens; // member id -> the token of their link
};

// Nothing (with `error` set) when a store call fails.
std::optional<SeededRound> seedRound(const QSqlDatabase &database, server::store::Keyring &keyring,
                                     const RoundSeed &seed, QString *error);

// The same on the data directory of a stopped engage-server, for the tenant
// `tenantSlug` (seed.tenantId is looked up): opens its database and master
// key as the service does.
std::optional<SeededRound> seedRoundInDataDir(const QString &dataDir, const QString &tenantSlug,
                                              RoundSeed seed, QString *error);

} // namespace engage::test
