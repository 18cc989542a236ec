#pragma once

#include "api/survey.h"
#include "pulserepository.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// A round as the respondent page asks it: the round, and its survey's kind,
// list name and definition (api::SurveyDefinition as JSON, schema 0008), at
// the survey's revision and last update.
struct RoundSurvey
{
    StoredRound round;
    SurveyKind kind = SurveyKind::Pulse;
    QString name;
    QByteArray definition;
    qint64 surveyRevision = 0;
    qint64 surveyUpdatedAt = 0; // ms since the epoch
};

// An answer of a custom survey's response as stored.
struct StoredCustomAnswer
{
    qint64 responseId = 0;
    api::RespondentAnswer answer;
};

// The answers of custom surveys (schema 0008 custom_answers; a pulse's go to
// `answers` through PulseRepository). Values and choices are stored as they
// are, free text sealed under the tenant's key (AES-256-GCM, bound to the
// response and question, the key version in front of the sealed bytes).
// Every method joins the caller's Transaction if one is open.
class CustomAnswerRepository final
{
public:
    CustomAnswerRepository(QSqlDatabase database, Keyring &keyring);

    // NotFound for a missing or another tenant's round.
    StoreResult<RoundSurvey> roundSurvey(const TenantScope &scope, const QString &roundId);

    // Records a member's response to a custom survey's round: the response
    // and the target's first submission as PulseRepository::recordResponse
    // writes them, and one row per question of `questions`, so that a later
    // submission replaces the earlier one whole. A question `answers` leaves
    // out keeps a row with value, choices and text all NULL: an answer an
    // earlier submission gave is cleared (custom_answers has no tenant column
    // for a scoped DELETE). The caller validated the answers against the
    // questions (api::validateSubmission). NotFound for a member the round
    // was not delivered to. Returns the response's id.
    StoreResult<qint64> submit(const TenantScope &scope, const QString &roundId,
                               const QString &memberId, const QList<api::Question> &questions,
                               const QList<api::RespondentAnswer> &answers, const QDateTime &at);

    // The answers of a round, free text opened, by response and question id;
    // cleared rows are left out.
    StoreResult<QList<StoredCustomAnswer>> answers(const TenantScope &scope,
                                                   const QString &roundId);

private:
    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
