#include "platform/fonts.hpp"

#include "core/theme_tokens.hpp"

#include <SDL.h>
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <fcntl.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace {

constexpr int kCjkScFace = 2; // Noto Sans CJK SC in the .ttc collection

} // namespace

// The backend would upload the atlas as RGBA (16 MB at 2048x2048, kept twice by llvmpipe);
// one red channel swizzled to (1,1,1,r) is a quarter of that and looks the same.
bool FontSet::uploadAlphaTexture(std::string& err) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!pixels) {
        err = "font atlas has no pixels";
        return false;
    }
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &tex);
        err = "cannot upload the font atlas texture";
        return false;
    }
    texture_ = tex;
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex)));
    return true;
}

void FontSet::releaseTexture() {
    if (texture_) {
        GLuint tex = texture_;
        glDeleteTextures(1, &tex);
        texture_ = 0;
        ImGui::GetIO().Fonts->SetTexID(nullptr);
    }
}

FontSet::~FontSet() {
    for (MappedFile* f : {&regular_, &bold_})
        if (f->data) munmap(f->data, f->size);
}

bool FontSet::mapFile(const char* path, MappedFile& out, std::string& err) {
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
    out.data = p;
    out.size = static_cast<size_t>(st.st_size);
    return true;
}

bool FontSet::loadFiles(std::string& err) {
    return mapFile(ZJ_FONT_FILE, regular_, err) && mapFile(ZJ_FONT_BOLD_FILE, bold_, err);
}

float FontSet::sizeOf(FontRole role) const {
    switch (role) {
        case FontRole::Caption:
            return tokens::type::caption;
        case FontRole::Body:
            return tokens::type::body;
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

bool FontSet::build(const std::string& glyphText, const std::string& displayGlyphs, float scale,
                    std::string& err) {
    Uint64 t0 = SDL_GetPerformanceCounter();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    releaseTexture();
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
    ImFontGlyphRangesBuilder displayBuilder;
    static const ImWchar kAscii[] = {0x0020, 0x007E, 0};
    displayBuilder.AddRanges(kAscii);
    displayBuilder.AddText(displayGlyphs.c_str(), displayGlyphs.c_str() + displayGlyphs.size());
    displayBuilder.AddText("%％·.,+-×亿万元个");
    ImVector<ImWchar> displayRanges;
    displayBuilder.BuildRanges(&displayRanges);
    displayRanges_.assign(displayRanges.begin(), displayRanges.end());
    stats_.glyphCount = 0;
    for (size_t i = 0; i + 1 < ranges_.size(); i += 2)
        stats_.glyphCount += ranges_[i + 1] - ranges_[i] + 1;

    for (int r = 0; r < static_cast<int>(FontRole::Count_); ++r) {
        FontRole role = static_cast<FontRole>(r);
        bool bold = role == FontRole::BodyBold || role == FontRole::H2 || role == FontRole::H1 ||
                    role == FontRole::Display;
        const MappedFile& file = bold ? bold_ : regular_;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false; // the file stays loaded once, in this FontSet
        cfg.FontNo = kCjkScFace;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        const unsigned short* ranges =
            role == FontRole::Display ? displayRanges_.data() : ranges_.data();
        // ImGui never writes to font data it does not own (FontDataOwnedByAtlas = false).
        fonts_[r] = atlas->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size),
                                                sizeOf(role) * scale, &cfg, ranges);
        // ImGui 1.86 copies font data it does not own (20 MB per size here): point the config
        // back at the one shared mapping and free the copy.
        ImFontConfig& added = atlas->ConfigData.back();
        if (added.FontData != file.data) {
            IM_FREE(added.FontData);
            added.FontData = file.data;
            added.FontDataOwnedByAtlas = false;
        }
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
    if (!uploadAlphaTexture(err)) return false;
    atlas->ClearTexData(); // the GPU copy is enough
    // The font files stay mapped for the next rebuild; their pages need not stay resident.
    for (const MappedFile* f : {&regular_, &bold_}) madvise(f->data, f->size, MADV_DONTNEED);
    malloc_trim(0); // the builder's temporary buffers go back to the system
    io.FontDefault = fonts_[static_cast<int>(FontRole::Body)];
    scale_ = scale;
    stats_.buildMs = (SDL_GetPerformanceCounter() - t0) * 1000.0 / SDL_GetPerformanceFrequency();
    return true;
}

} // namespace zj
