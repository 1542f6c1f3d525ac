#pragma once

#include <QString>

namespace Gantry {

// One problem reported by the go command on stderr.
struct GoDiagnostic {
    enum class Kind {
        Compile, // a compiler error in a source file
        Module, // module, go.mod, go.sum or import resolution trouble
        GoCommand // any other message from the go command
    };

    Kind kind = Kind::Compile;
    QString package; // import path from the "# path" header above the message; may be empty
    QString file; // absolute and cleaned, '/' separated; empty when go names no file
    int line = 0;
    int column = 0;
    QString message; // continuation lines joined with '\n'

    // "file:line:col: message" (or just the message), as the go command prints it.
    QString toString() const;

    friend bool operator==(const GoDiagnostic &, const GoDiagnostic &) = default;
};

} // namespace Gantry
