#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Gantry {

// A package-level string variable, the kind `-ldflags -X` can set.
struct GoStringVar {
    QString name;
    QString initialValue;
    int line = 0;
    bool overridable = true; // false when initialised by a non-constant expression: -X cannot set it
};

// What Gantry needs to know about one .go file, without running Go.
struct GoFileSummary {
    QString packageName;
    bool hasMainFunc = false;
    bool importsC = false;
    bool ignored = false; // //go:build ignore
    QStringList imports;
    QList<GoStringVar> stringVars;
};

class GoSourceScanner final {
public:
    static GoFileSummary scan(QStringView source);
};

} // namespace Gantry
