#include "core/frame_scheduler.hpp"

#include <gtest/gtest.h>

namespace zj {
namespace {

TEST(FrameScheduler, StateFramesCountDownOnePerFrame) {
    FrameScheduler f;
    f.resetClock(0);
    // A new scheduler owes two frames (ImGui settles hover and active state over two).
    EXPECT_TRUE(f.statePending());
    f.endFrame();
    EXPECT_TRUE(f.statePending());
    f.endFrame();
    EXPECT_FALSE(f.statePending());
    f.request(1);
    f.request(1); // requests take the larger count, they do not add up
    f.endFrame();
    EXPECT_FALSE(f.statePending());
    f.request(3);
    f.request(2);
    f.endFrame();
    f.endFrame();
    EXPECT_TRUE(f.statePending());
}

TEST(FrameScheduler, TheAnimationsFinalFrameIsDrawnToo) {
    FrameScheduler f;
    f.resetClock(0);
    f.animateUntil(100);
    EXPECT_TRUE(f.animationPending());
    EXPECT_TRUE(f.animating(50));
    f.beginFrame(90); // a frame before the end: one more is owed
    EXPECT_TRUE(f.animationPending());
    EXPECT_FALSE(f.animating(100));
    f.beginFrame(100); // the frame that shows the end state
    EXPECT_FALSE(f.animationPending());
    f.animateUntil(60); // an earlier end never shortens a running animation
    EXPECT_DOUBLE_EQ(f.animateUntilMs(), 100);
}

TEST(FrameScheduler, BeginFrameReturnsTheSimulatedTimeSinceTheLastFrame) {
    FrameScheduler f;
    f.resetClock(1000);
    EXPECT_DOUBLE_EQ(f.beginFrame(1016), 16);
    EXPECT_DOUBLE_EQ(f.beginFrame(1516), 500);
}

TEST(FrameScheduler, PacingWantsOneFrame) {
    FrameScheduler f;
    f.resetClock(0);
    EXPECT_FALSE(f.animationPending());
    f.pace();
    EXPECT_TRUE(f.animationPending());
    f.beginFrame(5);
    EXPECT_FALSE(f.animationPending());
}

TEST(FrameScheduler, TransitionsAnimateUnlessInstant) {
    FrameScheduler f;
    f.resetClock(0);
    f.startTransition(1000, /*instant=*/true);
    EXPECT_LT(f.transitionStartMs(), 0);
    EXPECT_FALSE(f.animating(1000));
    f.startTransition(2000, /*instant=*/false);
    EXPECT_DOUBLE_EQ(f.transitionStartMs(), 2000);
    EXPECT_TRUE(f.animating(2000 + tokens::motion::transitionMs - 1));
    EXPECT_FALSE(f.animating(2000 + tokens::motion::transitionMs));
}

} // namespace
} // namespace zj
