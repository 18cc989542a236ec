#include "spreadsheetcell.h"

namespace engage::api {

bool looksLikeFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
           first == u'\r';
}

QString formulaGuarded(const QString &text)
{
    return looksLikeFormula(text) ? u'\'' + text : text;
}

QString formulaUnguarded(QString text)
{
    if (text.startsWith(u'\'') && looksLikeFormula(QStringView(text).mid(1)))
        text.remove(0, 1);
    return text;
}

QString csvField(const QString &text)
{
    QString field = formulaGuarded(text);
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
        field.contains(u'\r')) {
        field.replace(u'"', QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

} // namespace engage::api
