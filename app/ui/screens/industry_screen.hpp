// Industry Support 产业配套: the seven industries as photo tiles in their colours; a tile opens
// its chain as upstream → midstream → downstream columns of nodes (rows in portrait); a node lists
// the parks that host it and the supporting enterprises, with "show on map" (Spatial Distribution
// filtered to those parks). Opening a chain is a navigation (selection = industry id), so "back"
// returns to the tiles and tours can jump straight into a chain.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets_media.hpp"

namespace zj {

class IndustryScreen final : public Screen {
  public:
    ScreenId id() const override { return ScreenId::Industry; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void resetSession() override;
    void draw(UiContext& ui) override;

  private:
    void drawTiles(UiContext& ui, ImVec2 min, ImVec2 max);
    void drawMapTile(UiContext& ui, ImVec2 min, ImVec2 max, ImVec2 clipMin, ImVec2 clipMax);
    void drawChain(UiContext& ui, const Industry& ind, ImVec2 min, ImVec2 max);
    void drawChainColumns(UiContext& ui, const Industry& ind, ImVec2 chainMin, ImVec2 chainMax);
    void drawChainRows(UiContext& ui, const Industry& ind, ImVec2 chainMin, ImVec2 chainMax);
    float drawNodeCard(UiContext& ui, const Industry& ind, const ChainNode& n, ImVec2 at,
                       float width, float minH, ImVec2 clipMin, ImVec2 clipMax);
    void drawNodeDetail(UiContext& ui, const Industry& ind, const ChainNode& node, ImVec2 min,
                        ImVec2 max);

    std::string industry_; // open chain, or empty: the tiles
    std::string node_;     // selected node id in the open chain
    widgets::KineticArea tilesScroll_;
    widgets::KineticArea chainScroll_;
    widgets::KineticArea detailScroll_;
    double enteredMs_ = 0;
    float tilesH_ = 0, chainH_ = 0, detailH_ = 0; // content lengths measured last frame
};

} // namespace zj
