// [SECTION] Entry and selections
// [SECTION] Layout
// [SECTION] Frame
// [SECTION] Gestures
// [SECTION] Camera moves
#include "ui/screens/map_screen.hpp"

#include "core/map/hit_test.hpp"
#include "core/ui_strings.hpp"
#include "ui/screens/two_way.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace zj {

namespace {
namespace C = tokens::color;
namespace M = tokens::map;
constexpr double kWheelStep = 1.25;    // zoom per mouse-wheel notch (development)
constexpr double kParkZoom = 2.2;      // zoom (relative to the city fit) to show one park
constexpr double kDoubleTapZoom = 2.0; // double tap zooms in this much
constexpr double kTapZoom = 1.5;       // a tapped park is shown at least this close
} // namespace

// [SECTION] Entry and selections

void MapScreen::onEnter(UiContext& ui, const std::string& selection) {
    // onEnter runs after the frame that posted the navigation: when that frame drew the map,
    // this is the map re-selecting (a marker, "back" closing the card), not a new visit.
    bool internal = lastDrawFrame_ == ImGui::GetFrameCount();
    suppressTransition_ = internal;
    enteredMs_ = ui.nowMs;
    if (!internal) {
        insetOpen_ = false;
        filter_.clear();
        cardOpen_ = false;
        cardPark_ = -1;
        pending_ = Pending::FrameCity;
    }
    const Content& content = *ui.content;
    int parkIndex = -1;
    for (int i = 0; i < static_cast<int>(content.parks.size()); ++i)
        if (content.parks[i].id == selection) parkIndex = i;

    if (parkIndex >= 0) {
        insetOpen_ = false; // the card takes the inset's place
        bool changed = cardPark_ != parkIndex || !cardOpen_;
        if (changed) {
            cardChangedMs_ = cardOpen_ ? ui.nowMs - tokens::motion::transitionMs : ui.nowMs;
            cardScroll_ = 0;
            photoIndex_ = 0;
        }
        cardPark_ = parkIndex;
        cardOpen_ = true;
        pendingPark_ = selection;
        pending_ = internal ? Pending::FlyToPark
                            : (pending_ == Pending::FrameCity ? Pending::FrameThenFly
                                                              : Pending::FlyToPark);
    } else {
        if (cardOpen_) {
            cardOpen_ = false;
            cardChangedMs_ = ui.nowMs;
        }
        map::ParkFilter f = filter_;
        if (map::filterFromSelection(selection, f)) {
            if (selection.rfind("industry:", 0) == 0) f.onlyParks.clear();
            filter_ = f;
            if (!filter_.onlyParks.empty())
                pending_ =
                    pending_ == Pending::FrameCity ? Pending::FrameThenFit : Pending::FitParks;
        }
    }
    ui.animateUntil(ui.nowMs + tokens::motion::cameraMs + tokens::motion::transitionMs);
}

void MapScreen::resetSession() {
    insetOpen_ = false;
    filtersOpen_ = false;
    filtersChangedMs_ = -1e9;
    filter_.clear();
    cardOpen_ = false;
    cardPark_ = -1;
    pending_ = Pending::FrameCity;
}

void MapScreen::selectPark(UiContext& ui, int park) {
    if (cardOpen_ && cardPark_ == park) return; // already showing it: no extra history
    ui.post(NavCommand::go(ScreenId::Map, content_->parks[park].id));
}

void MapScreen::setFiltersOpen(UiContext& ui, bool open) {
    if (open == filtersOpen_) return;
    filtersOpen_ = open;
    filtersChangedMs_ = twoWayTurn(ui, filtersChangedMs_);
}

bool MapScreen::sheetCovered(const Layout& L) const {
    return insetOpen_ || (cardPark_ >= 0 && L.cardNow.y < L.panel.y + L.panel.h);
}

void MapScreen::closeCard(UiContext& ui) {
    if (!cardOpen_) return;
    ui.post(NavCommand::go(ScreenId::Map)); // the selection becomes empty; filters stay
}

// [SECTION] Layout

void MapScreen::layoutLandscapePanels(UiContext& ui, Layout& L) {
    float W = ui.ds.width, H = ui.ds.height;
    float top = ui.px(tokens::space::topBar);
    float m = ui.px(tokens::space::m);
    float panelW = ui.px(M::panelWidth);
    L.panel = {0, top, panelW, H - top};
    L.map = {panelW, top, W - panelW, H - top};
    float cardW = ui.px(M::cardWidth);
    L.card = {W - cardW - m, top + m, cardW, H - top - 2 * m};
}

// The map fills the height. Filters and legend are a bottom sheet: collapsed, the count, the
// legend and "Filter parks"; open, the chips below them (the sheet grows upwards).
void MapScreen::layoutPortraitSheet(UiContext& ui, Layout& L) {
    float W = ui.ds.width, H = ui.ds.height;
    float top = ui.px(tokens::space::topBar);
    float m = ui.px(tokens::space::m);
    float touchH = ui.px(tokens::space::touchMin);
    float s = ui.px(tokens::space::s);
    L.sheetHandle = ui.px(ui.style.mapPanel.sheetHandle);
    float chipsH = drawChips(ui, L, {m, 0, W - 2 * m, 0}, true, false);
    float collapsedH = L.sheetHandle + touchH + s + ui.px(M::legendRow) + m;
    float openH = collapsedH + s + chipsH;
    L.sheetShown = twoWayShown(ui, filtersChangedMs_, filtersOpen_);
    float sheetH = std::round(collapsedH + (openH - collapsedH) * L.sheetShown);
    L.panel = {0, H - sheetH, W, sheetH};
    L.legend = {m, L.panel.y + L.sheetHandle + touchH + s, W - 2 * m, ui.px(M::legendRow)};
    L.map = {0, top, W, H - top};
    // Framing and pan limits count the collapsed sheet: opening it moves no camera.
    L.frame = {0, top, W, H - collapsedH - top};
    float sheetH2 = std::round(H * M::sheetHeight);
    L.card = {0, H - sheetH2, W, sheetH2};
}

// The card slides in (ease-out) and out (the same curve, reversed).
void MapScreen::layoutCardSlide(UiContext& ui, Layout& L) {
    float m = ui.px(tokens::space::m);
    bool settled = false;
    L.cardShown = twoWayShown(ui, cardChangedMs_, cardOpen_, &settled);
    if (!cardOpen_ && settled) cardPark_ = -1;
    L.cardNow = L.card;
    if (L.portrait)
        L.cardNow.y += (1.0f - L.cardShown) * L.card.h;
    else
        L.cardNow.x += (1.0f - L.cardShown) * (L.card.w + 2 * m);
}

// Along the map's bottom: the scale bar and credits, and the reset button at the right (left of
// a card in landscape). Nothing else floats over the map in landscape.
void MapScreen::layoutBottomBand(UiContext& ui, Layout& L) {
    float m = ui.px(tokens::space::m);
    float bh = ui.px(tokens::space::touchMin);
    float bottomBand = bh + 2 * m;
    const std::string& resetText = ui.tr(uiText(UiString::MapResetView));
    float bw = theme::textSize(ui, FontRole::BodyBold, resetText).x + bh;
    float right = L.map.x + L.map.w;
    if (!L.portrait && cardPark_ >= 0) right = std::min(right, L.cardNow.x);
    float bandBottom = L.portrait ? L.panel.y : L.map.y + L.map.h; // above the sheet
    L.reset = {right - m - bw, bandBottom - m - bh, bw, bh};
    if (L.portrait && cardPark_ >= 0) L.reset.y = std::min(L.reset.y, L.cardNow.y - m - bh);
    L.inset = L.card;
    const std::string& insetText = ui.tr(uiText(UiString::MapInset));
    float iw =
        content_ && hasInset() ? theme::textSize(ui, FontRole::BodyBold, insetText).x + bh : 0;
    L.insetButton = {L.reset.x - (iw > 0 ? ui.px(tokens::space::s) + iw : 0), L.reset.y, iw, bh};

    // Landscape: the legend at the panel's foot; the city is framed above the bottom band.
    if (!L.portrait) {
        float rowH = ui.px(M::legendRow);
        float legendH = rowH * 3 + ui.px(tokens::space::s) * 2;
        L.legend = {L.panel.x + m, L.panel.y + L.panel.h - m - legendH, L.panel.w - 2 * m, legendH};
        L.frame = {L.map.x, L.map.y, L.map.w, L.map.h - bottomBand};
    } else {
        L.frame.h -= bottomBand;
    }
}

MapScreen::Layout MapScreen::computeLayout(UiContext& ui) {
    Layout L;
    L.portrait = ui.ds.portrait();
    if (!L.portrait)
        layoutLandscapePanels(ui, L);
    else
        layoutPortraitSheet(ui, L);
    layoutCardSlide(ui, L);
    layoutBottomBand(ui, L);

    // A selected park sits in the middle of what the card leaves of the frame.
    L.focus = L.frame.center();
    if (cardOpen_) {
        if (L.portrait)
            L.focus.y = (L.frame.y + std::min(L.card.y, L.frame.y + L.frame.h)) * 0.5f;
        else
            L.focus.x = (L.frame.x + L.card.x) * 0.5f;
    }
    return L;
}

bool MapScreen::overUi(const Layout& L, Vec2 p) const {
    if (!L.map.contains(p)) return true; // top bar and panel
    if (L.reset.contains(p) || L.legend.contains(p) || L.insetButton.contains(p)) return true;
    if (L.portrait && L.panel.contains(p) && !sheetCovered(L)) return true;
    if (insetOpen_ && L.inset.contains(p)) return true;
    if (cardPark_ >= 0 && L.cardNow.contains(p)) return true;
    return false;
}

// [SECTION] Frame

void MapScreen::draw(UiContext& ui) {
    lastDrawFrame_ = ImGui::GetFrameCount();
    if (suppressTransition_) {
        if (ui.nowMs - enteredMs_ < tokens::motion::transitionMs)
            ui.fade = 1.0f; // the map stays put while its own selection changes
        else
            suppressTransition_ = false;
    }
    const Content& content = *ui.content;
    if (&content != content_ || content.version != contentVersion_) prepareGeometry(content);

    Layout L = computeLayout(ui);
    bool viewportChanged = L.map.x != camera_.viewport().x || L.map.y != camera_.viewport().y ||
                           L.map.w != camera_.viewport().w || L.map.h != camera_.viewport().h;
    const Rect& f = camera_.frame();
    bool frameChanged =
        L.frame.x != f.x || L.frame.y != f.y || L.frame.w != f.w || L.frame.h != f.h;
    if (viewportChanged || frameChanged) {
        camera_.setViewport(L.map);
        camera_.setFrame(L.frame);
        camera_.setCity(city_, ui.px(M::cityPadding));
        camera_.setAnchors(cityAnchors_);
        if (pending_ == Pending::None) pending_ = Pending::FrameCity; // a new orientation
    }
    applyPending(ui, L);
    handleGestures(ui, L);
    if (camera_.update(ui.nowMs)) ui.animateUntil(camera_.animationEndMs(ui.nowMs));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 mapMin(L.map.x, L.map.y), mapMax(L.map.x + L.map.w, L.map.y + L.map.h);
    dl->PushClipRect(mapMin, mapMax, true);
    dl->AddRectFilled(mapMin, mapMax, theme::col(ui, tokens::mapLayers::beyondData));
    layerVertices_ = 0;
    drawLand(ui, L);
    drawDistricts(ui, L);
    drawWater(ui, L);
    drawRails(ui, L);
    drawSymbols(ui, L);
    updateMarkers(ui, L);
    drawMarkers(ui, L);
    drawLabels(ui, L);
    drawMarkerLabels(ui);
    drawScaleAndCredits(ui, L);
    dl->PopClipRect();

    drawResetButton(ui, L);
    drawInsetButton(ui, L);
    drawPanel(ui, L);
    if (!L.portrait) drawLegend(ui, L); // portrait: inside the sheet
    if (cardPark_ >= 0) drawCard(ui, L);
    drawInset(ui, L);
    widgets::topBar(ui, uiText(UiString::ModuleMap), tokens::moduleColor[1]);
}

// [SECTION] Gestures

// A tap on the map: a park standing alone, a cluster (both as the last frame drew them), or the
// bare map.
void MapScreen::tapMap(UiContext& ui, const Layout& L, Vec2 pos, bool cardUp) {
    if (L.portrait && filtersOpen_) { // a tap beside the open sheet puts it away
        setFiltersOpen(ui, false);
        return;
    }
    int hit = -1, hitCluster = -1;
    float best = ui.px(M::fingerRadius);
    for (size_t k = 0; k < layoutPark_.size(); ++k) {
        map::MarkerState st = markerLayout_.markers[k].state;
        if (st != map::MarkerState::Labelled && st != map::MarkerState::Leader) continue;
        float d = (markerLayout_.markers[k].at - pos).length();
        if (d <= best) best = d, hit = layoutPark_[k];
    }
    // Faded parks answer too, but lose a close call.
    for (size_t i = 0; i < markerPx_.size(); ++i) {
        if (markerMatches_[i] || !markerTappable(L, markerPx_[i])) continue;
        float d = (markerPx_[i] - pos).length() + ui.px(M::fingerRadius) * 0.5f;
        if (d <= best) best = d, hit = static_cast<int>(i);
    }
    for (size_t k = 0; k < markerLayout_.clusters.size(); ++k) {
        const map::MarkerCluster& cl = markerLayout_.clusters[k];
        float d = (cl.pos - pos).length();
        if (d <= std::max(best, cl.radius)) best = d, hit = -1, hitCluster = int(k);
    }
    if (hitCluster >= 0)
        openCluster(ui, L, markerLayout_.clusters[size_t(hitCluster)]);
    else if (hit >= 0)
        selectPark(ui, hit);
    else if (cardUp)
        closeCard(ui); // a tap on the bare map puts the card away
}

void MapScreen::beginDrag(const Layout& L, Vec2 start, bool cardUp) {
    if (cardUp && L.cardNow.contains(start)) {
        drag_ = photoRect_.contains(start) ? DragTarget::CardPhotos : DragTarget::CardScroll;
        photoDragDx_ = 0;
    } else if (L.portrait && !sheetCovered(L) && L.panel.contains(start)) {
        drag_ = DragTarget::Sheet; // a swipe up opens the sheet, down closes it
        sheetDragDy_ = 0;
    } else if (!overUi(L, start)) {
        drag_ = DragTarget::Map;
        camera_.stop();
    } else {
        drag_ = DragTarget::None;
    }
}

void MapScreen::endDrag(UiContext& ui, Vec2 velocity) {
    const GestureSettings swipe = GestureSettings{}.scaled(ui.ds.scale); // the display's pixels
    if (drag_ == DragTarget::Map) camera_.fling(velocity, ui.nowMs);
    if (drag_ == DragTarget::CardPhotos && cardPark_ >= 0) {
        int n = static_cast<int>(content_->parks[cardPark_].photos.size());
        if (photoDragDx_ < -swipe.photoSwipePx) photoIndex_ = std::min(n - 1, photoIndex_ + 1);
        if (photoDragDx_ > swipe.photoSwipePx) photoIndex_ = std::max(0, photoIndex_ - 1);
    }
    if (drag_ == DragTarget::Sheet && std::abs(sheetDragDy_) > swipe.sheetSwipePx)
        setFiltersOpen(ui, sheetDragDy_ < 0);
    drag_ = DragTarget::None;
}

void MapScreen::handleGestures(UiContext& ui, const Layout& L) {
    bool cardUp = cardPark_ >= 0 && cardOpen_;
    for (const Gesture& g : *ui.gestures) {
        switch (g.kind) {
            case Gesture::Kind::Tap:
                if (!overUi(L, g.pos)) tapMap(ui, L, g.pos, cardUp);
                break;
            case Gesture::Kind::DoubleTap: {
                if (overUi(L, g.pos)) break;
                map::WorldPoint anchor = camera_.toWorld(g.pos);
                map::WorldPoint c;
                double s;
                camera_.viewFor(anchor, camera_.scale() * kDoubleTapZoom, g.pos, c, s);
                camera_.flyTo(c, s, ui.nowMs, tokens::motion::cameraMs);
                break;
            }
            case Gesture::Kind::DragBegin:
                beginDrag(L, g.start, cardUp);
                break;
            case Gesture::Kind::DragMove:
                if (drag_ == DragTarget::Map) camera_.panBy(g.delta);
                if (drag_ == DragTarget::CardScroll) cardScroll_ -= g.delta.y;
                if (drag_ == DragTarget::CardPhotos) photoDragDx_ += g.delta.x;
                if (drag_ == DragTarget::Sheet) sheetDragDy_ += g.delta.y;
                break;
            case Gesture::Kind::DragEnd:
                endDrag(ui, g.velocity);
                break;
            case Gesture::Kind::PinchBegin:
                pinching_ = !overUi(L, g.center);
                if (pinching_) camera_.stop();
                drag_ = DragTarget::None;
                break;
            case Gesture::Kind::PinchMove:
                if (pinching_) {
                    camera_.zoomAbout(g.center, g.scale);
                    camera_.panBy(g.delta);
                }
                break;
            case Gesture::Kind::PinchEnd:
                pinching_ = false;
                break;
            case Gesture::Kind::LongPress:
                break;
        }
    }
    cardScroll_ = std::clamp(cardScroll_, 0.0f, std::max(0.0f, cardContentH_ - L.card.h));

    // Mouse wheel (development): zoom about the pointer.
    const ImGuiIO& io = ImGui::GetIO();
    Vec2 mouse{io.MousePos.x, io.MousePos.y};
    if (io.MouseWheel != 0.0f && !overUi(L, mouse))
        camera_.zoomAbout(mouse, std::pow(kWheelStep, static_cast<double>(io.MouseWheel)));
}

// [SECTION] Camera moves

void MapScreen::applyPending(UiContext& ui, const Layout& L) {
    Pending p = pending_;
    pending_ = Pending::None;
    if (p == Pending::FrameCity || p == Pending::FrameThenFly || p == Pending::FrameThenFit) {
        camera_.setViewport(L.map);
        camera_.setCity(city_, ui.px(M::cityPadding));
        camera_.fit(city_, ui.px(M::cityPadding));
    }
    if ((p == Pending::FlyToPark || p == Pending::FrameThenFly) && cardPark_ >= 0)
        flyToPark(ui, L, cardPark_, p == Pending::FrameThenFly ? kParkZoom : kTapZoom);
    if (p == Pending::FitParks || p == Pending::FrameThenFit) {
        map::WorldBounds b{1e30, 1e30, -1e30, -1e30};
        for (const Park& park : content_->parks) {
            if (!filter_.matches(park)) continue;
            b.minX = std::min(b.minX, park.x), b.maxX = std::max(b.maxX, park.x);
            b.minY = std::min(b.minY, park.y), b.maxY = std::max(b.maxY, park.y);
        }
        if (b.minX > b.maxX) return;
        // Never closer than one park's view: a lone park still shows its surroundings.
        double s = std::min(camera_.scaleToFit(b, ui.px(M::fitParksPadding)),
                            camera_.fitScale() * kParkZoom);
        map::WorldPoint c;
        double scale;
        camera_.viewFor(b.center(), s, L.focus, c, scale);
        camera_.flyTo(c, scale, ui.nowMs, tokens::motion::cameraMs);
    }
}

void MapScreen::flyToPark(UiContext& ui, const Layout& L, int park, double minZoom) {
    const Park& p = content_->parks[park];
    double s = std::max(camera_.scale(), camera_.fitScale() * minZoom);
    map::WorldPoint c;
    double scale;
    camera_.viewFor({p.x, p.y}, s, L.focus, c, scale);
    camera_.flyTo(c, scale, ui.nowMs, tokens::motion::cameraMs);
    ui.animateUntil(ui.nowMs + tokens::motion::cameraMs);
}

// Zooms in about the cluster's parks until they stand apart (at least 2x, as a double tap).
void MapScreen::openCluster(UiContext& ui, const Layout& L, const map::MarkerCluster& cluster) {
    std::vector<Vec2> px;
    map::WorldBounds b{1e30, 1e30, -1e30, -1e30};
    for (int m : cluster.members) {
        const Park& p = content_->parks[size_t(layoutPark_[size_t(m)])];
        px.push_back(markerPx_[size_t(layoutPark_[size_t(m)])]);
        b.minX = std::min(b.minX, p.x), b.maxX = std::max(b.maxX, p.x);
        b.minY = std::min(b.minY, p.y), b.maxY = std::max(b.maxY, p.y);
    }
    const MapMarkerStyle& st = ui.style.mapMarker;
    float radius = ui.px(M::markerNational + st.ringExtra) * 1.25f;
    double factor = map::clusterOpenFactor(px, radius, ui.px(st.clusterOpenGap), kDoubleTapZoom);
    map::WorldPoint c;
    double scale;
    camera_.viewFor(b.center(), camera_.scale() * factor, L.focus, c, scale);
    camera_.flyTo(c, scale, ui.nowMs, tokens::motion::cameraMs);
    ui.animateUntil(ui.nowMs + tokens::motion::cameraMs);
}

void MapScreen::resetView(UiContext& ui, const Layout& L) {
    // The whole city, in the part of the map the card leaves uncovered.
    Rect free = L.frame;
    if (cardOpen_) {
        if (L.portrait)
            free.h = std::min(free.h, L.card.y - free.y);
        else
            free.w = L.card.x - free.x;
    }
    double pad = ui.px(M::cityPadding);
    double bw = std::max(1.0, city_.maxX - city_.minX), bh = std::max(1.0, city_.maxY - city_.minY);
    double s = std::min((free.w - 2 * pad) / bw, (free.h - 2 * pad) / bh);
    map::WorldPoint c;
    double scale;
    camera_.viewFor(city_.center(), s, free.center(), c, scale);
    camera_.flyTo(c, scale, ui.nowMs, tokens::motion::cameraMs);
    ui.animateUntil(ui.nowMs + tokens::motion::cameraMs);
}

} // namespace zj
