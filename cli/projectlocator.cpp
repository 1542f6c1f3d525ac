#include "cli/projectlocator.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include "cli/report.h"
#include "core/build/gomodfile.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

constexpr int MaxNumberedNames = 1000;

bool looksLikePath(const QString &argument)
{
    return argument.contains(u'/') || argument.contains(QDir::separator()) || argument == u"."_s ||
        argument == u".."_s;
}

QString canonical(const QString &path)
{
    const QString real = QFileInfo(path).canonicalFilePath();
    return real.isEmpty() ? QDir::cleanPath(QDir(path).absolutePath()) : real;
}

} // namespace

ProjectLocator::ProjectLocator(Workspace &workspace)
    : m_workspace(workspace)
{
}

Result<ProjectRef> ProjectLocator::locate(const QString &argument) const
{
    if (argument.isEmpty())
        return fail(tr("The project is empty."), tr("Give the project's folder or its name."));
    if (!looksLikePath(argument)) {
        if (const Result<ProjectRecord> known = m_workspace.project(argument))
            return ProjectRef { known->name, known->path, true };
    }
    const QFileInfo info(argument);
    if (info.exists() && !info.isDir())
        return fail(tr("%1 is not a folder.").arg(QDir::toNativeSeparators(argument)),
            tr("Give the project's folder (the one that holds go.mod) or the name of a project."));
    if (info.exists())
        return forFolder(info.canonicalFilePath());
    if (looksLikePath(argument))
        return fail(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(argument)),
            tr("Give the project's folder (the one that holds go.mod) or the name of a project."));
    const Result<QList<ProjectRecord>> projects = m_workspace.projects();
    if (!projects)
        return std::unexpected(projects.error());
    QStringList names;
    for (const ProjectRecord &project : *projects)
        names << project.name;
    return fail(tr("There is no project or folder named %1.").arg(argument),
        names.isEmpty() ? tr("Give the project's folder: it is added to the workspace on first use.")
                        : tr("Give the project's folder, or one of the projects of the workspace: %1.")
                              .arg(names.join(u", "_s)));
}

Result<ProjectRef> ProjectLocator::forFolder(const QString &path) const
{
    const Result<QList<ProjectRecord>> projects = m_workspace.projects();
    if (!projects)
        return std::unexpected(projects.error());
    for (const ProjectRecord &project : *projects) {
        if (!project.path.isEmpty() && canonical(project.path) == path)
            return ProjectRef { project.name, project.path, true };
    }
    return ProjectRef { freeName(path, *projects), path, false };
}

// The folder's name; the Go module's name when another folder took that; then name-2, name-3, ...
QString ProjectLocator::freeName(const QString &path, const QList<ProjectRecord> &projects)
{
    QSet<QString> taken;
    for (const ProjectRecord &project : projects)
        taken.insert(project.name);
    const QString folder = asRecordName(QFileInfo(path).fileName());
    QStringList candidates { folder, asRecordName(moduleName(path)) };
    for (int n = 2; n <= MaxNumberedNames; ++n)
        candidates << u"%1-%2"_s.arg(folder.left(90)).arg(n);
    for (const QString &candidate : std::as_const(candidates)) {
        if (!candidate.isEmpty() && !taken.contains(candidate))
            return candidate;
    }
    return folder; // the store refuses it with a clear message
}

// The last element of the module path, skipping a major version suffix: example.com/shop/v2 -> shop.
QString ProjectLocator::moduleName(const QString &path)
{
    const Result<GoModFile> mod = GoModFile::load(QDir(path).filePath(u"go.mod"_s));
    if (!mod)
        return {};
    QStringList parts = mod->modulePath.split(u'/', Qt::SkipEmptyParts);
    static const QRegularExpression majorVersion(u"^v[0-9]+$"_s);
    if (parts.size() > 1 && majorVersion.match(parts.last()).hasMatch())
        parts.removeLast();
    return parts.isEmpty() ? QString() : parts.last();
}

// Project names are keys and parts of keychain keys: letters, digits, ".", "-" and "_".
QString ProjectLocator::asRecordName(const QString &text)
{
    QString name;
    for (const QChar c : text) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
            c == u'.' || c == u'-' || c == u'_';
        name += plain ? c : u'-';
    }
    while (!name.isEmpty() && !name.front().isLetterOrNumber())
        name.remove(0, 1);
    return name.left(100);
}

Result<ProjectRef> ProjectLocator::ensureRegistered(const ProjectRef &project)
{
    if (project.registered)
        return project;
    ProjectRef result;
    const Result<void> ok = m_workspace.transaction([&]() -> Result<void> {
        // Again inside the write lock: another gantryctl may have added the folder meanwhile.
        const Result<ProjectRef> fresh = forFolder(project.path);
        if (!fresh)
            return std::unexpected(fresh.error());
        result = *fresh;
        if (result.registered)
            return {};
        result.registered = true;
        return m_workspace.addProject({ result.name, result.path, {}, {} });
    });
    if (!ok)
        return std::unexpected(ok.error());
    return result;
}

Result<ProjectRef> ProjectLocator::open(const QString &argument)
{
    const Result<ProjectRef> located = locate(argument);
    if (!located || located->registered)
        return located;
    const Result<ProjectRef> added = ensureRegistered(*located);
    if (added)
        reportAdded(*added);
    return added;
}

void ProjectLocator::reportAdded(const ProjectRef &project)
{
    Report::note(tr("Added project %1 (%2) to the workspace, with the profiles base, dev, test and prod.")
                     .arg(project.name, QDir::toNativeSeparators(project.path)));
}

} // namespace Gantry::Cli
