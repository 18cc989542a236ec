#pragma once

#include <QString>

namespace engage::test {

// A demo data directory seeded once per suite run and copied for each server
// that starts `--demo` on fresh data. Seeding the demo tenants (and their year
// of pulses) is most of a fresh start's cost under the sanitizers: 2.5 s of
// CPU, 7.7 s with the history, against 0.3 s for a start on seeded data.
//
// The templates live in $ENGAGE_TEST_SERVER_TEMPLATES (engage_add_test sets
// it), one per engage-server binary, UTC day and kind of demo, so a rebuilt
// server or a new day seeds afresh. The first test to need one seeds it with
// a real start and a clean stop, under a lock the others wait on. A copy
// leaves out the certificate and its key: each server makes its own, as on a
// real first start.
class DemoDataTemplate final
{
public:
    // False when no template folder is configured: start on fresh data.
    static bool isAvailable();

    // Fills `dataDir`, which must not exist yet, with a copy of the template
    // for the demo with or without its history, seeding the template first
    // when there is none. False with `error` set on failure.
    static bool copyInto(const QString &dataDir, bool withHistory, QString *error);
};

} // namespace engage::test
