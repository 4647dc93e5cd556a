// Names of the model's enums as they appear in sources and content.db.
#include "core/content/model.hpp"

#include <algorithm>

namespace zj {

const char* parkLevelName(ParkLevel level) {
    switch (level) {
        case ParkLevel::National:
            return "national";
        case ParkLevel::Provincial:
            return "provincial";
        case ParkLevel::Special:
            return "special";
    }
    return "provincial";
}

bool parseParkLevel(std::string_view text, ParkLevel& out) {
    if (text == "national")
        out = ParkLevel::National;
    else if (text == "provincial")
        out = ParkLevel::Provincial;
    else if (text == "special")
        out = ParkLevel::Special;
    else
        return false;
    return true;
}

namespace {
struct MapKindName {
    MapFeatureKind kind;
    const char* name;
};
constexpr MapKindName kMapKindNames[] = {
    {MapFeatureKind::Neighbour, "neighbour"}, {MapFeatureKind::Water, "water"},
    {MapFeatureKind::Railway, "railway"},     {MapFeatureKind::Airport, "airport"},
    {MapFeatureKind::Port, "port"},           {MapFeatureKind::City, "city"},
};
} // namespace

const char* mapFeatureKindName(MapFeatureKind k) {
    for (const auto& n : kMapKindNames)
        if (n.kind == k) return n.name;
    return "neighbour";
}

bool parseMapFeatureKind(const std::string& s, MapFeatureKind& out) {
    for (const auto& n : kMapKindNames)
        if (s == n.name) {
            out = n.kind;
            return true;
        }
    return false;
}

const char* chainStageName(ChainStage stage) {
    switch (stage) {
        case ChainStage::Upstream:
            return "upstream";
        case ChainStage::Midstream:
            return "midstream";
        case ChainStage::Downstream:
            return "downstream";
    }
    return "midstream";
}

bool parseChainStage(std::string_view text, ChainStage& out) {
    if (text == "upstream")
        out = ChainStage::Upstream;
    else if (text == "midstream")
        out = ChainStage::Midstream;
    else if (text == "downstream")
        out = ChainStage::Downstream;
    else
        return false;
    return true;
}

} // namespace zj

namespace zj {

void computeMapBounds(Content& c) {
    c.mapMinX = c.mapMinY = c.mapMaxX = c.mapMaxY = 0;
    bool first = true;
    for (const auto& d : c.districts) {
        c.mapMinX = first ? d.minX : std::min(c.mapMinX, d.minX);
        c.mapMinY = first ? d.minY : std::min(c.mapMinY, d.minY);
        c.mapMaxX = first ? d.maxX : std::max(c.mapMaxX, d.maxX);
        c.mapMaxY = first ? d.maxY : std::max(c.mapMaxY, d.maxY);
        first = false;
    }
}

} // namespace zj
