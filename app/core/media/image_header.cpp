#include "core/media/image_header.hpp"

#include <cstring>

namespace zj {

namespace {

constexpr uint8_t kPngMagic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

uint32_t be32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

int clampToInt(uint32_t v) {
    return v > uint32_t(INT32_MAX) ? INT32_MAX : int(v);
}

bool parsePng(const uint8_t* p, size_t n, ImageHeader& out, std::string& why) {
    // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
    if (n < 24) return (why = "PNG ends before its IHDR (" + std::to_string(n) + " bytes)"), false;
    if (std::memcmp(p + 12, "IHDR", 4) != 0) return (why = "PNG without IHDR"), false;
    out.width = clampToInt(be32(p + 16));
    out.height = clampToInt(be32(p + 20));
    return true;
}

// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool isFrameHeader(uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

bool isProgressive(uint8_t marker) {
    return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
}

bool parseJpeg(const uint8_t* p, size_t n, ImageHeader& out, std::string& why) {
    size_t i = 2; // after SOI
    while (i + 1 < n) {
        if (p[i] != 0xFF) return (why = "JPEG marker expected at byte " + std::to_string(i)), false;
        const uint8_t marker = p[i + 1];
        if (marker == 0xFF) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { // no length field
            i += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) break; // end, or scan data before any frame
        if (i + 3 >= n) break;
        const size_t len = size_t(p[i + 2]) << 8 | p[i + 3];
        if (len < 2) return (why = "JPEG segment length " + std::to_string(len)), false;
        if (isFrameHeader(marker)) {
            // length (2), precision (1), height (2), width (2)
            if (i + 8 >= n) break;
            out.height = int(p[i + 5]) << 8 | p[i + 6];
            out.width = int(p[i + 7]) << 8 | p[i + 8];
            out.progressive = isProgressive(marker);
            return true;
        }
        i += 2 + len;
    }
    why = "JPEG without a frame header in the first " + std::to_string(n) + " bytes";
    return false;
}

} // namespace

const char* imageFormatName(ImageFormat format) {
    switch (format) {
        case ImageFormat::Jpeg:
            return "JPEG";
        case ImageFormat::Png:
            return "PNG";
        case ImageFormat::Unknown:
            break;
    }
    return "unknown";
}

ImageFormat sniffImageFormat(const uint8_t* data, size_t size) {
    if (!data) return ImageFormat::Unknown;
    if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return ImageFormat::Jpeg;
    if (size >= 8 && std::memcmp(data, kPngMagic, 8) == 0) return ImageFormat::Png;
    return ImageFormat::Unknown;
}

bool parseImageHeader(const uint8_t* data, size_t size, ImageHeader& out, std::string& why) {
    out = ImageHeader{};
    out.format = sniffImageFormat(data, size);
    switch (out.format) {
        case ImageFormat::Jpeg:
            return parseJpeg(data, size, out, why);
        case ImageFormat::Png:
            return parsePng(data, size, out, why);
        case ImageFormat::Unknown:
            break;
    }
    why = "neither a JPEG nor a PNG";
    return false;
}

std::string pngChunkProblem(const uint8_t* data, size_t size) {
    size_t at = 8; // past the signature
    bool seenIdat = false;
    while (at + 8 <= size) {
        uint32_t len = uint32_t(data[at]) << 24 | uint32_t(data[at + 1]) << 16 |
                       uint32_t(data[at + 2]) << 8 | uint32_t(data[at + 3]);
        bool idat = std::memcmp(data + at + 4, "IDAT", 4) == 0;
        if (size_t(len) > size - at - 8)
            return "chunk at byte " + std::to_string(at) + " claims " + std::to_string(len) +
                   " bytes, past the end of the file";
        if (idat && !seenIdat && len == 0) return "empty IDAT chunk at byte " + std::to_string(at);
        seenIdat = seenIdat || idat;
        if (std::memcmp(data + at + 4, "IEND", 4) == 0) break;
        at += 12 + size_t(len); // length, type, data, CRC
    }
    return "";
}

} // namespace zj
