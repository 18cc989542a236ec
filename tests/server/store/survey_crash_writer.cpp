// The child of tst_store_surveyrepository's crash test, writing surveys until
// it is killed: each survey is created, renamed twice (its kind, name and
// cadence change with it) and published, each step printed once committed:
// "created <id>", "updated <id> <revision>", "published <id>".
// Usage: survey_crash_writer DATA_DIR

#include "store/surveyrepository.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <cstdio>

using namespace engage::server::store;
namespace api = engage::api;

namespace {

api::SurveyDefinition definition(quint64 serial, int edit)
{
    api::SurveyDefinition made;
    made.kind = edit % 2 ? api::SurveyKind::Pulse : api::SurveyKind::Custom;
    made.name = api::LocalizedText{edit == 1 ? QString() : QStringLiteral("調査 %1").arg(serial),
                                   QStringLiteral("Survey %1 edit %2").arg(serial).arg(edit)};
    made.delivery.startDate = QDate(2030, 1, 7);
    made.delivery.cadenceWeeks = api::pulseCadences().at(edit % api::pulseCadences().size());
    if (made.kind == api::SurveyKind::Custom) {
        api::Question question;
        question.id = QStringLiteral("q1");
        question.text = api::LocalizedText{QStringLiteral("質問"), QStringLiteral("Question")};
        made.questions.append(question);
    }
    return made;
}

int fail(const char *what, const StoreError &error)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.message));
    return 1;
}

void acknowledge(const QString &line)
{
    // Committed with synchronous=FULL before this line exists.
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: survey_crash_writer DATA_DIR\n");
        return 2;
    }
    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = QString::fromLocal8Bit(argv[1]) + QStringLiteral("/engage.sqlite3");
    Database database(location);
    const auto migrated = Migrator().migrate(database.connection());
    if (!migrated)
        return fail("migrate", migrated.error());
    Keyring keyring(testing::testMasterKey());
    TenantRepository tenants(database.connection(), keyring);
    auto tenant = tenants.findBySlug(QStringLiteral("crash"));
    if (!tenant) {
        NewTenant crash;
        crash.slug = QStringLiteral("crash");
        crash.name = QStringLiteral("Crash");
        tenant = tenants.create(crash);
    }
    if (!tenant)
        return fail("tenant", tenant.error());
    const TenantScope scope(tenant.value().tenant.id);
    SurveyRepository surveys(database.connection(), keyring);
    const quint64 pid = quint64(QCoreApplication::applicationPid());
    for (quint64 serial = pid * 100000;; ++serial) {
        const auto created =
            surveys.create(scope, definition(serial, 0), QDateTime::currentDateTimeUtc());
        if (!created)
            return fail("create", created.error());
        const QString id = created.value().id;
        acknowledge(QStringLiteral("created ") + id);
        qint64 revision = created.value().revision;
        for (int edit = 1; edit <= 2; ++edit) {
            const auto updated = surveys.update(scope, id, revision, definition(serial, edit),
                                                QDateTime::currentDateTimeUtc());
            if (!updated)
                return fail("update", updated.error());
            revision = updated.value().revision;
            acknowledge(QStringLiteral("updated %1 %2").arg(id).arg(revision));
        }
        const auto published =
            surveys.publish(scope, id, revision, QDateTime::currentDateTimeUtc());
        if (!published)
            return fail("publish", published.error());
        acknowledge(QStringLiteral("published ") + id);
    }
}
