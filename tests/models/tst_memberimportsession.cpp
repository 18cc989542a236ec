// MemberImportSession and ImportPreviewModel against the real engage-server
// over TLS on loopback, signed in as the owner of the demo tenant "northwind":
// a CSV written by the test is uploaded, its mapping changed and changed back
// (each seen in the dry run), the preview paged through, applied, imported
// again without a change, and undone; a cancelled upload and files refused
// before any byte is sent. QAbstractItemModelTester watches the preview model.

#include "api/member.h"
#include "models/importpreviewmodel.h"
#include "models/memberimportsession.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using State = MemberImportSession::State;

namespace {

const QString kHireDate = QStringLiteral("hireDate");

// One test's members: codes and e-mails of its own, in a group of its own.
struct MemberList
{
    QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QString groupPath = QStringLiteral("Import %1/Team A").arg(tag);

    // Four good rows, one without e-mail or code, one with a date that is not one.
    QByteArray csv() const
    {
        QStringList lines{QStringLiteral("Employee code,Family name,Given name,E-mail,Department,"
                                         "Hire date")};
        const QStringList names{QStringLiteral("Clark,Emma"), QStringLiteral("Sato,Ken"),
                                QStringLiteral("Novak,Ivana"), QStringLiteral("Okafor,Chidi")};
        for (int i = 0; i < names.size(); ++i)
            lines << QStringLiteral("%1-%2,%3,m%2.%1@example.com,%4,2020-04-0%2")
                         .arg(tag)
                         .arg(i + 1)
                         .arg(names.at(i), groupPath);
        lines << QStringLiteral(",Nobody,Here,,%1,2021-01-01").arg(groupPath);
        lines << QStringLiteral("%1-9,Wrong,Date,wrong.%1@example.com,%2,2021-13-45")
                     .arg(tag, groupPath);
        return lines.join(u'\n').toUtf8() + '\n';
    }
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

int columnOf(const api::MemberImport &memberImport, const QString &header)
{
    for (int i = 0; i < memberImport.columns.size(); ++i) {
        if (memberImport.columns.at(i).header == header)
            return i;
    }
    return -1;
}

} // namespace

class TestMemberImportSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void uploadMapPreviewApplyReimportUndo();
    void cancelDuringUploadLeavesNothing();
    void oversizedFileRefusedBeforeUpload();
    void otherTypesRefused();
    void errorsTranslatedByCode_data();
    void errorsTranslatedByCode();
    // Last: it leaves the company's memory of the "Hire date" header changed.
    void aMappingPutBackIsRemembered();

private:
    // Waits for `done` or a failure; false (with the failure's detail) on failure.
    bool waitForStep(MemberImportSession &session, const std::function<bool()> &done);
    bool upload(MemberImportSession &session, const QString &path);
    bool preview(MemberImportSession &session);
    qint64 memberTotal();

    ServerProcess m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    QTemporaryDir m_dir;
};

void TestMemberImportSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_memberimportsession"));
    m_client = std::make_unique<Client>(m_server, *m_store, QStringLiteral("import"));
    QVERIFY(signIn(m_client->session, demoOwner(m_server, QStringLiteral("northwind"))));
}

void TestMemberImportSession::cleanup()
{
    m_server.reportIfFailed();
}

bool TestMemberImportSession::waitForStep(MemberImportSession &session,
                                          const std::function<bool()> &done)
{
    QSignalSpy failed(&session, &MemberImportSession::failed);
    if (!QTest::qWaitFor([&] { return done() || !failed.isEmpty(); }, kWaitMs)) {
        qWarning() << "the step did not end; state" << session.state();
        return false;
    }
    if (!failed.isEmpty()) {
        const auto error = failed.constFirst().constFirst().value<ApiError>();
        qWarning() << "the step failed: HTTP" << error.httpStatus << error.detail;
        return false;
    }
    return true;
}

bool TestMemberImportSession::upload(MemberImportSession &session, const QString &path)
{
    session.upload(path);
    return waitForStep(session, [&] { return session.state() == State::Uploaded; });
}

bool TestMemberImportSession::preview(MemberImportSession &session)
{
    session.loadPreview();
    return waitForStep(session, [&] { return session.state() == State::Previewed; });
}

qint64 TestMemberImportSession::memberTotal()
{
    const Outcome answer = get(m_client->api, QStringLiteral("/api/v1/members?limit=1"));
    if (!answer.ok)
        return -1;
    const auto page = api::memberPageFromJson(answer.json);
    return page ? page.value().total : -1;
}

void TestMemberImportSession::uploadMapPreviewApplyReimportUndo()
{
    const MemberList list;
    const QString path =
        writeFile(m_dir, QStringLiteral("members %1.csv").arg(list.tag), list.csv());
    QVERIFY(!path.isEmpty());
    const qint64 membersBefore = memberTotal();
    QVERIFY(membersBefore >= 0);

    MemberImportSession session(m_client->api);
    QAbstractItemModelTester tester(&session.previewModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy progress(&session, &MemberImportSession::uploadProgress);
    QVERIFY(upload(session, path));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toLongLong(), list.csv().size());
    QCOMPARE(session.fileSize(), list.csv().size());

    // The service read the file and proposes where the English headers go.
    const api::MemberImport &uploaded = session.memberImport();
    QVERIFY(!uploaded.id.isEmpty());
    QCOMPARE(uploaded.format, QStringLiteral("csv"));
    QCOMPARE(uploaded.rowCount, 6);
    QCOMPARE(uploaded.columns.size(), 6);
    QCOMPARE(uploaded.fileName, QFileInfo(path).fileName());
    const QStringList proposed{QStringLiteral("employeeCode"), QStringLiteral("familyName"),
                               QStringLiteral("givenName"),    QStringLiteral("email"),
                               QStringLiteral("groupPath"),    kHireDate};
    for (int i = 0; i < proposed.size(); ++i)
        QCOMPARE(uploaded.columns.at(i).target, proposed.at(i));

    // The proposed mapping saved as it is (a changed one: aMappingPutBackIsRemembered).
    session.setMapping(uploaded.columns);
    QVERIFY(waitForStep(session, [&] { return session.state() == State::Uploaded; }));
    QCOMPARE(session.memberImport().columns, uploaded.columns);
    session.previewModel().setPageSize(2);
    QVERIFY(preview(session));
    // The group does not exist yet: until it is created, its rows are errors.
    const api::ImportPreview counts = *session.preview();
    QCOMPARE(counts.added, 0);
    QCOMPARE(counts.changed, 0);
    QCOMPARE(counts.unchanged, 0);
    QCOMPARE(counts.invalid, 6);
    QVERIFY2(counts.newGroupPaths.contains(list.groupPath),
             qPrintable(counts.newGroupPaths.join(u'|')));
    // Every other member of the company (but those who left) is missing from this file.
    QVERIFY(counts.missing.size() <= membersBefore);
    QVERIFY(membersBefore == 0 || !counts.missing.isEmpty());

    // The first page, then the rest as a view would ask for it.
    ImportPreviewModel &model = session.previewModel();
    QCOMPARE(model.totalRows(), 6);
    QCOMPARE(model.rowCount(), 2);
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(model.isFetching());
        model.fetchMore({}); // ignored while a page is on its way
        QTRY_VERIFY_WITH_TIMEOUT(!model.isFetching(), kWaitMs);
        QVERIFY(model.rowCount() > before);
    }
    QCOMPARE(model.rowCount(), 6);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowAt(row).row, row + 1);
        QCOMPARE(model.rowAt(row).kind, api::ImportRowKind::Invalid);
        QCOMPARE(model.index(row, ImportPreviewModel::KindColumn).data().toString(),
                 ImportPreviewModel::kindText(api::ImportRowKind::Invalid));
        const QString errors = model.index(row, ImportPreviewModel::ErrorsColumn).data().toString();
        QVERIFY(errors.contains(QStringLiteral("Department: no such group")));
    }
    const auto errorCodes = [](const api::ImportRow &row) {
        QStringList codes;
        for (const api::ImportCellError &error : row.errors)
            codes << error.code;
        return codes;
    };
    QVERIFY(errorCodes(model.rowAt(4)).contains(QStringLiteral("needsEmailOrCode")));
    QVERIFY(errorCodes(model.rowAt(5)).contains(QStringLiteral("invalidDate")));

    api::ImportApplyRequest request;
    request.createGroups = true;
    session.apply(request);
    QCOMPARE(session.state(), State::Applying);
    session.cancel(); // an apply already sent goes on
    QVERIFY(waitForStep(session, [&] { return session.state() == State::Applied; }));
    QVERIFY(session.outcome());
    QCOMPARE(session.outcome()->importId, uploaded.id);
    QCOMPARE(session.outcome()->status, api::ImportStatus::Applied);
    QCOMPARE(session.outcome()->added, 4);
    QCOMPARE(session.outcome()->changed, 0);
    QCOMPARE(session.outcome()->markedLeft, 0);
    QCOMPARE(session.outcome()->skipped, 2);
    QVERIFY(session.outcome()->groupsCreated >= 1);
    QCOMPARE(memberTotal(), membersBefore + 4);

    // The same file again changes nothing; the group exists now.
    MemberImportSession again(m_client->api);
    QVERIFY(upload(again, path));
    QVERIFY(again.memberImport().id != uploaded.id);
    QVERIFY(preview(again));
    QCOMPARE(again.preview()->added, 0);
    QCOMPARE(again.preview()->changed, 0);
    QCOMPARE(again.preview()->unchanged, 4);
    QCOMPARE(again.preview()->invalid, 2);
    QVERIFY(again.preview()->newGroupPaths.isEmpty());
    QCOMPARE(again.previewModel().totalRows(), 2);

    session.undo();
    QVERIFY(waitForStep(session, [&] { return session.state() == State::Undone; }));
    QCOMPARE(session.outcome()->status, api::ImportStatus::Undone);
    QCOMPARE(session.outcome()->added, 4); // removed again
    QCOMPARE(memberTotal(), membersBefore);
    again.reset();
    QCOMPARE(again.state(), State::NoFile);
    QVERIFY(upload(again, path));
    QVERIFY(preview(again));
    // The members and the groups the import created are gone again.
    QCOMPARE(again.preview()->unchanged, 0);
    QCOMPARE(again.preview()->invalid, 6);
    QVERIFY(again.preview()->newGroupPaths.contains(list.groupPath));
}

void TestMemberImportSession::cancelDuringUploadLeavesNothing()
{
    // Large enough to take several progress reports on its way.
    const MemberList list;
    QByteArray bytes = list.csv();
    const QByteArray filler =
        QStringLiteral("%1-x,Filler,Row,,%2,2020-01-01\n").arg(list.tag, list.groupPath).toUtf8();
    while (bytes.size() < 16 * 1024 * 1024)
        bytes += filler;
    const QString path = writeFile(m_dir, QStringLiteral("large.csv"), bytes);
    QVERIFY(!path.isEmpty());
    const qint64 membersBefore = memberTotal();

    MemberImportSession session(m_client->api);
    QSignalSpy uploaded(&session, &MemberImportSession::uploaded);
    QSignalSpy failed(&session, &MemberImportSession::failed);
    qint64 sentWhenCancelled = -1;
    connect(&session, &MemberImportSession::uploadProgress, this,
            [&session, &sentWhenCancelled](qint64 sent, qint64 total) {
                if (sentWhenCancelled < 0 && sent > 0 && sent < total) {
                    sentWhenCancelled = sent;
                    session.cancel();
                }
            });
    session.upload(path);
    QTRY_VERIFY_WITH_TIMEOUT(sentWhenCancelled > 0, kWaitMs);
    QCOMPARE(session.state(), State::NoFile);
    QVERIFY(session.memberImport().id.isEmpty());
    QTest::qWait(1000);
    QVERIFY(uploaded.isEmpty());
    QVERIFY(failed.isEmpty()); // a cancel is no failure to report
    QCOMPARE(session.state(), State::NoFile);
    QCOMPARE(memberTotal(), membersBefore);

    // The session carries on with the next file.
    const QString small = writeFile(m_dir, QStringLiteral("small.csv"), list.csv());
    QVERIFY(upload(session, small));
}

void TestMemberImportSession::oversizedFileRefusedBeforeUpload()
{
    const QString path = m_dir.filePath(QStringLiteral("huge.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(api::kImportMaxBytes + 1)); // sparse: nothing written
    file.close();

    MemberImportSession session(m_client->api);
    QSignalSpy refused(&session, &MemberImportSession::fileRefused);
    QSignalSpy states(&session, &MemberImportSession::stateChanged);
    QSignalSpy progress(&session, &MemberImportSession::uploadProgress);
    session.upload(path);
    QVERIFY(waitFor(refused));
    QCOMPARE(refused.constFirst().constFirst().value<MemberImportSession::FileProblem>(),
             MemberImportSession::FileProblem::TooLarge);
    QCOMPARE(session.fileSize(), api::kImportMaxBytes + 1);
    QCOMPARE(session.state(), State::NoFile);
    QCOMPARE(states.size(), 2); // reading, then no file: never uploading
    QCOMPARE(states.at(0).constFirst().value<State>(), State::Reading);
    QVERIFY(progress.isEmpty());

    // Exactly the limit is read (and would be sent).
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(api::kImportMaxBytes));
    file.close();
    session.upload(path);
    QTRY_VERIFY_WITH_TIMEOUT(session.state() != State::Reading, kWaitMs);
    QCOMPARE(session.state(), State::Uploading);
    session.cancel();
    QCOMPARE(session.state(), State::NoFile);
}

void TestMemberImportSession::otherTypesRefused()
{
    const QString text = writeFile(m_dir, QStringLiteral("members.txt"), "a,b\n1,2\n");
    const QString empty = writeFile(m_dir, QStringLiteral("empty.csv"), {});
    MemberImportSession session(m_client->api);
    QSignalSpy refused(&session, &MemberImportSession::fileRefused);
    session.upload(text);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).constFirst().value<MemberImportSession::FileProblem>(),
             MemberImportSession::FileProblem::UnsupportedType);
    QCOMPARE(session.state(), State::NoFile);

    session.upload(empty);
    QVERIFY(QTest::qWaitFor([&] { return refused.size() == 2; }, kWaitMs));
    QCOMPARE(refused.at(1).constFirst().value<MemberImportSession::FileProblem>(),
             MemberImportSession::FileProblem::Empty);

    session.upload(m_dir.filePath(QStringLiteral("gone.csv")));
    QVERIFY(QTest::qWaitFor([&] { return refused.size() == 3; }, kWaitMs));
    QCOMPARE(refused.at(2).constFirst().value<MemberImportSession::FileProblem>(),
             MemberImportSession::FileProblem::Unreadable);
    QCOMPARE(MemberImportSession::contentTypeFor(QStringLiteral("A.XLSX")),
             QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    QCOMPARE(MemberImportSession::contentTypeFor(QStringLiteral("a.csv")), QByteArray("text/csv"));
}

void TestMemberImportSession::errorsTranslatedByCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");
    const QString detail = QStringLiteral("The service's detail.");
    QTest::newRow("known code, column")
        << QStringLiteral("invalidDate") << QStringLiteral("Hire date")
        << QStringLiteral("Hire date: not a date (write it as 2024-04-01)");
    QTest::newRow("known code, whole row")
        << QStringLiteral("needsEmailOrCode") << QString()
        << QStringLiteral("a member needs an e-mail or an employee code");
    QTest::newRow("unknown code: the detail")
        << QStringLiteral("somethingNew") << QStringLiteral("Grade")
        << QStringLiteral("Grade: ") + detail;
    const QStringList codes{QStringLiteral("required"),      QStringLiteral("invalid"),
                            QStringLiteral("tooLong"),       QStringLiteral("invalidNumber"),
                            QStringLiteral("invalidChoice"), QStringLiteral("unknownGroup"),
                            QStringLiteral("unknownMember"), QStringLiteral("duplicateInFile"),
                            QStringLiteral("emailTaken"),    QStringLiteral("codeTaken"),
                            QStringLiteral("ambiguous")};
    for (const QString &code : codes)
        QTest::newRow(qPrintable(code)) << code << QString() << QString();
}

void TestMemberImportSession::errorsTranslatedByCode()
{
    QFETCH(QString, code);
    QFETCH(QString, column);
    QFETCH(QString, expected);
    const QString detail = QStringLiteral("The service's detail.");
    const QString text = ImportPreviewModel::errorText({1, column, code, detail});
    if (expected.isEmpty()) {
        // Every documented code has a sentence of its own, never the English detail.
        QVERIFY(!text.isEmpty());
        QVERIFY(text != detail);
    } else {
        QCOMPARE(text, expected);
    }
}

void TestMemberImportSession::aMappingPutBackIsRemembered()
{
    const MemberList list;
    const QString path = writeFile(m_dir, QStringLiteral("remember.csv"), list.csv());
    MemberImportSession session(m_client->api);
    QVERIFY(upload(session, path));
    const int hireColumn = columnOf(session.memberImport(), QStringLiteral("Hire date"));
    QVERIFY(hireColumn >= 0);
    QCOMPARE(session.memberImport().columns.at(hireColumn).target, kHireDate);

    // Without the hire date the bad date is no error; with it, it is one again.
    QList<api::ImportColumn> columns = session.memberImport().columns;
    columns[hireColumn].target.clear();
    session.setMapping(columns);
    QVERIFY(waitForStep(session, [&] { return session.state() == State::Uploaded; }));
    QCOMPARE(session.memberImport().columns.at(hireColumn).target, QString());
    QVERIFY(session.memberImport().columns.at(hireColumn).remembered);
    QVERIFY(preview(session));
    QCOMPARE(session.previewModel().rowAt(5).errors.size(), 1); // the new group only

    columns[hireColumn].target = kHireDate;
    session.setMapping(columns);
    QVERIFY(waitForStep(session, [&] { return session.state() == State::Uploaded; }));
    QVERIFY(preview(session));
    QCOMPARE(session.previewModel().rowAt(5).errors.size(), 2); // and the date

    // The next file of the company goes as the last one went.
    MemberImportSession next(m_client->api);
    QVERIFY(upload(next, path));
    QCOMPARE(next.memberImport().columns.at(hireColumn).target, kHireDate);
}

QTEST_MAIN(TestMemberImportSession)
#include "tst_memberimportsession.moc"
