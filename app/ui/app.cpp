// [SECTION] Construction and start-up
// [SECTION] Content
// [SECTION] Events
// [SECTION] Frames
// [SECTION] The interactive loop
#include "ui/app.hpp"

#include "core/bundle/file_util.hpp"
#include "core/process_memory.hpp"
#include "core/session/log_ring.hpp"
#include "core/sync/sync_service.hpp"
#include "core/version.hpp"
#include "platform/gl_api.hpp"
#include "platform/screenshot.hpp"
#include "platform/service_notify.hpp"
#include "ui/preview_banner.hpp"
#include "ui/screens/staff_screen.hpp"
#include "ui/session_layer.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace zj {

namespace {
ContentSources contentSourcesOf(const AppOptions& o) {
    ContentSources s;
    s.dataDir = o.dataDir;
    s.bundleDir = o.bundleDir;
    s.publicKey = o.publicKey;
    if (o.sync && o.sync->rootKey) s.rootKeyConfig = *o.sync;
    s.runtimeFontAtlas = o.runtimeFontAtlas;
    return s;
}

// The start-up's phases on stderr with ZJ_TRACE_STARTUP set (the launch bench reads them).
class StartupTrace {
  public:
    StartupTrace() : on_(std::getenv("ZJ_TRACE_STARTUP") != nullptr), t0_(now()) {}
    void lap(const char* what) {
        double t = now();
        if (on_) std::fprintf(stderr, "startup: %s %.1f ms\n", what, t - t0_);
        t0_ = t;
    }
    bool on() const { return on_; }

  private:
    static double now() { return SystemClock().nowMs(); }
    bool on_;
    double t0_;
};
} // namespace

// [SECTION] Construction and start-up

KioskApp::KioskApp(AppOptions options, Clock& clock)
    : options_(std::move(options)), clock_(clock), content_(contentSourcesOf(options_)),
      visit_(VisitSession::Parts{
          .config = &options_.session,
          .defaultLang = options_.defaultLang,
          .dataDir = options_.dataDir,
          .clock = &clock_,
          .frames = &frames_,
          .input = &input_,
          .video = &content_.media().video,
          .makeUi = [this](double nowMs) { return makeUiContext(nowMs); },
          .journalScreens = !options_.window.allowHeadless,
      }) {
    startedMs_ = clock_.nowMs();
    visit_.addScreen(std::make_unique<StaffScreen>(staffServices()));
    loadStaffVolume();
}

KioskApp::~KioskApp() {
    if (sync_) sync_->stop();
    // Not a clean end (the loop never ran or did not finish): the marker stays and counts.
    if (runMarkerFd_ >= 0) ::close(runMarkerFd_);
    if (imguiReady_) {
        content_.releaseGpu(); // GL is still current: videos, QR codes, images, the atlas
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
}

void KioskApp::recordThisStart() {
    // First: a start that fails or crashes from here on is still counted at the next one.
    std::vector<std::string> restartLog;
    if (options_.countRestarts) {
        restarts_ = recordStart(options_.dataDir, restartLog, runMarkerFd_);
    } else {
        std::string countErr;
        restarts_ = readRestartCounts(options_.dataDir, countErr);
        if (!countErr.empty()) restartLog.push_back("restarts: " + countErr);
    }
    for (const auto& line : restartLog) logLine("%s", line.c_str());
}

bool KioskApp::init(std::string& err) {
    StartupTrace trace;
    recordThisStart();
    if (!content_.fonts().loadFiles(err)) return false;
    trace.lap("font files");
    if (!options_.previewSources.empty() && !content_.startPreview(options_.previewSources, err))
        return false;
    content_.load();
    trace.lap("content");
    if (!window_.open(options_.window, err)) return false;
    trace.lap("window");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window_.sdl(), window_.glContext());
    ImGui_ImplOpenGL3_Init("#version 330 core");
    // Create the shader and buffers now: left to the first NewFrame, the backend would also
    // rebuild our font atlas from scratch as RGBA.
    ImGui::GetIO().Fonts->AddFontDefault();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    imguiReady_ = true;
    content_.startMedia(/*headless=*/options_.window.allowHeadless);
    frames_.resetClock(clock_.nowMs());
    trace.lap("imgui");
    if (!ensureFonts(err)) return false;
    trace.lap("font atlas");
    if (trace.on()) {
        const FontStats& fs = content_.fonts().stats();
        std::fprintf(stderr, "startup: atlas %dx%d, %d glyphs\n", fs.atlasWidth, fs.atlasHeight,
                     fs.glyphCount);
    }
    visit_.enterCurrentScreen(/*instant=*/true); // the first screen at once: a fast first frame
    startSyncUnlessOff();
    return true;
}

void KioskApp::startSyncUnlessOff() {
    if (!options_.syncOffReason.empty()) // journal and the staff panel's recent lines
        logLine("config: %s: sync is off until it is fixed", options_.syncOffReason.c_str());
    if (options_.sync) options_.syncOff = syncOffCause(*options_.sync);
    // No usable key (the shipped config has none; the development key is refused): a set-up
    // step still to do, said in the journal here and on the staff panel (StaffStatus).
    if (options_.syncOff == SyncOff::NoKey || options_.syncOff == SyncOff::DevelopmentKey)
        logLine("config: %s", syncOffMessage(options_.syncOff).c_str());
    if (options_.sync && options_.syncOff == SyncOff::None) {
        sync_ = std::make_unique<SyncService>(*options_.sync, clock_);
        sync_->setVersionInUse(content_.version());
        // Started after the first frame (renderFrame): its store reads and first fetch would
        // only compete with the start-up for the CPU.
    }
}

// [SECTION] Content

void KioskApp::switchToNewContentWhenSafe() {
    if (!sync_) return;
    if (auto v = sync_->takeNewVersion()) pendingContentVersion_ = *v;
    // Never in the middle of a visit: only on the home screen (or the attract loop), with no
    // finger down, and not while a transition is still running.
    bool safe = (screen() == ScreenId::Home || screen() == ScreenId::Attract) &&
                input_.recognizer().fingerCount() == 0 && !frames_.animating(clock_.nowMs());
    if (pendingContentVersion_ && safe) {
        logLine("switching to content version %llu",
                static_cast<unsigned long long>(pendingContentVersion_));
        pendingContentVersion_ = 0;
        reloadContent();
    }
}

void KioskApp::reloadContent() {
    content_.load();
    if (sync_) sync_->setVersionInUse(content_.version());
    visit_.restartOnNewContent();
}

void KioskApp::pollPreview() {
    switch (content_.pollPreview(clock_.nowMs())) {
        case ContentHost::PreviewChange::RebuiltSameIds:
            visit_.keepPlaceAfterEdit(/*idsKept=*/true);
            break;
        case ContentHost::PreviewChange::RebuiltNewIds:
            visit_.keepPlaceAfterEdit(/*idsKept=*/false);
            break;
        case ContentHost::PreviewChange::Failed:
            frames_.request(2); // the banner names the error
            break;
        case ContentHost::PreviewChange::None:
            break;
    }
}

bool KioskApp::ensureFonts(std::string& err) {
    float scale =
        DesignScale::forViewport(static_cast<float>(width()), static_cast<float>(height())).scale;
    // Finger thresholds in the display's pixels (a tap slop of 24 design px is 48 px at 4K).
    input_.recognizer().setSettings(GestureSettings{}.scaled(scale));
    return content_.ensureFonts(scale, err);
}

bool KioskApp::resize(int w, int h, std::string& err) {
    if (w == width() && h == height()) return true; // a scenario's window opens at its viewport
    if (!window_.resize(w, h, err)) return false;
    frames_.request(2);
    return ensureFonts(err);
}

// [SECTION] Events

void KioskApp::handleEvent(const SDL_Event& e) {
    if (e.type == SDL_QUIT) {
        quit_ = true; // window closed or SIGTERM (systemd stop)
        return;
    }
    if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE && options_.escapeQuits) {
        quit_ = true; // development only: in kiosk mode only the staff panel can quit
        return;
    }
    if (visit_.layer().filterInput(e)) { // woke the kiosk / dismissed the prompt / closed page
        frames_.request(2);
        return;
    }
    double now = clock_.nowMs();
    if (input_.handle(e, now, static_cast<float>(width()), static_cast<float>(height()),
                      gestures_)) {
        frames_.request(2);
        return;
    }
    switch (e.type) {
        case SDL_WINDOWEVENT:
            // A size change rebuilds the atlas only if the scale changed (ensureFonts).
            frames_.request(1);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_MOUSEWHEEL:
            ImGui_ImplSDL2_ProcessEvent(&e);
            frames_.request(2);
            break;
        default:
            break;
    }
}

void KioskApp::waitAndHandleEvents(int timeoutMs) {
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, timeoutMs)) {
        handleEvent(e);
        while (SDL_PollEvent(&e)) handleEvent(e);
    }
    std::vector<Gesture> timed;
    input_.update(clock_.nowMs(), timed);
    if (!timed.empty()) {
        gestures_.insert(gestures_.end(), timed.begin(), timed.end());
        frames_.request(2);
    }
    SessionLayer& layer = visit_.layer();
    if (layer.update()) {
        if (layer.lastWantWasPacing())
            frames_.pace(); // only the attract loop's picture moves
        else
            frames_.request(1);
    }
    if (content_.previewing()) pollPreview();
    switchToNewContentWhenSafe();
    // Finished image uploads and new video frames ask for a frame; nothing else here does.
    MediaServices& media = content_.media();
    if (media.textures && media.textures->pump()) frames_.request(1);
    videoWantsFrame_ = media.video.pumpAll();
}

KioskApp::FrameNeed KioskApp::frameNeed() const {
    if (frames_.statePending() || videoWantsFrame_ || input_.needsFollowUpFrame() ||
        visit_.nav().pending() || content_.fontsDirty())
        return FrameNeed::Now;
    // Image decodes and uploads count too: scenarios settle only when every image is shown.
    if (texturesBusy()) return FrameNeed::Images;
    if (frames_.animationPending()) return FrameNeed::Animation;
    return FrameNeed::None;
}

bool KioskApp::texturesBusy() const {
    const MediaServices& media = content_.media();
    return media.textures && media.textures->busy();
}

namespace {
double earliest(double a, double b) {
    return a < 0 ? b : b < 0 ? a : std::min(a, b);
}
} // namespace

double KioskApp::nextStateDeadlineMs() const {
    double d = earliest(input_.deadline(), visit_.layer().deadline(/*withPacing=*/false));
    return earliest(d, content_.previewDeadlineMs()); // a due rebuild, a running one
}

bool KioskApp::frameDue() const {
    FrameNeed need = frameNeed();
    return need == FrameNeed::Images ? frames_.animationPending() : need != FrameNeed::None;
}

double KioskApp::nextDeadlineMs() const {
    double d = input_.deadline();
    if (frames_.animating(clock_.nowMs())) d = earliest(d, frames_.animateUntilMs());
    d = earliest(d, visit_.layer().deadline()); // idle, countdown, schedule, tour, pacing
    return earliest(d, content_.previewDeadlineMs());
}

// [SECTION] Frames

// The one place a UiContext is made: frames and screen entries see the same services and the
// same design size (an onEnter that lays out or notes usage gets what a frame gets).
UiContext KioskApp::makeUiContext(double nowMs) {
    UiContext ui;
    ui.ds = DesignScale::forViewport(static_cast<float>(width()), static_cast<float>(height()));
    ui.lang = visit_.lang();
    ui.content = &content_.content();
    ui.fonts = &content_.fonts();
    ui.nav = &visit_.nav();
    ui.hits = &hits_;
    ui.clock = &clock_;
    ui.gestures = &gestures_;
    ui.textures = content_.media().textures.get();
    ui.qr = &content_.media().qr;
    ui.usage = &usage_;
    ui.nowMs = nowMs;
    return ui;
}

bool KioskApp::renderFrame(const std::string* shotPath, std::string* err) {
    std::string fontErr;
    if (!ensureFonts(fontErr)) logLine("fonts: %s", fontErr.c_str());
    Uint64 t0 = SDL_GetPerformanceCounter();
    double now = clock_.nowMs();
    int w = width(), h = height();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = static_cast<float>(std::max(0.001, frames_.beginFrame(now) / 1000.0));
    input_.applyToImGui(io);
    ImGui::NewFrame();
    hits_.beginFrame();

    UiContext ui = makeUiContext(now);
    drawFrameContent(ui);
    ImGui::Render();

    clearFrame(w, h, 0.957f, 0.965f, 0.976f); // the page colour, #F4F6F9
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bool ok = true;
    if (shotPath) {
        std::string e;
        ok = writeScreenshotPng(w, h, *shotPath, e);
        if (!ok && err) *err = e;
    }
    window_.swap();

    stats_.framesRendered++;
    stats_.lastFrameMs =
        (SDL_GetPerformanceCounter() - t0) * 1000.0 / SDL_GetPerformanceFrequency();
    if (stats_.framesRendered == 1) {
        stats_.firstFrameWallMs = SDL_GetTicks();
        if (sync_) sync_->start(); // nothing that can wait runs before the first frame
    }
    gestures_.clear();
    frames_.endFrame();
    frames_.animateUntil(ui.animateUntilMs);
    visit_.afterFrame(ui.langSwitchRequested);
    return ok;
}

void KioskApp::drawFrameContent(UiContext& ui) {
    double start = frames_.transitionStartMs();
    float t = static_cast<float>((ui.nowMs - start) / tokens::motion::transitionMs);
    ui.fade = tokens::easeOutCubic(t);
    if (t < 1) ui.animateUntil(start + tokens::motion::transitionMs);

    ImVec2 size(ui.ds.width, ui.ds.height);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    // The page colour is the glClear of renderFrame: a full-window rectangle here cost llvmpipe
    // ~10 ms a 1080p frame (every pixel sampled and blended) for the same picture.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Screen transition: the new screen fades in and rises a little (vertices shifted after).
    int vtxStart = dl->VtxBuffer.Size;
    visit_.drawScreen(ui);
    if (!lintSeed_.empty()) drawLintSeed(ui);
    if (t < 1) {
        float rise = (1.0f - ui.fade) * ui.px(24);
        for (int i = vtxStart; i < dl->VtxBuffer.Size; ++i) dl->VtxBuffer[i].pos.y += rise;
    }
    ImGui::End();
    visit_.drawOverlays(ui); // prompt, tour bar
    if (!content_.previewError().empty()) drawPreviewBanner(ui, content_.previewError());
    visit_.takeUsage(usage_);
}

void KioskApp::drawLintSeed(UiContext& ui) {
    // Deliberate defects in the middle of the window, one per layout lint rule.
    ImVec2 c(ui.ds.width * 0.5f, ui.ds.height * 0.5f);
    const uint32_t ink = tokens::color::national;
    if (lintSeed_ == "overlap") {
        theme::text(ui, FontRole::Body, c, ink, "LINT-SEED overlap A");
        theme::text(ui, FontRole::Body, c + ImVec2(ui.px(20), ui.px(10)), ink,
                    "LINT-SEED overlap B");
    } else if (lintSeed_ == "clip") {
        ImGui::GetWindowDrawList()->PushClipRect(c, c + ImVec2(ui.px(80), ui.px(60)), true);
        theme::text(ui, FontRole::Body, c, ink, "LINT-SEED clipped text");
        ImGui::GetWindowDrawList()->PopClipRect();
    } else if (lintSeed_ == "small-target") {
        widgets::touchArea(ui, "lint-seed-small", Text{"小目标", "small target"}, c,
                           c + ImVec2(ui.px(60), ui.px(60)));
    } else if (lintSeed_ == "small-text") {
        theme::textAtSize(ui, FontRole::Caption, 18, c, ink, "LINT-SEED small text");
    }
}

// [SECTION] The interactive loop

bool KioskApp::loopStep() {
    int timeout = 0;
    if (!frameDue()) {
        // Sleep until the next timer or one second: a static screen costs ~0% CPU. While
        // photos decode the loop draws nothing (a decode done wakes it); decoded pixels
        // still to upload are its own work, between short waits for input.
        double d = nextDeadlineMs();
        double wait = d < 0 ? 1000.0 : d - clock_.nowMs();
        const MediaServices& media = content_.media();
        if (media.textures && media.textures->uploadsPending()) wait = 1.0;
        timeout = static_cast<int>(std::clamp(wait, 1.0, 1000.0));
    }
    waitAndHandleEvents(timeout);
    service::notifyWatchdog(); // a hung loop stops pinging: systemd restarts the kiosk
    if (sync_) sync_->setSessions(visit_.layer().visitsSinceStart());
    if (!options_.metricsFile.empty() && clock_.nowMs() >= nextMetricsMs_) {
        writeMetrics();
        nextMetricsMs_ = clock_.nowMs() + 60'000;
    }
    if (quit_ || !frameDue()) return false;
    double start = clock_.nowMs();
    renderFrame();
    service::notifyReady(); // once: the first frame is on screen
    if (stats_.framesRendered == 1)
        std::fprintf(stderr, "zjmap-kiosk: first frame (screen %s, content version %llu)\n",
                     screenName(screen()), static_cast<unsigned long long>(content_.version()));
    // No vsync under Xvfb/offscreen: never spin faster than ~60 fps while animating.
    double spent = clock_.nowMs() - start;
    if (spent < 16.0) SDL_Delay(static_cast<Uint32>(16.0 - spent));
    return true;
}

int KioskApp::run() {
    while (!quit_) loopStep();
    std::string err;
    if (!recordCleanExit(options_.dataDir, runMarkerFd_, err))
        logLine("restarts: %s (the next start will count an unclean end)", err.c_str());
    return exitCode_;
}

void KioskApp::writeMetrics() {
    KioskMetrics m;
    if (sync_) {
        m.status = sync_->statusReport();
        SyncServiceStatus st = sync_->status();
        if (st.last) {
            m.lastSyncAttempt = st.last->attemptTime;
            m.lastSyncOk = st.last->result == "updated" || st.last->result == "up-to-date";
            m.lastSyncSuccess = st.last->lastSuccessTime;
        }
    } else {
        // No sync here (none configured, or its config is broken): what a `sync --once` or an
        // earlier run with sync recorded in the store is still the truth for the alert rules.
        if (std::optional<LastSync> last = loadLastSync(options_.dataDir)) {
            m.lastSyncAttempt = last->attemptTime;
            m.lastSyncSuccess = last->lastSuccessTime;
        }
        m.status.kioskId = options_.sync && !options_.sync->kioskId.empty() ? options_.sync->kioskId
                                                                            : defaultKioskId();
        m.status.appVersion = versionString();
        m.status.uptimeS = (clock_.nowMs() - startedMs_) / 1000.0;
    }
    m.status.contentVersion = content_.version(); // what is on screen
    const std::optional<Bundle>& bundle = content_.bundle();
    m.contentExpires = bundle ? bundle->manifest.expires : 0;
    m.starts = restarts_.starts;
    m.restarts = restarts_.unclean;
    m.status.sessions = visit_.layer().visitsSinceStart();
    m.rssBytes = residentBytes();
    m.textureBytes = content_.textureBytes();
    m.framesRendered = stats_.framesRendered;
    std::string err;
    // Atomic rename: node_exporter never reads half a file.
    if (!fileutil::writeFileAtomic(options_.metricsFile, prometheusText(m), err))
        logLine("metrics: %s", err.c_str());
}

} // namespace zj
