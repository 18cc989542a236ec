#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

// A target of a round who has not answered yet, as a printed link needs it.
struct UnansweredTarget
{
    qint64 respondentId = 0;
    QString memberId; // never empty: purged members are left out
    QString language; // the target's
};

// Printed links (issue 7): whom a round's sheet or CSV may name, and the
// invitation deliveries it settles. Every method joins the caller's
// Transaction if one is open.
class PrintedLinkRepository final
{
public:
    explicit PrintedLinkRepository(QSqlDatabase database);

    // The round's targets without a submitted response, by respondent id.
    StoreResult<QList<UnansweredTarget>> unanswered(const TenantScope &scope, qint64 roundSeq);
    // The invitations of `respondentIds` are handed out on paper: a pending
    // or bounced one becomes 'printed' (sent_at `at`), one not planned yet is
    // planned as printed (so the scheduler mails nothing more); a 'sending'
    // or 'sent' one stays as it is (the member has the e-mail too).
    StoreStatus markPrinted(const TenantScope &scope, qint64 roundSeq,
                            const QList<qint64> &respondentIds, const QDateTime &at);

private:
    QSqlDatabase m_database;
};

} // namespace engage::server::store
