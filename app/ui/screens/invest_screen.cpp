// [SECTION] Enter and the take-away text
// [SECTION] Layout
// [SECTION] Filter chips
// [SECTION] Projects
// [SECTION] Tabs: policies, events, contacts, my list
#include "ui/screens/invest_screen.hpp"

#include "core/session/usage_events.hpp"
#include "core/ui_strings.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdio>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
constexpr uint32_t kHue = tokens::moduleColor[3];
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
    float t = static_cast<float>((ui.nowMs - sheetChangedMs_) / tokens::motion::transitionMs);
    float e = tokens::easeOutCubic(std::clamp(t, 0.0f, 1.0f));
    float shown = sheetOpen_ ? e : 1.0f - e;
    if (t < 1.0f) ui.animateUntil(sheetChangedMs_ + tokens::motion::transitionMs);
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
    // Reversing mid-way starts from where the sheet is, not from the far end.
    double t = std::clamp((ui.nowMs - sheetChangedMs_) / tokens::motion::transitionMs, 0.0, 1.0);
    sheetChangedMs_ = ui.nowMs - (1.0 - t) * tokens::motion::transitionMs;
    ui.animateUntil(sheetChangedMs_ + tokens::motion::transitionMs);
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
            // Meta line: industry · zone · investment.
            float mx = x;
            if (ind) {
                dl()->AddCircleFilled(ImVec2(mx + ui.px(st.metaDotX), ty + ui.px(st.metaDotY)),
                                      ui.px(st.metaDotRadius), theme::col(ui, hue));
                mx += ui.px(st.metaDotRoom) +
                      widgets::para(ui, FontRole::Caption, ImVec2(mx + ui.px(st.metaTextX), ty),
                                    C::text, ui.tr(ind->name))
                          .x +
                      ui.px(st.metaGap);
            }
            if (park)
                mx += widgets::para(ui, FontRole::Caption, ImVec2(mx, ty), C::textSecondary,
                                    ui.tr(park->short_.empty() ? park->name : park->short_))
                          .x +
                      ui.px(st.metaGap);
            if (p->investment > 0)
                widgets::para(ui, FontRole::Caption, ImVec2(mx, ty), kHue,
                              investmentText(ui, p->investment));
            // Pick toggle on the right.
            bool on = picked(p->id);
            ImVec2 bmin(b.x - pad - btnW, a.y + pad), bmax(b.x - pad, a.y + pad + btnH);
            std::string bid = "pick:" + p->id;
            if (widgets::clippedTouch(
                    ui, bid.c_str(),
                    uiText(on ? UiString::InvestInList : UiString::InvestAddToList), bmin, bmax,
                    lmin, lmax)) {
                if (on)
                    picks_.erase(std::remove(picks_.begin(), picks_.end(), p->id), picks_.end());
                else if (picks_.size() < kMaxPicks) {
                    picks_.push_back(p->id);
                    ui.noteUsage(event::Project, p->id);
                }
            }
            float r = btnH * 0.5f;
            if (on)
                dl()->AddRectFilled(bmin, bmax, theme::col(ui, C::teal), r);
            else
                dl()->AddRect(bmin, bmax, theme::col(ui, kHue), r, 0,
                              ui.px(ui.style.stroke.regular));
            theme::textCentered(
                ui, FontRole::BodyBold, bmin, bmax, on ? C::textOnPrimary : kHue,
                ui.tr(uiText(on ? UiString::InvestInList : UiString::InvestAddToList)));
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

// [SECTION] Tabs: policies, events, contacts, my list

void InvestScreen::drawTabs(UiContext& ui, ImVec2 min, ImVec2 max) {
    const InvestStyle& st = ui.style.invest;
    float h = ui.px(tokens::space::touchMin);
    static const UiString names[4] = {UiString::InvestPolicies, UiString::InvestEvents,
                                      UiString::InvestContacts, UiString::InvestMyList};
    static const char* ids[4] = {"tab-policies", "tab-events", "tab-contacts", "tab-mylist"};
    float w = max.x - min.x;
    float tw = w / 4;
    dl()->AddRectFilled(min, ImVec2(max.x, min.y + h), theme::col(ui, C::surfaceMuted), h * 0.5f);
    for (int i = 0; i < 4; ++i) {
        ImVec2 a(min.x + i * tw, min.y), b(a.x + tw, min.y + h);
        bool on = static_cast<int>(tab_) == i && (!portrait_ || sheetOpen_); // collapsed: none
        if (widgets::touchArea(ui, ids[i], uiText(names[i]), a, b)) {
            // Portrait: a tab opens the sheet; the open tab again closes it.
            if (portrait_) setSheetOpen(ui, !(sheetOpen_ && on));
            tab_ = static_cast<Tab>(i);
            panel_.reset();
        }
        if (on)
            dl()->AddRectFilled(a + ImVec2(1, 1) * ui.px(st.tabInset),
                                b - ImVec2(1, 1) * ui.px(st.tabInset), theme::col(ui, kHue),
                                h * 0.5f);
        std::string label = ui.tr(uiText(names[i]));
        if (i == 3 && !picks_.empty()) label += " " + std::to_string(picks_.size());
        // Long English names get the caption size rather than overflowing the tab.
        FontRole role =
            widgets::paraSize(ui, FontRole::BodyBold, label).x > tw - ui.px(st.tabTextRoom)
                ? FontRole::Caption
                : FontRole::BodyBold;
        ImVec2 ts = widgets::paraSize(ui, role, label);
        widgets::para(ui, role, ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f),
                      on ? C::textOnPrimary : C::text, label);
    }
    ImVec2 pmin(min.x - ui.px(st.panelBleed), min.y + h + ui.px(tokens::space::s)),
        pmax(max.x + ui.px(st.panelBleed), max.y);
    if (pmax.y - pmin.y < ui.px(tokens::space::touchMin)) return; // a collapsed sheet
    float off = panel_.begin(ui, pmin, pmax, panelH_);
    float y0 = pmin.y + ui.px(st.panelInset) - off, y = y0;
    switch (tab_) {
        case Tab::Policies:
            y += drawPolicies(ui, min.x, y, w);
            break;
        case Tab::Events:
            y += drawEvents(ui, min.x, y, w);
            break;
        case Tab::Contacts:
            y += drawContacts(ui, min.x, y, w, pmin, pmax);
            break;
        case Tab::MyList:
            y += drawMyList(ui, min.x, y, w, pmin, pmax);
            break;
    }
    panelH_ = y - y0 + ui.px(tokens::space::m);
    panel_.end(ui);
}

float InvestScreen::drawPolicies(UiContext& ui, float x, float y, float w) {
    const InvestStyle& st = ui.style.invest;
    float pad = ui.px(tokens::space::m), y0 = y;
    // The figures the document states, above the policies: an aligned column of numbers with
    // each unit under its number, the label beside them (no unit ever runs into a label).
    const auto& figures = ui.content->projectFigures;
    float colW = 0;
    for (const ProjectFigure& f : figures)
        colW = std::max({colW,
                         widgets::paraSize(ui, FontRole::Display, widgets::formatNumber(f.value)).x,
                         widgets::paraSize(ui, FontRole::BodyBold, ui.tr(f.unit)).x});
    colW = std::min(colW, w * 0.45f);
    float labelX = x + colW + ui.px(tokens::space::l);
    float labelW = x + w - labelX;
    for (size_t i = 0; i < figures.size(); ++i) {
        const ProjectFigure& f = figures[i];
        std::string num = widgets::formatNumber(f.value);
        ImVec2 ns = widgets::para(ui, FontRole::Display, ImVec2(x, y), C::gold, num);
        float uy = y + ns.y;
        float uh =
            widgets::para(ui, FontRole::BodyBold, ImVec2(x, uy), C::gold, ui.tr(f.unit), colW).y;
        float lh = widgets::paraSize(ui, FontRole::Body, ui.tr(f.label), labelW).y;
        float rowH = std::max(uy + uh - y, lh);
        widgets::para(ui, FontRole::Body, ImVec2(labelX, y + (rowH - lh) * 0.5f), C::text,
                      ui.tr(f.label), labelW);
        y += rowH + ui.px(tokens::space::m);
        if (i + 1 < figures.size()) {
            dl()->AddLine(ImVec2(x, y - ui.px(tokens::space::m) * 0.5f),
                          ImVec2(x + w, y - ui.px(tokens::space::m) * 0.5f),
                          theme::col(ui, C::surfaceMuted), ui.px(ui.style.stroke.thin));
        }
    }
    y += ui.px(tokens::space::s);
    const auto& policies = ui.content->policies;
    bool allSample = widgets::wholeSectionSample(policies);
    if (allSample) y += widgets::sampleStrip(ui, ImVec2(x, y), w) + ui.px(tokens::space::s);
    for (const Policy& p : policies) {
        float titleW = w - pad * 2 - ui.px(st.policyTagRoom), gap = ui.px(st.policyTitleGap);
        float th = widgets::paraSize(ui, FontRole::BodyBold, ui.tr(p.title), titleW).y;
        float bh = widgets::paraSize(ui, FontRole::Body, ui.tr(p.body), w - pad * 2).y;
        ImVec2 a(x, y), b(x + w, y + pad * 2 + th + gap + bh);
        theme::card(ui, a, b, C::surface, tokens::radius::card, st.policyShadow);
        widgets::para(ui, FontRole::BodyBold, ImVec2(x + pad, y + pad), kHue, ui.tr(p.title),
                      titleW);
        widgets::para(ui, FontRole::Body, ImVec2(x + pad, y + pad + th + gap), C::text,
                      ui.tr(p.body), w - pad * 2);
        if (p.sample && !allSample) widgets::sampleTagRight(ui, ImVec2(b.x - pad, y + pad));
        y = b.y + ui.px(tokens::space::m);
    }
    return y - y0;
}

float InvestScreen::drawEvents(UiContext& ui, float x, float y, float w) {
    const InvestStyle& st = ui.style.invest;
    float pad = ui.px(tokens::space::m), y0 = y;
    float lineX = x + ui.px(st.eventLineX), indent = ui.px(st.eventIndent);
    const auto& events = ui.content->events;
    bool allSample = widgets::wholeSectionSample(events);
    if (allSample) y += widgets::sampleStrip(ui, ImVec2(x, y), w) + ui.px(tokens::space::m);
    for (const Event& e : events) {
        float tx = x + indent, tw = w - indent - ui.px(st.eventTagRoom);
        float ty = y;
        dl()->AddCircleFilled(ImVec2(lineX, y + ui.px(st.eventDotY)), ui.px(st.eventDotRadius),
                              theme::col(ui, C::gold));
        if (!e.date.empty())
            ty += widgets::para(ui, FontRole::BodyBold, ImVec2(tx, ty), C::gold, e.date).y;
        ty += widgets::para(ui, FontRole::BodyBold, ImVec2(tx, ty), C::text, ui.tr(e.title), tw).y +
              ui.px(st.eventTitleGap);
        ty += widgets::para(ui, FontRole::Body, ImVec2(tx, ty), C::textSecondary, ui.tr(e.body),
                            w - indent)
                  .y;
        if (e.sample && !allSample) widgets::sampleTagRight(ui, ImVec2(x + w, y));
        dl()->AddLine(ImVec2(lineX, y + ui.px(st.eventLineTop)), ImVec2(lineX, ty + pad),
                      theme::col(ui, C::gold, 0.4f), ui.px(ui.style.stroke.regular));
        y = ty + pad;
    }
    return y - y0;
}

float InvestScreen::drawContacts(UiContext& ui, float x, float y, float w, ImVec2 clipMin,
                                 ImVec2 clipMax) {
    const InvestStyle& st = ui.style.invest;
    float pad = ui.px(tokens::space::m), y0 = y;
    float code = ui.px(st.contactQr);
    bool side = w > code + ui.px(st.contactSideMin); // the code beside the text when there is room
    float orgGap = ui.px(st.contactOrgGap), nameGap = ui.px(st.contactNameGap);
    float lineGap = ui.px(st.contactLineGap);
    float textW = side ? w - code - pad * 5 : w - pad * 2;
    const auto& contacts = ui.content->contacts;
    bool allSample = widgets::wholeSectionSample(contacts);
    if (allSample) y += widgets::sampleStrip(ui, ImVec2(x, y), w) + ui.px(tokens::space::s);
    for (const Contact& ct : contacts) {
        std::string qr = !ct.url.empty() ? ct.url : ("TEL:" + ct.phone);
        // Measure, then draw (the card goes under the text).
        const std::string& org = ui.tr(ct.org);
        const std::string& name = ui.tr(ct.name);
        float textH = widgets::paraSize(ui, FontRole::H2, org, textW).y + orgGap +
                      widgets::paraSize(ui, FontRole::Body, name, textW).y + nameGap;
        if (!ct.phone.empty())
            textH += widgets::paraSize(ui, FontRole::BodyBold, ct.phone).y + lineGap;
        if (!ct.email.empty()) textH += widgets::paraSize(ui, FontRole::Body, ct.email).y + lineGap;
        if (ct.sample && !allSample) textH += ui.px(st.contactTagRoom);
        float qrH = code + ui.px(st.contactQrCaption);
        float cardH = side ? std::max(textH, qrH) + pad * 2 : textH + qrH + pad * 3;
        if (y + cardH > clipMin.y && y < clipMax.y) {
            theme::card(ui, ImVec2(x, y), ImVec2(x + w, y + cardH), C::surface,
                        tokens::radius::card, st.contactShadow);
            float ty = y + pad;
            ty += widgets::para(ui, FontRole::H2, ImVec2(x + pad, ty), C::text, org, textW).y +
                  orgGap;
            ty += widgets::para(ui, FontRole::Body, ImVec2(x + pad, ty), C::textSecondary, name,
                                textW)
                      .y +
                  nameGap;
            if (!ct.phone.empty())
                ty += widgets::para(ui, FontRole::BodyBold, ImVec2(x + pad, ty), kHue, ct.phone).y +
                      lineGap;
            if (!ct.email.empty())
                ty += widgets::para(ui, FontRole::Body, ImVec2(x + pad, ty), C::text, ct.email).y +
                      lineGap;
            if (ct.sample && !allSample)
                widgets::sampleTag(ui, ImVec2(x + pad, ty + ui.px(st.contactTagTop)));
            ImVec2 qpos =
                side ? ImVec2(x + w - code - pad * 3, y + pad)
                     : ImVec2(x + (w - code) * 0.5f - pad,
                              ty + (ct.sample && !allSample ? ui.px(st.contactQrUnderTag) : pad));
            widgets::qrCard(ui, qr, uiText(UiString::InvestContactQr), qpos, code,
                            "contact:" + ct.id);
        }
        y += cardH + ui.px(tokens::space::m);
    }
    return y - y0;
}

float InvestScreen::drawMyList(UiContext& ui, float x, float y, float w, ImVec2 clipMin,
                               ImVec2 clipMax) {
    float y0 = y;
    const Content& c = *ui.content;
    if (picks_.empty()) {
        y += widgets::para(ui, FontRole::Body, ImVec2(x, y), C::textSecondary,
                           ui.tr(uiText(UiString::InvestEmptyList)), w)
                 .y;
        return y - y0;
    }
    const InvestStyle& st = ui.style.invest;
    float code = ui.px(st.takeAwayQr);
    ImVec2 card = widgets::qrCard(ui, takeAwayText(c, picks_), uiText(UiString::InvestTakeAway),
                                  ImVec2(x + (w - code) * 0.5f - ui.px(st.takeAwayShift), y), code,
                                  "my-list");
    y += card.y + ui.px(tokens::space::l);
    for (const auto& id : picks_) {
        const Project* p = c.project(id);
        if (!p) continue;
        float removeW = ui.px(st.removeWidth), textW = w - removeW - ui.px(st.removeRoom);
        float indent = ui.px(st.pickIndent), tagGap = ui.px(st.pickTagGap);
        float h =
            widgets::para(ui, FontRole::Body, ImVec2(x + indent, y), C::text, ui.tr(p->name), textW)
                .y;
        if (p->sample) h += widgets::sampleTag(ui, ImVec2(x + indent, y + h + tagGap)).y + tagGap;
        // "Remove" is a real button: a pill with a full-size touch area.
        std::string rid = "unpick:" + id;
        float rowH = std::max(h, ui.px(tokens::space::touchMin));
        ImVec2 ra(x + w - removeW, y), rb(x + w, y + ui.px(tokens::space::touchMin));
        if (widgets::clippedTouch(ui, rid.c_str(), uiText(UiString::InvestRemove), ra, rb, clipMin,
                                  clipMax))
            picks_.erase(std::remove(picks_.begin(), picks_.end(), id), picks_.end());
        ImVec2 inset(0, ui.px(st.removeInset));
        dl()->AddRect(ra + inset, rb - inset, theme::col(ui, C::national),
                      (rb.y - ra.y) * 0.5f - inset.y, 0, ui.px(ui.style.stroke.regular));
        theme::textCentered(ui, FontRole::BodyBold, ra + inset, rb - inset, C::national,
                            ui.tr(uiText(UiString::InvestRemove)));
        y += rowH + ui.px(tokens::space::s);
        if (std::find(picks_.begin(), picks_.end(), id) == picks_.end()) break; // list changed
    }
    return y - y0;
}

} // namespace zj
