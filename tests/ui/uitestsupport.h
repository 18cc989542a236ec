#pragma once

// What the widget tests share: the client composed as app/main.cpp composes it
// (with a Settings INI of its own), a profile for the test server, a page shown
// in the active window, a wait for the modal dialog of a given type, the answer
// to a message box, and a translator that marks every string.

#include "models/apiclient.h"
#include "models/connectionprofile.h"
#include "models/credentialstore.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"
#include "serverprocess.h"
#include "ui/clientcontext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace engage::test {

inline constexpr int kUiWaitMs = 30000;

struct ClientUnderTest
{
    explicit ClientUnderTest(const QString &iniFile)
        : settings(iniFile)
        , session(client, credentials)
    {}

    models::Settings settings;
    models::ApiClient client;
    models::CredentialStore credentials;
    models::Session session;
    models::LanguageSwitcher language;
    ui::ClientContext context{client, session, settings, credentials, language};
};

// A profile for the test server; `pinned` false leaves the certificate to the
// person (the certificate dialog).
inline models::ConnectionProfile serverProfile(const ServerProcess &server, const QString &name,
                                               bool pinned = true)
{
    models::ConnectionProfile profile;
    profile.name = name;
    profile.url = server.url();
    if (pinned)
        profile.fingerprint = server.fingerprint();
    return profile;
}

// Shows `page` at `size` as the active window: shortcuts act only in the
// active window. False when it was not exposed or not activated.
inline bool showActive(QWidget &page, const QSize &size)
{
    page.resize(size);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return false;
    page.activateWindow();
    return QTest::qWaitForWindowActive(&page);
}

// The modal dialog of type T once it is on screen; null after the timeout.
template<typename T>
T *waitForModal(int timeoutMs = kUiWaitMs)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&found] {
            found = qobject_cast<T *>(QApplication::activeModalWidget());
            return found && found->isVisible();
        },
        timeoutMs);
    return shown ? found : nullptr;
}

// Clicks the button of `role` in the message box that comes up; false when
// none came up or it has no such button.
inline bool answerMessageBox(QMessageBox::ButtonRole role)
{
    auto *box = waitForModal<QMessageBox>();
    if (!box)
        return false;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == role) {
            button->click();
            return true;
        }
    }
    return false;
}

// Translates every string to "[T] " + source, so that a test sees which
// widgets retranslate, whatever the .ts files hold at the time.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("[T] ") + QString::fromUtf8(sourceText);
    }
};

} // namespace engage::test
