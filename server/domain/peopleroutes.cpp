#include "peopleroutes.h"

#include "api/cursorpage.h"
#include "api/personrequests.h"
#include "crypto/passwordhasher.h"
#include "fieldchanges.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "routesupport.h"
#include "store/operationlog.h"
#include "store/personrepository.h"
#include "store/scopedquery.h"
#include "store/sessionrepository.h"

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

// Missing, deleted and another tenant's person all answer this, word for word.
http::Response personNotFound()
{
    return notFound(QStringLiteral("There is no such person."));
}

http::Response emailTaken()
{
    return conflict(QStringLiteral("Another person of this company has this e-mail."));
}

http::Response lastOwner()
{
    return conflict(QStringLiteral("The company must keep at least one active owner."));
}

QByteArray locationOf(const QString &id)
{
    return QByteArrayLiteral("/api/v1/users/") + id.toLatin1();
}

http::Response personAnswer(int status, const store::StoredPerson &stored)
{
    return jsonWithEtag(status, api::toJson(stored.person), stored.revision);
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
    const auto paging = pageRequest(request, kDefaultPageSize, kMaxPageSize);
    if (const auto *refusal = std::get_if<http::Response>(&paging))
        return *refusal;
    const PageRequest &wanted = std::get<PageRequest>(paging);
    const auto page = store::PersonRepository(connection, context.keyring)
                          .list(identity.scope, wanted.cursor, wanted.limit);
    if (!page) {
        // The store cannot read the cursor: the client's mistake, not ours.
        if (page.errorKind() == store::StoreErrorKind::NotFound)
            return badCursor();
        return storeFailure("cannot list people:", page.error());
    }
    api::CursorPage<api::Person> answer;
    for (const store::StoredPerson &stored : page.value().items)
        answer.items.append(stored.person);
    answer.nextCursor = page.value().nextCursor;
    return http::Response::json(200, api::toJson(answer));
}

// The Location of the person a stored create answer made.
QByteArray createdLocation(const QByteArray &body)
{
    const auto created = api::createdPersonFromJson(QJsonDocument::fromJson(body).object());
    return created ? locationOf(created.value().user.id) : QByteArray();
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

    IdempotentCreate once(context, identity, request, connection, createdLocation);
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    // A retry costs no Argon2 hash.
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

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
    return inTransaction(connection, "the create of a person", [&]() -> http::Response {
        // Again under the write lock: a concurrent retry may have won meanwhile.
        if (auto earlier = once.earlierAnswer())
            return std::move(*earlier);
        const auto created =
            store::PersonRepository(connection, context.keyring).create(identity.scope, person);
        if (!created) {
            if (created.errorKind() == store::StoreErrorKind::EmailTaken)
                return emailTaken();
            return storeFailure("cannot create a person:", created.error());
        }
        const store::StoredPerson &stored = created.value();
        // The answer as a replay gives it: without the password.
        const QByteArray replayBody =
            QJsonDocument(api::toJson(api::CreatedPerson{stored.person, std::nullopt}))
                .toJson(QJsonDocument::Compact);
        const auto remembered = once.remember({201, replayBody}, now);
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
        const auto logged = store::OperationLog::record(
            identity.scope, connection,
            {request.requestId, identity.personId, kTargetType, stored.person.id,
             QStringLiteral("person.create"),
             QStringLiteral("created with email, displayName, role %1; first password generated")
                 .arg(api::roleName(stored.person.role)),
             now});
        if (!logged)
            return storeFailure("cannot log the create:", logged.error());

        http::Response response = jsonWithEtag(
            201, api::toJson(api::CreatedPerson{stored.person, password}), stored.revision);
        response.headers.emplace_back(QByteArrayLiteral("Location"), locationOf(stored.person.id));
        return response;
    });
}

http::Response getPerson(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return personNotFound();
    const auto person =
        store::PersonRepository(connection, context.keyring).get(identity.scope, *id);
    if (!person) {
        if (person.errorKind() == store::StoreErrorKind::NotFound)
            return personNotFound();
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
    return inTransaction(connection, "an edit of a person", [&]() -> http::Response {
        store::PersonRepository people(connection, context.keyring);
        const auto found = people.get(identity.scope, id);
        if (!found) {
            if (found.errorKind() == store::StoreErrorKind::NotFound)
                return personNotFound();
            return storeFailure("cannot read a person:", found.error());
        }
        if (auto refusal =
                refusePrecondition(ifMatch(request), found.value().revision, kTargetType))
            return std::move(*refusal);
        return edit(people, found.value());
    });
}

http::Response updatePerson(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return personNotFound();
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
            FieldChanges changed;
            if (patch.email && *patch.email != current.person.email) {
                changes.email = patch.email;
                changed.compareMasked(QStringLiteral("email"), current.person.email, *patch.email);
            }
            if (patch.displayName && *patch.displayName != current.person.displayName) {
                changes.displayName = patch.displayName;
                changed.compareMasked(QStringLiteral("displayName"), current.person.displayName,
                                      *patch.displayName);
            }
            if (patch.role && *patch.role != current.person.role) {
                changes.role = patch.role;
                changed.compare(QStringLiteral("role"), api::roleName(current.person.role),
                                api::roleName(*patch.role));
            }
            if (patch.status && *patch.status != current.person.status) {
                changes.status = patch.status;
                changed.compare(QStringLiteral("status"),
                                api::personStatusName(current.person.status),
                                api::personStatusName(*patch.status));
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
                    return personNotFound();
                default:
                    return storeFailure("cannot update a person:", updated.error());
                }
            }
            QString summary =
                QStringLiteral("changed: ") + changed.fields().join(QStringLiteral(", "));
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
                                             QStringLiteral("person.update"), summary, now},
                                            changed.changes());
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return personAnswer(200, updated.value());
        });
}

http::Response deletePerson(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return personNotFound();
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
                    return personNotFound();
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
            return noContent();
        });
}

// Owners and admins only.
http::Handler adminRoute(const ops::ServiceContext &context, TenantHandler handler)
{
    return tenantRoute(context, api::Role::Admin, std::move(handler));
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
