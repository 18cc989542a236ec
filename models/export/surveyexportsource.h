#pragma once

#include "api/survey.h"
#include "exportsource.h"
#include "exporttable.h"

namespace engage::models {

// The company's survey definitions, as GET /api/v1/surveys lists them (from
// the offline cache when the service cannot be reached): a sheet of surveys
// (names in both languages, kind, status, delivery settings, revision, dates)
// and a sheet of their questions (survey, position, type, both texts,
// required, scale or options), then the cover. A pulse lists no questions of
// its own: the bank's rotate through it.
class SurveyExportSource final : public ExportSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyExportSource)

public:
    SurveyExportSource(ApiClient &client, QString tenant, QString filters,
                       QObject *parent = nullptr);

    QList<ExportSheet> sheets() const override;
    QString fileLabel() const override;

    const ExportTable &surveyTable() const { return m_surveyTable; }
    const ExportTable &questionTable() const { return m_questionTable; }

private:
    void startLoading() override;
    void clear() override;
    void fillSurveys(const QList<api::Survey> &surveys);
    void fillQuestions(const QList<api::Survey> &surveys);

    ExportTable m_surveyTable;
    ExportTable m_questionTable;
};

} // namespace engage::models
