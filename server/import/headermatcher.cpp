#include "headermatcher.h"

#include <QSet>
#include <vector>

namespace engage::server::import {

namespace {

const QString kAttributePrefix = QStringLiteral("attribute:");

// Built-in names are compared without spaces, hyphens, underscores and dots
// as well, so "E-mail", "Email" and "e mail" are one header.
QString compactHeader(QStringView header)
{
    QString compact = normalizedHeader(header);
    compact.removeIf([](QChar c) {
        return c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
               c == QLatin1Char('.') || c == QChar(0x30FB); // 中黒 ・
    });
    return compact;
}

const QHash<QString, QString> &builtInTargets()
{
    static const QHash<QString, QString> targets = [] {
        // Vectors, not initializer lists: a list inside a pair would point at
        // an array that dies once the pair is built (a crash in optimised builds).
        const std::pair<const char *, std::vector<const char16_t *>> table[] = {
            {"memberId", {u"id", u"memberid", u"メンバーid"}},
            {"employeeCode",
             {u"社員番号", u"従業員番号", u"社員コード", u"従業員コード", u"社員no",
              u"employeecode", u"employeeid", u"employeeno", u"employeenumber", u"staffcode",
              u"staffid"}},
            {"email", {u"メールアドレス", u"メール", u"email", u"emailaddress", u"mail"}},
            {"fullName", {u"氏名", u"名前", u"社員名", u"name", u"fullname"}},
            {"familyName", {u"姓", u"苗字", u"lastname", u"familyname", u"surname"}},
            {"givenName", {u"名", u"firstname", u"givenname"}},
            {"groupPath",
             {u"所属", u"部署", u"所属部署", u"組織", u"department", u"group", u"grouppath"}},
            {"groupCode", {u"所属コード", u"部署コード", u"groupcode", u"departmentcode"}},
            {"hireDate", {u"入社日", u"入社年月日", u"hiredate", u"joindate", u"startdate"}},
            {"birthDate", {u"生年月日", u"誕生日", u"dateofbirth", u"birthdate", u"birthday"}},
            {"employmentType", {u"雇用形態", u"雇用区分", u"employmenttype"}},
            {"grade", {u"等級", u"grade"}},
            {"position", {u"役職", u"position", u"jobtitle", u"title"}},
            {"jobCategory", {u"職種", u"jobcategory"}},
            {"status", {u"在籍状況", u"在籍区分", u"status"}},
            {"deliver", {u"配信", u"配信対象", u"deliver", u"delivery"}},
            {"memo", {u"備考", u"メモ", u"memo", u"note", u"notes"}},
            {"language", {u"言語", u"使用言語", u"language"}},
        };
        QHash<QString, QString> byHeader;
        for (const auto &[target, headers] : table) {
            for (const char16_t *header : headers)
                byHeader.insert(compactHeader(QStringView(header)), QString::fromLatin1(target));
        }
        return byHeader;
    }();
    return targets;
}

// What Engage proposes for `header` without the tenant's memory.
QString knownTarget(const QString &header, const QList<api::Attribute> &attributes)
{
    const QString compact = compactHeader(header);
    const QString builtIn = builtInTargets().value(compact);
    if (!builtIn.isEmpty())
        return builtIn;
    for (const api::Attribute &attribute : attributes) {
        if (compactHeader(attribute.fields.nameJa) == compact ||
            compactHeader(attribute.fields.nameEn) == compact)
            return kAttributePrefix + attribute.id;
    }
    return {};
}

} // namespace

QString normalizedHeader(QStringView header)
{
    return header.toString().normalized(QString::NormalizationForm_KC).trimmed().toCaseFolded();
}

QList<api::ImportColumn> proposeMapping(const QStringList &headers,
                                        const QList<api::Attribute> &attributes,
                                        const QHash<QString, QString> &remembered)
{
    QList<api::ImportColumn> columns;
    QSet<QString> taken;
    for (const QString &header : headers) {
        api::ImportColumn column;
        column.header = header;
        const auto memory = remembered.constFind(normalizedHeader(header));
        column.remembered = memory != remembered.cend();
        const QString target = column.remembered ? *memory : knownTarget(header, attributes);
        if (!target.isEmpty() && !taken.contains(target)) {
            column.target = target;
            taken.insert(target);
        }
        columns.append(column);
    }
    return columns;
}

HeaderMemory headerMemory(const QList<api::ImportColumn> &columns,
                          const QList<api::Attribute> &attributes)
{
    HeaderMemory memory;
    for (const api::ImportColumn &column : columns) {
        const QString key = normalizedHeader(column.header);
        if (key.isEmpty())
            continue;
        if (column.target != knownTarget(column.header, attributes))
            memory.remember.insert(key, column.target);
        else
            memory.forget.insert(key);
    }
    return memory;
}

std::optional<api::Error> validateMapping(const QList<api::ImportColumn> &columns,
                                          const QStringList &headers,
                                          const QList<api::Attribute> &attributes)
{
    if (columns.size() != headers.size())
        return api::Error{api::ProblemCode::InvalidField, QStringLiteral("columns"),
                          QStringLiteral("The file has %1 columns: send one for each, in order.")
                              .arg(headers.size())};
    QSet<QString> attributeIds;
    for (const api::Attribute &attribute : attributes)
        attributeIds.insert(attribute.id);
    QSet<QString> taken;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const api::ImportColumn &column = columns.at(i);
        const QString field = QStringLiteral("columns.%1").arg(i);
        if (column.header != headers.at(i))
            return api::Error{api::ProblemCode::InvalidField, field + QStringLiteral(".header"),
                              QStringLiteral("Not the header of this column of the file.")};
        if (auto error = api::validateImportTarget(column.target)) {
            error->field = field + QStringLiteral(".target");
            return error;
        }
        if (column.target.startsWith(kAttributePrefix) &&
            !attributeIds.contains(column.target.mid(kAttributePrefix.size())))
            return api::Error{api::ProblemCode::InvalidField, field + QStringLiteral(".target"),
                              QStringLiteral("There is no such attribute.")};
        if (column.target.isEmpty())
            continue;
        if (taken.contains(column.target))
            return api::Error{api::ProblemCode::InvalidField, field + QStringLiteral(".target"),
                              QStringLiteral("Another column already goes there.")};
        taken.insert(column.target);
    }
    const bool parts =
        taken.contains(QStringLiteral("familyName")) || taken.contains(QStringLiteral("givenName"));
    if (parts && taken.contains(QStringLiteral("fullName")))
        return api::Error{
            api::ProblemCode::InvalidField, QStringLiteral("columns"),
            QStringLiteral("Map either the full name or the family and given names, not both.")};
    return std::nullopt;
}

} // namespace engage::server::import
