// The ImportWizard's column mapping: which member field each column of the
// file fills.

#include "dialogs/fieldproblem.h"
#include "importwizardpages.h"
#include "models/attributelistmodel.h"
#include "models/importpreviewmodel.h"
#include "models/memberimportsession.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>
#include <algorithm>
#include <utility>

namespace engage::ui {

using models::ImportPreviewModel;
using models::MemberImportSession;
using State = MemberImportSession::State;

namespace {

const QString kAttributePrefix = QStringLiteral("attribute:");

// Targets that tell which member a row is.
bool identifies(const QString &target)
{
    return target == QLatin1String("memberId") || target == QLatin1String("employeeCode") ||
           target == QLatin1String("email");
}

QString formatText(const api::MemberImport &memberImport)
{
    if (memberImport.format == QLatin1String("xlsx"))
        return ImportMappingPage::tr("Excel workbook");
    if (memberImport.encoding == QLatin1String("CP932"))
        //: A CSV file in the encoding of Japanese Excel.
        return ImportMappingPage::tr("CSV in Shift_JIS");
    if (memberImport.encoding.isEmpty())
        return ImportMappingPage::tr("CSV");
    //: A CSV file and its encoding (%1, such as UTF-8).
    return ImportMappingPage::tr("CSV in %1").arg(memberImport.encoding);
}

} // namespace

ImportMappingPage::ImportMappingPage(MemberImportSession &session,
                                     models::AttributeListModel &attributes, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_attributes(attributes)
    , m_banner(new MessageBanner(this))
    , m_facts(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_problem(fieldProblemLabel(this))
    , m_busy(new QLabel(this))
{
    m_facts->setWordWrap(true);
    m_busy->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(HeaderColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RememberedColumn, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_facts);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_busy);

    connect(&m_attributes, &models::AttributeListModel::loaded, this,
            &ImportMappingPage::refreshTargets);
    connect(&m_session, &MemberImportSession::stateChanged, this, [this] {
        const State state = m_session.state();
        const bool busy = state == State::Mapping || state == State::Previewing;
        m_busy->setVisible(busy);
        m_busy->setText(state == State::Mapping ? tr("Saving the mapping…")
                                                : tr("Working out what would change…"));
        m_table->setEnabled(!busy);
        Q_EMIT completeChanged();
    });
    connect(&m_session, &MemberImportSession::mappingSaved, this, [this] {
        updateRemembered();
        if (m_advancing)
            m_session.loadPreview();
    });
    connect(&m_session, &MemberImportSession::previewLoaded, this, [this] {
        if (std::exchange(m_advancing, false) && wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
    connect(&m_session, &MemberImportSession::failed, this, [this](const models::ApiError &error) {
        if (!wizard() || wizard()->currentPage() != this)
            return;
        m_advancing = false;
        m_banner->showError(error);
    });

    retranslateUi();
}

QComboBox *ImportMappingPage::targetCombo(int column) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(column, TargetColumn));
}

QList<api::ImportColumn> ImportMappingPage::columns() const
{
    QList<api::ImportColumn> columns = m_session.memberImport().columns;
    for (int row = 0; row < columns.size() && row < m_table->rowCount(); ++row) {
        if (const QComboBox *combo = targetCombo(row))
            columns[row].target = combo->currentData().toString();
    }
    return columns;
}

QString ImportMappingPage::problemText() const
{
    return m_problemText;
}

void ImportMappingPage::initializePage()
{
    m_banner->hide();
    m_advancing = false;
    updateFacts();
    const api::MemberImport &memberImport = m_session.memberImport();
    m_table->setRowCount(static_cast<int>(memberImport.columns.size()));
    for (int row = 0; row < memberImport.columns.size(); ++row) {
        const api::ImportColumn &column = memberImport.columns.at(row);
        auto *header = new QTableWidgetItem(column.header);
        m_table->setItem(row, HeaderColumn, header);
        m_table->setItem(row, RememberedColumn, new QTableWidgetItem);
        auto *combo = new QComboBox(m_table);
        fillTargets(combo, column.target);
        combo->setAccessibleName(tr("Where the column “%1” goes").arg(column.header));
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateRemembered();
            validate();
        });
        m_table->setCellWidget(row, TargetColumn, combo);
    }
    updateRemembered();
    validate();
}

void ImportMappingPage::fillTargets(QComboBox *combo, const QString &selected) const
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("Do not import"), QString());
    combo->insertSeparator(combo->count());
    const QList<api::Attribute> &attributes = m_attributes.attributes();
    const QStringList targets = api::importTargetNames();
    for (const QString &target : targets)
        combo->addItem(ImportPreviewModel::fieldText(target, attributes), target);
    if (!attributes.isEmpty())
        combo->insertSeparator(combo->count());
    for (const api::Attribute &attribute : attributes)
        //: A target of an import's column: one of the company's attributes (%1).
        combo->addItem(
            tr("Attribute: %1").arg(models::AttributeListModel::displayName(attribute.fields)),
            QString(kAttributePrefix + attribute.id));
    int index = combo->findData(selected);
    if (index < 0 && !selected.isEmpty()) {
        // An attribute not (yet) loaded: kept, under its id, rather than dropped.
        combo->addItem(ImportPreviewModel::fieldText(selected, attributes), selected);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(index, 0));
}

void ImportMappingPage::refreshTargets()
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (QComboBox *combo = targetCombo(row))
            fillTargets(combo, combo->currentData().toString());
    }
}

void ImportMappingPage::updateRemembered()
{
    const QList<api::ImportColumn> &saved = m_session.memberImport().columns;
    for (int row = 0; row < m_table->rowCount() && row < saved.size(); ++row) {
        QTableWidgetItem *item = m_table->item(row, RememberedColumn);
        const QComboBox *combo = targetCombo(row);
        const bool remembered = saved.at(row).remembered && combo &&
                                combo->currentData().toString() == saved.at(row).target;
        //: Marks a column mapped as the company mapped it in an earlier import.
        item->setText(remembered ? tr("✓ Remembered") : QString());
        item->setToolTip(remembered ? tr("Your company mapped this column this way before.")
                                    : QString());
    }
}

void ImportMappingPage::validate()
{
    const QList<api::ImportColumn> chosen = columns();
    QHash<QString, QString> headerOfTarget;
    QString problem;
    bool identified = false;
    for (const api::ImportColumn &column : chosen) {
        if (column.target.isEmpty())
            continue;
        identified = identified || identifies(column.target);
        const auto earlier = headerOfTarget.constFind(column.target);
        if (earlier != headerOfTarget.cend() && problem.isEmpty())
            problem =
                tr("The columns “%1” and “%2” both go to %3. Choose one of them, and set the "
                   "other to “Do not import”.")
                    .arg(*earlier, column.header,
                         ImportPreviewModel::fieldText(column.target, m_attributes.attributes()));
        headerOfTarget.insert(column.target, column.header);
    }
    if (problem.isEmpty() && !identified && !chosen.isEmpty())
        problem = tr("Choose the column with the employee code or the e-mail (or Engage's member "
                     "ID), so that each row can be matched to a member.");
    m_problemText = problem;
    showFieldProblem(m_problem, m_table, problem);
    Q_EMIT completeChanged();
}

bool ImportMappingPage::isComplete() const
{
    return m_problemText.isEmpty() && !m_session.isBusy() && m_table->rowCount() > 0;
}

bool ImportMappingPage::validatePage()
{
    const State state = m_session.state();
    QList<api::ImportColumn> saved = m_session.memberImport().columns;
    const QList<api::ImportColumn> chosen = columns();
    bool changed = false;
    for (int i = 0; i < saved.size() && i < chosen.size(); ++i)
        changed = changed || saved.at(i).target != chosen.at(i).target;
    if (!changed && state == State::Previewed)
        return true;
    m_banner->hide();
    m_advancing = true;
    if (changed)
        m_session.setMapping(chosen); // mappingSaved() loads the preview
    else
        m_session.loadPreview();
    return false; // previewLoaded() moves on
}

void ImportMappingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportMappingPage::retranslateUi()
{
    setTitle(tr("Match the Columns"));
    setSubTitle(tr("Step 2 of 5: which member field each column of the file fills."));
    //: Column of the mapping table: a column's header as the file has it.
    m_table->setHorizontalHeaderLabels({tr("Column in the file"), tr("Goes to"), QString()});
    if (isVisible() || m_table->rowCount() > 0) {
        refreshTargets();
        updateRemembered();
        validate();
        updateFacts();
    }
}

void ImportMappingPage::updateFacts()
{
    const api::MemberImport &memberImport = m_session.memberImport();
    //: What the service read: the file's name (%1), its format (%2) and how many rows (%Ln).
    m_facts->setText(tr("%1: %2, %Ln rows of members. Choose where each column goes; columns set "
                        "to “Do not import” are left out.",
                        nullptr, memberImport.rowCount)
                         .arg(memberImport.fileName, formatText(memberImport)));
}

} // namespace engage::ui
