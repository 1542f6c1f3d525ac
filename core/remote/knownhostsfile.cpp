#include "core/remote/knownhostsfile.h"

#include <optional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

struct Line {
    QStringList hosts;
    QString type;
    QString key;
};

std::optional<Line> parse(const QString &text)
{
    const QStringList fields = text.simplified().split(u' ');
    if (fields.size() < 3 || fields[0].startsWith(u'#') || fields[0].startsWith(u'|') ||
        fields[0].startsWith(u'@'))
        return std::nullopt;
    return Line { fields[0].split(u','), fields[1], fields[2] };
}

} // namespace

Result<KnownHostsFile::Match> KnownHostsFile::check(const QString &path, const QString &entry)
{
    const std::optional<Line> wanted = parse(entry);
    if (!wanted || wanted->hosts.isEmpty())
        return fail(tr("The host key line %1 cannot be read.").arg(entry));
    QFile file(path);
    if (!file.exists())
        return Match::Unknown;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(tr("Gantry's known hosts file %1 could not be read.").arg(QDir::toNativeSeparators(path)),
            tr("Check that the file is readable, or move it away to trust servers again."),
            file.errorString());
    Match match = Match::Unknown;
    const QString host = wanted->hosts.first();
    for (const QString &text : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const std::optional<Line> line = parse(text);
        if (!line || !line->hosts.contains(host))
            continue;
        if (line->type == wanted->type && line->key == wanted->key)
            return Match::Known;
        match = Match::Changed; // another key (of this or another type) is pinned for the host
    }
    return match;
}

Result<void> KnownHostsFile::append(const QString &path, const QString &entry)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(
            tr("Gantry's known hosts file %1 could not be written.").arg(QDir::toNativeSeparators(path)),
            tr("Check that the workspace folder is writable."), file.errorString());
    const QByteArray line = entry.trimmed().toUtf8() + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return fail(
            tr("Gantry's known hosts file %1 could not be written.").arg(QDir::toNativeSeparators(path)),
            tr("Check the free space of the disk holding the workspace."), file.errorString());
    return {};
}

} // namespace Gantry
