// The member-import routes end to end, in-process over real TLS on a real
// (SQLite) store: upload, mapping, preview, apply, the operation-log row, the
// same file again, undo, and undo refused once a member changed; a workbook
// written by openpyxl, dates as date cells, the same way; roles, tenants,
// size limit and hostile file names.

#include "api/memberimport.h"
#include "externaltool.h"
#include "import/importroutes.h"
#include "servicefixture.h"
#include "store/attributerepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace engage;
using namespace engage::server;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;

namespace {

const QString kImports = QStringLiteral("/api/v1/member-imports");
const QByteArray kXlsxType =
    QByteArrayLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

// Three members as an HR system's export writes them, by openpyxl: dates as
// date cells (a datetime at midnight too), delivery as booleans, one group
// path with a full-width separator and a trailing space, one group new.
const QByteArray kRosterWorkbook = QByteArrayLiteral(R"(import datetime, sys
from openpyxl import Workbook
workbook = Workbook()
sheet = workbook.active
sheet.append(['社員番号', '姓', '名', 'メールアドレス', '所属', '入社日', '生年月日', '在籍状況', '配信'])
sheet.append(['XL01', '髙橋', '一郎', 'ichiro.xl@example.jp', '本社/営業部',
              datetime.date(2019, 4, 1), datetime.datetime(1990, 1, 31), '在籍', False])
sheet.append(['XL02', '山﨑', '花子', None, '本社／営業部 ', datetime.date(2020, 10, 1), None,
              '休職', True])
sheet.append(['XL03', '渡邊', '蓮', None, '本社/輸入部', datetime.date(2021, 4, 1),
              datetime.date(2000, 2, 29), '在籍', True])
workbook.save(sys.argv[1])
)");

QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

// A roster as an HR person keeps it: a UTF-8 CSV with a BOM, one header
// Engage does not know (スタッフ区分), a group written with stray spaces.
QByteArray roster()
{
    return QByteArrayLiteral("\xEF\xBB\xBF") +
           QStringLiteral(
               "社員番号,氏名,メールアドレス,所属,入社日,役職,勤務地,スタッフ区分\r\n"
               "E0001,山田 太郎,taro@example.com,本社/営業部,2015-04-01,課長,東京,正社員\r\n"
               "E0002,髙橋 花子,hanako@example.com, 本社 / 営業部 ,2020-04-01,,大阪,契約社員\r\n"
               "E0003,山﨑 次郎,,本社/新部,2021-10-01,,,正社員\r\n"
               "E0004,佐藤 三郎,,本社,2021-02-30,,,正社員\r\n")
               .toUtf8();
}

} // namespace

class TestImportRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_a;
    ServiceFixture::Tenant m_b;
    QString m_honsha;
    QString m_eigyo;
    QString m_yamada; // E0001, in the file
    QString m_suzuki; // E0009, missing from the file

    QString token(const ServiceFixture::Tenant &tenant, const QString &name)
    {
        return m_service.issue(tenant, name).accessToken;
    }

    HttpResponse upload(const QString &bearer, const QByteArray &bytes, const QString &name,
                        const QByteArray &type = QByteArrayLiteral("text/csv"))
    {
        return m_service.probe().send(
            "POST",
            kImports + QStringLiteral("?name=") +
                QString::fromLatin1(QUrl::toPercentEncoding(name)),
            bytes,
            {{QByteArrayLiteral("Authorization"), "Bearer " + bearer.toLatin1()},
             {QByteArrayLiteral("Content-Type"), type}},
            120000);
    }

    store::StoreResult<store::StoredMember> byCode(const QString &code)
    {
        return store::MemberRepository(m_service.connection(), m_service.keyring())
            .findByEmployeeCode(store::TenantScope(m_a.id), code);
    }

    QString importPath(const QString &id, const QString &rest = {}) const
    {
        return kImports + QLatin1Char('/') + id + rest;
    }

    api::MemberImport uploaded(const QString &bearer)
    {
        const HttpResponse response = upload(bearer, roster(), QStringLiteral("名簿.csv"));
        if (response.status != 201)
            qFatal("upload failed: %s", qPrintable(response.describe()));
        return api::memberImportFromJson(response.json()).value();
    }

    api::ImportPreview preview(const QString &bearer, const QString &id)
    {
        const HttpResponse response =
            m_service.send("GET", importPath(id, QStringLiteral("/preview")), bearer);
        if (response.status != 200)
            qFatal("preview failed: %s", qPrintable(response.describe()));
        return api::importPreviewFromJson(response.json()).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_a = m_service.addTenant(QStringLiteral("tenant-a"));
        m_b = m_service.addTenant(QStringLiteral("tenant-b"));
        for (const auto &tenant : {m_a, m_b}) {
            m_service.addPerson(tenant, QStringLiteral("owner"), api::Role::Owner);
            m_service.addPerson(tenant, QStringLiteral("admin"), api::Role::Admin);
            m_service.addPerson(tenant, QStringLiteral("manager"), api::Role::Manager);
        }
        const store::TenantScope scope(m_a.id);
        const QString owner = m_service.personId(m_a, QStringLiteral("owner"));
        store::GroupRepository groups(m_service.connection());
        const auto honsha = groups.create(
            scope, {QStringLiteral("HQ"), QStringLiteral("本社"), std::nullopt}, owner);
        QVERIFY(honsha);
        m_honsha = honsha.value().id;
        const auto eigyo = groups.create(
            scope, {QStringLiteral("SALES"), QStringLiteral("営業部"), m_honsha}, owner);
        QVERIFY(eigyo);
        m_eigyo = eigyo.value().id;
        api::AttributeFields site{QStringLiteral("勤務地"),
                                  QStringLiteral("Site"),
                                  api::AttributeType::Choice,
                                  {QStringLiteral("東京"), QStringLiteral("大阪")}};
        QVERIFY(store::AttributeRepository(m_service.connection()).create(scope, site));

        store::MemberRepository members(m_service.connection(), m_service.keyring());
        api::MemberFields yamada;
        yamada.employeeCode = QStringLiteral("E0001");
        yamada.email = QStringLiteral("taro@example.com");
        yamada.familyName = QStringLiteral("山田");
        yamada.givenName = QStringLiteral("太郎");
        yamada.groupId = m_eigyo;
        yamada.hireDate = QDate(2015, 4, 1);
        const auto created = members.create(scope, yamada, QDateTime::currentDateTimeUtc());
        QVERIFY(created);
        m_yamada = created.value().member.id;
        api::MemberFields suzuki;
        suzuki.employeeCode = QStringLiteral("E0009");
        suzuki.familyName = QStringLiteral("鈴木");
        const auto other = members.create(scope, suzuki, QDateTime::currentDateTimeUtc());
        QVERIFY(other);
        m_suzuki = other.value().member.id;

        import::addImportRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void uploadMapPreviewApplyReimportUndo()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        HttpResponse response = upload(owner, roster(), QStringLiteral("名簿.csv"));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const api::MemberImport first = api::memberImportFromJson(response.json()).value();
        QCOMPARE(response.header("location"), importPath(first.id).toUtf8());
        QCOMPARE(first.fileName, QStringLiteral("名簿.csv"));
        QCOMPARE(first.format, QStringLiteral("csv"));
        QCOMPARE(first.encoding, QStringLiteral("UTF-8 BOM"));
        QCOMPARE(first.rowCount, 4);
        QCOMPARE(first.status, api::ImportStatus::Uploaded);
        QStringList targets;
        for (const api::ImportColumn &column : first.columns)
            targets.append(column.target);
        QCOMPARE(targets.at(0), QStringLiteral("employeeCode"));
        QCOMPARE(targets.at(1), QStringLiteral("fullName"));
        QVERIFY(targets.at(6).startsWith(QStringLiteral("attribute:")));
        QCOMPARE(targets.at(7), QString()); // スタッフ区分: unknown to Engage

        // The file is kept sealed: no name or code of it in clear on disk.
        const QString sealedPath =
            QDir(m_service.context().dataDirectory).filePath(QStringLiteral("imports/") + first.id);
        QFile sealed(sealedPath);
        QVERIFY(sealed.open(QIODevice::ReadOnly));
        const QByteArray onDisk = sealed.readAll();
        QVERIFY(!onDisk.contains("E0002"));
        QVERIFY(!onDisk.contains(QStringLiteral("髙橋").toUtf8()));
        // Mode 0600: the owner reads and writes, group and others nothing.
        const QFile::Permissions mode = QFileInfo(sealedPath).permissions();
        QCOMPARE(mode & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner),
                 QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(mode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                         QFile::WriteOther | QFile::ExeOther),
                 QFile::Permissions());

        api::ImportMapping mapping{first.columns};
        mapping.columns[7].target = QStringLiteral("employmentType");
        response = m_service.send("PUT", importPath(first.id, QStringLiteral("/mapping")), owner,
                                  api::toJson(mapping));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const api::MemberImport mapped = api::memberImportFromJson(response.json()).value();
        QCOMPARE(mapped.columns.at(7).target, QStringLiteral("employmentType"));
        QVERIFY(mapped.columns.at(7).remembered);

        response = m_service.send("GET", importPath(first.id), owner);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(api::memberImportFromJson(response.json()).value(), mapped);

        api::ImportPreview dryRun = preview(owner, first.id);
        QCOMPARE(dryRun.added, 1);   // E0002
        QCOMPARE(dryRun.changed, 1); // E0001: position, site, employment type
        QCOMPARE(dryRun.invalid, 2); // E0003: new group; E0004: 30 February
        QCOMPARE(dryRun.unchanged, 0);
        QCOMPARE(dryRun.newGroupPaths, QStringList{QStringLiteral("本社/新部")});
        QCOMPARE(dryRun.missing.size(), 1);
        QCOMPARE(dryRun.missing.at(0).memberId, m_suzuki);
        QCOMPARE(dryRun.rows.size(), 4);
        QCOMPARE(dryRun.rows.at(0).memberId, m_yamada);
        QCOMPARE(dryRun.rows.at(2).errors.at(0).code, QStringLiteral("unknownGroup"));
        QCOMPARE(dryRun.rows.at(3).errors.at(0).code, QStringLiteral("invalidDate"));
        QCOMPARE(dryRun.rows.at(3).errors.at(0).column, QStringLiteral("入社日"));

        response = m_service.send(
            "GET", importPath(first.id, QStringLiteral("/preview?offset=1&limit=2")), owner);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(api::importPreviewFromJson(response.json()).value().rows.size(), 2);
        response =
            m_service.send("GET", importPath(first.id, QStringLiteral("/preview?limit=0")), owner);
        QCOMPARE(response.status, 400);

        api::ImportApplyRequest choice;
        choice.createGroups = true;
        response = m_service.send("POST", importPath(first.id, QStringLiteral("/apply")), owner,
                                  api::toJson(choice));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const api::ImportOutcome outcome = api::importOutcomeFromJson(response.json()).value();
        QCOMPARE(outcome.status, api::ImportStatus::Applied);
        QCOMPARE(outcome.added, 2);
        QCOMPARE(outcome.changed, 1);
        QCOMPARE(outcome.groupsCreated, 1);
        QCOMPARE(outcome.skipped, 1);
        QCOMPARE(outcome.markedLeft, 0);
        QCOMPARE(m_service.operationCount(QStringLiteral("member.import"), first.id), 1);
        QVERIFY(!QFile::exists(sealedPath));
        const auto hanako = byCode(QStringLiteral("E0002"));
        QVERIFY(hanako);
        QCOMPARE(hanako.value().member.fields.groupId, m_eigyo);
        QCOMPARE(hanako.value().member.fields.employmentType, QStringLiteral("契約社員"));
        const auto jiro = byCode(QStringLiteral("E0003"));
        QVERIFY(jiro);
        QVERIFY(jiro.value().member.fields.groupId);
        QVERIFY(*jiro.value().member.fields.groupId != m_honsha);
        // Nothing removed: the member missing from the file is as it was.
        QCOMPARE(store::MemberRepository(m_service.connection(), m_service.keyring())
                     .get(store::TenantScope(m_a.id), m_suzuki)
                     .value()
                     .member.fields.status,
                 api::MemberStatus::Active);

        response = m_service.send("POST", importPath(first.id, QStringLiteral("/apply")), owner,
                                  api::toJson(choice));
        QCOMPARE(response.status, 409);
        response = m_service.send("GET", importPath(first.id, QStringLiteral("/preview")), owner);
        QCOMPARE(response.status, 409);

        // The same file again: the tenant's header is remembered, and nothing changes.
        const api::MemberImport again = uploaded(owner);
        QCOMPARE(again.columns.at(7).target, QStringLiteral("employmentType"));
        QVERIFY(again.columns.at(7).remembered);
        dryRun = preview(owner, again.id);
        QCOMPARE(dryRun.unchanged, 3);
        QCOMPARE(dryRun.added, 0);
        QCOMPARE(dryRun.changed, 0);
        QCOMPARE(dryRun.invalid, 1);
        QVERIFY(dryRun.newGroupPaths.isEmpty());

        response = m_service.send("POST", importPath(first.id, QStringLiteral("/undo")), owner,
                                  QJsonObject{});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const api::ImportOutcome undone = api::importOutcomeFromJson(response.json()).value();
        QCOMPARE(undone.status, api::ImportStatus::Undone);
        QCOMPARE(undone.added, 2);
        QCOMPARE(undone.changed, 1);
        QCOMPARE(undone.groupsCreated, 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("member.import.undo"), first.id), 1);
        QCOMPARE(byCode(QStringLiteral("E0002")).errorKind(), store::StoreErrorKind::NotFound);
        QCOMPARE(byCode(QStringLiteral("E0003")).errorKind(), store::StoreErrorKind::NotFound);
        const auto yamada = byCode(QStringLiteral("E0001"));
        QVERIFY(yamada);
        QCOMPARE(yamada.value().member.fields.position, QString());
        QVERIFY(yamada.value().member.fields.attributes.isEmpty());
        const auto groups =
            store::GroupRepository(m_service.connection()).list(store::TenantScope(m_a.id));
        QCOMPARE(groups.value().size(), 2);
        response = m_service.send("POST", importPath(first.id, QStringLiteral("/undo")), owner,
                                  QJsonObject{});
        QCOMPARE(response.status, 409);
    }

    void undoRefusedAfterAnEdit()
    {
        const QString admin = token(m_a, QStringLiteral("admin"));
        const api::MemberImport imported = uploaded(admin);
        api::ImportApplyRequest choice;
        choice.markMissingAsLeft = true;
        HttpResponse response = m_service.send(
            "POST", importPath(imported.id, QStringLiteral("/apply")), admin, api::toJson(choice));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(api::importOutcomeFromJson(response.json()).value().markedLeft, 1);

        store::MemberRepository members(m_service.connection(), m_service.keyring());
        const store::TenantScope scope(m_a.id);
        const auto yamada = members.get(scope, m_yamada);
        QVERIFY(yamada);
        api::MemberFields edited = yamada.value().member.fields;
        edited.memo = QStringLiteral("edited after the import");
        QVERIFY(members.update(scope, m_yamada, yamada.value().revision, edited,
                               QDateTime::currentDateTimeUtc()));

        // Undo has no options: a member the client thinks it has is refused, not ignored.
        response = m_service.send("POST", importPath(imported.id, QStringLiteral("/undo")), admin,
                                  QJsonObject{{QStringLiteral("force"), true}});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("unknown-field"));
        response = m_service.send("POST", importPath(imported.id, QStringLiteral("/undo")), admin,
                                  QJsonObject{});
        QCOMPARE(response.status, 409);
        QVERIFY2(response.json()
                     .value(QStringLiteral("detail"))
                     .toString()
                     .startsWith(QStringLiteral("1 of the members")),
                 qPrintable(response.describe()));
        QCOMPARE(m_service.operationCount(QStringLiteral("member.import.undo"), imported.id), 0);
        QVERIFY(byCode(QStringLiteral("E0002")));
    }

    void managersMayNot()
    {
        const QString manager = token(m_a, QStringLiteral("manager"));
        HttpResponse response = upload(manager, roster(), QStringLiteral("名簿.csv"));
        QCOMPARE(response.status, 403);
        const api::MemberImport imported = uploaded(token(m_a, QStringLiteral("owner")));
        response = m_service.send("GET", importPath(imported.id), manager);
        QCOMPARE(response.status, 403);
        response =
            m_service.send("GET", importPath(imported.id, QStringLiteral("/preview")), manager);
        QCOMPARE(response.status, 403);
    }

    void anotherTenantsImportIsNotFound()
    {
        const api::MemberImport imported = uploaded(token(m_a, QStringLiteral("owner")));
        const QString ownerOfB = token(m_b, QStringLiteral("owner"));
        for (const QString &rest : {QString(), QStringLiteral("/preview")}) {
            const HttpResponse response =
                m_service.send("GET", importPath(imported.id, rest), ownerOfB);
            QCOMPARE(response.status, 404);
            QCOMPARE(response.json().value(QStringLiteral("detail")).toString(),
                     QStringLiteral("There is no such import."));
        }
        HttpResponse response = m_service.send(
            "POST", importPath(imported.id, QStringLiteral("/apply")), ownerOfB, QJsonObject{});
        QCOMPARE(response.status, 404);
        response = m_service.send("POST", importPath(imported.id, QStringLiteral("/undo")),
                                  ownerOfB, QJsonObject{});
        QCOMPARE(response.status, 404);
        response = m_service.send("GET", importPath(QStringLiteral("not-an-id")), ownerOfB);
        QCOMPARE(response.status, 404);
    }

    void fileOverTheLimitIs413()
    {
        QByteArray bytes(api::kImportMaxBytes + 1, 'a');
        const HttpResponse response =
            upload(token(m_a, QStringLiteral("owner")), bytes, QStringLiteral("big.csv"));
        QCOMPARE(response.status, 413);
    }

    void unreadableFilesAndTypes()
    {
        const QString owner = token(m_a, QStringLiteral("owner"));
        HttpResponse response =
            upload(owner, QByteArrayLiteral("a,b\n\x81\x20,x\n"), QStringLiteral("bad.csv"));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(), QStringLiteral("file"));
        response = upload(
            owner, QByteArrayLiteral("not a zip"), QStringLiteral("bad.xlsx"),
            QByteArrayLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        QCOMPARE(response.status, 400);
        response =
            upload(owner, roster(), QStringLiteral("x.csv"), QByteArrayLiteral("application/json"));
        QCOMPARE(response.status, 415);
        QCOMPARE(problemCode(response), QStringLiteral("unsupported-media-type"));
    }

    // An .xlsx through the routes: dry run, apply, the same file again.
    void openpyxlWorkbook()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("roster.xlsx"));
        const auto made = test::runTool(QStringLiteral("/usr/bin/python3"),
                                        {QStringLiteral("-"), path}, kRosterWorkbook, 60000);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray workbook = file.readAll();

        const QString owner = token(m_a, QStringLiteral("owner"));
        HttpResponse response = upload(owner, workbook, QStringLiteral("社員.xlsx"), kXlsxType);
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const api::MemberImport first = api::memberImportFromJson(response.json()).value();
        QCOMPARE(first.format, QStringLiteral("xlsx"));
        QCOMPARE(first.encoding, QString());
        QCOMPARE(first.rowCount, 3);
        for (const api::ImportColumn &column : first.columns)
            QVERIFY2(!column.target.isEmpty(), qPrintable(column.header));

        api::ImportPreview dryRun = preview(owner, first.id);
        QCOMPARE(dryRun.added, 2);
        QCOMPARE(dryRun.invalid, 1); // XL03 waits for its group
        QCOMPARE(dryRun.rows.at(2).errors.size(), 1);
        QCOMPARE(dryRun.rows.at(2).errors.at(0).code, QStringLiteral("unknownGroup"));
        QCOMPARE(dryRun.newGroupPaths, QStringList{QStringLiteral("本社/輸入部")});
        const auto after = [&dryRun](int row, const QString &field) {
            for (const api::ImportFieldChange &change : dryRun.rows.at(row).changes) {
                if (change.field == field)
                    return change.after;
            }
            return QString();
        };
        QCOMPARE(after(0, QStringLiteral("hireDate")), QStringLiteral("2019-04-01"));
        QCOMPARE(after(0, QStringLiteral("birthDate")), QStringLiteral("1990-01-31"));
        QCOMPARE(after(1, QStringLiteral("groupPath")), QStringLiteral("本社/営業部"));

        api::ImportApplyRequest choice;
        choice.createGroups = true;
        response = m_service.send("POST", importPath(first.id, QStringLiteral("/apply")), owner,
                                  api::toJson(choice));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const api::ImportOutcome outcome = api::importOutcomeFromJson(response.json()).value();
        QCOMPARE(outcome.added, 3);
        QCOMPARE(outcome.groupsCreated, 1);
        QCOMPARE(outcome.skipped, 0);

        const auto takahashi = byCode(QStringLiteral("XL01"));
        QVERIFY(takahashi);
        const api::MemberFields &fields = takahashi.value().member.fields;
        QCOMPARE(fields.familyName, QStringLiteral("髙橋"));
        QCOMPARE(fields.email.value_or(QString()), QStringLiteral("ichiro.xl@example.jp"));
        QCOMPARE(fields.groupId, m_eigyo);
        QCOMPARE(fields.hireDate, QDate(2019, 4, 1));
        QCOMPARE(fields.birthDate, QDate(1990, 1, 31));
        QCOMPARE(fields.status, api::MemberStatus::Active);
        QVERIFY(!fields.deliver);
        const auto yamasaki = byCode(QStringLiteral("XL02"));
        QCOMPARE(yamasaki.value().member.fields.groupId, m_eigyo);
        QCOMPARE(yamasaki.value().member.fields.status, api::MemberStatus::OnLeave);
        QVERIFY(!yamasaki.value().member.fields.birthDate);
        const auto watanabe = byCode(QStringLiteral("XL03"));
        QCOMPARE(watanabe.value().member.fields.birthDate, QDate(2000, 2, 29));
        QVERIFY(watanabe.value().member.fields.groupId != m_eigyo);

        // The same workbook again changes nothing.
        response = upload(owner, workbook, QStringLiteral("社員.xlsx"), kXlsxType);
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        dryRun = preview(owner, response.json().value(QStringLiteral("id")).toString());
        QCOMPARE(dryRun.unchanged, 3);
        QCOMPARE(dryRun.added, 0);
        QCOMPARE(dryRun.changed, 0);
        QCOMPARE(dryRun.invalid, 0);
        QVERIFY(dryRun.rows.isEmpty());
        QVERIFY(dryRun.newGroupPaths.isEmpty());
    }

    // 20,000 new members: upload, dry run, apply, the same file again, undo.
    // The times are reported, not asserted (this tree may be a Debug build).
    void twentyThousandRows()
    {
        QByteArray csv =
            QStringLiteral("社員番号,氏名,メールアドレス,所属,入社日,勤務地\n").toUtf8();
        for (int i = 0; i < 20000; ++i)
            csv += QStringLiteral("T%1,山田 太郎%1,t%1@example.com,本社/営業部,2020-04-01,東京\n")
                       .arg(i, 5, 10, QLatin1Char('0'))
                       .toUtf8();
        const QString owner = token(m_a, QStringLiteral("owner"));
        QElapsedTimer timer;
        timer.start();
        HttpResponse response = upload(owner, csv, QStringLiteral("big.csv"));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const qint64 uploadMs = timer.restart();
        const QString id = response.json().value(QStringLiteral("id")).toString();
        response = m_service.probe().get(
            importPath(id, QStringLiteral("/preview?limit=1")),
            {{QByteArrayLiteral("Authorization"), "Bearer " + owner.toLatin1()}}, 300000);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const qint64 previewMs = timer.restart();
        QCOMPARE(api::importPreviewFromJson(response.json()).value().added, 20000);
        response = m_service.probe().send(
            "POST", importPath(id, QStringLiteral("/apply")),
            QJsonDocument(api::toJson(api::ImportApplyRequest{})).toJson(QJsonDocument::Compact),
            {{QByteArrayLiteral("Authorization"), "Bearer " + owner.toLatin1()},
             {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
            600000);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const qint64 applyMs = timer.restart();
        QCOMPARE(api::importOutcomeFromJson(response.json()).value().added, 20000);

        response = upload(owner, csv, QStringLiteral("big.csv"));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const QString again = response.json().value(QStringLiteral("id")).toString();
        timer.restart();
        response = m_service.probe().get(
            importPath(again, QStringLiteral("/preview?limit=1")),
            {{QByteArrayLiteral("Authorization"), "Bearer " + owner.toLatin1()}}, 300000);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const qint64 againMs = timer.restart();
        QCOMPARE(api::importPreviewFromJson(response.json()).value().unchanged, 20000);

        response = m_service.probe().send(
            "POST", importPath(id, QStringLiteral("/undo")), QByteArrayLiteral("{}"),
            {{QByteArrayLiteral("Authorization"), "Bearer " + owner.toLatin1()},
             {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
            600000);
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const qint64 undoMs = timer.elapsed();
        qInfo("20,000 rows (%lld bytes): upload %lld ms, dry run %lld ms, apply %lld ms, "
              "dry run of the same file again %lld ms, undo %lld ms",
              qint64(csv.size()), uploadMs, previewMs, applyMs, againMs, undoMs);
    }

    void hostileFileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kept"); // empty: refused
        QTest::newRow("path traversal")
            << QStringLiteral("../../etc/passwd.csv") << QStringLiteral("passwd.csv");
        QTest::newRow("Windows path")
            << QStringLiteral("C:\\Users\\hr\\名簿.csv") << QStringLiteral("名簿.csv");
        QTest::newRow("right-to-left override")
            << QStringLiteral("roster\u202Evsc.exe") << QStringLiteral("rostervsc.exe");
        QTest::newRow("line break and NUL")
            << QStringLiteral("a\r\nb\u0000c.csv") << QStringLiteral("abc.csv");
        QTest::newRow("only a folder") << QStringLiteral("../") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("very long")
            << QString(300, QLatin1Char('x')) << QString(255, QLatin1Char('x'));
    }

    void hostileFileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, kept);
        const HttpResponse response = upload(token(m_a, QStringLiteral("owner")), roster(), name);
        if (kept.isEmpty()) {
            QCOMPARE(response.status, 400);
            QCOMPARE(response.json().value(QStringLiteral("field")).toString(),
                     QStringLiteral("name"));
            return;
        }
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const api::MemberImport imported = api::memberImportFromJson(response.json()).value();
        QCOMPARE(imported.fileName, kept);
        // Stored under its id only, in the imports folder.
        const QDir imports(
            QDir(m_service.context().dataDirectory).filePath(QStringLiteral("imports")));
        QVERIFY(imports.exists(imported.id));
        for (const QString &entry :
             imports.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(!entry.contains(QLatin1Char('.')), qPrintable(entry));
    }
};

QTEST_GUILESS_MAIN(TestImportRoutes)
#include "tst_importroutes.moc"
