// The investment screen's tabs: policies (with the document's figures), events, contacts with
// their QR codes, and the visitor's list as one take-away code.
//
// [SECTION] Tabs
// [SECTION] Policies and events
// [SECTION] Contacts and my list
#include "ui/screens/invest_screen.hpp"

#include "core/ui_strings.hpp"
#include "ui/screens/invest_internal.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace zj {

namespace {
namespace C = tokens::color;
using namespace invest_detail;
} // namespace

// [SECTION] Tabs

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

// [SECTION] Policies and events

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

// [SECTION] Contacts and my list

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
