#include "dashboardeditor.h"

#include "api/id.h"
#include "api/validators.h"
#include "models/apiclient.h"
#include "models/apireply.h"

#include <QLoggingCategory>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcDashboardEdits, "engage.dashboard.edits")

const QString kMemosPath = QStringLiteral("/api/v1/engagement/memos");
const QString kBenchmarksPath = QStringLiteral("/api/v1/engagement/benchmarks");

QByteArray ifMatch(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

// What the service stores is what the user sees: leading and trailing white
// space is trimmed here, as the contract asks of clients.
api::MemoFields normalized(api::MemoFields fields)
{
    fields.text = api::normalizedText(fields.text);
    return fields;
}

ApiError unreadable(const ApiReply &reply, const api::Error &error)
{
    qCWarning(lcDashboardEdits) << "unreadable answer, field" << error.field << "request"
                                << reply.requestId();
    return reply.unreadable(error.detail);
}

} // namespace

DashboardEditor::DashboardEditor(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void DashboardEditor::createMemo(const api::MemoFields &fields)
{
    ApiRequest request;
    request.method = "POST";
    request.path = kMemosPath;
    request.body = api::toJson(normalized(fields));
    // One key per memo: a retry after a lost answer writes no second one.
    request.idempotencyKey = api::createId().toLatin1();
    sendMemo(request);
}

void DashboardEditor::updateMemo(const api::Memo &memo, const api::MemoFields &fields)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = kMemosPath + u'/' + memo.id;
    request.body = api::toJson(normalized(fields));
    request.ifMatch = ifMatch(memo.revision);
    sendMemo(request);
}

void DashboardEditor::sendMemo(const ApiRequest &request)
{
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto memo = api::memoFromJson(reply->json().object());
        if (!memo) {
            Q_EMIT failed(unreadable(*reply, memo.error()));
            return;
        }
        Q_EMIT memoSaved(memo.value());
    });
}

void DashboardEditor::removeMemo(const api::Memo &memo)
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = kMemosPath + u'/' + memo.id;
    request.ifMatch = ifMatch(memo.revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, id = memo.id] {
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        Q_EMIT memoRemoved(id);
    });
}

void DashboardEditor::saveBenchmarks(const api::BenchmarkSet &benchmarks)
{
    api::BenchmarkSet sent = benchmarks;
    sent.label = api::normalizedText(sent.label);
    ApiRequest request;
    request.method = "PUT";
    request.path = kBenchmarksPath;
    request.body = api::toJson(sent);
    request.ifMatch = ifMatch(benchmarks.revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto saved = api::benchmarkSetFromJson(reply->json().object());
        if (!saved) {
            Q_EMIT failed(unreadable(*reply, saved.error()));
            return;
        }
        Q_EMIT benchmarksSaved(saved.value());
    });
}

} // namespace engage::models
