// The bookkeeping of a memory-budgeted LRU cache, without the memory: which keys hold how many
// bytes and when each was last used. The texture cache keeps GL textures by it; tests check the
// eviction rules without a GL context.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace zj {

class LruLedger {
  public:
    void put(const std::string& key, uint64_t bytes, uint64_t frame); // insert or resize
    void touch(const std::string& key, uint64_t frame);               // used in this frame
    void erase(const std::string& key);
    void clear();
    // Keys to free, least recently used first, until bytes() <= budget. Keys used in
    // `protectFrame` (on screen now) are never chosen, even if that leaves it over budget.
    // The returned keys are already removed from the ledger.
    std::vector<std::string> evict(uint64_t budget, uint64_t protectFrame);

    uint64_t bytes() const { return bytes_; }
    size_t size() const { return entries_.size(); }
    bool contains(const std::string& key) const { return entries_.count(key) != 0; }

  private:
    struct Entry {
        uint64_t bytes = 0;
        uint64_t lastFrame = 0;
    };
    std::unordered_map<std::string, Entry> entries_;
    uint64_t bytes_ = 0;
};

// How many rows of an image to upload now: all rows that fit in what is left of this frame's
// byte budget, but at least one row when nothing was uploaded yet this frame (so any image
// finishes, even one row wider than the budget).
int rowsWithinBudget(uint64_t rowBytes, int rowsLeft, uint64_t budgetLeft, bool firstThisFrame);

} // namespace zj
