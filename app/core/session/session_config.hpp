// The kiosk.toml tables owned by the session layer (core/sync/config.cpp ignores them):
//   [attract]   idle_timeout_s, prompt_s, slide_s
//   [staff]     pin_hash, development_pin, idle_timeout_s, tour_auto_advance_s, volume
//   [display]   hours ("mon-fri 09:00-18:00, sat 10:00-16:00"; empty = always on),
//               closed ("clock" | "black"), utc_offset_minutes (default: the system's)
//   [analytics] enabled, max_rows, max_days
// Unknown keys in these tables are errors naming file, line and key.
#pragma once
#include "core/session/schedule.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zj {

struct SessionConfig {
    double idleTimeoutS = 60;          // [attract] no touch this long -> "Still there?"
    double promptS = 15;               // [attract] the prompt's countdown
    double slideS = 7;                 // [attract] one slideshow photo
    std::string pinHash;               // [staff] hashPin() output; empty: state/staff-pin (pin.hpp)
    bool developmentPin = false;       // [staff] development_pin / --development-pin: 2468
    bool pinHashWorldReadable = false; // the file holding pin_hash is readable by every user
    double staffIdleTimeoutS = 300;    // [staff] a forgotten panel closes after this
    double tourAutoAdvanceS = 0;       // [staff] lobby tours: next stop after this (0 = by hand)
    int volume = 70;                   // [staff] 0..100, for the video player
    WeeklySchedule hours;              // [display] empty: always open
    bool closedBlack = false;          // [display] closed = "black" (else a dim clock)
    std::optional<int> utcOffsetMinutes; // [display] none: the system time zone
    bool analytics = true;               // [analytics] enabled
    int64_t analyticsMaxRows = 200000;   // [analytics]
    int64_t analyticsMaxDays = 400;      // [analytics]
    std::string loadedFrom;              // the file read ("" = defaults)
};

bool parseSessionConfig(std::string_view text, const std::string& fileName, SessionConfig& out,
                        std::string& err);
bool loadSessionConfig(const std::filesystem::path& file, SessionConfig& out, std::string& err);

} // namespace zj
