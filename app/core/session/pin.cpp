#include "core/session/pin.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/file_util.hpp"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace zj {

namespace fs = std::filesystem;

namespace {
// Moderate Argon2id limits: a verify takes tens of milliseconds and 16 MB on the kiosk, not the
// 64 MB of the "interactive" preset, which would show in the kiosk's memory profile.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = size_t(16) << 20;

bool sodiumReady() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}
} // namespace

bool isValidPin(const std::string& pin) {
    return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
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

// [SECTION] The PIN set on this kiosk

fs::path storedPinFile(const fs::path& dataDir) {
    return DataDir(dataDir).staffPin();
}

std::string loadStoredPinHash(const fs::path& dataDir, std::string& err) {
    const fs::path file = storedPinFile(dataDir);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) return {};
    std::string text;
    if (!fileutil::readRegularFile(file, text, err, 1024)) return {};
    text = trimmed(text);
    if (text.rfind("$argon2id$", 0) != 0 || text.size() >= crypto_pwhash_STRBYTES) {
        err = file.string() + ": not an Argon2id PIN hash (ignored)";
        return {};
    }
    return text;
}

bool saveStoredPin(const fs::path& dataDir, const std::string& pin, std::string& hashOut,
                   std::string& err) {
    if (!isValidPin(pin)) {
        err = "a staff PIN has " + std::to_string(kMinPinDigits) + " to " +
              std::to_string(kMaxPinDigits) + " digits";
        return false;
    }
    std::error_code ec;
    if (!fs::is_directory(dataDir, ec)) {
        err = dataDir.string() + ": no data directory to keep the PIN in";
        return false;
    }
    const fs::path state = DataDir(dataDir).state();
    if (::mkdir(state.c_str(), 0755) != 0 && errno != EEXIST) {
        err = state.string() + ": cannot create directory: " + std::strerror(errno);
        return false;
    }
    std::string hash = hashPin(pin);
    if (hash.empty()) {
        err = "cannot hash the PIN (out of memory?)";
        return false;
    }
    if (!fileutil::writeFileAtomic(storedPinFile(dataDir), hash + "\n", err, 0600)) return false;
    hashOut = std::move(hash);
    return true;
}

// [SECTION] The gate

void PinGate::persistTo(fs::path file, double nowMs, int64_t wallS) {
    stateFile_ = std::move(file);
    wallMinusNowMs_ = double(wallS) * 1000.0 - nowMs;
    std::string text, err;
    if (!fileutil::readRegularFile(stateFile_, text, err, 256)) return; // none yet: a clean slate
    long long wrong = 0, until = 0;
    if (std::sscanf(text.c_str(), "wrong %lld\nlocked_until %lld", &wrong, &until) != 2) return;
    wrong_ = int(std::clamp(wrong, 0LL, 1000LL));
    double leftMs = (double(until) - double(wallS)) * 1000.0;
    if (leftMs > 0) lockedUntilMs_ = nowMs + std::min(leftMs, settings_.maxLockoutMs);
}

void PinGate::save(double nowMs) const {
    if (stateFile_.empty()) return;
    long long until =
        locked(nowMs) ? (long long)std::ceil((lockedUntilMs_ + wallMinusNowMs_) / 1000.0) : 0;
    std::string text =
        "wrong " + std::to_string(wrong_) + "\nlocked_until " + std::to_string(until) + "\n";
    std::string err;
    fileutil::writeFileAtomic(stateFile_, text, err, 0600); // best effort: the gate still works
}

PinGate::Result PinGate::attempt(const std::string& pin, double nowMs) {
    if (locked(nowMs)) return Result::LockedOut; // not even checked: no guessing while locked
    if (!pinToHash_.empty()) {
        hash_ = hashPin(pinToHash_);
        pinToHash_.clear();
    }
    if (verifyPin(pin, hash_)) {
        if (wrong_ != 0) {
            wrong_ = 0;
            save(nowMs);
        }
        return Result::Accepted;
    }
    ++wrong_;
    if (wrong_ >= settings_.freeAttempts) {
        int extra = wrong_ - settings_.freeAttempts; // 0 for the first lockout
        double ms = settings_.lockoutMs * std::pow(2.0, std::min(extra, 20));
        lockedUntilMs_ = nowMs + std::min(ms, settings_.maxLockoutMs);
    }
    save(nowMs); // before answering: a power cut right after a wrong PIN still counts it
    return Result::Wrong;
}

} // namespace zj
