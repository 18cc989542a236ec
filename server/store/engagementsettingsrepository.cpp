#include "engagementsettingsrepository.h"

#include "api/id.h"
#include "keyring.h"
#include "personrepository.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>
#include <optional>

namespace engage::server::store {

namespace {

const QString kMemoTable = QStringLiteral("engagement_memos");
const QString kTextColumn = QStringLiteral("text");

StoreError changed(const QString &what)
{
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the %1 changed").arg(what)};
}

// The routes validate first; values that still fail here are a programming
// error, refused like unscoped SQL.
StoreError refused(const api::Error &error)
{
    return StoreError{StoreErrorKind::Refused,
                      QStringLiteral("invalid %1: %2").arg(error.field, error.detail)};
}

QString benchmarksText(const QList<api::Benchmark> &values)
{
    QJsonObject object;
    for (const api::Benchmark &benchmark : values)
        object.insert(api::factorId(benchmark.factor), benchmark.value);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// In allFactors() order, whatever order the JSON object keeps.
QList<api::Benchmark> benchmarksFromText(const QString &text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    QList<api::Benchmark> values;
    for (const api::Factor factor : api::allFactors()) {
        const QJsonValue value = object.value(api::factorId(factor));
        if (value.isDouble())
            values.append({factor, value.toDouble()});
    }
    return values;
}

struct SettingsRow
{
    bool exists = false;
    api::EngagementSettings settings;
    api::BenchmarkSet benchmarks;
};

StoreResult<SettingsRow> readSettings(const TenantScope &scope, const QSqlDatabase &database)
{
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral(
        "SELECT anonymity_threshold, validity_days, benchmark_label, benchmarks, "
        "settings_revision, benchmarks_revision FROM engagement_settings WHERE tenant_id = "
        ":tenant_id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading engagement settings"), query.errorText());
    SettingsRow row;
    if (!query.next())
        return row;
    row.exists = true;
    row.settings.anonymityThreshold = query.value(0).toInt();
    row.settings.validityDays = query.value(1).toInt();
    row.benchmarks.label = query.value(2).toString();
    row.benchmarks.values = benchmarksFromText(query.value(3).toString());
    row.settings.revision = query.value(4).toLongLong();
    row.benchmarks.revision = query.value(5).toLongLong();
    return row;
}

// Writes `next` over `current` (the row read in the same transaction):
// inserts the tenant's row on its first write, otherwise updates it where
// both revisions are still those read, so a concurrent write of either half
// makes this one a Conflict rather than undoing it.
StoreStatus writeSettings(const TenantScope &scope, const QSqlDatabase &database,
                          const SettingsRow &current, const SettingsRow &next, const QString &what)
{
    ScopedQuery query(scope, database);
    if (current.exists) {
        query.prepare(QStringLiteral(
            "UPDATE engagement_settings SET anonymity_threshold = :threshold, validity_days = "
            ":validity, benchmark_label = :label, benchmarks = :benchmarks, settings_revision = "
            ":settings_revision, benchmarks_revision = :benchmarks_revision WHERE tenant_id = "
            ":tenant_id AND settings_revision = :read_settings AND benchmarks_revision = "
            ":read_benchmarks"));
        query.bindValue(QStringLiteral(":read_settings"), current.settings.revision);
        query.bindValue(QStringLiteral(":read_benchmarks"), current.benchmarks.revision);
    } else {
        query.prepare(QStringLiteral(
            "INSERT INTO engagement_settings (tenant_id, anonymity_threshold, validity_days, "
            "benchmark_label, benchmarks, settings_revision, benchmarks_revision) VALUES "
            "(:tenant_id, :threshold, :validity, :label, :benchmarks, :settings_revision, "
            ":benchmarks_revision)"));
    }
    query.bindValue(QStringLiteral(":threshold"), next.settings.anonymityThreshold);
    query.bindValue(QStringLiteral(":validity"), next.settings.validityDays);
    // A label never set is a null QString, which would bind as NULL.
    query.bindValue(QStringLiteral(":label"),
                    next.benchmarks.label.isNull() ? QStringLiteral("") : next.benchmarks.label);
    query.bindValue(QStringLiteral(":benchmarks"), benchmarksText(next.benchmarks.values));
    query.bindValue(QStringLiteral(":settings_revision"), next.settings.revision);
    query.bindValue(QStringLiteral(":benchmarks_revision"), next.benchmarks.revision);
    if (!query.exec())
        return databaseError(what, query.errorText());
    if (query.numRowsAffected() != 1)
        return changed(QStringLiteral("engagement settings"));
    return Done{};
}

// Reads the tenant's row, lets `change` turn it into the next one (or
// refuse), and writes it, in one transaction: settings and benchmarks share
// the row and each guards its own half with its revision.
StoreResult<SettingsRow>
updateSettingsRow(const TenantScope &scope, const QSqlDatabase &database, const QString &thing,
                  const std::function<std::optional<StoreError>(SettingsRow &)> &change)
{
    const QString what = QStringLiteral("updating ") + thing;
    Transaction transaction(database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());
    const auto current = readSettings(scope, database);
    if (!current)
        return current.error();
    SettingsRow next = current.value();
    if (auto refusal = change(next))
        return *refusal;
    const StoreStatus written = writeSettings(scope, database, current.value(), next, what);
    if (!written)
        return written.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return next;
}

} // namespace

// ---- settings and benchmarks ----------------------------------------------

EngagementSettingsRepository::EngagementSettingsRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<api::EngagementSettings>
EngagementSettingsRepository::settings(const TenantScope &scope)
{
    const auto row = readSettings(scope, m_database);
    if (!row)
        return row.error();
    return row.value().settings;
}

StoreResult<api::EngagementSettings>
EngagementSettingsRepository::updateSettings(const TenantScope &scope, qint64 expectedRevision,
                                             const api::EngagementSettings &settings)
{
    if (const auto error = api::validateEngagementSettings(settings))
        return refused(*error);
    const auto next =
        updateSettingsRow(scope, m_database, QStringLiteral("engagement settings"),
                          [&](SettingsRow &row) -> std::optional<StoreError> {
                              if (row.settings.revision != expectedRevision)
                                  return changed(QStringLiteral("engagement settings"));
                              row.settings = settings;
                              row.settings.revision = expectedRevision + 1;
                              return std::nullopt;
                          });
    if (!next)
        return next.error();
    return next.value().settings;
}

StoreResult<api::BenchmarkSet> EngagementSettingsRepository::benchmarks(const TenantScope &scope)
{
    const auto row = readSettings(scope, m_database);
    if (!row)
        return row.error();
    return row.value().benchmarks;
}

StoreResult<api::BenchmarkSet>
EngagementSettingsRepository::updateBenchmarks(const TenantScope &scope, qint64 expectedRevision,
                                               const api::BenchmarkSet &benchmarks)
{
    if (const auto error = api::validateBenchmarkSet(benchmarks))
        return refused(*error);
    const auto next = updateSettingsRow(scope, m_database, QStringLiteral("benchmarks"),
                                        [&](SettingsRow &row) -> std::optional<StoreError> {
                                            if (row.benchmarks.revision != expectedRevision)
                                                return changed(QStringLiteral("benchmarks"));
                                            row.benchmarks.label = benchmarks.label;
                                            row.benchmarks.values = benchmarksFromText(
                                                benchmarksText(benchmarks.values));
                                            row.benchmarks.revision = expectedRevision + 1;
                                            return std::nullopt;
                                        });
    if (!next)
        return next.error();
    return next.value().benchmarks;
}

// ---- memos ----------------------------------------------------------------

namespace {

const QString kMemoColumns = QStringLiteral(
    "id, author_id, key_version, memo_date, text_sealed, shared, revision FROM engagement_memos");

StoreError memoNotFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such memo")};
}

struct MemoRow
{
    QString id;
    QString authorId;
    int keyVersion = 0;
    QDate date;
    QByteArray textSealed;
    bool shared = false;
    qint64 revision = 0;
};

MemoRow memoRow(const ScopedQuery &query)
{
    MemoRow row;
    row.id = query.value(0).toString();
    row.authorId = query.value(1).toString();
    row.keyVersion = query.value(2).toInt();
    row.date = QDate::fromString(query.value(3).toString(), Qt::ISODate);
    row.textSealed = query.value(4).toByteArray();
    row.shared = query.value(5).toInt() != 0;
    row.revision = query.value(6).toLongLong();
    return row;
}

// The memo of `row` as `viewerId` sees it, its text opened; no author name yet.
StoreResult<api::Memo> openMemo(const TenantScope &scope, const QSqlDatabase &database,
                                Keyring &keyring, const MemoRow &row, const QString &viewerId)
{
    const auto key = keyring.version(scope, database, row.keyVersion);
    if (!key)
        return key.error();
    const auto text =
        rows::RowSealer(scope, *key.value(), kMemoTable, row.id).open(kTextColumn, row.textSealed);
    if (!text)
        return StoreError{StoreErrorKind::Crypto, QStringLiteral("a memo does not open")};
    api::Memo memo;
    memo.id = row.id;
    memo.fields = api::MemoFields{row.date, *text, row.shared};
    memo.authorId = row.authorId;
    memo.mine = row.authorId == viewerId;
    memo.revision = row.revision;
    return memo;
}

// Authors' names, opened once per author for a list.
class AuthorNames final
{
public:
    AuthorNames(const QSqlDatabase &database, Keyring &keyring)
        : m_people(database, keyring)
    {}

    // Empty for an author deleted since: the memo stays, its author's name is gone.
    StoreResult<QString> name(const TenantScope &scope, const QString &personId)
    {
        const auto known = m_names.constFind(personId);
        if (known != m_names.constEnd())
            return *known;
        const auto person = m_people.get(scope, personId);
        if (!person && person.errorKind() != StoreErrorKind::NotFound)
            return person.error();
        const QString name = person ? person.value().person.displayName : QString();
        m_names.insert(personId, name);
        return name;
    }

private:
    PersonRepository m_people;
    QHash<QString, QString> m_names;
};

} // namespace

MemoRepository::MemoRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<api::Memo> MemoRepository::create(const TenantScope &scope, const QString &authorId,
                                              const api::MemoFields &fields, const QDateTime &at)
{
    if (const auto error = api::validateMemoFields(fields))
        return refused(*error);
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    api::Memo memo;
    memo.id = api::createId();
    memo.fields = fields;
    memo.authorId = authorId;
    memo.mine = true;
    memo.revision = 1;
    const rows::RowSealer sealer(scope, *key.value(), kMemoTable, memo.id);
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO engagement_memos (id, tenant_id, author_id, key_version, memo_date, "
        "text_sealed, shared, revision, created_at, updated_at) VALUES (:id, :tenant_id, "
        ":author_id, :key_version, :memo_date, :text_sealed, :shared, 1, :created_at, "
        ":updated_at)"));
    insert.bindValue(QStringLiteral(":id"), memo.id);
    insert.bindValue(QStringLiteral(":author_id"), authorId);
    insert.bindValue(QStringLiteral(":key_version"), sealer.keyVersion());
    insert.bindValue(QStringLiteral(":memo_date"), fields.date.toString(Qt::ISODate));
    insert.bindValue(QStringLiteral(":text_sealed"), sealer.seal(kTextColumn, fields.text));
    insert.bindValue(QStringLiteral(":shared"), fields.shared ? 1 : 0);
    insert.bindValue(QStringLiteral(":created_at"), at.toMSecsSinceEpoch());
    insert.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
    if (!insert.exec())
        return databaseError(QStringLiteral("creating a memo"), insert.errorText());
    auto name = AuthorNames(m_database, m_keyring).name(scope, authorId);
    if (!name)
        return name.error();
    memo.authorName = name.value();
    return memo;
}

StoreResult<QList<api::Memo>> MemoRepository::list(const TenantScope &scope,
                                                   const QString &viewerId, const QDate &from,
                                                   const QDate &to)
{
    // ISO dates compare as text, so the bounds are plain string comparisons.
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kMemoColumns +
                  QStringLiteral(" WHERE tenant_id = :tenant_id AND deleted_at IS NULL") +
                  (from.isValid() ? QStringLiteral(" AND memo_date >= :from") : QString()) +
                  (to.isValid() ? QStringLiteral(" AND memo_date <= :to") : QString()) +
                  QStringLiteral(" ORDER BY memo_date, created_at, id"));
    if (from.isValid())
        query.bindValue(QStringLiteral(":from"), from.toString(Qt::ISODate));
    if (to.isValid())
        query.bindValue(QStringLiteral(":to"), to.toString(Qt::ISODate));
    if (!query.exec())
        return databaseError(QStringLiteral("listing memos"), query.errorText());
    QList<MemoRow> rows;
    while (query.next()) {
        MemoRow row = memoRow(query);
        // Another's private memo is not opened at all.
        if (row.shared || row.authorId == viewerId)
            rows.append(std::move(row));
    }
    query.finish();
    AuthorNames names(m_database, m_keyring);
    QList<api::Memo> memos;
    memos.reserve(rows.size());
    for (const MemoRow &row : rows) {
        auto memo = openMemo(scope, m_database, m_keyring, row, viewerId);
        if (!memo)
            return memo.error();
        auto name = names.name(scope, row.authorId);
        if (!name)
            return name.error();
        memo.value().authorName = name.value();
        memos.append(std::move(memo.value()));
    }
    return memos;
}

StoreResult<api::Memo> MemoRepository::get(const TenantScope &scope, const QString &viewerId,
                                           const QString &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kMemoColumns +
                  QStringLiteral(" WHERE tenant_id = :tenant_id AND id = :id AND deleted_at "
                                 "IS NULL"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a memo"), query.errorText());
    if (!query.next())
        return memoNotFound();
    const MemoRow row = memoRow(query);
    query.finish();
    if (!row.shared && row.authorId != viewerId)
        return memoNotFound();
    auto memo = openMemo(scope, m_database, m_keyring, row, viewerId);
    if (!memo)
        return memo.error();
    auto name = AuthorNames(m_database, m_keyring).name(scope, row.authorId);
    if (!name)
        return name.error();
    memo.value().authorName = name.value();
    return memo;
}

StoreResult<api::Memo> MemoRepository::update(const TenantScope &scope, const QString &authorId,
                                              const QString &id, qint64 expectedRevision,
                                              const api::MemoFields &fields, const QDateTime &at)
{
    if (const auto error = api::validateMemoFields(fields))
        return refused(*error);
    const QString what = QStringLiteral("updating a memo");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());
    const auto current = get(scope, authorId, id);
    if (!current)
        return current.error();
    if (current.value().authorId != authorId)
        return memoNotFound();
    if (current.value().revision != expectedRevision)
        return changed(QStringLiteral("memo"));
    // Sealed again under the current key version: a row has one key_version.
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    const rows::RowSealer sealer(scope, *key.value(), kMemoTable, id);
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE engagement_memos SET memo_date = :memo_date, text_sealed = :text_sealed, "
        "key_version = :key_version, shared = :shared, updated_at = :updated_at, revision = "
        "revision + 1 WHERE tenant_id = :tenant_id AND id = :id AND author_id = :author_id AND "
        "revision = :revision AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":memo_date"), fields.date.toString(Qt::ISODate));
    query.bindValue(QStringLiteral(":text_sealed"), sealer.seal(kTextColumn, fields.text));
    query.bindValue(QStringLiteral(":key_version"), sealer.keyVersion());
    query.bindValue(QStringLiteral(":shared"), fields.shared ? 1 : 0);
    query.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":author_id"), authorId);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(what, query.errorText());
    if (query.numRowsAffected() != 1)
        return changed(QStringLiteral("memo"));
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    api::Memo memo = current.value();
    memo.fields = fields;
    memo.revision = expectedRevision + 1;
    return memo;
}

StoreStatus MemoRepository::remove(const TenantScope &scope, const QString &authorId,
                                   const QString &id, qint64 expectedRevision, const QDateTime &at)
{
    const QString what = QStringLiteral("deleting a memo");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());
    const auto current = get(scope, authorId, id);
    if (!current)
        return current.error();
    if (current.value().authorId != authorId)
        return memoNotFound();
    const auto marked = rows::markDeleted(scope, m_database, kMemoTable, {}, id, expectedRevision,
                                          at.toMSecsSinceEpoch(), what);
    if (!marked)
        return marked.error();
    if (!marked.value())
        return changed(QStringLiteral("memo"));
    return transaction.commit();
}

} // namespace engage::server::store
