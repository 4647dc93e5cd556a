// Every tappable thing registers its label and rectangle each frame, and every drawn text is
// noted, so scenarios can `tap "label"` and `expect visible "text"` on what is really there.
#pragma once
#include "core/geometry.hpp"
#include "core/lang.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zj {

struct HitTarget {
    std::string id; // stable id, e.g. "tile:map", "lang-switch"
    Text label;     // what it says, in both languages
    Rect rect;      // window pixels
};

class HitRegistry {
  public:
    void beginFrame();
    void add(std::string id, const Text& label, Rect rect);
    void noteText(std::string_view text);

    // The target whose label (zh or en) or id is exactly `label`; the last registered wins,
    // since later widgets are drawn on top.
    const HitTarget* find(std::string_view label) const;
    bool isVisible(std::string_view text) const; // a target label or drawn text contains it
    const std::vector<HitTarget>& targets() const { return targets_; }

  private:
    static constexpr size_t kMaxTexts = 4096; // bounded per frame
    std::vector<HitTarget> targets_;
    std::vector<std::string> texts_;
};

} // namespace zj
