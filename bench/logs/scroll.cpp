// The client's half of `scripts/bench logs`: a QTableView over
// models::LogWindowModel (set up as the Logs page sets up its table), signed
// in to the service as the tenant's owner, showing the whole access log. Once
// the model has counted the rows, the vertical scroll bar is dragged from the
// top to the bottom in STEPS equal steps; after each, the program waits until
// every row on screen is loaded and painted, then samples its resident memory
// (VmRSS of /proc/self/status). Prints one JSON line: the rows, the time to
// count them, the memory after sign-in, after the count and after each step,
// each step's time, the pages requested and the most rows the model held.
//
// Usage: engage-bench-logs-scroll URL FINGERPRINT TENANT EMAIL STEPS
// (the password on standard input, one line). Run it offscreen
// (QT_QPA_PLATFORM=offscreen) in a D-Bus session with a keyring: the
// session keeps its refresh token there, as engage-admin's does.

#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/logwindowmodel.h"
#include "models/session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <cstdio>
#include <functional>

using namespace engage;
using namespace engage::models;

namespace {

constexpr qint64 kStepTimeoutMs = 60000;
constexpr qint64 kCountTimeoutMs = 300000;

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    QTextStream in(&status);
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
        if (line.startsWith(QLatin1String("VmRSS:")))
            return line.mid(6).trimmed().section(u' ', 0, 0).toLongLong();
    }
    return -1;
}

// Runs the event loop until `done` or `timeoutMs`; false on the timeout.
bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return true;
}

// Whether every row the view shows is loaded (painting them asked for them).
bool screenLoaded(const QTableView &view, const LogWindowModel &model)
{
    const int first = view.rowAt(0);
    int last = view.rowAt(view.viewport()->height() - 1);
    if (first < 0)
        return false;
    if (last < 0)
        last = model.rowCount() - 1;
    for (int row = first; row <= last; ++row) {
        if (!model.isLoaded(row))
            return false;
    }
    return true;
}

int fail(const char *what)
{
    std::fprintf(stderr, "engage-bench-logs-scroll: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool numeric = false;
    const int steps = args.size() == 6 ? args.at(5).toInt(&numeric) : 0;
    if (!numeric || steps < 1) {
        std::fprintf(stderr, "usage: engage-bench-logs-scroll URL FINGERPRINT TENANT EMAIL STEPS "
                             "(password on stdin)\n");
        return 2;
    }
    const QString password = QTextStream(stdin).readLine();

    ApiClient client;
    client.setBaseUrl(QUrl(args.at(1)));
    client.setPinnedFingerprint(args.at(2));
    CredentialStore credentials(QStringLiteral("engage-bench-logs"));
    Session session(client, credentials);
    session.setProfileName(QStringLiteral("bench"));
    bool signedIn = false;
    bool refused = false;
    QObject::connect(&session, &Session::signedIn, &app, [&signedIn] { signedIn = true; });
    QObject::connect(&session, &Session::failed, &app, [&refused] { refused = true; });
    session.signIn(args.at(3), args.at(4), password);
    if (!waitUntil([&] { return signedIn || refused; }, kStepTimeoutMs) || !signedIn)
        return fail("the sign-in failed");
    const qint64 signedInKiB = residentKiB();

    // Set up as ui/pages/logspage.cpp sets up its table.
    LogWindowModel model(client);
    bool modelFailed = false;
    QObject::connect(&model, &LogWindowModel::failed, &app, [&modelFailed](const ApiError &error) {
        modelFailed = true;
        std::fprintf(stderr, "engage-bench-logs-scroll: %s\n", qPrintable(error.detail));
    });
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setWordWrap(false);
    view.setAlternatingRowColors(true);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.resize(1280, 800);

    QElapsedTimer clock;
    clock.start();
    model.setQuery(api::LogKind::Access, {});
    if (!waitUntil([&] { return modelFailed || (model.total() >= 0 && !model.isLoading()); },
                   kCountTimeoutMs) ||
        modelFailed)
        return fail("the rows were not counted");
    const qint64 countMs = clock.elapsed();
    const qint64 countedKiB = residentKiB();

    view.show();
    QScrollBar *bar = view.verticalScrollBar();
    QJsonArray rss;
    QJsonArray stepMs;
    int mostCached = 0;
    // Held down from the first step to the last, as a hand dragging it would.
    bar->setSliderDown(true);
    for (int step = 0; step <= steps; ++step) {
        clock.restart();
        bar->setSliderPosition(int(qint64(bar->maximum()) * step / steps));
        if (!waitUntil([&] { return modelFailed || screenLoaded(view, model); }, kStepTimeoutMs) ||
            modelFailed)
            return fail("a screen did not load");
        // The loaded rows painted, too.
        view.viewport()->repaint();
        stepMs.append(clock.elapsed());
        rss.append(residentKiB());
        mostCached = std::max(mostCached, model.cachedRows());
    }
    bar->setSliderDown(false);

    const QJsonObject result{
        {QStringLiteral("rows"), model.total()},
        {QStringLiteral("countMs"), countMs},
        {QStringLiteral("signedInKiB"), signedInKiB},
        {QStringLiteral("countedKiB"), countedKiB},
        {QStringLiteral("rssKiB"), rss},
        {QStringLiteral("stepMs"), stepMs},
        {QStringLiteral("pageRequests"), model.pageRequests()},
        {QStringLiteral("mostCachedRows"), mostCached},
        {QStringLiteral("cacheLimit"), model.cacheLimit()},
        {QStringLiteral("lastRowLoaded"), model.isLoaded(model.rowCount() - 1)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
