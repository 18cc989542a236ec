#include "memberimportsession.h"

#include "apiclient.h"
#include "apireply.h"
#include "importpreviewmodel.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcImport, "engage.import")

using namespace std::chrono_literals;

const QString kImportsPath = QStringLiteral("/api/v1/member-imports");

// The service parses the file, or works out the dry run, or applies it in one
// transaction, before it answers: tens of seconds for the largest files.
constexpr std::chrono::milliseconds kSlowCallTimeout = 120s;

} // namespace

// What the reading thread hands back.
struct MemberImportSession::FileRead
{
    quint64 number = 0;
    qint64 size = 0;
    std::optional<FileProblem> problem;
    QByteArray bytes;
};

MemberImportSession::MemberImportSession(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_previewModel(new ImportPreviewModel(client, this))
{}

MemberImportSession::~MemberImportSession()
{
    // A read still running finishes into a watcher that is gone: its result
    // is dropped with the future.
    abortReply();
}

bool MemberImportSession::isBusy() const
{
    switch (m_state) {
    case State::Reading:
    case State::Uploading:
    case State::Mapping:
    case State::Previewing:
    case State::Applying:
    case State::Undoing:
        return true;
    case State::NoFile:
    case State::Uploaded:
    case State::Previewed:
    case State::Applied:
    case State::Undone:
        return false;
    }
    return false;
}

QByteArray MemberImportSession::contentTypeFor(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return "text/csv";
    if (suffix == QLatin1String("xlsx"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return {};
}

void MemberImportSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

// ---- the file ----------------------------------------------------------------

void MemberImportSession::upload(const QString &filePath)
{
    if (isBusy())
        return;
    reset();
    m_filePath = filePath;
    if (contentTypeFor(filePath).isEmpty()) {
        Q_EMIT fileRefused(FileProblem::UnsupportedType);
        return;
    }
    const quint64 number = ++m_readNumber;
    setState(State::Reading);
    // A file on a network share can take seconds to open, let alone read.
    auto *watcher = new QFutureWatcher<FileRead>(this);
    connect(watcher, &QFutureWatcher<FileRead>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onFileRead(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([filePath, number] {
        FileRead read;
        read.number = number;
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            read.problem = FileProblem::Unreadable;
            return read;
        }
        // Before reading: a file too large is refused without loading it.
        read.size = file.size();
        if (read.size > api::kImportMaxBytes)
            read.problem = FileProblem::TooLarge;
        else if (read.size == 0)
            read.problem = FileProblem::Empty;
        else
            read.bytes = file.readAll();
        if (!read.problem && read.bytes.size() != read.size)
            read.problem = FileProblem::Unreadable;
        return read;
    }));
}

void MemberImportSession::onFileRead(const FileRead &read)
{
    if (read.number != m_readNumber || m_state != State::Reading)
        return; // cancelled, or replaced by another file
    m_fileSize = read.size;
    if (read.problem) {
        setState(State::NoFile);
        Q_EMIT fileRefused(*read.problem);
        return;
    }
    const QString name = QFileInfo(m_filePath).fileName();
    ApiRequest request;
    request.method = "POST";
    request.path = kImportsPath + QStringLiteral("?name=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(name));
    request.rawBody = read.bytes;
    request.contentType = contentTypeFor(name);
    request.timeout = kSlowCallTimeout;
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    setState(State::Uploading);
    connect(reply, &ApiReply::uploadProgress, this, &MemberImportSession::uploadProgress);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!answered(reply, State::NoFile))
            return;
        auto memberImport = api::memberImportFromJson(reply->json().object());
        if (!memberImport) {
            fail(State::NoFile, reply->unreadable(memberImport.error().detail));
            return;
        }
        m_import = memberImport.takeValue();
        qCInfo(lcImport) << "uploaded import" << m_import.id << m_import.rowCount << "rows";
        setState(State::Uploaded);
        Q_EMIT uploaded();
    });
}

// ---- the steps on the service ------------------------------------------------------

QString MemberImportSession::importPath(const QString &suffix) const
{
    return kImportsPath + u'/' + m_import.id + suffix;
}

ApiReply *MemberImportSession::send(const QByteArray &method, const QString &path,
                                    std::optional<QJsonObject> body)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = std::move(body);
    request.timeout = kSlowCallTimeout;
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    return reply;
}

bool MemberImportSession::answered(ApiReply *reply, State before)
{
    if (reply != m_reply)
        return false; // cancelled meanwhile
    m_reply.clear();
    if (!reply->isOk()) {
        fail(before, reply->error());
        return false;
    }
    return true;
}

void MemberImportSession::fail(State before, const ApiError &error)
{
    setState(before);
    if (error.kind == ApiError::Kind::BadResponse)
        qCWarning(lcImport) << "unreadable answer, request" << error.requestId;
    Q_EMIT failed(error);
}

void MemberImportSession::setMapping(const QList<api::ImportColumn> &columns)
{
    if (m_state != State::Uploaded && m_state != State::Previewed)
        return;
    // Whatever was previewed is stale once the columns go elsewhere.
    m_preview.reset();
    m_previewModel->clear();
    setState(State::Mapping);
    ApiReply *reply = send("PUT", importPath(QStringLiteral("/mapping")),
                           api::toJson(api::ImportMapping{columns}));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!answered(reply, State::Uploaded))
            return;
        auto memberImport = api::memberImportFromJson(reply->json().object());
        if (!memberImport) {
            fail(State::Uploaded, reply->unreadable(memberImport.error().detail));
            return;
        }
        m_import = memberImport.takeValue();
        setState(State::Uploaded);
        Q_EMIT mappingSaved();
    });
}

void MemberImportSession::loadPreview()
{
    if (m_state != State::Uploaded && m_state != State::Previewed)
        return;
    const State before = m_state;
    setState(State::Previewing);
    ApiReply *reply = send(
        "GET",
        importPath(QStringLiteral("/preview?offset=0&limit=%1").arg(m_previewModel->pageSize())));
    connect(reply, &ApiReply::finished, this, [this, reply, before] {
        if (!answered(reply, before))
            return;
        auto preview = api::importPreviewFromJson(reply->json().object());
        if (!preview) {
            fail(before, reply->unreadable(preview.error().detail));
            return;
        }
        m_previewModel->reset(m_import.id, preview.value());
        // The rows live in the model; the counts, missing members and new groups here.
        preview.value().rows.clear();
        m_preview = preview.takeValue();
        setState(State::Previewed);
        Q_EMIT previewLoaded();
    });
}

void MemberImportSession::apply(const api::ImportApplyRequest &request)
{
    if (m_state != State::Previewed)
        return;
    setState(State::Applying);
    // No Idempotency-Key and so no blind retry: the service refuses a second
    // apply of the same import anyway, and a lost answer is better reported
    // than guessed at.
    ApiReply *reply = send("POST", importPath(QStringLiteral("/apply")), api::toJson(request));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!answered(reply, State::Previewed))
            return;
        auto outcome = api::importOutcomeFromJson(reply->json().object());
        if (!outcome) {
            // It was applied, but what it did cannot be read.
            m_outcome.reset();
            m_import.status = api::ImportStatus::Applied;
            setState(State::Applied);
            Q_EMIT failed(reply->unreadable(outcome.error().detail));
            return;
        }
        m_outcome = outcome.takeValue();
        m_import.status = api::ImportStatus::Applied;
        qCInfo(lcImport) << "applied import" << m_import.id;
        setState(State::Applied);
        Q_EMIT applied();
    });
}

void MemberImportSession::undo()
{
    if (m_state != State::Applied)
        return;
    setState(State::Undoing);
    ApiReply *reply = send("POST", importPath(QStringLiteral("/undo")), QJsonObject());
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!answered(reply, State::Applied))
            return;
        auto outcome = api::importOutcomeFromJson(reply->json().object());
        m_import.status = api::ImportStatus::Undone;
        if (!outcome) {
            setState(State::Undone);
            Q_EMIT failed(reply->unreadable(outcome.error().detail));
            return;
        }
        m_outcome = outcome.takeValue();
        qCInfo(lcImport) << "undid import" << m_import.id;
        setState(State::Undone);
        Q_EMIT undone();
    });
}

void MemberImportSession::cancel()
{
    switch (m_state) {
    case State::Reading:
        ++m_readNumber; // its answer is dropped
        setState(State::NoFile);
        return;
    case State::Uploading:
        abortReply();
        setState(State::NoFile);
        return;
    case State::Mapping:
        abortReply();
        setState(State::Uploaded);
        return;
    case State::Previewing:
        abortReply();
        setState(m_preview ? State::Previewed : State::Uploaded);
        return;
    case State::Applying:
    case State::Undoing:
        // Sent: only the service's answer can say what happened.
        return;
    case State::NoFile:
    case State::Uploaded:
    case State::Previewed:
    case State::Applied:
    case State::Undone:
        return;
    }
}

void MemberImportSession::abortReply()
{
    // Cleared first: the abort answers at once, and that answer is no longer awaited.
    if (QPointer<ApiReply> reply = std::exchange(m_reply, nullptr))
        reply->abort();
}

void MemberImportSession::reset()
{
    if (m_state == State::Applying || m_state == State::Undoing)
        return;
    cancel();
    m_filePath.clear();
    m_fileSize = 0;
    m_import = {};
    m_preview.reset();
    m_outcome.reset();
    m_previewModel->clear();
    setState(State::NoFile);
}

} // namespace engage::models
