#pragma once

#include <QLoggingCategory>
#include <QString>

namespace Gantry {

Q_DECLARE_LOGGING_CATEGORY(lcBuild)
Q_DECLARE_LOGGING_CATEGORY(lcProcess)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
Q_DECLARE_LOGGING_CATEGORY(lcDeploy)
Q_DECLARE_LOGGING_CATEGORY(lcMonitor)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcProfile)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

// The app's own log: a rotating file in `logDir` (spdlog) plus the console, fed by
// Qt's logging categories (`gantry.build`, `gantry.process`, ...; switch them with
// QT_LOGGING_RULES or QLoggingCategory::setFilterRules at run time).
class Logging final {
public:
    static void install(const QString &logDir, bool console);
    static QString logFilePath();
    static void shutdown();
};

} // namespace Gantry
