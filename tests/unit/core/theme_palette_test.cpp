// The map's zone-level colours must never be mistaken for an industry's: a visitor reads a
// marker's colour as its level and a chain's colour as its industry, on the same screens.
#include "core/theme_tokens.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace zj {
namespace {

struct Lab {
    double l, a, b;
};

Lab toLab(uint32_t rgb) {
    auto lin = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    double r = lin(((rgb >> 16) & 0xFF) / 255.0), g = lin(((rgb >> 8) & 0xFF) / 255.0),
           b = lin((rgb & 0xFF) / 255.0);
    double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deltaE(uint32_t p, uint32_t q) {
    Lab a = toLab(p), b = toLab(q);
    return std::sqrt((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) +
                     (a.b - b.b) * (a.b - b.b));
}

std::vector<uint32_t> industryColours() {
    std::ifstream in(std::string(ZJ_SOURCE_DIR) + "/content/industries.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::vector<uint32_t> out;
    std::regex colour(R"(^color\s*=\s*"#([0-9A-Fa-f]{6})\")", std::regex::multiline);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), colour);
         it != std::sregex_iterator(); ++it)
        out.push_back(static_cast<uint32_t>(std::stoul((*it)[1].str(), nullptr, 16)));
    return out;
}

TEST(ThemePalette, SameColourIsZeroApartAndTheCheckCanFail) {
    EXPECT_NEAR(deltaE(0xEF6C00, 0xEF6C00), 0, 1e-9);
    EXPECT_LT(deltaE(0xEF6C00, 0xD55E00), 20); // the old provincial orange vs. an industry
}

TEST(ThemePalette, ZoneLevelsStayClearOfEveryIndustryAndOfEachOther) {
    const uint32_t levels[3] = {tokens::color::national, tokens::color::provincial,
                                tokens::map::special};
    std::vector<uint32_t> industries = industryColours();
    ASSERT_GE(industries.size(), 7u) << "content/industries.toml lost its colours";
    for (uint32_t level : levels)
        for (uint32_t ind : industries)
            EXPECT_GE(deltaE(level, ind), 30.0)
                << std::hex << "level #" << level << " vs industry #" << ind;
    for (int i = 0; i < 3; ++i)
        for (int j = i + 1; j < 3; ++j) EXPECT_GE(deltaE(levels[i], levels[j]), 30.0);
}

} // namespace
} // namespace zj
