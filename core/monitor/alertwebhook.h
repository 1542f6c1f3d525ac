#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include "core/store/records.h"

class QNetworkAccessManager;

namespace Gantry {

// POSTs each event as one JSON object to the workspace's webhook (Workspace::webhookUrl):
// {"source":"gantry","id":..,"time":"2024-06-01T10:00:00.000Z","server":..,"unit":..,
//  "project":..,"kind":"health-failing","recovery":false,"message":..}.
// Asynchronous on the thread that owns it; a failed delivery is reported, never retried.
class AlertWebhook final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertWebhook)
public:
    explicit AlertWebhook(QUrl url, QObject *parent = nullptr);
    ~AlertWebhook() override;

    void post(const EventRecord &event);
    int pending() const { return m_pending; }

    static QByteArray payload(const EventRecord &event);

signals:
    // `error` is empty on success (any 2xx answer).
    void delivered(qint64 eventId, const QString &error);

private:
    QUrl m_url;
    QNetworkAccessManager *m_network;
    int m_pending = 0;
};

} // namespace Gantry
