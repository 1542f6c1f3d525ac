#include "widgets/common/appearance.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

AppSettings::Theme g_current = AppSettings::Theme::System;

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7f, 0x84, 0x8e);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

// Before Qt 6.8 there is no way to ask the platform style for a scheme: use Fusion with a palette.
void applyPalette(AppSettings::Theme theme)
{
    static const QString systemStyle = QApplication::style()->name();
    if (theme == AppSettings::Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(
        theme == AppSettings::Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}
#endif

} // namespace

void Appearance::apply(AppSettings::Theme theme)
{
    g_current = theme;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const Qt::ColorScheme scheme = theme == AppSettings::Theme::Dark ? Qt::ColorScheme::Dark
        : theme == AppSettings::Theme::Light                         ? Qt::ColorScheme::Light
                                                                     : Qt::ColorScheme::Unknown;
    QGuiApplication::styleHints()->setColorScheme(scheme);
#else
    applyPalette(theme);
#endif
}

AppSettings::Theme Appearance::current()
{
    return g_current;
}

} // namespace Gantry
