#include "core/session/schedule.hpp"

#include <gtest/gtest.h>

namespace zj {

namespace {
constexpr int64_t kFri20270101 = 1798761600; // 2027-01-01 00:00, a Friday (the ManualClock start)
int64_t at(int dayOffset, int h, int m = 0) {
    return kFri20270101 + dayOffset * 86400 + h * 3600 + m * 60;
}
} // namespace

TEST(SessionSchedule, TheManualClockStartsOnAFriday) {
    EXPECT_EQ(WeeklySchedule::secondOfWeek(kFri20270101), 4 * 86400);
}

TEST(SessionSchedule, WeekdaysOpenAndClose) {
    WeeklySchedule s;
    std::string err;
    ASSERT_TRUE(WeeklySchedule::parse("mon-fri 09:00-18:00, sat 10:00-16:00", s, err)) << err;
    EXPECT_FALSE(s.isOpen(at(0, 8, 59)));
    EXPECT_TRUE(s.isOpen(at(0, 9)));
    EXPECT_TRUE(s.isOpen(at(0, 17, 59)));
    EXPECT_FALSE(s.isOpen(at(0, 18)));
    EXPECT_TRUE(s.isOpen(at(1, 12)));  // Saturday
    EXPECT_FALSE(s.isOpen(at(2, 12))); // Sunday
    EXPECT_TRUE(s.isOpen(at(3, 9)));   // Monday
    EXPECT_EQ(s.nextChange(at(0, 0)), at(0, 9));
    EXPECT_EQ(s.nextChange(at(0, 12)), at(0, 18));
    EXPECT_EQ(s.nextChange(at(1, 16)), at(3, 9)); // closed over Sunday
}

TEST(SessionSchedule, MidnightAndWeekWrap) {
    WeeklySchedule s;
    std::string err;
    ASSERT_TRUE(WeeklySchedule::parse("sun 20:00-02:00; sat-mon 12:00-13:00", s, err)) << err;
    EXPECT_TRUE(s.isOpen(at(2, 23)));    // Sunday night
    EXPECT_TRUE(s.isOpen(at(3, 1, 59))); // Monday early: the week wrapped
    EXPECT_FALSE(s.isOpen(at(3, 2)));
    EXPECT_TRUE(s.isOpen(at(1, 12, 30)));  // sat
    EXPECT_TRUE(s.isOpen(at(2, 12, 30)));  // sun
    EXPECT_TRUE(s.isOpen(at(3, 12, 30)));  // mon
    EXPECT_FALSE(s.isOpen(at(4, 12, 30))); // tue
    EXPECT_EQ(s.nextChange(at(2, 21)), at(3, 2));
}

TEST(SessionSchedule, DailyTo2400AndEmpty) {
    WeeklySchedule s;
    std::string err;
    ASSERT_TRUE(WeeklySchedule::parse("daily 08:00-24:00", s, err)) << err;
    EXPECT_TRUE(s.isOpen(at(0, 23, 59)));
    EXPECT_FALSE(s.isOpen(at(1, 0)));
    WeeklySchedule empty;
    ASSERT_TRUE(WeeklySchedule::parse("", empty, err));
    EXPECT_TRUE(empty.alwaysOpen());
    EXPECT_TRUE(empty.isOpen(at(0, 3)));
    EXPECT_EQ(empty.nextChange(at(0, 3)), -1);
}

TEST(SessionSchedule, ErrorsNameThePart) {
    WeeklySchedule s;
    std::string err;
    EXPECT_FALSE(WeeklySchedule::parse("mon-fry 09:00-18:00", s, err));
    EXPECT_NE(err.find("mon-fry"), std::string::npos);
    EXPECT_FALSE(WeeklySchedule::parse("mon 9-18", s, err));
    EXPECT_FALSE(WeeklySchedule::parse("mon 09:00-25:00", s, err));
    EXPECT_FALSE(WeeklySchedule::parse("mon", s, err));
}

// The closed page shows the hours as a visitor reads them, not the config string.
TEST(SessionSchedule, DescribeGroupsDaysInBothLanguages) {
    WeeklySchedule s;
    std::string err;
    ASSERT_TRUE(WeeklySchedule::parse("mon-fri 09:00-18:00, sat 10:00-16:00", s, err)) << err;
    Text t = s.describe();
    EXPECT_EQ(t.zh, "周一至周五 09:00–18:00；周六 10:00–16:00");
    EXPECT_EQ(t.en, "Mon–Fri 09:00–18:00; Sat 10:00–16:00");

    // Two neighbouring days are listed, not a range; a gap splits runs; past midnight and 24:00.
    ASSERT_TRUE(
        WeeklySchedule::parse("sat-sun 10:00-24:00; mon 09:00-12:00, wed 09:00-12:00", s, err))
        << err;
    t = s.describe();
    EXPECT_EQ(t.zh, "周一、周三 09:00–12:00；周六、周日 10:00–24:00");
    EXPECT_EQ(t.en, "Mon, Wed 09:00–12:00; Sat, Sun 10:00–24:00");
    ASSERT_TRUE(WeeklySchedule::parse("daily 20:00-02:00", s, err)) << err;
    EXPECT_EQ(s.describe().en, "Daily 20:00–02:00");
    EXPECT_EQ(s.describe().zh, "每天 20:00–02:00");

    WeeklySchedule always;
    ASSERT_TRUE(WeeklySchedule::parse("", always, err));
    EXPECT_TRUE(always.describe().empty());
}

} // namespace zj
