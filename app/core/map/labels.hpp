// Greedy label placement by priority: each label tries a few positions around its anchor and
// takes the first that overlaps neither an already placed label nor a marker; labels fade in
// and out with the zoom. Pure geometry in window pixels; no allocation once the output vector
// has grown (callers keep it between frames).
#pragma once
#include "core/geometry.hpp"

#include <array>
#include <vector>

namespace zj::map {

enum class LabelAnchor {
    Center,
    Right,
    Left,
    Above,
    Below,
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft
};

struct LabelCandidate {
    Vec2 anchor;             // window pixels: a marker centre or a district's label point
    Vec2 size;               // the label's box (text + its padding), pixels
    float gap = 0;           // distance from the anchor for the side positions, pixels
    float priority = 0;      // higher is placed first
    float fadeInZoom = 0;    // the zoom (relative to the fit scale) where it starts to show
    float fadeRange = 0.25f; // zoom over which it goes from invisible to opaque
    std::array<LabelAnchor, 8> positions{LabelAnchor::Right,      LabelAnchor::Left,
                                         LabelAnchor::Above,      LabelAnchor::Below,
                                         LabelAnchor::AboveRight, LabelAnchor::BelowRight,
                                         LabelAnchor::AboveLeft,  LabelAnchor::BelowLeft};
    int positionCount = 8; // how many of `positions` to try, in order
};

struct PlacedLabel {
    int candidate = 0; // index into the candidates
    Rect rect;         // where it goes, pixels
    float alpha = 1;   // fade by zoom, 0..1
};

// The box of a label placed at `where` around its anchor.
Rect labelRect(const LabelCandidate& c, LabelAnchor where);
float labelAlpha(const LabelCandidate& c, float zoom); // 0..1

bool overlaps(const Rect& a, const Rect& b);

// Places as many labels as fit. `obstacles` (markers) are never covered; `bounds` (the visible
// map area) must contain a label entirely. `order` is scratch space (kept by the caller).
void placeLabels(const std::vector<LabelCandidate>& candidates, const std::vector<Rect>& obstacles,
                 Rect bounds, float zoom, std::vector<int>& order, std::vector<PlacedLabel>& out);

} // namespace zj::map
