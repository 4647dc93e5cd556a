// [SECTION] Roles and font files
// [SECTION] Glyph set and spec
// [SECTION] FreeType build
// [SECTION] Bake and load
#include "platform/font_atlas.hpp"

#include "core/content/model.hpp"
#include "core/session/schedule.hpp"
#include "core/theme_tokens.hpp"
#include "core/ui_strings.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>
#include <imgui_freetype.h>
#include <sodium.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj::fontatlas {

static_assert(std::endian::native == std::endian::little, "the atlas blob is little-endian");

namespace {
constexpr int kCjkScFace = 2; // Noto Sans CJK SC in the .ttc collection
constexpr char kMagic[8] = {'Z', 'J', 'A', 'T', 'L', 'A', 'S', '\0'};
constexpr size_t kFixedHeader = 16; // magic, version, JSON length
constexpr int kMaxSide = 16384;
constexpr size_t kIdentityBytes = 64 * 1024;

const char* roleName(FontRole role) {
    static const char* names[] = {"caption", "body", "body-bold", "h2", "h1", "display"};
    return names[static_cast<int>(role)];
}

std::string hexHash(const void* data, size_t size) {
    unsigned char h[16];
    crypto_generichash(h, sizeof h, static_cast<const unsigned char*>(data), size, nullptr, 0);
    char hex[sizeof h * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}
} // namespace

// [SECTION] Roles and font files

float designSize(FontRole role) {
    switch (role) {
        case FontRole::Caption:
            return tokens::type::caption;
        case FontRole::Body:
        case FontRole::BodyBold:
            return tokens::type::body;
        case FontRole::H2:
            return tokens::type::h2;
        case FontRole::H1:
            return tokens::type::h1;
        case FontRole::Display:
            return tokens::type::display;
        case FontRole::Count_:
            break;
    }
    return tokens::type::body;
}

bool isBold(FontRole role) {
    return role == FontRole::BodyBold || role == FontRole::H2 || role == FontRole::H1 ||
           role == FontRole::Display;
}

MappedFont::~MappedFont() {
    if (data_) munmap(data_, size_);
}

bool MappedFont::map(const char* path, std::string& err) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0) close(fd);
        err = std::string("cannot read font ") + path + " (install fonts-noto-cjk)";
        return false;
    }
    if (st.st_size < 1024) {
        close(fd);
        err = std::string("font file is too small: ") + path;
        return false;
    }
    void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        err = std::string("cannot map font ") + path;
        return false;
    }
    data_ = p;
    size_ = static_cast<size_t>(st.st_size);
    path_ = path;
    return true;
}

nlohmann::json MappedFont::identity() const {
    std::string name = path_.substr(path_.find_last_of('/') + 1);
    return {{"file", name},
            {"bytes", size_},
            {"head", data_ ? hexHash(data_, std::min(size_, kIdentityBytes)) : ""}};
}

void MappedFont::dropResidentPages() const {
    if (data_) madvise(data_, size_, MADV_DONTNEED);
}

// [SECTION] Glyph set and spec

AtlasText atlasTextFor(const Content& content) {
    AtlasText t;
    t.glyphs = allUiGlyphText() + content.glyphText + WeeklySchedule::describeGlyphs();
    for (const auto& f : content.site.keyFigures) t.displayGlyphs += f.unit;
    for (const auto& f : content.projectFigures) t.displayGlyphs += f.unit.zh + f.unit.en;
    return t;
}

GlyphSet glyphSetFor(const AtlasText& text) {
    GlyphSet g;
    ImFontGlyphRangesBuilder builder;
    static const ImWchar kLatin1[] = {0x0020, 0x00FF, 0}; // GetGlyphRangesDefault()
    builder.AddRanges(kLatin1);
    builder.AddText(text.glyphs.c_str(), text.glyphs.c_str() + text.glyphs.size());
    builder.AddText("·—–…“”‘’、，。：；！？（）《》【】％＋－×÷→←↑↓•✓✕©®°²");
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    g.ranges.assign(ranges.begin(), ranges.end());
    ImFontGlyphRangesBuilder display;
    static const ImWchar kAscii[] = {0x0020, 0x007E, 0};
    display.AddRanges(kAscii);
    display.AddText(text.displayGlyphs.c_str(),
                    text.displayGlyphs.c_str() + text.displayGlyphs.size());
    display.AddText("%％·.,+-×亿万元个");
    ImVector<ImWchar> displayRanges;
    display.BuildRanges(&displayRanges);
    g.displayRanges.assign(displayRanges.begin(), displayRanges.end());
    for (size_t i = 0; i + 1 < g.ranges.size(); i += 2)
        g.glyphCount += g.ranges[i + 1] - g.ranges[i] + 1;
    return g;
}

nlohmann::json atlasSpec(const MappedFont& regular, const MappedFont& bold, const GlyphSet& glyphs,
                         float scale) {
    nlohmann::json sizes = nlohmann::json::array();
    for (int r = 0; r < kFontRoleCount; ++r) {
        FontRole role = static_cast<FontRole>(r);
        sizes.push_back(
            {{"role", roleName(role)}, {"px", designSize(role) * scale}, {"bold", isBold(role)}});
    }
    auto rangesHash = [](const std::vector<unsigned short>& r) {
        return hexHash(r.data(), r.size() * sizeof(r[0]));
    };
    return {{"format", kFormatVersion},
            {"imgui", IMGUI_VERSION_NUM},
            {"freetype", std::to_string(FREETYPE_MAJOR) + "." + std::to_string(FREETYPE_MINOR) +
                             "." + std::to_string(FREETYPE_PATCH)},
            {"builder", "freetype light-hinting oversample-1 pixel-snap padding-1"},
            {"scale", scale},
            {"regular", regular.identity()},
            {"bold", bold.identity()},
            {"face", kCjkScFace},
            {"sizes", sizes},
            {"glyphs", glyphs.glyphCount},
            {"ranges", rangesHash(glyphs.ranges)},
            {"displayRanges", rangesHash(glyphs.displayRanges)}};
}

std::string specDifference(const nlohmann::json& wanted, const nlohmann::json& baked) {
    if (!baked.is_object()) return "the atlas has no spec";
    for (const auto& [key, value] : wanted.items()) {
        auto it = baked.find(key);
        if (it == baked.end()) return key + ": missing in the baked atlas";
        if (*it != value) {
            if (key == "ranges" || key == "displayRanges" || key == "glyphs")
                return "glyph set differs (wanted " +
                       wanted.value("glyphs", nlohmann::json()).dump() + " code points, baked " +
                       baked.value("glyphs", nlohmann::json()).dump() + ")";
            return key + ": wanted " + value.dump() + ", baked " + it->dump();
        }
    }
    return "";
}

// [SECTION] FreeType build

bool addFonts(ImFontAtlas& atlas, const MappedFont& regular, const MappedFont& bold,
              const GlyphSet& glyphs, float scale, ImFont* out[kFontRoleCount], std::string& err) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas.TexGlyphPadding = 1;
    for (int r = 0; r < kFontRoleCount; ++r) {
        FontRole role = static_cast<FontRole>(r);
        const MappedFont& file = isBold(role) ? bold : regular;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the file stays mapped once, by its MappedFont
        cfg.FontNo = kCjkScFace;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        const unsigned short* ranges =
            role == FontRole::Display ? glyphs.displayRanges.data() : glyphs.ranges.data();
        // ImGui never writes to font data it does not own (FontDataOwnedByAtlas = false).
        out[r] = atlas.AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()),
                                            designSize(role) * scale, &cfg, ranges);
        // ImGui 1.86 copies font data it does not own (20 MB per size here): point the config
        // back at the one shared mapping and free the copy.
        ImFontConfig& added = atlas.ConfigData.back();
        if (added.FontData != file.data()) {
            IM_FREE(added.FontData);
            added.FontData = file.data();
            added.FontDataOwnedByAtlas = false;
        }
        if (!out[r]) {
            err = "cannot add font size " + std::to_string(designSize(role));
            return false;
        }
    }
    return true;
}

// [SECTION] Bake and load

bool bake(ImFontAtlas& atlas, ImFont* const fonts[kFontRoleCount], const nlohmann::json& spec,
          std::string& out, std::string& err) {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!pixels || w <= 0 || h <= 0) {
        err = "the font atlas has no pixels to bake";
        return false;
    }
    nlohmann::json header;
    header["spec"] = spec;
    header["width"] = w;
    header["height"] = h;
    header["glyphBytes"] = sizeof(ImFontGlyph);
    header["whitePixel"] = {atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y};
    nlohmann::json lines = nlohmann::json::array();
    for (const ImVec4& l : atlas.TexUvLines) lines.push_back({l.x, l.y, l.z, l.w});
    header["lines"] = lines;
    nlohmann::json fontList = nlohmann::json::array();
    for (int r = 0; r < kFontRoleCount; ++r) {
        const ImFont* f = fonts[r];
        fontList.push_back({{"role", roleName(static_cast<FontRole>(r))},
                            {"size", f->FontSize},
                            {"ascent", f->Ascent},
                            {"descent", f->Descent},
                            {"fallback", f->FallbackChar},
                            {"ellipsis", f->EllipsisChar},
                            {"dot", f->DotChar},
                            {"glyphs", f->Glyphs.Size}});
    }
    header["fonts"] = fontList;
    std::string json = header.dump();
    out.assign(kMagic, sizeof kMagic);
    auto put32 = [&out](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
    put32(kFormatVersion);
    put32(static_cast<uint32_t>(json.size()));
    out += json;
    for (int r = 0; r < kFontRoleCount; ++r)
        out.append(reinterpret_cast<const char*>(fonts[r]->Glyphs.Data),
                   size_t(fonts[r]->Glyphs.Size) * sizeof(ImFontGlyph));
    out.append(reinterpret_cast<const char*>(pixels), size_t(w) * size_t(h));
    return true;
}

namespace {
bool finiteIn(float v, float lo, float hi) {
    return std::isfinite(v) && v >= lo && v <= hi;
}

// Every glyph inside the texture and sensible, so a damaged table never draws garbage.
// `bytes` follows the JSON header in the blob, at any alignment: each glyph is copied out.
bool glyphsValid(const char* bytes, int n, float size, std::string& why, const char* role) {
    for (int i = 0; i < n; ++i) {
        ImFontGlyph q;
        std::memcpy(static_cast<void*>(&q), bytes + size_t(i) * sizeof(ImFontGlyph),
                    sizeof(ImFontGlyph));
        bool ok = q.Codepoint <= 0xFFFF && finiteIn(q.U0, 0, 1) && finiteIn(q.V0, 0, 1) &&
                  finiteIn(q.U1, 0, 1) && finiteIn(q.V1, 0, 1) && q.U0 <= q.U1 && q.V0 <= q.V1 &&
                  finiteIn(q.AdvanceX, 0, 8 * size) && finiteIn(q.X0, -4 * size, 8 * size) &&
                  finiteIn(q.X1, q.X0, 8 * size) && finiteIn(q.Y0, -4 * size, 8 * size) &&
                  finiteIn(q.Y1, q.Y0, 8 * size);
        if (!ok) {
            why = std::string("font ") + role + ", glyph " + std::to_string(i) +
                  ": coordinates out of range";
            return false;
        }
    }
    return true;
}
struct FontMetrics {
    float size, ascent, descent;
    unsigned fallback, ellipsis, dot;
    int glyphs;
};

// What the blob's JSON header states (and where the glyph tables start: after jsonBytes).
struct AtlasHeader {
    uint32_t jsonBytes = 0;
    int w = 0, h = 0;
    size_t glyphBytes = 0;
    ImVec2 white;
    ImVec4 lines[IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1];
    FontMetrics metrics[kFontRoleCount];
};

// Magic, format version and the JSON header's length, against the blob's size.
bool readFixedHeader(std::string_view blob, AtlasHeader& hdr, std::string& why) {
    if (blob.size() < kFixedHeader || std::memcmp(blob.data(), kMagic, sizeof kMagic) != 0) {
        why = blob.size() < kFixedHeader ? "truncated (" + std::to_string(blob.size()) + " bytes)"
                                         : "not an atlas file (bad magic)";
        return false;
    }
    uint32_t version = 0;
    std::memcpy(&version, blob.data() + 8, 4);
    std::memcpy(&hdr.jsonBytes, blob.data() + 12, 4);
    if (version != kFormatVersion) {
        why = "format version " + std::to_string(version) + ", this kiosk reads " +
              std::to_string(kFormatVersion);
        return false;
    }
    if (hdr.jsonBytes > blob.size() - kFixedHeader) {
        why = "truncated in the header (" + std::to_string(blob.size()) + " bytes)";
        return false;
    }
    return true;
}

// The JSON header's fields; false (with why) when one is missing or of the wrong type.
bool readHeaderFields(const nlohmann::json& header, AtlasHeader& hdr, std::string& why) {
    try {
        hdr.w = header.at("width").get<int>();
        hdr.h = header.at("height").get<int>();
        hdr.glyphBytes = header.at("glyphBytes").get<size_t>();
        hdr.white = ImVec2(header.at("whitePixel").at(0).get<float>(),
                           header.at("whitePixel").at(1).get<float>());
        const auto& l = header.at("lines");
        if (l.size() != IM_ARRAYSIZE(hdr.lines)) throw std::out_of_range("lines");
        for (size_t i = 0; i < l.size(); ++i)
            hdr.lines[i] = ImVec4(l[i].at(0).get<float>(), l[i].at(1).get<float>(),
                                  l[i].at(2).get<float>(), l[i].at(3).get<float>());
        const auto& f = header.at("fonts");
        if (f.size() != size_t(kFontRoleCount)) throw std::out_of_range("fonts");
        for (int r = 0; r < kFontRoleCount; ++r)
            hdr.metrics[r] = {
                f[r].at("size").get<float>(),        f[r].at("ascent").get<float>(),
                f[r].at("descent").get<float>(),     f[r].at("fallback").get<unsigned>(),
                f[r].at("ellipsis").get<unsigned>(), f[r].at("dot").get<unsigned>(),
                f[r].at("glyphs").get<int>()};
    } catch (const std::exception& e) {
        why = std::string("header field missing or wrong: ") + e.what();
        return false;
    }
    return true;
}

// The header's sizes in range, the blob exactly as long as they say, every glyph sensible.
bool checkSizesAndGlyphs(std::string_view blob, const AtlasHeader& hdr, std::string& why) {
    if (hdr.w <= 0 || hdr.h <= 0 || hdr.w > kMaxSide || hdr.h > kMaxSide ||
        hdr.glyphBytes != sizeof(ImFontGlyph) || !finiteIn(hdr.white.x, 0, 1) ||
        !finiteIn(hdr.white.y, 0, 1)) {
        why = "header sizes out of range (" + std::to_string(hdr.w) + "x" + std::to_string(hdr.h) +
              ")";
        return false;
    }
    size_t expected = kFixedHeader + hdr.jsonBytes + size_t(hdr.w) * size_t(hdr.h);
    for (const FontMetrics& m : hdr.metrics) {
        if (m.glyphs <= 0 || m.glyphs >= 0xFFFF || !finiteIn(m.size, 1, 1024) ||
            m.fallback > 0xFFFF || m.ellipsis > 0xFFFF || m.dot > 0xFFFF) {
            why = "font table out of range";
            return false;
        }
        expected += size_t(m.glyphs) * hdr.glyphBytes;
    }
    if (blob.size() != expected) {
        why = (blob.size() < expected ? "truncated: " : "trailing bytes: ") +
              std::to_string(blob.size()) + " bytes, the header says " + std::to_string(expected);
        return false;
    }
    const char* p = blob.data() + kFixedHeader + hdr.jsonBytes;
    for (int r = 0; r < kFontRoleCount; ++r) {
        if (!glyphsValid(p, hdr.metrics[r].glyphs, hdr.metrics[r].size, why,
                         roleName(static_cast<FontRole>(r))))
            return false;
        p += size_t(hdr.metrics[r].glyphs) * hdr.glyphBytes;
    }
    return true;
}

// A checked blob into the atlas as ImFontAtlasBuildFinish() leaves it, without rasterising.
void buildAtlas(std::string_view blob, const AtlasHeader& hdr, ImFontAtlas& atlas,
                ImFont* out[kFontRoleCount], LoadedPixels& pixels) {
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas.TexGlyphPadding = 1;
    atlas.TexWidth = hdr.w;
    atlas.TexHeight = hdr.h;
    atlas.TexUvScale = ImVec2(1.0f / float(hdr.w), 1.0f / float(hdr.h));
    atlas.TexUvWhitePixel = hdr.white;
    for (int i = 0; i < IM_ARRAYSIZE(hdr.lines); ++i) atlas.TexUvLines[i] = hdr.lines[i];
    const char* p = blob.data() + kFixedHeader + hdr.jsonBytes;
    for (int r = 0; r < kFontRoleCount; ++r) {
        const FontMetrics& m = hdr.metrics[r];
        ImFont* font = IM_NEW(ImFont);
        atlas.Fonts.push_back(font);
        font->ContainerAtlas = &atlas;
        font->FontSize = m.size;
        font->Ascent = m.ascent;
        font->Descent = m.descent;
        font->FallbackChar = static_cast<ImWchar>(m.fallback);
        font->EllipsisChar = static_cast<ImWchar>(m.ellipsis);
        font->DotChar = static_cast<ImWchar>(m.dot);
        font->Glyphs.resize(m.glyphs);
        std::memcpy(font->Glyphs.Data, p, size_t(m.glyphs) * hdr.glyphBytes);
        p += size_t(m.glyphs) * hdr.glyphBytes;
        font->BuildLookupTable();
        out[r] = font;
    }
    atlas.TexReady = true;
    pixels = {reinterpret_cast<const unsigned char*>(p), hdr.w, hdr.h};
}
} // namespace

bool load(std::string_view blob, const nlohmann::json& wanted, ImFontAtlas& atlas,
          ImFont* out[kFontRoleCount], LoadedPixels& pixels, std::string& why) {
    AtlasHeader hdr;
    if (!readFixedHeader(blob, hdr, why)) return false;
    nlohmann::json header = nlohmann::json::parse(blob.substr(kFixedHeader, hdr.jsonBytes), nullptr,
                                                  /*allow_exceptions=*/false);
    if (header.is_discarded() || !header.is_object()) {
        why = "header is not valid JSON";
        return false;
    }
    std::string diff = specDifference(wanted, header.value("spec", nlohmann::json()));
    if (!diff.empty()) {
        why = "made for other fonts or sizes: " + diff;
        return false;
    }
    if (!readHeaderFields(header, hdr, why) || !checkSizesAndGlyphs(blob, hdr, why)) return false;
    buildAtlas(blob, hdr, atlas, out, pixels);
    return true;
}

} // namespace zj::fontatlas
