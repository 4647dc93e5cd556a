// What the media widget files share: the window's draw list, texture handles and the texture
// cache request at the size an image occupies on screen. For app/ui/widgets_*.cpp and the
// screens that draw with the same list (map_panels.cpp, invest_internal.hpp).
#pragma once
#include "platform/texture_cache.hpp"
#include "ui/ui_context.hpp"

#include <cmath>
#include <cstdint>
#include <string>

namespace zj::widgets::detail {

inline ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
inline constexpr double kFrameKeepAliveMs = 34; // one more frame at 30 fps while something moves
inline ImTextureID texId(uint64_t gl) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(gl));
}
inline bool inRect(Vec2 p, ImVec2 min, ImVec2 max) {
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
}
// The pixels an image drawn into [min, max] occupies: the texture cache decodes a JPEG to the
// smallest DCT scale that still covers it.
inline DisplaySize onScreen(ImVec2 min, ImVec2 max, bool contain) {
    return {static_cast<int>(std::ceil(max.x - min.x)), static_cast<int>(std::ceil(max.y - min.y)),
            contain};
}
inline TextureRef request(UiContext& ui, const std::string& name, ImVec2 min, ImVec2 max,
                          bool contain) {
    return ui.textures->get(name, onScreen(min, max, contain));
}

} // namespace zj::widgets::detail
