#include "questionlistmodel.h"

#include "dashboard/dashboardtext.h"
#include "surveydocument.h"
#include "surveytext.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QUndoStack>
#include <algorithm>

namespace engage::models {

const QString QuestionListModel::kQuestionMimeType =
    QStringLiteral("application/x-engage-survey-question");
const QString QuestionListModel::kBankItemMimeType =
    QStringLiteral("application/x-engage-bank-item");

namespace {

// The rows a drag carries, as QDataStream writes them.
QList<int> draggedRows(const QMimeData *data)
{
    QList<int> rows;
    QByteArray bytes = data->data(QuestionListModel::kQuestionMimeType);
    QDataStream in(&bytes, QIODevice::ReadOnly);
    in >> rows;
    return in.status() == QDataStream::Ok ? rows : QList<int>();
}

QStringList draggedBankItems(const QMimeData *data)
{
    return QString::fromUtf8(data->data(QuestionListModel::kBankItemMimeType))
        .split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

QuestionListModel::QuestionListModel(SurveyDocument &document)
    : m_document(document)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

int QuestionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document.definition().questions.size());
}

QVariant QuestionListModel::data(const QModelIndex &index, int role) const
{
    const QList<api::Question> &questions = m_document.definition().questions;
    if (!index.isValid() || index.parent().isValid() || index.row() >= questions.size())
        return {};
    const api::Question &question = questions.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // Without its number: a row's number changes with every insertion
        // above it, its data must not (the view numbers the rows).
        const QString text = SurveyText::inUiLanguage(question.text).simplified();
        return text.isEmpty() ? tr("(no text yet)") : text;
    }
    case Qt::ToolTipRole: {
        QString tip = SurveyText::questionTypeText(question.type);
        if (!question.required)
            tip += u'\n' + tr("Optional");
        if (SurveyDocument::missesTranslation(question))
            tip += u'\n' + tr("A translation is missing.");
        return tip;
    }
    case QuestionIdRole:
        return question.id;
    case TypeRole:
        return static_cast<int>(question.type);
    case RequiredRole:
        return question.required;
    case MissingTranslationRole:
        return SurveyDocument::missesTranslation(question);
    default:
        return {};
    }
}

Qt::ItemFlags QuestionListModel::flags(const QModelIndex &index) const
{
    // Items are dragged; drops go between them (onto the root), never onto one.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

Qt::DropActions QuestionListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions QuestionListModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QStringList QuestionListModel::mimeTypes() const
{
    return {kQuestionMimeType, kBankItemMimeType};
}

QMimeData *QuestionListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << rows;
    auto *data = new QMimeData;
    data->setData(kQuestionMimeType, bytes);
    return data;
}

bool QuestionListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                        int column, const QModelIndex &parent) const
{
    Q_UNUSED(row);
    Q_UNUSED(column);
    Q_UNUSED(parent);
    if (!data)
        return false;
    if (data->hasFormat(kQuestionMimeType))
        return action == Qt::MoveAction && !draggedRows(data).isEmpty();
    if (data->hasFormat(kBankItemMimeType))
        return (action == Qt::CopyAction || action == Qt::MoveAction) &&
               m_document.canAddQuestion();
    return false;
}

// A drop names the row it goes before (-1: the end; onto an item: before it).
bool QuestionListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                     int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    int before = parent.isValid() ? parent.row() : row;
    if (before < 0 || before > rowCount())
        before = rowCount();
    if (data->hasFormat(kBankItemMimeType)) {
        bool added = false;
        for (const QString &id : draggedBankItems(data)) {
            const int at = m_document.addBankQuestion(id, before);
            if (at >= 0) {
                before = at + 1;
                added = true;
            }
        }
        return added;
    }
    // The dragged rows land together at the drop, in their order, as one
    // step to undo. The move is done here, so the view must not remove the
    // source rows afterwards: this model has no removeRows() for it to call.
    QStringList ids;
    for (const int dragged : draggedRows(data)) {
        if (dragged >= 0 && dragged < rowCount())
            ids.append(m_document.definition().questions.at(dragged).id);
    }
    if (ids.isEmpty())
        return false;
    QUndoStack *undo = m_document.undoStack();
    if (ids.size() > 1)
        undo->beginMacro(tr("Move %n question(s)", nullptr, static_cast<int>(ids.size())));
    int target = before;
    for (const QString &id : std::as_const(ids)) {
        const int from = m_document.rowOf(id);
        m_document.moveQuestion(from, from < target ? target - 1 : target);
        target = m_document.rowOf(id) + 1;
    }
    if (ids.size() > 1)
        undo->endMacro();
    return true;
}

bool QuestionListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                 const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1)
        return false;
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    return m_document.moveQuestion(sourceRow, to);
}

} // namespace engage::models
