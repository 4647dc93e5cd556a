// The texture cache's pure parts: LRU accounting under a budget and the per-frame upload budget
// (the decoder's own tests are image_decode_test.cpp).
#include "core/jpeg_check.hpp"
#include "core/media/lru_ledger.hpp"

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

// The pack tool still reads sources with stb_image 2.27 and keeps core/jpeg_check's guards (the
// kiosk's decoder, tests in image_decode_test.cpp, uses libjpeg-turbo): a JPEG needs at least
// one bit per 8x8 block, so 118 bytes cannot hold 8456x2568 (found by fuzz_image).
TEST(PackJpegGuards, SizePlausibleFromTheFileSize) {
    EXPECT_FALSE(zj::jpegSizePlausible(118, 8456, 2568));
    EXPECT_TRUE(zj::jpegSizePlausible(42'413, 8456, 2568)); // one bit per block: the floor
    EXPECT_TRUE(zj::jpegSizePlausible(1, 16, 16));
    EXPECT_FALSE(zj::jpegSizePlausible(100, 0, 16));
}
