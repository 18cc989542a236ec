#pragma once

#include "api/dashboard.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QVariant>
#include <functional>
#include <optional>

class QAbstractItemModel;

namespace engage::models {

// What the dashboard models say alike, kept out of the public headers: the
// translation context of their shared sentences, response rates, and the
// layout HeatmapModel and AttributeBreakdownModel share (a label column, the
// response rate, then engagement and the nine factors).
class DashboardText final
{
    Q_DECLARE_TR_FUNCTIONS(engage::models::DashboardText)

public:
    DashboardText() = delete;

    static bool japaneseUi();
    static QString noValue(); // "—", for anything withheld or missing
    // "82.5%" or "—".
    static QString formatRate(const api::ResponseRate &rate);
    // "97 of 120 invited members answered."
    static QString rateExplanation(const api::ResponseRate &rate);
    static QVariant rateData(const api::ResponseRate &rate, int role);
    static QVariant alignedNumber();
};

namespace slicetable {

inline constexpr int kLabelColumn = 0;
inline constexpr int kRateColumn = 1;
inline constexpr int kFirstScoreColumn = 2;
inline constexpr int kColumnCount = kFirstScoreColumn + api::kFactorCount;

std::optional<api::Factor> factorOf(int column);
// The data of the rate and score columns; `scoreId` answers ScoreIdRole.
QVariant cellData(const api::ResponseRate &rate, const QList<api::Score> &cells, int threshold,
                  int column, int role, const QVariant &scoreId);
QVariant headerData(int section, int role, const QString &labelTitle);
// The sort key of a rate or score column: nothing sorts last in either order.
std::optional<double> sortKey(const api::ResponseRate &rate, const QList<api::Score> &cells,
                              int column);

} // namespace slicetable

// Calls `retranslate` whenever the application's language changes (the
// translators of LanguageSwitcher), for the life of `owner`.
void followLanguage(QObject *owner, std::function<void()> retranslate);
// What a model tells its views when the language changed: every header and
// every cell (of every level) may read differently now.
void announceRetranslation(QAbstractItemModel &model);

} // namespace engage::models
