// [SECTION] index
//   projection   WGS84 degrees -> Web Mercator metres
//   GeoJSON      parse and shape-check the FeatureCollection (nlohmann-json), with line numbers
//   GEOS         validity, per-band simplification, constrained Delaunay triangles, outlines,
//                label point (maximum inscribed circle)
//   smoothing    spike/notch filter and Chaikin over all district rings (geo_smooth.hpp)
//   entry        processGeo: fills content.districts and the parks' x/y
#include "pack/geo_internal.hpp"
#include "pack/geo_smooth.hpp"
#include "pack/sources.hpp"

#include <geos_c.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

namespace zj::pack {

namespace fs = std::filesystem;
using nlohmann::json;

// Simplification tolerance per zoom band (coarse -> fine), metres.
static constexpr double kBandTolerance[kMapBands] = {400.0, 150.0, 40.0};
static constexpr double kMinArea = 100'000.0;   // m²: smaller parts and holes are specks
static constexpr double kLabelTolerance = 50.0; // metres, maximum inscribed circle precision

// [SECTION] projection
// --------------------------------------------------------------------------------

using namespace geo;

void geo::toMercator(double lon, double lat, double& x, double& y) {
    constexpr double deg = M_PI / 180.0;
    x = kEarthRadius * lon * deg;
    y = kEarthRadius * std::log(std::tan(M_PI / 4.0 + lat * deg / 2.0));
}

// [SECTION] GeoJSON
// -----------------------------------------------------------------------------------

using PolygonRings = std::vector<Ring>; // exterior first, then holes

struct Feature {
    std::string id;
    int line = 1; // where its id appears in the file
    std::vector<PolygonRings> polygons;
    std::optional<std::pair<double, double>> center; // projected `center` property
};

// 1-based line of a byte offset.
static int lineAt(const std::string& text, size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + int(std::count(text.begin(), text.begin() + long(offset), '\n'));
}

// Removes zero-width spikes (A, B, A -> A): the source boundaries are quantised to 1/1024 degree,
// which leaves back-and-forth steps that GEOS rightly calls self-intersections. Crossing edges
// are not touched (they stay errors). `ring` is closed; the result is closed.
static void removeSpikes(Ring& ring) {
    ring.pop_back(); // work on the open ring, cyclically
    bool changed = true;
    while (changed && ring.size() >= 3) {
        changed = false;
        Ring kept;
        kept.reserve(ring.size());
        for (size_t i = 0; i < ring.size(); ++i) {
            const auto& prev = kept.empty() ? ring.back() : kept.back();
            const auto& next = ring[(i + 1) % ring.size()];
            if (prev == next || ring[i] == prev) { // a spike tip, or a repeat left by one
                changed = true;
                continue;
            }
            kept.push_back(ring[i]);
        }
        ring.swap(kept);
    }
    if (!ring.empty()) ring.push_back(ring.front());
}

// Reads one ring of [lon, lat] positions; "" or the problem.
static std::string readRing(const json& ring, Ring& out) {
    if (!ring.is_array()) return "a ring is not an array of positions";
    for (const auto& pos : ring) {
        if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number())
            return "a position is not [lon, lat]";
        double lon = pos[0].get<double>(), lat = pos[1].get<double>();
        if (!(lon >= -180 && lon <= 180 && lat >= -85 && lat <= 85))
            return "a position is outside lon -180..180 / lat -85..85";
        double x, y;
        toMercator(lon, lat, x, y);
        if (out.empty() || out.back() != std::make_pair(x, y)) out.emplace_back(x, y);
    }
    if (out.size() < 4) return "a ring has fewer than 4 distinct positions";
    if (out.front() != out.back()) return "a ring is not closed (first position != last)";
    removeSpikes(out);
    if (out.size() < 4) return "a ring collapses to a line";
    return "";
}

static std::string readPolygon(const json& rings, PolygonRings& out) {
    if (!rings.is_array() || rings.empty()) return "a polygon has no rings";
    for (const auto& r : rings) {
        out.emplace_back();
        if (std::string problem = readRing(r, out.back()); !problem.empty()) return problem;
    }
    return "";
}

// obj["key"] when it is a string, else "". json::value() would throw type_error for a number
// there and take zjmap-pack down (found with the fuzz_geojson harness: {"type": 1}).
static std::string stringMember(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

// json::parse, its exceptions reported at the line they point to.
static bool parseJsonText(const std::string& shown, const std::string& text, json& doc,
                          Diagnostics& diag) {
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        size_t at = e.byte > 0 ? e.byte - 1 : 0;
        size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
        int column = int(at - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
        diag.error(SourceLoc{shown, lineAt(text, at), "(syntax)", column},
                   std::string("malformed JSON: ") + e.what());
        return false;
    } catch (const json::exception& e) { // e.g. a number too large for a double (out_of_range)
        // "number overflow parsing '1e999'": point at the number's line when it can be found.
        std::string what = e.what();
        size_t q = what.find("parsing '");
        int line = 1;
        if (q != std::string::npos) {
            std::string token = what.substr(q + 9, what.find('\'', q + 9) - (q + 9));
            size_t at = token.empty() ? std::string::npos : text.find(token);
            if (at != std::string::npos) line = lineAt(text, at);
        }
        diag.error(SourceLoc{shown, line, "(number)"}, "unreadable JSON: " + what);
        return false;
    }
    return true;
}

// A feature's Polygon or MultiPolygon into feature.polygons; the problem, or "".
static std::string readGeometry(const json& f, Feature& feature) {
    const json* geometry = f.contains("geometry") ? &f["geometry"] : nullptr;
    std::string type = geometry && geometry->is_object() ? stringMember(*geometry, "type") : "";
    const json* coords = geometry && geometry->is_object() && geometry->contains("coordinates")
                             ? &(*geometry)["coordinates"]
                             : nullptr;
    if (!coords) return "missing geometry.coordinates";
    if (type == "Polygon") {
        feature.polygons.emplace_back();
        return readPolygon(*coords, feature.polygons.back());
    }
    if (type != "MultiPolygon")
        return "geometry type '" + type + "' is not Polygon or MultiPolygon";
    if (!coords->is_array() || coords->empty()) return "a MultiPolygon without polygons";
    for (const auto& poly : *coords) {
        feature.polygons.emplace_back();
        std::string problem = readPolygon(poly, feature.polygons.back());
        if (!problem.empty()) return problem;
    }
    return "";
}

// properties.center ([lon, lat]), when given, in Mercator metres.
static void readCenter(const json& f, Feature& feature) {
    if (!f.contains("properties") || !f["properties"].is_object()) return;
    const json& props = f["properties"];
    if (props.contains("center") && props["center"].is_array() && props["center"].size() == 2 &&
        props["center"][0].is_number() && props["center"][1].is_number()) {
        double x, y;
        toMercator(props["center"][0].get<double>(), props["center"][1].get<double>(), x, y);
        feature.center = std::make_pair(x, y);
    }
}

// Parses and shape-checks the GeoJSON; reports at the geo file with the feature's line.
static bool readGeoJson(const std::string& shown, const std::string& text,
                        std::vector<Feature>& out, Diagnostics& diag) {
    json doc;
    if (!parseJsonText(shown, text, doc, diag)) return false;
    if (!doc.is_object() || stringMember(doc, "type") != "FeatureCollection" ||
        !doc.contains("features") || !doc["features"].is_array()) {
        diag.error(SourceLoc{shown, 1, "type"}, "not a GeoJSON FeatureCollection with features");
        return false;
    }
    bool ok = true;
    size_t index = 0;
    for (const auto& f : doc["features"]) {
        Feature feature;
        std::string field = "features[" + std::to_string(index++) + "]";
        if (f.is_object() && f.contains("id") && (f["id"].is_string() || f["id"].is_number()))
            feature.id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
        if (feature.id.empty()) {
            diag.error(SourceLoc{shown, 1, field + ".id"}, "feature without an id");
            ok = false;
            continue;
        }
        field = "feature[" + feature.id + "]";
        size_t pos = text.find("\"" + feature.id + "\"");
        feature.line = pos == std::string::npos ? 1 : lineAt(text, pos);
        if (std::string problem = readGeometry(f, feature); !problem.empty()) {
            diag.error(SourceLoc{shown, feature.line, field + ".geometry"}, problem);
            ok = false;
            continue;
        }
        readCenter(f, feature);
        out.push_back(std::move(feature));
    }
    return ok;
}

// [SECTION] GEOS
// --------------------------------------------------------------------------------------

namespace geo {

Geos::Geos() {
    GEOSContext_setErrorMessageHandler_r(
        h,
        [](const char* fmt, void* self) {
            static_cast<Geos*>(self)->lastError = fmt; // GEOS passes the finished message
        },
        this);
}

GEOSGeometry* makeRing(Geos& geos, const Ring& ring) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos.h, unsigned(ring.size()), 2);
    for (size_t i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(geos.h, seq, unsigned(i), ring[i].first, ring[i].second);
    return GEOSGeom_createLinearRing_r(geos.h, seq);
}

GEOSGeometry* makeLine(Geos& geos, const Ring& points) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(geos.h, unsigned(points.size()), 2);
    for (size_t i = 0; i < points.size(); ++i)
        GEOSCoordSeq_setXY_r(geos.h, seq, unsigned(i), points[i].first, points[i].second);
    return GEOSGeom_createLineString_r(geos.h, seq);
}

Geom makeGeometry(Geos& geos, const Feature& f) {
    std::vector<GEOSGeometry*> polygons;
    for (const auto& rings : f.polygons) {
        GEOSGeometry* shell = makeRing(geos, rings[0]);
        std::vector<GEOSGeometry*> holes;
        for (size_t i = 1; i < rings.size(); ++i) holes.push_back(makeRing(geos, rings[i]));
        polygons.push_back(
            GEOSGeom_createPolygon_r(geos.h, shell, holes.data(), unsigned(holes.size())));
    }
    return Geom(GEOSGeom_createCollection_r(geos.h, GEOS_MULTIPOLYGON, polygons.data(),
                                            unsigned(polygons.size())),
                GeomDeleter{geos.h});
}

void appendCoords(Geos& geos, const GEOSGeometry* line, std::vector<float>& out, size_t maxPoints) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos.h, line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(geos.h, seq, &n);
    for (unsigned i = 0; i < n && i < maxPoints; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(geos.h, seq, i, &x, &y);
        out.push_back(float(x));
        out.push_back(float(y));
    }
}

// Area of a ring as a polygon, square metres.
double ringArea(Geos& geos, const GEOSGeometry* ring) {
    Geom polygon(GEOSGeom_createPolygon_r(geos.h, GEOSGeom_clone_r(geos.h, ring), nullptr, 0),
                 GeomDeleter{geos.h});
    double area = 0;
    if (polygon) GEOSArea_r(geos.h, polygon.get(), &area);
    return area;
}

// Drops polygons and holes smaller than `minArea`: the quantised source leaves specks of half a
// grid cell (~7000 m²) that no one can see on the map, and GEOS 3.11's triangulator trips over
// some of them. Returns a MultiPolygon.
Geom dropSpecks(Geos& geos, const GEOSGeometry* shape, double minArea) {
    std::vector<GEOSGeometry*> polygons;
    int parts = GEOSGetNumGeometries_r(geos.h, shape);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(geos.h, shape, p);
        if (GEOSisEmpty_r(geos.h, poly)) continue;
        const GEOSGeometry* shell = GEOSGetExteriorRing_r(geos.h, poly);
        if (ringArea(geos, shell) < minArea) continue;
        std::vector<GEOSGeometry*> holes;
        for (int k = 0; k < GEOSGetNumInteriorRings_r(geos.h, poly); ++k) {
            const GEOSGeometry* hole = GEOSGetInteriorRingN_r(geos.h, poly, k);
            if (ringArea(geos, hole) >= minArea) holes.push_back(GEOSGeom_clone_r(geos.h, hole));
        }
        polygons.push_back(GEOSGeom_createPolygon_r(geos.h, GEOSGeom_clone_r(geos.h, shell),
                                                    holes.data(), unsigned(holes.size())));
    }
    return Geom(GEOSGeom_createCollection_r(geos.h, GEOS_MULTIPOLYGON, polygons.data(),
                                            unsigned(polygons.size())),
                GeomDeleter{geos.h});
}

// Triangles of one polygon, appended to `out`; false when GEOS cannot triangulate it.
bool triangulate(Geos& geos, const GEOSGeometry* polygon, std::vector<float>& out) {
    Geom triangles(GEOSConstrainedDelaunayTriangulation_r(geos.h, polygon), GeomDeleter{geos.h});
    // The ear clipper gives up on some nearly-degenerate rings (collinear runs, a vertex on
    // another ring's edge). A zero buffer, then snapping to a 1 m and a 10 m grid, normalise them.
    for (int attempt = 0; attempt < 3 && !triangles; ++attempt) {
        Geom cleaned(attempt == 0
                         ? GEOSBuffer_r(geos.h, polygon, 0.0, 8)
                         : GEOSGeom_setPrecision_r(geos.h, polygon, attempt == 1 ? 1.0 : 10.0, 0),
                     GeomDeleter{geos.h});
        if (cleaned) triangles.reset(GEOSConstrainedDelaunayTriangulation_r(geos.h, cleaned.get()));
    }
    if (!triangles) return false;
    int count = GEOSGetNumGeometries_r(geos.h, triangles.get());
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(geos.h, triangles.get(), i);
        appendCoords(geos, GEOSGetExteriorRing_r(geos.h, tri), out, 3);
    }
    return true;
}

// Triangles and outlines of one (multi)polygon; "" or the problem.
std::string buildBand(Geos& geos, const GEOSGeometry* shape, DistrictGeometry& band) {
    int polygons = GEOSGetNumGeometries_r(geos.h, shape);
    for (int p = 0; p < polygons; ++p) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(geos.h, shape, p);
        if (GEOSisEmpty_r(geos.h, poly)) continue;
        if (!triangulate(geos, poly, band.triangles)) {
            double area = 0;
            GEOSArea_r(geos.h, poly, &area);
            return "triangulation of part " + std::to_string(p) + " (" +
                   std::to_string(int(area / 1e6 * 100) / 100.0) +
                   " km²) failed: " + geos.lastError;
        }
        band.outlines.emplace_back();
        appendCoords(geos, GEOSGetExteriorRing_r(geos.h, poly), band.outlines.back(), SIZE_MAX);
        int holes = GEOSGetNumInteriorRings_r(geos.h, poly);
        for (int k = 0; k < holes; ++k) {
            band.outlines.emplace_back();
            appendCoords(geos, GEOSGetInteriorRingN_r(geos.h, poly, k), band.outlines.back(),
                         SIZE_MAX);
        }
    }
    if (band.triangles.empty()) return "triangulation produced no triangles";
    return "";
}

Geom makeValidArea(Geos& geos, Geom shape) {
    if (!shape) return shape;
    if (GEOSisValid_r(geos.h, shape.get()) == 1) return shape;
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(geos.h);
    GEOSMakeValidParams_setMethod_r(geos.h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(geos.h, params, 0);
    shape.reset(GEOSMakeValidWithParams_r(geos.h, shape.get(), params));
    GEOSMakeValidParams_destroy_r(geos.h, params);
    int type = shape ? GEOSGeomTypeId_r(geos.h, shape.get()) : -1;
    if ((type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) ||
        GEOSisValid_r(geos.h, shape.get()) != 1)
        shape.reset();
    return shape;
}

bool labelPoint(Geos& geos, const GEOSGeometry* shape, double tolerance, double& x, double& y) {
    Geom circle(GEOSMaximumInscribedCircle_r(geos.h, shape, tolerance), GeomDeleter{geos.h});
    const GEOSCoordSequence* seq = circle ? GEOSGeom_getCoordSeq_r(geos.h, circle.get()) : nullptr;
    return seq && GEOSCoordSeq_getXY_r(geos.h, seq, 0, &x, &y);
}

} // namespace geo

// Sign of the turn a -> b -> c.
static int orientation(const std::pair<double, double>& a, const std::pair<double, double>& b,
                       const std::pair<double, double>& c) {
    double cross =
        (b.first - a.first) * (c.second - a.second) - (b.second - a.second) * (c.first - a.first);
    return cross > 0 ? 1 : cross < 0 ? -1 : 0;
}

// The first point where two edges of the feature properly cross (each through the other's
// interior). Touching, shared vertices and collinear overlaps are not crossings.
static std::optional<std::pair<double, double>> findCrossing(const Feature& f) {
    struct Edge {
        std::pair<double, double> a, b;
        double minX, maxX, minY, maxY;
    };
    std::vector<Edge> edges;
    for (const auto& rings : f.polygons)
        for (const auto& ring : rings)
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                const auto &a = ring[i], &b = ring[i + 1];
                edges.push_back({a, b, std::min(a.first, b.first), std::max(a.first, b.first),
                                 std::min(a.second, b.second), std::max(a.second, b.second)});
            }
    // Sorted by minX, so a pair is only tested while their x ranges overlap.
    std::sort(edges.begin(), edges.end(),
              [](const Edge& l, const Edge& r) { return l.minX < r.minX; });
    for (size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        for (size_t j = i + 1; j < edges.size() && edges[j].minX <= e.maxX; ++j) {
            const Edge& g = edges[j];
            if (g.maxY < e.minY || g.minY > e.maxY) continue;
            if (orientation(e.a, e.b, g.a) * orientation(e.a, e.b, g.b) < 0 &&
                orientation(g.a, g.b, e.a) * orientation(g.a, g.b, e.b) < 0) {
                // the crossing point, for the message
                double d1 = (e.b.first - e.a.first) * (g.a.second - e.a.second) -
                            (e.b.second - e.a.second) * (g.a.first - e.a.first);
                double d2 = (e.b.first - e.a.first) * (g.b.second - e.a.second) -
                            (e.b.second - e.a.second) * (g.b.first - e.a.first);
                double t = d1 / (d1 - d2);
                return std::make_pair(g.a.first + t * (g.b.first - g.a.first),
                                      g.a.second + t * (g.b.second - g.a.second));
            }
        }
    }
    return std::nullopt;
}

// The area as drawn: shells minus holes, each ring by the shoelace formula (signed, so the lobes
// of a twisted ring cancel out; that is what tells a bow tie from a tiny loop).
static double drawnArea(const Feature& f) {
    double total = 0;
    for (const auto& rings : f.polygons)
        for (size_t r = 0; r < rings.size(); ++r) {
            double twice = 0;
            for (size_t i = 0; i + 1 < rings[r].size(); ++i)
                twice += rings[r][i].first * rings[r][i + 1].second -
                         rings[r][i + 1].first * rings[r][i].second;
            total += (r == 0 ? 1 : -1) * std::abs(twice / 2);
        }
    return total;
}

// Processes one feature into `d`; "" or the problem. `warning` is set for a repaired defect.
static std::string buildDistrict(Geos& geos, const Feature& f, District& d, std::string& warning) {
    geos.lastError.clear();
    Geom shape = makeGeometry(geos, f);
    if (!shape) return "cannot build geometry: " + geos.lastError;
    // GEOS calls the quantised source invalid: it retraces borders, pinches rings at vertices
    // and has a few tiny loops where edges cross. MakeValid "structure" repairs all that and
    // keeps the covered area. Edges that cross so that the area changes by more than 1 % are a
    // drawing mistake (a bow tie, a twisted ring) and an error; tiny loops are a warning.
    auto crossing = findCrossing(f);
    std::string near;
    if (crossing) {
        double lon = crossing->first * 180 / M_PI / kEarthRadius;
        double lat = std::atan(std::sinh(crossing->second / kEarthRadius)) * 180 / M_PI;
        char text[64];
        std::snprintf(text, sizeof text, "%.5f,%.5f", lon, lat);
        near = text;
    }
    shape = makeValidArea(geos, std::move(shape));
    if (!shape)
        return "invalid polygon that cannot be repaired" +
               (near.empty() ? std::string() : " (edges cross near " + near + ")");
    if (crossing) {
        double repaired = 0;
        GEOSArea_r(geos.h, shape.get(), &repaired);
        double drawn = drawnArea(f);
        if (std::abs(repaired - drawn) > 0.01 * std::max(repaired, 1.0))
            return "self-intersecting ring: edges cross near " + near;
        warning = "self-intersecting ring with a tiny loop near " + near + " (repaired)";
    }
    shape = dropSpecks(geos, shape.get(), kMinArea);
    if (!shape || GEOSisEmpty_r(geos.h, shape.get())) return "polygon has no area";
    double minX, minY, maxX, maxY;
    GEOSGeom_getXMin_r(geos.h, shape.get(), &minX);
    GEOSGeom_getYMin_r(geos.h, shape.get(), &minY);
    GEOSGeom_getXMax_r(geos.h, shape.get(), &maxX);
    GEOSGeom_getYMax_r(geos.h, shape.get(), &maxY);
    d.minX = float(minX), d.minY = float(minY), d.maxX = float(maxX), d.maxY = float(maxY);

    for (int b = 0; b < kMapBands; ++b) {
        DistrictGeometry& band = d.bands[size_t(b)];
        band = DistrictGeometry{};
        band.tolerance = kBandTolerance[b];
        Geom simple(GEOSTopologyPreserveSimplify_r(geos.h, shape.get(), band.tolerance),
                    GeomDeleter{geos.h});
        if (!simple) return "simplification failed: " + geos.lastError;
        if (std::string problem = buildBand(geos, simple.get(), band); !problem.empty())
            return "band " + std::to_string(b) + ": " + problem;
    }

    // Label: centre of the largest circle inside the district (always inside, unlike a centroid).
    double x = 0, y = 0;
    if (labelPoint(geos, shape.get(), kLabelTolerance, x, y)) {
        d.labelX = float(x), d.labelY = float(y);
    } else if (f.center) {
        d.labelX = float(f.center->first), d.labelY = float(f.center->second);
    } else {
        d.labelX = float((minX + maxX) / 2), d.labelY = float((minY + maxY) / 2);
    }
    return "";
}

// [SECTION] smoothing
// --------------------------------------------------------------------------------------

// Spikes, notches and stair steps out of the quantised source rings, before anything else sees
// them. Every ring is smoothed the same way, so borders two districts share stay identical.
static void smoothFeatures(std::vector<Feature>& features) {
    smoothFeatureRings(features);
}

// [SECTION] entry
// -------------------------------------------------------------------------------------

void processGeo(Sources& src, Diagnostics& diag) {
    Content& c = src.content;
    for (auto& p : c.parks) toMercator(p.lon, p.lat, p.x, p.y);

    std::string shown = displayPath(src.root, src.geoFile);
    std::ifstream in(src.root / src.geoFile, std::ios::binary);
    if (!in) {
        diag.error(SourceLoc{shown, 1, ""}, "file not found");
        return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::vector<Feature> features;
    readGeoJson(shown, text, features, diag);
    smoothFeatures(features);
    std::map<std::string, const Feature*> byId;
    for (const auto& f : features) byId[f.id] = &f;

    Geos geos;
    for (size_t i = 0; i < c.districts.size(); ++i) {
        District& d = c.districts[i];
        auto it = byId.find(d.id);
        if (it == byId.end()) {
            if (i < src.districtLocs.size())
                diag.error(src.districtLocs[i],
                           "no feature with id '" + d.id + "' in " + src.geoFile);
            continue;
        }
        const Feature& f = *it->second;
        SourceLoc at{shown, f.line, "feature[" + f.id + "].geometry"};
        std::string warning;
        if (std::string problem = buildDistrict(geos, f, d, warning); !problem.empty())
            diag.error(at, problem);
        else if (!warning.empty())
            diag.warn(at, warning);
    }
    processMapLayers(src, diag);
    bool first = true;
    for (const auto& d : c.districts) {
        if (d.bands[0].triangles.empty()) continue;
        c.mapMinX = first ? d.minX : std::min(c.mapMinX, d.minX);
        c.mapMinY = first ? d.minY : std::min(c.mapMinY, d.minY);
        c.mapMaxX = first ? d.maxX : std::max(c.mapMaxX, d.maxX);
        c.mapMaxY = first ? d.maxY : std::max(c.mapMaxY, d.maxY);
        first = false;
    }
}

} // namespace zj::pack
