#pragma once

#include "api/attribute.h"
#include "apierror.h"
#include "latestread.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// The attributes the tenant defines for its members (GET /api/v1/attributes),
// loaded whole (at most api::kAttributesMax), in the tenant's order. Edits go
// through the service (PUT and DELETE with If-Match on the revision); the
// model changes only when the service agreed.
class AttributeListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeListModel)

public:
    enum Column
    {
        NameColumn,      // in the UI language
        OtherNameColumn, // in the other language
        TypeColumn,
        ChoicesColumn, // how many, for type choice
        ColumnCount
    };
    enum Roles
    {
        AttributeIdRole = Qt::UserRole + 1,
        TypeRole,     // api::AttributeType as int
        RevisionRole, // qint64
    };
    // What was refused, so that the page can say why (a 409 means a full
    // list on create, a choice members hold on update).
    enum class Edit
    {
        Create,
        Update,
        Remove,
    };
    Q_ENUM(Edit)

    explicit AttributeListModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const api::Attribute &attributeAt(int row) const { return m_rows.at(row); }
    const QList<api::Attribute> &attributes() const { return m_rows; }
    int rowOf(const QString &attributeId) const;                       // -1 when absent
    const api::Attribute *attribute(const QString &attributeId) const; // nullptr when absent
    bool isLoading() const { return m_read->isLoading(); }

    void reload();
    // POST with an Idempotency-Key; created() once the service agreed.
    void create(const api::AttributeFields &fields);
    void update(int row, const api::AttributeFields &fields);
    void remove(int row);

    // In the UI language: the name in Japanese when the UI is Japanese, else
    // in English, and the other one.
    static QString displayName(const api::AttributeFields &fields);
    static QString otherName(const api::AttributeFields &fields);
    static QString typeText(api::AttributeType type);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void created(const engage::api::Attribute &attribute);
    void updated(const engage::api::Attribute &attribute);
    void removed(const QString &attributeId);
    // Someone else changed or deleted the attribute since it was loaded (412).
    void staleEdit(const QString &attributeId);
    void editFailed(engage::models::AttributeListModel::Edit edit,
                    const engage::models::ApiError &error);
    void failed(const engage::models::ApiError &error); // loading the list

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static QString attributePath(const QString &id);
    void store(const api::Attribute &attribute);
    void onEditFailed(Edit edit, const QString &attributeId, const ApiError &error);
    void retranslate();

    ApiClient &m_client;
    QList<api::Attribute> m_rows;
    LatestRead *m_read;
};

} // namespace engage::models
