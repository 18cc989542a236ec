// The log of `scripts/bench logs`: a year of one tenant's access log, written
// into the data directory of a stopped engage-server through the service's
// own access-log writer (AccessLogWriter::chain and ::write, what its thread
// runs), so that every row is numbered, hash-chained and MACed exactly as the
// service writes it, and 5xx answers leave their error_log row beside it (and
// every row its count in log_counts). Only the loading differs
// (store/accesslogbulk.h): each row bound through SQLite's C API instead of
// QtSql; one transaction, no journal and no syncing, a large page cache (a
// crash leaves a database to throw away, which the benchmark does: the
// summary below is missing); the logs' indexes dropped for the load and made
// again after it. The next chunks of rows are made, and chained from where
// the chunk being stored ends, on threads of their own meanwhile. Then it writes
// DATA_DIR/bench-log.json (what was generated: the tenant, its people and
// their row counts, the first and last time); its presence tells the
// benchmark that generation finished.
//
// Usage: engage-bench-logs-generate DATA_DIR TENANT_SLUG ROWS
//        engage-bench-logs-generate --version   (the cache key of the output)
//
// The rows are a busy tenant's year: the tenant's people (the first, the
// owner, busiest), each at the office (a shared address) or at home (one of
// their own), through the desktop client and now and then a script; the
// routes the client calls, in proportions like its own (lists, single rows,
// edits, dashboards, log reads and their long polls), with their statuses
// (conflicts, validation failures, missing rows, a rare 500) and latencies;
// anonymous sign-ins and refreshes, some refused. Traffic follows the working
// day in Japan (UTC+9): weekdays 9-18 busiest, evenings light, nights and
// weekends and public holidays nearly idle. Deterministic for a given end
// hour (the generator's seed is fixed).

#include "crypto/masterkey.h"
#include "store/accesslogbulk.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QVariant>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <random>
#include <vector>

using namespace engage::server;

namespace {

// Bump whenever the rows generated change: the benchmark caches the
// database under this version.
constexpr int kGeneratorVersion = 1;
constexpr quint64 kSeed = 20261126;
constexpr int kDays = 365;
constexpr int kLocalOffsetHours = 9; // the tenant works in Japan
// Rows handed to the writer at a time: the next chunk is made while the
// writer writes the previous one.
constexpr qsizetype kChunk = 50000;

using Random = std::mt19937_64;

double uniform(Random &random)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(random);
}

// Draws an index in proportion to `weights`.
template<typename Weights, typename Weight>
std::discrete_distribution<std::size_t> drawing(const Weights &weights, Weight weightOf)
{
    std::vector<double> shares;
    shares.reserve(weights.size());
    for (const auto &item : weights)
        shares.push_back(weightOf(item));
    return std::discrete_distribution<std::size_t>(shares.begin(), shares.end());
}

// Japan's public holidays and the company's breaks, roughly: New Year,
// Golden Week, Obon, the year's end.
bool isHoliday(const QDate &date)
{
    const int m = date.month();
    const int d = date.day();
    return (m == 1 && d <= 3) || (m == 4 && d == 29) || (m == 5 && d <= 5) ||
           (m == 8 && d >= 13 && d <= 16) || (m == 12 && d >= 29);
}

// How busy an hour is, from its local time.
double hourWeight(const QDateTime &localHour)
{
    const int hour = localHour.time().hour();
    const QDate date = localHour.date();
    if (date.dayOfWeek() >= 6 || isHoliday(date))
        return hour >= 9 && hour < 18 ? 0.05 : 0.01;
    if (hour == 12)
        return 0.5;
    if (hour >= 9 && hour < 18)
        return 1.0;
    if ((hour >= 7 && hour < 9) || (hour >= 18 && hour < 22))
        return 0.2;
    return 0.02;
}

// Where in the API a request went, and how it was answered.
struct Route
{
    const char *method;
    const char *path; // "{member}", "{group}", "{import}", "{log}" filled in
    double share;
    double medianMs;
    // Statuses other than the usual one, with their shares; the rest is `ok`.
    int ok;
    std::vector<std::pair<int, double>> other;
};

const std::vector<Route> &signedInRoutes()
{
    static const std::vector<Route> routes = {
        {"GET", "/api/v1/members", 18, 9, 200, {{400, 0.005}}},
        {"GET", "/api/v1/members/{member}", 12, 3, 200, {{404, 0.03}}},
        {"PATCH", "/api/v1/members/{member}", 3, 14, 200, {{412, 0.06}, {422, 0.05}}},
        {"POST", "/api/v1/members", 1, 16, 201, {{409, 0.08}, {422, 0.06}}},
        {"DELETE", "/api/v1/members/{member}", 0.3, 12, 204, {{404, 0.05}}},
        {"GET", "/api/v1/groups", 8, 6, 200, {}},
        {"GET", "/api/v1/groups/{group}", 3, 3, 200, {{404, 0.02}}},
        {"GET", "/api/v1/groups/{group}/history", 0.5, 5, 200, {}},
        {"PATCH", "/api/v1/groups/{group}", 0.4, 18, 200, {{412, 0.1}}},
        {"GET", "/api/v1/me", 6, 1, 200, {}},
        {"GET", "/api/v1/users", 2, 4, 200, {{403, 0.2}}},
        {"GET", "/api/v1/attributes", 2, 2, 200, {}},
        {"GET", "/api/v1/engagement/summary", 6, 22, 200, {{403, 0.03}}},
        {"GET", "/api/v1/engagement/trend", 4, 28, 200, {}},
        {"GET", "/api/v1/engagement/heatmap", 3, 45, 200, {}},
        {"GET", "/api/v1/engagement/factors", 3, 25, 200, {}},
        {"GET", "/api/v1/engagement/priority", 2, 30, 200, {}},
        {"GET", "/api/v1/engagement/rounds", 2, 6, 200, {}},
        {"GET", "/api/v1/logs/{log}", 4, 12, 200, {{403, 0.15}, {400, 0.01}}},
        {"GET", "/api/v1/logs/{log}/histogram", 1, 60, 200, {{403, 0.15}}},
        {"GET", "/api/v1/logs/{log}/tail", 8, 9000, 200, {{403, 0.1}}},
        {"GET", "/api/v1/logs/{log}/export", 0.1, 2500, 200, {}},
        {"POST", "/api/v1/logs/verify", 0.05, 4000, 200, {}},
        {"POST", "/api/v1/member-imports", 0.2, 900, 201, {{422, 0.1}}},
        {"GET", "/api/v1/member-imports/{import}/preview", 0.5, 300, 200, {}},
        {"POST", "/api/v1/member-imports/{import}/apply", 0.1, 2000, 200, {{409, 0.05}}},
        {"POST", "/api/v1/auth/logout", 0.5, 4, 204, {}},
        {"POST", "/api/v1/me/password", 0.05, 190, 204, {{422, 0.3}}},
    };
    return routes;
}

const std::vector<Route> &anonymousRoutes()
{
    static const std::vector<Route> routes = {
        {"POST", "/api/v1/auth/login", 1, 180, 200, {{401, 0.2}, {429, 0.02}}},
        {"POST", "/api/v1/auth/refresh", 3, 5, 200, {{401, 0.08}}},
    };
    return routes;
}

// A rare failure of any route, with its error_log row.
constexpr double kServerErrorShare = 0.0005;
// Requests of nobody signed in, of all.
constexpr double kAnonymousShare = 0.08;

struct Person
{
    QString id;
    double weight = 0;
    QString home;      // their own address
    QString scripting; // the user agent of their scripts, if they write any
    qint64 rows = 0;
};

struct Generator
{
    qint64 rows = 0;
    QString tenantId;
    std::vector<Person> people;
    QStringList members;
    QStringList groups;
    Random random{kSeed};
    std::discrete_distribution<std::size_t> signedIn =
        drawing(signedInRoutes(), [](const Route &route) { return route.share; });
    std::discrete_distribution<std::size_t> anonymousRoute =
        drawing(anonymousRoutes(), [](const Route &route) { return route.share; });
    std::discrete_distribution<std::size_t> whoAsked; // set once the people are known

    QString hex(int bytes)
    {
        QByteArray raw(bytes, Qt::Uninitialized);
        for (char &byte : raw)
            byte = char(random() & 0xff);
        return QString::fromLatin1(raw.toHex());
    }

    QString fill(const char *pattern)
    {
        QString path = QString::fromLatin1(pattern);
        if (path.contains(QLatin1String("{member}")))
            path.replace(QLatin1String("{member}"),
                         members.isEmpty() ? hex(16) : members.at(random() % members.size()));
        if (path.contains(QLatin1String("{group}")))
            path.replace(QLatin1String("{group}"),
                         groups.isEmpty() ? hex(16) : groups.at(random() % groups.size()));
        if (path.contains(QLatin1String("{import}")))
            path.replace(QLatin1String("{import}"), hex(16));
        if (path.contains(QLatin1String("{log}")))
            path.replace(QLatin1String("{log}"), uniform(random) < 0.7
                                                     ? QStringLiteral("access")
                                                     : QStringLiteral("operation"));
        return path;
    }

    int status(const Route &route)
    {
        double left = uniform(random);
        for (const auto &[code, share] : route.other) {
            left -= share;
            if (left < 0)
                return code;
        }
        return route.ok;
    }

    store::AccessRecord row(qint64 atMs, bool workingHours)
    {
        store::AccessRecord record;
        record.atMs = atMs;
        record.requestId = hex(16);
        record.tenantId = tenantId;
        const bool anonymous = uniform(random) < kAnonymousShare;
        const Route &route = anonymous ? anonymousRoutes().at(anonymousRoute(random))
                                       : signedInRoutes().at(signedIn(random));
        record.method = QString::fromLatin1(route.method);
        record.path = fill(route.path);
        record.status = uniform(random) < kServerErrorShare ? 500 : status(route);
        // Latencies spread log-normally around the route's median.
        const double ms = route.medianMs * std::exp(std::normal_distribution<>(0.0, 0.6)(random));
        record.latencyUs = std::max<qint64>(50, qint64(ms * 1000));
        record.userAgent = QStringLiteral("Mozilla/5.0"); // what engage-admin (Qt) sends
        const bool atOffice = workingHours && uniform(random) < 0.85;
        if (anonymous) {
            record.address =
                atOffice ? office() : QStringLiteral("192.0.2.%1").arg(random() % 200 + 20);
        } else {
            Person &person = people.at(whoAsked(random));
            ++person.rows;
            record.personId = person.id;
            record.address = atOffice ? office() : person.home;
            if (!person.scripting.isEmpty() && record.method == QLatin1String("GET") &&
                uniform(random) < 0.1)
                record.userAgent = person.scripting;
        }
        if (record.status >= 500) {
            record.route = QString::fromLatin1(route.path);
            record.problemCode = QStringLiteral("internal");
            record.failure = QStringLiteral("handler");
        }
        return record;
    }

    // An hour ago, on the hour, back a year: every hour's rows in proportion
    // to how busy it is, at sorted random times within it.
    static constexpr qint64 kHourMs = 3600 * 1000;
    static constexpr int kHours = kDays * 24;
    qint64 endMs = 0;
    qint64 startMs = 0;
    std::vector<double> weights;
    double totalWeight = 0;
    double weightBefore = 0;
    int hour = 0;
    qint64 made = 0;

    void planTime(qint64 nowMs)
    {
        endMs = (nowMs / kHourMs - 1) * kHourMs;
        startMs = endMs - kHours * kHourMs;
        weights.resize(kHours);
        for (int h = 0; h < kHours; ++h) {
            weights[h] = hourWeight(QDateTime::fromMSecsSinceEpoch(
                startMs + h * kHourMs, Qt::OffsetFromUTC, kLocalOffsetHours * 3600));
            totalWeight += weights[h];
        }
    }

    // The next hours' rows, normalised as the writer's queue would hold
    // them: at least kChunk of them, or what is left (none at the end).
    std::vector<store::AccessRecord> nextChunk()
    {
        std::vector<store::AccessRecord> chunk;
        chunk.reserve(kChunk + 8192);
        std::vector<qint64> offsets;
        while (hour < kHours && qsizetype(chunk.size()) < kChunk) {
            weightBefore += weights[hour];
            const qint64 upTo =
                hour + 1 == kHours ? rows : qint64(std::llround(rows * weightBefore / totalWeight));
            offsets.resize(std::size_t(upTo - made));
            for (qint64 &offset : offsets)
                offset = qint64(random() % quint64(kHourMs));
            std::sort(offsets.begin(), offsets.end());
            const bool workingHours = weights[hour] >= 0.5;
            for (const qint64 offset : offsets) {
                chunk.push_back(row(startMs + hour * kHourMs + offset, workingHours));
                store::AccessLogWriter::normalise(chunk.back());
            }
            made = upTo;
            ++hour;
        }
        return chunk;
    }

    // The office's two outgoing addresses (NAT).
    QString office()
    {
        return random() % 2 ? QStringLiteral("203.0.113.10") : QStringLiteral("203.0.113.11");
    }
};

bool readTenant(const QSqlDatabase &connection, const QString &slug, Generator &generator)
{
    QSqlQuery tenant(connection);
    tenant.prepare(QStringLiteral("SELECT id FROM tenants WHERE slug = ?"));
    tenant.addBindValue(slug);
    if (!tenant.exec() || !tenant.next())
        return false;
    generator.tenantId = tenant.value(0).toString();
    const auto ids = [&](const QString &sql) {
        QSqlQuery query(connection);
        query.prepare(sql);
        query.addBindValue(generator.tenantId);
        QStringList found;
        if (query.exec()) {
            while (query.next())
                found.append(query.value(0).toString());
        }
        return found;
    };
    const QStringList people =
        ids(QStringLiteral("SELECT id FROM people WHERE tenant_id = ? ORDER BY created_at, id"));
    generator.members =
        ids(QStringLiteral("SELECT id FROM members WHERE tenant_id = ? ORDER BY id LIMIT 2000"));
    generator.groups = ids(QStringLiteral("SELECT id FROM org_groups WHERE tenant_id = ?"));
    for (int i = 0; i < people.size(); ++i) {
        Person person;
        person.id = people.at(i);
        person.weight = 1.0 / (i + 1); // the owner first and busiest
        person.home = i % 3 == 2
                          ? QStringLiteral("2001:db8:%1::%2").arg(i + 1).arg(i * 37 % 97 + 2, 0, 16)
                          : QStringLiteral("198.51.100.%1").arg(i * 17 % 200 + 20);
        if (i % 4 == 1)
            person.scripting = QStringLiteral("python-requests/2.28.1");
        generator.people.push_back(person);
    }
    generator.whoAsked =
        drawing(generator.people, [](const Person &person) { return person.weight; });
    return !generator.people.empty();
}

int fail(const QString &message)
{
    std::fprintf(stderr, "engage-bench-logs-generate: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 2 && args.at(1) == QLatin1String("--version")) {
        std::printf("%d\n", kGeneratorVersion);
        return 0;
    }
    bool numeric = false;
    const qint64 rows = args.size() == 4 ? args.at(3).toLongLong(&numeric) : 0;
    if (!numeric || rows <= 0) {
        std::fprintf(stderr, "usage: engage-bench-logs-generate DATA_DIR TENANT_SLUG ROWS\n"
                             "       engage-bench-logs-generate --version\n");
        return 2;
    }
    const QString dataDir = args.at(1);

    QString error;
    const auto location = store::DatabaseLocation::parse(QString(), dataDir, &error);
    if (!location)
        return fail(error);
    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(dataDir, &error);
    if (!masterKey)
        return fail(error);
    const store::Keyring keyring(std::move(*masterKey));
    const crypto::SecretBytes &key = keyring.logChainKey();

    // SQLite's sorter writes the sorted runs of each index it makes to
    // temporary files (some GB): in memory when /dev/shm has room for them
    // with plenty to spare, rather than through the disk's page cache and
    // writeback. Read once, at SQLite's first temporary file.
    if (!qEnvironmentVariableIsSet("SQLITE_TMPDIR")) {
        const QStorageInfo shm(QStringLiteral("/dev/shm"));
        if (shm.isValid() && shm.isReady() && shm.bytesAvailable() > qint64(8) << 30)
            qputenv("SQLITE_TMPDIR", "/dev/shm");
    }
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    connection.setDatabaseName(location->sqliteFile);
    if (!connection.open())
        return fail(connection.lastError().text());
    QSqlQuery pragma(connection);
    const auto run = [&pragma](std::initializer_list<const char *> statements) {
        for (const char *statement : statements) {
            if (!pragma.exec(QString::fromLatin1(statement)))
                return false;
        }
        return true;
    };
    if (!run({"PRAGMA locking_mode=EXCLUSIVE", "PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
              "PRAGMA cache_size=-2000000",
              // Temporary files, not memory: SQLite's sorter hands sorting to
              // its helper threads only then (and sorts each run within the
              // CPU's caches instead of one list of ten million entries).
              "PRAGMA temp_store=FILE", "PRAGMA threads=4"}))
        return fail(pragma.lastError().text());

    Generator generator;
    generator.rows = rows;
    if (!readTenant(connection, args.at(2), generator))
        return fail(QStringLiteral("no tenant %1 with people in %2").arg(args.at(2), dataDir));
    generator.planTime(QDateTime::currentMSecsSinceEpoch());

    QElapsedTimer clock;
    clock.start();
    double rowSeconds = 0;
    // The CPU time of every thread besides the wall clock: on a machine
    // shared with others' work, the wall clock says how much of it this run
    // got as much as what the generation costs.
    const auto cpuSeconds = [] {
        return double(std::clock()) / CLOCKS_PER_SEC;
    };
    double rowCpuSeconds = 0;
    {
        store::Transaction transaction(connection);
        if (!transaction.isActive())
            return fail(transaction.error());
        store::AccessLogBulkLoader loader(connection);
        if (!loader.isValid() || !loader.deferIndexes(&error))
            return fail(loader.isValid() ? error : loader.error());
        qint64 written = 0;
        qint64 nextReport = 1000000;
        const auto next = [&] {
            std::vector<store::AccessRecord> chunk = generator.nextChunk();
            written += qint64(chunk.size());
            if (written >= nextReport) {
                std::fprintf(stderr, "  %lld rows made in %.1f s\n", written,
                             clock.elapsed() / 1000.0);
                nextReport += 1000000;
            }
            return chunk;
        };
        if (!loader.load(&key, generator.tenantId, next, &error))
            return fail(error);
        rowSeconds = clock.elapsed() / 1000.0;
        rowCpuSeconds = cpuSeconds();
        std::fprintf(stderr, "  %lld rows in %.1f s (CPU %.1f s); making the indexes\n", written,
                     rowSeconds, rowCpuSeconds);
        // Runs of 16 MB for the sorter (its run size follows the page
        // cache's), and the table read through a mapping rather than copied
        // page by page for each index.
        if (!run({"PRAGMA cache_size=-16000", "PRAGMA mmap_size=17179869184"}))
            return fail(pragma.lastError().text());
        if (!loader.makeIndexes(&error))
            return fail(error);
        if (const auto committed = transaction.commit(); !committed)
            return fail(committed.error().message);
    }
    // What the service expects to open.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return fail(pragma.lastError().text());

    QJsonArray people;
    for (const Person &person : generator.people)
        people.append(
            QJsonObject{{QStringLiteral("id"), person.id}, {QStringLiteral("rows"), person.rows}});
    const QJsonObject summary{
        {QStringLiteral("version"), kGeneratorVersion},
        {QStringLiteral("tenantId"), generator.tenantId},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("firstMs"), generator.startMs},
        {QStringLiteral("endMs"), generator.endMs},
        {QStringLiteral("people"), people},
        {QStringLiteral("seconds"), clock.elapsed() / 1000.0},
        {QStringLiteral("rowSeconds"), rowSeconds},
        {QStringLiteral("cpuSeconds"), cpuSeconds()},
        {QStringLiteral("rowCpuSeconds"), rowCpuSeconds},
    };
    QFile file(QDir(dataDir).filePath(QStringLiteral("bench-log.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(summary).toJson()) < 0 || !file.flush())
        return fail(QStringLiteral("cannot write %1").arg(file.fileName()));
    std::fprintf(stderr, "  %lld rows and their indexes in %.1f s (CPU %.1f s)\n", rows,
                 clock.elapsed() / 1000.0, cpuSeconds());
    return 0;
}
