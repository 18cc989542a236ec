#include "scoreroles.h"

#include "dashboardtext.h"

#include <QLocale>
#include <cmath>

namespace engage::models {

QString formatScore(const api::Score &score)
{
    if (!score.value)
        return DashboardText::noValue();
    return QLocale().toString(*score.value, 'f', 1);
}

QString formatChange(std::optional<double> change)
{
    if (!change)
        return {};
    // The change is a one-decimal value; anything that rounds to 0.0 is no change.
    const double tenths = std::round(*change * 10);
    const QString magnitude = QLocale().toString(std::abs(tenths) / 10, 'f', 1);
    if (tenths == 0)
        return QChar(0x00B1) + magnitude; // plus-minus sign
    return (tenths > 0 ? QString(QLatin1Char('+')) : QString(QChar(0x2212))) + magnitude;
}

QString scoreExplanation(const api::Score &score, int threshold)
{
    const int respondents = int(std::min<qint64>(score.respondents, INT_MAX));
    switch (score.withheld) {
    case api::Withheld::No:
        return DashboardText::tr("Rests on %Ln respondent(s).", nullptr, respondents);
    case api::Withheld::TooFewRespondents:
        //: A withheld score: %1 is the tenant's anonymity threshold, %2 how many answered.
        return DashboardText::tr("Withheld to keep answers anonymous: fewer than %1 respondents "
                                 "(%2).")
            .arg(QLocale().toString(threshold), QLocale().toString(score.respondents));
    case api::Withheld::Complementary:
        return DashboardText::tr("Withheld to keep answers anonymous: together with the scores "
                                 "shown beside it, it would reveal a group too small to show.");
    case api::Withheld::NoAnswers:
        return DashboardText::tr("No score: nobody answered these questions within the validity "
                                 "period.");
    }
    return {};
}

QString factorName(api::Factor factor)
{
    const api::FactorInfo &info = api::factorInfo(factor);
    return DashboardText::japaneseUi() ? info.nameJa : info.nameEn;
}

QString subItemName(const QString &subItemId)
{
    const api::SubItem *subItem = api::subItem(subItemId);
    if (!subItem)
        return subItemId;
    return DashboardText::japaneseUi() ? subItem->nameJa : subItem->nameEn;
}

QString itemText(const QString &itemId)
{
    const api::BankItem *item = api::bankItem(itemId);
    if (!item)
        return itemId;
    return DashboardText::japaneseUi() ? item->textJa : item->textEn;
}

QVariant scoreData(const api::Score &score, int threshold, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return formatScore(score);
    case Qt::ToolTipRole:
        return scoreExplanation(score, threshold);
    case Qt::TextAlignmentRole:
        return DashboardText::alignedNumber();
    case ScoreValueRole:
        return score.value ? QVariant(*score.value) : QVariant();
    case RespondentsRole:
        return score.respondents;
    case WithheldRole:
        return static_cast<int>(score.withheld);
    case ChangeRole:
        return score.change ? QVariant(*score.change) : QVariant();
    default:
        return {};
    }
}

} // namespace engage::models
