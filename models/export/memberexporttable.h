#pragma once

#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "exportspec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace engage::models {

// Members in the member import's own format, so that an export imports back
// unchanged: a member id column first (the import matches by it), the fields
// under headers the importer recognises in Japanese or English (社員番号 /
// Employee code, 所属 / Group path, ...), the group as its path from the top
// ("本社/営業部"), status and delivery as words the importer reads, dates as
// dates, then one column per attribute under its name in the language.
//
// The headers are the import format's vocabulary rather than translations:
// a translated header the importer does not know would break the round trip,
// so both languages' headers are fixed here (tst_memberexport checks each
// against the real importer).
class MemberExportTable final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberExportTable)

public:
    // `language` "ja" or "en": the headers, attribute names and words.
    explicit MemberExportTable(QString language, QObject *parent = nullptr);

    void setMembers(QList<api::Member> members, const QList<api::Group> &groups,
                    QList<api::Attribute> attributes);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The import target of a column ("employeeCode", "attribute:<id>").
    QString targetOf(int column) const;

private:
    // How the column goes into a workbook (ExportFormatRole): codes stay
    // text, dates and numeric attributes are dates and numbers.
    CellFormat formatOf(int column) const;
    QVariant fieldValue(const api::Member &member, int field) const;
    QVariant attributeValue(const api::Member &member, const api::Attribute &attribute) const;

    QString m_language;
    QList<api::Member> m_members;
    QHash<QString, QString> m_groupPaths; // group id -> "本社/営業部"
    QList<api::Attribute> m_attributes;
};

} // namespace engage::models
