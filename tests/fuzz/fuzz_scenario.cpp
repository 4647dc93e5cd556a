// parseScenario (tests and staff scripts): never crashes; an accepted script has one step per
// command line, with the 1-based line numbers in order.
#include "core/scenario.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    zj::Scenario sc;
    std::string err;
    if (!zj::parseScenario(text, sc, err)) return 0;
    int last = 0;
    for (const auto& step : sc.steps) {
        if (step.line <= last) std::abort();
        last = step.line;
    }
    return 0;
}
