// engage-server: the service, with every route it offers.

#include "logs/verifylogs.h"
#include "ops/servicerunner.h"
#include "serviceroutes.h"

#include <cstring>

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "verify-logs") == 0)
        return engage::server::logs::runVerifyLogs(argc, argv);
    return engage::server::ops::runService(argc, argv, QStringLiteral("engage-server"),
                                           engage::server::addServiceRoutes);
}
