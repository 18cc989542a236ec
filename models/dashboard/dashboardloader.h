#pragma once

#include "api/dashboard.h"
#include "models/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <array>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;

// Loads what the dashboard page shows for one DashboardQuery (issue 6): the
// summary, trend, factor breakdown, heatmap, priority chart, attribute
// breakdown (when the query names an attribute without a value), memos and
// benchmarks, all at once and asynchronously. Each panel reports its own
// state, so the page shows a skeleton per panel and a failure where it
// happened; a newer load() makes the answers of an older one count for
// nothing (abandoned, never applied).
class DashboardLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardLoader)

public:
    enum class Panel
    {
        Rounds,
        Summary,
        Trend,
        Factors,
        Heatmap,
        Priority,
        Attributes,
        Memos,
        Benchmarks,
    };
    Q_ENUM(Panel)
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed,
    };
    Q_ENUM(State)

    explicit DashboardLoader(ApiClient &client, QObject *parent = nullptr);
    ~DashboardLoader() override;

    const api::DashboardQuery &query() const { return m_query; }
    // Loads every panel for `query`; the rounds list once per loader (reload() refreshes it).
    void load(const api::DashboardQuery &query);
    void reload();

    State state(Panel panel) const;
    std::optional<ApiError> failure(Panel panel) const;
    // Set while the panel shows what the offline cache kept, because the
    // service could not be reached: when the service gave it (UTC). Every
    // panel is cached, for every query read while online.
    std::optional<QDateTime> asOf(Panel panel) const;

    const api::RoundList &rounds() const { return m_rounds; }
    const api::Summary &summary() const { return m_summary; }
    const api::Trend &trend() const { return m_trend; }
    const api::FactorBreakdown &factors() const { return m_factors; }
    const api::Heatmap &heatmap() const { return m_heatmap; }
    const api::PriorityChart &priority() const { return m_priority; }
    const api::AttributeBreakdown &attributes() const { return m_attributes; }
    const api::MemoList &memos() const { return m_memos; }
    const api::BenchmarkSet &benchmarks() const { return m_benchmarks; }

Q_SIGNALS:
    void stateChanged(engage::models::DashboardLoader::Panel panel,
                      engage::models::DashboardLoader::State state);
    // The panel's data changed (after Ready).
    void panelLoaded(engage::models::DashboardLoader::Panel panel);
    // Every panel of the current load is Ready or Failed.
    void finished();

private:
    static constexpr int kPanelCount = static_cast<int>(Panel::Benchmarks) + 1;

    void abandon(Panel panel);
    void request(Panel panel);
    void onAnswer(Panel panel, const ApiReply &reply);
    void fail(Panel panel, const ApiError &error);
    void setState(Panel panel, State state);
    void finishIfDone();

    ApiClient &m_client;
    std::array<State, kPanelCount> m_states{};
    std::array<std::optional<ApiError>, kPanelCount> m_failures;
    std::array<std::optional<QDateTime>, kPanelCount> m_asOf;
    std::array<QPointer<ApiReply>, kPanelCount> m_replies;
    quint64 m_generation = 0;         // of load(); answers to an older one are dropped
    quint64 m_finishedGeneration = 0; // the load finished() was last emitted for
    bool m_roundsFresh = false;
    api::DashboardQuery m_query;
    api::RoundList m_rounds;
    api::Summary m_summary;
    api::Trend m_trend;
    api::FactorBreakdown m_factors;
    api::Heatmap m_heatmap;
    api::PriorityChart m_priority;
    api::AttributeBreakdown m_attributes;
    api::MemoList m_memos;
    api::BenchmarkSet m_benchmarks;
};

} // namespace engage::models
