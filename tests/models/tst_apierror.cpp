// ApiError: a sentence of our own, through our translations, for every problem
// code, every kind and every QtKeychain error; which errors the page survives.

#include "api/problemcode.h"
#include "models/apierror.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <qt6keychain/keychain.h>

using engage::api::ProblemCode;
using engage::models::ApiError;
using Kind = ApiError::Kind;

Q_DECLARE_METATYPE(ApiError)

namespace {

ApiError problem(ProblemCode code)
{
    ApiError error;
    error.kind = Kind::Problem;
    error.code = code;
    error.httpStatus = engage::api::problemHttpStatus(code);
    return error;
}

ApiError ofKind(Kind kind)
{
    ApiError error;
    error.kind = kind;
    return error;
}

ApiError keychain(QKeychain::Error code)
{
    ApiError error;
    error.kind = Kind::Keychain;
    error.keychainCode = code;
    return error;
}

// Every kind by name; Problem without a code stands for an answer with a code
// this client does not know.
const QList<QPair<const char *, Kind>> &kinds()
{
    static const QList<QPair<const char *, Kind>> all = {
        {"Problem", Kind::Problem},         {"Network", Kind::Network},
        {"Timeout", Kind::Timeout},         {"UntrustedCertificate", Kind::UntrustedCertificate},
        {"PinMismatch", Kind::PinMismatch}, {"TlsFailure", Kind::TlsFailure},
        {"BadResponse", Kind::BadResponse}, {"Keychain", Kind::Keychain},
        {"Cancelled", Kind::Cancelled},
    };
    return all;
}

const QList<QPair<const char *, QKeychain::Error>> &keychainErrors()
{
    static const QList<QPair<const char *, QKeychain::Error>> all = {
        {"NoBackendAvailable", QKeychain::NoBackendAvailable},
        {"AccessDenied", QKeychain::AccessDenied},
        {"AccessDeniedByUser", QKeychain::AccessDeniedByUser},
        {"CouldNotDeleteEntry", QKeychain::CouldNotDeleteEntry},
        {"NotImplemented", QKeychain::NotImplemented},
        {"OtherError", QKeychain::OtherError},
        {"EntryNotFound", QKeychain::EntryNotFound},
    };
    return all;
}

// Marks every text of ApiError's context, to see that message() asks the
// installed translators and under which context.
class MarkingTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "engage::models::ApiError") != 0)
            return {};
        return QStringLiteral("[translated] ") + QString::fromUtf8(sourceText);
    }
};

} // namespace

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorHasItsOwnSentence_data();
    void everyErrorHasItsOwnSentence();
    void sentencesDiffer();
    void messageGoesThroughTheTranslators();
    void recoverable_data();
    void recoverable();
    void unauthenticated_data();
    void unauthenticated();
};

void TestApiError::everyErrorHasItsOwnSentence_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QString>("name");
    for (const QString &name : engage::api::problemCodeNames()) {
        const std::optional<ProblemCode> code = engage::api::problemCodeFromName(name);
        QVERIFY(code);
        QTest::addRow("problem %s", qPrintable(name)) << problem(*code) << name;
    }
    for (const auto &[name, kind] : kinds())
        QTest::addRow("kind %s", name) << ofKind(kind) << QString::fromLatin1(name);
    for (const auto &[name, code] : keychainErrors())
        QTest::addRow("keychain %s", name) << keychain(code) << QString::fromLatin1(name);
}

void TestApiError::everyErrorHasItsOwnSentence()
{
    QFETCH(ApiError, error);
    QFETCH(QString, name);
    const QString message = error.message();
    QVERIFY(!message.trimmed().isEmpty());
    QVERIFY2(message.compare(name, Qt::CaseInsensitive) != 0, qPrintable(message));
    QVERIFY2(message.size() > 15, qPrintable(message));
    if (error.code) {
        // Never the service's English title, which no translation covers.
        QVERIFY2(message != engage::api::problemDefaultTitle(*error.code), qPrintable(message));
    }
}

// A sentence copied onto a second code would tell the user the wrong thing.
void TestApiError::sentencesDiffer()
{
    QHash<QString, QString> seen;
    auto check = [&seen](const ApiError &error, const QString &name) {
        const QString message = error.message();
        QVERIFY2(
            !seen.contains(message),
            qPrintable(
                QStringLiteral("%1 and %2 say \"%3\"").arg(seen.value(message), name, message)));
        seen.insert(message, name);
    };
    for (const QString &name : engage::api::problemCodeNames())
        check(problem(*engage::api::problemCodeFromName(name)), name);
    for (const auto &[name, kind] : kinds()) {
        // Kind::Keychain speaks through its codes, checked below.
        if (kind != Kind::Keychain)
            check(ofKind(kind), QString::fromLatin1(name));
    }
    for (const auto &[name, code] : keychainErrors())
        check(keychain(code), QString::fromLatin1(name));
}

void TestApiError::messageGoesThroughTheTranslators()
{
    const ApiError error = problem(ProblemCode::PreconditionFailed);
    const QString english = error.message();
    QVERIFY(english.contains(QLatin1String("Someone else changed")));

    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = error.message();
    const QString keychainTranslated = keychain(QKeychain::NoBackendAvailable).message();
    QCoreApplication::removeTranslator(&translator);

    QCOMPARE(translated, QStringLiteral("[translated] ") + english);
    QVERIFY(keychainTranslated.startsWith(QLatin1String("[translated] ")));
    QCOMPARE(error.message(), english);
}

void TestApiError::recoverable_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("recoverable");
    QTest::newRow("invalid field") << problem(ProblemCode::InvalidField) << true;
    QTest::newRow("missing field") << problem(ProblemCode::MissingField) << true;
    QTest::newRow("conflict") << problem(ProblemCode::Conflict) << true;
    QTest::newRow("precondition failed") << problem(ProblemCode::PreconditionFailed) << true;
    QTest::newRow("precondition required") << problem(ProblemCode::PreconditionRequired) << true;
    QTest::newRow("not found") << problem(ProblemCode::NotFound) << true;
    QTest::newRow("too many requests") << problem(ProblemCode::TooManyRequests) << true;
    QTest::newRow("network") << ofKind(Kind::Network) << true;
    QTest::newRow("timeout") << ofKind(Kind::Timeout) << true;
    QTest::newRow("pin mismatch") << ofKind(Kind::PinMismatch) << false;
    QTest::newRow("untrusted certificate") << ofKind(Kind::UntrustedCertificate) << false;
    QTest::newRow("tls failure") << ofKind(Kind::TlsFailure) << false;
    QTest::newRow("internal") << problem(ProblemCode::Internal) << false;
    QTest::newRow("unauthenticated") << problem(ProblemCode::Unauthenticated) << false;
    QTest::newRow("password change required")
        << problem(ProblemCode::PasswordChangeRequired) << false;
    QTest::newRow("bad response") << ofKind(Kind::BadResponse) << false;
}

void TestApiError::recoverable()
{
    QFETCH(ApiError, error);
    QFETCH(bool, recoverable);
    QCOMPARE(error.isRecoverable(), recoverable);
}

void TestApiError::unauthenticated_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("unauthenticated");
    QTest::newRow("unauthenticated problem") << problem(ProblemCode::Unauthenticated) << true;
    ApiError unreadable401 = ofKind(Kind::Problem);
    unreadable401.httpStatus = 401;
    QTest::newRow("401 without a code") << unreadable401 << true;
    QTest::newRow("forbidden") << problem(ProblemCode::Forbidden) << false;
    QTest::newRow("password change required")
        << problem(ProblemCode::PasswordChangeRequired) << false;
    QTest::newRow("network") << ofKind(Kind::Network) << false;
}

void TestApiError::unauthenticated()
{
    QFETCH(ApiError, error);
    QFETCH(bool, unauthenticated);
    QCOMPARE(error.isUnauthenticated(), unauthenticated);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
