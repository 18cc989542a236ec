// The members export against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "northwind": every member (with
// one of each awkward kind added: a formula-like name, a code with leading
// zeros, a formula-like memo with a line break, a comma and quotes, dates, number, date
// and choice attributes, on leave and without delivery) exported to .xlsx
// and to CSV, in Japanese and in English, then uploaded as a member import:
// the service proposes the export's own columns, and its dry run finds
// every row unchanged, none missing and no new group. The workbook read
// back by openpyxl has the cover sheet last.

#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "exporttestsupport.h"
#include "models/export/exporttask.h"
#include "models/export/memberexportsource.h"
#include "models/memberimportsession.h"
#include "serviceclient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

class TestMemberExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void reimportsUnchanged_data();
    void reimportsUnchanged();
    void cancelWhileReadingLeavesNoFile();

private:
    bool post(const QString &path, const QJsonObject &body, QJsonObject *answer = nullptr);
    qint64 memberTotal();
    // Runs an export of every member to `path`; empty, or why it failed.
    QString exportMembers(const QString &language, const QString &path);

    ServerProcess m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    QTemporaryDir m_dir;
};

void TestMemberExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_memberexport"));
    m_client = std::make_unique<Client>(m_server, *m_store, QStringLiteral("export"));
    QVERIFY(signIn(m_client->session, demoOwner(m_server, QStringLiteral("northwind"))));

    api::AttributeFields number{QStringLiteral("勤続月数"),
                                QStringLiteral("Months served"),
                                api::AttributeType::Number,
                                {}};
    api::AttributeFields date{
        QStringLiteral("資格取得日"), QStringLiteral("Certified on"), api::AttributeType::Date, {}};
    api::AttributeFields choice{QStringLiteral("勤務拠点"),
                                QStringLiteral("Site"),
                                api::AttributeType::Choice,
                                {QStringLiteral("東京"), QStringLiteral("Osaka")}};
    QJsonObject numberAnswer;
    QJsonObject dateAnswer;
    QJsonObject choiceAnswer;
    QVERIFY(post(QStringLiteral("/api/v1/attributes"), api::toJson(number), &numberAnswer));
    QVERIFY(post(QStringLiteral("/api/v1/attributes"), api::toJson(date), &dateAnswer));
    QVERIFY(post(QStringLiteral("/api/v1/attributes"), api::toJson(choice), &choiceAnswer));

    const Outcome groups = get(m_client->api, QStringLiteral("/api/v1/groups"));
    QVERIFY(groups.ok);
    const auto groupList = api::groupListFromJson(groups.json);
    QVERIFY(groupList && !groupList.value().isEmpty());

    api::MemberFields awkward;
    awkward.employeeCode = QStringLiteral("00123");
    awkward.familyName = QStringLiteral("=HYPERLINK(\"x\")");
    awkward.givenName = QStringLiteral("+81");
    awkward.groupId = groupList.value().constLast().id;
    awkward.hireDate = QDate(2015, 4, 1);
    awkward.birthDate = QDate(1990, 2, 28);
    awkward.employmentType = QStringLiteral("正社員");
    awkward.position = QStringLiteral("-");
    awkward.status = api::MemberStatus::OnLeave;
    awkward.deliver = false;
    awkward.language = api::Language::English;
    awkward.memo = QStringLiteral("@一行目\n-二行目, \"引用\"");
    awkward.attributes.insert(numberAnswer.value(QLatin1String("id")).toString(),
                              QStringLiteral("123.5"));
    awkward.attributes.insert(dateAnswer.value(QLatin1String("id")).toString(),
                              QStringLiteral("2022-10-31"));
    awkward.attributes.insert(choiceAnswer.value(QLatin1String("id")).toString(),
                              QStringLiteral("東京"));
    QVERIFY(post(QStringLiteral("/api/v1/members"), api::toJson(awkward)));

    api::MemberFields noEmail;
    noEmail.employeeCode = QStringLiteral("F-77");
    noEmail.familyName = QStringLiteral("髙橋");
    QVERIFY(post(QStringLiteral("/api/v1/members"), api::toJson(noEmail)));
}

void TestMemberExport::cleanup()
{
    m_server.reportIfFailed();
}

bool TestMemberExport::post(const QString &path, const QJsonObject &body, QJsonObject *answer)
{
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome outcome = call(m_client->api, request);
    if (!outcome.ok)
        qWarning() << "POST" << path << "failed:" << outcome.error.detail;
    if (answer)
        *answer = outcome.json;
    return outcome.ok;
}

qint64 TestMemberExport::memberTotal()
{
    const Outcome answer = get(m_client->api, QStringLiteral("/api/v1/members?limit=1"));
    if (!answer.ok)
        return -1;
    const auto page = api::memberPageFromJson(answer.json);
    return page ? page.value().total : -1;
}

QString TestMemberExport::exportMembers(const QString &language, const QString &path)
{
    ExportTask task(std::make_unique<MemberExportSource>(
        m_client->api, language, api::MemberQuery{}, QStringLiteral("northwind"), QString()));
    QSignalSpy finished(&task, &ExportTask::finished);
    QSignalSpy failed(&task, &ExportTask::failed);
    task.start(path, ExportTask::formatFor(path));
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return QStringLiteral("the export did not end");
    if (!failed.isEmpty())
        return failed.constFirst().constFirst().toString();
    return finished.constFirst().constFirst().toString() == path
               ? QString()
               : QStringLiteral("finished with another file");
}

void TestMemberExport::reimportsUnchanged_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("suffix");
    for (const char *language : {"ja", "en"}) {
        for (const char *suffix : {"xlsx", "csv"})
            QTest::addRow("%s %s", language, suffix)
                << QString::fromLatin1(language) << QString::fromLatin1(suffix);
    }
}

void TestMemberExport::reimportsUnchanged()
{
    QFETCH(QString, language);
    QFETCH(QString, suffix);
    const qint64 total = memberTotal();
    QVERIFY(total > 2);
    const QString path = m_dir.filePath(QStringLiteral("members-%1.%2").arg(language, suffix));
    const QString failure = exportMembers(language, path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    if (suffix == QLatin1String("xlsx")) {
        QString error;
        const QJsonObject workbook = readWorkbook(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
        QCOMPARE(sheets.size(), 2); // the members, then the cover
        const QJsonArray rows = sheets.at(0).toObject().value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), total + 1);
        // The member's own language goes out as its code, the company's as nothing.
        const QJsonArray header = rows.at(0).toArray();
        qsizetype languageColumn = -1;
        for (qsizetype column = 0; column < header.size(); ++column) {
            const QString title = header.at(column).toObject()[u"v"].toString();
            if (title == QStringLiteral("言語") || title == QStringLiteral("Language"))
                languageColumn = column;
        }
        QVERIFY(languageColumn >= 0);
        QStringList languages;
        for (qsizetype row = 1; row < rows.size(); ++row) {
            const QJsonValue value = rows.at(row).toArray().at(languageColumn).toObject()[u"v"];
            if (!value.isNull())
                languages << value.toString();
        }
        QCOMPARE(languages, QStringList{QStringLiteral("en")});
    }

    // The columns the service proposes are the export's own.
    MemberExportSource reference(m_client->api, language, {}, {}, {});
    QSignalSpy loaded(&reference, &ExportSource::loaded);
    reference.load();
    QVERIFY(waitFor(loaded));
    MemberImportSession import(m_client->api);
    QSignalSpy importFailed(&import, &MemberImportSession::failed);
    import.upload(path);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return import.state() == MemberImportSession::State::Uploaded ||
                   !importFailed.isEmpty();
        },
        kWaitMs));
    QVERIFY2(importFailed.isEmpty(),
             qPrintable(importFailed.value(0).value(0).value<ApiError>().detail));
    const QList<api::ImportColumn> columns = import.memberImport().columns;
    QCOMPARE(columns.size(), reference.table().columnCount());
    for (int column = 0; column < columns.size(); ++column)
        QVERIFY2(columns.at(column).target == reference.table().targetOf(column),
                 qPrintable(QStringLiteral("%1 went to %2")
                                .arg(columns.at(column).header, columns.at(column).target)));
    QCOMPARE(import.memberImport().rowCount, total);

    import.loadPreview();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return import.state() == MemberImportSession::State::Previewed ||
                   !importFailed.isEmpty();
        },
        kWaitMs));
    QVERIFY2(importFailed.isEmpty(),
             qPrintable(importFailed.value(0).value(0).value<ApiError>().detail));
    const api::ImportPreview &preview = *import.preview();
    for (const api::ImportRow &row : preview.rows) {
        for (const api::ImportFieldChange &change : row.changes)
            qWarning() << "row" << row.row << change.field << change.before << "->" << change.after;
        for (const api::ImportCellError &error : row.errors)
            qWarning() << "row" << error.row << error.column << error.code << error.detail;
    }
    QCOMPARE(preview.added, 0);
    QCOMPARE(preview.changed, 0);
    QCOMPARE(preview.invalid, 0);
    QCOMPARE(preview.unchanged, total);
    QVERIFY(preview.missing.isEmpty());
    QVERIFY(preview.newGroupPaths.isEmpty());
    import.reset();
}

void TestMemberExport::cancelWhileReadingLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportTask task(std::make_unique<MemberExportSource>(m_client->api, QStringLiteral("en"),
                                                         api::MemberQuery{}, QString(), QString()));
    QSignalSpy cancelled(&task, &ExportTask::cancelled);
    QSignalSpy finished(&task, &ExportTask::finished);
    task.start(dir.filePath(QStringLiteral("members.xlsx")), ExportTask::Format::Xlsx);
    QVERIFY(task.isRunning());
    task.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!task.isRunning());
    QTest::qWait(500); // answers that arrive now are dropped
    QVERIFY(finished.isEmpty());
    QVERIFY(entriesOf(dir.path()).isEmpty());
}

QTEST_MAIN(TestMemberExport)
#include "tst_memberexport.moc"
