// Investment Promotion 投资推介: projects seeking investment with filter chips by industry and
// zone, policies and services, events and signings, contacts with QR codes, and "my list": the
// projects a visitor picked on this screen, as a QR code to take away.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets_media.hpp"

#include <string>
#include <vector>

namespace zj {

class InvestScreen final : public Screen {
  public:
    ScreenId id() const override { return ScreenId::Invest; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void resetSession() override;
    void draw(UiContext& ui) override;

    // The text the take-away QR encodes for these picks (tested through scenarios).
    static std::string takeAwayText(const Content& c, const std::vector<std::string>& picks);

  private:
    enum class Tab { Policies, Events, Contacts, MyList };
    float drawChips(UiContext& ui, ImVec2 min, float w);
    void drawProjects(UiContext& ui, ImVec2 min, ImVec2 max);
    void drawPickButton(UiContext& ui, const Project& p, ImVec2 bmin, ImVec2 bmax, ImVec2 clipMin,
                        ImVec2 clipMax);
    void drawTabs(UiContext& ui, ImVec2 min, ImVec2 max);
    void drawSheet(UiContext& ui, float listTop); // portrait: the tabs as a bottom sheet
    void setSheetOpen(UiContext& ui, bool open);
    float drawPolicies(UiContext& ui, float x, float y, float w);
    float drawEvents(UiContext& ui, float x, float y, float w);
    float drawContacts(UiContext& ui, float x, float y, float w, ImVec2 clipMin, ImVec2 clipMax);
    float drawMyList(UiContext& ui, float x, float y, float w, ImVec2 clipMin, ImVec2 clipMax);
    bool picked(const std::string& id) const;

    std::string industryFilter_; // empty: all
    std::string zoneFilter_;     // park id; empty: all
    std::vector<std::string> picks_;
    Tab tab_ = Tab::Policies;
    widgets::KineticArea industryChips_{true};
    widgets::KineticArea zoneChips_{true};
    widgets::KineticArea projects_;
    widgets::KineticArea panel_;
    float industryChipsW_ = 0, zoneChipsW_ = 0, projectsH_ = 0, panelH_ = 0;

    // Portrait: the tabs are a bottom sheet, collapsed to its tab bar until a tab is tapped.
    bool portrait_ = false;
    bool sheetOpen_ = false;
    double sheetChangedMs_ = -1e9; // when it started opening or closing
    float sheetDragDy_ = 0;
    bool sheetDrag_ = false; // a drag that started on the sheet's header
};

} // namespace zj
