// [SECTION] Construction and start-up
// [SECTION] Content and fonts
// [SECTION] Events
// [SECTION] Frames
// [SECTION] The interactive loop
#include "ui/app.hpp"

#include "core/asset_name.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"
#include "core/content/startup.hpp"
#include "core/process_memory.hpp"
#include "core/session/log_ring.hpp"
#include "core/sync/sync_service.hpp"
#include "core/ui_strings.hpp"
#include "core/version.hpp"
#include "platform/content_preview.hpp"
#include "platform/font_atlas.hpp"
#include "platform/screenshot.hpp"
#include "platform/service_notify.hpp"
#include "platform/video_player.hpp"
#include "ui/builtin_content.hpp"
#include "ui/screens/city_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/industry_screen.hpp"
#include "ui/screens/invest_screen.hpp"
#include "ui/screens/map_screen.hpp"
#include "ui/session_layer.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace zj {

namespace {
// The UI's own art (assets/README.md): the source tree's in a build, else the installed copy.
std::filesystem::path assetsDir() {
    std::error_code ec;
    if (std::filesystem::exists(ZJ_ASSETS_SOURCE "/README.md", ec)) return ZJ_ASSETS_SOURCE;
    return ZJ_ASSETS_INSTALLED;
}

// Logical names -> files, for the texture cache and the video: bundle names resolve in (a copy
// of) the bundle, so decodes in flight never see a switched one; "asset:..." in the UI's art.
TextureCache::Resolver mediaResolver(const std::optional<Bundle>& bundle) {
    return [bundle, assets = assetsDir()](const std::string& name) {
        if (isAssetName(name)) return resolveAssetName(assets, name);
        return bundle ? bundle->pathOf(name) : std::filesystem::path();
    };
}
} // namespace

// [SECTION] Construction and start-up

KioskApp::KioskApp(AppOptions options, Clock& clock)
    : options_(std::move(options)), clock_(clock), lang_(options_.defaultLang) {
    screens_.push_back(std::make_unique<HomeScreen>());
    screens_.push_back(std::make_unique<CityScreen>(media_.video));
    screens_.push_back(std::make_unique<MapScreen>());
    screens_.push_back(std::make_unique<IndustryScreen>());
    screens_.push_back(std::make_unique<InvestScreen>());
    setUpSession(); // app_session.cpp: attract and staff screens, the session layer
}

KioskApp::~KioskApp() {
    if (sync_) sync_->stop();
    // Not a clean end (the loop never ran or did not finish): the marker stays and counts.
    if (runMarkerFd_ >= 0) ::close(runMarkerFd_);
    if (imguiReady_) {
        media_.release(); // GL is still current: videos, QR codes and images go first
        fonts_.releaseTexture();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
}

bool KioskApp::init(std::string& err) {
    double t0 = SystemClock().nowMs();
    auto lap = [&t0](const char* what) {
        double now = SystemClock().nowMs();
        if (std::getenv("ZJ_TRACE_STARTUP"))
            std::fprintf(stderr, "startup: %s %.1f ms\n", what, now - t0);
        t0 = now;
    };
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
    if (!fonts_.loadFiles(err)) return false;
    lap("font files");
    if (!options_.previewSources.empty() && !startPreview(err)) return false;
    loadContent();
    lap("content");
    if (!window_.open(options_.window, err)) return false;
    lap("window");

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
    // Media: headless scenarios play no sound and never autoplay (see video_player.hpp).
    media_.video.setHeadless(options_.window.allowHeadless);
    media_.textures = std::make_unique<TextureCache>();
    media_.textures->setResolver(mediaResolver(bundle_));
    lastFrameClockMs_ = clock_.nowMs();
    lap("imgui");
    if (!rebuildFontsIfNeeded(err)) return false;
    lap("font atlas");
    if (std::getenv("ZJ_TRACE_STARTUP"))
        std::fprintf(stderr, "startup: atlas %dx%d, %d glyphs\n", fonts_.stats().atlasWidth,
                     fonts_.stats().atlasHeight, fonts_.stats().glyphCount);
    enterCurrentScreen(/*instant=*/true); // the first screen appears at once: a fast first frame
    if (!options_.syncOffReason.empty())  // journal and the staff panel's recent lines
        logLine("config: %s: sync is off until it is fixed", options_.syncOffReason.c_str());
    if (options_.sync) options_.syncOff = syncOffCause(*options_.sync);
    // No usable key (the shipped config has none; the development key is refused): a set-up
    // step still to do, said in the journal here and on the staff panel (StaffStatus).
    if (options_.syncOff == SyncOff::NoKey || options_.syncOff == SyncOff::DevelopmentKey)
        logLine("config: %s", syncOffMessage(options_.syncOff).c_str());
    if (options_.sync && options_.syncOff == SyncOff::None) {
        sync_ = std::make_unique<SyncService>(*options_.sync, clock_);
        sync_->setVersionInUse(content_->version);
        // Started after the first frame (renderFrame): its store reads and first fetch would
        // only compete with the start-up for the CPU.
    }
    return true;
}

void KioskApp::switchToNewContentWhenSafe() {
    if (!sync_) return;
    if (auto v = sync_->takeNewVersion()) pendingContentVersion_ = *v;
    // Never in the middle of a visit: only on the home screen (or the attract loop), with no
    // finger down, and not while a transition is still running.
    bool safe = (screen() == ScreenId::Home || screen() == ScreenId::Attract) &&
                input_.recognizer().fingerCount() == 0 && clock_.nowMs() >= animateUntilMs_;
    if (pendingContentVersion_ && safe) {
        logLine("switching to content version %llu",
                static_cast<unsigned long long>(pendingContentVersion_));
        pendingContentVersion_ = 0;
        reloadContent();
    }
}

// [SECTION] Content and fonts

namespace {
std::filesystem::path defaultDemoBundle() {
    std::error_code ec;
    if (std::filesystem::exists(ZJ_DEMO_BUNDLE_BUILD "/manifest.json", ec))
        return ZJ_DEMO_BUNDLE_BUILD;
    return ZJ_DEMO_BUNDLE_INSTALLED;
}
} // namespace

void KioskApp::loadContent() {
    // The one key of the process (main.cpp: --public-key, else the config's); with none, the
    // development key, for the built-in demo bundle only: it may be shown, and sync never
    // installs anything with it (sync_client.cpp).
    crypto::PublicKey publisher = options_.publicKey.value_or(developmentPublicKey());
    // Root mode: after a sync rotated the publisher key, show what the new key signed.
    if (options_.sync && options_.sync->rootKey)
        if (std::optional<crypto::PublicKey> k = displayKeyFor(*options_.sync)) publisher = *k;
    std::filesystem::path demo = options_.bundleDir.empty()
                                     ? defaultDemoBundle()
                                     : std::filesystem::path(options_.bundleDir);
    std::filesystem::path data = options_.dataDir;
    LoadedContent loaded = loadStartupContent(data, demo, publisher);
    for (const auto& line : loaded.log) logLine("content: %s", line.c_str());
    bundle_ = loaded.bundle;
    if (media_.textures)
        media_.textures->setResolver(mediaResolver(bundle_)); // drops the old textures
    content_ = loaded.content ? loaded.content : std::make_shared<const Content>(builtinContent());
    fontsDirty_ = true;
}

bool KioskApp::rebuildFontsIfNeeded(std::string& err) {
    float scale =
        DesignScale::forViewport(static_cast<float>(width()), static_cast<float>(height())).scale;
    // Finger thresholds in the display's pixels (a tap slop of 24 design px is 48 px at 4K).
    input_.recognizer().setSettings(GestureSettings{}.scaled(scale));
    if (!fontsDirty_ && scale == fonts_.builtScale()) return true;
    fontatlas::AtlasText text = fontatlas::atlasTextFor(*content_);
    std::string baked;
    if (bundle_ && !options_.runtimeFontAtlas) baked = bundle_->pathOf(fontatlas::kBlobName);
    const char* none = options_.runtimeFontAtlas ? "--runtime-font-atlas" : "the bundle has none";
    if (!fonts_.build(text.glyphs, text.displayGlyphs, scale, baked, none, err)) return false;
    logLine("fonts: %s", fonts_.stats().source.c_str());
    theme::applyImGuiStyle(scale);
    fontsDirty_ = false;
    return true;
}

Screen* KioskApp::screenFor(ScreenId id) {
    for (auto& s : screens_)
        if (s->id() == id) return s.get();
    return screens_.front().get(); // home
}

bool KioskApp::resize(int w, int h, std::string& err) {
    if (!window_.resize(w, h, err)) return false;
    framesPending_ = 2;
    return rebuildFontsIfNeeded(err);
}

void KioskApp::reloadContent() {
    screenFor(nav_.current().screen)->onLeave();
    for (auto& screen : screens_) screen->resetSession(); // selections may name old content
    loadContent();
    if (sync_) sync_->setVersionInUse(content_->version);
    nav_.resetTo(ScreenId::Home);
    input_.reset();
    enterCurrentScreen();
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
    if (session_->filterInput(e)) { // woke the kiosk / dismissed the prompt / closed page
        framesPending_ = std::max(framesPending_, 2);
        return;
    }
    double now = clock_.nowMs();
    if (input_.handle(e, now, static_cast<float>(width()), static_cast<float>(height()),
                      gestures_)) {
        framesPending_ = std::max(framesPending_, 2);
        return;
    }
    switch (e.type) {
        case SDL_WINDOWEVENT:
            // A size change rebuilds the atlas only if the scale changed (rebuildFontsIfNeeded).
            framesPending_ = std::max(framesPending_, 1);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_MOUSEWHEEL:
            ImGui_ImplSDL2_ProcessEvent(&e);
            framesPending_ = std::max(framesPending_, 2);
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
        framesPending_ = std::max(framesPending_, 2);
    }
    if (session_->update()) {
        if (session_->lastWantWasPacing())
            pacedFrame_ = true; // only the attract loop's picture moves
        else
            framesPending_ = std::max(framesPending_, 1);
    }
    if (preview_) pollPreview();
    switchToNewContentWhenSafe();
    // Finished image uploads and new video frames ask for a frame; nothing else here does.
    if (media_.textures && media_.textures->pump()) framesPending_ = std::max(framesPending_, 1);
    videoWantsFrame_ = media_.video.pumpAll();
}

KioskApp::FrameNeed KioskApp::frameNeed() const {
    if (framesPending_ > 0 || videoWantsFrame_ || input_.needsFollowUpFrame() || nav_.pending() ||
        fontsDirty_)
        return FrameNeed::Now;
    // Image decodes and uploads count too: scenarios settle only when every image is shown.
    if (media_.textures && media_.textures->busy()) return FrameNeed::Images;
    // Until the last frame drawn is at or after the animation's end: the final state of an
    // animation is drawn too, not only its frames before the end.
    if (lastFrameClockMs_ < animateUntilMs_ || pacedFrame_) return FrameNeed::Animation;
    return FrameNeed::None;
}

double KioskApp::nextStateDeadlineMs() const {
    auto earliest = [](double a, double b) { return a < 0 ? b : b < 0 ? a : std::min(a, b); };
    double d = earliest(input_.deadline(), session_->deadline(/*withPacing=*/false));
    return earliest(d, preview_ ? preview_->deadlineMs() : -1); // a due rebuild, a running one
}

double KioskApp::nextDeadlineMs() const {
    double d = input_.deadline();
    if (clock_.nowMs() < animateUntilMs_)
        d = d < 0 ? animateUntilMs_ : std::min(d, animateUntilMs_);
    double s = session_->deadline(); // idle timeout, countdown, schedule, tour, attract pacing
    if (s >= 0) d = d < 0 ? s : std::min(d, s);
    double p = preview_ ? preview_->deadlineMs() : -1; // a due rebuild, a running one
    if (p >= 0) d = d < 0 ? p : std::min(d, p);
    return d;
}

// [SECTION] Frames

// The one place a UiContext is made: frames and screen entries see the same services and the
// same design size (an onEnter that lays out or notes usage gets what a frame gets).
UiContext KioskApp::makeUiContext(double nowMs) {
    UiContext ui;
    ui.ds = DesignScale::forViewport(static_cast<float>(width()), static_cast<float>(height()));
    ui.lang = lang_;
    ui.content = content_.get();
    ui.fonts = &fonts_;
    ui.nav = &nav_;
    ui.hits = &hits_;
    ui.clock = &clock_;
    ui.gestures = &gestures_;
    ui.textures = media_.textures.get();
    ui.qr = &media_.qr;
    ui.usage = &usage_;
    ui.nowMs = nowMs;
    return ui;
}

bool KioskApp::renderFrame(const std::string* shotPath, std::string* err) {
    std::string localErr;
    if (!rebuildFontsIfNeeded(localErr)) {
        logLine("fonts: %s", localErr.c_str());
    }
    Uint64 t0 = SDL_GetPerformanceCounter();
    double now = clock_.nowMs();
    int w = width(), h = height();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = static_cast<float>(std::max(0.001, (now - lastFrameClockMs_) / 1000.0));
    lastFrameClockMs_ = now;
    pacedFrame_ = false;
    input_.applyToImGui(io);
    ImGui::NewFrame();
    hits_.beginFrame();

    UiContext ui = makeUiContext(now);
    float t = static_cast<float>((now - transitionStartMs_) / tokens::motion::transitionMs);
    ui.fade = tokens::easeOutCubic(t);
    if (t < 1) ui.animateUntil(transitionStartMs_ + tokens::motion::transitionMs);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0xF4, 0xF6, 0xF9, 0xFF));
    // Screen transition: the new screen fades in and rises a little (vertices shifted after).
    int vtxStart = dl->VtxBuffer.Size;
    if (session_->closed()) {
        session_->drawClosedPage(ui); // outside the display hours
    } else {
        float inset = session_->bottomInset(ui.ds);
        ui.ds.height -= inset; // the screen lays out above the tour bar
        // The staff panel and its PIN pad are staff-only: the layout lint's visitor type
        // minimum does not apply there (its overlap and clipping rules do).
        ui.staffOnly = nav_.current().screen == ScreenId::Staff;
        screenFor(nav_.current().screen)->draw(ui);
        ui.staffOnly = false;
        ui.ds.height += inset;
    }
    if (!lintSeed_.empty()) drawLintSeed(ui);
    if (t < 1) {
        float rise = (1.0f - ui.fade) * ui.px(24);
        for (int i = vtxStart; i < dl->VtxBuffer.Size; ++i) dl->VtxBuffer[i].pos.y += rise;
    }
    ImGui::End();
    if (!session_->closed()) session_->drawOverlays(ui, nav_.current()); // prompt, tour bar
    if (!previewError_.empty()) drawPreviewOverlay(ui);
    for (const UsageNote& n : usage_) session_->onUsage(n.kind, n.item);
    usage_.clear();
    ImGui::Render();

    glViewport(0, 0, w, h);
    glClearColor(0.957f, 0.965f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
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
    if (framesPending_ > 0) --framesPending_;
    afterFrame(ui.langSwitchRequested, ui.animateUntilMs);
    return ok;
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

void KioskApp::afterFrame(bool langSwitchRequested, double animateUntil) {
    animateUntilMs_ = std::max(animateUntilMs_, animateUntil);
    if (langSwitchRequested) {
        lang_ = lang_ == Lang::Zh ? Lang::En : Lang::Zh;
        session_->onLanguageChosen(lang_);
        framesPending_ = std::max(framesPending_, 2);
    }
    ScreenId before = nav_.current().screen;
    if (nav_.pending() && nav_.drain()) {
        screenFor(before)->onLeave();
        enterCurrentScreen();
        input_.reset(); // a finger that navigated must not act on the new screen
    }
}

void KioskApp::enterCurrentScreen(bool instant) {
    UiContext ui = makeUiContext(clock_.nowMs());
    ui.instantEntry = instant;
    screenFor(nav_.current().screen)->onEnter(ui, nav_.current().selection);
    session_->onScreenEntered(nav_.current());
    // The journal says what the booth shows (the VM test reads it over the serial console);
    // not logLine: visitors' taps would flood the staff panel's recent lines.
    if (!options_.window.allowHeadless)
        std::fprintf(stderr, "zjmap-kiosk: screen %s\n", screenName(nav_.current().screen));
    transitionStartMs_ = instant ? -1e9 : ui.nowMs;
    animateUntilMs_ = std::max({animateUntilMs_, ui.animateUntilMs,
                                instant ? 0.0 : transitionStartMs_ + tokens::motion::transitionMs});
    framesPending_ = std::max(framesPending_, 2);
}

// [SECTION] The interactive loop

int KioskApp::run() {
    bool firstFrame = true;
    while (!quit_) {
        int timeout = 0;
        if (!frameWanted()) {
            // Sleep until the next timer or one second: a static screen costs ~0% CPU.
            double d = nextDeadlineMs();
            double wait = d < 0 ? 1000.0 : d - clock_.nowMs();
            timeout = static_cast<int>(std::clamp(wait, 1.0, 1000.0));
        }
        waitAndHandleEvents(timeout);
        service::notifyWatchdog(); // a hung loop stops pinging: systemd restarts the kiosk
        if (sync_) sync_->setSessions(session_->visitsSinceStart());
        if (!options_.metricsFile.empty() && clock_.nowMs() >= nextMetricsMs_) {
            writeMetrics();
            nextMetricsMs_ = clock_.nowMs() + 60'000;
        }
        if (quit_) break;
        if (frameWanted()) {
            double start = clock_.nowMs();
            renderFrame();
            service::notifyReady(); // once: the first frame is on screen
            if (firstFrame)
                std::fprintf(stderr, "zjmap-kiosk: first frame (screen %s, content version %llu)\n",
                             screenName(screen()),
                             static_cast<unsigned long long>(content_ ? content_->version : 0));
            firstFrame = false;
            // No vsync under Xvfb/offscreen: never spin faster than ~60 fps while animating.
            double spent = clock_.nowMs() - start;
            if (spent < 16.0) SDL_Delay(static_cast<Uint32>(16.0 - spent));
        }
    }
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
    m.status.contentVersion = content_ ? content_->version : 0; // what is on screen
    m.contentExpires = bundle_ ? bundle_->manifest.expires : 0;
    m.starts = restarts_.starts;
    m.restarts = restarts_.unclean;
    m.status.sessions = session_->visitsSinceStart();
    m.rssBytes = residentBytes();
    m.textureBytes = textureBytes();
    m.framesRendered = stats_.framesRendered;
    std::string err;
    // Atomic rename: node_exporter never reads half a file.
    if (!fileutil::writeFileAtomic(options_.metricsFile, prometheusText(m), err))
        logLine("metrics: %s", err.c_str());
}

} // namespace zj
