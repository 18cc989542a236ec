#pragma once

#include "api/dashboard.h"
#include "models/apierror.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace engage::ui {

class MessageBanner;

// The tenant's benchmarks, the figures the factor chart sets each score
// against: where they come from (its targets, or an industry survey it has)
// and a value of 0-100 for engagement and each factor, or none. Owners and
// admins only. Saving does not close the dialog: saveRequested() carries the
// set with the revision it was opened at (the If-Match), and the dialog
// waits (setBusy) until the caller closes it or shows why the service refused.
class BenchmarkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchmarkDialog)

public:
    explicit BenchmarkDialog(const api::BenchmarkSet &benchmarks, QWidget *parent = nullptr);

    api::BenchmarkSet benchmarks() const;
    // What is wrong as typed, translated; empty when it may be saved.
    QString problem() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const models::ApiError &error);

    // For tests: the label field, and the value of a factor (its minimum means none).
    QLineEdit *labelField() const { return m_label; }
    QDoubleSpinBox *valueBox(api::Factor factor) const;
    QPushButton *saveButton() const { return m_saveButton; }

Q_SIGNALS:
    void saveRequested(const engage::api::BenchmarkSet &benchmarks);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    const qint64 m_revision;
    bool m_busy = false;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_labelLabel;
    QLineEdit *m_label;
    QLabel *m_labelProblem;
    QList<QLabel *> m_factorLabels; // allFactors() order
    QList<QDoubleSpinBox *> m_values;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
};

} // namespace engage::ui
