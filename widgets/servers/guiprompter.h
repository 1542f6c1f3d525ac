#pragma once

#include <future>
#include <memory>
#include <mutex>
#include <optional>

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include "core/remote/hosttask.h"
#include "core/remote/sshprompter.h"

namespace Gantry {

class Workspace;

// The GUI's answers to SSH questions. ask() runs on a host's worker thread: it hands the question
// to the GUI thread, which answers from this session's passwords, the keychain or a dialog
// (opened, never exec'd), and waits for that answer on the worker only.
class GuiPrompter final : public SshPrompter {
public:
    // Dialogs are shown over `parent`; when it is gone, questions are declined.
    explicit GuiPrompter(QWidget *parent);
    ~GuiPrompter() override;
    Q_DISABLE_COPY_MOVE(GuiPrompter)

    std::optional<QString> ask(const Question &question) override;

    // Where the password of the login "user@host:port" is remembered; enables "Remember".
    void setKeychainKey(const QString &host, const QString &key);
    // How this workspace reaches `server`, asking through this prompter, which learns where the
    // server's password is remembered.
    HostConnection connectionTo(const Workspace &workspace, const ServerRecord &server);
    // Declines every waiting and future question, so workers blocked on one can be joined.
    void declineAll();

    // "gantry:<workspace id>:server:<name>:password", as gantryctl keeps it too.
    static QString serverKeychainKey(const QString &workspaceId, const QString &server);

    // Tests: answers the next questions in order without a dialog (std::nullopt declines).
    static void queueAnswer(std::optional<QString> answer);
    static int questionsAsked();

private:
    struct Pending {
        std::promise<std::optional<QString>> promise;
        bool answered = false;
    };
    using PendingPtr = std::shared_ptr<Pending>;

    static std::optional<std::optional<QString>> takeQueuedAnswer();
    static bool isPassword(const Question &question);
    void resolve(const PendingPtr &pending, const std::optional<QString> &answer);
    void answerOnGuiThread(const Question &question, const PendingPtr &pending);
    void showDialog(const Question &question, const PendingPtr &pending);

    QPointer<QWidget> m_parent;
    std::mutex m_mutex;
    bool m_declined = false;
    QList<PendingPtr> m_pending;
    QHash<QString, QString> m_keys; // GUI thread only
    QHash<QString, QString> m_passwords; // this session's answers, GUI thread only
};

} // namespace Gantry
