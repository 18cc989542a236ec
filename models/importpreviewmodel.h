#pragma once

#include "api/attribute.h"
#include "api/memberimport.h"
#include "apierror.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// The rows of an import's dry run that would change something (added, changed
// and invalid rows; unchanged ones are only counted): the first page as the
// MemberImportSession loaded it, the rest fetched page by page as the view
// scrolls (canFetchMore/fetchMore over GET .../preview?offset=&limit=). The
// preview API has no filter, so the rows loaded stay. KindRole tells the view
// how to colour a row; the kind column says it in words too.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    enum Column
    {
        RowColumn, // the data row of the file, 1-based
        KindColumn,
        NameColumn,
        CodeColumn,
        ChangesColumn, // "field: before → after", one per change
        ErrorsColumn,  // "column: reason", one per error
        ColumnCount
    };
    enum Roles
    {
        KindRole = Qt::UserRole + 1, // api::ImportRowKind as int
        MemberIdRole,                // the matched member's id, empty for added rows
    };

    explicit ImportPreviewModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Rows per request for the pages after the first (1-5000).
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // The first page of import `importId`'s dry run; its counts say how many
    // rows there are in all.
    void reset(const QString &importId, const api::ImportPreview &firstPage);
    void clear();
    // The tenant's attributes, to name "attribute:<id>" fields.
    void setAttributes(const QList<api::Attribute> &attributes);

    const api::ImportRow &rowAt(int row) const { return m_rows.at(row); }
    // Added, changed and invalid rows in all, loaded or not.
    int totalRows() const { return m_total; }
    bool isFetching() const { return !m_pageReply.isNull(); }

    // In the UI language.
    static QString kindText(api::ImportRowKind kind);
    // A target of the mapping ("hireDate", "attribute:<id>") as the user reads it.
    static QString fieldText(const QString &target, const QList<api::Attribute> &attributes);
    // "column: reason" (just the reason for the whole row), the reason chosen
    // by the error's code; the service's detail when the code is unknown.
    static QString errorText(const api::ImportCellError &error);
    // "field: value" for a new member, "field: before → after" otherwise.
    static QString changeText(const api::ImportFieldChange &change, bool newMember,
                              const QList<api::Attribute> &attributes);

Q_SIGNALS:
    void fetchingChanged(bool fetching);
    void failed(const engage::models::ApiError &error);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString joined(int row, Column column, const QString &separator) const;
    void retranslate();

    ApiClient &m_client;
    QString m_importId;
    QList<api::ImportRow> m_rows;
    QList<api::Attribute> m_attributes;
    int m_total = 0;
    int m_pageSize = api::kImportPreviewPageDefault;
    QPointer<ApiReply> m_pageReply;
};

} // namespace engage::models
