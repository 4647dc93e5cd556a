// What the kiosk shows when no bundle can be opened at all: the UI's own titles, so the screen
// is never blank. Real content always comes from a signed bundle.
#pragma once
#include "core/content/model.hpp"

namespace zj {

Content builtinContent();

} // namespace zj
