#pragma once

#include <QStringList>

namespace engage::models {
class LanguageSwitcher;
class Settings;
} // namespace engage::models

namespace engage::app {

// `engage-admin export`: a scheduled report without a window.
//
//   engage-admin export (--profile NAME | --demo) --what members|results|logs|everything
//                       --out FILE [--log access|operation|error] [--offline] [--sign-in]
//                       [--lang ja|en]
//
// Results are the dashboard's default view (the latest closed round, the
// whole company, the trend of the last twelve months) as a workbook; logs
// every row of one log (--log, the access log by default), .xlsx or .csv;
// everything a .zip of a workbook per area (models::EverythingExport), which
// says on stderr when the service withheld the logs (and still exits 0).
//
// With a profile it signs in with a session of its own, never the window's:
// the refresh token of the profile's export session ("NAME#export" in the
// keychain), so a refresh here never rotates the window's token away. That
// session starts once with --sign-in, which reads the password from stdin.
// --offline never contacts the service: it exports from the offline cache
// that the window keeps for the profile's last tenant and person (what the
// window last synced, with "as of" on the cover), which the command's own
// session does not add to; members and results only (no cache keeps the
// streamed logs, so none keeps everything). --demo starts the demo service and signs in as its
// owner. Runs in the QCoreApplication `main()` made; returns the exit code:
// 0 done, 1 the export failed, 2 a wrong command line; every failure prints
// one line on stderr.
int runExportCommand(const QStringList &arguments, models::Settings &settings,
                     models::LanguageSwitcher &language);

// Whether the command line asks for the export command (its first argument).
bool isExportCommand(int argc, char *argv[]);

} // namespace engage::app
