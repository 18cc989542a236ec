// DashboardLoader against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "sakura-foods" (twelve months of
// demo pulses): every panel reaches Ready with data, the attribute breakdown
// only when the query names an attribute without a value, a round that does
// not exist fails the panels that read it with the service's ApiError while
// the others load, and a second load() while the first is in flight wins:
// the first one's answers are dropped, never applied.

#include "api/id.h"
#include "models/dashboard/dashboardloader.h"
#include "serviceclient.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using Panel = DashboardLoader::Panel;
using State = DashboardLoader::State;

namespace {

const QList<Panel> kSlicePanels = {Panel::Summary, Panel::Factors, Panel::Heatmap, Panel::Priority};

} // namespace

class TestDashboardLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void everyPanelReady();
    void attributeBreakdown();
    void aRoundThatDoesNotExistFails();
    void secondLoadWins();
    void reloadRefreshesTheRounds();

private:
    // Loads `query` and waits for finished(); false on a timeout.
    bool loadAndWait(DashboardLoader &loader, const api::DashboardQuery &query);

    ServerProcess m_server;
    OwnerAtTwoDesks m_owner;
};

void TestDashboardLoader::initTestCase()
{
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    QVERIFY(m_owner.signIn(m_server, QStringLiteral("sakura-foods"),
                           QStringLiteral("Engage tst_dashboardloader")));
}

void TestDashboardLoader::cleanupTestCase()
{
    m_owner.signOut();
}

void TestDashboardLoader::cleanup()
{
    m_server.reportIfFailed();
}

bool TestDashboardLoader::loadAndWait(DashboardLoader &loader, const api::DashboardQuery &query)
{
    QSignalSpy finished(&loader, &DashboardLoader::finished);
    loader.load(query);
    return waitFor(finished);
}

void TestDashboardLoader::everyPanelReady()
{
    DashboardLoader loader(m_owner.client->api);
    QSignalSpy states(&loader, &DashboardLoader::stateChanged);
    QSignalSpy loaded(&loader, &DashboardLoader::panelLoaded);
    QVERIFY(loadAndWait(loader, {}));

    for (Panel panel : {Panel::Rounds, Panel::Summary, Panel::Trend, Panel::Factors, Panel::Heatmap,
                        Panel::Priority, Panel::Memos, Panel::Benchmarks}) {
        const std::optional<ApiError> failure = loader.failure(panel);
        QVERIFY2(loader.state(panel) == State::Ready,
                 qPrintable(QStringLiteral("%1: %2").arg(QVariant::fromValue(panel).toString(),
                                                         failure ? failure->detail
                                                                 : QStringLiteral("not ready"))));
    }
    // No attribute: the breakdown is not asked for.
    QCOMPARE(loader.state(Panel::Attributes), State::Idle);
    QCOMPARE(loaded.size(), 8);
    // Loading, then Ready, for each of the eight.
    QCOMPARE(states.size(), 16);

    // Twelve months of pulses every four weeks.
    QVERIFY(loader.rounds().rounds.size() >= 12);
    QCOMPARE(loader.rounds().rounds.constFirst().status, api::RoundStatus::Closed);
    QVERIFY(loader.summary().engagement.value.has_value());
    QVERIFY(loader.summary().engagement.respondents > 0);
    QVERIFY(loader.summary().responseRate.rate.has_value());
    QVERIFY(*loader.summary().responseRate.rate >= 60);
    QVERIFY(*loader.summary().responseRate.rate <= 95);
    QVERIFY(loader.trend().points.size() >= 12);
    QCOMPARE(loader.factors().factors.size(), api::kFactorCount);
    QVERIFY(loader.heatmap().rows.size() > 1);
    QCOMPARE(loader.priority().points.size(), api::kFactorCount - 1);
    // The latest closed round is the one answered for.
    QCOMPARE(loader.summary().slice.roundId, loader.rounds().rounds.constFirst().id);
}

void TestDashboardLoader::attributeBreakdown()
{
    DashboardLoader loader(m_owner.client->api);
    api::DashboardQuery query;
    query.attributeId = QStringLiteral("employmentType");
    QVERIFY(loadAndWait(loader, query));
    QCOMPARE(loader.state(Panel::Attributes), State::Ready);
    QVERIFY(!loader.attributes().rows.isEmpty());
    QCOMPARE(loader.attributes().slice.attributeId, query.attributeId);

    // A value filters every panel instead; the breakdown is not asked for.
    query.attributeValue = loader.attributes().rows.constFirst().value;
    if (query.attributeValue.isEmpty())
        query.attributeValue = loader.attributes().rows.constLast().value;
    QVERIFY(!query.attributeValue.isEmpty());
    QVERIFY(loadAndWait(loader, query));
    QCOMPARE(loader.state(Panel::Attributes), State::Idle);
    QVERIFY(loader.attributes().rows.isEmpty());
    QCOMPARE(loader.state(Panel::Summary), State::Ready);
    QCOMPARE(loader.summary().slice.attributeValue, query.attributeValue);
}

void TestDashboardLoader::aRoundThatDoesNotExistFails()
{
    DashboardLoader loader(m_owner.client->api);
    api::DashboardQuery query;
    query.roundId = api::createId();
    QVERIFY(loadAndWait(loader, query));
    for (Panel panel : kSlicePanels) {
        QCOMPARE(loader.state(panel), State::Failed);
        const std::optional<ApiError> failure = loader.failure(panel);
        QVERIFY(failure);
        QCOMPARE(failure->kind, ApiError::Kind::Problem);
        QCOMPARE(failure->httpStatus, 404);
        QCOMPARE(failure->code, std::optional<api::ProblemCode>(api::ProblemCode::NotFound));
        QVERIFY(!failure->requestId.isEmpty());
    }
    // The trend reads a period, not a round; memos and benchmarks neither.
    QCOMPARE(loader.state(Panel::Trend), State::Ready);
    QCOMPARE(loader.state(Panel::Memos), State::Ready);
    QCOMPARE(loader.state(Panel::Benchmarks), State::Ready);

    // The next load forgets the failure once its panel answers.
    QVERIFY(loadAndWait(loader, {}));
    for (Panel panel : kSlicePanels) {
        QCOMPARE(loader.state(panel), State::Ready);
        QVERIFY(!loader.failure(panel));
    }
}

void TestDashboardLoader::secondLoadWins()
{
    DashboardLoader loader(m_owner.client->api);
    QVERIFY(loadAndWait(loader, {})); // the rounds, once
    const QString latest = loader.rounds().rounds.constFirst().id;
    const QString earlier = loader.rounds().rounds.at(3).id;

    QSignalSpy states(&loader, &DashboardLoader::stateChanged);
    QSignalSpy finished(&loader, &DashboardLoader::finished);
    api::DashboardQuery missing;
    missing.roundId = api::createId(); // every slice panel would fail
    loader.load(missing);
    QCOMPARE(loader.state(Panel::Summary), State::Loading);
    api::DashboardQuery second;
    second.roundId = earlier;
    loader.load(second);
    QCOMPARE(loader.query(), second);
    QVERIFY(waitFor(finished));
    // Give any answer to the first load time to arrive, and be dropped.
    QTest::qWait(1000);
    QCOMPARE(finished.size(), 1);
    for (const QList<QVariant> &change : states)
        QVERIFY(change.at(1).value<State>() != State::Failed);
    for (Panel panel : kSlicePanels)
        QCOMPARE(loader.state(panel), State::Ready);
    QCOMPARE(loader.summary().slice.roundId, earlier);
    QCOMPARE(loader.heatmap().slice.roundId, earlier);
    QVERIFY(earlier != latest);
}

void TestDashboardLoader::reloadRefreshesTheRounds()
{
    DashboardLoader loader(m_owner.client->api);
    QVERIFY(loadAndWait(loader, {}));
    QSignalSpy loaded(&loader, &DashboardLoader::panelLoaded);
    QVERIFY(loadAndWait(loader, {}));
    QVERIFY(!loaded.contains(QVariantList{QVariant::fromValue(Panel::Rounds)}));
    loaded.clear();
    QSignalSpy finished(&loader, &DashboardLoader::finished);
    loader.reload();
    QCOMPARE(loader.state(Panel::Rounds), State::Loading);
    QVERIFY(waitFor(finished));
    QVERIFY(loaded.contains(QVariantList{QVariant::fromValue(Panel::Rounds)}));
    QCOMPARE(loader.state(Panel::Rounds), State::Ready);
}

QTEST_GUILESS_MAIN(TestDashboardLoader)
#include "tst_dashboardloader.moc"
