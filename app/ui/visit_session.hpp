// What one visitor sees and does: the language, the navigation and its history, the screens
// and the session layer (attract loop, prompt, tours, display hours, analytics). A visit ends
// when the visitor leaves (idle) and nothing of it stays; new content starts a new one.
#pragma once
#include "core/lang.hpp"
#include "core/navigation.hpp"
#include "core/session/session_config.hpp"
#include "ui/ui_context.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace zj {

class Clock;
class FrameScheduler;
class InputLayer;
class Screen;
class SessionLayer;
class VideoHub;

class VisitSession {
  public:
    // The frame loop's UiContext for a given time: screen entries see what frames see.
    using UiFactory = std::function<UiContext(double nowMs)>;
    struct Parts {
        const SessionConfig* config = nullptr; // [attract] [staff] [display] [analytics]
        Lang defaultLang = Lang::Zh;           // the language a new visit starts in
        std::filesystem::path dataDir;         // analytics.db and the PIN's state
        const Clock* clock = nullptr;
        FrameScheduler* frames = nullptr; // asked for frames and transitions
        InputLayer* input = nullptr;      // reset when a finger navigated or a visit ended
        VideoHub* video = nullptr;        // the city screen's players
        UiFactory makeUi;
        bool journalScreens = false; // say each screen entered on stderr (the systemd journal)
    };
    explicit VisitSession(Parts parts);
    ~VisitSession();
    VisitSession(const VisitSession&) = delete;
    VisitSession& operator=(const VisitSession&) = delete;

    void addScreen(std::unique_ptr<Screen> screen); // the staff screen (its services are the app's)
    const NavState& current() const { return nav_.current(); }
    Navigator& nav() { return nav_; }
    const Navigator& nav() const { return nav_; }
    Lang lang() const { return lang_; }
    SessionLayer& layer() { return *layer_; }
    const SessionLayer& layer() const { return *layer_; }

    // onEnter of the current screen with its transition (none when `instant`).
    void enterCurrentScreen(bool instant = false);
    void post(NavCommand c); // a navigation from outside the screens (tours, scenarios)
    // After a frame: the language switch and the navigation the frame's taps posted.
    void afterFrame(bool langSwitchRequested);
    // New content: every screen forgets its state and the visit restarts on the home screen.
    void restartOnNewContent();
    // The content editor saved: the same screen, selection, language and history; screens
    // forget their state only when `idsKept` is false (it may name what is gone).
    void keepPlaceAfterEdit(bool idsKept);

    // The current screen (or the closed page) above the tour bar's inset, then the overlays.
    void drawScreen(UiContext& ui);
    void drawOverlays(UiContext& ui);
    void takeUsage(std::vector<UsageNote>& notes); // the frame's notes -> the analytics

  private:
    Screen& screenFor(ScreenId id);
    void endVisit();   // a visitor left: language, selections, video, history -> attract
    void startVisit(); // a new visitor: home in the default language

    Parts parts_;
    Navigator nav_;
    Lang lang_;
    std::vector<std::unique_ptr<Screen>> screens_;
    std::unique_ptr<SessionLayer> layer_;
};

} // namespace zj
