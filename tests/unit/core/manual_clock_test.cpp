#include "core/clock.hpp"

#include <gtest/gtest.h>
#include <thread>

namespace zj {
namespace {

TEST(ManualClock, StandsStillUntilAdvanced) {
    ManualClock clock(1000);
    double a = clock.nowMs();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(a, clock.nowMs());
    clock.advance(250);
    EXPECT_EQ(1250, clock.nowMs());
    EXPECT_EQ(1798761600, clock.wallSeconds()); // 250 ms in: still the first second
}

// The frame bench times the interactive loop with it: time passes at the steady clock's pace
// while following (a lower bound only: a busy machine sleeps longer, never shorter), and stops
// where it got to when following ends.
TEST(ManualClock, FollowsTheSteadyClockWhileAskedTo) {
    ManualClock clock(0);
    clock.followSteadyClock(true);
    clock.followSteadyClock(true); // a second "on" does not restart the count
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    double during = clock.nowMs();
    EXPECT_GE(during, 20.0);
    clock.advance(1000); // still adds while following
    EXPECT_GE(clock.nowMs(), during + 1000);
    clock.followSteadyClock(false);
    double stopped = clock.nowMs();
    EXPECT_GE(stopped, during + 1000);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(stopped, clock.nowMs());
}

} // namespace
} // namespace zj
