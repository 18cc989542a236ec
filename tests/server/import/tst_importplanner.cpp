// The dry run against members, groups and attributes made here (no store):
// how rows match, what they change, which errors they carry, and that a file
// imported twice changes nothing.

#include "api/id.h"
#include "import/csvreader.h"
#include "import/headermatcher.h"
#include "import/importplanner.h"

#include <QElapsedTimer>
#include <QTest>

using namespace engage;
using namespace engage::server;
using namespace engage::server::import;

namespace {

api::Group group(const QString &id, const QString &code, const QString &name,
                 const std::optional<QString> &parent = std::nullopt)
{
    api::Group made;
    made.id = id;
    made.fields = {code, name, parent};
    return made;
}

store::StoredMember member(const QString &id, const QString &code, const QString &email,
                           const QString &family, const QString &given,
                           api::MemberStatus status = api::MemberStatus::Active)
{
    store::StoredMember stored;
    stored.member.id = id;
    if (!code.isEmpty())
        stored.member.fields.employeeCode = code;
    if (!email.isEmpty())
        stored.member.fields.email = email;
    stored.member.fields.familyName = family;
    stored.member.fields.givenName = given;
    stored.member.fields.status = status;
    stored.revision = 1;
    return stored;
}

QStringList codesOf(const api::ImportRow &row)
{
    QStringList codes;
    for (const api::ImportCellError &error : row.errors)
        codes.append(error.column + QLatin1Char(':') + error.code);
    return codes;
}

} // namespace

class TestImportPlanner final : public QObject
{
    Q_OBJECT

private:
    QList<api::Group> m_groups{
        group(QStringLiteral("g-honsha"), QStringLiteral("HQ"), QStringLiteral("本社")),
        group(QStringLiteral("g-eigyo"), QStringLiteral("SALES"), QStringLiteral("営業部"),
              QStringLiteral("g-honsha")),
        group(QStringLiteral("g-abc"), QStringLiteral("ABC"), QStringLiteral("ABC")),
    };
    QList<api::Attribute> m_attributes{
        {QStringLiteral("a-site"),
         {QStringLiteral("勤務地"),
          QStringLiteral("Site"),
          api::AttributeType::Choice,
          {QStringLiteral("東京"), QStringLiteral("Osaka")}},
         1},
    };

    // The file as CsvReader reads it, mapped as Engage proposes.
    ImportPlan planCsv(const QString &csv, const QList<store::StoredMember> &members,
                       bool createGroups = false) const
    {
        const auto table = CsvReader::read(csv.toUtf8());
        if (!table)
            qFatal("bad test CSV: %s", qPrintable(table.error().detail));
        const auto columns = proposeMapping(table.value().headers, m_attributes, {});
        return ImportPlanner::plan(
            {table.value(), columns, members, m_groups, m_attributes, createGroups});
    }

private Q_SLOTS:
    void headersRecognised_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("target");
        QTest::newRow("社員番号") << QStringLiteral("社員番号") << QStringLiteral("employeeCode");
        QTest::newRow("従業員番号")
            << QStringLiteral("従業員番号") << QStringLiteral("employeeCode");
        QTest::newRow("Employee code")
            << QStringLiteral(" Employee code ") << QStringLiteral("employeeCode");
        QTest::newRow("EMPLOYEE ID")
            << QStringLiteral("EMPLOYEE ID") << QStringLiteral("employeeCode");
        QTest::newRow("氏名") << QStringLiteral("氏名") << QStringLiteral("fullName");
        QTest::newRow("Name") << QStringLiteral("Name") << QStringLiteral("fullName");
        QTest::newRow("姓") << QStringLiteral("姓") << QStringLiteral("familyName");
        QTest::newRow("Family name")
            << QStringLiteral("Family name") << QStringLiteral("familyName");
        QTest::newRow("名") << QStringLiteral("名") << QStringLiteral("givenName");
        QTest::newRow("First name") << QStringLiteral("First name") << QStringLiteral("givenName");
        QTest::newRow("メールアドレス")
            << QStringLiteral("メールアドレス") << QStringLiteral("email");
        QTest::newRow("E-mail") << QStringLiteral("E-mail") << QStringLiteral("email");
        QTest::newRow("full-width Ｅ－ｍａｉｌ")
            << QStringLiteral("Ｅｍａｉｌ") << QStringLiteral("email");
        QTest::newRow("所属") << QStringLiteral("所属") << QStringLiteral("groupPath");
        QTest::newRow("Department") << QStringLiteral("Department") << QStringLiteral("groupPath");
        QTest::newRow("入社日") << QStringLiteral("入社日") << QStringLiteral("hireDate");
        QTest::newRow("Date of birth")
            << QStringLiteral("Date of birth") << QStringLiteral("birthDate");
        QTest::newRow("雇用形態") << QStringLiteral("雇用形態") << QStringLiteral("employmentType");
        QTest::newRow("等級") << QStringLiteral("等級") << QStringLiteral("grade");
        QTest::newRow("役職") << QStringLiteral("役職") << QStringLiteral("position");
        QTest::newRow("職種") << QStringLiteral("職種") << QStringLiteral("jobCategory");
        QTest::newRow("在籍状況") << QStringLiteral("在籍状況") << QStringLiteral("status");
        QTest::newRow("配信") << QStringLiteral("配信") << QStringLiteral("deliver");
        QTest::newRow("備考") << QStringLiteral("備考") << QStringLiteral("memo");
        QTest::newRow("Member ID") << QStringLiteral("Member ID") << QStringLiteral("memberId");
        QTest::newRow("言語") << QStringLiteral("言語") << QStringLiteral("language");
        QTest::newRow("Language") << QStringLiteral("Language") << QStringLiteral("language");
        QTest::newRow("attribute, Japanese")
            << QStringLiteral("勤務地") << QStringLiteral("attribute:a-site");
        QTest::newRow("attribute, English")
            << QStringLiteral("site") << QStringLiteral("attribute:a-site");
        QTest::newRow("unknown") << QStringLiteral("好きな食べ物") << QString();
    }

    void headersRecognised()
    {
        QFETCH(QString, header);
        QFETCH(QString, target);
        const auto columns = proposeMapping({header}, m_attributes, {});
        QCOMPARE(columns.size(), 1);
        QCOMPARE(columns.at(0).target, target);
        QVERIFY(!columns.at(0).remembered);
    }

    void rememberedHeadersWin()
    {
        const QHash<QString, QString> remembered{
            {normalizedHeader(QStringLiteral("ＳＴＡＦＦ No")), QStringLiteral("employeeCode")},
            {normalizedHeader(QStringLiteral("氏名")), QString()}};
        const auto columns = proposeMapping(
            {QStringLiteral("staff no"), QStringLiteral("氏名"), QStringLiteral("Name")},
            m_attributes, remembered);
        QCOMPARE(columns.at(0).target, QStringLiteral("employeeCode"));
        QVERIFY(columns.at(0).remembered);
        QCOMPARE(columns.at(1).target, QString());
        QVERIFY(columns.at(1).remembered);
        QCOMPARE(columns.at(2).target, QStringLiteral("fullName"));
        // What a confirmed mapping remembers: only what differs from the
        // proposal; a column back at its usual target is forgotten.
        const auto memory = headerMemory(columns, m_attributes);
        QCOMPARE(memory.remember.size(), 2);
        QCOMPARE(memory.remember.value(QStringLiteral("staff no")), QStringLiteral("employeeCode"));
        QCOMPARE(memory.remember.value(QStringLiteral("氏名")), QString());
        QCOMPARE(memory.forget, QSet<QString>{QStringLiteral("name")});
    }

    void mappingValidated()
    {
        const QStringList headers{QStringLiteral("a"), QStringLiteral("b")};
        auto columns = [&](const QString &first, const QString &second) {
            return QList<api::ImportColumn>{{headers.at(0), first, false},
                                            {headers.at(1), second, false}};
        };
        QVERIFY(
            !validateMapping(columns(QStringLiteral("email"), QString()), headers, m_attributes));
        QVERIFY(validateMapping(columns(QStringLiteral("email"), QStringLiteral("email")), headers,
                                m_attributes));
        QVERIFY(validateMapping(columns(QStringLiteral("fullName"), QStringLiteral("givenName")),
                                headers, m_attributes));
        QVERIFY(
            validateMapping(columns(QStringLiteral("nonsense"), QString()), headers, m_attributes));
        QVERIFY(validateMapping(columns(QStringLiteral("attribute:") + api::createId(), QString()),
                                headers, m_attributes));
        QVERIFY(validateMapping({{headers.at(0), QString(), false}}, headers, m_attributes));
    }

    // "営業部 ", "本社 > 営業部", ＡＢＣ: one group each, not new ones.
    void groupPathsNormalised()
    {
        const ImportPlan plan = planCsv(QStringLiteral("社員番号,氏名,所属\n"
                                                       "E1,山田 太郎,本社/営業部 \n"
                                                       "E2,佐藤 花子, 本社 > 営業部\n"
                                                       "E3,鈴木 一郎,本社／営業部\n"
                                                       "E4,髙橋 次郎,ＡＢＣ\n"
                                                       "E5,山﨑 三郎,本社/新部/東京\n"),
                                        {});
        QCOMPARE(plan.added, 4);
        QCOMPARE(plan.invalid, 1);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(plan.rows.at(i).fields.groupId, QStringLiteral("g-eigyo"));
        QCOMPARE(plan.rows.at(3).fields.groupId, QStringLiteral("g-abc"));
        QCOMPARE(codesOf(plan.rows.at(4).shown), QStringList{QStringLiteral("所属:unknownGroup")});
        QCOMPARE(plan.newGroupPaths,
                 (QStringList{QStringLiteral("本社/新部"), QStringLiteral("本社/新部/東京")}));
        // The change shows the path as the tree has it.
        const auto changes = plan.rows.at(1).shown.changes;
        QVERIFY(std::any_of(changes.cbegin(), changes.cend(), [](const api::ImportFieldChange &c) {
            return c.field == QLatin1String("groupPath") &&
                   c.after == QStringLiteral("本社/営業部");
        }));

        const ImportPlan creating = planCsv(QStringLiteral("社員番号,氏名,所属\n"
                                                           "E5,山﨑 三郎,本社/新部/東京\n"),
                                            {}, true);
        QCOMPARE(creating.added, 1);
        QCOMPARE(creating.rows.at(0).newGroupPath, QStringLiteral("本社/新部/東京"));
        QVERIFY(!creating.rows.at(0).fields.groupId);
    }

    // A row that only waits for a new group imports once the groups are
    // created, so whatever else would stop it shows already.
    void rowWaitingForItsGroupIsCheckedWhole()
    {
        const QList<store::StoredMember> members{
            member(QStringLiteral("m-1"), QStringLiteral("E1"), QString(), QStringLiteral("山田"),
                   QStringLiteral("太郎")),
            member(QStringLiteral("m-2"), QStringLiteral("E5"),
                   QStringLiteral("hanako@example.com"), QStringLiteral("佐藤"),
                   QStringLiteral("花子"))};
        const QString csv = QStringLiteral("社員番号,氏名,メールアドレス,所属\n"
                                           "E2,新井 一,,本社/新部\n"
                                           "E1,山田 太郎,hanako@example.com,本社/新部\n"
                                           ",髙橋 次郎,,本社/新部\n");
        const ImportPlan plan = planCsv(csv, members);
        QCOMPARE(plan.invalid, 3);
        QCOMPARE(codesOf(plan.rows.at(0).shown), QStringList{QStringLiteral("所属:unknownGroup")});
        QCOMPARE(codesOf(plan.rows.at(1).shown),
                 (QStringList{QStringLiteral("所属:unknownGroup"),
                              QStringLiteral("メールアドレス:emailTaken")}));
        QCOMPARE(codesOf(plan.rows.at(2).shown),
                 (QStringList{QStringLiteral("所属:unknownGroup"),
                              QStringLiteral(":needsEmailOrCode")}));

        // With the groups created, the first row imports and the others do not.
        const ImportPlan creating = planCsv(csv, members, true);
        QCOMPARE(creating.added, 1);
        QCOMPARE(creating.invalid, 2);
        QCOMPARE(codesOf(creating.rows.at(1).shown),
                 QStringList{QStringLiteral("メールアドレス:emailTaken")});
    }

    void errorsPerRowAndColumn_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("fine") << QStringLiteral("E9,新井 一,,2020-04-01,在籍,1,東京")
                              << QStringList();
        QTest::newRow("no name") << QStringLiteral("E9,,,,,,")
                                 << QStringList{QStringLiteral("氏名:required")};
        QTest::newRow("neither code nor e-mail")
            << QStringLiteral(",新井 一,,,,,") << QStringList{QStringLiteral(":needsEmailOrCode")};
        QTest::newRow("bad date") << QStringLiteral("E9,新井 一,,2020-02-30,,,")
                                  << QStringList{QStringLiteral("入社日:invalidDate")};
        QTest::newRow("date in Japanese and full width")
            << QStringLiteral("E9,新井 一,,２０２０年4月1日,,,") << QStringList();
        QTest::newRow("bad status") << QStringLiteral("E9,新井 一,,,在宅,,")
                                    << QStringList{QStringLiteral("在籍状況:invalidChoice")};
        QTest::newRow("status in English")
            << QStringLiteral("E9,新井 一,,,On leave,,") << QStringList();
        QTest::newRow("bad deliver") << QStringLiteral("E9,新井 一,,,,maybe,")
                                     << QStringList{QStringLiteral("配信:invalidChoice")};
        QTest::newRow("deliver ×") << QStringLiteral("E9,新井 一,,,,×,") << QStringList();
        QTest::newRow("bad choice") << QStringLiteral("E9,新井 一,,,,,名古屋")
                                    << QStringList{QStringLiteral("勤務地:invalidChoice")};
        QTest::newRow("choice by width and case")
            << QStringLiteral("E9,新井 一,,,,,ＯＳＡＫＡ") << QStringList();
        QTest::newRow("bad e-mail") << QStringLiteral("E9,新井 一,not-an-email,,,,")
                                    << QStringList{QStringLiteral("メールアドレス:invalid")};
        QTest::newRow("code with a space") << QStringLiteral("E 9,新井 一,,,,,")
                                           << QStringList{QStringLiteral("社員番号:invalid")};
        QTest::newRow("e-mail of another member")
            << QStringLiteral("E2,新井 一,Taken@Example.com,,,,")
            << QStringList{QStringLiteral("メールアドレス:emailTaken")};
    }

    void errorsPerRowAndColumn()
    {
        QFETCH(QString, row);
        QFETCH(QStringList, errors);
        const QList<store::StoredMember> members{
            member(QStringLiteral("m-1"), QStringLiteral("E1"), QStringLiteral("taken@example.com"),
                   QStringLiteral("既存"), QStringLiteral("者")),
            member(QStringLiteral("m-2"), QStringLiteral("E2"), QString(), QStringLiteral("別"),
                   QStringLiteral("人"))};
        const ImportPlan plan = planCsv(
            QStringLiteral("社員番号,氏名,メールアドレス,入社日,在籍状況,配信,勤務地\n") + row,
            members);
        QCOMPARE(plan.rows.size(), 1);
        QCOMPARE(codesOf(plan.rows.at(0).shown), errors);
        if (errors.isEmpty())
            QCOMPARE(plan.rows.at(0).shown.kind, api::ImportRowKind::Added);
        else
            QCOMPARE(plan.rows.at(0).shown.kind, api::ImportRowKind::Invalid);
        QCOMPARE(plan.rows.at(0).shown.row, 1);
    }

    // The optional language column: a member's language by code or by name,
    // an empty cell leaving it as it is (the company's for a new member).
    void languageColumn_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<int>("language"); // -1: none, -2: refused
        const int japanese = int(api::Language::Japanese);
        const int english = int(api::Language::English);
        QTest::newRow("ja") << QStringLiteral("ja") << japanese;
        QTest::newRow("日本語") << QStringLiteral("日本語") << japanese;
        QTest::newRow("Japanese") << QStringLiteral("Japanese") << japanese;
        QTest::newRow("en") << QStringLiteral("en") << english;
        QTest::newRow("English") << QStringLiteral("English") << english;
        QTest::newRow("full width, capitals") << QStringLiteral("ＥＮＧＬＩＳＨ") << english;
        QTest::newRow("英語") << QStringLiteral("英語") << english;
        QTest::newRow("empty") << QString() << -1;
        QTest::newRow("not spoken") << QStringLiteral("français") << -2;
        QTest::newRow("two") << QStringLiteral("ja,en") << -2;
    }
    void languageColumn()
    {
        QFETCH(QString, cell);
        QFETCH(int, language);
        const ImportPlan plan =
            planCsv(QStringLiteral("社員番号,氏名,言語\nE9,新井 一,\"") + cell + u'"', {});
        QCOMPARE(plan.rows.size(), 1);
        const PlannedRow &row = plan.rows.at(0);
        if (language == -2) {
            QCOMPARE(codesOf(row.shown), QStringList{QStringLiteral("言語:invalidChoice")});
            return;
        }
        QVERIFY(row.shown.errors.isEmpty());
        QCOMPARE(row.fields.language,
                 language == -1 ? std::nullopt : std::optional(api::Language(language)));
        const bool shown = std::any_of(
            row.shown.changes.cbegin(), row.shown.changes.cend(),
            [](const api::ImportFieldChange &change) { return change.field == u"language"; });
        QCOMPARE(shown, language != -1);
    }

    void languageChanged()
    {
        store::StoredMember english = member(QStringLiteral("m-1"), QStringLiteral("E1"), QString(),
                                             QStringLiteral("Clark"), QStringLiteral("Emma"));
        english.member.fields.language = api::Language::English;
        const ImportPlan plan = planCsv(QStringLiteral("社員番号,姓,名,Language\n"
                                                       "E1,Clark,Emma,日本語\n"
                                                       "E2,新井,一,\n"),
                                        {english});
        QCOMPARE(plan.changed, 1);
        QCOMPARE(plan.added, 1);
        QCOMPARE(plan.rows.at(0).shown.changes,
                 (QList<api::ImportFieldChange>{
                     {QStringLiteral("language"), QStringLiteral("en"), QStringLiteral("ja")}}));
        QCOMPARE(plan.rows.at(0).fields.language, std::optional(api::Language::Japanese));
        QVERIFY(!plan.rows.at(1).fields.language);
        // The same file again: nothing to do; an empty cell keeps the language.
        store::StoredMember japanese = english;
        japanese.member.fields.language = api::Language::Japanese;
        const ImportPlan again =
            planCsv(QStringLiteral("社員番号,姓,名,Language\nE1,Clark,Emma,\n"), {japanese});
        QCOMPARE(again.unchanged, 1);
    }

    void duplicatesInFile()
    {
        const ImportPlan plan = planCsv(QStringLiteral("社員番号,氏名,メールアドレス\n"
                                                       "E1,一 一,a@example.com\n"
                                                       "E2,二 二,A@Example.com\n"
                                                       "E3,三 三,c@example.com\n"
                                                       "E3,四 四,d@example.com\n"
                                                       "E5,五 五,e@example.com\n"),
                                        {});
        QCOMPARE(plan.invalid, 4);
        QCOMPARE(plan.added, 1);
        QCOMPARE(codesOf(plan.rows.at(0).shown),
                 QStringList{QStringLiteral("メールアドレス:duplicateInFile")});
        QCOMPARE(codesOf(plan.rows.at(1).shown),
                 QStringList{QStringLiteral("メールアドレス:duplicateInFile")});
        QCOMPARE(codesOf(plan.rows.at(2).shown),
                 QStringList{QStringLiteral("社員番号:duplicateInFile")});
    }

    void matchingAndMissing()
    {
        const QList<store::StoredMember> members{
            member(QStringLiteral("m-1"), QStringLiteral("E1"), QString(), QStringLiteral("山田"),
                   QStringLiteral("太郎")),
            member(QStringLiteral("m-2"), QString(), QStringLiteral("hanako@example.com"),
                   QStringLiteral("佐藤"), QStringLiteral("花子")),
            member(QStringLiteral("m-3"), QStringLiteral("E3"), QString(), QStringLiteral("鈴木"),
                   QStringLiteral("一郎")),
            member(QStringLiteral("m-4"), QStringLiteral("E4"), QString(), QStringLiteral("退職"),
                   QStringLiteral("者"), api::MemberStatus::Left),
        };
        const ImportPlan plan = planCsv(QStringLiteral("ID,社員番号,氏名,メールアドレス,等級\n"
                                                       "m-1,,山田 太郎,,3\n"
                                                       ",E2,佐藤 花子,HANAKO@example.com,\n"
                                                       "m-9,,誰 か,,\n"),
                                        members);
        QCOMPARE(plan.changed, 2);
        QCOMPARE(plan.invalid, 1);
        QCOMPARE(plan.rows.at(0).shown.memberId, QStringLiteral("m-1"));
        QCOMPARE(plan.rows.at(0).shown.changes,
                 (QList<api::ImportFieldChange>{
                     {QStringLiteral("grade"), QString(), QStringLiteral("3")}}));
        // Matched by e-mail: the code is new, the address as the file writes it.
        QCOMPARE(plan.rows.at(1).shown.memberId, QStringLiteral("m-2"));
        QCOMPARE(plan.rows.at(1).fields.employeeCode, QStringLiteral("E2"));
        QCOMPARE(codesOf(plan.rows.at(2).shown), QStringList{QStringLiteral("ID:unknownMember")});
        // m-3 is not in the file; m-4 has left and is not missed.
        QCOMPARE(plan.missing.size(), 1);
        QCOMPARE(plan.missing.at(0).memberId, QStringLiteral("m-3"));
        QCOMPARE(plan.missing.at(0).displayName, QStringLiteral("鈴木 一郎"));
        QCOMPARE(plan.missingRevisions.value(QStringLiteral("m-3")), 1);
    }

    // The members the first plan adds and changes, planned again from the
    // same file: nothing to do.
    void sameFileTwiceChangesNothing()
    {
        const QString csv = QStringLiteral(
            "社員番号,氏名,メールアドレス,所属,入社日,生年月日,雇用形態,等級,役職,職種,在籍状況,"
            "配信,備考,勤務地\n"
            "E1,山田 太郎,taro@example.com,本社/営業部,2020-04-01,1990-05-06,正社員,3,課長,営業,"
            "在籍,1,\"複数行の\n備考\",東京\n"
            "E2,Emma Clark,,ＡＢＣ,2021/4/1,,契約社員,,,,休職,いいえ,,osaka\n"
            ",佐藤 花子,hanako@example.com,,,,,,,,,,,\n");
        QList<store::StoredMember> members{member(QStringLiteral("m-2"), QStringLiteral("E2"),
                                                  QString(), QStringLiteral("Clark"),
                                                  QStringLiteral("Emma"))};
        const ImportPlan first = planCsv(csv, members);
        QCOMPARE(first.invalid, 0);
        QCOMPARE(first.added, 2);
        QCOMPARE(first.changed, 1);
        for (const PlannedRow &row : first.rows) {
            store::StoredMember stored;
            stored.member.id = row.shown.memberId.value_or(api::createId());
            stored.member.fields = row.fields;
            stored.revision = 2;
            members.removeIf(
                [&](const store::StoredMember &m) { return m.member.id == stored.member.id; });
            members.append(stored);
        }
        const ImportPlan second = planCsv(csv, members);
        QCOMPARE(second.unchanged, 3);
        QCOMPARE(second.added + second.changed + second.invalid, 0);
        QVERIFY(second.rows.isEmpty());
        QVERIFY(second.missing.isEmpty());
    }

    void previewSlices()
    {
        QString csv = QStringLiteral("社員番号,氏名\n");
        for (int i = 0; i < 10; ++i)
            csv += QStringLiteral("E%1,名 前\n").arg(i);
        const ImportPlan plan = planCsv(csv, {});
        const api::ImportPreview page = plan.preview(8, 5);
        QCOMPARE(page.added, 10);
        QCOMPARE(page.rows.size(), 2);
        QCOMPARE(page.rows.at(0).row, 9);
    }

    // 20,000 rows against 10,000 members: the time is reported, not asserted.
    void twentyThousandRows()
    {
        QList<store::StoredMember> members;
        QString csv = QStringLiteral("社員番号,氏名,メールアドレス,所属,入社日,等級,勤務地\n");
        for (int i = 0; i < 20000; ++i) {
            const QString code = QStringLiteral("E%1").arg(i, 6, 10, QLatin1Char('0'));
            const QString email = QStringLiteral("person%1@example.com").arg(i);
            csv += QStringLiteral("%1,山田 太郎%2,%3,本社/営業部,2020-04-01,%4,東京\n")
                       .arg(code)
                       .arg(i)
                       .arg(email)
                       .arg(i % 5);
            if (i % 2 == 0)
                members.append(member(QStringLiteral("m-%1").arg(i), code, email,
                                      QStringLiteral("山田"), QStringLiteral("太郎")));
        }
        const QByteArray bytes = csv.toUtf8();
        QElapsedTimer timer;
        timer.start();
        const auto table = CsvReader::read(bytes);
        QVERIFY(table);
        const qint64 readMs = timer.restart();
        const auto columns = proposeMapping(table.value().headers, m_attributes, {});
        const ImportPlan plan =
            ImportPlanner::plan({table.value(), columns, members, m_groups, m_attributes, false});
        const qint64 planMs = timer.elapsed();
        QCOMPARE(plan.added, 10000);
        QCOMPARE(plan.changed, 10000);
        qInfo("20,000 rows (%lld bytes): read %lld ms, dry run %lld ms", qint64(bytes.size()),
              readMs, planMs);
    }
};

QTEST_GUILESS_MAIN(TestImportPlanner)
#include "tst_importplanner.moc"
