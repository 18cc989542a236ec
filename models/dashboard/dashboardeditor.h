#pragma once

#include "api/dashboard.h"
#include "models/apierror.h"

#include <QObject>

namespace engage::models {

class ApiClient;
struct ApiRequest;

// The dashboard's few edits: memos (create with an Idempotency-Key, update
// and remove with If-Match, the author only) and the tenant's benchmarks
// (PUT with If-Match). Each reports done or the service's refusal.
class DashboardEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardEditor)

public:
    explicit DashboardEditor(ApiClient &client, QObject *parent = nullptr);

    void createMemo(const api::MemoFields &fields);
    void updateMemo(const api::Memo &memo, const api::MemoFields &fields);
    void removeMemo(const api::Memo &memo);
    void saveBenchmarks(const api::BenchmarkSet &benchmarks); // its revision is the If-Match

Q_SIGNALS:
    void memoSaved(const engage::api::Memo &memo);
    void memoRemoved(const QString &memoId);
    void benchmarksSaved(const engage::api::BenchmarkSet &benchmarks);
    void failed(const engage::models::ApiError &error);

private:
    // POST or PUT of a memo: both answer the memo as stored.
    void sendMemo(const ApiRequest &request);

    ApiClient &m_client;
};

} // namespace engage::models
