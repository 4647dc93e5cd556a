// When the next sync cycle is due: the interval after a success, doubling after each failure
// (capped), always plus a random jitter so that many kiosks do not hit the server in step.
// Driven by zj::Clock, so tests step through days of retries without sleeping.
#pragma once
#include "core/clock.hpp"

#include <cstdint>
#include <random>

namespace zj {

struct BackoffPolicy {
    double intervalMs = 900e3; // wait after a success (and the base of the doubling)
    double maxMs = 4 * 3600e3; // cap of the doubled wait (jitter comes on top)
    double jitterMs = 120e3;   // uniform 0..jitter added to every wait
};

class Backoff {
  public:
    Backoff(const Clock& clock, BackoffPolicy policy, uint64_t seed = std::random_device{}());

    void onSuccess();   // resets the failure count; next = now + interval + jitter
    void onFailure();   // next = now + min(interval * 2^failures, max) + jitter
    void scheduleNow(); // "sync now": due immediately, failure count kept

    bool due() const { return clock_.nowMs() >= nextMs_; }
    double nextAttemptMs() const { return nextMs_; } // on the clock's monotonic scale
    double msUntilDue() const;                       // 0 when due
    int failures() const { return failures_; }

  private:
    double jitter();

    const Clock& clock_;
    BackoffPolicy policy_;
    std::mt19937_64 random_;
    int failures_ = 0;
    double nextMs_ = 0; // due at construction: the first cycle runs at once
};

} // namespace zj
