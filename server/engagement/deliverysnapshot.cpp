#include "deliverysnapshot.h"

namespace engage::server::engagement {

QHash<QString, QString> memberAttributes(const api::MemberFields &fields)
{
    QHash<QString, QString> attributes;
    for (auto it = fields.attributes.cbegin(); it != fields.attributes.cend(); ++it)
        attributes.insert(it.key(), it.value());
    const std::pair<QString, QString> own[] = {
        {QStringLiteral("employmentType"), fields.employmentType},
        {QStringLiteral("grade"), fields.grade},
        {QStringLiteral("jobCategory"), fields.jobCategory}};
    for (const auto &[key, value] : own) {
        if (!value.isEmpty())
            attributes.insert(key, value);
    }
    return attributes;
}

QHash<QString, QString> withBands(QHash<QString, QString> attributes, const QString &ageBand,
                                  const QString &tenureBand)
{
    if (!ageBand.isEmpty())
        attributes.insert(QStringLiteral("ageBand"), ageBand);
    if (!tenureBand.isEmpty())
        attributes.insert(QStringLiteral("tenureBand"), tenureBand);
    return attributes;
}

QHash<QString, QString> deliverySnapshot(const api::MemberFields &fields, const QDate &day)
{
    return withBands(memberAttributes(fields),
                     fields.birthDate ? api::ageBand(*fields.birthDate, day) : QString(),
                     fields.hireDate ? api::tenureBand(*fields.hireDate, day) : QString());
}

} // namespace engage::server::engagement
