// The staff PIN: stored only as a salted hash (libsodium Argon2id string, "$argon2id$..."),
// verified in constant time, and rate-limited: after `freeAttempts` wrong PINs the keypad is
// locked for `lockoutMs`, doubling with each further wrong PIN, on the zj::Clock.
// Where the hash comes from (README "Staff panel"): [staff] pin_hash in kiosk.toml, else the PIN
// the staff set at the first staff entry on this kiosk (state/staff-pin), else none yet (the
// keypad asks to set one). The development PIN 2468 only with --development-pin or
// [staff] development_pin = true. The wrong-PIN count and lockout of a real PIN are kept in
// state/staff-pin-lockout, so a power cycle does not reset them.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace zj {

inline constexpr const char* kDevPin = "2468"; // --development-pin only (it is in the README)
inline constexpr size_t kMinPinDigits = 6;
inline constexpr size_t kMaxPinDigits = 12;

// A new salted hash of `pin` (random salt); "" if libsodium fails (out of memory).
std::string hashPin(const std::string& pin);
bool verifyPin(const std::string& pin, const std::string& hash);
// The rule for a new PIN: kMinPinDigits..kMaxPinDigits digits.
bool isValidPin(const std::string& pin);

// state/staff-pin under the data directory: one Argon2id hash line, mode 0600.
std::filesystem::path storedPinFile(const std::filesystem::path& dataDir);
// The stored hash, or "" when there is none; `err` says why a file that is there was not used.
std::string loadStoredPinHash(const std::filesystem::path& dataDir, std::string& err);
// Hashes `pin` (isValidPin) and writes state/staff-pin atomically (mode 0600). The data
// directory must exist (state/ is created in it); `hashOut` gets the hash.
bool saveStoredPin(const std::filesystem::path& dataDir, const std::string& pin,
                   std::string& hashOut, std::string& err);

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

    // No hash yet: the keypad asks the staff to set a PIN (attempt() then says Wrong).
    bool needsSetup() const { return hash_.empty() && pinToHash_.empty(); }
    void setHash(std::string hash) {
        hash_ = std::move(hash);
        pinToHash_.clear();
    }
    // A PIN known in the clear (the public development PIN), hashed at the first attempt: an
    // Argon2id hash costs ~40-60 ms, which start-up would otherwise pay before the first frame.
    void setPinHashedOnFirstAttempt(std::string pin) { pinToHash_ = std::move(pin); }

    // Keeps the wrong-PIN count and the lockout in `file` across restarts: read now, written
    // after every attempt. The lockout is dated by wall time (`wallS` at `nowMs`), and what is
    // left of it is never more than maxLockoutMs (a clock set back cannot lock staff out longer).
    void persistTo(std::filesystem::path file, double nowMs, int64_t wallS);

    Result attempt(const std::string& pin, double nowMs);
    bool locked(double nowMs) const { return nowMs < lockedUntilMs_; }
    double lockedUntilMs() const { return lockedUntilMs_; }
    int wrongCount() const { return wrong_; }

  private:
    void save(double nowMs) const;

    Settings settings_;
    std::string hash_;
    std::string pinToHash_; // setPinHashedOnFirstAttempt: "" once hashed
    int wrong_ = 0;         // consecutive wrong PINs (reset by a right one)
    double lockedUntilMs_ = -1;
    std::filesystem::path stateFile_; // "" = in memory only (the development PIN)
    double wallMinusNowMs_ = 0;       // wall ms = nowMs + this
};

} // namespace zj
