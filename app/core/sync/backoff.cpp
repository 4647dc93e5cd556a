#include "core/sync/backoff.hpp"

#include <algorithm>
#include <cmath>

namespace zj {

Backoff::Backoff(const Clock& clock, BackoffPolicy policy, uint64_t seed)
    : clock_(clock), policy_(policy), random_(seed), nextMs_(clock.nowMs()) {}

double Backoff::jitter() {
    if (policy_.jitterMs <= 0) return 0;
    return std::uniform_real_distribution<double>(0, policy_.jitterMs)(random_);
}

void Backoff::onSuccess() {
    failures_ = 0;
    nextMs_ = clock_.nowMs() + policy_.intervalMs + jitter();
}

void Backoff::onFailure() {
    failures_ = std::min(failures_ + 1, 62); // 2^62 * interval is past any cap already
    double wait = std::min(policy_.intervalMs * std::ldexp(1.0, failures_), policy_.maxMs);
    nextMs_ = clock_.nowMs() + std::max(wait, 0.0) + jitter();
}

void Backoff::scheduleNow() {
    nextMs_ = clock_.nowMs();
}

double Backoff::msUntilDue() const {
    return std::max(0.0, nextMs_ - clock_.nowMs());
}

} // namespace zj
