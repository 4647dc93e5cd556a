// One source of time for everything (idle timeout, animations, kinetic scroll, sync backoff),
// so tests can run hours of kiosk life in milliseconds.
#pragma once
#include <cstdint>

namespace zj {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual double nowMs() const = 0;        // monotonic milliseconds
    virtual int64_t wallSeconds() const = 0; // unix time, for schedules and expiry
};

class SystemClock final : public Clock {
  public:
    double nowMs() const override;
    int64_t wallSeconds() const override;
};

// Advanced by hand: scenarios, tests, the monkey. The frame bench also lets it run at the
// steady clock's pace for a while, to time the interactive loop as a visitor sees it.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(double startMs = 0, int64_t wallStart = 1798761600) // 2027-01-01
        : now_(startMs), wallStart_(wallStart), startMs_(startMs) {}
    double nowMs() const override;
    int64_t wallSeconds() const override {
        return wallStart_ + static_cast<int64_t>((nowMs() - startMs_) / 1000.0);
    }
    void advance(double ms) { now_ += ms; }
    // On: time passes as the steady clock's from now on (advance() still adds). Off: it stops
    // again where it got to.
    void followSteadyClock(bool on);

  private:
    double now_;
    int64_t wallStart_;
    double startMs_;
    double followingSinceMs_ = -1; // the steady clock when following began; -1: not following
};

} // namespace zj
