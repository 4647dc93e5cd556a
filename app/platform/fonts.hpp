// Noto Sans CJK SC through ImGui's FreeType builder, with only the glyphs the content and UI
// use (the full CJK range costs a 4096x4096+ atlas). Rebuilt between frames after a content
// change or a viewport scale change.
#pragma once
#include <string>
#include <vector>

struct ImFont;

namespace zj {

enum class FontRole { Caption, Body, BodyBold, H2, H1, Display, Count_ };

struct FontStats {
    int atlasWidth = 0;
    int atlasHeight = 0;
    int glyphCount = 0; // distinct code points requested
    double buildMs = 0; // atlas build + upload
};

class FontSet {
  public:
    FontSet() = default;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet();

    // Reads the font files once; false with `err` naming the file.
    bool loadFiles(std::string& err);
    // Rebuilds the atlas for `glyphText` (UTF-8) at `scale` and uploads it. Call between frames
    // with a GL context current and the ImGui OpenGL3 backend initialised.
    // `displayGlyphs`: the few characters the large display size needs beyond ASCII (figure
    // units); that size holds no other text, which keeps the atlas small and fast to build.
    bool build(const std::string& glyphText, const std::string& displayGlyphs, float scale,
               std::string& err);

    void releaseTexture(); // before ImGui/GL shut down
    ImFont* get(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    float sizeOf(FontRole role) const; // design units
    const FontStats& stats() const { return stats_; }
    float builtScale() const { return scale_; }

  private:
    struct MappedFile {
        void* data = nullptr; // read-only mapping: FreeType touches only the pages it needs
        size_t size = 0;
    };
    bool uploadAlphaTexture(std::string& err);
    static bool mapFile(const char* path, MappedFile& out, std::string& err);
    MappedFile regular_;
    MappedFile bold_;
    std::vector<unsigned short> ranges_;        // ImWchar ranges; must outlive the atlas build
    std::vector<unsigned short> displayRanges_; // the same for the display size
    ImFont* fonts_[static_cast<int>(FontRole::Count_)] = {};
    float scale_ = 0;
    unsigned texture_ = 0; // GL name of the atlas texture
    FontStats stats_;
};

} // namespace zj
