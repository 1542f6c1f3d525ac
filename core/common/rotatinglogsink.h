#pragma once

#include <mutex>

#include <spdlog/sinks/base_sink.h>

#include <QFile>
#include <QString>

namespace Gantry {

// spdlog's rotating file sink, writing through QFile: spdlog opens its file with _fsopen, which on
// Windows takes the name in the ANSI code page, so in a profile folder such as
// C:\Users\Zhang Wei 张伟 it wrote no log at all. Same names as spdlog's: gantry.log, then
// gantry.1.log ... gantry.<kept>.log, the oldest dropped.
class RotatingLogSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    RotatingLogSink(const QString &fileName, qint64 maxBytes, int keptFiles);

protected:
    void sink_it_(const spdlog::details::log_msg &message) override;
    void flush_() override;

private:
    QString rotatedName(int index) const;
    void rotate();

    QFile m_file;
    QString m_fileName;
    qint64 m_maxBytes;
    int m_keptFiles;
};

} // namespace Gantry
