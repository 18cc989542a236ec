#pragma once

#include <QString>
#include <QtGlobal>
#include <utility>
#include <variant>

namespace engage::server::store {

// Why a store operation did not happen. Routes map these to answers: NotFound
// to 404 (another tenant's row is NotFound too), Conflict to 412, EmailTaken,
// SlugTaken, CodeTaken, Cycle, NotEmpty, InUse, LimitReached and Frozen to 409, the rest to 500
// without detail.
enum class StoreErrorKind
{
    NotFound,
    Conflict,   // the row changed since the caller read it (optimistic revision)
    EmailTaken, // another person of the tenant has this e-mail
    SlugTaken,
    CodeTaken,    // an employee code or group code another row of the tenant has
    Cycle,        // a group moved under itself or its own subtree
    NotEmpty,     // a group that still has members or children
    InUse,        // an attribute choice members hold
    LimitReached, // a per-tenant maximum (attributes)
    Expired,      // a token past its expiry
    Reused,       // a rotated refresh token presented again: its family is revoked
    Refused,      // SQL that would escape the tenant scope; a programming error
    Crypto,       // a key or sealed value that does not open
    Database,     // the database failed; `message` says why (for the log, never a client)
    TooNew,       // the database is at a newer schema than this binary knows
    Frozen,       // the row's state forbids the change (a published survey, no open round)
};

struct StoreError
{
    StoreErrorKind kind = StoreErrorKind::Database;
    QString message; // for logs only: never sent to a client
};

// A value or a StoreError: the store never throws.
template<typename T>
class StoreResult final
{
public:
    StoreResult(T value) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    StoreResult(StoreError error) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool isOk() const { return m_state.index() == 0; }
    explicit operator bool() const { return isOk(); }
    const T &value() const
    {
        Q_ASSERT_X(isOk(), "StoreResult::value", "result holds an error");
        return std::get<0>(m_state);
    }
    T &value()
    {
        Q_ASSERT_X(isOk(), "StoreResult::value", "result holds an error");
        return std::get<0>(m_state);
    }
    const StoreError &error() const
    {
        Q_ASSERT_X(!isOk(), "StoreResult::error", "result holds a value");
        return std::get<1>(m_state);
    }
    StoreErrorKind errorKind() const { return error().kind; }

private:
    std::variant<T, StoreError> m_state;
};

// For operations that return nothing but success.
struct Done
{
};
using StoreStatus = StoreResult<Done>;

inline StoreError databaseError(const QString &what, const QString &detail)
{
    return StoreError{StoreErrorKind::Database, what + QStringLiteral(": ") + detail};
}

} // namespace engage::server::store
