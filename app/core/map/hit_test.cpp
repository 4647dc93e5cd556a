#include "core/map/hit_test.hpp"

#include "core/content/model.hpp"

namespace zj::map {

namespace {
double cross(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}
} // namespace

bool pointInTriangles(const std::vector<float>& t, double x, double y) {
    for (size_t i = 0; i + 5 < t.size(); i += 6) {
        double d1 = cross(t[i], t[i + 1], t[i + 2], t[i + 3], x, y);
        double d2 = cross(t[i + 2], t[i + 3], t[i + 4], t[i + 5], x, y);
        double d3 = cross(t[i + 4], t[i + 5], t[i], t[i + 1], x, y);
        bool hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
        bool hasPos = d1 > 0 || d2 > 0 || d3 > 0;
        if (!(hasNeg && hasPos)) return true; // either winding
    }
    return false;
}

bool pointInRings(const std::vector<std::vector<float>>& rings, double x, double y) {
    bool inside = false;
    for (const auto& r : rings) {
        size_t n = r.size() / 2;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

int nearestMarker(Vec2 tapPx, const std::vector<Vec2>& markersPx, float radiusPx,
                  const std::vector<bool>* enabled) {
    int best = -1;
    float bestD = radiusPx;
    for (int i = 0; i < static_cast<int>(markersPx.size()); ++i) {
        if (enabled && i < static_cast<int>(enabled->size()) && !(*enabled)[i]) continue;
        float d = (markersPx[i] - tapPx).length();
        if (d <= bestD) {
            bestD = d;
            best = i;
        }
    }
    return best;
}

MapHit hitTest(Vec2 tapPx, const std::vector<Vec2>& markersPx, float radiusPx, const Camera& camera,
               const std::vector<District>& districts, int band) {
    int m = nearestMarker(tapPx, markersPx, radiusPx);
    if (m >= 0) return {MapHit::Kind::Marker, m};
    WorldPoint w = camera.toWorld(tapPx);
    for (int i = 0; i < static_cast<int>(districts.size()); ++i) {
        const District& d = districts[i];
        if (w.x < d.minX || w.x > d.maxX || w.y < d.minY || w.y > d.maxY) continue;
        if (pointInTriangles(d.bands[band].triangles, w.x, w.y)) return {MapHit::Kind::District, i};
    }
    return {};
}

} // namespace zj::map
