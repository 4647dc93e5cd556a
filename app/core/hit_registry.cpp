#include "core/hit_registry.hpp"

namespace zj {

void HitRegistry::beginFrame() {
    targets_.clear();
    texts_.clear();
}

void HitRegistry::add(std::string id, const Text& label, Rect rect) {
    targets_.push_back({std::move(id), label, rect});
}

void HitRegistry::noteText(std::string_view text) {
    if (texts_.size() < kMaxTexts && !text.empty()) texts_.emplace_back(text);
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
