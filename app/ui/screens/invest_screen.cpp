// [SECTION] Enter and the take-away text
// [SECTION] Layout
// [SECTION] Filter chips
// [SECTION] Projects
#include "ui/screens/invest_screen.hpp"

#include "core/session/usage_events.hpp"
#include "core/ui_strings.hpp"
#include "ui/screens/invest_internal.hpp"
#include "ui/screens/two_way.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdio>

namespace zj {

namespace {
namespace C = tokens::color;
using namespace invest_detail;
constexpr size_t kMaxPicks = 8;          // keeps the take-away code small enough to scan at 300 px
constexpr float kSheetOpenShare = 0.68f; // portrait: the open sheet's share below the chips

const Text& moduleTitle(const UiContext& ui) {
    const Module* m = ui.content->module("invest");
    return m ? m->title : uiText(UiString::ModuleInvest);
}

std::string investmentText(const UiContext& ui, double yi) {
    char buf[64];
    if (ui.lang == Lang::Zh)
        std::snprintf(buf, sizeof buf, "%s %.1f 亿元",
                      ui.tr(uiText(UiString::InvestInvestment)).c_str(), yi);
    else
        std::snprintf(buf, sizeof buf, "%s CNY %.2f bn",
                      ui.tr(uiText(UiString::InvestInvestment)).c_str(), yi / 10.0);
    return buf;
}

// A pill chip; `on` fills it with `hue`.
bool chip(UiContext& ui, const std::string& id, const Text& label, ImVec2 pos, float h,
          uint32_t hue, bool on, ImVec2 clipMin, ImVec2 clipMax, float& widthOut) {
    const InvestStyle& st = ui.style.invest;
    const std::string& s = ui.tr(label);
    ImVec2 ts = widgets::paraSize(ui, FontRole::BodyBold, s);
    float w = std::max(ts.x + ui.px(st.chipTextRoom), ui.px(tokens::space::touchMin)); // ≥ a finger
    widthOut = w;
    ImVec2 a = pos, b(pos.x + w, pos.y + h);
    bool pressed = false;
    bool clicked = widgets::clippedTouch(ui, id.c_str(), label, a, b, clipMin, clipMax, &pressed);
    float inset = ui.px(st.chipInset);
    ImVec2 pa(a.x, a.y + inset), pb(b.x, b.y - inset);
    float r = (pb.y - pa.y) * 0.5f;
    if (on)
        dl()->AddRectFilled(pa, pb, theme::col(ui, hue, pressed ? 0.8f : 1.0f), r);
    else {
        dl()->AddRectFilled(pa, pb, theme::col(ui, C::surface), r);
        dl()->AddRect(pa, pb, theme::col(ui, hue, 0.7f), r, 0, ui.px(ui.style.stroke.thin));
    }
    if (!on)
        dl()->AddCircleFilled(ImVec2(pa.x + ui.px(st.chipDotX), (pa.y + pb.y) * 0.5f),
                              ui.px(st.chipDotRadius), theme::col(ui, hue));
    widgets::para(
        ui, FontRole::BodyBold,
        ImVec2(a.x + ui.px(on ? st.chipTextOn : st.chipTextOff), (a.y + b.y - ts.y) * 0.5f),
        on ? C::textOnPrimary : C::text, s);
    return clicked;
}

// A project's meta line: its industry (with the hue dot), its zone and the investment.
void projectMeta(UiContext& ui, const Industry* ind, const Park* park, double investment, ImVec2 at,
                 uint32_t hue) {
    const InvestStyle& st = ui.style.invest;
    float mx = at.x, ty = at.y;
    if (ind) {
        dl()->AddCircleFilled(ImVec2(mx + ui.px(st.metaDotX), ty + ui.px(st.metaDotY)),
                              ui.px(st.metaDotRadius), theme::col(ui, hue));
        mx += ui.px(st.metaDotRoom) +
              widgets::para(ui, FontRole::Caption, ImVec2(mx + ui.px(st.metaTextX), ty), C::text,
                            ui.tr(ind->name))
                  .x +
              ui.px(st.metaGap);
    }
    if (park)
        mx += widgets::para(ui, FontRole::Caption, ImVec2(mx, ty), C::textSecondary,
                            ui.tr(park->short_.empty() ? park->name : park->short_))
                  .x +
              ui.px(st.metaGap);
    if (investment > 0)
        widgets::para(ui, FontRole::Caption, ImVec2(mx, ty), kHue, investmentText(ui, investment));
}
} // namespace

// [SECTION] Enter and the take-away text

void InvestScreen::onEnter(UiContext& ui, const std::string& selection) {
    // A tour may name a project: show its industry's projects.
    if (const Project* p = ui.content->project(selection)) {
        industryFilter_ = p->industry;
        zoneFilter_.clear();
        projects_.reset();
    }
}

void InvestScreen::resetSession() {
    industryFilter_.clear();
    zoneFilter_.clear();
    picks_.clear();
    tab_ = Tab::Policies;
    sheetOpen_ = false;
    sheetChangedMs_ = -1e9;
    sheetDrag_ = false;
    projects_.reset();
    panel_.reset();
}

bool InvestScreen::picked(const std::string& id) const {
    return std::find(picks_.begin(), picks_.end(), id) != picks_.end();
}

std::string InvestScreen::takeAwayText(const Content& c, const std::vector<std::string>& picks) {
    // Plain text any phone shows after scanning: no invented web address, just the picks with
    // their contact lines, bilingual titles kept short.
    std::string s = "镇江产业招商地图 Zhenjiang Investment Map\n";
    for (const auto& id : picks) {
        const Project* p = c.project(id);
        if (!p) continue;
        s += "- " + p->name.zh;
        if (const Contact* ct = c.contact(p->contact))
            if (!ct->phone.empty()) s += " " + ct->phone;
        s += "\n";
    }
    return s;
}

// [SECTION] Layout

void InvestScreen::draw(UiContext& ui) {
    widgets::topBar(ui, moduleTitle(ui), kHue);
    bool portrait = ui.ds.portrait();
    float W = ui.ds.width, H = ui.ds.height;
    float top = ui.px(tokens::space::topBar);
    float margin = ui.px(portrait ? tokens::space::l : tokens::space::xl);
    float gap = ui.px(tokens::space::l);
    portrait_ = portrait;
    if (portrait) {
        float chipsH = drawChips(ui, ImVec2(margin, top + ui.px(tokens::space::m)), W - margin * 2);
        drawSheet(ui, top + ui.px(tokens::space::m) + chipsH);
    } else {
        panel_.edgeColor = C::background;
        float leftW = (W - margin * 2 - gap) * 0.60f;
        float chipsH = drawChips(ui, ImVec2(margin, top + ui.px(tokens::space::m)), leftW);
        drawProjects(ui, ImVec2(margin, top + ui.px(tokens::space::m) + chipsH),
                     ImVec2(margin + leftW, H));
        drawTabs(ui, ImVec2(margin + leftW + gap, top + ui.px(tokens::space::m)),
                 ImVec2(W - margin, H - ui.px(tokens::space::m)));
    }
}

// Portrait: the projects fill the screen; policies, events, contacts and my list are a bottom
// sheet. Collapsed it is its tab bar; a tab opens it (the projects above stay usable), the open
// tab again or a swipe down on its header puts it away.
void InvestScreen::drawSheet(UiContext& ui, float listTop) {
    float W = ui.ds.width, H = ui.ds.height;
    float margin = ui.px(tokens::space::l), m = ui.px(tokens::space::m);
    float handleH = ui.px(ui.style.invest.sheetHandle), tabsH = ui.px(tokens::space::touchMin);
    float collapsedH = handleH + tabsH + m;
    float openH = std::round((H - listTop) * kSheetOpenShare);
    float shown = twoWayShown(ui, sheetChangedMs_, sheetOpen_);
    float sheetTop = std::round(H - (collapsedH + (openH - collapsedH) * shown));

    drawProjects(ui, ImVec2(margin, listTop), ImVec2(W - margin, sheetTop - m));

    ImVec2 min(0, sheetTop), max(W, H);
    float radius = ui.px(tokens::radius::card);
    dl()->AddRectFilledMultiColor(ImVec2(0, sheetTop - ui.px(ui.style.invest.sheetShadow)),
                                  ImVec2(W, sheetTop + radius), theme::col(ui, C::shadow, 0),
                                  theme::col(ui, C::shadow, 0), theme::col(ui, C::shadow, 0.10f),
                                  theme::col(ui, C::shadow, 0.10f));
    dl()->AddRectFilled(min, ImVec2(W, H + radius), theme::col(ui, C::surface), radius,
                        ImDrawFlags_RoundCornersTop);
    theme::occlude(ui, min, max);
    float hw = ui.px(ui.style.stroke.handleHalf);
    dl()->AddLine(ImVec2(W * 0.5f - hw, sheetTop + handleH * 0.55f),
                  ImVec2(W * 0.5f + hw, sheetTop + handleH * 0.55f),
                  theme::col(ui, C::textSecondary, 0.4f), ui.px(ui.style.stroke.handle));

    // A vertical swipe that starts on the header opens or closes the sheet.
    Rect header{0, sheetTop, W, handleH + tabsH};
    for (const Gesture& g : *ui.gestures) {
        if (g.kind == Gesture::Kind::DragBegin && header.contains(g.start)) {
            sheetDrag_ = true;
            sheetDragDy_ = 0;
        } else if (g.kind == Gesture::Kind::DragMove && sheetDrag_) {
            sheetDragDy_ += g.delta.y;
        } else if (g.kind == Gesture::Kind::DragEnd && sheetDrag_) {
            sheetDrag_ = false;
            float swipe = GestureSettings{}.scaled(ui.ds.scale).sheetSwipePx;
            if (std::abs(sheetDragDy_) > swipe) setSheetOpen(ui, sheetDragDy_ < 0);
        }
    }
    panel_.edgeColor = C::surface;
    drawTabs(ui, ImVec2(margin, sheetTop + handleH), ImVec2(W - margin, H - m));
}

void InvestScreen::setSheetOpen(UiContext& ui, bool open) {
    if (open == sheetOpen_) return;
    sheetOpen_ = open;
    sheetChangedMs_ = twoWayTurn(ui, sheetChangedMs_);
}

// [SECTION] Filter chips

float InvestScreen::drawChips(UiContext& ui, ImVec2 min, float w) {
    const Content& c = *ui.content;
    float h = ui.px(tokens::space::touchMin);
    const InvestStyle& st = ui.style.invest;
    float labelW = ui.px(st.chipRowLabel);
    float rowGap = ui.px(st.chipRowGap), chipGap = ui.px(st.chipGap);
    float y = min.y;
    // Industry row: only industries that have projects.
    std::vector<const Industry*> inds;
    for (const Industry& i : c.industries)
        if (std::any_of(c.projects.begin(), c.projects.end(),
                        [&](const Project& p) { return p.industry == i.id; }))
            inds.push_back(&i);
    std::vector<const Park*> zones;
    for (const Park& p : c.parks)
        if (std::any_of(c.projects.begin(), c.projects.end(),
                        [&](const Project& q) { return q.park == p.id; }))
            zones.push_back(&p);

    for (int row = 0; row < 2; ++row) {
        const Text& rowLabel =
            uiText(row == 0 ? UiString::InvestFilterIndustry : UiString::InvestFilterZone);
        ImVec2 ls = widgets::paraSize(ui, FontRole::Body, ui.tr(rowLabel));
        widgets::para(ui, FontRole::Body, ImVec2(min.x, y + (h - ls.y) * 0.5f), C::textSecondary,
                      ui.tr(rowLabel));
        ImVec2 a(min.x + labelW, y), b(min.x + w, y + h);
        widgets::KineticArea& area = row == 0 ? industryChips_ : zoneChips_;
        float& total = row == 0 ? industryChipsW_ : zoneChipsW_;
        float off = area.begin(ui, a, b, total);
        float x = a.x - off, cw = 0;
        std::string& filter = row == 0 ? industryFilter_ : zoneFilter_;
        std::string allId = row == 0 ? "chip-industry-all" : "chip-zone-all";
        if (chip(ui, allId, uiText(UiString::InvestAll), ImVec2(x, y), h, kHue, filter.empty(), a,
                 b, cw)) {
            filter.clear();
            projects_.reset();
        }
        x += cw + chipGap;
        if (row == 0) {
            for (const Industry* i : inds) {
                if (chip(ui, "chip-industry:" + i->id, i->name, ImVec2(x, y), h,
                         i->color ? i->color : kHue, filter == i->id, a, b, cw)) {
                    filter = filter == i->id ? std::string() : i->id;
                    projects_.reset();
                }
                x += cw + chipGap;
            }
        } else {
            for (const Park* p : zones) {
                uint32_t hue = p->level == ParkLevel::National ? C::national : C::provincial;
                if (chip(ui, "chip-zone:" + p->id, p->short_.empty() ? p->name : p->short_,
                         ImVec2(x, y), h, hue, filter == p->id, a, b, cw)) {
                    filter = filter == p->id ? std::string() : p->id;
                    projects_.reset();
                }
                x += cw + chipGap;
            }
        }
        total = x + off - a.x;
        area.end(ui);
        y += h + rowGap;
    }
    return y - min.y + ui.px(tokens::space::s);
}

// [SECTION] Projects

void InvestScreen::drawProjects(UiContext& ui, ImVec2 min, ImVec2 max) {
    const Content& c = *ui.content;
    std::vector<const Project*> shown;
    for (const Project& p : c.projects)
        if ((industryFilter_.empty() || p.industry == industryFilter_) &&
            (zoneFilter_.empty() || p.park == zoneFilter_))
            shown.push_back(&p);
    const InvestStyle& st = ui.style.invest;
    float pad = ui.px(tokens::space::m);
    float w = max.x - min.x;
    // Count line (also what scenarios check after filtering).
    std::string count =
        ui.tr(uiText(UiString::InvestProjects)) + " · " + std::to_string(shown.size());
    float ch =
        widgets::para(ui, FontRole::BodyBold, min, C::text, count).y + ui.px(tokens::space::s);
    ImVec2 lmin(min.x - ui.px(st.listBleed), min.y + ch), lmax(max.x + ui.px(st.listBleed), max.y);
    float off = projects_.begin(ui, lmin, lmax, projectsH_);
    float y0 = lmin.y + ui.px(st.listInset) - off, y = y0;
    float btnW = ui.px(st.pickWidth), btnH = ui.px(tokens::space::touchMin);
    // All of them sample: one strip over the list instead of a badge on every card.
    bool allSample = widgets::wholeSectionSample(shown);
    if (allSample) y += widgets::sampleStrip(ui, ImVec2(min.x, y), w) + ui.px(tokens::space::s);
    for (const Project* p : shown) {
        const Industry* ind = c.industry(p->industry);
        const Park* park = c.park(p->park);
        uint32_t hue = ind && ind->color ? ind->color : kHue;
        float textW = w - pad * 2 - btnW - pad;
        float nameH = widgets::paraSize(ui, FontRole::H2, ui.tr(p->name), textW).y;
        float sumH = widgets::paraSize(ui, FontRole::Body, ui.tr(p->summary), textW).y;
        float nameGap = ui.px(st.projectNameGap), sumGap = ui.px(st.projectSummaryGap);
        float cardH = pad + nameH + nameGap + sumH + sumGap + ui.px(st.projectMeta) + pad;
        cardH = std::max(cardH, btnH + pad * 2 + ui.px(st.projectMinExtra));
        ImVec2 a(min.x, y), b(max.x, y + cardH);
        if (b.y > lmin.y && a.y < lmax.y) {
            theme::card(ui, a, b, C::surface, tokens::radius::card, st.projectShadow);
            dl()->AddRectFilled(a, ImVec2(a.x + ui.px(st.projectEdge), b.y), theme::col(ui, hue),
                                ui.px(tokens::radius::card), ImDrawFlags_RoundCornersLeft);
            float ty = a.y + pad, x = a.x + pad + ui.px(st.projectIndent);
            ty += widgets::para(ui, FontRole::H2, ImVec2(x, ty), C::text, ui.tr(p->name), textW).y +
                  nameGap;
            ty += widgets::para(ui, FontRole::Body, ImVec2(x, ty), C::textSecondary,
                                ui.tr(p->summary), textW)
                      .y +
                  sumGap;
            projectMeta(ui, ind, park, p->investment, ImVec2(x, ty), hue);
            drawPickButton(ui, *p, ImVec2(b.x - pad - btnW, a.y + pad),
                           ImVec2(b.x - pad, a.y + pad + btnH), lmin, lmax);
            if (p->sample && !allSample)
                widgets::sampleTagRight(ui, ImVec2(b.x - pad, b.y - pad - ui.px(st.projectTag)));
        }
        y = b.y + ui.px(tokens::space::m);
    }
    if (shown.empty())
        widgets::para(ui, FontRole::Body, ImVec2(min.x, y), C::textSecondary,
                      ui.tr(uiText(UiString::InvestNoMatch)), w);
    projectsH_ = y - y0 + ui.px(tokens::space::m);
    projects_.end(ui);
}

// "Add to my list" / "in my list": a pill that toggles the project in the visitor's picks.
void InvestScreen::drawPickButton(UiContext& ui, const Project& p, ImVec2 bmin, ImVec2 bmax,
                                  ImVec2 clipMin, ImVec2 clipMax) {
    bool on = picked(p.id);
    std::string bid = "pick:" + p.id;
    if (widgets::clippedTouch(ui, bid.c_str(),
                              uiText(on ? UiString::InvestInList : UiString::InvestAddToList), bmin,
                              bmax, clipMin, clipMax)) {
        if (on)
            picks_.erase(std::remove(picks_.begin(), picks_.end(), p.id), picks_.end());
        else if (picks_.size() < kMaxPicks) {
            picks_.push_back(p.id);
            ui.noteUsage(event::Project, p.id);
        }
    }
    float r = (bmax.y - bmin.y) * 0.5f;
    if (on)
        dl()->AddRectFilled(bmin, bmax, theme::col(ui, C::teal), r);
    else
        dl()->AddRect(bmin, bmax, theme::col(ui, kHue), r, 0, ui.px(ui.style.stroke.regular));
    theme::textCentered(ui, FontRole::BodyBold, bmin, bmax, on ? C::textOnPrimary : kHue,
                        ui.tr(uiText(on ? UiString::InvestInList : UiString::InvestAddToList)));
}

} // namespace zj
