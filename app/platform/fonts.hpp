// Noto Sans CJK SC in six sizes with only the glyphs the content and UI use (the full CJK range
// costs a 4096x4096+ atlas). The atlas comes baked from the bundle when it was made for these
// fonts, sizes, glyphs and scale (milliseconds), else FreeType builds it (hundreds of ms); see
// font_atlas.hpp. Rebuilt between frames after a content change or a viewport scale change.
#pragma once
#include "platform/font_role.hpp"

#include <memory>
#include <string>

struct ImFont;

namespace zj {

namespace fontatlas {
class MappedFont;
struct GlyphSet;
} // namespace fontatlas

struct FontStats {
    int atlasWidth = 0;
    int atlasHeight = 0;
    int glyphCount = 0; // distinct code points requested
    double buildMs = 0; // atlas build (or baked load) + upload
    bool baked = false; // the last build loaded the bundle's baked atlas
    std::string source; // one log line: which path was taken, and why
};

class FontSet {
  public:
    FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet();

    // Maps the font files once; false with `err` naming the file.
    bool loadFiles(std::string& err);
    // Rebuilds the atlas for `glyphText` (UTF-8) at `scale` and uploads it. Call between frames
    // with a GL context current and the ImGui OpenGL3 backend initialised.
    // `displayGlyphs`: the few characters the large display size needs beyond ASCII (figure
    // units); that size holds no other text, which keeps the atlas small and fast to build.
    // `bakedAtlas`: the bundle's baked atlas file, or empty (`noBakedAtlasWhy` says why); it is
    // used when it matches, else FreeType builds the atlas and stats().source says why.
    bool build(const std::string& glyphText, const std::string& displayGlyphs, float scale,
               const std::string& bakedAtlas, const std::string& noBakedAtlasWhy, std::string& err);

    void releaseTexture(); // before ImGui/GL shut down
    ImFont* get(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    float sizeOf(FontRole role) const; // design units
    const FontStats& stats() const { return stats_; }
    float builtScale() const { return scale_; }

  private:
    bool uploadAlphaTexture(const unsigned char* pixels, int w, int h, std::string& err);
    bool loadBaked(const std::string& path, float scale, std::string& why);
    bool buildWithFreeType(float scale, std::string& err);
    std::unique_ptr<fontatlas::MappedFont> regular_;
    std::unique_ptr<fontatlas::MappedFont> bold_;
    std::unique_ptr<fontatlas::GlyphSet> glyphs_; // ImWchar ranges; must outlive the build
    ImFont* fonts_[kFontRoleCount] = {};
    float scale_ = 0;
    unsigned texture_ = 0; // GL name of the atlas texture
    FontStats stats_;
};

} // namespace zj
