#pragma once

#include "api/dashboard.h"

#include <QAbstractListModel>

namespace engage::models {

// The closed rounds for the period picker, newest first: Qt::DisplayRole
// "2026-10-28 · Pulse #12" in the UI language, RoundIdRole the id.
class RoundListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoundListModel)

public:
    enum Roles
    {
        RoundIdRole = Qt::UserRole + 1,
        ClosesAtRole, // QDateTime
    };

    explicit RoundListModel(QObject *parent = nullptr);

    void setRounds(const api::RoundList &rounds);
    int rowOf(const QString &roundId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<api::RoundInfo> m_rounds; // closed only
};

} // namespace engage::models
