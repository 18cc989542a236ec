#pragma once

#include "ui/clientcontext.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/offlinebanner.h"

#include <QMainWindow>
#include <memory>

class QIcon;

namespace engage::models {
struct ApiError;
}

namespace engage::ui {

class EverythingExportController;

// The signed-in window (shown already while a remembered session is resumed,
// inert until it is signed in): pages chosen from a list down the side (Ctrl+1, Ctrl+2,
// ... as well), a banner above the page area for recoverable notices, and a
// status bar with the connection state, the tenant, the signed-in person and
// the service's health (GET /readyz, polled). While the pages show data from
// the offline cache, a banner says so, with "as of". The File menu offers
// "Export Everything…" (from the offline cache too). The user menu offers
// "Change password…" and "Sign out"; what they do is the controller's
// business, so the window only asks for them. "Sign out and remove offline
// data…" asks first, then signs out through the session itself (the
// controller follows the session's signedOut() as for any sign-out).
// Geometry and state are saved through Settings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ClientContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the navigation; its item text is page->windowTitle(), kept
    // current when the page's title or the language changes. Takes ownership.
    void addPage(QWidget *page, const QIcon &icon);
    int pageCount() const;
    int currentPageIndex() const;
    void setCurrentPageIndex(int index);

    // A notice above the page area (e.g. "this session will not be remembered").
    void showMessage(MessageBanner::Level level, const QString &text);
    void showError(const models::ApiError &error);
    MessageBanner *banner() const;
    OfflineBanner *offlineBanner() const;
    // File > Export Everything…: every area of the tenant in one zip.
    EverythingExportController *everythingExport() const;

    // The status bar's texts, for tests and screenshots.
    QString connectionText() const;
    QString tenantText() const;
    QString personText() const;
    QString healthText() const;

    // Shown before a remembered session is resumed: the status bar says
    // "Signing in…" until the session's state changes.
    void setSignInPending(bool pending);

    // Polls GET /readyz now and then every `intervalMs` (30 s by default).
    void setHealthInterval(int intervalMs);

    // Saves geometry and state (also done on close).
    void saveWindowState();

Q_SIGNALS:
    void passwordChangeRequested();
    void signOutRequested();
    // The person closed the window (not emitted when it is merely deleted).
    void closed();
    // Emitted once, after the first paint of the window (start-up measurement).
    void firstPainted();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updatePageTitle(int index);
    void onSessionStateChanged();
    void confirmSignOutRemovingOfflineData();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace engage::ui
