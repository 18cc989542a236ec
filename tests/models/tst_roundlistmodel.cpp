// RoundListModel with rounds set directly: closed rounds only, newest first,
// "date · survey #number" in the UI language, ids and close times in their
// roles, rowOf. QAbstractItemModelTester watches the model throughout.

#include "dashboardsamples.h"
#include "models/dashboard/roundlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

api::RoundInfo round(const QString &idTail, int number, const QDate &closes,
                     api::RoundStatus status)
{
    api::RoundInfo info;
    info.id = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd4") + idTail;
    info.surveyId = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd43fff");
    info.surveyName = QStringLiteral("Pulse");
    info.number = number;
    info.opensAt = QDateTime(closes.addDays(-7), QTime(12, 0), Qt::UTC);
    info.closesAt = QDateTime(closes, QTime(12, 0), Qt::UTC);
    info.status = status;
    info.targets = 10;
    info.respondents = 8;
    return info;
}

} // namespace

class TestRoundListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closedNewestFirst();
};

void TestRoundListModel::closedNewestFirst()
{
    LocaleGuard locale;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    RoundListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    api::RoundList list;
    list.rounds = {
        round(QStringLiteral("3004"), 4, QDate(2024, 4, 30), api::RoundStatus::Open),
        round(QStringLiteral("3002"), 2, QDate(2024, 3, 3), api::RoundStatus::Closed),
        round(QStringLiteral("3003"), 3, QDate(2024, 4, 2), api::RoundStatus::Closed),
        round(QStringLiteral("3005"), 5, QDate(2024, 5, 28), api::RoundStatus::Scheduled),
        round(QStringLiteral("3001"), 1, QDate(2024, 2, 4), api::RoundStatus::Closed),
    };
    model.setRounds(list);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(RoundListModel::RoundIdRole).toString(), list.rounds.at(2).id);
    QCOMPARE(model.index(1).data(RoundListModel::RoundIdRole).toString(), list.rounds.at(1).id);
    QCOMPARE(model.index(2).data(RoundListModel::RoundIdRole).toString(), list.rounds.at(4).id);
    QCOMPARE(model.index(0).data(RoundListModel::ClosesAtRole).toDateTime(),
             list.rounds.at(2).closesAt);
    const QString local =
        QLocale().toString(list.rounds.at(2).closesAt.toLocalTime().date(), QLocale::ShortFormat);
    QCOMPARE(model.index(0).data().toString(), local + QStringLiteral(" · Pulse #3"));
    QVERIFY(model.index(0)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("8 of 10 invited member")));

    QCOMPARE(model.rowOf(list.rounds.at(1).id), 1);
    QCOMPARE(model.rowOf(list.rounds.at(0).id), -1); // open: not offered
    QCOMPARE(model.rowOf(QString()), -1);

    model.setRounds({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestRoundListModel)
#include "tst_roundlistmodel.moc"
