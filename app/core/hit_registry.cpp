#include "core/hit_registry.hpp"

namespace zj {

namespace {
bool within(const Rect& inner, const Rect& outer) {
    constexpr float eps = 0.5f;
    return inner.x >= outer.x - eps && inner.y >= outer.y - eps &&
           inner.x + inner.w <= outer.x + outer.w + eps &&
           inner.y + inner.h <= outer.y + outer.h + eps;
}
} // namespace

void HitRegistry::beginFrame() {
    targets_.clear();
    texts_.clear();
    drawn_.clear();
    scroll_.clear();
}

void HitRegistry::add(std::string id, const Text& label, Rect rect, Vec2 fullSize) {
    if (fullSize.x < 0) fullSize = {rect.w, rect.h};
    targets_.push_back({std::move(id), label, rect, fullSize});
}

void HitRegistry::noteText(std::string_view text) {
    if (texts_.size() < kMaxTexts && !text.empty()) texts_.emplace_back(text);
}

void HitRegistry::noteDrawn(DrawnText t) {
    if (t.text.empty()) return;
    noteText(t.text);
    if (drawn_.size() >= kMaxTexts) return;
    for (const Scroll& s : scroll_) { // outer first: the inner area of an axis wins
        if (s.axis == ScrollAxis::Horizontal) {
            t.scrollX = true;
            t.scrollViewX = s.view;
        } else if (s.axis == ScrollAxis::Vertical) {
            t.scrollY = true;
            t.scrollViewY = s.view;
        }
    }
    drawn_.push_back(std::move(t));
}

void HitRegistry::occlude(Rect r) {
    // A text even partly under the layer is hidden (a map label under a floating card).
    for (auto& t : drawn_)
        if (t.rect.x < r.x + r.w && r.x < t.rect.x + t.rect.w && t.rect.y < r.y + r.h &&
            r.y < t.rect.y + t.rect.h)
            t.occluded = true;
    for (auto& t : targets_)
        if (within(t.rect, r)) t.occluded = true;
}

const HitTarget* HitRegistry::find(std::string_view label) const {
    for (auto it = targets_.rbegin(); it != targets_.rend(); ++it)
        if (it->label.zh == label || it->label.en == label || it->id == label) return &*it;
    return nullptr;
}

bool HitRegistry::isVisible(std::string_view text) const {
    for (const auto& t : targets_)
        if (t.label.zh.find(text) != std::string::npos ||
            t.label.en.find(text) != std::string::npos)
            return true;
    for (const auto& s : texts_)
        if (s.find(text) != std::string::npos) return true;
    return false;
}

} // namespace zj
