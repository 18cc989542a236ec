#include "memberexporttable.h"

#include <array>

namespace engage::models {

namespace {

enum Field
{
    MemberIdField,
    EmployeeCodeField,
    EmailField,
    FamilyNameField,
    GivenNameField,
    GroupPathField,
    HireDateField,
    BirthDateField,
    EmploymentTypeField,
    GradeField,
    PositionField,
    JobCategoryField,
    StatusField,
    DeliverField,
    LanguageField,
    MemoField,
    FieldCount
};

struct FieldColumn
{
    const char *target;
    const char16_t *japanese;
    const char16_t *english;
    CellFormat format;
};

// Each header is one the importer's header matcher knows for its target
// (server/import/headermatcher.cpp).
constexpr std::array<FieldColumn, FieldCount> kFields{{
    {"memberId", u"メンバーID", u"Member ID", CellFormat::Text},
    {"employeeCode", u"社員番号", u"Employee code", CellFormat::Text},
    {"email", u"メールアドレス", u"E-mail", CellFormat::Text},
    {"familyName", u"姓", u"Family name", CellFormat::Text},
    {"givenName", u"名", u"Given name", CellFormat::Text},
    {"groupPath", u"所属", u"Group path", CellFormat::Text},
    {"hireDate", u"入社日", u"Hire date", CellFormat::Date},
    {"birthDate", u"生年月日", u"Birth date", CellFormat::Date},
    {"employmentType", u"雇用形態", u"Employment type", CellFormat::Text},
    {"grade", u"等級", u"Grade", CellFormat::Text},
    {"position", u"役職", u"Position", CellFormat::Text},
    {"jobCategory", u"職種", u"Job category", CellFormat::Text},
    {"status", u"在籍状況", u"Status", CellFormat::Text},
    {"deliver", u"配信対象", u"Delivery", CellFormat::Text},
    // The code ("ja", "en"); empty for the company's language, which an
    // import then leaves as it is.
    {"language", u"言語", u"Language", CellFormat::Text},
    {"memo", u"備考", u"Memo", CellFormat::Text},
}};

// Words the importer reads for a status and for delivery, in either language.
QString statusWord(api::MemberStatus status, bool japanese)
{
    switch (status) {
    case api::MemberStatus::Active:
        return japanese ? QStringLiteral("在籍") : QStringLiteral("active");
    case api::MemberStatus::OnLeave:
        return japanese ? QStringLiteral("休職") : QStringLiteral("on leave");
    case api::MemberStatus::Left:
        return japanese ? QStringLiteral("退職") : QStringLiteral("left");
    }
    return {};
}

QString deliverWord(bool deliver, bool japanese)
{
    if (japanese)
        return deliver ? QStringLiteral("はい") : QStringLiteral("いいえ");
    return deliver ? QStringLiteral("yes") : QStringLiteral("no");
}

QVariant optionalDate(const std::optional<QDate> &date)
{
    return date ? QVariant(*date) : QVariant();
}

} // namespace

MemberExportTable::MemberExportTable(QString language, QObject *parent)
    : QAbstractTableModel(parent)
    , m_language(std::move(language))
{}

void MemberExportTable::setMembers(QList<api::Member> members, const QList<api::Group> &groups,
                                   QList<api::Attribute> attributes)
{
    beginResetModel();
    m_members = std::move(members);
    m_attributes = std::move(attributes);
    // Parents come before their children in the service's list.
    m_groupPaths.clear();
    for (const api::Group &group : groups) {
        const QString parent =
            group.fields.parentId ? m_groupPaths.value(*group.fields.parentId) : QString();
        m_groupPaths.insert(group.id, parent.isEmpty()
                                          ? group.fields.name
                                          : parent + QLatin1Char('/') + group.fields.name);
    }
    endResetModel();
}

void MemberExportTable::clear()
{
    setMembers({}, {}, {});
}

int MemberExportTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_members.size());
}

int MemberExportTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FieldCount + static_cast<int>(m_attributes.size());
}

QVariant MemberExportTable::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const api::Member &member = m_members.at(index.row());
    if (index.column() < FieldCount)
        return fieldValue(member, index.column());
    return attributeValue(member, m_attributes.at(index.column() - FieldCount));
}

QVariant MemberExportTable::fieldValue(const api::Member &member, int field) const
{
    const api::MemberFields &fields = member.fields;
    const bool japanese = m_language == QLatin1String("ja");
    switch (field) {
    case MemberIdField:
        return member.id;
    case EmployeeCodeField:
        return fields.employeeCode.value_or(QString());
    case EmailField:
        return fields.email.value_or(QString());
    case FamilyNameField:
        return fields.familyName;
    case GivenNameField:
        return fields.givenName;
    case GroupPathField:
        return fields.groupId ? m_groupPaths.value(*fields.groupId) : QString();
    case HireDateField:
        return optionalDate(fields.hireDate);
    case BirthDateField:
        return optionalDate(fields.birthDate);
    case EmploymentTypeField:
        return fields.employmentType;
    case GradeField:
        return fields.grade;
    case PositionField:
        return fields.position;
    case JobCategoryField:
        return fields.jobCategory;
    case StatusField:
        return statusWord(fields.status, japanese);
    case DeliverField:
        return deliverWord(fields.deliver, japanese);
    case LanguageField:
        return fields.language ? api::languageCode(*fields.language) : QString();
    case MemoField:
        return fields.memo;
    default:
        return {};
    }
}

QVariant MemberExportTable::attributeValue(const api::Member &member,
                                           const api::Attribute &attribute) const
{
    const QString value = member.fields.attributes.value(attribute.id);
    if (value.isEmpty())
        return {};
    // Canonical text (api::validateAttributeValue): numbers and dates go in
    // as such, so that they sort and sum, and the importer reads them back
    // to the same text.
    switch (attribute.fields.type) {
    case api::AttributeType::Number: {
        bool ok = false;
        const double number = value.toDouble(&ok);
        return ok ? QVariant(number) : QVariant(value);
    }
    case api::AttributeType::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? QVariant(date) : QVariant(value);
    }
    case api::AttributeType::Choice:
    case api::AttributeType::Text:
        break;
    }
    return value;
}

QVariant MemberExportTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == ExportFormatRole)
        return static_cast<int>(formatOf(section));
    if (role != Qt::DisplayRole)
        return {};
    const bool japanese = m_language == QLatin1String("ja");
    if (section < FieldCount) {
        const FieldColumn &field = kFields.at(static_cast<std::size_t>(section));
        return QString::fromUtf16(japanese ? field.japanese : field.english);
    }
    const api::AttributeFields &attribute = m_attributes.at(section - FieldCount).fields;
    const QString &preferred = japanese ? attribute.nameJa : attribute.nameEn;
    return preferred.isEmpty() ? (japanese ? attribute.nameEn : attribute.nameJa) : preferred;
}

QString MemberExportTable::targetOf(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    if (column < FieldCount)
        return QString::fromLatin1(kFields.at(static_cast<std::size_t>(column)).target);
    return QStringLiteral("attribute:") + m_attributes.at(column - FieldCount).id;
}

CellFormat MemberExportTable::formatOf(int column) const
{
    if (column < FieldCount)
        return kFields.at(static_cast<std::size_t>(column)).format;
    switch (m_attributes.at(column - FieldCount).fields.type) {
    case api::AttributeType::Number:
        return CellFormat::Number;
    case api::AttributeType::Date:
        return CellFormat::Date;
    case api::AttributeType::Choice:
    case api::AttributeType::Text:
        break;
    }
    return CellFormat::Text;
}

} // namespace engage::models
