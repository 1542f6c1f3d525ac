#include "core/monitor/alertwebhook.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Gantry {

AlertWebhook::AlertWebhook(QUrl url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_network(new QNetworkAccessManager(this))
{
}

AlertWebhook::~AlertWebhook() = default;

QByteArray AlertWebhook::payload(const EventRecord &e)
{
    const QJsonObject json { { u"source"_s, u"gantry"_s }, { u"id"_s, double(e.id) },
        { u"time"_s, e.time.toUTC().toString(Qt::ISODateWithMs) }, { u"server"_s, e.server },
        { u"unit"_s, e.unit }, { u"project"_s, e.project }, { u"kind"_s, e.kind },
        { u"recovery"_s, e.recovery }, { u"message"_s, e.message } };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

void AlertWebhook::post(const EventRecord &event)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"Gantry"_s);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network->post(request, payload(event));
    ++m_pending;
    const qint64 id = event.id;
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        --m_pending;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString error;
        if (status != 0 && (status < 200 || status >= 300))
            error = tr("The webhook %1 answered HTTP %2.").arg(m_url.toDisplayString()).arg(status);
        else if (reply->error() != QNetworkReply::NoError)
            error = tr("The webhook %1 could not be reached: %2")
                        .arg(m_url.toDisplayString(), reply->errorString());
        emit delivered(id, error);
    });
}

} // namespace Gantry
