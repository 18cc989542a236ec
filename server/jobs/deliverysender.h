#pragma once

#include "api/survey.h"

#include <QDateTime>
#include <QString>

namespace engage::server::jobs {

// One planned delivery of a round to a target (a row of schema 0008
// `deliveries`), as the scheduler hands it over once it is due. The
// scheduler has already decided that it goes: the round is open, a reminder's
// target has not answered, and the member has an e-mail address (one without
// is marked 'printed' by the scheduler and never reaches the sender).
struct DueDelivery
{
    qint64 id = 0; // deliveries.id
    QString tenantId;
    QString surveyId;
    QString roundId;
    qint64 respondentId = 0; // for ResponseLinkRepository::issue
    QString memberId;
    QString email;    // the member's, opened; never logged
    QString language; // the target's: "ja" or "en"
    api::DeliveryKind kind = api::DeliveryKind::Invitation;
    int ordinal = 0; // 0 for the invitation, n for the n-th reminder
    QDateTime dueAt;
    QDateTime closesAt; // the round's, for the text
    // Attempts before this one: > 0 after a transient failure, or when an
    // interrupted attempt is re-sent (see DeliverySender::mayResend).
    int attempts = 0;
};

struct DeliveryResult
{
    enum class Outcome
    {
        Sent,      // the mail server accepted it
        Bounced,   // refused for good: not tried again
        Transient, // try again later (the scheduler backs off, then gives up as bounced)
    };
    Outcome outcome = Outcome::Transient;
    // For the delivery log (deliveries.error): never the message, the address
    // or another personal value.
    QString detail;
};

// What hands a due delivery to its member (engineer H2b: e-mail through
// mail::Mailer, with a fresh one-time link from ResponseLinkRepository::issue
// and the texts in the target's language). Blocking; called on a worker
// thread, one delivery at a time, after the scheduler committed the row as
// 'sending'. It must give up within a minute (the mail server's timeouts
// below it): a 'sending' row older than that is taken as interrupted.
class DeliverySender
{
public:
    virtual ~DeliverySender() = default;

    virtual DeliveryResult send(const DueDelivery &delivery) = 0;

    // A delivery found 'sending' for over a minute was interrupted (the
    // service stopped or crashed mid-send): the mail server may or may not
    // have taken it. True: send it again (at least once: a member may get it
    // twice, each time with a working link); false: count it as sent without
    // sending (at most once: a member may get nothing). See
    // docs/decisions/ (delivery at least once).
    virtual bool mayResend(const DueDelivery &delivery) = 0;
};

} // namespace engage::server::jobs
