#include "core/gestures.hpp"
#include "core/layout.hpp"

#include <gtest/gtest.h>

using namespace zj;
using K = TouchEvent::Kind;
using G = Gesture::Kind;

namespace {
struct Rig {
    GestureRecognizer rec;
    std::vector<Gesture> out;
    void ev(K kind, int64_t finger, float x, float y, double t) {
        rec.touch({kind, finger, {x, y}, t}, out);
    }
    int count(G kind) const {
        int n = 0;
        for (const auto& g : out) n += g.kind == kind;
        return n;
    }
};
} // namespace

TEST(Gestures, ShortPressIsATapAndReleasesOverTheWidget) {
    Rig r;
    r.ev(K::Down, 1, 100, 100, 0);
    EXPECT_TRUE(r.rec.pointer().down);
    EXPECT_FALSE(r.rec.pointer().offscreen);
    r.ev(K::Move, 1, 105, 103, 30); // within the slop: still a tap
    r.ev(K::Up, 1, 105, 103, 60);
    ASSERT_EQ(r.count(G::Tap), 1);
    EXPECT_EQ(r.count(G::DragBegin), 0);
    EXPECT_FALSE(r.rec.pointer().down);
    EXPECT_FALSE(r.rec.pointer().offscreen); // ImGui sees the release over the button: click
}

TEST(Gestures, DragMovesThePointerOffscreenSoNothingFires) {
    Rig r;
    r.ev(K::Down, 1, 100, 100, 0);
    r.ev(K::Move, 1, 200, 100, 16);
    EXPECT_EQ(r.count(G::DragBegin), 1);
    EXPECT_TRUE(r.rec.pointer().offscreen);
    EXPECT_FALSE(r.rec.pointer().down);
    r.ev(K::Move, 1, 300, 100, 32);
    r.ev(K::Up, 1, 300, 100, 48);
    EXPECT_EQ(r.count(G::Tap), 0);
    ASSERT_EQ(r.count(G::DragEnd), 1);
    EXPECT_TRUE(r.rec.pointer().offscreen);
}

TEST(Gestures, DragVelocityIsMeasuredOverRecentMoves) {
    Rig r;
    r.ev(K::Down, 1, 0, 0, 0);
    for (int i = 1; i <= 10; ++i) r.ev(K::Move, 1, i * 10.0f, 0, i * 10.0); // 1000 px/s
    r.ev(K::Up, 1, 100, 0, 100);
    const Gesture& end = r.out.back();
    ASSERT_EQ(end.kind, G::DragEnd);
    EXPECT_NEAR(end.velocity.x, 1000.0f, 50.0f);
    EXPECT_NEAR(end.velocity.y, 0.0f, 1.0f);
}

TEST(Gestures, DragMoveDeltasAddUpToTheFingerPath) {
    Rig r;
    r.ev(K::Down, 1, 10, 10, 0);
    r.ev(K::Move, 1, 60, 30, 10);
    r.ev(K::Move, 1, 90, 50, 20);
    float dx = 0, dy = 0;
    for (const auto& g : r.out)
        if (g.kind == G::DragMove) dx += g.delta.x, dy += g.delta.y;
    EXPECT_FLOAT_EQ(dx, 80);
    EXPECT_FLOAT_EQ(dy, 40);
}

TEST(Gestures, LongPressFiresOnceAndDoesNotTap) {
    Rig r;
    r.ev(K::Down, 1, 50, 50, 0);
    EXPECT_NEAR(r.rec.deadline(), 650, 1e-6);
    r.rec.update(300, r.out);
    EXPECT_EQ(r.count(G::LongPress), 0);
    r.rec.update(700, r.out);
    r.rec.update(900, r.out);
    EXPECT_EQ(r.count(G::LongPress), 1);
    EXPECT_TRUE(r.rec.pointer().offscreen); // the widget under a long press is not pressed
    r.ev(K::Up, 1, 50, 50, 1000);
    EXPECT_EQ(r.count(G::Tap), 0);
    EXPECT_LT(r.rec.deadline(), 0);
}

TEST(Gestures, TwoQuickTapsMakeADoubleTap) {
    Rig r;
    r.ev(K::Down, 1, 50, 50, 0);
    r.ev(K::Up, 1, 50, 50, 50);
    r.ev(K::Down, 2, 55, 52, 200);
    r.ev(K::Up, 2, 55, 52, 250);
    EXPECT_EQ(r.count(G::Tap), 1);
    EXPECT_EQ(r.count(G::DoubleTap), 1);
    // A third tap starts over.
    r.ev(K::Down, 3, 55, 52, 400);
    r.ev(K::Up, 3, 55, 52, 450);
    EXPECT_EQ(r.count(G::Tap), 2);
}

TEST(Gestures, SlowSecondTapIsNotADoubleTap) {
    Rig r;
    r.ev(K::Down, 1, 50, 50, 0);
    r.ev(K::Up, 1, 50, 50, 50);
    r.ev(K::Down, 2, 50, 50, 1000);
    r.ev(K::Up, 2, 50, 50, 1050);
    EXPECT_EQ(r.count(G::DoubleTap), 0);
    EXPECT_EQ(r.count(G::Tap), 2);
}

TEST(Gestures, PinchReportsScaleAndCenterAndCancelsTheDrag) {
    Rig r;
    r.ev(K::Down, 1, 400, 500, 0);
    r.ev(K::Down, 2, 600, 500, 5);
    EXPECT_EQ(r.count(G::PinchBegin), 1);
    EXPECT_TRUE(r.rec.pointer().offscreen);
    r.ev(K::Move, 1, 300, 500, 20);
    r.ev(K::Move, 2, 700, 500, 21);
    float scale = 1;
    for (const auto& g : r.out)
        if (g.kind == G::PinchMove) scale *= g.scale;
    EXPECT_NEAR(scale, 2.0f, 1e-4);
    EXPECT_FLOAT_EQ(r.out.back().center.x, 500);
    r.ev(K::Up, 1, 300, 500, 40);
    EXPECT_EQ(r.count(G::PinchEnd), 1);
    // The remaining finger neither drags nor taps.
    r.ev(K::Move, 2, 800, 500, 50);
    r.ev(K::Up, 2, 800, 500, 60);
    EXPECT_EQ(r.count(G::DragBegin), 0);
    EXPECT_EQ(r.count(G::Tap), 0);
}

TEST(Gestures, UnknownFingersAndDuplicateDownsAreIgnored) {
    Rig r;
    r.ev(K::Move, 9, 10, 10, 0);
    r.ev(K::Up, 9, 10, 10, 1);
    EXPECT_TRUE(r.out.empty());
    r.ev(K::Down, 1, 10, 10, 2);
    r.ev(K::Down, 1, 10, 10, 3);
    EXPECT_EQ(r.rec.fingerCount(), 1);
}

TEST(Gestures, CancelEndsWithoutATap) {
    Rig r;
    r.ev(K::Down, 1, 10, 10, 0);
    r.ev(K::Cancel, 1, 10, 10, 20);
    EXPECT_EQ(r.count(G::Tap), 0);
    EXPECT_EQ(r.rec.fingerCount(), 0);
}

TEST(Gestures, TapSlopIsTheSameFingerTravelAtEveryDisplayScale) {
    // 36 px of travel: a drag on a 1080-line display (slop 24), still a tap at 4K (slop 48).
    for (float scale : {1.0f, 2.0f}) {
        Rig r;
        r.rec.setSettings(GestureSettings{}.scaled(scale));
        r.ev(K::Down, 1, 100, 100, 0);
        r.ev(K::Move, 1, 136, 100, 30);
        r.ev(K::Up, 1, 136, 100, 60);
        EXPECT_EQ(r.count(G::Tap), scale == 2.0f ? 1 : 0) << "scale " << scale;
        EXPECT_EQ(r.count(G::DragBegin), scale == 2.0f ? 0 : 1) << "scale " << scale;
    }
    GestureSettings s = GestureSettings{}.scaled(2.0f);
    EXPECT_FLOAT_EQ(s.doubleTapSlopPx, 120.0f);
    EXPECT_DOUBLE_EQ(s.longPressMs, GestureSettings{}.longPressMs); // times do not scale
}

namespace {
// Whether a finger that travels `designUnits` (the same millimetres on a screen of any
// resolution) before lifting is still a tap on a window of this size.
bool tapAfterTravel(float windowW, float windowH, float designUnits) {
    float scale = DesignScale::forViewport(windowW, windowH).scale;
    Rig r;
    r.rec.setSettings(GestureSettings{}.scaled(scale));
    float travel = designUnits * scale;
    r.ev(K::Down, 1, 100, 100, 0);
    r.ev(K::Move, 1, 100 + travel, 100, 30);
    r.ev(K::Up, 1, 100 + travel, 100, 60);
    return r.count(G::Tap) == 1 && r.count(G::DragBegin) == 0;
}
} // namespace

TEST(Gestures, TheSamePhysicalTravelDecidesTapOrDragAt720p1080pAnd4K) {
    const float slop = GestureSettings{}.tapSlopPx; // design units
    struct Screen {
        float w, h;
    } screens[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}, {2160, 3840}};
    for (const Screen& s : screens) {
        EXPECT_TRUE(tapAfterTravel(s.w, s.h, slop * 0.75f)) << s.w << "x" << s.h;
        EXPECT_FALSE(tapAfterTravel(s.w, s.h, slop * 1.25f)) << s.w << "x" << s.h;
    }
    // At 4K the raw-pixel slop is twice 1080p's: 36 px is a drag at 1080p and a tap at 4K.
    EXPECT_FLOAT_EQ(
        GestureSettings{}.scaled(DesignScale::forViewport(3840, 2160).scale).tapSlopPx,
        2 * GestureSettings{}.scaled(DesignScale::forViewport(1920, 1080).scale).tapSlopPx);
}

TEST(Gestures, ScreenSwipeThresholdsScaleWithTheDisplay) {
    GestureSettings base, s = base.scaled(2.0f);
    EXPECT_FLOAT_EQ(s.sheetSwipePx, base.sheetSwipePx * 2);
    EXPECT_FLOAT_EQ(s.photoSwipePx, base.photoSwipePx * 2);
    EXPECT_GT(base.photoSwipePx, base.tapSlopPx); // a photo swipe is always a drag first
    EXPECT_GT(base.sheetSwipePx, base.tapSlopPx);
}
