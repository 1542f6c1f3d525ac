#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Gantry {

// `text` as one POSIX sh word in single quotes ('it'\''s'), safe for any bytes but NUL.
// Used for every path and value Gantry puts into a script that runs on a server.
QByteArray shellQuote(QStringView text);

// sh lines that write `content` to `path` atomically (a .tmp beside it, then mv) with `owner`
// ("user:group") and `mode` ("0600"). The content travels base64 inside the script, which goes
// on stdin: never in an argv another user could read.
QByteArray shellWriteFile(
    const QString &path, const QByteArray &content, const QString &owner, const QString &mode);

} // namespace Gantry
