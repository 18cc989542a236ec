#include "respondentform.h"

#include <QHash>
#include <QStringDecoder>
#include <algorithm>

namespace engage::server::respondent {

namespace {

const QString kQuestionPrefix = QStringLiteral("q.");

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 3986 percent-decoding with '+' as space (HTML form encoding), refusing
// a '%' without two hex digits and bytes that are not UTF-8.
std::optional<QString> formDecode(QByteArrayView encoded)
{
    // What the page's own fields are (ids, numbers, actions): ASCII without
    // escapes, its own text. The whole page posts at once, so this is most
    // of a submission's decoding.
    const bool plain = std::all_of(encoded.begin(), encoded.end(),
                                   [](char c) { return c != '%' && c != '+' && uchar(c) < 0x80; });
    if (plain)
        return QString::fromLatin1(encoded);
    QByteArray bytes;
    bytes.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%') {
            if (i + 2 >= encoded.size())
                return std::nullopt;
            const int high = hexValue(encoded.at(i + 1));
            const int low = hexValue(encoded.at(i + 2));
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes += char(high * 16 + low);
            i += 2;
        } else {
            bytes += c;
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// A number as the page's options send it: a few decimal digits.
std::optional<int> optionNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 3)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return text.toInt();
}

std::optional<FormAction> actionFromName(const QString &name)
{
    if (name == QLatin1String("save"))
        return FormAction::Save;
    if (name == QLatin1String("submit"))
        return FormAction::Submit;
    if (name == QLatin1String("next"))
        return FormAction::Next;
    if (name == QLatin1String("back"))
        return FormAction::Back;
    return std::nullopt;
}

} // namespace

bool isAnswered(const api::RespondentAnswer &answer)
{
    return answer.value || !answer.choices.isEmpty() ||
           (answer.text && !answer.text->trimmed().isEmpty());
}

std::optional<PostedForm> decodeForm(QByteArrayView body, const QList<api::Question> &shown)
{
    QHash<QString, const api::Question *> questions;
    qsizetype fieldsAllowed = 1; // the action
    for (const api::Question &question : shown) {
        questions.insert(question.id, &question);
        fieldsAllowed += std::max<qsizetype>(question.options.size(), 1);
    }
    PostedForm form;
    std::optional<FormAction> action;
    QHash<QString, api::RespondentAnswer> answers;
    qsizetype fields = 0;
    for (qsizetype start = 0; start <= body.size();) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        if (++fields > fieldsAllowed)
            return std::nullopt;
        const qsizetype equals = pair.indexOf('=');
        const auto name = formDecode(equals < 0 ? pair : pair.first(equals));
        const auto value = formDecode(equals < 0 ? QByteArrayView() : pair.sliced(equals + 1));
        if (!name || !value)
            return std::nullopt;
        if (*name == QLatin1String("action")) {
            if (action)
                return std::nullopt;
            action = actionFromName(*value);
            if (!action)
                return std::nullopt;
            continue;
        }
        if (!name->startsWith(kQuestionPrefix))
            return std::nullopt;
        const QString id = name->mid(kQuestionPrefix.size());
        const api::Question *question = questions.value(id);
        if (!question)
            return std::nullopt;
        const bool seen = answers.contains(id);
        api::RespondentAnswer &answer = answers[id];
        answer.questionId = id;
        switch (question->type) {
        case api::QuestionType::FreeText: {
            if (seen)
                return std::nullopt;
            QString text = *value;
            text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            answer.text = text;
            break;
        }
        case api::QuestionType::MultipleChoice: {
            const auto choice = optionNumber(*value);
            if (!choice)
                return std::nullopt;
            answer.choices.append(*choice);
            break;
        }
        default: {
            const auto number = optionNumber(*value);
            if (seen || !number)
                return std::nullopt;
            answer.value = number;
        }
        }
    }
    form.action = action.value_or(FormAction::Save);
    for (const api::Question &question : shown) {
        const auto answer = answers.constFind(question.id);
        if (answer != answers.cend())
            form.answers.append(answer.value());
    }
    return form;
}

QList<api::RespondentAnswer> mergeAnswers(const QList<api::Question> &questions,
                                          const QList<api::RespondentAnswer> &saved,
                                          const QList<api::RespondentAnswer> &posted,
                                          const QStringList &replacedIds)
{
    QHash<QString, api::RespondentAnswer> earlier;
    for (const api::RespondentAnswer &answer : saved)
        earlier.insert(answer.questionId, answer);
    QHash<QString, api::RespondentAnswer> now;
    for (const api::RespondentAnswer &answer : posted)
        now.insert(answer.questionId, answer);
    QList<api::RespondentAnswer> merged;
    for (const api::Question &question : questions) {
        const auto &from = replacedIds.contains(question.id) ? now : earlier;
        const auto answer = from.constFind(question.id);
        if (answer != from.cend() && isAnswered(answer.value()))
            merged.append(answer.value());
    }
    return merged;
}

} // namespace engage::server::respondent
