#include "core/media/image_decode.hpp"

#include "core/jpeg_check.hpp"

#include <cstdio>

// A private copy of stb_image (static functions): the pack tool has its own.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace zj {

namespace {
bool isJpeg(const uint8_t* d, size_t n) {
    return n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
}

// A complete JPEG ends with FF D9 (some writers pad a few bytes after it).
bool jpegHasEnd(const uint8_t* d, size_t n) {
    size_t from = n > 64 ? n - 64 : 0;
    for (size_t i = n; i-- > from + 1;)
        if (d[i - 1] == 0xFF && d[i] == 0xD9) return true;
    return false;
}
} // namespace

DecodedImage decodeImageMemory(const uint8_t* data, size_t size, int maxPixels) {
    DecodedImage out;
    if (size == 0) {
        out.error = "empty file";
        return out;
    }
    if (size > static_cast<size_t>(INT32_MAX)) {
        out.error = "file too large";
        return out;
    }
    // stb_image 2.27 overflows its tables on a JPEG with oversized Huffman tables, already in
    // stbi_info: refuse those before any stb call (see core/jpeg_check.hpp).
    if (isJpeg(data, size) && !jpegHuffmanTablesSafe(data, size)) {
        out.error = "corrupt JPEG (Huffman table larger than the format allows)";
        return out;
    }
    int w = 0, h = 0, comp = 0;
    int len = static_cast<int>(size);
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) {
        out.error = std::string("not a readable image (") + stbi_failure_reason() + ")";
        return out;
    }
    if (w <= 0 || h <= 0 || static_cast<int64_t>(w) * h > maxPixels) {
        out.error = "image is " + std::to_string(w) + "x" + std::to_string(h) +
                    ", more than the allowed " + std::to_string(maxPixels) + " pixels";
        return out;
    }
    if (isJpeg(data, size) && !jpegSizePlausible(size, w, h)) {
        out.error = "corrupt JPEG (" + std::to_string(size) + " bytes cannot hold " +
                    std::to_string(w) + "x" + std::to_string(h) + " pixels)";
        return out;
    }
    if (isJpeg(data, size) && !jpegHasEnd(data, size)) {
        out.error = "truncated JPEG (no end-of-image marker)";
        return out;
    }
    unsigned char* px = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
    if (!px) {
        out.error = std::string("decode failed (") + stbi_failure_reason() + ")";
        return out;
    }
    out.width = w;
    out.height = h;
    out.rgba.assign(px, px + static_cast<size_t>(w) * h * 4);
    stbi_image_free(px);
    return out;
}

DecodedImage decodeImageFile(const std::filesystem::path& file, int maxPixels) {
    DecodedImage out;
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) {
        out.error = "cannot open " + file.string();
        return out;
    }
    std::vector<uint8_t> bytes;
    uint8_t buf[64 * 1024];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        bytes.insert(bytes.end(), buf, buf + n);
        if (bytes.size() > kMaxImageFileBytes) {
            std::fclose(f);
            out.error = "file larger than " + std::to_string(kMaxImageFileBytes >> 20) + " MB";
            return out;
        }
    }
    std::fclose(f);
    return decodeImageMemory(bytes.data(), bytes.size(), maxPixels);
}

} // namespace zj
