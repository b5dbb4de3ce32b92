#pragma once

#include <QPalette>

namespace frontis {

// True for a dark colour scheme (light text on a dark window), whatever the platform calls it.
// Window roles are used because the editor may override Base and Text with its theme's colours.
inline bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::WindowText).lightness() >
           palette.color(QPalette::Window).lightness();
}

// Text that reads as secondary (notes, hints) on any palette, even one whose placeholder colour
// was never set: the window text blended a third of the way towards the window.
inline QColor secondaryTextColor(const QPalette& palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const auto mix = [](float a, float b) { return 0.65f * a + 0.35f * b; };
    return QColor::fromRgbF(mix(text.redF(), window.redF()), mix(text.greenF(), window.greenF()),
                            mix(text.blueF(), window.blueF()));
}

} // namespace frontis
