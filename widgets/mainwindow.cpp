#include "widgets/mainwindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>

#include "widgets/buildpage.h"

namespace Gantry {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_buildPage(new BuildPage(this))
{
    setWindowTitle(tr("Gantry"));
    setCentralWidget(m_buildPage);
    createMenus();
    resize(1000, 680);
    connect(m_buildPage, &BuildPage::projectOpened, this,
        [this](const QString &dir) { setWindowTitle(tr("%1 — Gantry").arg(dir.section(u'/', -1))); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gantry"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Gantry"),
        tr("<h3>Gantry %1</h3><p>Build Go web services and deploy them to your "
           "servers.</p>")
            .arg(QApplication::applicationVersion()),
        QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Gantry
