// [SECTION] Construction and analytics
// [SECTION] Input and time
// [SECTION] Staff and tours
// [SECTION] Drawing: closed page, prompt, staff corner, tour bar
#include "ui/session_layer.hpp"

#include "core/bundle/data_dir.hpp"
#include "core/session/log_ring.hpp"
#include "core/ui_strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_media.hpp"

#include <SDL.h>
#include <cmath>
#include <ctime>
#include <string_view>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}

constexpr double kAttractFrameMs = 100;    // the attract loop's frame rate: 10 fps, not 60
constexpr double kShowHoursMs = 10000;     // closed page: how long a touch brightens it
constexpr double kStaffTapWindowMs = 3000; // five taps within this open the PIN keypad
constexpr int kStaffTaps = 5;

double earliest(double a, double b) {
    return a < 0 ? b : (b < 0 ? a : std::min(a, b));
}

std::string format(const Text& t, Lang lang, int a, int b = 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf, t.get(lang).c_str(), a, b);
    return buf;
}

constexpr ImGuiWindowFlags kOverlayFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground |
    ImGuiWindowFlags_NoFocusOnAppearing;
} // namespace

// [SECTION] Construction and analytics

SessionLayer::SessionLayer(SessionConfig config, const Clock& clock, Host host)
    : config_(std::move(config)), clock_(clock), host_(std::move(host)),
      idle_(
          {config_.idleTimeoutS * 1000, config_.promptS * 1000, config_.staffIdleTimeoutS * 1000}),
      pinGate_(config_.pinHash) {
    if (config_.pinHash.empty() && config_.developmentPin)
        pinGate_.setPinHashedOnFirstAttempt(kDevPin);
    volume = config_.volume;
    if (config_.utcOffsetMinutes) {
        utcOffsetS_ = *config_.utcOffsetMinutes * 60;
    } else {
        std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        utcOffsetS_ = local.tm_gmtoff;
    }
    idle_.activity(clock_.nowMs());
}

void SessionLayer::openPinState(const std::filesystem::path& dataDir) {
    pinDataDir_ = dataDir;
    if (!config_.pinHash.empty()) {
        logLine("staff: the PIN is [staff] pin_hash of %s", config_.loadedFrom.c_str());
        if (config_.pinHashWorldReadable)
            logLine("staff: warning: %s holds [staff] pin_hash and is readable by every user: "
                    "chmod 0640 and chown root:zjmap it (a PIN hash can be guessed offline)",
                    config_.loadedFrom.c_str());
    } else if (config_.developmentPin) {
        // Public (it is in the README): its lockout stays in memory, like the rest of a demo.
        logLine("staff: the development PIN %s is active (--development-pin or [staff] "
                "development_pin): never on a booth",
                kDevPin);
        return;
    } else {
        std::string err;
        std::string stored = loadStoredPinHash(dataDir, err);
        if (!err.empty()) logLine("staff: %s", err.c_str());
        if (!stored.empty()) {
            pinGate_.setHash(stored);
            logLine("staff: the PIN is the one set on this kiosk (%s)",
                    storedPinFile(dataDir).c_str());
        } else {
            logLine("staff: no staff PIN yet: the first staff entry sets one (%zu to %zu digits)",
                    kMinPinDigits, kMaxPinDigits);
        }
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dataDir, ec)) return; // nowhere to keep a lockout
    std::filesystem::create_directory(DataDir(dataDir).state(), ec);
    pinGate_.persistTo(DataDir(dataDir).staffPinLockout(), clock_.nowMs(), clock_.wallSeconds());
}

bool SessionLayer::setStaffPin(const std::string& pin, std::string& err) {
    if (!pinGate_.needsSetup()) {
        err = "a staff PIN is already set";
        return false;
    }
    std::string hash;
    if (!saveStoredPin(pinDataDir_, pin, hash, err)) {
        logLine("staff: the new PIN was not kept: %s", err.c_str());
        return false;
    }
    pinGate_.setHash(std::move(hash));
    logLine("staff: a staff PIN was set on this kiosk (%s)", storedPinFile(pinDataDir_).c_str());
    return true;
}

void SessionLayer::openAnalytics(const std::filesystem::path& dataDir) {
    if (!config_.analytics) return;
    // The store is made by the package (postinst) or by --data; a kiosk started elsewhere must not
    // create /var/lib/zjmap-kiosk behind its back: then it simply counts nothing.
    std::error_code ec;
    if (!std::filesystem::is_directory(dataDir, ec)) {
        logLine("analytics off: no data directory %s", dataDir.c_str());
        return;
    }
    std::string err;
    if (!analytics_.open(DataDir(dataDir).analyticsDb(),
                         {config_.analyticsMaxRows, config_.analyticsMaxDays}, err)) {
        logLine("analytics off: %s", err.c_str());
        return;
    }
    analytics_.prune(clock_.wallSeconds());
    sessionId_ = analytics_.lastSessionId();
}

void SessionLayer::logEvent(const char* kind, const std::string& item, double value) {
    analytics_.log(clock_.wallSeconds(), sessionActive_ ? sessionId_ : 0, kind, item, value);
}

int64_t SessionLayer::localNow() const {
    return clock_.wallSeconds() + utcOffsetS_;
}

// [SECTION] Input and time

bool SessionLayer::filterInput(const SDL_Event& e) {
    double now = clock_.nowMs();
    bool down = e.type == SDL_FINGERDOWN ||
                (e.type == SDL_MOUSEBUTTONDOWN && e.button.which != SDL_TOUCH_MOUSEID);
    bool up = e.type == SDL_FINGERUP ||
              (e.type == SDL_MOUSEBUTTONUP && e.button.which != SDL_TOUCH_MOUSEID);
    bool pointer = down || up || e.type == SDL_FINGERMOTION || e.type == SDL_MOUSEMOTION;
    if (swallowing_ && pointer) {
        if (up) swallowing_ = false;
        return true;
    }
    if (down) {
        std::vector<SessionEvent> events;
        bool swallow = idle_.touch(now, events);
        if (idle_.mode() == SessionMode::Closed) showHoursUntilMs_ = now + kShowHoursMs;
        if (idle_.mode() == SessionMode::Visitor && !sessionActive_)
            beginVisit(now); // the first touch after start-up begins a visit too
        apply(events);
        if (swallow) swallowing_ = !up;
        return swallow;
    }
    if (e.type == SDL_KEYDOWN || e.type == SDL_MOUSEWHEEL || pointer) idle_.activity(now);
    return idle_.mode() == SessionMode::Closed && pointer; // nothing under a closed page
}

void SessionLayer::beginVisit(double nowMs) {
    sessionActive_ = true;
    ++sessionId_;
    sessionStartMs_ = nowMs;
    ++visitsSinceStart_;
    countedThisVisit_.clear();
    logEvent(event::SessionStart);
}

void SessionLayer::apply(const std::vector<SessionEvent>& events) {
    double now = clock_.nowMs();
    for (SessionEvent ev : events) {
        switch (ev) {
            case SessionEvent::PromptShown:
            case SessionEvent::PromptDismissed:
                break; // drawn from mode()
            case SessionEvent::SessionStarted:
                if (!sessionActive_) beginVisit(now);
                if (host_.startSession) host_.startSession();
                break;
            case SessionEvent::SessionEnded:
                if (sessionActive_) {
                    logEvent(event::SessionEnd, {}, (now - sessionStartMs_) / 1000.0);
                    sessionActive_ = false;
                }
                tour_.reset();
                if (host_.endSession) host_.endSession();
                break;
        }
    }
}

bool SessionLayer::update() {
    double now = clock_.nowMs();
    std::vector<SessionEvent> events;
    if (!config_.hours.alwaysOpen())
        idle_.setClosed(!config_.hours.isOpen(localNow()), now, events);
    SessionMode before = idle_.mode();
    idle_.update(now, events);
    if (tour_ && config_.tourAutoAdvanceS > 0 &&
        now >= tour_->stopShownMs + config_.tourAutoAdvanceS * 1000)
        goToStop((tour_->stop + 1) % tour_->tour.stops.size()); // a lobby loops its tour
    bool wants = !events.empty() || before != idle_.mode();
    apply(events);
    lastWantWasPacing_ = false;
    if (closed()) {
        // Only when the page changes: the minute of the clock, the hours shown or hidden.
        int64_t minute = localNow() / 60;
        bool hoursShown = now < showHoursUntilMs_;
        if ((!config_.closedBlack && minute != shownMinute_) || hoursShown != hoursShown_)
            wants = true;
    } else if (screen_ == ScreenId::Attract && now >= lastFrameMs_ + kAttractFrameMs) {
        lastWantWasPacing_ = !wants;
        wants = true;
    } else if (idle_.mode() == SessionMode::Prompt &&
               static_cast<int>(idle_.promptSecondsLeft(now)) != shownSeconds_) {
        wants = true;
    }
    return wants;
}

double SessionLayer::deadline(bool withPacing) const {
    double now = clock_.nowMs();
    double d = idle_.deadline(now);
    if (!config_.hours.alwaysOpen()) {
        int64_t next = config_.hours.nextChange(localNow());
        if (next > 0) d = earliest(d, now + static_cast<double>(next - localNow()) * 1000.0);
    }
    if (closed()) {
        if (!config_.closedBlack)
            d = earliest(d, now + static_cast<double>(60 - localNow() % 60) * 1000.0);
        if (now < showHoursUntilMs_) d = earliest(d, showHoursUntilMs_);
        return d;
    }
    if (screen_ == ScreenId::Attract && withPacing) d = earliest(d, lastFrameMs_ + kAttractFrameMs);
    if (tour_ && config_.tourAutoAdvanceS > 0)
        d = earliest(d, tour_->stopShownMs + config_.tourAutoAdvanceS * 1000);
    return d;
}

void SessionLayer::onScreenEntered(const NavState& state) {
    // A module view is counted when the visitor comes to it, not again for each selection in it.
    bool cameToModule = state.screen != screen_;
    screen_ = state.screen;
    lastFrameMs_ = -1e9;
    switch (state.screen) {
        case ScreenId::City:
        case ScreenId::Map:
        case ScreenId::Industry:
        case ScreenId::Invest:
            if (cameToModule) logEvent(event::Module, screenName(state.screen));
            break;
        default:
            break;
    }
    const std::string& sel = state.selection;
    if (sel.empty()) return;
    if (state.screen == ScreenId::Map) {
        if (sel.rfind("industry:", 0) == 0)
            logEvent(event::Industry, sel.substr(9));
        else if (sel.find(':') == std::string::npos)
            logEvent(event::Park, sel);
    } else if (state.screen == ScreenId::Industry) {
        logEvent(event::Industry, sel);
    } else if (state.screen == ScreenId::Invest) {
        logEvent(event::Project, sel);
    }
}

void SessionLayer::onUsage(const char* kind, const std::string& item) {
    std::string_view k = kind;
    bool oncePerVisit = k == event::QrShown || k == event::VideoPlay;
    if (oncePerVisit && !countedThisVisit_.insert(std::string(k) + '/' + item).second) return;
    logEvent(kind, item);
}

void SessionLayer::onLanguageChosen(Lang lang) {
    idle_.activity(clock_.nowMs());
    logEvent(event::Language, lang == Lang::Zh ? "zh" : "en");
}

// [SECTION] Staff and tours

void SessionLayer::enterStaff() {
    idle_.enterStaff(clock_.nowMs());
    logLine("staff: panel opened");
}

void SessionLayer::leaveStaff() {
    if (idle_.mode() == SessionMode::Staff) idle_.leaveToVisitor(clock_.nowMs());
}

void SessionLayer::startTour(const Tour& tour) {
    if (tour.stops.empty()) return;
    tour_ = ActiveTour{tour, 0, clock_.nowMs()};
    idle_.enterTour(clock_.nowMs());
    logLine("tour: %s started", tour.id.c_str());
    goToStop(0);
}

void SessionLayer::endTour() {
    if (!tour_) return;
    logLine("tour: %s ended at stop %zu", tour_->tour.id.c_str(), tour_->stop + 1);
    tour_.reset();
    idle_.leaveToVisitor(clock_.nowMs());
    if (host_.go) host_.go(NavCommand::home());
}

void SessionLayer::goToStop(size_t index) {
    if (!tour_ || index >= tour_->tour.stops.size()) return;
    tour_->stop = index;
    tour_->stopShownMs = clock_.nowMs();
    tour_->noteOpen = false;
    const TourStop& stop = tour_->tour.stops[index];
    ScreenId id = ScreenId::Home;
    parseScreenName(stop.screen, id);
    stopState_ = {id, stop.selection};
    logEvent(event::TourStep, tour_->tour.id + ":" + std::to_string(index + 1));
    if (host_.go) host_.go(NavCommand::go(id, stop.selection));
}

// [SECTION] Drawing: closed page, prompt, staff corner, tour bar

void SessionLayer::drawClosedPage(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    dl()->AddRectFilled(ImVec2(0, 0), ImVec2(W, H), IM_COL32(0, 0, 0, 255));
    int64_t local = localNow();
    shownMinute_ = local / 60;
    hoursShown_ = ui.nowMs < showHoursUntilMs_;
    if (config_.closedBlack) return; // the screen stays dark: nothing for a passer-by to read
    // The page stays up all night: dim, on the brand's deep blue, and drifting a few pixels
    // each minute so that no edge sits still long enough to mark the panel. A touch brightens
    // it for a while.
    float alpha = hoursShown_ ? 1.0f : 0.6f;
    dl()->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(W, H), theme::col(ui, C::primaryDark, alpha),
                                  theme::col(ui, C::primaryDark, alpha),
                                  theme::col(ui, C::shadow, alpha),
                                  theme::col(ui, C::shadow, alpha));
    float drift = ui.px(6);
    ImVec2 shift(drift * static_cast<float>(shownMinute_ % 5) - drift * 2,
                 drift * static_cast<float>(shownMinute_ / 5 % 5) - drift * 2);
    float margin = ui.px(ui.ds.portrait() ? tokens::space::l : tokens::space::xl);
    float wrap = W - margin * 2;
    auto centred = [&](FontRole role, float y, uint32_t rgb, const std::string& s, float a) {
        ImVec2 size = widgets::paraSize(ui, role, s, wrap);
        widgets::para(ui, role, ImVec2((W - size.x) * 0.5f + shift.x, y + shift.y), rgb, s, wrap,
                      a * alpha);
        return size.y;
    };

    // Brand: the site's title in both languages, a gold rule under it.
    const Site& site = ui.content->site;
    float y = H * (ui.ds.portrait() ? 0.3f : 0.12f);
    y += centred(FontRole::H2, y, C::textOnPrimary, site.title.zh, 0.9f) + ui.px(tokens::space::xs);
    y += centred(FontRole::Body, y, C::textOnPrimary, site.title.en, 0.75f);
    y += ui.px(tokens::space::l);
    float ruleW = ui.px(160);
    dl()->AddRectFilled(ImVec2((W - ruleW) * 0.5f + shift.x, y + shift.y),
                        ImVec2((W + ruleW) * 0.5f + shift.x, y + shift.y + ui.px(6)),
                        theme::col(ui, C::gold, alpha), ui.px(3));
    y += ui.px(tokens::space::xl);

    // The time now, large, then "closed" in both languages.
    char clock[16];
    int64_t secOfDay = ((local % 86400) + 86400) % 86400;
    std::snprintf(clock, sizeof clock, "%02d:%02d", int(secOfDay / 3600), int(secOfDay / 60 % 60));
    y += centred(FontRole::Display, y, C::textOnPrimary, clock, 0.85f) + ui.px(tokens::space::m);
    const Text& closedText = uiText(UiString::DisplayClosed);
    y += centred(FontRole::H1, y, C::textOnPrimary, closedText.zh, 1.0f) + ui.px(tokens::space::xs);
    y +=
        centred(FontRole::H2, y, C::textOnPrimary, closedText.en, 0.85f) + ui.px(tokens::space::xl);

    // The hours as a visitor reads them, one group of days per line, Chinese then English.
    Text hours = config_.hours.describe();
    if (hours.empty()) return;
    const Text& heading = uiText(UiString::DisplayHours);
    y += centred(FontRole::Body, y, C::gold, heading.zh + " · " + heading.en, 1.0f) +
         ui.px(tokens::space::s);
    auto lines = [](const std::string& s, const std::string& sep) {
        std::vector<std::string> out;
        for (size_t at = 0;;) {
            size_t next = s.find(sep, at);
            out.push_back(s.substr(at, next == std::string::npos ? next : next - at));
            if (next == std::string::npos) return out;
            at = next + sep.size();
        }
    };
    for (const std::string& line : lines(hours.zh, "；"))
        y += centred(FontRole::H2, y, C::textOnPrimary, line, 1.0f) + ui.px(tokens::space::xs);
    y += ui.px(tokens::space::s);
    for (const std::string& line : lines(hours.en, "; "))
        y += centred(FontRole::H2, y, C::textOnPrimary, line, 0.85f) + ui.px(tokens::space::xs);
}

void SessionLayer::drawOverlays(UiContext& ui, const NavState& current) {
    lastFrameMs_ = ui.nowMs;
    float W = ui.ds.width, H = ui.ds.height;
    // The staff corner: a discreet target on the home header; a long press or five quick taps.
    if (current.screen == ScreenId::Home && idle_.mode() == SessionMode::Visitor) {
        Rect corner{0, 0, ui.px(160), ui.px(tokens::space::topBar)};
        ui.hits->add("staff-corner", uiText(UiString::StaffCorner), corner);
        for (const Gesture& g : *ui.gestures) {
            if (!corner.contains(g.pos)) continue;
            if (g.kind == Gesture::Kind::LongPress) {
                ui.post(NavCommand::go(ScreenId::Staff));
            } else if (g.kind == Gesture::Kind::Tap || g.kind == Gesture::Kind::DoubleTap) {
                staffTaps_.push_back(ui.nowMs);
                while (!staffTaps_.empty() && staffTaps_.front() < ui.nowMs - kStaffTapWindowMs)
                    staffTaps_.erase(staffTaps_.begin());
                if (static_cast<int>(staffTaps_.size()) >= kStaffTaps) {
                    staffTaps_.clear();
                    ui.post(NavCommand::go(ScreenId::Staff));
                }
            }
        }
    }
    if (tour_ && current.screen != ScreenId::Staff) drawTourBar(ui, current);
    if (idle_.mode() == SessionMode::Prompt) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(W, H));
        ImGui::Begin("##session-prompt", nullptr, kOverlayFlags);
        drawPrompt(ui);
        ImGui::End();
    }
}

void SessionLayer::drawPrompt(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    dl()->AddRectFilled(ImVec2(0, 0), ImVec2(W, H), theme::col(ui, C::shadow, 0.6f));
    float cw = std::min(W - ui.px(tokens::space::xl) * 2, ui.px(960));
    float ch = ui.px(520);
    ImVec2 min((W - cw) * 0.5f, (H - ch) * 0.5f), max(min.x + cw, min.y + ch);
    theme::card(ui, min, max, C::surface, tokens::radius::card, 24);
    float y = min.y + ui.px(tokens::space::xl);
    const Text& title = uiText(UiString::SessionStillThere);
    const std::string& main = ui.tr(title);
    const std::string& other = title.get(ui.lang == Lang::Zh ? Lang::En : Lang::Zh);
    ImVec2 ts = theme::textSize(ui, FontRole::H1, main);
    theme::text(ui, FontRole::H1, ImVec2((min.x + max.x - ts.x) * 0.5f, y), C::text, main);
    y += ts.y + ui.px(tokens::space::xs);
    ImVec2 os = theme::textSize(ui, FontRole::H2, other);
    theme::text(ui, FontRole::H2, ImVec2((min.x + max.x - os.x) * 0.5f, y), C::textSecondary,
                other);
    y += os.y + ui.px(tokens::space::m);
    shownSeconds_ = static_cast<int>(idle_.promptSecondsLeft(ui.nowMs));
    std::string count = format(uiText(UiString::SessionCountdown), ui.lang, shownSeconds_);
    ImVec2 cs = theme::textSize(ui, FontRole::Body, count);
    theme::text(ui, FontRole::Body, ImVec2((min.x + max.x - cs.x) * 0.5f, y), C::textSecondary,
                count);
    // Countdown ring around the number of seconds left.
    float bw = ui.px(480), bh = ui.px(tokens::space::touchMin + 16);
    ImVec2 bmin((min.x + max.x - bw) * 0.5f, max.y - ui.px(tokens::space::xl) - bh);
    const Text& cont = uiText(UiString::SessionContinue);
    Text label{cont.zh + " " + cont.en, cont.zh + " " + cont.en};
    // The touch itself is taken by SessionLayer::filterInput (any touch continues); the button
    // shows where to touch and is a target for scenarios.
    widgets::button(ui, "session-continue", label, bmin, ImVec2(bmin.x + bw, bmin.y + bh));
    float frac = static_cast<float>(idle_.promptSecondsLeft(ui.nowMs) / config_.promptS);
    float barW = cw - ui.px(tokens::space::xl) * 2;
    ImVec2 bar(min.x + ui.px(tokens::space::xl), bmin.y - ui.px(tokens::space::l));
    dl()->AddRectFilled(bar, ImVec2(bar.x + barW, bar.y + ui.px(8)),
                        theme::col(ui, C::surfaceMuted), ui.px(4));
    dl()->AddRectFilled(bar, ImVec2(bar.x + barW * std::clamp(frac, 0.0f, 1.0f), bar.y + ui.px(8)),
                        theme::col(ui, C::gold), ui.px(4));
}

float SessionLayer::tourBarHeight(const DesignScale& ds) {
    return ds.portrait() ? ds.px(300) : ds.px(180);
}

float SessionLayer::bottomInset(const DesignScale& ds) const {
    return tour_ && !closed() ? tourBarHeight(ds) : 0.0f;
}

void SessionLayer::drawTourBar(UiContext& ui, const NavState& current) {
    float W = ui.ds.width, H = ui.ds.height;
    bool portrait = ui.ds.portrait();
    float pad = ui.px(tokens::space::m);
    float btnH = ui.px(tokens::space::touchMin);
    float barH = tourBarHeight(ui.ds);
    bool away = current.screen != stopState_.screen || current.selection != stopState_.selection;
    float chipH = btnH;
    float top = H - barH - (away ? chipH + pad : 0);
    ImGui::SetNextWindowPos(ImVec2(0, top));
    ImGui::SetNextWindowSize(ImVec2(W, H - top));
    ImGui::Begin("##tour-bar", nullptr, kOverlayFlags);
    // The tour bar is for the booth staff who lead the tour (the stop's note is their script):
    // exempt from the visitor type minimum, not from the overlap and clipping rules.
    bool wasStaff = ui.staffOnly;
    ui.staffOnly = true;
    if (away) {
        // The visitor wandered off: one chip brings the tour back to its stop.
        float cw = ui.px(360);
        ImVec2 cmin(W - pad - cw, top);
        const Text& back = uiText(UiString::TourBack);
        if (widgets::button(ui, "tour-back", back, cmin, ImVec2(cmin.x + cw, cmin.y + chipH)))
            goToStop(tour_->stop);
    }
    ImVec2 bmin(0, H - barH);
    dl()->AddRectFilled(bmin, ImVec2(W, H), theme::col(ui, C::primaryDark, 0.94f));
    const TourStop& stop = tour_->tour.stops[tour_->stop];
    std::string head = ui.tr(tour_->tour.title) + "  ·  " +
                       format(uiText(UiString::TourStop), ui.lang, int(tour_->stop + 1),
                              int(tour_->tour.stops.size()));
    float x = pad, y = bmin.y + pad;
    float buttonsW = ui.px(200) * 3 + pad * 2;
    float noteW = portrait ? W - pad * 2 : W - buttonsW - pad * 3;
    float by = portrait ? H - pad - btnH : bmin.y + (barH - btnH) * 0.5f;
    // The cue note is the staff's script: folded (visitors read the screen, not the script)
    // until the staff taps it; the same button folds it again. It sits at the right end of the
    // text column; the head and the note wrap beside it.
    float textW = noteW;
    if (!stop.note.empty()) {
        const Text& toggle =
            uiText(tour_->noteOpen ? UiString::TourNoteHide : UiString::TourNoteShow);
        float tw = theme::textSize(ui, FontRole::BodyBold, ui.tr(toggle)).x + ui.px(56);
        float ty = portrait ? bmin.y + pad : by;
        ImVec2 tmin(x + noteW - tw, ty);
        if (widgets::button(ui, "tour-note", toggle, tmin, ImVec2(tmin.x + tw, ty + btnH),
                            widgets::ButtonStyle::OnPrimary))
            tour_->noteOpen = !tour_->noteOpen;
        textW = noteW - tw - pad;
    }
    y += theme::text(ui, FontRole::Caption, ImVec2(x, y), C::gold, head, textW).y +
         ui.px(tokens::space::xs);
    if (tour_->noteOpen)
        widgets::paraFit(ui, FontRole::Body, ImVec2(x, y), C::textOnPrimary, ui.tr(stop.note),
                         textW, (portrait ? by : H) - pad - y);
    float bx = W - pad - buttonsW;
    float bw = ui.px(200);
    size_t n = tour_->tour.stops.size();
    if (widgets::button(ui, "tour-prev", uiText(UiString::TourPrev), ImVec2(bx, by),
                        ImVec2(bx + bw, by + btnH), widgets::ButtonStyle::OnPrimary) &&
        tour_->stop > 0)
        goToStop(tour_->stop - 1);
    bx += bw + pad;
    if (widgets::button(ui, "tour-next", uiText(UiString::TourNext), ImVec2(bx, by),
                        ImVec2(bx + bw, by + btnH), widgets::ButtonStyle::Secondary))
        goToStop(tour_->stop + 1 < n ? tour_->stop + 1 : tour_->stop);
    bx += bw + pad;
    bool end = widgets::button(ui, "tour-end", uiText(UiString::TourEnd), ImVec2(bx, by),
                               ImVec2(bx + bw, by + btnH), widgets::ButtonStyle::OnPrimary);
    ui.staffOnly = wasStaff;
    ImGui::End();
    if (end) endTour();
}

} // namespace zj
