// [SECTION] Helpers
// [SECTION] DCT scale for a display size
// [SECTION] Good JPEGs at each scale, progressive, PNG
// [SECTION] Refusals: truncated, corrupt, huge
// The photo decoder (core/media/image_decode): libjpeg-turbo with DCT scaling for JPEG, stb_image
// for PNG, and every refusal path naming the file. Real demo photos, real libjpeg-turbo.
#include "core/media/image_decode.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <turbojpeg.h>
#include <unistd.h>

using namespace zj;

// [SECTION] Helpers
namespace {
std::filesystem::path source(const char* rel) {
    return std::filesystem::path(ZJ_SOURCE_DIR) / rel;
}
std::vector<uint8_t> readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
// A file of its own for this test process (removed when the test ends).
struct TempFile {
    std::filesystem::path path;
    TempFile(const char* name, const std::vector<uint8_t>& bytes)
        : path(std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "-" + name)) {
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    }
    ~TempFile() { std::filesystem::remove(path); }
};
// Mean of each RGB channel: a scaled decode shows the same picture as the full one.
std::array<double, 3> meanRgb(const DecodedImage& img) {
    std::array<double, 3> sum{};
    for (size_t i = 0; i + 3 < img.rgba.size(); i += 4)
        for (int c = 0; c < 3; ++c) sum[c] += img.rgba[i + c];
    double n = double(img.rgba.size() / 4);
    return {sum[0] / n, sum[1] / n, sum[2] / n};
}
// Spread of the luma: grey garbage (what libjpeg fills a missing part with) has none.
double lumaStdDev(const DecodedImage& img) {
    double s = 0, s2 = 0, n = 0;
    for (size_t i = 0; i + 3 < img.rgba.size(); i += 4) {
        double y = 0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2];
        s += y, s2 += y * y, ++n;
    }
    return std::sqrt(s2 / n - (s / n) * (s / n));
}
const std::filesystem::path kCity = source("content/media/photos/city-1.jpg"); // 1920x1200
constexpr int kMax = 40'000'000;
} // namespace

// [SECTION] DCT scale for a display size

TEST(JpegScale, SmallestScaleThatStillCoversTheScreenSize) {
    auto pick = [](DisplaySize want) {
        JpegScale s = chooseJpegScale(1920, 1200, want);
        return std::to_string(s.num) + "/" + std::to_string(s.denom);
    };
    EXPECT_EQ(pick({}), "1/1");                  // full size asked for
    EXPECT_EQ(pick({1920, 1200, false}), "1/1"); // exactly the file
    EXPECT_EQ(pick({4000, 3000, false}), "1/1"); // larger than the file: never upscaled here
    EXPECT_EQ(pick({960, 600, false}), "1/2");   // 960x600
    EXPECT_EQ(pick({961, 600, false}), "1/1");   // 1/2 is one pixel short (5/8 is slow)
    EXPECT_EQ(pick({480, 300, false}), "1/4");   // 480x300
    EXPECT_EQ(pick({240, 150, false}), "1/8");   // 240x150
    EXPECT_EQ(pick({1, 1, false}), "1/8");       // the decoder's smallest
    // Filling a wide box must cover both sides; fitting (contain) only the limiting one.
    EXPECT_EQ(pick({1000, 100, false}), "1/1");
    EXPECT_EQ(pick({1000, 100, true}), "1/8");
    EXPECT_EQ(pick({1824, 560, true}), "1/2"); // height-limited: 960x600 reaches 560
    EXPECT_EQ(pick({1824, 840, true}), "1/1");
}

TEST(JpegScale, CoversDisplay) {
    EXPECT_TRUE(coversDisplay(960, 600, {960, 600, false}));
    EXPECT_FALSE(coversDisplay(960, 600, {961, 600, false}));
    EXPECT_TRUE(coversDisplay(960, 600, {2000, 600, true})); // fits by its height
    EXPECT_FALSE(coversDisplay(960, 600, {2000, 601, true}));
    EXPECT_FALSE(coversDisplay(4000, 4000, {})); // "full size" is never met by a scaled copy
}

// [SECTION] Good JPEGs at each scale, progressive, PNG

TEST(ImageDecodeJpeg, DecodesADemoPhotoAtEachScale) {
    DecodedImage full = decodeImageFile(kCity, kMax);
    ASSERT_TRUE(full.ok()) << full.error;
    EXPECT_EQ(full.width, 1920);
    EXPECT_EQ(full.height, 1200);
    EXPECT_EQ(full.rgba.size(), size_t(1920) * 1200 * 4);
    auto fullMean = meanRgb(full);
    const struct {
        DisplaySize want;
        int w, h;
    } cases[] = {{{960, 600}, 960, 600},
                 {{480, 300}, 480, 300},
                 {{240, 150}, 240, 150},
                 {{1824, 560, true}, 960, 600}};
    for (const auto& c : cases) {
        DecodedImage img = decodeImageFile(kCity, kMax, c.want);
        ASSERT_TRUE(img.ok()) << img.error;
        EXPECT_EQ(img.width, c.w);
        EXPECT_EQ(img.height, c.h);
        EXPECT_EQ(img.fullWidth, 1920);
        EXPECT_EQ(img.fullHeight, 1200);
        EXPECT_EQ(img.rgba.size(), size_t(c.w) * c.h * 4);
        EXPECT_EQ(img.rgba[3], 255); // opaque
        auto mean = meanRgb(img);
        for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(mean[ch], fullMean[ch], 3.0) << c.w;
        EXPECT_GT(lumaStdDev(img), 10.0); // a picture, not a flat fill
    }
}

// A progressive JPEG of the same photo (made with libjpeg-turbo's own encoder) decodes to the
// same picture, scaled as well; and the fuzz corpus' small progressive file decodes.
TEST(ImageDecodeJpeg, ProgressiveJpeg) {
    DecodedImage full = decodeImageFile(kCity, kMax);
    ASSERT_TRUE(full.ok()) << full.error;
    tjhandle enc = tjInitCompress();
    ASSERT_NE(enc, nullptr);
    unsigned char* jpeg = nullptr;
    unsigned long size = 0;
    ASSERT_EQ(tjCompress2(enc, full.rgba.data(), full.width, 0, full.height, TJPF_RGBA, &jpeg,
                          &size, TJSAMP_420, 90, TJFLAG_PROGRESSIVE),
              0)
        << tjGetErrorStr2(enc);
    std::vector<uint8_t> bytes(jpeg, jpeg + size);
    tjFree(jpeg);
    tjDestroy(enc);
    bool sof2 = false; // the progressive frame marker
    for (size_t i = 0; i + 1 < bytes.size() && !sof2; ++i)
        sof2 = bytes[i] == 0xFF && bytes[i + 1] == 0xC2;
    ASSERT_TRUE(sof2);
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), kMax, {480, 300});
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(img.width, 480);
    EXPECT_EQ(img.height, 300);
    auto a = meanRgb(img), b = meanRgb(full);
    for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(a[ch], b[ch], 3.0);

    DecodedImage small = decodeImageFile(source("tests/fuzz/corpus/image/progressive.jpg"), kMax);
    EXPECT_TRUE(small.ok()) << small.error;
    EXPECT_GT(small.width, 0);
}

TEST(ImageDecodePng, StillDecodedByStb) {
    DecodedImage img = decodeImageFile(source("tests/fuzz/corpus/image/tiny.png"), kMax);
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_GT(img.width, 0);
    EXPECT_EQ(img.rgba.size(), size_t(img.width) * img.height * 4);
    // A PNG is never DCT-scaled: a display size changes nothing.
    DecodedImage same = decodeImageFile(source("tests/fuzz/corpus/image/tiny.png"), kMax, {1, 1});
    EXPECT_EQ(same.width, img.width);
    // A header claiming a huge image is refused, naming the file.
    DecodedImage huge = decodeImageFile(source("tests/fuzz/corpus/image/huge-header.png"), kMax);
    EXPECT_FALSE(huge.ok());
    EXPECT_NE(huge.error.find("huge-header.png"), std::string::npos) << huge.error;
}

// [SECTION] Refusals: truncated, corrupt, huge

// fuzz_decode found it: stb_image reallocates for a chunk's claimed length before reading it.
TEST(ImageDecodePng, ChunkLongerThanTheFileIsRefusedBeforeStb) {
    auto bytes = readAll(source("tests/fuzz/corpus/image/tiny.png"));
    std::string text(bytes.begin(), bytes.end());
    size_t idat = text.find("IDAT");
    ASSERT_NE(idat, std::string::npos);
    bytes[idat - 4] = 0x7F; // the IDAT now claims about 2 GB
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), kMax, {}, "forged.png");
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("forged.png: corrupt PNG (chunk at byte " + std::to_string(idat - 4)),
              std::string::npos)
        << img.error;
    EXPECT_NE(img.error.find("past the end of the file"), std::string::npos) << img.error;
}

// fuzz_decode found it: stb_image copies an empty first IDAT into a buffer it has not made yet.
TEST(ImageDecodePng, EmptyFirstIdatIsRefusedNamingTheFile) {
    auto bytes = readAll(source("tests/fuzz/corpus/image/tiny.png"));
    std::string text(bytes.begin(), bytes.end());
    size_t idat = text.find("IDAT");
    ASSERT_NE(idat, std::string::npos);
    const uint8_t empty[] = {0, 0, 0, 0, 'I', 'D', 'A', 'T', 0x35, 0xAF, 0x06, 0x1E};
    bytes.insert(bytes.begin() + static_cast<long>(idat - 4), std::begin(empty), std::end(empty));
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), kMax, {}, "empty-idat.png");
    EXPECT_FALSE(img.ok());
    EXPECT_EQ(img.error, "empty-idat.png: corrupt PNG (empty IDAT chunk at byte " +
                             std::to_string(idat - 4) + ")");
}

TEST(ImageDecodeJpeg, TruncatedJpegIsRefusedNamingTheFile) {
    auto bytes = readAll(kCity);
    ASSERT_GT(bytes.size(), 10'000u);
    // Cut in the middle, and cut just before the end-of-image marker: libjpeg would fill the
    // rest with grey and call it decoded; the warning is an error here.
    for (size_t keep : {bytes.size() / 2, bytes.size() - 200, bytes.size() - 2}) {
        std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + long(keep));
        TempFile f("cut-city-1.jpg", cut);
        for (DisplaySize want : {DisplaySize{}, DisplaySize{240, 150}}) {
            DecodedImage img = decodeImageFile(f.path, kMax, want);
            EXPECT_FALSE(img.ok()) << keep;
            EXPECT_TRUE(img.rgba.empty());
            EXPECT_NE(img.error.find(f.path.string()), std::string::npos) << img.error;
            EXPECT_NE(img.error.find("truncated"), std::string::npos) << img.error;
        }
    }
    // In memory, the label given names it.
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size() / 2, kMax, {}, "media/x.jpg");
    EXPECT_NE(img.error.find("media/x.jpg"), std::string::npos) << img.error;
}

TEST(ImageDecodeJpeg, CorruptHeaderIsAnErrorNotACrash) {
    auto bytes = readAll(kCity);
    for (size_t i = 3; i < 600; ++i) bytes[i] = static_cast<uint8_t>(i * 7); // garbage headers
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), kMax, {}, "city-1.jpg");
    EXPECT_FALSE(img.ok());
    EXPECT_TRUE(img.rgba.empty());
    EXPECT_NE(img.error.find("city-1.jpg: corrupt JPEG"), std::string::npos) << img.error;
    // The next photo on the same worker thread decodes (TurboJPEG 2.1 handles go stale after
    // a header error: the decoder must not reuse one).
    EXPECT_TRUE(decodeImageFile(kCity, kMax, {240, 150}).ok());
}

// The frame header claims 30000x30000: refused from the header, before any pixel is decoded
// (no 3.6 GB buffer), whatever display size is asked for.
TEST(ImageDecodeJpeg, HugeDimensionsRefusedUnread) {
    auto bytes = readAll(kCity);
    size_t sof = 0;
    for (size_t i = 2; i + 9 < bytes.size() && !sof; ++i)
        if (bytes[i] == 0xFF && bytes[i + 1] == 0xC0) sof = i;
    ASSERT_GT(sof, 0u);
    bytes[sof + 5] = 30000 >> 8, bytes[sof + 6] = 30000 & 0xFF; // height
    bytes[sof + 7] = 30000 >> 8, bytes[sof + 8] = 30000 & 0xFF; // width
    for (DisplaySize want : {DisplaySize{}, DisplaySize{240, 150}}) {
        DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), kMax, want, "big.jpg");
        EXPECT_FALSE(img.ok());
        EXPECT_TRUE(img.rgba.empty());
        EXPECT_EQ(img.rgba.capacity(), 0u); // nothing was allocated for the pixels
        EXPECT_NE(img.error.find("big.jpg: image is 30000x30000, more than the allowed"),
                  std::string::npos)
            << img.error;
    }
    DecodedImage small = decodeImageFile(kCity, 1000); // a 1000-pixel limit refuses the photo
    EXPECT_NE(small.error.find("1920x1200"), std::string::npos) << small.error;
}

// The fuzz corpus' JPEGs that broke stb_image 2.27 (a Huffman table with more than 256
// symbols; 118 bytes claiming 8456x2568): libjpeg-turbo refuses them by itself.
TEST(ImageDecodeJpeg, FuzzCorpusJpegsAreRefused) {
    for (const char* name : {"tests/fuzz/corpus/image/stb-dht-overflow.jpg",
                             "tests/fuzz/corpus/image/regress-tiny-claims-22mp.jpg"}) {
        DecodedImage img = decodeImageFile(source(name), kMax);
        EXPECT_FALSE(img.ok()) << name;
        EXPECT_TRUE(img.rgba.empty());
        EXPECT_NE(img.error.find(source(name).string()), std::string::npos) << img.error;
    }
}

TEST(ImageDecode, MissingEmptyAndUnknownFiles) {
    DecodedImage missing = decodeImageFile("/nonexistent/x.jpg", kMax);
    EXPECT_NE(missing.error.find("cannot open /nonexistent/x.jpg"), std::string::npos);
    EXPECT_FALSE(decodeImageMemory(nullptr, 0, kMax).ok());
    const uint8_t junk[] = {1, 2, 3, 4, 5};
    DecodedImage j = decodeImageMemory(junk, sizeof junk, kMax, {}, "junk.bin");
    EXPECT_EQ(j.error, "junk.bin: not a JPEG or PNG image");
}
