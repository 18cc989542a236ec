// The Surveys page running a round, offscreen, against the real engage-server
// mailing a real SMTP sink (aiosmtpd): "Send Test to Myself" from the page
// and from the builder (what is typed saved first), a company without a
// mail server told where to set it up; the Round Activity tab of a round
// the scheduler opened: the response rate per group with bars, refreshed
// while shown and not while hidden, "Remind Now" for a group after a
// confirmation that counts whom it reaches (or says why it cannot), the
// delivery log and its filter; the language followed.

#include "../models/serviceclient.h"
#include "models/surveys/deliverylogmodel.h"
#include "models/surveys/roundprogressmodel.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveylistmodel.h"
#include "smtpsink.h"
#include "ui/pages/surveyspage.h"
#include "ui/surveys/roundview.h"
#include "ui/surveys/surveybuilder.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("northwind");

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

// The subjects of the messages the sink took for `address` after the first `skipped`.
QStringList subjectsTo(const SmtpSink &sink, const QString &address, qsizetype skipped)
{
    QStringList subjects;
    const QList<QJsonObject> messages = sink.messages();
    for (qsizetype i = skipped; i < messages.size(); ++i) {
        const QJsonObject &message = messages.at(i);
        if (message.value(QStringLiteral("rcptTos")).toVariant().toStringList().contains(address))
            subjects.append(message.value(QStringLiteral("subject")).toString());
    }
    return subjects;
}

QDate tokyoToday()
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
        .date();
}

} // namespace

class TestRunningRoundPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void sendsATestFromThePage();
    void sendsATestFromTheBuilder();
    void explainsAMissingMailServer();
    void showsTheRoundLiveWhileVisible();
    void remindsAGroupAfterConfirmation();
    void listsTheDeliveries();
    void followsTheLanguage();

private:
    api::Survey create(Client &client, const api::SurveyDefinition &definition);
    RoundView *openRoundTab();

    QTemporaryDir m_data;
    QTemporaryDir m_certificates;
    SmtpSink m_sink;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_owner;
    Account m_account;
    api::Survey m_draft;
    QString m_runningId;
    std::unique_ptr<SurveysPage> m_page;
};

api::Survey TestRunningRoundPage::create(Client &client, const api::SurveyDefinition &definition)
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

void TestRunningRoundPage::initTestCase()
{
    QString error;
    QString certificate;
    QString key;
    QVERIFY2(
        makeCertificate(m_certificates.path(), QStringLiteral("sink"), &certificate, &key, &error),
        qPrintable(error));
    QVERIFY2(m_sink.start(QStringLiteral("starttls"), certificate, key, &error), qPrintable(error));
    const QStringList mailArguments{QStringLiteral("--smtp-private-hosts"),
                                    QStringLiteral("--smtp-ca-file"), certificate};
    m_server = std::make_unique<ServerProcess>(m_data.path());
    QVERIFY2(m_server->start(mailArguments), qPrintable(m_server->errorString()));
    m_account = demoOwner(*m_server, kTenant);
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_runninground ui"));
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
    QVERIFY(call(m_owner->api, smtp).ok);
    m_draft = create(*m_owner, custom(QStringLiteral("Draft"), tokyoToday().addDays(30)));
    QVERIFY(!m_draft.id.isEmpty());
    const api::Survey running = create(*m_owner, custom(QStringLiteral("Running"), tokyoToday()));
    m_runningId = running.id;
    ApiRequest publish;
    publish.method = "POST";
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(running.id);
    publish.ifMatch = '"' + QByteArray::number(running.revision) + '"';
    QVERIFY(call(m_owner->api, publish).ok);
    // Started again: the scheduler's first tick opens the round at once.
    m_server = std::make_unique<ServerProcess>(m_data.path());
    QVERIFY2(m_server->start(mailArguments), qPrintable(m_server->errorString()));
    m_owner->api.setBaseUrl(m_server->url());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const Outcome read =
                get(m_owner->api, QStringLiteral("/api/v1/surveys/%1").arg(m_runningId));
            return read.ok && read.json.contains(QStringLiteral("openRound"));
        },
        kWaitMs));
}

void TestRunningRoundPage::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_page = std::make_unique<SurveysPage>(m_owner->api, m_owner->session);
    QVERIFY(showActive(*m_page, {1280, 760}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model().isLoading() && m_page->model().rowCount() > 0,
                             kWaitMs);
}

void TestRunningRoundPage::cleanup()
{
    m_page.reset();
    if (m_server)
        m_server->reportIfFailed();
}

void TestRunningRoundPage::cleanupTestCase()
{
    if (m_owner) {
        m_owner->session.signOut();
        QTest::qWait(500);
    }
}

RoundView *TestRunningRoundPage::openRoundTab()
{
    if (!m_page->selectSurvey(m_runningId))
        return nullptr;
    RoundView *round = m_page->roundPane();
    const int tab = m_page->panes()->indexOf(round);
    if (!m_page->panes()->isTabEnabled(tab))
        return nullptr;
    m_page->panes()->setCurrentIndex(tab);
    return round;
}

void TestRunningRoundPage::sendsATestFromThePage()
{
    QVERIFY(m_page->selectSurvey(m_draft.id));
    QAction *test = m_page->sendTestAction();
    QVERIFY(test->isVisible() && test->isEnabled());
    QVERIFY(test->text().contains(u'&'));
    const qsizetype before = m_sink.messages().size();
    // The button, as a person clicks it.
    QPushButton *button = nullptr;
    for (QPushButton *candidate : m_page->findChildren<QPushButton *>()) {
        if (candidate->text() == test->text())
            button = candidate;
    }
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!test->isEnabled()); // one at a time
    QTRY_VERIFY_WITH_TIMEOUT(m_page->banner()->isVisible() &&
                                 m_page->banner()->text().contains(m_account.email),
                             kWaitMs);
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("was sent to")));
    QVERIFY(m_page->banner()->text().contains(m_draft.definition.name.en));
    QVERIFY(test->isEnabled());
    // In the window's language.
    QTRY_VERIFY_WITH_TIMEOUT(!subjectsTo(m_sink, m_account.email, before).isEmpty(), kWaitMs);
    QVERIFY2(subjectsTo(m_sink, m_account.email, before)
                 .constFirst()
                 .contains(QStringLiteral("Draft survey")),
             qPrintable(subjectsTo(m_sink, m_account.email, before).join(u'|')));

    // Not for a published survey: its invitations go out for real.
    QVERIFY(m_page->selectSurvey(m_runningId));
    QVERIFY(!test->isEnabled());
}

void TestRunningRoundPage::sendsATestFromTheBuilder()
{
    QVERIFY(m_page->selectSurvey(m_draft.id));
    m_page->editAction()->trigger();
    SurveyBuilder *builder = m_page->builder();
    QVERIFY(builder);
    QTRY_VERIFY_WITH_TIMEOUT(builder->isReady(), kWaitMs);
    QVERIFY(builder->sendTestAction()->isVisible());
    builder->autosaver().setDelay(60000); // only the test's own save
    builder->document().setName(false, QStringLiteral("Draft survey, renamed"));
    QVERIFY(builder->autosaver().hasUnsavedChanges());
    const qsizetype before = m_sink.messages().size();
    auto *button = builder->findChild<QPushButton *>(QStringLiteral("sendTestButton"));
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(builder->banner()->isVisible() &&
                                 builder->banner()->text().contains(m_account.email),
                             kWaitMs);
    QVERIFY(!builder->autosaver().hasUnsavedChanges());
    // The invitation shows what was typed: saved before it went.
    QTRY_VERIFY_WITH_TIMEOUT(!subjectsTo(m_sink, m_account.email, before).isEmpty(), kWaitMs);
    QVERIFY2(subjectsTo(m_sink, m_account.email, before)
                 .constFirst()
                 .contains(QStringLiteral("renamed")),
             qPrintable(subjectsTo(m_sink, m_account.email, before).join(u'|')));
    builder->close();
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isVisible(), kWaitMs);
}

void TestRunningRoundPage::explainsAMissingMailServer()
{
    const Account other = demoOwner(*m_server, QStringLiteral("sakura-foods"));
    Client client(*m_server, *m_store, QStringLiteral("other"));
    QVERIFY(signIn(client.session, other));
    const api::Survey draft = create(client, custom(QStringLiteral("Mail-less"), tokyoToday()));
    {
        SurveysPage page(client.api, client.session);
        QVERIFY(showActive(page, {1100, 640}));
        QTRY_VERIFY_WITH_TIMEOUT(page.model().rowOf(draft.id) >= 0, kWaitMs);
        QVERIFY(page.selectSurvey(draft.id));
        page.sendTestAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(page.banner()->isVisible(), kWaitMs);
        QVERIFY2(page.banner()->text().contains(QStringLiteral("No mail server is set up")),
                 qPrintable(page.banner()->text()));
        QVERIFY(page.banner()->text().contains(QStringLiteral("SMTP settings")));
    }
    client.session.signOut();
    QTest::qWait(500);
}

void TestRunningRoundPage::showsTheRoundLiveWhileVisible()
{
    // A draft has no round to show.
    QVERIFY(m_page->selectSurvey(m_draft.id));
    QVERIFY(!m_page->panes()->isTabEnabled(m_page->panes()->indexOf(m_page->roundPane())));
    RoundView *round = openRoundTab();
    QVERIFY(round);
    QVERIFY(round->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(round->progressModel().rowCount() > 1, kWaitMs);
    QVERIFY(round->progressModel().isRefreshing());
    QVERIFY(round->updatedText().startsWith(QStringLiteral("Updated ")));
    QVERIFY(round->totalsText().startsWith(QStringLiteral("Sent ")));
    // Bars where a rate is shown, nothing where the threshold withholds it.
    bool withheld = false;
    for (int row = 0; row < round->progressModel().rowCount(); ++row) {
        const QModelIndex rate = round->progressModel().index(row, RoundProgressModel::RateColumn);
        withheld = withheld || rate.data(RoundProgressModel::WithheldRole).toBool();
        QCOMPARE(rate.data(RoundProgressModel::ShareRole).isValid(),
                 !rate.data(RoundProgressModel::WithheldRole).toBool());
    }
    QVERIFY(withheld);
    // Read again while shown...
    round->progressModel().setRefreshInterval(std::chrono::milliseconds(150));
    QSignalSpy loaded(&round->progressModel(), &RoundProgressModel::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 2, kWaitMs);
    // ... and not while another tab is in front.
    m_page->panes()->setCurrentIndex(0);
    QVERIFY(!round->isVisible());
    QVERIFY(!round->progressModel().isRefreshing());
    QTRY_VERIFY(!round->progressModel().isLoading());
    const qsizetype hidden = loaded.size();
    QTest::qWait(600);
    QCOMPARE(loaded.size(), hidden);
    // Back in front: at once, and live again.
    m_page->panes()->setCurrentWidget(round);
    QVERIFY(round->progressModel().isRefreshing());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > hidden, kWaitMs);
}

void TestRunningRoundPage::remindsAGroupAfterConfirmation()
{
    RoundView *round = openRoundTab();
    QVERIFY(round);
    QTRY_VERIFY_WITH_TIMEOUT(round->progressModel().rowCount() > 1, kWaitMs);
    QAction *remind = round->remindAction();
    QVERIFY(!remind->isEnabled()); // no group chosen
    auto *button = round->findChild<QPushButton *>(QStringLiteral("remindButton"));
    QVERIFY(button);
    QTableView *view = round->progressView();
    int countable = -1;
    int small = -1;
    for (int row = 0; row < round->progressModel().rowCount(); ++row) {
        const QString id =
            round->progressModel().index(row, 0).data(RoundProgressModel::GroupIdRole).toString();
        const auto count = round->progressModel().nonRespondents(id);
        if (count && *count > 0 && countable < 0)
            countable = row;
        if (!count && small < 0)
            small = row;
    }
    QVERIFY(countable >= 0 && small >= 0);
    const QString countableId =
        round->progressModel().index(countable, 0).data(RoundProgressModel::GroupIdRole).toString();
    const qint64 expected = *round->progressModel().nonRespondents(countableId);

    // A small group: reminded without saying how many.
    view->selectRow(small);
    QVERIFY(remind->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *box = waitForModal<QMessageBox>();
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("remindConfirmation"));
    QVERIFY2(box->informativeText().contains(QStringLiteral("Too few members")),
             qPrintable(box->informativeText()));
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTRY_VERIFY(!QApplication::activeModalWidget());

    // A group large enough: the confirmation counts whom it reaches; cancelled, nothing.
    view->selectRow(countable);
    QTest::mouseClick(button, Qt::LeftButton);
    box = waitForModal<QMessageBox>();
    QVERIFY(box);
    const QString question = box->text();
    QVERIFY2(question.contains(QStringLiteral("the %1 member").arg(expected)),
             qPrintable(question));
    QVERIFY(question.contains(round->progressModel().groupName(countableId)));
    QSignalSpy reminded(&round->progressModel(), &RoundProgressModel::reminded);
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(300);
    QVERIFY(reminded.isEmpty());

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(answerMessageBox(QMessageBox::AcceptRole));
    QVERIFY(waitFor(reminded));
    QCOMPARE(reminded.constFirst().at(1).value<std::optional<qint64>>(),
             std::optional<qint64>(expected));
    QTRY_VERIFY(round->banner()->isVisible());
    QVERIFY2(round->banner()->text().contains(QStringLiteral("%1 reminder").arg(expected)),
             qPrintable(round->banner()->text()));
}

void TestRunningRoundPage::listsTheDeliveries()
{
    RoundView *round = openRoundTab();
    QVERIFY(round);
    DeliveryLogModel &log = round->logModel();
    QTRY_VERIFY_WITH_TIMEOUT(log.rowCount() > 0 && !log.isLoading(), kWaitMs);
    QCOMPARE(round->logView()->model(), &log);
    while (log.canFetchMore({}) || log.isLoading()) {
        if (!log.isLoading())
            log.fetchMore({});
        QVERIFY(QTest::qWaitFor([&] { return !log.isLoading(); }, kWaitMs));
    }
    bool sentInvitation = false;
    for (int row = 0; row < log.rowCount(); ++row) {
        const api::DeliveryLogEntry &entry = log.entryAt(row);
        if (entry.kind == api::DeliveryKind::Invitation &&
            entry.status == api::DeliveryStatus::Sent) {
            sentInvitation = true;
            QVERIFY(
                log.index(row, DeliveryLogModel::RecipientColumn).data().toString().contains(u'@'));
        }
    }
    QVERIFY(sentInvitation);
    QComboBox *filter = round->statusFilter();
    QCOMPARE(filter->count(), 5);
    // "Waiting": the planned reminders.
    QSignalSpy pages(&log, &DeliveryLogModel::pageLoaded);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Down);
    QCOMPARE(filter->currentText(), QStringLiteral("Waiting"));
    QVERIFY(waitFor(pages));
    QCOMPARE(log.status(), std::optional(api::DeliveryStatus::Pending));
    QVERIFY(log.rowCount() > 0);
    for (int row = 0; row < log.rowCount(); ++row)
        QCOMPARE(log.entryAt(row).status, api::DeliveryStatus::Pending);
}

void TestRunningRoundPage::followsTheLanguage()
{
    RoundView *round = openRoundTab();
    QVERIFY(round);
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    QTRY_VERIFY(round->remindAction()->text().startsWith(QStringLiteral("[T] ")));
    QVERIFY(m_page->sendTestAction()->text().startsWith(QStringLiteral("[T] ")));
    QVERIFY(m_page->panes()
                ->tabText(m_page->panes()->indexOf(round))
                .startsWith(QStringLiteral("[T] ")));
    QVERIFY(round->statusFilter()->itemText(0).startsWith(QStringLiteral("[T] ")));
    QVERIFY(round->progressModel()
                .headerData(RoundProgressModel::RateColumn, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("[T] ")));
    QVERIFY(round->logModel()
                .headerData(DeliveryLogModel::StatusColumn, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("[T] ")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(round->remindAction()->text(), QStringLiteral("Re&mind Now…"));
}

QTEST_MAIN(TestRunningRoundPage)
#include "tst_roundactivity.moc"
