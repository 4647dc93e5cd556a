// The weekly display hours, e.g. "mon-fri 09:00-18:00, sat 10:00-16:00". Entries are separated
// by ',' or ';'; days are mon tue wed thu fri sat sun, a range (fri-mon wraps over the week
// end) or "daily"; a time range whose end is not after its start runs past midnight into the
// next day ("fri 20:00-02:00"); "24:00" is the end of a day. Times are local wall time: callers
// pass unix seconds already shifted by the UTC offset. An empty schedule is always open.
#pragma once
#include "core/lang.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

class WeeklySchedule {
  public:
    static constexpr int64_t kWeekS = 7 * 86400;

    // Parses `text`; on failure `err` names the part it could not read.
    static bool parse(std::string_view text, WeeklySchedule& out, std::string& err);

    bool alwaysOpen() const { return intervals_.empty(); }
    bool isOpen(int64_t localUnixSeconds) const;
    // The next local time after `localUnixSeconds` at which isOpen() changes; -1 if never.
    int64_t nextChange(int64_t localUnixSeconds) const;
    const std::string& text() const { return text_; } // as configured (staff panel, logs)
    // The hours for visitors, in both languages: days with the same hours grouped into runs,
    // e.g. {"周一至周五 09:00–18:00；周六 10:00–16:00", "Mon–Fri 09:00–18:00; Sat 10:00–16:00"}.
    // Empty for an always-open schedule.
    Text describe() const;
    static const char* describeGlyphs(); // every character describe() may write (font atlas)

    static int64_t secondOfWeek(int64_t localUnixSeconds); // Monday 00:00 = 0

  private:
    struct Interval {
        int64_t start;  // second of the week, 0 .. kWeekS-1
        int64_t length; // seconds, 1 .. kWeekS
    };
    std::vector<Interval> intervals_;
    std::string text_;
};

} // namespace zj
