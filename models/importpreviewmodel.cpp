#include "importpreviewmodel.h"

#include "api/language.h"
#include "apiclient.h"
#include "apireply.h"
#include "attributelistmodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <algorithm>
#include <chrono>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcImportPreview, "engage.import")

using namespace std::chrono_literals;

const QLatin1String kAttributePrefix("attribute:");

// What a value reads as in a change: status and the delivery flag in words,
// a language by its own name, the rest as the service wrote it.
QString valueText(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return QString(QChar(0x2014)); // em dash: no value
    if (field == QLatin1String("status")) {
        if (value == QLatin1String("active"))
            //: A member's status in an import's changes.
            return ImportPreviewModel::tr("active");
        if (value == QLatin1String("onLeave"))
            return ImportPreviewModel::tr("on leave");
        if (value == QLatin1String("left"))
            return ImportPreviewModel::tr("left");
    }
    if (field == QLatin1String("language")) {
        if (const auto language = api::languageFromCode(value))
            return api::languageName(*language);
    }
    if (field == QLatin1String("deliver")) {
        if (value == QLatin1String("true"))
            //: Whether a member receives surveys, in an import's changes.
            return ImportPreviewModel::tr("yes");
        if (value == QLatin1String("false"))
            return ImportPreviewModel::tr("no");
    }
    return value;
}

QString labelled(const QString &label, const QString &text)
{
    //: A field (or a column of the file, %1) and what is said about it (%2).
    return ImportPreviewModel::tr("%1: %2").arg(label, text);
}

QString reasonText(const QString &code)
{
    if (code == QLatin1String("required"))
        return ImportPreviewModel::tr("a value is required");
    if (code == QLatin1String("invalid"))
        return ImportPreviewModel::tr("the value is not valid");
    if (code == QLatin1String("tooLong"))
        return ImportPreviewModel::tr("the value is too long");
    if (code == QLatin1String("invalidDate"))
        return ImportPreviewModel::tr("not a date (write it as 2024-04-01)");
    if (code == QLatin1String("invalidNumber"))
        return ImportPreviewModel::tr("not a number");
    if (code == QLatin1String("invalidChoice"))
        return ImportPreviewModel::tr("not one of the attribute's choices");
    if (code == QLatin1String("unknownGroup"))
        return ImportPreviewModel::tr("no such group (choose to create new groups to add it)");
    if (code == QLatin1String("unknownMember"))
        return ImportPreviewModel::tr("no member has this ID");
    if (code == QLatin1String("duplicateInFile"))
        return ImportPreviewModel::tr("another row of the file has the same value");
    if (code == QLatin1String("emailTaken"))
        return ImportPreviewModel::tr("another member has this e-mail");
    if (code == QLatin1String("codeTaken"))
        return ImportPreviewModel::tr("another member has this employee code");
    if (code == QLatin1String("needsEmailOrCode"))
        return ImportPreviewModel::tr("a member needs an e-mail or an employee code");
    if (code == QLatin1String("ambiguous"))
        return ImportPreviewModel::tr("matches more than one member");
    return {};
}

} // namespace

ImportPreviewModel::ImportPreviewModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const api::ImportRow &row = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case RowColumn:
            return row.row;
        case KindColumn:
            return kindText(row.kind);
        case NameColumn:
            return row.displayName;
        case CodeColumn:
            return row.employeeCode;
        case ChangesColumn:
        case ErrorsColumn:
            //: Separates the changes (or errors) of one row of an import on one line.
            return joined(index.row(), column, tr("; "));
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ChangesColumn || column == ErrorsColumn)
            return joined(index.row(), column, QStringLiteral("\n"));
        return {};
    case Qt::TextAlignmentRole:
        if (column == RowColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KindRole:
        return static_cast<int>(row.kind);
    case MemberIdRole:
        return row.memberId.value_or(QString());
    default:
        return {};
    }
}

QString ImportPreviewModel::joined(int row, Column column, const QString &separator) const
{
    const api::ImportRow &entry = m_rows.at(row);
    QStringList parts;
    if (column == ChangesColumn) {
        for (const api::ImportFieldChange &change : entry.changes)
            parts << changeText(change, entry.kind == api::ImportRowKind::Added, m_attributes);
    } else {
        for (const api::ImportCellError &error : entry.errors)
            parts << errorText(error);
    }
    return parts.join(separator);
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RowColumn:
        //: Column of an import's preview: the row number in the file.
        return tr("Row");
    case KindColumn:
        //: Column of an import's preview: new, changed or error.
        return tr("Result");
    case NameColumn:
        return tr("Name");
    case CodeColumn:
        return tr("Employee code");
    case ChangesColumn:
        return tr("Changes");
    case ErrorsColumn:
        return tr("Problems");
    default:
        return {};
    }
}

bool ImportPreviewModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_importId.isEmpty() && m_rows.size() < m_total;
}

void ImportPreviewModel::fetchMore(const QModelIndex &parent)
{
    // One page at a time: views ask again and again while they scroll.
    if (!canFetchMore(parent) || isFetching())
        return;
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/member-imports/%1/preview?offset=%2&limit=%3")
                       .arg(m_importId)
                       .arg(m_rows.size())
                       .arg(m_pageSize);
    // The service works the dry run out again for each page.
    request.timeout = 120s;
    ApiReply *reply = m_client.send(request);
    m_pageReply = reply;
    Q_EMIT fetchingChanged(true);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_pageReply)
            return;
        // Still fetching while the rows go in: a view (or a tester) asking
        // for more from inside the insertion would ask for this page again.
        const auto done = qScopeGuard([this] {
            m_pageReply.clear();
            Q_EMIT fetchingChanged(false);
        });
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto page = api::importPreviewFromJson(reply->json().object());
        if (!page) {
            qCWarning(lcImportPreview) << "unreadable preview page, request" << reply->requestId();
            Q_EMIT failed(reply->unreadable(page.error().detail));
            return;
        }
        const QList<api::ImportRow> &rows = page.value().rows;
        if (rows.isEmpty()) {
            // Fewer rows than the counts promised: the list ends here.
            m_total = static_cast<int>(m_rows.size());
            return;
        }
        const int first = static_cast<int>(m_rows.size());
        const int count = std::min(static_cast<int>(rows.size()), m_total - first);
        beginInsertRows({}, first, first + count - 1);
        m_rows.append(rows.mid(0, count));
        endInsertRows();
    });
}

void ImportPreviewModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, api::kImportPreviewPageMax);
}

void ImportPreviewModel::reset(const QString &importId, const api::ImportPreview &firstPage)
{
    if (QPointer<ApiReply> previous = std::exchange(m_pageReply, nullptr)) {
        previous->abort();
        Q_EMIT fetchingChanged(false);
    }
    beginResetModel();
    m_importId = importId;
    m_rows = firstPage.rows;
    m_total = std::max(firstPage.added + firstPage.changed + firstPage.invalid,
                       static_cast<int>(m_rows.size()));
    endResetModel();
}

void ImportPreviewModel::clear()
{
    reset({}, {});
}

void ImportPreviewModel::setAttributes(const QList<api::Attribute> &attributes)
{
    m_attributes = attributes;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ChangesColumn),
                           index(static_cast<int>(m_rows.size()) - 1, ChangesColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

QString ImportPreviewModel::kindText(api::ImportRowKind kind)
{
    switch (kind) {
    case api::ImportRowKind::Added:
        //: A row of an import that adds a member.
        return tr("New");
    case api::ImportRowKind::Changed:
        //: A row of an import that changes a member.
        return tr("Changed");
    case api::ImportRowKind::Unchanged:
        return tr("Unchanged");
    case api::ImportRowKind::Invalid:
        //: A row of an import that cannot be imported.
        return tr("Error");
    }
    return {};
}

QString ImportPreviewModel::fieldText(const QString &target,
                                      const QList<api::Attribute> &attributes)
{
    if (target.startsWith(kAttributePrefix)) {
        const QString id = target.mid(kAttributePrefix.size());
        for (const api::Attribute &attribute : attributes) {
            if (attribute.id == id)
                return AttributeListModel::displayName(attribute.fields);
        }
        //: A column mapped to an attribute that no longer exists.
        return tr("Deleted attribute");
    }
    if (target == QLatin1String("memberId"))
        //: A target of an import's column: Engage's own id of a member.
        return tr("Member ID");
    if (target == QLatin1String("employeeCode"))
        return tr("Employee code");
    if (target == QLatin1String("email"))
        return tr("E-mail");
    if (target == QLatin1String("familyName"))
        return tr("Family name");
    if (target == QLatin1String("givenName"))
        return tr("Given name");
    if (target == QLatin1String("fullName"))
        //: A target of an import's column: family and given name in one cell.
        return tr("Full name (family name first)");
    if (target == QLatin1String("groupPath"))
        //: A target of an import's column: groups from the top, such as Head office/Sales/Tokyo.
        return tr("Group path");
    if (target == QLatin1String("groupCode"))
        return tr("Group code");
    if (target == QLatin1String("hireDate"))
        return tr("Hire date");
    if (target == QLatin1String("birthDate"))
        return tr("Date of birth");
    if (target == QLatin1String("employmentType"))
        return tr("Employment type");
    if (target == QLatin1String("grade"))
        return tr("Grade");
    if (target == QLatin1String("position"))
        return tr("Position");
    if (target == QLatin1String("jobCategory"))
        return tr("Job category");
    if (target == QLatin1String("status"))
        //: A target of an import's column: active, on leave or left.
        return tr("Status");
    if (target == QLatin1String("deliver"))
        return tr("Receives surveys");
    if (target == QLatin1String("memo"))
        return tr("Memo");
    if (target == QLatin1String("language"))
        //: A target of an import's column: the language of a member's e-mails and survey page.
        return tr("Language");
    return target;
}

QString ImportPreviewModel::errorText(const api::ImportCellError &error)
{
    QString reason = reasonText(error.code);
    if (reason.isEmpty())
        reason = error.detail;
    return error.column.isEmpty() ? reason : labelled(error.column, reason);
}

QString ImportPreviewModel::changeText(const api::ImportFieldChange &change, bool newMember,
                                       const QList<api::Attribute> &attributes)
{
    const QString field = fieldText(change.field, attributes);
    const QString after = valueText(change.field, change.after);
    if (newMember)
        return labelled(field, after);
    //: A field an import changes: the field (%1), its value before (%2) and after (%3).
    return tr("%1: %2 → %3").arg(field, valueText(change.field, change.before), after);
}

bool ImportPreviewModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool ImportPreviewModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

void ImportPreviewModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, KindColumn),
                           index(static_cast<int>(m_rows.size()) - 1, ErrorsColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace engage::models
