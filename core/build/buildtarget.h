#pragma once

#include <optional>

#include <QList>
#include <QString>

namespace Gantry {

// One GOOS/GOARCH pair, e.g. linux/amd64.
struct BuildTarget {
    QString goos;
    QString goarch;
    bool cgoSupported = false;
    bool firstClass = false;

    QString toString() const { return goos + u'/' + goarch; }
    bool isWindows() const { return goos == u"windows"; }
    static std::optional<BuildTarget> parse(QStringView text);
    static QList<BuildTarget> defaults(); // linux/amd64 and windows/amd64

    friend bool operator==(const BuildTarget &a, const BuildTarget &b)
    {
        return a.goos == b.goos && a.goarch == b.goarch;
    }
};

} // namespace Gantry
