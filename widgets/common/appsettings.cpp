#include "widgets/common/appsettings.h"

#include <QDir>
#include <QSettings>

#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr qsizetype MaxRecent = 20;

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Theme::Light:
        return u"light"_s;
    case AppSettings::Theme::Dark:
        return u"dark"_s;
    case AppSettings::Theme::System:
        break;
    }
    return u"system"_s;
}

} // namespace

QString AppSettings::workspaceDir()
{
    const QString dir = QSettings().value(u"workspace/dir"_s).toString();
    return dir.isEmpty() ? Workspace::defaultDir() : dir;
}

void AppSettings::setWorkspaceDir(const QString &dir)
{
    QSettings().setValue(u"workspace/dir"_s, QDir::cleanPath(dir));
}

QString AppSettings::goPath()
{
    return QSettings().value(u"build/goPath"_s).toString();
}

void AppSettings::setGoPath(const QString &path)
{
    QSettings().setValue(u"build/goPath"_s, path);
}

QList<BuildTarget> AppSettings::defaultTargets()
{
    const QStringList names = QSettings().value(u"build/defaultTargets"_s).toStringList();
    QList<BuildTarget> targets;
    for (const QString &name : names) {
        if (const auto target = BuildTarget::parse(name))
            targets << *target;
    }
    return targets.isEmpty() ? BuildTarget::defaults() : targets;
}

void AppSettings::setDefaultTargets(const QList<BuildTarget> &targets)
{
    QStringList names;
    for (const BuildTarget &target : targets)
        names << target.toString();
    QSettings().setValue(u"build/defaultTargets"_s, names);
}

QString AppSettings::language()
{
    return QSettings().value(u"ui/language"_s).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    QSettings().setValue(u"ui/language"_s, language);
}

AppSettings::Theme AppSettings::theme()
{
    const QString name = QSettings().value(u"ui/theme"_s).toString();
    for (const Theme theme : { Theme::Light, Theme::Dark }) {
        if (themeName(theme) == name)
            return theme;
    }
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    QSettings().setValue(u"ui/theme"_s, themeName(theme));
}

QStringList AppSettings::recentProjects()
{
    return QSettings().value(u"projects/recent"_s).toStringList();
}

void AppSettings::addRecentProject(const QString &dir)
{
    QStringList recent = recentProjects();
    const QString clean = QDir::cleanPath(dir);
    recent.removeAll(clean);
    recent.prepend(clean);
    QSettings().setValue(u"projects/recent"_s, recent.mid(0, MaxRecent));
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(u"window/geometry"_s).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(u"window/geometry"_s, geometry);
}

QString AppSettings::lastPage()
{
    return QSettings().value(u"window/page"_s).toString();
}

void AppSettings::setLastPage(const QString &page)
{
    QSettings().setValue(u"window/page"_s, page);
}

} // namespace Gantry
