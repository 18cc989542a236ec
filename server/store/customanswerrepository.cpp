#include "customanswerrepository.h"

#include "keyring.h"
#include "preparedstatements.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace engage::server::store {

namespace {

const QString kTable = QStringLiteral("custom_answers");
const QString kTextColumn = QStringLiteral("text_sealed");

// The sealer of one answer's text: the associated data names the response
// and the question, so a sealed text moved to another answer does not open.
rows::RowSealer sealerFor(const TenantScope &scope, const TenantKey &key, qint64 responseId,
                          const QString &questionId)
{
    return rows::RowSealer(scope, key, kTable,
                           QString::number(responseId) + QLatin1Char('/') + questionId);
}

QString choicesText(const QList<int> &choices)
{
    QJsonArray array;
    for (int choice : choices)
        array.append(choice);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<int> choicesFromText(const QString &text)
{
    QList<int> choices;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        choices.append(value.toInt());
    return choices;
}

StoreError failed(const char *what, const ScopedQuery &query)
{
    return databaseError(QString::fromLatin1(what), query.errorText());
}

} // namespace

CustomAnswerRepository::CustomAnswerRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<RoundSurvey> CustomAnswerRepository::roundSurvey(const TenantScope &scope,
                                                             const QString &roundId)
{
    // One statement: the respondent page reads both for every request.
    auto query = PreparedStatements::scoped(
        m_database, scope,
        QStringLiteral("SELECT s.kind, s.name, s.definition, s.revision, s.updated_at, ") +
            roundColumns() +
            QStringLiteral(" FROM survey_rounds r JOIN surveys s ON s.id = r.survey_id WHERE "
                           "r.tenant_id = :tenant_id AND r.id = :id"));
    query->bindValue(QStringLiteral(":id"), roundId);
    if (!query->exec())
        return failed("reading a round and its survey", *query);
    if (!query->next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such round")};
    auto round = roundOfRow(*query, 5);
    if (!round)
        return round.error();
    RoundSurvey survey;
    survey.round = round.value();
    survey.kind = query->value(0).toString() == QLatin1String("custom") ? SurveyKind::Custom
                                                                        : SurveyKind::Pulse;
    survey.name = query->value(1).toString();
    survey.definition = query->value(2).toString().toUtf8();
    survey.surveyRevision = query->value(3).toLongLong();
    survey.surveyUpdatedAt = query->value(4).toLongLong();
    return survey;
}

StoreResult<qint64> CustomAnswerRepository::submit(const TenantScope &scope, const QString &roundId,
                                                   const QString &memberId,
                                                   const QList<api::Question> &questions,
                                                   const QList<api::RespondentAnswer> &answers,
                                                   const QDateTime &at)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    QHash<QString, const api::RespondentAnswer *> byQuestion;
    for (const api::RespondentAnswer &answer : answers)
        byQuestion.insert(answer.questionId, &answer);

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("recording a response"), transaction.error());
    const auto response =
        PulseRepository(m_database, m_keyring).recordResponse(scope, roundId, memberId, at);
    if (!response) {
        transaction.rollback();
        return response.error();
    }
    const qint64 responseId = response.value();
    // Through the response, so only the tenant's take answers. Portable
    // upsert (SQLite 3.24+, PostgreSQL).
    auto upsert = PreparedStatements::scoped(
        m_database, scope,
        QStringLiteral(
            "INSERT INTO custom_answers (response_id, question_id, value, choices, text_sealed) "
            "SELECT r.id, :question, :value, :choices, :text FROM responses r WHERE "
            "r.tenant_id = :tenant_id AND r.id = :response ON CONFLICT (response_id, "
            "question_id) DO UPDATE SET value = excluded.value, choices = excluded.choices, "
            "text_sealed = excluded.text_sealed"));
    const QVariant noInteger(QMetaType::fromType<int>());
    const QVariant noText(QMetaType::fromType<QString>());
    const QVariant noBytes(QMetaType::fromType<QByteArray>());
    for (const api::Question &question : questions) {
        const api::RespondentAnswer *answer = byQuestion.value(question.id);
        upsert->bindValue(QStringLiteral(":question"), question.id);
        upsert->bindValue(QStringLiteral(":response"), responseId);
        upsert->bindValue(QStringLiteral(":value"),
                          answer && answer->value ? QVariant(*answer->value) : noInteger);
        upsert->bindValue(QStringLiteral(":choices"), answer && !answer->choices.isEmpty()
                                                          ? QVariant(choicesText(answer->choices))
                                                          : noText);
        QVariant text = noBytes;
        if (answer && answer->text && !answer->text->trimmed().isEmpty()) {
            const TenantKey &current = *key.value();
            text = rows::withKeyVersion(current.version,
                                        sealerFor(scope, current, responseId, question.id)
                                            .seal(kTextColumn, *answer->text));
        }
        upsert->bindValue(QStringLiteral(":text"), text);
        if (!upsert->exec()) {
            transaction.rollback();
            return failed("recording custom answers", *upsert);
        }
    }
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return responseId;
}

StoreResult<QList<StoredCustomAnswer>> CustomAnswerRepository::answers(const TenantScope &scope,
                                                                       const QString &roundId)
{
    const auto round = PulseRepository(m_database, m_keyring).round(scope, roundId);
    if (!round)
        return round.error();
    ScopedQuery query(scope, m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT c.response_id, c.question_id, c.value, c.choices, c.text_sealed FROM responses r "
        "JOIN custom_answers c ON c.response_id = r.id WHERE r.tenant_id = :tenant_id AND "
        "r.round_seq = :round ORDER BY c.response_id, c.question_id"));
    query.bindValue(QStringLiteral(":round"), round.value().seq);
    if (!query.exec())
        return failed("reading custom answers", query);
    QList<StoredCustomAnswer> stored;
    while (query.next()) {
        StoredCustomAnswer row;
        row.responseId = query.value(0).toLongLong();
        row.answer.questionId = query.value(1).toString();
        if (!query.value(2).isNull())
            row.answer.value = query.value(2).toInt();
        if (!query.value(3).isNull())
            row.answer.choices = choicesFromText(query.value(3).toString());
        if (!query.value(4).isNull()) {
            const auto sealed = rows::splitKeyVersion(query.value(4).toByteArray());
            if (!sealed)
                return StoreError{StoreErrorKind::Crypto, QStringLiteral("a truncated answer")};
            const auto key = m_keyring.version(scope, m_database, sealed->first);
            if (!key)
                return key.error();
            const auto text = sealerFor(scope, *key.value(), row.responseId, row.answer.questionId)
                                  .open(kTextColumn, sealed->second);
            if (!text)
                return StoreError{StoreErrorKind::Crypto,
                                  QStringLiteral("an answer's text does not open")};
            row.answer.text = *text;
        }
        if (row.answer.value || !row.answer.choices.isEmpty() || row.answer.text)
            stored.append(std::move(row));
    }
    return stored;
}

} // namespace engage::server::store
