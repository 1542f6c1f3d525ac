// upload_tool HOST PORT USER KEYFILE KNOWN_HOSTS LOCAL REMOTE
// Uploads LOCAL to REMOTE with Gantry's SshSession (exec channel, sha256 checked on the server)
// and prints the seconds the upload took, then the seconds connect + upload took (scp's figure
// includes its connect). For bench/upload_bench.sh.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include "core/remote/sshsession.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 8) {
        QTextStream(stderr) << "usage: upload_tool HOST PORT USER KEYFILE KNOWN_HOSTS LOCAL REMOTE\n";
        return 2;
    }
    Gantry::SshTarget target;
    target.host = args.at(1);
    target.port = args.at(2).toInt();
    target.user = args.at(3);
    target.auth = Gantry::AuthKind::Key;
    target.keyFile = args.at(4);
    target.knownHostsFile = args.at(5);
    QElapsedTimer connectClock;
    connectClock.start();
    auto session = Gantry::SshSession::connect(target, Gantry::HostKeyPolicy { true, {} }, nullptr);
    if (!session) {
        QTextStream(stderr) << session.error().toString() << '\n';
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    auto sent = (*session)->upload(args.at(6), args.at(7), {});
    if (!sent) {
        QTextStream(stderr) << sent.error().toString() << '\n';
        return 1;
    }
    QTextStream(stdout) << QString::number(double(clock.nsecsElapsed()) / 1e9, 'f', 3) << ' '
                        << QString::number(double(connectClock.nsecsElapsed()) / 1e9, 'f', 3) << '\n';
    return 0;
}
