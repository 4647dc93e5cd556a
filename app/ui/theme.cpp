#include "ui/theme.hpp"

#include <cstdlib>

namespace zj::theme {

namespace {
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
} // namespace

ImU32 col(const UiContext& ui, uint32_t rgb, float alpha) {
    float a = std::clamp(alpha * ui.fade, 0.0f, 1.0f);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF,
                    static_cast<int>(a * 255.0f + 0.5f));
}

ImU32 mix(const UiContext& ui, uint32_t a, uint32_t b, float t, float alpha) {
    auto ch = [&](int shift) {
        float x = static_cast<float>((a >> shift) & 0xFF);
        float y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<uint32_t>(x + (y - x) * t + 0.5f);
    };
    return col(ui, (ch(16) << 16) | (ch(8) << 8) | ch(0), alpha);
}

uint32_t parseHex(const std::string& hex, uint32_t fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    char* end = nullptr;
    unsigned long v = std::strtoul(hex.c_str() + 1, &end, 16);
    return end && *end == 0 ? static_cast<uint32_t>(v) : fallback;
}

void applyImGuiStyle(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(16 * scale, 12 * scale);
    style.ItemSpacing = ImVec2(0, 0);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.CurveTessellationTol = 1.0f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    ImGui::GetStyle() = style;
}

void card(const UiContext& ui, ImVec2 min, ImVec2 max, uint32_t fill, float radiusDesign,
          float shadowDesign) {
    float r = ui.px(radiusDesign);
    // A soft shadow from a few widening, fading layers (cheap, no blur pass).
    float s = ui.px(shadowDesign);
    auto shadowLayers = [&] {
        for (int i = 3; i >= 1; --i) {
            float grow = s * i / 3.0f;
            dl()->AddRectFilled(ImVec2(min.x - grow * 0.3f, min.y + grow * 0.35f),
                                ImVec2(max.x + grow * 0.3f, max.y + grow),
                                col(ui, tokens::color::shadow, 0.035f), r + grow);
        }
    };
    // The layers only show below and beside the card: drawn through three disjoint scissor
    // bands that leave out the middle the opaque card covers (they cost llvmpipe ~20 ms of a
    // 1080p home frame drawn whole). Whole-pixel band edges: the bands never overlap.
    float inset = r + 1.0f; // past the corner arcs and the card's anti-aliased edge
    float left = std::ceil(min.x + inset), right = std::floor(max.x - inset);
    float bottom = std::floor(max.y - inset);
    if (right - left < 8.0f || bottom <= min.y) {
        shadowLayers();
    } else {
        constexpr float kFar = 1e6f;
        const ImVec4 bands[3] = {{-kFar, bottom, kFar, kFar},
                                 {-kFar, -kFar, left, bottom},
                                 {right, -kFar, kFar, bottom}};
        for (const ImVec4& b : bands) {
            dl()->PushClipRect(ImVec2(b.x, b.y), ImVec2(b.z, b.w), true);
            shadowLayers();
            dl()->PopClipRect();
        }
    }
    dl()->AddRectFilled(min, max, col(ui, fill), r);
}

ImVec2 textSize(const UiContext& ui, FontRole role, const std::string& s, float wrapPx) {
    ImFont* f = ui.fonts->get(role);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrapPx, s.c_str(), s.c_str() + s.size());
}

namespace {
// Draws and records the text for the layout lint: where it is, what holds it, its size.
ImVec2 drawText(const UiContext& ui, ImFont* f, float sizePx, ImVec2 pos, uint32_t rgb,
                const std::string& s, float wrapPx, float alpha, const ImVec2* boxMin,
                const ImVec2* boxMax) {
    dl()->AddText(f, sizePx, pos, col(ui, rgb, alpha), s.c_str(), s.c_str() + s.size(), wrapPx);
    ImVec2 size = f->CalcTextSizeA(sizePx, FLT_MAX, wrapPx, s.c_str(), s.c_str() + s.size());
    ImVec2 cmin = dl()->GetClipRectMin(), cmax = dl()->GetClipRectMax();
    if (boxMin && boxMax) {
        cmin = ImMax(cmin, *boxMin);
        cmax = ImMin(cmax, *boxMax);
    }
    DrawnText t;
    t.text = s;
    t.rect = {pos.x, pos.y, size.x, size.y};
    t.container = {cmin.x, cmin.y, std::max(0.0f, cmax.x - cmin.x),
                   std::max(0.0f, cmax.y - cmin.y)};
    t.fontPx = sizePx;
    t.layer = ImGui::GetCurrentWindow()->ID;
    t.staffOnly = ui.staffOnly;
    ui.hits->noteDrawn(std::move(t));
    return size;
}
} // namespace

ImVec2 text(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
            float wrapPx, float alpha) {
    ImFont* f = ui.fonts->get(role);
    return drawText(ui, f, f->FontSize, pos, rgb, s, wrapPx, alpha, nullptr, nullptr);
}

ImVec2 textAtSize(const UiContext& ui, FontRole role, float designSize, ImVec2 pos, uint32_t rgb,
                  const std::string& s) {
    ImFont* f = ui.fonts->get(role);
    return drawText(ui, f, ui.px(designSize), pos, rgb, s, 0, 1.0f, nullptr, nullptr);
}

void textCentered(const UiContext& ui, FontRole role, ImVec2 min, ImVec2 max, uint32_t rgb,
                  const std::string& s) {
    ImVec2 size = textSize(ui, role, s);
    ImFont* f = ui.fonts->get(role);
    drawText(ui, f, f->FontSize,
             ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f), rgb, s, 0,
             1.0f, &min, &max);
}

void occlude(const UiContext& ui, ImVec2 min, ImVec2 max) {
    ui.hits->occlude({min.x, min.y, max.x - min.x, max.y - min.y});
}

} // namespace zj::theme
