// The client half of `scripts/bench dashboard`: how long the dashboard page
// takes from its data's arrival to every panel painted (issue 6: "the client
// renders the dashboard in under 150 ms after data arrives").
//
// Usage: engage-bench-dashboard-render URL FINGERPRINT TENANT EMAIL RUNS
//        (the password on stdin; QT_QPA_PLATFORM=offscreen)
//
// Signs in, shows a DashboardPage (1440x900) and lets it load the whole
// company's dashboard from the service once; the loader then holds the real
// answers. Each run replays their arrival without the network: every panel
// is put back to its skeleton as a new load does (painted, not timed); then,
// timed, each answer's JSON (the loader's answers encoded again: the bytes
// the service sends) is parsed and decoded as the loader does, and the
// loader's own signals tell the page each panel is ready, in the order a
// load announces them; the clock stops once the KPI cards and every panel
// have been painted (QWidget::grab, which lays out and paints the whole
// widget, also what the scroll area does not show). Prints one JSON line:
// every run's milliseconds and the heatmap's row count.

#include "api/dashboard.h"
#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/dashboard/dashboardloader.h"
#include "models/session.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/dashboardpanel.h"
#include "ui/widgets/kpicard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <functional>

using namespace engage;
using Panel = models::DashboardLoader::Panel;
using State = models::DashboardLoader::State;

namespace {

// The panels one load of the page fills, in the order of the loader's
// requests (the rounds list is read once per loader, not per load).
const Panel kPanels[] = {Panel::Summary,  Panel::Trend, Panel::Factors,   Panel::Heatmap,
                         Panel::Priority, Panel::Memos, Panel::Benchmarks};

int fail(const char *message)
{
    std::fprintf(stderr, "engage-bench-dashboard-render: %s\n", message);
    return 1;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

// An answer as the loader receives it: the wire bytes of its decoded value.
QByteArray wire(const models::DashboardLoader &loader, Panel panel)
{
    QJsonObject json;
    switch (panel) {
    case Panel::Summary:
        json = api::toJson(loader.summary());
        break;
    case Panel::Trend:
        json = api::toJson(loader.trend());
        break;
    case Panel::Factors:
        json = api::toJson(loader.factors());
        break;
    case Panel::Heatmap:
        json = api::toJson(loader.heatmap());
        break;
    case Panel::Priority:
        json = api::toJson(loader.priority());
        break;
    case Panel::Memos:
        json = api::toJson(loader.memos());
        break;
    case Panel::Benchmarks:
        json = api::toJson(loader.benchmarks());
        break;
    case Panel::Rounds:
    case Panel::Attributes:
        break;
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// What the loader does with an answer's bytes before it says the panel is
// ready; false when they do not decode.
bool decode(Panel panel, const QByteArray &bytes)
{
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    switch (panel) {
    case Panel::Summary:
        return bool(api::summaryFromJson(json));
    case Panel::Trend:
        return bool(api::trendFromJson(json));
    case Panel::Factors:
        return bool(api::factorBreakdownFromJson(json));
    case Panel::Heatmap:
        return bool(api::heatmapFromJson(json));
    case Panel::Priority:
        return bool(api::priorityChartFromJson(json));
    case Panel::Memos:
        return bool(api::memoListFromJson(json));
    case Panel::Benchmarks:
        return bool(api::benchmarkSetFromJson(json));
    case Panel::Rounds:
    case Panel::Attributes:
        break;
    }
    return false;
}

// Lays out and paints the cards and every shown panel, each whole.
void paintAll(ui::DashboardPage &page)
{
    for (ui::KpiCard *card : {page.engagementCard(), page.responseRateCard(), page.changeCard(),
                              page.respondentsCard()})
        card->grab();
    for (const Panel panel : kPanels) {
        if (ui::DashboardPanel *frame = page.panel(panel); frame && frame->isVisible())
            frame->grab();
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool numeric = false;
    const int runs = args.size() == 6 ? args.at(5).toInt(&numeric) : 0;
    if (!numeric || runs <= 0) {
        std::fprintf(stderr, "usage: engage-bench-dashboard-render URL FINGERPRINT TENANT EMAIL "
                             "RUNS < password\n");
        return 2;
    }
    const QString password = QTextStream(stdin).readLine();

    models::ApiClient client;
    client.setBaseUrl(QUrl(args.at(1)));
    client.setPinnedFingerprint(args.at(2));
    // The service's speed is measured elsewhere; here a slow answer must
    // not fail the load that fills the page.
    models::ApiClient::Options options = client.options();
    options.timeout = std::chrono::milliseconds(120000);
    client.setOptions(options);
    models::CredentialStore credentials;
    models::Session session(client, credentials);
    bool signedIn = false;
    QObject::connect(&session, &models::Session::signedIn, &app, [&signedIn] { signedIn = true; });
    session.signIn(args.at(3), args.at(4), password);
    if (!waitFor([&signedIn] { return signedIn; }, 60000))
        return fail("no session after 60 s");

    ui::DashboardPage page(client, session);
    page.resize(1440, 900);
    page.show();
    models::DashboardLoader &loader = page.loader();
    const auto settled = [&loader] {
        for (const Panel panel : kPanels) {
            if (loader.state(panel) != State::Ready)
                return false;
        }
        return true;
    };
    if (!waitFor(settled, 120000))
        return fail("the dashboard did not load within 120 s");
    // Whatever the page still has queued from its load (the group tree, the
    // attributes) is done before the first run.
    QCoreApplication::processEvents();
    paintAll(page);

    QList<QByteArray> answers;
    for (const Panel panel : kPanels)
        answers.append(wire(loader, panel));

    QJsonArray times;
    for (int run = 0; run < runs; ++run) {
        for (const Panel panel : kPanels)
            Q_EMIT loader.stateChanged(panel, State::Loading);
        QCoreApplication::processEvents();
        paintAll(page);

        QElapsedTimer clock;
        clock.start();
        for (qsizetype i = 0; i < answers.size(); ++i) {
            const Panel panel = kPanels[i];
            if (!decode(panel, answers.at(i)))
                return fail("an answer did not decode");
            // The loader's signals, as it emits them for an answer it decoded:
            // the page cannot tell these from a load's.
            Q_EMIT loader.stateChanged(panel, State::Ready);
            Q_EMIT loader.panelLoaded(panel);
        }
        Q_EMIT loader.finished();
        QCoreApplication::processEvents();
        paintAll(page);
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }

    const QJsonObject result{{QStringLiteral("ms"), times},
                             {QStringLiteral("heatmapRows"), int(loader.heatmap().rows.size())},
                             {QStringLiteral("answerBytes"), [&answers] {
                                  qint64 bytes = 0;
                                  for (const QByteArray &answer : answers)
                                      bytes += answer.size();
                                  return double(bytes);
                              }()}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
