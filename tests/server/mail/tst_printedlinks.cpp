// Printed links in-process over real TLS on a real store: the CSV (BOM,
// header in the company's language, RFC 4180 quoting, formulas defused) and
// the sheet (one card and one QR code per member, the QR code's matrix the
// one libqrencode makes for the link, at the smallest version that holds
// it, its own strict CSP); members without e-mail by default, all with
// ?all=true, never one who answered; every link resolves to its member
// through ResponseLinkRepository; invitations settled 'printed' (a sent one
// stays sent); owners and admins only, tenants apart, an open round only.

#include "api/questionbank.h"
#include "api/survey.h"
#include "mail/mailroutes.h"
#include "mail/printedlinks.h"
#include "mail/qrsvg.h"
#include "ops/publicurl.h"
#include "ops/servicecontext.h"
#include "servicefixture.h"
#include "store/grouprepository.h"
#include "store/keyring.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"
#include "store/surveyrepository.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace engage;
using engage::server::mail::csvCell;
using engage::server::mail::QrMatrix;
using engage::test::HttpResponse;
using engage::test::ServiceFixture;
namespace store = engage::server::store;

namespace {

const QString kPublicUrl = QStringLiteral("https://survey.example.jp");

// Bytes a QR code holds in 8-bit mode at error correction M, versions 1-10
// (ISO/IEC 18004 table 7): the smallest that fits is the right version.
constexpr int kByteCapacityM[] = {14, 26, 42, 62, 84, 106, 122, 152, 180, 213};

int expectedVersion(qsizetype bytes)
{
    for (int version = 1; version <= 10; ++version) {
        if (bytes <= kByteCapacityM[version - 1])
            return version;
    }
    return 0;
}

// The dark modules an SVG path of "M x y h n v 1 h -n z" runs draws.
QList<bool> modulesOf(const QString &path, int width)
{
    QList<bool> dark(width * width, false);
    static const QRegularExpression run(QStringLiteral("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z"));
    auto it = run.globalMatch(path);
    while (it.hasNext()) {
        const auto match = it.next();
        const int x = match.captured(1).toInt();
        const int y = match.captured(2).toInt();
        const int length = match.captured(3).toInt();
        for (int i = 0; i < length; ++i)
            dark[y * width + x + i] = true;
    }
    return dark;
}

QStringList csvRows(const QByteArray &body)
{
    QStringList rows = QString::fromUtf8(body.mid(3)).split(QStringLiteral("\r\n"));
    if (!rows.isEmpty() && rows.last().isEmpty())
        rows.removeLast();
    return rows;
}

} // namespace

class TestPrintedLinks final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QHash<QString, QString> m_tokens;
    QString m_roundId;
    qint64 m_roundSeq = 0;
    QString m_closedRoundId;
    QHash<QString, QString> m_members; // name -> id
    QString m_salesId;

    store::TenantScope scope() const { return store::TenantScope(m_org.id); }

    QString token(const QString &as)
    {
        if (!m_tokens.contains(as)) {
            const bool other = as.startsWith(QStringLiteral("other-"));
            m_tokens.insert(
                as, m_service.issue(other ? m_other : m_org, other ? as.mid(6) : as).accessToken);
        }
        return m_tokens.value(as);
    }

    HttpResponse get(const QString &path, const QString &as = QStringLiteral("owner"))
    {
        return m_service.send("GET", path, token(as));
    }

    QString addMember(const QString &family, const QString &given, const QString &code,
                      const std::optional<QString> &email)
    {
        api::MemberFields fields;
        fields.familyName = family;
        fields.givenName = given;
        fields.employeeCode = code;
        fields.email = email;
        fields.groupId = m_salesId;
        const auto member = store::MemberRepository(m_service.connection(), m_service.keyring())
                                .create(scope(), fields, QDateTime::currentDateTimeUtc());
        if (!member)
            qFatal("cannot add a member: %s", qPrintable(member.error().message));
        m_members.insert(family, member.value().member.id);
        return member.value().member.id;
    }

    qint64 respondentOf(const QString &memberId)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT id FROM respondents WHERE member_id = ?"));
        query.addBindValue(memberId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    }

    QString deliveryStatus(const QString &memberId)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT status FROM deliveries WHERE round_seq = ? AND "
                                     "respondent_id = ? AND kind = 'invitation' AND ordinal = 0"));
        query.addBindValue(m_roundSeq);
        query.addBindValue(respondentOf(memberId));
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

    void plan(const QString &memberId, const QString &status)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO deliveries (tenant_id, round_seq, respondent_id, kind, ordinal, due_at, "
            "status) VALUES (?, ?, ?, 'invitation', 0, 0, ?)"));
        query.addBindValue(m_org.id);
        query.addBindValue(m_roundSeq);
        query.addBindValue(respondentOf(memberId));
        query.addBindValue(status);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    // Every link resolves to this round and to the member its row names.
    void checkResolves(const QString &link, const QString &memberId)
    {
        QVERIFY2(link.startsWith(kPublicUrl + QStringLiteral("/r/")), qPrintable(link));
        const auto resolved =
            store::ResponseLinkRepository(m_service.connection(), m_service.keyring())
                .resolve(link.mid(kPublicUrl.size() + 3));
        QVERIFY2(resolved, qPrintable(link));
        QCOMPARE(resolved.value().tenantId, m_org.id);
        QCOMPARE(resolved.value().roundId, m_roundId);
        QCOMPARE(resolved.value().memberId, memberId);
        QVERIFY(!resolved.value().answered);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_service.addPersonPerRole(m_org);
        m_service.addPerson(m_other, QStringLiteral("owner"), api::Role::Owner);

        const auto sales =
            store::GroupRepository(m_service.connection())
                .create(scope(), {QStringLiteral("S1"), QStringLiteral("営業部"), {}},
                        m_service.personId(m_org, QStringLiteral("owner")));
        QVERIFY(sales);
        m_salesId = sales.value().id;
        // Without e-mail: one whose code a spreadsheet would run, one whose
        // name would be markup on the sheet.
        addMember(QStringLiteral("山田"), QStringLiteral("花子"),
                  QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), std::nullopt);
        addMember(QStringLiteral("<b>佐藤</b>"), QStringLiteral("一郎"), QStringLiteral("E002"),
                  std::nullopt);
        addMember(QStringLiteral("鈴木"), QStringLiteral("次郎"), QStringLiteral("E003"),
                  std::nullopt);
        // With e-mail: one pending, one already sent; one who answered.
        addMember(QStringLiteral("田中"), QStringLiteral("三郎"), QStringLiteral("E004"),
                  QStringLiteral("tanaka@org.example.com"));
        addMember(QStringLiteral("高橋"), QStringLiteral("四郎"), QStringLiteral("E005"),
                  QStringLiteral("takahashi@org.example.com"));
        addMember(QStringLiteral("伊藤"), QStringLiteral("五郎"), QStringLiteral("E006"),
                  std::nullopt);

        api::SurveyDefinition definition;
        definition.name = {QStringLiteral("春のサーベイ"), QStringLiteral("Spring survey")};
        const auto survey = store::SurveyRepository(m_service.connection(), m_service.keyring())
                                .create(scope(), definition, QDateTime::currentDateTimeUtc());
        QVERIFY2(survey, survey ? "" : qPrintable(survey.error().message));
        store::PulseRepository pulses(m_service.connection(), m_service.keyring());
        QStringList items;
        for (const api::BankItem &item : api::questionBank().mid(0, 4))
            items.append(item.id);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const api::RoundStatus status : {api::RoundStatus::Closed, api::RoundStatus::Open}) {
            store::StoredRound round;
            round.surveyId = survey.value().id;
            round.number = status == api::RoundStatus::Closed ? 1 : 2;
            round.itemIds = items;
            round.opensAt = now.addDays(status == api::RoundStatus::Closed ? -30 : -1);
            round.closesAt = now.addDays(status == api::RoundStatus::Closed ? -23 : 6);
            round.status = status;
            const auto created = pulses.createRound(scope(), round, now);
            QVERIFY2(created, created ? "" : qPrintable(created.error().message));
            QList<store::RoundTarget> targets;
            for (const QString &memberId : std::as_const(m_members))
                targets.append({memberId, m_salesId, {}, QStringLiteral("ja")});
            QVERIFY(pulses.addTargets(scope(), created.value().id, targets));
            if (status == api::RoundStatus::Open) {
                m_roundId = created.value().id;
                m_roundSeq = pulses.round(scope(), m_roundId).value().seq;
            } else {
                m_closedRoundId = created.value().id;
            }
        }
        QList<store::SubmittedAnswer> answers;
        for (const QString &item : items)
            answers.append({item, 4});
        QVERIFY(pulses.submit(scope(), m_roundId, m_members.value(QStringLiteral("伊藤")), answers,
                              now));
        plan(m_members.value(QStringLiteral("田中")), QStringLiteral("pending"));
        plan(m_members.value(QStringLiteral("高橋")), QStringLiteral("sent"));
        plan(m_members.value(QStringLiteral("鈴木")), QStringLiteral("bounced"));

        server::ops::ServiceContext context = m_service.context();
        context.publicUrl = std::make_shared<server::ops::PublicUrl>();
        context.publicUrl->set(kPublicUrl);
        server::mail::addMailRoutes(m_service.router(), context);
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void csvCells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("山田 花子") << QStringLiteral("山田 花子");
        QTest::newRow("formula") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+81") << QStringLiteral("'+81");
        QTest::newRow("minus") << QStringLiteral("-2") << QStringLiteral("'-2");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote formula")
            << QStringLiteral("=\"x\"") << QStringLiteral("\"'=\"\"x\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("empty") << QString() << QString();
    }

    void csvCells()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(csvCell(text), cell);
    }

    void ownersAndAdminsOnly()
    {
        for (const QString &as : {QStringLiteral("manager"), QStringLiteral("viewer")}) {
            QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.csv").arg(m_roundId), as).status,
                     403);
            QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.html").arg(m_roundId), as).status,
                     403);
        }
        QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.csv").arg(m_roundId),
                     QStringLiteral("other-owner"))
                     .status,
                 404);
        QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.csv").arg(m_closedRoundId)).status,
                 409);
        QCOMPARE(get(QStringLiteral("/api/v1/rounds/nonsense/links.csv")).status, 404);
        QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.csv?all=yes").arg(m_roundId)).status,
                 400);
        QCOMPARE(get(QStringLiteral("/api/v1/rounds/%1/links.csv?x=1").arg(m_roundId)).status, 400);
        // Nothing was issued or settled by any of them.
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("田中"))),
                 QStringLiteral("pending"));
        QCOMPARE(m_service.operationCount(QStringLiteral("round.links.print"), m_roundId), 0);
    }

    void csvOfMembersWithoutEmail()
    {
        const HttpResponse response = get(
            QStringLiteral("/api/v1/rounds/%1/links.csv").arg(m_roundId), QStringLiteral("admin"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("text/csv"));
        QVERIFY(response.header("Content-Disposition").startsWith("attachment"));
        QVERIFY(response.body.startsWith("\xEF\xBB\xBF"));
        const QStringList rows = csvRows(response.body);
        QCOMPARE(rows.first(), QStringLiteral("社員番号,氏名,所属,回答リンク"));
        // 山田, <b>佐藤</b>, 鈴木: no e-mail, not answered (伊藤 answered).
        QCOMPARE(rows.size(), 4);
        QHash<QString, QString> linkByName;
        for (const QString &row : rows.mid(1)) {
            const QString link = row.section(u',', -1);
            const QString name = row.section(u',', -3, -3);
            QCOMPARE(row.section(u',', -2, -2), QStringLiteral("営業部"));
            linkByName.insert(name, link);
        }
        QVERIFY(rows.contains(
            QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",山田 花子,営業部,") +
            linkByName.value(QStringLiteral("山田 花子"))));
        QCOMPARE(linkByName.keys().size(), 3);
        checkResolves(linkByName.value(QStringLiteral("山田 花子")),
                      m_members.value(QStringLiteral("山田")));
        checkResolves(linkByName.value(QStringLiteral("<b>佐藤</b> 一郎")),
                      m_members.value(QStringLiteral("<b>佐藤</b>")));
        checkResolves(linkByName.value(QStringLiteral("鈴木 次郎")),
                      m_members.value(QStringLiteral("鈴木")));
        // Settled: planned now, and a bounce handed out on paper.
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("山田"))),
                 QStringLiteral("printed"));
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("鈴木"))),
                 QStringLiteral("printed"));
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("田中"))),
                 QStringLiteral("pending"));
        QCOMPARE(m_service.operationCount(QStringLiteral("round.links.print"), m_roundId), 1);
    }

    void sheetOfEveryone()
    {
        const HttpResponse response =
            get(QStringLiteral("/api/v1/rounds/%1/links.html?all=true").arg(m_roundId));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY(response.header("Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(response.body);
        // Five who have not answered, one card and one QR code each.
        QCOMPARE(html.count(QStringLiteral("<section class=\"card\">")), 5);
        QCOMPARE(html.count(QStringLiteral("<svg ")), 5);
        QVERIFY(!html.contains(QStringLiteral("<b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;佐藤&lt;/b&gt; 一郎")));
        QVERIFY(!html.contains(QStringLiteral("伊藤")));
        QVERIFY(html.contains(QStringLiteral("春のサーベイ")));
        QVERIFY(!html.contains(QStringLiteral("<script")));

        // Its CSP allows exactly its one inline style.
        const QByteArray csp = response.header("Content-Security-Policy");
        static const QRegularExpression styleElement(QStringLiteral("<style>(.*)</style>"));
        const QString style = styleElement.match(html).captured(1);
        QVERIFY(!style.isEmpty());
        const QByteArray hash =
            QCryptographicHash::hash(style.toUtf8(), QCryptographicHash::Sha256).toBase64();
        QVERIFY2(csp.contains(QByteArray("style-src 'sha256-" + hash + "'")), csp.constData());
        QVERIFY(csp.startsWith("default-src 'none'"));

        // Each QR code is libqrencode's matrix of the link on its card, at
        // the smallest version that holds the link.
        static const QRegularExpression card(QStringLiteral(
            "<section class=\"card\"><h2>[^<]*</h2><p>[^<]*</p><svg [^>]*viewBox=\"-4 -4 (\\d+) "
            "\\d+\"[^>]*>.*?<path fill=\"#000\" d=\"([^\"]*)\"/></svg><p>[^<]*</p><p>([^<]*)</p>"));
        auto cards = card.globalMatch(html);
        int seen = 0;
        while (cards.hasNext()) {
            const auto match = cards.next();
            const int width = match.captured(1).toInt() - 8;
            const QString link = match.captured(3);
            const auto expected = server::mail::qrMatrix(link.toUtf8());
            QVERIFY(expected);
            QCOMPARE(expected->version, expectedVersion(link.toUtf8().size()));
            QCOMPARE(width, 17 + 4 * expected->version);
            QCOMPARE(modulesOf(match.captured(2), width), expected->dark);
            ++seen;
        }
        QCOMPARE(seen, 5);
        // A sent invitation stays sent; the pending one is printed now.
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("高橋"))), QStringLiteral("sent"));
        QCOMPARE(deliveryStatus(m_members.value(QStringLiteral("田中"))),
                 QStringLiteral("printed"));
        QCOMPARE(m_service.operationCount(QStringLiteral("round.links.print"), m_roundId), 2);
    }

    void qrMatrixOfKnownText()
    {
        // "HELLO" fits version 1 (21 x 21) with its three finder patterns.
        const auto matrix = server::mail::qrMatrix(QByteArrayLiteral("HELLO"));
        QVERIFY(matrix);
        QCOMPARE(matrix->version, 1);
        QCOMPARE(matrix->width, 21);
        for (const auto &[x0, y0] : {std::pair{0, 0}, std::pair{14, 0}, std::pair{0, 14}}) {
            for (int i = 0; i < 7; ++i) {
                QVERIFY(matrix->isDark(x0 + i, y0));
                QVERIFY(matrix->isDark(x0 + i, y0 + 6));
                QVERIFY(matrix->isDark(x0, y0 + i));
                QVERIFY(matrix->isDark(x0 + 6, y0 + i));
            }
            QVERIFY(!matrix->isDark(x0 + 1, y0 + 1));
            QVERIFY(matrix->isDark(x0 + 3, y0 + 3));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrintedLinks)
#include "tst_printedlinks.moc"
