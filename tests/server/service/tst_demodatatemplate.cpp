// The suite's demo data template (tests/support/demodatatemplate.h): servers
// started on copies announce the same demo tenants and credentials, serve
// certificates of their own, never change the template, and templates of an
// earlier build go when a new one is seeded. Each test function has a
// template folder of its own, not the suite's.

#include "demodatatemplate.h"
#include "httpsprobe.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace engage::test;

namespace {

QStringList templatesIn(const QString &root)
{
    return QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
}

// Every file of a folder with its last modification, to see that nothing
// touched it.
QMap<QString, QDateTime> filesOf(const QString &folder)
{
    QMap<QString, QDateTime> files;
    QDirIterator entries(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QFileInfo file(entries.next());
        files.insert(file.filePath(), file.lastModified());
    }
    return files;
}

bool answersHealth(const ServerProcess &server)
{
    HttpsProbe probe(server.certificatePath(), server.url());
    return probe.get(QStringLiteral("/healthz")).status == 200;
}

} // namespace

class TestDemoDataTemplate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
        qputenv("ENGAGE_TEST_SERVER_TEMPLATES", m_root->path().toUtf8());
        QVERIFY(DemoDataTemplate::isAvailable());
    }

    void copiesShareTenantsNotCertificates()
    {
        ServerProcess first;
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        const QStringList seeded = templatesIn(m_root->path());
        QCOMPARE(seeded.size(), 1);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}-%1-plain$").arg(today))
                     .match(seeded.constFirst())
                     .hasMatch(),
                 qPrintable(seeded.constFirst()));
        const QString templateDir = QDir(m_root->path()).filePath(seeded.constFirst());
        const QMap<QString, QDateTime> before = filesOf(templateDir);
        QVERIFY(!before.isEmpty());

        ServerProcess second;
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        QCOMPARE(templatesIn(m_root->path()), seeded);
        QCOMPARE(filesOf(templateDir), before);

        // The same tenants, people and credentials: one seeding.
        const QJsonArray tenants = first.announcement().value(u"tenants").toArray();
        QCOMPARE(tenants.size(), 2);
        QCOMPARE(second.announcement().value(u"tenants").toArray(), tenants);
        // Certificates of their own, as two first starts make.
        QVERIFY(first.fingerprint() != second.fingerprint());
        QVERIFY(answersHealth(first));
        QVERIFY(answersHealth(second));
    }

    void earlierBuildsGoWhenANewTemplateIsSeeded()
    {
        {
            ServerProcess server;
            QVERIFY2(server.start(), qPrintable(server.errorString()));
        }
        const QString current = templatesIn(m_root->path()).constFirst();
        const QString build = current.left(16);
        const QDir root(m_root->path());
        // An earlier day of this build, and another build of today.
        const QString earlierDay = build + QStringLiteral("-2000-01-01-plain");
        const QString otherBuild = current.mid(16).prepend(QString(16, u'0'));
        QVERIFY(root.mkdir(earlierDay));
        QVERIFY(root.mkdir(otherBuild));
        QVERIFY(QDir(root.filePath(current)).removeRecursively());

        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(templatesIn(m_root->path()), (QStringList{earlierDay, current}));
    }

    void aServerThatSeedsItselfMakesNoTemplate()
    {
        ServerProcess server;
        server.seedDemoDataItself();
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(templatesIn(m_root->path()).isEmpty());
        QCOMPARE(server.announcement().value(u"tenants").toArray().size(), 2);
    }

    void existingDataIsNotReplaced()
    {
        QTemporaryDir shared;
        const QString dataDir = shared.filePath(QStringLiteral("data"));
        QJsonArray tenants;
        {
            ServerProcess first(dataDir);
            first.seedDemoDataItself();
            QVERIFY2(first.start(), qPrintable(first.errorString()));
            tenants = first.announcement().value(u"tenants").toArray();
        }
        ServerProcess again(dataDir);
        QVERIFY2(again.start(), qPrintable(again.errorString()));
        QVERIFY(templatesIn(m_root->path()).isEmpty());
        QCOMPARE(again.announcement().value(u"tenants").toArray(), tenants);
    }

private:
    std::unique_ptr<QTemporaryDir> m_root;
};

QTEST_GUILESS_MAIN(TestDemoDataTemplate)
#include "tst_demodatatemplate.moc"
