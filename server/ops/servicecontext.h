#pragma once

class QThreadPool;

namespace engage::server {
namespace store {
class Database;
class Keyring;
} // namespace store

namespace ops {

// What routes need of the running service, made once at start-up and
// outliving every request: where the data is, the tenants' keys, and the
// worker threads that slow work (password hashing, database calls) runs on,
// never the network threads.
struct ServiceContext
{
    const store::Database &database;
    store::Keyring &keyring;
    QThreadPool &workers;
};

} // namespace ops
} // namespace engage::server
