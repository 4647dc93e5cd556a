// The monkey's hands: random visitor actions (taps biased towards hit targets, drags, pinches,
// long presses, multi-finger chaos, language switches, staff PINs, idles, rotations) on the
// shared touch driver, with every frame timed so a stuck one fails the run.
#pragma once
#include "testing/touch_driver.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace zj {

// ZJ_MONKEY_SELFTEST=abort|leak|stuck makes the monkey misbehave on purpose from event 20 on,
// so that tests prove each detector fires (tests/monkey/expect-fail.sh).
std::string monkeySelfTest();
void misbehave(const std::string& mode, uint64_t event, std::vector<std::string>& leaked);

double wallSeconds(std::chrono::steady_clock::time_point since);

class MonkeyDriver : public TouchDriver {
  public:
    MonkeyDriver(KioskApp& app, ManualClock& clock, uint64_t seed);

    uint64_t framesDrawn = 0; // every frame, the film's too
    double slowestFrameMs = 0;
    std::set<std::string> screensSeen;
    std::map<std::string, std::pair<double, uint64_t>> frameMsByScreen; // sum, count
    uint64_t langSwitches = 0;
    uint64_t langSwitchesTaken = 0; // switch taps an overlay or a session end took first
    uint64_t pinsTyped = 0;         // PINs entered on the staff keypad ...
    uint64_t pinsRight = 0;         // ... of which the right one (the panel opened)
    uint64_t descheduledFrames = 0; // over 2 s of wall time with the process hardly running
    std::string selfTestMode;       // see misbehave()
    std::vector<std::string> leaked;

    void act(const char* action); // names the action in failures and crash reports
    // One random visitor action (no long idles unless allowed: the soak adds its own).
    void randomAction(bool allowLongIdle);
    // A visitor watching the film to its end; true when the film was found and played.
    bool watchFilm();
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  protected:
    void render() override;

  private:
    void tapTarget(double holdMs);
    void randomPinch();
    void chaos();
    void staffAttempt();
    void wallFrames(double ms);
    bool goHome();
    bool pressKey(const std::string& id);
    void switchLanguage();
    void rotate();
    float randomX();
    float randomY();
    float clampX(float x) const;

    std::mt19937_64 rng_;
};

} // namespace zj
