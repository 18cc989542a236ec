#pragma once

#include "jobs/deliverysender.h"
#include "mailer.h"
#include "smtpmailer.h"

#include <memory>

namespace engage::server {
namespace ops {
class PublicUrl;
struct ServiceContext;
} // namespace ops
namespace store {
class Database;
class Keyring;
} // namespace store

namespace mail {

// The scheduler's e-mail sender: for each due invitation or reminder, a
// fresh one-time link (ResponseLinkRepository::issue) at the service's
// public URL, the texts in the target's language naming the survey, its
// last day in the survey's time zone and who sees what, sent with the
// tenant's SMTP settings. Runs on the scheduler's worker, on that thread's
// database connection.
// The mail policy the operator chose (ops::ServiceContext).
SmtpMailer::Policy mailerPolicy(const ops::ServiceContext &context);

class EmailSender final : public jobs::DeliverySender
{
public:
    // Mail through an SmtpMailer with the context's policy.
    explicit EmailSender(const ops::ServiceContext &context);
    EmailSender(const store::Database &database, store::Keyring &keyring,
                std::shared_ptr<const ops::PublicUrl> publicUrl, std::unique_ptr<Mailer> mailer);
    ~EmailSender() override;
    EmailSender(const EmailSender &) = delete;
    EmailSender &operator=(const EmailSender &) = delete;

    jobs::DeliveryResult send(const jobs::DueDelivery &delivery) override;
    // At least once: an interrupted send goes again. A member may get an
    // invitation twice, each with a working link, rather than none.
    bool mayResend(const jobs::DueDelivery &delivery) override;

private:
    const store::Database &m_database;
    store::Keyring &m_keyring;
    std::shared_ptr<const ops::PublicUrl> m_publicUrl;
    std::unique_ptr<Mailer> m_mailer;
};

} // namespace mail
} // namespace engage::server
