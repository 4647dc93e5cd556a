// What the investment screen's two files (invest_screen.cpp, invest_tabs.cpp) share: the
// module's hue and the window's draw list. Only for those two files.
#pragma once
#include "ui/theme.hpp"
#include "ui/widgets_internal.hpp"

#include <cstdint>

namespace zj::invest_detail {

using widgets::detail::dl;
inline constexpr uint32_t kHue = tokens::moduleColor[3];

} // namespace zj::invest_detail
