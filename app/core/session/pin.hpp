// The staff PIN: stored only as a salted hash (libsodium Argon2id string, "$argon2id$..."),
// verified in constant time, and rate-limited: after `freeAttempts` wrong PINs the keypad is
// locked for `lockoutMs`, doubling with each further wrong PIN, on the zj::Clock.
#pragma once
#include <string>

namespace zj {

inline constexpr const char* kDevPin = "2468"; // documented in README "Staff panel": change it

// A new salted hash of `pin` (random salt); "" if libsodium fails (out of memory).
std::string hashPin(const std::string& pin);
bool verifyPin(const std::string& pin, const std::string& hash);
// The digits-only rule for PINs: 4..12 digits.
bool isValidPin(const std::string& pin);

class PinGate {
  public:
    struct Settings {
        int freeAttempts = 3;          // wrong PINs before the first lockout
        double lockoutMs = 30000;      // first lockout; doubles with each further wrong PIN
        double maxLockoutMs = 3600000; // cap: one hour
    };
    enum class Result { Accepted, Wrong, LockedOut };

    explicit PinGate(std::string hash) : hash_(std::move(hash)) {}
    PinGate(std::string hash, Settings s) : settings_(s), hash_(std::move(hash)) {}

    Result attempt(const std::string& pin, double nowMs);
    bool locked(double nowMs) const { return nowMs < lockedUntilMs_; }
    double lockedUntilMs() const { return lockedUntilMs_; }
    int wrongCount() const { return wrong_; }

  private:
    Settings settings_;
    std::string hash_;
    int wrong_ = 0; // consecutive wrong PINs (reset by a right one)
    double lockedUntilMs_ = -1;
};

} // namespace zj
