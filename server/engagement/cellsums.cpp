#include "cellsums.h"

#include <QDataStream>
#include <QIODevice>
#include <cmath>

namespace engage::server::engagement {

namespace {

constexpr quint32 kSumsMagic = 0x45435331; // "ECS1": version 1 of the layout below

// Anything off the scale is no answer: counting it would break the sums'
// invariants (0 <= sum <= 4 * count), and deserialiseCellSums would then
// refuse the stored cell.
bool onScale(qint8 answer)
{
    return answer >= api::kAnswerMin && answer <= api::kAnswerMax;
}

struct FactorMeans
{
    std::array<double, api::kFactorCount> total{};
    std::array<int, api::kFactorCount> count{};
};

FactorMeans factorMeans(const RespondentAnswers &answers)
{
    FactorMeans means;
    const QList<api::BankItem> &bank = api::questionBank();
    for (int i = 0; i < api::kBankSize; ++i) {
        if (!onScale(answers[i]))
            continue;
        const int factor = api::factorIndex(bank.at(i).factor);
        means.total[factor] += (answers[i] - api::kAnswerMin) * 25.0;
        ++means.count[factor];
    }
    return means;
}

void add(PairSums &into, const PairSums &other, int sign)
{
    into.n += sign * other.n;
    into.x += sign * other.x;
    into.y += sign * other.y;
    into.xx += sign * other.xx;
    into.yy += sign * other.yy;
    into.xy += sign * other.xy;
}

void combine(CellSums &into, const CellSums &other, int sign)
{
    into.targets += sign * other.targets;
    into.roundRespondents += sign * other.roundRespondents;
    into.respondents += sign * other.respondents;
    for (int i = 0; i < api::kBankSize; ++i) {
        into.items[i].count += sign * other.items[i].count;
        into.items[i].sum += sign * other.items[i].sum;
    }
    for (int f = 0; f < api::kFactorCount; ++f) {
        into.factorRespondents[f] += sign * other.factorRespondents[f];
        add(into.impact[f], other.impact[f], sign);
    }
}

// What addRespondent, += and -= of sound sums can produce: stored bytes that
// decode to anything else are damaged or forged, not a cell.
bool sound(const CellSums &sums)
{
    const auto within = [](qint64 value, qint64 limit) {
        return value >= 0 && value <= limit;
    };
    if (sums.targets < 0 || sums.roundRespondents < 0 || sums.respondents < 0)
        return false;
    for (const ItemSums &item : sums.items) {
        // sum <= 4 * count without the overflow of a forged count.
        const qint64 perAnswer = api::kAnswerMax - api::kAnswerMin;
        if (!within(item.count, sums.respondents) || item.sum < 0 ||
            item.sum / perAnswer > item.count ||
            (item.sum / perAnswer == item.count && item.sum % perAnswer != 0))
            return false;
    }
    for (int f = 0; f < api::kFactorCount; ++f) {
        const PairSums &pair = sums.impact[f];
        if (!within(sums.factorRespondents[f], sums.respondents) ||
            !within(pair.n, sums.factorRespondents[f]))
            return false;
        for (double value : {pair.x, pair.y, pair.xx, pair.yy, pair.xy}) {
            if (!std::isfinite(value))
                return false;
        }
    }
    return true;
}

} // namespace

void CellSums::addRespondent(const RespondentAnswers &answers)
{
    const FactorMeans means = factorMeans(answers);
    const int engagement = api::factorIndex(api::Factor::Engagement);
    bool any = false;
    for (int i = 0; i < api::kBankSize; ++i) {
        if (!onScale(answers[i]))
            continue;
        any = true;
        ++items[i].count;
        items[i].sum += answers[i] - api::kAnswerMin;
    }
    if (!any)
        return;
    ++respondents;
    for (int f = 0; f < api::kFactorCount; ++f) {
        if (means.count[f] > 0)
            ++factorRespondents[f];
    }
    if (means.count[engagement] == 0)
        return;
    const double y = means.total[engagement] / means.count[engagement];
    for (int f = 0; f < api::kFactorCount; ++f) {
        if (f == engagement || means.count[f] == 0)
            continue;
        const double x = means.total[f] / means.count[f];
        add(impact[f], PairSums{1, x, y, x * x, y * y, x * y}, 1);
    }
}

CellSums &CellSums::operator+=(const CellSums &other)
{
    combine(*this, other, 1);
    return *this;
}

CellSums &CellSums::operator-=(const CellSums &other)
{
    combine(*this, other, -1);
    return *this;
}

bool operator==(const CellSums &a, const CellSums &b)
{
    const auto samePairs = [](const PairSums &p, const PairSums &q) {
        return p.n == q.n && p.x == q.x && p.y == q.y && p.xx == q.xx && p.yy == q.yy &&
               p.xy == q.xy;
    };
    if (a.targets != b.targets || a.roundRespondents != b.roundRespondents ||
        a.respondents != b.respondents || a.factorRespondents != b.factorRespondents)
        return false;
    for (int i = 0; i < api::kBankSize; ++i) {
        if (a.items[i].count != b.items[i].count || a.items[i].sum != b.items[i].sum)
            return false;
    }
    for (int f = 0; f < api::kFactorCount; ++f) {
        if (!samePairs(a.impact[f], b.impact[f]))
            return false;
    }
    return true;
}

QByteArray serialise(const CellSums &sums)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kSumsMagic << sums.targets << sums.roundRespondents << sums.respondents;
    for (const ItemSums &item : sums.items)
        out << item.count << item.sum;
    for (int f = 0; f < api::kFactorCount; ++f) {
        const PairSums &pair = sums.impact[f];
        out << sums.factorRespondents[f] << pair.n << pair.x << pair.y << pair.xx << pair.yy
            << pair.xy;
    }
    return bytes;
}

std::optional<CellSums> deserialiseCellSums(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    CellSums sums;
    in >> magic >> sums.targets >> sums.roundRespondents >> sums.respondents;
    for (ItemSums &item : sums.items)
        in >> item.count >> item.sum;
    for (int f = 0; f < api::kFactorCount; ++f) {
        PairSums &pair = sums.impact[f];
        in >> sums.factorRespondents[f] >> pair.n >> pair.x >> pair.y >> pair.xx >> pair.yy >>
            pair.xy;
    }
    if (magic != kSumsMagic || in.status() != QDataStream::Ok || !in.atEnd() || !sound(sums))
        return std::nullopt;
    return sums;
}

} // namespace engage::server::engagement
