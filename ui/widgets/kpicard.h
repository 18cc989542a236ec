#pragma once

#include <QFrame>

class QLabel;
class QStackedWidget;

namespace engage::ui {

class Skeleton;

// One of the dashboard's headline figures (engagement, response rate,
// change, respondents): its title, the value, a line on its anonymity
// status (shown, or why it is withheld) and a note on what it rests on
// ("Rests on 12 respondents."). A skeleton stands in while it loads; a
// failure is said in the card itself.
class KpiCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiCard)

public:
    // How the status line reads: plain, a figure held back for anonymity,
    // or a change up or down (marked by an arrow as well as a colour).
    enum class Tone
    {
        Neutral,
        Withheld,
        Rise,
        Fall,
    };

    explicit KpiCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setLoading();
    // All texts already translated; `status` and `note` may be empty.
    void setFigures(const QString &value, const QString &status, const QString &note,
                    Tone tone = Tone::Neutral);
    void setFailed(const QString &message);

    bool isLoading() const;
    QString title() const;
    QString value() const;
    QString status() const;
    QString note() const;
    Tone tone() const { return m_tone; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();
    void updateAccessibleText();

    QLabel *m_title;
    QStackedWidget *m_stack;
    Skeleton *m_skeleton;
    QWidget *m_figures;
    QLabel *m_value;
    QLabel *m_status;
    QLabel *m_note;
    Tone m_tone = Tone::Neutral;
};

} // namespace engage::ui
