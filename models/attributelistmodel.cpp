#include "attributelistmodel.h"

#include "apiclient.h"
#include "apireply.h"
#include "models/latestread.h"
#include "models/rowlookup.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QUuid>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcAttributes, "engage.attributes")

const QString kAttributesPath = QStringLiteral("/api/v1/attributes");

bool japaneseUi()
{
    return QLocale().language() == QLocale::Japanese;
}

QByteArray ifMatch(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

ApiError unreadable(const ApiReply &reply, const QString &detail)
{
    qCWarning(lcAttributes) << "unreadable answer, request" << reply.requestId();
    return reply.unreadable(detail);
}

} // namespace

AttributeListModel::AttributeListModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_read(new LatestRead(client, this))
{
    connect(m_read, &LatestRead::loadingChanged, this, &AttributeListModel::loadingChanged);
    connect(m_read, &LatestRead::failed, this, &AttributeListModel::failed);
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

int AttributeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AttributeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const api::Attribute &attribute = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case NameColumn:
            return displayName(attribute.fields);
        case OtherNameColumn:
            return otherName(attribute.fields);
        case TypeColumn:
            return typeText(attribute.fields.type);
        case ChoicesColumn:
            if (attribute.fields.type != api::AttributeType::Choice)
                return QString(QChar(0x2014)); // em dash: no choices for this type
            return QLocale().toString(attribute.fields.choices.size());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ChoicesColumn)
            return attribute.fields.choices.join(u'\n');
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ChoicesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AttributeIdRole:
        return attribute.id;
    case TypeRole:
        return static_cast<int>(attribute.fields.type);
    case RevisionRole:
        return attribute.revision;
    default:
        return {};
    }
}

QVariant AttributeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        //: Column of the attributes table: the name in the language of the user interface.
        return tr("Name");
    case OtherNameColumn:
        //: Column of the attributes table: the name in the other language (English in a
        //: Japanese user interface, Japanese in an English one).
        return japaneseUi() ? tr("Name in English") : tr("Name in Japanese");
    case TypeColumn:
        return tr("Type");
    case ChoicesColumn:
        return tr("Choices");
    default:
        return {};
    }
}

int AttributeListModel::rowOf(const QString &attributeId) const
{
    return rowWithId(m_rows, attributeId);
}

const api::Attribute *AttributeListModel::attribute(const QString &attributeId) const
{
    const int row = rowOf(attributeId);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QString AttributeListModel::displayName(const api::AttributeFields &fields)
{
    return japaneseUi() ? fields.nameJa : fields.nameEn;
}

QString AttributeListModel::otherName(const api::AttributeFields &fields)
{
    return japaneseUi() ? fields.nameEn : fields.nameJa;
}

QString AttributeListModel::typeText(api::AttributeType type)
{
    switch (type) {
    case api::AttributeType::Choice:
        //: Type of an attribute: one of a list of choices.
        return tr("Choice");
    case api::AttributeType::Number:
        return tr("Number");
    case api::AttributeType::Date:
        return tr("Date");
    case api::AttributeType::Text:
        return tr("Text");
    }
    return {};
}

QString AttributeListModel::attributePath(const QString &id)
{
    return kAttributesPath + u'/' + id;
}

void AttributeListModel::reload()
{
    m_read->start(kAttributesPath, [this](const QJsonObject &answer) -> std::optional<QString> {
        auto list = api::attributeListFromJson(answer);
        if (!list)
            return list.error().detail;
        beginResetModel();
        m_rows = list.takeValue();
        endResetModel();
        Q_EMIT loaded();
        return std::nullopt;
    });
}

void AttributeListModel::create(const api::AttributeFields &fields)
{
    ApiRequest request;
    request.method = "POST";
    request.path = kAttributesPath;
    request.body = api::toJson(fields);
    // One key per attribute: a retry after a lost answer creates no second one.
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->isOk()) {
            onEditFailed(Edit::Create, {}, reply->error());
            return;
        }
        const auto attribute = api::attributeFromJson(reply->json().object());
        if (!attribute) {
            Q_EMIT editFailed(Edit::Create, unreadable(*reply, attribute.error().detail));
            return;
        }
        if (rowOf(attribute.value().id) >= 0) {
            store(attribute.value());
        } else {
            const int row = static_cast<int>(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(attribute.value());
            endInsertRows();
        }
        Q_EMIT created(attribute.value());
    });
}

void AttributeListModel::update(int row, const api::AttributeFields &fields)
{
    Q_ASSERT_X(row >= 0 && row < m_rows.size(), "AttributeListModel", "row out of range");
    if (row < 0 || row >= m_rows.size())
        return;
    const api::Attribute &current = m_rows.at(row);
    ApiRequest request;
    request.method = "PUT";
    request.path = attributePath(current.id);
    request.body = api::toJson(fields);
    request.ifMatch = ifMatch(current.revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, id = current.id] {
        if (!reply->isOk()) {
            onEditFailed(Edit::Update, id, reply->error());
            return;
        }
        const auto attribute = api::attributeFromJson(reply->json().object());
        if (!attribute) {
            Q_EMIT editFailed(Edit::Update, unreadable(*reply, attribute.error().detail));
            return;
        }
        store(attribute.value());
        Q_EMIT updated(attribute.value());
    });
}

void AttributeListModel::remove(int row)
{
    Q_ASSERT_X(row >= 0 && row < m_rows.size(), "AttributeListModel", "row out of range");
    if (row < 0 || row >= m_rows.size())
        return;
    const api::Attribute &current = m_rows.at(row);
    ApiRequest request;
    request.method = "DELETE";
    request.path = attributePath(current.id);
    request.ifMatch = ifMatch(current.revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, id = current.id] {
        if (!reply->isOk()) {
            onEditFailed(Edit::Remove, id, reply->error());
            return;
        }
        const int gone = rowOf(id);
        if (gone >= 0) {
            beginRemoveRows({}, gone, gone);
            m_rows.removeAt(gone);
            endRemoveRows();
        }
        Q_EMIT removed(id);
    });
}

void AttributeListModel::store(const api::Attribute &attribute)
{
    const int row = rowOf(attribute.id);
    if (row < 0)
        return; // a reload since the edit began no longer lists it
    m_rows[row] = attribute;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AttributeListModel::onEditFailed(Edit edit, const QString &attributeId, const ApiError &error)
{
    // Changed or deleted by someone else: the list is what is out of date.
    const bool stale = error.code == api::ProblemCode::PreconditionFailed ||
                       (edit != Edit::Create && error.code == api::ProblemCode::NotFound);
    if (stale)
        Q_EMIT staleEdit(attributeId);
    else
        Q_EMIT editFailed(edit, error);
}

bool AttributeListModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool AttributeListModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

// Which name is "the" name follows the language, as do the type names.
void AttributeListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole});
}

} // namespace engage::models
