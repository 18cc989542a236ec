// MessageBanner: the translated message with the service's detail beneath,
// the request id selectable and copied by "Copy", an optional action, and the
// message retranslated when the language changes.

#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace engage;
using engage::ui::MessageBanner;

namespace {

models::ApiError wrongPassword()
{
    models::ApiError error;
    error.kind = models::ApiError::Kind::Problem;
    error.httpStatus = 401;
    error.code = api::ProblemCode::Unauthenticated;
    error.detail = QStringLiteral("The e-mail or password is not right.");
    error.requestId = QStringLiteral("7f1c2d3e-0000-4000-8000-00000000abcd");
    return error;
}

bool showsText(const QWidget &widget, const QString &text)
{
    const QList<QLabel *> labels = widget.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        if (label->isVisibleTo(&widget) && label->text() == text)
            return true;
    return false;
}

QToolButton *copyButton(const QWidget &widget)
{
    const QList<QToolButton *> buttons = widget.findChildren<QToolButton *>();
    for (QToolButton *button : buttons)
        if (button->isVisibleTo(&widget) && button->text() == QLatin1String("Copy"))
            return button;
    return nullptr;
}

} // namespace

class TestMessageBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenUntilShown();
    void showsErrorWithDetailAndRequestId();
    void copyPutsRequestIdOnClipboard();
    void messageWithoutRequestId();
    void actionButtonRunsAndIsClearedByNextMessage();
    void closeButtonHides();
    void retranslatesShownError();
};

void TestMessageBanner::hiddenUntilShown()
{
    QWidget page;
    auto *banner = new MessageBanner(&page);
    page.show();
    QVERIFY(!banner->isVisible());
}

void TestMessageBanner::showsErrorWithDetailAndRequestId()
{
    QWidget page;
    auto *banner = new MessageBanner(&page);
    page.show();
    const models::ApiError error = wrongPassword();
    banner->showError(error);

    QVERIFY(banner->isVisible());
    QVERIFY(!error.message().isEmpty());
    QCOMPARE(banner->text(), error.message());
    QVERIFY(banner->text() != error.detail); // our sentence, not the service's
    QVERIFY(showsText(*banner, error.message()));
    QVERIFY(showsText(*banner, error.detail));
    QVERIFY(showsText(*banner, error.requestId));
    QCOMPARE(banner->requestId(), error.requestId);
}

void TestMessageBanner::copyPutsRequestIdOnClipboard()
{
    MessageBanner banner;
    banner.show();
    banner.showError(wrongPassword());
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));

    QToolButton *copy = copyButton(banner);
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), wrongPassword().requestId);
}

void TestMessageBanner::messageWithoutRequestId()
{
    MessageBanner banner;
    banner.show();
    banner.showError(wrongPassword());
    banner.showMessage(MessageBanner::Level::Warning, QStringLiteral("Saved for later."));

    QCOMPARE(banner.text(), QStringLiteral("Saved for later."));
    QVERIFY(banner.requestId().isEmpty());
    QVERIFY(!copyButton(banner));
    QVERIFY(!showsText(banner, wrongPassword().detail));
}

void TestMessageBanner::actionButtonRunsAndIsClearedByNextMessage()
{
    MessageBanner banner;
    banner.show();
    banner.showError(wrongPassword());
    int runs = 0;
    banner.setAction(QStringLiteral("Reload"), [&runs] { ++runs; });
    QSignalSpy triggered(&banner, &MessageBanner::actionTriggered);

    QPushButton *action = nullptr;
    const QList<QPushButton *> buttons = banner.findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        if (button->isVisible() && button->text() == QLatin1String("Reload"))
            action = button;
    QVERIFY(action);
    QTest::mouseClick(action, Qt::LeftButton);
    QCOMPARE(runs, 1);
    QCOMPARE(triggered.count(), 1);

    banner.showMessage(MessageBanner::Level::Information, QStringLiteral("Reloaded."));
    QVERIFY(!action->isVisible());
}

void TestMessageBanner::closeButtonHides()
{
    MessageBanner banner;
    banner.show();
    banner.showMessage(MessageBanner::Level::Information, QStringLiteral("Hello."));
    QToolButton *close = nullptr;
    const QList<QToolButton *> buttons = banner.findChildren<QToolButton *>();
    for (QToolButton *button : buttons)
        if (button->isVisible() && button->text().isEmpty())
            close = button;
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!banner.isVisible());
}

void TestMessageBanner::retranslatesShownError()
{
    MessageBanner banner;
    banner.show();
    const models::ApiError error = wrongPassword();
    banner.showError(error);
    const QString english = banner.text();

    test::MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    const QString translated = error.message();
    QVERIFY(translated.startsWith(QLatin1String("[T] ")));
    QTRY_COMPARE(banner.text(), translated);
    QVERIFY(!copyButton(banner)); // "Copy" itself was retranslated
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(banner.text(), english);
    QVERIFY(copyButton(banner));
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
