// What the staff panel may see and do (StaffServices): the PIN, the status page, sync now,
// the volume that outlives a restart, tours, restart and exit. The app's to give: it spans
// sync, the store, the restart count and the visit.
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"
#include "core/session/log_ring.hpp"
#include "core/sync/sync_service.hpp"
#include "platform/video_player.hpp"
#include "ui/app.hpp"
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

void KioskApp::loadStaffVolume() {
    SessionLayer& layer = visit_.layer();
    if (std::optional<int> v = loadVolume(options_.dataDir)) layer.volume = *v;
    content_.media().video.setVolume(layer.volume);
}

StaffServices KioskApp::staffServices() {
    StaffServices staff;
    staff.tryPin = [this](const std::string& pin) {
        return visit_.layer().pinGate().attempt(pin, clock_.nowMs());
    };
    staff.pinNeedsSetup = [this] { return visit_.layer().pinGate().needsSetup(); };
    staff.setPin = [this](const std::string& pin, std::string& err) {
        return visit_.layer().setStaffPin(pin, err);
    };
    staff.lockedForMs = [this] {
        return std::max(0.0, visit_.layer().pinGate().lockedUntilMs() - clock_.nowMs());
    };
    staff.entered = [this] { visit_.layer().enterStaff(); };
    staff.left = [this] { visit_.layer().leaveStaff(); };
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
        s.contentCreated = content_.bundle() ? content_.bundle()->manifest.created : 0;
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
    staff.volume = [this] { return visit_.layer().volume; };
    staff.setVolume = [this](int v) {
        visit_.layer().volume = v;
        int reported = content_.media().video.setVolume(v);
        saveVolume(options_.dataDir, v);
        if (reported >= 0)
            logLine("staff: volume %d (the video player reports %d)", v, reported);
        else
            logLine("staff: volume %d (no video open)", v);
    };
    staff.startTour = [this](const Tour& tour) { visit_.layer().startTour(tour); };
    staff.quit = [this](int code) {
        exitCode_ = code;
        quit_ = true;
    };
    return staff;
}

} // namespace zj
