// Running a round from the client's models, against the real engage-server
// over TLS on loopback with a real SMTP sink (aiosmtpd): a custom survey
// published through the service and opened by its scheduler at the next
// start, whose invitations go to the sink. RoundProgressModel (under
// QAbstractItemModelTester): groups in tree order, the anonymity threshold
// (nothing reveals a small group's respondents), refreshing on and off,
// "remind now" for a group; DeliveryLogModel: the whole log page by page
// (every row once, as many as the progress counts), the status filter, a
// reminder naming nobody; SurveyTestMail: a test invitation reaching the
// sink at the person's own address, and a company without a mail server.

#include "api/deliverylog.h"
#include "api/mail.h"
#include "models/grouptreemodel.h"
#include "models/surveys/deliverylogmodel.h"
#include "models/surveys/roundprogressmodel.h"
#include "models/surveys/surveytestmail.h"
#include "serviceclient.h"
#include "smtpsink.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kTenant = QStringLiteral("northwind");
const QString kOtherTenant = QStringLiteral("sakura-foods");

api::SurveyDefinition custom(const QString &name, const QDate &start)
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("%1 調査").arg(name), QStringLiteral("%1 survey").arg(name)};
    api::Question question;
    question.id = QStringLiteral("q1");
    question.type = api::QuestionType::Scale11;
    question.text = {QStringLiteral("満足していますか"), QStringLiteral("Are you satisfied?")};
    definition.questions = {question};
    definition.delivery.startDate = start;
    definition.delivery.startTime = QTime(0, 0);
    definition.delivery.periodDays = 5;
    return definition;
}

QDate tokyoToday()
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
        .date();
}

} // namespace

class TestRunningRound final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void testMailReachesTheSink();
    void testMailWithoutAMailServer();
    void progressPerGroup();
    void refreshesOnlyWhileAsked();
    void deliveryLogPageByPage();
    void deliveryLogFiltered();
    void remindsAGroup();

private:
    api::Survey create(Client &client, const api::SurveyDefinition &definition);
    api::RoundProgress progressNow();

    QTemporaryDir m_data;
    QTemporaryDir m_certificates;
    QString m_certificate;
    SmtpSink m_sink;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_owner;
    Account m_account;
    api::Survey m_draft;
    QString m_roundId;
    QList<GroupTreeModel::Entry> m_groups;
};

api::Survey TestRunningRound::create(Client &client, const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys");
    request.body = api::toJson(definition);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(client.api, request);
    const auto survey =
        created.ok ? api::surveyFromJson(created.json) : api::Result<api::Survey>(api::Error{});
    return survey ? survey.value() : api::Survey{};
}

api::RoundProgress TestRunningRound::progressNow()
{
    const Outcome read =
        get(m_owner->api, QStringLiteral("/api/v1/rounds/%1/progress").arg(m_roundId));
    const auto progress = read.ok ? api::roundProgressFromJson(read.json)
                                  : api::Result<api::RoundProgress>(api::Error{});
    return progress ? progress.value() : api::RoundProgress{};
}

void TestRunningRound::initTestCase()
{
    QString error;
    QString key;
    QVERIFY2(makeCertificate(m_certificates.path(), QStringLiteral("sink"), &m_certificate, &key,
                             &error),
             qPrintable(error));
    QVERIFY2(m_sink.start(QStringLiteral("starttls"), m_certificate, key, &error),
             qPrintable(error));
    const QStringList mailArguments{QStringLiteral("--smtp-private-hosts"),
                                    QStringLiteral("--smtp-ca-file"), m_certificate};

    // First start: the company's mail server, a draft, and a survey
    // published to open today.
    m_server = std::make_unique<ServerProcess>(m_data.path());
    QVERIFY2(m_server->start(mailArguments), qPrintable(m_server->errorString()));
    m_account = demoOwner(*m_server, kTenant);
    QVERIFY(!m_account.email.isEmpty());
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_runninground"));
    m_owner = std::make_unique<Client>(*m_server, *m_store, QStringLiteral("owner"));
    QVERIFY(signIn(m_owner->session, m_account));
    ApiRequest smtp;
    smtp.method = "PUT";
    smtp.path = QStringLiteral("/api/v1/settings/smtp");
    smtp.ifMatch = "\"0\"";
    api::SmtpSettingsUpdate settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_sink.port();
    settings.username = SmtpSink::user();
    settings.password = SmtpSink::password();
    settings.fromAddress = QStringLiteral("engage@northwind.example.com");
    smtp.body = api::toJson(settings);
    const Outcome saved = call(m_owner->api, smtp);
    QVERIFY2(saved.ok, qPrintable(saved.error.detail));
    m_draft = create(*m_owner, custom(QStringLiteral("Draft"), tokyoToday().addDays(30)));
    QVERIFY(!m_draft.id.isEmpty());
    const api::Survey running = create(*m_owner, custom(QStringLiteral("Running"), tokyoToday()));
    QVERIFY(!running.id.isEmpty());
    ApiRequest publish;
    publish.method = "POST";
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(running.id);
    publish.ifMatch = '"' + QByteArray::number(running.revision) + '"';
    QVERIFY(call(m_owner->api, publish).ok);

    // Second start: the scheduler's first tick opens the round at once.
    m_server = std::make_unique<ServerProcess>(m_data.path());
    QVERIFY2(m_server->start(mailArguments), qPrintable(m_server->errorString()));
    m_owner->api.setBaseUrl(m_server->url());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const Outcome read =
                get(m_owner->api, QStringLiteral("/api/v1/surveys/%1").arg(running.id));
            const auto survey =
                read.ok ? api::surveyFromJson(read.json) : api::Result<api::Survey>(api::Error{});
            if (survey && survey.value().openRound)
                m_roundId = survey.value().openRound->roundId;
            return !m_roundId.isEmpty();
        },
        kWaitMs));
    // The invitations have gone to the sink.
    QVERIFY(QTest::qWaitFor([&] { return progressNow().sent > 0; }, kWaitMs));

    GroupTreeModel groups(m_owner->api);
    QSignalSpy loaded(&groups, &GroupTreeModel::loaded);
    groups.reload();
    QVERIFY(waitFor(loaded));
    m_groups = groups.entries();
}

void TestRunningRound::cleanupTestCase()
{
    if (m_owner) {
        m_owner->session.signOut();
        QTest::qWait(500);
    }
}

void TestRunningRound::testMailReachesTheSink()
{
    SurveyTestMail mail(m_owner->api);
    QSignalSpy answered(&mail, &SurveyTestMail::answered);
    QSignalSpy sending(&mail, &SurveyTestMail::sendingChanged);
    const qsizetype before = m_sink.messages().size();
    mail.send(m_draft.id, false);
    QVERIFY(mail.isSending());
    // One at a time: a second click while sending sends nothing more.
    mail.send(m_draft.id, false);
    QVERIFY(waitFor(answered));
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.constFirst().at(0).toString(), m_draft.id);
    const auto result = answered.constFirst().at(1).value<api::MailTestResult>();
    QCOMPARE(result.outcome, api::MailTestOutcome::Sent);
    QVERIFY(!mail.isSending());
    QCOMPARE(sending.size(), 2);
    QVERIFY(QTest::qWaitFor([&] { return m_sink.messages().size() > before; }, kWaitMs));
    bool toMe = false;
    for (const QJsonObject &message : m_sink.messages()) {
        const QString recipients =
            message.value(QStringLiteral("rcptTos")).toVariant().toStringList().join(u',');
        if (recipients.contains(m_account.email) &&
            message.value(QStringLiteral("subject")).toString().contains(QStringLiteral("Draft")))
            toMe = true;
    }
    QVERIFY(toMe);
}

void TestRunningRound::testMailWithoutAMailServer()
{
    const Account other = demoOwner(*m_server, kOtherTenant);
    Client client(*m_server, *m_store, QStringLiteral("other"));
    QVERIFY(signIn(client.session, other));
    const api::Survey draft = create(client, custom(QStringLiteral("No mail"), tokyoToday()));
    QVERIFY(!draft.id.isEmpty());
    SurveyTestMail mail(client.api);
    QSignalSpy failed(&mail, &SurveyTestMail::failed);
    mail.send(draft.id, true);
    QVERIFY(waitFor(failed));
    const auto error = failed.constFirst().at(1).value<ApiError>();
    QVERIFY(SurveyTestMail::isNoMailServer(error));
    QVERIFY(!error.requestId.isEmpty());
    // A survey of another company is not found, whatever its mail server.
    mail.send(m_draft.id, true);
    failed.clear();
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(1).value<ApiError>().code,
             std::optional(api::ProblemCode::NotFound));
    client.session.signOut();
    QTest::qWait(500);
}

void TestRunningRound::progressPerGroup()
{
    RoundProgressModel model(m_owner->api);
    QAbstractItemModelTester tester(&model);
    model.setGroups(m_groups);
    QSignalSpy loaded(&model, &RoundProgressModel::loaded);
    model.load(m_roundId);
    QVERIFY(waitFor(loaded));
    const api::RoundProgress &progress = *model.progress();
    QCOMPARE(model.rowCount(), int(progress.groups.size()));
    QVERIFY(model.rowCount() > 1);
    // In the order of the tree.
    int lastTreeIndex = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.index(row, 0).data(RoundProgressModel::GroupIdRole).toString();
        const auto found =
            std::find_if(m_groups.cbegin(), m_groups.cend(),
                         [&id](const GroupTreeModel::Entry &entry) { return entry.id == id; });
        QVERIFY(found != m_groups.cend());
        QVERIFY(int(found - m_groups.cbegin()) > lastTreeIndex);
        lastTreeIndex = int(found - m_groups.cbegin());
        QVERIFY(model.index(row, RoundProgressModel::GroupColumn)
                    .data()
                    .toString()
                    .endsWith(found->name));
    }
    bool sawWithheld = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex rate = model.index(row, RoundProgressModel::RateColumn);
        const QString id = rate.data(RoundProgressModel::GroupIdRole).toString();
        if (rate.data(RoundProgressModel::WithheldRole).toBool()) {
            sawWithheld = true;
            QVERIFY(!rate.data(RoundProgressModel::ShareRole).isValid());
            QCOMPARE(model.index(row, RoundProgressModel::RespondedColumn).data().toString(),
                     QStringLiteral("—"));
            QVERIFY(rate.data(Qt::ToolTipRole).toString().contains(QStringLiteral("anonymity")));
            // Neither alone nor in the whole round.
            QVERIFY(!model.nonRespondents(id));
            QVERIFY(!model.nonRespondents(std::nullopt));
        } else {
            QCOMPARE(rate.data(RoundProgressModel::ShareRole).toDouble(), 0.0);
            QCOMPARE(rate.data().toString(), QStringLiteral("0.0%"));
        }
    }
    // Northwind's groups of a few members each: some under the threshold of 5.
    QVERIFY(sawWithheld);
    QVERIFY(model.deliveryTotalsText().startsWith(QStringLiteral("Sent ")));
}

void TestRunningRound::refreshesOnlyWhileAsked()
{
    RoundProgressModel model(m_owner->api);
    QAbstractItemModelTester tester(&model);
    QSignalSpy loaded(&model, &RoundProgressModel::loaded);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(m_roundId);
    QVERIFY(waitFor(loaded));
    const qsizetype resets = reset.size();
    QVERIFY(!model.isRefreshing());
    QCOMPARE(model.refreshInterval(), RoundProgressModel::kDefaultRefreshInterval);
    model.setRefreshInterval(std::chrono::milliseconds(200));
    model.setRefreshing(true);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 4, kWaitMs);
    // Updated in place: the rows a view has selected stay.
    QCOMPARE(reset.size(), resets);
    model.setRefreshing(false);
    QTRY_VERIFY(!model.isLoading());
    const qsizetype stopped = loaded.size();
    QTest::qWait(800);
    QCOMPARE(loaded.size(), stopped);
}

void TestRunningRound::deliveryLogPageByPage()
{
    const api::RoundProgress progress = progressNow();
    DeliveryLogModel model(m_owner->api);
    QAbstractItemModelTester tester(&model);
    model.setPageSize(7);
    QSignalSpy pages(&model, &DeliveryLogModel::pageLoaded);
    model.load(m_roundId);
    QVERIFY(waitFor(pages));
    QCOMPARE(model.rowCount(), 7);
    // More to read (the model tester may be reading it already).
    QVERIFY(model.canFetchMore({}) || model.isLoading());
    while (model.canFetchMore({}) || model.isLoading()) {
        if (!model.isLoading())
            model.fetchMore({});
        QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, kWaitMs));
    }
    QVERIFY(model.isComplete());
    QCOMPARE(qint64(model.rowCount()),
             progress.sent + progress.bounced + progress.printed + progress.pending);
    QSet<qint64> ids;
    int invitations = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const api::DeliveryLogEntry &entry = model.entryAt(row);
        QVERIFY(!ids.contains(entry.id));
        ids.insert(entry.id);
        const QString recipient =
            model.index(row, DeliveryLogModel::RecipientColumn).data().toString();
        if (entry.kind == api::DeliveryKind::Reminder) {
            QCOMPARE(recipient, QStringLiteral("Not named"));
            QVERIFY(model.index(row, DeliveryLogModel::RecipientColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("who had not answered")));
            continue;
        }
        ++invitations;
        if (entry.status == api::DeliveryStatus::Sent) {
            QVERIFY(entry.email);
            QVERIFY(recipient.contains(*entry.email));
            QCOMPARE(model.index(row, DeliveryLogModel::StatusColumn).data().toString(),
                     QStringLiteral("Sent"));
            QCOMPARE(model.index(row, DeliveryLogModel::ChannelColumn).data().toString(),
                     QStringLiteral("E-mail"));
        }
    }
    QVERIFY(invitations > 0);
}

void TestRunningRound::deliveryLogFiltered()
{
    DeliveryLogModel model(m_owner->api);
    QAbstractItemModelTester tester(&model);
    QSignalSpy pages(&model, &DeliveryLogModel::pageLoaded);
    model.load(m_roundId, api::DeliveryStatus::Pending);
    QVERIFY(waitFor(pages));
    // The round's reminders, planned at its opening, wait.
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, 0).data(DeliveryLogModel::StatusRole).toInt(),
                 int(api::DeliveryStatus::Pending));
        QVERIFY(model.index(row, DeliveryLogModel::StatusColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Waiting")));
    }
    pages.clear();
    model.load(m_roundId, api::DeliveryStatus::Bounced);
    QVERIFY(waitFor(pages));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
}

void TestRunningRound::remindsAGroup()
{
    RoundProgressModel model(m_owner->api);
    model.setGroups(m_groups);
    QSignalSpy loaded(&model, &RoundProgressModel::loaded);
    model.load(m_roundId);
    QVERIFY(waitFor(loaded));
    // A group large enough to count, with no small group below it.
    std::optional<QString> group;
    for (int row = 0; row < model.rowCount() && !group; ++row) {
        const QString id = model.index(row, 0).data(RoundProgressModel::GroupIdRole).toString();
        if (const auto count = model.nonRespondents(id); count && *count > 0)
            group = id;
    }
    QVERIFY(group);
    const qint64 expected = *model.nonRespondents(*group);
    const api::RoundProgress before = progressNow();
    const qint64 rowsBefore = before.sent + before.bounced + before.printed + before.pending;
    QSignalSpy reminded(&model, &RoundProgressModel::reminded);
    model.remind(group);
    QVERIFY(model.isReminding());
    QVERIFY(waitFor(reminded));
    QCOMPARE(reminded.constFirst().at(0).value<std::optional<QString>>(), group);
    QCOMPARE(reminded.constFirst().at(1).value<std::optional<qint64>>(),
             std::optional<qint64>(expected));
    QVERIFY(!model.isReminding());
    // One more delivery each (sent within the scheduler's next tick, or waiting).
    const api::RoundProgress after = progressNow();
    QCOMPARE(after.sent + after.bounced + after.printed + after.pending, rowsBefore + expected);
}

QTEST_GUILESS_MAIN(TestRunningRound)
#include "tst_runninground.moc"
