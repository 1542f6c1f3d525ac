// Qt Gui splits some painting and image conversions over QThreadPool::globalInstance() and waits
// for every part on the GUI thread. Gantry's own background work (hashing artifacts, packing
// archives, scanning projects, reading build folders) must therefore never occupy that pool, or a
// repaint waits for a whole hash: the GUI stalls seen at the start of deploys.
#include <QElapsedTimer>
#include <QImage>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include "core/common/async.h"

class tst_BackgroundWork : public QObject {
    Q_OBJECT

private slots:
    void guiImageWorkDoesNotWaitForGantryWork();
};

void tst_BackgroundWork::guiImageWorkDoesNotWaitForGantryWork()
{
    // As many long jobs as the machine has cores, all busy until released.
    QSemaphore release;
    QSemaphore started;
    const int jobs = std::max(2, QThread::idealThreadCount());
    QList<QFuture<int>> running;
    for (int i = 0; i < jobs; ++i)
        running << Gantry::runInPool([&release, &started] {
            started.release();
            release.tryAcquire(1, 5000);
            return 0;
        });
    QVERIFY(started.tryAcquire(jobs, 10000));

    // A conversion large enough for Qt to split it over the global pool.
    QImage image(2048, 2048, QImage::Format_ARGB32);
    image.fill(Qt::darkCyan);
    QElapsedTimer clock;
    clock.start();
    const QImage converted = image.convertToFormat(QImage::Format_RGB888);
    const qint64 took = clock.elapsed();
    release.release(jobs);
    for (QFuture<int> &f : running)
        f.waitForFinished();
    QCOMPARE(converted.pixelColor(7, 7), QColor(Qt::darkCyan));
    QVERIFY2(
        took < 1000, qPrintable(QStringLiteral("the conversion waited %1 ms for Gantry's jobs").arg(took)));
}

QTEST_MAIN(tst_BackgroundWork)
#include "tst_backgroundwork.moc"
