#include "core/zoom_pan.hpp"

#include <gtest/gtest.h>

namespace zj {
namespace {

TEST(ZoomPan, PinchKeepsThePointUnderTheFingers) {
    ZoomPan z;
    Vec2 fingers{200, -100};
    // The photo point under the fingers, in unzoomed photo coordinates, before and after.
    auto photoPoint = [&](const ZoomPan& s) { return (fingers - s.pan) * (1.0f / s.zoom); };
    Vec2 before = photoPoint(z);
    z.pinch(fingers, 2.0f, {});
    EXPECT_FLOAT_EQ(z.zoom, 2.0f);
    Vec2 after = photoPoint(z);
    EXPECT_NEAR(after.x, before.x, 1e-3);
    EXPECT_NEAR(after.y, before.y, 1e-3);
}

TEST(ZoomPan, PinchIsClampedBetweenWholeAndMax) {
    ZoomPan z;
    z.pinch({}, 100.0f, {});
    EXPECT_FLOAT_EQ(z.zoom, ZoomPan::kMaxZoom);
    z.pinch({}, 0.001f, {});
    EXPECT_FLOAT_EQ(z.zoom, 1.0f);
}

TEST(ZoomPan, PinchMovesWithTheFingers) {
    ZoomPan z;
    z.pinch({}, 1.0f, {30, 40});
    EXPECT_FLOAT_EQ(z.pan.x, 30);
    EXPECT_FLOAT_EQ(z.pan.y, 40);
}

TEST(ZoomPan, DoubleTapTogglesACloseUpAtThePoint) {
    ZoomPan z;
    z.doubleTap({100, 50});
    EXPECT_FLOAT_EQ(z.zoom, ZoomPan::kCloseUpZoom);
    // The tapped point stays where it was: pan = at - at * 2.5.
    EXPECT_FLOAT_EQ(z.pan.x, 100 - 100 * ZoomPan::kCloseUpZoom);
    EXPECT_FLOAT_EQ(z.pan.y, 50 - 50 * ZoomPan::kCloseUpZoom);
    z.doubleTap({-300, 0});
    EXPECT_FLOAT_EQ(z.zoom, 1.0f);
    EXPECT_FLOAT_EQ(z.pan.x, 0);
    EXPECT_FLOAT_EQ(z.pan.y, 0);
}

TEST(ZoomPan, DragPansWhenZoomedAndSwipesWhenNot) {
    ZoomPan z;
    z.drag({-50, 20});
    EXPECT_FLOAT_EQ(z.swipe, -50);
    EXPECT_FLOAT_EQ(z.pan.y, 0);
    z.reset();
    z.doubleTap({});
    z.drag({-50, 20});
    EXPECT_FLOAT_EQ(z.swipe, 0);
    EXPECT_FLOAT_EQ(z.pan.x, -50);
    EXPECT_FLOAT_EQ(z.pan.y, 20);
}

TEST(ZoomPan, ReleaseTurnsThePageByDistanceOrFlick) {
    ZoomPan z;
    const float W = 1920, flick = 600;
    z.swipe = -W * 0.25f;
    EXPECT_EQ(z.release(0, W, flick), +1);
    z.swipe = W * 0.25f;
    EXPECT_EQ(z.release(0, W, flick), -1);
    z.swipe = -W * 0.1f;
    EXPECT_EQ(z.release(0, W, flick), 0);
    EXPECT_EQ(z.release(-flick * 1.5f, W, flick), +1);
    EXPECT_EQ(z.release(flick * 1.5f, W, flick), -1);
}

TEST(ZoomPan, AZoomedReleaseNeverTurnsThePage) {
    ZoomPan z;
    z.doubleTap({});
    z.swipe = -1000;
    EXPECT_EQ(z.release(-5000, 1920, 600), 0);
}

} // namespace
} // namespace zj
