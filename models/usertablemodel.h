#pragma once

#include "api/person.h"
#include "api/personrequests.h"
#include "api/role.h"
#include "apierror.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QString>
#include <functional>

namespace engage::models {

class ApiClient;
class ApiReply;

// The tenant's administrators (GET /api/v1/users), loaded whole: a tenant has
// tens of them, not thousands. Edits go through the service with If-Match; the
// model changes only when the service agreed.
class UserTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserTableModel)

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        RoleColumn,
        StatusColumn,
        LastSignInColumn,
        ColumnCount
    };
    enum Roles
    {
        PersonIdRole = Qt::UserRole + 1,
        RoleRole,   // api::Role as int
        StatusRole, // api::PersonStatus as int
        EtagRole,   // QByteArray
    };

    explicit UserTableModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const api::Person &personAt(int row) const;
    int rowOf(const QString &personId) const; // -1 when absent
    bool isLoading() const { return m_loading; }

    void reload();
    // People per request while loading (the service caps it at 200); the
    // model follows the cursor until the list is whole.
    void setPageSize(int rows) { m_pageSize = rows; }
    // POST with an Idempotency-Key; invited() carries the first password, once.
    void invite(const QString &displayName, const QString &email, api::Role role);
    void setRole(int row, api::Role role);
    void setStatus(int row, api::PersonStatus status); // deactivate / reactivate
    void remove(int row);

    // Role names in the UI language ("Owner", "管理者", ...).
    static QString roleText(api::Role role);
    static QString statusText(api::PersonStatus status);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void invited(const engage::api::Person &person, const QString &initialPassword);
    // Someone else changed the person since it was loaded (412): offer to reload.
    void staleEdit(const QString &personId);
    void failed(const engage::models::ApiError &error);

protected:
    bool event(QEvent *event) override; // LanguageChange → headerDataChanged
    // QCoreApplication sends LanguageChange to itself (and on to widgets
    // only), so the model watches the application object too.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        api::Person person;
        QByteArray etag; // empty until read: the list answers without ETags
    };
    using Edit = std::function<void(const QString &personId, const QByteArray &etag)>;

    void fetchPage(const QString &cursor);
    void setLoading(bool loading);
    void withEtag(int row, Edit edit);
    void patch(int row, const api::PersonPatch &change);
    void store(const api::Person &person, const QByteArray &etag);
    void editFailed(const QString &personId, const ApiError &error);
    void retranslate();

    ApiClient &m_client;
    QList<Row> m_rows;
    QList<Row> m_incoming; // pages of the reload under way
    QPointer<ApiReply> m_listReply;
    bool m_loading = false;
    int m_pageSize = 200;
};

} // namespace engage::models
