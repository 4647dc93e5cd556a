// Image files -> RGBA pixels, with the checks a kiosk needs before trusting a file. JPEGs go
// through libjpeg-turbo (TurboJPEG): its header read refuses huge images before any pixel is
// decoded, its DCT scaling decodes straight to the smallest scale that still covers the size
// on screen, and any warning it raises (premature end of data, corrupt entropy data) is an
// error: a truncated photo is refused, never shown as grey garbage. PNGs go through stb_image.
// Pure C++: runs on the texture cache's worker threads and in unit tests.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace zj {

struct DecodedImage {
    int width = 0;
    int height = 0;
    int fullWidth = 0; // the file's own size (width/height are smaller when DCT-scaled)
    int fullHeight = 0;
    std::vector<uint8_t> rgba; // width * height * 4 bytes, rows top to bottom
    std::string error;         // why it failed; empty on success
    bool ok() const { return error.empty() && !rgba.empty(); }
};

// The size an image will occupy on screen, in pixels. Zero means "full size". `contain`: the
// whole image is fitted inside the box (letterboxed), so it only needs to reach the box along
// its limiting side; otherwise it fills the box (cropped) and must cover both sides.
struct DisplaySize {
    int width = 0;
    int height = 0;
    bool contain = false;
    bool full() const { return width <= 0 || height <= 0; }
};

// Whether a `width` x `height` image is large enough to be drawn at `want` without upscaling.
bool coversDisplay(int width, int height, DisplaySize want);

// A DCT scale num/denom: 1/1 (the file's size), 1/2, 1/4 or 1/8 (the fast ones of the n/8 that
// libjpeg-turbo offers).
struct JpegScale {
    int num = 1;
    int denom = 1;
    int apply(int dim) const { return (dim * num + denom - 1) / denom; } // TJSCALED
};
// The smallest scale not above 1/1 whose output still covers `want` (1/1 when nothing smaller
// does, or when `want` is full size).
JpegScale chooseJpegScale(int fileWidth, int fileHeight, DisplaySize want);

inline constexpr uint64_t kMaxImageFileBytes = 64ull << 20; // refuse absurd files unread

// Errors name the file (decodeImageFile) or the `label` given (decodeImageMemory).
DecodedImage decodeImageFile(const std::filesystem::path& file, int maxPixels,
                             DisplaySize want = {});
DecodedImage decodeImageMemory(const uint8_t* data, size_t size, int maxPixels,
                               DisplaySize want = {}, const std::string& label = "image");

} // namespace zj
