#include "core/remote/httpresponse.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

Result<HttpResponseParser::Response> malformed(const QByteArray &raw)
{
    return fail(
        HttpResponseParser::tr("The service answered the health check with something that is not HTTP."),
        HttpResponseParser::tr(
            "Check that the service port in the profile is the port the service listens on."),
        QString::fromUtf8(raw.left(200)));
}

// Decodes a chunked body; std::nullopt while incomplete, an empty Result error when malformed.
std::optional<std::optional<QByteArray>> dechunk(QByteArrayView data)
{
    QByteArray body;
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        QByteArrayView sizeText = data.sliced(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon);
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return std::optional<QByteArray>();
        pos = lineEnd + 2;
        if (size == 0)
            return std::optional<QByteArray>(body);
        if (data.size() < pos + size + 2)
            return std::nullopt;
        if (body.size() < HttpResponseParser::MaxBody)
            body += data.sliced(pos, qMin<qsizetype>(size, HttpResponseParser::MaxBody - body.size()));
        pos += size + 2;
    }
}

} // namespace

std::optional<Result<HttpResponseParser::Response>> HttpResponseParser::parse(
    const QByteArray &raw, bool ended)
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (!ended && raw.size() < 64 * 1024)
            return std::nullopt;
        return malformed(raw);
    }
    const QList<QByteArray> lines = raw.first(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return malformed(raw);
    bool ok = false;
    Response response;
    response.status = statusLine.at(1).toInt(&ok);
    if (!ok || response.status < 100 || response.status > 999)
        return malformed(raw);

    std::optional<qsizetype> contentLength;
    bool chunked = false;
    for (const QByteArray &line : lines.sliced(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.sliced(colon + 1).trimmed();
        if (name == "content-length") {
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0)
                return malformed(raw);
            contentLength = length;
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            chunked = true;
        }
    }

    const QByteArrayView body = QByteArrayView(raw).sliced(headerEnd + 4);
    if (chunked) {
        auto decoded = dechunk(body);
        if (!decoded)
            return ended ? malformed(raw) : std::optional<Result<Response>>();
        if (!*decoded)
            return malformed(raw);
        response.body = **decoded;
        return response;
    }
    if (contentLength) {
        if (body.size() < *contentLength && !ended && body.size() < MaxBody)
            return std::nullopt;
        response.body = body.first(qMin(body.size(), qMin(*contentLength, MaxBody))).toByteArray();
        return response;
    }
    if (!ended && body.size() < MaxBody)
        return std::nullopt;
    response.body = body.first(qMin(body.size(), MaxBody)).toByteArray();
    return response;
}

} // namespace Gantry
