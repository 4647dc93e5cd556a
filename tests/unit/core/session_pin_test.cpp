#include "core/session/pin.hpp"

#include <gtest/gtest.h>

namespace zj {

TEST(SessionPin, HashIsSaltedAndVerifies) {
    std::string a = hashPin("2468"), b = hashPin("2468");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
    EXPECT_NE(a, b); // random salt
    EXPECT_EQ(a.find("2468"), std::string::npos);
    EXPECT_TRUE(verifyPin("2468", a));
    EXPECT_TRUE(verifyPin("2468", b));
    EXPECT_FALSE(verifyPin("2469", a));
    EXPECT_FALSE(verifyPin("2468", ""));
    EXPECT_FALSE(verifyPin("2468", "garbage"));
}

TEST(SessionPin, ValidPins) {
    EXPECT_TRUE(isValidPin("2468"));
    EXPECT_FALSE(isValidPin("246"));
    EXPECT_FALSE(isValidPin("24a8"));
}

TEST(SessionPin, WrongPinsLockOutWithDoubling) {
    PinGate gate(hashPin("1357"), {3, 30000, 3600000});
    EXPECT_EQ(gate.attempt("0000", 0), PinGate::Result::Wrong);
    EXPECT_EQ(gate.attempt("0000", 1000), PinGate::Result::Wrong);
    EXPECT_FALSE(gate.locked(1000));
    EXPECT_EQ(gate.attempt("0000", 2000), PinGate::Result::Wrong);
    EXPECT_TRUE(gate.locked(2000));
    EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 32000);
    // While locked even the right PIN is refused.
    EXPECT_EQ(gate.attempt("1357", 31999), PinGate::Result::LockedOut);
    // After the lockout a further wrong PIN locks for twice as long.
    EXPECT_EQ(gate.attempt("0000", 32000), PinGate::Result::Wrong);
    EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 32000 + 60000);
    EXPECT_EQ(gate.attempt("0000", 92000), PinGate::Result::Wrong);
    EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 92000 + 120000);
    EXPECT_EQ(gate.attempt("1357", 212000), PinGate::Result::Accepted);
    EXPECT_EQ(gate.wrongCount(), 0);
}

} // namespace zj
