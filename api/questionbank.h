#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The engagement pulse's question bank, written for Engage: engagement itself
// and its nine key factors, each split into sub-items, 32 items in all, each
// in Japanese and English, answered on a 5-point agreement scale
// (1 = strongly disagree ... 5 = strongly agree). The bank is content shipped
// with the product, the same for every tenant; its order and ids never change
// (stored answers name items by id, aggregates by index).

enum class Factor
{
    Engagement,
    Job,
    Growth,
    Health,
    Support,
    Relationships,
    Recognition,
    Mission,
    Culture,
    Environment,
};

inline constexpr int kFactorCount = 10;
inline constexpr int kBankSize = 32;
inline constexpr int kAnswerMin = 1;
inline constexpr int kAnswerMax = 5;

// "engagement", "job", "growth", "health", "support", "relationships",
// "recognition", "mission", "culture", "environment"
QString factorId(Factor factor);
std::optional<Factor> factorFromId(QStringView id);
int factorIndex(Factor factor); // 0 .. kFactorCount-1, in declaration order
QList<Factor> allFactors();     // Engagement first
QList<Factor> keyFactors();     // the nine, without Engagement

struct SubItem
{
    QString id; // "job.meaning", stable
    Factor factor = Factor::Engagement;
    QString nameJa;
    QString nameEn;
};

struct BankItem
{
    QString id;    // "job.meaning.1", stable
    int index = 0; // position in questionBank(), 0 .. kBankSize-1
    Factor factor = Factor::Engagement;
    QString subItemId;
    QString textJa;
    QString textEn;
};

struct FactorInfo
{
    Factor factor = Factor::Engagement;
    QString nameJa;
    QString nameEn;
};

const QList<FactorInfo> &factors();       // in allFactors() order
const QList<SubItem> &subItems();         // grouped by factor, in factor order
const QList<BankItem> &questionBank();    // kBankSize items, grouped by sub-item
const BankItem *bankItem(QStringView id); // nullptr when the bank has no such item
const SubItem *subItem(QStringView id);
const FactorInfo &factorInfo(Factor factor);

// The rotation of the pulse. Every cadence asks 16 items per four weeks:
// every 4 weeks 16, every 2 weeks 8, every week 4. Engagement's own items
// are asked in every four-week block, every other item at least once in
// every 12 weeks, each at the same place of a 12-week cycle, so no answer
// ages past the validity window (kAnswerValidityDaysDefault) between two
// askings. A survey's first round, or one after a gap longer than the
// validity window, asks the whole bank: `roundsSinceFull` counts the rounds
// after that full round (0 is the full round itself).
inline constexpr int kPulseItemsPerFourWeeks = 16;
inline constexpr int kAnswerValidityDaysDefault = 100;
QList<int> pulseCadences(); // {4, 2, 1} weeks
// The item ids of a round, in bank order; empty for a cadence not in pulseCadences().
QStringList pulseItems(int cadenceWeeks, int roundsSinceFull);

} // namespace engage::api
