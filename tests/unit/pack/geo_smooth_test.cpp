// The spike/notch filter and Chaikin smoothing of quantised boundaries (app/pack/geo_smooth.*).
#include "pack/geo_smooth.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace zj::pack::geo;

namespace {

// A 10 km square (metres), closed.
Ring square() {
    return {{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}};
}

bool has(const Ring& r, std::pair<double, double> p) {
    return std::find(r.begin(), r.end(), p) != r.end();
}

} // namespace

TEST(GeoSmooth, SpikeInARingIsRemoved) {
    Ring ring = square();
    // A needle 800 m out of the top edge, 100 m wide at its base (one grid step of the source).
    ring.insert(ring.begin() + 3, {{5000, 10000}, {5050, 10800}, {5100, 10000}});
    size_t removed = removeSpikesAndNotches(ring, SmoothSettings{}, {});
    EXPECT_GE(removed, 1u);
    EXPECT_FALSE(has(ring, {5050, 10800})) << "the spike's tip stays";
    for (const auto& p : ring) EXPECT_LE(p.second, 10000.0);
    EXPECT_EQ(ring.front(), ring.back());                        // still closed
    EXPECT_TRUE(has(ring, {10000, 10000}) && has(ring, {0, 0})); // real corners stay
}

TEST(GeoSmooth, NotchIsRemovedButALongSharpCapeStays) {
    Ring ring = square();
    ring.insert(ring.begin() + 1, {{4000, 0}, {4050, 900}, {4100, 0}}); // a notch into the land
    removeSpikesAndNotches(ring, SmoothSettings{}, {});
    EXPECT_FALSE(has(ring, {4050, 900}));

    Ring cape = square();
    // A narrow but long (5 km) cape is geography, not noise: its arms are longer than the limit.
    cape.insert(cape.begin() + 3, {{4000, 10000}, {4600, 15000}, {5200, 10000}});
    removeSpikesAndNotches(cape, SmoothSettings{}, {});
    EXPECT_TRUE(has(cape, {4600, 15000}));
}

TEST(GeoSmooth, FixedPointsAreNeverRemovedOrMoved) {
    Ring ring = square();
    ring.insert(ring.begin() + 3, {{5000, 10000}, {5050, 10800}, {5100, 10000}});
    PointSet fixed{{5050, 10800}, {0, 0}};
    removeSpikesAndNotches(ring, SmoothSettings{}, fixed);
    EXPECT_TRUE(has(ring, {5050, 10800}));
    Ring smooth = chaikin(ring, 2, fixed);
    EXPECT_TRUE(has(smooth, {5050, 10800}));
    EXPECT_TRUE(has(smooth, {0, 0}));
    EXPECT_FALSE(has(smooth, {10000, 10000})) << "a free corner is cut";
}

TEST(GeoSmooth, ChaikinRoundsStairStepsAndStaysClosed) {
    // Stair steps of 100 m along a diagonal: the quantised source's look.
    Ring ring{{0, 0}};
    for (int i = 0; i < 20; ++i) {
        ring.emplace_back((i + 1) * 100.0, i * 100.0);
        ring.emplace_back((i + 1) * 100.0, (i + 1) * 100.0);
    }
    ring.emplace_back(0, 2000);
    ring.emplace_back(0, 0);
    Ring smooth = chaikin(ring, 2, {});
    EXPECT_EQ(smooth.front(), smooth.back());
    EXPECT_GT(smooth.size(), ring.size() * 3);
    // Across the diagonal the steps swing over a full step's half-diagonal (~71 m); smoothed,
    // the swing halves, and simplification at 40 m (the finest band) then takes it out.
    auto swing = [](const Ring& r) {
        double lo = 1e9, hi = -1e9;
        for (const auto& p : r)
            if (p.first > 300 && p.first < 1700 && p.second > 0 &&
                std::abs(p.first - p.second) < 300) {
                double d = (p.first - p.second) / std::sqrt(2.0);
                lo = std::min(lo, d), hi = std::max(hi, d);
            }
        return hi - lo;
    };
    EXPECT_GT(swing(ring), 70.0);
    EXPECT_LT(swing(smooth), 40.0);
}

TEST(GeoSmooth, SharedBorderEndsAreWhereSharingChanges) {
    // Two squares sharing the edge x = 10000 from y = 0 to 10000.
    Ring a = square();
    Ring b{{10000, 0}, {20000, 0}, {20000, 10000}, {10000, 10000}, {10000, 0}};
    PointSet ends = sharedBorderEnds({{&a}, {&b}});
    EXPECT_TRUE(ends.count({10000, 0}));
    EXPECT_TRUE(ends.count({10000, 10000}));
    EXPECT_FALSE(ends.count({0, 0}));
    EXPECT_FALSE(ends.count({20000, 10000}));
    // Smoothed with those ends fixed, both keep the shared edge's end points, so no gap opens.
    Ring sa = chaikin(a, 2, ends), sb = chaikin(b, 2, ends);
    EXPECT_TRUE(has(sa, {10000, 0}) && has(sb, {10000, 0}));
    EXPECT_TRUE(has(sa, {10000, 10000}) && has(sb, {10000, 10000}));
}

TEST(GeoSmooth, LongStraightEdgesKeepTheirCornersNearlySharp) {
    // A layer clipped to its box has 100 km straight edges: a quarter of them would cut 25 km
    // off each corner; the cut is capped instead.
    Ring smooth = chaikin(square(), 2, {}, 150);
    for (const auto& p : smooth) {
        double toCorner =
            std::hypot(std::min(p.first, 10000 - p.first), std::min(p.second, 10000 - p.second));
        bool nearCorner =
            std::min(p.first, 10000 - p.first) < 300 && std::min(p.second, 10000 - p.second) < 300;
        if (nearCorner) EXPECT_LT(toCorner, 160.0);
    }
}
