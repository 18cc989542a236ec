#pragma once

// What the organisation route tests share: the service with the member,
// group, attribute and manager-scope routes, a tenant with one person of each
// role, and requests that make groups, attributes and members through the API.

#include "api/attribute.h"
#include "api/group.h"
#include "api/logrecord.h"
#include "api/member.h"
#include "domain/attributeroutes.h"
#include "domain/grouproutes.h"
#include "domain/groupscoperoutes.h"
#include "domain/memberroutes.h"
#include "servicefixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

namespace engage::test {

inline QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

inline QString problemField(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("field")).toString();
}

inline HeaderList ifMatch(const QByteArray &etag)
{
    return {{QByteArrayLiteral("If-Match"), etag}};
}

class OrganisationFixture final
{
public:
    ServiceFixture service;
    ServiceFixture::Tenant tenant;

    // Tenant "org" with owner, admin, manager and viewer; then the routes are served.
    bool start(QString *error)
    {
        if (!service.open(error))
            return false;
        tenant = service.addTenant(QStringLiteral("org"));
        service.addPersonPerRole(tenant);
        server::domain::addMemberRoutes(service.router(), service.context());
        server::domain::addGroupRoutes(service.router(), service.context());
        server::domain::addAttributeRoutes(service.router(), service.context());
        server::domain::addGroupScopeRoutes(service.router(), service.context());
        return service.start(error);
    }

    // An access token of the tenant's person `name`, issued once.
    QString token(const QString &name)
    {
        if (!m_tokens.contains(name))
            m_tokens.insert(name, service.issue(tenant, name).accessToken);
        return m_tokens.value(name);
    }

    HttpResponse send(const QByteArray &verb, const QString &path, const QString &as,
                      const std::optional<QJsonObject> &body = std::nullopt,
                      HeaderList headers = {})
    {
        return service.send(verb, path, token(as), body, std::move(headers));
    }

    // A group made by the owner; its id, or empty on failure.
    QString addGroup(const QString &code, const QString &name,
                     const std::optional<QString> &parentId = std::nullopt)
    {
        const HttpResponse response =
            send("POST", QStringLiteral("/api/v1/groups"), QStringLiteral("owner"),
                 api::toJson(api::GroupFields{code, name, parentId}));
        if (response.status != 201)
            qWarning() << "cannot add a group:" << response.describe();
        return response.status == 201 ? response.json().value(QStringLiteral("id")).toString()
                                      : QString();
    }

    QString addAttribute(const QString &nameEn, api::AttributeType type,
                         const QStringList &choices = {})
    {
        api::AttributeFields fields;
        fields.nameJa = nameEn + QStringLiteral("（属性）");
        fields.nameEn = nameEn;
        fields.type = type;
        fields.choices = choices;
        const HttpResponse response = send("POST", QStringLiteral("/api/v1/attributes"),
                                           QStringLiteral("owner"), api::toJson(fields));
        if (response.status != 201)
            qWarning() << "cannot add an attribute:" << response.describe();
        return response.status == 201 ? response.json().value(QStringLiteral("id")).toString()
                                      : QString();
    }

    // Scopes the manager to `groupIds` through the API.
    bool scopeManager(const QStringList &groupIds)
    {
        const HttpResponse response =
            send("PUT", personPath(QStringLiteral("manager")) + QStringLiteral("/groups"),
                 QStringLiteral("owner"), api::toJson(api::GroupScope{groupIds}));
        if (response.status != 200)
            qWarning() << "cannot scope the manager:" << response.describe();
        return response.status == 200;
    }

    QString personPath(const QString &name) const
    {
        return QStringLiteral("/api/v1/users/") + service.personId(tenant, name);
    }

    // A member made by `as`; the created member, or nothing with the answer logged.
    std::optional<api::Member> addMember(const api::MemberFields &fields,
                                         const QString &as = QStringLiteral("owner"))
    {
        const HttpResponse response =
            send("POST", QStringLiteral("/api/v1/members"), as, api::toJson(fields));
        if (response.status != 201) {
            qWarning() << "cannot add a member:" << response.describe();
            return std::nullopt;
        }
        const auto member = api::memberFromJson(response.json());
        if (!member)
            return std::nullopt;
        return member.value();
    }

    // Every summary of the operation log, for checks that no value is in it.
    QStringList operationSummaries() const
    {
        QStringList summaries;
        QSqlQuery query(service.connection());
        if (!query.exec(QStringLiteral("SELECT action, summary FROM operation_log")))
            return {QStringLiteral("cannot read the operation log")};
        while (query.next())
            summaries.append(query.value(0).toString() + QLatin1Char(' ') +
                             query.value(1).toString());
        return summaries;
    }

    // The field-level changes of the newest `action` row on `targetId`, as
    // the log keeps them; nothing when there is no such row or it does not parse.
    std::optional<QList<api::FieldChange>> operationChanges(const QString &action,
                                                            const QString &targetId) const
    {
        QSqlQuery query(service.connection());
        query.prepare(QStringLiteral("SELECT changes FROM operation_log WHERE action = :action "
                                     "AND target_id = :target ORDER BY seq DESC LIMIT 1"));
        query.bindValue(QStringLiteral(":action"), action);
        query.bindValue(QStringLiteral(":target"), targetId);
        if (!query.exec() || !query.next())
            return std::nullopt;
        const QJsonArray rows = QJsonDocument::fromJson(query.value(0).toByteArray()).array();
        QList<api::FieldChange> changes;
        for (const QJsonValue &row : rows) {
            const auto change = api::fieldChangeFromJson(row.toObject());
            if (!change)
                return std::nullopt;
            changes.append(change.value());
        }
        return changes;
    }

private:
    QHash<QString, QString> m_tokens;
};

// A member with an employee code and names; the rest defaults.
inline api::MemberFields memberFields(const QString &code, const QString &familyName,
                                      const QString &givenName,
                                      const std::optional<QString> &groupId = std::nullopt)
{
    api::MemberFields fields;
    fields.employeeCode = code;
    fields.familyName = familyName;
    fields.givenName = givenName;
    fields.groupId = groupId;
    return fields;
}

} // namespace engage::test
