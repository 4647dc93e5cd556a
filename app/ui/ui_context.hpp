// What a screen gets each frame: layout scale, language, content, fonts, the navigation queue,
// the hit registry, time, and this frame's screen-level gestures. Screens talk to the rest of
// the app only through this (and post navigation commands; they never call each other).
#pragma once
#include "core/clock.hpp"
#include "core/content/model.hpp"
#include "core/gestures.hpp"
#include "core/hit_registry.hpp"
#include "core/layout.hpp"
#include "core/navigation.hpp"
#include "platform/fonts.hpp"
#include "ui/theme_style.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace zj {

class TextureCache;
class QrCache;

// Selections understood by the map screen (NavCommand::go(ScreenId::Map, selection)):
//   "<park id>"                  fly to the park and open its card
//   "industry:<industry id>"     set that industry filter
//   "parks:<id>,<id>,..."        show only these parks (e.g. the hosts of a chain node)

// Something a visitor did that the analytics count (a kind from core/session/usage_events.hpp).
struct UsageNote {
    const char* kind; // event::QrShown, ...
    std::string item; // a content id, never visitor input
};

struct UiContext {
    DesignScale ds;                   // design units -> pixels
    Style style;                      // every component's sizes, in design units
    Lang lang = Lang::Zh;             // current UI language
    const Content* content = nullptr; // the current bundle's content (never null while drawing)
    FontSet* fonts = nullptr;
    TextureCache* textures = nullptr; // bundle images (null in tests without GL)
    QrCache* qr = nullptr;            // QR code textures (null in tests without GL)
    Navigator* nav = nullptr;
    HitRegistry* hits = nullptr;
    const Clock* clock = nullptr;
    const std::vector<Gesture>* gestures = nullptr; // screen-level gestures of this frame
    double nowMs = 0;
    float fade = 1;                   // screen transition opacity, applied to every colour
    double animateUntilMs = 0;        // screens extend this to keep frames coming
    bool instantEntry = false;        // onEnter at start-up: appear at once, no entrance animation
    bool langSwitchRequested = false; // the on-screen 中文/EN switch was tapped this frame
    // Drawing a staff-only screen or bar (staff panel, PIN pad, tour bar): exempt from the
    // layout lint's visitor type minimum, never from its overlap and clipping rules.
    bool staffOnly = false;
    std::vector<UsageNote>* usage = nullptr; // notes for the analytics, drained after the frame

    float px(float designUnits) const { return ds.px(designUnits); }
    float px(ByOrientation designUnits) const { return ds.px(designUnits.pick(ds.portrait())); }
    const std::string& tr(const Text& t) const { return t.get(lang); }
    void animateUntil(double ms) { animateUntilMs = std::max(animateUntilMs, ms); }
    void post(NavCommand c) const { nav->post(std::move(c)); }
    void noteUsage(const char* kind, std::string item) const {
        if (usage) usage->push_back({kind, std::move(item)});
    }
};

} // namespace zj
