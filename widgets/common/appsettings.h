#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/build/buildtarget.h"

namespace Gantry {

// The app's own preferences (QSettings): what Settings edits and what the window remembers.
// Project settings live in the workspace instead, shared with gantryctl.
class AppSettings final {
public:
    enum class Theme { System, Light, Dark };

    // The workspace folder chosen in Settings; Workspace::defaultDir() when none is.
    static QString workspaceDir();
    static void setWorkspaceDir(const QString &dir);
    static QString goPath(); // empty: look for go on PATH and in the usual places
    static void setGoPath(const QString &path);
    static QList<BuildTarget> defaultTargets();
    static void setDefaultTargets(const QList<BuildTarget> &targets);
    static QString language(); // empty: follow the system; otherwise "en" or "zh_CN"
    static void setLanguage(const QString &language);
    static Theme theme();
    static void setTheme(Theme theme);

    // Project folders, most recently opened first.
    static QStringList recentProjects();
    static void addRecentProject(const QString &dir);

    static QByteArray windowGeometry();
    static void setWindowGeometry(const QByteArray &geometry);
    static QString lastPage();
    static void setLastPage(const QString &page);
};

} // namespace Gantry
