#include "surveypreview.h"

#include "api/questionbank.h"
#include "api/respondenttexts.h"

#include <QCoreApplication>
#include <QStringList>

namespace engage::ui {

namespace {

// The translation context of what the preview says to the person editing.
class SurveyPreview final
{
    Q_DECLARE_TR_FUNCTIONS(engage::ui::SurveyPreview)
};

// The text in the preview's language, or a mark where it is missing.
QString shown(const api::LocalizedText &text, bool japanese)
{
    const QString &side = japanese ? text.ja : text.en;
    if (!side.trimmed().isEmpty())
        return side.toHtmlEscaped();
    return QStringLiteral("<span style=\"color:#b3261e\">[%1]</span>")
        .arg((japanese ? SurveyPreview::tr("Japanese text missing")
                       : SurveyPreview::tr("English text missing"))
                 .toHtmlEscaped());
}

api::Language languageOf(bool japanese)
{
    return japanese ? api::Language::Japanese : api::Language::English;
}

// The respondent page's own words (api/respondenttexts.h) in the
// respondent's language, whatever the language of this window: they are what
// the preview shows, not what the client says.
QString said(api::Text text, bool japanese)
{
    return api::text(text, languageOf(japanese)).toHtmlEscaped();
}

QString scale(api::QuestionType type, bool japanese, const QString &separator)
{
    QStringList items;
    for (const QString &label : api::scaleLabels(type, languageOf(japanese)))
        items << QStringLiteral("○ %1").arg(label.toHtmlEscaped());
    return items.join(separator);
}

QString answerHtml(const api::Question &question, bool japanese)
{
    switch (question.type) {
    case api::QuestionType::Agreement5:
    case api::QuestionType::Agreement7:
        return QStringLiteral("<p>%1</p>")
            .arg(scale(question.type, japanese, QStringLiteral("&nbsp;&nbsp; ")));
    case api::QuestionType::Scale11:
        return QStringLiteral("<p><i>%1</i><br>%2</p>")
            .arg(said(api::Text::Scale11Hint, japanese),
                 scale(question.type, japanese, QStringLiteral("&nbsp; ")));
    case api::QuestionType::SingleChoice:
    case api::QuestionType::MultipleChoice: {
        const bool multiple = question.type == api::QuestionType::MultipleChoice;
        QString html =
            multiple
                ? QStringLiteral("<p><i>%1</i></p>").arg(said(api::Text::MultipleHint, japanese))
                : QString();
        for (const api::LocalizedText &option : question.options)
            html += QStringLiteral("<div>%1 %2</div>")
                        .arg(multiple ? QStringLiteral("☐") : QStringLiteral("○"),
                             shown(option, japanese));
        return html;
    }
    case api::QuestionType::FreeText:
        return QStringLiteral("<table border=\"1\" cellpadding=\"16\" width=\"100%\" "
                              "style=\"border-color:#999\"><tr><td></td></tr></table>"
                              "<p><i>%1</i></p>")
            .arg(api::text(api::Text::TextHint, languageOf(japanese))
                     .arg(api::kFreeTextAnswerMaxLength)
                     .toHtmlEscaped());
    }
    return {};
}

} // namespace

QString surveyPreviewHtml(const api::SurveyDefinition &definition, bool japanese,
                          int anonymityThreshold)
{
    const QList<api::Question> questions =
        definition.kind == api::SurveyKind::Pulse
            ? api::pulseQuestions(api::pulseItems(definition.delivery.cadenceWeeks, 0))
            : definition.questions;
    QString html = QStringLiteral("<h2>%1</h2>").arg(shown(definition.name, japanese));
    html += QStringLiteral("<p><b>%1</b><br>%2<br>%3</p>")
                .arg(said(api::Text::PrivacyHeading, japanese),
                     api::text(api::Text::PrivacyAggregated, languageOf(japanese))
                         .arg(anonymityThreshold)
                         .toHtmlEscaped(),
                     said(api::Text::PrivacyIndividual, japanese));
    if (questions.isEmpty())
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg(SurveyPreview::tr("No questions yet: add one from the bank or write your own.")
                         .toHtmlEscaped());
    for (int i = 0; i < questions.size(); ++i) {
        const api::Question &question = questions.at(i);
        html +=
            QStringLiteral("<hr><p><b>%1. %2</b> <small>(%3)</small></p>")
                .arg(i + 1)
                .arg(shown(question.text, japanese),
                     said(question.required ? api::Text::Required : api::Text::Optional, japanese));
        html += answerHtml(question, japanese);
    }
    html += QStringLiteral("<hr><p>[ %1 ]</p>").arg(said(api::Text::Submit, japanese));
    return html;
}

} // namespace engage::ui
