#include "surveylistmodel.h"

#include "apiclient.h"
#include "apireply.h"
#include "dashboard/dashboardtext.h"
#include "models/latestread.h"
#include "models/rowlookup.h"
#include "surveytext.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QUuid>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcSurveys, "engage.surveys")

const QString kSurveysPath = QStringLiteral("/api/v1/surveys");

QString surveyPath(const QString &id)
{
    return kSurveysPath + u'/' + id;
}

QByteArray ifMatch(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

ApiError unreadable(const ApiReply &reply, const QString &detail)
{
    qCWarning(lcSurveys) << "unreadable answer, request" << reply.requestId();
    return reply.unreadable(detail);
}

std::optional<double> openRate(const api::Survey &survey)
{
    if (!survey.openRound || survey.openRound->targets <= 0)
        return std::nullopt;
    return 100.0 * double(survey.openRound->respondents) / double(survey.openRound->targets);
}

} // namespace

SurveyListModel::SurveyListModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_read(new LatestRead(client, this))
{
    connect(m_read, &LatestRead::loadingChanged, this, &SurveyListModel::loadingChanged);
    connect(m_read, &LatestRead::failed, this, &SurveyListModel::failed);
    followLanguage(this, [this] { retranslate(); });
}

int SurveyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SurveyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SurveyListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const api::Survey &survey = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return SurveyText::surveyName(survey.definition.name);
        case KindColumn:
            return SurveyText::kindText(survey.definition.kind);
        case StatusColumn:
            return SurveyText::statusText(survey.status);
        case ResponseRateColumn:
            return responseRateText(survey);
        case NextDeliveryColumn:
            return nextDeliveryText(survey);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ResponseRateColumn && survey.openRound)
            return tr("%1 of %Ln member(s) answered so far.", nullptr,
                      int(std::min<qint64>(survey.openRound->targets, INT_MAX)))
                .arg(QLocale().toString(survey.openRound->respondents));
        if (column == NameColumn) // the name in the other language
            return DashboardText::japaneseUi() ? survey.definition.name.en
                                               : survey.definition.name.ja;
        return {};
    case Qt::TextAlignmentRole:
        if (column == ResponseRateColumn)
            return DashboardText::alignedNumber();
        return {};
    case SurveyIdRole:
        return survey.id;
    case KindRole:
        return static_cast<int>(survey.definition.kind);
    case StatusRole:
        return static_cast<int>(survey.status);
    case RevisionRole:
        return survey.revision;
    case SortRole:
        switch (column) {
        case ResponseRateColumn:
            return openRate(survey).value_or(-1.0);
        case NextDeliveryColumn:
            return survey.nextDelivery.value_or(QDateTime());
        case StatusColumn:
            return static_cast<int>(survey.status);
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant SurveyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case ResponseRateColumn:
        //: Column of the surveys table: the share of members who answered the open round.
        return tr("Response rate");
    case NextDeliveryColumn:
        //: Column of the surveys table: when the next round opens.
        return tr("Next delivery");
    default:
        return {};
    }
}

int SurveyListModel::rowOf(const QString &surveyId) const
{
    return rowWithId(m_rows, surveyId);
}

const api::Survey *SurveyListModel::survey(const QString &surveyId) const
{
    const int row = rowOf(surveyId);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QString SurveyListModel::responseRateText(const api::Survey &survey)
{
    const auto rate = openRate(survey);
    if (!rate)
        return survey.openRound ? DashboardText::noValue() : QString();
    //: A response rate, e.g. "82.5%"; %1 is the number in the UI language.
    return tr("%1%").arg(QLocale().toString(*rate, 'f', 1));
}

QString SurveyListModel::nextDeliveryText(const api::Survey &survey)
{
    if (!survey.nextDelivery || !survey.nextDelivery->isValid())
        return {};
    return QLocale().toString(survey.nextDelivery->toLocalTime(), QLocale::ShortFormat);
}

void SurveyListModel::reload()
{
    m_read->start(kSurveysPath, [this](const QJsonObject &answer) -> std::optional<QString> {
        auto list = api::surveyListFromJson(answer);
        if (!list)
            return list.error().detail;
        beginResetModel();
        m_rows = list.takeValue();
        endResetModel();
        Q_EMIT loaded();
        return std::nullopt;
    });
}

void SurveyListModel::create(const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = kSurveysPath;
    request.body = api::toJson(definition);
    // One key per survey: a retry after a lost answer creates no second one.
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->isOk()) {
            Q_EMIT actionFailed(Action::Create, {}, reply->error());
            return;
        }
        const auto survey = api::surveyFromJson(reply->json().object());
        if (!survey) {
            Q_EMIT actionFailed(Action::Create, {}, unreadable(*reply, survey.error().detail));
            return;
        }
        if (rowOf(survey.value().id) < 0) {
            // Newest first, as the service lists them.
            beginInsertRows({}, 0, 0);
            m_rows.prepend(survey.value());
            endInsertRows();
        } else {
            store(survey.value());
        }
        Q_EMIT created(survey.value());
    });
}

void SurveyListModel::publish(const QString &surveyId)
{
    sendAction(Action::Publish, surveyId, QStringLiteral("publish"), std::nullopt);
}

void SurveyListModel::closeRound(const QString &surveyId)
{
    sendAction(Action::Close, surveyId, QStringLiteral("close"), std::nullopt);
}

void SurveyListModel::extend(const QString &surveyId, const QDate &periodEnds)
{
    sendAction(Action::Extend, surveyId, QStringLiteral("extend"),
               api::toJson(api::ExtendRequest{periodEnds}));
}

void SurveyListModel::removeDraft(const QString &surveyId)
{
    const api::Survey *current = survey(surveyId);
    if (!current)
        return;
    ApiRequest request;
    request.method = "DELETE";
    request.path = surveyPath(surveyId);
    request.ifMatch = ifMatch(current->revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, surveyId] {
        if (!reply->isOk()) {
            const ApiError &error = reply->error();
            if (error.code == api::ProblemCode::PreconditionFailed ||
                error.code == api::ProblemCode::NotFound)
                Q_EMIT staleAction(Action::Remove, surveyId);
            else
                Q_EMIT actionFailed(Action::Remove, surveyId, error);
            return;
        }
        const int gone = rowOf(surveyId);
        if (gone >= 0) {
            beginRemoveRows({}, gone, gone);
            m_rows.removeAt(gone);
            endRemoveRows();
        }
        Q_EMIT removed(surveyId);
    });
}

// Publishing carries the revision the person saw, so that they publish what
// they read; closing and extending act on the running round, whatever the
// revision. Each answers the survey as it is now.
void SurveyListModel::sendAction(Action action, const QString &surveyId, const QString &verb,
                                 const std::optional<QJsonObject> &body)
{
    const api::Survey *current = survey(surveyId);
    if (!current)
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = surveyPath(surveyId) + u'/' + verb;
    request.body = body; // publish and close take none (a body is refused)
    if (action == Action::Publish)
        request.ifMatch = ifMatch(current->revision);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, action, surveyId] {
        if (!reply->isOk()) {
            const ApiError &error = reply->error();
            if (error.code == api::ProblemCode::PreconditionFailed ||
                error.code == api::ProblemCode::NotFound)
                Q_EMIT staleAction(action, surveyId);
            else
                Q_EMIT actionFailed(action, surveyId, error);
            return;
        }
        const auto survey = api::surveyFromJson(reply->json().object());
        if (!survey) {
            Q_EMIT actionFailed(action, surveyId, unreadable(*reply, survey.error().detail));
            return;
        }
        store(survey.value());
        Q_EMIT done(action, surveyId);
    });
}

void SurveyListModel::store(const api::Survey &survey)
{
    const int row = rowOf(survey.id);
    if (row < 0)
        return; // a reload since the action began no longer lists it
    m_rows[row] = survey;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

// The names, kinds, statuses and dates all read differently in the other language.
void SurveyListModel::retranslate()
{
    announceRetranslation(*this);
}

} // namespace engage::models
