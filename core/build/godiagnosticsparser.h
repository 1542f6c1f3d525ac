#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include "core/build/godiagnostic.h"

namespace Gantry {

// Turns the stderr of `go build` (Go 1.19, which has no -json) into diagnostics, one line at a time.
class GoDiagnosticsParser final {
public:
    explicit GoDiagnosticsParser(QString workingDir); // go's cwd; relative paths resolve against it

    void addLine(QStringView line); // one stderr line without its newline
    QList<GoDiagnostic> diagnostics() const;
    bool hasErrors() const;

private:
    bool addPositioned(QStringView line);
    void addGoCommandLine(QStringView text);
    void appendContinuation(QStringView text);
    void add(GoDiagnostic::Kind kind, QString message);
    QString absolutePath(QString path) const;

    QString m_workingDir;
    QString m_package;
    QList<GoDiagnostic> m_diagnostics;
};

} // namespace Gantry
