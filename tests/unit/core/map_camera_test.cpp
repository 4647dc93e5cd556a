#include "core/map/camera.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace zj;
using namespace zj::map;

namespace {
// Roughly Zhenjiang in Web Mercator metres: 90 km x 70 km.
const WorldBounds kCity{13'230'000, 3'700'000, 13'320'000, 3'770'000};

Camera framedCamera() {
    Camera cam;
    cam.setViewport({0, 128, 1920, 952});
    cam.setCity(kCity, 40);
    cam.fit(kCity, 40);
    return cam;
}
} // namespace

TEST(MapCamera, ScreenAndWorldRoundTrip) {
    Camera cam = framedCamera();
    WorldPoint w{13'250'000, 3'720'000};
    WorldPoint back = cam.toWorld(cam.toScreen(w));
    EXPECT_NEAR(back.x, w.x, 1.0);
    EXPECT_NEAR(back.y, w.y, 1.0);
    // North is up: a point further north is higher on the screen.
    EXPECT_LT(cam.toScreen({w.x, w.y + 1000}).y, cam.toScreen(w).y);
}

TEST(MapCamera, FitFramesTheBoundsInsideThePadding) {
    Camera cam = framedCamera();
    Vec2 a = cam.toScreen({kCity.minX, kCity.maxY});
    Vec2 b = cam.toScreen({kCity.maxX, kCity.minY});
    EXPECT_GE(a.x, 40 - 0.5f);
    EXPECT_GE(a.y, 128 + 40 - 0.5f);
    EXPECT_LE(b.x, 1920 - 40 + 0.5f);
    EXPECT_LE(b.y, 1080 - 40 + 0.5f);
    // The limiting dimension (height here) touches the padding.
    EXPECT_NEAR(b.y - a.y, 952 - 80, 1.0);
    EXPECT_NEAR(cam.zoomRelative(), 1.0, 1e-9);
}

TEST(MapCamera, ZoomAboutAPointKeepsItFixed) {
    Camera cam = framedCamera();
    Vec2 finger{700, 500};
    WorldPoint under = cam.toWorld(finger);
    cam.zoomAbout(finger, 2.5);
    Vec2 after = cam.toScreen(under);
    EXPECT_NEAR(after.x, finger.x, 0.01);
    EXPECT_NEAR(after.y, finger.y, 0.01);
    EXPECT_NEAR(cam.zoomRelative(), 2.5, 1e-9);
    cam.zoomAbout(finger, 0.5);
    after = cam.toScreen(under);
    EXPECT_NEAR(after.x, finger.x, 0.01);
    EXPECT_NEAR(after.y, finger.y, 0.01);
}

TEST(MapCamera, ZoomIsLimited) {
    Camera cam = framedCamera();
    cam.zoomAbout({960, 600}, 1000);
    EXPECT_NEAR(cam.zoomRelative(), 12.0, 1e-9);
    cam.zoomAbout({960, 600}, 1e-6);
    EXPECT_NEAR(cam.zoomRelative(), 0.8, 1e-9);
}

TEST(MapCamera, PanLimitsKeepTheCityOnScreen) {
    Camera cam = framedCamera();
    cam.zoomAbout({960, 600}, 6);
    for (Vec2 push : {Vec2{1e6f, 0}, Vec2{-1e6f, 0}, Vec2{0, 1e6f}, Vec2{0, -1e6f}}) {
        cam.panBy(push);
        // The middle of the view is still over the city.
        WorldPoint mid = cam.toWorld(cam.viewport().center());
        EXPECT_GE(mid.x, kCity.minX - 1);
        EXPECT_LE(mid.x, kCity.maxX + 1);
        EXPECT_GE(mid.y, kCity.minY - 1);
        EXPECT_LE(mid.y, kCity.maxY + 1);
    }
}

TEST(MapCamera, PanFollowsTheFinger) {
    Camera cam = framedCamera();
    WorldPoint w = cam.toWorld({900, 600});
    cam.panBy({50, -30});
    Vec2 p = cam.toScreen(w);
    EXPECT_NEAR(p.x, 950, 0.01);
    EXPECT_NEAR(p.y, 570, 0.01);
}

TEST(MapCamera, FlyToReachesItsTargetAtTheEndTime) {
    Camera cam = framedCamera();
    WorldPoint target{13'260'000, 3'740'000};
    double targetScale = cam.fitScale() * 4;
    cam.flyTo(target, targetScale, 1000, 350);
    EXPECT_TRUE(cam.update(1100));
    EXPECT_GT(cam.scale(), cam.fitScale());
    EXPECT_LT(cam.scale(), targetScale);
    EXPECT_DOUBLE_EQ(cam.animationEndMs(1100), 1350);
    EXPECT_FALSE(cam.update(1350));
    EXPECT_NEAR(cam.center().x, target.x, 1e-6);
    EXPECT_NEAR(cam.center().y, target.y, 1e-6);
    EXPECT_NEAR(cam.scale(), targetScale, 1e-12);
    EXPECT_FALSE(cam.animating());
}

TEST(MapCamera, FlightIsEasedOut) {
    Camera cam = framedCamera();
    WorldPoint from = cam.center();
    WorldPoint target{from.x + 10'000, from.y};
    cam.flyTo(target, cam.scale(), 0, 300);
    cam.update(150);
    // Ease-out: more than half of the way at half the time.
    EXPECT_GT(cam.center().x - from.x, 5'000);
}

TEST(MapCamera, ViewForPutsTheTargetUnderTheFocus) {
    Camera cam = framedCamera();
    WorldPoint target{13'270'000, 3'735'000};
    WorldPoint c;
    double s;
    cam.viewFor(target, cam.fitScale() * 3, {600, 500}, c, s);
    cam.setView(c, s);
    Vec2 p = cam.toScreen(target);
    EXPECT_NEAR(p.x, 600, 0.01);
    EXPECT_NEAR(p.y, 500, 0.01);
}

TEST(MapCamera, InertiaIsIndependentOfTheFrameRate) {
    Camera a = framedCamera(), b = framedCamera();
    a.zoomAbout({960, 600}, 3);
    b.zoomAbout({960, 600}, 3);
    a.fling({800, 0}, 0);
    b.fling({800, 0}, 0);
    for (double t = 0; t <= 600; t += 16.6) a.update(t);
    a.update(600);
    for (double t = 0; t <= 600; t += 50) b.update(t);
    b.update(600);
    EXPECT_NEAR(a.center().x, b.center().x, 1e-6);
    // And it comes to rest.
    double end = a.animationEndMs(600);
    a.update(end + 1);
    EXPECT_FALSE(a.animating());
    // A fling to the right moves the map right: the view's centre moves west.
    EXPECT_LT(a.center().x, framedCamera().center().x);
}

TEST(MapCamera, ViewportChangeKeepsLimitsConsistent) {
    Camera cam = framedCamera();
    cam.setViewport({0, 128, 1080, 1792}); // portrait
    cam.fit(kCity, 40);
    EXPECT_NEAR(cam.zoomRelative(), 1.0, 1e-9);
}

namespace {
// How much of the frame the city's bounds cover along x and y, pixels.
Vec2 coveredPx(const Camera& cam) {
    Vec2 a = cam.toScreen({kCity.minX, kCity.maxY}), b = cam.toScreen({kCity.maxX, kCity.minY});
    Rect f = cam.frame();
    float x = std::min(b.x, f.x + f.w) - std::max(a.x, f.x);
    float y = std::min(b.y, f.y + f.h) - std::max(a.y, f.y);
    return {x, y};
}
} // namespace

// The controls over the map (reset band on top, legend and credits below) leave a frame; the
// city is fitted and centred there, not under the controls.
TEST(MapCamera, FitFramesTheCityInTheVisibleFrame) {
    for (Rect viewport : {Rect{470, 128, 1450, 952}, Rect{0, 518, 1080, 1402}}) {
        Camera cam;
        cam.setViewport(viewport);
        Rect frame{viewport.x, viewport.y + 144, viewport.w, viewport.h - 144 - 260};
        cam.setFrame(frame);
        cam.setCity(kCity, 24);
        cam.fit(kCity, 24);
        Vec2 a = cam.toScreen({kCity.minX, kCity.maxY}), b = cam.toScreen({kCity.maxX, kCity.minY});
        EXPECT_GE(a.x, frame.x + 24 - 0.5f);
        EXPECT_GE(a.y, frame.y + 24 - 0.5f);
        EXPECT_LE(b.x, frame.x + frame.w - 24 + 0.5f);
        EXPECT_LE(b.y, frame.y + frame.h - 24 + 0.5f);
        Vec2 mid = cam.toScreen(kCity.center());
        EXPECT_NEAR(mid.x, frame.center().x, 0.5);
        EXPECT_NEAR(mid.y, frame.center().y, 0.5);
        // One side touches the padding: the city fills the frame.
        EXPECT_TRUE(std::abs((b.x - a.x) - (frame.w - 48)) < 1 ||
                    std::abs((b.y - a.y) - (frame.h - 48)) < 1);
    }
}

// Pinch to any zoom and pan hard towards all eight directions, in both orientations: the city
// always covers at least half of the frame along each axis (or all of it is in the frame).
TEST(MapCamera, PanLimitsKeepTheCityCoveringTheFrameInBothOrientations) {
    for (Rect viewport : {Rect{470, 128, 1450, 952}, Rect{0, 518, 1080, 1402}}) {
        for (double zoom : {0.8, 1.0, 2.5, 6.0, 12.0}) {
            for (Vec2 push :
                 {Vec2{1e6f, 0}, Vec2{-1e6f, 0}, Vec2{0, 1e6f}, Vec2{0, -1e6f}, Vec2{1e6f, 1e6f},
                  Vec2{-1e6f, 1e6f}, Vec2{1e6f, -1e6f}, Vec2{-1e6f, -1e6f}}) {
                Camera cam;
                cam.setViewport(viewport);
                cam.setFrame({viewport.x, viewport.y, viewport.w, viewport.h - 120});
                cam.setCity(kCity, 24);
                cam.fit(kCity, 24);
                cam.zoomAbout(cam.frame().center(), zoom);
                cam.panBy(push);
                Rect f = cam.frame();
                double cityW = (kCity.maxX - kCity.minX) * cam.scale();
                double cityH = (kCity.maxY - kCity.minY) * cam.scale();
                Vec2 covered = coveredPx(cam);
                EXPECT_GE(covered.x, std::min(0.5 * f.w, cityW) - 1) << zoom;
                EXPECT_GE(covered.y, std::min(0.5 * f.h, cityH) - 1) << zoom;
                // A fling into the edge stops there too.
                cam.fling({-push.x * 1e-3f, -push.y * 1e-3f}, 0);
                cam.update(5000);
                covered = coveredPx(cam);
                EXPECT_GE(covered.x, std::min(0.5 * f.w, cityW) - 1) << zoom;
                EXPECT_GE(covered.y, std::min(0.5 * f.h, cityH) - 1) << zoom;
            }
        }
    }
}

TEST(MapCamera, FlightsAndViewsObeyThePanLimits) {
    Camera cam = framedCamera();
    WorldPoint c;
    double s;
    // A target far outside the city: the view stops where the city still covers half the frame.
    cam.viewFor({kCity.maxX + 500'000, kCity.maxY + 500'000}, cam.fitScale() * 4,
                cam.frame().center(), c, s);
    cam.flyTo(c, s, 0, 300);
    cam.update(300);
    Vec2 covered = coveredPx(cam);
    EXPECT_GE(covered.x, 0.5f * cam.frame().w - 1);
    EXPECT_GE(covered.y, 0.5f * cam.frame().h - 1);
}

// An L-shaped city: its bounds' north-east corner is empty. Pushed into that corner, the view
// still keeps a point of the city near the frame's centre.
TEST(MapCamera, PanLimitsKeepAPointOfTheCityItselfInView) {
    Camera cam = framedCamera();
    std::vector<WorldPoint> anchors;
    for (double x = kCity.minX; x <= kCity.maxX; x += 1000) anchors.push_back({x, kCity.minY});
    for (double y = kCity.minY; y <= kCity.maxY; y += 1000) anchors.push_back({kCity.minX, y});
    cam.setAnchors(anchors);
    cam.zoomAbout(cam.frame().center(), 4);
    cam.panBy({-1e6f, 1e6f}); // the map moves down-left: the view goes to the north-east
    Rect f = cam.frame();
    float reach = float(Camera::kAnchorReach);
    Rect middle{f.x + f.w * (0.5f - reach / 2), f.y + f.h * (0.5f - reach / 2), f.w * reach,
                f.h * reach};
    bool seen = false;
    for (const WorldPoint& a : anchors) {
        Vec2 p = cam.toScreen(a);
        seen |= p.x >= middle.x - 1 && p.x <= middle.x + middle.w + 1 && p.y >= middle.y - 1 &&
                p.y <= middle.y + middle.h + 1;
    }
    EXPECT_TRUE(seen);
    // Without anchors the bounds alone would have let the view sit over the empty corner.
    Camera bare = framedCamera();
    bare.zoomAbout(bare.frame().center(), 4);
    bare.panBy({-1e6f, 1e6f});
    Vec2 corner = bare.toScreen({kCity.minX, kCity.minY});
    EXPECT_FALSE(corner.x >= f.x && corner.x <= f.x + f.w && corner.y >= f.y &&
                 corner.y <= f.y + f.h);
}
