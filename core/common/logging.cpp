#include "core/common/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <QDir>

#include "core/common/redactor.h"
#include "core/common/rotatinglogsink.h"

using namespace Qt::StringLiterals;

namespace Gantry {

Q_LOGGING_CATEGORY(lcBuild, "gantry.build", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProcess, "gantry.process", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "gantry.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "gantry.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDeploy, "gantry.deploy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitor, "gantry.monitor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "gantry.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfile, "gantry.profile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "gantry.ui", QtInfoMsg)

namespace {

constexpr std::size_t MaxLogBytes = 5 * 1024 * 1024;
constexpr std::size_t KeptLogFiles = 3;

std::shared_ptr<spdlog::logger> g_logger;
QString g_logFile;

spdlog::level::level_enum levelFor(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return spdlog::level::debug;
    case QtInfoMsg:
        return spdlog::level::info;
    case QtWarningMsg:
        return spdlog::level::warn;
    case QtCriticalMsg:
        return spdlog::level::err;
    case QtFatalMsg:
        return spdlog::level::critical;
    }
    return spdlog::level::info;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_logger)
        return;
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    const QByteArray text = Redactor::instance().redact(message).toUtf8();
    g_logger->log(levelFor(type), "[{}] {}", category.constData(), text.constData());
    if (type == QtFatalMsg)
        g_logger->flush();
}

} // namespace

void Logging::install(const QString &logDir, bool console)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (!logDir.isEmpty() && QDir().mkpath(logDir)) {
        g_logFile = logDir + u"/gantry.log"_s;
        sinks.push_back(std::make_shared<RotatingLogSink>(g_logFile, qint64(MaxLogBytes), int(KeptLogFiles)));
    }
    if (console)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    g_logger = std::make_shared<spdlog::logger>("gantry", sinks.begin(), sinks.end());
    g_logger->set_level(spdlog::level::debug);
    g_logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
    g_logger->flush_on(spdlog::level::warn);
    qInstallMessageHandler(messageHandler);
}

QString Logging::logFilePath()
{
    return g_logFile;
}

void Logging::shutdown()
{
    qInstallMessageHandler(nullptr);
    if (g_logger)
        g_logger->flush();
    g_logger.reset();
}

} // namespace Gantry
