#include "core/session/pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace zj {

namespace {
// Moderate Argon2id limits: a verify takes tens of milliseconds and 16 MB on the kiosk, not the
// 64 MB of the "interactive" preset, which would show in the kiosk's memory profile.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = size_t(16) << 20;

bool sodiumReady() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

bool isValidPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hashPin(const std::string& pin) {
    if (!sodiumReady()) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), kOpsLimit, kMemLimit) != 0) return {};
    return out;
}

bool verifyPin(const std::string& pin, const std::string& hash) {
    if (!sodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

PinGate::Result PinGate::attempt(const std::string& pin, double nowMs) {
    if (locked(nowMs)) return Result::LockedOut; // not even checked: no guessing while locked
    if (verifyPin(pin, hash_)) {
        wrong_ = 0;
        return Result::Accepted;
    }
    ++wrong_;
    if (wrong_ >= settings_.freeAttempts) {
        int extra = wrong_ - settings_.freeAttempts; // 0 for the first lockout
        double ms = settings_.lockoutMs * std::pow(2.0, std::min(extra, 20));
        lockedUntilMs_ = nowMs + std::min(ms, settings_.maxLockoutMs);
    }
    return Result::Wrong;
}

} // namespace zj
