#include "core/clock.hpp"
#include "core/session/idle_machine.hpp"

#include <gtest/gtest.h>

namespace zj {

TEST(SessionIdle, PromptThenAttractAtTheRightTimes) {
    ManualClock clock;
    IdleMachine m({60000, 15000, 300000});
    std::vector<SessionEvent> ev;
    m.touch(clock.nowMs(), ev);
    EXPECT_TRUE(ev.empty());
    EXPECT_DOUBLE_EQ(m.deadline(clock.nowMs()), 60000);
    clock.advance(59999);
    m.update(clock.nowMs(), ev);
    EXPECT_EQ(m.mode(), SessionMode::Visitor);
    clock.advance(1);
    m.update(clock.nowMs(), ev);
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0], SessionEvent::PromptShown);
    EXPECT_EQ(m.promptSecondsLeft(clock.nowMs()), 15);
    EXPECT_DOUBLE_EQ(m.deadline(clock.nowMs()), 61000); // the countdown ticks every second
    clock.advance(14999);
    m.update(clock.nowMs(), ev);
    EXPECT_EQ(m.mode(), SessionMode::Prompt);
    EXPECT_EQ(m.promptSecondsLeft(clock.nowMs()), 1);
    clock.advance(1);
    m.update(clock.nowMs(), ev);
    EXPECT_EQ(m.mode(), SessionMode::Attract);
    EXPECT_EQ(ev.back(), SessionEvent::SessionEnded);
    EXPECT_LT(m.deadline(clock.nowMs()), 0); // the attract loop has no idle timer
}

TEST(SessionIdle, ActivityPostponesThePrompt) {
    IdleMachine m({60000, 15000, 300000});
    std::vector<SessionEvent> ev;
    m.activity(50000);
    m.update(100000, ev);
    EXPECT_TRUE(ev.empty());
    m.update(110000, ev);
    EXPECT_EQ(m.mode(), SessionMode::Prompt);
}

TEST(SessionIdle, TouchInAttractStartsASessionAndIsSwallowed) {
    IdleMachine m;
    std::vector<SessionEvent> ev;
    m.endSession(ev);
    ASSERT_EQ(m.mode(), SessionMode::Attract);
    ev.clear();
    EXPECT_TRUE(m.touch(1000, ev));
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0], SessionEvent::SessionStarted);
    EXPECT_EQ(m.mode(), SessionMode::Visitor);
    EXPECT_FALSE(m.touch(2000, ev)); // an ordinary touch presses what is under it
}

TEST(SessionIdle, TouchDuringThePromptDismissesIt) {
    IdleMachine m({1000, 5000, 300000});
    std::vector<SessionEvent> ev;
    m.update(1000, ev);
    ASSERT_EQ(m.mode(), SessionMode::Prompt);
    EXPECT_TRUE(m.touch(3000, ev));
    EXPECT_EQ(ev.back(), SessionEvent::PromptDismissed);
    EXPECT_EQ(m.mode(), SessionMode::Visitor);
    m.update(3999, ev);
    EXPECT_EQ(m.mode(), SessionMode::Visitor);
}

TEST(SessionIdle, StaffAndTourDoNotPromptButAForgottenPanelCloses) {
    IdleMachine m({1000, 5000, 60000});
    std::vector<SessionEvent> ev;
    m.enterTour(0);
    m.update(100000, ev);
    EXPECT_EQ(m.mode(), SessionMode::Tour);
    EXPECT_TRUE(ev.empty());
    m.enterStaff(100000);
    m.update(159999, ev);
    EXPECT_EQ(m.mode(), SessionMode::Staff);
    m.update(160000, ev);
    EXPECT_EQ(m.mode(), SessionMode::Attract);
    EXPECT_EQ(ev.back(), SessionEvent::SessionEnded);
}

TEST(SessionIdle, ClosedSwallowsTouchesAndOpensIntoAttract) {
    IdleMachine m;
    std::vector<SessionEvent> ev;
    m.setClosed(true, 0, ev);
    EXPECT_EQ(ev.back(), SessionEvent::SessionEnded);
    EXPECT_TRUE(m.touch(10, ev));
    EXPECT_EQ(m.mode(), SessionMode::Closed);
    m.setClosed(false, 20, ev);
    EXPECT_EQ(m.mode(), SessionMode::Attract);
}

} // namespace zj
