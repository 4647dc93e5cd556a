#include "testing/scenario_runner.hpp"

#include "core/bundle/file_util.hpp"
#include "core/layout.hpp"
#include "core/layout_lint.hpp"
#include "core/theme_tokens.hpp"
#include "testing/touch_driver.hpp"
#include "ui/app.hpp"

#include <SDL.h>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace zj {

namespace {

constexpr double kFrameMs = 33.0; // simulated time per rendered frame (30 fps)
constexpr double kTapHoldMs = 60.0;

// Scenarios step 30 fps frames and 16 ms finger moves: what they check is what a visitor sees.
DriverTiming scenarioTiming() {
    DriverTiming t;
    t.frameMs = kFrameMs;
    t.motionStepMs = 16.0;
    return t;
}
constexpr Uint64 kPreviewHangMs = 300'000; // a guard against a hung build, not a speed limit

class Runner {
  public:
    Runner(KioskApp& app, ManualClock& clock, const ScenarioRunOptions& o)
        : app_(app), clock_(clock), opts_(o), driver_(app, clock, scenarioTiming()) {}

    int run(const Scenario& sc) {
        driver_.setStep("the start");
        driver_.settle();
        if (!driver_.ok()) return fail(driver_.failure()), 1;
        for (const ScenarioStep& step : sc.steps) {
            step_ = &step;
            driver_.setStep("`" + step.text + "`");
            bool ran = execute(step);
            // The driver's failure (stuck, the app quit) first: the step's own is its effect.
            if (!driver_.ok()) return fail(driver_.failure()), 1;
            if (!ran) return 1;
            if (app_.quitRequested()) return fail("the app quit"), 1;
        }
        return 0;
    }

  private:
    bool fail(const std::string& message) {
        std::fprintf(stderr, "%s:%d: %s\n    %s\n", opts_.file.c_str(), step_ ? step_->line : 0,
                     message.c_str(), step_ ? step_->text.c_str() : "");
        return false;
    }

    bool inside(float x, float y) {
        if (x < 0 || y < 0 || x >= app_.width() || y >= app_.height()) {
            fail("point " + std::to_string(static_cast<int>(x)) + "," +
                 std::to_string(static_cast<int>(y)) + " is outside the " +
                 std::to_string(app_.width()) + "x" + std::to_string(app_.height()) + " viewport");
            return false;
        }
        return true;
    }

    bool targetCenter(const std::string& label, float& x, float& y) {
        const HitTarget* t = app_.hits().find(label);
        if (!t) {
            std::string seen;
            for (const auto& h : app_.hits().targets())
                seen += " \"" + h.label.get(app_.lang()) + "\"";
            return fail("nothing tappable labelled \"" + label + "\" on screen " +
                        screenName(app_.screen()) + " (tappable:" + seen + ")");
        }
        Vec2 c = t->rect.center();
        x = c.x;
        y = c.y;
        return true;
    }

    bool tap(float x, float y, double holdMs) {
        if (!inside(x, y)) return false;
        driver_.tap(x, y, holdMs);
        return driver_.ok();
    }

    bool drag(float x1, float y1, float x2, float y2, double ms) {
        if (!inside(x1, y1) || !inside(x2, y2)) return false;
        driver_.drag(x1, y1, x2, y2, ms);
        return driver_.ok();
    }

    bool pinch(float cx, float cy, float scale, double ms) {
        float d0 = std::min(app_.width(), app_.height()) * 0.12f;
        float d1 = d0 * scale;
        if (!inside(cx - std::max(d0, d1), cy) || !inside(cx + std::max(d0, d1), cy)) return false;
        int steps = std::max(2, static_cast<int>(ms / 16.0));
        driver_.pinch(cx, cy, d0, d1, steps, ms / steps);
        return driver_.ok();
    }

    // An editor's save: FROM replaced by TO in FILE under the preview's sources, written as
    // editors do (a new file renamed over the old), so the real inotify path sees it.
    bool previewEdit(const ScenarioStep& s) {
        if (app_.previewSources().empty()) return fail("preview-edit needs --preview DIR");
        std::filesystem::path file = std::filesystem::path(app_.previewSources()) / s.arg;
        std::string text, err;
        if (!fileutil::readFile(file, text, err)) return fail(err);
        size_t at = text.find(s.value);
        if (at == std::string::npos) return fail("\"" + s.value + "\" is not in " + file.string());
        text.replace(at, s.value.size(), s.replacement);
        buildsBeforeEdit_ = app_.previewBuilds();
        editTicks_ = SDL_GetTicks64();
        if (!fileutil::writeFileAtomic(file, text, err)) return fail(err);
        return true;
    }

    // Real time passes here (the build is a child process); the simulated clock moves with the
    // frames so that the preview's quiet-time debounce runs as it would.
    bool previewWait() {
        if (app_.previewSources().empty()) return fail("preview-wait needs --preview DIR");
        Uint64 start = SDL_GetTicks64();
        while (app_.previewBuilds() <= buildsBeforeEdit_) {
            if (SDL_GetTicks64() - start > kPreviewHangMs)
                return fail("the preview did not finish a build within " +
                            std::to_string(kPreviewHangMs / 1000) + " s (a hang)");
            app_.waitAndHandleEvents(10);
            driver_.tick(kFrameMs);
        }
        driver_.settle();
        // A figure for the editor's loop (save -> new content on screen), never asserted.
        std::fprintf(stderr, "preview-wait: %llu ms from the save to the content on screen\n",
                     static_cast<unsigned long long>(SDL_GetTicks64() - editTicks_));
        return true;
    }

    // The layout lint on the frame this step checks: every finding fails the scenario.
    bool lint() {
        LintLimits lim;
        lim.width = static_cast<float>(app_.width());
        lim.height = static_cast<float>(app_.height());
        lim.scale = DesignScale::forViewport(lim.width, lim.height).scale;
        lim.touchMin = tokens::space::touchMin;
        lim.visitorTypeMin = tokens::type::visitorMin;
        std::vector<std::string> found = lintLayout(app_.hits(), lim);
        if (found.empty()) return true;
        if (!opts_.lintReport.empty()) return report(found);
        std::string msg = "layout lint: " + std::to_string(found.size()) +
                          " finding(s) on screen " + screenName(app_.screen()) + " (" +
                          langCode(app_.lang()) + ", " + std::to_string(app_.width()) + "x" +
                          std::to_string(app_.height()) + ")";
        size_t shown = std::min<size_t>(found.size(), 40);
        for (size_t i = 0; i < shown; ++i) msg += "\n    " + found[i];
        if (shown < found.size()) msg += "\n    ...";
        return fail(msg);
    }

    // Findings as lines of the report file (created at the first, appended after it).
    bool report(const std::vector<std::string>& found) {
        std::FILE* f = std::fopen(opts_.lintReport.c_str(), "a");
        if (!f) return fail("cannot write the lint report " + opts_.lintReport);
        std::string shot = step_ && step_->kind == ScenarioStep::Kind::Shot
                               ? step_->arg
                               : "line " + std::to_string(step_ ? step_->line : 0);
        for (const std::string& finding : found) {
            std::string oneLine = finding;
            for (char& c : oneLine)
                if (c == '\n' || c == '\t') c = ' ';
            std::fprintf(f, "%s\t%s\t%s\t%dx%d\t%s\n", shot.c_str(), screenName(app_.screen()),
                         langCode(app_.lang()), app_.width(), app_.height(), oneLine.c_str());
        }
        bool ok = std::fclose(f) == 0;
        return ok || fail("cannot write the lint report " + opts_.lintReport);
    }

    bool expect(const ScenarioStep& s) {
        const std::string& v = s.value;
        if (s.arg == "screen") {
            ScreenId want;
            if (!parseScreenName(v, want)) return fail("unknown screen '" + v + "'");
            if (app_.screen() != want)
                return fail(std::string("expected screen ") + v + ", but it is " +
                            screenName(app_.screen()));
        } else if (s.arg == "lang") {
            if (v != langCode(app_.lang()))
                return fail("expected lang " + v + ", but it is " + langCode(app_.lang()));
        } else if (s.arg == "visible") {
            if (!app_.hits().isVisible(v)) return fail("expected \"" + v + "\" to be visible");
        } else if (s.arg == "hidden") {
            if (app_.hits().isVisible(v)) return fail("expected \"" + v + "\" not to be visible");
        } else if (s.arg == "selection") {
            if (app_.selection() != v)
                return fail("expected selection " + v + ", but it is '" + app_.selection() + "'");
        }
        return true;
    }

    bool execute(const ScenarioStep& s) {
        using K = ScenarioStep::Kind;
        float x = s.nums[0], y = s.nums[1];
        switch (s.kind) {
            case K::Viewport: {
                std::string err;
                if (!app_.resize(static_cast<int>(s.nums[0]), static_cast<int>(s.nums[1]), err))
                    return fail("cannot set the viewport: " + err);
                driver_.settle();
                return driver_.ok();
            }
            case K::Lang: {
                Lang want = s.arg == "zh" ? Lang::Zh : Lang::En;
                if (app_.lang() != want) {
                    if (!targetCenter("lang-switch", x, y)) return false;
                    if (!tap(x, y, kTapHoldMs)) return false;
                }
                if (app_.lang() != want)
                    return fail("the language switch did not switch to " + s.arg);
                return true;
            }
            case K::TapAt:
                return tap(x, y, kTapHoldMs);
            case K::TapLabel:
                return targetCenter(s.arg, x, y) && tap(x, y, kTapHoldMs);
            case K::LongPress:
                if (!s.arg.empty() && !targetCenter(s.arg, x, y)) return false;
                return tap(x, y, 900.0);
            case K::Drag:
                return drag(s.nums[0], s.nums[1], s.nums[2], s.nums[3], s.nums[4]);
            case K::Pinch:
                return pinch(s.nums[0], s.nums[1], s.nums[2], s.nums[3]);
            case K::Idle:
                driver_.idle(s.nums[0] * 1000.0);
                return driver_.ok();
            case K::Expect:
                return lint() && expect(s);
            case K::Open: {
                ScreenId screen;
                if (!parseScreenName(s.arg, screen)) return fail("unknown screen '" + s.arg + "'");
                app_.openForScenario(screen, s.value);
                driver_.settle();
                if (app_.screen() != screen)
                    return fail(std::string("open ") + s.arg + " shows " +
                                screenName(app_.screen()));
                return true;
            }
            case K::PreviewEdit:
                return previewEdit(s);
            case K::PreviewWait:
                return previewWait();
            case K::LintSeed:
                app_.setLintSeed(s.arg);
                driver_.settle();
                return driver_.ok();
            case K::Shot: {
                if (opts_.shotsDir.empty()) return lint();
                std::string path =
                    (std::filesystem::path(opts_.shotsDir) / (s.arg + ".png")).string();
                std::string err;
                app_.waitAndHandleEvents(0);
                if (!app_.renderFrame(&path, &err)) return fail("screenshot failed: " + err);
                return lint();
            }
        }
        return true;
    }

    KioskApp& app_;
    ManualClock& clock_;
    const ScenarioRunOptions& opts_;
    TouchDriver driver_;
    const ScenarioStep* step_ = nullptr;
    uint64_t buildsBeforeEdit_ = 0; // preview builds finished when the last edit was saved
    Uint64 editTicks_ = 0;          // when it was saved (real time)
};

} // namespace

int runScenario(KioskApp& app, ManualClock& clock, const Scenario& scenario,
                const ScenarioRunOptions& options) {
    Runner runner(app, clock, options);
    return runner.run(scenario);
}

} // namespace zj
