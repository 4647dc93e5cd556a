#include "core/layout.hpp"
#include "core/theme_tokens.hpp"
#include "core/ui_strings.hpp"

#include <gtest/gtest.h>

using namespace zj;

TEST(Layout, LandscapeAndPortraitShareTheScale) {
    DesignScale land = DesignScale::forViewport(1920, 1080);
    DesignScale port = DesignScale::forViewport(1080, 1920);
    EXPECT_FLOAT_EQ(land.scale, 1.0f);
    EXPECT_FLOAT_EQ(port.scale, 1.0f);
    EXPECT_FALSE(land.portrait());
    EXPECT_TRUE(port.portrait());
    EXPECT_FLOAT_EQ(port.designHeight(), 1920);
}

TEST(Layout, ScalesWithTheShortEdge) {
    DesignScale uhd = DesignScale::forViewport(3840, 2160);
    EXPECT_FLOAT_EQ(uhd.scale, 2.0f);
    EXPECT_FLOAT_EQ(uhd.px(tokens::type::body), 60.0f);
    DesignScale small = DesignScale::forViewport(1280, 720);
    EXPECT_NEAR(small.scale, 0.6667f, 1e-3);
    // Tiny windows keep legible text.
    EXPECT_FLOAT_EQ(DesignScale::forViewport(320, 240).scale, 0.5f);
}

TEST(Layout, TouchTargetsAndTextMeetTheKioskMinimums) {
    EXPECT_GE(tokens::space::touchMin, 96.0f); // ≈ 20 mm on a 55" 1080p screen
    // Readable from 2 m (issue 12): running text, secondary lines, titles, key figures.
    EXPECT_GE(tokens::type::body, 30.0f);
    EXPECT_GE(tokens::type::caption, 26.0f);
    EXPECT_GE(tokens::type::caption, tokens::type::visitorMin);
    EXPECT_GE(tokens::type::visitorMin, 24.0f);
    EXPECT_GE(tokens::type::h2, 48.0f);
    EXPECT_GE(tokens::type::h1, 48.0f);
    EXPECT_LE(tokens::type::h1, 64.0f);
    EXPECT_GE(tokens::type::display, 96.0f);
}

TEST(Layout, EaseOutCubicIsMonotonicFromZeroToOne) {
    EXPECT_FLOAT_EQ(tokens::easeOutCubic(0), 0);
    EXPECT_FLOAT_EQ(tokens::easeOutCubic(1), 1);
    EXPECT_FLOAT_EQ(tokens::easeOutCubic(2), 1);
    float prev = 0;
    for (int i = 1; i <= 100; ++i) {
        float v = tokens::easeOutCubic(i / 100.0f);
        EXPECT_GE(v, prev);
        prev = v;
    }
    EXPECT_GT(tokens::easeOutCubic(0.5f), 0.5f); // ease-out: fast first
}

TEST(UiStrings, EveryStringHasBothLanguages) {
    for (int i = 0; i < static_cast<int>(UiString::Count_); ++i) {
        const Text& t = uiText(static_cast<UiString>(i));
        EXPECT_FALSE(t.zh.empty()) << i;
        EXPECT_FALSE(t.en.empty()) << i;
    }
    EXPECT_NE(allUiGlyphText().find("空间分布"), std::string::npos);
}
