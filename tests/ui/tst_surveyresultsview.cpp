// SurveyResultsView offscreen over results set on its model (no service):
// the title and the anonymity line, the questions expanded with their
// answers, bars painted in the share column in proportion, a withheld
// question saying why, the group picker asking for that group's slice, and
// the labels after a language change.

#include "models/apiclient.h"
#include "models/surveys/surveyresultsmodel.h"
#include "ui/surveys/surveyresultsview.h"
#include "ui/widgets/grouppicker.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QTest>
#include <QTreeView>

using namespace engage;
using engage::models::SurveyResultsModel;

namespace {

const QString kGroupId = QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

api::SurveyResults sample()
{
    api::SurveyResults results;
    results.roundId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d");
    results.surveyId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    results.surveyName = {QStringLiteral("働き方"), QStringLiteral("Ways of working")};
    results.roundNumber = 2;
    results.status = api::RoundStatus::Closed;
    results.opensAt = QDateTime(QDate(2025, 4, 7), QTime(0, 30), Qt::UTC);
    results.closesAt = QDateTime(QDate(2025, 4, 16), QTime(14, 59), Qt::UTC);
    results.slice.threshold = 5;
    results.slice.commentThreshold = 10;
    results.slice.responseRate = {12, 10, 83.3};
    api::Question scale;
    scale.id = QStringLiteral("q1");
    scale.type = api::QuestionType::Agreement5;
    scale.text = {QStringLiteral("仕事は楽しい"), QStringLiteral("I enjoy my work")};
    api::Question choice = scale;
    choice.id = QStringLiteral("q2");
    choice.type = api::QuestionType::SingleChoice;
    choice.options = {{QStringLiteral("はい"), QStringLiteral("Yes")},
                      {QStringLiteral("いいえ"), QStringLiteral("No")}};
    api::Question text = scale;
    text.id = QStringLiteral("q3");
    text.type = api::QuestionType::FreeText;
    results.questions = {{scale, 10, api::Withheld::No, {0, 0, 0, 0, 10}, 5.0, {}},
                         {choice, 4, api::Withheld::TooFewRespondents, {}, std::nullopt, {}},
                         {text,
                          2,
                          api::Withheld::No,
                          {},
                          std::nullopt,
                          {QStringLiteral("Great team"), QStringLiteral("More training")}}};
    return results;
}

} // namespace

class TestSurveyResultsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsResults()
    {
        models::ApiClient client;
        ui::SurveyResultsView view(client);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.model().setResults(sample());

        QVERIFY(view.titleText().contains(QLocale().toString(2)));
        // Who answered and what is withheld, in sight.
        const QString status = view.anonymityText();
        QVERIFY(status.contains(QLocale().toString(10)));
        QVERIFY(status.contains(QLocale().toString(5)));
        auto *line = view.findChild<QLabel *>(QStringLiteral("anonymityStatus"));
        QVERIFY(line && line->isVisible());

        QTreeView &tree = view.tree();
        const QModelIndex q1 = view.model().index(0, 0);
        QVERIFY(tree.isExpanded(q1));
        QVERIFY(tree.isExpanded(view.model().index(2, 0)));
        // The withheld question says why and has nothing below it.
        const QModelIndex q2 = view.model().index(1, SurveyResultsModel::NoteColumn);
        QCOMPARE(view.model().rowCount(view.model().index(1, 0)), 0);
        QCOMPARE(q2.data().toString(),
                 SurveyResultsModel::withheldText(sample().questions.at(1), sample().slice));
    }

    void barsInProportion()
    {
        models::ApiClient client;
        ui::SurveyResultsView view(client);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.model().setResults(sample());
        QTreeView &tree = view.tree();
        tree.setColumnWidth(SurveyResultsModel::ShareColumn, 200);
        const QModelIndex q1 = view.model().index(0, 0);
        // "Strongly agree" holds every answer: a full bar; "strongly
        // disagree" none: no bar.
        const QModelIndex full = view.model().index(4, SurveyResultsModel::ShareColumn, q1);
        const QModelIndex empty = view.model().index(0, SurveyResultsModel::ShareColumn, q1);
        const QImage image = tree.viewport()->grab().toImage();
        const auto barPixels = [&](const QModelIndex &index) {
            const QRect rect = tree.visualRect(index);
            const QColor highlight = tree.palette().color(QPalette::Highlight);
            int count = 0;
            const int y = rect.center().y();
            for (int x = rect.left() + 4; x < rect.left() + rect.width() / 3; ++x) {
                const QColor pixel = image.pixelColor(x, y);
                // The bar is the highlight at half strength over the base.
                if (qAbs(pixel.hue() - highlight.hue()) < 20 && pixel.saturation() > 30)
                    ++count;
            }
            return count;
        };
        QVERIFY(barPixels(full) > 10);
        QCOMPARE(barPixels(empty), 0);
    }

    void groupPickerAsksForTheSlice()
    {
        models::ApiClient client;
        ui::SurveyResultsView view(client);
        view.setGroups({{kGroupId, QStringLiteral("Sales"), 0}});
        view.showRound(sample().roundId);
        QCOMPARE(view.model().roundId(), sample().roundId);
        QVERIFY(view.model().query().groupId.isEmpty());
        ui::GroupPicker &picker = view.groupPicker();
        picker.setCurrentIndex(1);
        Q_EMIT picker.activated(1);
        QCOMPARE(view.model().query().groupId, kGroupId);
        QVERIFY(view.model().isLoading());
        view.model().clear();
    }

    void retranslates()
    {
        models::ApiClient client;
        ui::SurveyResultsView view(client);
        view.model().setResults(sample());
        const QString before = view.anonymityText();
        QVERIFY(!before.isEmpty());
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(&view, &change);
        QCOMPARE(view.anonymityText(), before);
        QCOMPARE(view.groupPicker().itemText(0), ui::SurveyResultsView::tr("Whole company"));
    }
};

QTEST_MAIN(TestSurveyResultsView)
#include "tst_surveyresultsview.moc"
