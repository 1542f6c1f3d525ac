#pragma once

#include <QString>

namespace Gantry {

// One environment variable of a deploy profile, as read from or written to a file.
struct EnvVariable {
    QString name;
    QString value;
    bool secret = false; // kept out of logs and error messages
    int line = 0; // where the assignment starts in the file it came from; 0 when not from a file
};

} // namespace Gantry
