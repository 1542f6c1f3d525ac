#pragma once

#include <QIcon>
#include <QString>

namespace Gantry {

// The icon `name` (resources/icons/<name>.svg) from the PNGs the build rendered at every size
// the UI uses (:/icons/<name>/<size>.png, cmake/GantryIcons.cmake): QIcon then picks the
// nearest size at or above what a screen of any scale factor asks for, and no SVG is read.
QIcon appIcon(const QString &name);

} // namespace Gantry
