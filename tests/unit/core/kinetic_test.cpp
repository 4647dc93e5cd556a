#include "core/kinetic.hpp"

#include <gtest/gtest.h>

using namespace zj;

namespace {
// Flicks a 3000 px list in a 1000 px view and runs the clock at `fps` for `ms`.
float flickAndRun(double fps, double ms, float fingerVelocity = -2000.0f) {
    KineticScroller k;
    k.setExtent(3000, 1000);
    k.dragBegin(0);
    k.dragBy(-100);
    k.release(fingerVelocity, 0);
    for (double t = 0; t <= ms; t += 1000.0 / fps) k.update(t);
    k.update(ms);
    return k.offset();
}
} // namespace

TEST(kinetic, DragMovesContentAgainstTheFinger) {
    KineticScroller k;
    k.setExtent(3000, 1000);
    k.dragBegin(0);
    k.dragBy(-250); // finger moves up: content scrolls down the list
    EXPECT_FLOAT_EQ(k.offset(), 250);
}

TEST(kinetic, InertiaDecaysAndStops) {
    KineticScroller k;
    k.setExtent(10000, 1000);
    k.dragBegin(0);
    k.release(-1500, 0);
    k.update(100);
    float early = k.offset();
    EXPECT_GT(early, 100);
    EXPECT_TRUE(k.animating());
    k.update(5000);
    EXPECT_FALSE(k.animating());
    // Glides (v0 - vStop) / friction: (1500 - 30) / 3.2 ≈ 459 px.
    KineticSettings s;
    EXPECT_NEAR(k.offset(), (1500 - s.stopVelocity) / s.friction, 3);
}

TEST(kinetic, FrameRateIndependent) {
    float at60 = flickAndRun(60, 700);
    float at24 = flickAndRun(24, 700);
    float at144 = flickAndRun(144, 700);
    EXPECT_NEAR(at60, at24, 0.5f);
    EXPECT_NEAR(at60, at144, 0.5f);
}

TEST(kinetic, BouncesBackInsideTheEnds) {
    KineticScroller k;
    k.setExtent(1500, 1000);
    k.dragBegin(0);
    k.release(-6000, 0); // hard flick towards the end
    bool wentBeyond = false;
    for (double t = 0; t < 3000; t += 16) {
        k.update(t);
        wentBeyond |= k.offset() > k.maxOffset() + 1;
    }
    EXPECT_TRUE(wentBeyond);
    EXPECT_FALSE(k.animating());
    EXPECT_FLOAT_EQ(k.offset(), 500);
}

TEST(kinetic, RubberBandResistsOverscrollAndSpringsBack) {
    KineticScroller k;
    k.setExtent(3000, 1000);
    k.dragBegin(0);
    k.dragBy(200); // pull down at the top
    EXPECT_LT(k.offset(), 0);
    EXPECT_GT(k.offset(), -200 * 0.5f);
    k.release(0, 0);
    k.update(2000);
    EXPECT_FLOAT_EQ(k.offset(), 0);
}

TEST(kinetic, PagedFlickTurnsExactlyOnePage) {
    KineticScroller k;
    k.setExtent(5 * 800, 800);
    k.setPageSize(800);
    k.dragBegin(0);
    k.dragBy(-120);
    k.release(-3000, 100); // fast flick: one page, not three
    k.update(3000);
    EXPECT_FLOAT_EQ(k.offset(), 800);
    EXPECT_EQ(k.page(), 1);
    k.dragBegin(3000);
    k.dragBy(-200); // slow drag less than half a page: back to page 1
    k.release(0, 3100);
    k.update(6000);
    EXPECT_EQ(k.page(), 1);
    EXPECT_FLOAT_EQ(k.offset(), 800);
}

TEST(kinetic, LongSleepDoesNotSimulateForever) {
    KineticScroller k;
    k.setExtent(100000, 1000);
    k.dragBegin(0);
    k.release(-3000, 0);
    k.update(1e9); // the clock jumped (machine slept): bounded work, a sane position
    EXPECT_GE(k.offset(), 0);
    EXPECT_LE(k.offset(), 3000 / 3.2f + 1);
}

TEST(Kinetic, SettingsScaleLengthsAndSpeedsNotRates) {
    KineticSettings base, s = base.scaled(2.0f);
    EXPECT_FLOAT_EQ(s.snapFlickVelocity, base.snapFlickVelocity * 2);
    EXPECT_FLOAT_EQ(s.maxOverscroll, base.maxOverscroll * 2);
    EXPECT_FLOAT_EQ(s.maxVelocity, base.maxVelocity * 2);
    EXPECT_FLOAT_EQ(s.stopVelocity, base.stopVelocity * 2);
    EXPECT_FLOAT_EQ(s.friction, base.friction);       // 1/s
    EXPECT_FLOAT_EQ(s.springOmega, base.springOmega); // rad/s
    EXPECT_FLOAT_EQ(s.rubberBand, base.rubberBand);   // a ratio
}
