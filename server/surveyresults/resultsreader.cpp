#include "resultsreader.h"

#include "store/keyring.h"
#include "store/pulserepository.h"
#include "store/rowsupport.h"
#include "store/scopedquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace engage::server::surveyresults {

namespace {

using store::ScopedQuery;
using store::StoreError;
using store::StoreErrorKind;

StoreError failed(const char *what, const ScopedQuery &query)
{
    return store::databaseError(QString::fromLatin1(what), query.errorText());
}

// The binding CustomAnswerRepository seals each text under (table, column,
// and "<response id>/<question id>" as the row): tst_surveyresultsroutes
// opens texts that repository sealed, so the two cannot drift apart unseen.
std::optional<QString> openText(const store::TenantScope &scope, const store::TenantKey &key,
                                qint64 responseId, const QString &questionId,
                                const QByteArray &sealed)
{
    return store::rows::RowSealer(scope, key, QStringLiteral("custom_answers"),
                                  QString::number(responseId) + QLatin1Char('/') + questionId)
        .open(QStringLiteral("text_sealed"), sealed);
}

// Option indexes as stored (a JSON array); anything else reads as none.
QList<int> choicesFromText(const QString &text)
{
    QList<int> choices;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        if (value.isDouble())
            choices.append(value.toInt(-1));
    }
    return choices;
}

} // namespace

ResultsReader::ResultsReader(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

store::StoreResult<QList<ResultsPlacement>>
ResultsReader::placements(const store::TenantScope &scope, qint64 roundSeq)
{
    QHash<qint64, ResultsPlacement> byId;
    ScopedQuery targets(scope, m_database);
    targets.prepare(QStringLiteral(
        "SELECT t.placement_id, COUNT(*) FROM round_targets t WHERE t.tenant_id = :tenant_id AND "
        "t.round_seq = :round GROUP BY t.placement_id"));
    targets.bindValue(QStringLiteral(":round"), roundSeq);
    if (!targets.exec())
        return failed("counting a round's targets", targets);
    while (targets.next()) {
        ResultsPlacement &placement = byId[targets.value(0).toLongLong()];
        placement.targets = targets.value(1).toLongLong();
    }
    // A response is placed as its target was, so its placement is among them.
    ScopedQuery responses(scope, m_database);
    responses.prepare(QStringLiteral(
        "SELECT r.placement_id, COUNT(*) FROM responses r WHERE r.tenant_id = :tenant_id AND "
        "r.round_seq = :round GROUP BY r.placement_id"));
    responses.bindValue(QStringLiteral(":round"), roundSeq);
    if (!responses.exec())
        return failed("counting a round's responses", responses);
    while (responses.next())
        byId[responses.value(0).toLongLong()].respondents = responses.value(1).toLongLong();

    ScopedQuery places(scope, m_database);
    places.prepare(QStringLiteral(
        "SELECT l.id, l.group_id, l.snapshot FROM placements l WHERE l.tenant_id = :tenant_id AND "
        "l.id IN (SELECT t.placement_id FROM round_targets t WHERE t.tenant_id = :tenant_id AND "
        "t.round_seq = :round) ORDER BY l.id"));
    places.bindValue(QStringLiteral(":round"), roundSeq);
    if (!places.exec())
        return failed("reading a round's placements", places);
    QList<ResultsPlacement> answer;
    answer.reserve(byId.size());
    while (places.next()) {
        ResultsPlacement placement = byId.value(places.value(0).toLongLong());
        placement.id = places.value(0).toLongLong();
        placement.groupId = places.value(1).toString();
        placement.snapshot = store::snapshotFromText(places.value(2).toString());
        answer.append(std::move(placement));
    }
    return answer;
}

store::StoreResult<QList<ResultsAnswer>> ResultsReader::answers(const store::TenantScope &scope,
                                                                qint64 roundSeq)
{
    ScopedQuery query(scope, m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT c.response_id, r.placement_id, c.question_id, c.value, c.choices, "
        "c.text_sealed IS NOT NULL FROM responses r JOIN custom_answers c ON c.response_id = r.id "
        "WHERE r.tenant_id = :tenant_id AND r.round_seq = :round"));
    query.bindValue(QStringLiteral(":round"), roundSeq);
    if (!query.exec())
        return failed("reading custom answers", query);
    QList<ResultsAnswer> answers;
    while (query.next()) {
        ResultsAnswer row;
        row.responseId = query.value(0).toLongLong();
        row.placementId = query.value(1).toLongLong();
        row.questionId = query.value(2).toString();
        if (!query.value(3).isNull())
            row.value = query.value(3).toInt();
        if (!query.value(4).isNull())
            row.choices = choicesFromText(query.value(4).toString());
        row.hasText = query.value(5).toBool();
        if (row.value || !row.choices.isEmpty() || row.hasText)
            answers.append(std::move(row));
    }
    return answers;
}

store::StoreResult<QStringList> ResultsReader::texts(const store::TenantScope &scope,
                                                     qint64 roundSeq, const QString &questionId,
                                                     const QSet<qint64> &responseIds)
{
    ScopedQuery query(scope, m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT c.response_id, c.text_sealed FROM responses r JOIN custom_answers c ON "
        "c.response_id = r.id WHERE r.tenant_id = :tenant_id AND r.round_seq = :round AND "
        "c.question_id = :question AND c.text_sealed IS NOT NULL"));
    query.bindValue(QStringLiteral(":round"), roundSeq);
    query.bindValue(QStringLiteral(":question"), questionId);
    if (!query.exec())
        return failed("reading free-text answers", query);
    QStringList texts;
    while (query.next()) {
        const qint64 responseId = query.value(0).toLongLong();
        if (!responseIds.contains(responseId))
            continue;
        const auto sealed = store::rows::splitKeyVersion(query.value(1).toByteArray());
        if (!sealed)
            return StoreError{StoreErrorKind::Crypto, QStringLiteral("a truncated answer")};
        const auto key = m_keyring.version(scope, m_database, sealed->first);
        if (!key)
            return key.error();
        const auto text = openText(scope, *key.value(), responseId, questionId, sealed->second);
        if (!text)
            return StoreError{StoreErrorKind::Crypto,
                              QStringLiteral("an answer's text does not open")};
        texts.append(*text);
    }
    return texts;
}

} // namespace engage::server::surveyresults
