// The results of a custom survey's round on the wire (api/surveyresults.h):
// round trips of shown and withheld questions of every type, the parts a
// question's type and state allow, hostile and oversized values, and the
// query's strict parameters.

#include "api/surveyresults.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace engage::api;
using engage::api::test::checkRoundTrip;
using engage::api::test::mutate;

namespace {

const QString kRoundId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d");
const QString kSurveyId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
const QString kGroupId = QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
const QString kAttributeId = QStringLiteral("6ba7b814-9dad-11d1-80b4-00c04fd430c8");

Question question(const char *id, QuestionType type, int options = 0)
{
    Question q;
    q.id = QString::fromLatin1(id);
    q.type = type;
    q.text = LocalizedText{QStringLiteral("質問"), QStringLiteral("Question")};
    for (int i = 0; i < options; ++i)
        q.options.append(
            LocalizedText{QStringLiteral("選択%1").arg(i), QStringLiteral("Choice %1").arg(i)});
    return q;
}

QuestionResult shown(Question q, qint64 respondents, QList<qint64> counts,
                     std::optional<double> mean = std::nullopt, QStringList texts = {})
{
    return QuestionResult{std::move(q),      respondents, Withheld::No,
                          std::move(counts), mean,        std::move(texts)};
}

QuestionResult withheld(Question q, qint64 respondents, Withheld why)
{
    return QuestionResult{std::move(q), respondents, why, {}, std::nullopt, {}};
}

// Every type shown, and one of each reason for withholding.
SurveyResults results()
{
    SurveyResults value;
    value.roundId = kRoundId;
    value.surveyId = kSurveyId;
    value.surveyName = LocalizedText{QStringLiteral("働き方"), QStringLiteral("Ways of working")};
    value.roundNumber = 3;
    value.status = RoundStatus::Closed;
    value.opensAt = parseDateTime(QStringLiteral("2025-04-07T00:30:00.000Z")).value();
    value.closesAt = parseDateTime(QStringLiteral("2025-04-16T14:59:59.999Z")).value();
    value.slice.groupId = kGroupId;
    value.slice.attributeId = kAttributeId;
    value.slice.attributeValue = QStringLiteral("Tokyo");
    value.slice.threshold = 5;
    value.slice.commentThreshold = 10;
    value.slice.responseRate = ResponseRate{14, 12, 85.7};
    value.questions = {
        shown(question("q1", QuestionType::Agreement5), 12, {1, 0, 3, 4, 4}, 3.83),
        shown(question("q2", QuestionType::Agreement7), 12, {0, 0, 0, 0, 0, 2, 10}, 6.83),
        shown(question("q3", QuestionType::Scale11), 11, {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 10}, 9.55),
        shown(question("q4", QuestionType::SingleChoice, 3), 12, {6, 6, 0}),
        shown(question("q5", QuestionType::MultipleChoice, 4), 12, {12, 3, 0, 7}),
        shown(question("q6", QuestionType::FreeText), 2, {}, std::nullopt,
              {QStringLiteral("  Line one\nline two\n"), QStringLiteral("短い")}),
        withheld(question("q7", QuestionType::Agreement5), 4, Withheld::TooFewRespondents),
        withheld(question("q8", QuestionType::SingleChoice, 2), 9, Withheld::Complementary),
        withheld(question("q9", QuestionType::FreeText), 0, Withheld::NoAnswers)};
    value.questions[6].question.required = false;
    return value;
}

SurveyResults withheldSlice()
{
    SurveyResults value = results();
    value.status = RoundStatus::Open;
    value.slice.groupId.clear();
    value.slice.attributeId.clear();
    value.slice.attributeValue.clear();
    value.slice.responseRate = ResponseRate{40, 3, 7.5};
    value.slice.withheld = Withheld::TooFewRespondents;
    for (QuestionResult &question : value.questions)
        question = withheld(question.question, 3, Withheld::TooFewRespondents);
    return value;
}

QUrlQuery throughTheWire(const QUrlQuery &query)
{
    QUrl url(QStringLiteral("https://127.0.0.1/api/v1/rounds/x/results"));
    url.setQuery(query);
    const QUrl received = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    return QUrlQuery(received.query(QUrl::FullyEncoded));
}

} // namespace

Q_DECLARE_METATYPE(engage::api::SurveyResults)
Q_DECLARE_METATYPE(engage::api::SurveyResultsQuery)

class TestSurveyResultsCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<SurveyResults>("value");
        QTest::newRow("every type") << results();
        QTest::newRow("slice withheld") << withheldSlice();
        SurveyResults empty = results();
        empty.questions.clear();
        QTest::newRow("no questions") << empty;
        SurveyResults noTargets = results();
        noTargets.slice.responseRate = ResponseRate{0, 0, std::nullopt};
        QTest::newRow("no targets") << noTargets;
    }
    void roundTrip()
    {
        QFETCH(SurveyResults, value);
        checkRoundTrip(value, surveyResultsFromJson);
    }

    void wireShape()
    {
        const QJsonObject json = toJson(results());
        const QJsonArray questions = json.value(QLatin1String("questions")).toArray();
        // Shown: no "withheld" member; withheld: no counts, mean or texts.
        QVERIFY(!questions.at(0).toObject().contains(QLatin1String("withheld")));
        const QJsonObject seventh = questions.at(6).toObject();
        QCOMPARE(seventh.value(QLatin1String("withheld")).toString(),
                 QStringLiteral("tooFewRespondents"));
        QVERIFY(!seventh.contains(QLatin1String("counts")));
        QVERIFY(!seventh.contains(QLatin1String("mean")));
        // Free text carries texts alone: no ids, times or respondents' keys.
        const QJsonArray texts = questions.at(5).toObject().value(QLatin1String("texts")).toArray();
        QCOMPARE(texts.size(), 2);
        QVERIFY(texts.at(0).isString());
    }

    void points_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("options");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("first");
        QTest::newRow("agreement5") << int(QuestionType::Agreement5) << 0 << 5 << 1;
        QTest::newRow("agreement7") << int(QuestionType::Agreement7) << 0 << 7 << 1;
        QTest::newRow("scale11") << int(QuestionType::Scale11) << 0 << 11 << 0;
        QTest::newRow("single") << int(QuestionType::SingleChoice) << 3 << 3 << 0;
        QTest::newRow("multiple") << int(QuestionType::MultipleChoice) << 20 << 20 << 0;
        QTest::newRow("text") << int(QuestionType::FreeText) << 0 << 0 << 0;
    }
    void points()
    {
        QFETCH(int, type);
        QFETCH(int, options);
        QFETCH(int, count);
        QFETCH(int, first);
        const Question q = question("q", static_cast<QuestionType>(type), options);
        QCOMPARE(answerPointCount(q), count);
        if (count > 0) {
            QCOMPARE(answerPointValue(q, 0), first);
            QCOMPARE(answerPointValue(q, count - 1), first + count - 1);
        }
    }

    void rejects_data()
    {
        QTest::addColumn<bool>("openSample"); // the withheld slice instead of the shown one
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("fragment"); // empty: remove the member
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, bool open, const char *path, const QByteArray &fragment,
                      const char *field) {
            QTest::newRow(name) << open << QString::fromLatin1(path) << fragment
                                << QString::fromLatin1(field);
        };
        const QByteArray huge = '"' + QByteArray(100000, 'x') + '"';

        row("unknown member", false, "secret", "1", "secret");
        row("round id missing", false, "roundId", "", "roundId");
        row("round id not an id", false, "roundId", "\"../../etc\"", "roundId");
        row("status scheduled", false, "status", "\"scheduled\"", "status");
        row("status unknown", false, "status", "\"done\"", "status");
        row("round number 0", false, "roundNumber", "0", "roundNumber");
        row("name huge", false, "surveyName.en", huge, "surveyName.en");
        row("name with a line break", false, "surveyName.ja", "\"a\\nb\"", "surveyName.ja");
        row("opens not a time", false, "opensAt", "\"yesterday\"", "opensAt");
        // The slice.
        row("threshold 2", false, "slice.threshold", "2", "slice.threshold");
        row("comment threshold 101", false, "slice.commentThreshold", "101",
            "slice.commentThreshold");
        row("value without attribute", false, "slice.attributeId", "\"\"", "slice.attributeValue");
        row("attribute unknown key", false, "slice.attributeId", "\"salary\"", "slice.attributeId");
        row("respondents over targets", false, "slice.responseRate.respondents", "15",
            "slice.responseRate.respondents");
        row("slice withheld empty", false, "slice.withheld", "\"\"", "slice.withheld");
        row("slice withheld unknown", false, "slice.withheld", "\"secret\"", "slice.withheld");
        row("slice withheld, question shown", false, "slice.withheld", "\"complementary\"",
            "questions.0.withheld");
        // A question's parts.
        row("counts short", false, "questions.0.counts", "[1,0,3,4]", "questions.0.counts");
        row("counts long", false, "questions.3.counts", "[6,6,0,0]", "questions.3.counts");
        row("count negative", false, "questions.0.counts.0", "-1", "questions.0.counts.0");
        row("count fractional", false, "questions.0.counts.0", "1.5", "questions.0.counts.0");
        row("count over respondents", false, "questions.4.counts.0", "13", "questions.4.counts");
        row("counts huge array", false, "questions.0.counts",
            '[' + QByteArray("1,").repeated(30) + "1]", "questions.0.counts");
        row("counts missing when shown", false, "questions.0.counts", "", "questions.0.counts");
        row("mean missing on a scale", false, "questions.0.mean", "", "questions.0.mean");
        row("mean on a choice", false, "questions.3.mean", "1.5", "questions.3.mean");
        row("mean three decimals", false, "questions.0.mean", "3.835", "questions.0.mean");
        row("mean off the scale", false, "questions.0.mean", "6", "questions.0.mean");
        row("mean below agreement", false, "questions.1.mean", "0.5", "questions.1.mean");
        row("counts on free text", false, "questions.5.counts", "[1]", "questions.5.counts");
        row("texts missing when shown", false, "questions.5.texts", "", "questions.5.texts");
        row("texts on a scale", false, "questions.0.texts", "[\"a\"]", "questions.0.texts");
        row("text empty", false, "questions.5.texts.0", "\"\"", "questions.5.texts.0");
        row("text too long", false, "questions.5.texts.0", '"' + QByteArray(2001, 'x') + '"',
            "questions.5.texts.0");
        row("text with a control character", false, "questions.5.texts.0", "\"a\\u0007b\"",
            "questions.5.texts.0");
        row("text not a string", false, "questions.5.texts.0", "{}", "questions.5.texts.0");
        row("withheld with counts", false, "questions.6.counts", "[1,1,1,1,0]",
            "questions.6.counts");
        row("withheld with texts", false, "questions.8.texts", "[\"a\"]", "questions.8.texts");
        row("shown without respondents", false, "questions.3.respondents", "0",
            "questions.3.respondents");
        row("question unknown type", false, "questions.0.question.type", "\"slider\"",
            "questions.0.question.type");
        row("question one option", false, "questions.3.question.options",
            "[{\"ja\":\"a\",\"en\":\"a\"}]", "questions.3.question.options");
        row("question id hostile", false, "questions.0.question.id", "\"<script>\"",
            "questions.0.question.id");
        row("question repeated", false, "questions.1.question.id", "\"q1\"", "questions");
        row("question text huge", false, "questions.0.question.text.en", huge,
            "questions.0.question.text.en");
        row("withheld slice: question shown", true, "questions.0.withheld", "",
            "questions.0.counts");
    }
    void rejects()
    {
        QFETCH(bool, openSample);
        QFETCH(QString, path);
        QFETCH(QByteArray, fragment);
        QFETCH(QString, field);
        const QJsonObject sample = toJson(openSample ? withheldSlice() : results());
        const QJsonObject mutated = mutate(sample, path.split(u'.'), fragment).toObject();
        const auto decoded = surveyResultsFromJson(mutated);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, field);
        QVERIFY(!decoded.error().detail.contains(QLatin1String("xxxx")));
    }

    void sixtyOneQuestions()
    {
        SurveyResults value = results();
        value.questions.clear();
        for (int i = 0; i <= kSurveyQuestionsMax; ++i) {
            QuestionResult q =
                withheld(question("q", QuestionType::Agreement5), 0, Withheld::NoAnswers);
            q.question.id = QStringLiteral("q%1").arg(i);
            value.questions.append(q);
        }
        const auto decoded = surveyResultsFromJson(toJson(value));
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, QStringLiteral("questions"));
    }

    void queryRoundTrip_data()
    {
        QTest::addColumn<SurveyResultsQuery>("query");
        QTest::newRow("whole tenant") << SurveyResultsQuery{};
        QTest::newRow("group") << SurveyResultsQuery{kGroupId, QString(), QString()};
        QTest::newRow("group and value")
            << SurveyResultsQuery{kGroupId, kAttributeId, QString::fromUtf8("東京 & 50% 'x'; --")};
        QTest::newRow("snapshot key")
            << SurveyResultsQuery{QString(), QStringLiteral("tenureBand"), QStringLiteral("3-5")};
        QTest::newRow("value %41 stays literal")
            << SurveyResultsQuery{QString(), kAttributeId, QStringLiteral("%41+b")};
    }
    void queryRoundTrip()
    {
        QFETCH(SurveyResultsQuery, query);
        const auto decoded = surveyResultsQueryFromUrl(throughTheWire(toUrlQuery(query)));
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), query);
    }

    void queryRejects_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("round is the path's")
            << QByteArray("round=" + kRoundId.toLatin1()) << "round";
        QTest::newRow("from is the trend's") << QByteArray("from=2024-01-01") << "from";
        QTest::newRow("hostile name") << QByteArray("%3Cscript%3E=1") << "(unprintable)";
        QTest::newRow("repeated group")
            << QByteArray("group=" + kGroupId.toLatin1() + "&group=" + kGroupId.toLatin1())
            << "group";
        QTest::newRow("group empty") << QByteArray("group=") << "group";
        QTest::newRow("group not an id") << QByteArray("group=1%20OR%201%3D1") << "group";
        QTest::newRow("attribute unknown key")
            << QByteArray("attribute=salary&value=1") << "attribute";
        QTest::newRow("attribute empty") << QByteArray("attribute=&value=1") << "attribute";
        QTest::newRow("attribute without value") << QByteArray("attribute=ageBand") << "value";
        QTest::newRow("value without attribute") << QByteArray("value=Tokyo") << "value";
        QTest::newRow("value empty") << QByteArray("attribute=ageBand&value=") << "value";
        QTest::newRow("value huge")
            << (QByteArray("attribute=ageBand&value=") + QByteArray(201, 'a')) << "value";
        QTest::newRow("value control") << QByteArray("attribute=ageBand&value=a%07b") << "value";
    }
    void queryRejects()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, field);
        const auto decoded = surveyResultsQueryFromUrl(QUrlQuery(QString::fromUtf8(query)));
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, field);
    }
};

QTEST_APPLESS_MAIN(TestSurveyResultsCodecs)
#include "tst_surveyresultscodecs.moc"
