#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace engage::ui {

// "Request ID: 3f2a…  [Copy]": the id a person quotes to support, selectable
// and copied to the clipboard with one click. Hidden while the id is empty.
// Shared by the inline banner and the error dialog.
class RequestIdField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestIdField)

public:
    explicit RequestIdField(QWidget *parent = nullptr);

    void setRequestId(const QString &requestId);
    QString requestId() const;
    QToolButton *copyButton() const { return m_copy; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onCopy();

    QLabel *m_caption;
    QLabel *m_value;
    QToolButton *m_copy;
};

} // namespace engage::ui
