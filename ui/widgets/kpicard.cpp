#include "kpicard.h"

#include "skeleton.h"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace engage::ui {

namespace {

// Rises blue and falls orange, the heatmap's two ends: a pair that colour-blind
// readers tell apart; the arrow in the text says it without colour.
QColor toneColour(KpiCard::Tone tone, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
    switch (tone) {
    case KpiCard::Tone::Rise:
        return dark ? QColor(0x92, 0xc5, 0xde) : QColor(0x05, 0x5a, 0x8c);
    case KpiCard::Tone::Fall:
        return dark ? QColor(0xfd, 0xb8, 0x63) : QColor(0xa3, 0x45, 0x00);
    case KpiCard::Tone::Withheld:
    case KpiCard::Tone::Neutral:
        break;
    }
    return palette.color(QPalette::WindowText);
}

} // namespace

KpiCard::KpiCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_skeleton(new Skeleton(Skeleton::Shape::Figure, m_stack))
    , m_figures(new QWidget(m_stack))
    , m_value(new QLabel(m_figures))
    , m_status(new QLabel(m_figures))
    , m_note(new QLabel(m_figures))
{
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_value->setObjectName(QStringLiteral("value"));
    m_status->setObjectName(QStringLiteral("status"));
    m_note->setObjectName(QStringLiteral("note"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    for (QLabel *label : {m_title, m_status, m_note}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *figures = new QVBoxLayout(m_figures);
    figures->setContentsMargins(0, 0, 0, 0);
    figures->setSpacing(2);
    figures->addWidget(m_value);
    figures->addWidget(m_status);
    figures->addWidget(m_note);
    figures->addStretch();
    m_stack->addWidget(m_skeleton);
    m_stack->addWidget(m_figures);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    setLoading();
}

void KpiCard::setTitle(const QString &title)
{
    m_title->setText(title);
    updateAccessibleText();
}

void KpiCard::setLoading()
{
    m_stack->setCurrentWidget(m_skeleton);
    m_value->clear();
    m_status->clear();
    m_note->clear();
    updateAccessibleText();
}

void KpiCard::setFigures(const QString &value, const QString &status, const QString &note,
                         Tone tone)
{
    m_tone = tone;
    m_value->setText(value);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_stack->setCurrentWidget(m_figures);
    updateColours();
    updateAccessibleText();
}

void KpiCard::setFailed(const QString &message)
{
    setFigures(tr("—"), message, {}, Tone::Withheld);
}

bool KpiCard::isLoading() const
{
    return m_stack->currentWidget() == m_skeleton;
}

QString KpiCard::title() const
{
    return m_title->text();
}

QString KpiCard::value() const
{
    return m_value->text();
}

QString KpiCard::status() const
{
    return m_status->text();
}

QString KpiCard::note() const
{
    return m_note->text();
}

void KpiCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColours();
    QFrame::changeEvent(event);
}

void KpiCard::updateColours()
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, toneColour(m_tone, this->palette()));
    m_status->setPalette(palette);
    QFont font = m_status->font();
    font.setItalic(m_tone == Tone::Withheld);
    m_status->setFont(font);
}

// A screen reader reads the card as one sentence when it takes the focus.
void KpiCard::updateAccessibleText()
{
    setAccessibleName(m_title->text());
    setAccessibleDescription(
        isLoading()
            ? tr("Loading")
            : QStringList{m_value->text(), m_status->text(), m_note->text()}.join(u' ').trimmed());
}

} // namespace engage::ui
