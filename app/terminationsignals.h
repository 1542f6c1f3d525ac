#pragma once

class QCoreApplication;

namespace Gantry {

// SIGTERM and SIGINT (logout, `kill`, Ctrl+C in a terminal) end the event loop the normal way,
// so aboutToQuit runs: settings are saved and the demo server is stopped. Windows closes
// GUI apps with WM_CLOSE instead, which Qt already turns into a normal quit.
void quitOnTerminationSignals(QCoreApplication *app);

} // namespace Gantry
