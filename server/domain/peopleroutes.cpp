#include "peopleroutes.h"

#include "api/cursorpage.h"
#include "api/personrequests.h"
#include "api/validators.h"
#include "auth/guard.h"
#include "crypto/passwordhasher.h"
#include "http/router.h"
#include "idempotencystore.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/operationlog.h"
#include "store/personrepository.h"
#include "store/scopedquery.h"
#include "store/sessionrepository.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStringList>
#include <functional>
#include <optional>

namespace engage::server::domain {

namespace {

Q_LOGGING_CATEGORY(lcPeople, "engage.domain.people")

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

const QString kTargetType = QStringLiteral("person");

// ---- answers --------------------------------------------------------------

http::Response storeFailure(const char *what, const store::StoreError &error)
{
    qCWarning(lcPeople) << what << error.message;
    return http::Response::internalError();
}

http::Response beginFailure(const store::Transaction &transaction)
{
    return storeFailure("cannot begin:",
                        store::databaseError(QStringLiteral("begin"), transaction.error()));
}

http::Response badRequest(api::Error error)
{
    return http::Response::problem(api::Problem::fromError(error));
}

http::Response invalidField(const QString &field, const QString &detail)
{
    return badRequest({api::ProblemCode::InvalidField, field, detail});
}

// Missing, deleted and another tenant's person all answer this, word for word.
http::Response notFound()
{
    return http::Response::problem(api::ProblemCode::NotFound,
                                   QStringLiteral("There is no such person."));
}

http::Response forbidden(const QString &detail)
{
    return http::Response::problem(api::ProblemCode::Forbidden, detail);
}

http::Response conflict(const QString &detail)
{
    return http::Response::problem(api::ProblemCode::Conflict, detail);
}

http::Response emailTaken()
{
    return conflict(QStringLiteral("Another person of this company has this e-mail."));
}

http::Response lastOwner()
{
    return conflict(QStringLiteral("The company must keep at least one active owner."));
}

QByteArray etagOf(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

QByteArray locationOf(const QString &id)
{
    return QByteArrayLiteral("/api/v1/users/") + id.toLatin1();
}

http::Response personAnswer(int status, const store::StoredPerson &stored)
{
    http::Response response = http::Response::json(status, api::toJson(stored.person));
    response.headers.emplace_back(QByteArrayLiteral("ETag"), etagOf(stored.revision));
    return response;
}

// ---- preconditions --------------------------------------------------------

// The revision an `If-Match` names. Only our own strong ETag form "<n>"
// counts; `*`, weak or several tags match no revision (412), so that an edit
// always says which version it was made against.
struct IfMatch
{
    bool present = false;
    std::optional<qint64> revision;
};

IfMatch ifMatch(const http::Request &request)
{
    IfMatch condition;
    const QByteArray value = request.header("if-match").trimmed();
    condition.present = !value.isEmpty();
    if (value.size() >= 3 && value.startsWith('"') && value.endsWith('"')) {
        bool ok = false;
        const qint64 revision = value.mid(1, value.size() - 2).toLongLong(&ok);
        if (ok && revision > 0)
            condition.revision = revision;
    }
    return condition;
}

// 428 or 412 when the edit does not name `current`, else nothing.
std::optional<http::Response> refusePrecondition(const IfMatch &condition, qint64 current)
{
    if (!condition.present)
        return http::Response::problem(
            api::ProblemCode::PreconditionRequired,
            QStringLiteral("Send If-Match with the ETag of the person you edit."));
    if (condition.revision != current)
        return http::Response::problem(
            api::ProblemCode::PreconditionFailed,
            QStringLiteral("The person changed since you read it. Reload and try again."));
    return std::nullopt;
}

// ---- rules ----------------------------------------------------------------

bool isActiveOwner(const api::Person &person)
{
    return person.role == api::Role::Owner && person.status == api::PersonStatus::Active;
}

// Active owners of the tenant. Read inside the edit's transaction (BEGIN
// IMMEDIATE on SQLite), so two edits cannot both remove "the other" owner.
store::StoreResult<int> activeOwnerCount(const store::TenantScope &scope,
                                         const QSqlDatabase &connection)
{
    store::ScopedQuery query(scope, connection);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM people WHERE tenant_id = :tenant_id AND "
                                 "deleted_at IS NULL AND role = :role AND status = :status"));
    query.bindValue(QStringLiteral(":role"), api::roleName(api::Role::Owner));
    query.bindValue(QStringLiteral(":status"), api::personStatusName(api::PersonStatus::Active));
    if (!query.exec() || !query.next())
        return store::databaseError(QStringLiteral("counting owners"), query.errorText());
    return query.value(0).toInt();
}

// Whether taking `target` out of the active owners would leave none: the
// last-owner check of PATCH and DELETE. nullopt when it may go ahead.
std::optional<http::Response> protectLastOwner(const store::TenantScope &scope,
                                               const QSqlDatabase &connection,
                                               const api::Person &target)
{
    if (!isActiveOwner(target))
        return std::nullopt;
    const auto owners = activeOwnerCount(scope, connection);
    if (!owners)
        return storeFailure("cannot count owners:", owners.error());
    if (owners.value() <= 1)
        return lastOwner();
    return std::nullopt;
}

// Only an owner touches an owner, or makes one: an admin must not be able to
// lock the owners out (or promote themselves past them).
bool mayManage(const auth::Identity &caller, const api::Person &target)
{
    return caller.role == api::Role::Owner || target.role != api::Role::Owner;
}

// ---- handlers -------------------------------------------------------------

http::Response listPeople(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    int limit = kDefaultPageSize;
    const QString limitName = QStringLiteral("limit");
    if (request.query.hasQueryItem(limitName)) {
        bool ok = false;
        const QString text = request.query.queryItemValue(limitName);
        limit = text.toInt(&ok);
        // Plain decimal only: "+5" or " 5" are not what a client means to send.
        if (!ok || limit < 1 || limit > kMaxPageSize || !text.at(0).isDigit())
            return invalidField(
                limitName,
                QStringLiteral("Must be a whole number from 1 to %1.").arg(kMaxPageSize));
    }
    std::optional<QString> cursor;
    const QString cursorName = QStringLiteral("cursor");
    if (request.query.hasQueryItem(cursorName)) {
        cursor = request.query.queryItemValue(cursorName, QUrl::FullyDecoded);
        if (api::validateToken(*cursor))
            return invalidField(cursorName, QStringLiteral("Not a cursor of this list."));
    }
    const auto page =
        store::PersonRepository(connection, context.keyring).list(identity.scope, cursor, limit);
    if (!page) {
        // The store cannot read the cursor: the client's mistake, not ours.
        if (page.errorKind() == store::StoreErrorKind::NotFound)
            return invalidField(cursorName, QStringLiteral("Not a cursor of this list."));
        return storeFailure("cannot list people:", page.error());
    }
    api::CursorPage<api::Person> answer;
    for (const store::StoredPerson &stored : page.value().items)
        answer.items.append(stored.person);
    answer.nextCursor = page.value().nextCursor;
    return http::Response::json(200, api::toJson(answer));
}

http::Response replayed(const StoredAnswer &answer)
{
    http::Response response;
    response.status = answer.status;
    response.body = answer.body;
    response.contentType = QByteArrayLiteral("application/json");
    response.headers.emplace_back(QByteArrayLiteral("Idempotency-Replayed"),
                                  QByteArrayLiteral("true"));
    const auto created = api::createdPersonFromJson(QJsonDocument::fromJson(answer.body).object());
    if (created)
        response.headers.emplace_back(QByteArrayLiteral("Location"),
                                      locationOf(created.value().user.id));
    return response;
}

http::Response createPerson(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::newPersonRequestFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::NewPersonRequest &wanted = body.value();
    if (wanted.role == api::Role::Owner && identity.role != api::Role::Owner)
        return forbidden(QStringLiteral("Only an owner can make an owner."));

    const QByteArray keyHeader = request.header("idempotency-key");
    const bool idempotent = !keyHeader.isEmpty();
    if (idempotent && !IdempotencyStore::isValidKey(keyHeader))
        return invalidField(
            QStringLiteral("Idempotency-Key"),
            QStringLiteral("Must be 8 to 128 characters of A-Z, a-z, 0-9, _ and -."));
    const QString key = QString::fromLatin1(keyHeader);
    // QJsonObject keeps members sorted: the same members give the same bytes
    // whatever order or spacing the client sent them in.
    const QByteArray canonicalBody = QJsonDocument(request.json).toJson(QJsonDocument::Compact);
    IdempotencyStore keys(connection, context.keyring);
    auto answerForKey = [&]() -> std::optional<http::Response> {
        const auto stored = keys.find(identity.scope, identity.personId, key, canonicalBody);
        if (stored)
            return replayed(stored.value());
        if (stored.errorKind() == store::StoreErrorKind::Conflict)
            return conflict(QStringLiteral("This Idempotency-Key was used for another request."));
        if (stored.errorKind() != store::StoreErrorKind::NotFound)
            return storeFailure("cannot read an idempotency key:", stored.error());
        return std::nullopt;
    };
    // A retry costs no Argon2 hash.
    if (idempotent) {
        if (auto answer = answerForKey())
            return std::move(*answer);
    }

    // Hashed before the transaction, so that no write lock waits for Argon2.
    const QString password = crypto::generatedPassword();
    store::NewPerson person;
    person.email = wanted.email;
    person.displayName = wanted.displayName;
    person.role = wanted.role;
    person.passwordHash = crypto::hashPassword(password);
    person.mustChangePassword = true;
    if (person.passwordHash.isEmpty()) {
        qCWarning(lcPeople) << "cannot hash a first password";
        return http::Response::internalError();
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return beginFailure(transaction);
    // Again under the write lock: a concurrent retry may have won meanwhile.
    if (idempotent) {
        if (auto answer = answerForKey())
            return std::move(*answer);
    }
    const auto created =
        store::PersonRepository(connection, context.keyring).create(identity.scope, person);
    if (!created) {
        if (created.errorKind() == store::StoreErrorKind::EmailTaken)
            return emailTaken();
        return storeFailure("cannot create a person:", created.error());
    }
    const store::StoredPerson &stored = created.value();
    if (idempotent) {
        // The answer as a replay gives it: without the password.
        const QByteArray replayBody =
            QJsonDocument(api::toJson(api::CreatedPerson{stored.person, std::nullopt}))
                .toJson(QJsonDocument::Compact);
        const auto remembered = keys.remember(identity.scope, identity.personId, key, canonicalBody,
                                              {201, replayBody}, now);
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
    }
    const auto logged = store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, kTargetType, stored.person.id,
         QStringLiteral("person.create"),
         QStringLiteral("created with email, displayName, role %1; first password generated")
             .arg(api::roleName(stored.person.role)),
         now});
    if (!logged)
        return storeFailure("cannot log the create:", logged.error());
    const auto committed = transaction.commit();
    if (!committed)
        return storeFailure("cannot commit the create:", committed.error());

    http::Response response =
        http::Response::json(201, api::toJson(api::CreatedPerson{stored.person, password}));
    response.headers.emplace_back(QByteArrayLiteral("Location"), locationOf(stored.person.id));
    response.headers.emplace_back(QByteArrayLiteral("ETag"), etagOf(stored.revision));
    return response;
}

// The id from the path, or nothing when it cannot be an id (answered 404,
// like any id that names no person of this tenant).
std::optional<QString> targetId(const http::Request &request)
{
    const QString id = request.pathParameters.value(QStringLiteral("id"));
    if (api::validateId(id))
        return std::nullopt;
    return id;
}

http::Response getPerson(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = targetId(request);
    if (!id)
        return notFound();
    const auto person =
        store::PersonRepository(connection, context.keyring).get(identity.scope, *id);
    if (!person) {
        if (person.errorKind() == store::StoreErrorKind::NotFound)
            return notFound();
        return storeFailure("cannot read a person:", person.error());
    }
    return personAnswer(200, person.value());
}

// What an edit does to the person it is about, once that person is read and
// the caller's If-Match holds. Its answer is committed when it is a success.
using PersonEdit = std::function<http::Response(store::PersonRepository &people,
                                                const store::StoredPerson &current)>;

// One edit of person `id` (PATCH, DELETE), all inside one transaction: read the
// person, check the caller's If-Match against it, run `edit`, commit.
http::Response editPerson(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection,
                          const QString &id, const PersonEdit &edit)
{
    store::PersonRepository people(connection, context.keyring);
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return beginFailure(transaction);
    const auto found = people.get(identity.scope, id);
    if (!found) {
        if (found.errorKind() == store::StoreErrorKind::NotFound)
            return notFound();
        return storeFailure("cannot read a person:", found.error());
    }
    if (auto refusal = refusePrecondition(ifMatch(request), found.value().revision))
        return std::move(*refusal);
    http::Response answer = edit(people, found.value());
    if (answer.status >= 300)
        return answer;
    const auto committed = transaction.commit();
    if (!committed)
        return storeFailure("cannot commit an edit of a person:", committed.error());
    return answer;
}

http::Response updatePerson(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = targetId(request);
    if (!id)
        return notFound();
    const auto body = api::personPatchFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::PersonPatch &patch = body.value();
    return editPerson(
        context, identity, request, connection, *id,
        [&](store::PersonRepository &people, const store::StoredPerson &current) {
            const QDateTime now = QDateTime::currentDateTimeUtc();

            // Only what differs is a change: the log names it, and an edit that
            // changes nothing writes nothing.
            store::PersonChanges changes;
            QStringList changed;
            if (patch.email && *patch.email != current.person.email) {
                changes.email = patch.email;
                changed << QStringLiteral("email");
            }
            if (patch.displayName && *patch.displayName != current.person.displayName) {
                changes.displayName = patch.displayName;
                changed << QStringLiteral("displayName");
            }
            if (patch.role && *patch.role != current.person.role) {
                changes.role = patch.role;
                changed << QStringLiteral("role");
            }
            if (patch.status && *patch.status != current.person.status) {
                changes.status = patch.status;
                changed << QStringLiteral("status");
            }
            if (changed.isEmpty())
                return personAnswer(200, current);

            if (!mayManage(identity, current.person) || changes.role == api::Role::Owner) {
                if (identity.role != api::Role::Owner)
                    return forbidden(
                        QStringLiteral("Only an owner can make, change or unmake an owner."));
            }
            const bool leavesOwners = (changes.role && *changes.role != api::Role::Owner) ||
                                      changes.status == api::PersonStatus::Disabled;
            // The last owner first: for the only owner that is the real reason.
            if (leavesOwners) {
                if (auto refusal = protectLastOwner(identity.scope, connection, current.person))
                    return std::move(*refusal);
            }
            if (*id == identity.personId) {
                if (changes.role)
                    return forbidden(QStringLiteral("You cannot change your own role."));
                if (changes.status == api::PersonStatus::Disabled)
                    return forbidden(QStringLiteral("You cannot disable yourself."));
            }

            const auto updated = people.update(identity.scope, *id, current.revision, changes);
            if (!updated) {
                switch (updated.errorKind()) {
                case store::StoreErrorKind::EmailTaken:
                    return emailTaken();
                case store::StoreErrorKind::NotFound:
                    return notFound();
                default:
                    return storeFailure("cannot update a person:", updated.error());
                }
            }
            QString summary = QStringLiteral("changed: ") + changed.join(QStringLiteral(", "));
            // Disabling cuts access at once: no client of the person keeps a session.
            if (changes.status == api::PersonStatus::Disabled) {
                const auto revoked =
                    store::SessionRepository(connection).revokePerson(identity.scope, *id, now);
                if (!revoked)
                    return storeFailure("cannot revoke the sessions:", revoked.error());
                summary += QStringLiteral("; sessions revoked");
            }
            const auto logged =
                store::OperationLog::record(identity.scope, connection,
                                            {request.requestId, identity.personId, kTargetType, *id,
                                             QStringLiteral("person.update"), summary, now});
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return personAnswer(200, updated.value());
        });
}

http::Response deletePerson(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = targetId(request);
    if (!id)
        return notFound();
    return editPerson(
        context, identity, request, connection, *id,
        [&](store::PersonRepository &people, const store::StoredPerson &current) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (!mayManage(identity, current.person))
                return forbidden(QStringLiteral("Only an owner can delete an owner."));
            if (auto refusal = protectLastOwner(identity.scope, connection, current.person))
                return std::move(*refusal);
            if (*id == identity.personId)
                return forbidden(QStringLiteral("You cannot delete yourself."));

            const auto removed = people.remove(identity.scope, *id, current.revision);
            if (!removed) {
                if (removed.errorKind() == store::StoreErrorKind::NotFound)
                    return notFound();
                return storeFailure("cannot delete a person:", removed.error());
            }
            const auto revoked =
                store::SessionRepository(connection).revokePerson(identity.scope, *id, now);
            if (!revoked)
                return storeFailure("cannot revoke the sessions:", revoked.error());
            const auto logged =
                store::OperationLog::record(identity.scope, connection,
                                            {request.requestId, identity.personId, kTargetType, *id,
                                             QStringLiteral("person.delete"),
                                             QStringLiteral("deleted; sessions revoked"), now});
            if (!logged)
                return storeFailure("cannot log the delete:", logged.error());
            http::Response response;
            response.status = 204;
            return response;
        });
}

using PeopleHandler = http::Response (*)(const ops::ServiceContext &, const auth::Identity &,
                                         const http::Request &, const QSqlDatabase &);

// An owners-and-admins route around `handler`; the guard already runs it on a
// worker thread.
http::Handler adminRoute(const ops::ServiceContext &context, PeopleHandler handler)
{
    return auth::authenticated(context, api::Role::Admin,
                               [context, handler](http::Request request, auth::Identity identity,
                                                  http::Responder respond) {
                                   QString error;
                                   const QSqlDatabase connection =
                                       context.database.connection(&error);
                                   if (!connection.isOpen()) {
                                       qCWarning(lcPeople) << "no database connection:" << error;
                                       respond(http::Response::internalError());
                                       return;
                                   }
                                   respond(handler(context, identity, request, connection));
                               });
}

} // namespace

void addPeopleRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions json;
    json.takesJson = true;
    router.add(http::Method::Get, "/api/v1/users", adminRoute(context, listPeople));
    router.add(http::Method::Post, "/api/v1/users", adminRoute(context, createPerson), json);
    router.add(http::Method::Get, "/api/v1/users/{id}", adminRoute(context, getPerson));
    router.add(http::Method::Patch, "/api/v1/users/{id}", adminRoute(context, updatePerson), json);
    router.add(http::Method::Delete, "/api/v1/users/{id}", adminRoute(context, deletePerson));
}

} // namespace engage::server::domain
