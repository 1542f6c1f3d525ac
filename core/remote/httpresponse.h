#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>

#include "core/common/error.h"

namespace Gantry {

// The answer to a health probe, read off a raw HTTP/1.1 byte stream: status line, headers, and a
// body framed by Content-Length, chunked transfer encoding, or the end of the connection.
struct HttpResponseParser {
    Q_DECLARE_TR_FUNCTIONS(HttpResponseParser)
public:
    struct Response {
        int status = 0;
        QByteArray body;
    };

    static constexpr qsizetype MaxBody = 64 * 1024; // a longer body is cut here

    // The response once `raw` holds all of it; std::nullopt while more bytes are needed. With
    // `ended` (the server closed), whatever arrived is the whole response.
    static std::optional<Result<Response>> parse(const QByteArray &raw, bool ended);
};

} // namespace Gantry
