// The tenant of `scripts/bench dashboard`: the demo company sakura-foods grown
// to MEMBERS members (20,000) in a group tree of a few hundred groups four
// levels deep, then two years of its engagement pulse written by the
// service's own generator (engagement::PulseHistory: 24 rounds of 16 items in
// the pulse's rotation, response rates of 60-95 % per group and round, each
// round aggregated by RoundAggregator as the service does when a round
// closes), into the data directory of a stopped engage-server that was
// started once with --demo --demo-without-history. Then it writes
// DATA_DIR/bench-dashboard.json (the tenant, the mid-size department the
// benchmark slices by, what was written); its presence tells the benchmark
// that generation finished.
//
// Usage: engage-bench-dashboard-generate DATA_DIR TENANT_SLUG MEMBERS
//        engage-bench-dashboard-generate --version   (the cache key of the output)
//
// The tree grows under four new divisions (regions and functions, each with
// five to seven departments of three to six sections, some of which have
// teams), and the new members go to the tree's leaves in sizes that vary as
// real ones do (a few teams below the anonymity threshold); their employment
// data and attribute values follow their division. Deterministic: a fixed
// seed and every date counted from a fixed day.

#include "api/questionbank.h"
#include "crypto/masterkey.h"
#include "engagement/pulsehistory.h"
#include "store/attributerepository.h"
#include "store/database.h"
#include "store/grouprepository.h"
#include "store/keyring.h"
#include "store/memberrepository.h"
#include "store/personrepository.h"
#include "store/tenantrepository.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace engage;
using namespace engage::server;

namespace {

// Bump whenever what is generated changes: the benchmark caches the data
// directory under this version (and under the sources that write it).
constexpr int kGeneratorVersion = 2;
constexpr quint32 kSeed = 20261126;
constexpr int kRounds = 24;
// The newest round's close; fixed, so that every run generates the same data.
const QDate kLastClose(2026, 11, 2);
constexpr int kBatch = 2000; // members per createMany

const char *const kDivisions[] = {"東日本事業本部", "西日本事業本部", "物流本部", "店舗運営本部"};
const char *const kAreas[] = {"北海道", "東北", "関東", "首都圏", "北陸", "東海", "関西",
                              "中国",   "四国", "九州", "沖縄",   "甲信", "近畿", "山陰"};
const char *const kFunctions[] = {"営業部", "業務部", "技術部", "サービス部", "企画部", "管理部"};
const char *const kSections[] = {"第一課", "第二課", "第三課", "第四課", "第五課", "第六課"};
const char *const kTeams[] = {"Aチーム", "Bチーム", "Cチーム", "Dチーム"};
const char *const kFamilies[] = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺",   "山本",
                                 "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
                                 "松本", "井上", "木村", "林",   "斎藤", "清水"};
const char *const kGivens[] = {"翔太", "美咲", "大輔", "陽子",   "健太", "恵子", "拓也", "由美",
                               "直樹", "愛",   "浩二", "さくら", "誠",   "花子", "隆",   "結衣"};
const char *const kEmployment[] = {"正社員", "契約社員", "パート"};
const char *const kGrades[] = {"J1", "J2", "J3", "S1", "S2", "M1"};
const char *const kJobs[] = {"営業", "物流", "店舗運営", "サービス"};

template<typename T, std::size_t N>
int countOf(const T (&)[N])
{
    return int(N);
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

class Draw final
{
public:
    explicit Draw(quint32 seed)
        : m_engine(seed)
    {}

    int below(int bound) { return int(m_engine() % quint32(bound)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(double share) { return uniform() < share; }
    double uniform() { return (double(m_engine()) + 0.5) / 4294967296.0; }
    double normal()
    {
        return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307 * uniform());
    }

private:
    std::mt19937 m_engine;
};

struct PlannedGroup
{
    QString code;
    QString name;
    int parent = -1; // index into the plan
    int division = 0;
    int depth = 1;
    bool leaf = true;
    double weight = 0; // of the leaves: its share of the new members
    QString id;        // once created
};

std::vector<PlannedGroup> planTree(Draw &draw)
{
    std::vector<PlannedGroup> plan;
    const auto add = [&plan](const QString &code, const QString &name, int parent, int division) {
        PlannedGroup group;
        group.code = code;
        group.name = name;
        group.parent = parent;
        group.division = division;
        group.depth = parent < 0 ? 1 : plan[std::size_t(parent)].depth + 1;
        if (parent >= 0)
            plan[std::size_t(parent)].leaf = false;
        plan.push_back(group);
        return int(plan.size()) - 1;
    };
    for (int d = 0; d < countOf(kDivisions); ++d) {
        const int division = add(QStringLiteral("B%1").arg(d + 1), text(kDivisions[d]), -1, d);
        const int departments = draw.between(5, 7);
        for (int p = 0; p < departments; ++p) {
            const QString code =
                QStringLiteral("B%1-%2").arg(d + 1).arg(p + 1, 2, 10, QLatin1Char('0'));
            const int department = add(code,
                                       text(kAreas[draw.below(countOf(kAreas))]) +
                                           text(kFunctions[draw.below(countOf(kFunctions))]),
                                       division, d);
            const int sections = draw.between(3, 6);
            for (int s = 0; s < sections; ++s) {
                const int section =
                    add(code + QStringLiteral("-%1").arg(s + 1), text(kSections[s]), department, d);
                if (!draw.chance(0.4))
                    continue;
                const int teams = draw.between(2, 4);
                for (int t = 0; t < teams; ++t)
                    add(code + QStringLiteral("-%1-%2").arg(s + 1).arg(t + 1), text(kTeams[t]),
                        section, d);
            }
        }
    }
    for (PlannedGroup &group : plan) {
        // Log-normal sizes, most leaves of a few dozen to a few hundred; one
        // team in twenty of two or three people, under the anonymity
        // threshold with any response rate.
        if (group.leaf)
            group.weight =
                group.depth == 4 && draw.chance(0.05) ? 0.0 : std::exp(0.7 * draw.normal());
    }
    return plan;
}

api::MemberFields makeMember(Draw &draw, const PlannedGroup &group, int sequence,
                             const QList<api::Attribute> &attributes,
                             const std::vector<std::vector<int>> &preferred)
{
    api::MemberFields fields;
    fields.familyName =
        text(kFamilies[std::min(draw.below(countOf(kFamilies)), draw.below(countOf(kFamilies)))]);
    fields.givenName = text(kGivens[draw.below(countOf(kGivens))]);
    fields.employeeCode = QStringLiteral("B%1").arg(sequence, 6, 10, QLatin1Char('0'));
    fields.groupId = group.id;
    const int employment = draw.chance(0.75) ? 0 : draw.chance(0.6) ? 1 : 2;
    fields.employmentType = text(kEmployment[employment]);
    if (employment == 0)
        fields.grade =
            text(kGrades[std::min(draw.below(countOf(kGrades)), draw.below(countOf(kGrades)))]);
    fields.jobCategory = text(kJobs[group.division % countOf(kJobs)]);
    // One in twenty joined during the two years of rounds, so targets grow.
    const int daysAgo =
        draw.chance(0.05) ? draw.below(kRounds * 28) : draw.between(kRounds * 28, 35 * 365);
    fields.hireDate = kLastClose.addDays(-daysAgo);
    fields.birthDate = fields.hireDate->addDays(-draw.between(18 * 365, 45 * 365));
    fields.status = draw.chance(0.03) ? api::MemberStatus::OnLeave : api::MemberStatus::Active;
    // Attribute values lean towards the division's own (a location, mostly).
    for (qsizetype a = 0; a < attributes.size(); ++a) {
        const api::Attribute &attribute = attributes.at(a);
        if (attribute.fields.type != api::AttributeType::Choice ||
            attribute.fields.choices.isEmpty())
            continue;
        const QStringList &choices = attribute.fields.choices;
        const int choice = draw.chance(0.7) ? preferred[std::size_t(a)][std::size_t(group.division)]
                                            : draw.below(int(choices.size()));
        fields.attributes.insert(attribute.id, choices.at(choice));
    }
    return fields;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "engage-bench-dashboard-generate: %s\n", qPrintable(message));
    return 1;
}

// The level-2 group whose subtree holds the median number of members among
// level-2 groups: the "mid-size department".
struct Department
{
    QString id;
    QString name;
    int members = 0;
};

Department midSizeDepartment(const QList<api::Group> &groups, const QMap<QString, int> &direct)
{
    QHash<QString, QString> parent;
    QHash<QString, int> depth;
    for (const api::Group &group : groups) {
        const QString up = group.fields.parentId.value_or(QString());
        parent.insert(group.id, up);
        depth.insert(group.id, up.isEmpty() ? 1 : depth.value(up) + 1);
    }
    QHash<QString, int> subtree;
    for (auto it = direct.cbegin(); it != direct.cend(); ++it) {
        for (QString at = it.key(); !at.isEmpty(); at = parent.value(at))
            subtree[at] += it.value();
    }
    std::vector<Department> departments;
    for (const api::Group &group : groups) {
        if (depth.value(group.id) == 2)
            departments.push_back({group.id, group.fields.name, subtree.value(group.id)});
    }
    std::sort(departments.begin(), departments.end(), [](const Department &a, const Department &b) {
        return std::pair(a.members, a.id) < std::pair(b.members, b.id);
    });
    return departments.empty() ? Department{} : departments[departments.size() / 2];
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
    const int wanted = args.size() == 4 ? args.at(3).toInt(&numeric) : 0;
    if (!numeric || wanted <= 0) {
        std::fprintf(stderr, "usage: engage-bench-dashboard-generate DATA_DIR TENANT_SLUG MEMBERS\n"
                             "       engage-bench-dashboard-generate --version\n");
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
    store::Keyring keyring(std::move(*masterKey));

    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    connection.setDatabaseName(location->sqliteFile);
    if (!connection.open())
        return fail(connection.lastError().text());
    // A crash leaves a database to throw away (the summary below is then
    // missing), so nothing is synced; the service's own writers do the rest.
    QSqlQuery pragma(connection);
    for (const char *statement :
         {"PRAGMA locking_mode=EXCLUSIVE", "PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
          "PRAGMA cache_size=-1000000", "PRAGMA temp_store=MEMORY"}) {
        if (!pragma.exec(QString::fromLatin1(statement)))
            return fail(pragma.lastError().text());
    }

    const auto tenant = store::TenantRepository(connection, keyring).findBySlug(args.at(2));
    if (!tenant)
        return fail(QStringLiteral("no tenant %1 in %2").arg(args.at(2), dataDir));
    // The benchmark's own tenant, found by its slug.
    const store::TenantScope scope(tenant.value().tenant.id);

    QElapsedTimer clock;
    clock.start();
    Draw draw(kSeed);
    std::vector<PlannedGroup> plan = planTree(draw);
    store::MemberRepository members(connection, keyring);
    {
        store::Transaction transaction(connection);
        if (!transaction.isActive())
            return fail(transaction.error());
        store::GroupRepository groups(connection);
        for (PlannedGroup &group : plan) {
            std::optional<QString> parent;
            if (group.parent >= 0)
                parent = plan[std::size_t(group.parent)].id;
            const auto created =
                groups.create(scope, api::GroupFields{group.code, group.name, parent}, QString());
            if (!created)
                return fail(created.error().message);
            group.id = created.value().id;
        }

        const auto attributes = store::AttributeRepository(connection).list(scope);
        if (!attributes)
            return fail(attributes.error().message);
        std::vector<std::vector<int>> preferred;
        for (const api::Attribute &attribute : attributes.value()) {
            std::vector<int> byDivision;
            for (int d = 0; d < countOf(kDivisions); ++d)
                byDivision.push_back(draw.below(std::max(1, int(attribute.fields.choices.size()))));
            preferred.push_back(byDivision);
        }

        const auto existing = members.countsByGroup(scope);
        if (!existing)
            return fail(existing.error().message);
        int present = 0;
        for (const int count : existing.value())
            present += count;
        std::vector<const PlannedGroup *> leaves;
        std::vector<double> shares;
        for (const PlannedGroup &group : plan) {
            if (group.leaf) {
                leaves.push_back(&group);
                shares.push_back(group.weight);
            }
        }
        std::discrete_distribution<std::size_t> leafOf(shares.begin(), shares.end());
        std::mt19937 placing(kSeed + 1);
        QList<api::MemberFields> batch;
        // The head of every group above the leaves and the tiny teams first,
        // then the rest by weight.
        int sequence = 0;
        for (const PlannedGroup &group : plan) {
            const int fixed = !group.leaf ? 1 : group.weight == 0 ? draw.between(2, 3) : 0;
            for (int m = 0; m < fixed; ++m)
                batch.append(makeMember(draw, group, ++sequence, attributes.value(), preferred));
        }
        const QDateTime at = QDateTime::currentDateTimeUtc();
        while (present + sequence < wanted) {
            batch.append(makeMember(draw, *leaves[leafOf(placing)], ++sequence, attributes.value(),
                                    preferred));
            if (batch.size() == kBatch || present + sequence == wanted) {
                const auto created = members.createMany(scope, batch, at);
                if (!created)
                    return fail(created.error().message);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            const auto created = members.createMany(scope, batch, at);
            if (!created)
                return fail(created.error().message);
        }
        if (const auto committed = transaction.commit(); !committed)
            return fail(committed.error().message);
        std::fprintf(stderr, "  %zu groups and %d members added in %.1f s\n", plan.size(), sequence,
                     clock.elapsed() / 1000.0);
    }

    const auto groupList = store::GroupRepository(connection).list(scope);
    const auto direct = members.countsByGroup(scope);
    if (!groupList || !direct)
        return fail(QStringLiteral("cannot read the tree back"));
    const Department department = midSizeDepartment(groupList.value(), direct.value());
    const auto people = store::PersonRepository(connection, keyring).list(scope, std::nullopt, 100);
    if (!people)
        return fail(people.error().message);
    const auto owner = std::find_if(
        people.value().items.cbegin(), people.value().items.cend(),
        [](const store::StoredPerson &person) { return person.person.role == api::Role::Owner; });
    if (owner == people.value().items.cend())
        return fail(QStringLiteral("the tenant has no owner"));

    engagement::PulseHistoryPlan history;
    history.surveyName = QStringLiteral("エンゲージメント・パルス");
    history.rounds = kRounds;
    history.lastCloseDay = kLastClose;
    history.seed = kSeed;
    // The first division's first department declines; the third's recovers.
    const auto firstDepartment = [&plan](int division) {
        return std::find_if(plan.cbegin(), plan.cend(),
                            [division](const PlannedGroup &group) {
                                return group.division == division && group.depth == 2;
                            })
            ->id;
    };
    history.decliningGroupId = firstDepartment(0);
    history.improvingGroupId = firstDepartment(2);
    history.eventAfterRound = kRounds / 2;
    history.memoText = QStringLiteral("新しい部長が着任し、現場と一緒に業務の分担を見直した");
    history.memoAuthorId = owner->person.id;
    QElapsedTimer pulses;
    pulses.start();
    const auto written = engagement::PulseHistory(connection, keyring).write(scope, history);
    if (!written)
        return fail(written.error().message);
    const double pulseSeconds = pulses.elapsed() / 1000.0;
    std::fprintf(stderr, "  %d rounds with %lld responses written and aggregated in %.1f s\n",
                 kRounds, written.value().responses, pulseSeconds);

    // What the service expects to open.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return fail(pragma.lastError().text());

    int total = 0;
    for (const int count : direct.value())
        total += count;
    // The bank as the naive SQL needs it: each item's index (answers.item)
    // and its factor's index (the heatmap's column).
    QJsonArray bank;
    for (const api::BankItem &item : api::questionBank())
        bank.append(QJsonArray{item.index, api::factorIndex(item.factor)});
    const QJsonObject summary{
        {QStringLiteral("version"), kGeneratorVersion},
        {QStringLiteral("tenantId"), scope.tenantId()},
        {QStringLiteral("groups"), int(groupList.value().size())},
        {QStringLiteral("members"), total},
        {QStringLiteral("rounds"), kRounds},
        {QStringLiteral("responses"), written.value().responses},
        {QStringLiteral("latestRoundId"), written.value().roundIds.constLast()},
        {QStringLiteral("departmentId"), department.id},
        {QStringLiteral("departmentName"), department.name},
        {QStringLiteral("departmentMembers"), department.members},
        {QStringLiteral("bank"), bank},
        {QStringLiteral("pulseSeconds"), pulseSeconds},
        {QStringLiteral("seconds"), clock.elapsed() / 1000.0},
    };
    QFile file(QDir(dataDir).filePath(QStringLiteral("bench-dashboard.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QJsonDocument(summary).toJson()) < 0 || !file.flush())
        return fail(QStringLiteral("cannot write %1").arg(file.fileName()));
    return 0;
}
