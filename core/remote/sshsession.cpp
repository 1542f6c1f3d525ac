#include "core/remote/sshsession.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libssh/libssh.h>

#include "core/common/logging.h"
#include "core/common/sha256.h"
#include "core/common/shellquote.h"
#include "core/remote/deadpeer.h"
#include "core/remote/httpresponse.h"
#include "core/remote/knownhostsfile.h"
#include "core/remote/sshtunnel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int ReadChunk = 64 * 1024;
constexpr int DeadPeerKeepAlives = 3; // unanswered keep-alives before the connection is dropped
constexpr qint64 UploadChunk = 256 * 1024;

// Cuts a byte stream into lines for a callback, keeping the whole stream too.
class LineFeed {
public:
    explicit LineFeed(const SshSession::OutputCallback &callback)
        : m_callback(callback)
    {
    }

    void append(const char *data, int size, QByteArray &all, bool keep = true)
    {
        if (keep)
            all.append(data, size);
        if (!m_callback)
            return;
        m_pending.append(data, size);
        qsizetype start = 0;
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
            QByteArray line = m_pending.sliced(start, end - start);
            if (line.endsWith('\r'))
                line.chop(1);
            m_callback(line);
            start = end + 1;
        }
        m_pending.remove(0, start);
    }

    void finish()
    {
        if (m_callback && !m_pending.isEmpty())
            m_callback(m_pending);
        m_pending.clear();
    }

private:
    const SshSession::OutputCallback &m_callback;
    QByteArray m_pending;
};

struct ChannelDeleter {
    void operator()(ssh_channel channel) const
    {
        if (ssh_channel_is_open(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    }
};
using Channel = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;

struct KeyDeleter {
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using Key = std::unique_ptr<ssh_key_struct, KeyDeleter>;

QString libsshError(ssh_session session)
{
    return QString::fromUtf8(ssh_get_error(session));
}

} // namespace

struct SshSession::Private {
    SshTarget target;
    ssh_session session = nullptr;
    HostKeyInfo hostKey;
    std::unique_ptr<SshTunnel> tunnel; // through the jump servers; closed after the session

    ~Private()
    {
        if (session) {
            ssh_disconnect(session);
            ssh_free(session);
        }
        tunnel.reset();
    }

    Error lost(const QString &what) const
    {
        if (!target.jumps.empty())
            return Error { SshSession::tr("The connection to %1 through %2 was lost while %3.")
                               .arg(target.display(), target.jumps.back().label(), what),
                SshSession::tr(
                    "Check the network and that %1 and the server are up, then try again; a deploy "
                    "that was cut off leaves the running service as it was.")
                    .arg(target.jumps.back().label()),
                libsshError(session), ErrorKind::ConnectionLost };
        return Error { SshSession::tr("The connection to %1 was lost while %2.").arg(target.display(), what),
            SshSession::tr("Check the network and that the server is up, then try again; a deploy that was "
                           "cut off leaves the running service as it was."),
            libsshError(session), ErrorKind::ConnectionLost };
    }

    Result<void> connect(const HostKeyPolicy &policy, SshPrompter *prompter, qintptr socket);
    Result<void> checkHostKey(const HostKeyPolicy &policy);
    Result<void> authenticate(SshPrompter *prompter);
    Result<void> authenticateKey(SshPrompter *prompter);
    Result<void> authenticatePassword(SshPrompter *prompter);
    std::optional<QString> ask(
        SshPrompter *prompter, SshPrompter::Kind kind, const QString &prompt, bool echo = false) const;
    Result<Channel> openExec(const QString &command);
};

std::optional<QString> SshSession::Private::ask(
    SshPrompter *prompter, SshPrompter::Kind kind, const QString &prompt, bool echo) const
{
    if (!prompter)
        return std::nullopt;
    return prompter->ask(SshPrompter::Question { kind, target.display(), prompt, echo });
}

Result<void> SshSession::Private::connect(const HostKeyPolicy &policy, SshPrompter *prompter, qintptr socket)
{
    session = ssh_new();
    if (!session)
        return fail(SshSession::tr("Gantry could not start an SSH session (out of memory)."),
            SshSession::tr("Close other programs and try again."));

    const QByteArray host = target.host.toUtf8();
    const QByteArray user = target.user.toUtf8();
    const QByteArray knownHosts = QDir::toNativeSeparators(target.knownHostsFile).toUtf8();
    const int port = target.port;
    const long timeout = long(target.connectTimeout.count());
    const int noDelay = 1;
    const bool processConfig = false; // the server record is the whole truth, not ~/.ssh/config
    ssh_options_set(session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    if (!user.isEmpty())
        ssh_options_set(session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(session, SSH_OPTIONS_NODELAY, &noDelay);
    ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    // AES-GCM first: with AES-NI it moves bulk data faster than chacha20, OpenSSH's first choice.
    const char *ciphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                          "aes128-ctr,aes256-ctr";
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_C_S, ciphers);
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_S_C, ciphers);
    ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, knownHosts.constData());
    if (socket != -1) {
        const socket_t fd = socket_t(socket);
        ssh_options_set(session, SSH_OPTIONS_FD, &fd);
    }

    if (ssh_connect(session) != SSH_OK) {
        const QString cause = libsshError(session);
        const QString lower = cause.toLower();
        if (lower.contains(u"refused"_s))
            return fail(SshSession::tr("%1 refused the connection on port %2.").arg(target.host).arg(port),
                SshSession::tr("Check that the SSH server runs there and that the port is right."), cause);
        if (lower.contains(u"resolve"_s) || lower.contains(u"name or service"_s))
            return fail(SshSession::tr("The server name %1 could not be found.").arg(target.host),
                SshSession::tr("Check the spelling of the address, or use its IP address."), cause);
        if (lower.contains(u"timeout"_s) || lower.contains(u"timed out"_s))
            return fail(SshSession::tr("Could not reach %1: it did not answer within %2 seconds.")
                            .arg(target.host)
                            .arg(timeout),
                SshSession::tr(
                    "Check the address, that the server is up, and that no firewall blocks port %1.")
                    .arg(port),
                cause);
        return fail(SshSession::tr("Could not connect to %1.").arg(target.display()),
            SshSession::tr("Check the address and port, and that the server is up."), cause);
    }

    if (auto checked = checkHostKey(policy); !checked)
        return checked;
    if (auto authenticated = authenticate(prompter); !authenticated)
        return authenticated;

    // From here on, every blocking call waits at most this long for the server.
    const long readTimeout = 60;
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &readTimeout);
    // Three keep-alives without an answer from the server's TCP and the connection is dropped.
    if (socket == -1)
        DeadPeer::limit(ssh_get_fd(session), DeadPeerKeepAlives * target.keepAlive);
    return {};
}

Result<void> SshSession::Private::checkHostKey(const HostKeyPolicy &policy)
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(session, &raw) != SSH_OK)
        return fail(SshSession::tr("%1 did not send a host key.").arg(target.display()),
            SshSession::tr("Check that the address points to an SSH server."), libsshError(session));
    Key key(raw);
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) != SSH_OK)
        return fail(SshSession::tr("The host key of %1 could not be read.").arg(target.display()),
            SshSession::tr("Try again; if it persists, check the server's SSH configuration."),
            libsshError(session));
    char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    ssh_clean_pubkey_hash(&hash);
    hostKey.fingerprint = QString::fromLatin1(fingerprint);
    ssh_string_free_char(fingerprint);
    hostKey.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    char *entry = nullptr;
    if (ssh_session_export_known_hosts_entry(session, &entry) == SSH_OK) {
        hostKey.knownHostsLine = QString::fromUtf8(entry).trimmed();
        ssh_string_free_char(entry);
    }

    const QString changedHint = SshSession::tr(
        "Ask the server's administrator whether the key was changed (for example after a reinstall). Only "
        "then "
        "forget the old key (Servers, or gantryctl server trust NAME --forget) and trust the new one.");
    const Result<KnownHostsFile::Match> known =
        KnownHostsFile::check(target.knownHostsFile, hostKey.knownHostsLine);
    if (!known)
        return std::unexpected(known.error());
    if (*known == KnownHostsFile::Match::Known)
        return {};
    if (*known == KnownHostsFile::Match::Changed)
        return fail(
            SshSession::tr(
                "The host key of %1 has changed since you trusted it (it is now %2). Someone may be "
                "intercepting the connection, or the server was reinstalled; Gantry refused to connect.")
                .arg(target.display(), hostKey.fingerprint),
            changedHint);

    const bool trusted = policy.trusted.contains(hostKey.fingerprint);
    if (!trusted && !policy.trustFingerprint.isEmpty() && policy.trustFingerprint != hostKey.fingerprint)
        return fail(
            SshSession::tr("The fingerprint you gave (%1) does not match the host key of %2, which is %3.")
                .arg(policy.trustFingerprint, target.display(), hostKey.fingerprint),
            SshSession::tr("Check the fingerprint with the server's administrator; do not trust the server "
                           "until they match."));
    if (!trusted && !policy.acceptNew && policy.trustFingerprint.isEmpty())
        return std::unexpected(Error {
            SshSession::tr("%1 is not trusted yet. Its host key fingerprint is %2.")
                .arg(target.display(), hostKey.fingerprint),
            SshSession::tr(
                "Compare the fingerprint with the one your server administrator gives you (ssh-keygen -lf "
                "/etc/ssh/ssh_host_ed25519_key.pub on the server), then trust it: choose Trust, or pass "
                "--trust-host-key %1 (or --accept-new-host-key).")
                .arg(hostKey.fingerprint),
            {}, ErrorKind::UnknownHostKey, hostKey.fingerprint, target.display() });

    if (auto saved = KnownHostsFile::append(target.knownHostsFile, hostKey.knownHostsLine); !saved)
        return fail(SshSession::tr("The host key of %1 could not be saved to %2.")
                        .arg(target.display(), QDir::toNativeSeparators(target.knownHostsFile)),
            saved.error().hint, saved.error().message + u' ' + saved.error().cause);
    qCInfo(lcSsh).noquote() << "pinned host key" << hostKey.fingerprint << "of" << target.display();
    return {};
}

Result<void> SshSession::Private::authenticate(SshPrompter *prompter)
{
    // A key file is offered at once: asking "none" first would cost a round trip on every connect.
    if (target.auth == AuthKind::Key)
        return authenticateKey(prompter);
    // "none" first otherwise: some servers accept it, and it makes the method list available.
    if (ssh_userauth_none(session, nullptr) == SSH_AUTH_SUCCESS)
        return {};
    switch (target.auth) {
    case AuthKind::Key:
        return authenticateKey(prompter);
    case AuthKind::Password:
        return authenticatePassword(prompter);
    case AuthKind::Agent:
        break;
    }
    // The agent, then the default key files in ~/.ssh, as ssh does.
    const int rc = ssh_userauth_publickey_auto(session, nullptr, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return std::unexpected(lost(SshSession::tr("logging in")));
#ifdef Q_OS_WIN
    // libssh 0.10 reaches an agent only through an AF_UNIX socket named by SSH_AUTH_SOCK: neither
    // Pageant nor the Windows OpenSSH agent's named pipe (\\.\pipe\openssh-ssh-agent).
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return fail(SshSession::tr("%1 accepted none of your default keys, and Gantry cannot use Pageant or "
                                   "the Windows OpenSSH agent.")
                        .arg(target.display()),
            SshSession::tr("Choose your private key file (for example %1) or a password for this server.")
                .arg(QDir::toNativeSeparators(QDir::homePath() + u"/.ssh/id_ed25519"_s)));
#endif
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return fail(SshSession::tr("No SSH agent is running, and %1 accepted none of your default keys.")
                        .arg(target.display()),
            SshSession::tr("Start your SSH agent and add your key (ssh-add), or choose a key file or a "
                           "password for this server."));
    return fail(SshSession::tr("%1 accepted none of the keys in your SSH agent.").arg(target.display()),
        SshSession::tr("Add the right key to the agent (ssh-add), or put your public key into "
                       "~/.ssh/authorized_keys of %1 on the server.")
            .arg(target.user));
}

Result<void> SshSession::Private::authenticateKey(SshPrompter *prompter)
{
    const QString path = QDir::toNativeSeparators(target.keyFile);
    if (!QFileInfo(target.keyFile).isReadable())
        return fail(SshSession::tr("The key file %1 does not exist or cannot be read.").arg(path),
            SshSession::tr("Choose an existing private key file for this server."));
    // Read with Qt, not by libssh: its fopen takes the path in the ANSI code page on Windows.
    QFile keyFile(target.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(SshSession::tr("The key file %1 cannot be read.").arg(path),
            SshSession::tr("Choose an existing private key file for this server."), keyFile.errorString());
    const QByteArray file = keyFile.readAll();
    ssh_key raw = nullptr;
    int rc = ssh_pki_import_privkey_base64(file.constData(), nullptr, nullptr, nullptr, &raw);
    for (int attempt = 0; rc != SSH_OK && attempt < 3; ++attempt) {
        const auto passphrase = ask(prompter, SshPrompter::Kind::KeyPassphrase, path);
        if (!passphrase)
            return fail(SshSession::tr("The key %1 needs its passphrase, and none was given.").arg(path),
                SshSession::tr(
                    "Enter the key's passphrase, or add the key to your SSH agent and choose agent login."));
        rc = ssh_pki_import_privkey_base64(
            file.constData(), passphrase->toUtf8().constData(), nullptr, nullptr, &raw);
    }
    if (rc != SSH_OK)
        return fail(
            SshSession::tr(
                "The key %1 could not be opened: the passphrase is wrong or the file is not a private key.")
                .arg(path),
            SshSession::tr(
                "Check the passphrase and that the file is an OpenSSH private key (ed25519, ECDSA or RSA)."));
    Key key(raw);
    rc = ssh_userauth_publickey(session, nullptr, key.get());
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return std::unexpected(lost(SshSession::tr("logging in")));
    return fail(SshSession::tr("%1 refused the key %2.").arg(target.display(), path),
        SshSession::tr(
            "Put the matching public key (%1.pub) into ~/.ssh/authorized_keys of %2 on the server.")
            .arg(path, target.user));
}

Result<void> SshSession::Private::authenticatePassword(SshPrompter *prompter)
{
    const int methods = ssh_userauth_list(session, nullptr);
    const Error refused { SshSession::tr("%1 refused the password.").arg(target.display()),
        SshSession::tr("Check the user name and password; a password remembered in the keychain can be "
                       "replaced in Servers."),
        {} };
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        const auto password = ask(prompter, SshPrompter::Kind::Password, SshSession::tr("Password"));
        if (!password)
            return fail(SshSession::tr("No password was given for %1.").arg(target.display()),
                SshSession::tr("Enter the password, or choose key or agent login for this server."));
        const int rc = ssh_userauth_password(session, nullptr, password->toUtf8().constData());
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return std::unexpected(lost(SshSession::tr("logging in")));
        return std::unexpected(refused);
    }
    if (!(methods & SSH_AUTH_METHOD_INTERACTIVE))
        return fail(SshSession::tr("%1 does not accept passwords.").arg(target.display()),
            SshSession::tr("Choose key or agent login for this server."));
    int rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(session);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const QString prompt =
                QString::fromUtf8(ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo));
            const auto kind = prompt.contains(u"password"_s, Qt::CaseInsensitive)
                ? SshPrompter::Kind::Password
                : SshPrompter::Kind::KeyboardInteractive;
            const auto answer = ask(prompter, kind, prompt, echo != 0);
            if (!answer)
                return fail(SshSession::tr("Login to %1 was cancelled.").arg(target.display()),
                    SshSession::tr("Answer the server's questions to log in."));
            ssh_userauth_kbdint_setanswer(session, unsigned(i), answer->toUtf8().constData());
        }
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return std::unexpected(lost(SshSession::tr("logging in")));
    return std::unexpected(refused);
}

Result<Channel> SshSession::Private::openExec(const QString &command)
{
    Channel channel(ssh_channel_new(session));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), command.toUtf8().constData()) != SSH_OK)
        return std::unexpected(lost(SshSession::tr("starting a command")));
    return channel;
}

SshSession::SshSession()
    : d(std::make_unique<Private>())
{
}

SshSession::~SshSession() = default;

Result<std::unique_ptr<SshSession>> SshSession::connect(
    const SshTarget &target, const HostKeyPolicy &policy, SshPrompter *prompter, qintptr socket)
{
    std::unique_ptr<SshSession> session(new SshSession);
    session->d->target = target;
    if (!target.jumps.empty() && socket == -1) {
        auto tunnel = SshTunnel::openChain(target, policy, prompter);
        if (!tunnel)
            return std::unexpected(tunnel.error());
        socket = (*tunnel)->takeSocket();
        session->d->tunnel = std::move(*tunnel);
    }
    if (auto connected = session->d->connect(policy, prompter, socket); !connected)
        return std::unexpected(connected.error());
    qCInfo(lcSsh).noquote() << "connected to" << target.display();
    return session;
}

ssh_session_struct *SshSession::nativeHandle() const
{
    return d->session;
}

const SshTarget &SshSession::target() const
{
    return d->target;
}

HostKeyInfo SshSession::hostKey() const
{
    return d->hostKey;
}

QString SshSession::unknownHostKeyFingerprint(const Error &error)
{
    return error.kind == ErrorKind::UnknownHostKey ? error.subject : QString();
}

QString SshSession::unknownHostKeyHost(const Error &error)
{
    return error.kind == ErrorKind::UnknownHostKey ? error.where : QString();
}

Result<SshSession::ExecResult> SshSession::exec(const QString &command, const ExecOptions &options)
{
    auto channel = d->openExec(command);
    if (!channel)
        return std::unexpected(channel.error());
    ssh_channel ch = channel->get();

    for (qsizetype written = 0; written < options.stdinData.size();) {
        const int n = ssh_channel_write(ch, options.stdinData.constData() + written,
            uint32_t(qMin<qsizetype>(options.stdinData.size() - written, ReadChunk)));
        if (n < 0)
            return std::unexpected(d->lost(tr("sending a command")));
        written += n;
    }
    ssh_channel_send_eof(ch);

    ExecResult result;
    LineFeed out(options.onStdout);
    LineFeed err(options.onStderr);
    QDeadlineTimer deadline(options.timeout);
    QDeadlineTimer keepAlive(d->target.keepAlive);
    char buffer[ReadChunk];
    while (true) {
        if (options.keepGoing && !options.keepGoing()) {
            // journalctl -f only notices a closed pipe when it next writes: ask it to end now.
            ssh_channel_request_send_signal(ch, "TERM");
            ssh_channel_close(ch);
            out.finish();
            err.finish();
            result.cancelled = true;
            return result;
        }
        const int n = ssh_channel_read_timeout(ch, buffer, sizeof buffer, 0, 100);
        if (n == SSH_ERROR)
            return std::unexpected(d->lost(tr("a command ran")));
        if (n > 0)
            out.append(buffer, n, result.stdOut, options.keepOutput);
        const int e = ssh_channel_read_nonblocking(ch, buffer, sizeof buffer, 1);
        if (e == SSH_ERROR)
            return std::unexpected(d->lost(tr("a command ran")));
        if (e > 0)
            err.append(buffer, e, result.stdErr);
        if (n > 0 || e > 0) {
            keepAlive.setRemainingTime(d->target.keepAlive);
            continue;
        }
        if (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch))
            break;
        if (deadline.hasExpired())
            return fail(tr("A command on %1 did not finish within %2 seconds.")
                            .arg(d->target.display())
                            .arg(options.timeout.count()),
                tr("Check the server's load and its logs, then try again."), command.left(200));
        if (keepAlive.hasExpired()) {
            // A silent command and a dead link look alike; ask the server to prove it is there.
            if (ssh_send_ignore(d->session, "keepalive") != SSH_OK)
                return std::unexpected(d->lost(tr("a command ran")));
            keepAlive.setRemainingTime(d->target.keepAlive);
        }
    }
    out.finish();
    err.finish();
    result.exitStatus = ssh_channel_get_exit_status(ch);
    return result;
}

Result<qint64> SshSession::upload(
    const QString &localPath, const QString &remotePath, const ProgressCallback &progress)
{
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The file %1 could not be read for upload.").arg(QDir::toNativeSeparators(localPath)),
            tr("Build again, then deploy."), file.errorString());
    const qint64 total = file.size();
    const QByteArray target = shellQuote(remotePath);
    // The file only takes its name once every byte is there: an interrupted upload leaves a
    // .part file that the next upload removes, never a short file under the real name. (Hashing
    // the stream with tee on the server was measured slower than hashing the file after it.)
    const QByteArray part = target + ".part.$$";
    const QString command = QString::fromUtf8("umask 077 && rm -f " + target + ".part.* && cat > " + part +
        " && test \"$(wc -c < " + part + ")\" -eq " + QByteArray::number(total) + " && mv -f " + part + " " +
        target + " && " + sha256Command(target));
    auto channel = d->openExec(command);
    if (!channel)
        return std::unexpected(channel.error());
    ssh_channel ch = channel->get();

    Sha256 hash;
    QByteArray buffer(UploadChunk, Qt::Uninitialized);
    qint64 sent = 0;
    if (progress)
        progress(0, total);
    while (sent < total) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            return fail(
                tr("The file %1 could not be read for upload.").arg(QDir::toNativeSeparators(localPath)),
                tr("Build again, then deploy."), file.errorString());
        hash.addData(QByteArrayView(buffer.constData(), n));
        for (qint64 written = 0; written < n;) {
            const int w = ssh_channel_write(ch, buffer.constData() + written, uint32_t(n - written));
            if (w < 0)
                return std::unexpected(d->lost(tr("uploading %1").arg(QFileInfo(localPath).fileName())));
            written += w;
        }
        sent += n;
        if (progress)
            progress(sent, total);
    }
    ssh_channel_send_eof(ch);

    QByteArray out;
    QByteArray err;
    char readBuffer[4096];
    QDeadlineTimer deadline(std::chrono::seconds(120));
    while (!deadline.hasExpired()) {
        const int n = ssh_channel_read_timeout(ch, readBuffer, sizeof readBuffer, 0, 200);
        if (n == SSH_ERROR)
            return std::unexpected(d->lost(tr("checking the upload")));
        if (n > 0)
            out.append(readBuffer, n);
        const int e = ssh_channel_read_nonblocking(ch, readBuffer, sizeof readBuffer, 1);
        if (e == SSH_ERROR)
            return std::unexpected(d->lost(tr("checking the upload")));
        if (e > 0)
            err.append(readBuffer, e);
        if (n == 0 && e <= 0 && (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch))) // e: 0, or SSH_EOF
            break;
    }
    const int status = ssh_channel_get_exit_status(ch);
    const QString errors = QString::fromUtf8(err).trimmed();
    if (status != 0) {
        if (errors.contains(u"No space left"_s))
            return fail(tr("%1 ran out of disk space while receiving %2.")
                            .arg(d->target.display(), QFileInfo(localPath).fileName()),
                tr("Free space on the server (or keep fewer releases), then deploy again; the running "
                   "service was not changed."),
                errors);
        return fail(tr("The upload to %1 failed with exit status %2.").arg(d->target.display()).arg(status),
            tr("Check that %1 can write to %2, and that the disk is not full.")
                .arg(d->target.user, remotePath),
            errors);
    }
    const QByteArray expected = hash.result().toHex();
    if (!out.startsWith(expected)) {
        exec(QString::fromUtf8("rm -f " + target), {});
        return fail(tr("The upload to %1 arrived damaged: its sha256 on the server does not match.")
                        .arg(d->target.display()),
            tr("Deploy again; if it happens again, check the network and the server's disk."),
            QString::fromUtf8(out.left(64)));
    }
    return sent;
}

QByteArray SshSession::sha256Command(const QByteArray &quotedPath)
{
    return "{ openssl dgst -sha256 -r " + quotedPath + " 2>/dev/null || sha256sum " + quotedPath + "; }";
}

Result<SshSession::HttpResponse> SshSession::httpGet(
    int port, const QString &path, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    QElapsedTimer clock;
    clock.start();
    Channel channel(ssh_channel_new(d->session));
    if (!channel)
        return std::unexpected(d->lost(tr("checking health")));
    if (ssh_channel_open_forward(channel.get(), "127.0.0.1", port, "127.0.0.1", 0) != SSH_OK) {
        if (!ssh_is_connected(d->session))
            return std::unexpected(d->lost(tr("checking health")));
        return fail(tr("Nothing answers on port %1 of %2.").arg(port).arg(d->target.host),
            tr("The service is not listening (yet): check that it started and that the profile's port is the "
               "one it uses."),
            libsshError(d->session));
    }
    const QByteArray request = "GET " + (path.startsWith(u'/') ? path : u'/' + path).toUtf8() +
        " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nUser-Agent: Gantry\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    if (ssh_channel_write(channel.get(), request.constData(), uint32_t(request.size())) != request.size())
        return std::unexpected(d->lost(tr("checking health")));

    QByteArray raw;
    char buffer[8192];
    while (true) {
        const int remaining = int(qBound<qint64>(1, deadline.remainingTime(), qint64(200)));
        const int n = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, remaining);
        if (n == SSH_ERROR)
            return std::unexpected(d->lost(tr("checking health")));
        if (n > 0)
            raw.append(buffer, n);
        const bool ended =
            n == 0 && (ssh_channel_is_eof(channel.get()) || ssh_channel_is_closed(channel.get()));
        if (auto parsed = HttpResponseParser::parse(raw, ended)) {
            if (!*parsed)
                return std::unexpected(parsed->error());
            return HttpResponse { (*parsed)->status, (*parsed)->body,
                std::chrono::milliseconds(clock.elapsed()) };
        }
        if (deadline.hasExpired())
            return fail(tr("The health check on port %1 of %2 got no answer within %3 ms.")
                            .arg(port)
                            .arg(d->target.host)
                            .arg(timeout.count()),
                tr("The service accepted the connection but did not answer: check its logs."));
    }
}

} // namespace Gantry
