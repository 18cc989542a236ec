#pragma once

#include "dashboard.h"
#include "result.h"
#include "survey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace engage::api {

// The results of a custom survey's round (issue 7):
//
//   GET /api/v1/rounds/{id}/results?SurveyResultsQuery -> SurveyResults
//
// for owners, admins and managers (managers only their groups' subtrees; a
// query without group answers for the first of their groups), for an open
// or closed round of a custom survey (a pulse's results are the dashboards').
//
// Anonymity is the dashboards' (api/dashboard.h): a slice, and each
// question's distribution in it, is withheld under the tenant's threshold
// and where a difference with other slices would isolate fewer people
// (Withheld::Complementary). Free-text answers are listed, as texts alone
// in an order that depends on nothing but their content, only for a slice
// of at least the survey's comment threshold, decided the same way with that
// threshold; for a free-text question `withheld` speaks of that threshold.

inline constexpr int kResultsTextsMax = 100000; // far beyond a tenant's respondents

// Which slice: a group's subtree (none: the whole tenant, a manager's first
// group), optionally narrowed to one value of an attribute of the delivery
// snapshot (a tenant attribute id or one of snapshotKeys()). Parameters
// "group", "attribute", "value"; an attribute without a value, or a value
// without an attribute, is refused.
struct SurveyResultsQuery
{
    QString groupId;
    QString attributeId;
    QString attributeValue;

    friend bool operator==(const SurveyResultsQuery &a, const SurveyResultsQuery &b)
    {
        return a.groupId == b.groupId && a.attributeId == b.attributeId &&
               a.attributeValue == b.attributeValue;
    }
    friend bool operator!=(const SurveyResultsQuery &a, const SurveyResultsQuery &b)
    {
        return !(a == b);
    }
};
QUrlQuery toUrlQuery(const SurveyResultsQuery &query);
// Strict: unknown or repeated parameters and malformed values are errors.
Result<SurveyResultsQuery> surveyResultsQueryFromUrl(const QUrlQuery &query);

// The slice answered for, as a whole.
struct ResultsSlice
{
    QString groupId; // empty: the whole tenant
    QString attributeId;
    QString attributeValue;
    int threshold = kAnonymityThresholdDefault;      // the tenant's anonymity threshold
    int commentThreshold = kCommentThresholdDefault; // the survey's, for free text
    ResponseRate responseRate;                       // targets and respondents of the slice
    Withheld withheld = Withheld::No;                // every question is withheld with it

    friend bool operator==(const ResultsSlice &a, const ResultsSlice &b)
    {
        return a.groupId == b.groupId && a.attributeId == b.attributeId &&
               a.attributeValue == b.attributeValue && a.threshold == b.threshold &&
               a.commentThreshold == b.commentThreshold &&
               a.responseRate.targets == b.responseRate.targets &&
               a.responseRate.respondents == b.responseRate.respondents &&
               a.responseRate.rate == b.responseRate.rate && a.withheld == b.withheld;
    }
    friend bool operator!=(const ResultsSlice &a, const ResultsSlice &b) { return !(a == b); }
};

// One question in the slice. Shown (withheld No): a scale or choice question
// has `counts`, one per scale point from the lowest (agreement 1..5 or 1..7,
// scale 0..10) or per option in order, zeros included (a multiple choice's
// counts may add up to more than its respondents); a scale its `mean` (two
// decimals); a free-text question its `texts`. Withheld: none of them.
struct QuestionResult
{
    Question question;
    qint64 respondents = 0; // who answered it in the slice (shown even when withheld)
    Withheld withheld = Withheld::No;
    QList<qint64> counts;
    std::optional<double> mean;
    QStringList texts;

    friend bool operator==(const QuestionResult &a, const QuestionResult &b)
    {
        return a.question == b.question && a.respondents == b.respondents &&
               a.withheld == b.withheld && a.counts == b.counts && a.mean == b.mean &&
               a.texts == b.texts;
    }
    friend bool operator!=(const QuestionResult &a, const QuestionResult &b) { return !(a == b); }
};

struct SurveyResults
{
    QString roundId;
    QString surveyId;
    LocalizedText surveyName;
    int roundNumber = 1;
    RoundStatus status = RoundStatus::Closed; // open or closed
    QDateTime opensAt;
    QDateTime closesAt;
    ResultsSlice slice;
    QList<QuestionResult> questions; // the survey's order

    friend bool operator==(const SurveyResults &a, const SurveyResults &b)
    {
        return a.roundId == b.roundId && a.surveyId == b.surveyId && a.surveyName == b.surveyName &&
               a.roundNumber == b.roundNumber && a.status == b.status && a.opensAt == b.opensAt &&
               a.closesAt == b.closesAt && a.slice == b.slice && a.questions == b.questions;
    }
    friend bool operator!=(const SurveyResults &a, const SurveyResults &b) { return !(a == b); }
};

// How many values a question's counts hold: 5, 7, 11, or its options; 0
// for free text.
int answerPointCount(const Question &question);
// The answer a count's position stands for: the scale point (1.. for
// agreement, 0.. for the 0-10 scale) or the option index.
int answerPointValue(const Question &question, int position);

QJsonObject toJson(const SurveyResults &results);
// Checks each question's parts against its type and withheld state.
Result<SurveyResults> surveyResultsFromJson(const QJsonObject &object);

} // namespace engage::api
