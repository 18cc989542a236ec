// Renders every page and dialog of the client, in Japanese and in English, to
// PNG files for docs/screenshots (run through docs/screenshots/render.sh under
// Xvfb). Real parts throughout: the engage-server demo, signed in as each demo
// tenant's owner (sakura-foods in Japanese, northwind in English), and the
// pages as the application composes them.
//
// engage_screenshots OUTPUT_DIR

#include "api/group.h"
#include "api/member.h"
#include "api/person.h"
#include "api/personrequests.h"
#include "models/apiclient.h"
#include "models/attributelistmodel.h"
#include "models/certificateinfo.h"
#include "models/credentialstore.h"
#include "models/dashboard/dashboardloader.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/export/everythingexport.h"
#include "models/grouptreemodel.h"
#include "models/languageswitcher.h"
#include "models/logwindowmodel.h"
#include "models/memberimportsession.h"
#include "models/membertablemodel.h"
#include "models/session.h"
#include "models/settings.h"
#include "models/surveys/deliverylogmodel.h"
#include "models/surveys/draftautosaver.h"
#include "models/surveys/questionlistmodel.h"
#include "models/surveys/roundprogressmodel.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveylistmodel.h"
#include "models/surveys/targetcounter.h"
#include "models/usertablemodel.h"
#include "serverprocess.h"
#include "ui/applicationcontroller.h"
#include "ui/clientcontext.h"
#include "ui/dialogs/attributedialog.h"
#include "ui/dialogs/benchmarkdialog.h"
#include "ui/dialogs/certificatedialog.h"
#include "ui/dialogs/errordialog.h"
#include "ui/dialogs/groupscopedialog.h"
#include "ui/dialogs/importwizard.h"
#include "ui/dialogs/importwizardpages.h"
#include "ui/dialogs/initialpassworddialog.h"
#include "ui/dialogs/invitedialog.h"
#include "ui/dialogs/logindialog.h"
#include "ui/dialogs/memberdialog.h"
#include "ui/dialogs/memodialog.h"
#include "ui/dialogs/passwordchangedialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/export/exportdialogs.h"
#include "ui/mainwindow.h"
#include "ui/pages/attributespage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/logspage.h"
#include "ui/pages/memberspage.h"
#include "ui/pages/peoplepage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/surveyspage.h"
#include "ui/surveys/deliveryeditor.h"
#include "ui/surveys/questioneditor.h"
#include "ui/surveys/roundview.h"
#include "ui/surveys/surveybuilder.h"
#include "ui/widgets/dashboardpanel.h"
#include "ui/widgets/kpicard.h"
#include "ui/widgets/messagebanner.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSslCertificate>
#include <QStyleFactory>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::ui;

namespace {

constexpr int kWaitMs = 30000;

// Thrown by fail() and caught in main(), so that the demo service is stopped
// on the way out: an orphaned service would keep the build lock render.sh
// holds.
struct Failure
{
};

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "engage_screenshots: %s\n", qPrintable(what));
    throw Failure{};
}

// Runs the event loop until `done` or the deadline; false on the deadline.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return true;
}

// Lets layouts settle and a first paint happen.
void settle()
{
    QDeadlineTimer deadline(300);
    waitUntil([&] { return deadline.hasExpired(); });
}

class Renderer
{
public:
    Renderer(const QString &outputDir, const test::ServerProcess &server)
        : m_output(outputDir)
        , m_server(server)
    {}

    void render(const QString &language, const QString &tenant);

private:
    void save(QWidget *widget, const QString &name)
    {
        settle();
        const QString path =
            m_output.filePath(name + QLatin1Char('-') + m_language + QStringLiteral(".png"));
        if (!widget->grab().save(path, "PNG"))
            fail(QStringLiteral("cannot write %1").arg(path));
        std::printf("%s\n", qPrintable(path));
    }

    template<typename Dialog>
    void saveDialog(Dialog *dialog, const QString &name)
    {
        dialog->show();
        save(dialog, name);
        dialog->close();
        delete dialog;
    }

    // The modal dialog that `open` brings up, saved and then dismissed.
    void saveModal(const std::function<void()> &open, const QString &name)
    {
        open();
        QWidget *modal = nullptr;
        if (!waitUntil([&] { return (modal = QApplication::activeModalWidget()); }))
            fail(QStringLiteral("no dialog for %1").arg(name));
        save(modal, name);
        modal->close();
        waitUntil([] { return !QApplication::activeModalWidget(); });
    }

    bool signIn(Session &session, const QString &tenant);
    void renameBehindTheBack(ApiClient &client, const QString &personId);
    // The answer to one call; fails the tool when there is none.
    QJsonObject fetch(ApiClient &client, const ApiRequest &request);
    void renderDashboard(MainWindow &window, DashboardPage &page);
    void renderSurveys(MainWindow &window, SurveysPage &page, ApiClient &client);
    void renderMembers(MainWindow &window, MembersPage &page);
    void renderLogs(MainWindow &window, LogsPage &page);
    void renderAttributes(MainWindow &window, AttributesPage &page, ApiClient &client);
    void renderImport(MainWindow &window, ApiClient &client);
    void renderGroupScope(MainWindow &window, ApiClient &client, PeoplePage &people);
    void renderExportEverything(MainWindow &window, ApiClient &client);

    QDir m_output;
    const test::ServerProcess &m_server;
    QString m_language;
    QString m_tenant;
    LanguageSwitcher m_switcher;
};

bool Renderer::signIn(Session &session, const QString &tenant)
{
    for (const auto &value : m_server.announcement().value(QLatin1String("tenants")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("slug")).toString() != tenant)
            continue;
        bool signedIn = false;
        QObject::connect(&session, &Session::signedIn, &session, [&] { signedIn = true; });
        session.signIn(tenant, entry.value(QLatin1String("adminEmail")).toString(),
                       entry.value(QLatin1String("adminPassword")).toString());
        return waitUntil([&] { return signedIn; });
    }
    return false;
}

// Another administrator renames the person, so that the page's next edit is stale.
void Renderer::renameBehindTheBack(ApiClient &client, const QString &personId)
{
    const auto call = [&client](const ApiRequest &request, QByteArray *etag) {
        bool done = false;
        ApiReply *reply = client.send(request);
        QObject::connect(reply, &ApiReply::finished, reply, [&done, etag, reply] {
            if (etag)
                *etag = reply->etag();
            done = reply->isOk();
        });
        if (!waitUntil([&done] { return done; }))
            fail(QStringLiteral("the service did not answer %1").arg(request.path));
    };
    ApiRequest read;
    read.path = QStringLiteral("/api/v1/users/") + personId;
    QByteArray etag;
    call(read, &etag);
    ApiRequest rename;
    rename.method = "PATCH";
    rename.path = read.path;
    api::PersonPatch patch;
    patch.displayName = QStringLiteral("%1 (2)").arg(personId.left(4));
    rename.body = api::toJson(patch);
    rename.ifMatch = etag;
    call(rename, nullptr);
}

QJsonObject Renderer::fetch(ApiClient &client, const ApiRequest &request)
{
    bool done = false;
    QJsonObject answer;
    ApiReply *reply = client.send(request);
    QObject::connect(reply, &ApiReply::finished, reply, [&done, &answer, reply] {
        if (reply->isOk())
            answer = reply->json().object();
        done = reply->isOk();
    });
    if (!waitUntil([&done] { return done; }))
        fail(QStringLiteral("the service did not answer %1").arg(request.path));
    return answer;
}

// The members of a department's first team, one selected, and its edit form.
void Renderer::renderMembers(MainWindow &window, MembersPage &page)
{
    window.setCurrentPageIndex(
        3); // Dashboard, Surveys, People, Members, Attributes, Logs, Settings
    const GroupTreeModel &groups = page.groupModel();
    if (!waitUntil([&] { return !groups.isLoading() && groups.rowCount(groups.rootIndex()) > 0; }))
        fail(QStringLiteral("the Members page did not load its groups"));
    const QModelIndex department = groups.index(0, 0, groups.rootIndex());
    if (!page.selectGroup(
            groups.index(0, 0, department).data(GroupTreeModel::GroupIdRole).toString()))
        fail(QStringLiteral("cannot select a group"));
    if (!waitUntil(
            [&] { return !page.memberModel().isLoading() && page.memberModel().rowCount() > 1; }))
        fail(QStringLiteral("the Members page did not load its members"));
    page.memberView()->selectRow(1);
    save(&window, QStringLiteral("members"));
    page.editMemberAction()->trigger();
    MemberDialog *dialog = nullptr;
    if (!waitUntil([&] {
            dialog = qobject_cast<MemberDialog *>(QApplication::activeModalWidget());
            return dialog && dialog->isReady();
        }))
        fail(QStringLiteral("the member form did not open"));
    save(dialog, QStringLiteral("member-form"));
    dialog->reject();
    waitUntil([] { return !QApplication::activeModalWidget(); });
    window.setCurrentPageIndex(0);
}

// Every panel of the company's latest round, taller than the other pages so
// that more of it shows; then its heatmap, sorted by engagement, and the
// priority chart further down; the memo and benchmark dialogs.
void Renderer::renderDashboard(MainWindow &window, DashboardPage &page)
{
    using Panel = DashboardLoader::Panel;
    const QSize size = window.size();
    window.resize(1280, 960);
    window.setCurrentPageIndex(0);
    const auto loaded = [&page] {
        for (const Panel panel :
             {Panel::Rounds, Panel::Summary, Panel::Trend, Panel::Factors, Panel::Heatmap,
              Panel::Priority, Panel::Memos, Panel::Benchmarks}) {
            if (page.loader().state(panel) == DashboardLoader::State::Loading ||
                page.loader().state(panel) == DashboardLoader::State::Idle)
                return false;
        }
        return !page.groupModel().isLoading();
    };
    if (!waitUntil(loaded))
        fail(QStringLiteral("the Dashboard page did not load"));
    save(&window, QStringLiteral("dashboard"));

    page.heatmapView()->sortByColumn(HeatmapModel::FirstFactorColumn, Qt::DescendingOrder);
    auto *scroll = page.findChild<QScrollArea *>(QStringLiteral("dashboardScroll"));
    scroll->verticalScrollBar()->setValue(page.panel(Panel::Heatmap)->y());
    save(&window, QStringLiteral("dashboard-heatmap"));
    page.heatmapView()->sortByColumn(HeatmapModel::GroupColumn, Qt::AscendingOrder);
    scroll->ensureWidgetVisible(page.engagementCard(), 0, 0);

    const bool ja = m_language == QLatin1String("ja");
    api::Memo memo;
    memo.fields = {QDate::currentDate(),
                   ja ? QStringLiteral("営業部の組織変更（2 課を統合）")
                      : QStringLiteral("Sales reorganised: two teams merged"),
                   true};
    memo.mine = true;
    saveDialog(new MemoDialog(memo, memo.fields.date, &window), QStringLiteral("memo-dialog"));
    api::BenchmarkSet benchmarks = page.loader().benchmarks();
    if (benchmarks.values.isEmpty()) {
        benchmarks.label = ja ? QStringLiteral("2026 年度目標") : QStringLiteral("Targets 2026");
        benchmarks.values = {{api::Factor::Engagement, 70},
                             {api::Factor::Growth, 65.5},
                             {api::Factor::Recognition, 68}};
    }
    saveDialog(new BenchmarkDialog(benchmarks, &window), QStringLiteral("benchmark-dialog"));
    window.resize(size);
}

// The surveys of the company: a published pulse and a custom draft with a
// choice question missing its English, open in the builder (questions and
// delivery), and the confirmation before publishing.
void Renderer::renderSurveys(MainWindow &window, SurveysPage &page, ApiClient &client)
{
    const auto create = [&](const api::SurveyDefinition &definition) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/api/v1/surveys");
        request.body = api::toJson(definition);
        request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const auto survey = api::surveyFromJson(fetch(client, request));
        if (!survey)
            fail(QStringLiteral("cannot create a survey"));
        return survey.value();
    };
    const QDate monday = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek());
    api::SurveyDefinition pulse;
    pulse.name = {QStringLiteral("エンゲージメント・パルス 2026"),
                  QStringLiteral("Engagement pulse 2026")};
    pulse.delivery.startDate = monday;
    const api::Survey published = create(pulse);
    ApiRequest publish;
    publish.method = "POST";
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(published.id);
    publish.ifMatch = '"' + QByteArray::number(published.revision) + '"';
    fetch(client, publish);

    api::SurveyDefinition custom;
    custom.kind = api::SurveyKind::Custom;
    custom.name = {QStringLiteral("在宅勤務アンケート"), QStringLiteral("Remote work survey")};
    const auto question = [](const char *id, api::QuestionType type, const QString &jaText,
                             const QString &enText) {
        api::Question q;
        q.id = QString::fromLatin1(id);
        q.type = type;
        q.text = {jaText, enText};
        return q;
    };
    custom.questions = {
        question("q1", api::QuestionType::Agreement5,
                 QStringLiteral("在宅勤務でも仕事に集中できている。"),
                 QStringLiteral("I can focus on my work when working from home.")),
        question("q2", api::QuestionType::SingleChoice,
                 QStringLiteral("週に何日、在宅勤務をしたいですか。"), QString()),
        question("q3", api::QuestionType::Scale11, QStringLiteral("この働き方を同僚に勧めますか。"),
                 QStringLiteral("Would you recommend this way of working to a colleague?")),
        question("q4", api::QuestionType::FreeText, QStringLiteral("その他のご意見"),
                 QStringLiteral("Anything else you would like to tell us?"))};
    custom.questions[1].options = {{QStringLiteral("0日"), QStringLiteral("None")},
                                   {QStringLiteral("1〜2日"), QString()},
                                   {QStringLiteral("3日以上"), QString()}};
    custom.delivery.startDate = monday.addDays(7);
    custom.delivery.periodDays = 10;
    custom.delivery.reminderDaysBeforeEnd = {3, 0};
    const api::Survey draft = create(custom);
    // Opened today at midnight, Tokyo time: the scheduler's next tick opens
    // it while the other shots are taken.
    api::SurveyDefinition runningDefinition = custom;
    runningDefinition.name = {QStringLiteral("オフィス環境アンケート"),
                              QStringLiteral("Office survey")};
    runningDefinition.questions = {custom.questions.at(0), custom.questions.at(2)};
    runningDefinition.delivery.startDate =
        QDateTime::currentDateTimeUtc()
            .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo")))
            .date();
    runningDefinition.delivery.startTime = QTime(0, 0);
    const api::Survey running = create(runningDefinition);
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(running.id);
    publish.ifMatch = '"' + QByteArray::number(running.revision) + '"';
    fetch(client, publish);

    window.setCurrentPageIndex(1);
    page.reloadAction()->trigger();
    if (!waitUntil([&] { return !page.model().isLoading() && page.model().rowOf(draft.id) >= 0; }))
        fail(QStringLiteral("the Surveys page did not load"));
    page.selectSurvey(published.id);
    save(&window, QStringLiteral("surveys"));

    page.selectSurvey(draft.id);
    page.editAction()->trigger();
    SurveyBuilder *builder = page.builder();
    if (!builder ||
        !waitUntil([&] { return builder->isReady() && builder->targetCounter().isLoaded(); }))
        fail(QStringLiteral("the survey builder did not open"));
    builder->resize(1240, 780);
    builder->questionView()->setCurrentIndex(builder->document().questionModel()->index(1, 0));
    save(builder, QStringLiteral("survey-builder"));
    builder->tabs()->setCurrentWidget(builder->deliveryEditor());
    save(builder, QStringLiteral("survey-delivery"));
    builder->tabs()->setCurrentIndex(0);
    builder->close();
    waitUntil([&] { return !builder->isVisible(); });

    // A complete draft asks for confirmation with its summary.
    api::SurveyDefinition complete = custom;
    complete.name = {QStringLiteral("在宅勤務アンケート（確定版）"),
                     QStringLiteral("Remote work survey (final)")};
    complete.questions[1].text.en = QStringLiteral("How many days a week would you like to work "
                                                   "from home?");
    complete.questions[1].options[1].en = QStringLiteral("1 or 2 days");
    complete.questions[1].options[2].en = QStringLiteral("3 days or more");
    const api::Survey ready = create(complete);
    page.reloadAction()->trigger();
    if (!waitUntil([&] { return !page.model().isLoading() && page.model().rowOf(ready.id) >= 0; }))
        fail(QStringLiteral("the Surveys page did not reload"));
    page.selectSurvey(ready.id);
    saveModal([&] { page.publishAction()->trigger(); }, QStringLiteral("survey-publish"));

    // The running round: answers by group, and its delivery log.
    if (!waitUntil(
            [&] {
                page.reloadAction()->trigger();
                waitUntil([&] { return !page.model().isLoading(); });
                const api::Survey *listed = page.model().survey(running.id);
                return listed && listed->openRound;
            },
            45000))
        fail(QStringLiteral("the scheduler did not open the round"));
    page.selectSurvey(running.id);
    RoundView *round = page.roundPane();
    page.panes()->setCurrentWidget(round);
    if (!waitUntil([&] {
            return round->progressModel().rowCount() > 0 && !round->logModel().isLoading() &&
                   round->logModel().rowCount() > 0;
        }))
        fail(QStringLiteral("the round's activity did not load"));
    const QSize size = window.size();
    window.resize(1280, 800);
    save(&window, QStringLiteral("survey-round"));
    window.resize(size);
    page.panes()->setCurrentIndex(0);
    window.setCurrentPageIndex(0);
}

// The operation log with its newest change open in the detail pane.
void Renderer::renderLogs(MainWindow &window, LogsPage &page)
{
    window.setCurrentPageIndex(
        5); // Dashboard, Surveys, People, Members, Attributes, Logs, Settings
    page.tabs()->setCurrentIndex(1);
    if (!waitUntil([&] {
            return !page.model().isLoading() && page.model().rowCount() > 0 &&
                   page.model().isLoaded(0);
        }))
        fail(QStringLiteral("the Logs page did not load"));
    page.view()->selectionModel()->setCurrentIndex(
        page.model().index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    save(&window, QStringLiteral("logs"));
    window.setCurrentPageIndex(0);
}

void Renderer::renderAttributes(MainWindow &window, AttributesPage &page, ApiClient &client)
{
    const bool ja = m_language == QLatin1String("ja");
    // The demo defines some; a few more show the other types.
    const QList<api::AttributeFields> extra{{QStringLiteral("資格取得日"),
                                             QStringLiteral("Certified on"),
                                             api::AttributeType::Date,
                                             {}},
                                            {QStringLiteral("語学スコア"),
                                             QStringLiteral("Language score"),
                                             api::AttributeType::Number,
                                             {}}};
    for (const api::AttributeFields &fields : extra) {
        ApiRequest create;
        create.method = "POST";
        create.path = QStringLiteral("/api/v1/attributes");
        create.body = api::toJson(fields);
        fetch(client, create);
    }
    window.setCurrentPageIndex(4);
    page.reloadAction()->trigger();
    if (!waitUntil([&] { return !page.model().isLoading() && page.model().rowCount() > 0; }))
        fail(QStringLiteral("the Attributes page did not load"));
    int choiceRow = 0;
    for (int row = 0; row < page.model().rowCount(); ++row) {
        if (page.model().attributeAt(row).fields.type == api::AttributeType::Choice) {
            choiceRow = row;
            break;
        }
    }
    page.selectAttribute(page.model().attributeAt(choiceRow).id);
    save(&window, QStringLiteral("attributes"));

    auto *dialog = new AttributeDialog(page.model().attributeAt(choiceRow).fields, &window);
    dialog->newChoiceField()->setText(ja ? QStringLiteral("仙台営業所")
                                         : QStringLiteral("Sendai office"));
    dialog->choicesList()->setCurrentRow(0);
    saveDialog(dialog, QStringLiteral("attribute-dialog"));
    window.setCurrentPageIndex(0);
}

// The wizard over a file that adds, changes and refuses members of the demo
// company, page by page up to the summary; the import is undone afterwards.
void Renderer::renderImport(MainWindow &window, ApiClient &client)
{
    const bool ja = m_language == QLatin1String("ja");
    const auto page = api::memberPageFromJson(fetch(client, [] {
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/members?limit=6&sort=employeeCode");
        return request;
    }()));
    if (!page || page.value().page.items.size() < 6)
        fail(QStringLiteral("the demo company has too few members to import"));
    const QList<api::Member> members = page.value().page.items;
    const auto groups = api::groupListFromJson(fetch(client, [] {
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/groups");
        return request;
    }()));
    if (!groups)
        fail(QStringLiteral("cannot read the demo company's groups"));
    // "Head office/Sales/Tokyo", as an HR system would export it.
    const auto pathOf = [&groups](std::optional<QString> id) {
        QStringList names;
        while (id) {
            const auto group = std::find_if(groups.value().cbegin(), groups.value().cend(),
                                            [&id](const api::Group &g) { return g.id == *id; });
            if (group == groups.value().cend())
                break;
            names.prepend(group->fields.name);
            id = group->fields.parentId;
        }
        return names.join(u'/');
    };

    QStringList lines{ja ? QStringLiteral("社員番号,姓,名,メールアドレス,所属,入社日,役職")
                         : QStringLiteral("Employee code,Family name,Given name,E-mail,"
                                          "Department,Hire date,Position")};
    const auto csvLine = [](const QStringList &cells) {
        return cells.join(u',');
    };
    const auto dateOf = [](const std::optional<QDate> &date) {
        return date ? date->toString(Qt::ISODate) : QString();
    };
    // The first members as they are, the next with a new position.
    for (int i = 0; i < members.size(); ++i) {
        const api::MemberFields &fields = members.at(i).fields;
        const QString position =
            i < 3 ? fields.position : (ja ? QStringLiteral("課長") : QStringLiteral("Team lead"));
        lines << csvLine({fields.employeeCode.value_or(QString()), fields.familyName,
                          fields.givenName, fields.email.value_or(QString()),
                          pathOf(fields.groupId), dateOf(fields.hireDate), position});
    }
    // Two newcomers join an existing group (new: green), one a group that
    // does not exist yet, one has a date that is none, one neither code nor
    // e-mail (errors: red until the options create the group).
    const QString existing = pathOf(members.constFirst().fields.groupId);
    const QString newGroup = existing.section(u'/', 0, 0) + u'/' +
                             (ja ? QStringLiteral("新規事業部") : QStringLiteral("Ventures"));
    struct Newcomer
    {
        const char *code;
        const char16_t *family;
        const char16_t *given;
        const char *email;
        bool newGroup;
        const char *hireDate;
        const char16_t *position;
    };
    const Newcomer japanese[] = {
        {"N-9001", u"髙橋", u"陽菜", "hina.takahashi@example.com", false, "2025-04-01", u"主任"},
        {"N-9002", u"山﨑", u"蓮", "ren.yamazaki@example.com", false, "2025-04-01", u""},
        {"N-9003", u"森", u"結衣", "yui.mori@example.com", true, "2025-04-01", u""},
        {"N-9004", u"林", u"悠真", "", false, "2025-13-01", u""},
        {"", u"小野", u"葵", "", false, "2025-04-01", u""}};
    const Newcomer english[] = {
        {"N-9001", u"Reyes", u"Lucia", "lucia.reyes@example.com", false, "2025-04-01", u"Analyst"},
        {"N-9002", u"Okafor", u"Chidi", "chidi.okafor@example.com", false, "2025-04-01", u""},
        {"N-9003", u"Novak", u"Ivana", "ivana.novak@example.com", true, "2025-04-01", u""},
        {"N-9004", u"Hughes", u"Sam", "", false, "2025-13-01", u""},
        {"", u"Baker", u"Noor", "", false, "2025-04-01", u""}};
    QList<QStringList> newcomers;
    for (const Newcomer &row : ja ? japanese : english)
        newcomers.append({QString::fromLatin1(row.code), QString::fromUtf16(row.family),
                          QString::fromUtf16(row.given), QString::fromLatin1(row.email),
                          row.newGroup ? newGroup : existing, QString::fromLatin1(row.hireDate),
                          QString::fromUtf16(row.position)});
    for (const QStringList &cells : newcomers)
        lines << csvLine(cells);

    QTemporaryDir folder;
    const QString path =
        folder.filePath(ja ? QStringLiteral("社員名簿.csv") : QStringLiteral("employees.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines.join(u'\n').toUtf8() + '\n') < 0)
        fail(QStringLiteral("cannot write %1").arg(path));
    file.close();

    auto *wizard = new ImportWizard(client, &window);
    wizard->show();
    waitUntil([&] { return !wizard->attributes().isLoading(); });
    wizard->setFilePath(path);
    save(wizard, QStringLiteral("import-file"));
    const auto goTo = [&](int pageId) {
        wizard->next();
        if (!waitUntil([&] { return wizard->currentId() == pageId; }))
            fail(QStringLiteral("the import wizard did not reach page %1").arg(pageId));
    };
    goTo(ImportWizard::MappingPageId);
    save(wizard, QStringLiteral("import-mapping"));
    goTo(ImportWizard::PreviewPageId);
    save(wizard, QStringLiteral("import-preview"));
    goTo(ImportWizard::OptionsPageId);
    wizard->optionsPage()->createGroupsBox()->setChecked(true);
    save(wizard, QStringLiteral("import-options"));
    goTo(ImportWizard::SummaryPageId);
    save(wizard, QStringLiteral("import-summary"));
    wizard->session().undo();
    if (!waitUntil([&] { return wizard->session().state() == MemberImportSession::State::Undone; }))
        fail(QStringLiteral("the import was not undone"));
    wizard->close();
    delete wizard;
}

void Renderer::renderGroupScope(MainWindow &window, ApiClient &client, PeoplePage &people)
{
    const UserTableModel &model = people.model();
    // The demo's scoped manager when the service names one: their groups are ticked.
    QString scopedEmail;
    for (const auto &value : m_server.announcement().value(QLatin1String("tenants")).toArray()) {
        if (value.toObject().value(QLatin1String("slug")).toString() == m_tenant)
            scopedEmail = value.toObject().value(QLatin1String("managerEmail")).toString();
    }
    int chosen = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const api::Person &person = model.personAt(row);
        if (person.role == api::Role::Manager && (chosen < 0 || person.email == scopedEmail))
            chosen = row;
    }
    if (chosen < 0)
        fail(QStringLiteral("the demo company has no manager"));
    auto *dialog = new GroupScopeDialog(client, model.personAt(chosen), &window);
    dialog->show();
    if (!waitUntil([dialog] { return dialog->isReady(); }))
        fail(QStringLiteral("the groups of a manager did not load"));
    save(dialog, QStringLiteral("group-scope"));
    dialog->close();
    delete dialog;
}

// Everything exported as the window's File menu does it, and the result it
// shows: Sakura Foods has no security option, so its zip leaves the logs out
// and says so.
void Renderer::renderExportEverything(MainWindow &window, ApiClient &client)
{
    QTemporaryDir target;
    EverythingExport exporter(client, m_language, m_tenant);
    QString zipPath;
    QString failure;
    QObject::connect(&exporter, &EverythingExport::finished, &exporter,
                     [&zipPath](const QString &path) { zipPath = path; });
    QObject::connect(&exporter, &EverythingExport::failed, &exporter,
                     [&failure](const QString &message) { failure = message; });
    exporter.start(target.filePath(EverythingExport::fileLabel() + QStringLiteral(".zip")));
    if (!waitUntil([&] { return !zipPath.isEmpty() || !failure.isEmpty(); }, 4 * kWaitMs) ||
        !failure.isEmpty())
        fail(QStringLiteral("Export Everything did not finish: %1").arg(failure));
    saveModal(
        [&] {
            ExportDialogs::openResult(
                &window,
                QCoreApplication::translate("engage::ui::EverythingExportController",
                                            "Export Everything"),
                zipPath, exporter.asOf(), exporter.leftOutNote());
        },
        QStringLiteral("export-everything"));
}

void Renderer::render(const QString &language, const QString &tenant)
{
    m_language = language;
    m_tenant = tenant;
    if (!m_switcher.setLanguage(language))
        fail(QStringLiteral("no translation for %1").arg(language));

    QTemporaryDir home;
    Settings settings(home.filePath(QStringLiteral("settings.ini")));
    ConnectionProfile demo;
    demo.name = ApplicationController::demoProfileName();
    demo.url = m_server.url();
    demo.fingerprint = m_server.fingerprint();
    demo.lastTenant = tenant;
    demo.isDemo = true;
    settings.saveProfile(demo);
    ConnectionProfile office;
    office.name = language == QLatin1String("ja") ? QStringLiteral("東京本社")
                                                  : QStringLiteral("Tokyo office");
    office.url = QUrl(QStringLiteral("https://engage.example.com"));
    settings.saveProfile(office);
    settings.setCurrentProfile(demo.name);
    settings.setLanguage(language);

    ApiClient client;
    client.setBaseUrl(m_server.url());
    client.setPinnedFingerprint(m_server.fingerprint());
    CredentialStore credentials(QStringLiteral("Engage screenshots"));
    Session session(client, credentials);
    session.setProfileName(demo.name);
    ClientContext context{client, session, settings, credentials, m_switcher};
    if (!signIn(session, tenant))
        fail(QStringLiteral("cannot sign in to %1").arg(tenant));

    MainWindow window(context);
    auto *dashboard = new DashboardPage(client, session);
    window.addPage(dashboard, QIcon(QStringLiteral(":/icons/dashboard.svg")));
    auto *surveys = new SurveysPage(client, session);
    window.addPage(surveys, QIcon(QStringLiteral(":/icons/surveys.svg")));
    auto *people = new PeoplePage(client, session);
    window.addPage(people, QIcon(QStringLiteral(":/icons/people.svg")));
    auto *members = new MembersPage(client, session);
    window.addPage(members, QIcon(QStringLiteral(":/icons/members.svg")));
    auto *attributes = new AttributesPage(client, session);
    window.addPage(attributes, QIcon(QStringLiteral(":/icons/attributes.svg")));
    auto *logs = new LogsPage(client, session);
    window.addPage(logs, QIcon(QStringLiteral(":/icons/logs.svg")));
    auto *settingsPage = new SettingsPage(context);
    window.addPage(settingsPage, QIcon(QStringLiteral(":/icons/settings.svg")));
    window.resize(1100, 680);
    window.show();
    renderDashboard(window, *dashboard);
    renderSurveys(window, *surveys, client);
    window.setCurrentPageIndex(2);
    if (!waitUntil([&] { return !people->model().isLoading() && people->model().rowCount() > 1; }))
        fail(QStringLiteral("the People page did not load"));
    // Someone other than the owner, so that the edit buttons are enabled.
    const QAbstractItemModel *rows = people->view()->model();
    QString selected;
    for (int row = 0; row < rows->rowCount() && selected.isEmpty(); ++row) {
        const QString id = rows->index(row, 0).data(UserTableModel::PersonIdRole).toString();
        if (id != session.person()->id)
            selected = id;
    }
    people->selectPerson(selected);
    save(&window, QStringLiteral("people"));

    saveModal([people] { people->deletePersonAction()->trigger(); },
              QStringLiteral("delete-confirmation"));

    ApiClient otherClient;
    otherClient.setBaseUrl(m_server.url());
    otherClient.setPinnedFingerprint(m_server.fingerprint());
    Session other(otherClient, credentials);
    other.setProfileName(QStringLiteral("other"));
    if (!signIn(other, tenant))
        fail(QStringLiteral("cannot sign in twice to %1").arg(tenant));
    renameBehindTheBack(otherClient, selected);
    people->statusAction()->trigger();
    if (!waitUntil([people] { return people->banner()->isVisible(); }))
        fail(QStringLiteral("no stale-edit banner"));
    save(&window, QStringLiteral("people-stale-edit"));
    people->reloadAction()->trigger();

    renderGroupScope(window, client, *people);

    window.setCurrentPageIndex(window.pageCount() - 1);
    save(&window, QStringLiteral("settings"));
    window.setCurrentPageIndex(0);

    renderMembers(window, *members);
    renderLogs(window, *logs);
    renderExportEverything(window, client);
    renderAttributes(window, *attributes, client);
    renderImport(window, client);

    auto *invite = new InviteDialog(
        {api::Role::Owner, api::Role::Admin, api::Role::Manager, api::Role::Viewer}, &window);
    const bool ja = language == QLatin1String("ja");
    invite->findChild<QLineEdit *>(QStringLiteral("displayName"))
        ->setText(ja ? QStringLiteral("山本 彩") : QStringLiteral("Aya Yamamoto"));
    invite->findChild<QLineEdit *>(QStringLiteral("email"))
        ->setText(QStringLiteral("aya.yamamoto@example.com"));
    saveDialog(invite, QStringLiteral("invite"));

    api::Person newcomer;
    newcomer.displayName = ja ? QStringLiteral("山本 彩") : QStringLiteral("Aya Yamamoto");
    newcomer.email = QStringLiteral("aya.yamamoto@example.com");
    newcomer.role = api::Role::Manager;
    // A sample shaped like a generated first password; it opens nothing.
    saveDialog(
        new InitialPasswordDialog(newcomer, tenant, QStringLiteral("tQ7m-Vr3k-9cXa-Lp2e"), &window),
        QStringLiteral("initial-password"));

    ConnectionProfile signInProfile = demo;
    signInProfile.lastEmail = session.person()->email;
    saveDialog(new LoginDialog(session, signInProfile, &window), QStringLiteral("login"));
    saveDialog(new PasswordChangeDialog(session, PasswordChangeDialog::Mode::Forced, &window),
               QStringLiteral("password-change"));
    saveDialog(new WelcomeDialog({office.name}, &window), QStringLiteral("welcome"));

    const auto certificates = QSslCertificate::fromPath(m_server.certificatePath());
    if (certificates.isEmpty())
        fail(QStringLiteral("cannot read %1").arg(m_server.certificatePath()));
    CertificateDialog certificate(&window);
    saveModal(
        [&] {
            certificate.askToTrust(
                CertificateInfo::from(certificates.constFirst(), m_server.url().host()),
                [](bool) {});
        },
        QStringLiteral("certificate"));

    ApiError error;
    error.kind = ApiError::Kind::Network;
    error.detail = QStringLiteral("Connection refused");
    error.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    saveModal([&] { showErrorDialog(&window, error); }, QStringLiteral("error"));

    session.signOut();
    other.signOut();
    waitUntil([&] {
        return session.state() == Session::State::SignedOut &&
               other.state() == Session::State::SignedOut;
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Engage"));
    QCoreApplication::setApplicationName(QStringLiteral("engage-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENGAGE_VERSION));
    // The same look on every machine that renders them.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList arguments = QCoreApplication::arguments();
    try {
        if (arguments.size() != 2)
            fail(QStringLiteral("usage: engage_screenshots OUTPUT_DIR"));
        if (!QDir().mkpath(arguments.at(1)))
            fail(QStringLiteral("cannot create %1").arg(arguments.at(1)));
        test::ServerProcess server;
        // The dashboard shows the demo's year of pulses.
        if (!server.startWithHistory())
            fail(server.errorString());
        Renderer renderer(arguments.at(1), server);
        renderer.render(QStringLiteral("ja"), QStringLiteral("sakura-foods"));
        renderer.render(QStringLiteral("en"), QStringLiteral("northwind"));
    } catch (const Failure &) {
        return 1;
    }
    return 0;
}
