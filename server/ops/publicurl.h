#pragma once

#include <QString>
#include <mutex>
#include <optional>

namespace engage::server::ops {

// Where respondents reach the service: the base of the links it hands out in
// e-mails and on printed sheets ("https://survey.example.com/r/<token>").
// The operator's --public-url, or else the URL the service listens on, which
// is known only once it listens (the port may be picked then): so it is set
// after the routes exist, and read by them on any thread.
class PublicUrl final
{
public:
    // "https://host[:port][/path]" with no query, fragment or user, or
    // nothing; a trailing slash is dropped.
    static std::optional<QString> normalized(const QString &url);

    void set(const QString &baseUrl);
    // Empty until set.
    QString baseUrl() const;
    // The respondent page of `token`; empty until the base is set.
    QString responseLink(const QString &token) const;

private:
    mutable std::mutex m_mutex;
    QString m_baseUrl;
};

} // namespace engage::server::ops
