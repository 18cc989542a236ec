#include "benchmarkdialog.h"

#include "api/validators.h"
#include "dialogs/fieldproblem.h"
#include "models/dashboard/scoreroles.h"
#include "widgets/messagebanner.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace engage::ui {

namespace {

constexpr int kLabelMaxLength = 50;
// A spin box at its minimum has no value: it shows the special text instead.
constexpr double kNone = -1;

} // namespace

BenchmarkDialog::BenchmarkDialog(const api::BenchmarkSet &benchmarks, QWidget *parent)
    : QDialog(parent)
    , m_revision(benchmarks.revision)
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_labelLabel(new QLabel(this))
    , m_label(new QLineEdit(this))
    , m_labelProblem(fieldProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("benchmarkDialog"));
    m_label->setObjectName(QStringLiteral("label"));
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_saveButton->setDefault(true);
    m_intro->setWordWrap(true);
    m_labelLabel->setBuddy(m_label);
    m_label->setClearButtonEnabled(true);
    m_label->setText(benchmarks.label);

    auto *form = new QFormLayout;
    form->addRow(m_labelLabel, withProblem(m_label, m_labelProblem));
    for (const api::Factor factor : api::allFactors()) {
        auto *label = new QLabel(this);
        auto *box = new QDoubleSpinBox(this);
        box->setObjectName(api::factorId(factor));
        box->setRange(kNone, 100);
        box->setDecimals(1);
        box->setSingleStep(1);
        box->setAlignment(Qt::AlignRight);
        box->setValue(kNone);
        for (const api::Benchmark &benchmark : benchmarks.values) {
            if (benchmark.factor == factor)
                box->setValue(benchmark.value);
        }
        label->setBuddy(box);
        form->addRow(label, box);
        m_factorLabels.append(label);
        m_values.append(box);
        connect(box, &QDoubleSpinBox::valueChanged, this, &BenchmarkDialog::validate);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_label, &QLineEdit::textChanged, this, &BenchmarkDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_busy || !problem().isEmpty())
            return;
        setBusy(true);
        Q_EMIT saveRequested(this->benchmarks());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    setMinimumWidth(460);
}

api::BenchmarkSet BenchmarkDialog::benchmarks() const
{
    api::BenchmarkSet set;
    set.label = api::normalizedText(m_label->text());
    set.revision = m_revision;
    const QList<api::Factor> factors = api::allFactors();
    for (int i = 0; i < factors.size(); ++i) {
        const double value = m_values.at(i)->value();
        if (value > kNone)
            set.values.append({factors.at(i), std::round(value * 10) / 10});
    }
    return set;
}

QDoubleSpinBox *BenchmarkDialog::valueBox(api::Factor factor) const
{
    return m_values.value(api::factorIndex(factor));
}

QString BenchmarkDialog::problem() const
{
    const api::BenchmarkSet set = benchmarks();
    if (api::characterCount(set.label) > kLabelMaxLength)
        return tr("Name the source in at most %n characters.", nullptr, kLabelMaxLength);
    for (const api::Benchmark &benchmark : set.values) {
        if (benchmark.value < 0)
            return tr("A benchmark is a score from 0 to 100.");
    }
    if (api::validateBenchmarkSet(set))
        return tr("The source holds characters it cannot show, such as a line break.");
    return {};
}

void BenchmarkDialog::validate()
{
    const QString text = problem();
    showFieldProblem(m_labelProblem, m_label, text);
    m_saveButton->setEnabled(!m_busy && text.isEmpty());
}

void BenchmarkDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_label->setReadOnly(busy);
    for (QDoubleSpinBox *box : std::as_const(m_values))
        box->setReadOnly(busy);
    validate();
}

void BenchmarkDialog::showError(const models::ApiError &error)
{
    setBusy(false);
    m_banner->showError(error);
}

void BenchmarkDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void BenchmarkDialog::retranslateUi()
{
    setWindowTitle(tr("Benchmarks"));
    m_intro->setText(tr("The factor chart marks these figures beside each score: your own "
                        "targets, or an industry survey's results. Leave a factor at \"None\" "
                        "to mark nothing for it."));
    m_labelLabel->setText(tr("S&ource:"));
    m_label->setPlaceholderText(tr("Where the figures come from, e.g. \"Targets 2026\""));
    const QList<api::Factor> factors = api::allFactors();
    for (int i = 0; i < factors.size(); ++i) {
        //: A factor's name as the label of its benchmark value: "Recognition:".
        m_factorLabels.at(i)->setText(tr("%1:").arg(models::factorName(factors.at(i))));
        //: Shown in a benchmark's field when the factor has no benchmark.
        m_values.at(i)->setSpecialValueText(tr("None"));
    }
    m_saveButton->setText(tr("&Save"));
    validate();
}

} // namespace engage::ui
