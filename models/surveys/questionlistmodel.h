#pragma once

#include <QAbstractListModel>

namespace engage::models {

class SurveyDocument;

// The questions of a SurveyDocument as the builder lists them: the text in
// the UI language, with roles for the type, whether the question is
// required and whether a translation is missing. Reordering goes through the
// document, so that it is undoable: drag and drop within a view (moveRows,
// or a drop of this model's own mime data) and the builder's Move up/down.
// Items of the question bank dropped on the list are added there.
class QuestionListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionListModel)

public:
    enum Roles
    {
        QuestionIdRole = Qt::UserRole + 1,
        TypeRole,               // api::QuestionType as int
        RequiredRole,           // bool
        MissingTranslationRole, // bool: a text or a choice in one language only
    };

    // Questions of this list, by row.
    static const QString kQuestionMimeType;
    // Items of QuestionBankModel, by id.
    static const QString kBankItemMimeType;

    explicit QuestionListModel(SurveyDocument &document);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // One row at a time, as the document's move command.
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

private:
    friend class SurveyDocument;

    SurveyDocument &m_document;
};

} // namespace engage::models
