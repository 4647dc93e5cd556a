#include "core/session/analytics.hpp"
#include "core/session/session_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace zj {

namespace {
std::filesystem::path tempDb(const char* name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("zj-analytics-" + std::to_string(getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    return dir / "analytics.db";
}
constexpr int64_t kDay1 = 1798761600; // 2027-01-01 00:00 UTC
} // namespace

TEST(SessionAnalytics, ReportNumbersOnAKnownEventList) {
    AnalyticsStore store;
    std::string err;
    ASSERT_TRUE(store.open(tempDb("report"), {}, err)) << err;
    // Day 1: two sessions (60 s, 120 s); day 2: one (30 s).
    store.log(kDay1 + 100, 1, event::SessionStart);
    store.log(kDay1 + 110, 1, event::Module, "map");
    store.log(kDay1 + 120, 1, event::Park, "zj-etdz");
    store.log(kDay1 + 130, 1, event::QrShown, "park:zj-etdz");
    store.log(kDay1 + 140, 1, event::VideoPlay, "promo");
    store.log(kDay1 + 160, 1, event::SessionEnd, "", 60);
    store.log(kDay1 + 200, 2, event::SessionStart);
    store.log(kDay1 + 210, 2, event::Language, "en");
    store.log(kDay1 + 220, 2, event::Module, "map");
    store.log(kDay1 + 230, 2, event::Park, "zj-etdz");
    store.log(kDay1 + 240, 2, event::Park, "zj-hitech");
    store.log(kDay1 + 250, 2, event::VideoPlay, "promo");
    store.log(kDay1 + 260, 0, event::VideoPlay, "promo"); // outside a visit: no session
    store.log(kDay1 + 320, 2, event::SessionEnd, "", 120);
    store.log(kDay1 + 86400 + 5, 3, event::SessionStart);
    store.log(kDay1 + 86400 + 6, 3, event::Module, "industry");
    store.log(kDay1 + 86400 + 7, 3, event::Industry, "auto");
    store.log(kDay1 + 86400 + 35, 3, event::SessionEnd, "", 30);
    AnalyticsReport r = store.report(0, 0);
    ASSERT_EQ(r.sessionsPerDay.size(), 2u);
    EXPECT_EQ(r.sessionsPerDay[0].date, "2027-01-01");
    EXPECT_EQ(r.sessionsPerDay[0].sessions, 2);
    EXPECT_EQ(r.sessionsPerDay[1].sessions, 1);
    EXPECT_EQ(r.sessions, 3);
    EXPECT_DOUBLE_EQ(r.averageSessionS, 70);
    EXPECT_EQ(r.sessionsWithModule, 3);
    EXPECT_EQ(r.sessionsWithQr, 1);
    EXPECT_EQ(r.sessionsWithVideo, 2);
    ASSERT_EQ(r.qrCodes.size(), 1u);
    EXPECT_EQ(r.qrCodes[0], std::make_pair(std::string("park:zj-etdz"), int64_t(1)));
    ASSERT_FALSE(r.modules.empty());
    EXPECT_EQ(r.modules[0], std::make_pair(std::string("map"), int64_t(2)));
    ASSERT_EQ(r.parks.size(), 2u);
    EXPECT_EQ(r.parks[0], std::make_pair(std::string("zj-etdz"), int64_t(2)));
    EXPECT_EQ(r.industries[0].first, "auto");
    EXPECT_EQ(r.languages[0].first, "en");
    EXPECT_EQ(store.lastSessionId(), 3);
    // Since day 2 only; and local days (UTC+8) move the 00:01:40 UTC starts to the same day.
    EXPECT_EQ(store.report(kDay1 + 86400, 0).sessions, 1);
    EXPECT_EQ(store.report(0, 8 * 3600).sessionsPerDay[0].date, "2027-01-01");
    std::string csv = formatReport(r, true);
    EXPECT_NE(csv.find("sessions_per_day,2027-01-01,2"), std::string::npos);
    EXPECT_NE(csv.find("park,zj-etdz,2"), std::string::npos);
    EXPECT_NE(csv.find("summary,sessions_with_video,2"), std::string::npos);
    EXPECT_NE(formatReport(r, false).find("average length 70.0 s"), std::string::npos);
}

TEST(SessionAnalytics, BoundedByRowsAndDays) {
    AnalyticsStore store;
    std::string err;
    ASSERT_TRUE(store.open(tempDb("bounded"), {1000, 30}, err)) << err;
    for (int i = 0; i < 3000; ++i) store.log(kDay1 + i, 1, event::Module, "map");
    store.prune(kDay1 + 3000);
    EXPECT_LE(store.rowCount(), 1000);
    EXPECT_GE(store.rowCount(), 900);
    store.prune(kDay1 + 31 * 86400); // everything is older than 30 days now
    EXPECT_EQ(store.rowCount(), 0);
}

TEST(SessionConfigTables, ParsesAndRejectsUnknownKeys) {
    SessionConfig c;
    std::string err;
    ASSERT_TRUE(
        parseSessionConfig("[sync]\nsources = []\n[attract]\nidle_timeout_s = 90\n"
                           "[display]\nhours = \"mon-fri 09:00-18:00\"\nclosed = \"black\"\n"
                           "[staff]\ntour_auto_advance_s = 20\n",
                           "kiosk.toml", c, err))
        << err;
    EXPECT_DOUBLE_EQ(c.idleTimeoutS, 90);
    EXPECT_TRUE(c.closedBlack);
    EXPECT_FALSE(c.hours.alwaysOpen());
    EXPECT_DOUBLE_EQ(c.tourAutoAdvanceS, 20);
    EXPECT_FALSE(parseSessionConfig("[staff]\npin = \"1234\"\n", "kiosk.toml", c, err));
    EXPECT_NE(err.find("kiosk.toml:2"), std::string::npos) << err;
    EXPECT_FALSE(parseSessionConfig("[display]\nhours = \"someday\"\n", "kiosk.toml", c, err));
}

} // namespace zj
