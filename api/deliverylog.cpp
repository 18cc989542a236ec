#include "deliverylog.h"

#include "enumtable.h"
#include "member.h"
#include "objectreader.h"
#include "queryparams.h"
#include "timestamp.h"
#include "validators.h"

#include <limits>

namespace engage::api {

namespace {

constexpr EnumName<DeliveryChannel> kChannels[] = {
    {DeliveryChannel::Email, QLatin1String("email")},
    {DeliveryChannel::Printed, QLatin1String("printed")},
};

constexpr QLatin1String kId("id");
constexpr QLatin1String kKind("kind");
constexpr QLatin1String kOrdinal("ordinal");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kChannel("channel");
constexpr QLatin1String kDueAt("dueAt");
constexpr QLatin1String kSettledAt("settledAt");
constexpr QLatin1String kAttempts("attempts");
constexpr QLatin1String kDetail("detail");
constexpr QLatin1String kMemberId("memberId");
constexpr QLatin1String kMemberName("memberName");
constexpr QLatin1String kEmployeeCode("employeeCode");
constexpr QLatin1String kEmail("email");
constexpr QLatin1String kGroupId("groupId");
constexpr QLatin1String kPlanned("planned");
constexpr QLatin1String kStatusParam("status");
constexpr QLatin1String kCursorParam("cursor");
constexpr QLatin1String kLimitParam("limit");

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

// A member's name as memberDisplayName() writes it: both parts and the space.
std::optional<Error> validateMemberName(QStringView name)
{
    return validateShownText(name, TextRule{1, 2 * kMemberNameMaxLength + 1, true, false});
}

std::optional<Error> validateDetail(QStringView detail)
{
    return validateText(detail, TextRule{1, kDeliveryDetailMaxLength, false, false});
}

// What a row's fields must agree on, beyond each field's own rule.
std::optional<Error> validateEntry(const DeliveryLogEntry &entry)
{
    if ((entry.kind == DeliveryKind::Invitation) != (entry.ordinal == 0))
        return invalid(QString(kOrdinal), QStringLiteral("Must be 0 for an invitation alone."));
    const bool named = entry.memberId || entry.memberName || entry.employeeCode || entry.email;
    if (entry.kind == DeliveryKind::Reminder && named)
        return invalid(QString(kMemberId), QStringLiteral("A reminder names nobody."));
    if (!entry.memberId && named)
        return invalid(QString(kMemberId), QStringLiteral("Must be given with the member."));
    if ((entry.status == DeliveryStatus::Pending) == entry.settledAt.has_value())
        return invalid(QString(kSettledAt),
                       QStringLiteral("Must be given once the delivery is settled, only then."));
    if (entry.status == DeliveryStatus::Printed && entry.channel != DeliveryChannel::Printed)
        return invalid(QString(kChannel), QStringLiteral("A printed delivery is not an e-mail."));
    if ((entry.status == DeliveryStatus::Sent || entry.status == DeliveryStatus::Bounced) &&
        entry.channel != DeliveryChannel::Email)
        return invalid(QString(kChannel), QStringLiteral("Only e-mail is sent or refused."));
    return std::nullopt;
}

} // namespace

QString deliveryChannelName(DeliveryChannel channel)
{
    return enumName(kChannels, channel);
}

std::optional<DeliveryChannel> deliveryChannelFromName(QStringView name)
{
    return enumFromName(kChannels, name);
}

QStringList deliveryChannelNames()
{
    return enumNames(kChannels);
}

QStringList deliveryStatusNames()
{
    QStringList names;
    for (const DeliveryStatus status : {DeliveryStatus::Pending, DeliveryStatus::Sent,
                                        DeliveryStatus::Bounced, DeliveryStatus::Printed})
        names.append(deliveryStatusName(status));
    return names;
}

QStringList deliveryKindNames()
{
    return {deliveryKindName(DeliveryKind::Invitation), deliveryKindName(DeliveryKind::Reminder)};
}

QJsonObject toJson(const DeliveryLogEntry &entry)
{
    QJsonObject object{{kId, entry.id},
                       {kKind, deliveryKindName(entry.kind)},
                       {kOrdinal, entry.ordinal},
                       {kStatus, deliveryStatusName(entry.status)},
                       {kChannel, deliveryChannelName(entry.channel)},
                       {kDueAt, formatDateTime(entry.dueAt)},
                       {kAttempts, entry.attempts}};
    if (entry.settledAt)
        object.insert(kSettledAt, formatDateTime(*entry.settledAt));
    const std::pair<QLatin1String, const std::optional<QString> &> optional[] = {
        {kDetail, entry.detail},
        {kMemberId, entry.memberId},
        {kMemberName, entry.memberName},
        {kEmployeeCode, entry.employeeCode},
        {kEmail, entry.email}};
    for (const auto &[key, value] : optional) {
        if (value)
            object.insert(key, *value);
    }
    return object;
}

Result<DeliveryLogEntry> deliveryLogEntryFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    DeliveryLogEntry entry;
    entry.id = reader.integer(kId, 1, kMaxJsonInteger);
    entry.kind = reader.enumeration(kKind, deliveryKindFromName, deliveryKindNames);
    entry.ordinal = int(reader.integer(kOrdinal, 0, std::numeric_limits<int>::max()));
    entry.status = reader.enumeration(kStatus, deliveryStatusFromName, deliveryStatusNames);
    entry.channel = reader.enumeration(kChannel, deliveryChannelFromName, deliveryChannelNames);
    entry.dueAt = reader.dateTime(kDueAt);
    entry.settledAt = reader.optionalDateTime(kSettledAt);
    entry.attempts = int(reader.integer(kAttempts, 0, kDeliveryAttemptsMax));
    entry.detail = reader.optionalString(kDetail, validateDetail);
    entry.memberId = reader.optionalString(kMemberId, validateId);
    entry.memberName = reader.optionalString(kMemberName, validateMemberName);
    entry.employeeCode = reader.optionalString(kEmployeeCode, validateEmployeeCode);
    entry.email = reader.optionalString(kEmail, validateEmail);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateEntry(entry))
        return *error;
    return entry;
}

QUrlQuery toUrlQuery(const DeliveryLogQuery &query)
{
    QUrlQuery url;
    if (query.status)
        addQueryValue(url, kStatusParam, deliveryStatusName(*query.status));
    if (query.cursor)
        addQueryValue(url, kCursorParam, *query.cursor);
    if (query.limit != kDeliveryLogPageDefault)
        addQueryValue(url, kLimitParam, QString::number(query.limit));
    return url;
}

Result<DeliveryLogQuery> deliveryLogQueryFromUrl(const QUrlQuery &url)
{
    DeliveryLogQuery query;
    const auto error = readQueryParameters(
        url, {kStatusParam, kCursorParam, kLimitParam},
        [&query](const QString &name, const QString &value) -> std::optional<Error> {
            if (name == kStatusParam) {
                query.status = deliveryStatusFromName(value);
                if (!query.status)
                    return parameterError(*validateEnumName(value, deliveryStatusNames()), name);
            } else if (name == kCursorParam) {
                if (auto refused = validateToken(value))
                    return parameterError(std::move(*refused), name);
                query.cursor = value;
            } else {
                const Result<qint64> limit = readWholeNumber(name, value, 1, kDeliveryLogPageMax);
                if (!limit)
                    return limit.error();
                query.limit = int(limit.value());
            }
            return std::nullopt;
        });
    if (error)
        return *error;
    return query;
}

QJsonObject toJson(const DeliveryLogPage &page)
{
    return toJson(page, [](const DeliveryLogEntry &entry) { return toJson(entry); });
}

Result<DeliveryLogPage> deliveryLogPageFromJson(const QJsonObject &object)
{
    auto page = cursorPageFromJson<DeliveryLogEntry>(object, deliveryLogEntryFromJson);
    if (!page)
        return page;
    const QList<DeliveryLogEntry> &items = page.value().items;
    for (qsizetype i = 1; i < items.size(); ++i) {
        if (items.at(i).id >= items.at(i - 1).id)
            return invalid(QStringLiteral("items.%1.id").arg(i),
                           QStringLiteral("Must be below the row above: newest first, once."));
    }
    return page;
}

QJsonObject toJson(const RemindRequest &request)
{
    QJsonObject object;
    if (request.groupId)
        object.insert(kGroupId, *request.groupId);
    return object;
}

Result<RemindRequest> remindRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RemindRequest request;
    request.groupId = reader.optionalString(kGroupId, validateId);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const RemindResult &result)
{
    QJsonObject object;
    if (result.planned)
        object.insert(kPlanned, *result.planned);
    return object;
}

Result<RemindResult> remindResultFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RemindResult result;
    if (object.contains(kPlanned))
        result.planned = reader.integer(kPlanned, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    return result;
}

} // namespace engage::api
