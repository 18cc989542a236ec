#include "logretentiondialog.h"

#include "models/logarchivemodel.h"
#include "models/logretention.h"
#include "widgets/messagebanner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace engage::ui {

LogRetentionDialog::LogRetentionDialog(models::ApiClient &client, QWidget *parent)
    : QDialog(parent)
    , m_retention(new models::LogRetention(client, this))
    , m_banner(new MessageBanner(this))
    , m_explanation(new QLabel(this))
    , m_keep(new QRadioButton(this))
    , m_archive(new QRadioButton(this))
    , m_days(new QSpinBox(this))
    , m_daysLabel(new QLabel(this))
    , m_archivesLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_download(new QPushButton(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this))
    , m_save(m_buttons->button(QDialogButtonBox::Save))
{
    m_explanation->setWordWrap(true);
    m_days->setRange(api::kLogArchiveAfterDaysMin, api::kLogArchiveAfterDaysMax);
    m_days->setValue(365);
    m_view->setModel(m_retention->archives());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_archivesLabel->setBuddy(m_view);
    m_daysLabel->setBuddy(m_days);

    auto *days = new QHBoxLayout;
    days->addWidget(m_archive);
    days->addWidget(m_days);
    days->addWidget(m_daysLabel);
    days->addStretch();
    auto *download = new QHBoxLayout;
    download->addStretch();
    download->addWidget(m_download);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_explanation);
    layout->addWidget(m_keep);
    layout->addLayout(days);
    layout->addWidget(m_archivesLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(download);
    layout->addWidget(m_buttons);

    connect(m_keep, &QRadioButton::toggled, this, &LogRetentionDialog::updateState);
    connect(m_archive, &QRadioButton::toggled, this, &LogRetentionDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LogRetentionDialog::updateState);
    connect(m_download, &QPushButton::clicked, this, &LogRetentionDialog::onDownload);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_banner->hide();
        m_retention->save(m_archive->isChecked() ? std::optional<int>(m_days->value())
                                                 : std::nullopt);
    });
    connect(m_retention, &models::LogRetention::loaded, this, &LogRetentionDialog::onLoaded);
    connect(m_retention, &models::LogRetention::saved, this, [this] {
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("Saved. Archiving runs once a day on the service."));
    });
    connect(m_retention, &models::LogRetention::downloaded, this, [this](const QString &path) {
        m_banner->showMessage(
            MessageBanner::Level::Information,
            tr("The archive was saved to %1.").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_retention, &models::LogRetention::failed, m_banner, &MessageBanner::showError);
    connect(m_retention, &models::LogRetention::writeFailed, this,
            [this](const QString &path, const QString &reason) {
                //: %1 the file, %2 the system's reason.
                m_banner->showMessage(MessageBanner::Level::Error,
                                      tr("The archive could not be saved to %1: %2")
                                          .arg(QDir::toNativeSeparators(path), reason));
            });
    connect(m_retention, &models::LogRetention::busyChanged, this,
            &LogRetentionDialog::updateState);

    retranslateUi();
    updateState();
    resize(640, 480);
    m_retention->load();
}

void LogRetentionDialog::downloadTo(const QString &filePath)
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    m_banner->hide();
    m_retention->download(rows.first().data(models::LogArchiveModel::ArchiveIdRole).toString(),
                          filePath);
}

void LogRetentionDialog::onDownload()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    auto *dialog = new QFileDialog(this, tr("Save the Archive File"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("Signed log archives (*.ndjson)"));
    dialog->selectFile(rows.first().data(models::LogArchiveModel::FileNameRole).toString());
    connect(dialog, &QFileDialog::fileSelected, this, &LogRetentionDialog::downloadTo);
    dialog->open();
}

void LogRetentionDialog::onLoaded()
{
    m_loaded = true;
    const std::optional<int> days = m_retention->settings()->archiveAfterDays;
    m_keep->setChecked(!days);
    m_archive->setChecked(days.has_value());
    if (days)
        m_days->setValue(*days);
    m_view->resizeColumnsToContents();
    updateState();
}

void LogRetentionDialog::updateState()
{
    const bool ready = m_loaded && !m_retention->isBusy();
    m_keep->setEnabled(ready);
    m_archive->setEnabled(ready);
    m_days->setEnabled(ready && m_archive->isChecked());
    m_save->setEnabled(ready);
    m_download->setEnabled(ready && m_view->selectionModel()->selectedRows().size() == 1);
}

void LogRetentionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LogRetentionDialog::retranslateUi()
{
    setWindowTitle(tr("Log Retention"));
    m_explanation->setText(
        tr("By default every row of the access and operation logs stays in the database for as "
           "long as the organisation exists. You can instead have rows older than a number of "
           "days archived: they then leave the database for files on the service, signed so "
           "that any change to them is detected. Archived rows are never deleted, are still "
           "checked by \"Verify Integrity\", and can be downloaded below; they no longer appear "
           "in the log viewer."));
    m_keep->setText(tr("&Keep every row in the database (default)"));
    m_archive->setText(tr("&Archive rows older than"));
    m_daysLabel->setText(tr("days"));
    m_archivesLabel->setText(tr("Archive &files:"));
    m_download->setText(tr("&Download…"));
}

} // namespace engage::ui
