// The kiosk application: the event-driven frame loop over three parts. ContentHost owns what
// is shown (bundle, fonts, textures, video, the editor's preview), VisitSession what a visitor
// does with it (language, navigation, screens, session layer), FrameScheduler why a frame is
// due. The app itself owns the window, input, ImGui, sync, metrics and the restart count, and
// renders only when something asks for it (input, animation, content switch).
#pragma once
#include "core/bundle/data_dir.hpp"
#include "core/clock.hpp"
#include "core/frame_scheduler.hpp"
#include "core/hit_registry.hpp"
#include "core/session/restarts.hpp"
#include "core/session/session_config.hpp"
#include "core/sync/config.hpp"
#include "platform/input.hpp"
#include "platform/window.hpp"
#include "ui/content_host.hpp"
#include "ui/ui_context.hpp"
#include "ui/visit_session.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

union SDL_Event;

namespace zj {

struct StaffServices;
class SyncService;

struct AppOptions {
    WindowOptions window;                  // fullscreen unless --windowed / scenario
    bool escapeQuits = false;              // only in --windowed development mode
    std::string dataDir = kDefaultDataDir; // the synced content store (--data)
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
    // One pass of it: wait for input or a timer (not when a frame is due), handle events, draw
    // a frame if one is due. Returns whether it drew one. The frame bench times taps with it.
    bool loopStep();

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
    // The interactive loop's test: as frameWanted, but images still decoding draw nothing new
    // (their workers wake the loop, and pump() asks for the frame that shows them).
    bool frameDue() const;
    // Renders one frame; with `shotPath` also writes it as PNG before presenting.
    bool renderFrame(const std::string* shotPath = nullptr, std::string* err = nullptr);
    bool texturesBusy() const;     // decodes or uploads
    double nextDeadlineMs() const; // the next timer (long press, animation), or < 0
    // The next timer that changes state (long press, idle prompt, schedule, tour, preview),
    // without animation and the attract loop's pacing; < 0: none.
    double nextStateDeadlineMs() const;
    bool quitRequested() const { return quit_; }
    double animationEndMs() const { return frames_.animateUntilMs(); } // a running animation's end
    bool resize(int width, int height, std::string& err);
    // Reruns the start-up content selection between frames and starts a new visit on the
    // home screen, as a bundle switch does (the soak test's content switch).
    void reloadContent();
    void switchToNewContentWhenSafe(); // a version the sync installed, at a safe moment

    // [SECTION] State, read by the drivers (scenario runner, monkey, soak, bench)
    const VisitSession& visit() const { return visit_; }
    const ContentHost& contentHost() const { return content_; }
    ScreenId screen() const { return visit_.current().screen; }
    const std::string& selection() const { return visit_.current().selection; }
    Lang lang() const { return visit_.lang(); }
    const HitRegistry& hits() const { return hits_; }
    const Content& content() const { return content_.content(); }
    const FrameStats& stats() const { return stats_; }
    int width() const { return window_.width(); }
    int height() const { return window_.height(); }
    uint64_t textureBytes() const { return content_.textureBytes(); }
    TextureCache* textureCache() { return content_.media().textures.get(); } // the bench's photos
    uint64_t videoLoopsPlayed() const { return content_.media().video.loopsPlayed(); } // soak
    uint64_t previewBuilds() const { return content_.previewBuilds(); } // `preview-wait`
    const std::string& previewSources() const { return options_.previewSources; }
    // Scenarios only (`open SCREEN [SELECTION]`): the navigation a tap would post, without the
    // tap (the proof sheet's walk through every park and chain).
    void openForScenario(ScreenId screen, std::string selection) {
        visit_.post(NavCommand::go(screen, std::move(selection)));
    }
    // Scenarios only (`lint-seed KIND`): draws one deliberate layout defect on every frame from
    // now on, so must-fail scenarios prove each layout lint rule fires.
    void setLintSeed(std::string kind) {
        lintSeed_ = std::move(kind);
        frames_.request(2);
    }

  private:
    void handleEvent(const SDL_Event& e);
    void recordThisStart(); // state/running and the restart count, before anything can fail
    void startSyncUnlessOff();
    bool ensureFonts(std::string& err);
    void pollPreview();
    UiContext makeUiContext(double nowMs); // the services and design size every draw sees
    void drawFrameContent(UiContext& ui); // the screen with its transition, seeded defects, banners
    void drawLintSeed(UiContext& ui);
    void writeMetrics();           // --metrics: the Prometheus textfile
    StaffServices staffServices(); // app_staff.cpp: what the staff panel may see and do
    void loadStaffVolume();        // app_staff.cpp: DATA/staff-volume, if kept

    AppOptions options_;
    Clock& clock_;
    FrameScheduler frames_;
    Window window_;
    InputLayer input_;
    HitRegistry hits_;
    std::vector<Gesture> gestures_; // this frame's screen-level gestures
    std::vector<UsageNote> usage_;  // this frame's analytics notes from the screens
    ContentHost content_;           // before visit_: the screens' players use its video hub
    VisitSession visit_;
    std::unique_ptr<SyncService> sync_;  // background sync, when the config names sources
    RestartCounts restarts_;             // this store's starts and unclean ends, this one in
    int runMarkerFd_ = -1;               // state/running, locked while this run lives
    uint64_t pendingContentVersion_ = 0; // installed by sync, not yet on screen
    bool videoWantsFrame_ = false;       // a video on screen has a new frame (or loads)
    double startedMs_ = 0;               // for the staff panel's uptime
    double nextMetricsMs_ = 0;           // when --metrics is rewritten next
    int exitCode_ = 0;                   // run()'s result (the staff panel's restart / exit)
    bool quit_ = false;
    bool imguiReady_ = false;
    FrameStats stats_;
    std::string lintSeed_; // a seeded layout defect (scenarios only); empty: none
};

} // namespace zj
