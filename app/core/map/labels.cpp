#include "core/map/labels.hpp"

#include <algorithm>

namespace zj::map {

Rect labelRect(const LabelCandidate& c, LabelAnchor where) {
    float w = c.size.x, h = c.size.y;
    switch (where) {
        case LabelAnchor::Center:
            return {c.anchor.x - w * 0.5f, c.anchor.y - h * 0.5f, w, h};
        case LabelAnchor::Right:
            return {c.anchor.x + c.gap, c.anchor.y - h * 0.5f, w, h};
        case LabelAnchor::Left:
            return {c.anchor.x - c.gap - w, c.anchor.y - h * 0.5f, w, h};
        case LabelAnchor::Above:
            return {c.anchor.x - w * 0.5f, c.anchor.y - c.gap - h, w, h};
        case LabelAnchor::Below:
            return {c.anchor.x - w * 0.5f, c.anchor.y + c.gap, w, h};
        // Diagonals: the label's near corner just off the marker (gap scaled to clear a circle).
        case LabelAnchor::AboveRight:
            return {c.anchor.x + c.gap * 0.7f, c.anchor.y - c.gap * 0.7f - h, w, h};
        case LabelAnchor::BelowRight:
            return {c.anchor.x + c.gap * 0.7f, c.anchor.y + c.gap * 0.7f, w, h};
        case LabelAnchor::AboveLeft:
            return {c.anchor.x - c.gap * 0.7f - w, c.anchor.y - c.gap * 0.7f - h, w, h};
        case LabelAnchor::BelowLeft:
            return {c.anchor.x - c.gap * 0.7f - w, c.anchor.y + c.gap * 0.7f, w, h};
    }
    return {};
}

float labelAlpha(const LabelCandidate& c, float zoom) {
    if (c.fadeRange <= 0) return zoom >= c.fadeInZoom ? 1.0f : 0.0f;
    return std::clamp((zoom - c.fadeInZoom) / c.fadeRange, 0.0f, 1.0f);
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

namespace {
bool insideRect(const Rect& inner, const Rect& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}
} // namespace

void placeLabels(const std::vector<LabelCandidate>& candidates, const std::vector<Rect>& obstacles,
                 Rect bounds, float zoom, std::vector<int>& order, std::vector<PlacedLabel>& out) {
    out.clear();
    order.clear();
    for (int i = 0; i < static_cast<int>(candidates.size()); ++i) order.push_back(i);
    // Stable: equal priorities keep the content's order, so labels do not swap between frames.
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return candidates[a].priority > candidates[b].priority; });
    for (int index : order) {
        const LabelCandidate& c = candidates[index];
        float alpha = labelAlpha(c, zoom);
        if (alpha <= 0.0f) continue;
        for (int p = 0; p < c.positionCount; ++p) {
            Rect r = labelRect(c, c.positions[p]);
            if (!insideRect(r, bounds)) continue;
            bool free = true;
            for (const Rect& o : obstacles) {
                if (overlaps(r, o)) {
                    free = false;
                    break;
                }
            }
            for (size_t k = 0; free && k < out.size(); ++k) free = !overlaps(r, out[k].rect);
            if (free) {
                out.push_back({index, r, alpha});
                break;
            }
        }
    }
}

} // namespace zj::map
