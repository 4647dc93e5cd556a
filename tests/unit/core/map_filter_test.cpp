// Filter counts on the real demo content (the demo bundle CMake builds from content/).
#include "core/bundle/bundle.hpp"
#include "core/bundle/crypto.hpp"
#include "core/content/store.hpp"
#include "core/map/filter.hpp"

#include <filesystem>
#include <gtest/gtest.h>

using namespace zj;
using namespace zj::map;

namespace {
const Content* demoContent() {
    static Content content;
    static bool loaded = false;
    if (loaded) return &content;
    std::filesystem::path dir = std::filesystem::path(ZJ_BINARY_DIR) / "demo-bundle";
    crypto::PublicKey pub;
    std::string err;
    if (!crypto::readPublicKey(
            std::filesystem::path(ZJ_SOURCE_DIR) / "content/keys/dev-publisher.pub", pub, err))
        return nullptr;
    std::vector<std::string> problems;
    auto bundle = openPackedBundle(dir, pub, VerifyLevel::SignatureAndPresence, problems);
    if (!bundle || !loadContent(*bundle, content, err)) return nullptr;
    loaded = true;
    return &content;
}
} // namespace

TEST(MapFilter, CountsOnTheDemoContent) {
    const Content* c = demoContent();
    if (!c) GTEST_SKIP() << "demo bundle not built (cmake --build . --target demo_bundle)";
    ASSERT_EQ(c->parks.size(), 15u);
    ParkFilter f;
    EXPECT_FALSE(f.active());
    EXPECT_EQ(countMatches(*c, f), 15);
    f.national = true;
    EXPECT_EQ(countMatches(*c, f), 4);
    f.provincial = true; // either level
    EXPECT_EQ(countMatches(*c, f), 11);
    f.clear();
    f.toggleIndustry("aerospace");
    EXPECT_EQ(countMatches(*c, f), 4);
    f.toggleIndustry("biomedicine"); // any of the chosen industries
    EXPECT_EQ(countMatches(*c, f), 6);
    f.toggleIndustry("biomedicine");
    f.national = true; // and the level
    EXPECT_EQ(countMatches(*c, f), 1);
    f.clear();
    f.toggleIndustry("equipment");
    EXPECT_EQ(countMatches(*c, f), 8);
}

TEST(MapFilter, SelectionsSetFilters) {
    ParkFilter f;
    EXPECT_FALSE(filterFromSelection("zj-etdz", f));
    EXPECT_FALSE(f.active());
    ASSERT_TRUE(filterFromSelection("industry:logistics", f));
    EXPECT_TRUE(f.hasIndustry("logistics"));
    f.clear();
    ASSERT_TRUE(filterFromSelection("parks:zj-etdz,jurong-etdz", f));
    ASSERT_EQ(f.onlyParks.size(), 2u);
    EXPECT_EQ(f.onlyParks[1], "jurong-etdz");
    const Content* c = demoContent();
    if (!c) GTEST_SKIP() << "demo bundle not built";
    EXPECT_EQ(countMatches(*c, f), 2);
}
