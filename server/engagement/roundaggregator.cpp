#include "roundaggregator.h"

#include "store/dialect.h"
#include "store/pulserepository.h"
#include "store/scopedquery.h"
#include "store/transaction.h"

#include <algorithm>
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

// The bank index of each item id, built once; the views point into the
// bank, which lives as long as the program.
const QHash<QStringView, int> &bankIndexes()
{
    static const QHash<QStringView, int> indexes = [] {
        QHash<QStringView, int> built;
        for (const api::BankItem &item : api::questionBank())
            built.insert(QStringView(item.id), item.index);
        return built;
    }();
    return indexes;
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
    int cell(const QString &groupId, const QString &snapshot)
    {
        const QString key = groupId + QChar(u'\x1f') + snapshot;
        const auto found = m_cellIndex.constFind(key);
        if (found != m_cellIndex.cend())
            return found.value();
        m_cells.push_back(CellBuild{groupId, snapshot, {}});
        const int index = int(m_cells.size()) - 1;
        m_cellIndex.insert(key, index);
        return index;
    }

    int respondent(const QString &key)
    {
        const auto found = m_respondentIndex.constFind(key);
        if (found != m_respondentIndex.cend())
            return found.value();
        const int index = int(m_answers.size());
        m_respondentIndex.insert(key, index);
        m_answers.push_back(RespondentAnswers{});
        m_cellOf.push_back(-1);
        m_latestResponse.emplace_back();
        return index;
    }

    void addTarget(const QString &key, const QString &groupId, const QString &snapshot,
                   bool responded)
    {
        const int index = cell(groupId, snapshot);
        CellSums &sums = m_cells[std::size_t(index)].sums;
        ++sums.targets;
        if (responded)
            ++sums.roundRespondents;
        m_cellOf[std::size_t(respondent(key))] = index;
    }

    // Submissions arrive oldest first, so the last answer to an item is its latest.
    void addAnswer(int respondentIndex, int bankIndex, int value)
    {
        m_answers[std::size_t(respondentIndex)][std::size_t(bankIndex)] = qint8(value);
    }
    void setLatestResponse(int respondentIndex, const QString &responseId)
    {
        m_latestResponse[std::size_t(respondentIndex)] = responseId;
    }

    // Respondents the round was not delivered to, with the latest response
    // that placed them in the window.
    QHash<QString, QList<std::size_t>> unplaced() const
    {
        QHash<QString, QList<std::size_t>> byResponse;
        for (std::size_t i = 0; i < m_cellOf.size(); ++i) {
            if (m_cellOf[i] < 0 && !m_latestResponse[i].isEmpty())
                byResponse[m_latestResponse[i]].append(i);
        }
        return byResponse;
    }

    void place(std::size_t respondentIndex, int cellIndex)
    {
        m_cellOf[respondentIndex] = cellIndex;
    }

    // The cells in a stable order (group, then snapshot), every respondent added.
    QList<Cell> finish()
    {
        for (std::size_t i = 0; i < m_answers.size(); ++i) {
            if (m_cellOf[i] >= 0)
                m_cells[std::size_t(m_cellOf[i])].sums.addRespondent(m_answers[i]);
        }
        std::sort(m_cells.begin(), m_cells.end(), [](const CellBuild &a, const CellBuild &b) {
            return a.groupId != b.groupId ? a.groupId < b.groupId : a.snapshot < b.snapshot;
        });
        QList<Cell> cells;
        cells.reserve(qsizetype(m_cells.size()));
        for (const CellBuild &built : m_cells)
            cells.append(Cell{built.groupId, store::snapshotFromText(built.snapshot), built.sums});
        return cells;
    }

    const std::vector<CellBuild> &built() const { return m_cells; }

private:
    std::vector<CellBuild> m_cells;
    QHash<QString, int> m_cellIndex;
    std::vector<RespondentAnswers> m_answers;
    std::vector<int> m_cellOf;
    std::vector<QString> m_latestResponse;
    QHash<QString, int> m_respondentIndex;
};

StoreError readFailed(const QString &what, const ScopedQuery &query)
{
    return databaseError(what, query.errorText());
}

store::StoreStatus readTargets(const TenantScope &scope, const QSqlDatabase &database,
                               const QString &roundId, Builder &builder)
{
    ScopedQuery query(scope, database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT respondent_key, group_id, snapshot, responded_at FROM "
                                 "round_targets WHERE tenant_id = :tenant_id AND "
                                 "round_id = :round"));
    query.bindValue(QStringLiteral(":round"), roundId);
    if (!query.exec())
        return readFailed(QStringLiteral("reading round targets"), query);
    while (query.next())
        builder.addTarget(query.value(0).toString(), query.value(1).toString(),
                          query.value(2).toString(), !query.value(3).isNull());
    return store::Done{};
}

// The survey's responses that may have answers in a window opening after
// `fromExclusive` (a round's answers are dated at its close at the latest):
// response id -> respondent.
StoreResult<QHash<QString, int>> readResponses(const TenantScope &scope,
                                               const QSqlDatabase &database,
                                               const QString &surveyId, qint64 fromExclusive,
                                               Builder &builder)
{
    ScopedQuery query(scope, database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT r.id, r.respondent_key FROM responses r WHERE r.tenant_id = :tenant_id AND "
        "r.round_id IN (SELECT id FROM survey_rounds WHERE tenant_id = :tenant_id AND "
        "survey_id = :survey AND closes_at > :from)"));
    query.bindValue(QStringLiteral(":survey"), surveyId);
    query.bindValue(QStringLiteral(":from"), fromExclusive);
    if (!query.exec())
        return readFailed(QStringLiteral("reading responses"), query);
    QHash<QString, int> responses;
    while (query.next())
        responses.insert(query.value(0).toString(), builder.respondent(query.value(1).toString()));
    return responses;
}

// The bank indexes of a submission's items, in the order the database
// listed them (-1: not a bank item, a custom survey's own question). A
// window holds few distinct item lists, so each is read once.
class ItemLists final
{
public:
    const std::vector<int> &indexes(const QString &items)
    {
        auto found = m_lists.constFind(items);
        if (found == m_lists.cend()) {
            std::vector<int> parsed;
            for (const QStringView item : QStringView(items).split(u',')) {
                const auto index = bankIndexes().constFind(item);
                parsed.push_back(index == bankIndexes().cend() ? -1 : index.value());
            }
            found = m_lists.insert(items, std::move(parsed));
        }
        return found.value();
    }

private:
    QHash<QString, std::vector<int>> m_lists;
};

// One ordered scan of the answers in the window, a submission a row (its
// items and its values as two lists in one order): QtSql's cost is per row
// and column, and a row per answer made it most of the aggregation's time.
// The grouping follows answers_window, so the database sorts nothing.
store::StoreStatus readAnswers(const TenantScope &scope, const QSqlDatabase &database,
                               const QHash<QString, int> &responses, qint64 fromExclusive,
                               qint64 toInclusive, Builder &builder)
{
    const bool postgres = store::dialectOf(database) == store::SqlDialect::PostgreSql;
    const QString lists = postgres ? QStringLiteral("string_agg(a.item_id, ','), "
                                                    "string_agg(CAST(a.value AS TEXT), ',')")
                                   : QStringLiteral("group_concat(a.item_id, ','), "
                                                    "group_concat(a.value, ',')");
    ScopedQuery query(scope, database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.response_id, ") + lists +
                  QStringLiteral(" FROM answers a WHERE a.tenant_id = :tenant_id AND "
                                 "a.answered_at > :from AND a.answered_at <= :to GROUP BY "
                                 "a.answered_at, a.respondent_key, a.response_id ORDER BY "
                                 "a.answered_at, a.respondent_key, a.response_id"));
    query.bindValue(QStringLiteral(":from"), fromExclusive);
    query.bindValue(QStringLiteral(":to"), toInclusive);
    if (!query.exec())
        return readFailed(QStringLiteral("reading answers"), query);
    ItemLists itemLists;
    while (query.next()) {
        const QString responseId = query.value(0).toString();
        const auto respondent = responses.constFind(responseId);
        if (respondent == responses.cend())
            continue; // another survey's
        const std::vector<int> &items = itemLists.indexes(query.value(1).toString());
        const QString values = query.value(2).toString();
        // Values are one digit each (1-5), comma-separated.
        std::size_t position = 0;
        for (const QChar c : values) {
            if (c == u',') {
                ++position;
            } else if (position < items.size() && items[position] >= 0) {
                builder.addAnswer(respondent.value(), items[position], c.digitValue());
            }
        }
        builder.setLatestResponse(respondent.value(), responseId);
    }
    return store::Done{};
}

// Respondents this round was not delivered to count in the cell of their
// latest response in the window.
store::StoreStatus placeUntargeted(const TenantScope &scope, const QSqlDatabase &database,
                                   Builder &builder)
{
    const QHash<QString, QList<std::size_t>> unplaced = builder.unplaced();
    if (unplaced.isEmpty())
        return store::Done{};
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("SELECT group_id, snapshot FROM responses WHERE "
                                 "tenant_id = :tenant_id AND id = :id"));
    for (auto it = unplaced.cbegin(); it != unplaced.cend(); ++it) {
        query.bindValue(QStringLiteral(":id"), it.key());
        if (!query.exec())
            return readFailed(QStringLiteral("reading a response"), query);
        if (!query.next())
            continue; // answers always have their response; nothing to place
        const int cell = builder.cell(query.value(0).toString(), query.value(1).toString());
        query.finish();
        for (const std::size_t respondent : it.value())
            builder.place(respondent, cell);
    }
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
    const qint64 closes = round.value().closesAt.toMSecsSinceEpoch();

    // Read and written in one transaction: the cells are of one state of the answers.
    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("aggregating a round"), transaction.error());
    Builder builder;
    if (const auto read = readTargets(scope, m_database, roundId, builder); !read)
        return read.error();
    const qint64 from = closes - qint64(validityDays) * kDayMs;
    const auto responses = readResponses(scope, m_database, round.value().surveyId, from, builder);
    if (!responses)
        return responses.error();
    if (const auto read = readAnswers(scope, m_database, responses.value(), from, closes, builder);
        !read)
        return read.error();
    if (const auto placed = placeUntargeted(scope, m_database, builder); !placed)
        return placed.error();
    QList<Cell> cells = builder.finish();

    ScopedQuery clear(scope, m_database);
    clear.prepare(QStringLiteral(
        "DELETE FROM round_cells WHERE tenant_id = :tenant_id AND round_id = :round"));
    clear.bindValue(QStringLiteral(":round"), roundId);
    if (!clear.exec()) {
        transaction.rollback();
        return readFailed(QStringLiteral("replacing round cells"), clear);
    }
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO round_cells (round_id, tenant_id, cell, group_id, snapshot, sums) "
        "VALUES (:round, :tenant_id, :cell, :group_id, :snapshot, :sums)"));
    const std::vector<CellBuild> &built = builder.built();
    for (std::size_t i = 0; i < built.size(); ++i) {
        insert.bindValue(QStringLiteral(":round"), roundId);
        insert.bindValue(QStringLiteral(":cell"), qint64(i));
        insert.bindValue(QStringLiteral(":group_id"), built[i].groupId.isEmpty()
                                                          ? QVariant(QMetaType(QMetaType::QString))
                                                          : QVariant(built[i].groupId));
        insert.bindValue(QStringLiteral(":snapshot"), built[i].snapshot);
        insert.bindValue(QStringLiteral(":sums"), serialise(built[i].sums));
        if (!insert.exec()) {
            transaction.rollback();
            return readFailed(QStringLiteral("writing round cells"), insert);
        }
    }
    // The stamp versions the aggregate cache: it must move even when two
    // aggregations fall in the same millisecond.
    ScopedQuery stamp(scope, m_database);
    stamp.prepare(QStringLiteral(
        "UPDATE survey_rounds SET aggregated_at = CASE WHEN aggregated_at < :at THEN :at "
        "ELSE aggregated_at + 1 END WHERE tenant_id = :tenant_id AND id = :round"));
    stamp.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    stamp.bindValue(QStringLiteral(":round"), roundId);
    if (!stamp.exec()) {
        transaction.rollback();
        return readFailed(QStringLiteral("stamping a round's aggregation"), stamp);
    }
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
    return cells;
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

    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("re-aggregating rounds"), transaction.error());
    for (const QString &id : std::as_const(roundIds)) {
        if (const auto cells = aggregate(scope, id, validityDays, at); !cells)
            return cells.error();
    }
    if (const auto committed = transaction.commit(); !committed)
        return committed.error();
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
