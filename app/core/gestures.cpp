#include "core/gestures.hpp"

#include <algorithm>

namespace zj {

GestureRecognizer::Finger* GestureRecognizer::find(int64_t id) {
    for (auto& f : fingers_)
        if (f.id == id) return &f;
    return nullptr;
}

Vec2 GestureRecognizer::pinchCenter() const {
    if (fingers_.size() < 2) return fingers_.empty() ? Vec2{} : fingers_[0].pos;
    return (fingers_[0].pos + fingers_[1].pos) * 0.5f;
}

float GestureRecognizer::pinchSpan() const {
    if (fingers_.size() < 2) return 0;
    return std::max(1.0f, (fingers_[0].pos - fingers_[1].pos).length());
}

Vec2 GestureRecognizer::velocity() const {
    if (samples_.size() < 2) return {};
    const Sample& last = samples_.back();
    const Sample* first = &samples_.front();
    for (const auto& s : samples_) {
        if (last.timeMs - s.timeMs <= settings_.velocityWindowMs) {
            first = &s;
            break;
        }
    }
    double dt = (last.timeMs - first->timeMs) / 1000.0;
    if (dt <= 0.001) return {};
    return (last.pos - first->pos) * static_cast<float>(1.0 / dt);
}

void GestureRecognizer::reset() {
    fingers_.clear();
    samples_.clear();
    mode_ = Mode::Idle;
    pointer_ = {};
    longPressFired_ = false;
}

void GestureRecognizer::touch(const TouchEvent& ev, std::vector<Gesture>& out) {
    using K = TouchEvent::Kind;
    if (ev.kind == K::Down) return fingerDown(ev, out);
    Finger* f = find(ev.finger);
    if (!f) return; // a move or up for a finger we never saw go down
    if (ev.kind == K::Move) return fingerMove(*f, ev, out);
    fingerUp(*f, ev, out); // Up or Cancel
}

void GestureRecognizer::fingerDown(const TouchEvent& ev, std::vector<Gesture>& out) {
    if (find(ev.finger)) return; // duplicate down: ignore
    fingers_.push_back({ev.finger, ev.pos, ev.pos, ev.timeMs});
    if (fingers_.size() == 1) {
        mode_ = Mode::Pending;
        longPressFired_ = false;
        samples_.assign(1, {ev.pos, ev.timeMs});
        pointer_ = {ev.pos, true, false};
    } else if (fingers_.size() == 2) {
        if (mode_ == Mode::Drag) {
            Gesture g;
            g.kind = Gesture::Kind::DragEnd;
            g.pos = fingers_[0].pos;
            out.push_back(g);
        }
        mode_ = Mode::Pinch;
        lastSpan_ = pinchSpan();
        lastCenter_ = pinchCenter();
        pointer_ = {pointer_.pos, false, true}; // a second finger: nothing under it fires
        Gesture g;
        g.kind = Gesture::Kind::PinchBegin;
        g.center = lastCenter_;
        out.push_back(g);
    }
}

void GestureRecognizer::fingerMove(Finger& f, const TouchEvent& ev, std::vector<Gesture>& out) {
    Vec2 prev = f.pos;
    f.pos = ev.pos;
    if (mode_ == Mode::Pending && (f.pos - f.start).length() > settings_.tapSlopPx) {
        mode_ = Mode::Drag;
        pointer_ = {pointer_.pos, false, true}; // a drag never presses the widget under it
        Gesture g;
        g.kind = Gesture::Kind::DragBegin;
        g.start = f.start;
        g.pos = f.pos;
        out.push_back(g);
        prev = f.start;
    }
    if (mode_ == Mode::Pending) pointer_.pos = ev.pos;
    if (mode_ == Mode::Drag) {
        samples_.push_back({ev.pos, ev.timeMs});
        if (samples_.size() > 32) samples_.erase(samples_.begin());
        Gesture g;
        g.kind = Gesture::Kind::DragMove;
        g.pos = f.pos;
        g.delta = f.pos - prev;
        out.push_back(g);
    } else if (mode_ == Mode::Pinch && fingers_.size() >= 2 &&
               (&f == &fingers_[0] || &f == &fingers_[1])) {
        float span = pinchSpan();
        Vec2 center = pinchCenter();
        Gesture g;
        g.kind = Gesture::Kind::PinchMove;
        g.center = center;
        g.delta = center - lastCenter_;
        g.scale = span / lastSpan_;
        lastSpan_ = span;
        lastCenter_ = center;
        out.push_back(g);
    }
}

void GestureRecognizer::fingerUp(Finger& f, const TouchEvent& ev, std::vector<Gesture>& out) {
    Vec2 pos = f.pos;
    if (ev.kind == TouchEvent::Kind::Up) pos = ev.pos;
    bool cancel = ev.kind == TouchEvent::Kind::Cancel;
    size_t index = static_cast<size_t>(&f - fingers_.data());
    fingers_.erase(fingers_.begin() + static_cast<long>(index)); // `f` is gone from here on

    if (mode_ == Mode::Pinch) {
        if (fingers_.size() < 2) {
            Gesture g;
            g.kind = Gesture::Kind::PinchEnd;
            g.center = lastCenter_;
            out.push_back(g);
            // The remaining finger does nothing until every finger is up.
            mode_ = fingers_.empty() ? Mode::Idle : Mode::Spent;
        }
        if (fingers_.empty()) pointer_ = {pointer_.pos, false, true};
        return;
    }
    if (!fingers_.empty()) return;
    lastFingerUp(pos, cancel, ev.timeMs, out);
}

// The last finger up ends the drag, or makes the tap (or double tap), or nothing.
void GestureRecognizer::lastFingerUp(Vec2 pos, bool cancel, double timeMs,
                                     std::vector<Gesture>& out) {
    if (mode_ == Mode::Drag) {
        samples_.push_back({pos, timeMs});
        Gesture g;
        g.kind = Gesture::Kind::DragEnd;
        g.pos = pos;
        g.velocity = cancel ? Vec2{} : velocity();
        out.push_back(g);
        pointer_ = {pos, false, true};
    } else if (mode_ == Mode::Pending && !cancel && !longPressFired_) {
        bool isDouble = timeMs - lastTapMs_ <= settings_.doubleTapMs &&
                        (pos - lastTapPos_).length() <= settings_.doubleTapSlopPx;
        Gesture g;
        g.kind = isDouble ? Gesture::Kind::DoubleTap : Gesture::Kind::Tap;
        g.pos = pos;
        out.push_back(g);
        lastTapMs_ = isDouble ? -1e9 : timeMs;
        lastTapPos_ = pos;
        pointer_ = {pos, false, false}; // release over the widget: ImGui's click fires now
    } else {
        pointer_ = {pos, false, cancel};
    }
    mode_ = Mode::Idle;
}

void GestureRecognizer::update(double nowMs, std::vector<Gesture>& out) {
    if (mode_ == Mode::Pending && !longPressFired_ && fingers_.size() == 1 &&
        nowMs - fingers_[0].downMs >= settings_.longPressMs) {
        longPressFired_ = true;
        Gesture g;
        g.kind = Gesture::Kind::LongPress;
        g.pos = fingers_[0].pos;
        out.push_back(g);
        pointer_ = {pointer_.pos, false, true}; // a long press never also presses the widget
    }
}

double GestureRecognizer::deadline() const {
    if (mode_ == Mode::Pending && !longPressFired_ && fingers_.size() == 1)
        return fingers_[0].downMs + settings_.longPressMs;
    return -1;
}

} // namespace zj
