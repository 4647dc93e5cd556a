// Backoff: interval after success, doubling after failures up to the cap, jitter bounds, reset.
#include "core/sync/backoff.hpp"

#include <gtest/gtest.h>

namespace zj {

namespace {
BackoffPolicy policy(double interval, double max, double jitter) {
    BackoffPolicy p;
    p.intervalMs = interval;
    p.maxMs = max;
    p.jitterMs = jitter;
    return p;
}
} // namespace

TEST(SyncBackoff, DueAtOnceThenIntervalAfterSuccess) {
    ManualClock clock(1000);
    Backoff b(clock, policy(900e3, 4 * 3600e3, 0), 1);
    EXPECT_TRUE(b.due());
    b.onSuccess();
    EXPECT_FALSE(b.due());
    EXPECT_DOUBLE_EQ(b.msUntilDue(), 900e3);
    clock.advance(900e3 - 1);
    EXPECT_FALSE(b.due());
    clock.advance(1);
    EXPECT_TRUE(b.due());
}

TEST(SyncBackoff, DoublesPerFailureAndCaps) {
    ManualClock clock;
    Backoff b(clock, policy(1000, 10000, 0), 1);
    const double expected[] = {2000, 4000, 8000, 10000, 10000, 10000};
    for (double e : expected) {
        b.onFailure();
        EXPECT_DOUBLE_EQ(b.msUntilDue(), e) << "after " << b.failures() << " failures";
        clock.advance(e);
        EXPECT_TRUE(b.due());
    }
    for (int i = 0; i < 500; ++i) b.onFailure(); // no overflow after months of failures
    EXPECT_DOUBLE_EQ(b.msUntilDue(), 10000);
}

TEST(SyncBackoff, SuccessResetsTheDoubling) {
    ManualClock clock;
    Backoff b(clock, policy(1000, 60000, 0), 1);
    b.onFailure();
    b.onFailure();
    b.onFailure();
    EXPECT_EQ(b.failures(), 3);
    b.onSuccess();
    EXPECT_EQ(b.failures(), 0);
    EXPECT_DOUBLE_EQ(b.msUntilDue(), 1000);
    b.onFailure();
    EXPECT_DOUBLE_EQ(b.msUntilDue(), 2000);
}

TEST(SyncBackoff, JitterStaysInBoundsAndSpreads) {
    ManualClock clock;
    Backoff b(clock, policy(1000, 8000, 500), 42);
    double lo = 1e18, hi = 0;
    for (int i = 0; i < 1000; ++i) {
        b.onSuccess();
        double d = b.msUntilDue();
        ASSERT_GE(d, 1000);
        ASSERT_LE(d, 1500);
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    EXPECT_GT(hi - lo, 400) << "jitter should spread the waits";
    for (int i = 0; i < 10; ++i) b.onFailure();
    EXPECT_GE(b.msUntilDue(), 8000);
    EXPECT_LE(b.msUntilDue(), 8500);
}

TEST(SyncBackoff, SameSeedSameSchedule) {
    ManualClock c1, c2;
    Backoff a(c1, policy(1000, 8000, 500), 7), b(c2, policy(1000, 8000, 500), 7);
    for (int i = 0; i < 20; ++i) {
        (i % 3 ? a.onFailure() : a.onSuccess());
        (i % 3 ? b.onFailure() : b.onSuccess());
        EXPECT_DOUBLE_EQ(a.nextAttemptMs(), b.nextAttemptMs());
    }
}

TEST(SyncBackoff, ScheduleNowKeepsTheFailureCount) {
    ManualClock clock;
    Backoff b(clock, policy(1000, 8000, 0), 1);
    b.onFailure();
    b.onFailure();
    b.scheduleNow();
    EXPECT_TRUE(b.due());
    EXPECT_EQ(b.failures(), 2);
    b.onFailure();
    EXPECT_DOUBLE_EQ(b.msUntilDue(), 8000);
}

TEST(SyncBackoff, HoursOfOutageInSimulatedTime) {
    // A server down for a day: count the attempts a kiosk makes with the shipped defaults.
    ManualClock clock;
    Backoff b(clock, policy(900e3, 4 * 3600e3, 120e3), 3);
    int attempts = 0;
    const double day = 24 * 3600e3;
    while (clock.nowMs() < day) {
        if (b.due()) {
            ++attempts;
            b.onFailure();
        }
        clock.advance(b.msUntilDue() > 0 ? b.msUntilDue() : 1);
    }
    EXPECT_GE(attempts, 6);  // keeps trying ...
    EXPECT_LE(attempts, 12); // ... but does not hammer the server (96 at a fixed 15 min)
}

} // namespace zj
