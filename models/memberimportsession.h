#pragma once

#include "api/memberimport.h"
#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;
class ImportPreviewModel;

// One member import from the file on disk to the applied (and perhaps undone)
// change: the file is read off the UI thread (its size checked first), sent as
// the raw body of POST /api/v1/member-imports with progress, its column
// mapping changed (PUT .../mapping), its dry run shown (GET .../preview, the
// rows in previewModel(), which pages through the rest on demand), applied as
// chosen (POST .../apply) and undone (POST .../undo).
//
// One step at a time: a call made while another is under way is ignored
// (isBusy()). cancel() abandons the step under way and returns to the state
// before it; nothing reaches the members until apply() is answered, and an
// apply already sent cannot be cancelled (the service's transaction decides,
// so the outcome is awaited). Failures return to the state before the step
// and emit failed() or fileRefused().
class MemberImportSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberImportSession)

public:
    enum class State
    {
        NoFile,    // nothing uploaded (also after a cancelled or failed upload)
        Reading,   // the file is being read from disk
        Uploading, // its bytes are on their way (uploadProgress)
        Uploaded,  // memberImport() holds the file's columns; the mapping may change
        Mapping,   // a changed mapping is on its way
        Previewing,
        Previewed, // preview() holds the dry run's counts
        Applying,
        Applied, // outcome() holds what changed
        Undoing,
        Undone,
    };
    Q_ENUM(State)

    // Why a file was not sent.
    enum class FileProblem
    {
        TooLarge,        // over api::kImportMaxBytes
        UnsupportedType, // neither .csv nor .xlsx
        Unreadable,      // missing or not readable
        Empty,
    };
    Q_ENUM(FileProblem)

    explicit MemberImportSession(ApiClient &client, QObject *parent = nullptr);
    ~MemberImportSession() override;

    State state() const { return m_state; }
    bool isBusy() const;

    // The Content-Type the file is sent with, from its suffix; empty when
    // neither .csv nor .xlsx.
    static QByteArray contentTypeFor(const QString &fileName);

    // Reads and uploads the file; fileRefused() when it cannot be sent.
    void upload(const QString &filePath);
    // PUT .../mapping with the targets of `columns` (one per column of the
    // file, in order). The preview then has to be loaded again.
    void setMapping(const QList<api::ImportColumn> &columns);
    // The first page of the dry run; previewModel() pages through the rest.
    void loadPreview();
    void apply(const api::ImportApplyRequest &request);
    void undo();
    // Abandons the read, upload, mapping or preview under way; no effect on
    // an apply or undo already sent.
    void cancel();
    // Starts again with no file (the service forgets an import nobody applies).
    void reset();

    QString filePath() const { return m_filePath; }
    qint64 fileSize() const { return m_fileSize; } // once read
    const api::MemberImport &memberImport() const { return m_import; }
    // The dry run's counts, missing members and new groups (its first rows
    // are in previewModel()); empty until previewed and after a new mapping.
    const std::optional<api::ImportPreview> &preview() const { return m_preview; }
    const std::optional<api::ImportOutcome> &outcome() const { return m_outcome; }
    ImportPreviewModel &previewModel() const { return *m_previewModel; }

Q_SIGNALS:
    void stateChanged(engage::models::MemberImportSession::State state);
    void uploadProgress(qint64 sent, qint64 total);
    void fileRefused(engage::models::MemberImportSession::FileProblem problem);
    void uploaded();
    void mappingSaved();
    void previewLoaded();
    void applied();
    void undone();
    void failed(const engage::models::ApiError &error);

private:
    struct FileRead;

    void setState(State state);
    void onFileRead(const FileRead &read);
    QString importPath(const QString &suffix = {}) const;
    ApiReply *send(const QByteArray &method, const QString &path,
                   std::optional<QJsonObject> body = {});
    // The step's reply answered: false (and the state back to `before`,
    // failed() emitted) when it failed or was not what the contract says.
    bool answered(ApiReply *reply, State before);
    void fail(State before, const ApiError &error);
    void abortReply();

    ApiClient &m_client;
    ImportPreviewModel *m_previewModel;
    State m_state = State::NoFile;
    QString m_filePath;
    qint64 m_fileSize = 0;
    // Each read gets a number; the answer of a read that was cancelled (or
    // replaced) meanwhile is dropped.
    quint64 m_readNumber = 0;
    QPointer<ApiReply> m_reply;
    api::MemberImport m_import;
    std::optional<api::ImportPreview> m_preview;
    std::optional<api::ImportOutcome> m_outcome;
};

} // namespace engage::models
