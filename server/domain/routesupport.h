#pragma once

#include "api/result.h"
#include "api/role.h"
#include "auth/identity.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "idempotencystore.h"
#include "store/storeresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <functional>
#include <optional>
#include <variant>

namespace engage::server {
namespace ops {
struct ServiceContext;
}
namespace store {
class Transaction;
}

namespace domain {

// What the tenant routes (people, members, groups, attributes, imports) share:
// the answers they give, optimistic concurrency, paging parameters,
// idempotent creates and the wrapper that hands a handler its caller and its
// thread's database connection. The details these answers carry are plain
// English the client shows beneath its own translated message; none of them
// names internals or echoes what the client sent.

// ---- answers --------------------------------------------------------------

// A failure of ours: `what` and the store's message go to the log, the client
// gets a bare 500.
http::Response storeFailure(const char *what, const store::StoreError &error);
// storeFailure for a transaction that could not begin.
http::Response beginFailure(const store::Transaction &transaction);

http::Response badRequest(const api::Error &error);
http::Response invalidField(const QString &field, const QString &detail);
// Missing, deleted, another tenant's and (for managers) out-of-scope objects
// all answer this, word for word: "There is no such member."
http::Response notFound(const QString &detail);
http::Response forbidden(const QString &detail);
http::Response conflict(const QString &detail);
// A 409 caused by one field's value (a taken e-mail or code), named so that a
// client can show it beside that field.
http::Response conflictOn(const QString &field, const QString &detail);

// 204 without a body.
http::Response noContent();

// Our strong ETag for a revision: "<n>".
QByteArray etagOf(qint64 revision);
// A JSON answer carrying the ETag of `revision`.
http::Response jsonWithEtag(int status, const QJsonObject &body, qint64 revision);

// The path parameter `name` when it is an id (api::validateId), otherwise
// nothing: routes answer 404 for it, like any id that names nothing.
std::optional<QString> pathId(const http::Request &request,
                              const QString &name = QStringLiteral("id"));

// ---- preconditions --------------------------------------------------------

// The revision an `If-Match` names. Only our own strong ETag form "<n>"
// counts; `*`, weak or several tags match no revision (412), so that an edit
// always says which version it was made against.
struct IfMatch
{
    bool present = false;
    std::optional<qint64> revision;
};

IfMatch ifMatch(const http::Request &request);

// 428 when the edit sends no If-Match, 412 when it does not name `current`;
// nothing when it may go ahead. `thing` names what is edited in the detail
// ("person", "member").
std::optional<http::Response> refusePrecondition(const IfMatch &condition, qint64 current,
                                                 QStringView thing);

// The checks of an edit once its object is read, in order: what was wrong
// with the body (`bodyRefusal`, answered only for an object the caller may
// see, so that anything else answers 404 whatever was sent), then If-Match.
std::optional<http::Response> refuseEdit(const std::optional<http::Response> &bodyRefusal,
                                         const http::Request &request, qint64 current,
                                         QStringView thing);

// ---- transactions ---------------------------------------------------------

// Runs `work` in one transaction and commits when it answers a success (below
// 300); any other answer rolls back. `what` names the work in the log.
http::Response inTransaction(const QSqlDatabase &connection, const char *what,
                             const std::function<http::Response()> &work);

// ---- paging ---------------------------------------------------------------

struct PageRequest
{
    std::optional<QString> cursor;
    int limit = 0;
};

// ?cursor= (a token) and ?limit= (plain decimal, 1 to `maxLimit`), or the 400
// naming the parameter.
std::variant<PageRequest, http::Response> pageRequest(const http::Request &request,
                                                      int defaultLimit, int maxLimit);

// The 400 for a cursor the store cannot read.
http::Response badCursor();

// ---- idempotent creates ---------------------------------------------------

// The Idempotency-Key of one create (POST). Without the header every call is
// a no-op, so a route uses it the same way with or without a key:
//   if (auto refusal = create.refuseKey()) return *refusal;
//   if (auto earlier = create.earlierAnswer()) return *earlier;   // cheap, before the work
//   ... transaction: earlierAnswer() again under the write lock, create the
//   row, remember() the answer, log, commit.
class IdempotentCreate final
{
public:
    // Where the object of a stored answer lives (its Location), read from the
    // answer's body; empty when it cannot be read.
    using LocationOf = std::function<QByteArray(const QByteArray &body)>;

    IdempotentCreate(const ops::ServiceContext &context, const auth::Identity &identity,
                     const http::Request &request, const QSqlDatabase &connection,
                     LocationOf locationOf);

    // 400 when the header is there but is not a key.
    std::optional<http::Response> refuseKey() const;
    // The earlier answer to this key and body (with Idempotency-Replayed), 409
    // when the key came with another body, 500 when the store fails; nothing
    // when there is no key or it is unused.
    std::optional<http::Response> earlierAnswer();
    // Keeps `answer` for the key, inside the create's transaction, so that the
    // key is spent exactly when the row exists. The answer must hold no secret.
    store::StoreStatus remember(const StoredAnswer &answer, const QDateTime &at);

private:
    const auth::Identity &m_identity;
    IdempotencyStore m_keys;
    LocationOf m_locationOf;
    QByteArray m_keyHeader;
    QString m_key;
    QByteArray m_canonicalBody;
};

// For answers whose body is the created object with its "id": `collection`/<id>.
IdempotentCreate::LocationOf locationById(const QString &collection);

// ---- the wrapper ----------------------------------------------------------

// A tenant route's work: runs on a worker thread for a verified caller, with
// that thread's database connection.
using TenantHandler =
    std::function<http::Response(const ops::ServiceContext &context, const auth::Identity &identity,
                                 const http::Request &request, const QSqlDatabase &connection)>;

// The route around `handler` for callers of at least `minimumRole` (others
// get 403 from the guard, which also runs it on a worker thread).
http::Handler tenantRoute(const ops::ServiceContext &context, api::Role minimumRole,
                          TenantHandler handler);

} // namespace domain
} // namespace engage::server
