// Prepares a run of `scripts/bench respondent`: a pulse round open now, with
// every item of the bank (the first round's full survey, the largest pulse
// page), delivered to COUNT targets of the tenant SLUG in Japanese, each with
// its one-time link, written through the store into the data directory of a
// stopped engage-server (the tests' seeding helper). Prints one token a line,
// line i (from 0) the link of member "bench-<i, six digits>".
//
// Usage: engage-bench-respondent-seed DATA_DIR SLUG COUNT

#include "api/questionbank.h"
#include "respondentseed.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    using namespace engage;
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool counted = false;
    const int count = args.size() == 4 ? args.at(3).toInt(&counted) : 0;
    if (!counted || count < 1) {
        std::fprintf(stderr, "usage: engage-bench-respondent-seed DATA_DIR SLUG COUNT\n");
        return 2;
    }
    test::RoundSeed seed;
    for (const api::BankItem &item : api::questionBank())
        seed.itemIds.append(item.id);
    const auto member = [](int i) {
        return QStringLiteral("bench-%1").arg(i, 6, 10, QLatin1Char('0'));
    };
    seed.targets.reserve(count);
    for (int i = 0; i < count; ++i)
        seed.targets.append({member(i), QStringLiteral("ja")});
    QString error;
    const auto seeded = test::seedRoundInDataDir(args.at(1), args.at(2), seed, &error);
    if (!seeded) {
        std::fprintf(stderr, "engage-bench-respondent-seed: %s\n", qPrintable(error));
        return 1;
    }
    for (int i = 0; i < count; ++i)
        std::printf("%s\n", qPrintable(seeded->tokens.value(member(i))));
    return 0;
}
