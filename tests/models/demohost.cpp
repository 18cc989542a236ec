// A stand-in for the client in tst_demoservice: starts the demo service on the
// data directory given as its argument, prints the service's process id once
// it is ready, and waits until it is killed. The test kills it with SIGKILL
// and watches the service follow.

#include "models/demoservice.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: demohost DATA_DIR\n");
        return 2;
    }
    engage::models::DemoService demo(arguments.at(1));
    QObject::connect(&demo, &engage::models::DemoService::ready, &app, [&demo] {
        std::printf("%lld\n", demo.processId());
        std::fflush(stdout);
    });
    QObject::connect(&demo, &engage::models::DemoService::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    demo.start();
    return app.exec();
}
