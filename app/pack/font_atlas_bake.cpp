// The bundle's baked font atlas: the kiosk's own FreeType build (platform/font_atlas.cpp) of the
// glyph set this content needs, at the 1080-line scale (1920x1080 and 1080x1920), so the kiosk
// loads it instead of rasterising ~900 glyphs at six sizes on every start.
#include "pack/sources.hpp"
#include "platform/font_atlas.hpp"

#include <imgui.h>

namespace zj::pack {

bool bakeFontAtlas(const Content& content, std::string& out, std::string& err) {
    constexpr float kScale = 1.0f; // DesignScale of any 1080-line screen
    fontatlas::MappedFont regular, bold;
    if (!regular.map(ZJ_FONT_FILE, err) || !bold.map(ZJ_FONT_BOLD_FILE, err)) return false;
    fontatlas::GlyphSet glyphs = fontatlas::glyphSetFor(fontatlas::atlasTextFor(content));
    ImFontAtlas atlas;
    ImFont* fonts[kFontRoleCount] = {};
    if (!fontatlas::addFonts(atlas, regular, bold, glyphs, kScale, fonts, err)) return false;
    if (!atlas.Build()) {
        err = "the font atlas build failed";
        return false;
    }
    return fontatlas::bake(atlas, fonts, fontatlas::atlasSpec(regular, bold, glyphs, kScale), out,
                           err);
}

} // namespace zj::pack
