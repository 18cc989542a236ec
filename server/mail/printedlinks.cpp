#include "printedlinks.h"

#include "api/spreadsheetcell.h"
#include "qrsvg.h"

#include <QCryptographicHash>

namespace engage::server::mail {

namespace {

// A4, three cards across; each card stays on one page.
const QString kStyle =
    QStringLiteral("@page{size:A4;margin:10mm}"
                   "body{font-family:sans-serif;margin:0;color:#000}"
                   "h1{font-size:14pt;margin:0 0 4mm}"
                   "p.note{font-size:9pt;margin:0 0 4mm}"
                   "main{display:flex;flex-wrap:wrap;gap:4mm}"
                   ".card{box-sizing:border-box;width:60mm;border:0.3mm dashed #555;padding:3mm;"
                   "break-inside:avoid;page-break-inside:avoid}"
                   ".card h2{font-size:11pt;margin:0}"
                   ".card p{font-size:8pt;margin:1mm 0;overflow-wrap:anywhere}"
                   ".card svg{display:block;margin:2mm auto}");

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString csvCell(const QString &text)
{
    return api::csvField(text);
}

QByteArray printedLinksCsv(const QList<PrintedLink> &links, const PrintedLinkTexts &texts)
{
    const auto row = [](const QStringList &cells) -> QString {
        QStringList escapedCells;
        for (const QString &cell : cells)
            escapedCells.append(csvCell(cell));
        return escapedCells.join(u',') + QStringLiteral("\r\n");
    };
    QString csv = row({texts.employeeCode, texts.name, texts.group, texts.link});
    for (const PrintedLink &link : links)
        csv += row({link.employeeCode, link.name, link.group, link.link});
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

PrintedSheet printedLinksHtml(const QList<PrintedLink> &links, const PrintedLinkTexts &texts,
                              const QString &language, const QString &surveyName,
                              int anonymityThreshold)
{
    const QString title = texts.title.arg(surveyName);
    QString html = QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
                                  "<title>%2</title><style>%3</style></head><body><h1>%2</h1>"
                                  "<p class=\"note\">%4</p><main>")
                       .arg(escaped(language), escaped(title), kStyle,
                            escaped(texts.whoSeesWhat.arg(anonymityThreshold)));
    if (links.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(texts.noMembers));
    for (const PrintedLink &link : links) {
        const auto matrix = qrMatrix(link.link.toUtf8());
        html += QStringLiteral("<section class=\"card\"><h2>%1</h2><p>%2</p>")
                    .arg(escaped(link.name), escaped(link.group));
        // A link always fits a QR code (they are far shorter than 2 kB).
        if (matrix)
            html += qrSvg(*matrix, link.link);
        html += QStringLiteral("<p>%1</p><p>%2</p></section>")
                    .arg(escaped(texts.cardHint), escaped(link.link));
    }
    html += QStringLiteral("</main></body></html>\n");
    const QByteArray styleHash =
        QCryptographicHash::hash(kStyle.toUtf8(), QCryptographicHash::Sha256).toBase64();
    return PrintedSheet{html.toUtf8(),
                        "default-src 'none'; style-src 'sha256-" + styleHash +
                            "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"};
}

} // namespace engage::server::mail
