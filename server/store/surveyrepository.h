#pragma once

#include "api/survey.h"
#include "pulserepository.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <utility>

namespace engage::server::store {

// Surveys as administrators build them (issue 7, schema 0008): the definition
// (surveys.definition, api::SurveyDefinition as JSON) and, written with it in
// the same statement, the columns the engagement code reads (kind, name,
// cadence_weeks, status, revision). A draft is edited and deleted against its
// revision (Conflict when it changed since, Frozen once published);
// publishing freezes it (published_at, status scheduled). Surveys made
// before issue 7 (the demo's pulse: definition '{}') read as a pulse built
// from their columns and first round, and are never edited. Times are the
// caller's (the scheduler's clock is injectable). Every method joins the
// caller's Transaction if one is open.

// A published survey as the scheduler reads it.
struct PublishedSurvey
{
    QString id;
    api::SurveyDefinition definition;
    api::SurveyStatus status = api::SurveyStatus::Scheduled; // scheduled or open
    qint64 revision = 1;
    QDateTime publishedAt;
};

class Keyring;
struct SurveyRow; // a surveys row as read, private to the repository

class SurveyRepository final
{
public:
    // The keyring reads rounds through PulseRepository.
    SurveyRepository(QSqlDatabase database, Keyring &keyring);

    // A draft of `definition` (validateDefinition; Refused otherwise), revision
    // 1. `id` empty: a new random id; Conflict when the id is taken.
    StoreResult<api::Survey> create(const TenantScope &scope,
                                    const api::SurveyDefinition &definition, const QDateTime &at,
                                    const QString &id = {});
    // NotFound for a missing, deleted or another tenant's survey. openRound
    // and nextDelivery as of `now`.
    StoreResult<api::Survey> get(const TenantScope &scope, const QString &id, const QDateTime &now);
    // Newest first.
    StoreResult<QList<api::Survey>> list(const TenantScope &scope, const QDateTime &now);

    // Drafts only (Frozen once published), against `expectedRevision`
    // (Conflict); revision + 1.
    StoreResult<api::Survey> update(const TenantScope &scope, const QString &id,
                                    qint64 expectedRevision,
                                    const api::SurveyDefinition &definition, const QDateTime &at);
    // Logical; drafts only (Frozen), against `expectedRevision` (Conflict).
    StoreStatus remove(const TenantScope &scope, const QString &id, qint64 expectedRevision,
                       const QDateTime &at);
    // Drafts only (Frozen), against `expectedRevision` (Conflict); Refused
    // when api::validateForPublishing refuses the definition. Sets
    // published_at, status scheduled, revision + 1.
    StoreResult<api::Survey> publish(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision, const QDateTime &at);

    // The survey's open round ends `at`: closes_at, status closed; a one-shot
    // survey is closed with it, a recurring one is scheduled again. The round
    // as it now is (the caller aggregates it); Frozen when no round is open.
    StoreResult<StoredRound> closeOpenRound(const TenantScope &scope, const QString &id,
                                            const QDateTime &at);
    // The open round ends at 23:59:59.999 of `periodEnds` in the survey's
    // time zone (extensionEnd()); Refused when that end is refused, Frozen
    // when no round is open. The round as it now is.
    StoreResult<StoredRound> extendOpenRound(const TenantScope &scope, const QString &id,
                                             const QDate &periodEnds, const QDateTime &at);
    // The new end of `round` extended to `periodEnds` in `timeZone`, or why
    // not (field "periodEnds"): an end not after both `now` and the round's
    // current end, or more than api::kResponsePeriodDaysMax days after the
    // day it opened.
    static api::Result<QDateTime> extensionEnd(const StoredRound &round, const QString &timeZone,
                                               const QDate &periodEnds, const QDateTime &now);

    // The open round of the survey; NotFound when none is open.
    StoreResult<StoredRound> openRound(const TenantScope &scope, const QString &id);

    // The tenant's published surveys that are not closed, oldest first.
    StoreResult<QList<PublishedSurvey>> published(const TenantScope &scope);

private:
    StoreResult<SurveyRow> row(const TenantScope &scope, const QString &id);
    // row(), inside the caller's transaction, when it is a draft at
    // `expectedRevision`: Frozen once published, a conflict once changed.
    StoreResult<SurveyRow> draftAt(const TenantScope &scope, const QString &id,
                                   qint64 expectedRevision);
    // row() and the survey shown at `at`, inside the caller's transaction,
    // when a round of it is open (Frozen otherwise, as no open round is).
    StoreResult<std::pair<SurveyRow, api::Survey>>
    withOpenRound(const TenantScope &scope, const QString &id, const QDateTime &at);
    // The survey of `row` as the API shows it: its definition (a legacy
    // row's made up), open round and next delivery as of `now`.
    StoreResult<api::Survey> shown(const TenantScope &scope, const SurveyRow &row,
                                   const QDateTime &now);
    StoreStatus touch(const TenantScope &scope, const QString &id, const QString &status,
                      const QDateTime &at);

    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
