#pragma once

#include <optional>

#include <QString>

namespace Gantry {

// Asks the user for what an SSH connection needs: a key passphrase, a password, an answer to a
// keyboard-interactive prompt, or the sudo password. Called on the connection's worker thread:
// a GUI implementation hands the question to the GUI thread and waits for the answer; gantryctl
// reads the terminal without echo. std::nullopt means the user declined (cancel).
class SshPrompter {
public:
    enum class Kind { KeyPassphrase, Password, KeyboardInteractive, SudoPassword };

    struct Question {
        Kind kind;
        QString host; // "user@host:port"
        QString prompt; // the server's or libssh's prompt text, or the key file for a passphrase
        bool echo = false; // keyboard-interactive prompts may be echoed (e.g. a user name)
    };

    virtual ~SshPrompter() = default;
    virtual std::optional<QString> ask(const Question &question) = 0;
};

} // namespace Gantry
