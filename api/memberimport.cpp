#include "memberimport.h"

#include "enumtable.h"
#include "group.h"
#include "objectreader.h"
#include "validators.h"

#include <QJsonArray>
#include <algorithm>

namespace engage::api {

namespace {

constexpr EnumName<ImportStatus> kStatuses[] = {
    {ImportStatus::Uploaded, QLatin1String("uploaded")},
    {ImportStatus::Applied, QLatin1String("applied")},
    {ImportStatus::Undone, QLatin1String("undone")},
};

constexpr EnumName<ImportRowKind> kRowKinds[] = {
    {ImportRowKind::Added, QLatin1String("added")},
    {ImportRowKind::Changed, QLatin1String("changed")},
    {ImportRowKind::Unchanged, QLatin1String("unchanged")},
    {ImportRowKind::Invalid, QLatin1String("invalid")},
};

constexpr QLatin1String kTargets[] = {
    QLatin1String("memberId"),   QLatin1String("employeeCode"),   QLatin1String("email"),
    QLatin1String("familyName"), QLatin1String("givenName"),      QLatin1String("fullName"),
    QLatin1String("groupPath"),  QLatin1String("groupCode"),      QLatin1String("hireDate"),
    QLatin1String("birthDate"),  QLatin1String("employmentType"), QLatin1String("grade"),
    QLatin1String("position"),   QLatin1String("jobCategory"),    QLatin1String("status"),
    QLatin1String("deliver"),    QLatin1String("memo"),           QLatin1String("language"),
};

constexpr QLatin1String kErrorCodes[] = {
    QLatin1String("required"),        QLatin1String("invalid"),
    QLatin1String("tooLong"),         QLatin1String("invalidDate"),
    QLatin1String("invalidNumber"),   QLatin1String("invalidChoice"),
    QLatin1String("unknownGroup"),    QLatin1String("unknownMember"),
    QLatin1String("duplicateInFile"), QLatin1String("emailTaken"),
    QLatin1String("codeTaken"),       QLatin1String("needsEmailOrCode"),
    QLatin1String("ambiguous"),
};

constexpr QLatin1String kAttributeTargetPrefix("attribute:");
constexpr QLatin1String kCsv("csv");
constexpr QLatin1String kXlsx("xlsx");
constexpr QLatin1String kCsvEncodings[] = {QLatin1String("UTF-8"), QLatin1String("UTF-8 BOM"),
                                           QLatin1String("CP932")};

constexpr QLatin1String kId("id");
constexpr QLatin1String kFileName("fileName");
constexpr QLatin1String kFormat("format");
constexpr QLatin1String kEncoding("encoding");
constexpr QLatin1String kRowCount("rowCount");
constexpr QLatin1String kColumns("columns");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kHeader("header");
constexpr QLatin1String kTarget("target");
constexpr QLatin1String kRemembered("remembered");
constexpr QLatin1String kRow("row");
constexpr QLatin1String kColumn("column");
constexpr QLatin1String kCode("code");
constexpr QLatin1String kDetail("detail");
constexpr QLatin1String kField("field");
constexpr QLatin1String kBefore("before");
constexpr QLatin1String kAfter("after");
constexpr QLatin1String kKind("kind");
constexpr QLatin1String kMemberId("memberId");
constexpr QLatin1String kDisplayName("displayName");
constexpr QLatin1String kEmployeeCode("employeeCode");
constexpr QLatin1String kChanges("changes");
constexpr QLatin1String kErrors("errors");
constexpr QLatin1String kAdded("added");
constexpr QLatin1String kChanged("changed");
constexpr QLatin1String kUnchanged("unchanged");
constexpr QLatin1String kInvalid("invalid");
constexpr QLatin1String kRows("rows");
constexpr QLatin1String kMissing("missing");
constexpr QLatin1String kNewGroupPaths("newGroupPaths");
constexpr QLatin1String kCreateGroups("createGroups");
constexpr QLatin1String kMarkMissingAsLeft("markMissingAsLeft");
constexpr QLatin1String kApplyChanges("applyChanges");
constexpr QLatin1String kImportId("importId");
constexpr QLatin1String kMarkedLeft("markedLeft");
constexpr QLatin1String kGroupsCreated("groupsCreated");
constexpr QLatin1String kSkipped("skipped");

// A row lists at most one change and a few errors per column, and a few
// errors of the whole row.
constexpr qsizetype kRowItemsMax = 2 * kImportMaxColumns + 10;
// Members of a tenant the file does not mention, and members an import marks
// left: bounded by the tenant's members, not by the file.
constexpr qint64 kTenantMembersMax = 1000000;
constexpr int kErrorDetailMaxLength = 1000;

template<std::size_t N>
QStringList names(const QLatin1String (&table)[N])
{
    return QStringList(std::begin(table), std::end(table));
}

// Text as it was in the file: not trimmed, line breaks allowed (Excel headers
// often hold one), no other control characters.
std::optional<Error> validateCellText(QStringView text)
{
    return validateText(text, TextRule{0, kImportCellMaxLength, false, true});
}

// An employee code as the file had it, which may be what made the row invalid.
std::optional<Error> validateShownCode(QStringView code)
{
    return validateText(code, TextRule{0, kImportCellMaxLength, false, false});
}

std::optional<Error> validateNewGroupPath(QStringView path)
{
    return validateShownText(path, TextRule{1, kImportCellMaxLength, true, false});
}

std::optional<Error> validateErrorDetail(QStringView detail)
{
    return validateText(detail, TextRule{0, kErrorDetailMaxLength, true, false});
}

std::optional<Error> validateFieldTarget(QStringView target)
{
    if (target.isEmpty())
        return Error{ProblemCode::InvalidField, QString(), QStringLiteral("Must not be empty.")};
    return validateImportTarget(target);
}

int count(ObjectReader &reader, QLatin1String key, qint64 max)
{
    return int(reader.integer(key, 0, max));
}

QJsonObject columnToJson(const ImportColumn &column, bool withRemembered)
{
    QJsonObject object{{kHeader, column.header}, {kTarget, column.target}};
    if (withRemembered)
        object.insert(kRemembered, column.remembered);
    return object;
}

ImportColumn readColumn(ObjectReader &reader)
{
    ImportColumn column;
    column.header = reader.string(kHeader, validateCellText);
    column.target = reader.string(kTarget, validateImportTarget);
    return column;
}

Result<ImportColumn> fileColumnFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportColumn column = readColumn(reader);
    column.remembered = reader.boolean(kRemembered);
    if (auto error = reader.finish())
        return *error;
    return column;
}

Result<ImportColumn> mappedColumnFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportColumn column = readColumn(reader);
    if (auto error = reader.finish())
        return *error;
    return column;
}

QJsonArray columnsToJson(const QList<ImportColumn> &columns, bool withRemembered)
{
    QJsonArray array;
    for (const ImportColumn &column : columns)
        array.append(columnToJson(column, withRemembered));
    return array;
}

QJsonObject toJson(const ImportCellError &error)
{
    return QJsonObject{
        {kRow, error.row}, {kColumn, error.column}, {kCode, error.code}, {kDetail, error.detail}};
}

Result<ImportCellError> cellErrorFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportCellError error;
    error.row = count(reader, kRow, kImportMaxRows);
    error.column = reader.string(kColumn, validateCellText);
    error.code = reader.string(
        kCode, [](QStringView code) { return validateEnumName(code, importErrorCodeNames()); });
    error.detail = reader.string(kDetail, validateErrorDetail);
    if (auto failure = reader.finish())
        return *failure;
    return error;
}

QJsonObject toJson(const ImportFieldChange &change)
{
    return QJsonObject{{kField, change.field}, {kBefore, change.before}, {kAfter, change.after}};
}

Result<ImportFieldChange> fieldChangeFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportFieldChange change;
    change.field = reader.string(kField, validateFieldTarget);
    change.before = reader.string(kBefore, validateCellText);
    change.after = reader.string(kAfter, validateCellText);
    if (auto error = reader.finish())
        return *error;
    return change;
}

QJsonObject toJson(const ImportRow &row);
QJsonObject toJson(const ImportMissingMember &missing);

template<typename T>
QJsonArray arrayToJson(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

QJsonObject toJson(const ImportRow &row)
{
    QJsonObject object;
    object.insert(kRow, row.row);
    object.insert(kKind, importRowKindName(row.kind));
    if (row.memberId)
        object.insert(kMemberId, *row.memberId);
    object.insert(kDisplayName, row.displayName);
    object.insert(kEmployeeCode, row.employeeCode);
    object.insert(kChanges, arrayToJson(row.changes));
    object.insert(kErrors, arrayToJson(row.errors));
    return object;
}

Result<ImportRow> rowFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportRow row;
    row.row = int(reader.integer(kRow, 1, kImportMaxRows));
    row.kind = reader.enumeration(kKind, importRowKindFromName, importRowKindNames);
    row.memberId = reader.optionalString(kMemberId, validateId);
    row.displayName = reader.string(kDisplayName, validateCellText);
    row.employeeCode = reader.string(kEmployeeCode, validateShownCode);
    row.changes = reader.objectArray(kChanges, fieldChangeFromJson, kRowItemsMax);
    row.errors = reader.objectArray(kErrors, cellErrorFromJson, kRowItemsMax);
    if (auto error = reader.finish())
        return *error;
    return row;
}

QJsonObject toJson(const ImportMissingMember &missing)
{
    return QJsonObject{{kMemberId, missing.memberId},
                       {kDisplayName, missing.displayName},
                       {kEmployeeCode, missing.employeeCode}};
}

Result<ImportMissingMember> missingFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportMissingMember missing;
    missing.memberId = reader.string(kMemberId, validateId);
    missing.displayName = reader.string(kDisplayName, validateCellText);
    missing.employeeCode = reader.string(kEmployeeCode, validateShownCode);
    if (auto error = reader.finish())
        return *error;
    return missing;
}

} // namespace

QStringList importTargetNames()
{
    return names(kTargets);
}

std::optional<Error> validateImportTarget(QStringView target)
{
    if (target.isEmpty() || std::any_of(std::begin(kTargets), std::end(kTargets),
                                        [target](QLatin1String name) { return target == name; }))
        return std::nullopt;
    if (target.startsWith(kAttributeTargetPrefix) &&
        !validateId(target.sliced(kAttributeTargetPrefix.size())))
        return std::nullopt;
    return Error{ProblemCode::InvalidField, QString(),
                 QStringLiteral("Must be empty, attribute:<id> or one of: %1.")
                     .arg(importTargetNames().join(QStringLiteral(", ")))};
}

std::optional<Error> validateImportFileName(QStringView name)
{
    return validateShownText(name, TextRule{1, kImportFileNameMaxLength, true, false});
}

QStringList importErrorCodeNames()
{
    return names(kErrorCodes);
}

QString importStatusName(ImportStatus status)
{
    return enumName(kStatuses, status);
}

std::optional<ImportStatus> importStatusFromName(QStringView name)
{
    return enumFromName(kStatuses, name);
}

QStringList importStatusNames()
{
    return enumNames(kStatuses);
}

QString importRowKindName(ImportRowKind kind)
{
    return enumName(kRowKinds, kind);
}

std::optional<ImportRowKind> importRowKindFromName(QStringView name)
{
    return enumFromName(kRowKinds, name);
}

QStringList importRowKindNames()
{
    return enumNames(kRowKinds);
}

QJsonObject toJson(const MemberImport &import)
{
    QJsonObject object;
    object.insert(kId, import.id);
    object.insert(kFileName, import.fileName);
    object.insert(kFormat, import.format);
    object.insert(kEncoding, import.encoding);
    object.insert(kRowCount, import.rowCount);
    object.insert(kColumns, columnsToJson(import.columns, true));
    object.insert(kStatus, importStatusName(import.status));
    return object;
}

Result<MemberImport> memberImportFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    MemberImport import;
    import.id = reader.string(kId, validateId);
    import.fileName = reader.string(kFileName, validateImportFileName);
    import.format = reader.string(kFormat, [](QStringView format) {
        return validateEnumName(format, {kCsv, kXlsx});
});
// A workbook has no text encoding; a CSV file always has one.
const QStringList encodings =
    import.format == kXlsx ? QStringList{QString()} : names(kCsvEncodings);
    import.encoding = reader.string(kEncoding, [&encodings](QStringView encoding) {
        return validateEnumName(encoding, encodings);
    } // namespace engage::api
);
import.rowCount = count(reader, kRowCount, kImportMaxRows);
import.columns = reader.objectArray(kColumns, fileColumnFromJson, kImportMaxColumns);
import.status = reader.enumeration(kStatus, importStatusFromName, importStatusNames);
if (auto error = reader.finish())
    return *error;
return import;
}

QJsonObject toJson(const ImportMapping &mapping)
{
    return QJsonObject{{kColumns, columnsToJson(mapping.columns, false)}};
}

Result<ImportMapping> importMappingFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportMapping mapping;
    mapping.columns = reader.objectArray(kColumns, mappedColumnFromJson, kImportMaxColumns);
    if (auto error = reader.finish())
        return *error;
    return mapping;
}

QJsonObject toJson(const ImportPreview &preview)
{
    QJsonObject object;
    object.insert(kAdded, preview.added);
    object.insert(kChanged, preview.changed);
    object.insert(kUnchanged, preview.unchanged);
    object.insert(kInvalid, preview.invalid);
    object.insert(kRows, arrayToJson(preview.rows));
    object.insert(kMissing, arrayToJson(preview.missing));
    object.insert(kNewGroupPaths, QJsonArray::fromStringList(preview.newGroupPaths));
    return object;
}

Result<ImportPreview> importPreviewFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportPreview preview;
    preview.added = count(reader, kAdded, kImportMaxRows);
    preview.changed = count(reader, kChanged, kImportMaxRows);
    preview.unchanged = count(reader, kUnchanged, kImportMaxRows);
    preview.invalid = count(reader, kInvalid, kImportMaxRows);
    preview.rows = reader.objectArray(kRows, rowFromJson, kImportPreviewPageMax);
    preview.missing = reader.objectArray(kMissing, missingFromJson, kTenantMembersMax);
    preview.newGroupPaths = reader.stringArray(kNewGroupPaths, validateNewGroupPath, kGroupsMax);
    if (auto error = reader.finish())
        return *error;
    return preview;
}

QJsonObject toJson(const ImportApplyRequest &request)
{
    return QJsonObject{{kCreateGroups, request.createGroups},
                       {kMarkMissingAsLeft, request.markMissingAsLeft},
                       {kApplyChanges, request.applyChanges}};
}

Result<ImportApplyRequest> importApplyRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportApplyRequest request;
    request.createGroups = reader.boolean(kCreateGroups);
    request.markMissingAsLeft = reader.boolean(kMarkMissingAsLeft);
    request.applyChanges = reader.boolean(kApplyChanges);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const ImportOutcome &outcome)
{
    QJsonObject object;
    object.insert(kImportId, outcome.importId);
    object.insert(kStatus, importStatusName(outcome.status));
    object.insert(kAdded, outcome.added);
    object.insert(kChanged, outcome.changed);
    object.insert(kMarkedLeft, outcome.markedLeft);
    object.insert(kGroupsCreated, outcome.groupsCreated);
    object.insert(kSkipped, outcome.skipped);
    return object;
}

Result<ImportOutcome> importOutcomeFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ImportOutcome outcome;
    outcome.importId = reader.string(kImportId, validateId);
    outcome.status = reader.enumeration(kStatus, importStatusFromName, importStatusNames);
    outcome.added = count(reader, kAdded, kImportMaxRows);
    outcome.changed = count(reader, kChanged, kImportMaxRows);
    outcome.markedLeft = count(reader, kMarkedLeft, kTenantMembersMax);
    outcome.groupsCreated = count(reader, kGroupsCreated, kGroupsMax);
    outcome.skipped = count(reader, kSkipped, kImportMaxRows);
    if (auto error = reader.finish())
        return *error;
    return outcome;
}

} // namespace engage::api
