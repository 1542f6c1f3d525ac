#pragma once

#include <expected>

#include <QString>

namespace Gantry {

// What went wrong, told to a user: the problem, the fix, and the raw cause for "details".
// What went wrong, for code that branches on it; the user reads the message.
enum class ErrorKind {
    General,
    UnknownHostKey, // `subject`: the key's fingerprint; `where`: whose key ("user@host:port")
    DiskFull,
    LockHeld, // `where`: the holder ("who from host, pid N")
    Timeout,
    ConnectionLost,
};

struct Error {
    QString message; // one sentence naming the problem
    QString hint; // what to do about it
    QString cause; // raw details (tool output, errno text); may be empty
    ErrorKind kind = ErrorKind::General;
    QString subject {}; // see ErrorKind
    QString where {};

    // "message hint" as one line for a terminal or a status bar.
    QString toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(QString message, QString hint = {}, QString cause = {})
{
    return std::unexpected<Error>(Error { std::move(message), std::move(hint), std::move(cause) });
}

inline std::unexpected<Error> fail(ErrorKind kind, QString message, QString hint = {}, QString cause = {})
{
    return std::unexpected<Error>(Error { std::move(message), std::move(hint), std::move(cause), kind });
}

} // namespace Gantry
