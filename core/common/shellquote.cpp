#include "core/common/shellquote.h"

namespace Gantry {

QByteArray shellQuote(QStringView text)
{
    QByteArray quoted = text.toUtf8();
    quoted.replace('\'', QByteArrayLiteral("'\\''"));
    quoted.prepend('\'');
    quoted.append('\'');
    return quoted;
}

QByteArray shellWriteFile(
    const QString &path, const QByteArray &content, const QString &owner, const QString &mode)
{
    const QByteArray file = shellQuote(path);
    return "umask 077\nprintf '%s' '" + content.toBase64() + "' | base64 -d > " + file + ".tmp\n" + "chown " +
        shellQuote(owner) + " " + file + ".tmp\n" + "chmod " + mode.toUtf8() + " " + file + ".tmp\n" +
        "mv -f " + file + ".tmp " + file + "\n";
}

} // namespace Gantry
