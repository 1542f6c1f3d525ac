#include "app/terminationsignals.h"

namespace Gantry {

void quitOnTerminationSignals(QCoreApplication *)
{
    // Windows ends GUI apps with WM_CLOSE / WM_ENDSESSION, which Qt handles as a normal quit.
}

} // namespace Gantry
