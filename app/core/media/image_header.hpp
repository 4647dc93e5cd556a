// The one reader of image headers: which format a file is (by its magic bytes) and the size its
// header claims, from the first bytes alone, without decoding a pixel. The store's self-check
// compares it with content.db's recorded size, the pack tool refuses huge images with it before
// stb sees them, and the kiosk's decoder picks libjpeg-turbo or stb_image by it.
// Outside data: every read is bounds-checked, a truncated or forged header is an error, never a
// read past `size`.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zj {

enum class ImageFormat { Unknown, Jpeg, Png };
const char* imageFormatName(ImageFormat format); // "unknown", "JPEG", "PNG"

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; // as the header says (PNG sizes above INT32_MAX are clamped to it)
    int height = 0;
    bool progressive = false; // JPEG SOF2 (or another progressive SOFn)
};

// By the magic bytes only: FF D8 FF (JPEG), 89 'PNG' 0D 0A 1A 0A (PNG).
ImageFormat sniffImageFormat(const uint8_t* data, size_t size);

// Format and size from a PNG's IHDR or a JPEG's first frame header (SOFn, after any APPn, DQT,
// DHT or COM segments and fill bytes). False with `why` (one line) when the bytes are neither,
// or end before the size.
bool parseImageHeader(const uint8_t* data, size_t size, ImageHeader& out, std::string& why);
inline bool parseImageHeader(std::string_view bytes, ImageHeader& out, std::string& why) {
    return parseImageHeader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out, why);
}

// What in a PNG's chunk list stb_image 2.27 mishandles, as one line, or "" when nothing does:
// a chunk whose length runs past the end of the file (stb reallocates for the claimed length
// first: gigabytes for a forged one) and an empty first IDAT (stb copies it into a buffer it has
// not made yet). Both found by fuzz_decode and fuzz_image; no encoder writes either.
std::string pngChunkProblem(const uint8_t* data, size_t size);

} // namespace zj
