#include "platform/screenshot.hpp"

#include "core/media/png_write.hpp"
#include "platform/gl_api.hpp"

#include <vector>

namespace zj {

bool writeScreenshotPng(int width, int height, const std::string& path, std::string& err) {
    if (!glReady()) {
        err = "glReadPixels is not available";
        return false;
    }
    std::vector<uint8_t> rgba(static_cast<size_t>(width) * height * 4);
    gl().pixelStorei(GL_PACK_ALIGNMENT, 1);
    gl().readPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // Fast (screenshots are on the hot path of every scenario): libpng, level 1 (png_write.hpp).
    return writePngRgba(path, width, height, rgba.data(), RowOrder::BottomUp, err);
}

} // namespace zj
