#include "core/media/lru_ledger.hpp"

#include <algorithm>

namespace zj {

void LruLedger::put(const std::string& key, uint64_t bytes, uint64_t frame) {
    Entry& e = entries_[key];
    bytes_ -= e.bytes;
    e.bytes = bytes;
    e.lastFrame = frame;
    bytes_ += bytes;
}

void LruLedger::touch(const std::string& key, uint64_t frame) {
    auto it = entries_.find(key);
    if (it != entries_.end()) it->second.lastFrame = std::max(it->second.lastFrame, frame);
}

void LruLedger::erase(const std::string& key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return;
    bytes_ -= it->second.bytes;
    entries_.erase(it);
}

void LruLedger::clear() {
    entries_.clear();
    bytes_ = 0;
}

std::vector<std::string> LruLedger::evict(uint64_t budget, uint64_t protectFrame) {
    std::vector<std::string> out;
    if (bytes_ <= budget) return out;
    std::vector<std::pair<uint64_t, const std::string*>> order;
    order.reserve(entries_.size());
    for (const auto& [key, e] : entries_)
        if (e.lastFrame < protectFrame) order.emplace_back(e.lastFrame, &key);
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    uint64_t remaining = bytes_;
    for (const auto& [frame, key] : order) {
        if (remaining <= budget) break;
        remaining -= entries_.at(*key).bytes;
        out.push_back(*key);
    }
    for (const auto& k : out) erase(k);
    return out;
}

int rowsWithinBudget(uint64_t rowBytes, int rowsLeft, uint64_t budgetLeft, bool firstThisFrame) {
    if (rowsLeft <= 0 || rowBytes == 0) return 0;
    uint64_t fit = budgetLeft / rowBytes;
    if (fit == 0 && firstThisFrame) fit = 1;
    return static_cast<int>(std::min<uint64_t>(fit, static_cast<uint64_t>(rowsLeft)));
}

} // namespace zj
