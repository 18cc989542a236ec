#include "sheetnames.h"

namespace engage::models {

namespace {

// The first `length` UTF-16 units of `text`, not splitting a surrogate pair.
QString leftUnits(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    if (length > 0 && text.at(length - 1).isHighSurrogate())
        --length;
    return text.left(length);
}

QString cleaned(const QString &title)
{
    QString name;
    name.reserve(title.size());
    for (const QChar c : title) {
        if (c == u'[' || c == u']' || c == u':' || c == u'*' || c == u'?' || c == u'/' ||
            c == u'\\')
            name.append(u'_');
        else if (c.category() == QChar::Other_Control)
            name.append(u' ');
        else
            name.append(c);
    }
    name = name.trimmed();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    return name;
}

QString trimmedEnd(QString name)
{
    while (name.endsWith(u'\'') || name.endsWith(u' '))
        name.chop(1);
    return name;
}

} // namespace

QString SheetNames::take(const QString &title, const QString &suffix)
{
    QString base = cleaned(title);
    if (base.isEmpty())
        base = QStringLiteral("Sheet");
    QString name = trimmedEnd(leftUnits(base, kMaxLength - suffix.size())) + suffix;
    for (int number = 2; isTaken(name) || name.compare(u"History", Qt::CaseInsensitive) == 0;
         ++number) {
        const QString counter = QStringLiteral(" %1").arg(number);
        name = trimmedEnd(leftUnits(base, kMaxLength - suffix.size() - counter.size())) + counter +
               suffix;
    }
    m_taken.insert(name.toCaseFolded());
    return name;
}

bool SheetNames::isTaken(const QString &name) const
{
    return m_taken.contains(name.toCaseFolded());
}

} // namespace engage::models
