#include "id.h"

#include <QUuid>

namespace engage::api {

QString createId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace engage::api
