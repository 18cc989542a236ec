#include "respondentpage.h"

#include <QFile>
#include <QLoggingCategory>
#include <QUrl>

namespace engage::server::respondent {

Q_LOGGING_CATEGORY(lcPage, "engage.server.respondent")

namespace {

// Read once: the templates are resources, the same for the life of the process.
QString templateText(const QString &name)
{
    static const QHash<QString, QString> templates = [] {
        QHash<QString, QString> loaded;
        for (const char *file : {"page.html", "survey.html", "message.html"}) {
            QFile resource(QStringLiteral(":/engage/respondent/") + QLatin1String(file));
            if (!resource.open(QIODevice::ReadOnly))
                qFatal("the respondent template %s is missing from the binary", file);
            loaded.insert(QLatin1String(file), QString::fromUtf8(resource.readAll()));
        }
        return loaded;
    }();
    return templates.value(name);
}

// Each language's link in the header, the current one marked.
QString languageLinks(const PageAddress &address)
{
    QString links;
    for (const Language language : {Language::Japanese, Language::English}) {
        const QString code = languageCode(language);
        links +=
            QStringLiteral("<li><a href=\"") + htmlEscape(address.inLanguage(language).href()) +
            QStringLiteral("\" lang=\"") + code + QStringLiteral("\" hreflang=\"") + code + u'"' +
            (language == address.language ? QStringLiteral(" aria-current=\"true\"") : QString()) +
            u'>' + api::languageName(language) + QStringLiteral("</a></li>");
    }
    return links;
}

QString wrapPage(const PageAddress &address, const QString &title, const QString &content,
                 bool script)
{
    return renderTemplate(
        QStringLiteral("page.html"),
        {{QStringLiteral("lang"), languageCode(address.language)},
         {QStringLiteral("title"), title},
         {QStringLiteral("script"),
          script ? QStringLiteral("<script src=\"/r/assets/respondent.js\" defer></script>")
                 : QString()},
         {QStringLiteral("languageLabel"), text(Text::LanguageLabel, address.language)},
         {QStringLiteral("languages"), languageLinks(address)},
         {QStringLiteral("content"), content}});
}

QString paragraph(const QString &text, const QString &cssClass = {})
{
    return (cssClass.isEmpty() ? QStringLiteral("<p>")
                               : QStringLiteral("<p class=\"") + cssClass + QStringLiteral("\">")) +
           htmlEscape(text) + QStringLiteral("</p>");
}

// A question's text in the page's language; the other one when a draft
// left it out (a published survey has both).
QString localized(const api::LocalizedText &text, Language language)
{
    const QString &wanted = language == Language::Japanese ? text.ja : text.en;
    const QString &other = language == Language::Japanese ? text.en : text.ja;
    return wanted.isEmpty() ? other : wanted;
}

bool isAnswered(const api::RespondentAnswer &answer)
{
    return answer.value || !answer.choices.isEmpty() ||
           (answer.text && !answer.text->trimmed().isEmpty());
}

class QuestionWriter final
{
public:
    explicit QuestionWriter(const SurveyPage &page)
        : m_page(page)
        , m_language(page.address.language)
    {}

    QString write(const api::Question &question, int index) const
    {
        const QString id = htmlEscape(question.id);
        const api::RespondentAnswer answer = m_page.answers.value(question.id);
        const bool failed = m_page.errors.contains(question.id);
        const QString error =
            failed ? QStringLiteral("<p class=\"err\" id=\"e-") + id + QStringLiteral("\">") +
                         htmlEscape(text(m_page.errors.value(question.id), m_language)) +
                         QStringLiteral("</p>")
                   : QString();
        QString hint;
        if (question.type == api::QuestionType::Scale11)
            hint = text(Text::Scale11Hint, m_language);
        else if (question.type == api::QuestionType::MultipleChoice)
            hint = text(Text::MultipleHint, m_language);
        else if (question.type == api::QuestionType::FreeText)
            hint = text(Text::TextHint, m_language).arg(api::kFreeTextAnswerMaxLength);
        const QString hintHtml = hint.isEmpty() ? QString()
                                                : QStringLiteral("<p class=\"hint\" id=\"h-") + id +
                                                      QStringLiteral("\">") + htmlEscape(hint) +
                                                      QStringLiteral("</p>");
        QStringList describedBy;
        if (failed)
            describedBy.append(QStringLiteral("e-") + id);
        if (!hint.isEmpty())
            describedBy.append(QStringLiteral("h-") + id);
        const QString described = describedBy.isEmpty() ? QString()
                                                        : QStringLiteral(" aria-describedby=\"") +
                                                              describedBy.join(u' ') + u'"';
        const QString caption =
            QStringLiteral("<span class=\"n\">") + QString::number(index + 1) + u'/' +
            QString::number(m_page.questions.size()) + QStringLiteral("</span> ") +
            htmlEscape(localized(question.text, m_language)) +
            QStringLiteral(" <span class=\"tag\">(") +
            text(question.required ? Text::Required : Text::Optional, m_language) +
            QStringLiteral(")</span>");
        const QString type = api::questionTypeName(question.type);
        const QString open = QStringLiteral(" class=\"q") +
                             (failed ? QStringLiteral(" invalid") : QString()) +
                             QStringLiteral("\" id=\"q-") + id + QStringLiteral("\" data-q=\"") +
                             id + QStringLiteral("\" data-type=\"") + type + u'"';

        if (question.type == api::QuestionType::FreeText) {
            return QStringLiteral("<div") + open + QStringLiteral("><label for=\"t-") + id +
                   QStringLiteral("\">") + caption + QStringLiteral("</label>") + error + hintHtml +
                   QStringLiteral("<textarea id=\"t-") + id + QStringLiteral("\" name=\"q.") + id +
                   QStringLiteral("\" rows=\"4\" maxlength=\"") +
                   QString::number(api::kFreeTextAnswerMaxLength) + u'"' + described + u'>' +
                   htmlEscape(answer.text.value_or(QString())) +
                   QStringLiteral("</textarea></div>");
        }
        return QStringLiteral("<fieldset") + open + described + QStringLiteral("><legend>") +
               caption + QStringLiteral("</legend>") + error + hintHtml +
               options(question, answer) + QStringLiteral("</fieldset>");
    }

private:
    QString options(const api::Question &question, const api::RespondentAnswer &answer) const
    {
        const bool multiple = question.type == api::QuestionType::MultipleChoice;
        const bool choice = multiple || question.type == api::QuestionType::SingleChoice;
        QList<QString> labels;
        int first = 0; // the value of the first option
        QString layout;
        if (choice) {
            for (const api::LocalizedText &option : question.options)
                labels.append(localized(option, m_language));
        } else {
            labels = api::scaleLabels(question.type, m_language);
            first = question.type == api::QuestionType::Scale11 ? 0 : 1;
            layout = question.type == api::QuestionType::Scale11      ? QStringLiteral(" s11")
                     : question.type == api::QuestionType::Agreement7 ? QStringLiteral(" s7")
                                                                      : QStringLiteral(" s5");
        }
        const QString input = QStringLiteral("<label><input type=\"") +
                              (multiple ? QStringLiteral("checkbox") : QStringLiteral("radio")) +
                              QStringLiteral("\" name=\"q.") + htmlEscape(question.id) +
                              QStringLiteral("\" value=\"");
        QString html = QStringLiteral("<div class=\"opts") + layout + QStringLiteral("\">");
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const int value = first + int(i);
            const bool checked = multiple ? answer.choices.contains(value) : answer.value == value;
            html += input + QString::number(value) + u'"' +
                    (checked ? QStringLiteral(" checked") : QString()) + u'>' +
                    htmlEscape(labels.at(i)) + QStringLiteral("</label>");
        }
        return html + QStringLiteral("</div>");
    }

    const SurveyPage &m_page;
    const Language m_language;
};

QString button(const QString &action, const QString &label, bool primary)
{
    return QStringLiteral("<button type=\"submit\" name=\"action\" value=\"") + action + u'"' +
           (primary ? QStringLiteral(" class=\"primary\"") : QString()) + u'>' + htmlEscape(label) +
           QStringLiteral("</button>");
}

} // namespace

QString htmlEscape(QStringView text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            escaped += QStringLiteral("&amp;");
            break;
        case u'<':
            escaped += QStringLiteral("&lt;");
            break;
        case u'>':
            escaped += QStringLiteral("&gt;");
            break;
        case u'"':
            escaped += QStringLiteral("&quot;");
            break;
        case u'\'':
            escaped += QStringLiteral("&#39;");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QString renderTemplate(const QString &name, const QHash<QString, QString> &values)
{
    const QString source = templateText(name);
    QString out;
    out.reserve(source.size() * 2);
    qsizetype at = 0;
    while (true) {
        const qsizetype open = source.indexOf(QLatin1String("{{"), at);
        if (open < 0)
            break;
        const bool raw = source.mid(open, 3) == QLatin1String("{{{");
        const QLatin1String closing = raw ? QLatin1String("}}}") : QLatin1String("}}");
        const qsizetype keyStart = open + (raw ? 3 : 2);
        const qsizetype close = source.indexOf(closing, keyStart);
        if (close < 0)
            break;
        out += QStringView(source).mid(at, open - at);
        const QString key = source.mid(keyStart, close - keyStart);
        const auto value = values.constFind(key);
        if (value == values.cend()) {
            qCCritical(lcPage) << "the template" << name << "has no value for" << key;
            Q_ASSERT_X(false, "renderTemplate", "a template key without a value");
        } else {
            out += raw ? value.value() : htmlEscape(value.value());
        }
        at = close + closing.size();
    }
    out += QStringView(source).mid(at);
    return out;
}

QString PageAddress::href() const
{
    QString href = QStringLiteral("/r/") + QString::fromLatin1(QUrl::toPercentEncoding(token)) +
                   QStringLiteral("?lang=") + languageCode(language);
    if (stepMode)
        href += QStringLiteral("&mode=step&q=") + QString::number(step + 1);
    return href;
}

PageAddress PageAddress::inLanguage(Language other) const
{
    PageAddress address = *this;
    address.language = other;
    return address;
}

QString renderSurvey(const SurveyPage &page)
{
    const Language language = page.address.language;
    const QString closes = formatMoment(page.closesAt, page.timeZone, language);
    const qsizetype total = page.questions.size();
    const int step = std::clamp(page.address.step, 0, int(std::max<qsizetype>(total - 1, 0)));
    const bool stepMode = page.address.stepMode;

    QString notice;
    if (page.notice == Notice::Saved)
        notice = paragraph(text(Text::Saved, language).arg(closes), QStringLiteral("notice"));
    else if (page.notice == Notice::AlreadySubmitted)
        notice = paragraph(text(Text::AlreadySubmitted, language), QStringLiteral("notice"));

    const QString banner = page.preview ? QStringLiteral("<p class=\"preview\" role=\"note\">") +
                                              htmlEscape(text(Text::PreviewBanner, language)) +
                                              QStringLiteral("</p>")
                                        : QString();

    QString privacy =
        QStringLiteral("<li>") +
        htmlEscape(text(Text::PrivacyAggregated, language).arg(page.anonymityThreshold)) +
        QStringLiteral("</li><li>") + htmlEscape(text(Text::PrivacyIndividual, language)) +
        QStringLiteral("</li>");
    if (page.commentThreshold)
        privacy += QStringLiteral("<li>") +
                   htmlEscape(text(Text::PrivacyComments, language).arg(*page.commentThreshold)) +
                   QStringLiteral("</li>");
    privacy += QStringLiteral("<li>") + htmlEscape(text(Text::PrivacyLink, language)) +
               QStringLiteral("</li>");

    // The errors listed first, each leading to its question.
    QString errors;
    if (!page.errors.isEmpty()) {
        errors = QStringLiteral("<div class=\"errors\" role=\"alert\"><h2>") +
                 htmlEscape(text(Text::ErrorSummary, language)) + QStringLiteral("</h2><ul>");
        for (qsizetype i = 0; i < total; ++i) {
            const api::Question &question = page.questions.at(i);
            if (!page.errors.contains(question.id))
                continue;
            PageAddress at = page.address;
            at.step = int(i);
            const QString target =
                (stepMode ? at.href() : QString()) + QStringLiteral("#q-") + question.id;
            errors += QStringLiteral("<li><a href=\"") + htmlEscape(target) +
                      QStringLiteral("\">") + QString::number(i + 1) + QStringLiteral(". ") +
                      htmlEscape(text(page.errors.value(question.id), language)) +
                      QStringLiteral("</a></li>");
        }
        errors += QStringLiteral("</ul></div>");
    }

    const QuestionWriter writer(page);
    QString questions;
    int answered = 0;
    for (qsizetype i = 0; i < total; ++i) {
        const api::Question &question = page.questions.at(i);
        if (isAnswered(page.answers.value(question.id)))
            ++answered;
        if (!stepMode || i == step)
            questions += writer.write(question, int(i));
    }

    QString buttons;
    if (stepMode) {
        const bool last = step + 1 >= total;
        buttons = last ? button(QStringLiteral("submit"), text(Text::Submit, language), true)
                       : button(QStringLiteral("next"), text(Text::Next, language), true);
        if (step > 0)
            buttons += button(QStringLiteral("back"), text(Text::Back, language), false);
    } else {
        buttons = button(QStringLiteral("submit"), text(Text::Submit, language), true);
    }
    buttons += button(QStringLiteral("save"), text(Text::Save, language), false);

    PageAddress other = page.address;
    other.stepMode = !stepMode;
    other.step = 0;
    const QString content = renderTemplate(
        QStringLiteral("survey.html"),
        {{QStringLiteral("banner"), banner},
         {QStringLiteral("name"), page.surveyName},
         {QStringLiteral("notice"), notice},
         {QStringLiteral("privacyHeading"), text(Text::PrivacyHeading, language)},
         {QStringLiteral("privacy"), privacy},
         {QStringLiteral("openUntil"), text(Text::OpenUntil, language).arg(closes)},
         {QStringLiteral("modeHref"), other.href()},
         {QStringLiteral("modeLabel"), text(stepMode ? Text::ModeAll : Text::ModeStep, language)},
         {QStringLiteral("errors"), errors},
         {QStringLiteral("action"), page.address.href()},
         {QStringLiteral("autosaveDone"),
          text(page.preview ? Text::PreviewAutosave : Text::AutosaveDone, language)},
         {QStringLiteral("autosaveFailed"), text(Text::AutosaveFailed, language)},
         {QStringLiteral("progressPattern"), stepMode ? QString() : text(Text::Progress, language)},
         {QStringLiteral("progress"),
          stepMode ? text(Text::StepProgress, language).arg(step + 1).arg(total)
                   : text(Text::Progress, language).arg(answered).arg(total)},
         {QStringLiteral("progressMax"), QString::number(total)},
         {QStringLiteral("progressValue"), QString::number(stepMode ? step + 1 : answered)},
         {QStringLiteral("questions"), questions},
         {QStringLiteral("buttons"), buttons}});
    return wrapPage(page.address, page.surveyName, content, true);
}

QString renderMessage(const PageAddress &address, Text title, const QStringList &paragraphs,
                      bool back)
{
    const Language language = address.language;
    QString body;
    for (const QString &line : paragraphs)
        body += paragraph(line);
    if (back)
        body += QStringLiteral("<p><a href=\"") + htmlEscape(address.href()) +
                QStringLiteral("\">") + htmlEscape(text(Text::BackToSurvey, language)) +
                QStringLiteral("</a></p>");
    const QString heading = text(title, language);
    const QString content =
        renderTemplate(QStringLiteral("message.html"),
                       {{QStringLiteral("title"), heading}, {QStringLiteral("paragraphs"), body}});
    return wrapPage(address, heading, content, false);
}

} // namespace engage::server::respondent
