// CertificateDialog as the ApiClient's CertificateDecider: the fields a person
// checks, "Trust" disabled until the box is ticked, Enter alone never pins,
// one answer for every question about the same certificate, and no question
// left unanswered when the dialog goes away.

#include "ui/dialogs/certificatedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <optional>

using namespace engage;
using engage::ui::CertificateDialog;

namespace {

models::CertificateInfo certificate(
    const QString &fingerprint = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                                                "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"))
{
    models::CertificateInfo info;
    info.subject = QStringLiteral("engage.example.co.jp (Example K.K.)");
    info.issuer = QStringLiteral("Example K.K. internal CA");
    info.validFrom = QDateTime::currentDateTimeUtc().addDays(-10);
    info.validUntil = QDateTime::currentDateTimeUtc().addDays(355);
    info.fingerprint = fingerprint;
    info.host = QStringLiteral("engage.example.co.jp");
    return info;
}

QString field(const CertificateDialog &dialog, const char *name)
{
    const auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<missing>");
}

QPushButton *cancelButton(const CertificateDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
}

} // namespace

class TestCertificateDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatThePersonChecks();
    void trustDisabledUntilTicked();
    void trustPins();
    void cancelRefuses();
    void enterAloneNeverPins();
    void notValidNowIsPointedOut();
    void sameCertificateSharesTheAnswer();
    void otherCertificateWaitsItsTurn();
    void destructionRefusesOpenQuestions();
};

void TestCertificateDialog::showsWhatThePersonChecks()
{
    CertificateDialog dialog;
    const models::CertificateInfo info = certificate();
    dialog.askToTrust(info, [](bool) {});
    QVERIFY(dialog.isVisible());
    QCOMPARE(field(dialog, "host"), info.host);
    QCOMPARE(field(dialog, "subject"), info.subject);
    QCOMPARE(field(dialog, "issuer"), info.issuer);
    QCOMPARE(field(dialog, "fingerprint"), info.fingerprint);
    const QLocale locale;
    QVERIFY(field(dialog, "validity")
                .contains(locale.toString(info.validUntil.toLocalTime(), QLocale::ShortFormat)));
}

void TestCertificateDialog::trustDisabledUntilTicked()
{
    CertificateDialog dialog;
    dialog.askToTrust(certificate(), [](bool) {});
    QVERIFY(!dialog.trustButton()->isEnabled());
    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton);
    QVERIFY(dialog.confirmation()->isChecked());
    QVERIFY(dialog.trustButton()->isEnabled());
    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton);
    QVERIFY(!dialog.trustButton()->isEnabled());
}

void TestCertificateDialog::trustPins()
{
    CertificateDialog dialog;
    std::optional<bool> answer;
    int answers = 0;
    dialog.askToTrust(certificate(), [&](bool pin) {
        answer = pin;
        ++answers;
    });
    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton);
    QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
    QCOMPARE(answer, std::optional<bool>(true));
    QCOMPARE(answers, 1);
    QVERIFY(!dialog.isVisible());
}

void TestCertificateDialog::cancelRefuses()
{
    CertificateDialog dialog;
    std::optional<bool> answer;
    dialog.askToTrust(certificate(), [&](bool pin) { answer = pin; });
    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton); // ticked, yet refused
    QTest::mouseClick(cancelButton(dialog), Qt::LeftButton);
    QCOMPARE(answer, std::optional<bool>(false));
    QVERIFY(!dialog.isVisible());
}

void TestCertificateDialog::enterAloneNeverPins()
{
    CertificateDialog dialog;
    std::optional<bool> answer;
    dialog.askToTrust(certificate(), [&](bool pin) { answer = pin; });
    dialog.confirmation()->setChecked(true);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(answer, std::optional<bool>(false));
}

void TestCertificateDialog::notValidNowIsPointedOut()
{
    CertificateDialog dialog;
    models::CertificateInfo expired = certificate();
    expired.validFrom = QDateTime::currentDateTimeUtc().addYears(-2);
    expired.validUntil = QDateTime::currentDateTimeUtc().addDays(-1);
    const auto warningShown = [&dialog] {
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            if (label->isVisible() && label->text().contains(QLatin1String("not valid")))
                return true;
        return false;
    };
    dialog.askToTrust(certificate(), [](bool) {});
    QVERIFY(!warningShown());
    QTest::mouseClick(cancelButton(dialog), Qt::LeftButton);
    dialog.askToTrust(expired, [](bool) {});
    QVERIFY(warningShown());
}

void TestCertificateDialog::sameCertificateSharesTheAnswer()
{
    CertificateDialog dialog;
    QList<bool> answers;
    dialog.askToTrust(certificate(), [&](bool pin) { answers.append(pin); });
    dialog.askToTrust(certificate(), [&](bool pin) { answers.append(pin); });
    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton);
    QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
    QCOMPARE(answers, (QList<bool>{true, true}));
    QVERIFY(!dialog.isVisible());
}

void TestCertificateDialog::otherCertificateWaitsItsTurn()
{
    CertificateDialog dialog;
    const models::CertificateInfo first = certificate();
    const models::CertificateInfo second = certificate(QStringLiteral("01:02:03"));
    std::optional<bool> firstAnswer, secondAnswer;
    dialog.askToTrust(first, [&](bool pin) { firstAnswer = pin; });
    dialog.askToTrust(second, [&](bool pin) { secondAnswer = pin; });
    QCOMPARE(field(dialog, "fingerprint"), first.fingerprint);

    QTest::mouseClick(cancelButton(dialog), Qt::LeftButton);
    QCOMPARE(firstAnswer, std::optional<bool>(false));
    QVERIFY(!secondAnswer);
    QVERIFY(dialog.isVisible());
    QCOMPARE(field(dialog, "fingerprint"), second.fingerprint);
    QVERIFY(!dialog.confirmation()->isChecked());
    QVERIFY(!dialog.trustButton()->isEnabled());

    QTest::mouseClick(dialog.confirmation(), Qt::LeftButton);
    QTest::mouseClick(dialog.trustButton(), Qt::LeftButton);
    QCOMPARE(secondAnswer, std::optional<bool>(true));
}

void TestCertificateDialog::destructionRefusesOpenQuestions()
{
    std::optional<bool> answer;
    {
        CertificateDialog dialog;
        dialog.askToTrust(certificate(), [&](bool pin) { answer = pin; });
    }
    QCOMPARE(answer, std::optional<bool>(false));
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
