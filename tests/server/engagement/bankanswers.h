#pragma once

#include "engagement/cellsums.h"

#include <QString>
#include <initializer_list>
#include <utility>

// Respondents' answers named by item id, for the engagement core's tests.
namespace engage::test {

inline int itemIndex(const char *id)
{
    const api::BankItem *item = api::bankItem(QString::fromLatin1(id));
    if (!item)
        qFatal("no bank item %s", id);
    return item->index;
}

inline server::engagement::RespondentAnswers
answersOf(std::initializer_list<std::pair<const char *, int>> answers)
{
    server::engagement::RespondentAnswers all{};
    for (const auto &[id, answer] : answers)
        all[std::size_t(itemIndex(id))] = qint8(answer);
    return all;
}

} // namespace engage::test
