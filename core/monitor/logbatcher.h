#pragma once

#include <atomic>
#include <functional>

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include "core/monitor/logstream.h"

namespace Gantry {

// Turns the lines of `journalctl -o json` into the LogLine batches LogStream delivers: parsed and
// classified as they come, handed on at most every BatchMSec, so a fast journal reaches a model
// in a few large appends instead of a signal per line. Only a batch's last line carries its
// cursor (where to resume), decoded when the batch goes. Lives on the thread that reads the
// lines; skipped() may be read from any thread.
class LogBatcher final {
public:
    static constexpr qint64 BatchMSec = 100;
    using Deliver = std::function<void(QList<LogLine>)>;

    LogBatcher(QString server, Deliver deliver);

    void take(QByteArrayView json); // one line, without its newline
    void poll(); // delivers the batch when BatchMSec have passed since the last one
    void flush(); // delivers the batch now, if it holds any line
    qint64 skipped() const { return m_skipped; } // lines that were not journal entries

private:
    QString m_server;
    Deliver m_deliver;
    QList<LogLine> m_batch;
    QByteArray m_last; // the batch's last line as it came, for its cursor
    qsizetype m_lastSize = 0; // the last batch's size: room reserved for the next, up to a limit
    QElapsedTimer m_sinceFlush;
    std::atomic<qint64> m_skipped = 0;
};

} // namespace Gantry
