// engage-bench-rest-server: the service exactly as engage-server runs it, plus
// GET /api/v1/me for `scripts/bench rest`.
//
// GET /api/v1/me here is a STAND-IN until sign-in exists: it checks
// `Authorization: Bearer <64 hex>` against one fixed token in constant time and
// answers a fixed person (~300 bytes of JSON), so that the benchmark measures
// the shape of an authenticated JSON route: header lookup, token comparison,
// JSON serialisation. Replace it with the real route when sign-in lands.

#include "api/person.h"
#include "api/problemcode.h"
#include "http/router.h"
#include "ops/servicerunner.h"
#include "serviceroutes.h"

#include <openssl/crypto.h>

using namespace engage;
using namespace engage::server;

namespace {

// The one token the stand-in accepts; scripts/bench (bench/rest/run) sends it.
constexpr char benchToken[] = "5f1c0ad8e2b94e37a6c4d9f0b8e1a2c35d7e9f1b3c5a7d9e0f2a4c6b8d0e1f3a";
constexpr qsizetype benchTokenLength = sizeof(benchToken) - 1;
static_assert(benchTokenLength == 64);

bool authorised(const http::Request &request)
{
    const QByteArray value = request.header("authorization");
    const QByteArrayView scheme("Bearer ");
    if (value.size() != scheme.size() + benchTokenLength ||
        QByteArrayView(value).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return false;
    // The length is public; the bytes are compared in constant time.
    return CRYPTO_memcmp(value.constData() + scheme.size(), benchToken,
                         static_cast<std::size_t>(benchTokenLength)) == 0;
}

api::Person benchPerson()
{
    api::Person person;
    person.id = QStringLiteral("0b6f5c1e-8d3a-4f27-9c61-2e4a7b9d0f13");
    person.email = QStringLiteral("margaret.hamilton-lovelace@engineering.example.com");
    person.displayName = QStringLiteral("Margaret Hamilton-Lovelace (Engineering Operations)");
    person.role = api::Role::Admin;
    person.createdAt = QDateTime(QDate(2026, 1, 5), QTime(9, 30), Qt::UTC);
    person.lastSignInAt = QDateTime(QDate(2026, 11, 2), QTime(8, 15, 42), Qt::UTC);
    return person;
}

void addBenchMeRoute(http::Router &router)
{
    router.add(http::Method::Get, "/api/v1/me",
               [person = benchPerson()](http::Request request, http::Responder respond) {
                   if (!authorised(request)) {
                       http::Response refusal =
                           http::Response::problem(api::ProblemCode::Unauthenticated);
                       refusal.headers.emplace_back("WWW-Authenticate", "Bearer");
                       respond(std::move(refusal));
                       return;
                   }
                   respond(http::Response::json(200, api::toJson(person)));
               });
}

} // namespace

int main(int argc, char *argv[])
{
    return ops::runService(argc, argv, QStringLiteral("engage-bench-rest-server"),
                           [](http::Router &router, const ops::ServiceContext &context) {
                               addServiceRoutes(router, context);
                               addBenchMeRoute(router);
                           });
}
