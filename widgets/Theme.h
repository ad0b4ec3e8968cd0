#pragma once

#include <QString>

// Light or dark colours for the whole application. Charts, tiles and the heatmap follow the
// application palette, so switching the theme is one call.
namespace Theme {

enum class Kind { Light, Dark };

void apply(Kind kind);
Kind current();
// "light" or "dark", as the config file spells them.
QString name(Kind kind);

} // namespace Theme
