#include "exportdialogs.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QUrl>

namespace engage::ui {

namespace {

// The progress bar's steps: rows and pages are counted in qint64, the bar in int.
constexpr int kProgressSteps = 1000;

} // namespace

QFileDialog *ExportDialogs::fileDialog(QWidget *parent, const QString &title,
                                       const QStringList &nameFilters, const QString &defaultSuffix,
                                       const QString &suggestedPath)
{
    auto *dialog = new QFileDialog(parent, title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters(nameFilters);
    dialog->setDefaultSuffix(defaultSuffix);
    dialog->selectFile(suggestedPath);
    return dialog;
}

QProgressDialog *ExportDialogs::openProgress(QWidget *parent, const QString &title)
{
    auto *progress = new QProgressDialog(parent);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setRange(0, 0);
    progress->setLabelText(readingLabel(0, 0));
    progress->show();
    return progress;
}

void ExportDialogs::setProgress(QProgressDialog &progress, const QString &label, qint64 done,
                                qint64 total)
{
    progress.setLabelText(label);
    if (total <= 0) {
        progress.setRange(0, 0);
        return;
    }
    progress.setRange(0, kProgressSteps);
    progress.setValue(static_cast<int>(std::min(done, total) * kProgressSteps / total));
}

QString ExportDialogs::readingLabel(qint64 done, qint64 total)
{
    const QLocale locale;
    return total > 0 ? tr("Reading from the service… %1 of %2")
                           .arg(locale.toString(done), locale.toString(total))
                     : tr("Reading from the service…");
}

QMessageBox *ExportDialogs::openResult(QWidget *parent, const QString &title,
                                       const QString &filePath, const QDateTime &asOf,
                                       const QString &note)
{
    auto *box = new QMessageBox(
        QMessageBox::Information, title,
        tr("The file %1 is ready.").arg(QDir::toNativeSeparators(QFileInfo(filePath).fileName())),
        QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QStringList informative;
    if (asOf.isValid())
        informative.append(
            tr("The service could not be reached: the data is as of %1, from this computer's "
               "offline copy.")
                .arg(QLocale().toString(asOf.toLocalTime(), QLocale::ShortFormat)));
    if (!note.isEmpty())
        informative.append(note);
    box->setInformativeText(informative.join(QLatin1Char('\n')));
    QPushButton *open = box->addButton(tr("Open Folder"), QMessageBox::ActionRole);
    const QString folder = QFileInfo(filePath).absolutePath();
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [open, folder](QAbstractButton *clicked) {
                         if (clicked == open)
                             QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
                     });
    box->open();
    return box;
}

QMessageBox *ExportDialogs::openFailure(QWidget *parent, const QString &title,
                                        const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, tr("The file could not be exported."),
                                QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(message);
    box->open();
    return box;
}

} // namespace engage::ui
