#include "core/asset_name.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace zj;

TEST(AssetName, ResolvesUnderTheAssetsFolder) {
    EXPECT_EQ(resolveAssetName("/usr/share/zjmap-kiosk/assets", "asset:brand/zjmap-mark-256.png"),
              std::filesystem::path("/usr/share/zjmap-kiosk/assets/brand/zjmap-mark-256.png"));
}

TEST(AssetName, BundleNamesAreNotAssets) {
    EXPECT_FALSE(isAssetName("media/thumbs/etdz-1.jpg"));
    EXPECT_TRUE(resolveAssetName("/a", "media/thumbs/etdz-1.jpg").empty());
    EXPECT_TRUE(resolveAssetName("/a", "asset").empty());
}

TEST(AssetName, NeverReachesOutside) {
    EXPECT_TRUE(resolveAssetName("/a", "asset:../etc/passwd").empty());
    EXPECT_TRUE(resolveAssetName("/a", "asset:brand/../../etc/passwd").empty());
    EXPECT_TRUE(resolveAssetName("/a", "asset:/etc/passwd").empty());
    EXPECT_TRUE(resolveAssetName("/a", "asset:").empty());
}

// Every name the UI asks for is a file of the repository's assets folder.
TEST(AssetName, TheUisNamesExist) {
    std::filesystem::path assets = std::filesystem::path(ZJ_SOURCE_DIR) / "assets";
    for (const char* name :
         {"asset:brand/zjmap-mark-256.png", "asset:test-pattern/test-pattern-1920x1080.png",
          "asset:test-pattern/test-pattern-1080x1920.png", "asset:attract/attract-16x9.jpg",
          "asset:attract/attract-9x16.jpg"})
        EXPECT_TRUE(std::filesystem::is_regular_file(resolveAssetName(assets, name))) << name;
}
