// The theme: design tokens (core/theme_tokens.hpp) turned into ImGui colours and drawing
// helpers. Screens use these, never raw colours or sizes.
#pragma once
#include "core/theme_tokens.hpp"
#include "ui/ui_context.hpp"

#include <cstdint>
#include <imgui.h>
#include <imgui_internal.h> // ImVec2 operators (IMGUI_DEFINE_MATH_OPERATORS)

namespace zj::theme {

// A token colour as ImU32, with alpha and the context's transition fade applied.
ImU32 col(const UiContext& ui, uint32_t rgb, float alpha = 1.0f);
ImU32 mix(const UiContext& ui, uint32_t a, uint32_t b, float t, float alpha = 1.0f);
uint32_t parseHex(const std::string& hex, uint32_t fallback); // "#RRGGBB"

// ImGui style for the kiosk (no window chrome, large touch metrics).
void applyImGuiStyle(float scale);

// Multiplies the context's fade by `alpha` for a scope (a tile fading in on entry) and restores
// it on every way out, so an early return cannot leave the rest of the frame faded.
class ScopedFade {
  public:
    ScopedFade(UiContext& ui, float alpha) : ui_(ui), saved_(ui.fade) { ui.fade *= alpha; }
    ~ScopedFade() { ui_.fade = saved_; }
    ScopedFade(const ScopedFade&) = delete;
    ScopedFade& operator=(const ScopedFade&) = delete;

  private:
    UiContext& ui_;
    float saved_;
};

// [SECTION] Drawing
void card(const UiContext& ui, ImVec2 min, ImVec2 max, uint32_t fill, float radiusDesign,
          float shadowDesign = 12);
ImVec2 textSize(const UiContext& ui, FontRole role, const std::string& s, float wrapPx = 0);
// Draws text and notes it for `expect visible`; returns its size.
ImVec2 text(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
            float wrapPx = 0, float alpha = 1.0f);
// Text centred in a box (single line); the box is its container for the layout lint.
void textCentered(const UiContext& ui, FontRole role, ImVec2 min, ImVec2 max, uint32_t rgb,
                  const std::string& s);
// Text at a size off the type scale: only the layout lint's seeded defects use it.
ImVec2 textAtSize(const UiContext& ui, FontRole role, float designSize, ImVec2 pos, uint32_t rgb,
                  const std::string& s);
// An opaque layer now covers [min, max]: what was drawn under it is not seen (layout lint).
void occlude(const UiContext& ui, ImVec2 min, ImVec2 max);

} // namespace zj::theme
