#include "core/lang.hpp"
#include <gtest/gtest.h>

TEST(Text, FallsBackToTheOtherLanguage) {
    zj::Text t{"镇江", ""};
    EXPECT_EQ(t.get(zj::Lang::En), "镇江");
    EXPECT_EQ(t.get(zj::Lang::Zh), "镇江");
}
