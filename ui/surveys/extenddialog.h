#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QLabel;

namespace engage::ui {

// "Extend the open round": its new last day, later than the current one and
// at most api::kResponsePeriodDaysMax days after the round opened.
class ExtendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtendDialog)

public:
    // `lastDay` the round's current last day, `firstDay` the day it opened.
    ExtendDialog(const QString &surveyName, const QDate &firstDay, const QDate &lastDay,
                 QWidget *parent = nullptr);

    QDate periodEnds() const;
    QDateEdit *dateEdit() const { return m_date; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_surveyName;
    QDate m_lastDay;
    QLabel *m_text;
    QLabel *m_dateLabel;
    QDateEdit *m_date;
    QDialogButtonBox *m_buttons;
};

} // namespace engage::ui
