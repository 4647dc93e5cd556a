#include "core/sync/source.hpp"

#include <cstdio>

namespace zj {

Step Step::fail(std::string why) {
    return {SyncStatus::Failed, oneLine(std::move(why))};
}

Step Step::refuse(std::string why) {
    return {SyncStatus::Refused, oneLine(std::move(why))};
}

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

std::string humanBytes(uint64_t bytes) {
    char buf[64];
    if (bytes >= (uint64_t(1) << 20))
        std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / double(1 << 20));
    else if (bytes >= 1024)
        std::snprintf(buf, sizeof buf, "%.1f kB", double(bytes) / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", (unsigned long long)bytes);
    return buf;
}

std::unique_ptr<Source> openSource(const std::string& url, const SyncOptions& options,
                                   SteadyTime deadline) {
    std::string base = url;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    if (base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0)
        return makeHttpSource(std::move(base), options, deadline);
    // file:///media/usb -> /media/usb (no host part supported)
    std::filesystem::path dir = base.rfind("file://", 0) == 0 ? base.substr(7) : base;
    if (!dir.is_absolute()) return nullptr;
    return makeDirSource(std::move(dir), options);
}

} // namespace zj
