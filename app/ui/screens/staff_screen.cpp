// [SECTION] Entry and keypad
// [SECTION] Panel: status, actions, tours, log and credits
// [SECTION] Test pattern
#include "ui/screens/staff_screen.hpp"

#include "core/session/log_ring.hpp"
#include "core/ui_strings.hpp"
#include "platform/texture_cache.hpp"
#include "ui/widgets.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
const Text& T(UiString s) {
    return uiText(s);
}

std::string bytes(uint64_t b) {
    char buf[32];
    if (b >= (uint64_t(1) << 30))
        std::snprintf(buf, sizeof buf, "%.1f GB", b / double(uint64_t(1) << 30));
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", b / double(1 << 20));
    return buf;
}

std::string duration(double s) {
    char buf[48];
    int64_t t = static_cast<int64_t>(s);
    std::snprintf(buf, sizeof buf, "%lld d %02lld:%02lld:%02lld", (long long)(t / 86400),
                  (long long)(t / 3600 % 24), (long long)(t / 60 % 60), (long long)(t % 60));
    return buf;
}

// A format from the string table ("%1 (of %2 starts)") with %1 and %2 filled in, so each
// language orders the values its own way.
std::string fillIn(const std::string& format, const std::string& first, const std::string& second) {
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        bool slot = format[i] == '%' && i + 1 < format.size() &&
                    (format[i + 1] == '1' || format[i + 1] == '2');
        if (slot)
            out += format[++i] == '1' ? first : second;
        else
            out += format[i];
    }
    return out;
}

std::string date(int64_t unix) {
    if (unix <= 0) return "-";
    std::time_t t = static_cast<std::time_t>(unix);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// A label over its value; returns the height used.
float row(UiContext& ui, ImVec2 pos, float width, const Text& label, const std::string& value) {
    float labelW = width * 0.42f;
    ImVec2 ls = theme::text(ui, FontRole::Caption, pos, C::textSecondary, ui.tr(label), labelW);
    ImVec2 vs = theme::text(ui, FontRole::Body,
                            ImVec2(pos.x + labelW, pos.y - ui.px(ui.style.staff.valueRaise)),
                            C::text, value, width - labelW);
    return std::max(ls.y, vs.y) + ui.px(tokens::space::s);
}

float heading(UiContext& ui, ImVec2 pos, const Text& t) {
    return theme::text(ui, FontRole::H2, pos, C::primary, ui.tr(t)).y + ui.px(tokens::space::s);
}

// A card as tall as its rows: they are drawn first, into a channel above the card's, so they
// can be measured by drawing them. beginCardRows() before the rows; endCardRows() draws the
// card under them, from `pos` down to `bottom`, and returns its height.
void beginCardRows() {
    dl()->ChannelsSplit(2);
    dl()->ChannelsSetCurrent(1);
}

float endCardRows(UiContext& ui, ImVec2 pos, float width, float bottom) {
    dl()->ChannelsSetCurrent(0);
    theme::card(ui, pos, ImVec2(pos.x + width, bottom), C::surface, tokens::radius::card,
                ui.style.staff.cardShadow);
    dl()->ChannelsMerge();
    return bottom - pos.y;
}
} // namespace

// [SECTION] Entry and keypad

void StaffScreen::onEnter(UiContext& ui, const std::string&) {
    // Always ask for the PIN again: a panel left unlocked would be open to the next visitor.
    unlocked_ = false;
    testPattern_ = false;
    tourStarted_ = false;
    digits_.clear();
    newPin_.clear();
    message_.clear();
    mode_ = services_.pinNeedsSetup && services_.pinNeedsSetup() ? KeypadMode::SetNew
                                                                 : KeypadMode::Enter;
    statusAtMs_ = ui.nowMs;
}

void StaffScreen::onLeave() {
    if (unlocked_ && !tourStarted_ && services_.left) services_.left();
    unlocked_ = false;
    digits_.clear();
    newPin_.clear();
}

void StaffScreen::resetSession() {
    unlocked_ = false;
    testPattern_ = false;
    digits_.clear();
    newPin_.clear();
    message_.clear();
}

void StaffScreen::draw(UiContext& ui) {
    if (testPattern_) return drawTestPattern(ui);
    if (unlocked_) return drawPanel(ui);
    drawKeypad(ui);
}

void StaffScreen::drawKeypad(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    UiString title = mode_ == KeypadMode::SetNew    ? UiString::StaffPinSetTitle
                     : mode_ == KeypadMode::Confirm ? UiString::StaffPinConfirmTitle
                                                    : UiString::StaffPinTitle;
    widgets::topBar(ui, T(title), C::primaryDark);
    const StaffStyle& st = ui.style.staff;
    float key = ui.px(st.pinKey), gap = ui.px(tokens::space::m);
    float padW = key * 3 + gap * 2, padH = key * 4 + gap * 3;
    float top = ui.px(tokens::space::topBar);
    float dotsH = ui.px(st.pinDots);
    float y0 = top + std::max(ui.px(tokens::space::l), (H - top - dotsH - padH) * 0.5f);
    float x0 = (W - padW) * 0.5f;
    // Dots for the digits typed (never the digits), then the message.
    int least = mode_ == KeypadMode::Enter ? 4 : static_cast<int>(kMinPinDigits);
    int shown = std::max<int>(least, static_cast<int>(digits_.size()));
    float dot = ui.px(st.pinDot), dotGap = ui.px(st.pinDotGap);
    float dotsW = (shown - 1) * dotGap;
    for (int i = 0; i < shown; ++i) {
        ImVec2 c(W * 0.5f - dotsW * 0.5f + i * dotGap, y0 + ui.px(st.pinDotY));
        if (i < static_cast<int>(digits_.size()))
            dl()->AddCircleFilled(c, dot, theme::col(ui, C::primary));
        else
            dl()->AddCircle(c, dot, theme::col(ui, C::textSecondary), 24, ui.px(st.pinDotStroke));
    }
    if (!message_.empty()) {
        ImVec2 ms = theme::textSize(ui, FontRole::BodyBold, message_);
        theme::text(ui, FontRole::BodyBold, ImVec2((W - ms.x) * 0.5f, y0 + ui.px(st.pinMessageY)),
                    C::national, message_);
    }
    float py = y0 + dotsH;
    static const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        ImVec2 min(x0 + (i % 3) * (key + gap), py + (i / 3) * (key + gap));
        ImVec2 max(min.x + key, min.y + key);
        std::string id = std::string("pin-key-") + keys[i];
        Text label{keys[i], keys[i]};
        bool pressed = false;
        bool clicked = widgets::touchArea(ui, id.c_str(), label, min, max, &pressed);
        bool ok = i == 11, del = i == 9;
        uint32_t fill = ok ? C::primary : C::surface;
        theme::card(ui, min, max, fill, key * 0.5f / ui.ds.scale,
                    pressed ? st.keyShadowPressed : st.keyShadow);
        ImVec2 c = (min + max) * 0.5f;
        if (del) {
            // A drawn backspace: the CJK font has no ⌫ glyph.
            float s = key * 0.16f;
            ImVec2 pts[] = {ImVec2(c.x - s * 1.6f, c.y), ImVec2(c.x - s * 0.6f, c.y - s),
                            ImVec2(c.x + s * 1.4f, c.y - s), ImVec2(c.x + s * 1.4f, c.y + s),
                            ImVec2(c.x - s * 0.6f, c.y + s)};
            float w = ui.px(st.backspaceStroke);
            dl()->AddPolyline(pts, 5, theme::col(ui, C::text), ImDrawFlags_Closed, w);
            dl()->AddLine(ImVec2(c.x - s * 0.1f, c.y - s * 0.45f),
                          ImVec2(c.x + s * 0.8f, c.y + s * 0.45f), theme::col(ui, C::text), w);
            dl()->AddLine(ImVec2(c.x - s * 0.1f, c.y + s * 0.45f),
                          ImVec2(c.x + s * 0.8f, c.y - s * 0.45f), theme::col(ui, C::text), w);
        } else {
            theme::textCentered(ui, ok ? FontRole::BodyBold : FontRole::H2, min, max,
                                ok ? C::textOnPrimary : C::text, keys[i]);
        }
        if (!clicked) continue;
        if (del) {
            if (!digits_.empty()) digits_.pop_back();
        } else if (ok) {
            keypadOk(ui);
        } else if (digits_.size() < kMaxPinDigits) {
            digits_ += keys[i];
        }
    }
}

void StaffScreen::keypadOk(UiContext& ui) {
    std::string typed;
    typed.swap(digits_);
    auto unlock = [&] {
        message_.clear();
        unlocked_ = true;
        status_ = services_.status ? services_.status(true) : StaffStatus{};
        if (services_.entered) services_.entered();
    };
    if (mode_ == KeypadMode::SetNew) { // the first staff entry on this kiosk: choose a PIN
        if (!isValidPin(typed)) {
            message_ = ui.tr(T(UiString::StaffPinRule));
            return;
        }
        newPin_ = typed;
        mode_ = KeypadMode::Confirm;
        message_.clear();
        return;
    }
    if (mode_ == KeypadMode::Confirm) {
        std::string err;
        if (typed != newPin_) {
            message_ = ui.tr(T(UiString::StaffPinMismatch));
        } else if (!services_.setPin || !services_.setPin(typed, err)) {
            message_ = ui.tr(T(UiString::StaffPinNotKept)); // the reason is in the log
        } else {
            newPin_.clear();
            mode_ = KeypadMode::Enter;
            return unlock();
        }
        newPin_.clear();
        mode_ = KeypadMode::SetNew;
        return;
    }
    PinGate::Result r = services_.tryPin ? services_.tryPin(typed) : PinGate::Result::Wrong;
    if (r == PinGate::Result::Accepted) {
        unlock();
    } else if (r == PinGate::Result::Wrong && services_.lockedForMs() <= 0) {
        message_ = ui.tr(T(UiString::StaffPinWrong));
    } else {
        char buf[160];
        std::snprintf(buf, sizeof buf, ui.tr(T(UiString::StaffPinLocked)).c_str(),
                      static_cast<int>(std::ceil(services_.lockedForMs() / 1000.0)));
        message_ = buf;
    }
}

// [SECTION] Panel: status, actions, tours, log and credits

void StaffScreen::drawPanel(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    widgets::topBar(ui, T(UiString::StaffPanel), C::primaryDark);
    if (services_.status && ui.nowMs - statusAtMs_ > 1000) {
        // Uptime and sync move on; storage is walked again only on entry (it reads the disk).
        StaffStatus fresh = services_.status(false);
        fresh.storeBytes = status_.storeBytes;
        status_ = fresh;
        statusAtMs_ = ui.nowMs;
    }
    bool portrait = ui.ds.portrait();
    float margin = ui.px(tokens::space::l), gap = ui.px(tokens::space::m);
    float top = ui.px(tokens::space::topBar) + gap;
    if (!portrait) {
        float colW = (W - margin * 2 - gap * 2) / 3;
        float h1 = drawStatus(ui, ImVec2(margin, top), colW);
        float h2 = drawActions(ui, ImVec2(margin + colW + gap, top), colW);
        float h3 = drawTours(ui, ImVec2(margin + (colW + gap) * 2, top), colW);
        float y = top + std::max({h1, h2, h3}) + gap;
        drawLogAndCredits(ui, ImVec2(margin, y), W - margin * 2, H - margin);
    } else {
        float colW = W - margin * 2;
        float half = (colW - gap) / 2;
        float y = top;
        y += drawStatus(ui, ImVec2(margin, y), colW) + gap;
        float a = drawActions(ui, ImVec2(margin, y), half);
        float t = drawTours(ui, ImVec2(margin + half + gap, y), half);
        y += std::max(a, t) + gap;
        drawLogAndCredits(ui, ImVec2(margin, y), colW, H - margin);
    }
}

float StaffScreen::drawStatus(UiContext& ui, ImVec2 pos, float width) {
    float pad = ui.px(tokens::space::m);
    beginCardRows();
    float x = pos.x + pad, w = width - pad * 2, y = pos.y + pad;
    y += heading(ui, ImVec2(x, y), T(UiString::StaffStatus));
    const Content& c = *ui.content;
    y += row(ui, ImVec2(x, y), w, T(UiString::ContentVersion), std::to_string(c.version));
    if (!ui.tr(c.site.subtitle).empty()) // the edition line (not on the visitors' home screen)
        y += row(ui, ImVec2(x, y), w, T(UiString::StaffEdition), ui.tr(c.site.subtitle));
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffContentAsOf), date(status_.contentCreated));
    UiString off = UiString::StaffSyncNotConfigured;
    if (!status_.syncOffReason.empty())
        off = UiString::StaffSyncOffConfigError;
    else if (status_.syncOff == SyncOff::NoKey)
        off = UiString::StaffSyncOffNoKey;
    else if (status_.syncOff == SyncOff::DevelopmentKey)
        off = UiString::StaffSyncOffDevelopmentKey;
    std::string sync =
        status_.syncConfigured
            ? (status_.syncing ? ui.tr(T(UiString::StaffSyncRunning))
                               : (status_.syncLine.empty() ? ui.tr(T(UiString::StaffSyncNever))
                                                           : status_.syncLine))
            : ui.tr(T(off));
    // Stale content is the one sync outcome staff must not miss: it leads the line.
    if (status_.syncConfigured && status_.contentExpired)
        sync = ui.tr(T(UiString::StaffContentExpired)) + "  " + sync;
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffSync), sync);
    if (status_.serverReached)
        y += row(ui, ImVec2(x, y), w, T(UiString::StaffNetwork),
                 ui.tr(T(*status_.serverReached ? UiString::StaffNetworkReachable
                                                : UiString::StaffNetworkUnreachable)));
    // Store and free disk share a row: the restart line below must not push the log and the
    // attributions off a 1080p screen.
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffStorage),
             fillIn(ui.tr(T(UiString::StaffStoreAndFreeDisk)), bytes(status_.storeBytes),
                    bytes(status_.freeBytes)));
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffUptime), duration(status_.uptimeS));
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffRestarts),
             fillIn(ui.tr(T(UiString::StaffRestartsOfStarts)), std::to_string(status_.restarts),
                    std::to_string(status_.starts)));
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffDefaultLang),
             status_.defaultLang == "en" ? "English" : "中文");
    y += row(ui, ImVec2(x, y), w, T(UiString::StaffIdleTimeout),
             std::to_string(static_cast<int>(status_.idleTimeoutS)) + " " +
                 ui.tr(T(UiString::Seconds)));
    y += row(ui, ImVec2(x, y), w, T(UiString::DisplayHours),
             status_.hours.empty() ? ui.tr(T(UiString::DisplayAlwaysOn)) : status_.hours);
    y += pad - ui.px(tokens::space::s);
    return endCardRows(ui, pos, width, y);
}

float StaffScreen::drawActions(UiContext& ui, ImVec2 pos, float width) {
    float pad = ui.px(tokens::space::m), gap = ui.px(tokens::space::s);
    float bh = ui.px(tokens::space::touchMin);
    beginCardRows();
    float x = pos.x + pad, w = width - pad * 2, y = pos.y + pad;
    y += heading(ui, ImVec2(x, y), T(UiString::StaffActions));
    if (status_.syncConfigured) {
        if (widgets::button(ui, "staff-sync-now", T(UiString::StaffSyncNow), ImVec2(x, y),
                            ImVec2(x + w, y + bh)) &&
            services_.syncNow) {
            services_.syncNow();
            logLine("staff: sync requested");
        }
        y += bh + gap;
    }
    // Volume: - value +
    int volume = services_.volume ? services_.volume() : 0;
    float vb = bh;
    if (widgets::button(ui, "staff-volume-down", {"-", "-"}, ImVec2(x, y), ImVec2(x + vb, y + bh),
                        widgets::ButtonStyle::Ghost) &&
        services_.setVolume)
        services_.setVolume(std::max(0, volume - 10));
    std::string v = ui.tr(T(UiString::StaffVolume)) + " " + std::to_string(volume);
    theme::textCentered(ui, FontRole::BodyBold, ImVec2(x + vb, y), ImVec2(x + w - vb, y + bh),
                        C::text, v);
    if (widgets::button(ui, "staff-volume-up", {"+", "+"}, ImVec2(x + w - vb, y),
                        ImVec2(x + w, y + bh), widgets::ButtonStyle::Ghost) &&
        services_.setVolume)
        services_.setVolume(std::min(100, volume + 10));
    y += bh + gap;
    if (widgets::button(ui, "staff-test-pattern", T(UiString::StaffTestPattern), ImVec2(x, y),
                        ImVec2(x + w, y + bh), widgets::ButtonStyle::Secondary))
        testPattern_ = true;
    y += bh + gap;
    float half = (w - gap) / 2;
    if (widgets::button(ui, "staff-restart", T(UiString::StaffRestart), ImVec2(x, y),
                        ImVec2(x + half, y + bh), widgets::ButtonStyle::Ghost) &&
        services_.quit) {
        logLine("staff: restart requested");
        services_.quit(kRestartExitCode);
    }
    if (widgets::button(ui, "staff-exit", T(UiString::StaffExit), ImVec2(x + half + gap, y),
                        ImVec2(x + w, y + bh), widgets::ButtonStyle::Ghost) &&
        services_.quit) {
        logLine("staff: exit to desktop");
        services_.quit(0);
    }
    y += bh + pad;
    return endCardRows(ui, pos, width, y);
}

float StaffScreen::drawTours(UiContext& ui, ImVec2 pos, float width) {
    float pad = ui.px(tokens::space::m), gap = ui.px(tokens::space::s);
    float bh = ui.px(tokens::space::touchMin);
    beginCardRows();
    float x = pos.x + pad, w = width - pad * 2, y = pos.y + pad;
    y += heading(ui, ImVec2(x, y), T(UiString::StaffTours));
    const auto& tours = ui.content->tours;
    if (tours.empty()) {
        y += theme::text(ui, FontRole::Body, ImVec2(x, y), C::textSecondary,
                         ui.tr(T(UiString::StaffNoTours)), w)
                 .y +
             gap;
    }
    int i = 0;
    for (const Tour& tour : tours) {
        if (i++ >= 5) break; // the panel is not a catalogue: five tours fit
        std::string id = "staff-tour:" + tour.id;
        if (widgets::button(ui, id.c_str(), tour.title, ImVec2(x, y), ImVec2(x + w, y + bh),
                            widgets::ButtonStyle::Secondary) &&
            services_.startTour) {
            tourStarted_ = true;
            services_.startTour(tour);
        }
        y += bh + gap;
    }
    y += pad - gap;
    return endCardRows(ui, pos, width, y);
}

float StaffScreen::drawLogAndCredits(UiContext& ui, ImVec2 pos, float width, float maxY) {
    float pad = ui.px(tokens::space::m), gap = ui.px(tokens::space::m);
    if (maxY - pos.y < ui.px(ui.style.staff.logMin)) return 0;
    theme::card(ui, pos, ImVec2(pos.x + width, maxY), C::surface, tokens::radius::card,
                ui.style.staff.cardShadow);
    float half = (width - pad * 2 - gap) / 2;
    float x = pos.x + pad, y0 = pos.y + pad;
    dl()->PushClipRect(pos, ImVec2(pos.x + width, maxY - pad * 0.5f), true);
    float y = y0 + heading(ui, ImVec2(x, y0), T(UiString::StaffLog));
    float lineH = theme::textSize(ui, FontRole::Caption, "Ag").y;
    size_t room = static_cast<size_t>(std::max(1.0f, (maxY - pad - y) / lineH));
    for (const std::string& line : recentLogLines(std::min<size_t>(room, 12)))
        y += theme::text(ui, FontRole::Caption, ImVec2(x, y), C::textSecondary, line, half).y;
    float cx = x + half + gap;
    y = y0 + heading(ui, ImVec2(cx, y0), T(UiString::StaffAttributions));
    // Whole entries only: one that does not fit ends the list with a count of the rest (the
    // full credits are in the content's attributions and the package's copyright file).
    const auto& credits = ui.content->attributions;
    float bottom = maxY - pad;
    for (size_t i = 0; i < credits.size(); ++i) {
        std::string entry = ui.tr(credits[i].what) + " — " + credits[i].source;
        float h = theme::textSize(ui, FontRole::Caption, entry, half).y;
        bool last = i + 1 == credits.size();
        if (y + h > bottom - (last ? 0 : lineH)) {
            std::string more = "… +" + std::to_string(credits.size() - i);
            if (y + lineH <= bottom)
                theme::text(ui, FontRole::Caption, ImVec2(cx, y), C::textSecondary, more, half);
            break;
        }
        y += theme::text(ui, FontRole::Caption, ImVec2(cx, y), C::textSecondary, entry, half).y +
             ui.px(ui.style.staff.logLineGap);
    }
    dl()->PopClipRect();
    return maxY - pos.y;
}

// [SECTION] Test pattern

void StaffScreen::drawTestPattern(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    // The pixel-exact pattern of assets/test-pattern where the screen has its size (1:1, so its
    // 1-3 px line pairs tell the truth), else the same checks drawn at any size.
    char name[64];
    std::snprintf(name, sizeof name, "asset:test-pattern/test-pattern-%dx%d.png",
                  static_cast<int>(W), static_cast<int>(H));
    TextureRef art = ui.textures ? ui.textures->get(name) : TextureRef{};
    if (art.state == TextureRef::State::Ready && art.width == int(W) && art.height == int(H))
        dl()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(art.glTexture)),
                       ImVec2(0, 0), ImVec2(W, H));
    else
        drawTestPatternBars(ui);
    const Text& hint = T(UiString::StaffTestPatternHint);
    std::string line = hint.zh + " · " + hint.en;
    ImVec2 ts = theme::textSize(ui, FontRole::BodyBold, line);
    ImVec2 tp((W - ts.x) * 0.5f, H * 0.9f - ts.y * 0.5f);
    const StaffStyle& st = ui.style.staff;
    ImVec2 platePad(ui.px(st.overlayPadX), ui.px(st.overlayPadY));
    dl()->AddRectFilled(tp - platePad, tp + ts + platePad, IM_COL32(0, 0, 0, 200),
                        ui.px(st.overlayRounding));
    theme::text(ui, FontRole::BodyBold, tp, C::textOnPrimary, line);
    if (widgets::touchArea(ui, "staff-test-pattern-close", hint, ImVec2(0, 0), ImVec2(W, H)))
        testPattern_ = false;
}

void StaffScreen::drawTestPatternBars(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    // Colour bars, a grey ramp, a 1-pixel grid and a circle: colour, gamma, scaling, geometry.
    static const uint32_t bars[8] = {0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00,
                                     0xFF00FF, 0xFF0000, 0x0000FF, 0x000000};
    for (int i = 0; i < 8; ++i)
        dl()->AddRectFilled(ImVec2(W * i / 8, 0), ImVec2(W * (i + 1) / 8, H * 0.6f),
                            theme::col(ui, bars[i]));
    for (int i = 0; i < 16; ++i) {
        uint32_t g = static_cast<uint32_t>(i * 17);
        dl()->AddRectFilled(ImVec2(W * i / 16, H * 0.6f), ImVec2(W * (i + 1) / 16, H * 0.8f),
                            theme::col(ui, (g << 16) | (g << 8) | g));
    }
    dl()->AddRectFilled(ImVec2(0, H * 0.8f), ImVec2(W, H), IM_COL32(0, 0, 0, 255));
    float step = ui.px(ui.style.staff.gridStep);
    for (float x = 0; x < W; x += step)
        dl()->AddLine(ImVec2(x, H * 0.8f), ImVec2(x, H), IM_COL32(255, 255, 255, 255), 1.0f);
    for (float y = H * 0.8f; y < H; y += step)
        dl()->AddLine(ImVec2(0, y), ImVec2(W, y), IM_COL32(255, 255, 255, 255), 1.0f);
    dl()->AddCircle(ImVec2(W * 0.5f, H * 0.5f), std::min(W, H) * 0.45f,
                    IM_COL32(255, 255, 255, 255), 128, ui.px(ui.style.staff.gridStroke));
}

} // namespace zj
