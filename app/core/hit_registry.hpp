// Every tappable thing registers its label and rectangle each frame, and every drawn text is
// noted with where it is drawn, the rectangle that contains (clips) it and its size, so
// scenarios can `tap "label"` and `expect visible "text"` on what is really there, and the
// layout lint (core/layout_lint.hpp) can check every checked frame.
#pragma once
#include "core/geometry.hpp"
#include "core/lang.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zj {

struct HitTarget {
    std::string id;        // stable id, e.g. "tile:map", "lang-switch"
    Text label;            // what it says, in both languages
    Rect rect;             // window pixels (the visible part, for targets in a scrolled list)
    Vec2 fullSize;         // its whole size before a scrolled list's edge cut it
    bool occluded = false; // covered later by an opaque layer drawn over it
};

// Along which axis a scrolled area moves its content: text may be cut at its edge that way.
enum class ScrollAxis { None, Horizontal, Vertical };

struct DrawnText {
    std::string text;
    Rect rect;      // where the glyphs' boxes are, window pixels
    Rect container; // what holds it: the draw list's clip rect, or the box it is centred in
    float fontPx;   // font size, window pixels
    unsigned layer; // the ImGui window it is drawn in; overlays are other layers
    bool staffOnly; // staff-only screens: exempt from the visitor type minimum
    // The innermost scrolled areas around it, per axis (areas nest: a swiped gallery in a
    // scrolled page): their viewports' edges may cut the text along their axis.
    bool scrollX = false, scrollY = false;
    Rect scrollViewX, scrollViewY;
    bool occluded = false; // covered later by an opaque layer in the same window
};

class HitRegistry {
  public:
    void beginFrame();
    // `fullSize`: the target's size before a scrolled list clipped it (default: rect's).
    void add(std::string id, const Text& label, Rect rect, Vec2 fullSize = {-1, -1});
    void setLastFullSize(Vec2 size) { // the target just added, before a list's edge cut it
        if (!targets_.empty()) targets_.back().fullSize = size;
    }
    void noteText(std::string_view text); // for `expect visible` only (no geometry)
    void noteDrawn(DrawnText t);          // a text really drawn (also noted for visibility)
    // Everything registered so far inside `r` is hidden by an opaque layer drawn over it.
    void occlude(Rect r);
    // A scrolled area's viewport: until popScroll(), texts may be cut at its edges along `axis`.
    void pushScroll(ScrollAxis axis, Rect view) { scroll_.push_back({axis, view}); }
    void popScroll() {
        if (!scroll_.empty()) scroll_.pop_back();
    }

    // The target whose label (zh or en) or id is exactly `label`; the last registered wins,
    // since later widgets are drawn on top.
    const HitTarget* find(std::string_view label) const;
    bool isVisible(std::string_view text) const; // a target label or drawn text contains it
    const std::vector<HitTarget>& targets() const { return targets_; }
    const std::vector<DrawnText>& drawnTexts() const { return drawn_; }

  private:
    static constexpr size_t kMaxTexts = 4096; // bounded per frame
    std::vector<HitTarget> targets_;
    std::vector<std::string> texts_;
    std::vector<DrawnText> drawn_;
    struct Scroll {
        ScrollAxis axis;
        Rect view;
    };
    std::vector<Scroll> scroll_;
};

} // namespace zj
