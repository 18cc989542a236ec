#include "roundaggregator.h"

#include "store/dialect.h"
#include "store/pulserepository.h"
#include "store/scopedquery.h"
#include "store/transaction.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace engage::server::engagement {

using store::databaseError;
using store::ScopedQuery;
using store::StoreError;
using store::StoreErrorKind;
using store::StoreResult;
using store::TenantScope;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

// A response's answers of one date: most responses are one submission; a
// later change to some of its items adds one of that date.
struct Submission
{
    qint64 at = 0;
    qint64 responseId = 0;
    qint64 respondentId = 0;
    qint64 placementId = 0;
    std::size_t first = 0; // into SurveyAnswers::codes
    std::size_t count = 0;

    bool operator<(const Submission &other) const
    {
        return at != other.at ? at < other.at : responseId < other.responseId;
    }
};

// An answer as read: bank index * 8 + value.
constexpr int kValueBits = 3;

// Every submission of a survey dated in a range, read in one scan and kept
// in the order later answers replace earlier ones (date, then response),
// so that any round whose window lies in the range is built from memory.
class SurveyAnswers final
{
public:
    store::StoreStatus read(const TenantScope &scope, const QSqlDatabase &database,
                            const QString &surveyId, qint64 fromExclusive, qint64 toInclusive)
    {
        // A response a row, its answers as one list ("code" or
        // "code@date" when an answer has its own date): QtSql's cost is
        // per row and column, and a row per answer made it most of the time.
        const bool postgres = store::dialectOf(database) == store::SqlDialect::PostgreSql;
        const QString list =
            postgres ? QStringLiteral("string_agg(CAST(a.item * 8 + a.value AS TEXT) || "
                                      "COALESCE('@' || CAST(a.answered_at AS TEXT), ''), ',')")
                     : QStringLiteral("group_concat((a.item * 8 + a.value) || "
                                      "COALESCE('@' || a.answered_at, ''), ',')");
        ScopedQuery query(scope, database);
        query.setForwardOnly(true);
        // A round's answers are dated at its close at the latest, so rounds
        // closing before the range have none in it. Grouped in the order of
        // responses_round_respondent, a unique index, so SQLite sorts
        // nothing; PostgreSQL wants the other columns named.
        query.prepare(QStringLiteral("SELECT r.id, r.respondent_id, r.placement_id, "
                                     "r.answered_at, ") +
                      list +
                      QStringLiteral(" FROM responses r JOIN answers a ON a.response_id = r.id "
                                     "WHERE r.tenant_id = :tenant_id AND r.round_seq IN (SELECT "
                                     "seq FROM survey_rounds WHERE tenant_id = :tenant_id AND "
                                     "survey_id = :survey AND closes_at > :from) AND "
                                     "r.answered_at <= :to GROUP BY r.round_seq, "
                                     "r.respondent_id, r.id, r.placement_id, r.answered_at"));
        query.bindValue(QStringLiteral(":survey"), surveyId);
        query.bindValue(QStringLiteral(":from"), fromExclusive);
        query.bindValue(QStringLiteral(":to"), toInclusive);
        if (!query.exec())
            return databaseError(QStringLiteral("reading answers"), query.errorText());
        std::vector<std::pair<qint64, quint16>> dated;
        while (query.next()) {
            Submission base;
            base.responseId = query.value(0).toLongLong();
            base.respondentId = query.value(1).toLongLong();
            base.placementId = query.value(2).toLongLong();
            base.at = query.value(3).toLongLong();
            base.first = m_codes.size();
            dated.clear();
            const QString answers = query.value(4).toString();
            for (const QStringView answer : QStringView(answers).split(u',')) {
                const qsizetype date = answer.indexOf(u'@');
                const auto code = quint16(answer.left(date).toUInt());
                if (date < 0)
                    m_codes.push_back(code);
                else
                    dated.emplace_back(answer.mid(date + 1).toLongLong(), code);
            }
            base.count = m_codes.size() - base.first;
            if (base.count > 0)
                m_submissions.push_back(base);
            std::sort(dated.begin(), dated.end());
            for (std::size_t i = 0; i < dated.size(); ++i) {
                if (i == 0 || dated[i].first != dated[i - 1].first) {
                    Submission later = base;
                    later.at = dated[i].first;
                    later.first = m_codes.size();
                    later.count = 0;
                    m_submissions.push_back(later);
                }
                m_codes.push_back(dated[i].second);
                ++m_submissions.back().count;
            }
        }
        std::sort(m_submissions.begin(), m_submissions.end());
        return store::Done{};
    }

    // The submissions dated in (from, to], oldest first.
    std::pair<std::vector<Submission>::const_iterator, std::vector<Submission>::const_iterator>
    dated(qint64 fromExclusive, qint64 toInclusive) const
    {
        const auto after = [](const Submission &submission, qint64 at) {
            return submission.at <= at;
        };
        return {
            std::lower_bound(m_submissions.cbegin(), m_submissions.cend(), fromExclusive, after),
            std::lower_bound(m_submissions.cbegin(), m_submissions.cend(), toInclusive, after)};
    }

    int item(std::size_t code) const { return m_codes[code] >> kValueBits; }
    int value(std::size_t code) const { return m_codes[code] & ((1 << kValueBits) - 1); }

private:
    std::vector<Submission> m_submissions;
    std::vector<quint16> m_codes;
};

// The tenant's placements: id -> group and snapshot as stored.
using Placements = QHash<qint64, std::pair<QString, QString>>;

StoreResult<Placements> readPlacements(const TenantScope &scope, const QSqlDatabase &database)
{
    ScopedQuery query(scope, database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, group_id, snapshot FROM placements WHERE tenant_id = :tenant_id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading placements"), query.errorText());
    Placements placements;
    while (query.next())
        placements.insert(query.value(0).toLongLong(),
                          {query.value(1).toString(), query.value(2).toString()});
    return placements;
}

struct CellBuild
{
    QString groupId;
    QString snapshot; // as stored: equal text, equal snapshot
    CellSums sums;
};

// The cells of one round under construction, and its respondents: each
// with their valid answers and, once known, their cell.
class Builder final
{
public:
    int respondent(qint64 respondentId)
    {
        const auto found = m_respondentIndex.constFind(respondentId);
        if (found != m_respondentIndex.cend())
            return found.value();
        const int index = int(m_answers.size());
        m_respondentIndex.insert(respondentId, index);
        m_answers.push_back(RespondentAnswers{});
        m_cellOf.push_back(-1);
        m_latestPlacement.push_back(0);
        return index;
    }

    void addTarget(qint64 respondentId, qint64 placementId, bool responded)
    {
        const int index = cell(placementId);
        CellSums &sums = m_cells[std::size_t(index)].sums;
        ++sums.targets;
        if (responded)
            ++sums.roundRespondents;
        m_cellOf[std::size_t(respondent(respondentId))] = index;
    }

    // Submissions arrive oldest first, so the last answer to an item is its
    // latest, and the last submission places a respondent the round was not
    // delivered to.
    void addSubmission(const SurveyAnswers &answers, const Submission &submission)
    {
        const auto at = std::size_t(respondent(submission.respondentId));
        for (std::size_t code = submission.first; code < submission.first + submission.count;
             ++code)
            m_answers[at][std::size_t(answers.item(code))] = qint8(answers.value(code));
        m_latestPlacement[at] = submission.placementId;
    }

    // The cells in a stable order (group, then snapshot), every respondent added.
    std::vector<CellBuild> finish(const Placements &placements)
    {
        for (std::size_t i = 0; i < m_answers.size(); ++i) {
            if (m_cellOf[i] < 0 && m_latestPlacement[i] != 0)
                m_cellOf[i] = cell(m_latestPlacement[i]);
        }
        std::vector<CellBuild> cells;
        cells.reserve(m_cells.size());
        for (std::size_t c = 0; c < m_cells.size(); ++c) {
            const auto placement = placements.value(m_placementOf[c]);
            cells.push_back(CellBuild{placement.first, placement.second, m_cells[c].sums});
        }
        for (std::size_t i = 0; i < m_answers.size(); ++i) {
            if (m_cellOf[i] >= 0)
                cells[std::size_t(m_cellOf[i])].sums.addRespondent(m_answers[i]);
        }
        std::sort(cells.begin(), cells.end(), [](const CellBuild &a, const CellBuild &b) {
            return a.groupId != b.groupId ? a.groupId < b.groupId : a.snapshot < b.snapshot;
        });
        return cells;
    }

private:
    // Placements are unique per group and snapshot, so a placement is a cell.
    int cell(qint64 placementId)
    {
        const auto found = m_cellIndex.constFind(placementId);
        if (found != m_cellIndex.cend())
            return found.value();
        m_cells.push_back(CellBuild{});
        m_placementOf.push_back(placementId);
        const int index = int(m_cells.size()) - 1;
        m_cellIndex.insert(placementId, index);
        return index;
    }

    std::vector<CellBuild> m_cells;
    std::vector<qint64> m_placementOf;
    QHash<qint64, int> m_cellIndex;
    std::vector<RespondentAnswers> m_answers;
    std::vector<int> m_cellOf;
    std::vector<qint64> m_latestPlacement;
    QHash<qint64, int> m_respondentIndex;
};

StoreError readFailed(const QString &what, const ScopedQuery &query)
{
    return databaseError(what, query.errorText());
}

store::StoreStatus readTargets(const TenantScope &scope, const QSqlDatabase &database,
                               qint64 roundSeq, Builder &builder)
{
    ScopedQuery query(scope, database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT respondent_id, placement_id, responded_at FROM "
                                 "round_targets WHERE tenant_id = :tenant_id AND "
                                 "round_seq = :round"));
    query.bindValue(QStringLiteral(":round"), roundSeq);
    if (!query.exec())
        return readFailed(QStringLiteral("reading round targets"), query);
    while (query.next())
        builder.addTarget(query.value(0).toLongLong(), query.value(1).toLongLong(),
                          !query.value(2).isNull());
    return store::Done{};
}

store::StoreStatus writeCells(const TenantScope &scope, const QSqlDatabase &database,
                              const QString &roundId, const std::vector<CellBuild> &built,
                              const QDateTime &at)
{
    ScopedQuery clear(scope, database);
    clear.prepare(QStringLiteral(
        "DELETE FROM round_cells WHERE tenant_id = :tenant_id AND round_id = :round"));
    clear.bindValue(QStringLiteral(":round"), roundId);
    if (!clear.exec())
        return readFailed(QStringLiteral("replacing round cells"), clear);
    ScopedQuery insert(scope, database);
    insert.prepare(QStringLiteral(
        "INSERT INTO round_cells (round_id, tenant_id, cell, group_id, snapshot, sums) "
        "VALUES (:round, :tenant_id, :cell, :group_id, :snapshot, :sums)"));
    for (std::size_t i = 0; i < built.size(); ++i) {
        insert.bindValue(QStringLiteral(":round"), roundId);
        insert.bindValue(QStringLiteral(":cell"), qint64(i));
        insert.bindValue(QStringLiteral(":group_id"), built[i].groupId.isEmpty()
                                                          ? QVariant(QMetaType(QMetaType::QString))
                                                          : QVariant(built[i].groupId));
        insert.bindValue(QStringLiteral(":snapshot"), built[i].snapshot);
        insert.bindValue(QStringLiteral(":sums"), serialise(built[i].sums));
        if (!insert.exec())
            return readFailed(QStringLiteral("writing round cells"), insert);
    }
    // The stamp versions the aggregate cache: it must move even when two
    // aggregations fall in the same millisecond.
    ScopedQuery stamp(scope, database);
    stamp.prepare(QStringLiteral(
        "UPDATE survey_rounds SET aggregated_at = CASE WHEN aggregated_at < :at THEN :at "
        "ELSE aggregated_at + 1 END WHERE tenant_id = :tenant_id AND id = :round"));
    stamp.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    stamp.bindValue(QStringLiteral(":round"), roundId);
    if (!stamp.exec())
        return readFailed(QStringLiteral("stamping a round's aggregation"), stamp);
    return store::Done{};
}

} // namespace

RoundAggregator::RoundAggregator(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<QList<Cell>> RoundAggregator::aggregate(const TenantScope &scope,
                                                    const QString &roundId, int validityDays,
                                                    const QDateTime &at)
{
    const auto round = store::PulseRepository(m_database, m_keyring).round(scope, roundId);
    if (!round)
        return round.error();
    auto cells = aggregateRounds(scope, {round.value()}, validityDays, at, true);
    if (!cells)
        return cells.error();
    return cells.value().value(0);
}

StoreResult<QStringList> RoundAggregator::aggregateSurvey(const TenantScope &scope,
                                                          const QString &surveyId, int validityDays,
                                                          const QDateTime &at)
{
    const auto rounds = store::PulseRepository(m_database, m_keyring).rounds(scope);
    if (!rounds)
        return rounds.error();
    QList<store::StoredRound> closed;
    for (const store::StoredRound &round : rounds.value()) {
        if (round.surveyId == surveyId && round.status == api::RoundStatus::Closed)
            closed.prepend(round); // oldest first
    }
    if (const auto cells = aggregateRounds(scope, closed, validityDays, at, false); !cells)
        return cells.error();
    QStringList ids;
    for (const store::StoredRound &round : std::as_const(closed))
        ids.append(round.id);
    return ids;
}

StoreResult<QList<QList<Cell>>>
RoundAggregator::aggregateRounds(const TenantScope &scope, const QList<store::StoredRound> &rounds,
                                 int validityDays, const QDateTime &at, bool keepCells)
{
    QList<QList<Cell>> result;
    if (rounds.isEmpty())
        return result;
    const qint64 validity = qint64(validityDays) * kDayMs;
    qint64 first = rounds.first().closesAt.toMSecsSinceEpoch();
    qint64 last = first;
    for (const store::StoredRound &round : rounds) {
        first = std::min(first, round.closesAt.toMSecsSinceEpoch());
        last = std::max(last, round.closesAt.toMSecsSinceEpoch());
    }

    // Read and written in one transaction: the cells are of one state of the answers.
    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("aggregating rounds"), transaction.error());
    const auto placements = readPlacements(scope, m_database);
    if (!placements)
        return placements.error();
    SurveyAnswers answers;
    if (const auto read =
            answers.read(scope, m_database, rounds.first().surveyId, first - validity, last);
        !read)
        return read.error();
    for (const store::StoredRound &round : rounds) {
        const qint64 closes = round.closesAt.toMSecsSinceEpoch();
        Builder builder;
        if (const auto read = readTargets(scope, m_database, round.seq, builder); !read)
            return read.error();
        const auto [from, to] = answers.dated(closes - validity, closes);
        for (auto submission = from; submission != to; ++submission)
            builder.addSubmission(answers, *submission);
        const std::vector<CellBuild> built = builder.finish(placements.value());
        if (const auto written = writeCells(scope, m_database, round.id, built, at); !written) {
            transaction.rollback();
            return written.error();
        }
        if (!keepCells)
            continue;
        QList<Cell> cells;
        cells.reserve(qsizetype(built.size()));
        for (const CellBuild &cell : built)
            cells.append(Cell{cell.groupId, store::snapshotFromText(cell.snapshot), cell.sums});
        result.append(cells);
    }
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    return result;
}

StoreResult<QStringList> RoundAggregator::reaggregateFrom(const TenantScope &scope,
                                                          const QString &roundId, int validityDays,
                                                          const QDateTime &at)
{
    const auto round = store::PulseRepository(m_database, m_keyring).round(scope, roundId);
    if (!round)
        return round.error();
    const qint64 closes = round.value().closesAt.toMSecsSinceEpoch();
    // A late answer is dated at its round's close (pulserepository.cpp): a
    // later round closing at T sees it while T - validity < that close.
    ScopedQuery later(scope, m_database);
    later.prepare(QStringLiteral(
        "SELECT id FROM survey_rounds WHERE tenant_id = :tenant_id AND survey_id = :survey "
        "AND status = :closed AND closes_at >= :from AND closes_at < :to AND id <> :round "
        "ORDER BY closes_at, number"));
    later.bindValue(QStringLiteral(":survey"), round.value().surveyId);
    later.bindValue(QStringLiteral(":closed"), api::roundStatusName(api::RoundStatus::Closed));
    later.bindValue(QStringLiteral(":from"), closes);
    later.bindValue(QStringLiteral(":to"), closes + qint64(validityDays) * kDayMs);
    later.bindValue(QStringLiteral(":round"), roundId);
    if (!later.exec())
        return readFailed(QStringLiteral("reading later rounds"), later);
    QStringList roundIds{roundId};
    while (later.next())
        roundIds.append(later.value(0).toString());
    later.finish();

    store::PulseRepository pulses(m_database, m_keyring);
    QList<store::StoredRound> rounds{round.value()};
    for (qsizetype i = 1; i < roundIds.size(); ++i) {
        const auto found = pulses.round(scope, roundIds.at(i));
        if (!found)
            return found.error();
        rounds.append(found.value());
    }
    if (const auto cells = aggregateRounds(scope, rounds, validityDays, at, false); !cells)
        return cells.error();
    return roundIds;
}

StoreResult<QList<Cell>> RoundAggregator::storedCells(const TenantScope &scope,
                                                      const QSqlDatabase &database,
                                                      const QString &roundId)
{
    ScopedQuery stamp(scope, database);
    stamp.prepare(QStringLiteral("SELECT aggregated_at FROM survey_rounds WHERE "
                                 "tenant_id = :tenant_id AND id = :round"));
    stamp.bindValue(QStringLiteral(":round"), roundId);
    if (!stamp.exec())
        return readFailed(QStringLiteral("reading a round"), stamp);
    if (!stamp.next() || stamp.value(0).toLongLong() == 0)
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no aggregated round")};
    stamp.finish();

    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("SELECT group_id, snapshot, sums FROM round_cells WHERE "
                                 "tenant_id = :tenant_id AND round_id = :round ORDER BY cell"));
    query.bindValue(QStringLiteral(":round"), roundId);
    if (!query.exec())
        return readFailed(QStringLiteral("reading round cells"), query);
    QList<Cell> cells;
    while (query.next()) {
        const auto sums = deserialiseCellSums(query.value(2).toByteArray());
        if (!sums)
            return databaseError(QStringLiteral("reading round cells"),
                                 QStringLiteral("a cell of round %1 does not read").arg(roundId));
        cells.append(Cell{query.value(0).toString(),
                          store::snapshotFromText(query.value(1).toString()), *sums});
    }
    return cells;
}

} // namespace engage::server::engagement
