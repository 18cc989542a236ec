#include "surveyresultsmodel.h"

#include "dashboard/dashboardtext.h"
#include "latestread.h"
#include "surveytext.h"

#include <QLocale>
#include <QUrlQuery>
#include <climits>
#include <utility>

namespace engage::models {

namespace {

// A child row's internal id is its question's row + 1; a question's is 0.
constexpr quintptr kQuestionRow = 0;

bool isScale(api::QuestionType type)
{
    return type == api::QuestionType::Agreement5 || type == api::QuestionType::Agreement7 ||
           type == api::QuestionType::Scale11;
}

int childCount(const api::QuestionResult &question)
{
    if (question.withheld != api::Withheld::No)
        return 0;
    return int(question.question.type == api::QuestionType::FreeText ? question.texts.size()
                                                                     : question.counts.size());
}

QString formatShare(double share)
{
    //: A share of a question's respondents, e.g. "25.0%"; %1 is the number in the UI language.
    return SurveyResultsModel::tr("%1%").arg(QLocale().toString(share * 100.0, 'f', 1));
}

QString formatMean(double mean)
{
    //: The mean of a scale question's answers; %1 is the number, two decimals.
    return SurveyResultsModel::tr("Mean %1").arg(QLocale().toString(mean, 'f', 2));
}

} // namespace

SurveyResultsModel::SurveyResultsModel(ApiClient &client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_read(new LatestRead(client, this))
{
    followLanguage(this, [this] { retranslate(); });
    connect(m_read, &LatestRead::loadingChanged, this, &SurveyResultsModel::loadingChanged);
    connect(m_read, &LatestRead::failed, this, &SurveyResultsModel::failed);
}

bool SurveyResultsModel::isLoading() const
{
    return m_read->isLoading();
}

QModelIndex SurveyResultsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kQuestionRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex SurveyResultsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kQuestionRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kQuestionRow);
}

int SurveyResultsModel::rowCount(const QModelIndex &parent) const
{
    if (!m_results)
        return 0;
    if (!parent.isValid())
        return int(m_results->questions.size());
    if (parent.internalId() != kQuestionRow || parent.column() != 0)
        return 0;
    return childCount(m_results->questions.at(parent.row()));
}

int SurveyResultsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const api::QuestionResult *SurveyResultsModel::questionAt(const QModelIndex &index) const
{
    if (!m_results || !index.isValid())
        return nullptr;
    const qsizetype row =
        index.internalId() == kQuestionRow ? index.row() : qsizetype(index.internalId() - 1);
    if (row < 0 || row >= m_results->questions.size())
        return nullptr;
    return &m_results->questions.at(row);
}

QVariant SurveyResultsModel::data(const QModelIndex &index, int role) const
{
    const api::QuestionResult *question = questionAt(index);
    if (!question || index.column() >= ColumnCount)
        return {};
    if (role == QuestionIdRole)
        return question->question.id;
    if (role == QuestionTypeRole)
        return static_cast<int>(question->question.type);
    if (index.internalId() == kQuestionRow)
        return questionData(*question, index.column(), role);
    if (index.row() >= childCount(*question))
        return {};
    return childData(*question, index.row(), index.column(), role);
}

QVariant SurveyResultsModel::questionData(const api::QuestionResult &question, int column,
                                          int role) const
{
    const QString why = withheldText(question, m_results->slice);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case LabelColumn:
            return SurveyText::inUiLanguage(question.question.text);
        case CountColumn:
            return QLocale().toString(question.respondents);
        case NoteColumn:
            if (!why.isEmpty())
                return why;
            return question.mean ? formatMean(*question.mean) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == CountColumn)
            //: How many in the slice answered a question.
            return tr("%Ln respondent(s) answered this question.", nullptr,
                      int(std::min<qint64>(question.respondents, INT_MAX)));
        if (column == LabelColumn)
            return SurveyText::questionTypeText(question.question.type);
        return why.isEmpty() ? QVariant() : QVariant(why);
    case Qt::TextAlignmentRole:
        return column == CountColumn ? DashboardText::alignedNumber() : QVariant();
    case RowKindRole:
        return static_cast<int>(RowKind::Question);
    case WithheldRole:
        return static_cast<int>(question.withheld);
    case CountRole:
        return question.respondents;
    case MeanRole:
        return question.mean ? QVariant(*question.mean) : QVariant();
    default:
        return {};
    }
}

QVariant SurveyResultsModel::childData(const api::QuestionResult &question, int row, int column,
                                       int role) const
{
    if (question.question.type == api::QuestionType::FreeText) {
        const QString &text = question.texts.at(row);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return column == LabelColumn ? QVariant(text) : QVariant();
        case RowKindRole:
            return static_cast<int>(RowKind::Text);
        default:
            return {};
        }
    }
    const qint64 count = question.counts.at(row);
    const double share =
        question.respondents > 0 ? double(count) / double(question.respondents) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case LabelColumn:
            return answerLabel(question.question, row);
        case CountColumn:
            return QLocale().toString(count);
        case ShareColumn:
            return formatShare(share);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == LabelColumn || column == NoteColumn)
            return {};
        //: %1 answers of %2 respondents to the question.
        return tr("%1 of %Ln respondent(s) gave this answer.", nullptr,
                  int(std::min<qint64>(question.respondents, INT_MAX)))
            .arg(QLocale().toString(count));
    case Qt::TextAlignmentRole:
        return column == CountColumn || column == ShareColumn ? DashboardText::alignedNumber()
                                                              : QVariant();
    case RowKindRole:
        return static_cast<int>(RowKind::Answer);
    case CountRole:
        return count;
    case ShareRole:
        return share;
    default:
        return {};
    }
}

QVariant SurveyResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        //: Column of the survey results: the question, or below it an answer.
        return tr("Question");
    case CountColumn:
        //: Column of the survey results: how many respondents.
        return tr("Respondents");
    case ShareColumn:
        //: Column of the survey results: an answer's share of the question's respondents.
        return tr("Share");
    case NoteColumn:
        //: Column of the survey results: the mean of a scale, or why results are withheld.
        return tr("Note");
    default:
        return {};
    }
}

QString SurveyResultsModel::answerLabel(const api::Question &question, int position)
{
    const int value = api::answerPointValue(question, position);
    if (!isScale(question.type))
        return position < question.options.size()
                   ? SurveyText::inUiLanguage(question.options.at(position))
                   : QString();
    const int last = api::answerPointCount(question) - 1;
    if (question.type == api::QuestionType::Scale11) {
        if (position == 0)
            //: The lowest point of the 0-10 scale; %1 is the number.
            return tr("%1 (lowest)").arg(QLocale().toString(value));
        if (position == last)
            //: The highest point of the 0-10 scale; %1 is the number.
            return tr("%1 (highest)").arg(QLocale().toString(value));
        return QLocale().toString(value);
    }
    if (position == 0)
        //: The lowest point of an agreement scale; %1 is the number.
        return tr("%1 (strongly disagree)").arg(QLocale().toString(value));
    if (position == last)
        //: The highest point of an agreement scale; %1 is the number.
        return tr("%1 (strongly agree)").arg(QLocale().toString(value));
    return QLocale().toString(value);
}

QString SurveyResultsModel::withheldText(const api::QuestionResult &question,
                                         const api::ResultsSlice &slice)
{
    const bool text = question.question.type == api::QuestionType::FreeText;
    switch (question.withheld) {
    case api::Withheld::No:
        return {};
    case api::Withheld::TooFewRespondents:
        // A free-text question's threshold is the higher of the two that apply.
        if (text && slice.withheld == api::Withheld::No)
            return tr("Comments are listed only for groups of at least %n respondent(s), to keep "
                      "them anonymous.",
                      nullptr, slice.commentThreshold);
        return tr("Withheld to keep answers anonymous: fewer than %n respondent(s).", nullptr,
                  slice.threshold);
    case api::Withheld::Complementary:
        return tr("Withheld to keep answers anonymous: together with the results shown for "
                  "other groups, it would reveal a group too small to show.");
    case api::Withheld::NoAnswers:
        return text ? tr("No comments.") : tr("Nobody answered this question.");
    }
    return {};
}

QString SurveyResultsModel::anonymityText() const
{
    if (!m_results)
        return {};
    const api::ResultsSlice &slice = m_results->slice;
    const QString rate = DashboardText::rateExplanation(slice.responseRate);
    switch (slice.withheld) {
    case api::Withheld::No:
        //: %1 says who answered; the rest how the results stay anonymous.
        return tr("%1 Results of fewer than %2 respondents are withheld; comments are listed "
                  "for groups of at least %3 respondents.")
            .arg(rate, QLocale().toString(slice.threshold),
                 QLocale().toString(slice.commentThreshold));
    case api::Withheld::TooFewRespondents:
        return tr("%1 Fewer than %2 respondents: nothing is shown for this group, to keep "
                  "answers anonymous.")
            .arg(rate, QLocale().toString(slice.threshold));
    case api::Withheld::Complementary:
        return tr("%1 Nothing is shown for this group: together with the results of the groups "
                  "around it, it would reveal a group too small to show.")
            .arg(rate);
    case api::Withheld::NoAnswers:
        return tr("Nobody in this group has answered yet.");
    }
    return {};
}

void SurveyResultsModel::load(const QString &roundId, const api::SurveyResultsQuery &query)
{
    m_roundId = roundId;
    m_query = query;
    reload();
}

void SurveyResultsModel::reload()
{
    QString path = QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/results");
    const QUrlQuery parameters = api::toUrlQuery(m_query);
    if (!parameters.isEmpty())
        path += u'?' + parameters.toString(QUrl::FullyEncoded);
    m_read->start(path, [this](const QJsonObject &answer) -> std::optional<QString> {
        const auto results = api::surveyResultsFromJson(answer);
        if (!results)
            return results.error().detail;
        setResults(results.value());
        Q_EMIT loaded();
        return std::nullopt;
    });
}

void SurveyResultsModel::setResults(const api::SurveyResults &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void SurveyResultsModel::clear()
{
    m_read->cancel();
    beginResetModel();
    m_results.reset();
    endResetModel();
}

void SurveyResultsModel::retranslate()
{
    announceRetranslation(*this);
}

} // namespace engage::models
