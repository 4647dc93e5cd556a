#include "core/hit_registry.hpp"
#include "core/scenario.hpp"

#include <gtest/gtest.h>

using namespace zj;
using K = ScenarioStep::Kind;

TEST(Scenario, ParsesEveryCommand) {
    const char* src = R"(# comment
viewport 1080x1920
lang en
tap 960 540
tap "空间分布"   # trailing comment
longpress 10 20
drag 100 500 900 500 400
pinch 960 540 2.0 500
idle 30

expect screen map
expect lang en
expect visible "投资 推介"
expect hidden "x"
expect selection zj-etdz
shot home-landscape
)";
    Scenario sc;
    std::string err;
    ASSERT_TRUE(parseScenario(src, sc, err)) << err;
    ASSERT_EQ(sc.steps.size(), 14u);
    EXPECT_EQ(sc.steps[0].kind, K::Viewport);
    EXPECT_EQ(sc.steps[0].nums[0], 1080);
    EXPECT_EQ(sc.steps[0].nums[1], 1920);
    EXPECT_EQ(sc.steps[0].line, 2);
    EXPECT_EQ(sc.steps[3].kind, K::TapLabel);
    EXPECT_EQ(sc.steps[3].arg, "空间分布");
    EXPECT_EQ(sc.steps[5].nums[4], 400);
    EXPECT_EQ(sc.steps[6].nums[2], 2.0f);
    EXPECT_EQ(sc.steps[7].kind, K::Idle);
    EXPECT_EQ(sc.steps[7].line, 9);
    EXPECT_EQ(sc.steps[10].value, "投资 推介");
    EXPECT_EQ(sc.steps[13].arg, "home-landscape");
}

TEST(Scenario, OpenGoesToAScreenWithOrWithoutASelection) {
    Scenario sc;
    std::string err;
    ASSERT_TRUE(parseScenario("open map zj-etdz\nopen attract\n", sc, err)) << err;
    ASSERT_EQ(sc.steps.size(), 2u);
    EXPECT_EQ(sc.steps[0].kind, K::Open);
    EXPECT_EQ(sc.steps[0].arg, "map");
    EXPECT_EQ(sc.steps[0].value, "zj-etdz");
    EXPECT_EQ(sc.steps[1].arg, "attract");
    EXPECT_EQ(sc.steps[1].value, "");
}

TEST(Scenario, ErrorsNameTheLine) {
    struct Case {
        const char* src;
        const char* where;
    } cases[] = {
        {"viewport 10x10", "1: "},
        {"\nlang fr", "2: "},
        {"tap 1", "1: "},
        {"tap \"unterminated", "1: "},
        {"drag 1 2 3 4", "1: "},
        {"pinch 1 2 0 100", "1: "},
        {"idle -1", "1: "},
        {"expect color red", "1: "},
        {"expect visible bare", "1: "},
        {"shot ../escape", "1: "},
        {"\n\n\nfly 1 2", "4: "},
        {"tap 1e999 2", "1: "},
        {"open", "1: "},
        {"open nowhere", "1: "},
        {"open map zj-etdz extra", "1: "},
    };
    for (const auto& c : cases) {
        Scenario sc;
        std::string err;
        EXPECT_FALSE(parseScenario(c.src, sc, err)) << c.src;
        EXPECT_EQ(err.rfind(c.where, 0), 0u) << c.src << " -> " << err;
    }
}

TEST(HitRegistry, FindsByEitherLanguageAndLastDrawnWins) {
    HitRegistry h;
    h.beginFrame();
    h.add("tile:map", {"空间分布", "Spatial Distribution"}, {0, 0, 100, 100});
    h.add("popup:map", {"空间分布", "Spatial Distribution"}, {500, 500, 10, 10});
    h.noteText("镇江产业招商地图");
    ASSERT_NE(h.find("Spatial Distribution"), nullptr);
    EXPECT_EQ(h.find("空间分布")->id, "popup:map");
    EXPECT_EQ(h.find("tile:map")->id, "tile:map");
    EXPECT_EQ(h.find("nothing"), nullptr);
    EXPECT_TRUE(h.isVisible("招商"));
    EXPECT_TRUE(h.isVisible("Spatial"));
    EXPECT_FALSE(h.isVisible("Invest"));
    h.beginFrame();
    EXPECT_FALSE(h.isVisible("招商"));
}
