#pragma once

#include <QCoreApplication>
#include <QJsonObject>

#include "core/common/error.h"

namespace Gantry {

class Workspace;

// A workspace as one JSON document and back. Secret values are never in it: a secret variable
// is exported by name, and an import makes a new keychain reference for it.
class WorkspaceTransfer final {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceTransfer)
public:
    static constexpr int FormatVersion = 1;

    static Result<QJsonObject> exportJson(const Workspace &workspace);
    // Projects and servers replace those of the same name; history rows are added once.
    static Result<void> importJson(Workspace &workspace, const QJsonObject &json);
};

} // namespace Gantry
