#include "pageaccess.h"

#include "models/session.h"

#include <QAction>
#include <QDialog>
#include <QWidget>

namespace engage::ui {

PageAccess::PageAccess(const models::Session &session, Audience audience, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_audience(audience)
{
    connect(&m_session, &models::Session::stateChanged, this, &PageAccess::update);
}

void PageAccess::update()
{
    const auto &me = m_session.person();
    m_signedIn = m_session.state() == models::Session::State::SignedIn && me;
    m_hasAccess = m_signedIn && (m_audience == Audience::SignedIn || me->role == api::Role::Owner ||
                                 me->role == api::Role::Admin);
    const QString personId = m_hasAccess ? me->id : QString();
    const bool load = m_hasAccess && personId != m_loadedFor;
    m_loadedFor = personId;
    Q_EMIT changed(load);
}

void PageAccess::showContent(std::initializer_list<QWidget *> widgets,
                             std::initializer_list<QAction *> actions, QWidget *notice) const
{
    for (QWidget *widget : widgets)
        widget->setVisible(m_hasAccess);
    for (QAction *action : actions)
        action->setVisible(m_hasAccess);
    if (notice)
        notice->setVisible(m_signedIn && !m_hasAccess);
}

void PageAccess::rejectWithoutAccess(std::initializer_list<QDialog *> dialogs) const
{
    if (m_hasAccess)
        return;
    for (QDialog *dialog : dialogs) {
        if (dialog)
            dialog->reject();
    }
}

} // namespace engage::ui
