#pragma once

#include "models/logentry.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;
class QTextBrowser;

namespace engage::models {
class LogWindowModel;
}

namespace engage::ui {

// One row of a log in full, beside the log viewer's table: every field,
// selectable, and for a change its fields before and after side by side
// (personal values are never sent: they show as hidden). The fields wrap
// anywhere, so ids and addresses longer than the pane is wide are never cut.
class LogDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDetailPane)

public:
    explicit LogDetailPane(const models::LogWindowModel &model, QWidget *parent = nullptr);

    // Shows `entry` (null: nothing selected).
    void showEntry(const models::LogEntry *entry);
    // The fields shown, "Name: value" a line, for tests.
    QString text() const;
    QTableWidget *changesTable() const { return m_changes; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    const models::LogWindowModel &m_model;
    std::optional<models::LogEntry> m_entry;
    QLabel *m_title;
    QLabel *m_placeholder;
    QTextBrowser *m_fields;
    QStringList m_lines; // "Name: value", as text() gives them
    QLabel *m_changesTitle;
    QTableWidget *m_changes;
};

} // namespace engage::ui
