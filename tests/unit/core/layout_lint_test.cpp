// The layout lint's rules on hand-made frames (the scenarios prove them end to end).
#include "core/layout_lint.hpp"
#include "core/scenario.hpp"

#include <gtest/gtest.h>

using namespace zj;

namespace {

DrawnText text(std::string s, Rect r, Rect container = {0, 0, 1920, 1080}, float fontPx = 30,
               unsigned layer = 1, bool staff = false) {
    DrawnText t;
    t.text = std::move(s);
    t.rect = r;
    t.container = container;
    t.fontPx = fontPx;
    t.layer = layer;
    t.staffOnly = staff;
    return t;
}

std::vector<std::string> lint(const HitRegistry& h, float scale = 1, float w = 1920,
                              float hgt = 1080) {
    LintLimits lim;
    lim.scale = scale;
    lim.width = w;
    lim.height = hgt;
    return lintLayout(h, lim);
}

} // namespace

TEST(LayoutLint, CleanFrameHasNoFindings) {
    HitRegistry h;
    h.beginFrame();
    h.noteDrawn(text("a", {10, 10, 100, 30}));
    h.noteDrawn(text("b", {10, 40, 100, 30})); // touching the line above is fine
    h.add("t", Text{"甲", "A"}, {0, 0, 96, 96});
    EXPECT_TRUE(lint(h).empty());
}

TEST(LayoutLint, OverlapInTheSameLayerOnly) {
    HitRegistry h;
    h.beginFrame();
    h.noteDrawn(text("first", {10, 10, 100, 30}));
    h.noteDrawn(text("second", {50, 20, 100, 30}));
    h.noteDrawn(text("overlay", {50, 20, 100, 30}, {0, 0, 1920, 1080}, 30, 2));
    auto f = lint(h);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].find("\"first\""), std::string::npos);
    EXPECT_NE(f[0].find("\"second\""), std::string::npos);
    EXPECT_NE(f[0].find("overlap"), std::string::npos);
}

TEST(LayoutLint, OccludedTextsAreNotSeen) {
    HitRegistry h;
    h.beginFrame();
    h.noteDrawn(text("map label", {10, 10, 100, 30}));
    h.occlude({0, 0, 60, 60}); // a card drawn over part of it
    h.noteDrawn(text("card text", {20, 20, 100, 30}));
    EXPECT_TRUE(lint(h).empty());
}

TEST(LayoutLint, ClippedByContainerOrWindow) {
    HitRegistry h;
    h.beginFrame();
    h.noteDrawn(text("cut", {10, 10, 200, 30}, {0, 0, 100, 100}));
    h.noteDrawn(text("off the edge", {1850, 500, 200, 30}, {0, 0, 4000, 4000}));
    h.noteDrawn(text("lost", {500, 500, 50, 30}, {0, 0, 100, 100}));
    auto f = lint(h);
    ASSERT_EQ(f.size(), 3u);
    EXPECT_NE(f[0].find("clipped by its container"), std::string::npos);
    EXPECT_NE(f[1].find("clipped by the window"), std::string::npos);
    EXPECT_NE(f[2].find("outside its container"), std::string::npos);
}

TEST(LayoutLint, ScrolledListsMayCutAlongTheScrollOnly) {
    HitRegistry h;
    h.beginFrame();
    h.pushScroll(ScrollAxis::Vertical, {0, 0, 100, 100});
    h.noteDrawn(text("half a row", {10, 90, 50, 30}, {0, 0, 100, 100}));    // cut at the bottom
    h.noteDrawn(text("scrolled out", {10, 400, 50, 30}, {0, 0, 100, 100})); // not on screen
    h.noteDrawn(text("too wide", {10, 10, 200, 30}, {0, 0, 100, 100}));     // cut across
    h.popScroll();
    auto f = lint(h);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].find("\"too wide\""), std::string::npos);
}

TEST(LayoutLint, ABoxInsideAScrolledListMustHoldItsText) {
    HitRegistry h;
    h.beginFrame();
    h.pushScroll(ScrollAxis::Vertical, {0, 0, 500, 500});
    // A photo caption wrapped below its photo: cut by the photo, well inside the list.
    h.noteDrawn(text("caption", {10, 180, 200, 60}, {0, 100, 300, 100}));
    h.popScroll();
    auto f = lint(h);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].find("clipped by its container"), std::string::npos);
}

TEST(LayoutLint, NestedScrolledAreasCutAlongEachAxis) {
    HitRegistry h;
    h.beginFrame();
    h.pushScroll(ScrollAxis::Vertical, {0, 100, 1920, 980});     // the page
    h.pushScroll(ScrollAxis::Horizontal, {1000, 900, 800, 200}); // a gallery on it
    h.noteDrawn(text("caption below the fold", {1000, 1100, 200, 30}, {1000, 900, 800, 180}));
    h.noteDrawn(text("next photo's caption", {1790, 1000, 200, 30}, {1000, 900, 800, 180}));
    h.popScroll();
    h.popScroll();
    EXPECT_TRUE(lint(h).empty());
}

TEST(LayoutLint, TargetsScaleWithTheViewport) {
    HitRegistry h;
    h.beginFrame();
    h.add("ok", Text{"甲", "A"}, {0, 0, 64, 64});            // 96 design px at 1280x720
    h.add("small", Text{"乙", "B"}, {0, 0, 64, 40});         // too flat
    h.add("cut", Text{"丙", "C"}, {0, 0, 64, 30}, {64, 64}); // a list's edge cut it: whole is fine
    auto f = lint(h, 720.0f / 1080.0f, 1280, 720);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].find("\"small\""), std::string::npos);
}

TEST(LayoutLint, VisitorTypeMinimumButStaffExempt) {
    HitRegistry h;
    h.beginFrame();
    h.noteDrawn(text("tiny", {10, 10, 50, 10}, {0, 0, 1920, 1080}, 10));
    h.noteDrawn(text("staff tiny", {10, 100, 50, 10}, {0, 0, 1920, 1080}, 10, 1, true));
    h.noteDrawn(text("fine at half scale", {10, 200, 50, 12}, {0, 0, 1920, 1080}, 12));
    auto f = lint(h, 0.5f);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].find("\"tiny\""), std::string::npos);
    EXPECT_NE(f[0].find("20.0 design px"), std::string::npos);
}

TEST(LayoutLint, SeedCommandParses) {
    Scenario sc;
    std::string err;
    ASSERT_TRUE(parseScenario("lint-seed overlap\nlint-seed small-text\n", sc, err)) << err;
    ASSERT_EQ(sc.steps.size(), 2u);
    EXPECT_EQ(sc.steps[0].kind, ScenarioStep::Kind::LintSeed);
    EXPECT_EQ(sc.steps[1].arg, "small-text");
    EXPECT_FALSE(parseScenario("lint-seed nothing\n", sc, err));
}
