#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/buildmanifest.h"

using namespace Qt::StringLiterals;
using Gantry::BuildArtifact;
using Gantry::BuildManifest;

class tst_BuildManifest : public QObject {
    Q_OBJECT
private slots:
    void recentBuilds_data();
    void recentBuilds();
    void linuxTargets();
};

namespace {

// A dist folder of "VERSION" (a build), "VERSION:bad" (invalid JSON) and "VERSION:none" (no manifest)
// folders, built oldest first (by the manifest's time, whatever the folders' names and order).
void writeDist(const QString &dist, const QStringList &folders)
{
    QDateTime time = QDateTime::currentDateTime().addSecs(-3600);
    for (const QString &folder : folders) {
        const QString version = folder.section(u':', 0, 0);
        const QString kind = folder.section(u':', 1);
        const QString dir = QDir(dist).filePath(version);
        QVERIFY(QDir().mkpath(dir));
        if (kind != u"none"_s) {
            BuildManifest m;
            m.project = u"shop"_s;
            m.version = version;
            m.artifacts.append(
                { u"archive"_s, u"linux/amd64"_s, u"."_s, u"shop"_s, u"a.tar.gz"_s, 1, {}, {} });
            QFile file(dir + u"/manifest.json"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kind == u"bad"_s ? "{ not json" : QJsonDocument(m.toJson()).toJson());
            QVERIFY(file.flush()); // a write after the stamp would move it
            time = time.addSecs(60);
            QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
        }
    }
}

} // namespace

void tst_BuildManifest::recentBuilds_data()
{
    QTest::addColumn<QStringList>("folders");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("versions");
    QTest::newRow("no dist folder") << QStringList {} << 5 << QStringList {};
    QTest::newRow("newest first") << QStringList { u"1.0.0"_s, u"1.1.0"_s, u"1.2.0"_s } << 5
                                  << QStringList { u"1.2.0"_s, u"1.1.0"_s, u"1.0.0"_s };
    QTest::newRow("at most the limit")
        << QStringList { u"1.0.0"_s, u"1.1.0"_s, u"1.2.0"_s } << 2 << QStringList { u"1.2.0"_s, u"1.1.0"_s };
    QTest::newRow("unreadable ones passed over")
        << QStringList { u"1.0.0"_s, u"1.1.0:bad"_s, u"1.2.0:none"_s } << 5 << QStringList { u"1.0.0"_s };
}

void tst_BuildManifest::recentBuilds()
{
    QFETCH(QStringList, folders);
    QFETCH(int, limit);
    QFETCH(QStringList, versions);
    QTemporaryDir tmp;
    const QString dist = tmp.filePath(u"dist"_s);
    writeDist(dist, folders);
    QStringList got;
    for (const BuildManifest &m : BuildManifest::recent(dist, limit)) {
        got << m.version;
        QCOMPARE(m.outputDir, QDir(dist).filePath(m.version));
    }
    QCOMPARE(got, versions);
}

void tst_BuildManifest::linuxTargets()
{
    BuildManifest m;
    const auto add = [&m](const QString &kind, const QString &target) {
        m.artifacts.append(BuildArtifact { kind, target, u"."_s, u"shop"_s, {}, 0, {}, {} });
    };
    add(u"archive"_s, u"linux/arm64"_s);
    add(u"binary"_s, u"linux/riscv64"_s);
    add(u"archive"_s, u"windows/amd64"_s);
    add(u"archive"_s, u"linux/amd64"_s);
    add(u"archive"_s, u"linux/amd64"_s);
    QCOMPARE(m.linuxTargets(), (QStringList { u"linux/amd64"_s, u"linux/arm64"_s }));
}

QTEST_GUILESS_MAIN(tst_BuildManifest)
#include "tst_buildmanifest.moc"
