// The kiosk application: window, input, fonts, content, screens and the event-driven frame
// loop. It renders only when something asks for it (input, animation, content switch).
#pragma once
#include "core/bundle/bundle.hpp"
#include "core/clock.hpp"
#include "core/content/model.hpp"
#include "core/hit_registry.hpp"
#include "core/navigation.hpp"
#include "core/session/restarts.hpp"
#include "core/session/session_config.hpp"
#include "core/sync/config.hpp"
#include "platform/fonts.hpp"
#include "platform/input.hpp"
#include "platform/media_services.hpp"
#include "platform/texture_cache.hpp"
#include "platform/window.hpp"
#include "ui/ui_context.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

union SDL_Event;

namespace zj {

class ContentPreview;
class Screen;
class SyncService;
class SessionLayer;

struct AppOptions {
    WindowOptions window;                         // fullscreen unless --windowed / scenario
    bool escapeQuits = false;                     // only in --windowed development mode
    std::string dataDir = "/var/lib/zjmap-kiosk"; // the synced content store (--data)
    std::string bundleDir; // a packed bundle to show (--bundle); default: the demo bundle
    // The one publisher key of this process: --public-key, else the config's (main.cpp puts
    // the same key into `sync`); none: only the demo bundle, checked with the development key.
    std::optional<crypto::PublicKey> publicKey;
    std::optional<KioskConfig> sync; // background sync (sources in the config); none: no sync
    std::string syncOffReason;       // why sync is off although a config exists (it is broken)
    SyncOff syncOff = SyncOff::None; // why a valid config does not sync (no key, dev key)
    std::string metricsFile;         // --metrics FILE: a Prometheus textfile rewritten every minute
    bool countRestarts = false;      // the kiosk itself records its starts (scenarios only read)
    Lang defaultLang = Lang::Zh;     // the language a new session starts in
    SessionConfig session;           // [attract] [staff] [display] [analytics] of the config
    std::string previewSources;      // --preview SRC: packed on every save (app_preview.cpp)
    bool runtimeFontAtlas = false;   // --runtime-font-atlas: FreeType even if the bundle has one
};

struct FrameStats {
    uint64_t framesRendered = 0;
    double lastFrameMs = 0;      // CPU time to build and submit the last frame (wall clock)
    double firstFrameWallMs = 0; // process-relative wall time when the first frame was shown
};

class KioskApp {
  public:
    KioskApp(AppOptions options, Clock& clock);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    bool init(std::string& err);
    int run(); // the interactive loop; returns the exit code

    // [SECTION] Driving frames (the interactive loop and the scenario runner)
    void waitAndHandleEvents(int timeoutMs); // blocks up to timeoutMs, then drains the queue
    // Why a frame is wanted. `Now`: it carries state (input and its follow-up, a pending
    // navigation, fonts, video). `Images`: only decodes and uploads are in flight (they finish
    // in real time, frames or not; the finished one asks for `Now`). `Animation`: only the
    // picture moves (a running animation, its final frame, the attract loop's pacing). Drivers
    // on the simulated clock draw the last two coarsely while nobody looks
    // (testing/touch_driver.hpp).
    enum class FrameNeed { None, Animation, Images, Now };
    FrameNeed frameNeed() const;
    bool frameWanted() const { return frameNeed() != FrameNeed::None; }
    // Renders one frame; with `shotPath` also writes it as PNG before presenting.
    bool renderFrame(const std::string* shotPath = nullptr, std::string* err = nullptr);
    bool texturesBusy() const {
        return media_.textures && media_.textures->busy();
    }                              // decodes or uploads
    double nextDeadlineMs() const; // the next timer (long press, animation), or < 0
    // The next timer that changes state (long press, idle prompt, schedule, tour, preview),
    // without animation and the attract loop's pacing; < 0: none.
    double nextStateDeadlineMs() const;
    bool quitRequested() const { return quit_; }

    // [SECTION] State, for scenarios and tests
    ScreenId screen() const { return nav_.current().screen; }
    const std::string& selection() const { return nav_.current().selection; }
    Lang lang() const { return lang_; }
    const HitRegistry& hits() const { return hits_; }
    const Content& content() const { return *content_; }
    const FrameStats& stats() const { return stats_; }
    const FontSet& fonts() const { return fonts_; }
    uint64_t textureBytes() const { return media_.textures ? media_.textures->bytesResident() : 0; }
    TextureCache* textureCache() { return media_.textures.get(); } // the frame bench's photo rows
    uint64_t videoLoopsPlayed() const { return media_.video.loopsPlayed(); } // the soak's figure
    int width() const { return window_.width(); }
    int height() const { return window_.height(); }
    bool resize(int width, int height, std::string& err);
    // Reruns the start-up content selection between frames and starts a new session on the
    // home screen, as a bundle switch does (the soak test's content switch).
    void reloadContent();
    void switchToNewContentWhenSafe(); // a version the sync installed, at a safe moment
    // --preview: builds of the sources finished so far (ok or failed), for `preview-wait`.
    uint64_t previewBuilds() const;
    const std::string& previewSources() const { return options_.previewSources; }
    bool previewBroken() const { return !previewError_.empty(); } // the last build failed
    // Scenarios only (`open SCREEN [SELECTION]`): the navigation a tap would post, without the
    // tap (the proof sheet's walk through every park and chain).
    void openForScenario(ScreenId screen, std::string selection) {
        nav_.post(NavCommand::go(screen, std::move(selection)));
        framesPending_ = std::max(framesPending_, 2);
    }
    // Scenarios only (`lint-seed KIND`): draws one deliberate layout defect on every frame from
    // now on, so must-fail scenarios prove each layout lint rule fires.
    void setLintSeed(std::string kind) {
        lintSeed_ = std::move(kind);
        framesPending_ = std::max(framesPending_, 2);
    }

  private:
    void handleEvent(const SDL_Event& e);
    void loadContent();
    bool rebuildFontsIfNeeded(std::string& err);
    Screen* screenFor(ScreenId id);
    void afterFrame(bool langSwitchRequested, double animateUntil);
    void writeMetrics();                           // --metrics: the Prometheus textfile
    UiContext makeUiContext(double nowMs);         // the services and design size every draw sees
    void enterCurrentScreen(bool instant = false); // onEnter + transition for nav_.current()
    void setUpSession(); // the session layer and the attract and staff screens
    void drawLintSeed(UiContext& ui);
    bool startPreview(std::string& err); // app_preview.cpp: --preview
    void pollPreview();
    void reloadKeepingPlace(); // new content, same screen, selection and language
    void drawPreviewOverlay(UiContext& ui);

    AppOptions options_;
    Clock& clock_;
    Window window_;
    InputLayer input_;
    FontSet fonts_;
    Navigator nav_;
    HitRegistry hits_;
    std::vector<UsageNote> usage_; // this frame's analytics notes from the screens
    double nextMetricsMs_ = 0;     // when --metrics is rewritten next
    std::shared_ptr<const Content> content_;
    std::optional<Bundle> bundle_; // the bundle content_ came from (media paths); none: built-in
    MediaServices media_;          // textures, QR codes, video hub: released before ImGui and GL go
    std::vector<std::unique_ptr<Screen>> screens_; // after media_: their players use its hub
    std::unique_ptr<SyncService> sync_;            // background sync, when the config names sources
    std::unique_ptr<SessionLayer> session_; // idle/attract, staff, tours, display hours, analytics
    std::unique_ptr<ContentPreview> preview_; // --preview: the sources' watcher and builder
    std::string previewError_;                // --preview: the last build's first error, or ""
    int exitCode_ = 0;                        // run()'s result (the staff panel's restart / exit)
    double startedMs_ = 0;                    // for the staff panel's uptime
    RestartCounts restarts_;                  // this store's starts and unclean ends, this one in
    int runMarkerFd_ = -1; // state/running, locked while this run lives (countRestarts)
    uint64_t pendingContentVersion_ = 0; // installed by sync, not yet on screen
    bool videoWantsFrame_ = false;       // a video on screen has a new frame (or loads)
    std::vector<Gesture> gestures_;      // this frame's screen-level gestures
    Lang lang_ = Lang::Zh;
    bool quit_ = false;
    bool imguiReady_ = false;
    bool fontsDirty_ = true;
    int framesPending_ = 2; // ImGui settles hover/active state over two frames
    double animateUntilMs_ = 0;
    bool pacedFrame_ = false; // the attract loop's next paced frame is due (FrameNeed::Animation)
    double transitionStartMs_ = -1e9;
    double lastFrameClockMs_ = 0;
    FrameStats stats_;
    std::string lintSeed_; // a seeded layout defect (scenarios only); empty: none
};

} // namespace zj
