#pragma once

#include "api/dashboard.h"
#include "api/survey.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::store {
class Keyring;
}

namespace engage::test {

// A custom survey's round with its targets placed in groups and snapshots,
// and the responses of some, written straight through the store
// (PulseRepository and CustomAnswerRepository, free text sealed as the
// respondent page seals it): for the results' route tests in-process and,
// into a stopped engage-server's data directory, for the client's tests.
struct ResultsTarget
{
    QString groupId; // empty: in no group
    QHash<QString, QString> snapshot;
    // Nothing: the target did not respond.
    std::optional<QList<api::RespondentAnswer>> answers;
};

struct ResultsSeed
{
    QString tenantId;
    api::SurveyDefinition definition; // custom
    api::RoundStatus status = api::RoundStatus::Closed;
    QList<ResultsTarget> targets; // each a member of its own
};

struct SeededResults
{
    QString surveyId;
    QString roundId;
};

// Nothing (with `error` set) when a store call fails.
std::optional<SeededResults> seedResults(const QSqlDatabase &database,
                                         server::store::Keyring &keyring, const ResultsSeed &seed,
                                         QString *error);

// The same on the data directory of a stopped engage-server, for the tenant
// `tenantSlug` (seed.tenantId is looked up).
std::optional<SeededResults> seedResultsInDataDir(const QString &dataDir, const QString &tenantSlug,
                                                  ResultsSeed seed, QString *error);

// Two live groups of the same parent (the first such parent by code, its
// first children by code), from a stopped server's data directory (the
// demo's organisation): slices for seeded rounds. Empty when none.
QStringList siblingGroupsInDataDir(const QString &dataDir, const QString &tenantSlug,
                                   QString *error);

} // namespace engage::test
