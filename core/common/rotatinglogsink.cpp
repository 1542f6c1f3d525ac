#include "core/common/rotatinglogsink.h"

#include <QFileInfo>

namespace Gantry {

RotatingLogSink::RotatingLogSink(const QString &fileName, qint64 maxBytes, int keptFiles)
    : m_file(fileName)
    , m_fileName(fileName)
    , m_maxBytes(maxBytes)
    , m_keptFiles(keptFiles)
{
    m_file.open(QIODevice::WriteOnly | QIODevice::Append);
}

QString RotatingLogSink::rotatedName(int index) const
{
    if (index == 0)
        return m_fileName;
    const QFileInfo info(m_fileName);
    return info.path() + u'/' + info.completeBaseName() + u'.' + QString::number(index) + u'.' +
        info.suffix();
}

void RotatingLogSink::rotate()
{
    m_file.close();
    QFile::remove(rotatedName(m_keptFiles));
    for (int i = m_keptFiles - 1; i >= 0; --i)
        QFile::rename(rotatedName(i), rotatedName(i + 1));
    m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
}

void RotatingLogSink::sink_it_(const spdlog::details::log_msg &message)
{
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    if (m_file.isOpen() && m_file.size() + qint64(formatted.size()) > m_maxBytes && m_file.size() > 0)
        rotate();
    if (m_file.isOpen())
        m_file.write(formatted.data(), qint64(formatted.size()));
}

void RotatingLogSink::flush_()
{
    if (m_file.isOpen())
        m_file.flush();
}

} // namespace Gantry
