#include "platform/input.hpp"

#include <SDL.h>
#include <cfloat>
#include <imgui.h>

namespace zj {

bool InputLayer::handle(const SDL_Event& e, double nowMs, float w, float h,
                        std::vector<Gesture>& out) {
    TouchEvent t;
    t.timeMs = nowMs;
    switch (e.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            t.kind = e.type == SDL_FINGERDOWN ? TouchEvent::Kind::Down
                     : e.type == SDL_FINGERUP ? TouchEvent::Kind::Up
                                              : TouchEvent::Kind::Move;
            t.finger = static_cast<int64_t>(e.tfinger.fingerId);
            t.pos = {e.tfinger.x * w, e.tfinger.y * h};
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return false;
            t.kind = e.type == SDL_MOUSEBUTTONDOWN ? TouchEvent::Kind::Down : TouchEvent::Kind::Up;
            mouseDown_ = e.type == SDL_MOUSEBUTTONDOWN;
            t.finger = -1;
            t.pos = {static_cast<float>(e.button.x), static_cast<float>(e.button.y)};
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return false;
            if (!mouseDown_) return false; // hover does not matter on a touchscreen
            t.kind = TouchEvent::Kind::Move;
            t.finger = -1;
            t.pos = {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)};
            break;
        default:
            return false;
    }
    bool wasDown = recognizer_.pointer().down;
    recognizer_.touch(t, out);
    if (!wasDown && recognizer_.pointer().down) ++downCount_;
    return true;
}

void InputLayer::applyToImGui(ImGuiIO& io) {
    PointerState p = recognizer_.pointer();
    bool down = p.down;
    releasePending_ = false;
    if (shownDownCount_ != downCount_) {
        shownDownCount_ = downCount_;
        if (!down && !p.offscreen) {
            down = true; // the tap ended before ImGui saw it pressed: press now, release next
            releasePending_ = true;
        }
    }
    io.MousePos = p.offscreen ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(p.pos.x, p.pos.y);
    io.MouseDown[0] = down;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
}

void InputLayer::reset() {
    recognizer_.reset();
    shownDownCount_ = downCount_;
    releasePending_ = false;
    mouseDown_ = false;
}

} // namespace zj
