#include "core/remote/hostprobe.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <QHash>
#include <QRegularExpression>

#include "core/common/shellquote.h"
#include "core/service/servicemanager.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

constexpr QByteArrayView Header = "@@gantry-probe 1";

// Lines of each "@@name" section, in order.
using Sections = QHash<QByteArray, QList<QByteArray>>;

// The script's sections, or nothing when the header is missing. Lines before the header (a
// login banner, a noisy .profile) are skipped.
std::optional<Sections> splitSections(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    const qsizetype start = std::find_if(lines.begin(), lines.end(), [](const QByteArray &l) {
        return l.trimmed() == Header;
    }) - lines.begin();
    if (start == lines.size())
        return std::nullopt;
    Sections sections;
    QByteArray current;
    for (qsizetype i = start + 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        if (line.startsWith("@@")) {
            current = line.mid(2).trimmed();
            sections[current];
        } else if (!current.isEmpty()) {
            sections[current] << line;
        }
    }
    return sections;
}

QString sectionText(const Sections &sections, const QByteArray &name, int index)
{
    const QList<QByteArray> lines = sections.value(name);
    return index < lines.size() ? QString::fromUtf8(lines.at(index)).trimmed() : QString();
}

void readOsRelease(const QList<QByteArray> &lines, HostFacts &facts)
{
    static const QRegularExpression assignment(u"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"_s);
    for (const QByteArray &raw : lines) {
        const QRegularExpressionMatch match = assignment.match(QString::fromUtf8(raw).trimmed());
        if (!match.hasMatch())
            continue;
        const QString value = HostProbe::unquoteOsRelease(match.capturedView(2));
        if (match.capturedView(1) == u"ID")
            facts.osId = value;
        else if (match.capturedView(1) == u"VERSION_ID")
            facts.osVersion = value;
        else if (match.capturedView(1) == u"PRETTY_NAME")
            facts.osPrettyName = value;
    }
}

// "df -Pk" data line: "<filesystem> <blocks> <used> <available> <capacity>% <mount point>".
// Both names may hold spaces, so the numbers are found by their shape.
void readDf(const QList<QByteArray> &lines, HostFacts &facts)
{
    static const QRegularExpression row(u"^(.*\\S)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)%?\\s+(/.*)$"_s);
    if (lines.isEmpty())
        return;
    facts.freePath = QString::fromUtf8(lines.first()).trimmed();
    for (const QByteArray &line : lines.mid(1)) {
        const QRegularExpressionMatch match = row.match(QString::fromUtf8(line).trimmed());
        bool ok = false;
        const qint64 kib = match.hasMatch() ? match.captured(4).toLongLong(&ok) : 0;
        if (ok && kib <= std::numeric_limits<qint64>::max() / 1024)
            facts.freeBytes = kib * 1024;
    }
}

// The port after the last ":" of "0.0.0.0:8080", "[::]:8080", "*:8080", "127.0.0.53%lo:53".
int portOf(QByteArrayView address)
{
    const qsizetype colon = address.lastIndexOf(':');
    bool ok = false;
    const int port = colon < 0 ? -1 : address.sliced(colon + 1).toInt(&ok);
    return ok ? port : -1;
}

// `ss -Hltnp`: "LISTEN 0 4096 0.0.0.0:8080 0.0.0.0:* users:(("shop",pid=812,fd=3))".
void readSs(const QList<QByteArray> &lines, int port, HostFacts &facts)
{
    static const QRegularExpression user(u"users:\\(\\(\"([^\"]*)\",pid=(\\d+)"_s);
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 5 || portOf(fields.at(3)) != port)
            continue;
        facts.portInUse = true;
        const QRegularExpressionMatch match = user.match(QString::fromUtf8(line));
        if (match.hasMatch() && facts.portOwner.isEmpty()) {
            facts.portOwner = match.captured(1);
            facts.portOwnerPid = match.captured(2).toLongLong();
        }
    }
}

// /proc/net/tcp and tcp6: "0: 00000000:1F90 00000000:0000 0A ...", hex port, state 0A is LISTEN.
void readProcNet(const QList<QByteArray> &lines, int port, HostFacts &facts)
{
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 4 || fields.at(3) != "0A")
            continue;
        const qsizetype colon = fields.at(1).lastIndexOf(':');
        bool ok = false;
        const int local = colon < 0 ? -1 : fields.at(1).mid(colon + 1).toInt(&ok, 16);
        if (ok && local == port)
            facts.portInUse = true;
    }
}

QString unquoted(QStringView value, qsizetype &i, QChar quote)
{
    QString out;
    for (++i; i < value.size() && value.at(i) != quote; ++i) {
        const bool escape = quote == u'"' && value.at(i) == u'\\' && i + 1 < value.size() &&
            u"\"\\$`"_s.contains(value.at(i + 1));
        if (escape)
            ++i;
        out += value.at(i);
    }
    return out;
}

} // namespace

QByteArray HostProbe::script(const QString &deployRoot, int port, const QByteArray &extra)
{
    QByteArray s = "# Gantry host probe: read-only, no sudo.\n"
                   "echo '@@gantry-probe 1'\n"
                   "echo '@@port'\n"
                   "echo " +
        QByteArray::number(port) + "\n";
    s += "echo '@@os-release'\n"
         "if [ -r /etc/os-release ]; then cat /etc/os-release; "
         "elif [ -r /usr/lib/os-release ]; then cat /usr/lib/os-release; fi\n"
         "echo\n"
         "echo '@@uname'\n"
         "uname -s\n"
         "uname -m\n"
         "echo '@@systemd'\n"
         "if " +
        ServiceManager::systemdRuns() +
        "; then echo yes; else echo no; fi\n"
        "echo '@@supervisor'\n"
        "if " +
        ServiceManager::supervisorRuns() + "; then echo yes; else echo no; fi\n";
    s += "echo '@@df'\n"
         "d=" +
        shellQuote(deployRoot) +
        "\n"
        "while [ ! -e \"$d\" ] && [ \"$d\" != / ]; do d=$(dirname -- \"$d\"); done\n"
        "printf '%s\\n' \"$d\"\n"
        "df -Pk -- \"$d\" 2>/dev/null\n";
    s += "if command -v ss >/dev/null 2>&1 && out=$(ss -Hltnp 'sport = :" + QByteArray::number(port) +
        "' 2>/dev/null); then\n"
        "  echo '@@ss'; printf '%s\\n' \"$out\"\n"
        "else\n"
        "  echo '@@proc-net-tcp'; cat /proc/net/tcp /proc/net/tcp6 2>/dev/null\n"
        "fi\n" +
        extra + "echo '@@end'\n";
    return s;
}

Result<HostFacts> HostProbe::parse(const QByteArray &output)
{
    const std::optional<Sections> sections = splitSections(output);
    if (!sections)
        return fail(tr("The server did not answer the host probe."),
            tr("Check that the login shell of the SSH user runs POSIX sh scripts."),
            QString::fromUtf8(output.left(2000)));
    if (!sections->contains("end") || !sections->contains("uname"))
        return fail(tr("The host probe's answer was cut short."), tr("Try again; check the connection."),
            QString::fromUtf8(output.right(2000)));
    HostFacts facts;
    const int port = sectionText(*sections, "port", 0).toInt();
    readOsRelease(sections->value("os-release"), facts);
    facts.kernel = sectionText(*sections, "uname", 0);
    facts.unameMachine = sectionText(*sections, "uname", 1);
    facts.goarch = goarchFor(facts.unameMachine);
    facts.systemd = sectionText(*sections, "systemd", 0) == u"yes";
    facts.supervisor = sectionText(*sections, "supervisor", 0) == u"yes";
    readDf(sections->value("df"), facts);
    readSs(sections->value("ss"), port, facts);
    readProcNet(sections->value("proc-net-tcp"), port, facts);
    static const QByteArrayList known { "gantry-probe 1", "port", "os-release", "uname", "systemd",
        "supervisor", "df", "ss", "proc-net-tcp", "end" };
    for (auto it = sections->cbegin(); it != sections->cend(); ++it) {
        if (!known.contains(it.key()))
            facts.extra.insert(it.key(), it.value());
    }
    if (facts.unameMachine.isEmpty())
        return fail(tr("The server did not say which machine type it is."),
            tr("Check that the uname command works for the SSH user."),
            QString::fromUtf8(output.right(2000)));
    return facts;
}

QString HostProbe::goarchFor(const QString &unameMachine)
{
    static const QHash<QString, QString> table {
        { u"x86_64"_s, u"amd64"_s },
        { u"amd64"_s, u"amd64"_s },
        { u"aarch64"_s, u"arm64"_s },
        { u"arm64"_s, u"arm64"_s },
        { u"armv8l"_s, u"arm"_s }, // a 32-bit user space on a 64-bit ARM kernel
        { u"armv7l"_s, u"arm"_s },
        { u"armv6l"_s, u"arm"_s },
        { u"i386"_s, u"386"_s },
        { u"i486"_s, u"386"_s },
        { u"i586"_s, u"386"_s },
        { u"i686"_s, u"386"_s },
        { u"ppc64le"_s, u"ppc64le"_s },
        { u"ppc64"_s, u"ppc64"_s },
        { u"s390x"_s, u"s390x"_s },
        { u"riscv64"_s, u"riscv64"_s },
        { u"loongarch64"_s, u"loong64"_s },
    };
    return table.value(unameMachine.trimmed());
}

QString HostProbe::unquoteOsRelease(QStringView value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'"' || c == u'\'')
            out += unquoted(value, i, c);
        else if (c == u'\\' && i + 1 < value.size())
            out += value.at(++i);
        else
            out += c;
    }
    return out;
}

} // namespace Gantry
