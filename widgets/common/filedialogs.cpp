#include "widgets/common/filedialogs.h"

#include <optional>

#include <QFileDialog>
#include <QPointer>
#include <QTimer>

namespace Gantry {

namespace {

std::optional<QString> g_nextFileName;

void show(QFileDialog *dialog, const FileDialogs::Done &done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [done](const QString &path) { done(path); });
    dialog->open();
}

} // namespace

void FileDialogs::setNextFileName(const QString &path)
{
    g_nextFileName = path;
}

bool FileDialogs::answerFromSeam(QWidget *parent, const Done &done)
{
    if (!g_nextFileName)
        return false;
    const QString path = *g_nextFileName;
    g_nextFileName.reset();
    // Answer later, as a real dialog would, so callers never re-enter themselves.
    QTimer::singleShot(0, parent, [path, done] {
        if (!path.isEmpty())
            done(path);
    });
    return true;
}

void FileDialogs::chooseDirectory(QWidget *parent, const QString &title, const QString &dir, Done done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title, dir);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    show(dialog, done);
}

void FileDialogs::chooseFileToOpen(
    QWidget *parent, const QString &title, const QString &dir, const QString &filter, Done done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title, dir, filter);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setFilter(dialog->filter() | QDir::Hidden); // .env files start with a dot
    show(dialog, done);
}

void FileDialogs::chooseFileToSave(
    QWidget *parent, const QString &title, const QString &path, const QString &filter, Done done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title, path, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    show(dialog, done);
}

} // namespace Gantry
