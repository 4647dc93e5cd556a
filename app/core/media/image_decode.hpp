// Image files -> RGBA pixels (stb_image), with the checks a kiosk needs before trusting a file:
// dimensions read first (stbi_info) and huge images refused before decoding, JPEGs without an
// end-of-image marker refused as truncated (stb_image would otherwise show grey garbage).
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
    std::vector<uint8_t> rgba; // width * height * 4 bytes, rows top to bottom
    std::string error;         // why it failed; empty on success
    bool ok() const { return error.empty() && !rgba.empty(); }
};

inline constexpr uint64_t kMaxImageFileBytes = 64ull << 20; // refuse absurd files unread

DecodedImage decodeImageFile(const std::filesystem::path& file, int maxPixels);
DecodedImage decodeImageMemory(const uint8_t* data, size_t size, int maxPixels);

} // namespace zj
