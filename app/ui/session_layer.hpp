// The session layer of the kiosk: the idle/attract state machine on the app's Clock, the
// "Still there?" prompt, the display hours (closed page), the staff corner gesture, guided tours
// and the analytics log. KioskApp owns one, feeds it input and time, and draws its overlays
// over the current screen; the screens never see it (the staff screen gets StaffServices).
#pragma once
#include "core/clock.hpp"
#include "core/content/model.hpp"
#include "core/layout.hpp"
#include "core/navigation.hpp"
#include "core/session/analytics.hpp"
#include "core/session/idle_machine.hpp"
#include "core/session/pin.hpp"
#include "core/session/session_config.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>

union SDL_Event;

namespace zj {

struct UiContext;

class SessionLayer {
  public:
    struct Host {
        std::function<void()> endSession;   // language, screens, video, navigation -> attract
        std::function<void()> startSession; // a new visitor: home in the default language
        std::function<void(NavCommand)> go; // tour stops
    };
    SessionLayer(SessionConfig config, const Clock& clock, Host host);

    void openAnalytics(const std::filesystem::path& dataDir); // dataDir/analytics.db
    // The staff PIN's source (pin.hpp): [staff] pin_hash, else dataDir/state/staff-pin, else
    // none yet; and, for a real PIN, the lockout kept in dataDir/state/staff-pin-lockout.
    void openPinState(const std::filesystem::path& dataDir);

    // [SECTION] Input and time (KioskApp)
    // True when the event must not reach the UI (it woke the kiosk or dismissed the prompt;
    // the rest of that touch is swallowed too).
    bool filterInput(const SDL_Event& e);
    bool update(); // timers; true when a frame is wanted
    // True when the last update() wanted a frame only to pace the attract loop's animation.
    bool lastWantWasPacing() const { return lastWantWasPacing_; }
    // The next timer (idle, countdown, schedule, tour and, withPacing, the attract frame).
    double deadline(bool withPacing = true) const;

    // [SECTION] Drawing (KioskApp::renderFrame)
    bool closed() const { return idle_.mode() == SessionMode::Closed; }
    void drawClosedPage(UiContext& ui);
    // Over the screen: the staff corner (home), the tour bar, the prompt. Call after the
    // screen's window has ended: the tour bar is a window of its own, above it.
    void drawOverlays(UiContext& ui, const NavState& current);
    // Pixels at the bottom the screens leave to the tour bar (0 without a tour): the stop's
    // card and buttons are laid out above it, not under it.
    float bottomInset(const DesignScale& ds) const;

    // [SECTION] Events from the app
    void onScreenEntered(const NavState& state); // analytics, tour "back" chip, attract pacing
    void onLanguageChosen(Lang lang);
    // A screen's usage note: QR codes and the video count once per visit (they stay on screen
    // for many frames; a visitor pausing and resuming is one play).
    void onUsage(const char* kind, const std::string& item);
    uint64_t visitsSinceStart() const { return visitsSinceStart_; } // heartbeat and metrics

    // [SECTION] Staff (StaffServices)
    PinGate& pinGate() { return pinGate_; }
    // The first staff entry on a kiosk without a PIN: keeps `pin` (6..12 digits) as
    // state/staff-pin and makes it the PIN. False with `err` when it cannot.
    bool setStaffPin(const std::string& pin, std::string& err);
    void enterStaff();
    void leaveStaff(); // the panel closed: a visitor session again (unless a tour started)
    void startTour(const Tour& tour);
    void endTour();
    bool touring() const { return tour_.has_value(); }
    const SessionConfig& config() const { return config_; }
    SessionMode mode() const { return idle_.mode(); }
    int volume = 70; // 0..100, set on the staff panel (kept in DATA/staff-volume)

  private:
    int64_t localNow() const; // wall seconds shifted to local time
    void apply(const std::vector<SessionEvent>& events);
    void goToStop(size_t index);
    void drawPrompt(UiContext& ui);
    void drawTourBar(UiContext& ui, const NavState& current);
    static float tourBarHeight(const DesignScale& ds);
    void beginVisit(double nowMs);
    void logEvent(const char* kind, const std::string& item = {}, double value = 0);

    SessionConfig config_;
    const Clock& clock_;
    Host host_;
    IdleMachine idle_;
    PinGate pinGate_;
    std::filesystem::path pinDataDir_; // where a PIN set at the first staff entry is kept
    AnalyticsStore analytics_;
    int64_t sessionId_ = 0; // numbers visits in the analytics (no one is identified)
    double sessionStartMs_ = 0;
    int64_t utcOffsetS_ = 0;
    bool sessionActive_ = false; // a visit is running (logged start, not yet end)
    uint64_t visitsSinceStart_ = 0;
    std::set<std::string> countedThisVisit_; // "kind/item" counted once per visit (QR, video)
    bool swallowing_ = false;                // the rest of a touch that woke the kiosk
    int shownSeconds_ = -1;                  // prompt countdown last drawn
    int64_t shownMinute_ = -1;               // closed clock last drawn
    bool hoursShown_ = false;                // closed page: the hours were on the last frame
    std::vector<double> staffTaps_;          // recent taps on the staff corner
    double showHoursUntilMs_ = 0;            // closed page: a touch shows the hours for a while
    double lastFrameMs_ = -1e9;              // attract pacing: a frame every kAttractFrameMs
    bool lastWantWasPacing_ = false;         // update() wanted a frame for pacing alone
    ScreenId screen_ = ScreenId::Home;
    struct ActiveTour {
        Tour tour; // a copy: content may switch under a running tour
        size_t stop = 0;
        double stopShownMs = 0; // for auto-advance
        bool noteOpen = false;  // the stop's cue note, folded until the staff taps it
    };
    std::optional<ActiveTour> tour_;
    NavState stopState_; // where the current stop is (the "back to tour" target)
};

} // namespace zj
