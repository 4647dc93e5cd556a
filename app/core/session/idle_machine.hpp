// The visitor session's life: Visitor -> (idle timeout) "Still there?" prompt with a countdown
// -> session end -> Attract loop -> (a touch) a new Visitor session. Staff and Tour are modes in
// which the idle timer does not end the session (staff are present), and Closed is outside the
// display hours. Pure: the app feeds touches and time (zj::Clock), reads events and deadlines.
#pragma once
#include <vector>

namespace zj {

enum class SessionMode { Visitor, Prompt, Attract, Staff, Tour, Closed };
const char* sessionModeName(SessionMode mode);

struct IdleSettings {
    double idleTimeoutMs = 60000;       // no input this long in Visitor -> the prompt
    double promptMs = 15000;            // the prompt's countdown; then the session ends
    double staffIdleTimeoutMs = 300000; // staff panel left alone this long -> session end
};

enum class SessionEvent {
    PromptShown,     // draw the "Still there?" overlay
    PromptDismissed, // a touch during the prompt: the visitor is still there
    SessionStarted,  // a touch in Attract (or Closed->open): go to Home in the default language
    SessionEnded,    // reset language, screens, video, navigation; show Attract
};

class IdleMachine {
  public:
    explicit IdleMachine(IdleSettings settings = {}) : settings_(settings) {}
    void setSettings(const IdleSettings& s) { settings_ = s; }
    const IdleSettings& settings() const { return settings_; }

    // A touch (finger or mouse down). Returns true when it must be swallowed: it woke the kiosk
    // from Attract or dismissed the prompt, so it must not also press what is under it.
    bool touch(double nowMs, std::vector<SessionEvent>& out);
    // Any other input (moves, wheel, keys) keeps the session alive but starts nothing.
    void activity(double nowMs);
    // Timers; call before each frame and when woken at deadline().
    void update(double nowMs, std::vector<SessionEvent>& out);
    // The next time update() has something to do (< 0: none). During the prompt: every second,
    // so the countdown is redrawn.
    double deadline(double nowMs) const;

    void enterStaff(double nowMs);     // the PIN was right
    void enterTour(double nowMs);      // a tour started (no idle end while staff guide)
    void leaveToVisitor(double nowMs); // staff left the panel / the tour ended
    void endSession(std::vector<SessionEvent>& out); // e.g. staff pressed "end"; -> Attract
    void setClosed(bool closed, double nowMs, std::vector<SessionEvent>& out); // display hours

    SessionMode mode() const { return mode_; }
    double promptSecondsLeft(double nowMs) const; // whole seconds, rounded up
    double lastInputMs() const { return lastInputMs_; }

  private:
    IdleSettings settings_;
    SessionMode mode_ = SessionMode::Visitor;
    double lastInputMs_ = 0;
    double promptStartMs_ = 0;
};

} // namespace zj
