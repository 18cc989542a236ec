#include "questionbankmodel.h"

#include "api/questionbank.h"
#include "dashboard/dashboardtext.h"
#include "questionlistmodel.h"

#include <QMimeData>

namespace engage::models {

namespace {

// Items carry their factor's row + 1; factors carry 0.
constexpr quintptr kFactorLevel = 0;

} // namespace

QuestionBankModel::QuestionBankModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    const QList<api::Factor> factors = api::allFactors();
    m_items.resize(factors.size());
    for (const api::BankItem &item : api::questionBank())
        m_items[factors.indexOf(item.factor)].append(item.index);
    followLanguage(this, [this] { announceRetranslation(*this); });
}

QModelIndex QuestionBankModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_items.size() ? createIndex(row, 0, kFactorLevel) : QModelIndex();
    if (parent.internalId() != kFactorLevel || row >= m_items.at(parent.row()).size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex QuestionBankModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kFactorLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kFactorLevel);
}

int QuestionBankModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_items.size());
    if (parent.internalId() == kFactorLevel && parent.column() == 0)
        return static_cast<int>(m_items.at(parent.row()).size());
    return 0;
}

int QuestionBankModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return 1;
}

QVariant QuestionBankModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool japanese = DashboardText::japaneseUi();
    if (index.internalId() == kFactorLevel) {
        const api::FactorInfo &factor = api::factors().at(index.row());
        if (role == Qt::DisplayRole)
            return japanese ? factor.nameJa : factor.nameEn;
        if (role == Qt::ToolTipRole)
            return japanese ? factor.nameEn : factor.nameJa;
        return {};
    }
    const int factorRow = int(index.internalId() - 1);
    const api::BankItem &item = api::questionBank().at(m_items.at(factorRow).at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return japanese ? item.textJa : item.textEn;
    case Qt::ToolTipRole:
        return japanese ? item.textEn : item.textJa;
    case BankItemIdRole:
        return item.id;
    default:
        return {};
    }
}

Qt::ItemFlags QuestionBankModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kFactorLevel)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList QuestionBankModel::mimeTypes() const
{
    return {QuestionListModel::kBankItemMimeType};
}

QMimeData *QuestionBankModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        const QString id = index.data(BankItemIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QuestionListModel::kBankItemMimeType, ids.join(u'\n').toUtf8());
    return data;
}

Qt::DropActions QuestionBankModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

QModelIndex QuestionBankModel::indexOf(const QString &bankItemId) const
{
    const api::BankItem *item = api::bankItem(bankItemId);
    if (!item)
        return {};
    const int factorRow = static_cast<int>(api::allFactors().indexOf(item->factor));
    const int row = static_cast<int>(m_items.at(factorRow).indexOf(item->index));
    return index(row, 0, index(factorRow, 0));
}

} // namespace engage::models
