// Plays a scenario (core/scenario.hpp) against the real app through the real SDL event path
// (SDL_PushEvent of finger events) on a simulated clock. See tests/ui/README.md.
#pragma once
#include "core/clock.hpp"
#include "core/scenario.hpp"

#include <string>

namespace zj {

class KioskApp;

struct ScenarioRunOptions {
    std::string file;     // for messages
    std::string shotsDir; // where `shot NAME` writes NAME.png; empty: shots are not written
    // Where layout lint findings go instead of failing the scenario (the proof sheet: one line
    // per finding, "SHOT<TAB>SCREEN<TAB>LANG<TAB>WxH<TAB>finding"); empty: findings fail.
    std::string lintReport;
};

// Returns 0 when every expectation held; otherwise prints "FILE:LINE: ..." and returns 1.
int runScenario(KioskApp& app, ManualClock& clock, const Scenario& scenario,
                const ScenarioRunOptions& options);

} // namespace zj
