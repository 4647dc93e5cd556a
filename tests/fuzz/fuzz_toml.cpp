// The content TOML loader (zjmap-pack's source_loader.cpp): the first byte picks which of the
// twelve source files the rest becomes; the loader must report problems, never crash or throw.
#include "fuzz_util.hpp"
#include "pack/sources.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const char* const kFiles[] = {"site.toml",      "photos.toml",   "modules.toml",
                                         "districts.toml", "parks.toml",    "industries.toml",
                                         "projects.toml",  "policies.toml", "events.toml",
                                         "contacts.toml",  "tours.toml",    "attributions.toml"};
    if (size < 1) return 0;
    const auto& root = zj::fuzz::tempRoot();
    for (const char* f : kFiles) std::filesystem::remove(root / f);
    zj::fuzz::writeBytes(root / kFiles[data[0] % 12], data + 1, size - 1);
    zj::pack::Sources sources;
    zj::pack::Diagnostics diag;
    zj::pack::loadSources(root, sources, diag);
    zj::pack::validateSources(sources, diag);
    return 0;
}
