#include "core/session/pin.hpp"
#include "core/session/session_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

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
    // Issue 19 item 11: a new PIN has 6 to 12 digits (the 4-digit development PIN is not one).
    EXPECT_FALSE(isValidPin("2468"));
    EXPECT_FALSE(isValidPin("24680"));
    EXPECT_TRUE(isValidPin("246801"));
    EXPECT_TRUE(isValidPin("123456789012"));
    EXPECT_FALSE(isValidPin("1234567890123"));
    EXPECT_FALSE(isValidPin("24a801"));
    EXPECT_FALSE(isValidPin(""));
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

TEST(SessionPin, APinHashedOnFirstAttemptGuardsLikeAHashedOne) {
    PinGate gate("", {2, 30000, 3600000});
    EXPECT_TRUE(gate.needsSetup());
    gate.setPinHashedOnFirstAttempt("2468");
    EXPECT_FALSE(gate.needsSetup()); // the keypad asks for the PIN, not for a new one
    EXPECT_EQ(gate.attempt("1357", 0), PinGate::Result::Wrong);
    EXPECT_EQ(gate.attempt("2468", 1000), PinGate::Result::Accepted);
    EXPECT_EQ(gate.attempt("0000", 2000), PinGate::Result::Wrong);
    EXPECT_EQ(gate.attempt("0000", 3000), PinGate::Result::Wrong);
    EXPECT_TRUE(gate.locked(3000));
    // A PIN set later replaces it.
    gate.setHash(hashPin("975310"));
    EXPECT_EQ(gate.attempt("2468", 40000), PinGate::Result::Wrong);
    EXPECT_EQ(gate.attempt("975310", 200000), PinGate::Result::Accepted);
}

namespace {
struct PinDir {
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) /
                                 ("zj-pin-" + std::to_string(::getpid()) + "-" +
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    PinDir() {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~PinDir() { std::filesystem::remove_all(path); }
};
} // namespace

// The PIN the staff set at the first entry: an Argon2id hash in state/staff-pin, mode 0600.
TEST(SessionPin, StoredPinIsAnArgon2idHashOnlyTheKioskUserReads) {
    PinDir dir;
    std::string hash, err;
    EXPECT_EQ(loadStoredPinHash(dir.path, err), "");
    EXPECT_FALSE(saveStoredPin(dir.path, "2468", hash, err));
    EXPECT_EQ(err, "a staff PIN has 6 to 12 digits");
    ASSERT_TRUE(saveStoredPin(dir.path, "135790", hash, err)) << err;
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    struct stat st {};
    ASSERT_EQ(::stat(storedPinFile(dir.path).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::string loaded = loadStoredPinHash(dir.path, err);
    EXPECT_EQ(loaded, hash);
    EXPECT_TRUE(verifyPin("135790", loaded));
    EXPECT_FALSE(verifyPin("2468", loaded));

    std::ofstream(storedPinFile(dir.path)) << "not a hash\n";
    EXPECT_EQ(loadStoredPinHash(dir.path, err), "");
    EXPECT_EQ(err, storedPinFile(dir.path).string() + ": not an Argon2id PIN hash (ignored)");
    EXPECT_FALSE(saveStoredPin(dir.path / "missing", "135790", hash, err));
    EXPECT_EQ(err, (dir.path / "missing").string() + ": no data directory to keep the PIN in");
}

TEST(SessionPin, NoHashMeansSetUpFirst) {
    PinGate gate("");
    EXPECT_TRUE(gate.needsSetup());
    EXPECT_EQ(gate.attempt("", 0), PinGate::Result::Wrong); // nothing opens an unset gate
    gate.setHash(hashPin("135790"));
    EXPECT_FALSE(gate.needsSetup());
    EXPECT_EQ(gate.attempt("135790", 0), PinGate::Result::Accepted);
}

// The lockout used to live in memory only: a power cycle gave three fresh guesses.
TEST(SessionPin, LockoutSurvivesARestart) {
    PinDir dir;
    const std::filesystem::path file = dir.path / "staff-pin-lockout";
    const std::string hash = hashPin("135790");
    const int64_t wall = 1'800'000'000; // any wall time: only differences matter
    {
        PinGate gate(hash, {3, 30000, 3600000});
        gate.persistTo(file, 5000, wall);
        for (int i = 0; i < 3; ++i) EXPECT_EQ(gate.attempt("000000", 5000), PinGate::Result::Wrong);
        EXPECT_TRUE(gate.locked(5000));
    }
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    {
        // A new process 10 s later (its steady clock starts again at 0): 20 s of lockout left.
        PinGate gate(hash, {3, 30000, 3600000});
        gate.persistTo(file, 0, wall + 10);
        EXPECT_EQ(gate.wrongCount(), 3);
        EXPECT_TRUE(gate.locked(0));
        EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 20000);
        EXPECT_EQ(gate.attempt("135790", 19999), PinGate::Result::LockedOut);
        // The count went on: the next wrong PIN locks for twice as long.
        EXPECT_EQ(gate.attempt("000000", 20000), PinGate::Result::Wrong);
        EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 20000 + 60000);
    }
    {
        // A wall clock set back a year cannot stretch the lockout past its cap.
        PinGate gate(hash, {3, 30000, 3600000});
        gate.persistTo(file, 0, wall - 365 * 86400);
        EXPECT_DOUBLE_EQ(gate.lockedUntilMs(), 3600000);
    }
    {
        PinGate gate(hash, {3, 30000, 3600000});
        gate.persistTo(file, 0, wall + 3600);
        EXPECT_FALSE(gate.locked(0));
        EXPECT_EQ(gate.attempt("135790", 0), PinGate::Result::Accepted);
        EXPECT_EQ(gate.wrongCount(), 0);
    }
    PinGate after(hash, {3, 30000, 3600000});
    after.persistTo(file, 0, wall + 3600);
    EXPECT_EQ(after.wrongCount(), 0); // the right PIN reset the stored count too
}

} // namespace zj

namespace zj {

// [staff] development_pin turns 2468 on; a pin_hash in a file every user can read is flagged
// (the session layer logs a warning naming the file).
TEST(SessionPin, ConfigDevelopmentPinAndWorldReadableHash) {
    PinDir dir;
    const std::filesystem::path file = dir.path / "kiosk.toml";
    SessionConfig c;
    std::string err;
    std::ofstream(file) << "[staff]\ndevelopment_pin = true\n";
    ASSERT_TRUE(loadSessionConfig(file, c, err)) << err;
    EXPECT_TRUE(c.developmentPin);
    EXPECT_FALSE(c.pinHashWorldReadable);
    std::ofstream(file) << "[staff]\ndevelopment_pin = \"yes\"\n";
    EXPECT_FALSE(loadSessionConfig(file, c, err));
    EXPECT_NE(err.find(":2: [staff] development_pin: expected true or false"), std::string::npos)
        << err;

    std::ofstream(file) << "[staff]\npin_hash = \"" << hashPin("135790") << "\"\n";
    ::chmod(file.c_str(), 0644);
    SessionConfig h;
    ASSERT_TRUE(loadSessionConfig(file, h, err)) << err;
    EXPECT_TRUE(h.pinHashWorldReadable);
    ::chmod(file.c_str(), 0640);
    ASSERT_TRUE(loadSessionConfig(file, h, err)) << err;
    EXPECT_FALSE(h.pinHashWorldReadable);
}

} // namespace zj
