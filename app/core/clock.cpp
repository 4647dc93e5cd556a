#include "core/clock.hpp"

#include <chrono>

namespace zj {

double SystemClock::nowMs() const {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

int64_t SystemClock::wallSeconds() const {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

double ManualClock::nowMs() const {
    if (followingSinceMs_ < 0) return now_;
    return now_ + SystemClock().nowMs() - followingSinceMs_;
}

void ManualClock::followSteadyClock(bool on) {
    if (on == (followingSinceMs_ >= 0)) return;
    if (on) {
        followingSinceMs_ = SystemClock().nowMs();
    } else {
        now_ = nowMs();
        followingSinceMs_ = -1;
    }
}

} // namespace zj
