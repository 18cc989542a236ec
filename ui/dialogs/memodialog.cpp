#include "memodialog.h"

#include "api/validators.h"
#include "dialogs/fieldproblem.h"
#include "widgets/messagebanner.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

MemoDialog::MemoDialog(const std::optional<api::Memo> &memo, const QDate &date, QWidget *parent)
    : QDialog(parent)
    , m_memo(memo)
    , m_readOnly(memo && !memo->mine)
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_dateLabel(new QLabel(this))
    , m_date(new QDateEdit(this))
    , m_textLabel(new QLabel(this))
    , m_text(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_textProblem(fieldProblemLabel(this))
    , m_shared(new QCheckBox(this))
    , m_author(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_deleteButton(m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole))
{
    setObjectName(QStringLiteral("memoDialog"));
    m_date->setObjectName(QStringLiteral("date"));
    m_text->setObjectName(QStringLiteral("text"));
    m_shared->setObjectName(QStringLiteral("shared"));
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_deleteButton->setObjectName(QStringLiteral("delete"));
    m_saveButton->setDefault(true);
    m_intro->setWordWrap(true);
    m_author->setWordWrap(true);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_dateLabel->setBuddy(m_date);
    m_textLabel->setBuddy(m_text);
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30);

    const api::MemoFields initial = memo ? memo->fields : api::MemoFields{date, {}, false};
    m_date->setDate(initial.date.isValid() ? initial.date : QDate::currentDate());
    m_text->setText(initial.text);
    m_shared->setChecked(initial.shared);
    m_date->setReadOnly(m_readOnly);
    m_text->setReadOnly(m_readOnly);
    m_shared->setEnabled(!m_readOnly);
    m_saveButton->setVisible(!m_readOnly);
    // Only the author's own memo can go.
    m_deleteButton->setVisible(memo && memo->mine);
    m_author->setVisible(memo && !memo->mine);

    auto *textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(m_count);
    auto *form = new QFormLayout;
    form->addRow(m_dateLabel, m_date);
    auto *textBox = new QVBoxLayout;
    textBox->setSpacing(2);
    textBox->addLayout(textRow);
    textBox->addWidget(m_textProblem);
    form->addRow(m_textLabel, textBox);
    form->addRow(QString(), m_shared);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_author);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_text, &QLineEdit::textChanged, this, &MemoDialog::validate);
    connect(m_date, &QDateEdit::dateChanged, this, &MemoDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_busy || m_readOnly || !problem().isEmpty())
            return;
        setBusy(true);
        Q_EMIT saveRequested(fields());
    });
    // The caller confirms first, then sets the dialog busy.
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        if (!m_busy)
            Q_EMIT deleteRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslateUi();
}

api::MemoFields MemoDialog::fields() const
{
    return {m_date->date(), api::normalizedText(m_text->text()), m_shared->isChecked()};
}

QString MemoDialog::problem() const
{
    const api::MemoFields memo = fields();
    const qsizetype length = api::characterCount(memo.text);
    if (length == 0)
        return tr("Write what happened, in a few words.");
    if (length > api::kMemoMaxLength)
        return tr("A memo has at most %n characters; shorten it by %1.", nullptr,
                  api::kMemoMaxLength)
            .arg(length - api::kMemoMaxLength);
    if (api::validateMemoFields(memo))
        return tr("The memo holds characters it cannot show, such as a text-direction mark.");
    return {};
}

void MemoDialog::validate()
{
    const qsizetype length = api::characterCount(api::normalizedText(m_text->text()));
    //: Characters used out of those allowed: "12 / 140".
    m_count->setText(
        tr("%1 / %2").arg(QLocale().toString(length), QLocale().toString(api::kMemoMaxLength)));
    const QString text = m_readOnly ? QString() : problem();
    // An empty memo is not an error to shout about before anything was typed.
    showFieldProblem(m_textProblem, m_text, m_text->text().isEmpty() ? QString() : text);
    m_saveButton->setEnabled(!m_busy && text.isEmpty());
}

void MemoDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_date->setReadOnly(busy || m_readOnly);
    m_text->setReadOnly(busy || m_readOnly);
    m_shared->setEnabled(!busy && !m_readOnly);
    m_deleteButton->setEnabled(!busy);
    validate();
}

void MemoDialog::showError(const models::ApiError &error)
{
    setBusy(false);
    m_banner->showError(error);
}

void MemoDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void MemoDialog::retranslateUi()
{
    setWindowTitle(!m_memo ? tr("New Memo") : m_readOnly ? tr("Memo") : tr("Edit Memo"));
    m_intro->setText(
        tr("A memo marks an event on the trend, such as a reorganisation or a new policy, so "
           "that whoever reads the dashboard knows why a line moved."));
    m_dateLabel->setText(tr("&Date:"));
    m_textLabel->setText(tr("&Text:"));
    m_text->setPlaceholderText(
        tr("What happened, in up to %n characters", nullptr, api::kMemoMaxLength));
    m_shared->setText(tr("Share with &everyone who reads the dashboard"));
    m_shared->setToolTip(tr("Unticked, only you see this memo."));
    if (m_memo && !m_memo->mine)
        m_author->setText(
            tr("Written by %1. Only its author can change it.").arg(m_memo->authorName));
    m_saveButton->setText(tr("&Save"));
    m_deleteButton->setText(tr("De&lete…"));
    m_count->setAccessibleName(tr("Characters used"));
    validate();
}

} // namespace engage::ui
