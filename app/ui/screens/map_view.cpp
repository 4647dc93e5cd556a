// [SECTION] Geometry cache
// [SECTION] Districts
// [SECTION] Markers
// [SECTION] Labels
#include "ui/screens/map_screen.hpp"

#include <algorithm>

namespace zj {

namespace {
namespace C = tokens::color;
namespace M = tokens::map;
constexpr int kFeatureLabel = 1 << 20; // label kinds from here on are base-map features

uint32_t levelColor(ParkLevel level) {
    switch (level) {
        case ParkLevel::National:
            return C::national;
        case ParkLevel::Provincial:
            return C::provincial;
        case ParkLevel::Special:
            return M::special;
    }
    return M::special;
}

float markerRadius(const UiContext& ui, ParkLevel level) {
    switch (level) {
        case ParkLevel::National:
            return ui.px(M::markerNational);
        case ParkLevel::Provincial:
            return ui.px(M::markerProvincial);
        case ParkLevel::Special:
            return ui.px(M::markerSpecial);
    }
    return ui.px(M::markerSpecial);
}
} // namespace

// [SECTION] Geometry cache

// One band's triangles and outlines relative to the map's origin (floats keep metre precision
// near it); the districts and the base-map layers share this.
void MapScreen::localizeBand(const DistrictGeometry& g, BandGeometry& out) {
    out.triangles.reserve(g.triangles.size());
    for (size_t k = 0; k + 1 < g.triangles.size(); k += 2) {
        out.triangles.push_back(static_cast<float>(g.triangles[k] - origin_.x));
        out.triangles.push_back(static_cast<float>(g.triangles[k + 1] - origin_.y));
    }
    for (const auto& ring : g.outlines) {
        std::vector<float> local;
        local.reserve(ring.size());
        for (size_t k = 0; k + 1 < ring.size(); k += 2) {
            local.push_back(static_cast<float>(ring[k] - origin_.x));
            local.push_back(static_cast<float>(ring[k + 1] - origin_.y));
        }
        ringScratch_.reserve(std::max(ringScratch_.capacity(), local.size() / 2));
        out.outlines.push_back(std::move(local));
    }
}

void MapScreen::prepareGeometry(const Content& content) {
    content_ = &content;
    contentVersion_ = content.version;
    city_ = {content.mapMinX, content.mapMinY, content.mapMaxX, content.mapMaxY};
    if (city_.empty()) {
        // No district geometry (built-in fallback content): frame the parks instead.
        city_ = {1e30, 1e30, -1e30, -1e30};
        for (const Park& p : content.parks) {
            city_.minX = std::min(city_.minX, p.x), city_.maxX = std::max(city_.maxX, p.x);
            city_.minY = std::min(city_.minY, p.y), city_.maxY = std::max(city_.maxY, p.y);
        }
        if (city_.empty()) city_ = {0, 0, 1000, 1000};
    }
    origin_ = city_.center();
    districts_.clear();
    districts_.resize(content.districts.size());
    for (size_t i = 0; i < content.districts.size(); ++i) {
        const District& d = content.districts[i];
        DistrictCache& cache = districts_[i];
        cache.tint = M::districtTints[i % (sizeof(M::districtTints) / sizeof(M::districtTints[0]))];
        for (int b = 0; b < kMapBands; ++b) {
            localizeBand(d.bands[b], cache.bands[b]);
        }
    }
    prepareLayers(content);
    // What the pan limits keep near the view's centre: a district's label point (inside it,
    // so the district fills the view around it) or a park.
    cityAnchors_.clear();
    for (const District& d : content.districts) cityAnchors_.push_back({d.labelX, d.labelY});
    for (const Park& p : content.parks) cityAnchors_.push_back({p.x, p.y});
    size_t parks = content.parks.size();
    markerPx_.assign(parks, Vec2{});
    markerMatches_.assign(parks, true);
    markerRects_.reserve(parks + 3);
    size_t labels = parks + content.districts.size() + content.mapFeatures.size();
    labelCandidates_.reserve(labels);
    labelKinds_.reserve(labels);
    // The selection onEnter made against this content stays (a tour or another module opening
    // the map with a park before the map was ever drawn); only an index it no longer has goes.
    if (cardPark_ >= static_cast<int>(parks)) {
        cardPark_ = -1;
        cardOpen_ = false;
    }
    if (pending_ == Pending::None) pending_ = Pending::FrameCity;
}

// The coarsest band whose simplification error stays within two pixels (the border width).
int MapScreen::bandForScale() const {
    if (content_->districts.empty()) return 0;
    const District& d = content_->districts.front();
    for (int b = 0; b < kMapBands; ++b)
        if (d.bands[b].tolerance * camera_.scale() <= 2.0) return b;
    return kMapBands - 1;
}

// [SECTION] Districts

void MapScreen::drawDistricts(UiContext& ui, const Layout& L) {
    if (districts_.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int band = bandForScale();
    Vec2 o = camera_.toScreen(origin_);
    float s = static_cast<float>(camera_.scale());

    // Fills: the triangles straight into the draw list (no tessellation, no allocation).
    for (size_t i = 0; i < districts_.size(); ++i) {
        const District& d = content_->districts[i];
        Vec2 a = camera_.toScreen({d.minX, d.maxY}), b = camera_.toScreen({d.maxX, d.minY});
        if (b.x < L.map.x || a.x > L.map.x + L.map.w || b.y < L.map.y || a.y > L.map.y + L.map.h)
            continue; // off screen
        const std::vector<float>& tri = districts_[i].bands[band].triangles;
        writeTriangles(tri, theme::col(ui, districts_[i].tint));
    }
    // Borders on top of every fill, so shared borders are drawn over both neighbours.
    ImU32 line = theme::col(ui, M::outline);
    float thickness = ui.px(M::outlineWidth);
    for (size_t i = 0; i < districts_.size(); ++i) {
        for (const auto& ring : districts_[i].bands[band].outlines) {
            size_t n = ring.size() / 2;
            if (n < 3) continue;
            ringScratch_.clear();
            for (size_t k = 0; k + 1 < n; ++k) // the last point repeats the first
                ringScratch_.push_back(ImVec2(o.x + ring[2 * k] * s, o.y - ring[2 * k + 1] * s));
            dl->AddPolyline(ringScratch_.data(), static_cast<int>(ringScratch_.size()), line,
                            ImDrawFlags_Closed, thickness);
        }
    }
}

// [SECTION] Markers

bool MapScreen::markerTappable(const Layout& L, Vec2 p) const {
    return L.map.contains(p) && !overUi(L, p);
}

// The map's own controls: no marker or label goes under them.
void MapScreen::collectControls(const Layout& L) {
    controls_.clear();
    controls_.push_back(L.reset);
    // The scale bar and credits pill along the bottom, left of the reset button.
    controls_.push_back({L.map.x, L.reset.y, L.insetButton.x - L.map.x, L.reset.h});
    if (L.insetButton.w > 0) controls_.push_back(L.insetButton);
    if (insetOpen_) controls_.push_back(L.inset);
    if (L.portrait && !sheetCovered(L)) controls_.push_back(L.panel); // the filter sheet
    if (cardPark_ >= 0) controls_.push_back(L.cardNow);
}

// Lays out the markers that are not faded: each gets its label beside it or on a leader, or
// sits in a cluster with its count. Registers what a finger can tap.
void MapScreen::updateMarkers(UiContext& ui, const Layout& L) {
    const auto& parks = content_->parks;
    int selected = cardOpen_ ? cardPark_ : -1;
    markerInputs_.clear();
    layoutPark_.clear();
    const MapMarkerStyle& st = ui.style.mapMarker;
    Vec2 pad(ui.px(st.labelPadX), ui.px(st.labelPadY));
    for (size_t i = 0; i < parks.size(); ++i) {
        markerPx_[i] = camera_.toScreen({parks[i].x, parks[i].y});
        markerMatches_[i] = filter_.matches(parks[i]);
        if (!markerMatches_[i] && static_cast<int>(i) != selected) continue;
        map::MarkerIn m;
        m.pos = markerPx_[i];
        m.radius = markerRadius(ui, parks[i].level) + ui.px(st.ringExtra); // with the white ring
        if (parks[i].level == ParkLevel::Special) m.radius *= 1.25f;       // the diamond's corners
        ImVec2 ts = theme::textSize(ui, FontRole::Body, ui.tr(parks[i].short_));
        m.labelSize = {ts.x + pad.x * 2, ts.y + pad.y * 2};
        m.priority = static_cast<int>(i) == selected           ? 1000
                     : parks[i].level == ParkLevel::National   ? 60
                     : parks[i].level == ParkLevel::Provincial ? 40
                                                               : 20;
        markerInputs_.push_back(m);
        layoutPark_.push_back(static_cast<int>(i));
    }
    collectControls(L);
    map::MarkerLayoutSettings settings;
    settings.labelGap = ui.px(st.labelGap);
    settings.separation = ui.px(st.separation);
    settings.clusterRadius = ui.px(tokens::mapLayers::clusterRadius);
    settings.leaderStep = ui.px(st.leaderStep);
    settings.spreadGroups = filter_.active(); // filtered results are always named
    map::layoutMarkers(markerInputs_, controls_, L.map, settings, markerLayout_);

    // Scenarios tap a park by its short name, a cluster by "cluster:<first park id>".
    float f = ui.px(M::fingerRadius);
    for (size_t k = 0; k < layoutPark_.size(); ++k) {
        const map::MarkerOut& o = markerLayout_.markers[k];
        if (o.state != map::MarkerState::Labelled && o.state != map::MarkerState::Leader) continue;
        const Park& p = parks[size_t(layoutPark_[k])];
        Vec2 c = o.at;
        if (markerTappable(L, c))
            ui.hits->add("marker:" + p.id, p.short_, {c.x - f, c.y - f, 2 * f, 2 * f});
    }
    // Faded (filtered out) parks can still be tapped; they carry no label, so their target has
    // only its id (a scenario's `expect visible` sees drawn names only).
    int selectedPark = cardOpen_ ? cardPark_ : -1;
    for (size_t i = 0; i < parks.size(); ++i)
        if (!markerMatches_[i] && static_cast<int>(i) != selectedPark &&
            markerTappable(L, markerPx_[i]))
            ui.hits->add("marker:" + parks[i].id, Text{},
                         {markerPx_[i].x - f, markerPx_[i].y - f, 2 * f, 2 * f});
    for (const map::MarkerCluster& cl : markerLayout_.clusters) {
        const Park& first = parks[size_t(layoutPark_[size_t(cl.members.front())])];
        float r = std::max(f, cl.radius);
        std::string n = std::to_string(cl.members.size());
        if (markerTappable(L, cl.pos))
            ui.hits->add("cluster:" + first.id, Text{n + " 个园区", n + " parks"},
                         {cl.pos.x - r, cl.pos.y - r, 2 * r, 2 * r});
    }
}

void MapScreen::drawMarkerShape(UiContext& ui, const Park& p, ImVec2 c, float alpha,
                                bool isSelected) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = markerRadius(ui, p.level);
    uint32_t color = levelColor(p.level);
    const MapMarkerStyle& st = ui.style.mapMarker;
    float ring = ui.px(st.ring);
    if (isSelected) {
        dl->AddCircleFilled(c, r * 2.4f, theme::col(ui, color, 0.18f), 32);
        dl->AddCircle(c, r * 2.4f, theme::col(ui, color, 0.7f), 32, ui.px(st.haloStroke));
    }
    dl->AddCircleFilled(ImVec2(c.x, c.y + ui.px(st.shadowDrop)), r + ring + ui.px(st.shadowExtra),
                        theme::col(ui, C::shadow, 0.25f * alpha), 20);
    if (p.level == ParkLevel::Special) {
        // A diamond: special parks read differently from the round zones.
        float d = (r + ring) * 1.25f, e = r * 1.25f;
        dl->AddQuadFilled(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d),
                          ImVec2(c.x - d, c.y), theme::col(ui, M::markerRing, alpha));
        dl->AddQuadFilled(ImVec2(c.x, c.y - e), ImVec2(c.x + e, c.y), ImVec2(c.x, c.y + e),
                          ImVec2(c.x - e, c.y), theme::col(ui, color, alpha));
    } else {
        dl->AddCircleFilled(c, r + ring, theme::col(ui, M::markerRing, alpha), 24);
        dl->AddCircleFilled(c, r, theme::col(ui, color, alpha), 24);
        if (p.level == ParkLevel::National)
            dl->AddCircleFilled(c, r * 0.38f, theme::col(ui, M::markerRing, alpha), 12);
    }
}

void MapScreen::drawMarkers(UiContext& ui, const Layout& L) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& parks = content_->parks;
    int selected = cardOpen_ ? cardPark_ : -1;
    // Faded (filtered out) markers underneath, unlabelled and clear of the controls.
    for (size_t i = 0; i < parks.size(); ++i)
        if (!markerMatches_[i] && static_cast<int>(i) != selected &&
            markerTappable(L, markerPx_[i]))
            drawMarkerShape(ui, parks[i], ImVec2(markerPx_[i].x, markerPx_[i].y), M::fadedAlpha,
                            false);
    // Leader lines, then the markers that stand alone, then the clusters.
    const MapMarkerStyle& st = ui.style.mapMarker;
    ImU32 leader = theme::col(ui, C::text, 0.7f);
    float leaderW = ui.px(st.leaderStroke);
    for (size_t k = 0; k < layoutPark_.size(); ++k) {
        const map::MarkerOut& o = markerLayout_.markers[k];
        if (o.spread && o.state != map::MarkerState::Hidden) {
            // Fanned out: a line back to where the park really is, marked by a dot.
            Vec2 p = markerPx_[size_t(layoutPark_[k])];
            dl->AddLine(ImVec2(p.x, p.y), ImVec2(o.at.x, o.at.y), leader, leaderW);
            dl->AddCircleFilled(ImVec2(p.x, p.y), ui.px(st.leaderDot), leader, 12);
        }
        if (o.state != map::MarkerState::Leader) continue;
        dl->AddLine(ImVec2(o.leaderFrom.x, o.leaderFrom.y), ImVec2(o.leaderTo.x, o.leaderTo.y),
                    leader, leaderW);
    }
    for (size_t k = 0; k < layoutPark_.size(); ++k) {
        const map::MarkerOut& o = markerLayout_.markers[k];
        if (o.state != map::MarkerState::Labelled && o.state != map::MarkerState::Leader) continue;
        int i = layoutPark_[k];
        drawMarkerShape(ui, parks[size_t(i)], ImVec2(o.at.x, o.at.y), 1.0f, i == selected);
    }
    for (const map::MarkerCluster& cl : markerLayout_.clusters) {
        // In the colour of its highest level, with the count.
        ParkLevel top = ParkLevel::Special;
        for (int m : cl.members) {
            ParkLevel l = parks[size_t(layoutPark_[size_t(m)])].level;
            if (l == ParkLevel::National ||
                (l == ParkLevel::Provincial && top == ParkLevel::Special))
                top = l;
        }
        ImVec2 c(cl.pos.x, cl.pos.y);
        float r = cl.radius;
        float ringR = r + ui.px(st.ringExtra);
        dl->AddCircleFilled(ImVec2(c.x, c.y + ui.px(st.clusterDrop)), ringR,
                            theme::col(ui, C::shadow, 0.25f), 32);
        dl->AddCircleFilled(c, ringR, theme::col(ui, M::markerRing), 32);
        dl->AddCircleFilled(c, r, theme::col(ui, levelColor(top)), 32);
        dl->AddCircle(c, r * 0.78f, theme::col(ui, M::markerRing, 0.55f), 32, ui.px(st.haloStroke));
        std::string n = std::to_string(cl.members.size());
        ImVec2 ts = theme::textSize(ui, FontRole::BodyBold, n);
        theme::text(ui, FontRole::BodyBold, c - ts * 0.5f, M::markerRing, n);
    }
}

// The label boxes the marker layout chose.
void MapScreen::drawMarkerLabels(UiContext& ui) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const MapMarkerStyle& st = ui.style.mapMarker;
    Vec2 pad(ui.px(st.labelPadX), ui.px(st.labelPadY));
    for (size_t k = 0; k < layoutPark_.size(); ++k) {
        const map::MarkerOut& o = markerLayout_.markers[k];
        if (o.state != map::MarkerState::Labelled && o.state != map::MarkerState::Leader) continue;
        const Park& p = content_->parks[size_t(layoutPark_[k])];
        ImVec2 min(o.label.x, o.label.y), max(o.label.x + o.label.w, o.label.y + o.label.h);
        dl->AddRectFilled(min, max, theme::col(ui, C::surface, 0.92f), ui.px(st.labelRounding));
        theme::text(ui, FontRole::Body, min + ImVec2(pad.x, pad.y), C::text, ui.tr(p.short_));
    }
}

// [SECTION] Labels

void MapScreen::drawLabels(UiContext& ui, const Layout& L) {
    const auto& districts = content_->districts;
    labelCandidates_.clear();
    labelKinds_.clear();
    const MapMarkerStyle& st = ui.style.mapMarker;
    Vec2 pad(ui.px(st.labelPadX), ui.px(st.labelPadY));
    for (size_t i = 0; i < districts.size(); ++i) {
        map::LabelCandidate c;
        c.anchor = camera_.toScreen({districts[i].labelX, districts[i].labelY});
        ImVec2 ts = theme::textSize(ui, FontRole::BodyBold, ui.tr(districts[i].name));
        c.size = {ts.x + pad.x * 2, ts.y + pad.y * 2};
        c.gap = ui.px(st.districtGap);
        c.priority = 100;
        c.positions = {map::LabelAnchor::Center, map::LabelAnchor::Below, map::LabelAnchor::Above,
                       map::LabelAnchor::Right, map::LabelAnchor::Left};
        c.positionCount = 5;
        labelCandidates_.push_back(c);
        labelKinds_.push_back(static_cast<int>(i));
    }
    // The base map's names: neighbouring cities and water centred on their label points,
    // airports and ports beside their symbols; all below the city's own names.
    for (size_t i = 0; i < content_->mapFeatures.size(); ++i) {
        const MapFeature& f = content_->mapFeatures[i];
        if (f.kind == MapFeatureKind::Railway || f.kind == MapFeatureKind::City) continue;
        const std::string& name = ui.tr(f.name);
        if (name.empty()) continue;
        map::LabelCandidate c;
        c.anchor = camera_.toScreen({f.labelX, f.labelY});
        ImVec2 ts = theme::textSize(ui, FontRole::Caption, name);
        c.size = {ts.x + pad.x * 2, ts.y + pad.y * 2};
        bool point = f.kind == MapFeatureKind::Airport || f.kind == MapFeatureKind::Port;
        c.gap = ui.px(tokens::mapLayers::symbolRadius + st.symbolGap);
        c.priority = point ? 12 : f.kind == MapFeatureKind::Water ? 14 : 10;
        if (point) {
            c.fadeInZoom = 1.2f; // named once the visitor zooms in a little
            c.positions = {map::LabelAnchor::Right, map::LabelAnchor::Left, map::LabelAnchor::Below,
                           map::LabelAnchor::Above};
            c.positionCount = 4;
        } else {
            c.positions = {map::LabelAnchor::Center};
            c.positionCount = 1;
        }
        labelCandidates_.push_back(c);
        labelKinds_.push_back(kFeatureLabel + static_cast<int>(i));
    }
    // The place names keep clear of the markers, their labels and clusters, and the controls.
    markerRects_.assign(markerLayout_.occupied.begin(), markerLayout_.occupied.end());
    markerRects_.insert(markerRects_.end(), controls_.begin(), controls_.end());
    Rect bounds = L.map;
    map::placeLabels(labelCandidates_, markerRects_, bounds,
                     static_cast<float>(camera_.zoomRelative()), labelOrder_, placedLabels_);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const map::PlacedLabel& pl : placedLabels_) {
        int kind = labelKinds_[pl.candidate];
        ImVec2 min(pl.rect.x, pl.rect.y), max(pl.rect.x + pl.rect.w, pl.rect.y + pl.rect.h);
        if (kind >= kFeatureLabel) {
            const MapFeature& f = content_->mapFeatures[size_t(kind - kFeatureLabel)];
            uint32_t ink = f.kind == MapFeatureKind::Water       ? tokens::mapLayers::waterLabel
                           : f.kind == MapFeatureKind::Neighbour ? tokens::mapLayers::neighbourLabel
                                                                 : C::text;
            if (f.kind == MapFeatureKind::Airport || f.kind == MapFeatureKind::Port)
                dl->AddRectFilled(min, max, theme::col(ui, C::surface, 0.8f * pl.alpha),
                                  ui.px(st.labelRounding));
            theme::text(ui, FontRole::Caption, min + ImVec2(pad.x, pad.y), ink, ui.tr(f.name), 0,
                        pl.alpha);
        } else if (kind >= 0) {
            theme::text(ui, FontRole::BodyBold, min + ImVec2(pad.x, pad.y), M::districtLabel,
                        ui.tr(districts[kind].name), 0, pl.alpha * 0.9f);
        }
    }
}

} // namespace zj
