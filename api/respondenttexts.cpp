#include "respondenttexts.h"

#include "survey.h"

#include <QByteArrayList>
#include <QLocale>
#include <QTimeZone>
#include <iterator>

namespace engage::api {

namespace {

struct Entry
{
    Text key;
    const char16_t *ja;
    const char16_t *en;
};

// In the order of Text: checked at compile time below, so that a text added
// to the enum cannot be forgotten here.
constexpr Entry kTexts[] = {
    {Text::LanguageLabel, u"言語", u"Language"},
    {Text::PrivacyHeading, u"あなたの回答の扱い", u"Who sees your answers"},
    {Text::PrivacyAggregated,
     u"組織に示されるのは、回答者が%1人以上のグループの集計結果だけです。回答者がそれより少ないグ"
     u"ループの結果は表示されません。",
     u"Your organisation sees only aggregated results of groups of at least %1 respondents. "
     u"Groups with fewer respondents show no results."},
    {Text::PrivacyIndividual,
     u"あなた個人の回答は、人事担当者・上司・管理者を含め、組織の誰も見ることができません。",
     u"Nobody in your organisation, including HR, your manager and the administrators, can see "
     u"your individual answers."},
    {Text::PrivacyComments,
     u"自由記述のコメントは名前を伏せて、回答者が%1人以上のグループについてのみ表示されます。",
     u"Written comments are shown without your name, and only for groups of at least %1 "
     u"respondents."},
    {Text::PrivacyLink, u"このリンクはあなた専用です。他の人に転送しないでください。",
     u"This link is yours alone: please do not forward it."},
    {Text::OpenUntil, u"%1まで回答できます。", u"You can answer until %1."},
    {Text::ModeAll, u"すべての質問を1ページに表示", u"Show all questions on one page"},
    {Text::ModeStep, u"1問ずつ表示", u"Show one question at a time"},
    {Text::Progress, u"%2問中%1問に回答済み", u"%1 of %2 questions answered"},
    {Text::StepProgress, u"質問 %1 / %2", u"Question %1 of %2"},
    {Text::Required, u"必須", u"required"},
    {Text::Optional, u"任意", u"optional"},
    {Text::Agreement5_1, u"まったくそう思わない", u"Strongly disagree"},
    {Text::Agreement5_2, u"そう思わない", u"Disagree"},
    {Text::Agreement5_3, u"どちらともいえない", u"Neither agree nor disagree"},
    {Text::Agreement5_4, u"そう思う", u"Agree"},
    {Text::Agreement5_5, u"とてもそう思う", u"Strongly agree"},
    {Text::Agreement7_1, u"まったくそう思わない", u"Strongly disagree"},
    {Text::Agreement7_2, u"そう思わない", u"Disagree"},
    {Text::Agreement7_3, u"あまりそう思わない", u"Somewhat disagree"},
    {Text::Agreement7_4, u"どちらともいえない", u"Neither agree nor disagree"},
    {Text::Agreement7_5, u"ややそう思う", u"Somewhat agree"},
    {Text::Agreement7_6, u"そう思う", u"Agree"},
    {Text::Agreement7_7, u"とてもそう思う", u"Strongly agree"},
    {Text::Scale11Hint, u"0（最も低い）から10（最も高い）で選んでください。",
     u"Choose from 0 (lowest) to 10 (highest)."},
    {Text::MultipleHint, u"当てはまるものをすべて選んでください。", u"Choose all that apply."},
    {Text::TextHint, u"%1文字まで入力できます。", u"Up to %1 characters."},
    {Text::Save, u"保存して後で続ける", u"Save and finish later"},
    {Text::Submit, u"回答を送信する", u"Submit answers"},
    {Text::Next, u"次へ", u"Next"},
    {Text::Back, u"戻る", u"Back"},
    {Text::Saved, u"ここまでの回答を保存しました。%1までこのリンクから続けられます。",
     u"Your answers so far are saved. You can come back to this link until %1."},
    {Text::AutosaveDone, u"回答を自動保存しました。", u"Your answers were saved automatically."},
    {Text::AutosaveFailed, u"自動保存できませんでした。接続を確認してください。",
     u"Your answers could not be saved automatically: check your connection."},
    {Text::AlreadySubmitted,
     u"回答は送信済みです。もう一度送信すると、前の回答は新しい回答に置き換わります。",
     u"You have already submitted your answers. If you submit again, your new answers replace "
     u"the earlier ones."},
    {Text::ErrorSummary, u"次の点を確認してください", u"Please check the following"},
    {Text::ErrorRequired, u"この質問には回答が必要です。", u"This question needs an answer."},
    {Text::ErrorInvalid, u"この回答は受け付けられませんでした。もう一度選んでください。",
     u"This answer could not be accepted: please answer again."},
    {Text::ThanksTitle, u"ご回答ありがとうございました", u"Thank you for your answers"},
    {Text::ThanksBody, u"回答を受け付けました。", u"Your answers were received."},
    {Text::ThanksReplaced, u"前に送信した回答を、今回の回答に置き換えました。",
     u"Your new answers replaced the ones you submitted earlier."},
    {Text::ThanksChange, u"%1までは、同じリンクから回答を変更できます。",
     u"You can change your answers with the same link until %1."},
    {Text::UnknownTitle, u"このリンクは使えません", u"This link does not work"},
    {Text::UnknownBody,
     u"リンクが途中で切れているか、誤っている可能性があります。案内のメールなどからもう一度開くか、"
     u"人事担当者に新しいリンクを依頼してください。",
     u"The link may be incomplete or mistyped. Open it again from your invitation, or ask your HR "
     u"contact for a new one."},
    {Text::ClosedTitle, u"このアンケートは締め切られました", u"This survey has closed"},
    {Text::ClosedBody, u"回答期間は%1に終了しました。回答の送信や変更はできません。",
     u"The response period ended on %1. Answers can no longer be given or changed."},
    {Text::NotOpenTitle, u"このアンケートはまだ始まっていません", u"This survey is not open yet"},
    {Text::NotOpenBody, u"%1から回答できます。その時にもう一度このリンクを開いてください。",
     u"You can answer from %1. Please open this link again then."},
    {Text::BadFormTitle, u"回答を読み取れませんでした", u"Your answers could not be read"},
    {Text::BadFormBody, u"アンケートに戻って、もう一度お試しください。",
     u"Please go back to the survey and try again."},
    {Text::TooManyTitle, u"短い間に何度も送信されました", u"Sent too often in a short time"},
    {Text::TooManyBody,
     u"このリンクから続けて送信されたため、今回の送信は受け付けませんでした。それまでに保存された"
     u"回答は残っています。数秒待ってから、アンケートに戻ってもう一度送信してください。",
     u"This link sent answers several times in a row, so this one was not taken. What was saved "
     u"before is kept. Please wait a few seconds, then go back to the survey and send again."},
    {Text::BackToSurvey, u"アンケートに戻る", u"Back to the survey"},
    {Text::FailureTitle, u"問題が発生しました", u"Something went wrong"},
    {Text::FailureBody,
     u"回答が保存されていない可能性があります。しばらくしてからもう一度お試しください。",
     u"Your answers may not have been saved. Please try again in a few minutes."},
    {Text::PreviewBanner, u"これはサーベイのプレビューです。回答しても記録されません。",
     u"This is a preview of the survey. Answers given here are not recorded."},
    {Text::PreviewAutosave, u"プレビューのため、回答は保存されません。",
     u"This is a preview: answers are not saved."},
    {Text::PreviewNotRecordedTitle, u"プレビューの回答は記録されていません",
     u"Preview answers are not recorded"},
    {Text::PreviewNotRecordedBody,
     u"このページはサーベイのプレビューのため、回答は保存も送信もされていません。"
     u"対象者は、サーベイの公開後に届く案内メールのリンクから回答します。",
     u"This page is a preview of the survey, so your answers were neither saved nor submitted. "
     u"Respondents answer through the links of the invitations sent once the survey is "
     u"published."},
};

constexpr bool inOrder()
{
    for (std::size_t i = 0; i < std::size(kTexts); ++i) {
        if (static_cast<std::size_t>(kTexts[i].key) != i)
            return false;
    }
    return static_cast<std::size_t>(Text::PreviewNotRecordedBody) + 1 == std::size(kTexts);
}
static_assert(inOrder(), "kTexts must list every Text, in order");

// One range of Accept-Language with its weight.
struct Preference
{
    QByteArray range;
    double weight = 1.0;
};

QList<Preference> preferences(QByteArrayView header)
{
    QList<Preference> found;
    const QByteArrayList items = header.toByteArray().split(',');
    for (const QByteArray &item : items) {
        const QByteArrayList parts = item.split(';');
        Preference preference{parts.first().trimmed().toLower(), 1.0};
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                const double weight = parameter.mid(2).toDouble(&ok);
                preference.weight = ok ? weight : 0.0;
            }
        }
        if (!preference.range.isEmpty() && preference.weight > 0.0)
            found.append(preference);
    }
    return found;
}

} // namespace

Language chooseLanguage(QStringView queried, QStringView target, QByteArrayView acceptLanguage)
{
    if (const auto language = languageFromCode(queried))
        return *language;
    if (const auto language = languageFromCode(target))
        return *language;
    std::optional<Language> best;
    double bestWeight = 0.0;
    for (const Preference &preference : preferences(acceptLanguage)) {
        std::optional<Language> language;
        if (preference.range == "ja" || preference.range.startsWith("ja-"))
            language = Language::Japanese;
        else if (preference.range == "en" || preference.range.startsWith("en-"))
            language = Language::English;
        // The first of equal weights wins: the header lists its favourite first.
        if (language && preference.weight > bestWeight) {
            best = language;
            bestWeight = preference.weight;
        }
    }
    return best.value_or(Language::Japanese);
}

QString text(Text key, Language language)
{
    const Entry &entry = kTexts[static_cast<std::size_t>(key)];
    return QString::fromUtf16(language == Language::Japanese ? entry.ja : entry.en);
}

QStringList scaleLabels(QuestionType type, Language language)
{
    static constexpr Text agreement5[] = {Text::Agreement5_1, Text::Agreement5_2,
                                          Text::Agreement5_3, Text::Agreement5_4,
                                          Text::Agreement5_5};
    static constexpr Text agreement7[] = {
        Text::Agreement7_1, Text::Agreement7_2, Text::Agreement7_3, Text::Agreement7_4,
        Text::Agreement7_5, Text::Agreement7_6, Text::Agreement7_7};
    QStringList labels;
    switch (type) {
    case QuestionType::Agreement5:
        for (const Text key : agreement5)
            labels.append(text(key, language));
        break;
    case QuestionType::Agreement7:
        for (const Text key : agreement7)
            labels.append(text(key, language));
        break;
    case QuestionType::Scale11:
        for (int point = 0; point <= 10; ++point)
            labels.append(QString::number(point));
        break;
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
    case QuestionType::FreeText:
        break;
    }
    return labels;
}

QString formatMoment(const QDateTime &moment, const QString &timeZone, Language language)
{
    QTimeZone zone(timeZone.toUtf8());
    QString zoneName = timeZone;
    if (!zone.isValid()) {
        zoneName = api::kDefaultTimeZone;
        zone = QTimeZone(zoneName.toUtf8());
    }
    const QDateTime local = moment.toTimeZone(zone);
    const QString when = language == Language::Japanese
                             ? QLocale(QLocale::Japanese, QLocale::Japan)
                                   .toString(local, QStringLiteral("yyyy年M月d日 HH:mm"))
                             : QLocale(QLocale::English, QLocale::UnitedKingdom)
                                   .toString(local, QStringLiteral("d MMMM yyyy, HH:mm"));
    return when + QStringLiteral(" (") + zoneName + u')';
}

} // namespace engage::api
