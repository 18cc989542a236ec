// engage-server: the service, with every route it offers and the scheduler.

#include "jobs/schedulerservice.h"
#include "logs/verifylogs.h"
#include "mail/emailsender.h"
#include "ops/servicecontext.h"
#include "ops/servicerunner.h"
#include "serviceroutes.h"

#include <QCoreApplication>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    using namespace engage::server;
    if (argc > 1 && std::strcmp(argv[1], "verify-logs") == 0)
        return logs::runVerifyLogs(argc, argv);
    // Made with the routes, on the main thread. Stopped when the event loop
    // ends, which is after the graceful stop waited for the workers (a tick
    // sends for seconds at most); destroyed once runService() has returned,
    // when no worker is left to run a tick.
    std::unique_ptr<jobs::SchedulerService> scheduler;
    return ops::runService(
        argc, argv, QStringLiteral("engage-server"),
        [&scheduler](http::Router &router, const ops::ServiceContext &context) {
            addServiceRoutes(router, context);
            scheduler = std::make_unique<jobs::SchedulerService>(
                context.database, context.keyring, context.workers,
                std::make_unique<mail::EmailSender>(context));
            QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit,
                             scheduler.get(), &jobs::SchedulerService::stop);
            QObject::connect(context.scheduleChanges.get(), &ops::ScheduleChanges::changed,
                             scheduler.get(), &jobs::SchedulerService::wake);
            scheduler->start();
        });
}
