#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace {
Theme::Kind g_current = Theme::Kind::Light;

QPalette darkPalette()
{
    // Dark greys rather than black: easier on the eyes in a control room, and the Okabe–Ito series
    // colours keep their contrast on it.
    QPalette p;
    const QColor window(0x20, 0x23, 0x28);
    const QColor base(0x17, 0x19, 0x1d);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor muted(0x9a, 0xa0, 0xa8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x27, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x2c, 0x30, 0x36));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x34));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x46));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x37, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2e, 0x34));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xee));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe0));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, muted.darker(130));
    return p;
}
} // namespace

void Theme::apply(Kind kind)
{
    g_current = kind;
    // Fusion draws the same on every platform and honours a custom palette completely.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(palette(kind));
}

QPalette Theme::palette(Kind kind)
{
    return kind == Kind::Dark ? darkPalette() : QApplication::style()->standardPalette();
}

Theme::Kind Theme::current()
{
    return g_current;
}

QString Theme::name(Kind kind)
{
    return kind == Kind::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}
