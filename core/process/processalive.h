#pragma once

#include <QtGlobal>

namespace Gantry {

// Whether a process of this machine still runs: a lock left by a killed Gantry is stale.
bool isProcessAlive(qint64 pid);

} // namespace Gantry
