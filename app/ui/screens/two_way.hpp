// A two-way transition: a sheet or card that opens and closes on the same ease-out curve, timed
// from when it last changed direction. Shared by the map's filter sheet and card and the
// investment screen's sheet.
#pragma once
#include "core/theme_tokens.hpp"
#include "ui/ui_context.hpp"

#include <algorithm>

namespace zj {

// How far open it is now (0 to 1); asks for frames until it settles. `settled` (when given)
// says whether it has.
inline float twoWayShown(UiContext& ui, double changedMs, bool open, bool* settled = nullptr) {
    float t = static_cast<float>((ui.nowMs - changedMs) / tokens::motion::transitionMs);
    float e = tokens::easeOutCubic(std::clamp(t, 0.0f, 1.0f));
    if (settled) *settled = t >= 1.0f;
    if (t < 1.0f) ui.animateUntil(changedMs + tokens::motion::transitionMs);
    return open ? e : 1.0f - e;
}

// The new change time when it turns: reversing mid-way starts from where it is, not from the far
// end.
inline double twoWayTurn(UiContext& ui, double changedMs) {
    double t = std::clamp((ui.nowMs - changedMs) / tokens::motion::transitionMs, 0.0, 1.0);
    double start = ui.nowMs - (1.0 - t) * tokens::motion::transitionMs;
    ui.animateUntil(start + tokens::motion::transitionMs);
    return start;
}

} // namespace zj
