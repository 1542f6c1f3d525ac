#pragma once

#include <compare>
#include <optional>

#include <QString>
#include <QStringView>

namespace Gantry {

// A Go release or language version: "go1.19.8", "1.21", "1.22.1", "go1.21rc2".
// Ordering follows releases: a prerelease sorts before its release, and "1.21" equals "1.21.0".
struct GoVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString prerelease; // "rc2", "beta1"; empty for a release
    bool hasPatch = false;

    // Accepts an optional "go" prefix and surrounding spaces; nullopt for anything else.
    static std::optional<GoVersion> parse(QStringView text);

    // Without the "go" prefix, as Go writes it: "1.21", "1.21.0", "1.21rc2".
    QString toString() const;

    friend std::weak_ordering operator<=>(const GoVersion &left, const GoVersion &right);
    friend bool operator==(const GoVersion &left, const GoVersion &right);
};

} // namespace Gantry
