#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace Gantry::Cli {

class GlobalOptions;
struct CommandContext;

// gantryctl status --watch | logs | events: the monitor of a project's service on servers.
class MonitorCommand final {
    Q_DECLARE_TR_FUNCTIONS(MonitorCommand)
public:
    static void addWatchOptions(QCommandLineParser &parser);
    // status --watch: one line (or a redrawn table) per refresh of each server until Ctrl+C
    // or --count refreshes; alerts go to the workspace's events and webhook.
    static int watch(CommandContext &context, const QCommandLineParser &parser);
    static int logs(const GlobalOptions &global, const QStringList &arguments);
    static int events(const GlobalOptions &global, const QStringList &arguments);
};

} // namespace Gantry::Cli
