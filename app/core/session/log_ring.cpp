#include "core/session/log_ring.hpp"

#include <cstdarg>
#include <cstdio>
#include <deque>
#include <mutex>

namespace zj {

namespace {
constexpr size_t kRingLines = 200; // bounded: a kiosk runs for months
std::mutex gMutex;
std::deque<std::string> gRing;
} // namespace

void noteLogLine(const std::string& line) {
    std::lock_guard<std::mutex> lock(gMutex);
    gRing.push_back(line.size() > 300 ? line.substr(0, 300) : line);
    while (gRing.size() > kRingLines) gRing.pop_front();
}

void logLine(const char* fmt, ...) {
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    std::fprintf(stderr, "zjmap-kiosk: %s\n", buf);
    noteLogLine(buf);
}

std::vector<std::string> recentLogLines(size_t max) {
    std::lock_guard<std::mutex> lock(gMutex);
    size_t n = std::min(max, gRing.size());
    return std::vector<std::string>(gRing.end() - static_cast<std::ptrdiff_t>(n), gRing.end());
}

} // namespace zj
