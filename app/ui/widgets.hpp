// Touch widgets drawn with ImDrawList over ImGui's invisible buttons. Each registers its label
// and rectangle with the hit registry (scenarios tap by label).
#pragma once
#include "ui/theme.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

namespace zj::widgets {

enum class ButtonStyle { Primary, Secondary, Ghost, OnPrimary };

// A pill button; fires on release over it (never after a drag). Returns true when clicked.
bool button(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
            ButtonStyle style = ButtonStyle::Primary);

// An invisible touch area (for custom-drawn things); registers `label`; returns clicked.
// `pressed` (optional) tells whether the finger is down on it now (press feedback).
bool touchArea(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
               bool* pressed = nullptr);

// The bar on every screen except home: home, back, title, language switch.
void topBar(UiContext& ui, const Text& title, uint32_t accent);
// The 中文 | EN switch (on every screen). `onDark`: drawn over a coloured header.
void languageSwitch(UiContext& ui, ImVec2 topRight, bool onDark);
// The one Sample badge (示例/Sample, dark on gold) for an item the source document does not
// state; returns its size. `sampleTagRight` places it by its top-right corner.
ImVec2 sampleTag(UiContext& ui, ImVec2 pos);
ImVec2 sampleTagSize(const UiContext& ui);
void sampleTagRight(UiContext& ui, ImVec2 topRight);
// A whole section is sample: one strip over it (width `w`) instead of a badge on every row.
// Returns its height.
float sampleStrip(UiContext& ui, ImVec2 pos, float w);
// Whether every item of a non-empty section (items or pointers to them) is sample: then the
// section gets one sampleStrip and its rows no badge.
template <class Items>
bool wholeSectionSample(const Items& items) {
    auto sample = [](const auto& item) {
        if constexpr (std::is_pointer_v<std::decay_t<decltype(item)>>)
            return item->sample;
        else
            return item.sample;
    };
    return !items.empty() && std::all_of(items.begin(), items.end(), sample);
}

// [SECTION] Line icons (ImDrawList), centred in a square of `size` px
enum class Icon { Home, Back, City, Map, Industry, Invest, Globe };
void icon(UiContext& ui, Icon which, ImVec2 center, float size, ImU32 color, float thickness);

} // namespace zj::widgets
