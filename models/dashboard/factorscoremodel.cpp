#include "factorscoremodel.h"

#include "dashboardtext.h"
#include "scoreroles.h"

#include <QLocale>

namespace engage::models {

namespace {

// An index's internal id names its node: the row of its factor, sub-item and
// item, each plus one (0: not that deep), a byte each. The bank has ten
// factors, a few sub-items per factor and a few items per sub-item.
struct Node
{
    int factor = -1;
    int subItem = -1;
    int item = -1;

    static Node of(quintptr id)
    {
        return Node{int(id & 0xff) - 1, int((id >> 8) & 0xff) - 1, int((id >> 16) & 0xff) - 1};
    }
    quintptr id() const
    {
        return quintptr(factor + 1) | quintptr(subItem + 1) << 8 | quintptr(item + 1) << 16;
    }
    Node parent() const
    {
        if (item >= 0)
            return Node{factor, subItem, -1};
        return Node{factor, -1, -1};
    }
    int row() const { return item >= 0 ? item : subItem >= 0 ? subItem : factor; }
};

} // namespace

FactorScoreModel::FactorScoreModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void FactorScoreModel::setBreakdown(const api::FactorBreakdown &breakdown)
{
    beginResetModel();
    m_breakdown = breakdown;
    endResetModel();
}

QModelIndex FactorScoreModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node node;
    if (!parent.isValid()) {
        node.factor = row;
    } else {
        node = Node::of(parent.internalId());
        if (node.subItem < 0)
            node.subItem = row;
        else
            node.item = row;
    }
    return createIndex(row, column, node.id());
}

QModelIndex FactorScoreModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node node = Node::of(child.internalId());
    if (node.subItem < 0)
        return {};
    const Node parentNode = node.parent();
    return createIndex(parentNode.row(), 0, parentNode.id());
}

int FactorScoreModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_breakdown.factors.size());
    if (parent.column() != 0)
        return 0;
    const Node node = Node::of(parent.internalId());
    const api::FactorScore &factor = m_breakdown.factors.at(node.factor);
    if (node.subItem < 0)
        return int(factor.subItems.size());
    if (node.item < 0)
        return int(factor.subItems.at(node.subItem).items.size());
    return 0;
}

int FactorScoreModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FactorScoreModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node node = Node::of(index.internalId());
    const api::FactorScore &factor = m_breakdown.factors.at(node.factor);
    const api::SubItemScore *subItem =
        node.subItem >= 0 ? &factor.subItems.at(node.subItem) : nullptr;
    const api::ItemScore *item =
        subItem && node.item >= 0 ? &subItem->items.at(node.item) : nullptr;
    const api::Score &score = item ? item->score : subItem ? subItem->score : factor.score;
    if (role == ScoreIdRole)
        return item ? item->itemId : subItem ? subItem->subItemId : api::factorId(factor.factor);

    switch (static_cast<Column>(index.column())) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return item      ? itemText(item->itemId)
                   : subItem ? subItemName(subItem->subItemId)
                             : factorName(factor.factor);
        return {};
    case ScoreColumn:
        return scoreData(score, m_breakdown.slice.threshold, role);
    case ChangeColumn:
        if (role == Qt::DisplayRole)
            return formatChange(score.change);
        if (role == ChangeRole)
            return score.change ? QVariant(*score.change) : QVariant();
        if (role == Qt::TextAlignmentRole)
            return DashboardText::alignedNumber();
        if (role == Qt::ToolTipRole && score.change)
            return tr("Change from the previous round.");
        return {};
    case BenchmarkColumn:
        if (subItem || !factor.benchmark)
            return {};
        if (role == Qt::DisplayRole)
            return QLocale().toString(*factor.benchmark, 'f', 1);
        if (role == ScoreValueRole)
            return *factor.benchmark;
        if (role == Qt::TextAlignmentRole)
            return DashboardText::alignedNumber();
        return {};
    case RespondentsColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(score.respondents);
        if (role == RespondentsRole)
            return score.respondents;
        if (role == Qt::TextAlignmentRole)
            return DashboardText::alignedNumber();
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FactorScoreModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        //: Column of the factor table: engagement, the factors, their sub-items and questions.
        return tr("Factor");
    case ScoreColumn:
        return tr("Score");
    case ChangeColumn:
        return tr("Change");
    case BenchmarkColumn:
        //: Column of the factor table: the tenant's own target or industry figure.
        return tr("Benchmark");
    case RespondentsColumn:
        return tr("Respondents");
    default:
        return {};
    }
}

} // namespace engage::models
