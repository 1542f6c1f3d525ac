#include "widgets/servers/hostkeyquestion.h"

#include "core/remote/sshsession.h"
#include "widgets/common/messageboxes.h"

namespace Gantry {

QString HostKeyQuestion::unknownFingerprint(const Error &error)
{
    return SshSession::unknownHostKeyFingerprint(error);
}

ServerRecord HostKeyQuestion::serverOf(const HostConnection &connection, const Error &error)
{
    const QString host = SshSession::unknownHostKeyHost(error);
    for (const ServerRecord &jump : connection.jumps.value_or(QList<ServerRecord>()))
        if (SshTarget::fromServer(jump, {}, {}, {}).display() == host)
            return jump;
    return connection.server;
}

void HostKeyQuestion::ask(QWidget *parent, const ServerRecord &server, const QString &fingerprint,
    std::function<void(bool trusted)> done)
{
    MessageBoxes::Question question;
    question.title = tr("New Server Key");
    question.text = tr("This is the first connection to %1 (%2). Its host key has the fingerprint:\n\n%3")
                        .arg(server.name, server.address, fingerprint);
    question.informative = tr("A host key proves you are talking to the same server as before; compare this "
                              "fingerprint with the one your server administrator gives you.");
    question.acceptText = tr("&Trust");
    question.icon = QMessageBox::Warning;
    MessageBoxes::ask(parent, question, std::move(done));
}

} // namespace Gantry
