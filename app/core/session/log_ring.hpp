// The app's log: each line goes to stderr (journald) and into a bounded in-memory ring that the
// staff panel shows ("recent log lines"), so staff need no shell to see what went wrong.
#pragma once
#include <string>
#include <vector>

namespace zj {

// printf-style; one line (a trailing newline is added).
void logLine(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void noteLogLine(const std::string& line); // into the ring only (already printed elsewhere)
std::vector<std::string> recentLogLines(size_t max); // oldest first

} // namespace zj
