#include "resultsbuilder.h"

#include "engagement/scoring.h"

#include <QCryptographicHash>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <utility>

namespace engage::server::surveyresults {

namespace {

api::EngagementSettings withThreshold(api::EngagementSettings settings, int threshold)
{
    settings.anonymityThreshold = threshold;
    return settings;
}

// The count positions an answer adds one to (api::answerPointValue); none
// when it answers nothing the question asks (a value off its scale, say).
QList<int> positions(const api::Question &question, const ResultsAnswer &answer)
{
    const int points = api::answerPointCount(question);
    QList<int> found;
    if (question.type == api::QuestionType::MultipleChoice) {
        for (int choice : answer.choices) {
            if (choice >= 0 && choice < points && !found.contains(choice))
                found.append(choice);
        }
    } else if (answer.value && points > 0) {
        const int position = *answer.value - api::answerPointValue(question, 0);
        if (position >= 0 && position < points)
            found.append(position);
    }
    return found;
}

bool isScale(const api::Question &question)
{
    return question.type == api::QuestionType::Agreement5 ||
           question.type == api::QuestionType::Agreement7 ||
           question.type == api::QuestionType::Scale11;
}

bool answers(const api::Question &question, const ResultsAnswer &answer)
{
    return question.type == api::QuestionType::FreeText ? answer.hasText
                                                        : !positions(question, answer).isEmpty();
}

// An order that depends on the texts alone: neither when nor in which
// response they came reads from it, and the same slice lists them alike
// at every request.
void shuffle(QStringList &texts, const QString &roundId, const QString &questionId)
{
    QList<std::pair<QByteArray, QString>> keyed;
    keyed.reserve(texts.size());
    for (QString &text : texts) {
        const QByteArray key = QCryptographicHash::hash(
            (roundId + QLatin1Char('\n') + questionId + QLatin1Char('\n') + text).toUtf8(),
            QCryptographicHash::Sha256);
        keyed.append({key, std::move(text)});
    }
    std::sort(keyed.begin(), keyed.end());
    texts.clear();
    for (auto &entry : keyed)
        texts.append(std::move(entry.second));
}

double roundedMean(qint64 sum, qint64 count)
{
    return std::round(double(sum) / double(count) * 100.0) / 100.0;
}

} // namespace

// The round as one request reads it: its placements, which of them the
// slice covers, and the answers by question.
class ResultsBuilder::Round final
{
public:
    Round(const QList<api::Group> &groups, const QString &roundId,
          const api::SurveyResultsQuery &query, const QList<ResultsPlacement> &placements,
          const QList<ResultsAnswer> &answers)
        : m_placements(placements)
    {
        m_query.roundId = roundId;
        m_query.groupId = query.groupId;
        m_query.attributeId = query.attributeId;
        m_query.attributeValue = query.attributeValue;
        // A placement in a group deleted since, or in none, counts for the
        // whole tenant only, as on the dashboards.
        QSet<QString> subtree;
        if (!query.groupId.isEmpty()) {
            subtree.insert(query.groupId);
            for (const api::Group &group : groups) {
                if (group.fields.parentId && subtree.contains(*group.fields.parentId))
                    subtree.insert(group.id);
            }
        }
        for (qsizetype i = 0; i < placements.size(); ++i) {
            const ResultsPlacement &placement = placements.at(i);
            m_index.insert(placement.id, i);
            const bool inGroup = query.groupId.isEmpty() || subtree.contains(placement.groupId);
            const bool hasValue =
                query.attributeValue.isEmpty() ||
                placement.snapshot.value(query.attributeId) == query.attributeValue;
            m_inSlice.append(inGroup && hasValue);
        }
        for (const ResultsAnswer &answer : answers) {
            if (m_index.contains(answer.placementId))
                m_answers[answer.questionId].append(&answer);
        }
    }

    const api::DashboardQuery &query() const { return m_query; }
    const QList<ResultsPlacement> &placements() const { return m_placements; }

    bool covers(qsizetype placement) const { return m_inSlice.at(placement); }
    bool inSlice(const ResultsAnswer &answer) const
    {
        return m_inSlice.at(m_index.value(answer.placementId));
    }

    QList<const ResultsAnswer *> answersTo(const QString &questionId) const
    {
        return m_answers.value(questionId);
    }

    // The round's cells, each carrying `respondents` (by placement) alone.
    engagement::RoundCells cells(const QList<qint64> &respondents) const
    {
        engagement::RoundCells round;
        round.cells.reserve(m_placements.size());
        for (qsizetype i = 0; i < m_placements.size(); ++i) {
            engagement::Cell cell;
            cell.groupId = m_placements.at(i).groupId;
            cell.snapshot = m_placements.at(i).snapshot;
            cell.sums.respondents = respondents.at(i);
            round.cells.append(std::move(cell));
        }
        return round;
    }

    // The question's respondents by placement.
    QList<qint64> respondentsOf(const api::Question &question) const
    {
        QList<qint64> counts(m_placements.size(), 0);
        for (const ResultsAnswer *answer : m_answers.value(question.id)) {
            if (answers(question, *answer))
                ++counts[m_index.value(answer->placementId)];
        }
        return counts;
    }

    // The decision for a question's counts; required questions all share
    // the slice's counts, so most are decided once.
    api::Score decide(const engagement::DashboardCalculator &calculator,
                      const QList<qint64> &respondents) const
    {
        QByteArray key;
        key.reserve(respondents.size() * int(sizeof(qint64)));
        for (qint64 count : respondents)
            key.append(reinterpret_cast<const char *>(&count), sizeof(count));
        const auto known = m_decisions.constFind(key);
        if (known != m_decisions.constEnd())
            return *known;
        const api::Score score = calculator.sliceCount(m_query, cells(respondents));
        m_decisions.insert(key, score);
        return score;
    }

    api::Score slice;        // the slice as a whole, at the tenant's threshold
    api::Score commentSlice; // the same at the comment threshold

private:
    const QList<ResultsPlacement> &m_placements;
    api::DashboardQuery m_query;
    QHash<qint64, qsizetype> m_index; // placement id -> its position
    QList<bool> m_inSlice;
    QHash<QString, QList<const ResultsAnswer *>> m_answers;
    mutable QHash<QByteArray, api::Score> m_decisions;
};

ResultsBuilder::ResultsBuilder(const QList<api::Group> &groups,
                               const api::EngagementSettings &settings, int commentThreshold)
    : m_groups(groups)
    , m_calculator(groups, settings)
    , m_comments(groups, withThreshold(settings, commentThreshold))
    , m_threshold(settings.anonymityThreshold)
    , m_commentThreshold(commentThreshold)
{}

store::StoreStatus ResultsBuilder::build(const api::SurveyResultsQuery &query,
                                         const QList<api::Question> &questions,
                                         const QList<ResultsPlacement> &placements,
                                         const QList<ResultsAnswer> &answers,
                                         const TextReader &texts, api::SurveyResults &results) const
{
    Round round(m_groups, results.roundId, query, placements, answers);
    QList<qint64> respondents;
    engagement::CellSums covered;
    for (qsizetype i = 0; i < placements.size(); ++i) {
        respondents.append(placements.at(i).respondents);
        if (round.covers(i)) {
            covered.targets += placements.at(i).targets;
            covered.roundRespondents += placements.at(i).respondents;
        }
    }
    round.slice = round.decide(m_calculator, respondents);
    round.commentSlice = m_comments.sliceCount(round.query(), round.cells(respondents));

    api::ResultsSlice &slice = results.slice;
    slice.groupId = query.groupId;
    slice.attributeId = query.attributeId;
    slice.attributeValue = query.attributeValue;
    slice.threshold = m_threshold;
    slice.commentThreshold = m_commentThreshold;
    slice.responseRate = engagement::responseRate(covered);
    slice.withheld = round.slice.withheld;

    results.questions.clear();
    for (const api::Question &question : questions) {
        if (question.type != api::QuestionType::FreeText) {
            results.questions.append(distribution(round, question));
            continue;
        }
        auto listed = freeText(round, question, texts);
        if (!listed)
            return listed.error();
        results.questions.append(std::move(listed.value()));
    }
    return store::Done{};
}

api::QuestionResult ResultsBuilder::distribution(const Round &round,
                                                 const api::Question &question) const
{
    api::QuestionResult result;
    result.question = question;
    const api::Score decision = round.decide(m_calculator, round.respondentsOf(question));
    result.respondents = decision.respondents;
    result.withheld =
        round.slice.withheld != api::Withheld::No ? round.slice.withheld : decision.withheld;
    if (result.withheld != api::Withheld::No)
        return result;
    result.counts = QList<qint64>(api::answerPointCount(question), 0);
    qint64 sum = 0;
    qint64 counted = 0;
    for (const ResultsAnswer *answer : round.answersTo(question.id)) {
        if (!round.inSlice(*answer))
            continue;
        const QList<int> found = positions(question, *answer);
        for (int position : found)
            ++result.counts[position];
        if (isScale(question) && !found.isEmpty()) {
            sum += api::answerPointValue(question, found.constFirst());
            ++counted;
        }
    }
    if (counted > 0)
        result.mean = roundedMean(sum, counted);
    return result;
}

store::StoreResult<api::QuestionResult> ResultsBuilder::freeText(const Round &round,
                                                                 const api::Question &question,
                                                                 const TextReader &texts) const
{
    api::QuestionResult result;
    result.question = question;
    QSet<qint64> responses;
    for (const ResultsAnswer *answer : round.answersTo(question.id)) {
        if (answer->hasText && round.inSlice(*answer))
            responses.insert(answer->responseId);
    }
    result.respondents = responses.size();
    // Texts are read only where they are listed: the slice is shown at the
    // tenant's threshold, and at the comment threshold too.
    if (round.slice.withheld != api::Withheld::No)
        result.withheld = round.slice.withheld;
    else if (round.commentSlice.withheld != api::Withheld::No)
        result.withheld = round.commentSlice.withheld;
    else if (responses.isEmpty())
        result.withheld = api::Withheld::NoAnswers;
    if (result.withheld != api::Withheld::No)
        return result;
    auto listed = texts(question.id, responses);
    if (!listed)
        return listed.error();
    result.texts = std::move(listed.value());
    shuffle(result.texts, round.query().roundId, question.id);
    return result;
}

} // namespace engage::server::surveyresults
