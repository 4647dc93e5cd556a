#include "core/session/idle_machine.hpp"

#include <cmath>

namespace zj {

const char* sessionModeName(SessionMode mode) {
    switch (mode) {
        case SessionMode::Visitor:
            return "visitor";
        case SessionMode::Prompt:
            return "prompt";
        case SessionMode::Attract:
            return "attract";
        case SessionMode::Staff:
            return "staff";
        case SessionMode::Tour:
            return "tour";
        case SessionMode::Closed:
            return "closed";
    }
    return "?";
}

bool IdleMachine::touch(double nowMs, std::vector<SessionEvent>& out) {
    lastInputMs_ = nowMs;
    switch (mode_) {
        case SessionMode::Attract:
            mode_ = SessionMode::Visitor;
            out.push_back(SessionEvent::SessionStarted);
            return true;
        case SessionMode::Prompt:
            mode_ = SessionMode::Visitor;
            out.push_back(SessionEvent::PromptDismissed);
            return true;
        case SessionMode::Closed:
            return true; // the app shows the opening hours
        default:
            return false;
    }
}

void IdleMachine::activity(double nowMs) {
    if (mode_ == SessionMode::Visitor || mode_ == SessionMode::Staff || mode_ == SessionMode::Tour)
        lastInputMs_ = nowMs;
}

void IdleMachine::update(double nowMs, std::vector<SessionEvent>& out) {
    if (mode_ == SessionMode::Visitor && nowMs >= lastInputMs_ + settings_.idleTimeoutMs) {
        mode_ = SessionMode::Prompt;
        promptStartMs_ = lastInputMs_ + settings_.idleTimeoutMs;
        out.push_back(SessionEvent::PromptShown);
    }
    if (mode_ == SessionMode::Staff && nowMs >= lastInputMs_ + settings_.staffIdleTimeoutMs) {
        mode_ = SessionMode::Attract; // a forgotten staff panel must not stay open in a lobby
        out.push_back(SessionEvent::SessionEnded);
        return;
    }
    if (mode_ == SessionMode::Prompt && nowMs >= promptStartMs_ + settings_.promptMs) {
        mode_ = SessionMode::Attract;
        out.push_back(SessionEvent::SessionEnded);
    }
}

double IdleMachine::deadline(double nowMs) const {
    switch (mode_) {
        case SessionMode::Visitor:
            return lastInputMs_ + settings_.idleTimeoutMs;
        case SessionMode::Staff:
            return lastInputMs_ + settings_.staffIdleTimeoutMs;
        case SessionMode::Prompt: {
            double end = promptStartMs_ + settings_.promptMs;
            // The next whole second of the countdown, so the number changes on time.
            double sinceStart = nowMs - promptStartMs_;
            double nextTick = promptStartMs_ + (std::floor(sinceStart / 1000.0) + 1) * 1000.0;
            return std::min(end, nextTick);
        }
        default:
            return -1;
    }
}

void IdleMachine::enterStaff(double nowMs) {
    mode_ = SessionMode::Staff;
    lastInputMs_ = nowMs;
}

void IdleMachine::enterTour(double nowMs) {
    mode_ = SessionMode::Tour;
    lastInputMs_ = nowMs;
}

void IdleMachine::leaveToVisitor(double nowMs) {
    mode_ = SessionMode::Visitor;
    lastInputMs_ = nowMs;
}

void IdleMachine::endSession(std::vector<SessionEvent>& out) {
    if (mode_ == SessionMode::Attract || mode_ == SessionMode::Closed) return;
    mode_ = SessionMode::Attract;
    out.push_back(SessionEvent::SessionEnded);
}

void IdleMachine::setClosed(bool closed, double nowMs, std::vector<SessionEvent>& out) {
    if (closed && mode_ != SessionMode::Closed) {
        if (mode_ != SessionMode::Attract) out.push_back(SessionEvent::SessionEnded);
        mode_ = SessionMode::Closed;
    } else if (!closed && mode_ == SessionMode::Closed) {
        mode_ = SessionMode::Attract; // opening time: the attract loop invites the first visitor
        lastInputMs_ = nowMs;
    }
}

double IdleMachine::promptSecondsLeft(double nowMs) const {
    if (mode_ != SessionMode::Prompt) return 0;
    double left = promptStartMs_ + settings_.promptMs - nowMs;
    return left <= 0 ? 0 : std::ceil(left / 1000.0 - 1e-9);
}

} // namespace zj
