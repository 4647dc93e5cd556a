#include "core/failpoint.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <unistd.h>

namespace zj {

namespace {

struct FailpointConfig {
    bool armed = false;
    std::string killAt; // NAME of ZJ_FAILPOINT
    long killAtHit = 1; // N of ZJ_FAILPOINT (1 = the first pass)
    std::string trace;  // ZJ_FAILPOINT_TRACE
    std::mutex mutex;   // sync worker and main thread may both pass points
    std::map<std::string, long> hits;
};

FailpointConfig& config() {
    static FailpointConfig* c = [] {
        auto* cfg = new FailpointConfig; // never destroyed: points may be passed during exit
        if (const char* at = std::getenv("ZJ_FAILPOINT"); at && *at) {
            std::string spec = at;
            size_t hash = spec.rfind('#');
            cfg->killAt = spec.substr(0, hash);
            if (hash != std::string::npos) cfg->killAtHit = std::atol(spec.c_str() + hash + 1);
            cfg->armed = true;
        }
        if (const char* trace = std::getenv("ZJ_FAILPOINT_TRACE"); trace && *trace) {
            cfg->trace = trace;
            cfg->armed = true;
        }
        return cfg;
    }();
    return *c;
}

} // namespace

void failpoint(const char* name) {
    FailpointConfig& c = config();
    if (!c.armed) return;
    std::lock_guard<std::mutex> lock(c.mutex);
    long hit = ++c.hits[name];
    if (!c.trace.empty()) {
        if (FILE* f = std::fopen(c.trace.c_str(), "a")) {
            std::fprintf(f, "%s\n", name);
            std::fclose(f);
        }
    }
    if (name == c.killAt && hit == c.killAtHit) ::kill(::getpid(), SIGKILL);
}

} // namespace zj
