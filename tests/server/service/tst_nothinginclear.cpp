// Personal data and secrets never reach the disk or the log in clear: the real
// engage-server --demo serves a session that signs in (a lookup by e-mail),
// reads and lists people, adds one, adds a member (employee) with a birth date
// and a memo, reads it and searches for it by name, renews and signs out;
// then every file of
// its data directory (database, -wal, -shm, keys, certificate) and everything
// it logged are searched for every name, e-mail, password and token it handled.

#include "httpsprobe.h"
#include "serverprocess.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace engage::test;

namespace {

HeaderList bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestNothingInClear final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void afterASessionNothingIsInClear()
    {
        ServerProcess server;
        server.seedDemoDataItself(); // everything a first start writes, too
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpsProbe probe(server.certificatePath(), server.url());
        const QJsonArray tenants = server.announcement().value(QStringLiteral("tenants")).toArray();
        QCOMPARE(tenants.size(), 2);

        QStringList secrets; // everything that must not be found in clear
        for (const QJsonValue &value : tenants) {
            const QJsonObject tenant = value.toObject();
            const QString email = tenant.value(QStringLiteral("adminEmail")).toString();
            const QString password = tenant.value(QStringLiteral("adminPassword")).toString();
            secrets << email << password;

            HttpResponse response = probe.send(
                "POST", QStringLiteral("/api/v1/auth/login"),
                json({{QStringLiteral("tenant"), tenant.value(QStringLiteral("slug"))},
                      {QStringLiteral("email"), email},
                      {QStringLiteral("password"), password}}),
                {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const QString access = response.json().value(QStringLiteral("accessToken")).toString();
            const QString refresh =
                response.json().value(QStringLiteral("refreshToken")).toString();
            secrets << access << refresh;

            response = probe.get(QStringLiteral("/api/v1/users"), bearer(access));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const QJsonArray people = response.json().value(QStringLiteral("items")).toArray();
            QVERIFY(people.size() >= 3);
            for (const QJsonValue &person : people) {
                secrets << person.toObject().value(QStringLiteral("displayName")).toString()
                        << person.toObject().value(QStringLiteral("email")).toString();
                response = probe.get(QStringLiteral("/api/v1/users/") +
                                         person.toObject().value(QStringLiteral("id")).toString(),
                                     bearer(access));
                QVERIFY2(response.status == 200, qPrintable(response.describe()));
            }

            const QString newEmail =
                QStringLiteral("hoshino.akari@%1.example").arg(tenant.value(u"slug").toString());
            response =
                probe.send("POST", QStringLiteral("/api/v1/users"),
                           json({{QStringLiteral("email"), newEmail},
                                 {QStringLiteral("displayName"), QStringLiteral("星野 明里")},
                                 {QStringLiteral("role"), QStringLiteral("viewer")}}),
                           bearer(access));
            QVERIFY2(response.status == 201, qPrintable(response.describe()));
            secrets << newEmail << QStringLiteral("星野 明里")
                    << response.json().value(QStringLiteral("initialPassword")).toString();

            const QString slug = tenant.value(u"slug").toString();
            const QJsonObject member{
                {QStringLiteral("employeeCode"), QString(QStringLiteral("EMP-Q7X93KZ-") + slug)},
                {QStringLiteral("email"), QStringLiteral("sayaka.mitarai@%1.example").arg(slug)},
                {QStringLiteral("familyName"), QStringLiteral("御手洗")},
                {QStringLiteral("givenName"), QStringLiteral("紗耶香")},
                {QStringLiteral("attributes"), QJsonObject()},
                {QStringLiteral("birthDate"), QStringLiteral("1987-06-15")},
                {QStringLiteral("employmentType"), QString()},
                {QStringLiteral("grade"), QString()},
                {QStringLiteral("position"), QString()},
                {QStringLiteral("jobCategory"), QString()},
                {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("deliver"), true},
                {QStringLiteral("memo"),
                 QStringLiteral("Allergic to peanuts; call extension 4471.")}};
            response =
                probe.send("POST", QStringLiteral("/api/v1/members"), json(member), bearer(access));
            QVERIFY2(response.status == 201, qPrintable(response.describe()));
            for (const QString &field : {QStringLiteral("employeeCode"), QStringLiteral("email"),
                                         QStringLiteral("familyName"), QStringLiteral("givenName"),
                                         QStringLiteral("birthDate"), QStringLiteral("memo")})
                secrets << member.value(field).toString();
            response = probe.get(QString::fromLatin1(response.header("location")), bearer(access));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            response = probe.get(QStringLiteral("/api/v1/members?q=") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(
                                         member.value(QStringLiteral("familyName")).toString())),
                                 bearer(access));
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            QCOMPARE(response.json().value(QStringLiteral("total")).toInt(), 1);

            response = probe.send(
                "POST", QStringLiteral("/api/v1/auth/refresh"),
                json({{QStringLiteral("refreshToken"), refresh}}),
                {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const QString renewed = response.json().value(QStringLiteral("accessToken")).toString();
            secrets << renewed << response.json().value(QStringLiteral("refreshToken")).toString();
            response =
                probe.send("POST", QStringLiteral("/api/v1/auth/logout"), {}, bearer(renewed));
            QVERIFY2(response.status == 204, qPrintable(response.describe()));
        }

        // The access log is batched: stop the server so that every row is written.
        server.terminate();
        QVERIFY(server.waitForExit(20000));
        QCOMPARE(server.exitCode(), 0);

        QByteArray everything = server.stderrText().toUtf8();
        int files = 0;
        QDirIterator walk(server.dataDir(), QDir::Files | QDir::Hidden,
                          QDirIterator::Subdirectories);
        while (walk.hasNext()) {
            QFile file(walk.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            everything += file.readAll();
            ++files;
        }
        QVERIFY2(files >= 3, "the data directory holds less than a database");
        QVERIFY(everything.size() > 10000);
        secrets.removeAll(QString());
        QVERIFY(secrets.size() > 20);
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY2(!everything.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!everything.contains(secret.toLower().toUtf8()), qPrintable(secret));
            // A search is sent in the URL: not in a log as it was written there either.
            QVERIFY2(!everything.contains(QUrl::toPercentEncoding(secret)), qPrintable(secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestNothingInClear)
#include "tst_nothinginclear.moc"
