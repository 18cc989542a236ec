#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// Member imports: upload a file (POST /api/v1/member-imports, the raw .xlsx or
// .csv as the body, its name in ?name=), check the column mapping the service
// proposes (PUT .../{id}/mapping), look at the dry-run diff (GET .../{id}/preview),
// apply the chosen actions in one transaction (POST .../{id}/apply), and undo
// it while nobody changed those members since (POST .../{id}/undo).

inline constexpr qint64 kImportMaxBytes = 50LL * 1024 * 1024;
inline constexpr int kImportMaxRows = 100000;
inline constexpr int kImportPreviewPageDefault = 1000;
inline constexpr int kImportPreviewPageMax = 5000;
// Wider files are refused: no mapping of more columns is needed or shown.
inline constexpr int kImportMaxColumns = 500;
// A header, a cell shown in the preview (before, after, display name, code)
// or a new group path longer than this is cut to it (a cell too long for its
// field is an error "tooLong" anyway).
inline constexpr int kImportCellMaxLength = 1000;
inline constexpr int kImportFileNameMaxLength = 255;

// ?name= of an upload: 1-255 characters, trimmed, one line.
std::optional<Error> validateImportFileName(QStringView name);

// Where a column goes: one of importTargetNames(), or "attribute:<id>", or
// empty for a column the import ignores.
//   memberId, employeeCode, email, familyName, givenName, fullName (split at
//   the first space, family name first), groupPath ("本社/営業部/東京", '/'
//   or '>' between levels), groupCode, hireDate, birthDate, employmentType,
//   grade, position, jobCategory, status, deliver, memo
QStringList importTargetNames();
std::optional<Error> validateImportTarget(QStringView target);

struct ImportColumn
{
    QString header;          // as in the file
    QString target;          // see above
    bool remembered = false; // the tenant mapped this header before

    friend bool operator==(const ImportColumn &a, const ImportColumn &b)
    {
        return a.header == b.header && a.target == b.target && a.remembered == b.remembered;
    }
    friend bool operator!=(const ImportColumn &a, const ImportColumn &b) { return !(a == b); }
};

enum class ImportStatus
{
    Uploaded,
    Applied,
    Undone,
};

QString importStatusName(ImportStatus status); // "uploaded", "applied", "undone"
std::optional<ImportStatus> importStatusFromName(QStringView name);
QStringList importStatusNames();

// The answer to an upload and to GET .../{id}: the file as the service read it.
struct MemberImport
{
    QString id;
    QString fileName;
    QString format;              // "csv" or "xlsx"
    QString encoding;            // "UTF-8", "UTF-8 BOM", "CP932", or "" for xlsx
    int rowCount = 0;            // data rows, header excluded
    QList<ImportColumn> columns; // in file order
    ImportStatus status = ImportStatus::Uploaded;

    friend bool operator==(const MemberImport &a, const MemberImport &b)
    {
        return a.id == b.id && a.fileName == b.fileName && a.format == b.format &&
               a.encoding == b.encoding && a.rowCount == b.rowCount && a.columns == b.columns &&
               a.status == b.status;
    }
    friend bool operator!=(const MemberImport &a, const MemberImport &b) { return !(a == b); }
};

// PUT .../{id}/mapping: {"columns": [{"header", "target"}]}, one per column of
// the file in order; the service remembers the tenant's own headers.
struct ImportMapping
{
    QList<ImportColumn> columns;

    friend bool operator==(const ImportMapping &a, const ImportMapping &b)
    {
        return a.columns == b.columns;
    }
    friend bool operator!=(const ImportMapping &a, const ImportMapping &b) { return !(a == b); }
};

// Why a cell cannot be imported: a stable code the client translates, with
// the service's English detail beneath it.
//   required, invalid, tooLong, invalidDate, invalidNumber, invalidChoice,
//   unknownGroup, unknownMember, duplicateInFile, emailTaken, codeTaken,
//   needsEmailOrCode, ambiguous
QStringList importErrorCodeNames();

struct ImportCellError
{
    int row = 0;    // 1-based data row (the header is row 0)
    QString column; // header of the column, empty for the whole row
    QString code;
    QString detail;

    friend bool operator==(const ImportCellError &a, const ImportCellError &b)
    {
        return a.row == b.row && a.column == b.column && a.code == b.code && a.detail == b.detail;
    }
    friend bool operator!=(const ImportCellError &a, const ImportCellError &b) { return !(a == b); }
};

struct ImportFieldChange
{
    QString field;  // a target name
    QString before; // canonical text; personal values included (the caller may see them)
    QString after;

    friend bool operator==(const ImportFieldChange &a, const ImportFieldChange &b)
    {
        return a.field == b.field && a.before == b.before && a.after == b.after;
    }
    friend bool operator!=(const ImportFieldChange &a, const ImportFieldChange &b)
    {
        return !(a == b);
    }
};

enum class ImportRowKind
{
    Added,
    Changed,
    Unchanged,
    Invalid,
};

QString importRowKindName(ImportRowKind kind); // "added", "changed", "unchanged", "invalid"
std::optional<ImportRowKind> importRowKindFromName(QStringView name);
QStringList importRowKindNames();

// One data row of the file as the dry run sees it. Unchanged rows are only
// counted, not listed.
struct ImportRow
{
    int row = 0;
    ImportRowKind kind = ImportRowKind::Added;
    std::optional<QString> memberId; // the matched member (changed rows)
    QString displayName;
    QString employeeCode;
    QList<ImportFieldChange> changes; // added rows: every field set
    QList<ImportCellError> errors;    // invalid rows

    friend bool operator==(const ImportRow &a, const ImportRow &b)
    {
        return a.row == b.row && a.kind == b.kind && a.memberId == b.memberId &&
               a.displayName == b.displayName && a.employeeCode == b.employeeCode &&
               a.changes == b.changes && a.errors == b.errors;
    }
    friend bool operator!=(const ImportRow &a, const ImportRow &b) { return !(a == b); }
};

// A member of the tenant that the file does not mention (active or on leave).
struct ImportMissingMember
{
    QString memberId;
    QString displayName;
    QString employeeCode;

    friend bool operator==(const ImportMissingMember &a, const ImportMissingMember &b)
    {
        return a.memberId == b.memberId && a.displayName == b.displayName &&
               a.employeeCode == b.employeeCode;
    }
    friend bool operator!=(const ImportMissingMember &a, const ImportMissingMember &b)
    {
        return !(a == b);
    }
};

// GET .../{id}/preview?offset=&limit=: the dry run. The counts and missing
// members cover the whole file; rows is the slice [offset, offset + limit) of
// the added, changed and invalid rows (limit 1-5000, default 1000).
struct ImportPreview
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
    int invalid = 0;
    QList<ImportRow> rows; // a slice of the added, changed and invalid rows, in file order
    QList<ImportMissingMember> missing;
    QStringList newGroupPaths; // groups the file names that do not exist (normalised paths)

    friend bool operator==(const ImportPreview &a, const ImportPreview &b)
    {
        return a.added == b.added && a.changed == b.changed && a.unchanged == b.unchanged &&
               a.invalid == b.invalid && a.rows == b.rows && a.missing == b.missing &&
               a.newGroupPaths == b.newGroupPaths;
    }
    friend bool operator!=(const ImportPreview &a, const ImportPreview &b) { return !(a == b); }
};

// POST .../{id}/apply: what the user chose. Rows with errors are always left
// out; nothing is removed unless markMissingAsLeft says so.
struct ImportApplyRequest
{
    bool createGroups = false;      // create the groups of newGroupPaths (else their rows fail)
    bool markMissingAsLeft = false; // members missing from the file get status "left"
    bool applyChanges = true;       // update the changed members (else only add)

    friend bool operator==(const ImportApplyRequest &a, const ImportApplyRequest &b)
    {
        return a.createGroups == b.createGroups && a.markMissingAsLeft == b.markMissingAsLeft &&
               a.applyChanges == b.applyChanges;
    }
    friend bool operator!=(const ImportApplyRequest &a, const ImportApplyRequest &b)
    {
        return !(a == b);
    }
};

// The answer to apply and undo.
struct ImportOutcome
{
    QString importId;
    ImportStatus status = ImportStatus::Applied;
    int added = 0;
    int changed = 0;
    int markedLeft = 0;
    int groupsCreated = 0;
    int skipped = 0; // invalid rows left out

    friend bool operator==(const ImportOutcome &a, const ImportOutcome &b)
    {
        return a.importId == b.importId && a.status == b.status && a.added == b.added &&
               a.changed == b.changed && a.markedLeft == b.markedLeft &&
               a.groupsCreated == b.groupsCreated && a.skipped == b.skipped;
    }
    friend bool operator!=(const ImportOutcome &a, const ImportOutcome &b) { return !(a == b); }
};

QJsonObject toJson(const MemberImport &import);
Result<MemberImport> memberImportFromJson(const QJsonObject &object);
QJsonObject toJson(const ImportMapping &mapping);
Result<ImportMapping> importMappingFromJson(const QJsonObject &object);
QJsonObject toJson(const ImportPreview &preview);
Result<ImportPreview> importPreviewFromJson(const QJsonObject &object);
QJsonObject toJson(const ImportApplyRequest &request);
Result<ImportApplyRequest> importApplyRequestFromJson(const QJsonObject &object);
QJsonObject toJson(const ImportOutcome &outcome);
Result<ImportOutcome> importOutcomeFromJson(const QJsonObject &object);

} // namespace engage::api
