#pragma once

#include "publicurl.h"
#include "schedulechanges.h"

#include <QString>
#include <memory>

class QThreadPool;

namespace engage::server {
namespace engagement {
class AggregateCache;
}
namespace store {
class Database;
class Keyring;
class MemberIndex;
} // namespace store

namespace ops {

// What routes need of the running service, made once at start-up and
// outliving every request: where the data is, the tenants' keys, the
// in-memory member index and engagement aggregates (one each per service,
// shared by the workers), and the worker threads that slow work (password
// hashing, database calls) runs on, never the network threads.
struct ServiceContext
{
    const store::Database &database;
    store::Keyring &keyring;
    QThreadPool &workers;
    store::MemberIndex &memberIndex;
    engagement::AggregateCache &aggregates;
    // The --data-dir: sealed temporary import files go to <dataDirectory>/imports/.
    QString dataDirectory;
    // The base of respondents' links; shared by the copies of the context,
    // so that setting it once the service listens reaches every route.
    std::shared_ptr<PublicUrl> publicUrl = std::make_shared<PublicUrl>();
    // --smtp-private-hosts (ServerOptions::smtpPrivateHosts).
    bool smtpPrivateHosts = false;
    // --smtp-ca-file (ServerOptions::smtpCaFile).
    QString smtpCaFile = QString();
    // Shared by the copies of the context like publicUrl: the scheduler
    // listens to the one the routes ring.
    std::shared_ptr<ScheduleChanges> scheduleChanges = std::make_shared<ScheduleChanges>();
};

} // namespace ops
} // namespace engage::server
