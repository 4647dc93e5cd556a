// [SECTION] Button and panel
// [SECTION] Mini map
// [SECTION] Distances
// The regional inset (区位): Zhenjiang in the Yangtze River Delta with Nanjing, Yangzhou,
// Changzhou, Suzhou and Shanghai, straight-line distances and the airports, from the bundle's
// places (content/geo/places.geojson). Beside the map in landscape (where the park card goes),
// a bottom sheet in portrait. Travel times are sample data and marked so.
#include "core/map/labels.hpp"
#include "core/ui_strings.hpp"
#include "ui/screens/map_screen.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zj {

namespace {
namespace C = tokens::color;
namespace ML = tokens::mapLayers;

// The delta's cities the inset names, nearest first in the list below the map.
constexpr const char* kInsetCities[] = {"Zhenjiang", "Nanjing", "Yangzhou",
                                        "Changzhou", "Suzhou",  "Shanghai"};
constexpr const char* kInsetAirports[] = {"NKG", "CZX", "YTY", "WUX", "SHA", "PVG"};

bool isInsetCity(const MapFeature& f) {
    if (f.kind != MapFeatureKind::City) return false;
    for (const char* n : kInsetCities)
        if (f.name.en == n) return true;
    return false;
}

bool isInsetAirport(const MapFeature& f) {
    if (f.kind != MapFeatureKind::Airport) return false;
    for (const char* c : kInsetAirports)
        if (f.code == c) return true;
    return false;
}
} // namespace

// [SECTION] Button and panel

bool MapScreen::hasInset() const {
    for (const MapFeature& f : content_->mapFeatures)
        if (isInsetCity(f) && f.name.en != "Zhenjiang") return true;
    return false;
}

void MapScreen::drawInsetButton(UiContext& ui, const Layout& L) {
    if (!hasInset()) return;
    ImVec2 min(L.insetButton.x, L.insetButton.y);
    ImVec2 max(L.insetButton.x + L.insetButton.w, L.insetButton.y + L.insetButton.h);
    if (widgets::button(ui, "map-inset", uiText(UiString::MapInset), min, max,
                        insetOpen_ ? widgets::ButtonStyle::Primary
                                   : widgets::ButtonStyle::Secondary)) {
        insetOpen_ = !insetOpen_;
        if (insetOpen_) closeCard(ui); // one panel beside the map at a time
    }
}

void MapScreen::drawInset(UiContext& ui, const Layout& L) {
    if (!insetOpen_ || !hasInset()) return;
    const Rect& P = L.inset;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 min(P.x, P.y), max(P.x + P.w, P.y + P.h);
    const MapInsetStyle& st = ui.style.mapInset;
    float m = ui.px(tokens::space::m), s = ui.px(tokens::space::s);
    ImVec2 drop(0, ui.px(st.shadowDrop));
    dl->AddRectFilled(min + drop, max + drop, theme::col(ui, C::shadow, 0.18f),
                      ui.px(tokens::radius::card));
    dl->AddRectFilled(min, max, theme::col(ui, C::surface), ui.px(tokens::radius::card));
    theme::occlude(ui, min, max);

    // Title and close.
    float b = ui.px(tokens::space::touchMin);
    ImVec2 cmin(max.x - s - b, min.y + s), cmax = cmin + ImVec2(b, b);
    bool pressed = false;
    if (widgets::touchArea(ui, "inset-close", uiText(UiString::MapClose), cmin, cmax, &pressed))
        insetOpen_ = false;
    ImVec2 c = (cmin + cmax) * 0.5f;
    dl->AddCircleFilled(c, b * 0.34f, theme::col(ui, C::surfaceMuted, pressed ? 0.7f : 1.0f), 32);
    float x = b * 0.12f;
    ImU32 ink = theme::col(ui, C::text);
    dl->AddLine(c - ImVec2(x, x), c + ImVec2(x, x), ink, ui.px(st.closeStroke));
    dl->AddLine(c + ImVec2(-x, x), c + ImVec2(x, -x), ink, ui.px(st.closeStroke));
    const std::string& title = ui.tr(uiText(UiString::MapInsetTitle));
    ImVec2 ts = theme::textSize(ui, FontRole::H2, title, P.w - 2 * m - b);
    theme::text(ui, FontRole::H2, ImVec2(min.x + m, min.y + m), C::text, title, P.w - 2 * m - b);

    float top = min.y + m + std::max(ts.y, b - m) + s;
    float listH = drawInsetDistances(ui, {min.x + m, 0, P.w - 2 * m, 0}, true);
    Rect mapArea{min.x + m, top, P.w - 2 * m, max.y - m - listH - s - top};
    drawInsetMap(ui, mapArea);
    drawInsetDistances(ui, {min.x + m, mapArea.y + mapArea.h + s, P.w - 2 * m, listH}, false);
}

// [SECTION] Mini map

// The inset's places fitted into its area, padding around them.
struct MapScreen::InsetProjection {
    Vec2 mid;
    map::WorldPoint wc;
    double scale = 0;
    ImVec2 operator()(double wx, double wy) const {
        return ImVec2(mid.x + float((wx - wc.x) * scale), mid.y - float((wy - wc.y) * scale));
    }
};

namespace {

// The frame: the inset's places, with room for their names.
map::WorldBounds insetBounds(const std::vector<MapFeature>& features) {
    map::WorldBounds b{1e30, 1e30, -1e30, -1e30};
    for (const MapFeature& f : features)
        if (isInsetCity(f) || isInsetAirport(f)) {
            b.minX = std::min(b.minX, double(f.labelX)),
            b.maxX = std::max(b.maxX, double(f.labelX));
            b.minY = std::min(b.minY, double(f.labelY)),
            b.maxY = std::max(b.maxY, double(f.labelY));
        }
    return b;
}

// Zhenjiang itself, from the coarsest district band (Projection: MapScreen::InsetProjection,
// private to the screen).
template <class Projection>
void drawInsetCityArea(UiContext& ui, ImDrawList* dl, const std::vector<District>& districts,
                       const Projection& toPx) {
    ImU32 cityFill = theme::col(ui, C::primary, 0.75f);
    const ImVec2 uv = dl->_Data->TexUvWhitePixel;
    for (const District& d : districts) {
        const std::vector<float>& tri = d.bands[0].triangles;
        int n = static_cast<int>(tri.size() / 2);
        dl->PrimReserve(n, n);
        for (int k = 0; k < n; ++k) {
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(dl->_VtxCurrentIdx));
            dl->PrimWriteVtx(toPx(tri[size_t(2 * k)], tri[size_t(2 * k + 1)]), uv, cityFill);
        }
    }
}

void drawInsetSymbol(UiContext& ui, ImDrawList* dl, ImVec2 p, float r, bool airport, bool home) {
    const MapInsetStyle& st = ui.style.mapInset;
    if (airport) {
        dl->AddCircleFilled(p, r, theme::col(ui, ML::symbolFill), 20);
        ImU32 w = theme::col(ui, C::surface);
        dl->AddLine(p + ImVec2(0, -r * 0.6f), p + ImVec2(0, r * 0.6f), w, ui.px(st.glyphStroke));
        dl->AddTriangleFilled(p + ImVec2(0, -r * 0.2f), p + ImVec2(r * 0.6f, r * 0.15f),
                              p + ImVec2(-r * 0.6f, r * 0.15f), w);
    } else {
        dl->AddCircleFilled(p, r + ui.px(st.cityRing), theme::col(ui, C::surface), 20);
        dl->AddCircleFilled(p, r, theme::col(ui, home ? C::national : C::text), 20);
    }
}

} // namespace

void MapScreen::drawInsetMap(UiContext& ui, Rect area) {
    const MapInsetStyle& st = ui.style.mapInset;
    if (area.h < ui.px(st.minHeight)) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 amin(area.x, area.y), amax(area.x + area.w, area.y + area.h);
    dl->AddRectFilled(amin, amax, theme::col(ui, ML::neighbourLand), ui.px(st.rounding));
    map::WorldBounds b = insetBounds(content_->mapFeatures);
    if (b.empty()) return;
    float pad = ui.px(st.padding);
    InsetProjection toPx;
    toPx.scale =
        std::min((area.w - 2 * pad) / (b.maxX - b.minX), (area.h - 2 * pad) / (b.maxY - b.minY));
    toPx.mid = area.center();
    toPx.wc = b.center();
    dl->PushClipRect(amin, amax, true);
    drawInsetCityArea(ui, dl, content_->districts, toPx);
    // Straight lines from Zhenjiang to each city.
    const MapFeature* home = nullptr;
    for (const MapFeature& f : content_->mapFeatures)
        if (isInsetCity(f) && f.name.en == "Zhenjiang") home = &f;
    ImU32 line = theme::col(ui, C::primary, 0.55f);
    if (home)
        for (const MapFeature& f : content_->mapFeatures)
            if (isInsetCity(f) && &f != home)
                dl->AddLine(toPx(home->labelX, home->labelY), toPx(f.labelX, f.labelY), line,
                            ui.px(st.routeStroke));
    drawInsetPlaces(ui, area, toPx, home);
    dl->PopClipRect();
}

// Places and their names (placed so that none overlaps another or a symbol).
void MapScreen::drawInsetPlaces(UiContext& ui, Rect area, const InsetProjection& toPx,
                                const MapFeature* home) {
    const MapInsetStyle& st = ui.style.mapInset;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    insetCandidates_.clear();
    insetObstacles_.clear();
    insetFeature_.clear();
    Vec2 tpad(ui.px(st.labelPadX), ui.px(st.labelPadY));
    for (size_t i = 0; i < content_->mapFeatures.size(); ++i) {
        const MapFeature& f = content_->mapFeatures[i];
        bool city = isInsetCity(f), airport = isInsetAirport(f);
        if (!city && !airport) continue;
        ImVec2 p = toPx(f.labelX, f.labelY);
        float r = ui.px(airport ? st.airport : &f == home ? st.homeCity : st.city);
        drawInsetSymbol(ui, dl, p, r, airport, &f == home);
        insetObstacles_.push_back({p.x - r, p.y - r, 2 * r, 2 * r});
        map::LabelCandidate lc;
        lc.anchor = {p.x, p.y};
        std::string name = airport ? f.code : ui.tr(f.name);
        ImVec2 ts = theme::textSize(ui, airport ? FontRole::Caption : FontRole::BodyBold, name);
        lc.size = {ts.x + tpad.x * 2, ts.y + tpad.y * 2};
        lc.gap = r + ui.px(st.labelGap);
        lc.priority = airport ? 10 : (&f == home ? 100 : 50);
        insetCandidates_.push_back(lc);
        insetFeature_.push_back(static_cast<int>(i));
    }
    map::placeLabels(insetCandidates_, insetObstacles_, area, 1.0f, insetOrder_, insetPlaced_);
    for (const map::PlacedLabel& pl : insetPlaced_) {
        const MapFeature& f = content_->mapFeatures[size_t(insetFeature_[size_t(pl.candidate)])];
        bool airport = f.kind == MapFeatureKind::Airport;
        ImVec2 lmin(pl.rect.x, pl.rect.y), lmax(pl.rect.x + pl.rect.w, pl.rect.y + pl.rect.h);
        dl->AddRectFilled(lmin, lmax, theme::col(ui, C::surface, 0.85f), ui.px(st.labelRounding));
        theme::text(ui, airport ? FontRole::Caption : FontRole::BodyBold,
                    lmin + ImVec2(tpad.x, tpad.y), airport ? ML::symbolFill : C::text,
                    airport ? f.code : ui.tr(f.name));
    }
}

// [SECTION] Distances

// The cities nearest first: name, straight-line distance, sample travel time. Returns the
// height it takes (and draws nothing when `measureOnly`).
float MapScreen::drawInsetDistances(UiContext& ui, Rect area, bool measureOnly) {
    std::vector<const MapFeature*> rows;
    for (const MapFeature& f : content_->mapFeatures)
        if (isInsetCity(f) && f.name.en != "Zhenjiang") rows.push_back(&f);
    std::sort(rows.begin(), rows.end(), [](const MapFeature* a, const MapFeature* b) {
        return a->distanceKm < b->distanceKm;
    });
    const MapInsetStyle& st = ui.style.mapInset;
    float rowH = ui.px(st.rowHeight), tagGap = ui.px(st.tagGap);
    ImVec2 tag = widgets::sampleTagSize(ui);
    float headH = std::max(rowH, tag.y + tagGap);
    float h = headH + rowH * float(rows.size());
    if (measureOnly) return h;
    // Columns as wide as their widest entry.
    const std::string& distance = ui.tr(uiText(UiString::MapInsetDistance));
    const std::string& travel = ui.tr(uiText(UiString::MapInsetTravel));
    float gap = ui.px(tokens::space::m);
    float nameW = 0, distW = theme::textSize(ui, FontRole::Caption, distance).x;
    for (const MapFeature* f : rows) {
        nameW = std::max(nameW, theme::textSize(ui, FontRole::Body, ui.tr(f->name)).x);
        distW = std::max(distW, theme::textSize(ui, FontRole::BodyBold, "0000 km").x);
    }
    float colDist = area.x + nameW + gap, colTime = colDist + distW + gap;
    float y = area.y;
    theme::text(ui, FontRole::Caption, ImVec2(colDist, y), C::textSecondary, distance);
    ImVec2 tt = theme::textSize(ui, FontRole::Caption, travel);
    theme::text(ui, FontRole::Caption, ImVec2(colTime, y), C::textSecondary, travel);
    bool anySample = false;
    for (const MapFeature* f : rows) anySample |= f->travelSample;
    if (anySample) widgets::sampleTag(ui, ImVec2(colTime + tt.x + tagGap, y - ui.px(st.tagRaise)));
    y += headH;
    for (const MapFeature* f : rows) {
        theme::text(ui, FontRole::Body, ImVec2(area.x, y), C::text, ui.tr(f->name));
        char km[32];
        std::snprintf(km, sizeof km, "%.0f km", f->distanceKm);
        theme::text(ui, FontRole::BodyBold, ImVec2(colDist, y), C::primary, km);
        if (f->travelMinutes > 0) {
            char min[32];
            std::snprintf(min, sizeof min, "%.0f", f->travelMinutes);
            theme::text(ui, FontRole::Body, ImVec2(colTime, y), C::text, min);
        }
        y += rowH;
    }
    return h;
}

} // namespace zj
