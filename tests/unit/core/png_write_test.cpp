#include "core/media/png_write.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <stb_image.h>
#include <vector>

namespace zj {
namespace {
namespace fs = std::filesystem;

fs::path tempDir() {
    fs::path d = fs::temp_directory_path() / ("zj-png-write-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

// 3x2 pixels, each one different, alpha included.
std::vector<uint8_t> pixels() {
    std::vector<uint8_t> p;
    for (int i = 0; i < 6; ++i)
        p.insert(p.end(), {static_cast<uint8_t>(40 * i), static_cast<uint8_t>(255 - 30 * i),
                           static_cast<uint8_t>(7 * i), static_cast<uint8_t>(200 + i)});
    return p;
}

std::vector<uint8_t> readBack(const fs::path& file, int& w, int& h) {
    int n = 0;
    unsigned char* d = stbi_load(file.c_str(), &w, &h, &n, 4);
    std::vector<uint8_t> out;
    if (d) out.assign(d, d + static_cast<size_t>(w) * h * 4);
    stbi_image_free(d);
    return out;
}

TEST(PngWrite, TopDownRoundTripsEveryPixel) {
    fs::path file = tempDir() / "top.png";
    std::vector<uint8_t> p = pixels();
    std::string err;
    ASSERT_TRUE(writePngRgba(file, 3, 2, p.data(), RowOrder::TopDown, err)) << err;
    int w = 0, h = 0;
    EXPECT_EQ(readBack(file, w, h), p);
    EXPECT_EQ(w, 3);
    EXPECT_EQ(h, 2);
    EXPECT_FALSE(fs::exists(fs::path(file.string() + ".part")));
}

TEST(PngWrite, BottomUpRowsAreFlipped) {
    fs::path file = tempDir() / "gl.png";
    std::vector<uint8_t> p = pixels();
    std::string err;
    ASSERT_TRUE(writePngRgba(file, 3, 2, p.data(), RowOrder::BottomUp, err)) << err;
    int w = 0, h = 0;
    std::vector<uint8_t> got = readBack(file, w, h);
    ASSERT_EQ(got.size(), p.size());
    // The file's first row is the buffer's last one.
    EXPECT_TRUE(std::equal(got.begin(), got.begin() + 12, p.begin() + 12));
    EXPECT_TRUE(std::equal(got.begin() + 12, got.end(), p.begin()));
}

TEST(PngWrite, AFolderThatDoesNotExistIsNamed) {
    fs::path file = tempDir() / "no-such-folder" / "x.png";
    std::vector<uint8_t> p = pixels();
    std::string err;
    EXPECT_FALSE(writePngRgba(file, 3, 2, p.data(), RowOrder::TopDown, err));
    EXPECT_NE(err.find("no-such-folder"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(file));
}

TEST(PngWrite, NoPixelsIsRefused) {
    fs::path file = tempDir() / "empty.png";
    std::string err;
    EXPECT_FALSE(writePngRgba(file, 0, 2, nullptr, RowOrder::TopDown, err));
    EXPECT_NE(err.find("no pixels"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(file));
}

} // namespace
} // namespace zj
