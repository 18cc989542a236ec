#include "dialect.h"

#include <QRegularExpression>
#include <QSqlDriver>

namespace engage::server::store {

SqlDialect dialectOf(const QSqlDatabase &database)
{
    return database.driverName() == QLatin1String("QPSQL") ? SqlDialect::PostgreSql
                                                           : SqlDialect::Sqlite;
}

QString translateSchema(const QString &sql, SqlDialect dialect)
{
    if (dialect == SqlDialect::Sqlite)
        return sql;
    QString out = sql;
    static const QRegularExpression identity(QStringLiteral("\\bINTEGER\\s+PRIMARY\\s+KEY\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    // A table's primary key is its storage in PostgreSQL's heap anyway.
    static const QRegularExpression withoutRowid(QStringLiteral("\\)\\s*WITHOUT\\s+ROWID\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    out.replace(identity, QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"));
    out.replace(blob, QStringLiteral("BYTEA"));
    out.replace(withoutRowid, QStringLiteral(")"));
    return out;
}

QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inString = false;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (inString) {
            current.append(c);
            if (c == u'\'')
                inString = false; // a doubled '' re-enters at once on the next quote
            continue;
        }
        if (c == u'-' && i + 1 < script.size() && script.at(i + 1) == u'-') {
            while (i < script.size() && script.at(i) != u'\n')
                ++i;
            current.append(u'\n');
            continue;
        }
        if (c == u'\'') {
            inString = true;
            current.append(c);
            continue;
        }
        if (c == u';') {
            const QString statement = current.trimmed();
            if (!statement.isEmpty())
                statements.append(statement);
            current.clear();
            continue;
        }
        current.append(c);
    }
    const QString last = current.trimmed();
    if (!last.isEmpty())
        statements.append(last);
    return statements;
}

QString beginWriteStatement(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                         : QStringLiteral("BEGIN");
}

} // namespace engage::server::store
