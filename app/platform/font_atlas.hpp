// The kiosk's ImGui font atlas, shared by zjmap-pack (which bakes it into the bundle) and the
// kiosk (which loads the baked one in milliseconds, or builds it with FreeType when the bundle
// has none or one made for other fonts, sizes, glyphs or scale). Both sides configure the atlas
// with the same code below, so a baked atlas is the one the kiosk would build.
//
// Baked atlas blob, bundle file `fonts/atlas.zjfa`, format 1 (little-endian):
//   offset 0   8 bytes  magic "ZJATLAS\0"
//          8   u32      format version (1)
//         12   u32      H = byte length of the JSON header
//         16   H bytes  JSON: {"spec": {what it was built from, see atlasSpec()},
//                              "width", "height", "glyphBytes": sizeof(ImFontGlyph),
//                              "whitePixel": [u, v], "lines": [[u0, v0, u1, v1] x 64],
//                              "fonts": [{"role", "size", "ascent", "descent", "fallback",
//                                         "ellipsis", "dot", "glyphs": N} x 6]}
//   then, per font in order, N raw ImFontGlyph records; then width*height alpha8 pixels.
// The file is exactly that long. Integrity comes from the signed manifest (the bundle's blob
// hash is checked before the kiosk shows a bundle); the loader still checks every size, count
// and coordinate, so a damaged file is refused with a reason, never read out of bounds.
#pragma once
#include "platform/font_role.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace zj {

struct Content;

namespace fontatlas {

inline constexpr const char* kBlobName = "fonts/atlas.zjfa"; // logical name in the manifest
inline constexpr unsigned kFormatVersion = 1;

float designSize(FontRole role); // theme type scale, design px
bool isBold(FontRole role);

// A font file mapped read-only: FreeType touches only the pages it needs.
class MappedFont {
  public:
    MappedFont() = default;
    MappedFont(const MappedFont&) = delete;
    MappedFont& operator=(const MappedFont&) = delete;
    ~MappedFont();
    bool map(const char* path, std::string& err); // err names the file
    void* data() const { return data_; }
    size_t size() const { return size_; }
    const std::string& path() const { return path_; }
    // Size and a hash of the first 64 KiB (the collection header and table directory): tells
    // one build of the font from another without reading 20 MB.
    nlohmann::json identity() const;
    void dropResidentPages() const; // after a build: the pages need not stay in memory

  private:
    void* data_ = nullptr;
    size_t size_ = 0;
    std::string path_;
};

// The code points of each size: ImWchar ranges (pairs, 0-terminated).
struct GlyphSet {
    std::vector<unsigned short> ranges;        // every size but the display size
    std::vector<unsigned short> displayRanges; // the display size: ASCII, units, digits
    int glyphCount = 0;                        // distinct code points of `ranges`
};

// The text the atlas must cover for `content`: UI strings, the content's glyph set (collected
// by the pack), the closed page's schedule; `displayGlyphs` the units next to large figures.
struct AtlasText {
    std::string glyphs;
    std::string displayGlyphs;
};
AtlasText atlasTextFor(const Content& content);
GlyphSet glyphSetFor(const AtlasText& text);

// What an atlas built from these inputs is: fonts (identity), sizes, glyph set, scale, ImGui
// and FreeType versions and builder settings. A baked atlas is used only when its spec equals
// the one the kiosk wants.
nlohmann::json atlasSpec(const MappedFont& regular, const MappedFont& bold, const GlyphSet& glyphs,
                         float scale);
// The first difference between two specs, in words ("scale: wanted 2, baked 1").
std::string specDifference(const nlohmann::json& wanted, const nlohmann::json& baked);

// Configures `atlas` (cleared) for a FreeType build of the six sizes and adds them; `out`
// receives the fonts. `glyphs` must outlive the Build(). Does not build.
bool addFonts(ImFontAtlas& atlas, const MappedFont& regular, const MappedFont& bold,
              const GlyphSet& glyphs, float scale, ImFont* out[kFontRoleCount], std::string& err);

// The blob of a built atlas (pixels still in the atlas: before ClearTexData()).
bool bake(ImFontAtlas& atlas, ImFont* const fonts[kFontRoleCount], const nlohmann::json& spec,
          std::string& out, std::string& err);

// Loads a blob into `atlas` (cleared) without rasterising: fonts, glyph tables, white pixel and
// line UVs. `pixels` points into `blob` (width x height alpha8) for the upload. False with
// `why` (what is wrong, where) when the blob is damaged or its spec differs from `wanted`.
struct LoadedPixels {
    const unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
};
bool load(std::string_view blob, const nlohmann::json& wanted, ImFontAtlas& atlas,
          ImFont* out[kFontRoleCount], LoadedPixels& pixels, std::string& why);

} // namespace fontatlas
} // namespace zj
