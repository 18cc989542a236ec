#include "auth/signinthrottle.h"

#include <QTest>

using engage::server::auth::SignInThrottle;
using namespace std::chrono_literals;

class TestSignInThrottle final : public QObject
{
    Q_OBJECT

private:
    const SignInThrottle::Clock::time_point m_start = SignInThrottle::Clock::now();
    const QString m_account = QStringLiteral("sakura-foods\nhr@example.jp");
    const QString m_address = QStringLiteral("203.0.113.7");

    static qint64 seconds(std::chrono::seconds value) { return value.count(); }

private Q_SLOTS:
    void freeFailuresThenDoubling()
    {
        SignInThrottle throttle;
        auto now = m_start;
        for (int i = 0; i < 4; ++i) {
            throttle.recordFailure(m_account, m_address, now);
            QCOMPARE(seconds(throttle.retryAfter(m_account, m_address, now)), 0);
        }
        const qint64 expected[] = {1, 2, 4, 8, 16};
        for (const qint64 wait : expected) {
            throttle.recordFailure(m_account, m_address, now);
            QCOMPARE(seconds(throttle.retryAfter(m_account, m_address, now)), wait);
            now += std::chrono::seconds(wait);
            QCOMPARE(seconds(throttle.retryAfter(m_account, m_address, now)), 0);
        }
    }

    void waitNeverExceedsTheCeiling()
    {
        SignInThrottle throttle;
        for (int i = 0; i < 60; ++i)
            throttle.recordFailure(m_account, m_address, m_start);
        QCOMPARE(seconds(throttle.retryAfter(m_account, m_address, m_start)), 15 * 60);
    }

    void successClearsTheAccountButNotTheAddress()
    {
        SignInThrottle::Policy policy;
        policy.freeAddressFailures = 5;
        SignInThrottle throttle(policy);
        for (int i = 0; i < 6; ++i)
            throttle.recordFailure(m_account, m_address, m_start);
        throttle.recordSuccess(m_account);
        QCOMPARE(seconds(throttle.retryAfter(m_account, QStringLiteral("198.51.100.1"), m_start)),
                 0);
        QVERIFY(throttle.retryAfter(m_account, m_address, m_start) > 0s);
    }

    void oneAddressGuessingManyAccountsIsSlowed()
    {
        SignInThrottle throttle;
        for (int i = 0; i < 25; ++i)
            throttle.recordFailure(QStringLiteral("t\nuser%1@example.com").arg(i), m_address,
                                   m_start);
        const QString fresh = QStringLiteral("t\nsomeone-else@example.com");
        QCOMPARE(seconds(throttle.retryAfter(fresh, m_address, m_start)), 32);
        QCOMPARE(seconds(throttle.retryAfter(fresh, QStringLiteral("192.0.2.1"), m_start)), 0);
    }

    void failuresAreForgottenAfterAQuietWhile()
    {
        // Within the quiet period the count is remembered (the 32 s wait of
        // ten failures has long passed, but the eleventh doubles it)...
        SignInThrottle remembered;
        for (int i = 0; i < 10; ++i)
            remembered.recordFailure(m_account, m_address, m_start);
        QCOMPARE(seconds(remembered.retryAfter(m_account, m_address, m_start + 14min)), 0);
        remembered.recordFailure(m_account, m_address, m_start + 14min);
        QCOMPARE(seconds(remembered.retryAfter(m_account, m_address, m_start + 14min)), 64);

        // ...after it, forgotten: the count starts again from zero.
        SignInThrottle forgotten;
        for (int i = 0; i < 10; ++i)
            forgotten.recordFailure(m_account, m_address, m_start);
        QCOMPARE(seconds(forgotten.retryAfter(m_account, m_address, m_start + 15min)), 0);
        forgotten.recordFailure(m_account, m_address, m_start + 16min);
        QCOMPARE(seconds(forgotten.retryAfter(m_account, m_address, m_start + 16min)), 0);
    }
};

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "tst_signinthrottle.moc"
