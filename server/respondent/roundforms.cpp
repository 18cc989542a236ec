#include "roundforms.h"

#include "api/questionbank.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace engage::server::respondent {

std::shared_ptr<const RoundForm> RoundForm::parse(const store::RoundSurvey &survey, QString *error)
{
    auto form = std::make_shared<RoundForm>();
    form->kind = survey.kind;
    auto parsed =
        api::surveyDefinitionFromJson(QJsonDocument::fromJson(survey.definition).object());
    if (parsed)
        form->definition = parsed.takeValue();
    if (survey.kind == store::SurveyKind::Pulse) {
        form->questions = api::pulseQuestions(survey.round.itemIds);
    } else if (parsed) {
        form->questions = form->definition.questions;
    } else {
        *error = parsed.error().detail;
        return nullptr;
    }
    // Published pulses from before issue 7 have no definition: their name is
    // the list's.
    if (form->definition.name.ja.isEmpty() && form->definition.name.en.isEmpty())
        form->definition.name = {survey.name, survey.name};
    return form;
}

std::shared_ptr<const RoundForm> RoundForm::preview(const api::SurveyDefinition &definition)
{
    auto form = std::make_shared<RoundForm>();
    form->definition = definition;
    if (definition.kind == api::SurveyKind::Custom) {
        form->kind = store::SurveyKind::Custom;
        form->questions = definition.questions;
    } else {
        form->questions = api::pulseQuestions(api::pulseItems(definition.delivery.cadenceWeeks, 0));
    }
    return form;
}

std::shared_ptr<const RoundForm> RoundForms::find(const QString &tenantId, qint64 roundSeq,
                                                  const Version &version) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_forms.constFind(std::make_pair(tenantId, roundSeq));
    if (found == m_forms.cend() || !(found->version == version))
        return nullptr;
    return found->form;
}

void RoundForms::keep(const QString &tenantId, qint64 roundSeq, const Version &version,
                      std::shared_ptr<const RoundForm> form)
{
    std::lock_guard lock(m_mutex);
    const auto key = std::make_pair(tenantId, roundSeq);
    if (m_forms.size() >= maxKept && !m_forms.contains(key))
        m_forms.clear();
    m_forms.insert(key, Kept{version, std::move(form)});
}

int RoundForms::kept() const
{
    std::lock_guard lock(m_mutex);
    return int(m_forms.size());
}

} // namespace engage::server::respondent
