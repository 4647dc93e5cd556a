// The staff panel: a PIN on a large keypad, then status (content, sync, storage, uptime, log),
// settings (volume, default language, idle timeout), maintenance (test pattern, restart, exit to
// desktop), guided tours and attributions. Opened by the staff-corner gesture on the home
// screen (README "Staff panel"); everything it changes goes through StaffServices.
#pragma once
#include "core/session/pin.hpp"
#include "core/sync/config.hpp"
#include "ui/screens/screen.hpp"
#include "ui/theme.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zj {

struct StaffStatus {
    std::string syncLine; // last sync, one line ("" = sync not configured)
    bool syncConfigured = false;
    std::string syncOffReason;       // the config error that turned sync off ("" = none)
    SyncOff syncOff = SyncOff::None; // why a valid config still has sync off (no key, dev key)
    bool contentExpired = false;     // the installed bundle's signed expiry has passed
    bool syncing = false;
    std::optional<bool> serverReached; // at the last sync attempt (none: no attempt yet)
    int64_t contentCreated = 0;        // bundle created, unix seconds (0 = unknown / built-in)
    uint64_t storeBytes = 0;
    uint64_t freeBytes = 0;
    double uptimeS = 0;
    uint64_t starts = 0;     // recorded starts on this store (core/session/restarts.hpp)
    uint64_t restarts = 0;   // of those, after an unclean end (crash, watchdog, power cut)
    std::string defaultLang; // "zh" | "en"
    double idleTimeoutS = 0;
    std::string hours; // display hours, "" = always on
};

struct StaffServices {
    std::function<PinGate::Result(const std::string&)> tryPin; // the session's rate-limited gate
    std::function<double()> lockedForMs; // how long the keypad stays locked (0 = not)
    std::function<bool()> pinNeedsSetup; // no PIN yet: the keypad sets one (twice)
    std::function<bool(const std::string& pin, std::string& err)> setPin; // keeps the new PIN
    std::function<void()> entered;                                        // the PIN was right
    std::function<void()> left;                                           // the panel closed
    std::function<StaffStatus(bool withStorage)> status; // storage walks the disk: on entry
    std::function<void()> syncNow;
    std::function<int()> volume;        // 0..100
    std::function<void(int)> setVolume; // applies it to the video and keeps it
    std::function<void(const Tour&)> startTour;
    std::function<void(int code)> quit; // 0: exit to desktop; kRestartExitCode: restart
};

inline constexpr int kRestartExitCode = 75; // EX_TEMPFAIL: systemd restarts the kiosk

class StaffScreen final : public Screen {
  public:
    explicit StaffScreen(StaffServices services) : services_(std::move(services)) {}
    ScreenId id() const override { return ScreenId::Staff; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void onLeave() override;
    void resetSession() override;
    void draw(UiContext& ui) override;

  private:
    void drawKeypad(UiContext& ui);
    void keypadOk(UiContext& ui);
    void drawPanel(UiContext& ui);
    void drawTestPattern(UiContext& ui);
    void drawTestPatternBars(UiContext& ui); // the checks drawn, for screens of any size
    float drawStatus(UiContext& ui, ImVec2 pos, float width);
    float drawActions(UiContext& ui, ImVec2 pos, float width);
    float drawTours(UiContext& ui, ImVec2 pos, float width);
    float drawLogAndCredits(UiContext& ui, ImVec2 pos, float width, float maxY);

    StaffServices services_;
    bool unlocked_ = false;
    bool testPattern_ = false;
    std::string digits_;
    enum class KeypadMode { Enter, SetNew, Confirm };
    KeypadMode mode_ = KeypadMode::Enter;
    std::string newPin_;  // SetNew's entry, until Confirm matches it (cleared on leaving)
    std::string message_; // wrong PIN / locked, shown under the dots
    StaffStatus status_;  // refreshed on entry and after "sync now"
    double statusAtMs_ = 0;
    bool tourStarted_ = false;
};

} // namespace zj
