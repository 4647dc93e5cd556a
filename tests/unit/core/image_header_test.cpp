// The one image-header reader (core/media/image_header): format by magic, size by PNG IHDR or
// JPEG SOFn, and every malformed input an error that names what is wrong, never a read past the
// end. Synthetic headers for the edge cases, the demo photos for real files.
#include "core/media/image_header.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <turbojpeg.h>

using namespace zj;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes pngHeader(uint32_t w, uint32_t h) {
    Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) b.push_back(uint8_t(v >> shift));
    b.insert(b.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0}); // depth, colour type, ..., CRC
    return b;
}

void segment(Bytes& b, uint8_t marker, size_t payload) {
    b.insert(b.end(), {0xFF, marker, uint8_t((payload + 2) >> 8), uint8_t(payload + 2)});
    b.insert(b.end(), payload, 0x00);
}

// SOI, then `before` (APPn and the like), then a SOFn frame header of w x h.
Bytes jpegHeader(int w, int h, uint8_t sof = 0xC0, int appSegments = 0) {
    Bytes b = {0xFF, 0xD8};
    for (int i = 0; i < appSegments; ++i) segment(b, uint8_t(0xE0 + i), 300 + size_t(i) * 1000);
    segment(b, 0xDB, 67);            // DQT
    b.insert(b.end(), {0xFF, 0xFF}); // fill bytes are allowed before a marker
    b.insert(b.end(), {0xFF, sof, 0x00, 0x11, 0x08, uint8_t(h >> 8), uint8_t(h), uint8_t(w >> 8),
                       uint8_t(w), 0x03});
    b.insert(b.end(), 9, 0x11); // components
    return b;
}

ImageHeader parse(const Bytes& b, bool expectOk, std::string* whyOut = nullptr) {
    ImageHeader h;
    std::string why;
    EXPECT_EQ(parseImageHeader(b.data(), b.size(), h, why), expectOk) << why;
    if (!expectOk) EXPECT_FALSE(why.empty());
    if (whyOut) *whyOut = why;
    return h;
}

Bytes readFile(const char* rel) {
    std::ifstream in(std::filesystem::path(ZJ_SOURCE_DIR) / rel, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST(ImageHeader, SniffsByMagicOnly) {
    EXPECT_EQ(sniffImageFormat(pngHeader(1, 1).data(), 8), ImageFormat::Png);
    const Bytes jpeg = {0xFF, 0xD8, 0xFF};
    EXPECT_EQ(sniffImageFormat(jpeg.data(), 3), ImageFormat::Jpeg);
    EXPECT_EQ(sniffImageFormat(jpeg.data(), 2), ImageFormat::Unknown);
    EXPECT_EQ(sniffImageFormat(nullptr, 0), ImageFormat::Unknown);
    const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    EXPECT_EQ(sniffImageFormat(gif.data(), gif.size()), ImageFormat::Unknown);
    EXPECT_STREQ(imageFormatName(ImageFormat::Png), "PNG");
}

TEST(ImageHeader, PngSizeFromIhdr) {
    ImageHeader h = parse(pngHeader(1920, 1080), true);
    EXPECT_EQ(h.format, ImageFormat::Png);
    EXPECT_EQ(h.width, 1920);
    EXPECT_EQ(h.height, 1080);
    EXPECT_FALSE(h.progressive);
}

TEST(ImageHeader, HugeDimensionsAreReportedNotWrapped) {
    ImageHeader png = parse(pngHeader(0xFFFFFFFFu, 70000), true);
    EXPECT_EQ(png.width, INT32_MAX); // clamped, never negative
    EXPECT_EQ(png.height, 70000);
    ImageHeader jpeg = parse(jpegHeader(65535, 65535), true);
    EXPECT_EQ(jpeg.width, 65535);
    EXPECT_EQ(jpeg.height, 65535);
}

TEST(ImageHeader, JpegFrameAfterAppSegments) {
    ImageHeader h = parse(jpegHeader(4000, 3000, 0xC0, 3), true);
    EXPECT_EQ(h.format, ImageFormat::Jpeg);
    EXPECT_EQ(h.width, 4000);
    EXPECT_EQ(h.height, 3000);
    EXPECT_FALSE(h.progressive);
}

TEST(ImageHeader, ProgressiveJpeg) {
    ImageHeader h = parse(jpegHeader(800, 600, 0xC2, 1), true);
    EXPECT_EQ(h.width, 800);
    EXPECT_EQ(h.height, 600);
    EXPECT_TRUE(h.progressive);
}

TEST(ImageHeader, DhtIsNotAFrameHeader) {
    Bytes b = {0xFF, 0xD8};
    segment(b, 0xC4, 40); // DHT lies inside the SOFn range
    Bytes rest = jpegHeader(320, 240);
    b.insert(b.end(), rest.begin() + 2, rest.end());
    ImageHeader h = parse(b, true);
    EXPECT_EQ(h.width, 320);
    EXPECT_EQ(h.height, 240);
}

TEST(ImageHeader, TruncatedAnywhereIsAnErrorNotAnOverread) {
    const Bytes jpeg = jpegHeader(1024, 768, 0xC0, 2);
    const Bytes png = pngHeader(640, 480);
    // Every proper prefix that ends before the size: false, and (under ASan) no read past it.
    size_t jpegNeeds = jpeg.size() - 10; // the frame header's width ends 9 bytes before the end
    for (size_t n = 0; n < jpegNeeds; ++n) {
        Bytes cut(jpeg.begin(), jpeg.begin() + long(n));
        ImageHeader h;
        std::string why;
        EXPECT_FALSE(parseImageHeader(cut.data(), cut.size(), h, why)) << n << " bytes";
    }
    for (size_t n = 0; n < 24; ++n) {
        Bytes cut(png.begin(), png.begin() + long(n));
        ImageHeader h;
        std::string why;
        EXPECT_FALSE(parseImageHeader(cut.data(), cut.size(), h, why)) << n << " bytes";
    }
    std::string why;
    parse(Bytes(png.begin(), png.begin() + 20), false, &why);
    EXPECT_NE(why.find("IHDR"), std::string::npos) << why;
}

TEST(ImageHeader, WrongMagicOrStructure) {
    std::string why;
    parse({'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0}, false, &why);
    EXPECT_EQ(why, "neither a JPEG nor a PNG");
    Bytes noIhdr = pngHeader(10, 10);
    noIhdr[12] = 'X';
    parse(noIhdr, false, &why);
    EXPECT_EQ(why, "PNG without IHDR");
    // Scan data before any frame header: no size to be had.
    Bytes scanFirst = {0xFF, 0xD8};
    segment(scanFirst, 0xDA, 10);
    parse(scanFirst, false, &why);
    EXPECT_NE(why.find("without a frame header"), std::string::npos) << why;
    // Garbage where a marker belongs.
    Bytes garbage = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34, 0x56};
    parse(garbage, false, &why);
    EXPECT_NE(why.find("marker expected at byte 8"), std::string::npos) << why;
    // A segment length under 2 would loop in place.
    Bytes zeroLength = {0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00, 0xFF, 0xC0};
    parse(zeroLength, false, &why);
    EXPECT_NE(why.find("segment length"), std::string::npos) << why;
}

TEST(ImageHeader, AgreesWithLibjpegTurboOnTheDemoPhotos) {
    for (const char* rel : {"content/media/photos/city-1.jpg"}) {
        Bytes b = readFile(rel);
        ASSERT_GT(b.size(), 1000u) << rel;
        ImageHeader h = parse(b, true);
        tjhandle tj = tjInitDecompress();
        int w = 0, hh = 0, sub = 0, cs = 0;
        ASSERT_EQ(tjDecompressHeader3(tj, b.data(), (unsigned long)b.size(), &w, &hh, &sub, &cs),
                  0);
        tjDestroy(tj);
        EXPECT_EQ(h.width, w) << rel;
        EXPECT_EQ(h.height, hh) << rel;
    }
}
