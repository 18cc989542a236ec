#include "roundlistmodel.h"

#include "dashboardtext.h"
#include "models/rowlookup.h"

#include <QLocale>
#include <algorithm>

namespace engage::models {

RoundListModel::RoundListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void RoundListModel::setRounds(const api::RoundList &rounds)
{
    beginResetModel();
    m_rounds.clear();
    std::copy_if(
        rounds.rounds.cbegin(), rounds.rounds.cend(), std::back_inserter(m_rounds),
        [](const api::RoundInfo &round) { return round.status == api::RoundStatus::Closed; });
    std::stable_sort(
        m_rounds.begin(), m_rounds.end(),
        [](const api::RoundInfo &a, const api::RoundInfo &b) { return a.closesAt > b.closesAt; });
    endResetModel();
}

int RoundListModel::rowOf(const QString &roundId) const
{
    return rowWithId(m_rounds, roundId);
}

int RoundListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rounds.size());
}

QVariant RoundListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::RoundInfo &round = m_rounds.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        //: A round in the period picker: %1 the day it closed, %2 the survey, %3 the round's
        //: number.
        return tr("%1 · %2 #%3")
            .arg(QLocale().toString(round.closesAt.toLocalTime().date(), QLocale::ShortFormat),
                 round.surveyName, QLocale().toString(round.number));
    case Qt::ToolTipRole:
        return DashboardText::rateExplanation(
            api::ResponseRate{round.targets, round.respondents, std::nullopt});
    case RoundIdRole:
        return round.id;
    case ClosesAtRole:
        return round.closesAt;
    default:
        return {};
    }
}

} // namespace engage::models
