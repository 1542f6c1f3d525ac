#include "core/monitor/logbatcher.h"

#include <algorithm>
#include <cstring>

namespace Gantry {

LogBatcher::LogBatcher(QString server, Deliver deliver)
    : m_server(std::move(server))
    , m_deliver(std::move(deliver))
{
    m_sinceFlush.start();
}

void LogBatcher::take(QByteArrayView json)
{
    // Room for as many lines as the last batch had, up to a few thousand: a follow that
    // trickles after a burst of history does not hold a burst's room every 100 ms.
    constexpr qsizetype MostReserved = 8192;
    if (m_batch.isEmpty())
        m_batch.reserve(std::min(m_lastSize, MostReserved));
    auto parsed = LogStream::toLogLine(m_server, json, JournalEntryParser::Cursor::Skip);
    if (!parsed) {
        ++m_skipped;
        return;
    }
    m_batch.push_back(std::move(*parsed));
    m_last.resize(json.size()); // keeps its room: no allocation per line
    std::memcpy(m_last.data(), json.data(), std::size_t(json.size()));
}

void LogBatcher::poll()
{
    if (m_sinceFlush.elapsed() >= BatchMSec)
        flush();
}

void LogBatcher::flush()
{
    if (!m_batch.isEmpty()) {
        if (auto last = JournalEntryParser::parseLine(m_last))
            m_batch.last().entry.cursor = last->cursor;
        m_lastSize = m_batch.size();
        m_deliver(std::exchange(m_batch, {}));
        if (m_last.capacity() > 64 * 1024)
            m_last = QByteArray(); // a huge line's room goes with it
    }
    m_sinceFlush.restart();
}

} // namespace Gantry
