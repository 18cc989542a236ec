#pragma once

#include "api/dashboard.h"

#include <QString>
#include <QVariant>
#include <Qt>

namespace engage::models {

// The roles every dashboard model gives a score cell, so that one delegate,
// one chart and one export read them all alike. Qt::DisplayRole is the score
// formatted in the UI language ("72.5"), or "—" when withheld;
// Qt::ToolTipRole says how many respondents it rests on, or why it is withheld.
enum ScoreRoles
{
    ScoreValueRole = Qt::UserRole + 100, // double, or invalid when withheld
    RespondentsRole,                     // qint64
    WithheldRole,                        // api::Withheld as int
    ChangeRole,                          // double, or invalid
    ScoreIdRole, // the factor, sub-item or item id; the group id in heatmap rows
};

// In the UI language.
QString formatScore(const api::Score &score);       // "72.5" or "—"
QString formatChange(std::optional<double> change); // "+1.2", "−0.4", "±0.0" or ""
// "Rests on 12 respondents." or, withheld, why: "Fewer than 5 respondents (3)." ...
QString scoreExplanation(const api::Score &score, int threshold);
// The factor's name in the UI language (from the bank's content).
QString factorName(api::Factor factor);
QString subItemName(const QString &subItemId);
QString itemText(const QString &itemId);

// The data() of a score cell for `role` (the roles above and display, tool tip).
QVariant scoreData(const api::Score &score, int threshold, int role);

} // namespace engage::models
