#include "scopedquery.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>

namespace engage::server::store {

namespace {

Q_LOGGING_CATEGORY(lcScope, "engage.server.store.scope")

const QString kTenantPlaceholder = QStringLiteral(":tenant_id");

// Whether the query that starts at `from` has a WHERE outside the
// parentheses nested in it, before its own closing parenthesis.
bool hasOwnWhere(const QString &text, qsizetype from)
{
    int depth = 0;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth < 0)
                return false;
        } else if (depth == 0 && (i == 0 || !text.at(i - 1).isLetterOrNumber()) &&
                   QStringView(text).mid(i).startsWith(u"WHERE", Qt::CaseInsensitive) &&
                   (i + 5 == text.size() || !text.at(i + 5).isLetterOrNumber())) {
            return true;
        }
    }
    return false;
}

} // namespace

ScopedQuery::ScopedQuery(const TenantScope &scope, const QSqlDatabase &database)
    : m_tenantId(scope.tenantId())
    , m_query(database)
{}

bool ScopedQuery::isScoped(const QString &sql, QString *reason)
{
    const auto refuse = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    const QString text = sql.simplified();
    if (text.contains(u';'))
        return refuse(QStringLiteral("more than one statement"));
    static const QRegularExpression orWord(QStringLiteral("\\bOR\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (orWord.match(text).hasMatch())
        return refuse(QStringLiteral("OR could widen the tenant predicate"));
    static const QRegularExpression verb(QStringLiteral("^(SELECT|INSERT|UPDATE|DELETE)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch verbMatch = verb.match(text);
    if (!verbMatch.hasMatch())
        return refuse(QStringLiteral("not a SELECT, INSERT, UPDATE or DELETE"));
    static const QRegularExpression placeholder(QStringLiteral(":tenant_id\\b"));
    if (verbMatch.captured(1).compare(QLatin1String("INSERT"), Qt::CaseInsensitive) == 0) {
        return placeholder.match(text).hasMatch()
                   ? true
                   : refuse(QStringLiteral("an INSERT that does not bind :tenant_id"));
    }
    // Every WHERE (subqueries included) must open with the predicate, and
    // there must be one.
    static const QRegularExpression where(QStringLiteral("\\bWHERE\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression predicate(
        QStringLiteral("^WHERE\\s+([A-Za-z_][A-Za-z0-9_]*\\.)?tenant_id\\s*=\\s*:tenant_id\\b"),
        QRegularExpression::CaseInsensitiveOption);
    int wheres = 0;
    for (auto it = where.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        ++wheres;
        if (!predicate.match(text.mid(match.capturedStart())).hasMatch())
            return refuse(QStringLiteral("a WHERE clause that does not open with "
                                         "tenant_id = :tenant_id"));
    }
    if (wheres == 0)
        return refuse(QStringLiteral("no WHERE tenant_id = :tenant_id"));
    // Every SELECT (a subquery included) needs a WHERE of its own, at its own
    // level of parentheses: otherwise it would read every tenant.
    static const QRegularExpression select(QStringLiteral("\\bSELECT\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = select.globalMatch(text); it.hasNext();) {
        if (!hasOwnWhere(text, it.next().capturedStart()))
            return refuse(QStringLiteral("a SELECT without its own tenant predicate"));
    }
    return true;
}

bool ScopedQuery::prepare(const QString &sql)
{
    m_prepared = false;
    QString reason;
    const bool scoped = !m_tenantId.isEmpty() && isScoped(sql, &reason);
    if (m_tenantId.isEmpty())
        reason = QStringLiteral("an empty tenant scope");
    if (!scoped) {
        m_refused = true;
        m_refusal = QStringLiteral("refused unscoped SQL (%1): %2").arg(reason, sql.simplified());
        qCCritical(lcScope).noquote() << m_refusal;
        return false;
    }
    if (!m_query.prepare(sql))
        return false;
    m_prepared = true;
    m_query.bindValue(kTenantPlaceholder, m_tenantId);
    return true;
}

void ScopedQuery::bindValue(const QString &placeholder, const QVariant &value)
{
    if (placeholder == kTenantPlaceholder) {
        // The scope alone says the tenant.
        m_refused = true;
        m_prepared = false;
        m_refusal = QStringLiteral("refused a caller's own :tenant_id");
        qCCritical(lcScope).noquote() << m_refusal;
        return;
    }
    m_query.bindValue(placeholder, value);
}

bool ScopedQuery::exec()
{
    if (!m_prepared || m_refused)
        return false;
    return m_query.exec();
}

QString ScopedQuery::errorText() const
{
    return m_refused ? m_refusal : m_query.lastError().text();
}

} // namespace engage::server::store
