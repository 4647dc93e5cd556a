// Line breaking apart from any font: a width model where a Chinese character is 1 unit wide
// and an ASCII character half a unit, so the expected breaks can be worked out by hand.
#include "core/text_wrap.hpp"

#include <gtest/gtest.h>

namespace zj::text {
namespace {

float units(std::string_view s) {
    float w = 0;
    for (size_t i = 0; i < s.size();) {
        size_t n = utf8Length(static_cast<unsigned char>(s[i]));
        w += n == 1 ? 0.5f : 1.0f;
        i += n;
    }
    return w;
}

TEST(TextWrap, ChineseBreaksBetweenCharacters) {
    EXPECT_EQ(wrap("镇江产业招商地图", 3, units), "镇江产\n业招商\n地图");
}

TEST(TextWrap, EnglishBreaksBetweenWordsAndDropsTheSpaceAtTheBreak) {
    // "Discover" is 4 units, " " 0.5, "Zhenjiang" 4.5.
    EXPECT_EQ(wrap("Discover Zhenjiang", 6, units), "Discover\nZhenjiang");
    EXPECT_EQ(wrap("Discover Zhenjiang", 9, units), "Discover Zhenjiang");
}

TEST(TextWrap, ClosingPunctuationNeverStartsALine) {
    // Character by character, width 2 would give "镇江\n，长\n江": "，" stays with "江".
    EXPECT_EQ(wrap("镇江，长江", 2, units), "镇\n江，\n长江");
    EXPECT_EQ(wrap("镇江，长江", 3, units), "镇江，\n长江");
    EXPECT_EQ(wrap("增长12%", 2.5f, units), "增长\n12%");
    EXPECT_EQ(wrap("（见下）。好", 4, units), "（见\n下）。好");
}

TEST(TextWrap, MixedCopyKeepsEnglishWordsWhole) {
    EXPECT_EQ(wrap("园区Park面积", 3, units), "园区\nPark面\n积");
}

TEST(TextWrap, ExplicitNewlinesStayAndNoWidthMeansNoWrap) {
    EXPECT_EQ(wrap("一二\n三四五六", 3, units), "一二\n三四五\n六");
    EXPECT_EQ(wrap("一二三四五六", 0, units), "一二三四五六");
}

TEST(TextWrap, ATokenWiderThanTheLineStaysWhole) {
    EXPECT_EQ(wrap("a Zhenjiangzhenjiang b", 3, units), "a\nZhenjiangzhenjiang\nb");
}

TEST(TextWrap, MalformedUtf8DoesNotReadPastTheEnd) {
    std::string s = "ab\xE9"; // a three-byte lead with nothing after it
    EXPECT_EQ(wrap(s, 10, units), s);
}

TEST(TextFit, KeepsEverythingThatFits) {
    bool cut = true;
    auto lines = fitLines("一二\n三四", 2, 3, units, &cut);
    EXPECT_FALSE(cut);
    EXPECT_EQ(lines, (std::vector<std::string>{"一二", "三四"}));
}

TEST(TextFit, CutsToTheLinesThatFitWithAnEllipsis) {
    bool cut = false;
    auto lines = fitLines("一二三\n四五六\n七八九", 2, 3, units, &cut);
    EXPECT_TRUE(cut);
    // "四五六…" is 4 units: whole code points go until it fits in 3.
    EXPECT_EQ(lines, (std::vector<std::string>{"一二三", "四五…"}));
}

TEST(TextFit, NoRoomAtAllGivesNoLines) {
    bool cut = false;
    EXPECT_TRUE(fitLines("一\n二", 0, 3, units, &cut).empty());
    EXPECT_TRUE(cut);
}

TEST(TextFit, TrailingSpaceAndCommaGoBeforeTheEllipsis) {
    auto lines = fitLines("one two, three\nfour", 1, 5, units);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "one two…");
}

} // namespace
} // namespace zj::text
