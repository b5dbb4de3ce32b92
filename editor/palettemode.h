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

} // namespace frontis
