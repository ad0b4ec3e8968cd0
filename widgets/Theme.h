#pragma once

#include <QPalette>
#include <QString>

// Light or dark colours for the whole application. Charts, tiles and the heatmap follow the
// application palette, so switching the theme is one call.
namespace Theme {

enum class Kind { Light, Dark };

void apply(Kind kind);
// The colours of a theme, for a window that keeps its own whatever the application's (presentation mode).
QPalette palette(Kind kind);
Kind current();
// "light" or "dark", as the config file spells them.
QString name(Kind kind);

} // namespace Theme
