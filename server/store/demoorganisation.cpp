#include "demoorganisation.h"

#include "attributerepository.h"
#include "grouprepository.h"
#include "memberrepository.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>
#include <iterator>
#include <vector>

namespace engage::server::store {

namespace {

// Every date is counted back from this day, so a seed gives the same data
// whenever it runs.
const QDate kReferenceDay(2024, 4, 1);

enum class Workplace
{
    Office,
    Sales,
    ShopFloor, // lines and warehouses: many without an e-mail address
};

struct GroupPlan
{
    const char *code;
    const char *name; // UTF-8
    int parent;       // index in the same table; -1 for the top level
    int size;         // members placed directly in the group
    int location;     // index in the language's locations
    Workplace workplace;
    const char *jobCategory;
};

struct Romanised
{
    const char *name;  // UTF-8
    const char *latin; // for the e-mail address
};

// What differs between the two demo companies.
struct Company
{
    const GroupPlan *groups;
    int groupCount;
    int managedGroup;
    const Romanised *families;
    int familyCount;
    const Romanised *givens;
    int givenCount;
    const char *domain;
    const char *codePrefix;
    // Attribute names {ja, en} and choices.
    const char *locationNames[2];
    std::vector<const char *> locations;
    const char *unionNames[2];
    const char *unionChoices[2]; // member, not a member
    const char *entryNames[2];   // Japanese only: how the member joined
    const char *entryChoices[2]; // graduate, mid-career
    // Full-time, contract, part-time.
    const char *employmentTypes[3];
    // Staff, senior, lead, section head, department head, executive.
    const char *positions[6];
    const char *grades[6]; // of full-time staff by position; plain staff draw from staffGrades
    const char *staffGrades[3];
};

const GroupPlan kSakuraGroups[] = {
    {"100", "本社", -1, 3, 0, Workplace::Office, "経営"},
    {"110", "経営企画部", 0, 12, 0, Workplace::Office, "企画"},
    {"120", "人事部", 0, 15, 0, Workplace::Office, "人事"},
    {"130", "総務部", 0, 18, 0, Workplace::Office, "総務"},
    {"140", "経理部", 0, 24, 0, Workplace::Office, "経理"},
    {"150", "情報システム部", 0, 10, 0, Workplace::Office, "情報システム"},
    {"200", "営業本部", -1, 3, 0, Workplace::Office, "営業"},
    {"210", "東日本営業部", 6, 8, 0, Workplace::Sales, "営業"},
    {"211", "東京営業所", 7, 130, 0, Workplace::Sales, "営業"},
    {"212", "仙台営業所", 7, 35, 1, Workplace::Sales, "営業"},
    {"220", "西日本営業部", 6, 6, 2, Workplace::Sales, "営業"},
    {"221", "大阪営業所", 10, 100, 2, Workplace::Sales, "営業"},
    {"222", "福岡営業所", 10, 40, 3, Workplace::Sales, "営業"},
    {"230", "営業企画部", 6, 20, 0, Workplace::Office, "企画"},
    {"300", "製造本部", -1, 4, 4, Workplace::Office, "製造管理"},
    {"310", "千葉工場", 14, 25, 4, Workplace::ShopFloor, "製造"},
    {"311", "製造第一ライン", 15, 150, 4, Workplace::ShopFloor, "製造"},
    {"312", "製造第二ライン", 15, 140, 4, Workplace::ShopFloor, "製造"},
    {"313", "包装ライン", 15, 120, 4, Workplace::ShopFloor, "製造"},
    {"320", "静岡工場", 14, 20, 5, Workplace::ShopFloor, "製造"},
    {"321", "製造ライン", 19, 130, 5, Workplace::ShopFloor, "製造"},
    {"322", "物流課", 19, 80, 5, Workplace::ShopFloor, "物流"},
    {"330", "品質保証部", 14, 55, 4, Workplace::Office, "品質管理"},
    {"340", "研究開発部", 14, 30, 4, Workplace::Office, "研究開発"},
    {"341", "商品開発課", 23, 22, 4, Workplace::Office, "研究開発"},
};

// Common family names, most frequent first (the draw favours the front).
// Variant forms (髙橋, 山﨑, 渡邊) beside the common ones, as real rosters have.
const Romanised kJapaneseFamilies[] = {
    {"佐藤", "sato"},      {"鈴木", "suzuki"},    {"高橋", "takahashi"}, {"田中", "tanaka"},
    {"伊藤", "ito"},       {"渡辺", "watanabe"},  {"山本", "yamamoto"},  {"中村", "nakamura"},
    {"小林", "kobayashi"}, {"加藤", "kato"},      {"吉田", "yoshida"},   {"山田", "yamada"},
    {"佐々木", "sasaki"},  {"山口", "yamaguchi"}, {"松本", "matsumoto"}, {"井上", "inoue"},
    {"木村", "kimura"},    {"林", "hayashi"},     {"斎藤", "saito"},     {"清水", "shimizu"},
    {"山崎", "yamazaki"},  {"森", "mori"},        {"池田", "ikeda"},     {"橋本", "hashimoto"},
    {"阿部", "abe"},       {"石川", "ishikawa"},  {"山下", "yamashita"}, {"中島", "nakajima"},
    {"髙橋", "takahashi"}, {"山﨑", "yamazaki"},  {"渡邊", "watanabe"},  {"石井", "ishii"},
    {"小川", "ogawa"},     {"前田", "maeda"},     {"岡田", "okada"},     {"長谷川", "hasegawa"},
    {"藤田", "fujita"},    {"後藤", "goto"},      {"近藤", "kondo"},     {"村上", "murakami"},
    {"遠藤", "endo"},      {"青木", "aoki"},      {"坂本", "sakamoto"},  {"齋藤", "saito"},
    {"福田", "fukuda"},    {"太田", "ota"},       {"西村", "nishimura"}, {"藤井", "fujii"},
    {"金子", "kaneko"},    {"岡本", "okamoto"},   {"藤原", "fujiwara"},  {"中野", "nakano"},
    {"三浦", "miura"},     {"原田", "harada"},    {"松田", "matsuda"},   {"竹内", "takeuchi"},
    {"小野", "ono"},       {"田村", "tamura"},    {"和田", "wada"},      {"上田", "ueda"},
};

const Romanised kJapaneseGivens[] = {
    {"翔太", "shota"},   {"美咲", "misaki"},   {"大輔", "daisuke"}, {"陽子", "yoko"},
    {"健太", "kenta"},   {"恵子", "keiko"},    {"拓也", "takuya"},  {"由美", "yumi"},
    {"直樹", "naoki"},   {"愛", "ai"},         {"浩二", "koji"},    {"さくら", "sakura"},
    {"誠", "makoto"},    {"花子", "hanako"},   {"隆", "takashi"},   {"真由美", "mayumi"},
    {"学", "manabu"},    {"彩", "aya"},        {"亮", "ryo"},       {"結衣", "yui"},
    {"達也", "tatsuya"}, {"葵", "aoi"},        {"和也", "kazuya"},  {"優子", "yuko"},
    {"悠斗", "yuto"},    {"明美", "akemi"},    {"蓮", "ren"},       {"千尋", "chihiro"},
    {"大翔", "hiroto"},  {"麻衣", "mai"},      {"陽太", "yota"},    {"智子", "tomoko"},
    {"一郎", "ichiro"},  {"直美", "naomi"},    {"修", "osamu"},     {"香織", "kaori"},
    {"剛", "tsuyoshi"},  {"ひかり", "hikari"}, {"聡", "satoshi"},   {"美穂", "miho"},
};

const GroupPlan kNorthwindGroups[] = {
    {"HQ", "Headquarters", -1, 4, 0, Workplace::Office, "Management"},
    {"SAL", "Sales", 0, 18, 0, Workplace::Sales, "Sales"},
    {"MKT", "Marketing", 0, 8, 0, Workplace::Office, "Marketing"},
    {"OPS", "Operations", 0, 5, 1, Workplace::Office, "Operations"},
    {"WHS", "Warehouse", 3, 30, 1, Workplace::ShopFloor, "Logistics"},
    {"CS", "Customer Service", 3, 15, 2, Workplace::Office, "Support"},
};

const Romanised kEnglishFamilies[] = {
    {"Smith", "smith"},    {"Johnson", "johnson"},   {"Williams", "williams"},
    {"Brown", "brown"},    {"Jones", "jones"},       {"Miller", "miller"},
    {"Davis", "davis"},    {"Wilson", "wilson"},     {"Anderson", "anderson"},
    {"Taylor", "taylor"},  {"Thomas", "thomas"},     {"Moore", "moore"},
    {"Martin", "martin"},  {"Jackson", "jackson"},   {"Thompson", "thompson"},
    {"White", "white"},    {"Harris", "harris"},     {"Clark", "clark"},
    {"Lewis", "lewis"},    {"Robinson", "robinson"}, {"Walker", "walker"},
    {"Young", "young"},    {"Allen", "allen"},       {"King", "king"},
    {"O'Brien", "obrien"}, {"García", "garcia"},     {"Nguyen", "nguyen"},
    {"Patel", "patel"},    {"Kowalski", "kowalski"}, {"Murphy", "murphy"},
};

const Romanised kEnglishGivens[] = {
    {"James", "james"},         {"Mary", "mary"},       {"Robert", "robert"},
    {"Patricia", "patricia"},   {"John", "john"},       {"Jennifer", "jennifer"},
    {"Michael", "michael"},     {"Linda", "linda"},     {"David", "david"},
    {"Elizabeth", "elizabeth"}, {"William", "william"}, {"Susan", "susan"},
    {"Richard", "richard"},     {"Jessica", "jessica"}, {"Joseph", "joseph"},
    {"Sarah", "sarah"},         {"Thomas", "thomas"},   {"Karen", "karen"},
    {"Daniel", "daniel"},       {"Emily", "emily"},     {"Matthew", "matthew"},
    {"Olivia", "olivia"},       {"Chloé", "chloe"},     {"Aisha", "aisha"},
};

const Company &company(DemoOrganisation::Language language)
{
    static const Company sakura{
        kSakuraGroups,
        int(std::size(kSakuraGroups)),
        7, // 東日本営業部
        kJapaneseFamilies,
        int(std::size(kJapaneseFamilies)),
        kJapaneseGivens,
        int(std::size(kJapaneseGivens)),
        "sakura-foods.example.jp",
        "S",
        {"勤務地", "Work location"},
        {"東京本社", "仙台", "大阪", "福岡", "千葉工場", "静岡工場"},
        {"組合員", "Union member"},
        {"組合員", "非組合員"},
        {"入社区分", "Entry route"},
        {"新卒", "中途"},
        {"正社員", "契約社員", "パート"},
        {"一般", "主任", "係長", "課長", "部長", "本部長"},
        {"", "S1", "S2", "M1", "M2", "E1"},
        {"J1", "J2", "J3"},
    };
    static const Company northwind{
        kNorthwindGroups,
        int(std::size(kNorthwindGroups)),
        1, // Sales
        kEnglishFamilies,
        int(std::size(kEnglishFamilies)),
        kEnglishGivens,
        int(std::size(kEnglishGivens)),
        "northwind.example.com",
        "NW",
        {"勤務地", "Location"},
        {"Seattle", "Tacoma", "London"},
        {"組合員", "Union member"},
        {"Yes", "No"},
        {nullptr, nullptr},
        {nullptr, nullptr},
        {"Full-time", "Contract", "Part-time"},
        {"Associate", "Senior Associate", "Team Lead", "Manager", "Director", "Vice President"},
        {"", "L4", "L5", "L6", "L7", "L8"},
        {"L1", "L2", "L3"},
    };
    return language == DemoOrganisation::Language::Japanese ? sakura : northwind;
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Draws for one tenant. QRandomGenerator with a seed is the same sequence on
// every platform and release of Qt 6.
class Draw final
{
public:
    explicit Draw(quint64 seed)
        : m_random(static_cast<quint32>(seed ^ (seed >> 32)))
    {}

    int below(int bound) { return int(m_random.bounded(quint32(bound))); }
    bool chance(int percent) { return below(100) < percent; }
    // Favours the front of a list ordered by frequency.
    int frequent(int bound) { return std::min(below(bound), below(bound)); }
    QDate dayIn(int year) { return QDate(year, 1, 1).addDays(below(365)); }

private:
    QRandomGenerator m_random;
};

struct Attributes
{
    QString location;
    QString unionMember;
    QString entry; // empty: the company has no such attribute
};

StoreResult<Attributes> createAttributes(const TenantScope &scope, AttributeRepository &repository,
                                         const Company &plan)
{
    const auto choices = [](const auto &begin, const auto &end) {
        QStringList list;
        for (auto it = begin; it != end; ++it)
            list.append(text(*it));
        return list;
    };
    Attributes ids;
    auto location = repository.create(
        scope, api::AttributeFields{text(plan.locationNames[0]), text(plan.locationNames[1]),
                                    api::AttributeType::Choice,
                                    choices(plan.locations.cbegin(), plan.locations.cend())});
    if (!location)
        return location.error();
    ids.location = location.value().id;
    auto unionMember = repository.create(
        scope, api::AttributeFields{
                   text(plan.unionNames[0]), text(plan.unionNames[1]), api::AttributeType::Choice,
                   choices(std::begin(plan.unionChoices), std::end(plan.unionChoices))});
    if (!unionMember)
        return unionMember.error();
    ids.unionMember = unionMember.value().id;
    if (plan.entryNames[0]) {
        auto entry = repository.create(
            scope,
            api::AttributeFields{
                text(plan.entryNames[0]), text(plan.entryNames[1]), api::AttributeType::Choice,
                choices(std::begin(plan.entryChoices), std::end(plan.entryChoices))});
        if (!entry)
            return entry.error();
        ids.entry = entry.value().id;
    }
    return ids;
}

// One member of `group`; `head` for the first of each group, who leads it.
api::MemberFields makeMember(Draw &draw, const Company &plan, const GroupPlan &group,
                             const QString &groupId, const Attributes &attributes, bool head,
                             int sequence, QSet<QString> &emails)
{
    api::MemberFields fields;
    const Romanised &family = plan.families[draw.frequent(plan.familyCount)];
    const Romanised &given = plan.givens[draw.below(plan.givenCount)];
    fields.familyName = text(family.name);
    fields.givenName = text(given.name);
    fields.groupId = groupId;
    fields.employeeCode = text(plan.codePrefix) +
                          QStringLiteral("%1").arg(100000 + sequence, 6, 10, QLatin1Char('0'));

    const bool shopFloor = group.workplace == Workplace::ShopFloor;
    // 0 full-time, 1 contract, 2 part-time.
    int employment = 0;
    if (!head) {
        const int roll = draw.below(100);
        employment = shopFloor ? (roll < 60   ? 0
                                  : roll < 75 ? 1
                                              : 2)
                               : (roll < 85   ? 0
                                  : roll < 97 ? 1
                                              : 2);
    }
    fields.employmentType = text(plan.employmentTypes[employment]);
    fields.jobCategory = text(group.jobCategory);

    // Position by role: the head by the group's level, a few seniors and leads.
    int level = 0;
    if (head) {
        level = group.parent < 0 ? 5 : plan.groups[group.parent].parent < 0 ? 4 : 3;
    } else if (employment == 0) {
        const int roll = draw.below(100);
        level = roll < 10 ? 1 : roll < 16 ? 2 : 0;
    }
    fields.position = text(plan.positions[level]);
    if (employment == 0)
        fields.grade = text(level == 0 ? plan.staffGrades[draw.below(3)] : plan.grades[level]);

    // Graduates join on 1 April at 18 (shop floor) or 22; others any day, older.
    const bool graduate = employment == 0 && draw.chance(head ? 80 : 65);
    const int seniority = head ? 18 + draw.below(12) : draw.below(graduate ? 38 : 20);
    const int ageAtHire = graduate ? (shopFloor ? 18 : 22) : 24 + draw.below(26);
    // Nobody older than 64 on the reference day.
    const int yearsAgo = std::min(seniority, 64 - ageAtHire);
    const int hireYear = kReferenceDay.year() - yearsAgo;
    fields.hireDate = graduate ? QDate(hireYear, 4, 1) : draw.dayIn(hireYear);
    if (*fields.hireDate > kReferenceDay)
        fields.hireDate = kReferenceDay.addDays(-draw.below(90));
    // A few records lack the birth date, as imported rosters do.
    if (!draw.chance(3)) {
        const QDate born = draw.dayIn(fields.hireDate->year() - ageAtHire - 1);
        fields.birthDate = std::min(born, fields.hireDate->addYears(-ageAtHire));
    }

    const int statusRoll = draw.below(100);
    fields.status = head || statusRoll >= 5 ? api::MemberStatus::Active
                    : statusRoll < 3        ? api::MemberStatus::OnLeave
                                            : api::MemberStatus::Left;
    fields.deliver = fields.status != api::MemberStatus::Left;

    // Shop-floor staff often have no address: their links come on paper.
    if (!shopFloor || !draw.chance(30)) {
        const QString name = text(given.latin) + u'.' + text(family.latin);
        QString local = name;
        for (int n = 2; emails.contains(local); ++n)
            local = name + QString::number(n);
        emails.insert(local);
        fields.email = local + u'@' + text(plan.domain);
    }

    fields.attributes.insert(attributes.location, text(plan.locations.at(group.location)));
    const bool unionEligible = employment == 0 && level <= 2;
    fields.attributes.insert(attributes.unionMember,
                             text(plan.unionChoices[unionEligible && draw.chance(90) ? 0 : 1]));
    if (!attributes.entry.isEmpty())
        fields.attributes.insert(attributes.entry, text(plan.entryChoices[graduate ? 0 : 1]));
    return fields;
}

} // namespace

StoreResult<DemoOrganisation> DemoOrganisation::create(const TenantScope &scope,
                                                       QSqlDatabase database, Keyring &keyring,
                                                       Language language, quint64 seed)
{
    const Company &plan = company(language);
    Draw draw(seed);
    DemoOrganisation made;

    AttributeRepository attributeRepository(database);
    const auto attributes = createAttributes(scope, attributeRepository, plan);
    if (!attributes)
        return attributes.error();
    made.attributes = attributes.value().entry.isEmpty() ? 2 : 3;

    GroupRepository groups(database);
    MemberRepository members(database, keyring);
    // Created now; only hire and birth dates are counted from the reference day.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<QString> groupIds;
    QSet<QString> emails;
    int sequence = 0;
    for (int i = 0; i < plan.groupCount; ++i) {
        const GroupPlan &group = plan.groups[i];
        std::optional<QString> parent;
        if (group.parent >= 0)
            parent = groupIds.at(std::size_t(group.parent));
        const auto created = groups.create(
            scope, api::GroupFields{text(group.code), text(group.name), parent}, QString());
        if (!created)
            return created.error();
        groupIds.push_back(created.value().id);
        for (int m = 0; m < group.size; ++m) {
            const auto member =
                members.create(scope,
                               makeMember(draw, plan, group, created.value().id, attributes.value(),
                                          m == 0, ++sequence, emails),
                               now);
            if (!member)
                return member.error();
        }
    }
    made.groups = plan.groupCount;
    made.members = sequence;
    made.managedGroupId = groupIds.at(std::size_t(plan.managedGroup));
    return made;
}

} // namespace engage::server::store
