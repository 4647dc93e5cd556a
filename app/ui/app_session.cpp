// KioskApp's session wiring: the attract and staff screens and the session layer with the
// callbacks that let it end and start visits (kept apart from app.cpp, which others edit too).
#include "core/bundle/store.hpp"
#include "core/sync/sync_service.hpp"
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

    StaffServices staff;
    staff.tryPin = [this](const std::string& pin) {
        return session_->pinGate().attempt(pin, clock_.nowMs());
    };
    staff.lockedForMs = [this] {
        return std::max(0.0, session_->pinGate().lockedUntilMs() - clock_.nowMs());
    };
    staff.entered = [this] { session_->enterStaff(); };
    staff.left = [this] { session_->leaveStaff(); };
    staff.status = [this](bool withStorage) {
        StaffStatus s;
        s.syncConfigured = sync_ != nullptr;
        if (sync_) {
            SyncServiceStatus st = sync_->status();
            s.syncing = st.syncing;
            s.syncLine = lastSyncLine(st);
        }
        s.contentCreated = bundle_ ? bundle_->manifest.created : 0;
        std::error_code ec;
        if (withStorage) s.storeBytes = storeSize(options_.dataDir);
        auto space = std::filesystem::space(options_.dataDir, ec);
        if (!ec) s.freeBytes = space.available;
        s.uptimeS = (clock_.nowMs() - startedMs_) / 1000.0;
        s.defaultLang = options_.defaultLang == Lang::En ? "en" : "zh";
        s.idleTimeoutS = options_.session.idleTimeoutS;
        s.hours = options_.session.hours.text();
        return s;
    };
    staff.syncNow = [this] {
        if (sync_) sync_->syncNow();
    };
    staff.volume = [this]() -> int& { return session_->volume; };
    staff.startTour = [this](const Tour& tour) { session_->startTour(tour); };
    staff.quit = [this](int code) {
        exitCode_ = code;
        quit_ = true;
    };
    screens_.push_back(std::make_unique<StaffScreen>(std::move(staff)));
}

} // namespace zj
