#pragma once

#include "exportspec.h"
#include "models/apierror.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;
struct ApiRequest;

// What one export holds, read from the service (or, when it cannot be
// reached, from the offline cache) before it is written: the tables as item
// models and what the cover sheet says about them. The window and the
// command line share the sources; ExportTask runs one to a file.
//
// load() reads everything the sheets need, reporting progressChanged() as it
// goes, then loaded() or failed(); cancel() abandons the reads (neither
// follows). The sheets' models belong to the source and stay unchanged
// until it is destroyed or loaded again.
class ExportSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportSource)

public:
    ~ExportSource() override;

    void load();
    void cancel();
    bool isLoading() const { return m_loading; }

    // Once loaded: the tables in order, and the cover (exportedAt left for
    // the writer to set; asOf the oldest time a cached answer was given, or
    // empty when every answer came from the service).
    virtual QList<ExportSheet> sheets() const = 0;
    ExportCover cover() const;
    // Whether the sheets read back as a member import (the cover goes last,
    // and a CSV file of the first sheet is the import format too).
    virtual bool isImportFormat() const { return false; }
    // What the file is called by default ("members", "logs"), in the UI language.
    virtual QString fileLabel() const = 0;

Q_SIGNALS:
    // Items (rows, requests) read so far out of `total`; total 0 while unknown.
    void progressChanged(qint64 done, qint64 total);
    void loaded();
    void failed(const engage::models::ApiError &error);

protected:
    // `tenant` names the company on the cover, `filters` describes in the UI
    // language what the export was narrowed to (empty: nothing).
    ExportSource(ApiClient &client, QString tenant, QString filters, QObject *parent);

    // Starts the source's own reads (the tenant's engagement settings are
    // read alongside, for the cover's anonymity threshold).
    virtual void startLoading() = 0;
    // Forgets what an earlier load read.
    virtual void clear() = 0;

    // Sends `request` for the load under way; `answered` runs with the reply
    // when it succeeded (its asOf noted for the cover). A failure fails the
    // load, unless `refused` is given and answers true: the source does
    // without this answer and carries on. Answers to an abandoned load are
    // dropped.
    void read(const ApiRequest &request, std::function<void(const ApiReply &reply)> answered,
              std::function<bool(const ApiError &error)> refused = {});
    // Data the source read from the offline cache itself was given by the
    // service at `asOf` (UTC): the cover says so.
    void noteAsOf(const QDateTime &asOf);
    // A sentence the cover adds to the filters for this load (a source that
    // could give less than it was asked for says so); load() forgets it.
    void setCoverNote(QString note);
    // The source's part is done: loaded() once the settings are in too.
    void finishLoading();
    void fail(const ApiError &error);
    ApiClient &client() const { return m_client; }

private:
    void settle();

    ApiClient &m_client;
    QString m_tenant;
    QString m_filters;
    QString m_coverNote;
    int m_anonymityThreshold = 0;
    std::optional<QDateTime> m_asOf;
    QList<QPointer<ApiReply>> m_replies;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_sourceDone = false;
    bool m_settingsDone = false;
};

} // namespace engage::models
