#pragma once

#include "api/group.h"
#include "api/surveyresults.h"
#include "engagement/dashboardcalculator.h"
#include "resultsreader.h"
#include "store/storeresult.h"

#include <QList>
#include <QSet>
#include <QString>
#include <functional>

namespace engage::server::surveyresults {

// A custom survey's round counted for one slice, with the dashboards'
// anonymity (engagement::DashboardCalculator::sliceCount): the slice as a
// whole and each question's distribution decided from their own counts per
// placement, so that no slice and no question in it shows what rests on
// fewer than the threshold, also by difference with the other slices;
// free text against the survey's comment threshold the same way, on top.
// No store and no HTTP: texts come through `TextReader`, asked only for
// the questions and responses whose texts are shown.
class ResultsBuilder final
{
public:
    // The texts of a question given in these responses, opened.
    using TextReader = std::function<store::StoreResult<QStringList>(
        const QString &questionId, const QSet<qint64> &responseIds)>;

    // `groups`: the live tree, parents before children.
    ResultsBuilder(const QList<api::Group> &groups, const api::EngagementSettings &settings,
                   int commentThreshold);

    // Fills `results.slice` and `results.questions` for `query` (its group
    // resolved: empty is the whole tenant) from the round's placements and
    // answers. Fails only when `texts` does.
    store::StoreStatus build(const api::SurveyResultsQuery &query,
                             const QList<api::Question> &questions,
                             const QList<ResultsPlacement> &placements,
                             const QList<ResultsAnswer> &answers, const TextReader &texts,
                             api::SurveyResults &results) const;

private:
    class Round;

    api::QuestionResult distribution(const Round &round, const api::Question &question) const;
    store::StoreResult<api::QuestionResult>
    freeText(const Round &round, const api::Question &question, const TextReader &texts) const;

    QList<api::Group> m_groups;
    engagement::DashboardCalculator m_calculator;
    // The same rules at the comment threshold.
    engagement::DashboardCalculator m_comments;
    int m_threshold;
    int m_commentThreshold;
};

} // namespace engage::server::surveyresults
