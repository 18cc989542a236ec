#pragma once

#include <QObject>
#include <QPointer>

namespace engage::models {

class ApiClient;
class ApiReply;

// The company's anonymity threshold (GET /api/v1/engagement/settings) for
// what shows it before any result does: the builder's preview tells
// respondents with it who sees their answers, as the respondent page will.
// Until read, and when it cannot be read, the default the service starts
// every company with.
class AnonymityThreshold final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnonymityThreshold)

public:
    explicit AnonymityThreshold(ApiClient &client, QObject *parent = nullptr);

    // Reads it again (the newest read wins).
    void load();
    int value() const { return m_value; }

Q_SIGNALS:
    void changed(int threshold);

private:
    ApiClient &m_client;
    QPointer<ApiReply> m_reply;
    int m_value;
};

} // namespace engage::models
