#include "dashboardloader.h"

#include "models/apiclient.h"
#include "models/apireply.h"

#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcDashboard, "engage.dashboard")

const QString kEngagementPath = QStringLiteral("/api/v1/engagement/");

QString pathWithQuery(const QString &name, const QUrlQuery &query)
{
    const QString path = kEngagementPath + name;
    const QString encoded = query.toString(QUrl::FullyEncoded);
    return encoded.isEmpty() ? path : path + u'?' + encoded;
}

// Each endpoint reads only some of the query and the service refuses the
// rest (so that nobody believes a filter applied when it did not): the trend
// a period instead of a round; the memos only the period; the others a round
// and no period.
QString pathOf(DashboardLoader::Panel panel, const api::DashboardQuery &query)
{
    using Panel = DashboardLoader::Panel;
    api::DashboardQuery sliceQuery = query;
    sliceQuery.from.reset();
    sliceQuery.to.reset();
    switch (panel) {
    case Panel::Rounds:
        return kEngagementPath + QLatin1String("rounds");
    case Panel::Summary:
        return pathWithQuery(QStringLiteral("summary"), api::toUrlQuery(sliceQuery));
    case Panel::Trend: {
        api::DashboardQuery trendQuery = query;
        trendQuery.roundId.clear();
        return pathWithQuery(QStringLiteral("trend"), api::toUrlQuery(trendQuery));
    }
    case Panel::Factors:
        return pathWithQuery(QStringLiteral("factors"), api::toUrlQuery(sliceQuery));
    case Panel::Heatmap:
        return pathWithQuery(QStringLiteral("heatmap"), api::toUrlQuery(sliceQuery));
    case Panel::Priority:
        return pathWithQuery(QStringLiteral("priority"), api::toUrlQuery(sliceQuery));
    case Panel::Attributes:
        return pathWithQuery(QStringLiteral("attributes"), api::toUrlQuery(sliceQuery));
    case Panel::Memos: {
        api::DashboardQuery period;
        period.from = query.from;
        period.to = query.to;
        return pathWithQuery(QStringLiteral("memos"), api::toUrlQuery(period));
    }
    case Panel::Benchmarks:
        return kEngagementPath + QLatin1String("benchmarks");
    }
    return {};
}

// Decodes `json` into `target`; the decoder's error otherwise.
template<typename T>
std::optional<api::Error> decodeInto(T &target, api::Result<T> (*decode)(const QJsonObject &),
                                     const QJsonObject &json)
{
    api::Result<T> decoded = decode(json);
    if (!decoded)
        return decoded.error();
    target = decoded.takeValue();
    return std::nullopt;
}

} // namespace

DashboardLoader::DashboardLoader(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

DashboardLoader::~DashboardLoader()
{
    // Abandoned calls answer Cancelled, to nobody.
    for (QPointer<ApiReply> &reply : m_replies) {
        if (ApiReply *pending = std::exchange(reply, nullptr)) {
            pending->disconnect(this);
            pending->abort();
        }
    }
}

void DashboardLoader::load(const api::DashboardQuery &query)
{
    m_query = query;
    ++m_generation;
    for (int i = 0; i < kPanelCount; ++i) {
        const auto panel = static_cast<Panel>(i);
        if (panel == Panel::Rounds && (m_roundsFresh || m_replies.at(i)))
            continue; // the rounds do not depend on the query
        abandon(panel);
        // The breakdown by an attribute's values needs an attribute and no value.
        if (panel == Panel::Attributes &&
            (query.attributeId.isEmpty() || !query.attributeValue.isEmpty())) {
            m_attributes = {};
            m_asOf[static_cast<int>(panel)].reset();
            setState(panel, State::Idle);
            continue;
        }
        request(panel);
    }
    finishIfDone();
}

void DashboardLoader::reload()
{
    m_roundsFresh = false;
    abandon(Panel::Rounds);
    load(m_query);
}

DashboardLoader::State DashboardLoader::state(Panel panel) const
{
    return m_states.at(static_cast<int>(panel));
}

std::optional<ApiError> DashboardLoader::failure(Panel panel) const
{
    return m_failures.at(static_cast<int>(panel));
}

std::optional<QDateTime> DashboardLoader::asOf(Panel panel) const
{
    return m_asOf.at(static_cast<int>(panel));
}

void DashboardLoader::abandon(Panel panel)
{
    if (ApiReply *pending = std::exchange(m_replies[static_cast<int>(panel)], nullptr)) {
        pending->disconnect(this);
        pending->abort();
    }
}

void DashboardLoader::request(Panel panel)
{
    const int i = static_cast<int>(panel);
    ApiRequest get;
    get.path = pathOf(panel, m_query);
    get.offlineKey = get.path;
    ApiReply *reply = m_client.send(get);
    m_replies[i] = reply;
    m_failures[i].reset();
    connect(reply, &ApiReply::finished, this, [this, reply, panel, generation = m_generation] {
        const int at = static_cast<int>(panel);
        // A newer load() owns the panel (the rounds outlive loads).
        if (reply != m_replies.at(at) || (panel != Panel::Rounds && generation != m_generation))
            return;
        m_replies[at].clear();
        onAnswer(panel, *reply);
        finishIfDone();
    });
    setState(panel, State::Loading);
}

void DashboardLoader::onAnswer(Panel panel, const ApiReply &reply)
{
    if (!reply.isOk()) {
        fail(panel, reply.error());
        return;
    }
    m_asOf[static_cast<int>(panel)] = reply.asOf();
    const QJsonObject json = reply.json().object();
    std::optional<api::Error> error;
    switch (panel) {
    case Panel::Rounds:
        error = decodeInto(m_rounds, api::roundListFromJson, json);
        m_roundsFresh = !error;
        break;
    case Panel::Summary:
        error = decodeInto(m_summary, api::summaryFromJson, json);
        break;
    case Panel::Trend:
        error = decodeInto(m_trend, api::trendFromJson, json);
        break;
    case Panel::Factors:
        error = decodeInto(m_factors, api::factorBreakdownFromJson, json);
        break;
    case Panel::Heatmap:
        error = decodeInto(m_heatmap, api::heatmapFromJson, json);
        break;
    case Panel::Priority:
        error = decodeInto(m_priority, api::priorityChartFromJson, json);
        break;
    case Panel::Attributes:
        error = decodeInto(m_attributes, api::attributeBreakdownFromJson, json);
        break;
    case Panel::Memos:
        error = decodeInto(m_memos, api::memoListFromJson, json);
        break;
    case Panel::Benchmarks:
        error = decodeInto(m_benchmarks, api::benchmarkSetFromJson, json);
        break;
    }
    if (error) {
        // The field names what the contract was broken by; never a value.
        qCWarning(lcDashboard) << "unreadable answer" << panel << "field" << error->field
                               << "request" << reply.requestId();
        fail(panel, reply.unreadable(error->detail));
        return;
    }
    setState(panel, State::Ready);
    Q_EMIT panelLoaded(panel);
}

void DashboardLoader::fail(Panel panel, const ApiError &error)
{
    m_failures[static_cast<int>(panel)] = error;
    m_asOf[static_cast<int>(panel)].reset();
    setState(panel, State::Failed);
}

void DashboardLoader::setState(Panel panel, State state)
{
    State &current = m_states[static_cast<int>(panel)];
    if (current == state && state != State::Ready)
        return;
    current = state;
    Q_EMIT stateChanged(panel, state);
}

void DashboardLoader::finishIfDone()
{
    const bool loading = std::any_of(m_states.cbegin(), m_states.cend(),
                                     [](State s) { return s == State::Loading; });
    if (!loading && m_finishedGeneration != m_generation) {
        m_finishedGeneration = m_generation;
        Q_EMIT finished();
    }
}

} // namespace engage::models
