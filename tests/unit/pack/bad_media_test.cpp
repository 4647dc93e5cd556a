// Bad media that issue 9 lists and pack_build_test.cpp does not cover yet: a zero-byte file and
// a truncated (cut-off copy of a real) MP4. The corrupt JPEG, the 30000x30000 PNG header and the
// self-intersecting ring are in pack_build_test.cpp. Each is refused with file, line and reason.
#include "pack_test_util.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace zj::test;

namespace {

struct BadMedia : ::testing::Test {
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = freshDir(std::string("bad-media-") + info->name());
        src = dir / "src";
        writeFixture(src);
        makeKeys(dir / "keys");
    }
    // Builds; expects exit 1, a message at SRC/file:LINE (LINE holding `lineText`) containing
    // `what`, and no bundle written.
    void expectRefused(const std::string& file, const std::string& lineText,
                       const std::string& what) {
        RunResult r = runBuild(src, dir / "keys" / "publisher.key", dir / "bundle");
        EXPECT_EQ(r.exitCode, 1) << r.err;
        int line = lineOf(readText(src / file), lineText);
        ASSERT_GT(line, 0) << lineText;
        std::string where = (src / file).string() + ":" + std::to_string(line) + ":";
        EXPECT_NE(r.err.find(where), std::string::npos) << "want " << where << "\n" << r.err;
        EXPECT_NE(r.err.find(what), std::string::npos) << "want " << what << "\n" << r.err;
        EXPECT_FALSE(fs::exists(dir / "bundle"));
    }
    fs::path dir, src;
};

} // namespace

TEST_F(BadMedia, ZeroBytePhoto) {
    writeText(src / "media/photos/p2.jpg", "");
    expectRefused("photos.toml", "media/photos/p2.jpg",
                  "media/photos/p2.jpg: empty file (0 bytes)");
}

TEST_F(BadMedia, TruncatedMp4) {
    fs::path promo = fs::path(ZJ_SOURCE_DIR) / "content/media/video/promo.mp4";
    ASSERT_TRUE(fs::exists(promo)) << promo;
    std::string bytes = readText(promo);
    ASSERT_GT(bytes.size(), 100000u);
    // A copy that stopped at a tenth: the index (moov) and the first frames are still there.
    writeText(src / "media/video/promo.mp4", bytes.substr(0, bytes.size() / 10));
    writeText(src / "media/video/promo.zh.srt", "1\n00:00:00,000 --> 00:00:02,000\n你好\n");
    writeText(src / "media/video/promo.en.srt", "1\n00:00:00,000 --> 00:00:02,000\nHello\n");
    writeText(src / "site.toml", readText(src / "site.toml") + R"x(
[video]
file         = "media/video/promo.mp4"
subtitles_zh = "media/video/promo.zh.srt"
subtitles_en = "media/video/promo.en.srt"
title        = { zh = "影片", en = "Film" }
)x");
    expectRefused("site.toml", "file         = \"media/video/promo.mp4\"",
                  "video.file: media/video/promo.mp4: truncated");
}

TEST_F(BadMedia, JpegTooSmallForItsClaimedSize) {
    // fuzz_image's find: 118 bytes claiming 8456x2568 pixels (a full-size decode of nothing).
    writeText(
        src / "media/photos/p2.jpg",
        readText(fs::path(ZJ_SOURCE_DIR) / "tests/fuzz/corpus/image/regress-tiny-claims-22mp.jpg"));
    expectRefused("photos.toml", "media/photos/p2.jpg",
                  "media/photos/p2.jpg: corrupt JPEG (118 bytes cannot hold 8456x2568 pixels");
}
