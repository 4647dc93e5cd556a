#include "platform/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace zj::service {

namespace {

bool underSystemd() {
    // sd_notify is a no-op without NOTIFY_SOCKET too; checking first skips its work per call.
    static const bool present = std::getenv("NOTIFY_SOCKET") != nullptr;
    return present;
}

// The ping interval: a quarter of WatchdogSec (WATCHDOG_USEC), 0 when the unit sets none.
// Read directly rather than through sd_watchdog_enabled(): that one also demands WATCHDOG_PID
// == getpid(), but in the kiosk session the unit's main process is cage and the kiosk its child
// (the unit says NotifyAccess=all so systemd accepts the child's pings).
std::chrono::microseconds watchdogInterval() {
    static const std::chrono::microseconds interval = [] {
        const char* text = std::getenv("WATCHDOG_USEC");
        if (!text || !*text) return std::chrono::microseconds(0);
        char* end = nullptr;
        unsigned long long usec = std::strtoull(text, &end, 10);
        if (*end != 0) return std::chrono::microseconds(0);
        return std::chrono::microseconds(usec / 4);
    }();
    return interval;
}

} // namespace

void notifyReady() {
    static bool sent = false;
    if (sent || !underSystemd()) return;
    sent = true;
    sd_notify(0, "READY=1\nSTATUS=showing content");
}

void notifyWatchdog() {
    if (!underSystemd()) return;
    const auto interval = watchdogInterval();
    if (interval.count() == 0) return;
    using Clock = std::chrono::steady_clock;
    static Clock::time_point last{};
    const Clock::time_point now = Clock::now();
    // 10% slack: a loop waking every second must not skip every other wake-up at a 1 s interval.
    if (last != Clock::time_point{} && now - last < interval * 9 / 10) return;
    last = now;
    sd_notify(0, "WATCHDOG=1");
}

} // namespace zj::service
