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
    for (int i = 3; i >= 1; --i) {
        float grow = s * i / 3.0f;
        dl()->AddRectFilled(ImVec2(min.x - grow * 0.3f, min.y + grow * 0.35f),
                            ImVec2(max.x + grow * 0.3f, max.y + grow),
                            col(ui, tokens::color::shadow, 0.035f), r + grow);
    }
    dl()->AddRectFilled(min, max, col(ui, fill), r);
}

ImVec2 textSize(const UiContext& ui, FontRole role, const std::string& s, float wrapPx) {
    ImFont* f = ui.fonts->get(role);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrapPx, s.c_str(), s.c_str() + s.size());
}

ImVec2 text(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
            float wrapPx, float alpha) {
    ImFont* f = ui.fonts->get(role);
    dl()->AddText(f, f->FontSize, pos, col(ui, rgb, alpha), s.c_str(), s.c_str() + s.size(),
                  wrapPx);
    ui.hits->noteText(s);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrapPx, s.c_str(), s.c_str() + s.size());
}

void textCentered(const UiContext& ui, FontRole role, ImVec2 min, ImVec2 max, uint32_t rgb,
                  const std::string& s) {
    ImVec2 size = textSize(ui, role, s);
    text(ui, role, ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f), rgb,
         s);
}

} // namespace zj::theme
