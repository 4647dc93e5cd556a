// KioskApp's session wiring: the attract and staff screens and the session layer with the
// callbacks that let it end and start visits (kept apart from app.cpp, which others edit too).
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"
#include "core/session/log_ring.hpp"
#include "core/sync/sync_service.hpp"
#include "platform/video_player.hpp"
#include "ui/app.hpp"
#include "ui/screens/attract_screen.hpp"
#include "ui/screens/staff_screen.hpp"
#include "ui/session_layer.hpp"

#include <ctime>

namespace zj {

namespace {
std::string lastSyncLine(const SyncServiceStatus& s) {
    if (!s.last || s.last->attemptTime == 0) return {};
    std::time_t t = static_cast<std::time_t>(s.last->attemptTime);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    std::string line = std::string(when) + "  " + s.last->result;
    if (!s.last->reason.empty()) line += ": " + s.last->reason;
    return line;
}

// The staff panel's volume outlives a restart: DATA/staff-volume (one number), only where the
// store exists (a build-tree kiosk must not create /var/lib/zjmap-kiosk).
std::filesystem::path volumeFile(const std::filesystem::path& dataDir) {
    return DataDir(dataDir).staffVolume();
}

std::optional<int> loadVolume(const std::filesystem::path& dataDir) {
    std::string text, err;
    if (!fileutil::readFile(volumeFile(dataDir), text, err, 16)) return std::nullopt;
    char* end = nullptr;
    long v = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || v < 0 || v > 100) {
        logLine("staff: ignoring %s: not a volume 0..100", volumeFile(dataDir).c_str());
        return std::nullopt;
    }
    return static_cast<int>(v);
}

void saveVolume(const std::filesystem::path& dataDir, int volume) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dataDir, ec)) return;
    std::string err;
    if (!fileutil::writeFileAtomic(volumeFile(dataDir), std::to_string(volume) + "\n", err))
        logLine("staff: volume not kept: %s", err.c_str());
}
} // namespace

void KioskApp::setUpSession() {
    startedMs_ = clock_.nowMs();
    auto attract = std::make_unique<AttractScreen>();
    attract->setSlideSeconds(options_.session.slideS);
    screens_.push_back(std::move(attract));

    SessionLayer::Host host;
    host.endSession = [this] {
        // A visitor left: nothing of their visit stays (language, selections, video, history).
        screenFor(nav_.current().screen)->onLeave();
        for (auto& screen : screens_) screen->resetSession();
        lang_ = options_.defaultLang;
        nav_.resetTo(ScreenId::Attract);
        input_.reset();
        enterCurrentScreen();
    };
    host.startSession = [this] {
        screenFor(nav_.current().screen)->onLeave();
        lang_ = options_.defaultLang;
        nav_.resetTo(ScreenId::Home);
        input_.reset();
        enterCurrentScreen();
    };
    host.go = [this](NavCommand c) {
        nav_.post(std::move(c));
        framesPending_ = std::max(framesPending_, 2);
    };
    session_ = std::make_unique<SessionLayer>(options_.session, clock_, std::move(host));
    session_->openAnalytics(options_.dataDir);
    session_->openPinState(options_.dataDir);
    if (std::optional<int> v = loadVolume(options_.dataDir)) session_->volume = *v;
    media_.video.setVolume(session_->volume);

    StaffServices staff;
    staff.tryPin = [this](const std::string& pin) {
        return session_->pinGate().attempt(pin, clock_.nowMs());
    };
    staff.pinNeedsSetup = [this] { return session_->pinGate().needsSetup(); };
    staff.setPin = [this](const std::string& pin, std::string& err) {
        return session_->setStaffPin(pin, err);
    };
    staff.lockedForMs = [this] {
        return std::max(0.0, session_->pinGate().lockedUntilMs() - clock_.nowMs());
    };
    staff.entered = [this] { session_->enterStaff(); };
    staff.left = [this] { session_->leaveStaff(); };
    staff.status = [this](bool withStorage) {
        StaffStatus s;
        s.syncConfigured = sync_ != nullptr;
        s.syncOffReason = options_.syncOffReason;
        s.syncOff = options_.syncOff;
        if (sync_) {
            SyncServiceStatus st = sync_->status();
            s.syncing = st.syncing;
            s.syncLine = lastSyncLine(st);
            if (st.last && st.last->attemptTime != 0) s.serverReached = st.last->sourceReached;
            s.contentExpired = st.last && st.last->stale;
        }
        s.contentCreated = bundle_ ? bundle_->manifest.created : 0;
        std::error_code ec;
        if (withStorage) s.storeBytes = storeSize(options_.dataDir);
        auto space = std::filesystem::space(options_.dataDir, ec);
        if (!ec) s.freeBytes = space.available;
        s.uptimeS = (clock_.nowMs() - startedMs_) / 1000.0;
        s.starts = restarts_.starts;
        s.restarts = restarts_.unclean;
        s.defaultLang = options_.defaultLang == Lang::En ? "en" : "zh";
        s.idleTimeoutS = options_.session.idleTimeoutS;
        s.hours = options_.session.hours.text();
        return s;
    };
    staff.syncNow = [this] {
        if (sync_) sync_->syncNow();
    };
    staff.volume = [this] { return session_->volume; };
    staff.setVolume = [this](int v) {
        session_->volume = v;
        int reported = media_.video.setVolume(v);
        saveVolume(options_.dataDir, v);
        if (reported >= 0)
            logLine("staff: volume %d (the video player reports %d)", v, reported);
        else
            logLine("staff: volume %d (no video open)", v);
    };
    staff.startTour = [this](const Tour& tour) { session_->startTour(tour); };
    staff.quit = [this](int code) {
        exitCode_ = code;
        quit_ = true;
    };
    screens_.push_back(std::make_unique<StaffScreen>(std::move(staff)));
}

} // namespace zj
