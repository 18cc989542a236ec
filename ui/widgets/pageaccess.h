#pragma once

#include <QObject>
#include <QString>
#include <initializer_list>

class QAction;
class QDialog;
class QWidget;

namespace engage::models {
class Session;
} // namespace engage::models

namespace engage::ui {

// Who may use a page of the main window, following the session: everyone
// signed in, or owners and admins only (the service serves those pages' lists
// to them alone). The page shows its content to those with access, sends
// away the dialogs of someone who lost it, and loads its data again when
// someone with access it has not loaded for arrives (a first sign-in, or
// another person after a sign-out): what the page shows and loads stays the
// page's own.
class PageAccess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageAccess)

public:
    enum class Audience
    {
        SignedIn,
        OwnersAndAdmins
    };

    PageAccess(const models::Session &session, Audience audience, QObject *parent);

    bool isSignedIn() const { return m_signedIn; }
    bool hasAccess() const { return m_hasAccess; }

    // Reads the session and emits changed(); the session's changes call it
    // too. The page calls it once its widgets exist.
    void update();

    // Shows `content` only to those with access, and `notice` (if any) only to
    // those signed in without it: to someone not signed in, the sign-in dialog
    // speaks.
    void showContent(std::initializer_list<QWidget *> widgets,
                     std::initializer_list<QAction *> actions, QWidget *notice = nullptr) const;
    // Rejects the open ones of `dialogs` when access is gone.
    void rejectWithoutAccess(std::initializer_list<QDialog *> dialogs) const;

Q_SIGNALS:
    // `load`: the page should load its data, for a person with access it has
    // not loaded for.
    void changed(bool load);

private:
    const models::Session &m_session;
    const Audience m_audience;
    bool m_signedIn = false;
    bool m_hasAccess = false;
    QString m_loadedFor; // who the page's data was last loaded for
};

} // namespace engage::ui
