#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/deploy/releaselayout.h"

namespace Gantry {

// Every path Gantry names on a Linux server for one app, in one place:
//
//   /opt/gantry/<app>/                   the deploy root (ReleaseLayout: releases, current, .gantry)
//   /opt/gantry/<app>/shared/<app>.env   the profile's variables, the service user's, 0600
//   /opt/gantry/<app>/shared/logs/       log files where the service manager keeps no journal
//   /opt/gantry/<app>/uploads/           the login user's upload folder, 0700
//   /opt/gantry/<app>/.gantry/unit.previous   the service file before this deploy, for a roll back
//   /etc/systemd/system/gantry-<app>.service  or  /etc/supervisor/conf.d/gantry-<app>.conf
//
// A prefix puts all of them below one folder: a sandbox where tests run the same scripts.
class ServerLayout final {
    Q_DECLARE_TR_FUNCTIONS(ServerLayout)
public:
    // Fails for an app name or prefix that would not make a safe server path.
    static Result<ServerLayout> forApp(const QString &app, const QString &prefix = {});

    const QString &app() const { return m_app; }
    const QString &prefix() const { return m_prefix; }
    // `absolute` (a system path such as /etc/systemd/system) inside this layout's prefix.
    QString system(const QString &absolute) const;

    QString appsRoot() const; // /opt/gantry
    QString root() const; // /opt/gantry/<app>
    QString sharedDir() const;
    QString logsDir() const;
    QString envFile() const;
    QString uploadsDir() const;
    QString uploadFor(const QString &sha256) const; // uploads/<sha256>.tar.gz
    QString serviceFileBackup() const;
    QString serviceName() const; // gantry-<app>: the stem every service manager names it by

    // The release scripts of this root (lock, unpack, switch, record, prune).
    const ReleaseLayout &releases() const { return m_releases; }

private:
    ServerLayout(QString app, QString prefix, ReleaseLayout releases);

    QString m_app;
    QString m_prefix;
    ReleaseLayout m_releases;
};

} // namespace Gantry
