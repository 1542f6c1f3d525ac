#pragma once

#include <expected>

#include <QString>

namespace Gantry {

// What went wrong, told to a user: the problem, the fix, and the raw cause for "details".
struct Error {
    QString message; // one sentence naming the problem
    QString hint; // what to do about it
    QString cause; // raw details (tool output, errno text); may be empty

    // "message hint" as one line for a terminal or a status bar.
    QString toString() const;
};

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(QString message, QString hint = {}, QString cause = {})
{
    return std::unexpected<Error>(Error { std::move(message), std::move(hint), std::move(cause) });
}

} // namespace Gantry
