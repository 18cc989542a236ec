#pragma once

#include <QAbstractItemModel>

namespace engage::models {

// The engagement question bank (api::questionBank()) as a tree for the
// builder's "add from the bank": the factors, each with its questions, in
// the UI language (the other language in the tooltip). Questions drag into
// the builder's question list (QuestionListModel::kBankItemMimeType).
class QuestionBankModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionBankModel)

public:
    enum Roles
    {
        BankItemIdRole = Qt::UserRole + 1, // empty on a factor
    };

    explicit QuestionBankModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    // Invalid when the bank has no such item.
    QModelIndex indexOf(const QString &bankItemId) const;

private:
    // Bank indexes of each factor's items, in bank order.
    QList<QList<int>> m_items;
};

} // namespace engage::models
