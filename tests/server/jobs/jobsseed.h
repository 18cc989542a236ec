#pragma once

// What the scheduler's tests start from: a tenant's groups and members, and
// surveys published straight into the store (as SurveyRepository::publish
// leaves them: definition, published_at, status scheduled).

#include "api/member.h"
#include "api/survey.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/tenantscope.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace engage::test::jobs {

// A custom survey of one agreement question in both languages; the delivery
// is the caller's.
inline api::SurveyDefinition oneQuestionSurvey()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("アンケート"), QStringLiteral("Survey")};
    api::Question question;
    question.id = QStringLiteral("q1");
    question.type = api::QuestionType::Agreement5;
    question.text = {QStringLiteral("満足していますか"), QStringLiteral("Are you satisfied?")};
    definition.questions = {question};
    return definition;
}

inline QString addGroup(const QSqlDatabase &database, const server::store::TenantScope &scope,
                        const QString &code, const std::optional<QString> &parent = {})
{
    api::GroupFields fields;
    fields.code = code;
    fields.name = code + QStringLiteral(" team");
    fields.parentId = parent;
    const auto group = server::store::GroupRepository(database).create(scope, fields, QString());
    if (!group)
        qFatal("addGroup: %s", qPrintable(group.error().message));
    return group.value().id;
}

struct MemberSpec
{
    QString code;
    std::optional<QString> groupId;
    bool email = true;
    api::MemberStatus status = api::MemberStatus::Active;
    bool deliver = true;
    QString grade;
};

inline QString addMember(const QSqlDatabase &database, server::store::Keyring &keyring,
                         const server::store::TenantScope &scope, const MemberSpec &spec)
{
    api::MemberFields fields;
    fields.employeeCode = spec.code;
    if (spec.email)
        fields.email = spec.code + QStringLiteral("@example.com");
    fields.familyName = QStringLiteral("Family");
    fields.givenName = spec.code;
    fields.groupId = spec.groupId;
    fields.status = spec.status;
    fields.deliver = spec.deliver;
    fields.grade = spec.grade;
    const auto member =
        server::store::MemberRepository(database, keyring)
            .create(scope, fields, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    if (!member)
        qFatal("addMember: %s", qPrintable(member.error().message));
    return member.value().member.id;
}

// A survey as publishing leaves it; its id.
inline QString publishSurvey(const QSqlDatabase &database, const server::store::TenantScope &scope,
                             const api::SurveyDefinition &definition)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 at = QDateTime(QDate(2024, 12, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QSqlQuery query(database);
    query.prepare(QStringLiteral(
        "INSERT INTO surveys (id, tenant_id, kind, name, cadence_weeks, status, revision, "
        "created_at, updated_at, definition, published_at) VALUES (:id, :tenant, :kind, :name, "
        ":cadence, 'scheduled', 2, :at, :at, :definition, :at)"));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":tenant"), scope.tenantId());
    query.bindValue(QStringLiteral(":kind"), api::surveyKindName(definition.kind));
    query.bindValue(QStringLiteral(":name"), definition.name.ja);
    query.bindValue(QStringLiteral(":cadence"), definition.delivery.cadenceWeeks);
    query.bindValue(QStringLiteral(":at"), at);
    query.bindValue(QStringLiteral(":definition"),
                    QString::fromUtf8(QJsonDocument(api::toJson(definition)).toJson()));
    if (!query.exec())
        qFatal("publishSurvey: %s", qPrintable(query.lastError().text()));
    return id;
}

} // namespace engage::test::jobs
