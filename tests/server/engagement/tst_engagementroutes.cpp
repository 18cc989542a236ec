// The dashboard routes in-process over real TLS on a real (SQLite) store,
// with pulse rounds written through PulseRepository and aggregated by
// RoundAggregator: every endpoint's answer on that data; an attacker who
// reads every slice over HTTP and subtracts (parent minus its visible
// children, A minus (A and B) for every group and value), again after a late
// answer and after a member purge; other tenants, managers outside their
// groups, viewers, private memos, hostile queries, If-Match, settings and
// the operation log.

#include "disclosurecheck.h"
#include "engagement/engagementroutes.h"
#include "engagement/roundaggregator.h"
#include "servicefixture.h"
#include "store/grouprepository.h"
#include "store/memberpurge.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>
#include <cmath>

using namespace engage;
using engage::server::engagement::RoundAggregator;
using engage::test::DisclosureCheck;
using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::SeenSlice;
using engage::test::ServiceFixture;
namespace store = engage::server::store;

namespace {

const QString kBase = QStringLiteral("/api/v1/engagement/");
const QString kType = QStringLiteral("employmentType");
const QStringList kTypes{QStringLiteral("fullTime"), QStringLiteral("partTime")};
constexpr int kValidity = 100;

HeaderList ifMatch(const QByteArray &etag)
{
    return {{QByteArrayLiteral("If-Match"), etag}};
}

QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

QString randomId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<store::SubmittedAnswer> everyItem(int value)
{
    QList<store::SubmittedAnswer> answers;
    for (const api::BankItem &item : api::questionBank())
        answers.append({item.id, value});
    return answers;
}

// What a decoder refused, for a failure message.
template<typename T>
QByteArray why(const api::Result<T> &decoded)
{
    return decoded ? QByteArray()
                   : QString(decoded.error().field + QLatin1Char(' ') + decoded.error().detail)
                         .toUtf8();
}

double oneDecimal(double value)
{
    return std::floor(value * 10.0 + 0.5) / 10.0;
}

} // namespace

class TestEngagementRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QHash<QString, QString> m_tokens;
    // HQ > Sales > East, West; HQ > Development; Plant.
    QString m_hq, m_sales, m_east, m_west, m_dev, m_plant;
    QHash<QString, QString> m_parents;
    QString m_r1, m_r2, m_open, m_custom;
    QDateTime m_close1, m_close2;
    QString m_lateMember;                      // in Sales, silent until a late answer
    QList<store::StoredMember> m_purgeMembers; // two of West's respondents
    double m_expected1 = 0;                    // the tenant's engagement, unrounded
    double m_expected2 = 0;

    store::TenantScope orgScope() const { return store::TenantScope(m_org.id); }

    QString token(const QString &as)
    {
        if (!m_tokens.contains(as)) {
            const bool other = as.startsWith(QStringLiteral("other-"));
            m_tokens.insert(
                as, m_service.issue(other ? m_other : m_org, other ? as.mid(6) : as).accessToken);
        }
        return m_tokens.value(as);
    }

    HttpResponse send(const QByteArray &verb, const QString &path, const QString &as,
                      const std::optional<QJsonObject> &body = std::nullopt,
                      const HeaderList &headers = {})
    {
        return m_service.send(verb, kBase + path, token(as), body, headers);
    }

    HttpResponse get(const QString &path, const QString &as = QStringLiteral("owner"))
    {
        return send("GET", path, as);
    }

    static QString with(const QString &endpoint, const QList<QPair<QString, QString>> &parameters)
    {
        QUrlQuery query;
        for (const auto &[name, value] : parameters)
            query.addQueryItem(name, value);
        return parameters.isEmpty()
                   ? endpoint
                   : endpoint + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    }

    // The summary of a slice, or a failed test.
    std::optional<api::Summary> summary(const QList<QPair<QString, QString>> &parameters,
                                        const QString &as = QStringLiteral("owner"))
    {
        const HttpResponse response = get(with(QStringLiteral("summary"), parameters), as);
        if (response.status != 200) {
            qWarning() << response.describe();
            return std::nullopt;
        }
        const auto decoded = api::summaryFromJson(response.json());
        if (!decoded) {
            qWarning() << decoded.error().field << decoded.error().detail;
            return std::nullopt;
        }
        return decoded.value();
    }

    // Everything the owner can read about the latest round's slices, in the
    // attacker's hands; the number of scores withheld as complementary.
    bool attack(int *complementary, QStringList *failures)
    {
        DisclosureCheck attacker(m_parents, api::kAnonymityThresholdDefault);
        const auto see = [&](const QString &groupId, const std::optional<QString> &value,
                             const api::Score &score) {
            attacker.add({groupId, value, score.respondents, bool(score.value)});
            if (score.withheld == api::Withheld::Complementary)
                ++*complementary;
        };
        for (const std::optional<QString> &value :
             {std::optional<QString>(), std::optional<QString>(kTypes.at(0)),
              std::optional<QString>(kTypes.at(1))}) {
            QList<QPair<QString, QString>> parameters;
            if (value)
                parameters = {{QStringLiteral("attribute"), kType},
                              {QStringLiteral("value"), *value}};
            const HttpResponse response = get(with(QStringLiteral("heatmap"), parameters));
            const auto heatmap = api::heatmapFromJson(response.json());
            if (response.status != 200 || !heatmap) {
                failures->append(response.describe());
                return false;
            }
            for (const api::HeatmapRow &row : heatmap.value().rows)
                see(row.groupId, value, row.cells.at(0));
        }
        for (const QString &group : {QString(), m_hq, m_sales, m_east, m_west, m_dev, m_plant}) {
            QList<QPair<QString, QString>> base;
            if (!group.isEmpty())
                base.append({QStringLiteral("group"), group});
            const auto whole = summary(base);
            if (!whole)
                return false;
            see(group, std::nullopt, whole->engagement);
            for (const QString &value : kTypes) {
                const auto narrowed = summary(
                    base + QList<QPair<QString, QString>>{{QStringLiteral("attribute"), kType},
                                                          {QStringLiteral("value"), value}});
                if (!narrowed)
                    return false;
                see(group, value, narrowed->engagement);
            }
            const HttpResponse response = get(
                with(QStringLiteral("attributes"),
                     base + QList<QPair<QString, QString>>{{QStringLiteral("attribute"), kType}}));
            const auto breakdown = api::attributeBreakdownFromJson(response.json());
            if (response.status != 200 || !breakdown) {
                failures->append(response.describe());
                return false;
            }
            for (const api::AttributeRow &row : breakdown.value().rows)
                see(group, row.value, row.cells.at(0));
        }
        *failures += attacker.disclosures();
        return attacker.shownCount() > 0;
    }

    void seed()
    {
        const store::TenantScope scope = orgScope();
        const QSqlDatabase connection = m_service.connection();
        const QString owner = m_service.personId(m_org, QStringLiteral("owner"));
        store::GroupRepository groups(connection);
        const auto add = [&](const QString &code, const QString &name,
                             const std::optional<QString> &parent) {
            const auto created = groups.create(scope, {code, name, parent}, owner);
            if (!created)
                qFatal("cannot create a group: %s", qPrintable(created.error().message));
            m_parents.insert(created.value().id, parent.value_or(QString()));
            return created.value().id;
        };
        m_hq = add(QStringLiteral("HQ"), QStringLiteral("Head office"), std::nullopt);
        m_sales = add(QStringLiteral("SALES"), QStringLiteral("Sales"), m_hq);
        m_east = add(QStringLiteral("EAST"), QStringLiteral("East"), m_sales);
        m_west = add(QStringLiteral("WEST"), QStringLiteral("West"), m_sales);
        m_dev = add(QStringLiteral("DEV"), QStringLiteral("Development"), m_hq);
        m_plant = add(QStringLiteral("PLANT"), QStringLiteral("Plant"), std::nullopt);
        QVERIFY(
            groups.setScope(scope, m_service.personId(m_org, QStringLiteral("manager")), {m_sales})
                .isOk());

        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_close2 = QDateTime(now.date().addDays(-3), QTime(0, 0), Qt::UTC);
        m_close1 = m_close2.addDays(-28);
        store::PulseRepository pulse(connection, m_service.keyring());
        const auto survey =
            pulse.createSurvey(scope, store::SurveyKind::Pulse, QStringLiteral("Pulse"), 4, now);
        QVERIFY(survey.isOk());
        QStringList items;
        for (const api::BankItem &item : api::questionBank())
            items.append(item.id);
        const auto addRound = [&](int number, const QDateTime &closes, api::RoundStatus status) {
            store::StoredRound round;
            round.surveyId = survey.value().id;
            round.number = number;
            round.itemIds = items;
            round.opensAt = closes.addDays(-14);
            round.closesAt = closes;
            round.status = status;
            const auto created = pulse.createRound(scope, round, now);
            if (!created)
                qFatal("cannot create a round: %s", qPrintable(created.error().message));
            return created.value().id;
        };
        m_r1 = addRound(1, m_close1, api::RoundStatus::Closed);
        m_r2 = addRound(2, m_close2, api::RoundStatus::Closed);
        m_open = addRound(3, now.addDays(10), api::RoundStatus::Open);
        // A custom survey's round, closed after the pulse's latest: it has
        // results of its own, none on the engagement dashboards.
        const auto custom =
            pulse.createSurvey(scope, store::SurveyKind::Custom, QStringLiteral("Custom"), 0, now);
        QVERIFY(custom.isOk());
        store::StoredRound customRound;
        customRound.surveyId = custom.value().id;
        customRound.number = 1;
        customRound.opensAt = m_close2.addDays(-2);
        customRound.closesAt = m_close2.addDays(1);
        customRound.status = api::RoundStatus::Closed;
        const auto createdCustom = pulse.createRound(scope, customRound, now);
        QVERIFY(createdCustom.isOk());
        m_custom = createdCustom.value().id;

        // Sales' own two people beside its teams of 10 and 12: the heatmap
        // must not let Sales minus its teams show them.
        struct Plan
        {
            QString group;
            int respondents;
            int silent;
        };
        const QList<Plan> plans{
            {m_sales, 2, 1}, {m_east, 10, 2}, {m_west, 12, 1}, {m_dev, 7, 1}, {m_plant, 9, 2}};
        store::MemberRepository members(connection, m_service.keyring());
        QList<store::RoundTarget> targets;
        QList<std::pair<QString, int>> respondents; // member, index
        int index = 0;
        for (const Plan &plan : plans) {
            for (int k = 0; k < plan.respondents + plan.silent; ++k, ++index) {
                api::MemberFields fields;
                fields.employeeCode = QStringLiteral("E-%1").arg(1000 + index);
                fields.familyName = QStringLiteral("Member");
                fields.givenName = QString::number(index);
                fields.groupId = plan.group;
                const auto member = members.create(scope, fields, now);
                if (!member)
                    qFatal("cannot create a member: %s", qPrintable(member.error().message));
                const QString id = member.value().member.id;
                targets.append({id, plan.group, {{kType, kTypes.at(index % 4 == 0 ? 1 : 0)}}});
                if (k < plan.respondents) {
                    respondents.append({id, index});
                    if (plan.group == m_west && m_purgeMembers.size() < 2)
                        m_purgeMembers.append(member.value());
                } else if (plan.group == m_sales) {
                    m_lateMember = id;
                }
            }
        }
        for (const QString &round : {m_r1, m_r2, m_open})
            QVERIFY(pulse.addTargets(scope, round, targets).isOk());
        for (const auto &[member, i] : respondents) {
            QVERIFY(pulse.submit(scope, m_r1, member, everyItem(2 + i % 3), m_close1.addDays(-7))
                        .isOk());
            QVERIFY(pulse.submit(scope, m_r2, member, everyItem(3 + i % 3), m_close2.addDays(-7))
                        .isOk());
            m_expected1 += (1 + i % 3) * 25.0 / respondents.size();
            m_expected2 += (2 + i % 3) * 25.0 / respondents.size();
        }
        RoundAggregator aggregator(connection, m_service.keyring());
        for (const QString &round : {m_r1, m_r2})
            QVERIFY(aggregator.aggregate(scope, round, kValidity, now).isOk());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_service.addPersonPerRole(m_org);
        m_service.addPerson(m_other, QStringLiteral("owner"), api::Role::Owner);
        seed();
        if (QTest::currentTestFailed())
            return;
        server::engagement::addEngagementRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void roundsNewestFirst()
    {
        const HttpResponse response = get(QStringLiteral("rounds"), QStringLiteral("viewer"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto list = api::roundListFromJson(response.json());
        QVERIFY(list);
        QStringList ids;
        for (const api::RoundInfo &round : list.value().rounds)
            ids.append(round.id);
        QCOMPARE(ids, (QStringList{m_open, m_r2, m_r1}));
        const api::RoundInfo &latest = list.value().rounds.at(1);
        QCOMPARE(latest.status, api::RoundStatus::Closed);
        QCOMPARE(latest.surveyName, QStringLiteral("Pulse"));
        QCOMPARE(latest.targets, 47);
        QCOMPARE(latest.respondents, 40);
        QCOMPARE(latest.itemIds.size(), api::kBankSize);
        QCOMPARE(list.value().rounds.at(0).status, api::RoundStatus::Open);
    }

    void summaryOfTheLatestClosedRound()
    {
        auto latest = summary({}, QStringLiteral("viewer"));
        QVERIFY(latest);
        QCOMPARE(latest->slice.roundId, m_r2);
        QVERIFY(latest->slice.groupId.isEmpty());
        QCOMPARE(latest->slice.threshold, api::kAnonymityThresholdDefault);
        QCOMPARE(latest->previousRoundId, m_r1);
        QCOMPARE(latest->engagement.respondents, 40);
        QCOMPARE(latest->engagement.value, std::optional<double>(oneDecimal(m_expected2)));
        QCOMPARE(
            latest->engagement.change,
            std::optional<double>(oneDecimal(oneDecimal(m_expected2) - oneDecimal(m_expected1))));
        QCOMPARE(latest->responseRate.targets, 47);
        QCOMPARE(latest->responseRate.respondents, 40);
        QCOMPARE(latest->responseRateChange, std::optional<double>(0.0));

        const auto first = summary({{QStringLiteral("round"), m_r1}});
        QVERIFY(first);
        QCOMPARE(first->slice.roundId, m_r1);
        QVERIFY(first->previousRoundId.isEmpty());
        QVERIFY(!first->engagement.change);
        QCOMPARE(first->engagement.value, std::optional<double>(oneDecimal(m_expected1)));

        // A group's subtree: East and West and Sales' own two.
        const auto sales = summary({{QStringLiteral("group"), m_sales}});
        QVERIFY(sales);
        QCOMPARE(sales->engagement.respondents, 24);

        // Only closed pulse rounds have results; an unknown round is no round.
        for (const QString &round : {m_open, m_custom, randomId()}) {
            const HttpResponse response =
                get(with(QStringLiteral("summary"), {{QStringLiteral("round"), round}}));
            QCOMPARE(response.status, 404);
            QCOMPARE(problemCode(response), QStringLiteral("not-found"));
        }
    }

    void trendOldestFirst()
    {
        HttpResponse response = get(QStringLiteral("trend"), QStringLiteral("viewer"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        auto trend = api::trendFromJson(response.json());
        QVERIFY(trend);
        QCOMPARE(trend.value().points.size(), 2);
        QCOMPARE(trend.value().points.at(0).roundId, m_r1);
        QCOMPARE(trend.value().points.at(1).roundId, m_r2);
        QCOMPARE(trend.value().points.at(1).closesAt, m_close2);
        QCOMPARE(trend.value().points.at(1).factors.size(), api::kFactorCount - 1);
        QVERIFY(trend.value().points.at(1).engagement.change);
        QVERIFY(trend.value().slice.roundId.isEmpty());

        const QString day = m_close2.date().toString(Qt::ISODate);
        response = get(with(QStringLiteral("trend"),
                            {{QStringLiteral("from"), day}, {QStringLiteral("to"), day}}));
        trend = api::trendFromJson(response.json());
        QVERIFY(trend);
        QCOMPARE(trend.value().points.size(), 1);
        QCOMPARE(trend.value().points.at(0).roundId, m_r2);
    }

    void factorsHeatmapAttributesPriority()
    {
        HttpResponse response = get(QStringLiteral("factors"), QStringLiteral("viewer"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto factors = api::factorBreakdownFromJson(response.json());
        QVERIFY(factors);
        QCOMPARE(factors.value().factors.size(), api::kFactorCount);
        for (const api::FactorScore &factor : factors.value().factors)
            QCOMPARE(factor.score.value, std::optional<double>(oneDecimal(m_expected2)));

        response = get(QStringLiteral("heatmap"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto heatmap = api::heatmapFromJson(response.json());
        QVERIFY2(heatmap, why(heatmap).constData());
        QCOMPARE(heatmap.value().rows.size(), 7);
        QVERIFY(heatmap.value().rows.at(0).groupId.isEmpty());
        QCOMPARE(heatmap.value().rows.at(0).responseRate.targets, 47);
        QSet<QString> ids;
        for (const api::HeatmapRow &row : heatmap.value().rows)
            ids.insert(row.groupId);
        QCOMPARE(ids, (QSet<QString>{QString(), m_hq, m_sales, m_east, m_west, m_dev, m_plant}));

        response = get(with(QStringLiteral("attributes"), {{QStringLiteral("attribute"), kType}}));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto breakdown = api::attributeBreakdownFromJson(response.json());
        QVERIFY(breakdown);
        QCOMPARE(breakdown.value().rows.size(), 2);
        QCOMPARE(breakdown.value().rows.at(0).value, kTypes.at(0));
        QCOMPARE(breakdown.value().rows.at(1).value, kTypes.at(1));
        QCOMPARE(breakdown.value().rows.at(0).responseRate.targets +
                     breakdown.value().rows.at(1).responseRate.targets,
                 47);
        // An attribute the tenant does not have is not found.
        response =
            get(with(QStringLiteral("attributes"), {{QStringLiteral("attribute"), randomId()}}));
        QCOMPARE(response.status, 404);

        response = get(QStringLiteral("priority"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto chart = api::priorityChartFromJson(response.json());
        QVERIFY(chart);
        QCOMPARE(chart.value().points.size(), api::kFactorCount - 1);
        // Everyone answered every item alike: each factor moves with engagement.
        for (const api::PriorityPoint &point : chart.value().points)
            QCOMPARE(point.impact, std::optional<double>(1.0));
    }

    void attackersLearnNothing()
    {
        int complementary = 0;
        QStringList failures;
        QVERIFY2(attack(&complementary, &failures), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // Sales minus East and West would be Sales' own two: something was withheld for it.
        QVERIFY(complementary > 0);

        // A late answer: the aggregates follow, the attacker still learns nothing.
        const store::TenantScope scope = orgScope();
        const QSqlDatabase connection = m_service.connection();
        store::PulseRepository pulse(connection, m_service.keyring());
        QVERIFY(
            pulse.submit(scope, m_r2, m_lateMember, everyItem(5), QDateTime::currentDateTimeUtc())
                .isOk());
        const auto again =
            RoundAggregator(connection, m_service.keyring())
                .reaggregateFrom(scope, m_r2, kValidity, QDateTime::currentDateTimeUtc());
        QVERIFY(again.isOk());
        QVERIFY(again.value().contains(m_r2));
        const auto late = summary({});
        QVERIFY(late);
        QCOMPARE(late->engagement.respondents, 41);
        QCOMPARE(late->responseRate.respondents, 41);
        complementary = 0;
        QVERIFY2(attack(&complementary, &failures), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(complementary > 0);

        // A purge of two respondents: their answers stay, anonymous, and
        // every answer stays what it was.
        const HttpResponse heatmapBefore = get(QStringLiteral("heatmap"));
        const HttpResponse breakdownBefore =
            get(with(QStringLiteral("attributes"), {{QStringLiteral("attribute"), kType}}));
        store::MemberRepository members(connection, m_service.keyring());
        for (const store::StoredMember &member : m_purgeMembers)
            QVERIFY(members
                        .remove(scope, member.member.id, member.revision,
                                QDateTime::currentDateTimeUtc().addYears(-20))
                        .isOk());
        const auto purged = store::MemberPurge(connection, m_service.keyring())
                                .run(QDateTime::currentDateTimeUtc());
        QVERIFY(purged.isOk());
        QCOMPARE(purged.value(), 2);
        QVERIFY(RoundAggregator(connection, m_service.keyring())
                    .reaggregateFrom(scope, m_r2, kValidity, QDateTime::currentDateTimeUtc())
                    .isOk());
        QCOMPARE(get(QStringLiteral("heatmap")).body, heatmapBefore.body);
        QCOMPARE(
            get(with(QStringLiteral("attributes"), {{QStringLiteral("attribute"), kType}})).body,
            breakdownBefore.body);
        complementary = 0;
        QVERIFY2(attack(&complementary, &failures), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void otherTenantsFindNothing()
    {
        const QString other = QStringLiteral("other-owner");
        for (const auto &[endpoint, name, value] :
             {std::tuple{"summary", "round", m_r2}, std::tuple{"heatmap", "group", m_sales},
              std::tuple{"factors", "round", m_r1}}) {
            const HttpResponse across =
                get(with(QLatin1String(endpoint), {{QLatin1String(name), value}}), other);
            const HttpResponse absent =
                get(with(QLatin1String(endpoint), {{QLatin1String(name), randomId()}}), other);
            QCOMPARE(across.status, 404);
            QCOMPARE(across.json().value(QStringLiteral("detail")),
                     absent.json().value(QStringLiteral("detail")));
        }
        // Their own dashboard has no round: nothing of ours.
        const auto theirs = summary({}, other);
        QVERIFY(theirs);
        QVERIFY(theirs->slice.roundId.isEmpty());
        QCOMPARE(theirs->engagement.withheld, api::Withheld::NoAnswers);
        QCOMPARE(theirs->responseRate.targets, 0);

        const api::MemoFields fields{QDate(2026, 5, 1), QStringLiteral("Shared note"), true};
        HttpResponse response =
            send("POST", QStringLiteral("memos"), QStringLiteral("owner"), api::toJson(fields));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const QString memo = response.json().value(QStringLiteral("id")).toString();
        response = send("PUT", QStringLiteral("memos/") + memo, other, api::toJson(fields),
                        ifMatch("\"1\""));
        QCOMPARE(response.status, 404);
        response =
            send("DELETE", QStringLiteral("memos/") + memo, other, std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 404);
        response = get(QStringLiteral("memos"), other);
        QCOMPARE(response.status, 200);
        QVERIFY(!response.body.contains(memo.toUtf8()));
        QVERIFY(!get(QStringLiteral("rounds"), other).body.contains(m_r2.toUtf8()));
    }

    void managersSeeTheirGroupsOnly()
    {
        const QString manager = QStringLiteral("manager");
        auto answer = summary({}, manager);
        QVERIFY(answer);
        QCOMPARE(answer->slice.groupId, m_sales);
        QCOMPARE(answer->engagement.respondents,
                 summary({{QStringLiteral("group"), m_sales}})->engagement.respondents);
        QVERIFY(summary({{QStringLiteral("group"), m_east}}, manager));
        for (const QString &outside : {m_hq, m_plant, m_dev, randomId()}) {
            const HttpResponse response =
                get(with(QStringLiteral("heatmap"), {{QStringLiteral("group"), outside}}), manager);
            QCOMPARE(response.status, 404);
            QCOMPARE(response.json().value(QStringLiteral("detail")).toString(),
                     QStringLiteral("There is no such group."));
        }
        const HttpResponse response = get(QStringLiteral("heatmap"), manager);
        const auto heatmap = api::heatmapFromJson(response.json());
        QVERIFY(heatmap);
        QStringList ids;
        for (const api::HeatmapRow &row : heatmap.value().rows)
            ids.append(row.groupId);
        QCOMPARE(ids, (QStringList{m_sales, m_east, m_west}));
    }

    void viewersOnlyRead()
    {
        const QString viewer = QStringLiteral("viewer");
        QCOMPARE(send("PUT", QStringLiteral("benchmarks"), viewer, api::toJson(api::BenchmarkSet{}),
                      ifMatch("\"0\""))
                     .status,
                 403);
        QCOMPARE(send("PUT", QStringLiteral("settings"), viewer,
                      api::toJson(api::EngagementSettings{}), ifMatch("\"0\""))
                     .status,
                 403);
        QCOMPARE(send("POST", QStringLiteral("memos"), viewer,
                      api::toJson(api::MemoFields{QDate(2026, 5, 1), QStringLiteral("x"), false}))
                     .status,
                 403);
        QCOMPARE(get(QStringLiteral("benchmarks"), viewer).status, 200);
        QCOMPARE(get(QStringLiteral("settings"), viewer).status, 200);
    }

    void memosPrivateSharedAndTheirAuthors()
    {
        const QString admin = QStringLiteral("admin");
        const QString owner = QStringLiteral("owner");
        const api::MemoFields secret{QDate(2026, 6, 1), QStringLiteral("Reorganisation talk"),
                                     false};
        const HeaderList key{
            {QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("memo-0001")}};
        HttpResponse created =
            send("POST", QStringLiteral("memos"), admin, api::toJson(secret), key);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        const auto memo = api::memoFromJson(created.json());
        QVERIFY(memo);
        QCOMPARE(memo.value().fields, secret);
        QVERIFY(memo.value().mine);
        QCOMPARE(memo.value().authorName, admin);
        QCOMPARE(created.header("etag"), QByteArrayLiteral("\"1\""));
        const HttpResponse replay =
            send("POST", QStringLiteral("memos"), admin, api::toJson(secret), key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("idempotency-replayed"), QByteArrayLiteral("true"));
        QCOMPARE(replay.header("location"), created.header("location"));
        const QString path = QStringLiteral("memos/") + memo.value().id;

        // Private: its author sees it, nobody else, not even the owner.
        const auto listed = [&](const QString &as) {
            const auto list = api::memoListFromJson(get(QStringLiteral("memos"), as).json());
            QStringList ids;
            for (const api::Memo &one : list.value().memos)
                ids.append(one.id);
            return ids;
        };
        QVERIFY(listed(admin).contains(memo.value().id));
        QVERIFY(!listed(owner).contains(memo.value().id));
        QVERIFY(!get(QStringLiteral("memos"), owner).body.contains("Reorganisation"));
        QCOMPARE(send("PUT", path, owner, api::toJson(secret), ifMatch("\"1\"")).status, 404);
        QCOMPARE(send("DELETE", path, owner, std::nullopt, ifMatch("\"1\"")).status, 404);

        // Edits by the author, with If-Match.
        api::MemoFields shared = secret;
        shared.shared = true;
        shared.text = QStringLiteral("Reorganisation announced");
        HttpResponse response = send("PUT", path, admin, api::toJson(shared));
        QCOMPARE(response.status, 428);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-required"));
        response = send("PUT", path, admin, api::toJson(shared), ifMatch("\"9\""));
        QCOMPARE(response.status, 412);
        response = send("PUT", path, admin, api::toJson(shared), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        // Shared now: the owner sees it, but only its author may change it.
        QVERIFY(listed(owner).contains(memo.value().id));
        QCOMPARE(send("PUT", path, owner, api::toJson(shared), ifMatch("\"2\"")).status, 403);
        api::MemoFields tooLong = shared;
        tooLong.text = QString(api::kMemoMaxLength + 1, QLatin1Char('x'));
        QCOMPARE(send("PUT", path, admin, api::toJson(tooLong), ifMatch("\"2\"")).status, 400);
        QCOMPARE(send("DELETE", path, admin).status, 428);
        QCOMPARE(send("DELETE", path, admin, std::nullopt, ifMatch("\"1\"")).status, 412);
        QCOMPARE(send("DELETE", path, admin, std::nullopt, ifMatch("\"2\"")).status, 204);
        QVERIFY(!listed(admin).contains(memo.value().id));

        // Ranges of days.
        const QString before =
            with(QStringLiteral("memos"), {{QStringLiteral("to"), QStringLiteral("2026-04-30")}});
        QVERIFY(!get(before).body.contains("2026-05-01"));

        const QString id = memo.value().id;
        QCOMPARE(m_service.operationCount(QStringLiteral("memo.create"), id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("memo.update"), id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("memo.delete"), id), 1);
        QSqlQuery log(m_service.connection());
        QVERIFY(log.exec(QStringLiteral("SELECT summary FROM operation_log")));
        while (log.next())
            QVERIFY2(!log.value(0).toString().contains(QStringLiteral("Reorganisation")),
                     qPrintable(log.value(0).toString()));
    }

    void benchmarksWithIfMatch()
    {
        HttpResponse response = get(QStringLiteral("benchmarks"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"0\""));
        api::BenchmarkSet set;
        set.label = QStringLiteral("Industry 2025");
        set.values = {{api::Factor::Engagement, 61.5}, {api::Factor::Job, 70.0}};
        response =
            send("PUT", QStringLiteral("benchmarks"), QStringLiteral("admin"), api::toJson(set));
        QCOMPARE(response.status, 428);
        response = send("PUT", QStringLiteral("benchmarks"), QStringLiteral("admin"),
                        api::toJson(set), ifMatch("\"3\""));
        QCOMPARE(response.status, 412);
        response = send("PUT", QStringLiteral("benchmarks"), QStringLiteral("admin"),
                        api::toJson(set), ifMatch("\"0\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        const auto saved = api::benchmarkSetFromJson(get(QStringLiteral("benchmarks")).json());
        QVERIFY(saved);
        QCOMPARE(saved.value().label, set.label);
        QCOMPARE(saved.value().values.size(), 2);
        QCOMPARE(saved.value().revision, 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("engagement.benchmarks.update"), m_org.id),
                 1);

        const auto factors = api::factorBreakdownFromJson(get(QStringLiteral("factors")).json());
        QVERIFY(factors);
        QCOMPARE(factors.value().factors.at(0).benchmark, std::optional<double>(61.5));
        QCOMPARE(factors.value().factors.at(1).benchmark, std::optional<double>(70.0));
        QVERIFY(!factors.value().factors.at(2).benchmark);
    }

    void hostileQueriesAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        const QString id = randomId();
        QTest::newRow("unknown parameter") << QStringLiteral("summary?colour=red");
        QTest::newRow("repeated parameter") << QStringLiteral("summary?group=%1&group=%1").arg(id);
        QTest::newRow("bad round id") << QStringLiteral("summary?round=not-an-id");
        QTest::newRow("huge group id") << QStringLiteral("heatmap?group=") + QString(5000, u'a');
        QTest::newRow("value without attribute") << QStringLiteral("summary?value=fullTime");
        QTest::newRow("period outside the trend") << QStringLiteral("summary?from=2026-01-01");
        QTest::newRow("round in the trend") << QStringLiteral("trend?round=%1").arg(id);
        QTest::newRow("bad month") << QStringLiteral("trend?from=2026-13-01");
        QTest::newRow("huge year") << QStringLiteral("trend?to=99999999-01-01");
        QTest::newRow("not a date") << QStringLiteral("trend?from=yesterday");
        QTest::newRow("period backwards") << QStringLiteral("trend?from=2026-02-01&to=2026-01-01");
        QTest::newRow("breakdown without attribute") << QStringLiteral("attributes");
        QTest::newRow("breakdown with a value")
            << QStringLiteral("attributes?attribute=employmentType&value=fullTime");
        QTest::newRow("attribute key with a space") << QStringLiteral("summary?attribute=a%20b");
        QTest::newRow("control character value")
            << QStringLiteral("summary?attribute=employmentType&value=a%01b");
        QTest::newRow("memos unknown parameter") << QStringLiteral("memos?limit=5");
        QTest::newRow("memos bad date") << QStringLiteral("memos?from=2026-02-30");
        QTest::newRow("rounds parameter") << QStringLiteral("rounds?status=closed");
    }

    void hostileQueriesAreRefused()
    {
        QFETCH(QString, path);
        const HttpResponse response = get(path);
        QVERIFY2(response.status == 400, qPrintable(response.describe()));
        QVERIFY(response.header("content-type").startsWith("application/problem+json"));
        QVERIFY(!problemCode(response).isEmpty());
    }

    // A tenant's first write of its settings creates its row: no benchmarks
    // were ever saved there.
    void firstSettingsOfATenant()
    {
        api::EngagementSettings settings;
        settings.anonymityThreshold = 6;
        const HttpResponse response =
            send("PUT", QStringLiteral("settings"), QStringLiteral("other-owner"),
                 api::toJson(settings), ifMatch("\"0\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto saved = api::engagementSettingsFromJson(response.json());
        QVERIFY(saved);
        QCOMPARE(saved.value().anonymityThreshold, 6);
        const HttpResponse benchmarks =
            send("GET", QStringLiteral("benchmarks"), QStringLiteral("other-owner"));
        QVERIFY2(benchmarks.status == 200, qPrintable(benchmarks.describe()));
        QCOMPARE(api::benchmarkSetFromJson(benchmarks.json()).value().label, QString());
    }

    // Last: the threshold changes what the other tests see.
    void settingsWithIfMatch()
    {
        HttpResponse response = get(QStringLiteral("settings"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"0\""));
        api::EngagementSettings settings;
        settings.anonymityThreshold = 2;
        response = send("PUT", QStringLiteral("settings"), QStringLiteral("admin"),
                        api::toJson(settings), ifMatch("\"0\""));
        QCOMPARE(response.status, 400);
        settings.anonymityThreshold = 8;
        response =
            send("PUT", QStringLiteral("settings"), QStringLiteral("admin"), api::toJson(settings));
        QCOMPARE(response.status, 428);
        response = send("PUT", QStringLiteral("settings"), QStringLiteral("admin"),
                        api::toJson(settings), ifMatch("\"5\""));
        QCOMPARE(response.status, 412);
        response = send("PUT", QStringLiteral("settings"), QStringLiteral("admin"),
                        api::toJson(settings), ifMatch("\"0\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QCOMPARE(m_service.operationCount(QStringLiteral("engagement.settings.update"), m_org.id),
                 1);

        // Development's seven are now too few.
        auto dev = summary({{QStringLiteral("group"), m_dev}});
        QVERIFY(dev);
        QCOMPARE(dev->slice.threshold, 8);
        QCOMPARE(dev->engagement.withheld, api::Withheld::TooFewRespondents);

        // A shorter validity window builds the closed rounds' cells again.
        settings.anonymityThreshold = 5;
        settings.validityDays = 30;
        response = send("PUT", QStringLiteral("settings"), QStringLiteral("admin"),
                        api::toJson(settings), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        dev = summary({{QStringLiteral("group"), m_dev}});
        QVERIFY(dev);
        QCOMPARE(dev->slice.validityDays, 30);
        QCOMPARE(dev->engagement.respondents, 7);
        QCOMPARE(m_service.operationCount(QStringLiteral("engagement.settings.update"), m_org.id),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestEngagementRoutes)
#include "tst_engagementroutes.moc"
