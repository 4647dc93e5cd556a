// Images from the current bundle as GL textures: decoded on worker threads (libjpeg-turbo with DCT
// scaling to the size on screen, stb_image for PNG), uploaded in row strips within a per-frame
// byte budget, kept in an LRU cache with a memory budget. Callers ask every
// frame; the first ask starts the load and returns Loading (draw a placeholder), a file that fails
// to decode returns Broken (draw the broken-image tile), never a crash.
// (API fixed by the lead; implemented by the media-widgets work.)
#pragma once
#include "core/media/image_decode.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace zj {

struct TextureRef {
    enum class State { Loading, Ready, Broken };
    State state = State::Loading;
    uint64_t glTexture = 0; // GL texture name; use as ImTextureID when Ready
    int width = 0;          // pixels of the uploaded image
    int height = 0;
};

struct TextureCacheSettings {
    uint64_t memoryBudgetBytes = 96ull << 20; // GPU bytes kept (LRU evicts beyond this)
    uint64_t uploadBudgetBytes = 8ull << 20;  // bytes uploaded per frame at most
    int workerThreads = 2;
    int maxPixels = 40'000'000; // refuse larger images before decoding
    // Called on a worker thread when a decode is done: wakes the UI loop, which sleeps while
    // images decode (it has nothing new to draw until pump() uploads them).
    std::function<void()> onDecoded;
};

class TextureCache {
  public:
    // `resolve` maps a logical bundle name ("media/thumbs/etdz-1.jpg") to a file path, or empty.
    using Resolver = std::function<std::filesystem::path(const std::string& logicalName)>;

    explicit TextureCache(TextureCacheSettings settings = {});
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    void setResolver(Resolver resolve);             // on a content switch: also drops every texture
    TextureRef get(const std::string& logicalName); // call from the UI thread, each frame
    // The same, for an image drawn at `onScreen` pixels: a JPEG is decoded at the smallest DCT
    // scale that covers it, and again, larger, when a later call shows it larger (zoom).
    // Neighbours a visitor may swipe to next are asked for the same way (prefetch).
    TextureRef get(const std::string& logicalName, DisplaySize onScreen);
    // Between frames on the UI thread: uploads finished decodes within the budget. Returns true
    // when something new became Ready or Broken (the UI should redraw).
    bool pump();
    bool busy() const; // decodes queued or running, or uploads waiting
    // Finished decodes or uploads the UI thread still has to do (the workers' part is over).
    bool uploadsPending() const;
    bool resident(const std::string& logicalName) const; // Ready now (asks for nothing)
    // Ready at a size that shows it at `onScreen` without upscaling (or at the file's own
    // size): a frame drawing it now shows it at display size. Asks for nothing.
    bool residentAt(const std::string& logicalName, DisplaySize onScreen) const;
    uint64_t bytesResident() const;
    void clear(); // frees every texture (GL context must be current)
    // The file path of a logical bundle name through the resolver (e.g. for the video), or empty.
    std::filesystem::path resolve(const std::string& logicalName) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace zj
