// docs/api/openapi.yaml describes every route the service offers, and no other.

#include "crypto/random.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "serviceroutes.h"
#include "store/database.h"
#include "store/keyring.h"
#include "engagement/aggregatecache.h"
#include "store/memberindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace engage::server;

class TestOpenApi final : public QObject
{
    Q_OBJECT

private:
    // "GET /path" for every operation in the document, read by PyYAML (a
    // reader we did not write).
    static QStringList documentedOperations()
    {
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, yaml\n"
                            "spec = yaml.safe_load(open(sys.argv[1]))\n"
                            "verbs = {'get','put','post','delete','patch','head','options'}\n"
                            "print(json.dumps([m.upper() + ' ' + p for p, ops in "
                            "spec['paths'].items() for m in ops if m in verbs]))\n"),
             QStringLiteral(ENGAGE_OPENAPI_FILE)});
        if (!python.waitForFinished(30000) || python.exitCode() != 0) {
            qWarning() << python.readAllStandardError();
            return {};
        }
        QStringList operations;
        const QJsonArray array = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        for (const QJsonValue &operation : array)
            operations.append(operation.toString());
        return operations;
    }

private Q_SLOTS:
    void everyRouteIsDocumented()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const auto location = store::DatabaseLocation::parse({}, dir.path(), &error);
        QVERIFY(location);
        store::Database database(*location);
        store::Keyring keyring(
            crypto::MasterKey::fromBytes(crypto::SecretBytes(crypto::randomBytes(32))));
        QThreadPool workers;
        http::Router router;
        store::MemberIndex memberIndex(keyring);
        engagement::AggregateCache aggregates;
        addServiceRoutes(router,
                         ops::ServiceContext{database, keyring, workers, memberIndex, aggregates, dir.path()});

        QStringList served;
        for (const QByteArray &route : router.routeTable())
            served.append(QString::fromLatin1(route));
        QStringList documented = documentedOperations();
        QVERIFY2(!documented.isEmpty(), "the OpenAPI document could not be read");
        QVERIFY(!served.isEmpty());
        served.sort();
        documented.sort();
        QCOMPARE(served, documented);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
