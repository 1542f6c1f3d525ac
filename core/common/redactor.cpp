#include "core/common/redactor.h"

#include <QMutexLocker>

namespace Gantry {

Redactor &Redactor::instance()
{
    static Redactor redactor;
    return redactor;
}

void Redactor::add(const QString &secret)
{
    QStringList parts { secret };
    // Line by line too: remote output and logs arrive one line at a time.
    if (secret.contains(u'\n'))
        parts << secret.split(u'\n');
    QMutexLocker lock(&m_mutex);
    for (QString part : std::as_const(parts)) {
        if (part.endsWith(u'\r'))
            part.chop(1);
        if (part.size() >= MinimumLength && !m_secrets.contains(part))
            m_secrets << part;
    }
    std::sort(m_secrets.begin(), m_secrets.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Redactor::clear()
{
    QMutexLocker lock(&m_mutex);
    m_secrets.clear();
}

bool Redactor::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.isEmpty();
}

QString Redactor::redact(QString text) const
{
    QMutexLocker lock(&m_mutex);
    for (const QString &secret : m_secrets)
        text.replace(secret, Mask);
    return text;
}

QByteArray Redactor::redact(const QByteArray &utf8) const
{
    if (isEmpty())
        return utf8;
    return redact(QString::fromUtf8(utf8)).toUtf8();
}

} // namespace Gantry
