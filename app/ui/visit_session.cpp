// [SECTION] Screens and the session layer
// [SECTION] Navigation
// [SECTION] Drawing
#include "ui/visit_session.hpp"

#include "core/frame_scheduler.hpp"
#include "platform/input.hpp"
#include "platform/video_player.hpp"
#include "ui/screens/attract_screen.hpp"
#include "ui/screens/city_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/industry_screen.hpp"
#include "ui/screens/invest_screen.hpp"
#include "ui/screens/map_screen.hpp"
#include "ui/session_layer.hpp"

#include <cstdio>

namespace zj {

// [SECTION] Screens and the session layer

VisitSession::VisitSession(Parts parts) : parts_(std::move(parts)), lang_(parts_.defaultLang) {
    screens_.push_back(std::make_unique<HomeScreen>());
    screens_.push_back(std::make_unique<CityScreen>(*parts_.video));
    screens_.push_back(std::make_unique<MapScreen>());
    screens_.push_back(std::make_unique<IndustryScreen>());
    screens_.push_back(std::make_unique<InvestScreen>());
    auto attract = std::make_unique<AttractScreen>();
    attract->setSlideSeconds(parts_.config->slideS);
    screens_.push_back(std::move(attract));

    SessionLayer::Host host;
    host.endSession = [this] { endVisit(); };
    host.startSession = [this] { startVisit(); };
    host.go = [this](NavCommand c) { post(std::move(c)); };
    layer_ = std::make_unique<SessionLayer>(*parts_.config, *parts_.clock, std::move(host));
    layer_->openAnalytics(parts_.dataDir);
    layer_->openPinState(parts_.dataDir);
}

VisitSession::~VisitSession() = default;

void VisitSession::addScreen(std::unique_ptr<Screen> screen) {
    screens_.push_back(std::move(screen));
}

Screen& VisitSession::screenFor(ScreenId id) {
    for (auto& s : screens_)
        if (s->id() == id) return *s;
    return *screens_.front(); // home
}

void VisitSession::endVisit() {
    // Nothing of the visit stays (language, selections, video, history).
    screenFor(nav_.current().screen).onLeave();
    for (auto& screen : screens_) screen->resetSession();
    lang_ = parts_.defaultLang;
    nav_.resetTo(ScreenId::Attract);
    parts_.input->reset();
    enterCurrentScreen();
}

void VisitSession::startVisit() {
    screenFor(nav_.current().screen).onLeave();
    lang_ = parts_.defaultLang;
    nav_.resetTo(ScreenId::Home);
    parts_.input->reset();
    enterCurrentScreen();
}

// [SECTION] Navigation

void VisitSession::enterCurrentScreen(bool instant) {
    UiContext ui = parts_.makeUi(parts_.clock->nowMs());
    ui.instantEntry = instant;
    screenFor(nav_.current().screen).onEnter(ui, nav_.current().selection);
    layer_->onScreenEntered(nav_.current());
    // The journal says what the booth shows (the VM test reads it over the serial console);
    // not logLine: visitors' taps would flood the staff panel's recent lines.
    if (parts_.journalScreens)
        std::fprintf(stderr, "zjmap-kiosk: screen %s\n", screenName(nav_.current().screen));
    parts_.frames->startTransition(ui.nowMs, instant);
    parts_.frames->animateUntil(ui.animateUntilMs);
    parts_.frames->request(2);
}

void VisitSession::post(NavCommand c) {
    nav_.post(std::move(c));
    parts_.frames->request(2);
}

void VisitSession::afterFrame(bool langSwitchRequested) {
    if (langSwitchRequested) {
        lang_ = lang_ == Lang::Zh ? Lang::En : Lang::Zh;
        layer_->onLanguageChosen(lang_);
        parts_.frames->request(2);
    }
    ScreenId before = nav_.current().screen;
    if (nav_.pending() && nav_.drain()) {
        screenFor(before).onLeave();
        enterCurrentScreen();
        parts_.input->reset(); // a finger that navigated must not act on the new screen
    }
}

void VisitSession::restartOnNewContent() {
    screenFor(nav_.current().screen).onLeave();
    for (auto& screen : screens_) screen->resetSession(); // selections may name old content
    nav_.resetTo(ScreenId::Home);
    parts_.input->reset();
    enterCurrentScreen();
}

void VisitSession::keepPlaceAfterEdit(bool idsKept) {
    if (!idsKept) {
        screenFor(nav_.current().screen).onLeave();
        for (auto& screen : screens_) screen->resetSession();
    }
    // An id the edit removed is ignored by the screen; no transition, as if the text had
    // changed in place.
    enterCurrentScreen(/*instant=*/true);
}

// [SECTION] Drawing

void VisitSession::drawScreen(UiContext& ui) {
    if (layer_->closed()) {
        layer_->drawClosedPage(ui); // outside the display hours
        return;
    }
    float inset = layer_->bottomInset(ui.ds);
    ui.ds.height -= inset; // the screen lays out above the tour bar
    // The staff panel and its PIN pad are staff-only: the layout lint's visitor type minimum
    // does not apply there (its overlap and clipping rules do).
    ui.staffOnly = nav_.current().screen == ScreenId::Staff;
    screenFor(nav_.current().screen).draw(ui);
    ui.staffOnly = false;
    ui.ds.height += inset;
}

void VisitSession::drawOverlays(UiContext& ui) {
    if (!layer_->closed()) layer_->drawOverlays(ui, nav_.current()); // prompt, tour bar
}

void VisitSession::takeUsage(std::vector<UsageNote>& notes) {
    for (const UsageNote& n : notes) layer_->onUsage(n.kind, n.item);
    notes.clear();
}

} // namespace zj
