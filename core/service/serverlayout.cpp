#include "core/service/serverlayout.h"

#include "core/common/serverpath.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ServerLayout::ServerLayout(QString app, QString prefix, ReleaseLayout releases)
    : m_app(std::move(app))
    , m_prefix(std::move(prefix))
    , m_releases(std::move(releases))
{
}

Result<ServerLayout> ServerLayout::forApp(const QString &app, const QString &prefix)
{
    QString clean = prefix;
    while (clean.endsWith(u'/'))
        clean.chop(1);
    if (!clean.isEmpty())
        if (auto ok = ServerPath::validate(clean, tr("sandbox folder")); !ok)
            return std::unexpected(ok.error());
    if (app.isEmpty() || app.contains(u'/'))
        return fail(tr("\"%1\" is not a valid service name.").arg(app),
            tr("Use lower-case letters, digits, \".\", \"_\" and \"-\"."));
    auto releases = ReleaseLayout::forRoot(clean + u"/opt/gantry/"_s + app);
    if (!releases)
        return std::unexpected(releases.error());
    return ServerLayout(app, clean, *releases);
}

QString ServerLayout::system(const QString &absolute) const
{
    return m_prefix + absolute;
}

QString ServerLayout::appsRoot() const
{
    return system(u"/opt/gantry"_s);
}

QString ServerLayout::root() const
{
    return m_releases.root();
}

QString ServerLayout::sharedDir() const
{
    return root() + u"/shared"_s;
}

QString ServerLayout::logsDir() const
{
    return sharedDir() + u"/logs"_s;
}

QString ServerLayout::envFile() const
{
    return sharedDir() + u'/' + m_app + u".env"_s;
}

QString ServerLayout::uploadsDir() const
{
    return root() + u"/uploads"_s;
}

QString ServerLayout::uploadFor(const QString &sha256) const
{
    return uploadsDir() + u'/' + sha256 + u".tar.gz"_s;
}

QString ServerLayout::serviceFileBackup() const
{
    // The name older Gantry releases used: a roll back across the upgrade still finds it.
    return root() + u"/.gantry/unit.previous"_s;
}

QString ServerLayout::serviceName() const
{
    return u"gantry-"_s + m_app;
}

} // namespace Gantry
