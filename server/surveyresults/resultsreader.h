#pragma once

#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace engage::server {
namespace store {
class Keyring;
}

namespace surveyresults {

// Where a round's targets stood (a placement: group and snapshot, schema
// 0005) with how many targets and responses it holds.
struct ResultsPlacement
{
    qint64 id = 0;
    QString groupId; // empty: in no group
    QHash<QString, QString> snapshot;
    qint64 targets = 0;
    qint64 respondents = 0;
};

// One stored answer of a custom round (schema 0008 custom_answers) with the
// placement of its response; the free text stays sealed (`hasText` only).
struct ResultsAnswer
{
    qint64 responseId = 0;
    qint64 placementId = 0;
    QString questionId;
    std::optional<int> value;
    QList<int> choices;
    bool hasText = false;
};

// The reads behind a round's results, all through the tenant scope and
// within the caller's transaction, so that counts and answers agree while
// respondents keep submitting to an open round. Free text is opened only
// for the responses and question asked, never the round's whole.
class ResultsReader final
{
public:
    ResultsReader(QSqlDatabase database, store::Keyring &keyring);

    store::StoreResult<QList<ResultsPlacement>> placements(const store::TenantScope &scope,
                                                           qint64 roundSeq);
    // Cleared answers (value, choices and text all NULL) are left out.
    store::StoreResult<QList<ResultsAnswer>> answers(const store::TenantScope &scope,
                                                     qint64 roundSeq);
    // The texts of `questionId` given in the responses `responseIds`, opened.
    store::StoreResult<QStringList> texts(const store::TenantScope &scope, qint64 roundSeq,
                                          const QString &questionId,
                                          const QSet<qint64> &responseIds);

private:
    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace surveyresults
} // namespace engage::server
