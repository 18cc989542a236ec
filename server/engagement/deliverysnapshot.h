#pragma once

#include "api/member.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace engage::server::engagement {

// What a round snapshots of a member when it reaches them (store::RoundTarget):
// the tenant's attributes by id and the api::snapshotKeys() the member has.

// The part that does not change with the date: attributes, employment type,
// grade and job category (empty ones left out).
QHash<QString, QString> memberAttributes(const api::MemberFields &fields);

// The age and tenure bands on `day` added to `attributes` (empty bands left out).
QHash<QString, QString> withBands(QHash<QString, QString> attributes, const QString &ageBand,
                                  const QString &tenureBand);

// The whole snapshot on `day`.
QHash<QString, QString> deliverySnapshot(const api::MemberFields &fields, const QDate &day);

} // namespace engage::server::engagement
