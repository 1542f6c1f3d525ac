#pragma once

#include <functional>

#include <QString>

class QWidget;

namespace Gantry {

// Non-blocking file dialogs (open(), never exec()) with a test seam: a name set with
// setNextFileName() answers the next dialog instead of showing it.
class FileDialogs final {
public:
    using Done = std::function<void(const QString &path)>;

    static void chooseDirectory(QWidget *parent, const QString &title, const QString &dir, Done done);
    static void chooseFileToOpen(
        QWidget *parent, const QString &title, const QString &dir, const QString &filter, Done done);
    static void chooseFileToSave(
        QWidget *parent, const QString &title, const QString &path, const QString &filter, Done done);

    // Tests: the next dialog is answered with `path` (an empty path cancels it).
    static void setNextFileName(const QString &path);

private:
    static bool answerFromSeam(QWidget *parent, const Done &done);
};

} // namespace Gantry
