// The texture cache's pure parts: LRU accounting under a budget, the per-frame upload budget,
// and the decoder's refusal paths (corrupt, truncated, too large).
#include "core/jpeg_check.hpp"
#include "core/media/image_decode.hpp"
#include "core/media/lru_ledger.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace zj;

TEST(LruLedger, EvictsLeastRecentlyUsedUntilUnderBudget) {
    LruLedger l;
    l.put("a", 100, 1);
    l.put("b", 100, 2);
    l.put("c", 100, 3);
    l.touch("a", 4); // a is used again: b is now the oldest
    auto out = l.evict(200, 5);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], "b");
    EXPECT_EQ(l.bytes(), 200u);
    EXPECT_FALSE(l.contains("b"));
}

TEST(LruLedger, NeverEvictsWhatIsOnScreenThisFrame) {
    LruLedger l;
    l.put("a", 300, 7);
    l.put("b", 300, 7);
    auto out = l.evict(100, 7); // both in use now: over budget, but nothing may go
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(l.bytes(), 600u);
    out = l.evict(100, 8); // next frame, neither used: both go
    EXPECT_EQ(out.size(), 2u);
    EXPECT_EQ(l.bytes(), 0u);
}

TEST(LruLedger, ResizeAndEraseKeepTheTotalExact) {
    LruLedger l;
    l.put("a", 100, 1);
    l.put("a", 40, 2);
    l.put("b", 10, 2);
    EXPECT_EQ(l.bytes(), 50u);
    l.erase("a");
    l.erase("missing");
    EXPECT_EQ(l.bytes(), 10u);
    l.clear();
    EXPECT_EQ(l.bytes(), 0u);
    EXPECT_EQ(l.size(), 0u);
}

TEST(UploadBudget, RowsFitTheBudgetButAlwaysProgress) {
    const uint64_t row = 2560 * 4;
    EXPECT_EQ(rowsWithinBudget(row, 1440, 8ull << 20, true), 819); // 8 MiB of a 2560-wide image
    EXPECT_EQ(rowsWithinBudget(row, 100, 8ull << 20, true), 100);
    EXPECT_EQ(rowsWithinBudget(row, 100, row - 1, false), 0); // budget spent: wait a frame
    EXPECT_EQ(rowsWithinBudget(row, 100, 0, true), 1);        // a tiny budget still progresses
    EXPECT_EQ(rowsWithinBudget(row, 0, 1 << 20, true), 0);
}

namespace {
std::filesystem::path photoDir() {
    return std::filesystem::path(ZJ_SOURCE_DIR) / "content/media/photos";
}
std::vector<uint8_t> readAll(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
} // namespace

TEST(ImageDecode, DecodesADemoPhoto) {
    DecodedImage img = decodeImageFile(photoDir() / "city-1.jpg", 40'000'000);
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_GT(img.width, 0);
    EXPECT_EQ(img.rgba.size(), static_cast<size_t>(img.width) * img.height * 4);
}

TEST(ImageDecode, CorruptHeaderIsAnErrorNotACrash) {
    auto bytes = readAll(photoDir() / "city-1.jpg");
    ASSERT_GT(bytes.size(), 4096u);
    for (size_t i = 2; i < 600; ++i) bytes[i] = static_cast<uint8_t>(i * 7); // garbage headers
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), 40'000'000);
    EXPECT_FALSE(img.ok());
    EXPECT_FALSE(img.error.empty());
}

TEST(ImageDecode, TruncatedJpegIsRefused) {
    auto bytes = readAll(photoDir() / "city-1.jpg");
    bytes.resize(bytes.size() / 2);
    DecodedImage img = decodeImageMemory(bytes.data(), bytes.size(), 40'000'000);
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("truncated"), std::string::npos) << img.error;
}

TEST(ImageDecode, HugeImageIsRefusedBeforeDecoding) {
    DecodedImage img = decodeImageFile(photoDir() / "city-1.jpg", 1000); // 1000-pixel limit
    EXPECT_FALSE(img.ok());
    EXPECT_NE(img.error.find("pixels"), std::string::npos) << img.error;
    EXPECT_TRUE(img.rgba.empty());
}

TEST(ImageDecode, MissingAndEmptyFiles) {
    EXPECT_FALSE(decodeImageFile("/nonexistent/x.jpg", 1000).ok());
    EXPECT_FALSE(decodeImageMemory(nullptr, 0, 1000).ok());
    const uint8_t junk[] = {1, 2, 3, 4, 5};
    EXPECT_FALSE(decodeImageMemory(junk, sizeof junk, 1000).ok());
}

// The fuzzer's stb_image 2.27 Huffman-table overflow must be refused before stb sees it: the
// kiosk decodes bundle images on worker threads with the same library as the pack tool.
TEST(ImageDecode, RefusesTheStbHuffmanOverflowJpeg) {
    zj::DecodedImage img = zj::decodeImageFile(std::filesystem::path(ZJ_SOURCE_DIR) /
                                                   "tests/fuzz/corpus/image/stb-dht-overflow.jpg",
                                               40'000'000);
    EXPECT_TRUE(img.rgba.empty());
    EXPECT_NE(img.error.find("Huffman"), std::string::npos) << img.error;
}

// Found by an hour of fuzz_image: 118 bytes whose header claims 8456x2568 pixels cost a full-size
// decode and resize (a 10 s timeout under the sanitizers). A JPEG needs at least one bit per
// 8x8 block: such a file is refused from its size, and a real photo never is.
TEST(ImageDecode, RefusesAJpegTooSmallForItsClaimedSize) {
    zj::DecodedImage img =
        zj::decodeImageFile(std::filesystem::path(ZJ_SOURCE_DIR) /
                                "tests/fuzz/corpus/image/regress-tiny-claims-22mp.jpg",
                            40'000'000);
    EXPECT_TRUE(img.rgba.empty());
    EXPECT_NE(img.error.find("118 bytes cannot hold 8456x2568"), std::string::npos) << img.error;
    EXPECT_FALSE(zj::jpegSizePlausible(118, 8456, 2568));
    EXPECT_TRUE(zj::jpegSizePlausible(42'413, 8456, 2568)); // one bit per block: the floor
    EXPECT_TRUE(zj::jpegSizePlausible(1, 16, 16));
    EXPECT_FALSE(zj::jpegSizePlausible(100, 0, 16));
}
