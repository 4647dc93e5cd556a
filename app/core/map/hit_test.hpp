// What a tap on the map hits: a marker within a finger's radius (the nearest wins, and markers
// win over polygons), else the district polygon under the finger, else nothing.
#pragma once
#include "core/geometry.hpp"
#include "core/map/camera.hpp"

#include <vector>

namespace zj {
struct District;
}

namespace zj::map {

struct MapHit {
    enum class Kind { None, Marker, District };
    Kind kind = Kind::None;
    int index = -1; // marker index or district index
};

// Point in a triangle soup (x,y per vertex, 3 vertices per triangle); edges count as inside.
bool pointInTriangles(const std::vector<float>& triangles, double x, double y);
// Point in a polygon given by closed rings (outer and holes, x,y pairs): the even-odd rule, so
// a point in a hole is outside.
bool pointInRings(const std::vector<std::vector<float>>& rings, double x, double y);

// The nearest marker whose centre is within `radiusPx` of `tapPx`, or -1. Markers with
// `enabled[i] == false` (when given) are skipped.
int nearestMarker(Vec2 tapPx, const std::vector<Vec2>& markersPx, float radiusPx,
                  const std::vector<bool>* enabled = nullptr);

// Markers first, then the districts' triangles at `band` (world coordinates via `camera`).
MapHit hitTest(Vec2 tapPx, const std::vector<Vec2>& markersPx, float radiusPx, const Camera& camera,
               const std::vector<District>& districts, int band);

} // namespace zj::map
