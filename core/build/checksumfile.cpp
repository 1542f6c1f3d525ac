#include "core/build/checksumfile.h"

#include "core/common/sha256.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

Result<QString> ChecksumFile::sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read %1 to compute its checksum.").arg(path),
            tr("Check that the file exists."), file.errorString());
    Sha256 hash;
    if (!hash.addData(&file))
        return fail(tr("Cannot read %1 to compute its checksum.").arg(path), tr("Check the disk."),
            file.errorString());
    return QString::fromLatin1(hash.result().toHex());
}

QByteArray ChecksumFile::format(QList<Entry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.file < b.file; });
    QByteArray out;
    for (const Entry &entry : std::as_const(entries))
        out += entry.sha256.toLatin1() + "  " + entry.file.toUtf8() + '\n';
    return out;
}

Result<QList<ChecksumFile::Entry>> ChecksumFile::parse(const QByteArray &text)
{
    static const QRegularExpression line(u"^([0-9a-fA-F]{64}) [ *](.+)$"_s);
    QList<Entry> entries;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString raw = QString::fromUtf8(lines[i]);
        if (raw.endsWith(u'\r'))
            raw.chop(1);
        if (raw.trimmed().isEmpty())
            continue;
        const auto match = line.match(raw);
        if (!match.hasMatch())
            return fail(tr("Line %1 of the checksums file is not \"<sha256>  <file>\".").arg(i + 1),
                tr("Rebuild to write a fresh checksums.txt."), raw.left(200));
        entries << Entry { match.captured(2), match.captured(1).toLower() };
    }
    return entries;
}

} // namespace Gantry
