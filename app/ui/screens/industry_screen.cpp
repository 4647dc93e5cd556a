// [SECTION] Enter
// [SECTION] Tiles
// [SECTION] Chain
// [SECTION] Chain layouts
// [SECTION] Node detail
#include "ui/screens/industry_screen.hpp"

#include "core/ui_strings.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
constexpr uint32_t kHue = tokens::moduleColor[2];
constexpr double kTileStaggerMs = 40; // each tile rises this much after the previous one

const Text& moduleTitle(const UiContext& ui) {
    const Module* m = ui.content->module("industry");
    return m ? m->title : uiText(UiString::ModuleIndustry);
}

uint32_t hueOf(const Industry& ind) {
    return ind.color ? ind.color : kHue;
}

// The hue darkened for text on white (light hues such as yellow would not be readable).
uint32_t inkOf(uint32_t hue) {
    auto ch = [&](int shift) { return static_cast<uint32_t>(((hue >> shift) & 0xFF) * 0.62f); };
    return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

std::string joinParks(const ChainNode& n) {
    std::string s;
    for (const auto& p : n.parks) s += (s.empty() ? "" : ",") + p;
    return s;
}
} // namespace

// [SECTION] Enter

void IndustryScreen::onEnter(UiContext& ui, const std::string& selection) {
    enteredMs_ = ui.nowMs;
    std::string want = selection.rfind("industry:", 0) == 0 ? selection.substr(9) : selection;
    if (want != industry_) {
        node_.clear();
        chainScroll_.reset();
        detailScroll_.reset();
    }
    industry_ = ui.content->industry(want) ? want : std::string();
}

void IndustryScreen::resetSession() {
    industry_.clear();
    node_.clear();
    tilesScroll_.reset();
    chainScroll_.reset();
}

void IndustryScreen::draw(UiContext& ui) {
    const Industry* ind = industry_.empty() ? nullptr : ui.content->industry(industry_);
    // The chain's bar in its industry's hue, darkened so white text stays readable.
    widgets::topBar(ui, ind ? ind->name : moduleTitle(ui), ind ? inkOf(hueOf(*ind)) : kHue);
    float top = ui.px(tokens::space::topBar);
    float margin = ui.px(ui.ds.portrait() ? tokens::space::l : tokens::space::xl);
    ImVec2 min(margin, top), max(ui.ds.width - margin, ui.ds.height);
    if (ind)
        drawChain(ui, *ind, min, max);
    else
        drawTiles(ui, min, max);
}

// [SECTION] Tiles

namespace {
// One industry's tile: photo (or its hue), name, summary and node count; a tap opens its chain.
void industryTile(UiContext& ui, const Industry& ind, ImVec2 a, ImVec2 b, ImVec2 clipMin,
                  ImVec2 clipMax, bool sampleTag) {
    const IndustryStyle& st = ui.style.industry;
    float tileW = b.x - a.x, tileH = b.y - a.y; // before a press shrinks it
    std::string id = "industry:" + ind.id;
    bool pressed = false;
    if (widgets::clippedTouch(ui, id.c_str(), ind.name, a, b, clipMin, clipMax, &pressed))
        ui.post(NavCommand::go(ScreenId::Industry, ind.id));
    if (pressed) {
        float inset = ui.px(ui.style.press.inset);
        a += ImVec2(inset, inset);
        b -= ImVec2(inset, inset);
    }
    uint32_t hue = hueOf(ind);
    theme::card(ui, a, b, C::surface, tokens::radius::card,
                pressed ? ui.style.press.shadowPressed : st.tileShadow);
    float photoH = tileH * 0.5f;
    const Photo* p = ui.content->photo("ind-" + ind.id);
    if (p)
        widgets::photo(ui, *p, widgets::PhotoSize::Thumb, a, ImVec2(b.x, a.y + photoH),
                       tokens::radius::card);
    else
        dl()->AddRectFilled(a, ImVec2(b.x, a.y + photoH), theme::col(ui, hue),
                            ui.px(tokens::radius::card), ImDrawFlags_RoundCornersTop);
    // The industry's colour as a band under the photo: the same hue everywhere.
    dl()->AddRectFilled(ImVec2(a.x, a.y + photoH - ui.px(st.tileBand)), ImVec2(b.x, a.y + photoH),
                        theme::col(ui, hue));
    float pad = ui.px(tokens::space::m);
    float ty = a.y + photoH + pad;
    ty += widgets::para(ui, FontRole::H2, ImVec2(a.x + pad, ty), C::text, ui.tr(ind.name),
                        tileW - pad * 2)
              .y +
          ui.px(st.tileNameGap);
    std::string count =
        std::to_string(ind.nodes.size()) + " " + ui.tr(uiText(UiString::IndustryNodes));
    ImVec2 cs = widgets::paraSize(ui, FontRole::BodyBold, count);
    // The summary gets the lines between the name and the count; the rest is cut.
    widgets::paraFit(ui, FontRole::Caption, ImVec2(a.x + pad, ty), C::textSecondary,
                     ui.tr(ind.summary), tileW - pad * 2,
                     b.y - pad - std::max(cs.y, ui.px(st.tileCountMin)) - ui.px(st.tileSummaryGap) -
                         ty);
    widgets::para(ui, FontRole::BodyBold, ImVec2(a.x + pad, b.y - pad - cs.y), inkOf(hue), count);
    if (sampleTag) widgets::sampleTagRight(ui, ImVec2(b.x - pad, b.y - pad - ui.px(st.tileTag)));
}
} // namespace

void IndustryScreen::drawTiles(UiContext& ui, ImVec2 min, ImVec2 max) {
    const auto& inds = ui.content->industries;
    bool portrait = ui.ds.portrait();
    const IndustryStyle& st = ui.style.industry;
    float w = max.x - min.x;
    float gap = ui.px(st.tileGap);
    int cols = portrait ? 2 : 4;
    float tileW = (w - gap * (cols - 1)) / cols;
    float tileH = ui.px(st.tileHeight);
    float offset = tilesScroll_.begin(ui, ImVec2(0, min.y), ImVec2(ui.ds.width, max.y), tilesH_);
    float y0 = min.y + ui.px(tokens::space::l) - offset;
    float hintH = widgets::para(ui, FontRole::Body, ImVec2(min.x, y0), C::textSecondary,
                                ui.tr(uiText(UiString::IndustryChooseHint)), w)
                      .y +
                  ui.px(tokens::space::m);
    float y = y0 + hintH;
    // Every chain sample: one strip over the grid instead of a badge on every tile.
    bool allSample = widgets::wholeSectionSample(inds);
    if (allSample) y += widgets::sampleStrip(ui, ImVec2(min.x, y), w) + ui.px(tokens::space::m);
    for (size_t i = 0; i < inds.size(); ++i) {
        const Industry& ind = inds[i];
        int c = static_cast<int>(i) % cols, r = static_cast<int>(i) / cols;
        ImVec2 a(min.x + c * (tileW + gap), y + r * (tileH + gap)), b(a.x + tileW, a.y + tileH);
        // Staggered rise as on the home screen.
        float t = static_cast<float>((ui.nowMs - enteredMs_ - i * kTileStaggerMs) /
                                     tokens::motion::transitionMs);
        if (t < 1) ui.animateUntil(enteredMs_ + i * kTileStaggerMs + tokens::motion::transitionMs);
        float e = tokens::easeOutCubic(t);
        float rise = (1 - e) * ui.px(st.tileRise);
        a.y += rise;
        b.y += rise;
        theme::ScopedFade fade(ui, e);
        industryTile(ui, ind, a, b, min, max, ind.sample && !allSample);
    }
    // A row left short gets one more tile, the whole map, so the grid has no hole.
    int count = static_cast<int>(inds.size());
    if (count % cols) {
        int c = count % cols, r = count / cols;
        ImVec2 a(min.x + c * (tileW + gap), y + r * (tileH + gap));
        ImVec2 b(min.x + w, a.y + tileH);
        drawMapTile(ui, a, b, min, max);
        ++count;
    }
    int rows = (count + cols - 1) / cols;
    tilesH_ = (y - y0) + rows * tileH + (rows - 1) * gap + ui.px(tokens::space::l * 2);
    tilesScroll_.end(ui);
}

// The grid's last tile: all parks on the map, in the map module's hue.
void IndustryScreen::drawMapTile(UiContext& ui, ImVec2 a, ImVec2 b, ImVec2 clipMin,
                                 ImVec2 clipMax) {
    const Text& label = uiText(UiString::IndustryAllOnMap);
    bool pressed = false;
    if (widgets::clippedTouch(ui, "industry:all-on-map", label, a, b, clipMin, clipMax, &pressed))
        ui.post(NavCommand::go(ScreenId::Map));
    const IndustryStyle& st = ui.style.industry;
    if (pressed) {
        float inset = ui.px(ui.style.press.inset);
        a += ImVec2(inset, inset);
        b -= ImVec2(inset, inset);
    }
    uint32_t hue = tokens::moduleColor[1];
    theme::card(ui, a, b, hue, tokens::radius::card,
                pressed ? ui.style.press.shadowPressed : st.tileShadow);
    float pad = ui.px(st.mapTilePadding);
    float iconSize = std::min((b.y - a.y) * 0.3f, ui.px(st.mapTileIcon));
    widgets::icon(ui, widgets::Icon::Map, ImVec2((a.x + b.x) * 0.5f, a.y + pad + iconSize * 0.6f),
                  iconSize, theme::col(ui, C::textOnPrimary), ui.px(ui.style.stroke.heavy));
    float ty = a.y + pad + iconSize * 1.3f + ui.px(tokens::space::m);
    ty += widgets::para(ui, FontRole::H2, ImVec2(a.x + pad, ty), C::textOnPrimary, ui.tr(label),
                        b.x - a.x - pad * 2)
              .y;
    const Text& sub = uiText(UiString::IndustryAllOnMapHint);
    widgets::paraFit(ui, FontRole::Body, ImVec2(a.x + pad, ty + ui.px(tokens::space::xs)),
                     C::textOnPrimary, ui.tr(sub), b.x - a.x - pad * 2, b.y - pad - ty, 0.85f);
}

// [SECTION] Chain

void IndustryScreen::drawChain(UiContext& ui, const Industry& ind, ImVec2 min, ImVec2 max) {
    bool portrait = ui.ds.portrait();
    const IndustryStyle& st = ui.style.industry;
    float w = max.x - min.x;
    float pad = ui.px(tokens::space::m);
    float y = min.y + ui.px(tokens::space::m);

    // Header: summary, sample tag, "view on map".
    float btnW = ui.px(st.viewMapWidth), btnH = ui.px(tokens::space::touchMin);
    ImVec2 bmin(max.x - btnW, y), bmax(max.x, y + btnH);
    if (widgets::button(ui, "industry-view-map", uiText(UiString::IndustryViewOnMap), bmin, bmax,
                        widgets::ButtonStyle::Secondary))
        ui.post(NavCommand::go(ScreenId::Map, "industry:" + ind.id));
    float sumW = w - btnW - pad * 2;
    float sh = widgets::para(ui, FontRole::Body, ImVec2(min.x, y), C::textSecondary,
                             ui.tr(ind.summary), sumW)
                   .y;
    if (ind.sample) widgets::sampleTag(ui, ImVec2(min.x, y + sh + ui.px(st.summaryTagGap)));
    y = std::max(y + sh + ui.px(st.headerExtra), bmax.y) + ui.px(tokens::space::m);

    // Detail panel: right in landscape, bottom in portrait.
    const ChainNode* sel = nullptr;
    for (const auto& n : ind.nodes)
        if (n.id == node_) sel = &n;
    float detailW = portrait ? w : w * 0.32f;
    float detailH = portrait ? ui.px(st.detailPortrait) : max.y - y - ui.px(tokens::space::l);
    ImVec2 chainMin(min.x, y);
    // Portrait: the chain takes what its nodes need (last frame's measure), the detail the rest.
    float chainNeed = y + chainH_ + pad;
    float chainBottom = std::min(chainNeed, max.y - detailH - ui.px(tokens::space::l) - pad);
    ImVec2 chainMax =
        portrait
            ? ImVec2(max.x,
                     chainH_ > 0 ? chainBottom : max.y - detailH - ui.px(tokens::space::l) - pad)
            : ImVec2(max.x - detailW - ui.px(tokens::space::l), max.y - ui.px(tokens::space::l));
    ImVec2 detailMin = portrait ? ImVec2(min.x, chainMax.y + pad)
                                : ImVec2(chainMax.x + ui.px(tokens::space::l), y);
    ImVec2 detailMax =
        portrait ? ImVec2(max.x, max.y - ui.px(tokens::space::l)) : ImVec2(max.x, chainMax.y);

    if (portrait)
        drawChainRows(ui, ind, chainMin, chainMax);
    else
        drawChainColumns(ui, ind, chainMin, chainMax);

    if (sel)
        drawNodeDetail(ui, ind, *sel, detailMin, detailMax);
    else {
        // Nothing picked yet: the industry's picture, and what to do.
        const std::string& hint = ui.tr(uiText(UiString::IndustryTapNode));
        float hw = detailMax.x - detailMin.x - pad * 2;
        ImVec2 hs = widgets::paraSize(ui, FontRole::Body, hint, hw);
        // The photo fills the panel above the hint (cropped to fill: the pictures carry no
        // text, their subject sits in a centre safe area).
        ImVec2 photoMax(detailMax.x, detailMax.y - hs.y - pad * 2);
        if (const Photo* p = ui.content->photo("ind-" + ind.id);
            p && photoMax.y - detailMin.y > ui.px(st.photoMin))
            widgets::photo(ui, *p, widgets::PhotoSize::Display, detailMin, photoMax,
                           tokens::radius::card);
        else
            photoMax.y = detailMin.y + (detailMax.y - detailMin.y - hs.y) * 0.5f - pad;
        widgets::para(ui, FontRole::Body, ImVec2(detailMin.x + pad, photoMax.y + pad),
                      C::textSecondary, hint, hw);
    }
}

// [SECTION] Chain layouts

namespace {
const ChainStage kStages[3] = {ChainStage::Upstream, ChainStage::Midstream, ChainStage::Downstream};
const UiString kStageNames[3] = {UiString::IndustryUpstream, UiString::IndustryMidstream,
                                 UiString::IndustryDownstream};

int nodesIn(const Industry& ind, ChainStage st) {
    return int(std::count_if(ind.nodes.begin(), ind.nodes.end(),
                             [&](const ChainNode& n) { return n.stage == st; }));
}

// The flow arrow between two stages, pointing right (landscape) or down (portrait).
void flowArrow(UiContext& ui, ImVec2 from, float length, bool down, uint32_t hue) {
    ImVec2 to = down ? ImVec2(from.x, from.y + length) : ImVec2(from.x + length, from.y);
    float h = ui.px(ui.style.industry.arrowHead), stroke = ui.px(ui.style.stroke.heavy);
    dl()->AddLine(from, to, theme::col(ui, hue), stroke);
    ImVec2 head[] = {down ? ImVec2(to.x - h, to.y - h) : ImVec2(to.x - h, to.y - h), to,
                     down ? ImVec2(to.x + h, to.y - h) : ImVec2(to.x - h, to.y + h)};
    dl()->AddPolyline(head, 3, theme::col(ui, hue), ImDrawFlags_None, stroke);
}
} // namespace

// Landscape: three columns with arrows between them; nodes grow to fill the height the longest
// stage leaves (no empty band under the chain), within a range; a longer stage scrolls.
void IndustryScreen::drawChainColumns(UiContext& ui, const Industry& ind, ImVec2 chainMin,
                                      ImVec2 chainMax) {
    uint32_t hue = hueOf(ind);
    const IndustryStyle& st = ui.style.industry;
    float arrowW = ui.px(st.stageArrow);
    float colW = (chainMax.x - chainMin.x - arrowW * 2) / 3;
    float headH = ui.px(st.stageHead);
    for (int s = 0; s < 3; ++s) {
        float cx = chainMin.x + s * (colW + arrowW);
        ImVec2 ha(cx, chainMin.y), hb(cx + colW, chainMin.y + headH);
        dl()->AddRectFilled(ha, hb, theme::col(ui, hue, 0.14f + 0.12f * s),
                            ui.px(st.stageRounding));
        theme::textCentered(ui, FontRole::BodyBold, ha, hb, C::text, ui.tr(uiText(kStageNames[s])));
        if (s < 2)
            flowArrow(ui, ImVec2(hb.x + arrowW * 0.2f, (ha.y + hb.y) * 0.5f), arrowW * 0.6f, false,
                      hue);
    }
    float bleed = ui.px(st.listBleed), inset = ui.px(st.listInset);
    ImVec2 listMin(chainMin.x - bleed, chainMin.y + headH + ui.px(st.listGap)),
        listMax(chainMax.x + bleed, chainMax.y);
    float offset = chainScroll_.begin(ui, listMin, listMax, chainH_);
    float gap = ui.px(tokens::space::s);
    int longest = 0;
    for (ChainStage st : kStages) longest = std::max(longest, nodesIn(ind, st));
    float minNodeH = ui.px(st.nodeMinLandscape);
    float fillH = longest ? (listMax.y - listMin.y - inset * 2 - gap * (longest - 1)) / longest : 0;
    float nodeH = std::clamp(fillH, minNodeH, ui.px(st.nodeMaxLandscape));
    float maxBottom = 0;
    for (int s = 0; s < 3; ++s) {
        float cx = chainMin.x + s * (colW + arrowW);
        float ny = listMin.y + inset - offset;
        for (const ChainNode& n : ind.nodes) {
            if (n.stage != kStages[s]) continue;
            ny = drawNodeCard(ui, ind, n, ImVec2(cx, ny), colW, nodeH, listMin, listMax) + gap;
        }
        maxBottom = std::max(maxBottom, ny + offset - listMin.y);
    }
    chainH_ = maxBottom + inset;
    chainScroll_.end(ui);
}

// Portrait: the stages stacked top to bottom, each a band with its name and its nodes side by
// side (up to three a row), a downward arrow between stages: the flow reads down the tall
// screen instead of three narrow columns with half-empty cards.
void IndustryScreen::drawChainRows(UiContext& ui, const Industry& ind, ImVec2 chainMin,
                                   ImVec2 chainMax) {
    uint32_t hue = hueOf(ind);
    const IndustryStyle& st = ui.style.industry;
    float bleed = ui.px(st.listBleed);
    ImVec2 listMin(chainMin.x - bleed, chainMin.y), listMax(chainMax.x + bleed, chainMax.y);
    float offset = chainScroll_.begin(ui, listMin, listMax, chainH_);
    float gap = ui.px(tokens::space::s);
    float w = chainMax.x - chainMin.x;
    float headH = ui.px(st.stageHead), arrowH = ui.px(st.stageArrow);
    float nodeH = ui.px(st.nodePortrait);
    float y = chainMin.y - offset;
    for (int s = 0; s < 3; ++s) {
        int count = nodesIn(ind, kStages[s]);
        if (count == 0) continue;
        ImVec2 ha(chainMin.x, y), hb(chainMax.x, y + headH);
        dl()->AddRectFilled(ha, hb, theme::col(ui, hue, 0.14f + 0.12f * s),
                            ui.px(st.stageRounding));
        theme::textCentered(ui, FontRole::BodyBold, ha, hb, C::text, ui.tr(uiText(kStageNames[s])));
        y = hb.y + ui.px(st.listGap);
        int cols = std::min(count, 3);
        float colW = (w - gap * (cols - 1)) / cols;
        int i = 0;
        float rowBottom = y;
        for (const ChainNode& n : ind.nodes) {
            if (n.stage != kStages[s]) continue;
            float cx = chainMin.x + (i % cols) * (colW + gap);
            float bottom = drawNodeCard(ui, ind, n, ImVec2(cx, y), colW, nodeH, listMin, listMax);
            rowBottom = std::max(rowBottom, bottom);
            if (++i % cols == 0 || i == count) {
                y = rowBottom + gap;
                rowBottom = y;
            }
        }
        bool last = s == 2 || std::none_of(ind.nodes.begin(), ind.nodes.end(), [&](const auto& n) {
                        return int(n.stage) > int(kStages[s]);
                    });
        if (!last) {
            flowArrow(ui, ImVec2((chainMin.x + chainMax.x) * 0.5f, y + arrowH * 0.1f),
                      arrowH * 0.7f, true, hue);
            y += arrowH;
        }
    }
    chainH_ = y + offset - chainMin.y + ui.px(st.listInset);
    chainScroll_.end(ui);
}

// One chain link: a card with the stage hue on its left edge, the name, and how many parks host
// it where the card is tall enough. Tapping selects it (or unselects it). Returns its bottom.
float IndustryScreen::drawNodeCard(UiContext& ui, const Industry& ind, const ChainNode& n,
                                   ImVec2 at, float width, float minH, ImVec2 clipMin,
                                   ImVec2 clipMax) {
    uint32_t hue = hueOf(ind);
    const IndustryStyle& st = ui.style.industry;
    float pad = ui.px(tokens::space::m), hostsGap = ui.px(st.nodeHostsGap);
    const std::string& name = ui.tr(n.name);
    std::string hosts = n.parks.empty()
                            ? std::string()
                            : std::to_string(n.parks.size()) + " " +
                                  ui.tr(uiText(n.parks.size() == 1 ? UiString::IndustryHostCountOne
                                                                   : UiString::IndustryHostCount));
    float th = widgets::paraSize(ui, FontRole::BodyBold, name, width - pad * 2).y;
    float hh = hosts.empty() ? 0 : widgets::paraSize(ui, FontRole::Caption, hosts).y;
    bool showHosts = hh > 0 && th + hh + hostsGap + pad * 2 <= std::max(minH, th + pad * 2);
    float h = std::max(minH, th + pad * 2);
    ImVec2 a = at, b(at.x + width, at.y + h);
    bool on = n.id == node_;
    bool pressed = false;
    std::string id = "node:" + n.id;
    if (widgets::clippedTouch(ui, id.c_str(), n.name, a, b, clipMin, clipMax, &pressed)) {
        node_ = on ? std::string() : n.id;
        detailScroll_.reset();
    }
    theme::card(ui, a, b, on ? hue : C::surface, st.nodeRounding,
                pressed ? st.nodeShadowPressed : st.nodeShadow);
    if (!on)
        dl()->AddRectFilled(a, ImVec2(a.x + ui.px(st.nodeEdge), b.y), theme::col(ui, hue),
                            ui.px(st.nodeRounding), ImDrawFlags_RoundCornersLeft);
    float blockH = th + (showHosts ? hh + hostsGap : 0);
    float ty = (a.y + b.y - blockH) * 0.5f;
    widgets::para(ui, FontRole::BodyBold, ImVec2(a.x + pad, ty), on ? C::textOnPrimary : C::text,
                  name, width - pad * 2);
    if (showHosts)
        widgets::para(ui, FontRole::Caption, ImVec2(a.x + pad, ty + th + hostsGap),
                      on ? C::textOnPrimary : C::textSecondary, hosts);
    return b.y;
}

// [SECTION] Node detail

void IndustryScreen::drawNodeDetail(UiContext& ui, const Industry& ind, const ChainNode& node,
                                    ImVec2 min, ImVec2 max) {
    uint32_t hue = hueOf(ind);
    const IndustryStyle& st = ui.style.industry;
    float pad = ui.px(tokens::space::m);
    theme::card(ui, min, max, C::surface, tokens::radius::card, st.detailShadow);
    dl()->AddRectFilled(min, ImVec2(max.x, min.y + ui.px(st.detailBand)), theme::col(ui, hue),
                        ui.px(tokens::radius::card), ImDrawFlags_RoundCornersTop);
    float w = max.x - min.x - pad * 2;
    // "Show on map" is pinned at the bottom; the rest scrolls above it.
    float btnH = ui.px(tokens::space::touchMin);
    ImVec2 bmin(min.x + pad, max.y - pad - btnH), bmax(max.x - pad, max.y - pad);
    if (!node.parks.empty() &&
        widgets::button(ui, "node-show-map", uiText(UiString::IndustryShowParksOnMap), bmin, bmax))
        ui.post(NavCommand::go(ScreenId::Map, "parks:" + joinParks(node)));
    ImVec2 smin(min.x, min.y + ui.px(st.detailScrollTop)),
        smax(max.x, bmin.y - ui.px(st.detailButtonGap));
    float offset = detailScroll_.begin(ui, smin, smax, detailH_);
    float y0 = smin.y + pad - offset, y = y0;
    float x = min.x + pad;
    float titleGap = ui.px(st.detailTitleGap), headGap = ui.px(st.detailHeadGap);
    float indent = ui.px(st.detailIndent), rowGap = ui.px(st.detailRowGap);
    y += widgets::para(ui, FontRole::H2, ImVec2(x, y), C::text, ui.tr(node.name), w).y + titleGap;
    if (node.sample && !ind.sample) {
        y += widgets::sampleTag(ui, ImVec2(x, y)).y + titleGap;
    }
    y += ui.px(tokens::space::s);
    y += widgets::para(ui, FontRole::BodyBold, ImVec2(x, y), hue,
                       ui.tr(uiText(UiString::IndustryHostParks)))
             .y +
         headGap;
    for (const std::string& pid : node.parks) {
        const Park* p = ui.content->park(pid);
        const std::string& name = p ? ui.tr(p->name) : pid;
        uint32_t lv = p && p->level == ParkLevel::National ? C::national : C::provincial;
        dl()->AddCircleFilled(ImVec2(x + ui.px(st.parkDotX), y + ui.px(st.parkDotY)),
                              ui.px(st.parkDotRadius), theme::col(ui, lv));
        y += widgets::para(ui, FontRole::Body, ImVec2(x + indent, y), C::text, name, w - indent).y +
             rowGap;
    }
    y += ui.px(tokens::space::m);
    y += widgets::para(ui, FontRole::BodyBold, ImVec2(x, y), hue,
                       ui.tr(uiText(UiString::IndustryEnterprises)))
             .y +
         headGap;
    for (const Text& e : node.enterprises) {
        float m0 = ui.px(st.firmMarkMin), m1 = ui.px(st.firmMarkMax), top = ui.px(st.firmMarkTop);
        dl()->AddRectFilled(ImVec2(x + m0, y + m0 + top), ImVec2(x + m1, y + m1 + top),
                            theme::col(ui, C::textSecondary, 0.6f), ui.px(st.firmMarkRounding));
        y += widgets::para(ui, FontRole::Body, ImVec2(x + indent, y), C::text, ui.tr(e), w - indent)
                 .y +
             rowGap;
    }
    detailH_ = y - y0 + pad;
    detailScroll_.end(ui);
}

} // namespace zj
