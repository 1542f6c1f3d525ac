#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {
class Workspace;
}

namespace Gantry::Cli {

// A project as named on the command line, and whether the workspace has it yet.
struct ProjectRef {
    QString name;
    QString path;
    bool registered = false;
};

// Turns PROJECT into a project of the workspace. PROJECT is a folder that exists (registered on
// first use, named after the folder, or after its Go module when another folder has that name)
// or the name of a project the workspace knows. A known name wins over a folder of the same name
// in the current folder; write ./NAME for the folder.
class ProjectLocator final {
    Q_DECLARE_TR_FUNCTIONS(ProjectLocator)
public:
    explicit ProjectLocator(Workspace &workspace);

    // Reads only: an unregistered folder comes back with the name it would be registered under.
    Result<ProjectRef> locate(const QString &argument) const;
    // Adds the project unless the workspace has it; joins the caller's transaction.
    Result<ProjectRef> ensureRegistered(const ProjectRef &project);
    // locate() and ensureRegistered(), saying so on stderr when the project is new.
    Result<ProjectRef> open(const QString &argument);
    static void reportAdded(const ProjectRef &project);

private:
    Result<ProjectRef> forFolder(const QString &path) const;
    static QString freeName(const QString &path, const QList<ProjectRecord> &projects);
    static QString moduleName(const QString &path);
    static QString asRecordName(const QString &text);

    Workspace &m_workspace;
};

} // namespace Gantry::Cli
