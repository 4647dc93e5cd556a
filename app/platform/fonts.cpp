#include "platform/fonts.hpp"

#include "core/theme_tokens.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <fstream>
#include <imgui.h>
#include <imgui_freetype.h>
#include <iterator>

namespace zj {

namespace {

bool readFile(const char* path, std::vector<unsigned char>& out, std::string& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err = std::string("cannot read font ") + path + " (install fonts-noto-cjk)";
        return false;
    }
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (out.size() < 1024) {
        err = std::string("font file is too small: ") + path;
        return false;
    }
    return true;
}

constexpr int kCjkScFace = 2; // Noto Sans CJK SC in the .ttc collection

} // namespace

FontSet::~FontSet() = default;

bool FontSet::loadFiles(std::string& err) {
    return readFile(ZJ_FONT_FILE, regular_, err) && readFile(ZJ_FONT_BOLD_FILE, bold_, err);
}

float FontSet::sizeOf(FontRole role) const {
    switch (role) {
        case FontRole::Caption: return tokens::type::caption;
        case FontRole::Body: return tokens::type::body;
        case FontRole::BodyBold: return tokens::type::body;
        case FontRole::H2: return tokens::type::h2;
        case FontRole::H1: return tokens::type::h1;
        case FontRole::Display: return tokens::type::display;
        case FontRole::Count_: break;
    }
    return tokens::type::body;
}

bool FontSet::build(const std::string& glyphText, float scale, std::string& err) {
    Uint64 t0 = SDL_GetPerformanceCounter();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas->TexGlyphPadding = 1;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault()); // Basic Latin + Latin-1
    builder.AddText(glyphText.c_str(), glyphText.c_str() + glyphText.size());
    builder.AddText("·—–…“”‘’、，。：；！？（）《》【】％＋－×÷→←↑↓•✓✕©®°²");
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    ranges_.assign(ranges.begin(), ranges.end());
    stats_.glyphCount = 0;
    for (size_t i = 0; i + 1 < ranges_.size(); i += 2)
        stats_.glyphCount += ranges_[i + 1] - ranges_[i] + 1;

    for (int r = 0; r < static_cast<int>(FontRole::Count_); ++r) {
        FontRole role = static_cast<FontRole>(r);
        bool bold = role == FontRole::BodyBold || role == FontRole::H2 || role == FontRole::H1 ||
                    role == FontRole::Display;
        std::vector<unsigned char>& data = bold ? bold_ : regular_;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the file stays loaded once, in this FontSet
        cfg.FontNo = kCjkScFace;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        fonts_[r] = atlas->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()),
                                                sizeOf(role) * scale, &cfg, ranges_.data());
        if (!fonts_[r]) {
            err = "cannot add font size " + std::to_string(sizeOf(role));
            return false;
        }
    }
    if (!atlas->Build()) {
        err = "font atlas build failed";
        return false;
    }
    stats_.atlasWidth = atlas->TexWidth;
    stats_.atlasHeight = atlas->TexHeight;
    if (!ImGui_ImplOpenGL3_CreateFontsTexture()) {
        err = "cannot upload the font atlas texture";
        return false;
    }
    atlas->ClearTexData(); // the GPU copy is enough
    io.FontDefault = fonts_[static_cast<int>(FontRole::Body)];
    scale_ = scale;
    stats_.buildMs = (SDL_GetPerformanceCounter() - t0) * 1000.0 / SDL_GetPerformanceFrequency();
    return true;
}

} // namespace zj
