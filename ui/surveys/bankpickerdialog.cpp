#include "bankpickerdialog.h"

#include "models/surveys/questionbankmodel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace engage::ui {

BankPickerDialog::BankPickerDialog(models::QuestionBankModel &bank, QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("bankPicker"));
    m_intro->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("bankView"));
    m_view->setModel(&bank);
    m_view->setHeaderHidden(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->expandAll();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenItems().isEmpty());
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, update);
    connect(m_view, &QTreeView::activated, this, [this] {
        if (!chosenItems().isEmpty())
            accept();
    });
    update();
    retranslateUi();
    resize(640, 560);
}

QStringList BankPickerDialog::chosenItems() const
{
    QStringList ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    // In the bank's order, whatever order they were clicked in.
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.parent().row() != b.parent().row() ? a.parent().row() < b.parent().row()
                                                    : a.row() < b.row();
    });
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = index.data(models::QuestionBankModel::BankItemIdRole).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

void BankPickerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void BankPickerDialog::retranslateUi()
{
    setWindowTitle(tr("Add from the Question Bank"));
    m_intro->setText(tr("Choose one or more questions of the engagement bank (Ctrl+click for "
                        "several). They are added as 5-point agreement questions in both "
                        "languages, and can be changed afterwards."));
    m_view->setAccessibleName(tr("Question bank"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add Questions"));
}

} // namespace engage::ui
