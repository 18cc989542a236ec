#pragma once

#include "serverprocess.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace engage::test {

// Access-log rows written straight into the database of a stopped
// engage-server, for the log viewer's tests (issue 8): far more rows than
// requests could make in a test's time. They are written as the service's
// writer writes them (store/accesslogbulk.h: numbered after the tenant's
// rows, hash-chained and MACed under the data directory's key, counted, an
// error_log row beside each 500), so the server starts with nothing to seal.
//
// Generated row i (1 = the oldest) arrived at `newest - (rows - i) * spacingMs`
// and reads: request id "seed-<i>", path "/api/v1/seeded/<i>", method GET
// (POST for every 7th), status 200 (404 for every 10th, 500 for every 97th),
// address 10.0.x.y from i, latency i % 5000 µs, user agent "seed/1.0"; the
// person cycles through the tenant's people, every third row anonymous.
struct LogSeed
{
    QString tenantSlug;
    qint64 rows = 0;
    QDateTime newest;
    qint64 spacingMs = 1000;
    // Operation rows too, each "member.update" of "member-<i>" by the
    // tenant's first person, changing status (active to onLeave) and e-mail
    // (personal: masked), at the same times as the access rows. These are
    // left unsealed, as rows from before the hash chains were, for the
    // server to seal as it starts (store/logchain.h, sealLegacyRows): the
    // path stays tested against the real server, on a few rows.
    qint64 operationRows = 0;
};

struct SeedOutcome
{
    bool ok = false;
    QString error;
    qint64 firstSeq = 0;   // tenant_seq of generated row 1
    QStringList personIds; // the people the rows cycle through, in order
};

SeedOutcome seedAccessLog(const QString &dataDir, const LogSeed &seed);

// Gives the tenant the security option or takes it away (the demo tenants
// have it), as the operator would; the server must be stopped.
bool setSecurityOption(const QString &dataDir, const QString &tenantSlug, bool on, QString *error);

// engage-server on `dataDir` with the demo tenants, `seed` written into its
// logs and the security option taken from `withoutOption`: started
// once to make the demo, stopped, seeded, and started again (within
// `startTimeoutMs`). Null, with `error` set, when
// any step fails.
std::unique_ptr<ServerProcess> startSeededServer(const QString &dataDir, const LogSeed &seed,
                                                 const QStringList &withoutOption,
                                                 int startTimeoutMs, QString *error,
                                                 SeedOutcome *outcome = nullptr);

// What generated row i looks like, as the seed wrote it.
QString seededPath(qint64 i);
int seededStatus(qint64 i);
QString seededMethod(qint64 i);
QString seededAddress(qint64 i);

} // namespace engage::test
