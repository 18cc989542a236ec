#include "importplanner.h"

#include "crypto/blindindex.h"

#include <QRegularExpression>
#include <QSet>

namespace engage::server::import {

namespace {

const QString kAttributePrefix = QStringLiteral("attribute:");

QString nfkc(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).trimmed();
}

// Choice words compare without case, width or spaces.
QString choiceKey(const QString &text)
{
    QString key = nfkc(text).toCaseFolded();
    key.removeIf([](QChar c) { return c.isSpace(); });
    return key;
}

std::optional<QDate> parseDate(const QString &text)
{
    // Date cells of a workbook arrive as YYYY-MM-DD already.
    if (text.size() == 10) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            return day;
    }
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$"));
    const auto match = pattern.match(nfkc(text));
    if (!match.hasMatch())
        return std::nullopt;
    const QDate day(match.captured(1).toInt(), match.captured(2).toInt(),
                    match.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return day;
}

// What a cell says, looked up among the words (keyed by choiceKey) that say it.
template<typename T>
std::optional<T> choice(const QHash<QString, T> &words, const QString &text)
{
    const auto found = words.constFind(choiceKey(text));
    return found == words.cend() ? std::nullopt : std::optional<T>(*found);
}

std::optional<api::MemberStatus> parseStatus(const QString &text)
{
    static const QHash<QString, api::MemberStatus> words = [] {
        QHash<QString, api::MemberStatus> table;
        for (const char16_t *word : {u"在籍", u"在職", u"在籍中", u"active"})
            table.insert(choiceKey(QString::fromUtf16(word)), api::MemberStatus::Active);
        for (const char16_t *word : {u"休職", u"休職中", u"onleave", u"leave"})
            table.insert(choiceKey(QString::fromUtf16(word)), api::MemberStatus::OnLeave);
        for (const char16_t *word : {u"退職", u"退職済", u"退職済み", u"left"})
            table.insert(choiceKey(QString::fromUtf16(word)), api::MemberStatus::Left);
        return table;
    }();
    return choice(words, text);
}

std::optional<bool> parseDeliver(const QString &text)
{
    static const QHash<QString, bool> words = [] {
        QHash<QString, bool> table;
        for (const char16_t *word : {u"1", u"yes", u"y", u"true", u"はい", u"○", u"◯", u"する"})
            table.insert(choiceKey(QString::fromUtf16(word)), true);
        for (const char16_t *word : {u"0", u"no", u"n", u"false", u"いいえ", u"×", u"✕", u"しない"})
            table.insert(choiceKey(QString::fromUtf16(word)), false);
        return table;
    }();
    return choice(words, text);
}

std::optional<api::Language> parseLanguage(const QString &text)
{
    static const QHash<QString, api::Language> words = [] {
        QHash<QString, api::Language> table;
        for (const char16_t *word : {u"ja", u"日本語", u"japanese"})
            table.insert(choiceKey(QString::fromUtf16(word)), api::Language::Japanese);
        for (const char16_t *word : {u"en", u"英語", u"english"})
            table.insert(choiceKey(QString::fromUtf16(word)), api::Language::English);
        return table;
    }();
    return choice(words, text);
}

QString dateText(const std::optional<QDate> &day)
{
    return day ? day->toString(Qt::ISODate) : QString();
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// Each field of `fields` as canonical text, by target name.
QList<std::pair<QString, QString>> fieldTexts(const api::MemberFields &fields,
                                              const QString &groupPath)
{
    QList<std::pair<QString, QString>> texts = {
        {QStringLiteral("employeeCode"), fields.employeeCode.value_or(QString())},
        {QStringLiteral("email"), fields.email.value_or(QString())},
        {QStringLiteral("familyName"), fields.familyName},
        {QStringLiteral("givenName"), fields.givenName},
        {QStringLiteral("groupPath"), groupPath},
        {QStringLiteral("hireDate"), dateText(fields.hireDate)},
        {QStringLiteral("birthDate"), dateText(fields.birthDate)},
        {QStringLiteral("employmentType"), fields.employmentType},
        {QStringLiteral("grade"), fields.grade},
        {QStringLiteral("position"), fields.position},
        {QStringLiteral("jobCategory"), fields.jobCategory},
        {QStringLiteral("status"), api::memberStatusName(fields.status)},
        {QStringLiteral("deliver"), boolText(fields.deliver)},
        {QStringLiteral("memo"), fields.memo},
        {QStringLiteral("language"),
         fields.language ? api::languageCode(*fields.language) : QString()},
    };
    for (auto it = fields.attributes.cbegin(); it != fields.attributes.cend(); ++it)
        texts.append({kAttributePrefix + it.key(), it.value()});
    return texts;
}

QString shown(const QString &text)
{
    return text.size() > api::kImportCellMaxLength ? text.left(api::kImportCellMaxLength) : text;
}

QList<api::ImportFieldChange> changesBetween(const api::MemberFields *before,
                                             const QString &beforePath,
                                             const api::MemberFields &after,
                                             const QString &afterPath)
{
    QHash<QString, QString> old;
    if (before) {
        for (const auto &[field, text] : fieldTexts(*before, beforePath))
            old.insert(field, text);
    }
    QList<api::ImportFieldChange> changes;
    for (const auto &[field, text] : fieldTexts(after, afterPath)) {
        const QString previous = old.value(field);
        if (previous != text && !(before == nullptr && text.isEmpty()))
            changes.append({field, shown(previous), shown(text)});
    }
    return changes;
}

// Groups by (parent, normalised name), for matching paths level by level.
class GroupIndex final
{
public:
    explicit GroupIndex(const QList<api::Group> &groups)
    {
        for (const api::Group &group : groups) {
            m_children[key(group.fields.parentId.value_or(QString()),
                           ImportPlanner::normalizedGroupName(group.fields.name))]
                .append(group.id);
            m_byCode.insert(group.fields.code, group.id);
        }
        m_paths = ImportPlanner::groupPaths(groups);
    }

    struct Found
    {
        QString groupId;          // the group, when every level exists
        QStringList missingPaths; // the normalised paths of the levels that do not
        bool ambiguous = false;   // two groups of one parent share a name
    };

    Found byPath(const QStringList &levels) const
    {
        Found found;
        QString parent;
        for (qsizetype i = 0; i < levels.size(); ++i) {
            const QStringList ids = m_children.value(key(parent, levels.at(i)));
            if (ids.size() > 1) {
                found.ambiguous = true;
                return found;
            }
            if (ids.isEmpty()) {
                for (qsizetype j = i; j < levels.size(); ++j)
                    found.missingPaths.append(levels.mid(0, j + 1).join(QLatin1Char('/')));
                return found;
            }
            parent = ids.constFirst();
        }
        found.groupId = parent;
        return found;
    }

    QString byCode(const QString &code) const { return m_byCode.value(code); }
    QString pathOf(const std::optional<QString> &groupId) const
    {
        return groupId ? m_paths.value(*groupId) : QString();
    }

private:
    static QString key(const QString &parent, const QString &name)
    {
        return parent + QChar(0x1F) + name;
    }

    QHash<QString, QStringList> m_children;
    QHash<QString, QString> m_byCode;
    QHash<QString, QString> m_paths;
};

// Keys a row is matched and checked for duplicates by.
struct RowKeys
{
    QString memberId;
    QString code;
    QString email; // crypto::normalizedEmail
};

// The cells of one row by target.
struct RowValues
{
    QHash<QString, QString> values; // target -> trimmed cell (non-empty only)
    RowKeys keys;

    QString value(const QString &target) const { return values.value(target); }
    bool has(const QString &target) const { return values.contains(target); }
};

RowKeys keysOf(const RowValues &row)
{
    RowKeys keys;
    keys.memberId = row.value(QStringLiteral("memberId")).toLower();
    keys.code = nfkc(row.value(QStringLiteral("employeeCode")));
    keys.email = crypto::normalizedEmail(nfkc(row.value(QStringLiteral("email"))));
    return keys;
}

class Planner final
{
public:
    explicit Planner(const PlanInput &input)
        : m_input(input)
        , m_groups(input.groups)
    {
        for (const store::StoredMember &stored : input.members) {
            m_byId.insert(stored.member.id, &stored);
            if (stored.member.fields.employeeCode)
                m_byCode.insert(*stored.member.fields.employeeCode, &stored);
            if (stored.member.fields.email)
                m_byEmail.insert(crypto::normalizedEmail(*stored.member.fields.email), &stored);
        }
        for (const api::Attribute &attribute : input.attributes)
            m_attributes.insert(attribute.id, &attribute);
    }

    ImportPlan run()
    {
        QList<RowValues> rows;
        rows.reserve(m_input.table.rows.size());
        QHash<QString, int> idCount;
        QHash<QString, int> codeCount;
        QHash<QString, int> emailCount;
        for (const QStringList &cells : m_input.table.rows) {
            RowValues row;
            for (qsizetype i = 0; i < m_input.columns.size() && i < cells.size(); ++i) {
                const QString &target = m_input.columns.at(i).target;
                const QString cell = cells.at(i).trimmed();
                if (target.isEmpty() || cell.isEmpty())
                    continue;
                row.values.insert(target, cell);
            }
            row.keys = keysOf(row);
            const RowKeys &keys = row.keys;
            if (!keys.memberId.isEmpty())
                ++idCount[keys.memberId];
            if (!keys.code.isEmpty())
                ++codeCount[keys.code];
            if (!keys.email.isEmpty())
                ++emailCount[keys.email];
            rows.append(std::move(row));
        }
        m_headers = headersByTarget();

        QSet<QString> seenNewPaths;
        for (qsizetype index = 0; index < rows.size(); ++index) {
            const RowValues &row = rows.at(index);
            if (row.values.isEmpty())
                continue; // a blank line of the file
            PlannedRow planned = planRow(row, int(index + 1));
            const RowKeys &keys = row.keys;
            if (idCount.value(keys.memberId) > 1)
                addError(planned, QStringLiteral("memberId"), QStringLiteral("duplicateInFile"),
                         QStringLiteral("Another row of the file has this member id."));
            if (codeCount.value(keys.code) > 1)
                addError(planned, QStringLiteral("employeeCode"), QStringLiteral("duplicateInFile"),
                         QStringLiteral("Another row of the file has this employee code."));
            if (emailCount.value(keys.email) > 1)
                addError(planned, QStringLiteral("email"), QStringLiteral("duplicateInFile"),
                         QStringLiteral("Another row of the file has this e-mail."));
            for (const QString &path : std::as_const(m_rowNewPaths)) {
                if (!seenNewPaths.contains(path)) {
                    seenNewPaths.insert(path);
                    m_plan.newGroupPaths.append(path);
                }
            }
            finish(planned);
        }
        for (const store::StoredMember &stored : m_input.members) {
            const api::MemberFields &fields = stored.member.fields;
            if (m_matched.contains(stored.member.id) || fields.status == api::MemberStatus::Left)
                continue;
            m_plan.missing.append({stored.member.id, shown(api::memberDisplayName(fields)),
                                   shown(fields.employeeCode.value_or(QString()))});
            m_plan.missingRevisions.insert(stored.member.id, stored.revision);
        }
        return std::move(m_plan);
    }

private:
    // Errors name the column: a full name's parts are in the full name's.
    QHash<QString, QString> headersByTarget() const
    {
        QHash<QString, QString> headers;
        for (const api::ImportColumn &column : m_input.columns) {
            if (column.target.isEmpty())
                continue;
            headers.insert(column.target, column.header);
            if (column.target == QLatin1String("fullName")) {
                headers.insert(QStringLiteral("familyName"), column.header);
                headers.insert(QStringLiteral("givenName"), column.header);
            }
        }
        return headers;
    }

    void addError(PlannedRow &row, const QString &target, const QString &code,
                  const QString &detail) const
    {
        row.shown.errors.append({row.shown.row, m_headers.value(target), code, detail});
    }

    const store::StoredMember *match(const RowValues &row, PlannedRow &planned) const
    {
        const RowKeys &keys = row.keys;
        if (!keys.memberId.isEmpty()) {
            const store::StoredMember *member = m_byId.value(keys.memberId);
            if (!member)
                addError(planned, QStringLiteral("memberId"), QStringLiteral("unknownMember"),
                         QStringLiteral("No member of this company has this id."));
            return member;
        }
        const store::StoredMember *member =
            keys.code.isEmpty() ? nullptr : m_byCode.value(keys.code);
        if (!member && !keys.email.isEmpty())
            member = m_byEmail.value(keys.email);
        return member;
    }

    // Text fields: the validator's verdict as an import error code.
    void setText(PlannedRow &row, const RowValues &values, const QString &target, QString *field,
                 std::optional<api::Error> (*validate)(QStringView))
    {
        if (!values.has(target))
            return;
        const QString text = values.value(target);
        if (auto error = validate(text)) {
            const bool tooLong = api::characterCount(text) > longestText(target);
            addError(row, target, tooLong ? QStringLiteral("tooLong") : QStringLiteral("invalid"),
                     error->detail);
            return;
        }
        *field = text;
    }

    static int longestText(const QString &target)
    {
        if (target == QLatin1String("memo"))
            return api::kMemberMemoMaxLength;
        if (target == QLatin1String("employeeCode"))
            return api::kEmployeeCodeMaxLength;
        return api::kMemberFieldMaxLength;
    }

    void setDate(PlannedRow &row, const RowValues &values, const QString &target,
                 std::optional<QDate> *field)
    {
        if (!values.has(target))
            return;
        const auto day = parseDate(values.value(target));
        if (!day) {
            addError(row, target, QStringLiteral("invalidDate"),
                     QStringLiteral("Not a date: write it as YYYY-MM-DD."));
            return;
        }
        *field = day;
    }

    void setGroup(PlannedRow &row, const RowValues &values, api::MemberFields &fields)
    {
        const QString codeTarget = QStringLiteral("groupCode");
        const QString pathTarget = QStringLiteral("groupPath");
        std::optional<QString> byCode;
        if (values.has(codeTarget)) {
            const QString id = m_groups.byCode(nfkc(values.value(codeTarget)));
            if (id.isEmpty()) {
                addError(row, codeTarget, QStringLiteral("unknownGroup"),
                         QStringLiteral("No group has this code."));
                return;
            }
            byCode = id;
        }
        if (values.has(pathTarget)) {
            const QStringList levels = ImportPlanner::pathLevels(values.value(pathTarget));
            for (const QString &level : levels) {
                if (auto error = api::validateGroupName(level)) {
                    addError(row, pathTarget, QStringLiteral("invalid"), error->detail);
                    return;
                }
            }
            if (levels.isEmpty()) {
                addError(row, pathTarget, QStringLiteral("invalid"),
                         QStringLiteral("Not a group path."));
                return;
            }
            const GroupIndex::Found found = m_groups.byPath(levels);
            if (found.ambiguous) {
                addError(row, pathTarget, QStringLiteral("ambiguous"),
                         QStringLiteral("Two groups on this path have the same name."));
                return;
            }
            if (!found.groupId.isEmpty()) {
                if (byCode && *byCode != found.groupId) {
                    addError(row, pathTarget, QStringLiteral("ambiguous"),
                             QStringLiteral("The group code and the group path name different "
                                            "groups."));
                    return;
                }
                fields.groupId = found.groupId;
                return;
            }
            m_rowNewPaths = found.missingPaths;
            if (byCode) {
                addError(row, pathTarget, QStringLiteral("ambiguous"),
                         QStringLiteral("The group code and the group path name different "
                                        "groups."));
            } else if (m_input.createGroups) {
                row.newGroupPath = levels.join(QLatin1Char('/'));
                fields.groupId.reset();
            } else {
                addError(row, pathTarget, QStringLiteral("unknownGroup"),
                         QStringLiteral("This group does not exist yet: choose to create the "
                                        "new groups, or fix the path."));
            }
            return;
        }
        if (byCode)
            fields.groupId = byCode;
    }

    void setAttribute(PlannedRow &row, const RowValues &values, const QString &target,
                      api::MemberFields &fields)
    {
        const api::Attribute *attribute = m_attributes.value(target.mid(kAttributePrefix.size()));
        if (!attribute)
            return;
        const QString text = values.value(target);
        QString value = text;
        QString code = QStringLiteral("invalid");
        switch (attribute->fields.type) {
        case api::AttributeType::Choice: {
            code = QStringLiteral("invalidChoice");
            const QString key = choiceKey(text);
            for (const QString &choice : attribute->fields.choices) {
                if (choiceKey(choice) == key)
                    value = choice;
            }
            break;
        }
        case api::AttributeType::Number: {
            code = QStringLiteral("invalidNumber");
            bool ok = false;
            const double number = nfkc(text).remove(QLatin1Char(',')).toDouble(&ok);
            if (ok)
                value = canonicalNumber(number);
            break;
        }
        case api::AttributeType::Date: {
            code = QStringLiteral("invalidDate");
            if (const auto day = parseDate(text))
                value = day->toString(Qt::ISODate);
            break;
        }
        case api::AttributeType::Text:
            if (api::characterCount(text) > api::kAttributeTextMaxLength)
                code = QStringLiteral("tooLong");
            break;
        }
        if (auto error = api::validateAttributeValue(attribute->fields, value)) {
            addError(row, target, code, error->detail);
            return;
        }
        fields.attributes.insert(attribute->id, value);
    }

    PlannedRow planRow(const RowValues &values, int rowNumber)
    {
        PlannedRow row;
        row.shown.row = rowNumber;
        m_rowNewPaths.clear();
        const store::StoredMember *member = match(values, row);
        if (member) {
            m_matched.insert(member->member.id);
            row.fields = member->member.fields;
            row.revision = member->revision;
            row.shown.memberId = member->member.id;
        }
        api::MemberFields &fields = row.fields;

        const QString codeTarget = QStringLiteral("employeeCode");
        if (values.has(codeTarget)) {
            const QString code = nfkc(values.value(codeTarget));
            if (auto error = api::validateEmployeeCode(code))
                addError(row, codeTarget,
                         code.size() > api::kEmployeeCodeMaxLength ? QStringLiteral("tooLong")
                                                                   : QStringLiteral("invalid"),
                         error->detail);
            else
                fields.employeeCode = code;
        }
        const QString emailTarget = QStringLiteral("email");
        if (values.has(emailTarget)) {
            const QString email = nfkc(values.value(emailTarget));
            if (auto error = api::validateEmail(email))
                addError(row, emailTarget, QStringLiteral("invalid"), error->detail);
            else
                fields.email = email;
        }
        const QString fullTarget = QStringLiteral("fullName");
        if (values.has(fullTarget)) {
            // Family name first, as Japanese lists and our exports write it;
            // a full name without a space has no given name.
            const QString full = values.value(fullTarget);
            const auto space =
                std::find_if(full.cbegin(), full.cend(), [](QChar c) { return c.isSpace(); });
            const qsizetype at = space - full.cbegin();
            RowValues parts;
            parts.values.insert(QStringLiteral("familyName"), full.left(at).trimmed());
            parts.values.insert(QStringLiteral("givenName"), full.mid(at).trimmed());
            setText(row, parts, QStringLiteral("familyName"), &fields.familyName,
                    api::validateFamilyName);
            setText(row, parts, QStringLiteral("givenName"), &fields.givenName,
                    api::validateMemberText);
        }
        setText(row, values, QStringLiteral("familyName"), &fields.familyName,
                api::validateFamilyName);
        setText(row, values, QStringLiteral("givenName"), &fields.givenName,
                api::validateMemberText);
        setGroup(row, values, fields);
        setDate(row, values, QStringLiteral("hireDate"), &fields.hireDate);
        setDate(row, values, QStringLiteral("birthDate"), &fields.birthDate);
        setText(row, values, QStringLiteral("employmentType"), &fields.employmentType,
                api::validateMemberText);
        setText(row, values, QStringLiteral("grade"), &fields.grade, api::validateMemberText);
        setText(row, values, QStringLiteral("position"), &fields.position, api::validateMemberText);
        setText(row, values, QStringLiteral("jobCategory"), &fields.jobCategory,
                api::validateMemberText);
        setText(row, values, QStringLiteral("memo"), &fields.memo, api::validateMemberMemo);
        const QString statusTarget = QStringLiteral("status");
        if (values.has(statusTarget)) {
            if (const auto status = parseStatus(values.value(statusTarget)))
                fields.status = *status;
            else
                addError(row, statusTarget, QStringLiteral("invalidChoice"),
                         QStringLiteral("Write 在籍, 休職 or 退職 (active, on leave or left)."));
        }
        const QString deliverTarget = QStringLiteral("deliver");
        if (values.has(deliverTarget)) {
            if (const auto deliver = parseDeliver(values.value(deliverTarget)))
                fields.deliver = *deliver;
            else
                addError(row, deliverTarget, QStringLiteral("invalidChoice"),
                         QStringLiteral("Write 1 or 0 (yes or no, はい or いいえ, ○ or ×)."));
        }
        // An empty cell leaves the language as it is, like every other field.
        const QString languageTarget = QStringLiteral("language");
        if (values.has(languageTarget)) {
            if (const auto language = parseLanguage(values.value(languageTarget)))
                fields.language = *language;
            else
                addError(row, languageTarget, QStringLiteral("invalidChoice"),
                         QStringLiteral("Write 日本語 or English (ja or en)."));
        }
        for (auto it = values.values.cbegin(); it != values.values.cend(); ++it) {
            if (it.key().startsWith(kAttributePrefix))
                setAttribute(row, values, it.key(), fields);
        }

        // A row that only waits for its new group is checked as a whole too:
        // the user is told it imports once the groups are created, so any
        // other reason it would not must show now.
        const bool waitsOnlyForGroup =
            !m_rowNewPaths.isEmpty() &&
            std::all_of(row.shown.errors.cbegin(), row.shown.errors.cend(),
                        [](const api::ImportCellError &error) {
                            return error.code == QLatin1String("unknownGroup");
                        });
        if (row.shown.errors.isEmpty() || waitsOnlyForGroup)
            checkWhole(row, member);
        row.shown.displayName = shown(api::memberDisplayName(fields));
        row.shown.employeeCode = shown(fields.employeeCode.value_or(QString()));
        return row;
    }

    // The rules across fields, and codes and e-mails other members hold.
    void checkWhole(PlannedRow &row, const store::StoredMember *member)
    {
        const api::MemberFields &fields = row.fields;
        const qsizetype errorsBefore = row.shown.errors.size();
        if (fields.familyName.isEmpty()) {
            const QString target = m_headers.contains(QStringLiteral("fullName"))
                                       ? QStringLiteral("fullName")
                                       : QStringLiteral("familyName");
            addError(row, target, QStringLiteral("required"),
                     QStringLiteral("A new member needs a family name."));
            return;
        }
        if (!fields.employeeCode && !fields.email) {
            row.shown.errors.append({row.shown.row, QString(), QStringLiteral("needsEmailOrCode"),
                                     QStringLiteral("A member needs an e-mail or an employee "
                                                    "code.")});
            return;
        }
        const QString ownId = member ? member->member.id : QString();
        if (fields.employeeCode) {
            const store::StoredMember *holder = m_byCode.value(*fields.employeeCode);
            if (holder && holder->member.id != ownId)
                addError(row, QStringLiteral("employeeCode"), QStringLiteral("codeTaken"),
                         QStringLiteral("Another member has this employee code."));
        }
        if (fields.email) {
            const store::StoredMember *holder =
                m_byEmail.value(crypto::normalizedEmail(*fields.email));
            if (holder && holder->member.id != ownId)
                addError(row, QStringLiteral("email"), QStringLiteral("emailTaken"),
                         QStringLiteral("Another member has this e-mail."));
        }
        if (row.shown.errors.size() > errorsBefore)
            return;
        if (auto error = api::validateMemberFields(fields))
            row.shown.errors.append(
                {row.shown.row, QString(), QStringLiteral("invalid"), error->detail});
    }

    void finish(PlannedRow &row)
    {
        if (!row.shown.errors.isEmpty()) {
            row.shown.kind = api::ImportRowKind::Invalid;
            ++m_plan.invalid;
            m_plan.rows.append(std::move(row));
            return;
        }
        const QString afterPath =
            row.newGroupPath.isEmpty() ? m_groups.pathOf(row.fields.groupId) : row.newGroupPath;
        const store::StoredMember *member =
            row.shown.memberId ? m_byId.value(*row.shown.memberId) : nullptr;
        if (!member) {
            row.shown.kind = api::ImportRowKind::Added;
            row.shown.changes = changesBetween(nullptr, QString(), row.fields, afterPath);
            ++m_plan.added;
            m_plan.rows.append(std::move(row));
            return;
        }
        row.shown.changes =
            changesBetween(&member->member.fields, m_groups.pathOf(member->member.fields.groupId),
                           row.fields, afterPath);
        if (row.shown.changes.isEmpty()) {
            ++m_plan.unchanged;
            return;
        }
        row.shown.kind = api::ImportRowKind::Changed;
        ++m_plan.changed;
        m_plan.rows.append(std::move(row));
    }

    const PlanInput &m_input;
    GroupIndex m_groups;
    QHash<QString, const store::StoredMember *> m_byId;
    QHash<QString, const store::StoredMember *> m_byCode;
    QHash<QString, const store::StoredMember *> m_byEmail;
    QHash<QString, const api::Attribute *> m_attributes;
    QHash<QString, QString> m_headers; // target -> header
    QSet<QString> m_matched;
    QStringList m_rowNewPaths;
    ImportPlan m_plan;
};

} // namespace

api::ImportPreview ImportPlan::preview(int offset, int limit) const
{
    api::ImportPreview answer;
    answer.added = added;
    answer.changed = changed;
    answer.unchanged = unchanged;
    answer.invalid = invalid;
    answer.missing = missing;
    answer.newGroupPaths = newGroupPaths;
    for (qsizetype i = offset; i < rows.size() && i < qsizetype(offset) + limit; ++i)
        answer.rows.append(rows.at(i).shown);
    return answer;
}

ImportPlan ImportPlanner::plan(const PlanInput &input)
{
    return Planner(input).run();
}

QHash<QString, QString> ImportPlanner::groupPaths(const QList<api::Group> &groups)
{
    // Parents come before children in the list the store gives.
    QHash<QString, QString> paths;
    for (const api::Group &group : groups) {
        const QString parent =
            group.fields.parentId ? paths.value(*group.fields.parentId) : QString();
        paths.insert(group.id, parent.isEmpty() ? group.fields.name
                                                : parent + QLatin1Char('/') + group.fields.name);
    }
    return paths;
}

QStringList ImportPlanner::pathLevels(const QString &path)
{
    static const QRegularExpression separators(QStringLiteral("[/>]"));
    QStringList levels;
    // NFKC first: a full-width ／ or ＞ separates levels too.
    for (const QString &level : path.normalized(QString::NormalizationForm_KC).split(separators)) {
        const QString name = normalizedGroupName(level);
        if (!name.isEmpty())
            levels.append(name);
    }
    return levels;
}

QString ImportPlanner::normalizedGroupName(const QString &name)
{
    return nfkc(name);
}

} // namespace engage::server::import
