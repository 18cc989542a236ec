#include "mailtexts.h"

#include <QLocale>

namespace engage::server::mail {

namespace {

// One text of the table in both languages.
struct MailText
{
    QString ja;
    QString en;

    const QString &in(const QString &language) const
    {
        return language == QStringLiteral("en") ? en : ja;
    }
};

// %1 survey, %2 last day. The whole subject is one encoded header.
const MailText kInvitationSubject{
    QStringLiteral("【アンケートのお願い】%1（%2まで）"),
    QStringLiteral("Survey: %1 (please answer by %2)"),
};
const MailText kReminderSubject{
    QStringLiteral("【リマインダー】%1（%2まで）"),
    QStringLiteral("Reminder: %1 (please answer by %2)"),
};
// %1 organisation, %2 survey.
const MailText kInvitationOpening{
    QStringLiteral("%1 から「%2」へのご回答のお願いです。"),
    QStringLiteral("%1 invites you to answer \"%2\"."),
};
const MailText kReminderOpening{
    QStringLiteral("%1 の「%2」に、まだご回答いただいていないようです。"
                   "行き違いでご回答済みの場合はご容赦ください。"),
    QStringLiteral("You have not answered \"%2\" for %1 yet. If you have just answered, please "
                   "ignore this reminder."),
};
// %1 days the link works.
const MailText kPreviewNotice{
    QStringLiteral(
        "これはテスト送信です。下のリンクはサーベイのプレビューで、このリンクから回答しても"
        "記録されません。リンクは%1日間有効です。"),
    QStringLiteral("This is a test. The link below opens a preview of the survey: answers given "
                   "through this link are not recorded. It works for %1 days."),
};
const MailText kPreviewWithoutLink{
    QStringLiteral("これはテスト送信です。サービスの公開アドレスが設定されていないため、"
                   "プレビューのリンクは付いていません。"),
    QStringLiteral("This is a test. It carries no preview link, because the service's public "
                   "address is not set."),
};
// %1 last day, %2 time zone.
const MailText kDeadline{
    QStringLiteral("回答期限：%1 23:59（%2）"),
    QStringLiteral("Please answer by %1, 23:59 (%2)."),
};
const MailText kLinkIntro{
    QStringLiteral("次のリンクから回答してください。このリンクはあなた専用です。"
                   "他の人に転送しないでください。"),
    QStringLiteral("Answer through this link. It is yours alone: please do not forward it."),
};
// %1 threshold.
const MailText kWhoSeesWhat{
    QStringLiteral("回答は匿名で集計されます。管理者が見られるのは %1 人以上の回答をまとめた"
                   "結果だけで、あなた個人の回答を見ることはできません。"),
    QStringLiteral("Your answers are confidential: administrators see only aggregated results "
                   "of %1 or more respondents, never your individual answers."),
};
// %1 organisation.
const MailText kSignature{
    QStringLiteral("このメールは %1 のエンゲージメントサーベイ（Engage）から送信されています。"),
    QStringLiteral("This message was sent by %1's engagement survey (Engage)."),
};
const MailText kTestSubject{
    QStringLiteral("Engage のメール送信テスト"),
    QStringLiteral("Engage e-mail test"),
};
// %1 organisation.
const MailText kTestBody{
    QStringLiteral("%1 のメール設定でこのメールが届きました。アンケートの案内とリマインダーは"
                   "この設定で送信されます。"),
    QStringLiteral("This message reached you through the mail settings of %1. Survey "
                   "invitations and reminders will be sent with them."),
};

const MailText kCodeHeader{QStringLiteral("社員番号"), QStringLiteral("Employee code")};
const MailText kNameHeader{QStringLiteral("氏名"), QStringLiteral("Name")};
const MailText kGroupHeader{QStringLiteral("所属"), QStringLiteral("Group")};
const MailText kLinkHeader{QStringLiteral("回答リンク"), QStringLiteral("Link")};
const MailText kNoGroup{QStringLiteral("（所属なし）"), QStringLiteral("(no group)")};
const MailText kSheetTitle{QStringLiteral("%1：回答用リンク"), QStringLiteral("%1: answer links")};
const MailText kNoMembers{
    QStringLiteral("リンクを配る対象者はいません（全員が回答済みか、メールで案内されます）。"),
    QStringLiteral("Nobody is left to hand a link to (everyone has answered or gets it by "
                   "e-mail)."),
};
const MailText kCardHint{
    QStringLiteral("QRコードをスマートフォンで読み取るか、下のアドレスを開いて回答してください。"
                   "このカードはあなた専用です。"),
    QStringLiteral("Scan the QR code with your phone or open the address below to answer. This "
                   "card is yours alone."),
};

QString dayText(const QString &language, const QDate &day)
{
    if (language == QStringLiteral("en"))
        return QLocale(QLocale::English, QLocale::UnitedKingdom)
            .toString(day, QStringLiteral("dddd, d MMMM yyyy"));
    return QLocale(QLocale::Japanese, QLocale::Japan)
        .toString(day, QStringLiteral("yyyy年M月d日(ddd)"));
}

} // namespace

QString mailLanguage(const QString &language)
{
    return language == QStringLiteral("en") ? QStringLiteral("en") : QStringLiteral("ja");
}

MailMessage surveyMail(const SurveyMailFields &fields, const QString &to)
{
    const QString language = mailLanguage(fields.language);
    const bool reminder = fields.kind == SurveyMailFields::Kind::Reminder;
    const QString day = dayText(language, fields.lastDay);
    // The multi-argument arg() replaces in one pass, so a '%2' in a survey's
    // name stays text.
    MailMessage message;
    message.to = to;
    message.subject =
        (reminder ? kReminderSubject : kInvitationSubject).in(language).arg(fields.surveyName, day);
    QStringList paragraphs;
    if (fields.preview)
        paragraphs.append(fields.link.isEmpty()
                              ? kPreviewWithoutLink.in(language)
                              : kPreviewNotice.in(language).arg(fields.previewValidDays));
    paragraphs.append((reminder ? kReminderOpening : kInvitationOpening)
                          .in(language)
                          .arg(fields.organisation, fields.surveyName));
    paragraphs.append(kDeadline.in(language).arg(day, fields.timeZone));
    if (!fields.link.isEmpty())
        paragraphs.append(kLinkIntro.in(language) + u'\n' + fields.link);
    paragraphs.append(kWhoSeesWhat.in(language).arg(fields.anonymityThreshold));
    paragraphs.append(kSignature.in(language).arg(fields.organisation));
    message.textBody = paragraphs.join(QStringLiteral("\n\n")) + u'\n';
    return message;
}

PrintedLinkTexts printedLinkTexts(const QString &language)
{
    const QString chosen = mailLanguage(language);
    PrintedLinkTexts texts;
    texts.employeeCode = kCodeHeader.in(chosen);
    texts.name = kNameHeader.in(chosen);
    texts.group = kGroupHeader.in(chosen);
    texts.link = kLinkHeader.in(chosen);
    texts.noGroup = kNoGroup.in(chosen);
    texts.title = kSheetTitle.in(chosen);
    texts.noMembers = kNoMembers.in(chosen);
    texts.cardHint = kCardHint.in(chosen);
    texts.whoSeesWhat = kWhoSeesWhat.in(chosen);
    return texts;
}

MailMessage smtpTestMail(const QString &language, const QString &organisation, const QString &to)
{
    const QString chosen = mailLanguage(language);
    MailMessage message;
    message.to = to;
    message.subject = kTestSubject.in(chosen);
    message.textBody = kTestBody.in(chosen).arg(organisation) + QStringLiteral("\n\n") +
                       kSignature.in(chosen).arg(organisation) + u'\n';
    return message;
}

} // namespace engage::server::mail
