// The survey definitions export against the real engage-server over TLS on
// loopback, signed in as the owner of the demo tenant "sakura-foods", with a
// pulse, a published custom survey (every kind of question, Japanese
// choices) and a custom draft (texts that look like formulas) added: the
// workbook read back by openpyxl holds the cover, a row per survey the
// service lists (both names, kind, status, delivery settings; the start day,
// creation and change as real dates) and a row per custom question in order
// (both texts, required, the choices or the scale's points in both
// languages), each sheet frozen under its header with an autofilter; as
// LibreOffice reads it too. With the service stopped, the same workbook is
// written from the offline cache, marked with when the data was read.

#include "api/respondenttexts.h"
#include "exporttestsupport.h"
#include "models/cache/offlinecache.h"
#include "models/export/exporttask.h"
#include "models/export/surveyexportsource.h"
#include "models/surveys/surveytext.h"
#include "serviceclient.h"

#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

QJsonArray rowsOf(const QJsonObject &sheet)
{
    return sheet.value(QLatin1String("rows")).toArray();
}

QJsonObject cellAt(const QJsonArray &rows, int row, int column)
{
    return rows.at(row).toArray().at(column).toObject();
}

QString textAt(const QJsonArray &rows, int row, int column)
{
    return cellAt(rows, row, column).value(QLatin1String("v")).toString();
}

QString kindAt(const QJsonArray &rows, int row, int column)
{
    return cellAt(rows, row, column).value(QLatin1String("t")).toString();
}

QStringList texts(const QJsonArray &row)
{
    QStringList values;
    for (const QJsonValue cell : row)
        values.append(cell.toObject().value(QLatin1String("v")).toVariant().toString());
    return values;
}

// A date-time cell as openpyxl gives it (naive, in the writer's local time),
// to the second.
QDateTime momentAt(const QJsonArray &rows, int row, int column)
{
    return QDateTime::fromString(textAt(rows, row, column).left(19), Qt::ISODate);
}

api::Question question(const QString &id, api::QuestionType type, const api::LocalizedText &text,
                       bool required = true, const QList<api::LocalizedText> &options = {})
{
    api::Question made;
    made.id = id;
    made.type = type;
    made.text = text;
    made.required = required;
    made.options = options;
    return made;
}

QDate tokyoToday()
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
        .date();
}

// What the "Options or scale" columns hold: a line per choice or point.
QString answers(const api::Question &question, api::Language language)
{
    if (question.type != api::QuestionType::SingleChoice &&
        question.type != api::QuestionType::MultipleChoice)
        return api::scaleLabels(question.type, language).join(u'\n');
    QStringList options;
    for (const api::LocalizedText &option : question.options)
        options.append(language == api::Language::Japanese ? option.ja : option.en);
    return options.join(u'\n');
}

} // namespace

class TestSurveyExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void holdsEverySurveyAndQuestion();
    void libreOfficeReadsTheSameCells();
    void exportsFromTheCacheWithTheServiceStopped();

private:
    api::Survey create(const api::SurveyDefinition &definition);
    // Runs an export of the surveys to `path`; empty, or why it failed. `asOf`
    // is set to when the data was read, for an export from the cache.
    QString exportSurveys(const QString &path, QDateTime *asOf = nullptr);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QTemporaryDir m_offline;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_client;
    QList<api::Survey> m_listed; // as GET /api/v1/surveys gave them, after the additions
    QJsonArray m_onlineSurveyRows;
};

void TestSurveyExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_offline.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_surveyexport ") +
                                                QUuid::createUuid().toString());
    m_client = std::make_unique<Client>(m_server, *m_store, QStringLiteral("surveyexport"));
    m_client->session.setOfflineCacheDirectory(m_offline.path());
    QVERIFY(signIn(m_client->session, demoOwner(m_server, kTenant)));
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_client->api.offlineCache() && !m_client->api.offlineCache()->isLoading();
        },
        kWaitMs));

    const QDate start = tokyoToday().addDays(10);
    api::SurveyDefinition pulse;
    pulse.kind = api::SurveyKind::Pulse;
    pulse.name = {QStringLiteral("エンゲージメント・パルス"), QStringLiteral("Engagement pulse")};
    pulse.delivery.startDate = start;
    pulse.delivery.cadenceWeeks = 2;
    QVERIFY(!create(pulse).id.isEmpty());

    api::SurveyDefinition published;
    published.kind = api::SurveyKind::Custom;
    published.name = {QStringLiteral("職場環境アンケート"), QStringLiteral("Workplace survey")};
    published.questions = {
        question(
            QStringLiteral("q1"), api::QuestionType::Agreement5,
            {QStringLiteral("仕事に誇りを持っている"), QStringLiteral("I am proud of my work")}),
        question(QStringLiteral("site"), api::QuestionType::SingleChoice,
                 {QStringLiteral("勤務地はどこですか"), QStringLiteral("Where do you work?")}, true,
                 {{QStringLiteral("東京本社"), QStringLiteral("Tokyo head office")},
                  {QStringLiteral("大阪支社"), QStringLiteral("Osaka branch")},
                  {QStringLiteral("在宅"), QStringLiteral("From home")}}),
        question(QStringLiteral("nps"), api::QuestionType::Scale11,
                 {QStringLiteral("友人に勧めますか"), QStringLiteral("Would you recommend us?")}),
        question(QStringLiteral("free"), api::QuestionType::FreeText,
                 {QStringLiteral("ご意見をどうぞ"), QStringLiteral("Any comments?")}, false),
    };
    published.delivery.startDate = start;
    published.delivery.periodDays = 5;
    published.delivery.recurrenceWeeks = 12;
    published.delivery.reminderDaysBeforeEnd = {0, 3};
    published.commentThreshold = 7;
    const api::Survey created = create(published);
    QVERIFY(!created.id.isEmpty());
    ApiRequest publish;
    publish.method = "POST";
    publish.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(created.id);
    publish.ifMatch = '"' + QByteArray::number(created.revision) + '"';
    const Outcome publishing = call(m_client->api, publish);
    QVERIFY2(publishing.ok, qPrintable(publishing.error.detail));

    api::SurveyDefinition draft;
    draft.kind = api::SurveyKind::Custom;
    draft.name = {QStringLiteral("=1+1 下書き"), QString()};
    draft.questions = {
        question(QStringLiteral("a7"), api::QuestionType::Agreement7,
                 {QStringLiteral("+81 の番号で連絡できる"), QStringLiteral("=HYPERLINK(\"x\")")}),
        question(QStringLiteral("m"), api::QuestionType::MultipleChoice,
                 {QStringLiteral("使う道具"), QStringLiteral("Tools you use")}, false,
                 {{QStringLiteral("-表計算"), QStringLiteral("@Spreadsheets")},
                  {QStringLiteral("チャット"), QStringLiteral("Chat")}}),
    };
    draft.delivery.reminderDaysBeforeEnd.clear();
    QVERIFY(!create(draft).id.isEmpty());

    const Outcome listed = get(m_client->api, QStringLiteral("/api/v1/surveys"));
    QVERIFY2(listed.ok, qPrintable(listed.error.detail));
    const auto surveys = api::surveyListFromJson(listed.json);
    QVERIFY(surveys);
    m_listed = surveys.value();
    QVERIFY(m_listed.size() >= 3);
}

void TestSurveyExport::cleanupTestCase()
{
    m_client.reset();
    // The keychain's answers to the sign-out arrive before the store goes.
    QTest::qWait(500);
}

void TestSurveyExport::cleanup()
{
    m_server.reportIfFailed();
}

api::Survey TestSurveyExport::create(const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys");
    request.body = api::toJson(definition);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_client->api, request);
    if (!created.ok) {
        qWarning() << "creating a survey failed:" << created.error.detail;
        return {};
    }
    auto survey = api::surveyFromJson(created.json);
    return survey ? survey.takeValue() : api::Survey{};
}

QString TestSurveyExport::exportSurveys(const QString &path, QDateTime *asOf)
{
    ExportTask task(std::make_unique<SurveyExportSource>(
        m_client->api, QStringLiteral("Sakura Foods"), QString()));
    QSignalSpy finished(&task, &ExportTask::finished);
    QSignalSpy failed(&task, &ExportTask::failed);
    task.start(path, ExportTask::Format::Xlsx);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return QStringLiteral("the export did not end");
    if (!failed.isEmpty())
        return failed.constFirst().constFirst().toString();
    if (asOf)
        *asOf = task.asOf();
    return finished.constFirst().constFirst().toString() == path
               ? QString()
               : QStringLiteral("finished with another file");
}

void TestSurveyExport::holdsEverySurveyAndQuestion()
{
    const QString path = m_dir.filePath(QStringLiteral("surveys.xlsx"));
    QDateTime asOf;
    const QString failure = exportSurveys(path, &asOf);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!asOf.isValid()); // read from the service

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 3); // the cover, the surveys, their questions
    const QJsonObject surveySheet = sheets.at(1).toObject();
    const QJsonObject questionSheet = sheets.at(2).toObject();
    QCOMPARE(surveySheet.value(QLatin1String("name")).toString(), QStringLiteral("Surveys"));
    QCOMPARE(questionSheet.value(QLatin1String("name")).toString(), QStringLiteral("Questions"));
    QVERIFY(texts(rowsOf(sheets.at(0).toObject()).at(0).toArray())
                .contains(QStringLiteral("Sakura Foods")));

    // A row per survey, in the service's order.
    const QJsonArray surveys = rowsOf(surveySheet);
    QCOMPARE(texts(surveys.at(0).toArray()),
             (QStringList{QStringLiteral("ID"), QStringLiteral("Name (Japanese)"),
                          QStringLiteral("Name (English)"), QStringLiteral("Kind"),
                          QStringLiteral("Status"), QStringLiteral("Start date"),
                          QStringLiteral("Start time"), QStringLiteral("Time zone"),
                          QStringLiteral("Response period (days)"), QStringLiteral("Repeats"),
                          QStringLiteral("Reminders (days before the end)"),
                          QStringLiteral("Reminder time"), QStringLiteral("Comment threshold"),
                          QStringLiteral("Revision"), QStringLiteral("Created"),
                          QStringLiteral("Updated"), QStringLiteral("Next delivery")}));
    QCOMPARE(surveys.size(), m_listed.size() + 1);
    bool scheduled = false;
    for (int i = 0; i < m_listed.size(); ++i) {
        const api::Survey &survey = m_listed.at(i);
        const api::DeliverySettings &delivery = survey.definition.delivery;
        const int row = i + 1;
        QCOMPARE(textAt(surveys, row, 0), survey.id);
        QCOMPARE(textAt(surveys, row, 1), survey.definition.name.ja);
        QCOMPARE(textAt(surveys, row, 2), survey.definition.name.en);
        QCOMPARE(kindAt(surveys, row, 1), QStringLiteral("s"));
        QCOMPARE(textAt(surveys, row, 3), SurveyText::kindText(survey.definition.kind));
        QCOMPARE(textAt(surveys, row, 4), SurveyText::statusText(survey.status));
        if (delivery.startDate.isValid()) {
            QCOMPARE(kindAt(surveys, row, 5), QStringLiteral("d"));
            QCOMPARE(cellAt(surveys, row, 5).value(QLatin1String("fmt")).toString(),
                     QStringLiteral("yyyy-mm-dd"));
            QCOMPARE(QDate::fromString(textAt(surveys, row, 5).left(10), Qt::ISODate),
                     delivery.startDate);
        } else {
            QCOMPARE(kindAt(surveys, row, 5), QStringLiteral("e"));
        }
        QCOMPARE(textAt(surveys, row, 7), delivery.timeZone);
        QCOMPARE(kindAt(surveys, row, 8), QStringLiteral("n"));
        QCOMPARE(cellAt(surveys, row, 8).value(QLatin1String("v")).toInt(), delivery.periodDays);
        QCOMPARE(textAt(surveys, row, 9),
                 SurveyText::recurrenceText(survey.definition.kind, delivery));
        QCOMPARE(cellAt(surveys, row, 12).value(QLatin1String("v")).toInt(),
                 survey.definition.commentThreshold);
        QCOMPARE(cellAt(surveys, row, 13).value(QLatin1String("v")).toInteger(), survey.revision);
        for (const int column : {14, 15}) {
            QCOMPARE(kindAt(surveys, row, column), QStringLiteral("d"));
            QCOMPARE(cellAt(surveys, row, column).value(QLatin1String("fmt")).toString(),
                     QStringLiteral("yyyy-mm-dd hh:mm"));
        }
        QVERIFY(qAbs(momentAt(surveys, row, 14).msecsTo(survey.createdAt)) < 1000);
        QVERIFY(qAbs(momentAt(surveys, row, 15).msecsTo(survey.updatedAt)) < 1000);
        if (survey.nextDelivery) {
            QVERIFY(qAbs(momentAt(surveys, row, 16).msecsTo(*survey.nextDelivery)) < 1000);
            scheduled = true;
        } else {
            QCOMPARE(kindAt(surveys, row, 16), QStringLiteral("e"));
        }
        if (survey.definition.name.en == QLatin1String("Workplace survey")) {
            QCOMPARE(survey.status, api::SurveyStatus::Scheduled);
            QCOMPARE(textAt(surveys, row, 10), QStringLiteral("3, 0"));
            QCOMPARE(textAt(surveys, row, 11), QStringLiteral("10:00"));
            QCOMPARE(textAt(surveys, row, 6), QStringLiteral("09:00"));
        }
    }
    QVERIFY2(scheduled, "the published survey has its next delivery");

    // A row per custom question, survey by survey, in order.
    const QJsonArray questions = rowsOf(questionSheet);
    QCOMPARE(texts(questions.at(0).toArray()),
             (QStringList{QStringLiteral("Survey ID"), QStringLiteral("Survey"),
                          QStringLiteral("Position"), QStringLiteral("Question ID"),
                          QStringLiteral("Type"), QStringLiteral("Text (Japanese)"),
                          QStringLiteral("Text (English)"), QStringLiteral("Required"),
                          QStringLiteral("Options or scale (Japanese)"),
                          QStringLiteral("Options or scale (English)")}));
    int row = 1;
    int custom = 0;
    for (const api::Survey &survey : std::as_const(m_listed)) {
        if (survey.definition.kind == api::SurveyKind::Pulse) {
            QVERIFY(survey.definition.questions.isEmpty());
            continue;
        }
        ++custom;
        for (int position = 1; position <= survey.definition.questions.size(); ++position, ++row) {
            const api::Question &question = survey.definition.questions.at(position - 1);
            QCOMPARE(textAt(questions, row, 0), survey.id);
            QCOMPARE(textAt(questions, row, 1), SurveyText::surveyName(survey.definition.name));
            QCOMPARE(kindAt(questions, row, 2), QStringLiteral("n"));
            QCOMPARE(cellAt(questions, row, 2).value(QLatin1String("v")).toInt(), position);
            QCOMPARE(textAt(questions, row, 3), question.id);
            QCOMPARE(textAt(questions, row, 4), SurveyText::questionTypeText(question.type));
            QCOMPARE(textAt(questions, row, 5), question.text.ja);
            QCOMPARE(textAt(questions, row, 6), question.text.en);
            QCOMPARE(textAt(questions, row, 7),
                     question.required ? QStringLiteral("Yes") : QStringLiteral("No"));
            QCOMPARE(textAt(questions, row, 8), answers(question, api::Language::Japanese));
            QCOMPARE(textAt(questions, row, 9), answers(question, api::Language::English));
            for (const int column : {5, 6, 8, 9}) {
                if (!textAt(questions, row, column).isEmpty())
                    QCOMPARE(kindAt(questions, row, column), QStringLiteral("s"));
            }
        }
    }
    QCOMPARE(custom, 2);
    QCOMPARE(questions.size(), row);
    QCOMPARE(row, 1 + 4 + 2);
    // Japanese survives, and text that looks like a formula stays text.
    bool choices = false;
    bool formulaLike = false;
    for (int at = 1; at < questions.size(); ++at) {
        choices =
            choices || (textAt(questions, at, 5) == QStringLiteral("勤務地はどこですか") &&
                        textAt(questions, at, 8) == QStringLiteral("東京本社\n大阪支社\n在宅"));
        formulaLike =
            formulaLike || (textAt(questions, at, 6) == QStringLiteral("=HYPERLINK(\"x\")") &&
                            kindAt(questions, at, 6) == QLatin1String("s"));
    }
    QVERIFY(choices);
    QVERIFY(formulaLike);

    for (const QJsonObject &sheet : {surveySheet, questionSheet}) {
        QCOMPARE(sheet.value(QLatin1String("freeze")).toString(), QStringLiteral("A2"));
    }
    QCOMPARE(surveySheet.value(QLatin1String("autofilter")).toString(),
             QStringLiteral("A1:Q%1").arg(surveys.size()));
    QCOMPARE(questionSheet.value(QLatin1String("autofilter")).toString(),
             QStringLiteral("A1:J%1").arg(questions.size()));
    m_onlineSurveyRows = surveys;
}

void TestSurveyExport::libreOfficeReadsTheSameCells()
{
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty())
        QSKIP("soffice (Debian libreoffice-calc-nogui) is not installed: LibreOffice is not "
              "tested");
    const QString path = m_dir.filePath(QStringLiteral("libreoffice.xlsx"));
    const QString failure = exportSurveys(path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();

    // Every sheet to a CSV file of its own ("libreoffice-Surveys.csv"), in
    // UTF-8, cells as shown (the dates in their number format).
    const QString profile =
        QStringLiteral("-env:UserInstallation=file://") + m_dir.filePath(QStringLiteral("lo"));
    const QString csvDir = m_dir.filePath(QStringLiteral("csv"));
    const auto converted = runTool(
        soffice,
        {QStringLiteral("--headless"), profile, QStringLiteral("--convert-to"),
         QStringLiteral("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
                        "false,-1"),
         QStringLiteral("--outdir"), csvDir, path},
        {}, 180000);
    QVERIFY2(converted.succeeded(), qPrintable(converted.describe()));

    for (int sheet = 1; sheet < sheets.size(); ++sheet) {
        const QJsonObject read = sheets.at(sheet).toObject();
        const QString name = read.value(QLatin1String("name")).toString();
        QFile file(QStringLiteral("%1/libreoffice-%2.csv").arg(csvDir, name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
        const QJsonArray rows = rowsOf(read);
        QCOMPARE(records.size(), rows.size());
        for (int row = 0; row < rows.size(); ++row) {
            const QJsonArray cells = rows.at(row).toArray();
            for (int column = 0; column < cells.size(); ++column) {
                const QJsonObject cell = cells.at(column).toObject();
                const QString kind = cell.value(QLatin1String("t")).toString();
                const QString shown = records.at(row).value(column);
                QString expected = cell.value(QLatin1String("v")).toVariant().toString();
                // A date-time as shown to the minute (which LibreOffice may round).
                if (kind == QLatin1String("d") &&
                    cell.value(QLatin1String("fmt")).toString() != QLatin1String("yyyy-mm-dd")) {
                    const QDateTime value = momentAt(rows, row, column);
                    const QDateTime inCsv =
                        QDateTime::fromString(shown, QStringLiteral("yyyy-MM-dd HH:mm"));
                    QVERIFY2(
                        inCsv.isValid() && qAbs(value.secsTo(inCsv)) <= 60,
                        qPrintable(
                            QStringLiteral("%1 row %2: %3").arg(name).arg(row + 1).arg(shown)));
                    continue;
                }
                if (kind == QLatin1String("d"))
                    expected = expected.left(10);
                QVERIFY2(shown == expected,
                         qPrintable(QStringLiteral("%1 row %2 column %3: %4, not %5")
                                        .arg(name)
                                        .arg(row + 1)
                                        .arg(column + 1)
                                        .arg(shown, expected)));
            }
        }
    }
}

void TestSurveyExport::exportsFromTheCacheWithTheServiceStopped()
{
    QVERIFY2(!m_onlineSurveyRows.isEmpty(), "the online export ran first");
    const QDateTime stopped = QDateTime::currentDateTimeUtc();
    m_server.terminate();
    QVERIFY(m_server.waitForExit(kWaitMs));
    const QString path = m_dir.filePath(QStringLiteral("offline.xlsx"));
    QDateTime asOf;
    const QString failure = exportSurveys(path, &asOf);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(asOf.isValid());
    QVERIFY(asOf <= stopped);

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 3);
    QCOMPARE(rowsOf(sheets.at(1).toObject()), m_onlineSurveyRows);
    // The cover says as of when: a date-time beside its label.
    bool marked = false;
    for (const QJsonValue line : rowsOf(sheets.at(0).toObject())) {
        const QJsonArray cells = line.toArray();
        marked = marked || (texts(cells).value(0) == QLatin1String("Data as of") &&
                            cells.at(1).toObject().value(QLatin1String("t")).toString() ==
                                QLatin1String("d"));
    }
    QVERIFY(marked);
}

QTEST_MAIN(TestSurveyExport)
#include "tst_surveyexport.moc"
