// libFuzzer target: bytes -> api::parseJsonObject -> every codec of the wire
// contract. Properties checked (a violation traps, so libFuzzer keeps the input):
// - parseJsonObject never crashes, and a document accepted at some depth limit
//   is accepted at every larger one;
// - for any value a codec accepts, toJson then decoding again gives an equal
//   value, both on the QJsonObject and through serialised bytes and
//   parseJsonObject (what the other side of the wire does).

#include "api/attribute.h"
#include "api/cursorpage.h"
#include "api/group.h"
#include "api/jsonparse.h"
#include "api/member.h"
#include "api/memberimport.h"
#include "api/person.h"
#include "api/problem.h"
#include "api/session.h"
#include "api/tenant.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace engage::api;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

// Decodes `object` with `decode`; for an accepted value, encodes it with
// `encode` and checks that both the object and its wire bytes decode back to
// an equal value.
template<typename Decode, typename Encode>
void roundTrip(const QJsonObject &object, Decode &&decode, Encode &&encode)
{
    auto decoded = decode(object);
    if (!decoded)
        return;
    const QJsonObject encoded = encode(decoded.value());
    auto again = decode(encoded);
    check(again.isOk());
    check(again.value() == decoded.value());

    const QByteArray bytes = QJsonDocument(encoded).toJson(QJsonDocument::Compact);
    const Result<QJsonObject> reparsed = parseJsonObject(bytes);
    check(reparsed.isOk());
    auto fromBytes = decode(reparsed.value());
    check(fromBytes.isOk());
    check(fromBytes.value() == decoded.value());
}

template<typename T>
QJsonObject encodeValue(const T &value)
{
    return toJson(value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    // The nesting limit only ever refuses more as it shrinks.
    const Result<QJsonObject> shallow = parseJsonObject(body, 1);
    const Result<QJsonObject> parsed = parseJsonObject(body);
    const Result<QJsonObject> deep = parseJsonObject(body, kMaxJsonDepthCap + 100);
    check(!shallow.isOk() || parsed.isOk());
    check(!parsed.isOk() || deep.isOk());
    if (!parsed) {
        check(parsed.error().code == ProblemCode::MalformedJson);
        check(!parsed.error().detail.isEmpty());
        return 0;
    }
    const QJsonObject &object = parsed.value();

    roundTrip(object, tenantOptionsFromJson, encodeValue<TenantOptions>);
    roundTrip(object, tenantFromJson, encodeValue<Tenant>);
    roundTrip(object, personFromJson, encodeValue<Person>);
    roundTrip(object, sessionFromJson, encodeValue<Session>);
    roundTrip(object, problemFromJson, encodeValue<Problem>);
    roundTrip(
        object, [](const QJsonObject &o) { return cursorPageFromJson<Person>(o, personFromJson); },
        encodeValue<CursorPage<Person>>);
    roundTrip(
        object, [](const QJsonObject &o) { return cursorPageFromJson<Tenant>(o, tenantFromJson); },
        encodeValue<CursorPage<Tenant>>);
    roundTrip(object, memberFieldsFromJson, encodeValue<MemberFields>);
    roundTrip(object, memberFromJson, encodeValue<Member>);
    roundTrip(object, memberPageFromJson, encodeValue<MemberPage>);
    roundTrip(object, groupFieldsFromJson, encodeValue<GroupFields>);
    roundTrip(object, groupFromJson, encodeValue<Group>);
    roundTrip(object, groupListFromJson, encodeValue<QList<Group>>);
    roundTrip(object, groupScopeFromJson, encodeValue<GroupScope>);
    roundTrip(object, attributeFieldsFromJson, encodeValue<AttributeFields>);
    roundTrip(object, attributeFromJson, encodeValue<Attribute>);
    roundTrip(object, attributeListFromJson, encodeValue<QList<Attribute>>);
    roundTrip(object, memberImportFromJson, encodeValue<MemberImport>);
    roundTrip(object, importMappingFromJson, encodeValue<ImportMapping>);
    roundTrip(object, importPreviewFromJson, encodeValue<ImportPreview>);
    roundTrip(object, importApplyRequestFromJson, encodeValue<ImportApplyRequest>);
    roundTrip(object, importOutcomeFromJson, encodeValue<ImportOutcome>);
    return 0;
}
