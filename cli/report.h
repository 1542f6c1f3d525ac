#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"

namespace Gantry::Cli {

// Errors and warnings on stderr in gantryctl's one format: "error: <problem>" then "hint: <fix>".
class Report final {
    Q_DECLARE_TR_FUNCTIONS(Report)
public:
    static int failure(const Error &error); // returns ExitFailed
    // "gantryctl <command>: <message>" and where to find the usage; returns ExitUsage.
    static int usage(const QString &command, const QString &message);
    static void warning(const Error &warning);
    static void note(const QString &text);
};

} // namespace Gantry::Cli
