#include "pulserepository.h"

#include "api/id.h"
#include "api/questionbank.h"
#include "crypto/blindindex.h"
#include "dialect.h"
#include "keyring.h"
#include "preparedstatements.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <memory>

namespace engage::server::store {

namespace {

const QString kRoundSelect = QStringLiteral("SELECT ") + roundColumns() +
                             QStringLiteral(" FROM survey_rounds r WHERE r.tenant_id = :tenant_id");
// A batch this large reads its round's targets and responses whole rather
// than by respondent.
constexpr qsizetype kWholeRound = 64;

QString surveyKindName(SurveyKind kind)
{
    return kind == SurveyKind::Pulse ? QStringLiteral("pulse") : QStringLiteral("custom");
}

QString itemsText(const QStringList &itemIds)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(itemIds)).toJson(QJsonDocument::Compact));
}

QStringList itemsFromText(const QString &text)
{
    QStringList items;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        items.append(value.toString());
    return items;
}

StoreError noRound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such round")};
}

StoreError notTargeted()
{
    return StoreError{StoreErrorKind::NotFound,
                      QStringLiteral("the round was not delivered to this respondent")};
}

// `text` as a JSON string.
void appendJsonString(QString &to, const QString &text)
{
    to += u'"';
    // Ids, keys and most values need no escape: appended whole.
    const QStringView view(text);
    const char16_t *const begin = view.utf16();
    const char16_t *const end = begin + view.size();
    if (std::none_of(begin, end, [](char16_t c) { return c < 0x20 || c == u'"' || c == u'\\'; })) {
        to += text;
    } else {
        for (const char16_t *c = begin; c != end; ++c) {
            if (*c == u'"' || *c == u'\\') {
                to += u'\\';
                to += QChar(*c);
            } else if (*c < 0x20) {
                to += QStringLiteral("\\u%1").arg(int(*c), 4, 16, QChar(u'0'));
            } else {
                to += QChar(*c);
            }
        }
    }
    to += u'"';
}

// The items a round asked: id -> bank index.
using AskedItems = QHash<QString, int>;
static_assert(api::kBankSize <= 64, "checkAnswers keeps a bit per bank item");

// What a submission must satisfy before anything is written: items the
// round asked, each once, values on the scale.
StoreStatus checkAnswers(const AskedItems &asked, const QList<SubmittedAnswer> &answers)
{
    if (answers.isEmpty())
        return StoreError{StoreErrorKind::Refused, QStringLiteral("a response without answers")};
    quint64 seen = 0; // a bit per bank index
    for (const SubmittedAnswer &answer : answers) {
        const auto item = asked.constFind(answer.itemId);
        if (item == asked.cend())
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("an answer to an item the round did not ask")};
        if (answer.value < api::kAnswerMin || answer.value > api::kAnswerMax)
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("an answer outside the agreement scale")};
        const quint64 bit = quint64(1) << item.value();
        if ((seen & bit) != 0)
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("two answers to the same item")};
        seen |= bit;
    }
    return Done{};
}

// Many rows to one statement, as one bound JSON array of arrays (:rows)
// that the statement reads through rowsFrom(): QtSql's cost is per
// statement and bound value, and SQLite's per compiled row of a VALUES list,
// so a batch of 20,000 responses binds one text instead of a million values.
class JsonRows final
{
public:
    bool isEmpty() const { return m_rows == 0; }

    JsonRows &row()
    {
        if (m_rows++ > 0)
            m_text += QStringLiteral("],");
        m_text += u'[';
        m_first = true;
        return *this;
    }
    // For a flat array of integers instead of rows (rowsFrom() with Flat).
    void item(qint64 value)
    {
        if (m_rows++ > 0)
            m_text += u',';
        m_text += QString::number(value);
        m_flat = true;
    }
    JsonRows &add(qint64 value)
    {
        separate();
        m_text += QString::number(value);
        return *this;
    }
    JsonRows &add(const QString &text)
    {
        separate();
        appendJsonString(m_text, text);
        return *this;
    }

    // The JSON text, and the batch empty again.
    QString take()
    {
        QString text =
            u'[' + m_text + (m_rows > 0 && !m_flat ? QStringLiteral("]]") : QStringLiteral("]"));
        m_text.clear();
        m_rows = 0;
        m_flat = false;
        return text;
    }

private:
    void separate()
    {
        if (!m_first)
            m_text += u',';
        m_first = false;
    }

    QString m_text;
    int m_rows = 0;
    bool m_first = true;
    bool m_flat = false;
};

enum class RowShape
{
    Arrays, // v.value ->> n is a row's n-th value
    Flat,   // CAST(v.value AS BIGINT) is the row, an integer
};

// The table of :rows, as `v`.
// Statements read it first and CROSS JOIN the table they look up: SQLite
// then keeps that order (each row, then the table by its key) instead of
// scanning the tenant's rows once per row of :rows; PostgreSQL plans a
// CROSS JOIN like any join.
QString rowsFrom(const QSqlDatabase &database, RowShape shape = RowShape::Arrays)
{
    if (dialectOf(database) == SqlDialect::Sqlite)
        return QStringLiteral("json_each(:rows) v");
    return shape == RowShape::Arrays
               ? QStringLiteral("json_array_elements(CAST(:rows AS json)) v")
               : QStringLiteral("json_array_elements_text(CAST(:rows AS json)) v");
}

// An answer as one integer in a flat batch: response id, bank index, value.
constexpr int kItemBits = 5;
constexpr int kValueBits = 3;
static_assert(api::kBankSize <= (1 << kItemBits) && api::kAnswerMax < (1 << kValueBits),
              "an answer's code holds its item and value");
qint64 answerCode(qint64 responseId, int item, int value)
{
    return (responseId << (kItemBits + kValueBits)) | (qint64(item) << kValueBits) | value;
}

// Runs `query` (prepared, with :rows) on `rows`; `row` sees each row it returns.
template<typename RowFunction>
StoreStatus runRows(ScopedQuery &query, JsonRows &rows, const QString &what, RowFunction row)
{
    query.bindValue(QStringLiteral(":rows"), rows.take());
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict, what};
        return databaseError(what, query.errorText());
    }
    while (query.next())
        row(query);
    return Done{};
}
StoreStatus runRows(ScopedQuery &query, JsonRows &rows, const QString &what)
{
    return runRows(query, rows, what, [](const ScopedQuery &) {});
}

// Adds to the counts kept on round `seq` (schema 0005), in the caller's
// transaction with the rows they count.
StoreStatus addToCounts(const TenantScope &scope, const QSqlDatabase &database, qint64 seq,
                        qint64 targets, qint64 respondents)
{
    auto query = PreparedStatements::scoped(
        database, scope,
        QStringLiteral(
            "UPDATE survey_rounds SET target_count = target_count + :targets, "
            "respondent_count = respondent_count + :respondents WHERE tenant_id = :tenant_id AND "
            "seq = :round"));
    query->bindValue(QStringLiteral(":targets"), targets);
    query->bindValue(QStringLiteral(":respondents"), respondents);
    query->bindValue(QStringLiteral(":round"), seq);
    if (!query->exec())
        return databaseError(QStringLiteral("counting a round's targets"), query->errorText());
    if (query->numRowsAffected() != 1)
        return noRound();
    return Done{};
}

// A target as a submission finds it, and its response if it has one.
struct TargetState
{
    qint64 placementId = 0;
    qint64 responseId = 0; // 0: none yet
    qint64 answeredAt = 0; // the response's
    bool late = false;
};

// One response for ResponseWriter::write(): its target by respondent id.
struct WrittenResponse
{
    qint64 respondentId = 0;
    QDateTime submittedAt;
    const QList<SubmittedAnswer> *answers = nullptr;
};

// Writes responses to one round: the targets and responses it touches read
// once, new responses inserted many to a statement with the target's
// placement copied, answers upserted by item many to a statement, and the
// targets marked responded at the first submission. The statements whose
// text does not depend on the batch's size are kept prepared with the
// connection (PreparedStatements): the respondent page writes through here
// thousands of times a second.
class ResponseWriter final
{
public:
    ResponseWriter(const TenantScope &scope, const QSqlDatabase &database, const StoredRound &round,
                   const AskedItems &asked)
        : m_scope(scope)
        , m_database(database)
        , m_round(round)
        , m_asked(asked)
    {}

    // The targets (and their responses) of `respondentIds`; NotFound for
    // one the round was not delivered to.
    StoreStatus readTargets(const QList<qint64> &respondentIds)
    {
        JsonRows ids;
        for (const qint64 id : respondentIds)
            ids.item(id);
        auto targets = PreparedStatements::scoped(
            m_database, m_scope,
            QStringLiteral("SELECT t.respondent_id, t.placement_id, s.id, s.answered_at, s.late "
                           "FROM ") +
                rowsFrom(m_database, RowShape::Flat) +
                QStringLiteral(
                    " CROSS JOIN round_targets t LEFT JOIN responses s ON s.tenant_id = "
                    "t.tenant_id AND s.round_seq = t.round_seq AND s.respondent_id = "
                    "t.respondent_id WHERE t.tenant_id = :tenant_id AND t.round_seq = :round "
                    "AND t.respondent_id = CAST(v.value AS BIGINT)"));
        targets->bindValue(QStringLiteral(":round"), m_round.seq);
        if (const StoreStatus read = runRows(*targets, ids, QStringLiteral("reading targets"),
                                             [this](const ScopedQuery &query) {
                                                 TargetState &state =
                                                     m_targets[query.value(0).toLongLong()];
                                                 state.placementId = query.value(1).toLongLong();
                                                 state.responseId = query.value(2).toLongLong();
                                                 state.answeredAt = query.value(3).toLongLong();
                                                 state.late = query.value(4).toInt() != 0;
                                             });
            !read)
            return read;
        for (const qint64 id : respondentIds) {
            if (!m_targets.contains(id))
                return notTargeted();
        }
        return Done{};
    }

    // The targets of `keys` (respondent keys) and their responses: the
    // round's whole for a large batch. Returns their respondent ids, in
    // order; NotFound for a key the round was not delivered to.
    StoreResult<QList<qint64>> readTargetsByKey(const QStringList &keys)
    {
        m_whole = keys.size() >= kWholeRound;
        QString placeholders;
        if (!m_whole) {
            for (qsizetype i = 0; i < keys.size(); ++i)
                placeholders += (i == 0 ? QStringLiteral(":k%1") : QStringLiteral(", :k%1")).arg(i);
        }
        // The respondents' tenant named, so that a few keys are looked up by
        // their index (tenant, key) instead of walking the round's targets
        // (a submission to a round of 40,000 took 10 ms).
        ScopedQuery targets(m_scope, m_database);
        targets.setForwardOnly(true);
        targets.prepare(
            QStringLiteral("SELECT p.respondent_key, t.respondent_id, t.placement_id "
                           "FROM round_targets t JOIN respondents p ON p.id = t.respondent_id "
                           "AND p.tenant_id = t.tenant_id WHERE t.tenant_id = :tenant_id "
                           "AND t.round_seq = :round") +
            (m_whole ? QString()
                     : QStringLiteral(" AND p.respondent_key IN (") + placeholders + u')'));
        targets.bindValue(QStringLiteral(":round"), m_round.seq);
        for (qsizetype i = 0; !m_whole && i < keys.size(); ++i)
            targets.bindValue(QStringLiteral(":k%1").arg(i), keys.at(i));
        if (!targets.exec())
            return failed(targets);
        QHash<QString, qint64> idOf;
        QString ids;
        while (targets.next()) {
            const qint64 id = targets.value(1).toLongLong();
            idOf.insert(targets.value(0).toString(), id);
            m_targets[id].placementId = targets.value(2).toLongLong();
            ids += (ids.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(id);
        }
        QList<qint64> respondentIds;
        respondentIds.reserve(keys.size());
        for (const QString &key : keys) {
            const auto found = idOf.constFind(key);
            if (found == idOf.cend())
                return notTargeted();
            respondentIds.append(found.value());
        }

        ScopedQuery existing(m_scope, m_database);
        existing.setForwardOnly(true);
        existing.prepare(
            QStringLiteral("SELECT respondent_id, id, answered_at, late FROM "
                           "responses WHERE tenant_id = :tenant_id AND "
                           "round_seq = :round") +
            (m_whole ? QString() : QStringLiteral(" AND respondent_id IN (") + ids + u')'));
        existing.bindValue(QStringLiteral(":round"), m_round.seq);
        if (!existing.exec())
            return failed(existing);
        while (existing.next()) {
            const auto found = m_targets.find(existing.value(0).toLongLong());
            if (found == m_targets.end())
                continue;
            found->responseId = existing.value(1).toLongLong();
            found->answeredAt = existing.value(2).toLongLong();
            found->late = existing.value(3).toInt() != 0;
        }
        return respondentIds;
    }

    // After readTargets() or readTargetsByKey() of their respondents.
    StoreStatus write(const QList<WrittenResponse> &responses)
    {
        if (const StoreStatus created = createResponses(responses); !created)
            return created;
        // Before a later submission in the batch moves submitted_at.
        if (const StoreStatus marked = markResponded(); !marked)
            return marked;
        const qint64 closes = m_round.closesAt.toMSecsSinceEpoch();
        QSet<qint64> written; // responses whose first submission is written
        for (const WrittenResponse &response : responses) {
            TargetState &target = m_targets[response.respondentId];
            const qint64 when = response.submittedAt.toMSecsSinceEpoch();
            // A late answer is dated at its round's close: it answers that
            // round, and the validity window of that round and the later
            // ones is measured from there (roundaggregator.h).
            const qint64 answeredAt = std::min(when, closes);
            const bool first =
                !written.contains(target.responseId) && m_created.contains(target.responseId);
            written.insert(target.responseId);
            if (!first) {
                // A response stays late once any of it came after the close.
                target.late = target.late || when > closes;
                if (const StoreStatus updated = update(target, when); !updated)
                    return updated;
                // An upsert may not change a row twice in one statement.
                if (m_pending.contains(target.responseId)) {
                    if (const StoreStatus flushed = flush(); !flushed)
                        return flushed;
                }
            }
            for (const SubmittedAnswer &answer : *response.answers) {
                const qint64 code =
                    answerCode(target.responseId, m_asked.value(answer.itemId), answer.value);
                if (answeredAt == target.answeredAt)
                    m_undated.item(code);
                else
                    m_dated.row().add(code).add(answeredAt);
            }
            m_pending.insert(target.responseId);
        }
        return flush();
    }

    // After write(): the response of `respondentId`, 0 when it has none.
    qint64 responseId(qint64 respondentId) const
    {
        return m_targets.value(respondentId).responseId;
    }

private:
    StoreStatus flush()
    {
        m_pending.clear();
        if (const StoreStatus undated = flush(m_undated, RowShape::Flat); !undated)
            return undated;
        return flush(m_dated, RowShape::Arrays);
    }

    // Answers dated by their response (Flat: codes) or by themselves
    // (Arrays: code and date).
    StoreStatus flush(JsonRows &rows, RowShape shape)
    {
        if (rows.isEmpty())
            return Done{};
        const QString code = shape == RowShape::Flat
                                 ? QStringLiteral("CAST(v.value AS BIGINT)")
                                 : QStringLiteral("CAST(v.value ->> 0 AS BIGINT)");
        const QString at = shape == RowShape::Flat
                               ? QStringLiteral("CAST(NULL AS BIGINT)")
                               : QStringLiteral("CAST(v.value ->> 1 AS BIGINT)");
        // Through the response, so only the tenant's take answers. Portable
        // upsert (SQLite 3.24+, PostgreSQL): a later answer to an item
        // replaces the earlier one.
        auto query = PreparedStatements::scoped(
            m_database, m_scope,
            QStringLiteral("INSERT INTO answers (response_id, item, value, answered_at) "
                           "SELECT r.id, ((%1) >> %2) & %3, (%1) & %4, %5 FROM ")
                    .arg(code)
                    .arg(kValueBits)
                    .arg((1 << kItemBits) - 1)
                    .arg((1 << kValueBits) - 1)
                    .arg(at) +
                rowsFrom(m_database, shape) +
                QStringLiteral(" CROSS JOIN responses r WHERE r.tenant_id = :tenant_id AND "
                               "r.id = (%1) >> %2 ON CONFLICT (response_id, item) DO UPDATE SET "
                               "value = excluded.value, answered_at = excluded.answered_at")
                    .arg(code)
                    .arg(kItemBits + kValueBits));
        return runRows(*query, rows, QStringLiteral("recording answers"));
    }

    // A response for each target of the batch without one, as of its first
    // submission in the batch.
    StoreStatus createResponses(const QList<WrittenResponse> &responses)
    {
        const qint64 closes = m_round.closesAt.toMSecsSinceEpoch();
        JsonRows rows;
        QSet<qint64> creating;
        for (const WrittenResponse &response : responses) {
            TargetState &target = m_targets[response.respondentId];
            if (target.responseId != 0 || creating.contains(response.respondentId))
                continue;
            const qint64 when = response.submittedAt.toMSecsSinceEpoch();
            target.answeredAt = std::min(when, closes);
            target.late = when > closes;
            creating.insert(response.respondentId);
            rows.row().add(response.respondentId).add(target.placementId).add(when);
            rows.add(target.answeredAt).add(target.late ? 1 : 0);
            m_firstSubmitted.insert(response.respondentId, when);
        }
        if (rows.isEmpty())
            return Done{};
        auto insert = PreparedStatements::scoped(
            m_database, m_scope,
            QStringLiteral("INSERT INTO responses (tenant_id, round_seq, respondent_id, "
                           "placement_id, submitted_at, answered_at, late) SELECT "
                           ":tenant_id, CAST(:round AS BIGINT), CAST(v.value ->> 0 AS BIGINT), "
                           "CAST(v.value ->> 1 AS BIGINT), CAST(v.value ->> 2 AS BIGINT), "
                           "CAST(v.value ->> 3 AS BIGINT), CAST(v.value ->> 4 AS INTEGER) "
                           "FROM ") +
                rowsFrom(m_database) + QStringLiteral(" RETURNING respondent_id, id"));
        insert->bindValue(QStringLiteral(":round"), m_round.seq);
        return runRows(*insert, rows, QStringLiteral("recording responses"),
                       [this](const ScopedQuery &query) {
                           const qint64 responseId = query.value(1).toLongLong();
                           m_targets[query.value(0).toLongLong()].responseId = responseId;
                           m_created.insert(responseId);
                       });
    }

    StoreStatus update(const TargetState &target, qint64 when)
    {
        auto update = PreparedStatements::scoped(
            m_database, m_scope,
            QStringLiteral("UPDATE responses SET submitted_at = :at, late = :late WHERE "
                           "tenant_id = :tenant_id AND id = :id"));
        update->bindValue(QStringLiteral(":id"), target.responseId);
        update->bindValue(QStringLiteral(":at"), when);
        update->bindValue(QStringLiteral(":late"), target.late ? 1 : 0);
        if (!update->exec())
            return failed(*update);
        return Done{};
    }

    // The targets whose response this batch created responded at its first
    // submission, which the new response carries until an update.
    StoreStatus markResponded()
    {
        if (m_firstSubmitted.isEmpty())
            return Done{};
        qint64 marked = 0;
        if (m_whole) {
            // The round read whole: one statement over its responses.
            ScopedQuery query(m_scope, m_database);
            query.prepare(QStringLiteral(
                "UPDATE round_targets SET responded_at = (SELECT r.submitted_at FROM "
                "responses r WHERE r.tenant_id = :tenant_id AND r.round_seq = "
                "round_targets.round_seq AND r.respondent_id = round_targets.respondent_id) "
                "WHERE tenant_id = :tenant_id AND round_seq = :round AND responded_at IS NULL "
                "AND respondent_id IN (SELECT respondent_id FROM responses WHERE tenant_id = "
                ":tenant_id AND round_seq = :round)"));
            query.bindValue(QStringLiteral(":round"), m_round.seq);
            if (!query.exec())
                return failed(query);
            marked = query.numRowsAffected();
        } else {
            // A few respondents by key: otherwise the statement walks the
            // round's unanswered targets (10 ms a submission in a round of
            // 40,000).
            auto query = PreparedStatements::scoped(
                m_database, m_scope,
                QStringLiteral("UPDATE round_targets SET responded_at = :at WHERE tenant_id = "
                               ":tenant_id AND round_seq = :round AND respondent_id = "
                               ":respondent AND responded_at IS NULL"));
            query->bindValue(QStringLiteral(":round"), m_round.seq);
            for (auto it = m_firstSubmitted.cbegin(); it != m_firstSubmitted.cend(); ++it) {
                query->bindValue(QStringLiteral(":respondent"), it.key());
                query->bindValue(QStringLiteral(":at"), it.value());
                if (!query->exec())
                    return failed(*query);
                marked += query->numRowsAffected();
            }
        }
        return addToCounts(m_scope, m_database, m_round.seq, 0, marked);
    }

    StoreError failed(const ScopedQuery &query)
    {
        return databaseError(QStringLiteral("recording a response"), query.errorText());
    }

    const TenantScope &m_scope;
    QSqlDatabase m_database;
    const StoredRound &m_round;
    const AskedItems &m_asked;
    bool m_whole = false;                   // the targets were read for the whole round
    QHash<qint64, TargetState> m_targets;   // by respondent id
    QSet<qint64> m_created;                 // responses this batch created
    QHash<qint64, qint64> m_firstSubmitted; // respondent id -> when, of those
    QSet<qint64> m_pending;                 // responses with answers in m_undated, m_dated
    JsonRows m_undated;
    JsonRows m_dated;
};

// Responses to `roundId` (BulkResponse or LinkedResponse), checked, their
// targets read by `readTargets` (answering their respondent ids, in order),
// all written or none.
template<typename Response, typename ReadTargets>
StoreStatus writeResponses(PulseRepository &repository, const QSqlDatabase &database,
                           const TenantScope &scope, const QString &roundId,
                           const QList<Response> &responses, ReadTargets readTargets)
{
    const auto found = repository.round(scope, roundId);
    if (!found)
        return found.error();
    const StoredRound &asked = found.value();
    AskedItems items;
    for (const QString &itemId : asked.itemIds)
        items.insert(itemId, api::bankItem(itemId)->index);
    for (const Response &response : responses) {
        if (const StoreStatus checked = checkAnswers(items, response.answers); !checked)
            return checked;
    }

    Transaction transaction(database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("recording responses"), transaction.error());
    ResponseWriter writer(scope, database, asked, items);
    const StoreResult<QList<qint64>> respondents = readTargets(writer);
    if (!respondents) {
        transaction.rollback();
        return respondents.error();
    }
    QList<WrittenResponse> written;
    written.reserve(responses.size());
    for (qsizetype i = 0; i < responses.size(); ++i) {
        const Response &response = responses.at(i);
        written.append({respondents.value().at(i), response.submittedAt, &response.answers});
    }
    if (const StoreStatus wrote = writer.write(written); !wrote) {
        transaction.rollback();
        return wrote;
    }
    return transaction.commit();
}

} // namespace

const QString &roundColumns()
{
    // The counts are kept on the round by addTargets and the first submission
    // of each response, in their transactions: reading them counts no targets.
    static const QString columns =
        QStringLiteral("r.id, r.survey_id, r.number, r.items, r.opens_at, r.closes_at, r.status, "
                       "r.aggregated_at, r.target_count, r.respondent_count, r.seq");
    return columns;
}

StoreResult<StoredRound> roundOfRow(const ScopedQuery &query, int first)
{
    StoredRound round;
    round.id = query.value(first).toString();
    round.surveyId = query.value(first + 1).toString();
    round.number = query.value(first + 2).toInt();
    round.itemIds = itemsFromText(query.value(first + 3).toString());
    round.opensAt = rows::fromMsecs(query.value(first + 4));
    round.closesAt = rows::fromMsecs(query.value(first + 5));
    const auto status = api::roundStatusFromName(query.value(first + 6).toString());
    if (!status)
        return databaseError(QStringLiteral("reading rounds"),
                             QStringLiteral("unknown status in round %1").arg(round.id));
    round.status = *status;
    round.aggregatedAt = query.value(first + 7).toLongLong();
    round.targets = query.value(first + 8).toLongLong();
    round.respondents = query.value(first + 9).toLongLong();
    round.seq = query.value(first + 10).toLongLong();
    return round;
}

QString snapshotText(const QHash<QString, QString> &snapshot)
{
    // Keys sorted, so equal snapshots give equal text, which is what tells
    // one placement from another. Written by hand: QJsonObject's
    // conversions were most of the time of adding a round's targets.
    QStringList keys = snapshot.keys();
    keys.sort();
    QString text = QStringLiteral("{");
    for (const QString &key : std::as_const(keys)) {
        if (text.size() > 1)
            text += u',';
        appendJsonString(text, key);
        text += u':';
        appendJsonString(text, snapshot.value(key));
    }
    text += u'}';
    return text;
}

QHash<QString, QString> snapshotFromText(const QString &text)
{
    QHash<QString, QString> snapshot;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        snapshot.insert(it.key(), it.value().toString());
    return snapshot;
}

PulseRepository::PulseRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<QString> PulseRepository::respondentKey(const TenantScope &scope,
                                                    const QString &memberId)
{
    // Asking the keyring (a query) costs more than the hash: its key is kept
    // with the cache.
    if (m_keysTenant != scope.tenantId() || !m_key) {
        const auto key = m_keyring.current(scope, m_database);
        if (!key)
            return key.error();
        return cachedRespondentKey(scope, key.value(), memberId);
    }
    return cachedRespondentKey(scope, m_key, memberId);
}

QString PulseRepository::cachedRespondentKey(const TenantScope &scope,
                                             const std::shared_ptr<const TenantKey> &key,
                                             const QString &memberId)
{
    if (m_keysTenant != scope.tenantId() || !m_key || m_key->version != key->version) {
        m_keys.clear();
        m_keysTenant = scope.tenantId();
        m_key = key;
    }
    auto found = m_keys.constFind(memberId);
    if (found == m_keys.cend())
        found = m_keys.insert(memberId, respondentKey(*key, memberId));
    return found.value();
}

QString PulseRepository::respondentKey(const TenantKey &key, const QString &memberId)
{
    return crypto::blindIndex(key.indexKey, QString(QStringLiteral("respondent:") + memberId));
}

QString PulseRepository::snapshotTextOf(const RoundTarget &target)
{
    auto found = m_snapshots.find(target.memberId);
    if (found == m_snapshots.end() || !found.value().first.isSharedWith(target.snapshot))
        found =
            m_snapshots.insert(target.memberId, {target.snapshot, snapshotText(target.snapshot)});
    return found.value().second;
}

StoreResult<StoredSurvey> PulseRepository::createSurvey(const TenantScope &scope, SurveyKind kind,
                                                        const QString &name, int cadenceWeeks,
                                                        const QDateTime &at, const QString &id)
{
    StoredSurvey survey;
    survey.id = id.isEmpty() ? api::createId() : id;
    survey.kind = kind;
    survey.name = name;
    survey.cadenceWeeks = cadenceWeeks;
    // The pulse runs from its creation, its rounds carrying their own
    // schedule; a custom survey is built before it is sent (issue 7).
    survey.status = kind == SurveyKind::Pulse ? QStringLiteral("open") : QStringLiteral("draft");
    survey.createdAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO surveys (id, tenant_id, kind, name, cadence_weeks, status, revision, "
        "created_at, updated_at) VALUES (:id, :tenant_id, :kind, :name, :cadence, :status, 1, "
        ":at, :at)"));
    query.bindValue(QStringLiteral(":id"), survey.id);
    query.bindValue(QStringLiteral(":kind"), surveyKindName(kind));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":cadence"), cadenceWeeks);
    query.bindValue(QStringLiteral(":status"), survey.status);
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict, QStringLiteral("the survey id is taken")};
        return databaseError(QStringLiteral("creating a survey"), query.errorText());
    }
    return survey;
}

StoreResult<QList<StoredSurvey>> PulseRepository::surveys(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT id, kind, name, cadence_weeks, status, revision, created_at "
                       "FROM surveys WHERE tenant_id = :tenant_id AND deleted_at IS NULL "
                       "ORDER BY created_at, id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading surveys"), query.errorText());
    QList<StoredSurvey> surveys;
    while (query.next()) {
        StoredSurvey survey;
        survey.id = query.value(0).toString();
        survey.kind = query.value(1).toString() == QLatin1String("pulse") ? SurveyKind::Pulse
                                                                          : SurveyKind::Custom;
        survey.name = query.value(2).toString();
        survey.cadenceWeeks = query.value(3).toInt();
        survey.status = query.value(4).toString();
        survey.revision = query.value(5).toLongLong();
        survey.createdAt = rows::fromMsecs(query.value(6));
        surveys.append(survey);
    }
    return surveys;
}

StoreResult<StoredRound> PulseRepository::createRound(const TenantScope &scope, StoredRound round,
                                                      const QDateTime &at)
{
    for (const QString &itemId : std::as_const(round.itemIds)) {
        if (!api::bankItem(itemId))
            return StoreError{StoreErrorKind::Refused, QStringLiteral("a round of unknown items")};
    }
    ScopedQuery survey(scope, m_database);
    survey.prepare(QStringLiteral("SELECT id FROM surveys WHERE tenant_id = :tenant_id AND "
                                  "id = :id AND deleted_at IS NULL"));
    survey.bindValue(QStringLiteral(":id"), round.surveyId);
    if (!survey.exec())
        return databaseError(QStringLiteral("reading a survey"), survey.errorText());
    if (!survey.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such survey")};
    survey.finish();

    if (round.id.isEmpty())
        round.id = api::createId();
    round.aggregatedAt = 0;
    round.targets = 0;
    round.respondents = 0;
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO survey_rounds (id, tenant_id, survey_id, number, items, opens_at, "
        "closes_at, status, aggregated_at, created_at) VALUES (:id, :tenant_id, :survey, "
        ":number, :items, :opens, :closes, :status, 0, :at)"));
    query.bindValue(QStringLiteral(":id"), round.id);
    query.bindValue(QStringLiteral(":survey"), round.surveyId);
    query.bindValue(QStringLiteral(":number"), round.number);
    query.bindValue(QStringLiteral(":items"), itemsText(round.itemIds));
    query.bindValue(QStringLiteral(":opens"), round.opensAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":closes"), round.closesAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":status"), api::roundStatusName(round.status));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict,
                              QStringLiteral("the survey has a round of this number or id")};
        return databaseError(QStringLiteral("creating a round"), query.errorText());
    }
    round.opensAt = rows::fromMsecs(round.opensAt.toMSecsSinceEpoch());
    round.closesAt = rows::fromMsecs(round.closesAt.toMSecsSinceEpoch());
    return round;
}

StoreResult<StoredRound> PulseRepository::round(const TenantScope &scope, const QString &roundId)
{
    auto query = PreparedStatements::scoped(m_database, scope,
                                            kRoundSelect + QStringLiteral(" AND r.id = :id"));
    query->bindValue(QStringLiteral(":id"), roundId);
    if (!query->exec())
        return databaseError(QStringLiteral("reading a round"), query->errorText());
    if (!query->next())
        return noRound();
    return roundOfRow(*query);
}

StoreResult<QList<StoredRound>> PulseRepository::rounds(const TenantScope &scope)
{
    return roundsWhere(scope, QString());
}

StoreResult<QList<StoredRound>> PulseRepository::pulseRounds(const TenantScope &scope)
{
    return roundsWhere(scope, QStringLiteral(" AND EXISTS (SELECT 1 FROM surveys s WHERE "
                                             "s.tenant_id = :tenant_id AND s.id = r.survey_id "
                                             "AND s.kind = 'pulse')"));
}

StoreResult<QList<StoredRound>> PulseRepository::roundsWhere(const TenantScope &scope,
                                                             const QString &condition)
{
    ScopedQuery query(scope, m_database);
    query.prepare(kRoundSelect + condition +
                  QStringLiteral(" ORDER BY r.closes_at DESC, r.number DESC"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading rounds"), query.errorText());
    QList<StoredRound> rounds;
    while (query.next()) {
        auto round = roundOfRow(query);
        if (!round)
            return round.error();
        rounds.append(std::move(round.value()));
    }
    return rounds;
}

StoreStatus PulseRepository::setRoundStatus(const TenantScope &scope, const QString &roundId,
                                            api::RoundStatus status)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE survey_rounds SET status = :status WHERE "
                                 "tenant_id = :tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":status"), api::roundStatusName(status));
    query.bindValue(QStringLiteral(":id"), roundId);
    if (!query.exec())
        return databaseError(QStringLiteral("changing a round's status"), query.errorText());
    if (query.numRowsAffected() != 1)
        return noRound();
    return Done{};
}

StoreStatus PulseRepository::addTargets(const TenantScope &scope, const QString &roundId,
                                        const QList<RoundTarget> &targets)
{
    const auto found = round(scope, roundId);
    if (!found)
        return found.error();
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("adding round targets"), transaction.error());
    const auto respondents = respondentIds(scope, targets);
    if (!respondents)
        return respondents.error();
    const auto placements = placementIds(scope, targets);
    if (!placements)
        return placements.error();
    JsonRows rows;
    for (qsizetype i = 0; i < targets.size(); ++i)
        rows.row()
            .add(respondents.value().at(i))
            .add(placements.value().at(i))
            .add(targets.at(i).language);
    ScopedQuery insert(scope, m_database);
    if (!insert.prepare(
            QStringLiteral("INSERT INTO round_targets (round_seq, respondent_id, "
                           "tenant_id, placement_id, language) SELECT CAST(:round AS BIGINT), "
                           "CAST(v.value ->> 0 AS BIGINT), :tenant_id, "
                           "CAST(v.value ->> 1 AS BIGINT), v.value ->> 2 FROM ") +
            rowsFrom(m_database)))
        return databaseError(QStringLiteral("adding round targets"), insert.errorText());
    insert.bindValue(QStringLiteral(":round"), found.value().seq);
    if (const StoreStatus ran = runRows(insert, rows, QStringLiteral("adding round targets"));
        !ran) {
        transaction.rollback();
        if (ran.errorKind() == StoreErrorKind::Conflict)
            return StoreError{StoreErrorKind::Conflict,
                              QStringLiteral("a member already targeted by the round")};
        return ran;
    }
    if (const StoreStatus counted =
            addToCounts(scope, m_database, found.value().seq, targets.size(), 0);
        !counted) {
        transaction.rollback();
        return counted;
    }
    return transaction.commit();
}

StoreResult<QList<qint64>> PulseRepository::respondentIds(const TenantScope &scope,
                                                          const QList<RoundTarget> &targets)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    QStringList keys;
    keys.reserve(targets.size());
    JsonRows rows;
    for (const RoundTarget &target : targets) {
        keys.append(cachedRespondentKey(scope, key.value(), target.memberId));
        rows.row().add(keys.last()).add(target.memberId);
    }
    const QString what = QStringLiteral("recording respondents");
    // New respondents first; a member targeted before keeps their row.
    // (WHERE true: SQLite's parser needs a WHERE before ON CONFLICT.)
    ScopedQuery insert(scope, m_database);
    if (!insert.prepare(QStringLiteral("INSERT INTO respondents (tenant_id, respondent_key, "
                                       "member_id) SELECT :tenant_id, v.value ->> 0, "
                                       "v.value ->> 1 FROM ") +
                        rowsFrom(m_database) +
                        QStringLiteral(" WHERE true ON CONFLICT (tenant_id, respondent_key) "
                                       "DO NOTHING")))
        return databaseError(what, insert.errorText());
    if (const StoreStatus ran = runRows(insert, rows, what); !ran)
        return ran.error();

    for (const QString &respondent : std::as_const(keys))
        rows.row().add(respondent);
    ScopedQuery select(scope, m_database);
    select.setForwardOnly(true);
    if (!select.prepare(QStringLiteral("SELECT p.respondent_key, p.id FROM ") +
                        rowsFrom(m_database) +
                        QStringLiteral(" CROSS JOIN respondents p WHERE p.tenant_id = :tenant_id "
                                       "AND p.respondent_key = v.value ->> 0")))
        return databaseError(what, select.errorText());
    QHash<QString, qint64> byKey;
    if (const StoreStatus ran = runRows(select, rows, what,
                                        [&byKey](const ScopedQuery &query) {
                                            byKey.insert(query.value(0).toString(),
                                                         query.value(1).toLongLong());
                                        });
        !ran)
        return ran.error();
    QList<qint64> ids;
    ids.reserve(keys.size());
    for (const QString &respondent : std::as_const(keys))
        ids.append(byKey.value(respondent));
    return ids;
}

StoreResult<QList<qint64>> PulseRepository::placementIds(const TenantScope &scope,
                                                         const QList<RoundTarget> &targets)
{
    // A tenant has few placements (groups times the snapshots they hold), so
    // they are read whole, before and after adding the batch's new ones.
    QHash<QString, qint64> known;
    const auto read = [&]() -> StoreStatus {
        ScopedQuery query(scope, m_database);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral(
            "SELECT group_id, snapshot, id FROM placements WHERE tenant_id = :tenant_id"));
        if (!query.exec())
            return databaseError(QStringLiteral("reading placements"), query.errorText());
        while (query.next())
            known.insert(query.value(0).toString() + QChar(u'\x1f') + query.value(1).toString(),
                         query.value(2).toLongLong());
        return Done{};
    };
    if (const StoreStatus first = read(); !first)
        return first.error();
    QStringList placements;
    placements.reserve(targets.size());
    JsonRows adding;
    QSet<QString> added;
    for (const RoundTarget &target : targets) {
        const QString snapshot = snapshotTextOf(target);
        const QString placement = target.groupId + QChar(u'\x1f') + snapshot;
        placements.append(placement);
        if (known.contains(placement) || added.contains(placement))
            continue;
        added.insert(placement);
        adding.row().add(target.groupId).add(snapshot);
    }
    if (!adding.isEmpty()) {
        const QString what = QStringLiteral("recording placements");
        ScopedQuery insert(scope, m_database);
        if (!insert.prepare(QStringLiteral("INSERT INTO placements (tenant_id, group_id, "
                                           "snapshot) SELECT :tenant_id, v.value ->> 0, "
                                           "v.value ->> 1 FROM ") +
                            rowsFrom(m_database) +
                            QStringLiteral(" WHERE true ON CONFLICT (tenant_id, group_id, "
                                           "snapshot) DO NOTHING")))
            return databaseError(what, insert.errorText());
        if (const StoreStatus ran = runRows(insert, adding, what); !ran)
            return ran.error();
        if (const StoreStatus again = read(); !again)
            return again.error();
    }
    QList<qint64> ids;
    ids.reserve(placements.size());
    for (const QString &placement : std::as_const(placements))
        ids.append(known.value(placement));
    return ids;
}

StoreResult<QString> PulseRepository::submit(const TenantScope &scope, const QString &roundId,
                                             const QString &memberId,
                                             const QList<SubmittedAnswer> &answers,
                                             const QDateTime &at)
{
    const auto key = respondentKey(scope, memberId);
    if (!key)
        return key.error();
    const StoreStatus written =
        submitMany(scope, roundId, {BulkResponse{key.value(), at, answers}});
    if (!written)
        return written.error();
    return roundId;
}

StoreResult<qint64> PulseRepository::recordResponse(const TenantScope &scope,
                                                    const QString &roundId, const QString &memberId,
                                                    const QDateTime &at)
{
    const auto key = respondentKey(scope, memberId);
    if (!key)
        return key.error();
    const auto found = round(scope, roundId);
    if (!found)
        return found.error();
    const AskedItems none;
    const QList<SubmittedAnswer> noAnswers;
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("recording a response"), transaction.error());
    ResponseWriter writer(scope, m_database, found.value(), none);
    const auto respondents = writer.readTargetsByKey({key.value()});
    if (!respondents) {
        transaction.rollback();
        return respondents.error();
    }
    const qint64 respondentId = respondents.value().constFirst();
    if (const StoreStatus written = writer.write({{respondentId, at, &noAnswers}}); !written) {
        transaction.rollback();
        return written.error();
    }
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return writer.responseId(respondentId);
}

StoreStatus PulseRepository::submitMany(const TenantScope &scope, const QString &roundId,
                                        const QList<BulkResponse> &responses)
{
    QStringList keys;
    keys.reserve(responses.size());
    for (const BulkResponse &response : responses)
        keys.append(response.respondentKey);
    return writeResponses(
        *this, m_database, scope, roundId, responses,
        [&keys](ResponseWriter &writer) { return writer.readTargetsByKey(keys); });
}

StoreStatus PulseRepository::submitLinked(const TenantScope &scope, const QString &roundId,
                                          const QList<LinkedResponse> &responses)
{
    QList<qint64> ids;
    ids.reserve(responses.size());
    for (const LinkedResponse &response : responses)
        ids.append(response.respondentId);
    return writeResponses(*this, m_database, scope, roundId, responses,
                          [&ids](ResponseWriter &writer) -> StoreResult<QList<qint64>> {
                              if (const StoreStatus read = writer.readTargets(ids); !read)
                                  return read.error();
                              return ids;
                          });
}

StoreResult<QList<PulseRepository::TargetRow>> PulseRepository::targets(const TenantScope &scope,
                                                                        const QString &roundId)
{
    const auto found = round(scope, roundId);
    if (!found)
        return found.error();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT p.respondent_key, l.group_id, l.snapshot, t.responded_at FROM round_targets t "
        "JOIN respondents p ON p.id = t.respondent_id JOIN placements l ON l.id = t.placement_id "
        "WHERE t.tenant_id = :tenant_id AND t.round_seq = :round ORDER BY p.respondent_key"));
    query.bindValue(QStringLiteral(":round"), found.value().seq);
    if (!query.exec())
        return databaseError(QStringLiteral("reading round targets"), query.errorText());
    QList<TargetRow> targets;
    while (query.next()) {
        TargetRow row;
        row.respondentKey = query.value(0).toString();
        row.groupId = query.value(1).toString();
        row.snapshot = snapshotFromText(query.value(2).toString());
        row.responded = !query.value(3).isNull();
        targets.append(std::move(row));
    }
    return targets;
}

StoreResult<QList<StoredAnswer>> PulseRepository::answers(const TenantScope &scope,
                                                          const QString &surveyId,
                                                          qint64 fromExclusive, qint64 toInclusive)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT p.respondent_key, s.id, a.item, a.value, COALESCE(a.answered_at, r.answered_at) "
        "FROM responses r JOIN answers a ON a.response_id = r.id JOIN respondents p ON "
        "p.id = r.respondent_id JOIN survey_rounds s ON s.seq = r.round_seq WHERE "
        "r.tenant_id = :tenant_id AND COALESCE(a.answered_at, r.answered_at) > :from AND "
        "COALESCE(a.answered_at, r.answered_at) <= :to AND s.survey_id = :survey ORDER BY "
        "COALESCE(a.answered_at, r.answered_at), p.respondent_key, a.item"));
    query.bindValue(QStringLiteral(":from"), fromExclusive);
    query.bindValue(QStringLiteral(":to"), toInclusive);
    query.bindValue(QStringLiteral(":survey"), surveyId);
    if (!query.exec())
        return databaseError(QStringLiteral("reading answers"), query.errorText());
    QList<StoredAnswer> answers;
    while (query.next())
        answers.append(StoredAnswer{query.value(0).toString(), query.value(1).toString(),
                                    query.value(2).toInt(), query.value(3).toInt(),
                                    query.value(4).toLongLong()});
    return answers;
}

StoreStatus PulseRepository::forgetMember(const TenantScope &scope, const QString &memberId)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE respondents SET member_id = NULL WHERE "
                                 "tenant_id = :tenant_id AND member_id = :member"));
    query.bindValue(QStringLiteral(":member"), memberId);
    if (!query.exec())
        return databaseError(QStringLiteral("forgetting a member's targets"), query.errorText());
    return Done{};
}

} // namespace engage::server::store
