// The kiosk's type sizes (the theme's type scale), one ImFont each.
#pragma once

namespace zj {

enum class FontRole { Caption, Body, BodyBold, H2, H1, Display, Count_ };
constexpr int kFontRoleCount = static_cast<int>(FontRole::Count_);

} // namespace zj
