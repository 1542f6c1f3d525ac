#include "core/build/godiagnosticsparser.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// "go: downloading ..." and friends report progress, not problems.
bool isProgress(QStringView text)
{
    static constexpr QLatin1StringView prefixes[] = { "downloading "_L1, "finding module for package "_L1,
        "found "_L1, "extracting "_L1, "added "_L1, "upgraded "_L1, "downgraded "_L1, "removed "_L1 };
    for (const QLatin1StringView prefix : prefixes) {
        if (text.startsWith(prefix))
            return true;
    }
    return false;
}

// Wording the go command uses for module, go.mod, go.sum and import resolution failures.
bool isModuleProblem(const QString &message)
{
    static constexpr QLatin1StringView phrases[] = { "no required module provides package"_L1,
        "cannot find module"_L1, "missing go.sum entry"_L1, "go.mod"_L1, "go.sum"_L1, "go.work"_L1,
        "but does not contain package"_L1, "is not in GOROOT"_L1, "is not in std"_L1,
        "module lookup disabled"_L1, "cannot find package"_L1, "inconsistent vendoring"_L1,
        "no matching versions"_L1, "unknown revision"_L1, "main module"_L1 };
    for (const QLatin1StringView phrase : phrases) {
        if (message.contains(phrase))
            return true;
    }
    // "module example.com/x: Get ..." and "example.com/x@v1.2.3: ..." name a module first.
    static const QRegularExpression moduleFirst(u"^(module \\S+|\\S+@\\S+):"_s);
    return moduleFirst.match(message).hasMatch();
}

bool isModuleFile(const QString &path)
{
    return path.endsWith(u"/go.mod") || path.endsWith(u"/go.sum") || path.endsWith(u"/go.work");
}

// "file:line: msg" or "file:line:col: msg"; a drive letter ("C:\src\main.go") may lead the file.
const QRegularExpression &positionPattern()
{
    static const QRegularExpression pattern(u"^((?:[A-Za-z]:)?[^:]+?):([0-9]+)(?::([0-9]+))?: (.*)$"_s);
    return pattern;
}

bool isAbsolute(const QString &path)
{
    static const QRegularExpression drive(u"^[A-Za-z]:/"_s);
    return path.startsWith(u'/') || drive.match(path).hasMatch();
}

QString withForwardSlashes(QString path)
{
    return path.replace(u'\\', u'/');
}

} // namespace

GoDiagnosticsParser::GoDiagnosticsParser(QString workingDir)
    : m_workingDir(
          workingDir.isEmpty() ? QString() : QDir::cleanPath(withForwardSlashes(std::move(workingDir))))
{
}

void GoDiagnosticsParser::addLine(QStringView line)
{
    if (line.endsWith(u'\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    if (line.front() == u'\t' || line.front() == u' ')
        appendContinuation(line);
    else if (line.startsWith(u"# "))
        m_package = line.sliced(2).trimmed().toString();
    else if (line.startsWith(u"go: "))
        addGoCommandLine(line.sliced(4));
    else if (line.startsWith(u"note: "))
        add(GoDiagnostic::Kind::GoCommand, line.toString()); // e.g. "note: module requires Go 1.21"
    else if (!addPositioned(line))
        addGoCommandLine(line);
}

QList<GoDiagnostic> GoDiagnosticsParser::diagnostics() const
{
    return m_diagnostics;
}

bool GoDiagnosticsParser::hasErrors() const
{
    return !m_diagnostics.isEmpty();
}

bool GoDiagnosticsParser::addPositioned(QStringView line)
{
    const QRegularExpressionMatch match = positionPattern().match(line.toString());
    if (!match.hasMatch())
        return false;
    GoDiagnostic diagnostic;
    diagnostic.package = m_package;
    diagnostic.file = absolutePath(match.captured(1));
    diagnostic.line = match.capturedView(2).toInt();
    diagnostic.column = match.capturedView(3).toInt();
    diagnostic.message = match.captured(4);
    const bool isModule = isModuleFile(diagnostic.file) || isModuleProblem(diagnostic.message);
    diagnostic.kind = isModule ? GoDiagnostic::Kind::Module : GoDiagnostic::Kind::Compile;
    m_diagnostics.append(diagnostic);
    return true;
}

void GoDiagnosticsParser::addGoCommandLine(QStringView text)
{
    if (isProgress(text))
        return;
    const QString message = text.toString();
    if (message == "too many errors"_L1) // older compilers print it without a position
        add(GoDiagnostic::Kind::Compile, message);
    else
        add(isModuleProblem(message) ? GoDiagnostic::Kind::Module : GoDiagnostic::Kind::GoCommand, message);
}

// Go indents the rest of a multi-line message with a tab ("have (int)", "go get ...").
void GoDiagnosticsParser::appendContinuation(QStringView text)
{
    if (text.startsWith(u'\t'))
        text = text.sliced(1);
    if (m_diagnostics.isEmpty())
        add(GoDiagnostic::Kind::GoCommand, text.trimmed().toString());
    else
        m_diagnostics.last().message += u'\n' + text.toString();
}

void GoDiagnosticsParser::add(GoDiagnostic::Kind kind, QString message)
{
    GoDiagnostic diagnostic;
    diagnostic.kind = kind;
    diagnostic.package = m_package;
    diagnostic.message = std::move(message);
    m_diagnostics.append(diagnostic);
}

QString GoDiagnosticsParser::absolutePath(QString path) const
{
    path = withForwardSlashes(std::move(path));
    if (!isAbsolute(path) && !m_workingDir.isEmpty())
        path = m_workingDir + u'/' + path;
    return QDir::cleanPath(path);
}

} // namespace Gantry
