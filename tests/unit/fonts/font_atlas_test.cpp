// The baked font atlas (platform/font_atlas.hpp) with the real fonts and FreeType: a baked and
// reloaded atlas has exactly the FreeType build's glyph tables, UVs and pixels; a truncated,
// damaged or mismatched blob is refused with a reason and never read out of bounds.
#include "core/content/model.hpp"
#include "platform/font_atlas.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstring>

namespace zj::fontatlas {
namespace {

struct Fixture {
    MappedFont regular, bold;
    GlyphSet glyphs;
    ImFontAtlas built;
    ImFont* fonts[kFontRoleCount] = {};
    nlohmann::json spec;
    std::string blob;

    explicit Fixture(const std::string& text, float scale = 1.0f) {
        std::string err;
        EXPECT_TRUE(regular.map(ZJ_FONT_FILE, err)) << err;
        EXPECT_TRUE(bold.map(ZJ_FONT_BOLD_FILE, err)) << err;
        Content content;
        content.glyphText = text;
        glyphs = glyphSetFor(atlasTextFor(content));
        EXPECT_TRUE(addFonts(built, regular, bold, glyphs, scale, fonts, err)) << err;
        EXPECT_TRUE(built.Build());
        spec = atlasSpec(regular, bold, glyphs, scale);
        EXPECT_TRUE(bake(built, fonts, spec, blob, err)) << err;
    }
};

Fixture& shared() {
    static Fixture f("镇江新区产业园区招商地图 Zhenjiang");
    return f;
}

TEST(FontAtlas, BakedAtlasHasTheFreeTypeBuildsGlyphTablesAndPixels) {
    Fixture& f = shared();
    ImFontAtlas loaded;
    ImFont* fonts[kFontRoleCount] = {};
    LoadedPixels pixels;
    std::string why;
    ASSERT_TRUE(load(f.blob, f.spec, loaded, fonts, pixels, why)) << why;
    unsigned char* builtPixels = nullptr;
    int w = 0, h = 0;
    f.built.GetTexDataAsAlpha8(&builtPixels, &w, &h);
    ASSERT_EQ(pixels.width, w);
    ASSERT_EQ(pixels.height, h);
    EXPECT_EQ(std::memcmp(pixels.pixels, builtPixels, size_t(w) * size_t(h)), 0);
    EXPECT_EQ(loaded.TexUvWhitePixel.x, f.built.TexUvWhitePixel.x);
    EXPECT_EQ(loaded.TexUvWhitePixel.y, f.built.TexUvWhitePixel.y);
    EXPECT_EQ(std::memcmp(loaded.TexUvLines, f.built.TexUvLines, sizeof loaded.TexUvLines), 0);
    EXPECT_TRUE(loaded.IsBuilt());
    for (int r = 0; r < kFontRoleCount; ++r) {
        const ImFont* a = f.fonts[r];
        const ImFont* b = fonts[r];
        SCOPED_TRACE(r);
        EXPECT_EQ(a->FontSize, b->FontSize);
        EXPECT_EQ(a->Ascent, b->Ascent);
        EXPECT_EQ(a->Descent, b->Descent);
        EXPECT_EQ(a->FallbackChar, b->FallbackChar);
        EXPECT_EQ(a->EllipsisChar, b->EllipsisChar);
        EXPECT_EQ(a->DotChar, b->DotChar);
        EXPECT_EQ(a->FallbackAdvanceX, b->FallbackAdvanceX);
        ASSERT_EQ(a->Glyphs.Size, b->Glyphs.Size);
        EXPECT_EQ(std::memcmp(a->Glyphs.Data, b->Glyphs.Data, a->Glyphs.size_in_bytes()), 0);
        ASSERT_EQ(a->IndexLookup.Size, b->IndexLookup.Size);
        EXPECT_EQ(
            std::memcmp(a->IndexLookup.Data, b->IndexLookup.Data, a->IndexLookup.size_in_bytes()),
            0);
        ASSERT_EQ(a->IndexAdvanceX.Size, b->IndexAdvanceX.Size);
        EXPECT_EQ(std::memcmp(a->IndexAdvanceX.Data, b->IndexAdvanceX.Data,
                              a->IndexAdvanceX.size_in_bytes()),
                  0);
        // The same text measures the same.
        const char* s = "镇江 Zhenjiang 2026";
        EXPECT_EQ(a->CalcTextSizeA(a->FontSize, 1e9f, 0, s).x,
                  b->CalcTextSizeA(b->FontSize, 1e9f, 0, s).x);
    }
    EXPECT_NE(fonts[static_cast<int>(FontRole::Body)]->FindGlyphNoFallback(0x9547), nullptr);
}

TEST(FontAtlas, EveryTruncationIsRefusedWithAReason) {
    Fixture& f = shared();
    for (size_t n : {size_t(0), size_t(7), size_t(15), size_t(16), size_t(200), f.blob.size() / 3,
                     f.blob.size() / 2, f.blob.size() - 1}) {
        ImFontAtlas atlas;
        ImFont* fonts[kFontRoleCount] = {};
        LoadedPixels pixels;
        std::string why;
        EXPECT_FALSE(load(std::string_view(f.blob).substr(0, n), f.spec, atlas, fonts, pixels, why))
            << n;
        EXPECT_FALSE(why.empty()) << n;
        EXPECT_EQ(atlas.Fonts.Size, 0) << n;
    }
    ImFontAtlas atlas;
    ImFont* fonts[kFontRoleCount] = {};
    LoadedPixels pixels;
    std::string why;
    EXPECT_FALSE(load(f.blob + "x", f.spec, atlas, fonts, pixels, why));
    EXPECT_NE(why.find("trailing bytes"), std::string::npos) << why;
}

TEST(FontAtlas, DamagedBytesNeverCrashTheLoader) {
    Fixture& f = shared();
    uint32_t jsonBytes = 0;
    std::memcpy(&jsonBytes, f.blob.data() + 12, 4);
    size_t tables = 16 + jsonBytes + 64 * 1024; // the header and the glyph tables
    int refused = 0;
    for (size_t at = 0; at < std::min(tables, f.blob.size()); at += 97) {
        std::string damaged = f.blob;
        damaged[at] = static_cast<char>(damaged[at] ^ 0xA5);
        ImFontAtlas atlas;
        ImFont* fonts[kFontRoleCount] = {};
        LoadedPixels pixels;
        std::string why;
        if (!load(damaged, f.spec, atlas, fonts, pixels, why)) {
            ++refused;
            EXPECT_FALSE(why.empty());
        } else {
            EXPECT_LE(pixels.pixels + size_t(pixels.width) * size_t(pixels.height),
                      reinterpret_cast<const unsigned char*>(damaged.data() + damaged.size()));
        }
    }
    EXPECT_GT(refused, 0);
}

TEST(FontAtlas, AnAtlasForOtherGlyphsOrAnotherScaleIsNotUsed) {
    Fixture& f = shared();
    ImFontAtlas atlas;
    ImFont* fonts[kFontRoleCount] = {};
    LoadedPixels pixels;
    std::string why;
    nlohmann::json otherScale = atlasSpec(f.regular, f.bold, f.glyphs, 2.0f);
    EXPECT_FALSE(load(f.blob, otherScale, atlas, fonts, pixels, why));
    EXPECT_NE(why.find("scale: wanted 2.0, baked 1.0"), std::string::npos) << why;
    Content more;
    more.glyphText = "镇江新区产业园区招商地图 Zhenjiang 扬中";
    nlohmann::json otherGlyphs =
        atlasSpec(f.regular, f.bold, glyphSetFor(atlasTextFor(more)), 1.0f);
    EXPECT_FALSE(load(f.blob, otherGlyphs, atlas, fonts, pixels, why));
    EXPECT_NE(why.find("glyph set differs"), std::string::npos) << why;
    nlohmann::json otherFont = f.spec;
    otherFont["bold"]["head"] = "0123";
    EXPECT_FALSE(load(f.blob, otherFont, atlas, fonts, pixels, why));
    EXPECT_NE(why.find("bold: wanted"), std::string::npos) << why;
}

TEST(FontAtlas, TheSameInputsBakeTheSameBytes) {
    Fixture again("镇江新区产业园区招商地图 Zhenjiang");
    EXPECT_EQ(again.blob, shared().blob); // the bundle stays reproducible
}

} // namespace
} // namespace zj::fontatlas
