// `zjmap-kiosk-testdrive --frame-bench`: the frame-time rows of tests/bench/run.sh, measured in one
// run of the real app (headless, simulated clock, offscreen window of --viewport):
//   empty frame       ImGui with nothing on it + clear + swap: the floor of any frame here
//   <screen>          a settled screen redrawn again and again (what a frame of it costs)
//   photo tap         a finger lifted on a city gallery photo, then on the viewer's "next",
//                     -> the first frame presented with that photo at the viewer's size, the
//                     interactive loop running in real time (KioskApp::loopStep); p50 / p95.
//                     "-cold": the texture cache emptied before each tap (nothing loaded ahead)
//   photo cold        every demo photo, never loaded before: the viewer's request at its box
//                     size -> decoded (DCT-scaled), uploaded and a frame presented (the loop in
//                     real time, on the home screen); p50 / p95
//   thumb cold        every demo thumbnail the same way (its own size); p50 / p95
//   photo/thumb gpu   the same without drawing frames: decode + upload alone (llvmpipe frames
//                     are 25+ ms here, a GPU's are not)
//   map pan           frames while a finger drags the map
// Prints `bench: name mean_ms=.. frames=..` lines and
// `bench: name p50_ms=.. p95_ms=.. n=..` for the photo rows; nothing is asserted (figures, not
// tests).
#include "frame_bench.hpp"

#include "platform/gl_api.hpp"
#include "platform/texture_cache.hpp"
#include "testing/touch_driver.hpp"
#include "ui/app.hpp"
#include "ui/screens/city_screen.hpp"
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

// The interactive loop (KioskApp::loopStep) in real time, the bench's clock following the steady
// clock meanwhile, until a frame is presented with `name` resident at `want`: uploads happen
// only in the loop's pump, before its frame, so that frame drew it at display size. Wall ms
// since `t0`; -1 when not within 10 s.
double loopUntilShownMs(KioskApp& app, ManualClock& clock, TextureCache& cache,
                        const std::string& name, DisplaySize want,
                        std::chrono::steady_clock::time_point t0) {
    constexpr double kGiveUpMs = 10'000;
    clock.followSteadyClock(true);
    double shownMs = -1;
    while (msSince(t0) < kGiveUpMs) {
        bool drew = app.loopStep();
        if (drew && cache.residentAt(name, want)) {
            shownMs = msSince(t0);
            break;
        }
    }
    clock.followSteadyClock(false);
    return shownMs;
}

// One image asked for as a screen would (`want` pixels), then the interactive loop in real time
// until a frame shows it: decode, upload and one frame, with the frames the loop draws
// meanwhile (none: nothing on screen changes while it decodes). Without `drawFrames` no frame
// is drawn at all (decode + upload alone, apart from what a frame costs on this renderer).
// -1 when it never became ready.
double coldOpenMs(KioskApp& app, ManualClock& clock, TextureCache& cache, const std::string& name,
                  DisplaySize want, bool drawFrames) {
    auto t0 = std::chrono::steady_clock::now();
    cache.get(name, want);
    if (drawFrames) return loopUntilShownMs(app, clock, cache, name, want, t0);
    constexpr double kGiveUpMs = 10'000;
    while (!cache.residentAt(name, want) && msSince(t0) < kGiveUpMs) {
        app.waitAndHandleEvents(0); // pumps: finished decodes are uploaded here
        cache.get(name, want);
        SDL_Delay(1);
    }
    return cache.residentAt(name, want) ? msSince(t0) : -1;
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

// A visitor's tap at `target`, the interactive loop running in real time from the lifted finger
// until a frame shows `name` at `want` (see loopUntilShownMs); then the app settles in simulated
// time (the visitor looks at the photo; the viewer loads its neighbours meanwhile).
double tapUntilShownMs(BenchDriver& d, KioskApp& app, ManualClock& clock, TextureCache& cache,
                       const HitTarget& target, const std::string& name, DisplaySize want) {
    Vec2 c = target.rect.center();
    d.finger(SDL_FINGERDOWN, 1, c.x, c.y);
    d.tick(60.0);
    auto t0 = std::chrono::steady_clock::now();
    d.finger(SDL_FINGERUP, 1, c.x, c.y);
    double ms = loopUntilShownMs(app, clock, cache, name, want, t0);
    d.settle();
    return ms;
}

// Photo taps, as a visitor makes them on the city screen: a gallery photo tapped (the viewer
// opens on it), then "next" through the viewer, each until the photo is on screen at the
// viewer's size. Once with the cache as the screens left it ("photo-tap": the gallery and the
// viewer load their neighbours ahead), once with it emptied before each tap ("photo-tap-cold":
// nothing ahead, the decode is waited for). False when the city screen has no gallery photo.
bool benchPhotoTaps(BenchDriver& d, KioskApp& app, ManualClock& clock, TextureCache& cache) {
    d.tap("首页");
    d.settle();
    d.tap("tile:city");
    d.settle();
    std::vector<const Photo*> photos = cityGalleryPhotos(app.content());
    const HitTarget* page = d.findPrefix("gallery:");
    if (photos.empty() || !page || page->id != "gallery:" + photos.front()->id) {
        std::fprintf(stderr, "bench: the city gallery does not start with its first photo\n");
        return false;
    }
    DisplaySize box =
        widgets::viewerPhotoSize(DesignScale::forViewport(float(app.width()), float(app.height())));
    for (bool cold : {false, true}) {
        std::vector<double> ms;
        for (size_t i = 0; i < photos.size() && d.ok(); ++i) {
            if (cold) {
                cache.clear();
                d.settle(); // asks for no frame: all reloads with the tap's first frame
            }
            const HitTarget* t =
                app.hits().find(i == 0 ? "gallery:" + photos[0]->id : "viewer-next");
            if (!t) break;
            HitTarget target = *t; // the registry is rebuilt by the next frame
            double shown = tapUntilShownMs(d, app, clock, cache, target, photos[i]->file, box);
            if (shown < 0) {
                d.fail("bench: " + photos[i]->file + " not on screen 10 s after its tap");
                break;
            }
            ms.push_back(shown);
        }
        if (ms.size() < photos.size()) {
            std::fprintf(stderr, "bench: %s\n",
                         d.ok() ? "the viewer has no \"next\"" : d.failure().c_str());
            return false;
        }
        printPercentiles(cold ? "photo-tap-cold" : "photo-tap", ms);
        d.tap("viewer-close");
        d.settle();
    }
    return d.ok();
}

// Every demo photo and thumbnail, cold: the texture cache is emptied first (the screen
// behind reloads its own images, then settles), and what it reloaded is skipped.
void benchColdImages(BenchDriver& d, KioskApp& app, ManualClock& clock, TextureCache& cache) {
    d.tap("首页");
    cache.clear();
    d.settle();
    DisplaySize box =
        widgets::viewerPhotoSize(DesignScale::forViewport(float(app.width()), float(app.height())));
    box.contain = true;
    std::vector<double> photoMs, thumbMs, photoGpuMs, thumbGpuMs;
    for (bool drawFrames : {true, false}) {
        if (!drawFrames) { // the same images cold again
            cache.clear();
            d.settle();
        }
        for (const Photo& p : app.content().photos) {
            if (!p.thumb.empty() && !cache.resident(p.thumb)) {
                double ms = coldOpenMs(app, clock, cache, p.thumb, DisplaySize{}, drawFrames);
                if (ms >= 0) (drawFrames ? thumbMs : thumbGpuMs).push_back(ms);
            }
            if (!p.file.empty() && !cache.resident(p.file)) {
                double ms = coldOpenMs(app, clock, cache, p.file, box, drawFrames);
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
    TextureCache* cache = app.textureCache();
    if (!cache) return 0;
    if (!benchPhotoTaps(d, app, clock, *cache)) return 1;
    benchColdImages(d, app, clock, *cache);
    if (!d.ok()) std::fprintf(stderr, "bench: %s\n", d.failure().c_str());
    return d.ok() ? 0 : 1;
}

} // namespace zj
