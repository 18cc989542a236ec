#include "logdetailpane.h"

#include "models/logwindowmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextTable>
#include <QVBoxLayout>

namespace engage::ui {

using models::LogWindowModel;

LogDetailPane::LogDetailPane(const LogWindowModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_placeholder(new QLabel(this))
    , m_fields(new QTextBrowser(this))
    , m_changesTitle(new QLabel(this))
    , m_changes(new QTableWidget(0, 3, this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_changesTitle->setFont(bold);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_fields->setFrameShape(QFrame::NoFrame);
    m_fields->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fields->viewport()->setBackgroundRole(QPalette::Window);
    m_fields->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_changes->verticalHeader()->hide();
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changes->setWordWrap(true);
    m_changes->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_changes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_fields, 1);
    layout->addWidget(m_changesTitle);
    layout->addWidget(m_changes, 1);
    // Without a change's fields, the fields stay at the top.
    layout->addStretch(0);
    rebuild();
}

void LogDetailPane::showEntry(const models::LogEntry *entry)
{
    if (entry)
        m_entry = *entry;
    else
        m_entry.reset();
    rebuild();
}

QString LogDetailPane::text() const
{
    return m_lines.join(QLatin1Char('\n'));
}

void LogDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void LogDetailPane::rebuild()
{
    m_fields->clear();
    m_lines.clear();
    m_changes->setHorizontalHeaderLabels({
        //: Column of a change's fields in the log viewer: the field's name.
        tr("Field"),
        //: Column of a change's fields in the log viewer: the value before the change.
        tr("Before"),
        //: Column of a change's fields in the log viewer: the value after the change.
        tr("After"),
    });
    m_placeholder->setText(tr("Select a row to see it in full."));
    m_changesTitle->setText(tr("Changes"));
    m_placeholder->setVisible(!m_entry);
    m_fields->setVisible(m_entry.has_value());
    const auto *operation = m_entry ? std::get_if<api::OperationLogRow>(&*m_entry) : nullptr;
    m_changesTitle->setVisible(operation != nullptr);
    m_changes->setVisible(operation != nullptr);
    if (!m_entry) {
        m_title->setText(tr("Row"));
        return;
    }
    const QLocale locale;
    //: Title of the log viewer's detail pane: %1 the row's number in the tenant's log.
    m_title->setText(tr("Row %1").arg(locale.toString(models::logSeqOf(*m_entry))));
    QTextCursor cursor(m_fields->document());
    QTextTableFormat tableFormat;
    tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    tableFormat.setCellPadding(1);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    // Names as wide as they need, values the rest (wrapping anywhere).
    tableFormat.setColumnWidthConstraints({QTextLength(QTextLength::VariableLength, 0),
                                           QTextLength(QTextLength::PercentageLength, 70)});
    QTextTable *table = cursor.insertTable(1, 2, tableFormat);
    QTextCharFormat nameFormat;
    nameFormat.setForeground(palette().color(QPalette::WindowText));
    const auto add = [&](const QString &name, const QString &value) {
        //: A field's name in the log viewer's detail pane.
        const QString label = tr("%1:").arg(name);
        const QString shown = value.isEmpty() ? QStringLiteral("—") : value;
        if (!m_lines.isEmpty())
            table->appendRows(1);
        const int row = table->rows() - 1;
        table->cellAt(row, 0).firstCursorPosition().insertText(label, nameFormat);
        table->cellAt(row, 1).firstCursorPosition().insertText(shown);
        m_lines.append(label + QLatin1Char(' ') + shown);
    };
    const QList<LogWindowModel::Field> fields =
        LogWindowModel::fieldsOf(models::logKindOf(*m_entry));
    for (const LogWindowModel::Field field : fields) {
        add(LogWindowModel::fieldName(field), m_model.fieldText(*m_entry, field));
        // The time to the millisecond, and the person's id beside their name.
        if (field == LogWindowModel::Field::Time)
            add(tr("Exact time"),
                models::logTimeText(models::logTimeOf(*m_entry), m_model.timeZone(), locale, true));
    }
    if (!fields.contains(LogWindowModel::Field::RequestId))
        add(LogWindowModel::fieldName(LogWindowModel::Field::RequestId),
            m_model.fieldText(*m_entry, LogWindowModel::Field::RequestId));
    if (!operation)
        return;
    m_changes->setRowCount(int(operation->changes.size()));
    //: A personal value of a change, which the log never holds.
    const QString hidden = tr("(personal, not shown)");
    for (int row = 0; row < operation->changes.size(); ++row) {
        const api::FieldChange &change = operation->changes.at(row);
        m_changes->setItem(row, 0, new QTableWidgetItem(change.field));
        for (int side = 1; side <= 2; ++side) {
            const std::optional<QString> &value = side == 1 ? change.before : change.after;
            auto *item =
                new QTableWidgetItem(change.masked ? hidden : value.value_or(QStringLiteral("—")));
            if (change.masked) {
                QFont italic = item->font();
                italic.setItalic(true);
                item->setFont(italic);
                item->setForeground(palette().color(QPalette::PlaceholderText));
            }
            m_changes->setItem(row, side, item);
        }
    }
    m_changes->resizeRowsToContents();
}

} // namespace engage::ui
