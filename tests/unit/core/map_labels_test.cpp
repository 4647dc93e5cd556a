#include "core/map/labels.hpp"

#include <gtest/gtest.h>

using namespace zj;
using namespace zj::map;

namespace {
LabelCandidate label(Vec2 anchor, float priority) {
    LabelCandidate c;
    c.anchor = anchor;
    c.size = {200, 40};
    c.gap = 20;
    c.priority = priority;
    c.positions = {LabelAnchor::Center, LabelAnchor::Center, LabelAnchor::Center,
                   LabelAnchor::Center};
    c.positionCount = 1;
    return c;
}
const Rect kScreen{0, 0, 1920, 1080};
} // namespace

TEST(MapLabels, HigherPriorityWinsAnOverlap) {
    std::vector<LabelCandidate> c = {label({500, 500}, 1), label({550, 510}, 5)};
    std::vector<int> order;
    std::vector<PlacedLabel> out;
    placeLabels(c, {}, kScreen, 1.0f, order, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].candidate, 1);
}

TEST(MapLabels, ALabelTriesItsOtherPositions) {
    LabelCandidate a = label({500, 500}, 5);
    LabelCandidate b = label({500, 500}, 1);
    b.positions = {LabelAnchor::Center, LabelAnchor::Below, LabelAnchor::Right, LabelAnchor::Left};
    b.positionCount = 4;
    std::vector<int> order;
    std::vector<PlacedLabel> out;
    placeLabels({a, b}, {}, kScreen, 1.0f, order, out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_FALSE(overlaps(out[0].rect, out[1].rect));
    EXPECT_GT(out[1].rect.y, 500); // below
}

TEST(MapLabels, NoneOverlapAMarker) {
    std::vector<LabelCandidate> c;
    std::vector<Rect> markers;
    // A dense grid of markers with labels that want to sit beside them.
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 6; ++j) {
            Vec2 p{300.0f + i * 150.0f, 200.0f + j * 110.0f};
            markers.push_back({p.x - 16, p.y - 16, 32, 32});
            LabelCandidate l;
            l.anchor = p;
            l.size = {160, 40};
            l.gap = 22;
            l.priority = static_cast<float>((i * 7 + j * 3) % 5);
            c.push_back(l);
        }
    std::vector<int> order;
    std::vector<PlacedLabel> out;
    placeLabels(c, markers, kScreen, 1.0f, order, out);
    EXPECT_FALSE(out.empty());
    for (size_t i = 0; i < out.size(); ++i) {
        for (const Rect& m : markers) EXPECT_FALSE(overlaps(out[i].rect, m));
        for (size_t k = i + 1; k < out.size(); ++k)
            EXPECT_FALSE(overlaps(out[i].rect, out[k].rect));
    }
}

TEST(MapLabels, LabelsStayInsideTheBounds) {
    std::vector<int> order;
    std::vector<PlacedLabel> out;
    placeLabels({label({10, 500}, 1)}, {}, kScreen, 1.0f, order, out);
    EXPECT_TRUE(out.empty()); // half of it would be off screen
}

TEST(MapLabels, FadeByZoom) {
    LabelCandidate c = label({500, 500}, 1);
    c.fadeInZoom = 2.0f;
    c.fadeRange = 0.5f;
    EXPECT_FLOAT_EQ(labelAlpha(c, 1.0f), 0.0f);
    EXPECT_FLOAT_EQ(labelAlpha(c, 2.25f), 0.5f);
    EXPECT_FLOAT_EQ(labelAlpha(c, 3.0f), 1.0f);
    std::vector<int> order;
    std::vector<PlacedLabel> out;
    placeLabels({c}, {}, kScreen, 1.0f, order, out);
    EXPECT_TRUE(out.empty()); // invisible labels take no room
    placeLabels({c}, {}, kScreen, 2.25f, order, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_FLOAT_EQ(out[0].alpha, 0.5f);
}
