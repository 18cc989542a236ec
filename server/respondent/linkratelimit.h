#pragma once

#include <QHash>
#include <QString>
#include <QtGlobal>
#include <chrono>
#include <mutex>

namespace engage::server::respondent {

// How often one response link may write (save a draft, submit): a token
// bucket per link, so that someone holding a link cannot keep the group
// committer busy with it. A link may write `burst` times at once, then once
// every `interval`; the bucket refills at that pace while the link is quiet.
// Only links that resolved and asked for a write are counted, so unknown
// tokens take no room.
//
// The defaults never stop a person: the page's script saves at most once
// every 600 ms while someone types, and one question at a time is a post per
// question. Kept in memory per process, by a hash of the link (never the
// token itself), at most `maxLinks` of them: when it is full the links whose
// buckets have refilled go (they hold nothing a new bucket would not), and
// if that frees nothing a new link goes uncounted rather than someone else's
// count being lost.
class LinkRateLimit final
{
    Q_DISABLE_COPY_MOVE(LinkRateLimit)
public:
    using Clock = std::chrono::steady_clock;

    struct Policy
    {
        int burst = 10;
        std::chrono::milliseconds interval{500};
        int maxLinks = 65536;
    };

    LinkRateLimit() = default;
    explicit LinkRateLimit(Policy policy);

    // One write of `token`'s link at `now`: zero when it may write, else how
    // long until it may (whole seconds, at least one), and then it is not
    // counted. Thread-safe.
    std::chrono::seconds take(const QString &token, Clock::time_point now);

    // How many links are counted now.
    int trackedLinks() const;

private:
    // The bucket as the time it is next full (GCRA): each write moves it one
    // interval on; a write is refused when it is more than burst - 1
    // intervals ahead of now.
    using FullAt = Clock::time_point;

    bool makeRoom(Clock::time_point now);

    const Policy m_policy;
    mutable std::mutex m_mutex;
    QHash<quint64, FullAt> m_links; // by the first 8 bytes of the token's SHA-256
};

} // namespace engage::server::respondent
