// SurveyResultsModel against the real engage-server over TLS on loopback,
// under QAbstractItemModelTester: a custom round seeded into the stopped
// server's data directory (eleven respondents in two sibling groups of the
// demo's organisation), loaded for the whole company (distributions, shares,
// the mean, comments listed at the comment threshold of 10), for one group
// (its comments withheld, saying why) and for an attribute value too small
// to show (every question withheld without rows below it), and a round that
// is not there.

#include "models/surveys/surveyresultsmodel.h"
#include "models/surveys/surveytext.h"
#include "resultsseed.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kTenant = QStringLiteral("northwind");
const QString kEmployment = QStringLiteral("employmentType");

api::Question question(const char *id, api::QuestionType type, int options)
{
    api::Question q;
    q.id = QString::fromLatin1(id);
    q.type = type;
    q.text = {QStringLiteral("質問 %1").arg(q.id), QStringLiteral("Question %1").arg(q.id)};
    for (int i = 0; i < options; ++i)
        q.options.append({QStringLiteral("選択%1").arg(i), QStringLiteral("Option %1").arg(i)});
    q.required = type != api::QuestionType::FreeText;
    return q;
}

api::SurveyDefinition survey()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("働き方"), QStringLiteral("Ways of working")};
    definition.questions = {question("q1", api::QuestionType::Agreement5, 0),
                            question("q2", api::QuestionType::SingleChoice, 2),
                            question("q3", api::QuestionType::FreeText, 0)};
    definition.delivery.startDate = QDate(2025, 4, 7);
    return definition;
}

// Respondent i of a group answers q1 with 1 + i % 5, q2 with i % 2, and the
// first two of each group write a comment.
test::ResultsTarget target(const QString &group, int i, bool partTime)
{
    QList<api::RespondentAnswer> answers{{QStringLiteral("q1"), 1 + i % 5, {}, std::nullopt},
                                         {QStringLiteral("q2"), i % 2, {}, std::nullopt}};
    if (i < 2)
        answers.append({QStringLiteral("q3"),
                        std::nullopt,
                        {},
                        QStringLiteral("Comment %1 in %2").arg(i).arg(group.left(4))});
    return {group,
            {{kEmployment, partTime ? QStringLiteral("part-time") : QStringLiteral("full-time")}},
            answers};
}

} // namespace

class TestSurveyResultsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void wholeCompany();
    void oneGroup();
    void sliceTooSmall();
    void missingRound();

private:
    bool load(const api::SurveyResultsQuery &query, const QString &roundId = {});

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    OwnerAtTwoDesks m_desks;
    QString m_roundId;
    QString m_first;
    std::unique_ptr<SurveyResultsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSurveyResultsModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    {
        // The first start writes the demo's organisation; the round goes in
        // while the service is stopped, as the store's only writer.
        ServerProcess first(m_dir.path());
        QVERIFY2(first.start(), qPrintable(first.errorString()));
        first.terminate();
        QVERIFY(first.waitForExit(20000));
    }
    QString error;
    const QStringList groups = siblingGroupsInDataDir(m_dir.path(), kTenant, &error);
    QVERIFY2(groups.size() == 2, qPrintable(error));
    m_first = groups.at(0);
    test::ResultsSeed seed;
    seed.definition = survey();
    for (int i = 0; i < 6; ++i)
        seed.targets.append(target(groups.at(0), i, i == 0));
    for (int i = 0; i < 5; ++i)
        seed.targets.append(target(groups.at(1), i, false));
    seed.targets.append({groups.at(1), {}, std::nullopt}); // did not answer
    const auto seeded = seedResultsInDataDir(m_dir.path(), kTenant, seed, &error);
    QVERIFY2(seeded, qPrintable(error));
    m_roundId = seeded->roundId;

    m_server = std::make_unique<ServerProcess>(m_dir.path());
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_desks.signIn(*m_server, kTenant, QStringLiteral("Engage tst_surveyresultsmodel")));
}

void TestSurveyResultsModel::init()
{
    m_model = std::make_unique<SurveyResultsModel>(m_desks.client->api);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSurveyResultsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    if (m_server)
        m_server->reportIfFailed();
}

void TestSurveyResultsModel::cleanupTestCase()
{
    m_desks.signOut();
}

bool TestSurveyResultsModel::load(const api::SurveyResultsQuery &query, const QString &roundId)
{
    QSignalSpy loaded(m_model.get(), &SurveyResultsModel::loaded);
    QSignalSpy failed(m_model.get(), &SurveyResultsModel::failed);
    m_model->load(roundId.isEmpty() ? m_roundId : roundId, query);
    if (!m_model->isLoading())
        return false;
    const bool answered =
        QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs);
    return answered && !loaded.isEmpty();
}

void TestSurveyResultsModel::wholeCompany()
{
    QVERIFY(load({}));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(SurveyResultsModel::ColumnCount));

    // q1: 1 + i % 5 over i = 0..5 and 0..4: 1, 2, 3, 4, 5, 1 and 1, 2, 3, 4, 5.
    const QModelIndex q1 = m_model->index(0, SurveyResultsModel::LabelColumn);
    QCOMPARE(q1.data().toString(), SurveyText::inUiLanguage(survey().questions.at(0).text));
    QCOMPARE(q1.data(SurveyResultsModel::RowKindRole).toInt(),
             int(SurveyResultsModel::RowKind::Question));
    QCOMPARE(q1.data(SurveyResultsModel::CountRole).toLongLong(), 11);
    QCOMPARE(m_model->rowCount(q1), 5);
    const QList<qint64> counts{3, 2, 2, 2, 2};
    for (int row = 0; row < 5; ++row) {
        const QModelIndex count = m_model->index(row, SurveyResultsModel::CountColumn, q1);
        QCOMPARE(count.data(SurveyResultsModel::CountRole).toLongLong(), counts.at(row));
        QCOMPARE(count.data(SurveyResultsModel::RowKindRole).toInt(),
                 int(SurveyResultsModel::RowKind::Answer));
        QCOMPARE(m_model->index(row, SurveyResultsModel::ShareColumn, q1)
                     .data(SurveyResultsModel::ShareRole)
                     .toDouble(),
                 double(counts.at(row)) / 11.0);
    }
    // Mean (3 + 4 + 6 + 8 + 10) / 11 = 2.818...
    QCOMPARE(q1.data(SurveyResultsModel::MeanRole).toDouble(), 2.82);
    QVERIFY(m_model->index(0, SurveyResultsModel::NoteColumn)
                .data()
                .toString()
                .contains(QLocale().toString(2.82, 'f', 2)));

    // Options by their text; four comments listed at eleven respondents.
    const QModelIndex q2 = m_model->index(1, 0);
    QCOMPARE(m_model->index(0, 0, q2).data().toString(),
             SurveyText::inUiLanguage(survey().questions.at(1).options.at(0)));
    const QModelIndex q3 = m_model->index(2, 0);
    QCOMPARE(q3.data(SurveyResultsModel::WithheldRole).toInt(), int(api::Withheld::No));
    QCOMPARE(m_model->rowCount(q3), 4);
    for (int row = 0; row < 4; ++row) {
        const QModelIndex text = m_model->index(row, 0, q3);
        QCOMPARE(text.data(SurveyResultsModel::RowKindRole).toInt(),
                 int(SurveyResultsModel::RowKind::Text));
        QVERIFY(text.data().toString().startsWith(QLatin1String("Comment ")));
    }
    QVERIFY(m_model->anonymityText().contains(QLocale().toString(11)));
}

void TestSurveyResultsModel::oneGroup()
{
    QVERIFY(load({m_first, {}, {}}));
    QCOMPARE(m_model->results()->slice.groupId, m_first);
    const QModelIndex q1 = m_model->index(0, 0);
    QCOMPARE(q1.data(SurveyResultsModel::CountRole).toLongLong(), 6);
    QCOMPARE(m_model->rowCount(q1), 5);
    // Six respondents: comments need ten.
    const QModelIndex q3 = m_model->index(2, 0);
    QCOMPARE(q3.data(SurveyResultsModel::WithheldRole).toInt(),
             int(api::Withheld::TooFewRespondents));
    QCOMPARE(m_model->rowCount(q3), 0);
    const QString why = m_model->index(2, SurveyResultsModel::NoteColumn).data().toString();
    QCOMPARE(why, SurveyResultsModel::withheldText(m_model->results()->questions.at(2),
                                                   m_model->results()->slice));
    QVERIFY(why.contains(QLocale().toString(10)));
}

void TestSurveyResultsModel::sliceTooSmall()
{
    QVERIFY(load({QString(), kEmployment, QStringLiteral("part-time")}));
    QCOMPARE(m_model->results()->slice.withheld, api::Withheld::TooFewRespondents);
    QCOMPARE(m_model->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        const QModelIndex question = m_model->index(row, 0);
        QCOMPARE(m_model->rowCount(question), 0);
        QCOMPARE(question.data(SurveyResultsModel::WithheldRole).toInt(),
                 int(api::Withheld::TooFewRespondents));
        QVERIFY(!m_model->index(row, SurveyResultsModel::NoteColumn).data().toString().isEmpty());
    }
    QVERIFY(!m_model->anonymityText().isEmpty());
    // Cleared, the model is empty again.
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->anonymityText().isEmpty());
}

void TestSurveyResultsModel::missingRound()
{
    QSignalSpy failed(m_model.get(), &SurveyResultsModel::failed);
    QVERIFY(!load({}, QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d")));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().constFirst().value<ApiError>().httpStatus, 404);
    QVERIFY(!m_model->hasResults());
}

QTEST_GUILESS_MAIN(TestSurveyResultsModel)
#include "tst_surveyresultsmodel.moc"
