#include "core/media/png_write.hpp"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <png.h>

namespace zj {

namespace {
struct PngError {
    std::string message; // libpng's own words for the first error
};

void onPngError(png_structp png, png_const_charp message) {
    auto* e = static_cast<PngError*>(png_get_error_ptr(png));
    if (e && e->message.empty()) e->message = message;
    png_longjmp(png, 1);
}

void onPngWarning(png_structp, png_const_charp) {}

// Everything libpng does between setjmp and the end lives here: no C++ object with a
// destructor may be skipped by its longjmp.
bool encode(std::FILE* f, int width, int height, const uint8_t* rgba, RowOrder order,
            PngError& error) {
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, onPngError, onPngWarning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_write_info(png, info);
    size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y) {
        int row = order == RowOrder::BottomUp ? height - 1 - y : y;
        png_write_row(png, rgba + stride * static_cast<size_t>(row));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}
} // namespace

bool writePngRgba(const std::filesystem::path& path, int width, int height, const uint8_t* rgba,
                  RowOrder order, std::string& err) {
    if (width <= 0 || height <= 0 || !rgba) {
        err = path.string() + ": no pixels to write (" + std::to_string(width) + "x" +
              std::to_string(height) + ")";
        return false;
    }
    std::filesystem::path tmp = path;
    tmp += ".part";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        err = "cannot create " + tmp.string() + ": " + std::strerror(errno);
        return false;
    }
    PngError error;
    bool encoded = encode(f, width, height, rgba, order, error);
    bool flushed = std::fflush(f) == 0;
    int writeErrno = errno;
    bool closed = std::fclose(f) == 0;
    if (!encoded || !flushed || !closed) {
        err = "cannot write " + path.string() + ": " +
              (!error.message.empty() ? error.message : std::string(std::strerror(writeErrno)));
        std::remove(tmp.c_str());
        return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        err = "cannot write " + path.string() + ": " + ec.message();
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

} // namespace zj
