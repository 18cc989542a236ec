// The ImportWizard's dry run and the choice of what to apply.

#include "importwizardpages.h"
#include "models/importpreviewmodel.h"
#include "models/memberimportsession.h"
#include "widgets/messagebanner.h"

#include <QCheckBox>
#include <QColor>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace engage::ui {

using models::ImportPreviewModel;
using models::MemberImportSession;

namespace {

constexpr int kNamesShown = 5;   // in a sentence
constexpr int kNamesListed = 30; // in its tooltip

struct Tint
{
    QColor background;
    QColor foreground;
};

// Soft tints on a light theme and deep ones on a dark theme, each with a text
// colour that keeps a contrast of at least 7:1 against it.
Tint tintOf(api::ImportRowKind kind, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (kind) {
    case api::ImportRowKind::Added:
        return dark ? Tint{QColor(0x1d, 0x3d, 0x29), QColor(0xd6, 0xf5, 0xdf)}
                    : Tint{QColor(0xe3, 0xf4, 0xe8), QColor(0x0f, 0x3d, 0x1f)};
    case api::ImportRowKind::Changed:
        return dark ? Tint{QColor(0x47, 0x39, 0x10), QColor(0xff, 0xea, 0xaa)}
                    : Tint{QColor(0xff, 0xf2, 0xcc), QColor(0x4d, 0x38, 0x00)};
    case api::ImportRowKind::Invalid:
        return dark ? Tint{QColor(0x4f, 0x20, 0x22), QColor(0xff, 0xd7, 0xd5)}
                    : Tint{QColor(0xfd, 0xe3, 0xe1), QColor(0x5c, 0x16, 0x10)};
    case api::ImportRowKind::Unchanged:
        break;
    }
    return {palette.color(QPalette::AlternateBase), palette.color(QPalette::Text)};
}

// A count in a rounded chip of its kind's tint, so that the counts explain the table's colours.
void paintChip(QLabel *label, api::ImportRowKind kind)
{
    const Tint tint = tintOf(kind, label->palette());
    label->setStyleSheet(QStringLiteral("QLabel{background:%1;color:%2;border-radius:4px;"
                                        "padding:4px 10px;font-weight:bold}")
                             .arg(tint.background.name(), tint.foreground.name()));
}

QString namesText(const QStringList &names, int shown)
{
    QStringList listed = names.mid(0, shown);
    if (names.size() > shown)
        //: Ends a list of names cut short: how many more there are.
        listed << ImportPreviewPage::tr("%Ln more", nullptr,
                                        static_cast<int>(names.size()) - shown);
    return QLocale().createSeparatedList(listed);
}

} // namespace

// ---- the colours ------------------------------------------------------------------

ImportPreviewStyle::ImportPreviewStyle(QWidget *view)
    : QIdentityProxyModel(view)
    , m_view(view)
{}

QVariant ImportPreviewStyle::data(const QModelIndex &index, int role) const
{
    if ((role == Qt::BackgroundRole || role == Qt::ForegroundRole) && index.isValid() && m_view) {
        const auto kind =
            static_cast<api::ImportRowKind>(index.data(ImportPreviewModel::KindRole).toInt());
        const Tint tint = tintOf(kind, m_view->palette());
        return role == Qt::BackgroundRole ? tint.background : tint.foreground;
    }
    if (role == Qt::FontRole && index.column() == ImportPreviewModel::KindColumn && m_view) {
        QFont font = m_view->font();
        font.setBold(true);
        return font;
    }
    return QIdentityProxyModel::data(index, role);
}

// ---- the dry run ------------------------------------------------------------------

ImportPreviewPage::ImportPreviewPage(MemberImportSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_view(new QTableView(this))
    , m_shown(new QLabel(this))
    , m_missing(new QLabel(this))
    , m_newGroups(new QLabel(this))
{
    auto *counts = new QHBoxLayout;
    for (const api::ImportRowKind kind :
         {api::ImportRowKind::Added, api::ImportRowKind::Changed, api::ImportRowKind::Unchanged,
          api::ImportRowKind::Invalid}) {
        auto *label = new QLabel(this);
        paintChip(label, kind);
        m_counts.append(label);
        counts->addWidget(label);
    }
    counts->addStretch();

    auto *style = new ImportPreviewStyle(m_view);
    style->setSourceModel(&m_session.previewModel());
    m_view->setModel(style);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ImportPreviewModel::ChangesColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ImportPreviewModel::ErrorsColumn, QHeaderView::Stretch);
    // Resizing to the contents of thousands of rows would read them all.
    header->setResizeContentsPrecision(50);

    for (QLabel *label : {m_missing, m_newGroups}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(counts);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_shown);
    layout->addWidget(m_newGroups);
    layout->addWidget(m_missing);

    ImportPreviewModel &model = m_session.previewModel();
    connect(&model, &QAbstractItemModel::rowsInserted, this, &ImportPreviewPage::updateTexts);
    connect(&model, &QAbstractItemModel::modelReset, this, &ImportPreviewPage::updateTexts);
    connect(&model, &ImportPreviewModel::failed, this,
            [this](const models::ApiError &error) { m_banner->showError(error); });

    retranslateUi();
}

QLabel *ImportPreviewPage::countsLabel(api::ImportRowKind kind) const
{
    return m_counts.at(static_cast<int>(kind));
}

QString ImportPreviewPage::missingText() const
{
    return m_missing->text();
}

QString ImportPreviewPage::newGroupsText() const
{
    return m_newGroups->text();
}

void ImportPreviewPage::initializePage()
{
    m_banner->hide();
    updateTexts();
    m_view->scrollToTop();
}

void ImportPreviewPage::updateTexts()
{
    const auto &preview = m_session.preview();
    const api::ImportPreview counts = preview.value_or(api::ImportPreview{});
    //: How many rows of the file add a member.
    countsLabel(api::ImportRowKind::Added)->setText(tr("%Ln new", nullptr, counts.added));
    countsLabel(api::ImportRowKind::Changed)->setText(tr("%Ln changed", nullptr, counts.changed));
    countsLabel(api::ImportRowKind::Unchanged)
        ->setText(tr("%Ln unchanged", nullptr, counts.unchanged));
    countsLabel(api::ImportRowKind::Invalid)
        ->setText(tr("%Ln with errors", nullptr, counts.invalid));

    const ImportPreviewModel &model = m_session.previewModel();
    if (model.totalRows() == 0)
        m_shown->setText(counts.unchanged > 0
                             ? tr("Every row of the file matches its member: the import would "
                                  "change nothing.")
                             : QString());
    else if (model.rowCount() < model.totalRows())
        //: Rows of the preview loaded so far (%1) out of all of them (%2); more load on scrolling.
        m_shown->setText(
            tr("Showing %1 of %2 rows that would change something; scroll for more.")
                .arg(QLocale().toString(model.rowCount()), QLocale().toString(model.totalRows())));
    else
        m_shown->setText(tr("Unchanged rows are counted but not listed."));

    QStringList groups = counts.newGroupPaths;
    if (groups.isEmpty()) {
        m_newGroups->clear();
        m_newGroups->setToolTip({});
    } else {
        m_newGroups->setText(tr("The file names %Ln groups that do not exist yet: %1. Their rows "
                                "show as errors unless you choose to create them on the next page.",
                                nullptr, static_cast<int>(groups.size()))
                                 .arg(namesText(groups, kNamesShown)));
        m_newGroups->setToolTip(groups.mid(0, kNamesListed).join(u'\n'));
    }
    m_newGroups->setVisible(!groups.isEmpty());

    QStringList missing;
    for (const api::ImportMissingMember &member : counts.missing)
        missing << (member.employeeCode.isEmpty()
                        ? member.displayName
                        //: A member's name (%1) and employee code (%2).
                        : tr("%1 (%2)").arg(member.displayName, member.employeeCode));
    if (missing.isEmpty()) {
        m_missing->clear();
        m_missing->setToolTip({});
    } else {
        m_missing->setText(tr("%Ln members of the company are not in the file: %1.", nullptr,
                              static_cast<int>(missing.size()))
                               .arg(namesText(missing, kNamesShown)));
        m_missing->setToolTip(missing.mid(0, kNamesListed).join(u'\n'));
    }
    m_missing->setVisible(!missing.isEmpty());
}

void ImportPreviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        for (int kind = 0; kind < m_counts.size(); ++kind)
            paintChip(m_counts.at(kind), static_cast<api::ImportRowKind>(kind));
    }
    QWizardPage::changeEvent(event);
}

void ImportPreviewPage::retranslateUi()
{
    setTitle(tr("Check What Would Change"));
    setSubTitle(tr("Step 3 of 5: nothing has changed yet. New members are green, changed ones "
                   "amber, rows with errors red."));
    m_view->setAccessibleName(tr("What the import would change"));
    updateTexts();
}

// ---- what to apply ------------------------------------------------------------------

ImportOptionsPage::ImportOptionsPage(MemberImportSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_intro(new QLabel(this))
    , m_applyChanges(new QCheckBox(this))
    , m_createGroups(new QCheckBox(this))
    , m_markMissing(new QCheckBox(this))
    , m_summaryTitle(new QLabel(this))
    , m_summary(new QLabel(this))
{
    setCommitPage(true);
    m_intro->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summaryTitle->font();
    bold.setBold(true);
    m_summaryTitle->setFont(bold);
    m_applyChanges->setObjectName(QStringLiteral("applyChanges"));
    m_createGroups->setObjectName(QStringLiteral("createGroups"));
    m_markMissing->setObjectName(QStringLiteral("markMissing"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addSpacing(6);
    for (QCheckBox *box : {m_applyChanges, m_createGroups, m_markMissing}) {
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ImportOptionsPage::updateSummary);
    }
    layout->addSpacing(12);
    layout->addWidget(m_summaryTitle);
    layout->addWidget(m_summary);
    layout->addStretch();

    retranslateUi();
}

api::ImportApplyRequest ImportOptionsPage::applyRequest() const
{
    api::ImportApplyRequest request;
    request.applyChanges = m_applyChanges->isChecked();
    request.createGroups = m_createGroups->isChecked();
    request.markMissingAsLeft = m_markMissing->isChecked();
    return request;
}

QString ImportOptionsPage::summaryText() const
{
    return m_summary->text();
}

void ImportOptionsPage::initializePage()
{
    const api::ImportPreview preview = m_session.preview().value_or(api::ImportPreview{});
    // What the service does by default, and nothing is removed unless asked.
    m_applyChanges->setChecked(preview.changed > 0);
    m_createGroups->setChecked(false);
    m_markMissing->setChecked(false);
    retranslateUi();
}

// Rows the dry run refused only because their group does not exist yet:
// they are imported when the new groups are created. Known once every row of
// the dry run is loaded (the first page holds a thousand); -1 until then.
int ImportOptionsPage::rowsWaitingForGroups() const
{
    const ImportPreviewModel &model = m_session.previewModel();
    if (model.rowCount() < model.totalRows())
        return -1;
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const api::ImportRow &entry = model.rowAt(row);
        const bool onlyTheGroup =
            entry.kind == api::ImportRowKind::Invalid && !entry.errors.isEmpty() &&
            std::all_of(entry.errors.cbegin(), entry.errors.cend(),
                        [](const api::ImportCellError &error) {
                            return error.code == QLatin1String("unknownGroup");
                        });
        rows += onlyTheGroup ? 1 : 0;
    }
    return rows;
}

void ImportOptionsPage::updateSummary()
{
    const api::ImportPreview preview = m_session.preview().value_or(api::ImportPreview{});
    const int missing = static_cast<int>(preview.missing.size());
    const int groups = static_cast<int>(preview.newGroupPaths.size());
    const int groupRows = groups > 0 ? rowsWaitingForGroups() : 0;
    const api::ImportApplyRequest request = applyRequest();
    const bool creating = groups > 0 && request.createGroups;

    QStringList sentences;
    if (preview.added > 0)
        sentences << tr("%Ln new members will be added.", nullptr, preview.added);
    if (preview.changed > 0)
        sentences << (request.applyChanges
                          ? tr("%Ln members will be updated with the file's data.", nullptr,
                               preview.changed)
                          : tr("%Ln members whose data differs will stay as they are.", nullptr,
                               preview.changed));
    if (creating && groupRows >= 0)
        sentences << tr("%Ln new groups will be created.", nullptr, groups)
                  << tr("The %Ln rows that name a new group will be imported too.", nullptr,
                        groupRows);
    else if (creating)
        sentences << tr("%Ln new groups will be created, and the rows that name them will be "
                        "imported too.",
                        nullptr, groups);
    else if (groups > 0)
        sentences << tr("No group will be created: rows that name a new group are left out.");
    if (missing > 0)
        sentences << (request.markMissingAsLeft
                          ? tr("%Ln members missing from the file will be marked as left. They "
                               "stay in Engage with their history.",
                               nullptr, missing)
                          : tr("%Ln members missing from the file will stay as they are.", nullptr,
                               missing));
    // With the groups created, the rows waiting for them are errors no more.
    const int leftOut = preview.invalid - (creating ? std::max(groupRows, 0) : 0);
    if (leftOut > 0)
        sentences << tr("%Ln rows with errors will be left out.", nullptr, leftOut);
    const bool nothing = preview.added == 0 && (preview.changed == 0 || !request.applyChanges) &&
                         (missing == 0 || !request.markMissingAsLeft) && !creating;
    if (nothing)
        sentences << tr("Nothing will change.");
    else
        sentences << tr("Nothing is deleted, and you can undo the import afterwards as long as "
                        "nobody has changed these members since.");
    m_summary->setText(sentences.join(u' '));
}

void ImportOptionsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportOptionsPage::retranslateUi()
{
    const api::ImportPreview preview = m_session.preview().value_or(api::ImportPreview{});
    const int missing = static_cast<int>(preview.missing.size());
    const int groups = static_cast<int>(preview.newGroupPaths.size());
    setTitle(tr("Choose What to Apply"));
    setSubTitle(tr("Step 4 of 5: new members are always added; the rest is up to you."));
    m_intro->setText(tr("Rows with errors are left out, unless their only problem is a new "
                        "group you choose to create. Choose what else the import does:"));
    m_applyChanges->setText(
        tr("&Update the %Ln members whose data in the file differs", nullptr, preview.changed));
    m_applyChanges->setEnabled(preview.changed > 0);
    m_createGroups->setText(tr("&Create the %Ln groups that do not exist yet", nullptr, groups));
    m_createGroups->setEnabled(groups > 0);
    m_markMissing->setText(
        tr("&Mark the %Ln members missing from the file as left", nullptr, missing));
    m_markMissing->setEnabled(missing > 0);
    m_summaryTitle->setText(tr("What will happen"));
    updateSummary();
}

} // namespace engage::ui
