// `zjmap-kiosk-testdrive --frame-bench`: the frame-time rows of tests/bench/run.sh, measured in one
// run of the real app (headless, simulated clock, offscreen window of --viewport):
//   empty frame       ImGui with nothing on it + clear + swap: the floor of any frame here
//   <screen>          a settled screen redrawn again and again (what a frame of it costs)
//   photo open        viewer "next" -> the next photo on the GPU (the viewer prefetches it)
//   photo cold        every demo photo, never loaded before: the viewer's request at its box
//                     size -> decoded (DCT-scaled), uploaded and a frame presented; p50 / p95
//   thumb cold        every demo thumbnail the same way (its own size); p50 / p95
//   photo/thumb gpu   the same without drawing frames: decode + upload alone (llvmpipe frames
//                     are 25+ ms here, a GPU's are not)
//   map pan           frames while a finger drags the map
// Prints `bench: name mean_ms=.. frames=..` lines (photo-open: mean ms per photo, photos) and
// `bench: name p50_ms=.. p95_ms=.. n=..` for the cold rows; nothing is asserted (figures, not
// tests).
#include "frame_bench.hpp"

#include "platform/gl_api.hpp"
#include "platform/texture_cache.hpp"
#include "testing/touch_driver.hpp"
#include "ui/app.hpp"
#include "ui/widgets_media.hpp"

#include <SDL.h>
#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace zj {

namespace {

constexpr int kRedraws = 40;      // frames per settled screen
constexpr double kStepMs = 100.0; // simulated time per frame while settling

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

DriverTiming benchTiming() {
    DriverTiming t;
    t.frameMs = kStepMs;
    return t;
}

// The shared touch driver, plus what only the bench does: taps by label, redraws, empty frames.
class BenchDriver : public TouchDriver {
  public:
    BenchDriver(KioskApp& app, ManualClock& clock) : TouchDriver(app, clock, benchTiming()) {}

    bool tap(const char* label) {
        const HitTarget* t = app_.hits().find(label);
        if (!t) {
            std::fprintf(stderr, "bench: nothing labelled \"%s\" on screen %s\n", label,
                         screenName(app_.screen()));
            return false;
        }
        setStep(std::string("tap ") + label);
        Vec2 c = t->rect.center();
        TouchDriver::tap(c.x, c.y, 60.0);
        if (!ok()) std::fprintf(stderr, "bench: %s\n", failure().c_str());
        return ok();
    }

    // The first target whose id starts with `prefix` (e.g. a gallery photo).
    const HitTarget* findPrefix(const std::string& prefix) const {
        for (const HitTarget& t : app_.hits().targets())
            if (t.id.rfind(prefix, 0) == 0) return &t;
        return nullptr;
    }

    double redrawMeanMs(int frames) {
        auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < frames; ++i) {
            app_.waitAndHandleEvents(0);
            app_.renderFrame();
        }
        return msSince(t0) / frames;
    }

    // A frame with nothing on it (ImGui, clear, swap): the floor the other rows compare with.
    void renderEmptyFrame() {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize =
            ImVec2(static_cast<float>(app_.width()), static_cast<float>(app_.height()));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        ImGui::NewFrame();
        ImGui::Render();
        clearFrame(app_.width(), app_.height(), 0.957f, 0.965f, 0.976f);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        SDL_GL_SwapWindow(SDL_GL_GetCurrentWindow());
    }
};

void print(const char* name, double meanMs, int frames) {
    std::printf("bench: %-12s mean_ms=%.2f frames=%d\n", name, meanMs, frames);
}

// Nearest-rank percentile of `ms` (sorted here).
double percentile(std::vector<double>& ms, double p) {
    std::sort(ms.begin(), ms.end());
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * ms.size()));
    return ms[std::clamp<size_t>(rank, 1, ms.size()) - 1];
}

void printPercentiles(const char* name, std::vector<double> ms) {
    if (ms.empty()) return;
    double p50 = percentile(ms, 50), p95 = percentile(ms, 95);
    std::printf("bench: %-12s p50_ms=%.2f p95_ms=%.2f n=%zu\n", name, p50, p95, ms.size());
}

// One image asked for as a screen would (`want` pixels), the frame loop running as the
// interactive one does (frames only when one is due, none for a decode), until the image is on the
// GPU and one more frame has been drawn with it: the visitor's wait. Without `drawFrames` no frame
// is drawn meanwhile or after (decode + upload alone, apart from what a frame costs on this
// renderer). -1 when it never became ready.
double coldOpenMs(KioskApp& app, TextureCache& cache, const std::string& name, DisplaySize want,
                  bool drawFrames = true) {
    constexpr double kGiveUpMs = 10'000;
    auto t0 = std::chrono::steady_clock::now();
    TextureRef t = cache.get(name, want);
    while (t.state == TextureRef::State::Loading && msSince(t0) < kGiveUpMs) {
        app.waitAndHandleEvents(0); // pumps: finished decodes are uploaded here
        t = cache.get(name, want);
        if (t.state != TextureRef::State::Loading) break;
        if (drawFrames && app.frameDue()) // as the kiosk's loop: nothing while it decodes
            app.renderFrame();
        else
            SDL_Delay(1);
    }
    if (t.state != TextureRef::State::Ready) return -1;
    if (drawFrames) app.renderFrame();
    return msSince(t0);
}

// Empty frames first, then each module from home, redrawn when settled. False when a tile
// or the way home is not on screen.
bool benchScreens(BenchDriver& d, KioskApp& app) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kRedraws; ++i) d.renderEmptyFrame();
    print("empty", msSince(t0) / kRedraws, kRedraws);
    print("home", d.redrawMeanMs(kRedraws), kRedraws);
    const struct {
        const char* name;
        const char* tile;
    } modules[] = {{"city", "tile:city"},
                   {"map", "tile:map"},
                   {"industry", "tile:industry"},
                   {"invest", "tile:invest"}};
    for (const auto& m : modules) {
        if (app.screen() != ScreenId::Home && !d.tap("首页") && !d.tap("Home")) return false;
        d.settle();
        if (!d.tap(m.tile)) return false;
        d.settle();
        print(m.name, d.redrawMeanMs(kRedraws), kRedraws);
    }
    return true;
}

// Map pan: a finger dragging across the map, one motion per frame.
void benchMapPan(BenchDriver& d, KioskApp& app, ManualClock& clock) {
    if (app.screen() != ScreenId::Map) {
        d.tap("首页");
        d.settle();
        d.tap("tile:map");
        d.settle();
    }
    float cx = app.width() * 0.62f, cy = app.height() * 0.55f, reach = app.width() * 0.2f;
    d.finger(SDL_FINGERDOWN, 1, cx, cy);
    d.tick(kStepMs);
    constexpr int kPanFrames = 60;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kPanFrames; ++i) {
        float t = float(i) / kPanFrames;
        d.finger(SDL_FINGERMOTION, 1, cx - reach * t, cy - reach * 0.3f * t);
        app.waitAndHandleEvents(0);
        app.renderFrame();
        clock.advance(16);
    }
    print("map-pan", msSince(t0) / kPanFrames, kPanFrames);
    d.finger(SDL_FINGERUP, 1, cx - reach, cy - reach * 0.3f);
    d.settle();
}

// Photo open: in the city's photo viewer, "next" to a photo not shown before, until it is
// decoded and on the GPU (the gallery shows one photo at a time; the others are cold). False
// when the city screen has no gallery photo.
bool benchPhotoOpen(BenchDriver& d, KioskApp& app) {
    d.tap("首页");
    d.settle();
    d.tap("tile:city");
    d.settle();
    const HitTarget* photo = d.findPrefix("gallery:");
    if (!photo) {
        std::fprintf(stderr, "bench: no gallery photo on the city screen\n");
        return false;
    }
    std::string first = photo->id;
    d.tap(first.c_str());
    d.settle();
    double sum = 0;
    int opened = 0;
    for (int i = 0; i < 6 && app.hits().find("viewer-next"); ++i) {
        auto t0 = std::chrono::steady_clock::now();
        d.tap("viewer-next");
        d.settle();
        sum += msSince(t0);
        ++opened;
    }
    if (opened) print("photo-open", sum / opened, opened);
    return true;
}

// Every demo photo and thumbnail, cold: the texture cache is emptied first (the screen
// behind reloads its own images, then settles), and what it reloaded is skipped.
void benchColdImages(BenchDriver& d, KioskApp& app, TextureCache& cache) {
    d.tap("viewer-close");
    d.tap("首页");
    cache.clear();
    d.settle();
    DisplaySize box =
        widgets::viewerPhotoSize(DesignScale::forViewport(float(app.width()), float(app.height())));
    std::vector<double> photoMs, thumbMs, photoGpuMs, thumbGpuMs;
    for (bool drawFrames : {true, false}) {
        if (!drawFrames) { // the same images cold again
            cache.clear();
            d.settle();
        }
        for (const Photo& p : app.content().photos) {
            if (!p.thumb.empty() && !cache.resident(p.thumb)) {
                double ms = coldOpenMs(app, cache, p.thumb, DisplaySize{}, drawFrames);
                if (ms >= 0) (drawFrames ? thumbMs : thumbGpuMs).push_back(ms);
            }
            if (!p.file.empty() && !cache.resident(p.file)) {
                double ms = coldOpenMs(app, cache, p.file, box, drawFrames);
                if (ms >= 0) (drawFrames ? photoMs : photoGpuMs).push_back(ms);
            }
        }
    }
    std::printf("bench: photo box %dx%d (contain)\n", box.width, box.height);
    printPercentiles("photo-cold", photoMs);
    printPercentiles("thumb-cold", thumbMs);
    printPercentiles("photo-gpu", photoGpuMs);
    printPercentiles("thumb-gpu", thumbGpuMs);
}

} // namespace

int runFrameBench(KioskApp& app, ManualClock& clock) {
    BenchDriver d(app, clock);
    d.setStep("the start");
    d.settle();
    if (!d.ok()) {
        std::fprintf(stderr, "bench: %s\n", d.failure().c_str());
        return 1;
    }
    std::printf("bench: viewport %dx%d\n", app.width(), app.height());
    if (!benchScreens(d, app)) return 1;
    benchMapPan(d, app, clock);
    if (!benchPhotoOpen(d, app)) return 1;
    TextureCache* cache = app.textureCache();
    if (!cache) return 0;
    benchColdImages(d, app, *cache);
    if (!d.ok()) std::fprintf(stderr, "bench: %s\n", d.failure().c_str());
    return d.ok() ? 0 : 1;
}

} // namespace zj
