#include "platform/fonts.hpp"

#include "platform/font_atlas.hpp"
#include "platform/gl_api.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <imgui.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

FontSet::FontSet()
    : regular_(std::make_unique<fontatlas::MappedFont>()),
      bold_(std::make_unique<fontatlas::MappedFont>()),
      glyphs_(std::make_unique<fontatlas::GlyphSet>()) {}

FontSet::~FontSet() = default;

// The backend would upload the atlas as RGBA (16 MB at 2048x2048, kept twice by llvmpipe);
// one red channel swizzled to (1,1,1,r) is a quarter of that and looks the same.
bool FontSet::uploadAlphaTexture(const unsigned char* pixels, int w, int h, std::string& err) {
    if (!pixels) {
        err = "font atlas has no pixels";
        return false;
    }
    if (!glReady()) {
        err = "no OpenGL context for the font atlas texture";
        return false;
    }
    GLuint tex = 0;
    gl().genTextures(1, &tex);
    gl().bindTexture(GL_TEXTURE_2D, tex);
    setTextureSampling(GL_LINEAR);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    gl().texParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    gl().pixelStorei(GL_UNPACK_ALIGNMENT, 1);
    gl().texImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    if (gl().getError() != GL_NO_ERROR) {
        gl().deleteTextures(1, &tex);
        err = "cannot upload the font atlas texture";
        return false;
    }
    texture_ = tex;
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex)));
    return true;
}

void FontSet::releaseTexture() {
    if (texture_) {
        GLuint tex = texture_;
        if (glReady()) gl().deleteTextures(1, &tex); // else the context took it along
        texture_ = 0;
        ImGui::GetIO().Fonts->SetTexID(nullptr);
    }
}

bool FontSet::loadFiles(std::string& err) {
    return regular_->map(ZJ_FONT_FILE, err) && bold_->map(ZJ_FONT_BOLD_FILE, err);
}

float FontSet::sizeOf(FontRole role) const {
    return fontatlas::designSize(role);
}

// The bundle's atlas, mapped: the pixels go from the page cache to the texture and the
// mapping goes away, so the baked path keeps no CPU copy of the atlas.
bool FontSet::loadBaked(const std::string& path, float scale, std::string& why) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0) close(fd);
        why = "cannot read it";
        return false;
    }
    size_t size = static_cast<size_t>(st.st_size);
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        why = "cannot map it";
        return false;
    }
    nlohmann::json wanted = fontatlas::atlasSpec(*regular_, *bold_, *glyphs_, scale);
    fontatlas::LoadedPixels pixels;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    bool ok = fontatlas::load(std::string_view(static_cast<const char*>(p), size), wanted, *atlas,
                              fonts_, pixels, why);
    std::string err;
    if (ok && !uploadAlphaTexture(pixels.pixels, pixels.width, pixels.height, err)) {
        why = err;
        ok = false;
    }
    munmap(p, size);
    if (!ok) {
        atlas->Clear();
        for (ImFont*& f : fonts_) f = nullptr;
        return false;
    }
    stats_.atlasWidth = pixels.width;
    stats_.atlasHeight = pixels.height;
    return true;
}

bool FontSet::buildWithFreeType(float scale, std::string& err) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!fontatlas::addFonts(*atlas, *regular_, *bold_, *glyphs_, scale, fonts_, err)) return false;
    if (!atlas->Build()) {
        err = "font atlas build failed";
        return false;
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    stats_.atlasWidth = w;
    stats_.atlasHeight = h;
    if (!uploadAlphaTexture(pixels, w, h, err)) return false;
    atlas->ClearTexData(); // the GPU copy is enough
    return true;
}

bool FontSet::build(const std::string& glyphText, const std::string& displayGlyphs, float scale,
                    const std::string& bakedAtlas, const std::string& noBakedAtlasWhy,
                    std::string& err) {
    Uint64 t0 = SDL_GetPerformanceCounter();
    auto msSince = [t0] {
        return (SDL_GetPerformanceCounter() - t0) * 1000.0 / SDL_GetPerformanceFrequency();
    };
    releaseTexture();
    ImGui::GetIO().Fonts->Clear();
    *glyphs_ = fontatlas::glyphSetFor({glyphText, displayGlyphs});
    stats_.glyphCount = glyphs_->glyphCount;
    std::string why = noBakedAtlasWhy;
    stats_.baked = !bakedAtlas.empty() && loadBaked(bakedAtlas, scale, why);
    if (!stats_.baked && !buildWithFreeType(scale, err)) return false;
    // The font files stay mapped for the next rebuild; their pages need not stay resident.
    regular_->dropResidentPages();
    bold_->dropResidentPages();
    if (!stats_.baked) malloc_trim(0); // the builder's temporary buffers go back to the system
    ImGui::GetIO().FontDefault = fonts_[static_cast<int>(FontRole::Body)];
    scale_ = scale;
    stats_.buildMs = msSince();
    char line[256];
    std::snprintf(line, sizeof line, "%dx%d, %d glyphs, %.1f ms", stats_.atlasWidth,
                  stats_.atlasHeight, stats_.glyphCount, stats_.buildMs);
    stats_.source = stats_.baked
                        ? std::string("baked atlas from the bundle, ") + line
                        : "FreeType atlas at run time (baked atlas not used: " + why + "), " + line;
    return true;
}

} // namespace zj
