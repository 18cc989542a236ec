#include "questionbank.h"

#include "enumtable.h"

#include <algorithm>
#include <iterator>

namespace engage::api {

namespace {

constexpr EnumName<Factor> kFactorIds[] = {
    {Factor::Engagement, QLatin1String("engagement")},
    {Factor::Job, QLatin1String("job")},
    {Factor::Growth, QLatin1String("growth")},
    {Factor::Health, QLatin1String("health")},
    {Factor::Support, QLatin1String("support")},
    {Factor::Relationships, QLatin1String("relationships")},
    {Factor::Recognition, QLatin1String("recognition")},
    {Factor::Mission, QLatin1String("mission")},
    {Factor::Culture, QLatin1String("culture")},
    {Factor::Environment, QLatin1String("environment")},
};
static_assert(std::size(kFactorIds) == kFactorCount);

struct FactorText
{
    Factor factor;
    const char16_t *ja;
    const char16_t *en;
};

constexpr FactorText kFactorTexts[] = {
    {Factor::Engagement, u"エンゲージメント", u"Engagement"},
    {Factor::Job, u"職務", u"Job"},
    {Factor::Growth, u"自己成長", u"Self-growth"},
    {Factor::Health, u"健康", u"Health"},
    {Factor::Support, u"支援", u"Support"},
    {Factor::Relationships, u"人間関係", u"Relationships"},
    {Factor::Recognition, u"承認", u"Recognition"},
    {Factor::Mission, u"理念・戦略", u"Mission and strategy"},
    {Factor::Culture, u"組織風土", u"Culture"},
    {Factor::Environment, u"環境", u"Environment"},
};
static_assert(std::size(kFactorTexts) == kFactorCount);

struct SubItemText
{
    Factor factor;
    const char16_t *id;
    const char16_t *ja;
    const char16_t *en;
};

constexpr SubItemText kSubItemTexts[] = {
    {Factor::Engagement, u"engagement.advocacy", u"推奨意向", u"Advocacy"},
    {Factor::Engagement, u"engagement.commitment", u"継続意向", u"Commitment"},
    {Factor::Job, u"job.meaning", u"やりがい", u"Meaningful work"},
    {Factor::Job, u"job.autonomy", u"裁量", u"Autonomy"},
    {Factor::Job, u"job.workload", u"業務量", u"Workload"},
    {Factor::Growth, u"growth.learning", u"学びの機会", u"Learning"},
    {Factor::Growth, u"growth.challenge", u"挑戦", u"Challenge"},
    {Factor::Growth, u"growth.career", u"キャリア", u"Career"},
    {Factor::Health, u"health.wellbeing", u"心身の健康", u"Wellbeing"},
    {Factor::Health, u"health.balance", u"仕事と生活の調和", u"Work-life balance"},
    {Factor::Support, u"support.manager", u"上司の支援", u"Manager support"},
    {Factor::Support, u"support.organisation", u"組織の支援", u"Organisational support"},
    {Factor::Relationships, u"relationships.teamwork", u"協力", u"Teamwork"},
    {Factor::Relationships, u"relationships.belonging", u"一体感", u"Belonging"},
    {Factor::Recognition, u"recognition.appreciation", u"称賛", u"Appreciation"},
    {Factor::Recognition, u"recognition.evaluation", u"評価", u"Fair evaluation"},
    {Factor::Mission, u"mission.direction", u"方向性", u"Direction"},
    {Factor::Mission, u"mission.alignment", u"目標とのつながり", u"Line of sight"},
    {Factor::Culture, u"culture.openness", u"風通し", u"Openness"},
    {Factor::Culture, u"culture.respect", u"尊重", u"Respect"},
    {Factor::Environment, u"environment.workspace", u"働く場所", u"Workspace"},
    {Factor::Environment, u"environment.tools", u"道具と仕組み", u"Tools and systems"},
    {Factor::Environment, u"environment.rewards", u"処遇", u"Pay and benefits"},
};

// Item ids are the sub-item's id and the item's ordinal within it, so the
// table names each sub-item once per item and the ids cannot drift apart.
struct ItemText
{
    const char16_t *subItemId;
    const char16_t *ja;
    const char16_t *en;
};

constexpr ItemText kItemTexts[] = {
    {u"engagement.advocacy", u"この会社を、働く場所として友人や知人に勧めたい。",
     u"I would recommend this company to my friends as a good place to work."},
    {u"engagement.advocacy", u"自分の勤め先を人に話すことに誇りを感じる。",
     u"I am proud to tell others where I work."},
    {u"engagement.commitment", u"2年後もこの会社で働いていると思う。",
     u"I expect to still be working here two years from now."},
    {u"engagement.commitment", u"会社の成功のためなら、求められる以上の力を尽くしたい。",
     u"I am willing to put in extra effort to help this company succeed."},
    {u"job.meaning", u"自分の仕事にやりがいを感じている。", u"My work feels worthwhile to me."},
    {u"job.meaning", u"自分の仕事が誰かの役に立っていると実感できる。",
     u"I can see how my work makes a difference to others."},
    {u"job.autonomy", u"仕事の進め方を自分で決める裁量が十分にある。",
     u"I have enough freedom to decide how I do my work."},
    {u"job.workload", u"通常の勤務時間内で無理なくこなせる業務量である。",
     u"My workload is manageable within my normal working hours."},
    {u"growth.learning", u"仕事を通じて、自分の成長につながることを学べている。",
     u"I am learning things at work that help me grow."},
    {u"growth.challenge", u"自分の力を伸ばせるような仕事を任されている。",
     u"I am given work that stretches my abilities."},
    {u"growth.career", u"この会社での自分のキャリアの次の一歩を思い描ける。",
     u"I can picture the next step of my career at this company."},
    {u"health.wellbeing", u"仕事で心身が疲れ果てることはほとんどない。",
     u"My work seldom leaves me exhausted."},
    {u"health.wellbeing", u"健康を保てるだけの休息をとれている。",
     u"I get enough rest to stay healthy while doing my job."},
    {u"health.balance", u"必要なときには気兼ねなく休みを取れる。",
     u"I can take time off when I need it without feeling guilty."},
    {u"support.manager", u"困ったときには上司が力になってくれる。",
     u"My manager helps me when I run into difficulties."},
    {u"support.manager", u"上司から、成長につながるフィードバックをもらえている。",
     u"My manager gives me feedback that helps me improve."},
    {u"support.organisation", u"仕事で助けが必要なとき、どこに頼ればよいか分かっている。",
     u"When I need help with my work, I know where to find it."},
    {u"relationships.teamwork", u"一緒に働く人たちは互いによく協力し合っている。",
     u"The people I work with cooperate well with each other."},
    {u"relationships.teamwork", u"同僚とは率直に話し合える。",
     u"I can speak openly with my colleagues."},
    {u"relationships.belonging", u"自分はチームの一員として受け入れられていると感じる。",
     u"I feel accepted as a real member of my team."},
    {u"recognition.appreciation", u"良い仕事をしたとき、それに気づいてくれる人がいる。",
     u"When I do good work, someone notices."},
    {u"recognition.appreciation", u"自分の貢献が大切にされていると感じる。",
     u"I feel that my contributions are valued."},
    {u"recognition.evaluation", u"自分の成果は公正に評価されていると思う。",
     u"I believe my performance is judged fairly."},
    {u"mission.direction", u"会社がどこへ向かおうとしているのかを理解している。",
     u"I understand where the company is heading."},
    {u"mission.direction", u"会社の将来に向けた計画を信頼している。",
     u"I have confidence in the company's plans for the future."},
    {u"mission.alignment", u"自分の仕事が会社の目標にどうつながっているかを理解している。",
     u"I understand how my work contributes to the company's goals."},
    {u"culture.openness", u"ここでは、不安を感じることなく懸念を口にできる。",
     u"People here can raise concerns without fear."},
    {u"culture.openness", u"ここでは新しいアイデアが歓迎される。", u"New ideas are welcome here."},
    {u"culture.respect", u"ここでは誰もが分け隔てなく尊重されている。",
     u"Everyone here is treated with respect, whoever they are."},
    {u"environment.workspace", u"自分の働く場所は、仕事に集中できる環境である。",
     u"My place of work lets me concentrate on my tasks."},
    {u"environment.tools", u"効率よく働くために必要な機器やシステムがそろっている。",
     u"I have the equipment and systems I need to work effectively."},
    {u"environment.rewards", u"仕事に見合った給与や福利厚生を受けている。",
     u"My pay and benefits are fair for the work I do."},
};
static_assert(std::size(kItemTexts) == kBankSize);

// The 12-week cycle of the pulse, one row per week: engagement's item of the
// week, then three of the other 28. Weeks 1-4, 5-8 and 9-12 are the three
// four-week blocks. Each block asks one item of every key factor (the first,
// second and third of each in turn) and three factors a second time; over the
// cycle job's fourth item and eight items of the other factors fill those 9
// extra places, so every key factor is asked four times in 12 weeks. Within a
// block, both halves (two-weekly rounds) and every week hold different
// factors, and engagement's items stand at the same week of every block.
constexpr const char16_t *kCycle[][4] = {
    {u"engagement.advocacy.1", u"job.meaning.1", u"support.manager.1", u"relationships.teamwork.1"},
    {u"engagement.commitment.1", u"growth.learning.1", u"health.wellbeing.1",
     u"recognition.appreciation.1"},
    {u"engagement.advocacy.2", u"job.workload.1", u"mission.direction.1", u"culture.openness.1"},
    {u"engagement.commitment.2", u"growth.career.1", u"health.balance.1",
     u"environment.workspace.1"},

    {u"engagement.advocacy.1", u"support.manager.2", u"job.meaning.2", u"growth.challenge.1"},
    {u"engagement.commitment.1", u"relationships.teamwork.2", u"recognition.appreciation.2",
     u"health.wellbeing.2"},
    {u"engagement.advocacy.2", u"support.organisation.1", u"mission.direction.2",
     u"culture.openness.2"},
    {u"engagement.commitment.2", u"relationships.belonging.1", u"recognition.evaluation.1",
     u"environment.tools.1"},

    {u"engagement.advocacy.1", u"mission.alignment.1", u"job.autonomy.1", u"growth.career.1"},
    {u"engagement.commitment.1", u"culture.respect.1", u"environment.rewards.1",
     u"health.balance.1"},
    {u"engagement.advocacy.2", u"mission.direction.1", u"support.organisation.1",
     u"relationships.belonging.1"},
    {u"engagement.commitment.2", u"culture.openness.1", u"environment.workspace.1",
     u"recognition.evaluation.1"},
};
constexpr int kCycleWeeks = int(std::size(kCycle));
static_assert(kCycleWeeks * int(std::size(kCycle[0])) == 3 * kPulseItemsPerFourWeeks);

struct Bank
{
    QList<FactorInfo> factors;
    QList<SubItem> subItems;
    QList<BankItem> items;
};

Bank buildBank()
{
    Bank bank;
    for (const FactorText &text : kFactorTexts)
        bank.factors.append(
            {text.factor, QString::fromUtf16(text.ja), QString::fromUtf16(text.en)});
    for (const SubItemText &text : kSubItemTexts) {
        bank.subItems.append({QString::fromUtf16(text.id), text.factor, QString::fromUtf16(text.ja),
                              QString::fromUtf16(text.en)});
    }
    QString previousSubItem;
    int ordinal = 0;
    for (const ItemText &text : kItemTexts) {
        const QString subItemId = QString::fromUtf16(text.subItemId);
        ordinal = subItemId == previousSubItem ? ordinal + 1 : 1;
        previousSubItem = subItemId;
        const auto owner =
            std::find_if(bank.subItems.cbegin(), bank.subItems.cend(),
                         [&subItemId](const SubItem &subItem) { return subItem.id == subItemId; });
        Q_ASSERT(owner != bank.subItems.cend());
        bank.items.append({subItemId + QLatin1Char('.') + QString::number(ordinal),
                           int(bank.items.size()), owner->factor, subItemId,
                           QString::fromUtf16(text.ja), QString::fromUtf16(text.en)});
    }
    return bank;
}

const Bank &bank()
{
    static const Bank instance = buildBank();
    return instance;
}

} // namespace

QString factorId(Factor factor)
{
    return enumName(kFactorIds, factor);
}

std::optional<Factor> factorFromId(QStringView id)
{
    return enumFromName(kFactorIds, id);
}

int factorIndex(Factor factor)
{
    return int(factor);
}

QList<Factor> allFactors()
{
    QList<Factor> all;
    for (const auto &entry : kFactorIds)
        all.append(entry.value);
    return all;
}

QList<Factor> keyFactors()
{
    QList<Factor> keys = allFactors();
    keys.removeAll(Factor::Engagement);
    return keys;
}

const QList<FactorInfo> &factors()
{
    return bank().factors;
}

const QList<SubItem> &subItems()
{
    return bank().subItems;
}

const QList<BankItem> &questionBank()
{
    return bank().items;
}

const BankItem *bankItem(QStringView id)
{
    const QList<BankItem> &items = bank().items;
    const auto found = std::find_if(items.cbegin(), items.cend(),
                                    [id](const BankItem &item) { return item.id == id; });
    return found == items.cend() ? nullptr : &*found;
}

const SubItem *subItem(QStringView id)
{
    const QList<SubItem> &all = bank().subItems;
    const auto found = std::find_if(all.cbegin(), all.cend(),
                                    [id](const SubItem &candidate) { return candidate.id == id; });
    return found == all.cend() ? nullptr : &*found;
}

const FactorInfo &factorInfo(Factor factor)
{
    return bank().factors.at(factorIndex(factor));
}

QList<int> pulseCadences()
{
    return {4, 2, 1};
}

QStringList pulseItems(int cadenceWeeks, int roundsSinceFull)
{
    if (!pulseCadences().contains(cadenceWeeks) || roundsSinceFull < 0)
        return {};
    QList<int> indexes;
    if (roundsSinceFull == 0) {
        for (int i = 0; i < kBankSize; ++i)
            indexes.append(i);
    } else {
        // Round k (k >= 1) asks the cycle's weeks from (k - 1) * cadence on,
        // so the cycle's week w is always asked at week w + cadence after the
        // full round, modulo 12: an item's place in time never moves.
        const int firstWeek = int((qint64(roundsSinceFull) - 1) * cadenceWeeks % kCycleWeeks);
        for (int week = firstWeek; week < firstWeek + cadenceWeeks; ++week) {
            for (const char16_t *id : kCycle[week])
                indexes.append(bankItem(QStringView(id))->index);
        }
        std::sort(indexes.begin(), indexes.end());
    }
    QStringList ids;
    ids.reserve(indexes.size());
    for (int index : std::as_const(indexes))
        ids.append(bank().items.at(index).id);
    return ids;
}

} // namespace engage::api
