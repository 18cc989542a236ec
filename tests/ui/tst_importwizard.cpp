// The import wizard against the real engage-server over TLS on loopback,
// driven page by page as a person would: a CSV written by the test is chosen,
// uploaded, its unknown column mapped by hand (and remembered by the next
// import), the dry run shown with rows coloured by kind, the options summed
// up in words, applied, and undone from the summary; a file too large is
// refused on the first page, and Cancel before applying leaves the members
// as they were.

#include "../models/serviceclient.h"
#include "api/member.h"
#include "models/attributelistmodel.h"
#include "models/importpreviewmodel.h"
#include "models/memberimportsession.h"
#include "ui/dialogs/importwizard.h"
#include "ui/dialogs/importwizardpages.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;
using State = MemberImportSession::State;

namespace {

// Four members and one row without e-mail or code; "Team" is no header
// Engage knows, so it is mapped by hand.
QByteArray memberCsv(const QString &tag)
{
    const QString group = QStringLiteral("Wizard %1/Sales").arg(tag);
    QStringList lines{QStringLiteral("Employee code,Family name,Given name,E-mail,Team")};
    const QStringList names{QStringLiteral("Clark,Emma"), QStringLiteral("Sato,Ken"),
                            QStringLiteral("Novak,Ivana"), QStringLiteral("Okafor,Chidi")};
    for (int i = 0; i < names.size(); ++i)
        lines << QStringLiteral("%1-%2,%3,w%2.%1@example.com,%4")
                     .arg(tag)
                     .arg(i + 1)
                     .arg(names.at(i), group);
    lines << QStringLiteral(",Nobody,Here,,%1").arg(group);
    return lines.join(u'\n').toUtf8() + '\n';
}

constexpr int kTeamColumn = 4;

QStringList comboTexts(const QComboBox &combo)
{
    QStringList texts;
    for (int i = 0; i < combo.count(); ++i)
        texts << combo.itemText(i);
    return texts;
}

void chooseTarget(QComboBox *combo, const QString &target)
{
    combo->setCurrentIndex(combo->findData(target));
}

} // namespace

class TestImportWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void importsPageByPageAndUndoes();
    void theNextImportRemembersTheMapping();
    void aFileTooLargeIsRefusedOnTheFirstPage();
    void cancelBeforeApplyingChangesNothing();

private:
    std::unique_ptr<ImportWizard> openWizard();
    QString writeCsv(const QString &tag);
    bool next(ImportWizard &wizard, int expectedPage);
    qint64 memberTotal();

    ServerProcess m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    QTemporaryDir m_dir;
    QString m_rememberedTag; // the file of the first test, imported again by the second
};

void TestImportWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_importwizard"));
    m_client = std::make_unique<Client>(m_server, *m_store, QStringLiteral("wizard"));
    QVERIFY(signIn(m_client->session, demoOwner(m_server, QStringLiteral("northwind"))));
}

void TestImportWizard::cleanup()
{
    m_server.reportIfFailed();
}

std::unique_ptr<ImportWizard> TestImportWizard::openWizard()
{
    auto wizard = std::make_unique<ImportWizard>(m_client->api);
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard.get()))
        return nullptr;
    // The attributes load with the wizard: the mapping offers them.
    if (!QTest::qWaitFor([&] { return !wizard->attributes().isLoading(); }, kWaitMs))
        return nullptr;
    return wizard;
}

QString TestImportWizard::writeCsv(const QString &tag)
{
    const QString path = m_dir.filePath(QStringLiteral("members-%1.csv").arg(tag));
    QFile file(path);
    const QByteArray bytes = memberCsv(tag);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

bool TestImportWizard::next(ImportWizard &wizard, int expectedPage)
{
    QAbstractButton *button = wizard.button(
        wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    if (!button->isEnabled()) {
        qWarning() << "Next is disabled on page" << wizard.currentId();
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return wizard.currentId() == expectedPage; }, kWaitMs)) {
        qWarning() << "still on page" << wizard.currentId() << "state" << wizard.session().state();
        return false;
    }
    return true;
}

qint64 TestImportWizard::memberTotal()
{
    const Outcome answer = get(m_client->api, QStringLiteral("/api/v1/members?limit=1"));
    const auto page = answer.ok ? api::memberPageFromJson(answer.json)
                                : api::Result<api::MemberPage>(api::Error{});
    return page ? page.value().total : -1;
}

void TestImportWizard::importsPageByPageAndUndoes()
{
    m_rememberedTag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString path = writeCsv(m_rememberedTag);
    QVERIFY(!path.isEmpty());
    const qint64 membersBefore = memberTotal();
    auto wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    // 1: the file, its name and size shown.
    wizard->setFilePath(path);
    ImportFilePage *filePage = wizard->filePage();
    QVERIFY(filePage->problemText().isEmpty());
    QVERIFY(filePage->findChild<QLineEdit *>(QStringLiteral("filePath"))
                ->text()
                .endsWith(QFileInfo(path).fileName()));
    QVERIFY(next(*wizard, ImportWizard::MappingPageId));
    QCOMPARE(wizard->session().state(), State::Uploaded);

    // 2: the mapping, with "Team" unknown until chosen by hand.
    ImportMappingPage *mapping = wizard->mappingPage();
    QCOMPARE(mapping->table()->rowCount(), 5);
    QCOMPARE(mapping->table()->item(1, ImportMappingPage::HeaderColumn)->text(),
             QStringLiteral("Family name"));
    QCOMPARE(mapping->targetCombo(0)->currentData().toString(), QStringLiteral("employeeCode"));
    QCOMPARE(mapping->targetCombo(1)->currentText(),
             ImportPreviewModel::fieldText(QStringLiteral("familyName"), {}));
    QCOMPARE(mapping->targetCombo(kTeamColumn)->currentData().toString(), QString());
    const QStringList targets = comboTexts(*mapping->targetCombo(kTeamColumn));
    for (const QString &target : api::importTargetNames())
        QVERIFY2(targets.contains(ImportPreviewModel::fieldText(target, {})), qPrintable(target));
    QVERIFY(mapping->table()->item(0, ImportMappingPage::RememberedColumn)->text().isEmpty());

    // A target chosen twice stops Next, with the reason beneath the table.
    chooseTarget(mapping->targetCombo(kTeamColumn), QStringLiteral("email"));
    QVERIFY(mapping->problemText().contains(QStringLiteral("E-mail")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    chooseTarget(mapping->targetCombo(kTeamColumn), QStringLiteral("groupPath"));
    QVERIFY(mapping->problemText().isEmpty());
    QVERIFY(next(*wizard, ImportWizard::PreviewPageId));
    QCOMPARE(wizard->session().memberImport().columns.at(kTeamColumn).target,
             QStringLiteral("groupPath"));

    // 3: the dry run, coloured by kind. The group does not exist yet: its
    // rows are errors until the options create it.
    ImportPreviewPage *preview = wizard->previewPage();
    QCOMPARE(preview->countsLabel(api::ImportRowKind::Added)->text(), QStringLiteral("0 new"));
    QCOMPARE(preview->countsLabel(api::ImportRowKind::Invalid)->text(),
             QStringLiteral("5 with errors"));
    QCOMPARE(preview->countsLabel(api::ImportRowKind::Changed)->text(),
             QStringLiteral("0 changed"));
    QVERIFY(preview->newGroupsText().contains(QStringLiteral("Wizard %1").arg(m_rememberedTag)));
    const QAbstractItemModel *rows = preview->view()->model();
    QCOMPARE(rows->rowCount(), 5);
    for (int row = 0; row < rows->rowCount(); ++row) {
        const QModelIndex index = rows->index(row, ImportPreviewModel::NameColumn);
        const QColor background = index.data(Qt::BackgroundRole).value<QColor>();
        const QColor foreground = index.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(background.isValid() && foreground.isValid());
        // Readable: the text far from its background in lightness.
        QVERIFY(qAbs(background.lightness() - foreground.lightness()) > 120);
        QVERIFY(background.red() > background.green()); // red-ish: an error
        QCOMPARE(rows->index(row, ImportPreviewModel::KindColumn).data().toString(),
                 ImportPreviewModel::kindText(api::ImportRowKind::Invalid));
        QVERIFY(!rows->index(row, ImportPreviewModel::ErrorsColumn).data().toString().isEmpty());
    }
    QVERIFY(next(*wizard, ImportWizard::OptionsPageId));

    // 4: the options, summed up in words.
    ImportOptionsPage *options = wizard->optionsPage();
    QVERIFY(options->isCommitPage());
    QCOMPARE(wizard->button(QWizard::CommitButton)->text(), QStringLiteral("&Apply"));
    QVERIFY(!options->applyChangesBox()->isEnabled()); // nothing changed to apply
    QVERIFY(options->createGroupsBox()->isEnabled());
    QVERIFY(!options->createGroupsBox()->isChecked());
    QVERIFY2(options->summaryText().contains(QStringLiteral("No group will be created")),
             qPrintable(options->summaryText()));
    QVERIFY(options->summaryText().contains(QStringLiteral("5 rows with errors will be left out")));
    QVERIFY(options->summaryText().contains(QStringLiteral("Nothing will change.")));
    options->createGroupsBox()->setChecked(true);
    QVERIFY2(options->summaryText().contains(QStringLiteral(
                 "new groups will be created. The 4 rows that name a new group will be imported "
                 "too.")),
             qPrintable(options->summaryText()));
    QVERIFY(options->summaryText().contains(QStringLiteral("1 rows with errors will be left out")));
    QVERIFY(!options->summaryText().contains(QStringLiteral("Nothing will change.")));
    QVERIFY(wizard->applyRequest().createGroups);
    QVERIFY(!wizard->applyRequest().markMissingAsLeft);

    // 5 and 6: applied, then the summary.
    QVERIFY(next(*wizard, ImportWizard::SummaryPageId));
    QCOMPARE(wizard->session().state(), State::Applied);
    ImportSummaryPage *summary = wizard->summaryPage();
    QVERIFY2(summary->outcomeText().contains(QStringLiteral("4 members added")),
             qPrintable(summary->outcomeText()));
    QCOMPARE(memberTotal(), membersBefore + 4);
    QVERIFY(summary->undoButton()->isVisible());
    QVERIFY(summary->undoButton()->isEnabled());
    QVERIFY(!wizard->button(QWizard::BackButton)->isVisible());

    // Undo, after confirmation.
    QTest::mouseClick(summary->undoButton(), Qt::LeftButton);
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->session().state(), State::Undone, kWaitMs);
    QVERIFY2(summary->statusText().contains(QStringLiteral("4 members it added removed")),
             qPrintable(summary->statusText()));
    QVERIFY(!summary->undoButton()->isVisible());
    QCOMPARE(memberTotal(), membersBefore);
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY(!wizard->isVisible());
}

void TestImportWizard::theNextImportRemembersTheMapping()
{
    QVERIFY2(!m_rememberedTag.isEmpty(), "runs after importsPageByPageAndUndoes");
    auto wizard = openWizard();
    QVERIFY(wizard);
    wizard->setFilePath(m_dir.filePath(QStringLiteral("members-%1.csv").arg(m_rememberedTag)));
    QVERIFY(next(*wizard, ImportWizard::MappingPageId));
    ImportMappingPage *mapping = wizard->mappingPage();
    QCOMPARE(mapping->targetCombo(kTeamColumn)->currentData().toString(),
             QStringLiteral("groupPath"));
    QVERIFY(!mapping->table()
                 ->item(kTeamColumn, ImportMappingPage::RememberedColumn)
                 ->text()
                 .isEmpty());
    // Changed by hand, the column is no longer as remembered.
    chooseTarget(mapping->targetCombo(kTeamColumn), QString());
    QVERIFY(
        mapping->table()->item(kTeamColumn, ImportMappingPage::RememberedColumn)->text().isEmpty());
    wizard->reject();
}

void TestImportWizard::aFileTooLargeIsRefusedOnTheFirstPage()
{
    const QString path = m_dir.filePath(QStringLiteral("everyone.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(api::kImportMaxBytes + 1024 * 1024));
    file.close();

    auto wizard = openWizard();
    QVERIFY(wizard);
    wizard->setFilePath(path);
    const QString problem = wizard->filePage()->problemText();
    QVERIFY2(problem.contains(QStringLiteral("51.0 MB")) &&
                 problem.contains(QStringLiteral("50.0 MB")),
             qPrintable(problem));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());

    const QString text = m_dir.filePath(QStringLiteral("members.txt"));
    QFile other(text);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("a,b\n");
    other.close();
    wizard->setFilePath(text);
    QVERIFY(wizard->filePage()->problemText().contains(QStringLiteral(".xlsx")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
}

void TestImportWizard::cancelBeforeApplyingChangesNothing()
{
    const QString path = writeCsv(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const qint64 membersBefore = memberTotal();
    auto wizard = openWizard();
    QVERIFY(wizard);
    wizard->setFilePath(path);
    QVERIFY(next(*wizard, ImportWizard::MappingPageId));
    chooseTarget(wizard->mappingPage()->targetCombo(kTeamColumn), QStringLiteral("groupPath"));
    QVERIFY(next(*wizard, ImportWizard::PreviewPageId));
    QVERIFY(next(*wizard, ImportWizard::OptionsPageId));
    wizard->button(QWizard::CancelButton)->click();
    QVERIFY(!wizard->isVisible());
    QCOMPARE(wizard->session().state(), State::Previewed);
    QCOMPARE(memberTotal(), membersBefore);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
