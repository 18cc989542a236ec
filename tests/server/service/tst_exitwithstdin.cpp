// --exit-with-stdin on the real engage-server: the end of its stdin (the
// parent closed the pipe, or died) stops it as gracefully as SIGTERM does;
// without the option, stdin means nothing to it.
//
// ServerProcess cannot close the child's stdin, so the server is started here
// with a QProcess of the test's own.

#include "httpsprobe.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace engage::test;

namespace {

constexpr int drainSeconds = 5;

enum class Stdin
{
    OpenPipe,   // a pipe the test holds and closes later
    NullDevice, // at end of file from the start
};

} // namespace

Q_DECLARE_METATYPE(Stdin)

class TestExitWithStdin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void endOfStdin_data();
    void endOfStdin();

private:
    // Starts the server and waits for its announcement.
    bool start(const QStringList &extraArguments, Stdin stdinKind, QString *error);
    QString stderrText() const;

    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

void TestExitWithStdin::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    m_process = std::make_unique<QProcess>();
}

void TestExitWithStdin::cleanup()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    if (QTest::currentTestFailed())
        qWarning().noquote() << "server stderr:\n" << stderrText().right(3000);
    m_process.reset();
    m_root.reset();
}

bool TestExitWithStdin::start(const QStringList &extraArguments, Stdin stdinKind, QString *error)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString testData = environment.value(QStringLiteral("ENGAGE_TEST_DATA"));
    if (!testData.isEmpty() && !environment.contains(QStringLiteral("LSAN_OPTIONS"))) {
        environment.insert(QStringLiteral("LSAN_OPTIONS"),
                           QStringLiteral("suppressions=%1/lsan.supp").arg(testData));
    }
    m_process->setProcessEnvironment(environment);
    m_process->setStandardErrorFile(m_root->filePath(QStringLiteral("stderr.log")));
    if (stdinKind == Stdin::NullDevice)
        m_process->setStandardInputFile(QProcess::nullDevice());
    const QStringList arguments =
        QStringList{QStringLiteral("--demo"),          QStringLiteral("--demo-without-history"),
                    QStringLiteral("--data-dir"),      m_root->filePath(QStringLiteral("data")),
                    QStringLiteral("--listen"),        QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--drain-timeout"), QString::number(drainSeconds)} +
        extraArguments;
    m_process->start(ServerProcess::executable(), arguments, QIODevice::ReadWrite);
    if (!m_process->waitForStarted(10000)) {
        *error = m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(ServerProcess::defaultStartTimeoutMs);
    while (!m_process->canReadLine() && m_process->state() != QProcess::NotRunning &&
           !deadline.hasExpired()) {
        m_process->waitForReadyRead(200);
    }
    if (!m_process->canReadLine()) {
        *error = QStringLiteral("no announcement");
        return false;
    }
    const QJsonObject announcement =
        QJsonDocument::fromJson(m_process->readLine().trimmed()).object();
    m_url = QUrl(announcement.value(u"url").toString());
    if (!m_url.isValid()) {
        *error = QStringLiteral("the announcement has no url");
        return false;
    }
    return true;
}

QString TestExitWithStdin::stderrText() const
{
    QFile file(m_root->filePath(QStringLiteral("stderr.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestExitWithStdin::endOfStdin_data()
{
    QTest::addColumn<bool>("option");
    QTest::addColumn<Stdin>("stdinKind");
    QTest::addColumn<bool>("exits");

    QTest::newRow("option, pipe closed") << true << Stdin::OpenPipe << true;
    QTest::newRow("option, stdin empty from the start") << true << Stdin::NullDevice << true;
    QTest::newRow("no option, pipe closed") << false << Stdin::OpenPipe << false;
    QTest::newRow("no option, stdin empty from the start") << false << Stdin::NullDevice << false;
}

void TestExitWithStdin::endOfStdin()
{
    QFETCH(bool, option);
    QFETCH(Stdin, stdinKind);
    QFETCH(bool, exits);

    QString error;
    QVERIFY2(start(option ? QStringList{QStringLiteral("--exit-with-stdin")} : QStringList(),
                   stdinKind, &error),
             qPrintable(error + u'\n' + stderrText()));
    const QString certificate = QDir(m_root->filePath(QStringLiteral("data")))
                                    .filePath(QStringLiteral("demo-certificate.pem"));

    if (stdinKind == Stdin::OpenPipe) {
        // While the pipe is open, the server serves.
        QTest::qWait(1000);
        QCOMPARE(m_process->state(), QProcess::Running);
        HttpsProbe probe(certificate, m_url);
        const HttpResponse response = probe.get(QStringLiteral("/healthz"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        m_process->closeWriteChannel();
    }

    if (exits) {
        QVERIFY2(m_process->waitForFinished(10000), "still running after the end of stdin");
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);
        QVERIFY2(stderrText().contains(u"stopping (standard input closed)"),
                 qPrintable(stderrText()));
    } else {
        QVERIFY2(!m_process->waitForFinished(3000), "exited although stdin means nothing");
        HttpsProbe probe(certificate, m_url);
        const HttpResponse response = probe.get(QStringLiteral("/healthz"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        // SIGTERM still works as before.
        m_process->terminate();
        QVERIFY2(m_process->waitForFinished((drainSeconds + 10) * 1000), "still running");
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);
        QVERIFY(!stderrText().contains(u"standard input closed"));
    }
    QVERIFY2(!stderrText().contains(u"Sanitizer"), qPrintable(stderrText()));
}

QTEST_GUILESS_MAIN(TestExitWithStdin)
#include "tst_exitwithstdin.moc"
