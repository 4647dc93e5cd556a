// [SECTION] Cache
// [SECTION] Land (neighbouring cities)
// [SECTION] Water
// [SECTION] Rails and symbols
// The base map around and under the districts (content.mapFeatures): each layer drawn from the
// same per-band geometry as the districts, in the order land, districts, water, rails, symbols.
#include "core/map/line_style.hpp"
#include "ui/screens/map_screen.hpp"

#include <algorithm>

namespace zj {

namespace {
namespace ML = tokens::mapLayers;
constexpr size_t kChunkVertices = 60000; // below the 16-bit index limit, a multiple of 3
} // namespace

// [SECTION] Cache

void MapScreen::prepareLayers(const Content& content) {
    layers_.clear();
    for (size_t i = 0; i < content.mapFeatures.size(); ++i) {
        const MapFeature& f = content.mapFeatures[i];
        LayerCache cache;
        cache.feature = static_cast<int>(i);
        for (int b = 0; b < kMapBands; ++b) {
            localizeBand(f.bands[size_t(b)], cache.bands[b]);
        }
        layers_.push_back(std::move(cache));
    }
}

bool MapScreen::layerOnScreen(const Layout& L, const MapFeature& f) const {
    Vec2 a = camera_.toScreen({f.minX, f.maxY}), b = camera_.toScreen({f.maxX, f.minY});
    return !(b.x < L.map.x || a.x > L.map.x + L.map.w || b.y < L.map.y || a.y > L.map.y + L.map.h);
}

void MapScreen::fillTriangles(const std::vector<float>& tri, ImU32 col) {
    writeTriangles(tri, col);
    layerVertices_ += tri.size() / 2;
}

// Triangles straight into the draw list (no tessellation, no allocation).
void MapScreen::writeTriangles(const std::vector<float>& tri, ImU32 col) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 uv = dl->_Data->TexUvWhitePixel;
    Vec2 o = camera_.toScreen(origin_);
    float s = static_cast<float>(camera_.scale());
    size_t vertices = tri.size() / 2;
    for (size_t start = 0; start < vertices; start += kChunkVertices) {
        int n = static_cast<int>(std::min(kChunkVertices, vertices - start));
        dl->PrimReserve(n, n);
        const float* p = tri.data() + start * 2;
        for (int k = 0; k < n; ++k, p += 2) {
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(dl->_VtxCurrentIdx));
            dl->PrimWriteVtx(ImVec2(o.x + p[0] * s, o.y - p[1] * s), uv, col);
        }
    }
}

// A strip in screen space; `closed` for outlines (their last point repeats the first).
void MapScreen::strokeStrip(const std::vector<float>& strip, bool closed, ImU32 col, float width) {
    size_t n = strip.size() / 2;
    if (n < 2) return;
    Vec2 o = camera_.toScreen(origin_);
    float s = static_cast<float>(camera_.scale());
    ringScratch_.clear();
    for (size_t k = 0; k < n - (closed ? 1 : 0); ++k)
        ringScratch_.push_back(ImVec2(o.x + strip[2 * k] * s, o.y - strip[2 * k + 1] * s));
    ImGui::GetWindowDrawList()->AddPolyline(ringScratch_.data(),
                                            static_cast<int>(ringScratch_.size()), col,
                                            closed ? ImDrawFlags_Closed : 0, width);
}

// [SECTION] Land (neighbouring cities)

void MapScreen::drawLand(UiContext& ui, const Layout& L) {
    int band = bandForScale();
    ImU32 fill = theme::col(ui, ML::neighbourLand);
    ImU32 border = theme::col(ui, ML::neighbourBorder);
    float width = ui.px(ML::neighbourBorderWidth);
    for (const LayerCache& c : layers_) {
        const MapFeature& f = content_->mapFeatures[size_t(c.feature)];
        if (f.kind != MapFeatureKind::Neighbour || !layerOnScreen(L, f)) continue;
        fillTriangles(c.bands[band].triangles, fill);
    }
    for (const LayerCache& c : layers_) {
        const MapFeature& f = content_->mapFeatures[size_t(c.feature)];
        if (f.kind != MapFeatureKind::Neighbour || !layerOnScreen(L, f)) continue;
        for (const auto& ring : c.bands[band].outlines) strokeStrip(ring, true, border, width);
    }
}

// [SECTION] Water

// Over the district fills, so the Yangtze cuts the city and Yangzhong reads as an island.
void MapScreen::drawWater(UiContext& ui, const Layout& L) {
    int band = bandForScale();
    ImU32 fill = theme::col(ui, ML::water);
    ImU32 edge = theme::col(ui, ML::waterEdge, 0.8f);
    float width = ui.px(ui.style.mapLayer.waterEdge);
    for (const LayerCache& c : layers_) {
        const MapFeature& f = content_->mapFeatures[size_t(c.feature)];
        if (f.kind != MapFeatureKind::Water || !layerOnScreen(L, f)) continue;
        fillTriangles(c.bands[band].triangles, fill);
        for (const auto& ring : c.bands[band].outlines) strokeStrip(ring, true, edge, width);
    }
}

// [SECTION] Rails and symbols

void MapScreen::drawRails(UiContext& ui, const Layout& L) {
    int band = bandForScale();
    float zoom = static_cast<float>(camera_.zoomRelative());
    float core = map::lineWidthPx(ui.px(ML::railWidth), zoom, ML::railMaxGrowth);
    float casing = core + 2 * map::lineWidthPx(ui.px(ML::railCasingExtra), zoom, ML::railMaxGrowth);
    ImU32 casingCol = theme::col(ui, ML::railCasing, 0.9f);
    ImU32 coreCol = theme::col(ui, ML::railCore);
    // Casings of every line first, so crossings read as one network.
    for (int pass = 0; pass < 2; ++pass)
        for (const LayerCache& c : layers_) {
            const MapFeature& f = content_->mapFeatures[size_t(c.feature)];
            if (f.kind != MapFeatureKind::Railway || !layerOnScreen(L, f)) continue;
            if (!map::railVisible(f.rank, zoom, ML::minorRailsFromZoom)) continue;
            for (const auto& strip : c.bands[band].outlines)
                strokeStrip(strip, false, pass == 0 ? casingCol : coreCol,
                            pass == 0 ? casing : core);
        }
}

void MapScreen::drawSymbols(UiContext& ui, const Layout& L) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = ui.px(ML::symbolRadius);
    ImU32 fill = theme::col(ui, ML::symbolFill), ink = theme::col(ui, tokens::color::surface);
    for (const MapFeature& f : content_->mapFeatures) {
        if (f.kind != MapFeatureKind::Airport && f.kind != MapFeatureKind::Port) continue;
        Vec2 p = camera_.toScreen({f.labelX, f.labelY});
        if (!L.map.contains(p)) continue;
        ImVec2 c(p.x, p.y);
        dl->AddCircleFilled(c, r + ui.px(ui.style.mapLayer.symbolRing), ink, 24);
        dl->AddCircleFilled(c, r, fill, 24);
        float w = ui.px(ui.style.mapLayer.symbolStroke);
        if (f.kind == MapFeatureKind::Airport) {
            // A plane seen from above: fuselage, wings, tail.
            dl->AddLine(c + ImVec2(0, -r * 0.65f), c + ImVec2(0, r * 0.65f), ink, w * 1.3f);
            dl->AddTriangleFilled(c + ImVec2(0, -r * 0.25f), c + ImVec2(r * 0.62f, r * 0.12f),
                                  c + ImVec2(-r * 0.62f, r * 0.12f), ink);
            dl->AddLine(c + ImVec2(-r * 0.28f, r * 0.55f), c + ImVec2(r * 0.28f, r * 0.55f), ink,
                        w);
        } else {
            // An anchor: ring, shank, stock and the arms.
            dl->AddCircle(c + ImVec2(0, -r * 0.48f), r * 0.14f, ink, 12, w * 0.8f);
            dl->AddLine(c + ImVec2(0, -r * 0.34f), c + ImVec2(0, r * 0.6f), ink, w);
            dl->AddLine(c + ImVec2(-r * 0.3f, -r * 0.18f), c + ImVec2(r * 0.3f, -r * 0.18f), ink,
                        w);
            dl->PathArcTo(c + ImVec2(0, r * 0.12f), r * 0.5f, 0.35f, 2.8f, 12);
            dl->PathStroke(ink, 0, w);
        }
    }
}

} // namespace zj
