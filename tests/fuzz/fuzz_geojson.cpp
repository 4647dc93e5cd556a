// The GeoJSON reader and GEOS processing of zjmap-pack (geo.cpp) on the demo's six district ids:
// any bytes give diagnostics, never a crash or an escaped exception.
#include "fuzz_util.hpp"
#include "pack/sources.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& root = zj::fuzz::tempRoot();
    zj::pack::Sources sources;
    sources.root = root;
    zj::fuzz::writeBytes(root / sources.geoFile, data, size);
    for (const char* id : {"321102", "321111", "321112", "321181", "321182", "321183"}) {
        zj::District d;
        d.id = id;
        sources.content.districts.push_back(d);
    }
    zj::pack::Diagnostics diag;
    zj::pack::processGeo(sources, diag);
    return 0;
}
