#pragma once

#include "problemcode.h"

#include <QString>
#include <utility>
#include <variant>

namespace engage::api {

// A validation or decoding failure. `field` is the dotted path of the offending
// field ("user.email", "items.3.id"), empty when the failure concerns the whole
// body. `detail` is plain English that is safe to show to a user: it never
// echoes hostile input or names internals, because the service copies it into
// problem responses verbatim.
struct Error
{
    ProblemCode code = ProblemCode::InvalidField;
    QString field;
    QString detail;
};

// Errors are values, not exceptions: every decoder and validator that both the
// client and the service call returns either a value or the first Error found.
template<typename T>
class Result final
{
public:
    // Implicit on purpose, so that functions can `return value;` or `return Error{...};`.
    Result(T value) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool isOk() const { return m_state.index() == 0; }
    explicit operator bool() const { return isOk(); }

    // Calling value() on an error (or error() on a value) is a programming error.
    const T &value() const
    {
        Q_ASSERT_X(isOk(), "Result::value", "result holds an error");
        return std::get<0>(m_state);
    }
    T &value()
    {
        Q_ASSERT_X(isOk(), "Result::value", "result holds an error");
        return std::get<0>(m_state);
    }
    T takeValue()
    {
        Q_ASSERT_X(isOk(), "Result::takeValue", "result holds an error");
        return std::move(std::get<0>(m_state));
    }
    const Error &error() const
    {
        Q_ASSERT_X(!isOk(), "Result::error", "result holds a value");
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

} // namespace engage::api
