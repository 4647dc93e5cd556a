#include "core/navigation.hpp"

#include <gtest/gtest.h>

using namespace zj;

TEST(Navigation, CommandsApplyOnlyWhenDrained) {
    Navigator nav;
    nav.post(NavCommand::go(ScreenId::Map, "zj-etdz"));
    EXPECT_EQ(nav.current().screen, ScreenId::Home);
    EXPECT_TRUE(nav.drain());
    EXPECT_EQ(nav.current().screen, ScreenId::Map);
    EXPECT_EQ(nav.current().selection, "zj-etdz");
    EXPECT_FALSE(nav.drain());
}

TEST(Navigation, BackRetracesHistoryAndHomeClearsIt) {
    Navigator nav;
    nav.post(NavCommand::go(ScreenId::Industry));
    nav.post(NavCommand::go(ScreenId::Map, "a"));
    nav.post(NavCommand::go(ScreenId::Map, "b"));
    nav.drain();
    EXPECT_EQ(nav.historyDepth(), 3u);
    nav.post(NavCommand::back());
    nav.drain();
    EXPECT_EQ(nav.current().selection, "a");
    nav.post(NavCommand::back());
    nav.drain();
    EXPECT_EQ(nav.current().screen, ScreenId::Industry);
    nav.post(NavCommand::home());
    nav.drain();
    EXPECT_EQ(nav.current().screen, ScreenId::Home);
    EXPECT_FALSE(nav.canGoBack());
    nav.post(NavCommand::back()); // nothing to go back to: stays home
    EXPECT_FALSE(nav.drain());
}

TEST(Navigation, GoingToTheSameStateAddsNoHistory) {
    Navigator nav;
    nav.post(NavCommand::go(ScreenId::City));
    nav.post(NavCommand::go(ScreenId::City));
    nav.drain();
    EXPECT_EQ(nav.historyDepth(), 1u);
}

TEST(Navigation, HistoryIsBounded) {
    Navigator nav;
    for (int i = 0; i < 1000; ++i) nav.post(NavCommand::go(ScreenId::Map, std::to_string(i)));
    nav.drain();
    EXPECT_LE(nav.historyDepth(), 32u);
    EXPECT_EQ(nav.current().selection, "999");
}

TEST(Navigation, ScreenNamesRoundTrip) {
    for (ScreenId id : {ScreenId::Home, ScreenId::City, ScreenId::Map, ScreenId::Industry,
                        ScreenId::Invest, ScreenId::Attract, ScreenId::Staff}) {
        ScreenId back;
        ASSERT_TRUE(parseScreenName(screenName(id), back));
        EXPECT_EQ(back, id);
    }
    ScreenId x;
    EXPECT_FALSE(parseScreenName("nowhere", x));
}
