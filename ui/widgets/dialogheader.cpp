#include "dialogheader.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace engage::ui {

QBoxLayout *dialogHeader(const QIcon &icon, QWidget *text)
{
    constexpr int kIconSize = 48;
    auto *picture = new QLabel(text->parentWidget());
    picture->setPixmap(icon.pixmap(kIconSize, kIconSize));
    auto *header = new QHBoxLayout;
    header->addWidget(picture, 0, Qt::AlignTop);
    header->addSpacing(10);
    header->addWidget(text, 1);
    return header;
}

} // namespace engage::ui
