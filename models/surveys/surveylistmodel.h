#pragma once

#include "api/survey.h"
#include "models/apierror.h"
#include "models/latestread.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// The tenant's surveys (GET /api/v1/surveys, newest first), loaded whole: a
// company runs a handful. Each row: the name in the UI language, the kind,
// the status, the response rate of the open round and the next delivery,
// in the user's locale and time zone. The lifecycle's actions go through
// the service (create with an Idempotency-Key; publish and delete with
// If-Match on the revision; close and extend an open round) and the row
// changes only once the service agreed.
class SurveyListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyListModel)

public:
    enum Column
    {
        NameColumn,
        KindColumn,
        StatusColumn,
        ResponseRateColumn,
        NextDeliveryColumn,
        ColumnCount
    };
    enum Roles
    {
        SurveyIdRole = Qt::UserRole + 1,
        KindRole,   // api::SurveyKind as int
        StatusRole, // api::SurveyStatus as int
        RevisionRole,
        SortRole, // what the column sorts by (a rate as a number, a date as a QDateTime)
    };
    // What was asked, so that a refusal can be explained.
    enum class Action
    {
        Create,
        Publish,
        Close,
        Extend,
        Remove,
    };
    Q_ENUM(Action)

    explicit SurveyListModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const api::Survey &surveyAt(int row) const { return m_rows.at(row); }
    const QList<api::Survey> &surveys() const { return m_rows; }
    int rowOf(const QString &surveyId) const; // -1 when absent
    const api::Survey *survey(const QString &surveyId) const;
    bool isLoading() const { return m_read->isLoading(); }

    void reload();
    // POST with an Idempotency-Key; created() once the service agreed.
    void create(const api::SurveyDefinition &definition);
    void publish(const QString &surveyId);
    // The open round ends now.
    void closeRound(const QString &surveyId);
    // The open round's last day becomes `periodEnds`.
    void extend(const QString &surveyId, const QDate &periodEnds);
    // Drafts only.
    void removeDraft(const QString &surveyId);
    // A survey read elsewhere (the builder saved it): its row shows it.
    void store(const api::Survey &survey);

    // "45.0%" of the open round, empty without one.
    static QString responseRateText(const api::Survey &survey);
    // The next round's opening in the user's locale and time zone; empty when none.
    static QString nextDeliveryText(const api::Survey &survey);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void created(const engage::api::Survey &survey);
    // A lifecycle action the service agreed to (the row shows its result).
    void done(engage::models::SurveyListModel::Action action, const QString &surveyId);
    void removed(const QString &surveyId);
    // Someone else changed the survey since the list was loaded (412, or 404 on a known one).
    void staleAction(engage::models::SurveyListModel::Action action, const QString &surveyId);
    void actionFailed(engage::models::SurveyListModel::Action action, const QString &surveyId,
                      const engage::models::ApiError &error);
    void failed(const engage::models::ApiError &error); // loading the list

private:
    void sendAction(Action action, const QString &surveyId, const QString &verb,
                    const std::optional<QJsonObject> &body);
    void retranslate();

    ApiClient &m_client;
    QList<api::Survey> m_rows;
    LatestRead *m_read;
};

} // namespace engage::models
