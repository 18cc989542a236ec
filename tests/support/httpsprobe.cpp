#include "httpsprobe.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>
#include <memory>

namespace engage::test {

namespace {

struct ReplyDeleter
{
    void operator()(QNetworkReply *reply) const { reply->deleteLater(); }
};
using ReplyPointer = std::unique_ptr<QNetworkReply, ReplyDeleter>;

} // namespace

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    return !headerValues(name).isEmpty();
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    const QByteArrayList values = headerValues(name);
    return values.isEmpty() ? QByteArray() : values.first();
}

QByteArrayList HttpResponse::headerValues(QByteArrayView name) const
{
    QByteArrayList values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values << value;
    }
    return values;
}

QJsonObject HttpResponse::json(bool *ok) const
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();
    if (ok)
        *ok = isObject;
    return isObject ? document.object() : QJsonObject();
}

QString HttpResponse::describe() const
{
    QString text = QStringLiteral("status=%1 error=%2 (%3) timedOut=%4 elapsed=%5ms\n")
                       .arg(status)
                       .arg(static_cast<int>(error))
                       .arg(errorString)
                       .arg(timedOut)
                       .arg(elapsedMs);
    for (const QSslError &sslError : sslErrors)
        text += QStringLiteral("tls error: %1\n").arg(sslError.errorString());
    for (const auto &[key, value] : headers)
        text +=
            QString::fromLatin1(key) + QStringLiteral(": ") + QString::fromLatin1(value) + u'\n';
    text += QString::fromUtf8(body.left(2000));
    return text;
}

QSslCertificate loadCertificate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QSslCertificate();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll());
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

QSslConfiguration pinnedConfiguration(const QString &certificatePath)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const QSslCertificate certificate = loadCertificate(certificatePath);
    configuration.setCaCertificates(certificate.isNull() ? QList<QSslCertificate>()
                                                         : QList<QSslCertificate>{certificate});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::SecureProtocols);
    return configuration;
}

HttpsProbe::HttpsProbe(const QString &certificatePath, const QUrl &baseUrl)
    : m_baseUrl(baseUrl)
    , m_ssl(pinnedConfiguration(certificatePath))
{}

QNetworkRequest HttpsProbe::request(const QString &path, const HeaderList &headers) const
{
    QUrl url = m_baseUrl;
    // "path?query": the query as written (already percent-encoded by the caller).
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

HttpResponse HttpsProbe::get(const QString &path, const HeaderList &headers, int timeoutMs)
{
    return waitFor(m_manager.get(request(path, headers)), timeoutMs);
}

HttpResponse HttpsProbe::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                              const HeaderList &headers, int timeoutMs)
{
    return waitFor(m_manager.sendCustomRequest(request(path, headers), verb, body), timeoutMs);
}

HttpResponse HttpsProbe::send(const QByteArray &verb, const QString &path, QIODevice *body,
                              const HeaderList &headers, int timeoutMs)
{
    return waitFor(m_manager.sendCustomRequest(request(path, headers), verb, body), timeoutMs);
}

HttpResponse HttpsProbe::waitFor(QNetworkReply *rawReply, int timeoutMs)
{
    // The request starts with the reply, just before this call: the time from
    // here is the time the exchange took.
    QElapsedTimer elapsed;
    elapsed.start();
    const ReplyPointer reply(rawReply);
    QList<QSslError> sslErrors;
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&sslErrors](const QList<QSslError> &errors) { sslErrors += errors; });
    bool timedOut = false;
    if (!reply->isFinished()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            reply->abort();
            loop.quit();
        });
        timer.start(timeoutMs);
        loop.exec();
    }
    HttpResponse response = collect(reply.get());
    response.timedOut = timedOut;
    response.sslErrors = sslErrors;
    response.elapsedMs = elapsed.elapsed();
    return response;
}

HttpResponse HttpsProbe::collect(QNetworkReply *reply)
{
    HttpResponse response;
    response.error = reply->error();
    response.errorString = reply->errorString();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    return response;
}

} // namespace engage::test
