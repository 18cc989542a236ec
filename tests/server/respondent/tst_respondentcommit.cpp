// The respondent page's group commit against the real engage-server over
// TLS: many final submissions at once (48 in flight), mixed with ones refused
// before they reach a batch (an unknown link, an answer out of range), each
// answered exactly once; the server SIGKILLed the moment the 150th answer was
// acknowledged, and every acknowledged answer is in the store afterwards
// (acknowledged means committed). Started again on the same data, the store
// is intact and the answers not acknowledged before the kill go in.

#include "api/questionbank.h"
#include "httpsprobe.h"
#include "respondentseed.h"
#include "serverprocess.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>
#include <vector>

using namespace engage;
using namespace engage::test;

namespace {

constexpr int kTargets = 240;
constexpr int kKillAfter = 150;
constexpr int kManagers = 8; // six connections each: 48 requests in flight

QString member(int i)
{
    return QStringLiteral("member-%1").arg(i, 3, 10, QLatin1Char('0'));
}

// What was sent and what came back, by reply.
struct Sent
{
    QString member; // empty: a request that must be refused
    int status = 0; // 0: no answer (the server was gone)
    int finished = 0;
};

} // namespace

class TestRespondentCommit final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<ServerProcess> m_server;
    SeededRound m_round;
    QStringList m_items;

    QByteArray formBody(int value) const
    {
        QByteArray body;
        for (const QString &item : m_items)
            body += "q." + item.toUtf8() + '=' + QByteArray::number(value) + '&';
        return body + "action=submit";
    }

    // Members whose final submission is in the store, and the response.submit
    // rows, read with the server stopped.
    std::pair<QSet<QString>, int> stored() const
    {
        const QString name = QStringLiteral("commit-check");
        std::pair<QSet<QString>, int> found;
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            database.setDatabaseName(m_data.filePath(QStringLiteral("engage.sqlite3")));
            if (database.open()) {
                QSqlQuery query(database);
                query.prepare(QStringLiteral(
                    "SELECT p.member_id FROM round_targets t JOIN respondents p ON p.id = "
                    "t.respondent_id JOIN survey_rounds r ON r.seq = t.round_seq WHERE r.id = ? "
                    "AND t.responded_at IS NOT NULL"));
                query.addBindValue(m_round.roundId);
                query.exec();
                while (query.next())
                    found.first.insert(query.value(0).toString());
                query.prepare(QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE action = "
                                             "'response.submit' AND target_id = ?"));
                query.addBindValue(m_round.roundId);
                if (query.exec() && query.next())
                    found.second = query.value(0).toInt();
                query.exec(QStringLiteral("PRAGMA integrity_check"));
                if (!query.next() || query.value(0).toString() != QLatin1String("ok"))
                    found.second = -1;
            }
        }
        QSqlDatabase::removeDatabase(name);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_server->terminate();
        QVERIFY(m_server->waitForExit(20000));
        RoundSeed seed;
        for (int i = 0; i < 4; ++i)
            m_items.append(api::questionBank().at(i).id);
        seed.itemIds = m_items;
        for (int i = 0; i < kTargets; ++i)
            seed.targets.append({member(i), QStringLiteral("en")});
        QString error;
        const auto seeded =
            seedRoundInDataDir(m_data.path(), QStringLiteral("northwind"), seed, &error);
        QVERIFY2(seeded, qPrintable(error));
        m_round = *seeded;
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanup()
    {
        if (m_server)
            m_server->reportIfFailed();
    }

    void acknowledgedAnswersSurviveAKill()
    {
        HttpsProbe probe(m_server->certificatePath(), m_server->url());
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        for (int i = 0; i < kManagers; ++i)
            managers.push_back(std::make_unique<QNetworkAccessManager>());
        QHash<QNetworkReply *, Sent> sent;
        int acknowledged = 0;
        int answered = 0;
        bool killed = false;
        const auto post = [&](const QString &token, const QByteArray &body, const QString &who) {
            QNetworkRequest request =
                probe.request(QStringLiteral("/r/") + token + QStringLiteral("?lang=en"));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *reply = managers.at(sent.size() % kManagers)->post(request, body);
            sent.insert(reply, Sent{who});
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                Sent &entry = sent[reply];
                ++entry.finished;
                ++answered;
                entry.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (!entry.member.isEmpty() && entry.status == 303 &&
                    ++acknowledged == kKillAfter && !killed) {
                    // At once, with answers still in flight and in batches.
                    m_server->kill();
                    killed = true;
                }
            });
        };
        for (int i = 0; i < kTargets; ++i) {
            post(m_round.tokens.value(member(i)), formBody(i % 5 + 1), member(i));
            // Refused before any batch: they must not fail the others.
            if (i % 12 == 0)
                post(QStringLiteral("no-such-link-%1").arg(i), formBody(3), {});
            if (i % 12 == 6)
                post(m_round.tokens.value(member(i)), formBody(9), {});
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, int(sent.size()), 60000);
        QVERIFY(killed);
        QVERIFY(m_server->waitForExit(10000));

        QSet<QString> acknowledgedMembers;
        for (const Sent &entry : std::as_const(sent)) {
            QCOMPARE(entry.finished, 1);
            if (entry.member.isEmpty()) {
                // Refused when answered before the kill: never accepted.
                QVERIFY2(entry.status == 0 || entry.status == 400 || entry.status == 404,
                         qPrintable(QString::number(entry.status)));
                continue;
            }
            QVERIFY2(entry.status == 0 || entry.status == 303,
                     qPrintable(QString::number(entry.status)));
            if (entry.status == 303)
                acknowledgedMembers.insert(entry.member);
        }
        QCOMPARE(acknowledgedMembers.size(), acknowledged);
        QVERIFY(acknowledged >= kKillAfter);

        const auto [inStore, logged] = stored();
        QVERIFY2(logged >= 0, "the store is not intact after the kill");
        for (const QString &who : std::as_const(acknowledgedMembers))
            QVERIFY2(inStore.contains(who), qPrintable(who + QStringLiteral(" was lost")));
        // Answers were acknowledged only after their commit; commits not yet
        // acknowledged may have landed too, and each has its operation row.
        QVERIFY(inStore.size() >= acknowledged);
        QCOMPARE(logged, int(inStore.size()));
        qInfo("%d acknowledged before the kill, %lld in the store", acknowledged,
              qlonglong(inStore.size()));
    }

    void theRestGoInAfterARestart()
    {
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        HttpsProbe probe(m_server->certificatePath(), m_server->url());
        const QSet<QString> before = stored().first;
        int again = 0;
        for (int i = 0; i < kTargets; ++i) {
            if (before.contains(member(i)))
                continue;
            const HttpResponse answer =
                probe.send("POST", QStringLiteral("/r/") + m_round.tokens.value(member(i)),
                           formBody(4), {{"Content-Type", "application/x-www-form-urlencoded"}});
            QCOMPARE(answer.status, 303);
            ++again;
        }
        m_server->terminate();
        QVERIFY(m_server->waitForExit(20000));
        const auto [inStore, logged] = stored();
        QCOMPARE(int(inStore.size()), kTargets);
        QCOMPARE(logged, kTargets);
        qInfo("%d submitted after the restart", again);
    }
};

QTEST_GUILESS_MAIN(TestRespondentCommit)
#include "tst_respondentcommit.moc"
