#pragma once

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Gantry {

// Takes a worker thread that was told to stop, or is about to start, and ends by itself: nobody waits for it
// now; it is deleted once finished, and joined at the latest as the application object goes, so no worker
// outlives the application. For stop() methods that must not block the GUI thread (a worker may
// sit in an SSH connect for its whole timeout).
void retireThread(QThread *thread);

} // namespace Gantry
