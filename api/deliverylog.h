#pragma once

#include "cursorpage.h"
#include "result.h"
#include "survey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrlQuery>
#include <optional>

namespace engage::api {

// Running a round (issue 7), beside api::RoundProgress:
//
//   GET  /api/v1/rounds/{id}/deliveries  the delivery log, a page (DeliveryLogQuery)
//                                        -> DeliveryLogPage
//   POST /api/v1/rounds/{id}/remind      RemindRequest -> 202 RemindResult
//
// Both for owners and admins, like .../progress.

// How a delivery reaches its member.
enum class DeliveryChannel
{
    Email,
    Printed, // a QR sheet or a CSV handed out by HR: the member has no e-mail address
};
QString deliveryChannelName(DeliveryChannel channel); // "email", "printed"
std::optional<DeliveryChannel> deliveryChannelFromName(QStringView name);
QStringList deliveryChannelNames();
QStringList deliveryStatusNames(); // api::DeliveryStatus's
QStringList deliveryKindNames();   // api::DeliveryKind's

inline constexpr int kDeliveryLogPageDefault = 100;
inline constexpr int kDeliveryLogPageMax = 500;
inline constexpr int kDeliveryDetailMaxLength = 2000;
inline constexpr int kDeliveryAttemptsMax = 1000;

// One row of the log: an invitation or a reminder to one target. A row
// being sent counts as pending; a reminder that turned out unneeded (the
// member had answered, the round closed) is not listed, as the progress
// counts it nowhere.
//
// Who it went to is given for invitations only: every target gets one, so
// naming them tells nothing. A reminder goes only to those who had not
// answered, so its row names nobody (a bounced address shows on the
// member's invitation). The member is absent too once removed.
struct DeliveryLogEntry
{
    qint64 id = 0; // stable; the log is ordered by it, newest first
    DeliveryKind kind = DeliveryKind::Invitation;
    int ordinal = 0; // 0 for the invitation, n for the n-th reminder
    DeliveryStatus status = DeliveryStatus::Pending;
    DeliveryChannel channel = DeliveryChannel::Email;
    QDateTime dueAt;                    // when it is (or was) to go, UTC
    std::optional<QDateTime> settledAt; // when it was sent, refused or printed
    int attempts = 0;
    // The mail server's last answer, or why the row waits, as the service
    // words it (English, never an address or another personal value).
    std::optional<QString> detail;
    std::optional<QString> memberId;
    std::optional<QString> memberName;   // memberDisplayName()
    std::optional<QString> employeeCode; // the member's, if any
    std::optional<QString> email;        // the member's, if any

    friend bool operator==(const DeliveryLogEntry &a, const DeliveryLogEntry &b)
    {
        return a.id == b.id && a.kind == b.kind && a.ordinal == b.ordinal && a.status == b.status &&
               a.channel == b.channel && a.dueAt == b.dueAt && a.settledAt == b.settledAt &&
               a.attempts == b.attempts && a.detail == b.detail && a.memberId == b.memberId &&
               a.memberName == b.memberName && a.employeeCode == b.employeeCode &&
               a.email == b.email;
    }
    friend bool operator!=(const DeliveryLogEntry &a, const DeliveryLogEntry &b)
    {
        return !(a == b);
    }
};

// {"id","kind","ordinal","status","channel","dueAt","settledAt"?,"attempts",
//  "detail"?,"memberId"?,"memberName"?,"employeeCode"?,"email"?}. Decoding
// also refuses a reminder that names its member, a settled row without its
// time, a pending one with it, and a printed row sent by e-mail.
QJsonObject toJson(const DeliveryLogEntry &entry);
Result<DeliveryLogEntry> deliveryLogEntryFromJson(const QJsonObject &object);

// ?status= one DeliveryStatus name (none: every status); ?cursor= a page's
// nextCursor; ?limit= 1-kDeliveryLogPageMax.
struct DeliveryLogQuery
{
    std::optional<DeliveryStatus> status;
    std::optional<QString> cursor;
    int limit = kDeliveryLogPageDefault;

    friend bool operator==(const DeliveryLogQuery &a, const DeliveryLogQuery &b)
    {
        return a.status == b.status && a.cursor == b.cursor && a.limit == b.limit;
    }
    friend bool operator!=(const DeliveryLogQuery &a, const DeliveryLogQuery &b)
    {
        return !(a == b);
    }
};

// Only members that differ from the defaults are written.
QUrlQuery toUrlQuery(const DeliveryLogQuery &query);
// Strict: unknown, repeated and bad parameters are errors naming the parameter.
Result<DeliveryLogQuery> deliveryLogQueryFromUrl(const QUrlQuery &query);

// Newest first; `nextCursor` fetches the older rows below the page (there
// is no page above: the log is read from its top).
using DeliveryLogPage = CursorPage<DeliveryLogEntry>;
QJsonObject toJson(const DeliveryLogPage &page);
// Refuses a page that repeats a row or is not ordered newest first.
Result<DeliveryLogPage> deliveryLogPageFromJson(const QJsonObject &object);

// "Remind now": {"groupId"?}: the non-respondents of the group's subtree, or
// of the whole round without one. The answer: {"planned"?: n}, the reminders
// planned to go at once, absent when what was reminded holds a group under
// the anonymity threshold (as .../progress withholds its respondents, and
// a count of the whole would recover the small group's by subtraction).
struct RemindRequest
{
    std::optional<QString> groupId;

    friend bool operator==(const RemindRequest &a, const RemindRequest &b)
    {
        return a.groupId == b.groupId;
    }
    friend bool operator!=(const RemindRequest &a, const RemindRequest &b) { return !(a == b); }
};
QJsonObject toJson(const RemindRequest &request);
Result<RemindRequest> remindRequestFromJson(const QJsonObject &object);

struct RemindResult
{
    std::optional<qint64> planned;

    friend bool operator==(const RemindResult &a, const RemindResult &b)
    {
        return a.planned == b.planned;
    }
    friend bool operator!=(const RemindResult &a, const RemindResult &b) { return !(a == b); }
};
QJsonObject toJson(const RemindResult &result);
Result<RemindResult> remindResultFromJson(const QJsonObject &object);

} // namespace engage::api
