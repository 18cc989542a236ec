#pragma once

// Dashboard answers built by hand for the tests of the dashboard models: the
// shapes the service sends (checked by the same decoders), with shown and
// withheld scores where each test needs them.

#include "api/dashboard.h"

#include <QLocale>
#include <QString>

namespace engage::test {

inline api::Score shown(double value, qint64 respondents = 12,
                        std::optional<double> change = std::nullopt)
{
    return api::Score{value, respondents, api::Withheld::No, change};
}

inline api::Score withheld(api::Withheld reason, qint64 respondents = 2)
{
    return api::Score{std::nullopt, respondents, reason, std::nullopt};
}

// `count` scores, each `first` plus its position, so that columns differ.
inline QList<api::Score> ascending(double first, qsizetype count)
{
    QList<api::Score> scores;
    for (qsizetype i = 0; i < count; ++i)
        scores.append(shown(first + double(i)));
    return scores;
}

inline api::ResponseRate rate(qint64 targets, qint64 respondents, double percent)
{
    return api::ResponseRate{targets, respondents, percent};
}

inline api::SliceInfo slice(int threshold = 5)
{
    api::SliceInfo info;
    info.threshold = threshold;
    return info;
}

// Puts the locale back however the test ends.
struct LocaleGuard
{
    QLocale saved;
    ~LocaleGuard() { QLocale::setDefault(saved); }
};

} // namespace engage::test
