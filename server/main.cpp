// engage-server: the service, with every route it offers.

#include "ops/servicerunner.h"
#include "serviceroutes.h"

int main(int argc, char *argv[])
{
    return engage::server::ops::runService(argc, argv, QStringLiteral("engage-server"),
                                           engage::server::addServiceRoutes);
}
