#pragma once

#include "api/survey.h"
#include "store/customanswerrepository.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>
#include <memory>
#include <mutex>
#include <utility>

namespace engage::server::respondent {

// What the respondent page asks of a round: its survey parsed (kind, name,
// delivery settings) and the questions, for every request of every link of
// the round.
struct RoundForm
{
    store::SurveyKind kind = store::SurveyKind::Pulse;
    api::SurveyDefinition definition; // a pulse's: its delivery settings at most
    QList<api::Question> questions;

    // From the round and survey as read; nullptr and `error` set when a
    // custom survey's definition does not read.
    static std::shared_ptr<const RoundForm> parse(const store::RoundSurvey &survey, QString *error);
    // What a preview link shows of `definition` as it is now: a custom
    // survey's questions, or the items a pulse's first round asks (the whole
    // bank, as the scheduler picks them).
    static std::shared_ptr<const RoundForm> preview(const api::SurveyDefinition &definition);
};

// The rounds' forms as parsed, kept per process: parsing a survey's JSON for
// every submission was a tenth of the page's time at a company answering at
// once. Kept by round and by the version of the survey they were parsed at
// (its revision and last update, which every change to a survey moves, read
// with the link for every request), so a changed survey is read and parsed
// again on its next request; a round's questions never change once it
// exists. Whether a round takes answers (status, dates) is never kept: the
// link's statement reads it for every request. At most `maxKept` rounds:
// when full, all go, and the open rounds come back on their next request.
// Thread-safe.
class RoundForms final
{
    Q_DISABLE_COPY_MOVE(RoundForms)
public:
    struct Version
    {
        qint64 surveyRevision = 0;
        qint64 surveyUpdatedAt = 0;
        bool operator==(const Version &other) const
        {
            return surveyRevision == other.surveyRevision &&
                   surveyUpdatedAt == other.surveyUpdatedAt;
        }
    };

    static constexpr int maxKept = 256;

    RoundForms() = default;

    // The form of round `roundSeq` of `tenantId` parsed at `version`, or
    // nullptr.
    std::shared_ptr<const RoundForm> find(const QString &tenantId, qint64 roundSeq,
                                          const Version &version) const;
    // Keeps `form` as the round's at `version`, instead of any other.
    void keep(const QString &tenantId, qint64 roundSeq, const Version &version,
              std::shared_ptr<const RoundForm> form);

    int kept() const;

private:
    struct Kept
    {
        Version version;
        std::shared_ptr<const RoundForm> form;
    };

    mutable std::mutex m_mutex;
    QHash<std::pair<QString, qint64>, Kept> m_forms; // by tenant id and round seq
};

} // namespace engage::server::respondent
