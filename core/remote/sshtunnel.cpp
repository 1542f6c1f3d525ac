#include "core/remote/sshtunnel.h"

#include <future>

#include <QDeadlineTimer>
#include <QThread>

#include <libssh/libssh.h>

#include "core/common/logging.h"
#include "core/remote/sshsession.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int PumpChunk = 64 * 1024;
constexpr int IdleWaitMs = 50; // also how soon a stopping tunnel notices
constexpr long ReadTimeoutSecs = 60; // SshSession's own, once connected

} // namespace

struct SshTunnel::Pump {
    SshTarget jump;
    SshTarget next;
    SocketPair::Socket over = SocketPair::Invalid;
    HostKeyPolicy policy;
    SshPrompter *prompter = nullptr;
    SocketPair::Socket local = SocketPair::Invalid;
    std::atomic_bool stop = false;
    std::promise<Result<void>> ready;

    void run();
    Result<ssh_channel> openChannel(ssh_session session) const;
    void pump(ssh_session session, ssh_channel channel) const;
    Error throughJump(const Error &why) const;
};

Error SshTunnel::Pump::throughJump(const Error &why) const
{
    return Error {
        SshTunnel::tr("Could not reach %1 through %2: %3").arg(next.label(), jump.label(), why.message),
        why.hint, why.cause
    };
}

void SshTunnel::Pump::run()
{
    auto session = SshSession::connect(jump, policy, prompter, over);
    if (!session) {
        SocketPair::close(local);
        ready.set_value(std::unexpected(throughJump(session.error())));
        return;
    }
    ssh_session raw = (*session)->nativeHandle();
    auto channel = openChannel(raw);
    if (!channel) {
        SocketPair::close(local);
        ready.set_value(std::unexpected(channel.error()));
        return;
    }
    qCInfo(lcSsh).noquote() << "tunnel to" << next.display() << "through" << jump.display();
    ready.set_value({});
    pump(raw, *channel);
    if (ssh_channel_is_open(*channel))
        ssh_channel_close(*channel);
    ssh_channel_free(*channel);
    SocketPair::close(local);
    qCInfo(lcSsh).noquote() << "tunnel to" << next.display() << "closed";
}

Result<ssh_channel> SshTunnel::Pump::openChannel(ssh_session session) const
{
    ssh_channel channel = ssh_channel_new(session);
    if (!channel)
        return std::unexpected(throughJump({ tr("%1 could not open a channel.").arg(jump.label()),
            tr("Try again; if it persists, check the SSH server of %1.").arg(jump.label()),
            QString::fromUtf8(ssh_get_error(session)) }));
    // The jump server answers once its own connection to the next hop succeeded or failed.
    const long openTimeout = long(next.connectTimeout.count());
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &openTimeout);
    const int rc =
        ssh_channel_open_forward(channel, next.host.toUtf8().constData(), next.port, "127.0.0.1", 0);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &ReadTimeoutSecs);
    if (rc == SSH_OK)
        return channel;
    const QString cause = QString::fromUtf8(ssh_get_error(session));
    ssh_channel_free(channel);
    const QString lower = cause.toLower();
    const QString where = u"%1:%2"_s.arg(next.host).arg(next.port);
    // RFC 4254 reason codes: 1 administratively prohibited, 2 connect failed.
    if (lower.contains(u"prohibited"_s) || lower.contains(u"error (1)"_s))
        return fail(tr("Could not reach %1 through %2: %2 refused the forward (administratively prohibited).")
                        .arg(next.label(), jump.label()),
            tr("Check AllowTcpForwarding on %1: its SSH server must allow TCP forwarding for %2.")
                .arg(jump.label(), jump.user),
            cause);
    if (lower.contains(u"error (2)"_s) || lower.contains(u"connect failed"_s))
        return fail(tr("Could not reach %1 through %2: %2 could not connect to %3.")
                        .arg(next.label(), jump.label(), where),
            tr("Check that %1 is up, and that %2 can reach %3.").arg(next.label(), jump.label(), where),
            cause);
    if (!ssh_is_connected(session))
        return fail(tr("Could not reach %1 through %2: the connection to %2 was lost.")
                        .arg(next.label(), jump.label()),
            tr("Check the network and that %1 is up, then try again.").arg(jump.label()), cause);
    if (lower.contains(u"timeout"_s) || lower.contains(u"timed out"_s) || rc == SSH_AGAIN)
        return fail(tr("Could not reach %1 through %2: %3 did not answer within %4 seconds.")
                        .arg(next.label(), jump.label(), where)
                        .arg(openTimeout),
            tr("Check that %1 is up and that no firewall between %2 and it blocks port %3.")
                .arg(next.label(), jump.label())
                .arg(next.port),
            cause);
    return fail(tr("Could not reach %1 through %2: %2 did not open a channel to %3.")
                    .arg(next.label(), jump.label(), where),
        tr("Check that %1 allows TCP forwarding and can reach %2.").arg(jump.label(), where), cause);
}

// Bytes from the channel go to the local socket only once the previous ones are out, so a slow
// reader holds the channel's window back instead of filling memory.
void SshTunnel::Pump::pump(ssh_session session, ssh_channel channel) const
{
    const SocketPair::Socket remote = SocketPair::Socket(ssh_get_fd(session));
    QByteArray toLocal;
    char buffer[PumpChunk];
    QDeadlineTimer keepAlive(jump.keepAlive);
    while (!stop) {
        bool moved = false;
        if (toLocal.isEmpty()) {
            const int n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, 0);
            if (n == SSH_ERROR)
                return;
            if (n > 0) {
                toLocal.append(buffer, n);
                keepAlive.setRemainingTime(jump.keepAlive);
            } else if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel)) {
                return; // the next hop hung up: the local socket closes, its session sees that
            }
        }
        if (!toLocal.isEmpty()) {
            const qint64 sent = SocketPair::send(local, toLocal.constData(), toLocal.size());
            if (sent == -1)
                return;
            if (sent > 0) {
                toLocal.remove(0, sent);
                moved = true;
            }
        }
        const qint64 received = SocketPair::receive(local, buffer, sizeof buffer);
        if (received == 0 || received == -1) {
            ssh_channel_send_eof(channel); // the session on the other end is gone
            return;
        }
        if (received > 0) {
            if (ssh_channel_write(channel, buffer, uint32_t(received)) != int(received))
                return;
            moved = true;
        }
        if (moved)
            continue;
        if (keepAlive.hasExpired()) {
            if (ssh_send_ignore(session, "keepalive") != SSH_OK)
                return;
            keepAlive.setRemainingTime(jump.keepAlive);
        }
        if (!SocketPair::wait(local, !toLocal.isEmpty(), remote, IdleWaitMs))
            return;
    }
}

Result<std::unique_ptr<SshTunnel>> SshTunnel::open(const SshTarget &jump, const SshTarget &next,
    std::unique_ptr<SshTunnel> previous, const HostKeyPolicy &policy, SshPrompter *prompter)
{
    auto pair = SocketPair::create();
    if (!pair)
        return std::unexpected(pair.error());
    std::unique_ptr<SshTunnel> tunnel(new SshTunnel);
    auto pump = std::make_shared<Pump>();
    pump->jump = jump;
    pump->next = next;
    pump->over = previous ? previous->takeSocket() : SocketPair::Invalid;
    pump->policy = policy;
    pump->prompter = prompter;
    pump->local = pair->pumpEnd;
    tunnel->m_previous = std::move(previous);
    tunnel->m_pump = pump;
    tunnel->m_sessionEnd = pair->sessionEnd;
    std::future<Result<void>> ready = pump->ready.get_future();
    tunnel->m_thread.reset(QThread::create([pump] { pump->run(); }));
    tunnel->m_thread->setObjectName(u"ssh jump "_s + jump.label());
    tunnel->m_thread->start();
    Result<void> opened = ready.get(); // the prompter may ask the user meanwhile, on the jump's thread
    if (!opened)
        return std::unexpected(opened.error());
    return tunnel;
}

Result<std::unique_ptr<SshTunnel>> SshTunnel::openChain(
    const SshTarget &target, const HostKeyPolicy &policy, SshPrompter *prompter)
{
    std::unique_ptr<SshTunnel> last;
    for (size_t i = 0; i < target.jumps.size(); ++i) {
        const SshTarget &next = i + 1 < target.jumps.size() ? target.jumps[i + 1] : target;
        auto tunnel = open(target.jumps[i], next, std::move(last), policy, prompter);
        if (!tunnel)
            return std::unexpected(tunnel.error());
        last = std::move(*tunnel);
    }
    return last;
}

SshTunnel::~SshTunnel()
{
    SocketPair::close(m_sessionEnd); // when no session took it
    if (m_pump)
        m_pump->stop = true;
    if (m_thread)
        m_thread->wait();
}

SocketPair::Socket SshTunnel::takeSocket()
{
    return std::exchange(m_sessionEnd, SocketPair::Invalid);
}

} // namespace Gantry
