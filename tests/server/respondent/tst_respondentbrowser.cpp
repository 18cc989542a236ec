// The respondent page in Debian's headless Chromium against the real
// engage-server over TLS on loopback: answered with the keyboard alone,
// saved partway (by the script and by the page's button), submitted twice,
// one question at a time without JavaScript, an expired link and the
// language switch (respondent_browser.py drives the browser over the
// DevTools protocol). Afterwards the store has the answers and the access
// log no link.

#include "api/questionbank.h"
#include "respondentseed.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::test;

class TestRespondentBrowser final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<ServerProcess> m_server;
    SeededRound m_pulse;
    SeededRound m_closed;

    // What Chromium's --ignore-certificate-errors-spki-list takes: the
    // base64 SHA-256 of the server key's SubjectPublicKeyInfo.
    QString spkiHash() const
    {
        QFile file(m_server->certificatePath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QSslCertificate certificate(file.readAll(), QSsl::Pem);
        return QString::fromLatin1(
            QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256)
                .toBase64());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral("/usr/bin/chromium")));
        QVERIFY(m_data.isValid());
        // The demo's tenants first, then a round written into the stopped
        // server's store, then the server again on the same data.
        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_server->terminate();
        QVERIFY(m_server->waitForExit(20000));

        RoundSeed pulse;
        for (int i = 0; i < 4; ++i)
            pulse.itemIds.append(api::questionBank().at(i).id);
        pulse.targets = {{QStringLiteral("keyboard"), QStringLiteral("en")},
                         {QStringLiteral("autosave"), QStringLiteral("en")},
                         {QStringLiteral("language"), QStringLiteral("ja")},
                         {QStringLiteral("nojs"), QStringLiteral("en")}};
        QString error;
        auto seeded = seedRoundInDataDir(m_data.path(), QStringLiteral("northwind"), pulse, &error);
        QVERIFY2(seeded, qPrintable(error));
        m_pulse = *seeded;
        RoundSeed closed = pulse;
        closed.targets = {{QStringLiteral("closed"), QStringLiteral("ja")}};
        closed.status = api::RoundStatus::Closed;
        closed.opensAt = QDateTime::currentDateTimeUtc().addDays(-14);
        closed.closesAt = QDateTime::currentDateTimeUtc().addDays(-7);
        seeded = seedRoundInDataDir(m_data.path(), QStringLiteral("northwind"), closed, &error);
        QVERIFY2(seeded, qPrintable(error));
        m_closed = *seeded;

        m_server = std::make_unique<ServerProcess>(m_data.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanup()
    {
        if (m_server)
            m_server->reportIfFailed();
    }

    void answersInChromium()
    {
        QJsonObject tokens;
        for (const char *scenario : {"keyboard", "autosave", "language", "nojs"})
            tokens.insert(QLatin1String(scenario),
                          m_pulse.tokens.value(QString::fromLatin1(scenario)));
        tokens.insert(QStringLiteral("closed"), m_closed.tokens.value(QStringLiteral("closed")));
        const QString base = m_server->url().toString(QUrl::StripTrailingSlash);
        QProcess driver;
        driver.setProcessChannelMode(QProcess::MergedChannels);
        driver.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(ENGAGE_RESPONDENT_BROWSER), base, spkiHash(),
                      QString::fromUtf8(QJsonDocument(tokens).toJson(QJsonDocument::Compact))});
        QVERIFY(driver.waitForStarted());
        const bool finished = driver.waitForFinished(180000);
        const QByteArray output = driver.readAll();
        if (!finished)
            driver.kill();
        QVERIFY2(finished && driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0,
                 output.constData());
        qInfo("%s", output.constData());
    }

    void answersLandedAndNoLinkWasLogged()
    {
        m_server->terminate();
        QVERIFY(m_server->waitForExit(20000));
        const QString name = QStringLiteral("browser-check");
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            database.setDatabaseName(m_data.filePath(QStringLiteral("engage.sqlite3")));
            QVERIFY(database.open());
            QSqlQuery query(database);
            // Keyboard and one-at-a-time submitted (keyboard twice, counted once).
            query.prepare(
                QStringLiteral("SELECT respondent_count FROM survey_rounds WHERE id = ?"));
            query.addBindValue(m_pulse.roundId);
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toInt(), 2);
            query.prepare(
                QStringLiteral("SELECT COUNT(*) FROM response_drafts d JOIN survey_rounds "
                               "r ON r.seq = d.round_seq WHERE r.id = ?"));
            query.addBindValue(m_pulse.roundId);
            QVERIFY(query.exec() && query.next());
            QVERIFY2(query.value(0).toInt() >= 1, "the autosaved draft is kept");

            QVERIFY(
                query.exec(QStringLiteral("SELECT path FROM access_log WHERE path LIKE '/r/%'")));
            int pages = 0;
            while (query.next()) {
                const QString path = query.value(0).toString();
                QVERIFY2(path == QLatin1String("/r/{token}") ||
                             path.startsWith(QLatin1String("/r/assets/")),
                         qPrintable(path));
                pages += path == QLatin1String("/r/{token}") ? 1 : 0;
            }
            QVERIFY(pages > 10);
            QVERIFY(query.exec(QStringLiteral("SELECT path, user_agent FROM access_log")));
            const QStringList tokens = m_pulse.tokens.values() + m_closed.tokens.values();
            while (query.next()) {
                for (const QString &token : tokens) {
                    QVERIFY(!query.value(0).toString().contains(token));
                    QVERIFY(!query.value(1).toString().contains(token));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestRespondentBrowser)
#include "tst_respondentbrowser.moc"
