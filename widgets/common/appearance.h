#pragma once

#include "widgets/common/appsettings.h"

namespace Gantry {

// Applies the light, dark or system colour scheme to the running application.
class Appearance final {
public:
    static void apply(AppSettings::Theme theme);
    // The scheme in use: Light or Dark once applied; System before or when following the system.
    static AppSettings::Theme current();
};

} // namespace Gantry
