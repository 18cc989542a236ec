#pragma once

#include "mailtexts.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace engage::server::mail {

// One member's card or CSV row.
struct PrintedLink
{
    QString employeeCode;
    QString name;
    QString group; // the group's name, or PrintedLinkTexts::noGroup
    QString link;
};

// A CSV cell: RFC 4180 quoting, and a leading apostrophe before '=', '+',
// '-', '@', a tab or a carriage return, so that a spreadsheet shows the text
// rather than running it as a formula (ASVS 1.2.10).
QString csvCell(const QString &text);

// UTF-8 with a byte order mark (Excel reads it as UTF-8 then), CRLF lines,
// a header row in the texts' language.
QByteArray printedLinksCsv(const QList<PrintedLink> &links, const PrintedLinkTexts &texts);

// The printable sheet: one card per member (name, group, QR code of the
// link as inline SVG, the link in text), no script, no outside resource,
// its one inline style allowed by the hash `styleHash` names. `language`
// for the page's lang attribute.
struct PrintedSheet
{
    QByteArray html;
    QByteArray contentSecurityPolicy;
};
PrintedSheet printedLinksHtml(const QList<PrintedLink> &links, const PrintedLinkTexts &texts,
                              const QString &language, const QString &surveyName,
                              int anonymityThreshold);

} // namespace engage::server::mail
