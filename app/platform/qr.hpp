// QR codes (libqrencode) as GL textures, for park pages, contacts and "take it with you".
// (API fixed by the lead; implemented by the map work.)
#pragma once
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

namespace zj {

struct QrTexture {
    uint64_t glTexture = 0; // 0 when the text could not be encoded
    int modules = 0;        // modules per side (e.g. 29 for a 43-char URL at level M)
};

// The codes shown so far, as textures, in a bounded LRU keyed by the text (a kiosk runs for
// months). Owned by the app's MediaServices; UI thread, GL context current.
class QrCache {
  public:
    static constexpr size_t kMaxCodes = 64;

    QrCache() = default;
    QrCache(const QrCache&) = delete;
    QrCache& operator=(const QrCache&) = delete;
    // Frees nothing: GL may be gone by then. The owner calls clear() while it is current.
    ~QrCache() = default;

    // `text` (UTF-8) encoded at level M with a 4-module quiet zone.
    QrTexture get(const std::string& text);
    void clear(); // frees every cached code's texture
    size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        QrTexture texture;
        std::list<std::string>::iterator position;
    };
    std::list<std::string> order_; // most recently used first
    std::unordered_map<std::string, Entry> entries_;
};

} // namespace zj
