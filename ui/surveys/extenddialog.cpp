#include "extenddialog.h"

#include "api/survey.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

ExtendDialog::ExtendDialog(const QString &surveyName, const QDate &firstDay, const QDate &lastDay,
                           QWidget *parent)
    : QDialog(parent)
    , m_surveyName(surveyName)
    , m_lastDay(lastDay)
    , m_text(new QLabel(this))
    , m_dateLabel(new QLabel(this))
    , m_date(new QDateEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("extendDialog"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // the name is the company's text
    m_date->setObjectName(QStringLiteral("periodEnds"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_date->setDateRange(lastDay.addDays(1), firstDay.isValid()
                                                 ? firstDay.addDays(api::kResponsePeriodDaysMax - 1)
                                                 : lastDay.addDays(api::kResponsePeriodDaysMax));
    m_date->setDate(lastDay.addDays(7) <= m_date->maximumDate() ? lastDay.addDays(7)
                                                                : m_date->maximumDate());
    m_dateLabel->setBuddy(m_date);
    auto *form = new QFormLayout;
    form->addRow(m_dateLabel, m_date);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A round that cannot be extended any more says so and offers nothing.
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_date->minimumDate() <= m_date->maximumDate());
    retranslateUi();
}

QDate ExtendDialog::periodEnds() const
{
    return m_date->date();
}

void ExtendDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExtendDialog::retranslateUi()
{
    setWindowTitle(tr("Extend Round"));
    m_text->setText(tr("The open round of “%1” ends at 23:59 on %2. Members who have not "
                       "answered yet can answer until the new last day; reminders already "
                       "planned still go out.")
                        .arg(m_surveyName, QLocale().toString(m_lastDay, QLocale::LongFormat)));
    m_dateLabel->setText(tr("New &last day:"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xtend"));
}

} // namespace engage::ui
