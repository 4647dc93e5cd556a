#include "core/content/model.hpp"
#include "core/map/hit_test.hpp"

#include <gtest/gtest.h>

using namespace zj;
using namespace zj::map;

namespace {
// A 1000 m square district with a 400 m square hole in the middle, triangulated around the hole.
District squareWithHole() {
    District d;
    d.id = "d";
    d.minX = 0, d.minY = 0, d.maxX = 1000, d.maxY = 1000;
    // Outer ring and the hole, as closed rings.
    std::vector<float> outer = {0, 0, 1000, 0, 1000, 1000, 0, 1000, 0, 0};
    std::vector<float> hole = {300, 300, 700, 300, 700, 700, 300, 700, 300, 300};
    // Four trapezoids around the hole, two triangles each.
    auto quad = [](std::vector<float>& t, float ax, float ay, float bx, float by, float cx,
                   float cy, float dx, float dy) {
        t.insert(t.end(), {ax, ay, bx, by, cx, cy, ax, ay, cx, cy, dx, dy});
    };
    for (auto& band : d.bands) {
        band.outlines = {outer, hole};
        band.triangles.clear();
        quad(band.triangles, 0, 0, 1000, 0, 700, 300, 300, 300);       // south
        quad(band.triangles, 1000, 0, 1000, 1000, 700, 700, 700, 300); // east
        quad(band.triangles, 1000, 1000, 0, 1000, 300, 700, 700, 700); // north
        quad(band.triangles, 0, 1000, 0, 0, 300, 300, 300, 700);       // west
    }
    return d;
}

Camera cameraOver(const District& d) {
    Camera cam;
    cam.setViewport({0, 0, 1000, 1000});
    cam.setCity({d.minX, d.minY, d.maxX, d.maxY}, 0);
    cam.fit({d.minX, d.minY, d.maxX, d.maxY}, 0); // 1 px per metre, y flipped
    return cam;
}
} // namespace

TEST(MapHitTest, PolygonWithAHole) {
    District d = squareWithHole();
    EXPECT_TRUE(pointInTriangles(d.bands[0].triangles, 100, 100));
    EXPECT_FALSE(pointInTriangles(d.bands[0].triangles, 500, 500)); // in the hole
    EXPECT_TRUE(pointInRings(d.bands[0].outlines, 100, 100));
    EXPECT_TRUE(pointInRings(d.bands[0].outlines, 850, 500));
    EXPECT_FALSE(pointInRings(d.bands[0].outlines, 500, 500));  // in the hole
    EXPECT_FALSE(pointInRings(d.bands[0].outlines, 1500, 500)); // outside
}

TEST(MapHitTest, MarkerWithinTheRadiusWinsOverThePolygon) {
    District d = squareWithHole();
    Camera cam = cameraOver(d);
    std::vector<District> districts = {d};
    std::vector<Vec2> markers = {{150, 150}};
    MapHit h = hitTest({180, 170}, markers, 48, cam, districts, 0);
    EXPECT_EQ(h.kind, MapHit::Kind::Marker);
    EXPECT_EQ(h.index, 0);
    // Beyond the finger radius the district is hit instead.
    h = hitTest({150, 250}, markers, 48, cam, districts, 0);
    EXPECT_EQ(h.kind, MapHit::Kind::District);
    EXPECT_EQ(h.index, 0);
}

TEST(MapHitTest, NearestMarkerWins) {
    std::vector<Vec2> markers = {{100, 100}, {130, 100}};
    EXPECT_EQ(nearestMarker({120, 100}, markers, 48), 1);
    EXPECT_EQ(nearestMarker({105, 100}, markers, 48), 0);
    std::vector<bool> enabled = {true, false};
    EXPECT_EQ(nearestMarker({125, 100}, markers, 48, &enabled), 0);
}

TEST(MapHitTest, HoleAndOutsideHitNothing) {
    District d = squareWithHole();
    Camera cam = cameraOver(d);
    std::vector<District> districts = {d};
    std::vector<Vec2> markers = {{150, 150}};
    EXPECT_EQ(hitTest({500, 500}, markers, 48, cam, districts, 0).kind, MapHit::Kind::None);
    // Off the district entirely (the camera clamps, so go through toScreen of a far point).
    Vec2 far = cam.toScreen({1400, 500});
    EXPECT_EQ(hitTest(far, markers, 48, cam, districts, 0).kind, MapHit::Kind::None);
}
