#include "apierror.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace engage::models {

namespace {

using api::ProblemCode;
using Kind = ApiError::Kind;

// The source texts are marked here and translated in message(), so that each
// switch stays complete (the compiler names a code that has no sentence).

const char *problemText(ProblemCode code)
{
    switch (code) {
    case ProblemCode::MalformedJson:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service could not read what this application sent. "
                                 "Try again; if it keeps happening, update the application.");
    case ProblemCode::UnknownField:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service does not accept some of the information this "
                                 "application sent. Update the application and try again.");
    case ProblemCode::MissingField:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Some required information is missing. Fill in every required "
                                 "field and try again.");
    case ProblemCode::InvalidField:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Some of the information entered is not valid. Correct it and "
                                 "try again.");
    case ProblemCode::UnsupportedMediaType:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service does not accept the format this application "
                                 "sent. Update the application and try again.");
    case ProblemCode::PayloadTooLarge:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "What you sent is too large for the service. Send less at "
                                 "a time.");
    case ProblemCode::NotFound:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "This item does not exist any more. Someone may have deleted "
                                 "it; reload to see the current list.");
    case ProblemCode::MethodNotAllowed:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service does not allow this action. Update the "
                                 "application and try again.");
    case ProblemCode::Unauthenticated:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Your sign-in has expired or was ended. Sign in again.");
    case ProblemCode::Forbidden:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "You do not have permission to do this. Ask an owner or "
                                 "administrator of your organization.");
    case ProblemCode::Conflict:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "This clashes with something that already exists, for "
                                 "example an email address that is already in use.");
    case ProblemCode::PreconditionFailed:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Someone else changed this in the meantime. Reload to see "
                                 "their change.");
    case ProblemCode::PreconditionRequired:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service needs to know which version you edited. Reload "
                                 "and make your change again.");
    case ProblemCode::TooManyRequests:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Too many attempts in a short time. Wait a few minutes and "
                                 "try again.");
    case ProblemCode::Internal:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service ran into a problem of its own. Try again later; "
                                 "if it keeps happening, give the request ID to your service "
                                 "administrator.");
    case ProblemCode::Unavailable:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service is busy or under maintenance. Try again in a "
                                 "few minutes.");
    case ProblemCode::PasswordChangeRequired:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Choose a new password before you continue.");
    }
    // A value outside the enumeration: kindText() falls back to a general sentence.
    return nullptr;
}

const char *keychainText(int keychainCode)
{
    switch (keychainCode) {
    case QKeychain::NoBackendAvailable:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "This computer has no keychain the application can use, so "
                                 "your sign-in will not be remembered.");
    case QKeychain::AccessDenied:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The keychain refused access, so your sign-in will not be "
                                 "remembered.");
    case QKeychain::AccessDeniedByUser:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Access to the keychain was not allowed, so your sign-in "
                                 "will not be remembered.");
    case QKeychain::CouldNotDeleteEntry:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "Your saved sign-in could not be removed from the keychain.");
    case QKeychain::NotImplemented:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The keychain on this computer cannot do this, so your "
                                 "sign-in will not be remembered.");
    case QKeychain::EntryNotFound:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "No saved sign-in was found in the keychain. Sign in again.");
    default:
        // OtherError, and a code a newer QtKeychain may add.
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The keychain reported an error, so your sign-in may not be "
                                 "remembered.");
    }
}

const char *unreadableAnswerText()
{
    return QT_TRANSLATE_NOOP("engage::models::ApiError",
                             "The service sent an answer this application cannot read. "
                             "Check the service address, or update the application.");
}

const char *kindText(const ApiError &error)
{
    switch (error.kind) {
    case Kind::Problem:
        if (const char *text = error.code ? problemText(*error.code) : nullptr)
            return text;
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service reported a problem this application does not "
                                 "know.");
    case Kind::Network:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service cannot be reached. Check your network "
                                 "connection and try again.");
    case Kind::Timeout:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service did not answer in time. Check your network "
                                 "connection and try again.");
    case Kind::UntrustedCertificate:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service's certificate is not trusted, so the application "
                                 "did not connect.");
    case Kind::PinMismatch:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "The service's certificate has changed since you trusted it. "
                                 "Someone may be intercepting the connection, so the "
                                 "application refuses to connect. Ask your service "
                                 "administrator whether the certificate was replaced.");
    case Kind::TlsFailure:
        return QT_TRANSLATE_NOOP("engage::models::ApiError",
                                 "A secure connection to the service could not be set up.");
    case Kind::BadResponse:
        return unreadableAnswerText();
    case Kind::Keychain:
        return keychainText(error.keychainCode);
    case Kind::Cancelled:
        return QT_TRANSLATE_NOOP("engage::models::ApiError", "The action was cancelled.");
    }
    // A kind outside the enumeration: nothing the user could act on either.
    return unreadableAnswerText();
}

} // namespace

QString ApiError::message() const
{
    return QCoreApplication::translate("engage::models::ApiError", kindText(*this));
}

bool ApiError::isRecoverable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Keychain:
    case Kind::Cancelled:
        return true;
    case Kind::UntrustedCertificate:
    case Kind::PinMismatch:
    case Kind::TlsFailure:
    case Kind::BadResponse:
        return false;
    case Kind::Problem:
        break;
    }
    if (!code)
        return false;
    switch (*code) {
    case ProblemCode::MissingField:
    case ProblemCode::InvalidField:
    case ProblemCode::PayloadTooLarge:
    case ProblemCode::NotFound:
    case ProblemCode::Forbidden:
    case ProblemCode::Conflict:
    case ProblemCode::PreconditionFailed:
    case ProblemCode::PreconditionRequired:
    case ProblemCode::TooManyRequests:
    case ProblemCode::Unavailable:
        return true;
    // The client sent something the contract does not allow: a bug, not
    // something the user can fix on the page.
    case ProblemCode::MalformedJson:
    case ProblemCode::UnknownField:
    case ProblemCode::UnsupportedMediaType:
    case ProblemCode::MethodNotAllowed:
    // The session or the service stops the work.
    case ProblemCode::Unauthenticated:
    case ProblemCode::PasswordChangeRequired:
    case ProblemCode::Internal:
        return false;
    }
    return false;
}

bool ApiError::isUnauthenticated() const
{
    return kind == Kind::Problem && (httpStatus == 401 || code == ProblemCode::Unauthenticated);
}

bool ApiError::isUnreachable() const
{
    return kind == Kind::Network || kind == Kind::Timeout;
}

} // namespace engage::models
