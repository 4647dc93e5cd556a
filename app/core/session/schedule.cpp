#include "core/session/schedule.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace zj {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

int dayIndex(std::string_view name) {
    static const char* names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::string n = lower(name);
    for (int i = 0; i < 7; ++i)
        if (n == names[i]) return i;
    return -1;
}

// "HH:MM" -> seconds of the day (0 .. 86400).
bool parseTime(std::string_view s, int64_t& out) {
    s = trim(s);
    size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon != 3)
        return false;
    int h = 0, m = 0;
    for (size_t i = 0; i < colon; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        h = h * 10 + (s[i] - '0');
    }
    for (size_t i = colon + 1; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        m = m * 10 + (s[i] - '0');
    }
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
    out = h * 3600 + m * 60;
    return true;
}

} // namespace

int64_t WeeklySchedule::secondOfWeek(int64_t t) {
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t weekday = ((days + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday (mon = 0)
    return weekday * 86400 + (t - days * 86400);
}

bool WeeklySchedule::parse(std::string_view text, WeeklySchedule& out, std::string& err) {
    WeeklySchedule result;
    result.text_ = std::string(trim(text));
    std::string_view rest = text;
    while (!rest.empty()) {
        size_t sep = rest.find_first_of(",;");
        std::string_view entry = trim(rest.substr(0, sep));
        rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
        if (entry.empty()) continue;
        size_t space = entry.find_first_of(" \t");
        if (space == std::string_view::npos) {
            err = "\"" + std::string(entry) + "\": expected days and a time range";
            return false;
        }
        std::string_view days = trim(entry.substr(0, space));
        std::string_view times = trim(entry.substr(space + 1));
        int first = 0, last = 6;
        if (lower(days) != "daily") {
            size_t dash = days.find('-');
            first = dayIndex(days.substr(0, dash));
            last = dash == std::string_view::npos ? first : dayIndex(days.substr(dash + 1));
            if (first < 0 || last < 0) {
                err = "\"" + std::string(days) + "\": expected mon..sun, a range or daily";
                return false;
            }
        }
        size_t dash = times.find('-');
        int64_t from = 0, to = 0;
        if (dash == std::string_view::npos || !parseTime(times.substr(0, dash), from) ||
            !parseTime(times.substr(dash + 1), to) || from >= 86400) {
            err = "\"" + std::string(times) + "\": expected HH:MM-HH:MM";
            return false;
        }
        int64_t length = to > from ? to - from : to + 86400 - from; // past midnight
        for (int d = first;; d = (d + 1) % 7) {
            result.intervals_.push_back({d * 86400 + from, length});
            if (d == last) break;
        }
    }
    out = std::move(result);
    return true;
}

bool WeeklySchedule::isOpen(int64_t t) const {
    if (intervals_.empty()) return true;
    int64_t s = secondOfWeek(t);
    for (const Interval& i : intervals_) {
        int64_t offset = ((s - i.start) % kWeekS + kWeekS) % kWeekS; // wraps over Sunday night
        if (offset < i.length) return true;
    }
    return false;
}

int64_t WeeklySchedule::nextChange(int64_t t) const {
    if (intervals_.empty()) return -1;
    int64_t s = secondOfWeek(t);
    std::vector<int64_t> deltas; // seconds from now to every boundary, in (0, week]
    for (const Interval& i : intervals_) {
        for (int64_t b : {i.start, (i.start + i.length) % kWeekS}) {
            int64_t d = ((b - s) % kWeekS + kWeekS) % kWeekS;
            deltas.push_back(d == 0 ? kWeekS : d);
        }
    }
    std::sort(deltas.begin(), deltas.end());
    bool now = isOpen(t);
    for (int64_t d : deltas)
        if (isOpen(t + d) != now) return t + d;
    return -1; // boundaries that cancel out (e.g. "daily 00:00-24:00"): never changes
}

const char* WeeklySchedule::describeGlyphs() {
    return "周一二三四五六日至每天、；–:0123456789 MonTueWedThuFriSatSunDaily,;";
}

Text WeeklySchedule::describe() const {
    if (intervals_.empty()) return {};
    // Days that share one time range form a group; each group lists its days as runs.
    struct Span {
        int64_t from, length;
        bool operator<(const Span& o) const {
            return from != o.from ? from < o.from : length < o.length;
        }
    };
    std::map<Span, bool[7]> days;
    for (const Interval& i : intervals_) {
        bool(&set)[7] = days[{i.start % 86400, i.length}];
        set[i.start / 86400] = true;
    }
    static const char* zhDays[7] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    static const char* enDays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    auto clock = [](int64_t secondOfDay) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", int(secondOfDay / 3600),
                      int(secondOfDay / 60 % 60));
        return std::string(buf);
    };
    struct Group {
        int firstDay;
        std::string zh, en;
    };
    std::vector<Group> groups;
    for (const auto& [span, set] : days) {
        std::string zh, en;
        int count = 0;
        for (int d = 0; d < 7; ++d) count += set[d];
        if (count == 7) {
            zh = "每天";
            en = "Daily";
        } else {
            for (int d = 0; d < 7;) {
                if (!set[d]) {
                    ++d;
                    continue;
                }
                int end = d;
                while (end + 1 < 7 && set[end + 1]) ++end;
                if (!zh.empty()) {
                    zh += "、";
                    en += ", ";
                }
                zh += zhDays[d];
                en += enDays[d];
                if (end > d) {
                    zh += std::string(end - d > 1 ? "至" : "、") + zhDays[end];
                    en += std::string(end - d > 1 ? "–" : ", ") + enDays[end];
                }
                d = end + 1;
            }
        }
        int64_t to = span.from + span.length;
        std::string range = clock(span.from) + "–" + (to == 86400 ? "24:00" : clock(to % 86400));
        int first = 0;
        while (!set[first]) ++first;
        groups.push_back({first, zh + " " + range, en + " " + range});
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.firstDay < b.firstDay; });
    Text out;
    for (const Group& g : groups) {
        if (!out.zh.empty()) {
            out.zh += "；";
            out.en += "; ";
        }
        out.zh += g.zh;
        out.en += g.en;
    }
    return out;
}

} // namespace zj
