// [SECTION] index
//   reading     one layer file: FeatureCollection -> features with kind, names, parts
//   areas       neighbours and water: smoothed (neighbours), buffered (river centrelines),
//               repaired, simplified per band, triangulated, labelled
//   lines       railways: simplified per band into open strips
//   points      airports, ports, the inset's cities
//   entry       processMapLayers
#include "pack/geo_internal.hpp"
#include "pack/geo_smooth.hpp"
#include "pack/sources.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace zj::pack {

using namespace geo;
using nlohmann::json;

namespace {

constexpr double kBandTolerance[kMapBands] = {400.0, 150.0, 40.0}; // as the districts
constexpr double kMinArea = 100'000.0; // m²: smaller parts and holes are specks
constexpr double kLabelTolerance = 200.0;

// [SECTION] reading
// --------------------------------------------------------------------------------------

struct LayerFeature {
    int line = 1;
    std::string field; // "features[3]"
    MapFeature out;
    std::vector<std::vector<Ring>> polygons; // areas: exterior then holes
    std::vector<Ring> lines;                 // lines: open point lists
    double widthM = 0;                       // a river centreline's nominal width
    bool isPoint = false;
    double lon = 0, lat = 0;
};

std::string str(const json& props, const char* key) {
    auto it = props.find(key);
    return it != props.end() && it->is_string() ? it->get<std::string>() : "";
}

double num(const json& props, const char* key, double fallback) {
    auto it = props.find(key);
    return it != props.end() && it->is_number() ? it->get<double>() : fallback;
}

// [lon, lat] -> projected; "" or the problem.
std::string readPosition(const json& pos, std::pair<double, double>& out) {
    if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number())
        return "a position is not [lon, lat]";
    double lon = pos[0].get<double>(), lat = pos[1].get<double>();
    if (!(lon >= -180 && lon <= 180 && lat >= -85 && lat <= 85))
        return "a position is outside lon -180..180 / lat -85..85";
    toMercator(lon, lat, out.first, out.second);
    return "";
}

std::string readPoints(const json& list, Ring& out, size_t minPoints) {
    if (!list.is_array()) return "a line or ring is not an array of positions";
    for (const auto& pos : list) {
        std::pair<double, double> p;
        if (std::string e = readPosition(pos, p); !e.empty()) return e;
        if (out.empty() || out.back() != p) out.push_back(p);
    }
    if (out.size() < minPoints)
        return "a line or ring has fewer than " + std::to_string(minPoints) + " distinct positions";
    return "";
}

std::string readPolygon(const json& rings, std::vector<Ring>& out) {
    if (!rings.is_array() || rings.empty()) return "a polygon has no rings";
    for (const auto& r : rings) {
        out.emplace_back();
        if (std::string e = readPoints(r, out.back(), 4); !e.empty()) return e;
        if (out.back().front() != out.back().back())
            return "a ring is not closed (first position != last)";
    }
    return "";
}

std::string readGeometry(const json& g, LayerFeature& f) {
    if (!g.is_object() || !g.contains("coordinates")) return "missing geometry.coordinates";
    std::string type = str(g, "type");
    const json& c = g["coordinates"];
    if (type == "Polygon") {
        f.polygons.emplace_back();
        return readPolygon(c, f.polygons.back());
    }
    if (type == "MultiPolygon") {
        if (!c.is_array() || c.empty()) return "a MultiPolygon without polygons";
        for (const auto& p : c) {
            f.polygons.emplace_back();
            if (std::string e = readPolygon(p, f.polygons.back()); !e.empty()) return e;
        }
        return "";
    }
    if (type == "LineString") {
        f.lines.emplace_back();
        return readPoints(c, f.lines.back(), 2);
    }
    if (type == "MultiLineString") {
        if (!c.is_array() || c.empty()) return "a MultiLineString without lines";
        for (const auto& l : c) {
            f.lines.emplace_back();
            if (std::string e = readPoints(l, f.lines.back(), 2); !e.empty()) return e;
        }
        return "";
    }
    if (type == "Point") {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number())
            return "a position is not [lon, lat]";
        f.isPoint = true;
        f.lon = c[0].get<double>(), f.lat = c[1].get<double>();
        std::pair<double, double> p;
        return readPosition(c, p);
    }
    return "geometry type '" + type + "' is not supported here";
}

// The feature's kind from the layer and its properties; false for what the map does not show.
bool kindOf(const std::string& layer, const json& props, MapFeatureKind& kind) {
    if (layer == "neighbours") return kind = MapFeatureKind::Neighbour, true;
    if (layer == "water") return kind = MapFeatureKind::Water, true;
    if (layer == "transport") {
        if (str(props, "kind") != "railway") return false; // roads: not in the data yet
        return kind = MapFeatureKind::Railway, true;
    }
    std::string k = str(props, "kind");
    if (k == "city") return kind = MapFeatureKind::City, true;
    if (k == "airport") return kind = MapFeatureKind::Airport, true;
    if (k == "port") return kind = MapFeatureKind::Port, true;
    return false;
}

// Line of the n-th `"type": "Feature"` in the text (1 when not found), for messages.
int featureLine(const std::string& text, size_t n) {
    size_t at = 0;
    for (size_t i = 0; i <= n; ++i) {
        at = text.find("\"Feature\"", at == 0 && i == 0 ? 0 : at + 1);
        if (at == std::string::npos) return 1;
    }
    return 1 + int(std::count(text.begin(), text.begin() + long(at), '\n'));
}

bool readLayer(const std::string& layer, const std::string& shown, const std::string& text,
               std::vector<LayerFeature>& out, Diagnostics& diag) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        diag.error(SourceLoc{shown, 1, "(syntax)"}, std::string("malformed JSON: ") + e.what());
        return false;
    }
    if (!doc.is_object() || str(doc, "type") != "FeatureCollection" || !doc.contains("features") ||
        !doc["features"].is_array()) {
        diag.error(SourceLoc{shown, 1, "type"}, "not a GeoJSON FeatureCollection with features");
        return false;
    }
    bool ok = true;
    size_t index = 0;
    for (const auto& f : doc["features"]) {
        LayerFeature lf;
        lf.field = "features[" + std::to_string(index) + "]";
        lf.line = featureLine(text, index);
        ++index;
        static const json kNoProps = json::object();
        const json& props = f.is_object() && f.contains("properties") && f["properties"].is_object()
                                ? f["properties"]
                                : kNoProps;
        if (!kindOf(layer, props, lf.out.kind)) continue;
        std::string problem = f.is_object() && f.contains("geometry")
                                  ? readGeometry(f["geometry"], lf)
                                  : "missing geometry";
        bool area =
            lf.out.kind == MapFeatureKind::Neighbour || lf.out.kind == MapFeatureKind::Water;
        bool line = lf.out.kind == MapFeatureKind::Railway;
        if (problem.empty() && area && lf.polygons.empty() && lf.lines.empty())
            problem = "an area layer needs a Polygon or MultiPolygon (or a river centreline)";
        if (problem.empty() && line && lf.lines.empty())
            problem = "a railway needs a LineString or MultiLineString";
        if (problem.empty() && !area && !line && !lf.isPoint) problem = "a place needs a Point";
        lf.widthM = num(props, "width_m", 0);
        if (problem.empty() && lf.out.kind == MapFeatureKind::Water && !lf.lines.empty() &&
            !(lf.widthM > 0 && lf.widthM < 50'000))
            problem = "a river centreline needs width_m (metres, 0 < width_m < 50000)";
        if (!problem.empty()) {
            diag.error(SourceLoc{shown, lf.line, lf.field + ".geometry"}, problem);
            ok = false;
            continue;
        }
        std::string zh = str(props, "name_zh"), en = str(props, "name_en");
        if (en.empty()) en = str(props, "name");
        lf.out.name = Text{zh.empty() ? en : zh, en.empty() ? zh : en};
        lf.out.rank = int(num(props, "scalerank", 0));
        lf.out.distanceKm = num(props, "distance_km", 0);
        lf.out.code = str(props, "iata_code");
        lf.out.travelMinutes = num(props, "travel_minutes", 0);
        auto sample = props.find("travel_sample");
        lf.out.travelSample = sample != props.end() && sample->is_boolean() && sample->get<bool>();
        std::string adcode = str(props, "adcode");
        if (adcode.empty() && props.contains("adcode") && props["adcode"].is_number())
            adcode = props["adcode"].dump();
        lf.out.id = layer + "-" + (adcode.empty() ? std::to_string(index - 1) : adcode);
        out.push_back(std::move(lf));
    }
    return ok;
}

// [SECTION] areas
// ----------------------------------------------------------------------------------------

void setBounds(Geos& geos, const GEOSGeometry* g, MapFeature& f) {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    GEOSGeom_getXMin_r(geos.h, g, &minX);
    GEOSGeom_getYMin_r(geos.h, g, &minY);
    GEOSGeom_getXMax_r(geos.h, g, &maxX);
    GEOSGeom_getYMax_r(geos.h, g, &maxY);
    f.minX = float(minX), f.minY = float(minY), f.maxX = float(maxX), f.maxY = float(maxY);
}

// The feature's area: its polygons, plus its centrelines buffered to their width (ground metres
// become Mercator metres by 1/cos(latitude)).
Geom areaGeometry(Geos& geos, const LayerFeature& lf) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& rings : lf.polygons) {
        GEOSGeometry* shell = makeRing(geos, rings[0]);
        std::vector<GEOSGeometry*> holes;
        for (size_t i = 1; i < rings.size(); ++i) holes.push_back(makeRing(geos, rings[i]));
        parts.push_back(
            GEOSGeom_createPolygon_r(geos.h, shell, holes.data(), unsigned(holes.size())));
    }
    Geom polygons(GEOSGeom_createCollection_r(geos.h, GEOS_MULTIPOLYGON, parts.data(),
                                              unsigned(parts.size())),
                  GeomDeleter{geos.h});
    polygons = makeValidArea(geos, std::move(polygons));
    if (!polygons) return polygons;
    for (const auto& line : lf.lines) {
        double midY = line[line.size() / 2].second;
        double lat = std::atan(std::sinh(midY / kEarthRadius));
        double halfWidth = lf.widthM / 2 / std::cos(lat);
        Geom l(makeLine(geos, line), GeomDeleter{geos.h});
        Geom buffered(GEOSBuffer_r(geos.h, l.get(), halfWidth, 8), GeomDeleter{geos.h});
        if (!buffered) return Geom(nullptr, GeomDeleter{geos.h});
        polygons.reset(GEOSUnion_r(geos.h, polygons.get(), buffered.get()));
        if (!polygons) return polygons;
    }
    return polygons;
}

std::string buildArea(Geos& geos, LayerFeature& lf) {
    geos.lastError.clear();
    Geom shape = areaGeometry(geos, lf);
    if (!shape) return "cannot build a valid area: " + geos.lastError;
    shape = dropSpecks(geos, shape.get(), kMinArea);
    if (!shape || GEOSisEmpty_r(geos.h, shape.get())) return "the area has no extent";
    setBounds(geos, shape.get(), lf.out);
    for (int b = 0; b < kMapBands; ++b) {
        DistrictGeometry& band = lf.out.bands[size_t(b)];
        band = DistrictGeometry{};
        band.tolerance = kBandTolerance[b];
        Geom simple(GEOSTopologyPreserveSimplify_r(geos.h, shape.get(), band.tolerance),
                    GeomDeleter{geos.h});
        if (!simple) return "simplification failed: " + geos.lastError;
        Geom cleaned = dropSpecks(geos, simple.get(), kMinArea);
        if (std::string problem = buildBand(geos, cleaned.get(), band); !problem.empty())
            return "band " + std::to_string(b) + ": " + problem;
    }
    double x = 0, y = 0;
    if (!labelPoint(geos, shape.get(), kLabelTolerance, x, y))
        x = (lf.out.minX + lf.out.maxX) / 2.0, y = (lf.out.minY + lf.out.maxY) / 2.0;
    lf.out.labelX = float(x), lf.out.labelY = float(y);
    return "";
}

// [SECTION] lines
// ----------------------------------------------------------------------------------------

std::string buildLines(Geos& geos, LayerFeature& lf) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& line : lf.lines) parts.push_back(makeLine(geos, line));
    Geom all(GEOSGeom_createCollection_r(geos.h, GEOS_MULTILINESTRING, parts.data(),
                                         unsigned(parts.size())),
             GeomDeleter{geos.h});
    if (!all) return "cannot build lines: " + geos.lastError;
    setBounds(geos, all.get(), lf.out);
    for (int b = 0; b < kMapBands; ++b) {
        DistrictGeometry& band = lf.out.bands[size_t(b)];
        band = DistrictGeometry{};
        band.tolerance = kBandTolerance[b];
        Geom simple(GEOSSimplify_r(geos.h, all.get(), band.tolerance), GeomDeleter{geos.h});
        if (!simple) return "simplification failed: " + geos.lastError;
        int n = GEOSGetNumGeometries_r(geos.h, simple.get());
        for (int i = 0; i < n; ++i) {
            band.outlines.emplace_back();
            appendCoords(geos, GEOSGetGeometryN_r(geos.h, simple.get(), i), band.outlines.back(),
                         SIZE_MAX);
            if (band.outlines.back().size() < 4) band.outlines.pop_back();
        }
        if (band.outlines.empty()) return "band " + std::to_string(b) + ": no line left";
    }
    const Ring& first = lf.lines.front();
    lf.out.labelX = float(first[first.size() / 2].first);
    lf.out.labelY = float(first[first.size() / 2].second);
    return "";
}

// Neighbours come from the same quantised source as the districts: the same smoothing.
void smoothNeighbours(std::vector<LayerFeature>& features) {
    smoothFeatureRings(features);
}

} // namespace

// [SECTION] entry
// ----------------------------------------------------------------------------------------

void processMapLayers(Sources& src, Diagnostics& diag) {
    Content& c = src.content;
    c.mapFeatures.clear();
    Geos geos;
    // Drawing order: land, water, rails, points.
    for (const char* layer : {"neighbours", "water", "transport", "places"}) {
        std::string relative = std::string("geo/") + layer + ".geojson";
        std::filesystem::path path = src.root / relative;
        if (!std::filesystem::exists(path)) continue; // every layer is optional
        std::string shown = displayPath(src.root, relative);
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::vector<LayerFeature> features;
        readLayer(layer, shown, ss.str(), features, diag);
        if (std::string(layer) == "neighbours") smoothNeighbours(features);
        for (auto& lf : features) {
            std::string problem;
            switch (lf.out.kind) {
                case MapFeatureKind::Neighbour:
                case MapFeatureKind::Water:
                    problem = buildArea(geos, lf);
                    break;
                case MapFeatureKind::Railway:
                    problem = buildLines(geos, lf);
                    break;
                default: {
                    double x = 0, y = 0;
                    toMercator(lf.lon, lf.lat, x, y);
                    lf.out.labelX = lf.out.minX = lf.out.maxX = float(x);
                    lf.out.labelY = lf.out.minY = lf.out.maxY = float(y);
                }
            }
            if (!problem.empty()) {
                diag.error(SourceLoc{shown, lf.line, lf.field + ".geometry"}, problem);
                continue;
            }
            c.mapFeatures.push_back(std::move(lf.out));
        }
    }
}

} // namespace zj::pack
