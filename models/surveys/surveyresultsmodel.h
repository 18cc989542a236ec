#pragma once

#include "api/surveyresults.h"
#include "models/apierror.h"

#include <QAbstractItemModel>
#include <QString>

namespace engage::models {

class ApiClient;
class LatestRead;

// The results of a custom survey's round for one slice
// (GET /api/v1/rounds/{id}/results), as a tree: one top-level row per
// question in the survey's order and, below a shown question, one row per
// scale point or option (its count and share of the question's
// respondents) or per free-text answer. A withheld question has no rows
// below it; its note says why, in the words of the anonymity rules. Texts
// come in the order the service gives (no respondent, no time).
class SurveyResultsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyResultsModel)

public:
    enum Column
    {
        LabelColumn, // question text, scale point or option, or the answer's text
        CountColumn, // a question's respondents; a point's or option's count
        ShareColumn, // a point's or option's share of the question's respondents
        NoteColumn,  // a question's mean, or why it is withheld
        ColumnCount
    };
    enum class RowKind
    {
        Question,
        Answer, // a scale point or an option
        Text,   // a free-text answer
    };
    Q_ENUM(RowKind)
    enum Roles
    {
        RowKindRole = Qt::UserRole + 1, // RowKind as int
        QuestionIdRole,
        QuestionTypeRole, // api::QuestionType as int
        WithheldRole,     // api::Withheld as int (question rows)
        CountRole,        // qint64
        ShareRole,        // double 0..1 (answer rows), invalid otherwise
        MeanRole,         // double (shown scale questions), invalid otherwise
    };

    explicit SurveyResultsModel(ApiClient &client, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Loads the round's results for `query`; the newest load wins.
    void load(const QString &roundId, const api::SurveyResultsQuery &query = {});
    void reload();
    // Shows results read elsewhere.
    void setResults(const api::SurveyResults &results);
    void clear();

    bool isLoading() const;
    bool hasResults() const { return m_results.has_value(); }
    const std::optional<api::SurveyResults> &results() const { return m_results; }
    QString roundId() const { return m_roundId; }
    api::SurveyResultsQuery query() const { return m_query; }

    // What the slice shows and what the anonymity rules withhold, in a
    // sentence or two for the view's status line; empty without results.
    QString anonymityText() const;
    // Why a question is withheld, or empty when shown.
    static QString withheldText(const api::QuestionResult &question,
                                const api::ResultsSlice &slice);
    // A scale point's or option's label: "1", "0 (lowest)", the option's text.
    static QString answerLabel(const api::Question &question, int position);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void failed(const engage::models::ApiError &error);

private:
    const api::QuestionResult *questionAt(const QModelIndex &index) const;
    QVariant questionData(const api::QuestionResult &question, int column, int role) const;
    QVariant childData(const api::QuestionResult &question, int row, int column, int role) const;
    void retranslate();

    LatestRead *m_read;
    QString m_roundId;
    api::SurveyResultsQuery m_query;
    std::optional<api::SurveyResults> m_results;
};

} // namespace engage::models
