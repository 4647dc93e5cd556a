// parseManifest (manifest.json, from any server): never crashes, and whatever it accepts
// survives the canonical round trip unchanged (what is signed is what was read).
#include "core/bundle/manifest.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    zj::Manifest m;
    std::string err;
    if (!zj::parseManifest(text, m, err)) return 0;
    std::string canonical = zj::manifestToJson(m);
    zj::Manifest again;
    if (!zj::parseManifest(canonical, again, err)) std::abort(); // accepted, but not its own output
    if (zj::manifestToJson(again) != canonical) std::abort();
    return 0;
}
