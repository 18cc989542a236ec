#include "mainwindow.h"

#include "models/session.h"
#include "models/settings.h"
#include "ui/dialogs/confirmation.h"
#include "ui/export/everythingexportcontroller.h"
#include "ui/widgets/connectionstatus.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace engage::ui {

namespace {
constexpr int kPageShortcuts = 9; // Ctrl+1 … Ctrl+9
} // namespace

struct MainWindow::Private
{
    explicit Private(ClientContext &c)
        : context(c)
    {}

    ClientContext &context;
    QListWidget *navigation = nullptr;
    QStackedWidget *pages = nullptr;
    MessageBanner *banner = nullptr;
    OfflineBanner *offline = nullptr;
    EverythingExportController *everythingExport = nullptr;
    ConnectionStatus *status = nullptr;
    QMenu *fileMenu = nullptr;
    QMenu *goMenu = nullptr;
    QMenu *accountMenu = nullptr;
    QAction *quit = nullptr;
    QAction *changePassword = nullptr;
    QAction *signOut = nullptr;
    QAction *signOutRemovingOffline = nullptr;
    QToolButton *userButton = nullptr;
    QList<QAction *> pageActions;
    bool painted = false;
};

MainWindow::MainWindow(ClientContext &context, QWidget *parent)
    : QMainWindow(parent)
    , d(std::make_unique<Private>(context))
{
    setObjectName(QStringLiteral("mainWindow"));

    d->navigation = new QListWidget(this);
    d->navigation->setObjectName(QStringLiteral("navigation"));
    d->navigation->setIconSize(QSize(22, 22));
    d->navigation->setSpacing(2);
    d->navigation->setFrameShape(QFrame::NoFrame);
    d->navigation->setMinimumWidth(170);
    d->navigation->setMaximumWidth(240);
    d->navigation->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    d->pages = new QStackedWidget(this);
    d->pages->setObjectName(QStringLiteral("pages"));
    d->banner = new MessageBanner(this);
    d->banner->setObjectName(QStringLiteral("windowBanner"));
    d->offline = new OfflineBanner(context.client, this);
    d->offline->setObjectName(QStringLiteral("offlineBanner"));

    auto *pageArea = new QVBoxLayout;
    pageArea->setContentsMargins(8, 8, 8, 0);
    pageArea->addWidget(d->offline);
    pageArea->addWidget(d->banner);
    pageArea->addWidget(d->pages, 1);
    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(d->navigation);
    auto *divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    row->addWidget(divider);
    row->addLayout(pageArea, 1);
    setCentralWidget(central);
    connect(d->navigation, &QListWidget::currentRowChanged, d->pages,
            &QStackedWidget::setCurrentIndex);

    d->quit = new QAction(this);
    d->quit->setShortcut(QKeySequence::Quit);
    d->quit->setMenuRole(QAction::QuitRole);
    connect(d->quit, &QAction::triggered, this, &QWidget::close);
    d->changePassword = new QAction(this);
    d->changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    connect(d->changePassword, &QAction::triggered, this, &MainWindow::passwordChangeRequested);
    d->signOut = new QAction(this);
    d->signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(d->signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    d->signOutRemovingOffline = new QAction(this);
    d->signOutRemovingOffline->setObjectName(QStringLiteral("signOutRemovingOfflineAction"));
    connect(d->signOutRemovingOffline, &QAction::triggered, this,
            &MainWindow::confirmSignOutRemovingOfflineData);

    d->everythingExport = new EverythingExportController(this, context);
    d->fileMenu = menuBar()->addMenu(QString());
    d->fileMenu->addAction(d->everythingExport->action());
    d->fileMenu->addSeparator();
    d->fileMenu->addAction(d->quit);
    d->goMenu = menuBar()->addMenu(QString());
    d->accountMenu = menuBar()->addMenu(QString());
    d->accountMenu->addAction(d->changePassword);
    d->accountMenu->addSeparator();
    d->accountMenu->addAction(d->signOut);
    d->accountMenu->addAction(d->signOutRemovingOffline);

    // The person's name at the right end of the menu bar opens the same menu.
    d->userButton = new QToolButton(menuBar());
    d->userButton->setObjectName(QStringLiteral("userButton"));
    d->userButton->setPopupMode(QToolButton::InstantPopup);
    d->userButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    d->userButton->setAutoRaise(true);
    d->userButton->setIcon(QIcon::fromTheme(QStringLiteral("avatar-default"),
                                            QIcon::fromTheme(QStringLiteral("user-identity"))));
    d->userButton->setMenu(d->accountMenu);
    menuBar()->setCornerWidget(d->userButton);

    d->status = new ConnectionStatus(context, this);
    statusBar()->addWidget(d->status, 1);
    statusBar()->setSizeGripEnabled(true);

    connect(&context.session, &models::Session::stateChanged, this,
            &MainWindow::onSessionStateChanged);
    connect(&context.session, &models::Session::offlineChanged, this,
            &MainWindow::onSessionStateChanged);

    setTabOrder(d->navigation, d->pages);
    if (!restoreGeometry(context.settings.windowGeometry()))
        resize(1040, 700);
    restoreState(context.settings.windowState());
    onSessionStateChanged();
}

MainWindow::~MainWindow()
{
    saveWindowState();
}

void MainWindow::addPage(QWidget *page, const QIcon &icon)
{
    const int index = d->pages->addWidget(page);
    new QListWidgetItem(icon, page->windowTitle(), d->navigation);
    auto *action = new QAction(icon, page->windowTitle(), this);
    if (index < kPageShortcuts)
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    action->setEnabled(centralWidget()->isEnabled());
    connect(action, &QAction::triggered, this, [this, index] { setCurrentPageIndex(index); });
    d->goMenu->addAction(action);
    d->pageActions.append(action);
    page->installEventFilter(this);
    if (index == 0)
        d->navigation->setCurrentRow(0);
}

int MainWindow::pageCount() const
{
    return d->pages->count();
}

int MainWindow::currentPageIndex() const
{
    return d->pages->currentIndex();
}

void MainWindow::setCurrentPageIndex(int index)
{
    d->navigation->setCurrentRow(index);
    if (QWidget *page = d->pages->currentWidget())
        page->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showMessage(MessageBanner::Level level, const QString &text)
{
    d->banner->showMessage(level, text);
}

void MainWindow::showError(const models::ApiError &error)
{
    d->banner->showError(error);
}

MessageBanner *MainWindow::banner() const
{
    return d->banner;
}

OfflineBanner *MainWindow::offlineBanner() const
{
    return d->offline;
}

EverythingExportController *MainWindow::everythingExport() const
{
    return d->everythingExport;
}

void MainWindow::confirmSignOutRemovingOfflineData()
{
    confirmDestruction(
        this, tr("Remove offline data"),
        tr("Sign out and remove the offline data of %1 from this computer?")
            .arg(d->context.session.tenant()),
        tr("The dashboards, members and recent logs saved here for use without a connection "
           "are deleted, with their key in the system keychain. They are saved again at the "
           "next sign-in."),
        tr("Sign Out and Remove"), [this] {
            // The session may have ended while the question was open.
            if (d->context.session.state() != models::Session::State::SignedOut)
                d->context.session.signOut(models::Session::OfflineData::Remove);
        });
}

QString MainWindow::connectionText() const
{
    return d->status->connectionText();
}

QString MainWindow::tenantText() const
{
    return d->status->tenantText();
}

QString MainWindow::personText() const
{
    return d->status->personText();
}

QString MainWindow::healthText() const
{
    return d->status->healthText();
}

void MainWindow::setSignInPending(bool pending)
{
    d->status->setSignInPending(pending);
}

void MainWindow::setHealthInterval(int intervalMs)
{
    d->status->setHealthInterval(intervalMs);
}

void MainWindow::saveWindowState()
{
    d->context.settings.setWindowGeometry(saveGeometry());
    d->context.settings.setWindowState(saveState());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT closed();
}

bool MainWindow::event(QEvent *event)
{
    // Queued, so that the first frame has reached the screen when it fires.
    if (event->type() == QEvent::Paint && !d->painted) {
        d->painted = true;
        QTimer::singleShot(0, this, &MainWindow::firstPainted);
    }
    return QMainWindow::event(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::WindowTitleChange) {
        const int index = d->pages->indexOf(qobject_cast<QWidget *>(watched));
        if (index >= 0)
            updatePageTitle(index);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updatePageTitle(int index)
{
    const QString title = d->pages->widget(index)->windowTitle();
    d->navigation->item(index)->setText(title);
    d->pageActions.at(index)->setText(title);
}

// Until someone is signed in, the pages have nothing to show and the account
// nothing to change: only quitting stays at hand. Offline, the pages show the
// cache (and export from it), and a password can only change once the service
// is back.
void MainWindow::onSessionStateChanged()
{
    const bool signedIn = d->context.session.state() == models::Session::State::SignedIn;
    centralWidget()->setEnabled(signedIn);
    for (QAction *action : std::as_const(d->pageActions))
        action->setEnabled(signedIn);
    d->changePassword->setEnabled(signedIn && !d->context.session.isOffline());
    d->everythingExport->action()->setEnabled(signedIn);
    d->signOut->setEnabled(signedIn);
    d->signOutRemovingOffline->setEnabled(signedIn);
    retranslateUi();
}

void MainWindow::retranslateUi()
{
    const models::Session &session = d->context.session;
    setWindowTitle(session.tenant().isEmpty() ? tr("Engage")
                                              : tr("%1 — Engage").arg(session.tenant()));
    d->fileMenu->setTitle(tr("&File"));
    d->quit->setText(tr("&Quit"));
    d->goMenu->setTitle(tr("&Go"));
    d->accountMenu->setTitle(tr("&Account"));
    d->changePassword->setText(tr("Change &password…"));
    d->signOut->setText(tr("Sign &out"));
    d->signOutRemovingOffline->setText(tr("Sign out and &remove offline data…"));
    d->navigation->setAccessibleName(tr("Pages"));
    d->userButton->setText(session.person() ? session.person()->displayName : tr("Account"));
    d->userButton->setToolTip(tr("Change your password or sign out"));
    for (int index = 0; index < d->pages->count(); ++index)
        updatePageTitle(index);
}

} // namespace engage::ui
