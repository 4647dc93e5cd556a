// The map's view transform: Web Mercator metres <-> window pixels, with zoom about a point,
// pan and zoom limits (the city keeps covering part of the visible frame), fit-to-bounds into
// the frame the map's controls leave, an eased fly-to and
// inertia after a fling. Pure math on the caller's clock (milliseconds), so tests can drive it.
#pragma once
#include "core/geometry.hpp"

#include <vector>

namespace zj::map {

struct WorldPoint {
    double x = 0, y = 0; // Web Mercator metres (y grows north)
};

struct WorldBounds {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool empty() const { return maxX <= minX || maxY <= minY; }
    WorldPoint center() const { return {(minX + maxX) * 0.5, (minY + maxY) * 0.5}; }
};

struct CameraSettings {
    double minZoom = 0.8;            // smallest scale, relative to the scale that fits the city
    double maxZoom = 12.0;           // largest scale, relative to the fit scale
    double inertiaTauMs = 325.0;     // velocity decays as exp(-t / tau) (like native scrolling)
    float inertiaStopPxPerS = 20.0f; // a fling below this speed stops
};

class Camera {
  public:
    explicit Camera(CameraSettings settings = {}) : settings_(settings) {}

    // The map's area in window pixels, and the city it must keep on screen. Setting the city
    // also makes the fit scale the reference for the zoom limits.
    void setViewport(Rect viewportPx);
    void setCity(WorldBounds city, float paddingPx);
    const Rect& viewport() const { return viewport_; }
    // The part of the viewport that nothing covers (the map's own controls, the card, the
    // legend): framing fits and centres there, and the pan limits count only what is seen
    // there. An empty rect means the whole viewport.
    void setFrame(Rect framePx);
    Rect frame() const { return frame_.w > 0 && frame_.h > 0 ? frame_ : viewport_; }
    // How much of the frame the city's bounds keep covered at any zoom and pan (per axis;
    // all of the city when it is smaller than that).
    static constexpr double kKeepCovered = 0.5;
    // Points on the city itself (its outline's vertices, its parks): the bounds' corners can be
    // empty (river, a neighbour), so one of them must also stay near the frame's centre: within
    // kAnchorReach of the frame's half size from it, per axis.
    void setAnchors(std::vector<WorldPoint> anchors);
    static constexpr double kAnchorReach = 0.25;

    // [SECTION] Transform
    Vec2 toScreen(WorldPoint w) const;
    WorldPoint toWorld(Vec2 px) const;
    double scale() const { return scale_; } // pixels per metre
    WorldPoint center() const { return center_; }
    double fitScale() const { return fitScale_; } // the scale that frames the whole city
    double zoomRelative() const { return fitScale_ > 0 ? scale_ / fitScale_ : 1.0; }
    double minScale() const { return fitScale_ * settings_.minZoom; }
    double maxScale() const { return fitScale_ * settings_.maxZoom; }

    // [SECTION] Direct manipulation (stops any animation)
    void setView(WorldPoint center, double scale); // clamped to the limits
    void fit(WorldBounds bounds, float paddingPx); // frames `bounds` inside the viewport
    void zoomAbout(Vec2 px, double factor);        // the world point under `px` stays there
    void panBy(Vec2 deltaPx);                      // the map follows the finger

    // The view that shows `bounds` (or a point at `scale`) centred on `focusPx` (a pixel inside
    // the viewport, e.g. the part a card does not cover); clamped like any view.
    void viewFor(WorldPoint target, double scale, Vec2 focusPx, WorldPoint& centerOut,
                 double& scaleOut) const;
    double scaleToFit(WorldBounds bounds, float paddingPx) const;

    // [SECTION] Animation
    void flyTo(WorldPoint center, double scale, double nowMs, double durationMs);
    void fling(Vec2 velocityPxPerS, double nowMs); // inertia after a drag
    void stop();                                   // ends a flight or fling where it is
    // Advances the animation to `nowMs`; returns true while it still runs.
    bool update(double nowMs);
    bool animating() const { return mode_ != Mode::Still; }
    // When the current animation ends (for the app's animateUntil), or `nowMs` when still.
    double animationEndMs(double nowMs) const;

  private:
    enum class Mode { Still, Flight, Inertia };
    void clampView();
    double clampScale(double s) const;
    // Moves a view centre (at scale s) the least so the pan limits hold.
    void clampCenter(WorldPoint& center, double s) const;

    CameraSettings settings_;
    Rect viewport_{0, 0, 1920, 1080};
    Rect frame_{0, 0, 0, 0};
    WorldBounds city_;
    std::vector<WorldPoint> anchors_;
    float cityPaddingPx_ = 0;
    WorldPoint center_;
    double scale_ = 1e-3;
    double fitScale_ = 1e-3;

    Mode mode_ = Mode::Still;
    double animStartMs_ = 0;
    double animDurationMs_ = 0;
    WorldPoint fromCenter_, toCenter_;
    double fromScale_ = 1, toScale_ = 1;
    Vec2 flingVelocity_; // px/s at the start of the fling
};

} // namespace zj::map
