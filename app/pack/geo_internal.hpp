// Pack-internal GEOS helpers shared by geo.cpp (districts) and geo_layers.cpp (the base map):
// projection, a GEOS context with its last error, owning geometry pointers, triangulation.
#pragma once
#include "core/content/model.hpp"

#include <geos_c.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace zj::pack::geo {

inline constexpr double kEarthRadius = 6378137.0; // WGS84 semi-major axis (EPSG:3857)

void toMercator(double lon, double lat, double& x, double& y);

using Ring = std::vector<std::pair<double, double>>; // projected x, y

// A GEOS context whose messages are kept for error reports.
struct Geos {
    GEOSContextHandle_t h = GEOS_init_r();
    std::string lastError;
    Geos();
    ~Geos() { GEOS_finish_r(h); }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;
};

struct GeomDeleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(h, g);
    }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* makeRing(Geos& geos, const Ring& ring);
GEOSGeometry* makeLine(Geos& geos, const Ring& points);
void appendCoords(Geos& geos, const GEOSGeometry* line, std::vector<float>& out, size_t maxPoints);
// Drops polygons and holes under `minArea` m²; returns a MultiPolygon.
Geom dropSpecks(Geos& geos, const GEOSGeometry* shape, double minArea);
// Triangles and outlines of a (multi)polygon into `band`; "" or the problem.
std::string buildBand(Geos& geos, const GEOSGeometry* shape, DistrictGeometry& band);
// A valid (multi)polygon from a possibly invalid one (MakeValid "structure"), or null.
Geom makeValidArea(Geos& geos, Geom shape);
// Centre of the largest inscribed circle (always inside), or false.
bool labelPoint(Geos& geos, const GEOSGeometry* shape, double tolerance, double& x, double& y);

} // namespace zj::pack::geo
