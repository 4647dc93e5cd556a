#include "core/pack_output.hpp"

#include <vector>

namespace zj {

namespace {
constexpr size_t kMaxBytes = 300;

std::string cut(std::string_view line) {
    if (line.size() <= kMaxBytes) return std::string(line);
    size_t n = kMaxBytes;
    while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n; // not mid-char
    return std::string(line.substr(0, n)) + "…";
}
} // namespace

std::string firstBuildError(std::string_view output) {
    std::vector<std::string_view> lines;
    for (size_t start = 0; start < output.size();) {
        size_t end = output.find('\n', start);
        if (end == std::string_view::npos) end = output.size();
        std::string_view line = output.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) lines.push_back(line);
        start = end + 1;
    }
    for (std::string_view line : lines) {
        if (line.find("warning:") != std::string_view::npos) continue;
        if (line.starts_with("zjmap-pack build:")) continue;
        if (line.find(':') == std::string_view::npos) continue;
        return cut(line);
    }
    return lines.empty() ? std::string() : cut(lines.back());
}

} // namespace zj
