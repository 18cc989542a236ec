#include "exportsource.h"

#include "api/dashboard.h"
#include "models/apiclient.h"
#include "models/apireply.h"

namespace engage::models {

namespace {

const QString kSettingsPath = QStringLiteral("/api/v1/engagement/settings");

} // namespace

ExportSource::ExportSource(ApiClient &client, QString tenant, QString filters, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tenant(std::move(tenant))
    , m_filters(std::move(filters))
{}

ExportSource::~ExportSource()
{
    cancel();
}

void ExportSource::load()
{
    cancel();
    clear();
    m_asOf.reset();
    m_coverNote.clear();
    m_loading = true;
    m_sourceDone = false;
    m_settingsDone = false;
    ApiRequest settings;
    settings.path = kSettingsPath;
    settings.offlineKey = kSettingsPath;
    read(settings, [this](const ApiReply &reply) {
        const auto decoded = api::engagementSettingsFromJson(reply.json().object());
        if (!decoded) {
            fail(reply.unreadable(decoded.error().detail));
            return;
        }
        m_anonymityThreshold = decoded.value().anonymityThreshold;
        m_settingsDone = true;
        settle();
    });
    startLoading();
}

void ExportSource::cancel()
{
    ++m_generation;
    m_loading = false;
    for (const QPointer<ApiReply> &reply : std::exchange(m_replies, {})) {
        if (reply)
            reply->abort();
    }
}

ExportCover ExportSource::cover() const
{
    ExportCover cover;
    cover.tenant = m_tenant;
    if (m_coverNote.isEmpty())
        cover.filters = m_filters;
    else if (m_filters.isEmpty())
        cover.filters = m_coverNote;
    else
        //: The cover's filters (%1), then what the export says about them (%2).
        cover.filters = tr("%1 · %2").arg(m_filters, m_coverNote);
    cover.asOf = m_asOf.value_or(QDateTime());
    cover.anonymityThreshold = m_anonymityThreshold;
    cover.last = isImportFormat();
    return cover;
}

void ExportSource::read(const ApiRequest &request,
                        std::function<void(const ApiReply &reply)> answered,
                        std::function<bool(const ApiError &error)> refused)
{
    ApiReply *reply = m_client.send(request);
    m_replies.append(reply);
    connect(reply, &ApiReply::finished, this,
            [this, reply, generation = m_generation, answered = std::move(answered),
             refused = std::move(refused)] {
                if (generation != m_generation)
                    return;
                m_replies.removeAll(reply);
                if (!reply->isOk()) {
                    if (!refused || !refused(reply->error()))
                        fail(reply->error());
                    return;
                }
                if (const auto asOf = reply->asOf())
                    noteAsOf(*asOf);
                answered(*reply);
            });
}

void ExportSource::noteAsOf(const QDateTime &asOf)
{
    if (!m_asOf || asOf < *m_asOf)
        m_asOf = asOf;
}

void ExportSource::setCoverNote(QString note)
{
    m_coverNote = std::move(note);
}

void ExportSource::finishLoading()
{
    m_sourceDone = true;
    settle();
}

void ExportSource::fail(const ApiError &error)
{
    cancel();
    Q_EMIT failed(error);
}

void ExportSource::settle()
{
    if (!m_loading || !m_sourceDone || !m_settingsDone)
        return;
    m_loading = false;
    Q_EMIT loaded();
}

} // namespace engage::models
