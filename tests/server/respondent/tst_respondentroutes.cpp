// The respondent page in-process over real TLS on a real (SQLite) store:
// both languages and how one is chosen, the page's security headers, partial
// saves shown again, one question at a time without JavaScript, final
// submissions of a pulse and a custom survey (free text sealed at rest),
// submitting twice, links that cannot take answers, hostile input, the page's
// size, a link writing too often, and a round's survey or state changed after
// its page was shown (the parsed survey is kept between requests); preview
// links: a survey as it is now with the preview banner, in both languages
// and one question at a time, answers checked and stored nowhere, expired,
// of a deleted survey, hostile.

#include "api/questionbank.h"
#include "api/respondenttexts.h"
#include "crypto/random.h"
#include "respondent/respondentroutes.h"
#include "respondentseed.h"
#include "servicefixture.h"
#include "store/customanswerrepository.h"
#include "store/engagementsettingsrepository.h"
#include "store/previewlinkrepository.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"
#include "store/surveyrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace engage;
using namespace engage::test;
using api::Language;
using api::Text;

namespace {

const QByteArray kForm = "application/x-www-form-urlencoded";
const QByteArray kPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
                           "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                           "base-uri 'none'";

QString say(Text key, Language language)
{
    return api::text(key, language);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&#39;"));
}

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArrayList pairs;
    for (const auto &[name, value] : fields)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    return pairs.join('&');
}

// The markup of one question of a page: its fieldset or text box.
QString questionMarkup(const QString &page, const QString &questionId)
{
    const qsizetype start = page.indexOf(QStringLiteral("data-q=\"") + questionId + u'"');
    if (start < 0)
        return {};
    const qsizetype end = page.indexOf(QStringLiteral("data-q="), start + 1);
    return page.mid(start, end < 0 ? -1 : end - start);
}

api::SurveyDefinition customDefinition()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("職場アンケート"), QStringLiteral("Workplace survey")};
    definition.commentThreshold = 10;
    const auto question = [](const QString &id, api::QuestionType type, const QString &ja,
                             const QString &en, bool required, int options = 0) {
        api::Question q;
        q.id = id;
        q.type = type;
        q.text = {ja, en};
        q.required = required;
        for (int i = 0; i < options; ++i)
            q.options.append(
                {QStringLiteral("選択肢%1").arg(i), QStringLiteral("Option %1").arg(i)});
        return q;
    };
    definition.questions = {
        question(QStringLiteral("q1"), api::QuestionType::Agreement7,
                 QStringLiteral("チームを信頼している"), QStringLiteral("I trust my team"), true),
        question(QStringLiteral("q2"), api::QuestionType::Scale11, QStringLiteral("友人に勧めたい"),
                 QStringLiteral("I would recommend us"), true),
        question(QStringLiteral("q3"), api::QuestionType::SingleChoice, QStringLiteral("勤務形態"),
                 QStringLiteral("How you work"), true, 3),
        question(QStringLiteral("q4"), api::QuestionType::MultipleChoice,
                 QStringLiteral("使うツール"), QStringLiteral("Tools you use"), false, 3),
        question(QStringLiteral("q5"), api::QuestionType::FreeText, QStringLiteral("ご意見"),
                 QStringLiteral("Comments"), false),
    };
    return definition;
}

} // namespace

class TestRespondentRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_tenant;
    QStringList m_items; // the pulse's four items
    SeededRound m_pulse;
    SeededRound m_custom;
    SeededRound m_closed;
    SeededRound m_future;
    SeededRound m_fullBank;
    SeededRound m_largest;
    // Preview links (the survey's test message) by name: "custom" (Japanese),
    // "custom-en", "pulse-en", "expired", "deleted".
    QHash<QString, QString> m_previews;
    QString m_customDraftId;

    static constexpr int kThreshold = 7;

    server::store::TenantScope tenantScope() const
    {
        return server::store::TenantScope(m_tenant.id);
    }

    // A draft survey as an administrator saves it; its id.
    QString createDraft(const api::SurveyDefinition &definition)
    {
        const auto created =
            server::store::SurveyRepository(m_service.connection(), m_service.keyring())
                .create(tenantScope(), definition, QDateTime::currentDateTimeUtc());
        if (!created)
            qFatal("cannot create a draft: %s", qPrintable(created.error().message));
        return created.value().id;
    }

    QString issuePreview(const QString &surveyId, const QString &language,
                         const QDateTime &at = QDateTime::currentDateTimeUtc())
    {
        const auto token = server::store::PreviewLinkRepository(m_service.connection())
                               .create(tenantScope(), surveyId, language, at);
        if (!token)
            qFatal("cannot issue a preview link: %s", qPrintable(token.error().message));
        return token.value();
    }

    QString previewPath(const QString &name, const QString &query = {}) const
    {
        return QStringLiteral("/r/") + m_previews.value(name) + query;
    }

    // What a respondent's post may write, row by row.
    QHash<QString, qint64> writtenRows()
    {
        QHash<QString, qint64> counts;
        for (const char *table :
             {"responses", "answers", "custom_answers", "response_drafts", "operation_log"}) {
            QSqlQuery query(m_service.connection());
            if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)) ||
                !query.next())
                qFatal("cannot count %s", table);
            counts.insert(QLatin1String(table), query.value(0).toLongLong());
        }
        return counts;
    }

    SeededRound seed(RoundSeed seed)
    {
        seed.tenantId = m_tenant.id;
        QString error;
        const auto seeded = seedRound(m_service.connection(), m_service.keyring(), seed, &error);
        if (!seeded)
            qFatal("cannot seed a round: %s", qPrintable(error));
        return *seeded;
    }

    static QString pagePath(const SeededRound &round, const QString &member,
                            const QString &query = {})
    {
        return QStringLiteral("/r/") + round.tokens.value(member) + query;
    }

    HttpResponse get(const QString &path, const HeaderList &headers = {})
    {
        return m_service.probe().get(path, headers);
    }

    HttpResponse post(const QString &path, const QByteArray &body,
                      const QByteArray &contentType = kForm)
    {
        return m_service.probe().send("POST", path, body, {{"Content-Type", contentType}});
    }

    // The page a 303 leads to.
    HttpResponse follow(const HttpResponse &redirect)
    {
        return get(QString::fromUtf8(redirect.header("Location")));
    }

    server::store::ResolvedLink resolve(const SeededRound &round, const QString &member)
    {
        const auto link =
            server::store::ResponseLinkRepository(m_service.connection(), m_service.keyring())
                .resolve(round.tokens.value(member));
        if (!link)
            qFatal("a seeded link does not resolve");
        return link.value();
    }

    bool hasDraft(const SeededRound &round, const QString &member)
    {
        return server::store::ResponseLinkRepository(m_service.connection(), m_service.keyring())
            .draft(resolve(round, member))
            .isOk();
    }

    server::store::StoredRound storedRound(const SeededRound &round)
    {
        return server::store::PulseRepository(m_service.connection(), m_service.keyring())
            .round(server::store::TenantScope(m_tenant.id), round.roundId)
            .value();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_service.stop(); }

    void rendersInTheMembersLanguage_data();
    void rendersInTheMembersLanguage();
    void everyPageHasTheStrictPolicy_data();
    void everyPageHasTheStrictPolicy();
    void assetsComeFromTheService();
    void partialSaveIsShownAgain();
    void oneQuestionAtATimeWithoutScript();
    void scriptSavesPartially();
    void pulseSubmissionLandsAndResubmitReplaces();
    void customSubmissionSealsText();
    void missingRequiredAnswersAreShown();
    void freeTextIsEscapedWhenShownAgain();
    void linksThatCannotAnswer_data();
    void linksThatCannotAnswer();
    void hostileInput_data();
    void hostileInput();
    void acceptLanguage_data();
    void acceptLanguage();
    void pageSize();
    void linkWritingTooOftenIsRefused();
    void changesReachTheNextRequest();
    void previewShowsTheSurvey_data();
    void previewShowsTheSurvey();
    void previewShowsTheSurveyAsItIsNow();
    void previewOneQuestionAtATime();
    void previewStoresNothing_data();
    void previewStoresNothing();
};

void TestRespondentRoutes::initTestCase()
{
    QString error;
    QVERIFY2(m_service.open(&error), qPrintable(error));
    server::respondent::addRespondentRoutes(m_service.router(), m_service.context());
    QVERIFY2(m_service.start(&error), qPrintable(error));
    m_tenant = m_service.addTenant(QStringLiteral("acme"));

    server::store::EngagementSettingsRepository settings(m_service.connection());
    const server::store::TenantScope scope(m_tenant.id);
    api::EngagementSettings changed = settings.settings(scope).value();
    changed.anonymityThreshold = kThreshold;
    QVERIFY(settings.updateSettings(scope, changed.revision, changed));

    for (int i = 0; i < 4; ++i)
        m_items.append(api::questionBank().at(i).id);
    RoundSeed pulse;
    pulse.itemIds = m_items;
    for (const char *member : {"ja", "step", "draft", "submit", "script", "hostile"})
        pulse.targets.append({QString::fromLatin1(member), QStringLiteral("ja")});
    pulse.targets.append({QStringLiteral("en"), QStringLiteral("en")});
    pulse.targets.append({QStringLiteral("often"), QStringLiteral("en")});
    pulse.targets.append({QStringLiteral("other"), QStringLiteral("ja")});
    m_pulse = seed(pulse);

    RoundSeed custom;
    custom.kind = api::SurveyKind::Custom;
    custom.definition = customDefinition();
    for (const char *member : {"sealed", "missing", "inject", "hostile"})
        custom.targets.append({QString::fromLatin1(member), QStringLiteral("ja")});
    m_custom = seed(custom);

    RoundSeed closed = pulse;
    closed.targets = {{QStringLiteral("ja"), QStringLiteral("ja")}};
    closed.status = api::RoundStatus::Closed;
    closed.opensAt = QDateTime::currentDateTimeUtc().addDays(-14);
    closed.closesAt = QDateTime::currentDateTimeUtc().addDays(-7);
    m_closed = seed(closed);

    RoundSeed future = closed;
    future.status = api::RoundStatus::Scheduled;
    future.opensAt = QDateTime::currentDateTimeUtc().addDays(7);
    future.closesAt = QDateTime::currentDateTimeUtc().addDays(14);
    m_future = seed(future);

    RoundSeed full = pulse;
    full.itemIds.clear();
    for (const api::BankItem &item : api::questionBank())
        full.itemIds.append(item.id);
    full.targets = {{QStringLiteral("ja"), QStringLiteral("ja")},
                    {QStringLiteral("en"), QStringLiteral("en")}};
    m_fullBank = seed(full);

    // The largest custom survey: every question on the 7-point scale.
    RoundSeed largest = custom;
    largest.definition.questions.clear();
    for (int i = 0; i < api::kSurveyQuestionsMax; ++i) {
        api::Question question;
        question.id = QStringLiteral("q%1").arg(i);
        question.type = api::QuestionType::Agreement7;
        question.text = {QStringLiteral("この職場で働くことに誇りを持っている（%1）").arg(i),
                         QStringLiteral("I am proud to work here (%1)").arg(i)};
        largest.definition.questions.append(question);
    }
    largest.targets = {{QStringLiteral("ja"), QStringLiteral("ja")}};
    m_largest = seed(largest);

    // Preview links of draft surveys, as the test message issues them.
    m_customDraftId = createDraft(customDefinition());
    m_previews.insert(QStringLiteral("custom"),
                      issuePreview(m_customDraftId, QStringLiteral("ja")));
    m_previews.insert(QStringLiteral("custom-en"),
                      issuePreview(m_customDraftId, QStringLiteral("en")));
    api::SurveyDefinition pulseDraft;
    pulseDraft.kind = api::SurveyKind::Pulse;
    pulseDraft.name = {QStringLiteral("パルスサーベイ"), QStringLiteral("Pulse survey")};
    m_previews.insert(QStringLiteral("pulse-en"),
                      issuePreview(createDraft(pulseDraft), QStringLiteral("en")));
    m_previews.insert(QStringLiteral("expired"),
                      issuePreview(m_customDraftId, QStringLiteral("ja"),
                                   QDateTime::currentDateTimeUtc().addDays(
                                       -server::store::PreviewLinkRepository::kValidDays - 1)));
    const QString deletedId = createDraft(customDefinition());
    m_previews.insert(QStringLiteral("deleted"), issuePreview(deletedId, QStringLiteral("ja")));
    QVERIFY(server::store::SurveyRepository(m_service.connection(), m_service.keyring())
                .remove(scope, deletedId, 1, QDateTime::currentDateTimeUtc()));
}

void TestRespondentRoutes::rendersInTheMembersLanguage_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<int>("language");

    const int ja = int(Language::Japanese);
    const int en = int(Language::English);
    QTest::newRow("the target's Japanese")
        << QStringLiteral("ja") << QString() << QByteArray() << ja;
    QTest::newRow("the target's English")
        << QStringLiteral("en") << QString() << QByteArray() << en;
    QTest::newRow("switched to English")
        << QStringLiteral("ja") << QStringLiteral("?lang=en") << QByteArray() << en;
    QTest::newRow("switched to Japanese")
        << QStringLiteral("en") << QStringLiteral("?lang=ja") << QByteArray() << ja;
    QTest::newRow("the target's before Accept-Language")
        << QStringLiteral("en") << QString() << QByteArray("ja") << en;
    QTest::newRow("an unknown lang is ignored")
        << QStringLiteral("en") << QStringLiteral("?lang=fr") << QByteArray("ja") << en;
}

void TestRespondentRoutes::rendersInTheMembersLanguage()
{
    QFETCH(QString, member);
    QFETCH(QString, query);
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(int, language);
    const Language lang = Language(language);
    HeaderList headers;
    if (!acceptLanguage.isEmpty())
        headers.append({"Accept-Language", acceptLanguage});
    const HttpResponse response = get(pagePath(m_pulse, member, query), headers);
    QCOMPARE(response.status, 200);
    const QString page = QString::fromUtf8(response.body);
    const QString code = api::languageCode(lang);
    QVERIFY(page.contains(QStringLiteral("<html lang=\"") + code + u'"'));
    // Who sees what, with the tenant's threshold.
    QVERIFY(page.contains(escaped(say(Text::PrivacyAggregated, lang).arg(kThreshold))));
    QVERIFY(page.contains(escaped(say(Text::PrivacyIndividual, lang))));
    for (const QString &id : std::as_const(m_items)) {
        const api::BankItem *item = api::bankItem(id);
        QVERIFY2(page.contains(escaped(lang == Language::Japanese ? item->textJa : item->textEn)),
                 qPrintable(id));
    }
    QVERIFY(page.contains(escaped(say(Text::Agreement5_5, lang))));
    QVERIFY(page.contains(escaped(say(Text::Submit, lang))));
    // The switch leads to the other language.
    const QString other = lang == Language::Japanese ? QStringLiteral("en") : QStringLiteral("ja");
    QVERIFY(page.contains(QStringLiteral("?lang=") + other + QStringLiteral("\" lang=\"") + other));
    // Four questions, each a fieldset with its legend, each option labelled.
    QCOMPARE(page.count(QStringLiteral("<fieldset")), 4);
    QCOMPARE(page.count(QStringLiteral("<legend>")), 4);
    QCOMPARE(page.count(QStringLiteral("<label><input type=\"radio\"")), 20);
}

void TestRespondentRoutes::everyPageHasTheStrictPolicy_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("survey") << pagePath(m_pulse, QStringLiteral("ja")) << 200;
    QTest::newRow("one at a time")
        << pagePath(m_pulse, QStringLiteral("ja"), QStringLiteral("?mode=step&q=2")) << 200;
    QTest::newRow("custom") << pagePath(m_custom, QStringLiteral("sealed")) << 200;
    QTest::newRow("unknown link") << QStringLiteral("/r/") + QString(43, u'A') << 404;
    QTest::newRow("closed") << pagePath(m_closed, QStringLiteral("ja")) << 410;
    QTest::newRow("not open yet") << pagePath(m_future, QStringLiteral("ja")) << 404;
}

void TestRespondentRoutes::everyPageHasTheStrictPolicy()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    const HttpResponse response = get(path);
    QCOMPARE(response.status, status);
    QCOMPARE(response.headerValues("Content-Security-Policy"), QByteArrayList{kPolicy});
    QCOMPARE(response.headerValues("Referrer-Policy"), QByteArrayList{"no-referrer"});
    QCOMPARE(response.headerValues("X-Content-Type-Options"), QByteArrayList{"nosniff"});
    QCOMPARE(response.headerValues("Cache-Control"), QByteArrayList{"no-store"});
    QCOMPARE(response.headerValues("X-Frame-Options"), QByteArrayList{"DENY"});
    QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    const QString page = QString::fromUtf8(response.body);
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
    // Nothing inline: no style element or attribute, no script without a
    // source, no event handler attribute.
    QVERIFY(!page.contains(QStringLiteral("<style")));
    QVERIFY(!page.contains(QStringLiteral(" style=")));
    QCOMPARE(page.count(QStringLiteral("<script")),
             page.count(QStringLiteral("<script src=\"/r/assets/respondent.js\" defer>")));
    QVERIFY(!page.contains(QRegularExpression(QStringLiteral("\\son[a-z]+="))));
    QVERIFY(page.contains(
        QStringLiteral("<link rel=\"stylesheet\" href=\"/r/assets/respondent.css\">")));
}

void TestRespondentRoutes::assetsComeFromTheService()
{
    const HttpResponse css = get(QStringLiteral("/r/assets/respondent.css"));
    QCOMPARE(css.status, 200);
    QCOMPARE(css.header("Content-Type"), QByteArray("text/css; charset=utf-8"));
    QVERIFY(css.body.contains(":focus-visible"));
    const HttpResponse script = get(QStringLiteral("/r/assets/respondent.js"));
    QCOMPARE(script.status, 200);
    QCOMPARE(script.header("Content-Type"), QByteArray("text/javascript; charset=utf-8"));
    QCOMPARE(script.headerValues("X-Content-Type-Options"), QByteArrayList{"nosniff"});
    // No third party: nothing the page loads names another origin.
    for (const HttpResponse &asset : {css, script})
        QVERIFY(!asset.body.contains("http://") && !asset.body.contains("https://"));
}

void TestRespondentRoutes::partialSaveIsShownAgain()
{
    const QString path = pagePath(m_pulse, QStringLiteral("draft"));
    QVERIFY(!hasDraft(m_pulse, QStringLiteral("draft")));
    const HttpResponse saved =
        post(path, form({{QStringLiteral("q.") + m_items.at(1), QStringLiteral("4")},
                         {QStringLiteral("action"), QStringLiteral("save")}}));
    QCOMPARE(saved.status, 303);
    QVERIFY(saved.header("Location").contains("saved=1"));
    QVERIFY(hasDraft(m_pulse, QStringLiteral("draft")));

    const HttpResponse reopened = follow(saved);
    QCOMPARE(reopened.status, 200);
    const QString page = QString::fromUtf8(reopened.body);
    QVERIFY(page.contains(escaped(say(Text::Saved, Language::Japanese).left(10))));
    QVERIFY(questionMarkup(page, m_items.at(1)).contains(QStringLiteral("value=\"4\" checked")));
    QVERIFY(!questionMarkup(page, m_items.at(0)).contains(QStringLiteral("checked")));
    QVERIFY(page.contains(say(Text::Progress, Language::Japanese).arg(1).arg(4)));

    // Opened again later (a new visit, no query): the answers are still there.
    const QString later = QString::fromUtf8(get(path).body);
    QVERIFY(questionMarkup(later, m_items.at(1)).contains(QStringLiteral("value=\"4\" checked")));
    QVERIFY(!later.contains(escaped(say(Text::Saved, Language::Japanese).left(10))));
    // Nothing is a response yet.
    QCOMPARE(storedRound(m_pulse).respondents, qint64(0));
}

void TestRespondentRoutes::oneQuestionAtATimeWithoutScript()
{
    const QString member = QStringLiteral("step");
    const auto step = [&](int n) {
        return pagePath(m_pulse, member, QStringLiteral("?lang=en&mode=step&q=%1").arg(n));
    };
    const HttpResponse first = get(step(1));
    QCOMPARE(first.status, 200);
    QString page = QString::fromUtf8(first.body);
    QCOMPARE(page.count(QStringLiteral("data-q=")), 1);
    QVERIFY(page.contains(say(Text::StepProgress, Language::English).arg(1).arg(4)));
    QVERIFY(page.contains(say(Text::Next, Language::English)));
    QVERIFY(!page.contains(say(Text::Back, Language::English)));

    HttpResponse moved =
        post(step(1), form({{QStringLiteral("q.") + m_items.at(0), QStringLiteral("2")},
                            {QStringLiteral("action"), QStringLiteral("next")}}));
    QCOMPARE(moved.status, 303);
    QVERIFY(moved.header("Location").endsWith("mode=step&q=2"));
    moved = post(step(2), form({{QStringLiteral("q.") + m_items.at(1), QStringLiteral("3")},
                                {QStringLiteral("action"), QStringLiteral("back")}}));
    QCOMPARE(moved.status, 303);
    QVERIFY(moved.header("Location").endsWith("mode=step&q=1"));
    page = QString::fromUtf8(follow(moved).body);
    QVERIFY(page.contains(QStringLiteral("value=\"2\" checked")));
    // A question of another step cannot be posted from this one.
    QCOMPARE(
        post(step(1), form({{QStringLiteral("q.") + m_items.at(3), QStringLiteral("3")}})).status,
        400);

    // The last step submits; what is missing is shown one question at a time.
    const HttpResponse last = get(step(4));
    QVERIFY(last.body.contains(say(Text::Submit, Language::English).toUtf8()));
    const HttpResponse refused =
        post(step(4), form({{QStringLiteral("q.") + m_items.at(3), QStringLiteral("5")},
                            {QStringLiteral("action"), QStringLiteral("submit")}}));
    QCOMPARE(refused.status, 422);
    page = QString::fromUtf8(refused.body);
    QCOMPARE(page.count(QStringLiteral("data-q=")), 1);
    QVERIFY(page.contains(QStringLiteral("data-q=\"") + m_items.at(2) + u'"'));
    QVERIFY(page.contains(say(Text::ErrorRequired, Language::English)));
    QVERIFY(page.contains(say(Text::StepProgress, Language::English).arg(3).arg(4)));
    // Everything answered so far is kept.
    QVERIFY(hasDraft(m_pulse, member));
    page = QString::fromUtf8(get(step(2)).body);
    QVERIFY(page.contains(QStringLiteral("value=\"3\" checked")));
}

void TestRespondentRoutes::scriptSavesPartially()
{
    const QString path = pagePath(m_pulse, QStringLiteral("script"));
    const auto json = [](const QJsonArray &answers, bool final) {
        return QJsonDocument(QJsonObject{{QStringLiteral("answers"), answers},
                                         {QStringLiteral("final"), final}})
            .toJson(QJsonDocument::Compact);
    };
    const auto answer = [](const QString &id, int value) {
        return QJsonObject{{QStringLiteral("questionId"), id}, {QStringLiteral("value"), value}};
    };
    HttpResponse saved = post(path, json({answer(m_items.at(0), 5)}, false), "application/json");
    QCOMPARE(saved.status, 200);
    QCOMPARE(saved.json().value(QStringLiteral("final")).toBool(true), false);
    // Each save replaces only the questions it names.
    // As the script sends it: every question of the page, unanswered ones by id alone.
    saved = post(
        path,
        json({QJsonObject{{QStringLiteral("questionId"), m_items.at(1)}}, answer(m_items.at(2), 1)},
             false),
        "application/json");
    QCOMPARE(saved.status, 200);
    const QString page = QString::fromUtf8(get(path).body);
    QVERIFY(questionMarkup(page, m_items.at(0)).contains(QStringLiteral("value=\"5\" checked")));
    QVERIFY(questionMarkup(page, m_items.at(2)).contains(QStringLiteral("value=\"1\" checked")));

    QCOMPARE(
        post(path, json({answer(QStringLiteral("nope"), 1)}, false), "application/json").status,
        400);
    QCOMPARE(post(path, json({answer(m_items.at(0), 6)}, false), "application/json").status, 400);
    QCOMPARE(post(path, "{\"answers\":[", "application/json").status, 400);
    QCOMPARE(post(path, "{\"answers\":[],\"final\":false,\"extra\":1}", "application/json").status,
             400);
    // A final submission by script must be complete.
    const HttpResponse incomplete =
        post(path, json({answer(m_items.at(1), 3)}, true), "application/json");
    QCOMPARE(incomplete.status, 400);
    QCOMPARE(storedRound(m_pulse).respondents, qint64(0));
}

void TestRespondentRoutes::pulseSubmissionLandsAndResubmitReplaces()
{
    const QString member = QStringLiteral("submit");
    const QString path = pagePath(m_pulse, member);
    const server::store::TenantScope scope(m_tenant.id);
    server::store::PulseRepository pulses(m_service.connection(), m_service.keyring());
    const auto submit = [&](int base) {
        QList<std::pair<QString, QString>> fields;
        for (int i = 0; i < m_items.size(); ++i)
            fields.append(
                {QStringLiteral("q.") + m_items.at(i), QString::number(1 + (base + i) % 5)});
        fields.append({QStringLiteral("action"), QStringLiteral("submit")});
        return post(path, form(fields));
    };
    // A draft first: the submission removes it.
    QCOMPARE(post(path, form({{QStringLiteral("q.") + m_items.at(0), QStringLiteral("1")}})).status,
             303);
    QVERIFY(hasDraft(m_pulse, member));

    const HttpResponse first = submit(0);
    QCOMPARE(first.status, 303);
    QVERIFY(first.header("Location").endsWith("done=1"));
    QVERIFY(!hasDraft(m_pulse, member));
    HttpResponse thanks = follow(first);
    QCOMPARE(thanks.status, 200);
    QVERIFY(thanks.body.contains(say(Text::ThanksTitle, Language::Japanese).toUtf8()));
    QVERIFY(!thanks.body.contains(say(Text::ThanksReplaced, Language::Japanese).toUtf8()));

    auto answers = pulses.answers(scope, m_pulse.surveyId, 0, std::numeric_limits<qint64>::max());
    QVERIFY(answers);
    QCOMPARE(answers.value().size(), m_items.size());
    QList<int> values;
    for (const server::store::StoredAnswer &answer : answers.value())
        values.append(answer.value);
    std::sort(values.begin(), values.end());
    QCOMPARE(values, (QList<int>{1, 2, 3, 4}));
    QCOMPARE(storedRound(m_pulse).respondents, qint64(1));
    QCOMPARE(m_service.operationCount(QStringLiteral("response.submit"), m_pulse.roundId), 1);

    // The form again says the answers are in; submitting again replaces them.
    const QString again = QString::fromUtf8(get(path).body);
    QVERIFY(again.contains(escaped(say(Text::AlreadySubmitted, Language::Japanese))));
    const HttpResponse second = submit(2);
    QCOMPARE(second.status, 303);
    QVERIFY(second.header("Location").endsWith("done=again"));
    thanks = follow(second);
    QVERIFY(thanks.body.contains(say(Text::ThanksReplaced, Language::Japanese).toUtf8()));
    answers = pulses.answers(scope, m_pulse.surveyId, 0, std::numeric_limits<qint64>::max());
    QCOMPARE(answers.value().size(), m_items.size());
    QHash<int, int> byItem;
    for (const server::store::StoredAnswer &answer : answers.value())
        byItem.insert(answer.bankIndex, answer.value);
    for (int i = 0; i < m_items.size(); ++i)
        QCOMPARE(byItem.value(api::bankItem(m_items.at(i))->index), 1 + (2 + i) % 5);
    QCOMPARE(storedRound(m_pulse).respondents, qint64(1));
    QCOMPARE(m_service.operationCount(QStringLiteral("response.submit"), m_pulse.roundId), 2);
}

void TestRespondentRoutes::customSubmissionSealsText()
{
    const QString member = QStringLiteral("sealed");
    const QString path = pagePath(m_custom, member, QStringLiteral("?lang=en"));
    const QString secret = QStringLiteral("上司には言えない秘密のコメント");
    const HttpResponse page = get(path);
    QVERIFY(page.body.contains(
        escaped(say(Text::PrivacyComments, Language::English).arg(10)).toUtf8()));
    QVERIFY(page.body.contains("<textarea id=\"t-q5\" name=\"q.q5\""));
    QCOMPARE(post(path, form({{QStringLiteral("q.q1"), QStringLiteral("7")},
                              {QStringLiteral("q.q2"), QStringLiteral("0")},
                              {QStringLiteral("q.q3"), QStringLiteral("1")},
                              {QStringLiteral("q.q4"), QStringLiteral("0")},
                              {QStringLiteral("q.q4"), QStringLiteral("2")},
                              {QStringLiteral("q.q5"), secret + QStringLiteral("\r\nend")},
                              {QStringLiteral("action"), QStringLiteral("submit")}}))
                 .status,
             303);

    server::store::CustomAnswerRepository repository(m_service.connection(), m_service.keyring());
    const server::store::TenantScope scope(m_tenant.id);
    auto stored = repository.answers(scope, m_custom.roundId);
    QVERIFY(stored);
    QHash<QString, api::RespondentAnswer> byQuestion;
    for (const server::store::StoredCustomAnswer &row : stored.value())
        byQuestion.insert(row.answer.questionId, row.answer);
    QCOMPARE(byQuestion.size(), 5);
    QCOMPARE(byQuestion.value(QStringLiteral("q1")).value, std::optional<int>(7));
    QCOMPARE(byQuestion.value(QStringLiteral("q2")).value, std::optional<int>(0));
    QCOMPARE(byQuestion.value(QStringLiteral("q3")).value, std::optional<int>(1));
    QCOMPARE(byQuestion.value(QStringLiteral("q4")).choices, (QList<int>{0, 2}));
    QCOMPARE(byQuestion.value(QStringLiteral("q5")).text,
             std::optional<QString>(secret + QStringLiteral("\nend")));

    // At rest the text is sealed: the column holds no trace of it.
    QSqlQuery raw(m_service.connection());
    QVERIFY(raw.exec(QStringLiteral("SELECT text_sealed FROM custom_answers WHERE question_id = "
                                    "'q5' AND text_sealed IS NOT NULL")));
    QVERIFY(raw.next());
    const QByteArray sealed = raw.value(0).toByteArray();
    QVERIFY(sealed.size() > secret.toUtf8().size());
    QVERIFY(!sealed.contains(secret.toUtf8()));
    QVERIFY(!sealed.contains(secret.left(4).toUtf8()));
    raw.finish();
    QCOMPARE(storedRound(m_custom).respondents, qint64(1));
    QCOMPARE(m_service.operationCount(QStringLiteral("response.submit"), m_custom.roundId), 1);

    // Submitted again without the comment and the tools: they are gone.
    QCOMPARE(post(path, form({{QStringLiteral("q.q1"), QStringLiteral("3")},
                              {QStringLiteral("q.q2"), QStringLiteral("9")},
                              {QStringLiteral("q.q3"), QStringLiteral("2")},
                              {QStringLiteral("action"), QStringLiteral("submit")}}))
                 .status,
             303);
    stored = repository.answers(scope, m_custom.roundId);
    byQuestion.clear();
    for (const server::store::StoredCustomAnswer &row : stored.value())
        byQuestion.insert(row.answer.questionId, row.answer);
    QCOMPARE(byQuestion.size(), 3);
    QCOMPARE(byQuestion.value(QStringLiteral("q1")).value, std::optional<int>(3));
    QVERIFY(!byQuestion.contains(QStringLiteral("q5")));
    QVERIFY(raw.exec(QStringLiteral("SELECT COUNT(*) FROM custom_answers WHERE text_sealed IS NOT "
                                    "NULL")));
    QVERIFY(raw.next());
    QCOMPARE(raw.value(0).toInt(), 0);
    QCOMPARE(storedRound(m_custom).respondents, qint64(1));
}

void TestRespondentRoutes::missingRequiredAnswersAreShown()
{
    const QString member = QStringLiteral("missing");
    const QString path = pagePath(m_custom, member);
    const HttpResponse refused =
        post(path, form({{QStringLiteral("q.q2"), QStringLiteral("4")},
                         {QStringLiteral("q.q5"), QStringLiteral("途中")},
                         {QStringLiteral("action"), QStringLiteral("submit")}}));
    QCOMPARE(refused.status, 422);
    const QString page = QString::fromUtf8(refused.body);
    QVERIFY(page.contains(escaped(say(Text::ErrorSummary, Language::Japanese))));
    // The summary leads to each missing question, each says what is wrong.
    QVERIFY(page.contains(QStringLiteral("href=\"#q-q1\"")));
    QVERIFY(page.contains(QStringLiteral("href=\"#q-q3\"")));
    QVERIFY(!page.contains(QStringLiteral("href=\"#q-q2\"")));
    QVERIFY(!page.contains(QStringLiteral("href=\"#q-q4\"")));
    QVERIFY(questionMarkup(page, QStringLiteral("q1"))
                .contains(QStringLiteral("aria-describedby=\"e-q1\"")));
    // What was given is on the page and kept as a draft; nothing is a response.
    QVERIFY(
        questionMarkup(page, QStringLiteral("q2")).contains(QStringLiteral("value=\"4\" checked")));
    QVERIFY(hasDraft(m_custom, member));
    QVERIFY(get(path).body.contains(QStringLiteral("途中</textarea>").toUtf8()));
    QVERIFY(!resolve(m_custom, member).answered);
}

void TestRespondentRoutes::freeTextIsEscapedWhenShownAgain()
{
    const QString path = pagePath(m_custom, QStringLiteral("inject"));
    const QString hostile = QStringLiteral("</textarea><script>alert('x')</script>\"><img src=x>");
    QCOMPARE(post(path, form({{QStringLiteral("q.q5"), hostile},
                              {QStringLiteral("action"), QStringLiteral("save")}}))
                 .status,
             303);
    const QString page = QString::fromUtf8(get(path).body);
    QVERIFY(!page.contains(QStringLiteral("<script>alert")));
    QVERIFY(!page.contains(QStringLiteral("<img src=x>")));
    QVERIFY(page.contains(
        QStringLiteral("&lt;/textarea&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;"
                       "&lt;img src=x&gt;</textarea>")));
}

void TestRespondentRoutes::linksThatCannotAnswer_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("acceptLanguage");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("title");
    QTest::addColumn<int>("language");

    const int ja = int(Language::Japanese);
    const int en = int(Language::English);
    QTest::newRow("unknown") << QStringLiteral("/r/") + QString(43, u'x') << QByteArray("en") << 404
                             << int(Text::UnknownTitle) << en;
    QTest::newRow("malformed") << QStringLiteral("/r/%3Cscript%3E") << QByteArray("ja") << 404
                               << int(Text::UnknownTitle) << ja;
    QTest::newRow("closed") << pagePath(m_closed, QStringLiteral("ja")) << QByteArray("en") << 410
                            << int(Text::ClosedTitle) << ja;
    QTest::newRow("closed, in English")
        << pagePath(m_closed, QStringLiteral("ja"), QStringLiteral("?lang=en")) << QByteArray()
        << 410 << int(Text::ClosedTitle) << en;
    QTest::newRow("not open yet") << pagePath(m_future, QStringLiteral("ja")) << QByteArray() << 404
                                  << int(Text::NotOpenTitle) << ja;
    // Preview links that no longer open, and tokens made from one.
    const QString preview = m_previews.value(QStringLiteral("custom"));
    QString changed = preview;
    changed[10] = changed.at(10) == u'A' ? u'B' : u'A';
    QTest::newRow("preview, expired") << previewPath(QStringLiteral("expired")) << QByteArray("en")
                                      << 404 << int(Text::UnknownTitle) << en;
    QTest::newRow("preview of a deleted survey")
        << previewPath(QStringLiteral("deleted")) << QByteArray("ja") << 404
        << int(Text::UnknownTitle) << ja;
    QTest::newRow("preview's hash") << QStringLiteral("/r/") + server::crypto::tokenHash(preview)
                                    << QByteArray("en") << 404 << int(Text::UnknownTitle) << en;
    QTest::newRow("preview, one letter changed")
        << QStringLiteral("/r/") + changed << QByteArray("en") << 404 << int(Text::UnknownTitle)
        << en;
    QTest::newRow("preview, one letter more")
        << QStringLiteral("/r/") + preview + u'A' << QByteArray("en") << 404
        << int(Text::UnknownTitle) << en;
    QTest::newRow("preview, a NUL for its last letter")
        << QStringLiteral("/r/") + preview.left(42) + QStringLiteral("%00") << QByteArray("en")
        << 404 << int(Text::UnknownTitle) << en;
    QTest::newRow("preview, SQL") << QStringLiteral("/r/") + preview.left(30) +
                                         QStringLiteral("%27%20OR%20%271%27%3D%271")
                                  << QByteArray("en") << 404 << int(Text::UnknownTitle) << en;
}

void TestRespondentRoutes::linksThatCannotAnswer()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, acceptLanguage);
    QFETCH(int, status);
    QFETCH(int, title);
    QFETCH(int, language);
    HeaderList headers;
    if (!acceptLanguage.isEmpty())
        headers.append({"Accept-Language", acceptLanguage});
    for (const QByteArray &verb : {QByteArray("GET"), QByteArray("POST")}) {
        QByteArray body;
        HeaderList sent = headers;
        if (verb == "POST") {
            body = form({{QStringLiteral("action"), QStringLiteral("save")}});
            sent.append({"Content-Type", kForm});
        }
        const HttpResponse response = m_service.probe().send(verb, path, body, sent);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QString page = QString::fromUtf8(response.body);
        QVERIFY(page.contains(escaped(say(Text(title), Language(language)))));
        QVERIFY(
            page.contains(QStringLiteral("<html lang=\"") + api::languageCode(Language(language))));
        // Plain words only: no form, no internals (the link itself aside,
        // which the language switch repeats).
        QVERIFY(!page.contains(QStringLiteral("<form")));
        const QString words = QString(page).remove(path.section(u'?', 0, 0)).toLower();
        for (const char *internal : {"round", "sql", "store", "exception", "token", "tenant"})
            QVERIFY2(!words.contains(QLatin1String(internal)), internal);
    }
    // Nothing was saved by those posts.
    if (path.startsWith(QStringLiteral("/r/") + m_closed.tokens.value(QStringLiteral("ja"))))
        QVERIFY(!hasDraft(m_closed, QStringLiteral("ja")));
}

void TestRespondentRoutes::hostileInput_data()
{
    QTest::addColumn<bool>("custom");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");

    const QByteArray json = "application/json";
    QTest::newRow("larger than any survey")
        << true << "q.q5=" + QByteArray(server::respondent::kMaxSubmissionBytes, 'a') << kForm
        << 413;
    QTest::newRow("invalid UTF-8")
        << true << QByteArray("q.q5=%FF%FEa&action=save") << kForm << 400;
    QTest::newRow("an overlong encoding")
        << true << QByteArray("q.q5=%C0%BC&action=save") << kForm << 400;
    QTest::newRow("a lone surrogate")
        << true << QByteArray("q.q5=%ED%A0%80&action=save") << kForm << 400;
    QTest::newRow("broken percent-encoding")
        << true << QByteArray("q.q5=%G1&action=save") << kForm << 400;
    QTest::newRow("a value above the scale")
        << true << QByteArray("q.q1=8&action=save") << kForm << 400;
    QTest::newRow("a value below the scale")
        << true << QByteArray("q.q2=-1&action=save") << kForm << 400;
    QTest::newRow("a pulse value above the scale")
        << false << QByteArray("q.") + api::questionBank().at(0).id.toUtf8() + "=6" << kForm << 400;
    QTest::newRow("a value that is no number") << true << QByteArray("q.q1=1e1") << kForm << 400;
    QTest::newRow("an option that is not there") << true << QByteArray("q.q3=3") << kForm << 400;
    QTest::newRow("a box ticked twice") << true << QByteArray("q.q4=1&q.q4=1") << kForm << 400;
    QTest::newRow("two values for one scale")
        << true << QByteArray("q.q1=1&q.q1=2") << kForm << 400;
    QTest::newRow("free text twice") << true << QByteArray("q.q5=1&q.q5=2") << kForm << 400;
    QTest::newRow("an unknown question")
        << true << QByteArray("q.nope=1&action=save") << kForm << 400;
    QTest::newRow("an unknown field") << true << QByteArray("foo=1&action=save") << kForm << 400;
    QTest::newRow("an unknown action") << true << QByteArray("action=delete") << kForm << 400;
    QTest::newRow("two actions") << true << QByteArray("action=save&action=submit") << kForm << 400;
    QTest::newRow("text over the limit")
        << true << "q.q5=" + QByteArray(api::kFreeTextAnswerMaxLength + 1, 'a') << kForm << 400;
    QTest::newRow("many fields") << true << QByteArray("q.q4=0&").repeated(100) << kForm << 400;
    QTest::newRow("plain text") << true << QByteArray("q.q1=1") << QByteArray("text/plain") << 415;
    QTest::newRow("malformed JSON") << true << QByteArray("{\"answers\":") << json << 400;
    QTest::newRow("JSON: an unknown question")
        << true
        << QByteArray("{\"answers\":[{\"questionId\":\"nope\",\"value\":1}],\"final\":false}")
        << json << 400;
    QTest::newRow("JSON: a choice out of range")
        << true
        << QByteArray("{\"answers\":[{\"questionId\":\"q4\",\"choices\":[9]}],\"final\":false}")
        << json << 400;
    QTest::newRow("JSON: a value for a text")
        << true << QByteArray("{\"answers\":[{\"questionId\":\"q5\",\"value\":1}],\"final\":false}")
        << json << 400;
}

void TestRespondentRoutes::hostileInput()
{
    QFETCH(bool, custom);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    const SeededRound &round = custom ? m_custom : m_pulse;
    const QString member = QStringLiteral("hostile");
    HeaderList headers{{"Accept-Language", "ja"}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const HttpResponse response =
        m_service.probe().send("POST", pagePath(round, member), body, headers);
    QCOMPARE(response.status, status);
    if (status != 413 && !contentType.startsWith("application/json")) {
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(response.body.contains(say(Text::BadFormTitle, Language::Japanese).toUtf8()));
    }
    QVERIFY(!hasDraft(round, member));
    QVERIFY(!resolve(round, member).answered);
}

void TestRespondentRoutes::acceptLanguage_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("language");
    // (Qt sends its own Accept-Language when a request has none.)
    QTest::newRow("any") << QByteArray("*") << QStringLiteral("ja");
    QTest::newRow("American English") << QByteArray("en-US,en;q=0.9") << QStringLiteral("en");
    QTest::newRow("Japanese first") << QByteArray("ja,en;q=0.5") << QStringLiteral("ja");
    QTest::newRow("English weighed higher")
        << QByteArray("ja;q=0.2, en;q=0.8") << QStringLiteral("en");
    QTest::newRow("neither") << QByteArray("fr, de;q=0.5") << QStringLiteral("ja");
    QTest::newRow("English after another") << QByteArray("fr, en;q=0.1") << QStringLiteral("en");
    QTest::newRow("English refused") << QByteArray("en;q=0, ja;q=0.1") << QStringLiteral("ja");
    QTest::newRow("garbage") << QByteArray(";;,,q=x;en") << QStringLiteral("ja");
}

void TestRespondentRoutes::acceptLanguage()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, language);
    HeaderList headers;
    if (!header.isEmpty())
        headers.append({"Accept-Language", header});
    const HttpResponse response = get(QStringLiteral("/r/") + QString(43, u'Z'), headers);
    QCOMPARE(response.status, 404);
    const QByteArray expected = "<html lang=\"" + language.toLatin1() + '"';
    QVERIFY(response.body.contains(expected));
}

void TestRespondentRoutes::pageSize()
{
    constexpr qsizetype kLimit = 30 * 1024;
    for (const char *member : {"ja", "en"}) {
        const HttpResponse page = get(pagePath(m_fullBank, QString::fromLatin1(member)));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body.count("<fieldset"), api::kBankSize);
        qInfo("the full pulse (%d questions, %s): %lld bytes", api::kBankSize, member,
              qlonglong(page.body.size()));
        QVERIFY2(page.body.size() < kLimit, qPrintable(QString::number(page.body.size())));
    }
    const HttpResponse custom = get(pagePath(m_custom, QStringLiteral("sealed")));
    qInfo("the five-question custom survey: %lld bytes", qlonglong(custom.body.size()));
    QVERIFY(custom.body.size() < kLimit);
    // The largest survey there can be, for the record: one question at a time
    // keeps every page of it small.
    const HttpResponse largest = get(pagePath(m_largest, QStringLiteral("ja")));
    QCOMPARE(largest.status, 200);
    qInfo("%d questions on the 7-point scale, all at once: %lld bytes", api::kSurveyQuestionsMax,
          qlonglong(largest.body.size()));
    const HttpResponse step =
        get(pagePath(m_largest, QStringLiteral("ja"), QStringLiteral("?mode=step&q=60")));
    QCOMPARE(step.status, 200);
    qInfo("one of them at a time: %lld bytes", qlonglong(step.body.size()));
    QVERIFY(step.body.size() < kLimit);
}

void TestRespondentRoutes::linkWritingTooOftenIsRefused()
{
    const QString path = pagePath(m_pulse, QStringLiteral("often"));
    const QByteArray save = form({{QStringLiteral("q.") + m_items.at(0), QStringLiteral("3")},
                                  {QStringLiteral("action"), QStringLiteral("save")}});
    // Saves as fast as the test sends them: the burst is taken, then refused
    // (one more every half second would need each post to take that long).
    int accepted = 0;
    HttpResponse refused;
    for (int i = 0; i < 60 && refused.status != 429; ++i) {
        HttpResponse response = post(path, save);
        if (response.status == 429) {
            refused = std::move(response);
        } else {
            QCOMPARE(response.status, 303);
            ++accepted;
        }
    }
    QCOMPARE(refused.status, 429);
    QVERIFY2(accepted >= 10, qPrintable(QString::number(accepted)));
    // Half a second at most until the next: one second, rounded up.
    QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
    QCOMPARE(refused.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(refused.header("Content-Security-Policy"), kPolicy);
    // In the member's language, from the service's own texts.
    const QString page = QString::fromUtf8(refused.body);
    QVERIFY(page.contains(QStringLiteral("<html lang=\"en\"")));
    QVERIFY(page.contains(escaped(say(Text::TooManyTitle, Language::English))));
    QVERIFY(page.contains(escaped(say(Text::TooManyBody, Language::English))));

    // The page's script is answered with a problem, in Japanese when asked.
    HttpResponse scripted;
    const QByteArray json = "{\"answers\":[],\"final\":false}";
    for (int i = 0; i < 60 && scripted.status != 429; ++i) {
        scripted = m_service.probe().send(
            "POST", path + QStringLiteral("?lang=ja"), json,
            {{"Content-Type", "application/json"}, {"Accept-Language", "ja"}});
        QVERIFY(scripted.status == 200 || scripted.status == 429);
    }
    QCOMPARE(scripted.status, 429);
    QVERIFY(scripted.header("Content-Type").startsWith("application/problem+json"));
    QCOMPARE(scripted.json().value(QStringLiteral("code")).toString(),
             QStringLiteral("too-many-requests"));
    QCOMPARE(scripted.header("Retry-After"), QByteArray("1"));
    HttpResponse inJapanese;
    for (int i = 0; i < 60 && inJapanese.status != 429; ++i)
        inJapanese = post(path + QStringLiteral("?lang=ja"), save);
    QCOMPARE(inJapanese.status, 429);
    QVERIFY(inJapanese.body.contains(escaped(say(Text::TooManyBody, Language::Japanese)).toUtf8()));

    // Another link is not held back, and this one writes again after the wait.
    QCOMPARE(post(pagePath(m_pulse, QStringLiteral("other")), save).status, 303);
    QTest::qWait(1000);
    QCOMPARE(post(path, save).status, 303);
}

void TestRespondentRoutes::previewShowsTheSurvey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("custom");
    QTest::addColumn<int>("language");

    const int ja = int(Language::Japanese);
    const int en = int(Language::English);
    QTest::newRow("custom, the mail's Japanese")
        << previewPath(QStringLiteral("custom")) << true << ja;
    QTest::newRow("custom, the mail's English")
        << previewPath(QStringLiteral("custom-en")) << true << en;
    QTest::newRow("custom, switched to English")
        << previewPath(QStringLiteral("custom"), QStringLiteral("?lang=en")) << true << en;
    QTest::newRow("a saved notice is not told")
        << previewPath(QStringLiteral("custom"), QStringLiteral("?saved=1")) << true << ja;
    QTest::newRow("pulse, the mail's English")
        << previewPath(QStringLiteral("pulse-en")) << false << en;
    QTest::newRow("pulse, switched to Japanese")
        << previewPath(QStringLiteral("pulse-en"), QStringLiteral("?lang=ja")) << false << ja;
}

void TestRespondentRoutes::previewShowsTheSurvey()
{
    QFETCH(QString, path);
    QFETCH(bool, custom);
    QFETCH(int, language);
    const Language lang = Language(language);
    const bool japanese = lang == Language::Japanese;
    const HttpResponse response = get(path);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.headerValues("Content-Security-Policy"), QByteArrayList{kPolicy});
    const QString page = QString::fromUtf8(response.body);
    QVERIFY(page.contains(QStringLiteral("<html lang=\"") + api::languageCode(lang) + u'"'));
    // The banner first, above the survey's name.
    const QString banner = QStringLiteral("<p class=\"preview\" role=\"note\">") +
                           escaped(say(Text::PreviewBanner, lang)) + QStringLiteral("</p>");
    QCOMPARE(page.count(banner), 1);
    QVERIFY(page.indexOf(banner) < page.indexOf(QStringLiteral("<h1>")));
    // The script says nothing is saved, and nothing says it was.
    QVERIFY(page.contains(QStringLiteral("data-saved=\"") +
                          escaped(say(Text::PreviewAutosave, lang)) + u'"'));
    QVERIFY(!page.contains(escaped(say(Text::AutosaveDone, lang))));
    QVERIFY(!page.contains(escaped(say(Text::Saved, lang).section(QStringLiteral("%1"), 0, 0))));
    // The language switch leads to the other language of the same preview.
    const QString other = japanese ? QStringLiteral("en") : QStringLiteral("ja");
    QVERIFY(page.contains(path.section(u'?', 0, 0) + QStringLiteral("?lang=") + other +
                          QStringLiteral("\" lang=\"") + other));

    if (custom) {
        const api::SurveyDefinition definition = customDefinition();
        QVERIFY(page.contains(QStringLiteral("<h1>") +
                              escaped(japanese ? definition.name.ja : definition.name.en)));
        QCOMPARE(page.count(QStringLiteral("data-q=")), definition.questions.size());
        for (const api::Question &question : definition.questions)
            QVERIFY2(page.contains(escaped(japanese ? question.text.ja : question.text.en)),
                     qPrintable(question.id));
    } else {
        // A first round's items: the whole bank.
        const QStringList items = api::pulseItems(4, 0);
        QCOMPARE(items.size(), api::kBankSize);
        QCOMPARE(page.count(QStringLiteral("<fieldset")), items.size());
        for (const QString &id : items) {
            const api::BankItem *item = api::bankItem(id);
            QVERIFY2(page.contains(escaped(japanese ? item->textJa : item->textEn)),
                     qPrintable(id));
        }
    }
}

void TestRespondentRoutes::previewShowsTheSurveyAsItIsNow()
{
    api::SurveyDefinition definition = customDefinition();
    const QString id = createDraft(definition);
    const QString path = QStringLiteral("/r/") + issuePreview(id, QStringLiteral("en"));
    QVERIFY(get(path).body.contains(escaped(definition.questions.at(0).text.en).toUtf8()));

    // Edited after the message went: the link shows the edit.
    definition.questions[0].text.en = QStringLiteral("I trust my colleagues");
    definition.questions.removeLast();
    QVERIFY(server::store::SurveyRepository(m_service.connection(), m_service.keyring())
                .update(tenantScope(), id, 1, definition, QDateTime::currentDateTimeUtc()));
    const QString page = QString::fromUtf8(get(path).body);
    QVERIFY(page.contains(QStringLiteral("I trust my colleagues")));
    QVERIFY(!page.contains(QStringLiteral("I trust my team")));
    QCOMPARE(page.count(QStringLiteral("data-q=")), definition.questions.size());
}

void TestRespondentRoutes::previewOneQuestionAtATime()
{
    const QHash<QString, qint64> before = writtenRows();
    const auto step = [this](int n) {
        return previewPath(QStringLiteral("custom-en"), QStringLiteral("?mode=step&q=%1").arg(n));
    };
    QString page = QString::fromUtf8(get(step(2)).body);
    QCOMPARE(page.count(QStringLiteral("data-q=")), 1);
    QVERIFY(page.contains(QStringLiteral("data-q=\"q2\"")));
    QVERIFY(page.contains(say(Text::StepProgress, Language::English).arg(2).arg(5)));
    QVERIFY(page.contains(escaped(say(Text::PreviewBanner, Language::English))));

    HttpResponse moved = post(step(2), form({{QStringLiteral("q.q2"), QStringLiteral("7")},
                                             {QStringLiteral("action"), QStringLiteral("next")}}));
    QCOMPARE(moved.status, 303);
    QVERIFY2(moved.header("Location").endsWith("mode=step&q=3"),
             moved.header("Location").constData());
    moved = post(step(3), form({{QStringLiteral("action"), QStringLiteral("back")}}));
    QCOMPARE(moved.status, 303);
    QVERIFY(moved.header("Location").endsWith("mode=step&q=2"));
    // Nothing was kept on the way.
    QVERIFY(!follow(moved).body.contains("checked"));
    // Out of range, as on a real link.
    QCOMPARE(post(step(2), form({{QStringLiteral("q.q2"), QStringLiteral("11")}})).status, 400);

    // The last step submits what it shows: checked, and not recorded.
    const HttpResponse last =
        post(step(5), form({{QStringLiteral("q.q5"), QStringLiteral("a comment")},
                            {QStringLiteral("action"), QStringLiteral("submit")}}));
    QCOMPARE(last.status, 200);
    QVERIFY(last.body.contains(say(Text::PreviewNotRecordedTitle, Language::English).toUtf8()));
    // A required question shown and left unanswered is refused.
    const HttpResponse refused =
        post(step(3), form({{QStringLiteral("action"), QStringLiteral("submit")}}));
    QCOMPARE(refused.status, 422);
    QVERIFY(refused.body.contains(say(Text::ErrorRequired, Language::English).toUtf8()));
    QCOMPARE(writtenRows(), before);
}

void TestRespondentRoutes::previewStoresNothing_data()
{
    QTest::addColumn<QString>("preview");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("title"); // of the page answered; -1: JSON

    const QByteArray json = "application/json";
    const QString custom = QStringLiteral("custom");
    const int notRecorded = int(Text::PreviewNotRecordedTitle);
    QTest::newRow("a partial save")
        << custom << QByteArray("q.q1=3&action=save") << kForm << 200 << notRecorded;
    QTest::newRow("a complete submission")
        << custom
        << QByteArray("q.q1=3&q.q2=10&q.q3=1&q.q4=0&q.q4=2&q.q5=%E6%84%8F%E8%A6%8B&action=submit")
        << kForm << 200 << notRecorded;
    QTest::newRow("a submission missing required answers")
        << custom << QByteArray("q.q1=3&action=submit") << kForm << 422 << int(Text::ErrorSummary);
    QByteArray pulse;
    for (const QString &id : api::pulseItems(4, 0))
        pulse += "q." + id.toUtf8() + "=4&";
    QTest::newRow("a pulse's complete submission")
        << QStringLiteral("pulse-en") << pulse + "action=submit" << kForm << 200 << notRecorded;
    QTest::newRow("the script's partial save")
        << custom
        << QByteArray("{\"answers\":[{\"questionId\":\"q1\",\"value\":3}],\"final\":false}") << json
        << 200 << -1;
    QTest::newRow("the script's complete submission")
        << custom
        << QByteArray("{\"answers\":[{\"questionId\":\"q1\",\"value\":3},{\"questionId\":\"q2\","
                      "\"value\":0},{\"questionId\":\"q3\",\"value\":2}],\"final\":true}")
        << json << 200 << -1;
    QTest::newRow("the script's incomplete submission")
        << custom
        << QByteArray("{\"answers\":[{\"questionId\":\"q1\",\"value\":3}],\"final\":true}") << json
        << 400 << -1;
    QTest::newRow("a value above the scale")
        << custom << QByteArray("q.q1=8&action=save") << kForm << 400 << int(Text::BadFormTitle);
    QTest::newRow("an unknown question") << custom << QByteArray("q.nope=1&action=submit") << kForm
                                         << 400 << int(Text::BadFormTitle);
    QTest::newRow("JSON: a choice out of range")
        << custom
        << QByteArray("{\"answers\":[{\"questionId\":\"q4\",\"choices\":[9]}],\"final\":false}")
        << json << 400 << -1;
    QTest::newRow("malformed JSON") << custom << QByteArray("{\"answers\":") << json << 400 << -1;
}

void TestRespondentRoutes::previewStoresNothing()
{
    QFETCH(QString, preview);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(int, title);
    const QHash<QString, qint64> before = writtenRows();
    const HttpResponse response = post(previewPath(preview), body, contentType);
    QVERIFY2(response.status == status, qPrintable(response.describe()));
    if (title >= 0) {
        const Language language =
            preview.endsWith(QLatin1String("-en")) ? Language::English : Language::Japanese;
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(response.body.contains(escaped(say(Text(title), language)).toUtf8()));
        if (title == int(Text::PreviewNotRecordedTitle))
            QVERIFY(response.body.contains(
                escaped(say(Text::PreviewNotRecordedBody, language)).toUtf8()));
    } else if (status == 200) {
        QCOMPARE(response.json().value(QStringLiteral("recorded")).toBool(true), false);
    }
    QCOMPARE(writtenRows(), before);
}

QTEST_GUILESS_MAIN(TestRespondentRoutes)
#include "tst_respondentroutes.moc"

// The page keeps each round's survey parsed between requests: a change of the
// survey (its revision, or only its last update, moved) and of the round's
// state must show on the very next request.
void TestRespondentRoutes::changesReachTheNextRequest()
{
    RoundSeed seed;
    seed.kind = api::SurveyKind::Custom;
    seed.definition = customDefinition();
    seed.targets = {{QStringLiteral("a"), QStringLiteral("en")}};
    const SeededRound round = this->seed(seed);
    const QString path = pagePath(round, QStringLiteral("a"));
    const auto pageSays = [this, &path](const QString &words) {
        const HttpResponse response = get(path);
        return response.status == 200 && QString::fromUtf8(response.body).contains(words);
    };
    QVERIFY(pageSays(QStringLiteral("I trust my team")));
    QVERIFY(pageSays(QStringLiteral("I trust my team"))); // kept

    const auto changeSurvey = [this, &round, &seed](const QString &firstQuestion,
                                                    const char *revision) {
        api::SurveyDefinition changed = seed.definition;
        changed.questions[0].text.en = firstQuestion;
        QSqlQuery update(m_service.connection());
        update.prepare(QStringLiteral("UPDATE surveys SET definition = ?, updated_at = "
                                      "updated_at + 1, revision = revision + ") +
                       QLatin1String(revision) + QStringLiteral(" WHERE id = ?"));
        update.addBindValue(
            QString::fromUtf8(QJsonDocument(api::toJson(changed)).toJson(QJsonDocument::Compact)));
        update.addBindValue(round.surveyId);
        return update.exec() && update.numRowsAffected() == 1;
    };
    QVERIFY(changeSurvey(QStringLiteral("I trust my colleagues"), "1"));
    QVERIFY(pageSays(QStringLiteral("I trust my colleagues")));
    QVERIFY(!pageSays(QStringLiteral("I trust my team")));
    // Only its last update moved, as the scheduler moves it.
    QVERIFY(changeSurvey(QStringLiteral("I rely on my colleagues"), "0"));
    QVERIFY(pageSays(QStringLiteral("I rely on my colleagues")));

    // The round's state is never kept: closed, it ends at once; open again,
    // it asks again; its new close is the one the page states.
    const auto setRound = [this, &round](const char *status, const QDateTime &closesAt) {
        QSqlQuery update(m_service.connection());
        update.prepare(
            QStringLiteral("UPDATE survey_rounds SET status = ?, closes_at = ? WHERE id = ?"));
        update.addBindValue(QString::fromLatin1(status));
        update.addBindValue(closesAt.toMSecsSinceEpoch());
        update.addBindValue(round.roundId);
        return update.exec() && update.numRowsAffected() == 1;
    };
    QVERIFY(setRound("closed", QDateTime::currentDateTimeUtc().addSecs(-60)));
    QCOMPARE(get(path).status, 410);
    const HttpResponse refused =
        post(path, form({{QStringLiteral("action"), QStringLiteral("save")}}));
    QCOMPARE(refused.status, 410);
    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(30);
    QVERIFY(setRound("open", later));
    QVERIFY(pageSays(QStringLiteral("I rely on my colleagues")));
    QVERIFY(pageSays(
        escaped(api::formatMoment(later, seed.definition.delivery.timeZone, Language::English))));
}
