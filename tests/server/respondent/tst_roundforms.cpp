// RoundForms, the respondent page's parsed surveys kept between requests: a
// form found only at the version it was kept at, replaced by a newer one, kept
// apart by tenant and round, bounded; and RoundForm::parse for a pulse, a
// custom survey and a custom survey whose definition does not read.

#include "api/questionbank.h"
#include "respondent/roundforms.h"

#include <QJsonDocument>
#include <QTest>

using namespace engage;
using server::respondent::RoundForm;
using server::respondent::RoundForms;

namespace {

std::shared_ptr<const RoundForm> formNamed(const QString &name)
{
    auto form = std::make_shared<RoundForm>();
    form->definition.name = {name, name};
    return form;
}

const QString kTenant = QStringLiteral("tenant-a");

} // namespace

class TestRoundForms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foundOnlyAtItsVersion()
    {
        RoundForms forms;
        const RoundForms::Version first{3, 1000};
        QVERIFY(!forms.find(kTenant, 7, first));
        const auto kept = formNamed(QStringLiteral("first"));
        forms.keep(kTenant, 7, first, kept);
        QCOMPARE(forms.find(kTenant, 7, first), kept);
        // Another revision, or the same revision updated since: not this form.
        QVERIFY(!forms.find(kTenant, 7, {4, 1000}));
        QVERIFY(!forms.find(kTenant, 7, {3, 1001}));
        // Another round, or the same round number of another tenant.
        QVERIFY(!forms.find(kTenant, 8, first));
        QVERIFY(!forms.find(QStringLiteral("tenant-b"), 7, first));

        const RoundForms::Version second{4, 2000};
        const auto newer = formNamed(QStringLiteral("second"));
        forms.keep(kTenant, 7, second, newer);
        QCOMPARE(forms.find(kTenant, 7, second), newer);
        QVERIFY(!forms.find(kTenant, 7, first));
        QCOMPARE(forms.kept(), 1);
    }

    void bounded()
    {
        RoundForms forms;
        const RoundForms::Version version{1, 1};
        for (int round = 0; round < RoundForms::maxKept; ++round)
            forms.keep(kTenant, round, version, formNamed(QString::number(round)));
        QCOMPARE(forms.kept(), RoundForms::maxKept);
        // Kept again: no room needed.
        forms.keep(kTenant, 0, version, formNamed(QStringLiteral("again")));
        QCOMPARE(forms.kept(), RoundForms::maxKept);
        QVERIFY(forms.find(kTenant, 1, version));
        // One more round: the others go, the new one stays.
        forms.keep(kTenant, RoundForms::maxKept, version, formNamed(QStringLiteral("new")));
        QCOMPARE(forms.kept(), 1);
        QVERIFY(forms.find(kTenant, RoundForms::maxKept, version));
        QVERIFY(!forms.find(kTenant, 1, version));
    }

    void parsesPulsesAndCustomSurveys()
    {
        server::store::RoundSurvey pulse;
        pulse.kind = server::store::SurveyKind::Pulse;
        pulse.name = QStringLiteral("Pulse");
        pulse.definition = "{}"; // a pulse published before issue 7
        for (int i = 0; i < 3; ++i)
            pulse.round.itemIds.append(api::questionBank().at(i).id);
        QString error;
        const auto pulseForm = RoundForm::parse(pulse, &error);
        QVERIFY(pulseForm);
        QCOMPARE(pulseForm->questions.size(), 3);
        QCOMPARE(pulseForm->questions.at(0).id, api::pulseQuestions(pulse.round.itemIds).at(0).id);
        QCOMPARE(pulseForm->definition.name.en, QStringLiteral("Pulse"));

        api::SurveyDefinition definition;
        definition.kind = api::SurveyKind::Custom;
        definition.name = {QStringLiteral("職場"), QStringLiteral("Workplace")};
        api::Question question;
        question.id = QStringLiteral("q1");
        question.type = api::QuestionType::Agreement7;
        question.text = {QStringLiteral("信頼"), QStringLiteral("Trust")};
        definition.questions = {question};
        server::store::RoundSurvey custom;
        custom.kind = server::store::SurveyKind::Custom;
        custom.definition = QJsonDocument(api::toJson(definition)).toJson(QJsonDocument::Compact);
        const auto customForm = RoundForm::parse(custom, &error);
        QVERIFY(customForm);
        QCOMPARE(customForm->questions.size(), 1);
        QCOMPARE(customForm->questions.at(0).text.en, QStringLiteral("Trust"));
        QCOMPARE(customForm->definition.name.ja, QStringLiteral("職場"));

        custom.definition = "{\"kind\": 7}";
        QVERIFY(!RoundForm::parse(custom, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRoundForms)
#include "tst_roundforms.moc"
