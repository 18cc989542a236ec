#include "surveypreview.h"

#include "api/questionbank.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace engage::ui {

namespace {

// The respondent page's own words (server/respondent/respondenttexts.cpp)
// in the respondent's language, whatever the language of this window: they
// are what the preview shows, not what the client says.
struct Words
{
    const char16_t *ja;
    const char16_t *en;

    QString in(bool japanese) const { return QString::fromUtf16(japanese ? ja : en); }
};

constexpr Words kAgreement5[] = {{u"まったくそう思わない", u"Strongly disagree"},
                                 {u"そう思わない", u"Disagree"},
                                 {u"どちらともいえない", u"Neither agree nor disagree"},
                                 {u"そう思う", u"Agree"},
                                 {u"とてもそう思う", u"Strongly agree"}};
constexpr Words kAgreement7[] = {{u"まったくそう思わない", u"Strongly disagree"},
                                 {u"そう思わない", u"Disagree"},
                                 {u"あまりそう思わない", u"Somewhat disagree"},
                                 {u"どちらともいえない", u"Neither agree nor disagree"},
                                 {u"ややそう思う", u"Somewhat agree"},
                                 {u"そう思う", u"Agree"},
                                 {u"とてもそう思う", u"Strongly agree"}};
constexpr Words kPrivacyHeading{u"あなたの回答の扱い", u"Who sees your answers"};
constexpr Words kPrivacyAggregated{
    u"組織に示されるのは、回答者が%1人以上のグループの集計結果だけです。回答者がそれより少ないグ"
    u"ループの結果は表示されません。",
    u"Your organisation sees only aggregated results of groups of at least %1 respondents. "
    u"Groups with fewer respondents show no results."};
constexpr Words kPrivacyIndividual{
    u"あなた個人の回答は、人事担当者・上司・管理者を含め、組織の誰も見ることができません。",
    u"Nobody in your organisation, including HR, your manager and the administrators, can see "
    u"your individual answers."};
constexpr Words kRequired{u"必須", u"required"};
constexpr Words kOptional{u"任意", u"optional"};
constexpr Words kScale11Hint{u"0（最も低い）から10（最も高い）で選んでください。",
                             u"Choose from 0 (lowest) to 10 (highest)."};
constexpr Words kMultipleHint{u"当てはまるものをすべて選んでください。", u"Choose all that apply."};
constexpr Words kTextHint{u"%1文字まで入力できます。", u"Up to %1 characters."};
constexpr Words kSubmit{u"回答を送信する", u"Submit answers"};

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

template<std::size_t N>
QString scale(const Words (&words)[N], bool japanese)
{
    QStringList items;
    for (std::size_t i = 0; i < N; ++i)
        items << QStringLiteral("○ %1").arg(words[i].in(japanese).toHtmlEscaped());
    return QStringLiteral("<p>%1</p>").arg(items.join(QStringLiteral("&nbsp;&nbsp; ")));
}

QString answerHtml(const api::Question &question, bool japanese)
{
    switch (question.type) {
    case api::QuestionType::Agreement5:
        return scale(kAgreement5, japanese);
    case api::QuestionType::Agreement7:
        return scale(kAgreement7, japanese);
    case api::QuestionType::Scale11: {
        QStringList points;
        for (int point = 0; point <= 10; ++point)
            points << QStringLiteral("○ %1").arg(point);
        return QStringLiteral("<p><i>%1</i><br>%2</p>")
            .arg(kScale11Hint.in(japanese).toHtmlEscaped(), points.join(QStringLiteral("&nbsp; ")));
    }
    case api::QuestionType::SingleChoice:
    case api::QuestionType::MultipleChoice: {
        const bool multiple = question.type == api::QuestionType::MultipleChoice;
        QString html =
            multiple
                ? QStringLiteral("<p><i>%1</i></p>").arg(kMultipleHint.in(japanese).toHtmlEscaped())
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
            .arg(kTextHint.in(japanese)
                     .arg(QLocale(japanese ? QLocale::Japanese : QLocale::English)
                              .toString(api::kFreeTextAnswerMaxLength))
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
                .arg(kPrivacyHeading.in(japanese).toHtmlEscaped(),
                     kPrivacyAggregated.in(japanese).arg(anonymityThreshold).toHtmlEscaped(),
                     kPrivacyIndividual.in(japanese).toHtmlEscaped());
    if (questions.isEmpty())
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg(SurveyPreview::tr("No questions yet: add one from the bank or write your own.")
                         .toHtmlEscaped());
    for (int i = 0; i < questions.size(); ++i) {
        const api::Question &question = questions.at(i);
        html += QStringLiteral("<hr><p><b>%1. %2</b> <small>(%3)</small></p>")
                    .arg(i + 1)
                    .arg(shown(question.text, japanese),
                         (question.required ? kRequired : kOptional).in(japanese));
        html += answerHtml(question, japanese);
    }
    html += QStringLiteral("<hr><p>[ %1 ]</p>").arg(kSubmit.in(japanese).toHtmlEscaped());
    return html;
}

} // namespace engage::ui
