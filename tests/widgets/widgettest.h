#pragma once

// Shared set-up for the widget tests: app settings in a temporary folder, and widget look-ups.
#include <QAbstractButton>
#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

namespace Gantry::Test {

// QSettings of this test run live in `dir`, never in the user's own configuration.
inline void isolateSettings(const QTemporaryDir &dir)
{
    QCoreApplication::setOrganizationName(QStringLiteral("GantryTest"));
    QCoreApplication::setApplicationName(QStringLiteral("gantry-test"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("no child %s", qPrintable(name));
    return found;
}

inline void click(const QObject *parent, const QString &buttonName)
{
    QAbstractButton *button = child<QAbstractButton>(parent, buttonName);
    QVERIFY2(button->isEnabled(), qPrintable(buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace Gantry::Test
