#pragma once

#include "api/problemcode.h"

#include <QString>
#include <optional>

namespace engage::models {

// Everything that can go wrong with a call to the service, as one value the
// UI can show: what happened (kind, and the problem code when the service
// answered), the service's own detail, and the request id to quote.
struct ApiError
{
    enum class Kind
    {
        Problem,              // the service answered with problem+json (see code)
        Network,              // connection refused, reset, host not found, server gone
        Timeout,              // no answer within the client's timeout
        UntrustedCertificate, // self-signed or unknown CA, and the user did not pin it
        PinMismatch,          // the pinned fingerprint changed: possible interception
        TlsFailure,           // any other TLS failure (protocol too old, handshake)
        BadResponse,          // an answer the client cannot read (not the contract)
        Keychain,             // the OS keychain failed (see keychainCode)
        Cancelled,            // the caller or the application abandoned the call
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;                   // 0 when there was no HTTP answer
    std::optional<api::ProblemCode> code; // set for Kind::Problem
    QString detail;                       // the service's detail or Qt's text, untranslated
    QString field;                        // the problem's field ("email"), when it names one
    QString requestId;                    // X-Request-Id of the call, always set for calls
    int keychainCode = 0;                 // QKeychain::Error for Kind::Keychain

    // The sentence the user reads, in the current UI language, chosen by kind
    // and code (never the service's English title).
    QString message() const;
    // Whether the page can carry on (inline banner) or the work stops (dialog).
    bool isRecoverable() const;
    // An expired or revoked session: the client signs in again.
    bool isUnauthenticated() const;
    // The service could not be reached (a network failure or timeout), as
    // opposed to one that answered or a connection that must not be trusted:
    // what the offline cache answers for.
    bool isUnreachable() const;
};

} // namespace engage::models
