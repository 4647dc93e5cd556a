// Spatial Distribution 空间分布: the interactive map of parks and industries. Districts are
// filled and outlined from the bundle's pre-triangulated geometry, parks are markers styled by
// level, chips filter by industry and level, and a tapped marker opens the park card.
// Split over map_screen.cpp (entry, layout, gestures), map_view.cpp (geometry, markers,
// labels), map_layers.cpp (the base map: neighbours, water, rails, airports and ports),
// map_panels.cpp (chips, legend, scale bar) and map_card.cpp (the park card).
#pragma once
#include "core/map/camera.hpp"
#include "core/map/filter.hpp"
#include "core/map/labels.hpp"
#include "core/map/markers.hpp"
#include "ui/screens/screen.hpp"
#include "ui/theme.hpp"

#include <string>
#include <vector>

namespace zj {

class MapScreen final : public Screen {
  public:
    ScreenId id() const override { return ScreenId::Map; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void resetSession() override;
    void draw(UiContext& ui) override;

  private:
    // Where everything goes this frame (window pixels).
    struct Layout {
        bool portrait = false;
        Rect map;              // the map's area (camera viewport)
        Rect frame;            // ... less the controls over it: where the city is framed
        Rect panel;            // filters: a left column (landscape) or a bottom sheet (portrait)
        Rect legend;           // inside the panel: a column (landscape) or one row (portrait)
        float sheetShown = 0;  // portrait: the filter sheet 0 collapsed .. 1 open (eased)
        float sheetHandle = 0; // portrait: height of the sheet's grab strip
        Rect reset;            // "reset view" button
        Rect insetButton;      // "区位 / Location", left of reset (w = 0 without an inset)
        Rect inset;            // the regional inset: where the card goes (beside or a sheet)
        Rect card;             // the park card at its open position
        Rect cardNow;          // ... where it is this frame (sliding)
        float cardShown = 0;   // 0 closed .. 1 open (eased)
        Vec2 focus;            // where a selected park should sit: the middle of the uncovered map
    };
    // One district at one zoom band, in metres relative to the city's centre (float precision
    // stays at centimetres this way).
    struct BandGeometry {
        std::vector<float> triangles;             // x,y per vertex
        std::vector<std::vector<float>> outlines; // closed rings, x,y pairs
    };
    struct DistrictCache {
        BandGeometry bands[kMapBands];
        uint32_t tint = 0;
    };
    // One base-map feature (content.mapFeatures[feature]) in the same frame as the districts.
    struct LayerCache {
        int feature = 0;
        BandGeometry bands[kMapBands];
    };
    // Camera work asked for by onEnter (which has no layout yet), done in the next draw.
    enum class Pending { None, FrameCity, FlyToPark, FitParks, FrameThenFly, FrameThenFit };

    // [map_screen.cpp]
    Layout computeLayout(UiContext& ui);
    void layoutLandscapePanels(UiContext& ui, Layout& L);
    void layoutPortraitSheet(UiContext& ui, Layout& L);
    void layoutCardSlide(UiContext& ui, Layout& L);
    void layoutBottomBand(UiContext& ui, Layout& L);
    void applyPending(UiContext& ui, const Layout& L);
    void handleGestures(UiContext& ui, const Layout& L);
    void tapMap(UiContext& ui, const Layout& L, Vec2 pos, bool cardUp);
    void beginDrag(const Layout& L, Vec2 start, bool cardUp);
    void endDrag(UiContext& ui, Vec2 velocity);
    bool overUi(const Layout& L, Vec2 p) const; // on a panel, button or card, not on the map
    void selectPark(UiContext& ui, int park);
    void closeCard(UiContext& ui);
    void flyToPark(UiContext& ui, const Layout& L, int park, double minZoom);
    void openCluster(UiContext& ui, const Layout& L, const map::MarkerCluster& cluster);
    void resetView(UiContext& ui, const Layout& L);

    // [map_view.cpp]
    void prepareGeometry(const Content& content);
    int bandForScale() const;
    void drawDistricts(UiContext& ui, const Layout& L);
    void collectControls(const Layout& L);
    void updateMarkers(UiContext& ui, const Layout& L);
    void drawMarkerShape(UiContext& ui, const Park& p, ImVec2 c, float alpha, bool isSelected);
    void drawMarkers(UiContext& ui, const Layout& L);
    void drawMarkerLabels(UiContext& ui);
    void drawLabels(UiContext& ui, const Layout& L);
    bool markerTappable(const Layout& L, Vec2 p) const;

    // [map_layers.cpp]
    void prepareLayers(const Content& content);
    void localizeBand(const DistrictGeometry& g, BandGeometry& out);
    bool layerOnScreen(const Layout& L, const MapFeature& f) const;
    void fillTriangles(const std::vector<float>& tri, ImU32 col);  // counted in layerVertices_
    void writeTriangles(const std::vector<float>& tri, ImU32 col); // not counted
    void strokeStrip(const std::vector<float>& strip, bool closed, ImU32 col, float width);
    void drawLand(UiContext& ui, const Layout& L);
    void drawWater(UiContext& ui, const Layout& L);
    void drawRails(UiContext& ui, const Layout& L);
    void drawSymbols(UiContext& ui, const Layout& L);

    // [map_inset.cpp]
    bool hasInset() const;
    void drawInsetButton(UiContext& ui, const Layout& L);
    void drawInset(UiContext& ui, const Layout& L);
    void drawInsetMap(UiContext& ui, Rect area);
    struct InsetProjection; // world to the inset's pixels
    void drawInsetPlaces(UiContext& ui, Rect area, const InsetProjection& toPx,
                         const MapFeature* home);
    float drawInsetDistances(UiContext& ui, Rect area, bool measureOnly);

    // [map_panels.cpp]
    float drawChips(UiContext& ui, const Layout& L, Rect area, bool measureOnly, bool interactive);
    bool sheetCovered(const Layout& L) const; // portrait: the card or the inset over the sheet
    void setFiltersOpen(UiContext& ui, bool open);
    void drawPanel(UiContext& ui, const Layout& L);
    void drawSheet(UiContext& ui, const Layout& L, const std::string& count);
    void drawLegend(UiContext& ui, const Layout& L);
    void drawScaleAndCredits(UiContext& ui, const Layout& L);
    void drawResetButton(UiContext& ui, const Layout& L);

    // [map_card.cpp]
    void drawCard(UiContext& ui, const Layout& L);
    float drawCardBody(UiContext& ui, const Park& park, ImVec2 origin, float width);
    void drawPhotos(UiContext& ui, const Park& park, ImVec2 min, ImVec2 max);

    // Content and its cached geometry.
    const Content* content_ = nullptr;
    uint64_t contentVersion_ = 0;
    map::WorldBounds city_;
    std::vector<DistrictCache> districts_;
    std::vector<ImVec2> ringScratch_; // outline points of one ring, reused every frame
    map::WorldPoint origin_;          // the city's centre: geometry is stored relative to it
    std::vector<map::WorldPoint> cityAnchors_; // points on the city the pan limits keep in view
    std::vector<LayerCache> layers_;           // the base map, same frame
    size_t layerVertices_ = 0; // base-map fill vertices drawn this frame (bench figure)

    // Camera and filters.
    map::Camera camera_;
    map::ParkFilter filter_;
    Pending pending_ = Pending::FrameCity;
    std::string pendingPark_;

    // Markers and labels of this frame (kept to avoid per-frame allocation).
    std::vector<Vec2> markerPx_;
    std::vector<bool> markerMatches_;
    std::vector<Rect> markerRects_;
    std::vector<map::LabelCandidate> labelCandidates_;
    std::vector<int> labelKinds_; // per candidate: district index (>= 0) or -1 - park index
    std::vector<int> labelOrder_;
    std::vector<map::PlacedLabel> placedLabels_;
    std::vector<Rect> controls_;              // the map's own controls this frame
    std::vector<map::MarkerIn> markerInputs_; // the markers laid out (not faded)
    std::vector<int> layoutPark_;             // ... their park indices
    map::MarkerLayout markerLayout_;          // labels, leaders and clusters of this frame

    // Gestures.
    enum class DragTarget { None, Map, CardScroll, CardPhotos, Sheet };
    DragTarget drag_ = DragTarget::None;
    float photoDragDx_ = 0;
    float sheetDragDy_ = 0;

    // The portrait filter sheet: collapsed (count, legend, "Filter parks") or open (the chips).
    bool filtersOpen_ = false;
    double filtersChangedMs_ = -1e9; // when it started opening or closing
    bool pinching_ = false;

    // The regional inset and its labels (kept to avoid per-frame allocation).
    bool insetOpen_ = false;
    std::vector<map::LabelCandidate> insetCandidates_;
    std::vector<Rect> insetObstacles_;
    std::vector<int> insetFeature_;
    std::vector<int> insetOrder_;
    std::vector<map::PlacedLabel> insetPlaced_;

    // The park card.
    int cardPark_ = -1; // park index shown (also while sliding out)
    bool cardOpen_ = false;
    double cardChangedMs_ = -1e9; // when it started opening or closing
    float cardScroll_ = 0;
    float cardContentH_ = 0;
    int photoIndex_ = 0;
    Rect photoRect_; // the photo strip this frame (for swipes)

    // Entry bookkeeping: a re-entry from the map's own selection does not replay the screen
    // transition (the app fades a screen in on every navigation).
    int lastDrawFrame_ = -1; // ImGui frame count of the last draw
    bool suppressTransition_ = false;
    double enteredMs_ = 0;
};

} // namespace zj
