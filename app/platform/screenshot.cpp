#include "platform/screenshot.hpp"

#include "platform/gl_api.hpp"

#include <stb_image_write.h>
#include <vector>

namespace zj {

bool writeScreenshotPng(int width, int height, const std::string& path, std::string& err) {
    if (!glReady()) {
        err = "glReadPixels is not available";
        return false;
    }
    std::vector<unsigned char> rgba(static_cast<size_t>(width) * height * 4);
    gl().pixelStorei(GL_PACK_ALIGNMENT, 1);
    gl().readPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // GL rows go bottom-up; PNG rows top-down.
    stbi_flip_vertically_on_write(1);
    stbi_write_png_compression_level = 2; // fast: screenshots are written on the hot path of tests
    int ok = stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4);
    stbi_flip_vertically_on_write(0);
    if (!ok) {
        err = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace zj
